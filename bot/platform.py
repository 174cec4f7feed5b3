"""The platform port: what each platform adapter (VK, OK, …) supplies, and the registry of them.

Everything outside an adapter — the daemon, the outbox, the decision service, the ladder, the web
UI — speaks only this vocabulary: a :class:`~bot.types.Comment` comes in through an
:data:`EventSink`; an *intent* (delete, ban, restore, unban) goes to :meth:`Platform.plan`, which
answers with outbox :class:`~bot.types.Action` rows *as data* (so what will be called is journalled
before it is called); the outbox hands those rows back to :meth:`Platform.perform` and records the
:data:`Outcome`. Platform methods, error codes, tokens, rate limits and ban limits stay inside the
adapter. Which adapters exist is decided by the composition root (:mod:`bot.adapters`), never by a
platform-free module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from aiohttp import web

from bot.config import CommunityConfig
from bot.types import Action, Comment

# --------------------------------------------------------------------------- what a platform can do


@dataclass(frozen=True)
class Capabilities:
    """What the platform's API lets us do. An intent it cannot perform is planned as a *manual*
    action (a moderator does it by hand on the platform) or, where nobody can, held for review."""

    delete: bool = True
    ban: bool = True
    restore: bool = True
    unban: bool = True
    #: after a crash, can an in-flight action be checked before it is sent again?
    verify: bool = True
    #: longest ban the platform takes, in days (None: any); longer ones are clamped by the adapter
    max_ban_days: int | None = None


class NotActionable(ValueError):
    """Nobody can perform this on the platform (e.g. delete a private message to a VK community):
    the decision becomes a review with this reason, in Russian."""


# --------------------------------------------------------------------------- intents


@dataclass(frozen=True)
class BanIntent:
    """Ban ``author_id`` in ``community`` until ``until`` (unix; None = forever) for ``category``;
    ``notice`` is the Russian text the citizen is shown (clause 19, category)."""

    community: CommunityConfig
    author_id: str
    until: int | None
    category: str
    notice: str


@dataclass(frozen=True)
class DeleteIntent:
    """Delete ``comment``. ``ban``: the same decision also bans its author in the comment's own
    community — an adapter whose platform bans *through* the deletion (OK's ``block_author``)
    plans both as one action; the others plan the ban as an action of its own, after the delete."""

    comment: Comment
    ban: BanIntent | None = None


@dataclass(frozen=True)
class RestoreIntent:
    comment: Comment


@dataclass(frozen=True)
class UnbanIntent:
    community: CommunityConfig
    author_id: str


Intent = DeleteIntent | RestoreIntent | BanIntent | UnbanIntent


# --------------------------------------------------------------------------- events in


@dataclass(frozen=True)
class CommentEvent:
    """A new, edited or restored comment (or a message to the community)."""

    comment: Comment
    event_type: str
    event_id: str
    community_id: int


@dataclass(frozen=True)
class BanEvent:
    """A ban made or lifted on the platform itself (by us or by a person)."""

    platform: str
    community_id: int
    author_id: str
    blocked: bool
    until: int | None  # unix; None = forever / not applicable
    by: str  # who did it, as the platform names them ("vk:123")
    note: str  # the platform's comment / reason, for the journal
    event_id: str
    expired: bool = False  # an unblock because the ban ran out


@dataclass(frozen=True)
class PostEvent:
    """A publication by the page itself (clause 15 of the decree: at least 3 a week). Only the
    community's own posts: a user's post on an open wall or a "suggested" post is not one. Its text
    is never judged or stored — the date and the link are what the regional centre counts.

    ``event_id`` is "" when the post was found by reading the wall (first start, a gap) rather
    than pushed; the store keeps each ``(platform, community_id, post_id)`` once either way."""

    platform: str
    community_id: int
    post_id: str  # opaque text, as the platform names it
    created_at: int  # unix seconds, the platform's publication time
    url: str = ""
    event_id: str = ""


@dataclass(frozen=True)
class Ignored:
    """A well-formed event the daemon has nothing to do with."""

    event_type: str
    event_id: str
    community_id: int


@dataclass(frozen=True)
class Malformed:
    """An event that cannot be understood; ``error`` is one log line saying why."""

    error: str
    event_id: str = ""
    community_id: int = 0
    platform: str = ""


PlatformEvent = CommentEvent | BanEvent | PostEvent | Ignored | Malformed

#: ``await sink(events, source)``: store what matters; returns only once it is stored. Raises if
#: storing failed (the adapter then lets the platform redeliver).
EventSink = Callable[[Sequence[PlatformEvent], str], Awaitable[None]]


class Cursors(Protocol):
    """Persistent positions (the store's ``cursors`` table). Adapters prefix names with their
    platform (``vk:<group>:lp_ts``), so two platforms never share one."""

    async def get(self, name: str) -> str | None: ...

    async def set(self, name: str, value: str) -> None: ...


# --------------------------------------------------------------------------- outcomes of an action


@dataclass(frozen=True)
class Done:
    result: Any = None


@dataclass(frozen=True)
class Retry:
    """Try again at ``at`` (unix; None: the outbox's own backoff). ``maybe_sent``: the platform may
    have performed it (the answer was lost), so the retry checks first. ``count=False``: nothing is
    wrong with the action itself (a paused token), so no attempt is counted."""

    error: str
    at: float | None = None
    maybe_sent: bool = False
    count: bool = True


@dataclass(frozen=True)
class Failed:
    """The platform refused this action for good (no access to the comment, bad parameter …)."""

    error: str


@dataclass(frozen=True)
class Manual:
    """The platform's API will not do it (method unavailable, permission withheld): a moderator
    must do it by hand; ``reason`` says so in Russian."""

    reason: str


Outcome = Done | Retry | Failed | Manual


# --------------------------------------------------------------------------- the port


@runtime_checkable
class Platform(Protocol):
    """One platform adapter. Constructed from the config without I/O (the web UI and the CLI plan
    actions with it without ever starting it); :meth:`start` opens sessions and receivers."""

    name: str
    capabilities: Capabilities

    def communities(self) -> Sequence[CommunityConfig]:
        """The configured communities of this platform."""
        ...

    def plan(self, intent: Intent) -> list[Action]:
        """The outbox actions that carry out ``intent`` (``decision_id`` 0, filled in when the
        decision is written); state ``manual`` where a human must act. Pure. Raises
        :class:`NotActionable` where nobody can."""
        ...

    def routes(self) -> list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]]:
        """``(method, path, handler)`` the daemon's HTTP listener must serve (VK's Callback API)."""
        ...

    async def start(self, sink: EventSink, cursors: Cursors) -> None:
        """Open sessions and start receiving for every configured community; return once started."""
        ...

    async def wait_ready(self, timeout: float) -> int:
        """Wait until every receiver knows where it resumes; returns how many are not ready yet."""
        ...

    async def stop(self) -> None:
        """Stop receiving (events already delivered are stored); actions can still be performed."""
        ...

    async def close(self) -> None:
        """After the outbox stopped: close sessions."""
        ...

    async def perform(self, actions: Sequence[Action]) -> list[Outcome]:
        """Perform a batch of actions; one outcome per action, in order. Never raises."""
        ...

    async def verify(self, action: Action) -> bool | None:
        """After a crash: did ``action`` take effect? True / False / None (cannot tell)."""
        ...

    def describe(self, action: Action) -> str:
        """What the action acts on, for one log line ("comment -1/55", "user 7 in group 1")."""
        ...

    def health(self) -> dict[str, Any]:
        """Receiver positions, paused tokens and the like, for ``/healthz`` and ``modbot status``."""
        ...


class UnknownPlatform(KeyError):
    def __str__(self) -> str:
        return f"no adapter for platform {self.args[0]!r}"


class PlatformRegistry:
    """Adapters by ``Comment.platform``. Filled by the composition root, read by everyone else."""

    def __init__(self, platforms: Sequence[Platform] = ()) -> None:
        self._by_name: dict[str, Platform] = {}
        for p in platforms:
            self.register(p)

    def register(self, platform: Platform) -> None:
        if platform.name in self._by_name:
            raise ValueError(f"platform {platform.name!r} registered twice")
        self._by_name[platform.name] = platform

    def get(self, name: str) -> Platform:
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownPlatform(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Platform]:
        return iter(self._by_name.values())

    def names(self) -> list[str]:
        return list(self._by_name)


__all__ = [
    "BanEvent",
    "BanIntent",
    "Capabilities",
    "CommentEvent",
    "Cursors",
    "DeleteIntent",
    "Done",
    "EventSink",
    "Failed",
    "Ignored",
    "Intent",
    "Malformed",
    "Manual",
    "NotActionable",
    "Outcome",
    "Platform",
    "PlatformEvent",
    "PlatformRegistry",
    "PostEvent",
    "RestoreIntent",
    "Retry",
    "UnbanIntent",
    "UnknownPlatform",
]
