"""Platform-free records that travel along the one path: Comment → Decision → Action.

Adapters (``bot/vk``, ``bot/ok``) produce :class:`Comment`; the daemon never looks at a raw
platform event after that point. Ids other than the community's are **opaque text**: VK's are
numbers written as text, OK's look like ``mid:…`` or ``user:123``; nothing outside an adapter
does arithmetic on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLATFORMS = ("vk", "ok")
#: Where on the platform a comment lives; decides which delete/restore call applies.
KINDS = ("wall", "photo", "video", "board", "market", "message", "ok_topic", "ok_message")
ACTION_KINDS = ("delete", "ban", "restore", "unban")
#: ``pending`` → the outbox performs it → ``done`` / ``failed``; ``manual``: a moderator must do it
#: on the platform by hand (the platform's API cannot) until marked done; ``cancelled``: undone
#: before it was sent.
ACTION_STATES = ("pending", "done", "failed", "manual", "cancelled")


@dataclass
class Comment:
    platform: str  # "vk" | "ok"
    community_id: int  # positive group id on its platform
    kind: str  # one of KINDS
    comment_id: str  # id within its object (message id for "message"); opaque text
    author_id: str  # opaque text
    text: str
    created_at: int  # unix seconds, platform's clock
    object_id: str = ""  # post / photo / video / topic / market item id; opaque text
    owner_id: str = ""  # owner of the object as the platform names it ("" when implied)
    url: str = ""
    received_at: float = 0.0  # our clock, when the event arrived
    event_id: str = ""  # platform event id (for dedupe); "" for backfilled / polled comments
    edited: bool = False
    by_community: bool = False  # posted by the community itself (never acted on)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Adapters and old call sites may hand numbers; the store and keys want text.
        for name in ("comment_id", "author_id", "object_id", "owner_id"):
            value = getattr(self, name)
            if not isinstance(value, str):
                setattr(self, name, "" if value is None else str(value))

    @property
    def key(self) -> str:
        """Stable identity of the comment across events: platform:community:kind:object:comment."""
        return f"{self.platform}:{self.community_id}:{self.kind}:{self.object_id or 0}:{self.comment_id}"


@dataclass
class Decision:
    comment_key: str
    action: str  # allow | review | delete | delete_and_ban | restore | ban | unban
    labels: list[str]
    decided_by: str  # "auto" or a moderator's name
    reason: str  # Russian clause-19 ground or the moderator's note
    ban_days: int | None = None  # None = no ban, 0 = forever
    id: int | None = None
    undoes: int | None = None  # the decision this one undoes


@dataclass
class Action:
    decision_id: int
    kind: str  # one of ACTION_KINDS
    platform: str
    community_id: int
    method: str  # platform method, e.g. "wall.deleteComment"; "manual" for a moderator's hand
    params: dict[str, Any]
    state: str = "pending"
    attempts: int = 0
    error: str = ""
    id: int | None = None
    #: this action waits until that one is no longer pending (a restore after its delete)
    depends_on: int | None = None
    #: the outbox's lease: set while the action is (maybe) being performed
    lease_until: float | None = None
    #: idempotency key ("" = derived by the store from the decision's comment)
    key: str = ""

    @property
    def in_flight(self) -> bool:
        """Claimed by an outbox before a stop: the platform may or may not have performed it."""
        return self.lease_until is not None
