"""The emulated VK world as data: tokens, communities, posts, stored comments, bans, callback servers.

Plain dataclasses without behaviour beyond small helpers, so the state, the
method handlers and the delivery code can share them without import cycles.
Indexes live per community so every per-request lookup is O(1).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from .longpoll import LongPollQueue
from .protocol import API_VERSION, TokenKind


@dataclass(slots=True)
class TokenInfo:
    """An access token; ``kind`` decides which methods it may call (27/28 otherwise)."""

    token: str
    kind: TokenKind
    user_id: int | None = None
    group_id: int | None = None
    scopes: frozenset[str] = frozenset()
    rate_limit: int | None = None  # overrides VKState.rate_limits[kind] when set

    def public(self) -> dict[str, Any]:
        return {"token": self.token, "kind": self.kind, "user_id": self.user_id, "group_id": self.group_id,
                "scopes": sorted(self.scopes), "rate_limit": self.rate_limit}


@dataclass(slots=True)
class Post:
    """A community wall post; ``live_comments`` is what ``comments.count`` shows (deleted ones excluded).
    ``post_type``: ``post`` (published), ``suggest`` (a user's proposal, not on the wall yet)."""

    id: int
    owner_id: int
    from_id: int
    date: int
    text: str
    live_comments: int = 0
    post_type: str = "post"


@dataclass(slots=True)
class StoredComment:
    """A comment of any kind as the emulator stores it (not ``bot.types.Comment``, the daemon's view of one).

    Wall replies link to their thread ``root_id`` (VK threads are two-level).
    """

    kind: str
    group_id: int
    id: int
    parent_id: int
    from_id: int
    date: int
    text: str
    time_ms: float
    reply_to_comment: int | None = None
    reply_to_user: int | None = None
    root_id: int | None = None
    replies: list[int] = field(default_factory=list)
    live_replies: int = 0
    deleted: bool = False
    deleted_at: float | None = None
    deleter_id: int | None = None
    edited: int = 0


@dataclass(slots=True)
class Ban:
    """A community blacklist entry in VK's ``ban_info`` terms (end_date 0 = forever)."""

    owner_id: int
    admin_id: int
    date: int
    reason: int
    comment: str
    comment_visible: bool
    end_date: int

    def ban_info(self) -> dict[str, Any]:
        return {"admin_id": self.admin_id, "date": self.date, "reason": self.reason, "comment": self.comment,
                "comment_visible": self.comment_visible, "end_date": self.end_date}


@dataclass(slots=True)
class CallbackServer:
    """A Callback API server; ``all_events`` is the default for types not in ``events``."""

    id: int
    url: str
    title: str
    secret: str
    creator_id: int
    status: str = "unconfigured"
    api_version: str = API_VERSION
    events: dict[str, bool] = field(default_factory=dict)
    all_events: bool = False
    delivered: int = 0
    failed: int = 0

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "creator_id": self.creator_id, "url": self.url,
                "secret_key": self.secret, "status": self.status}


@dataclass
class Group:
    """A community with everything hanging off it (indexes are per group to keep lookups O(1))."""

    id: int
    name: str
    screen_name: str
    confirmation_code: str
    lp: LongPollQueue
    admins: set[int] = field(default_factory=set)
    posts: dict[int, Post] = field(default_factory=dict)
    post_ids: list[int] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    comments: dict[tuple[str, int], StoredComment] = field(default_factory=dict)
    containers: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    bans: dict[int, Ban] = field(default_factory=dict)
    lp_enabled: bool = True
    lp_events: dict[str, bool] = field(default_factory=dict)
    callback_servers: dict[int, CallbackServer] = field(default_factory=dict)
    cb_queue: asyncio.Queue[dict[str, Any]] | None = None
    cb_task: asyncio.Task[None] | None = None
    event_index: dict[str, dict[str, Any]] = field(default_factory=dict)

    def next_id(self, kind: str) -> int:
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return n
