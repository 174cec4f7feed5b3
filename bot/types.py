"""Platform-free records that travel along the one path: Comment → Decision → Action.

Adapters (``bot/vk``, later ``bot/ok``) produce :class:`Comment`; the daemon never looks at a raw
platform event after that point.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLATFORMS = ("vk", "ok")
#: Where on the platform a comment lives; decides which delete/restore method applies.
KINDS = ("wall", "photo", "video", "board", "market", "message", "ok_topic")
ACTION_KINDS = ("delete", "ban", "restore", "unban")
ACTION_STATES = ("pending", "done", "failed")


@dataclass
class Comment:
    platform: str  # "vk" | "ok"
    community_id: int  # positive group id
    kind: str  # one of KINDS
    comment_id: int  # id within its object (message id for "message")
    author_id: int
    text: str
    created_at: int  # unix seconds, platform's clock
    object_id: int = 0  # post / photo / video / topic / market item id
    owner_id: int = 0  # owner of the object (negative for a VK community)
    url: str = ""
    received_at: float = 0.0  # our clock, when the event arrived
    event_id: str = ""  # platform event id (for dedupe); "" for backfilled comments
    edited: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> str:
        """Stable identity of the comment across events: platform:community:kind:object:comment."""
        return f"{self.platform}:{self.community_id}:{self.kind}:{self.object_id}:{self.comment_id}"


@dataclass
class Decision:
    comment_key: str
    action: str  # allow | review | delete | delete_and_ban (moderation.verdict.ACTIONS)
    labels: list[str]
    decided_by: str  # "auto" or a moderator's name
    reason: str  # Russian clause-19 ground or the moderator's note
    ban_days: int | None = None  # None = no ban, 0 = forever
    id: int | None = None


@dataclass
class Action:
    decision_id: int
    kind: str  # one of ACTION_KINDS
    platform: str
    community_id: int
    method: str  # platform method, e.g. "wall.deleteComment"
    params: dict[str, Any]
    state: str = "pending"
    attempts: int = 0
    error: str = ""
    id: int | None = None
