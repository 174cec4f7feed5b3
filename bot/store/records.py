"""The store's typed rows (a comment version, a blacklist entry, a ban to write), the
idempotency key of an action, and the conversions between rows and records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from bot.types import ACTION_KINDS, Action, Comment

COMMENT_STATES = ("received", "judged", "acted")

#: Decision actions the journal accepts: the judge's four plus what moderators can do.
DECISION_ACTIONS = ("allow", "review", "delete", "delete_and_ban", "restore", "ban", "unban")

#: Decisions that say something about the comment itself; the latest of these decides whether the
#: comment counts as a violation (a moderator's restore/allow cancels an earlier delete).
_COMMENT_VERDICT_ACTIONS = ("allow", "review", "delete", "delete_and_ban", "restore")

_VIOLATION_ACTIONS = ("delete", "delete_and_ban")

#: The daemon writes its health (JSON) into this cursor every HEARTBEAT_SECONDS; ``modbot status``
#: reads it without reaching the daemon.
HEARTBEAT_CURSOR = "daemon:health"

HEARTBEAT_SECONDS = 15.0

@dataclass(frozen=True)
class CommentRow:
    """A stored comment version. ``is_new`` is True when this ``save_comment`` call inserted it."""

    id: int
    key: str
    version: int
    platform: str
    community_id: int
    kind: str
    object_id: str
    owner_id: str
    comment_id: str
    author_id: str
    text: str
    created_at: int
    received_at: float
    url: str
    event_id: str
    state: str
    by_community: bool = False
    is_new: bool = False

    def to_comment(self) -> Comment:
        """Back to the platform-free :class:`Comment` (for the judge / re-processing)."""
        return Comment(
            platform=self.platform,
            community_id=self.community_id,
            kind=self.kind,
            comment_id=self.comment_id,
            author_id=self.author_id,
            text=self.text,
            created_at=self.created_at,
            object_id=self.object_id,
            owner_id=self.owner_id,
            url=self.url,
            received_at=self.received_at,
            event_id=self.event_id,
            edited=self.version > 1,
            by_community=self.by_community,
        )

@dataclass(frozen=True)
class BanRow:
    """One local blacklist entry. ``community_id`` None = all communities; ``until`` None = forever."""

    id: int
    platform: str
    community_id: int | None
    author_id: str
    until: int | None
    reason: str
    category: str
    decided_by: str
    decision_id: int | None
    created_at: float
    lifted_at: float | None
    lifted_by: str | None
    platform_error: str | None = None

@dataclass(frozen=True)
class BanRequest:
    """A local blacklist entry to write together with a decision (see :meth:`Store.save_decision`)."""

    platform: str
    author_id: str
    community_id: int | None  # None = every community of the platform (organisation scope)
    until: int | None  # None = forever
    reason: str = ""
    category: str = ""

def action_key(action: Action, *, comment_key: str = "", author_id: int | None = None) -> str:
    """Default idempotency key of an action.

    ``delete:<comment key>`` — a comment is deleted at most once whoever asks; ``restore``,
    ``ban`` and ``unban`` include the decision id (``ban:<platform>:<community>:<author>:<decision>``)
    because a moderator may legitimately repeat them after an opposite decision. (The store itself
    suffixes a delete with its decision id when the comment was restored in between.)
    """
    if action.kind not in ACTION_KINDS:
        raise ValueError(f"unknown action kind {action.kind!r} (known: {', '.join(ACTION_KINDS)})")
    if action.kind == "delete":
        if not comment_key:
            raise ValueError("a delete action needs the comment key for its idempotency key")
        return f"delete:{comment_key}"
    if action.kind == "restore":
        if not comment_key:
            raise ValueError("a restore action needs the comment key for its idempotency key")
        return f"restore:{comment_key}:{action.decision_id}"
    if author_id is None:
        raise ValueError(f"a {action.kind} action needs the author id for its idempotency key")
    return f"{action.kind}:{action.platform}:{action.community_id}:{author_id}:{action.decision_id}"

def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=False)

def _dumps_lenient(value: Any) -> str:
    """JSON of a platform result; something unserialisable is kept as its ``str`` rather than lost."""
    try:
        return _dumps(value)
    except (TypeError, ValueError):
        return json.dumps(str(value), ensure_ascii=False)

def _json_default(o: Any) -> Any:
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    if isinstance(o, set | frozenset | tuple):
        return list(o)
    if isinstance(o, Path):
        return str(o)
    if hasattr(o, "item"):  # numpy scalars from the model
        return o.item()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")

def _loads(value: str | None, default: Any) -> Any:
    if value is None or value == "":
        return default
    return json.loads(value)

_COMMENT_FIELDS = [f.name for f in fields(CommentRow) if f.name != "is_new"]

_BAN_FIELDS = [f.name for f in fields(BanRow)]

def _comment_row(r: Mapping[str, Any], is_new: bool = False) -> CommentRow:
    values = {k: r[k] for k in _COMMENT_FIELDS}
    values["by_community"] = bool(values["by_community"])
    return CommentRow(**values, is_new=is_new)

def _ban_row(r: Mapping[str, Any]) -> BanRow:
    return BanRow(**{k: r[k] for k in _BAN_FIELDS})

def _action(r: Mapping[str, Any]) -> Action:
    return Action(
        decision_id=r["decision_id"],
        kind=r["kind"],
        platform=r["platform"],
        community_id=r["community_id"],
        method=r["method"],
        params=_loads(r["params"], {}),
        state=r["state"],
        attempts=r["attempts"],
        error=r["last_error"],
        id=r["id"],
        depends_on=r["depends_on"],
        lease_until=r["lease_until"],
        key=r["key"],
    )

def _decision_dict(r: Mapping[str, Any]) -> dict[str, Any]:
    d = dict(r)
    for k, default in (("labels", []), ("scores", {}), ("evidence", [])):
        if k in d:
            d[k] = _loads(d[k], default)
    return d
