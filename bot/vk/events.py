"""VK event envelope → the port's platform-free events (:mod:`bot.platform`): a comment, a ban, a
publication of the page itself (``wall_post_new`` from the community: clause 15 counts them).

The same parser serves Bots Long Poll, the Callback API and tests. It never raises: a malformed
event becomes :class:`Malformed` with a one-line reason the daemon logs, because one broken event
from VK must not stop the moderation of the others.
"""

from __future__ import annotations

import time
from typing import Any

from bot.platform import BanEvent, CommentEvent, Ignored, Malformed, PostEvent
from bot.types import Comment

#: event type -> (kind, parent id field, parent owner field, is edit)
COMMENT_EVENTS: dict[str, tuple[str, str, str, bool]] = {
    "wall_reply_new": ("wall", "post_id", "post_owner_id", False),
    "wall_reply_edit": ("wall", "post_id", "post_owner_id", True),
    "wall_reply_restore": ("wall", "post_id", "post_owner_id", False),
    "photo_comment_new": ("photo", "photo_id", "photo_owner_id", False),
    "photo_comment_edit": ("photo", "photo_id", "photo_owner_id", True),
    "photo_comment_restore": ("photo", "photo_id", "photo_owner_id", False),
    "video_comment_new": ("video", "video_id", "video_owner_id", False),
    "video_comment_edit": ("video", "video_id", "video_owner_id", True),
    "video_comment_restore": ("video", "video_id", "video_owner_id", False),
    "board_post_new": ("board", "topic_id", "topic_owner_id", False),
    "board_post_edit": ("board", "topic_id", "topic_owner_id", True),
    "board_post_restore": ("board", "topic_id", "topic_owner_id", False),
    "market_comment_new": ("market", "item_id", "market_owner_id", False),
    "market_comment_edit": ("market", "item_id", "market_owner_id", True),
    "market_comment_restore": ("market", "item_id", "market_owner_id", False),
}
MESSAGE_EVENTS: dict[str, bool] = {"message_new": False, "message_edit": True}
BLOCK_EVENTS = ("user_block", "user_unblock")
#: Events we subscribe to but act on only as information (someone else deleted a comment etc.).
KNOWN_IGNORED = frozenset({
    "wall_reply_delete", "photo_comment_delete", "video_comment_delete", "board_post_delete",
    "market_comment_delete", "confirmation", "message_reply", "message_allow", "message_deny",
    "message_typing_state", "message_read", "message_event", "wall_repost",
})
#: ``wall_post_new`` post types that are a publication of the page: a post, or a repost onto the
#: wall. ``suggest`` (a user's proposal, not published) and ``postpone`` (scheduled, not yet
#: published; VK sends ``wall_post_new`` again when it goes out) are not.
PUBLISHED_POST_TYPES = frozenset({"post", "copy"})


ParsedEvent = CommentEvent | BanEvent | PostEvent | Ignored | Malformed

#: VK's ids and dates fit in a signed 64-bit integer (SQLite's INTEGER); anything beyond is not VK.
INT64_MAX = 2**63 - 1


class _Bad(Exception):
    pass


def _int(obj: dict[str, Any], name: str, *, where: str = "object", default: int | None = None) -> int:
    value = obj.get(name)
    if value is None:
        if default is not None:
            return default
        raise _Bad(f"{where}.{name} is missing")
    if isinstance(value, bool):
        raise _Bad(f"{where}.{name} is not a number: {value!r}")
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        raise _Bad(f"{where}.{name} is not a number: {_clip(value)!r}") from None
    if not -INT64_MAX - 1 <= number <= INT64_MAX:
        raise _Bad(f"{where}.{name} is out of range (more than 64 bits)")
    return number


def _clip(value: Any) -> str:
    """The start of a value for an error message, without converting huge numbers to text."""
    if isinstance(value, int) and not -INT64_MAX - 1 <= value <= INT64_MAX:
        return "<huge number>"
    try:
        return str(value)[:30]
    except Exception:  # a value whose str() fails (recursion, ...) is reported by its type
        return f"<{type(value).__name__}>"


def _line(message: str, limit: int = 300) -> str:
    """One printable log line: no line breaks, no lone surrogates (they cannot be written as UTF-8)."""
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return message.replace("\n", "\\n").replace("\r", "\\r")[:limit]


def _text(obj: dict[str, Any], where: str = "object") -> str:
    value = obj.get("text", "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(f"{where}.text is not a string")
    return value


def comment_url(kind: str, group_id: int, object_id: int, comment_id: int, author_id: int = 0) -> str:
    """Where a moderator can see the comment on vk.com."""
    g = group_id
    if kind == "wall":
        return f"https://vk.com/wall-{g}_{object_id}?reply={comment_id}"
    if kind == "photo":
        return f"https://vk.com/photo-{g}_{object_id}"
    if kind == "video":
        return f"https://vk.com/video-{g}_{object_id}"
    if kind == "board":
        return f"https://vk.com/topic-{g}_{object_id}?post={comment_id}"
    if kind == "market":
        return f"https://vk.com/market-{g}?w=product-{g}_{object_id}"
    if kind == "message":
        return f"https://vk.com/gim{g}?sel={author_id}"
    return ""


def parse_event(envelope: Any, *, received_at: float | None = None) -> ParsedEvent:
    """Turn one VK event envelope into a :data:`ParsedEvent`. Never raises."""
    try:
        return _parse(envelope, time.time() if received_at is None else received_at)
    except _Bad as exc:
        etype = envelope.get("type", "?") if isinstance(envelope, dict) else "?"
        event_id = envelope.get("event_id", "") if isinstance(envelope, dict) else ""
        group_id = envelope.get("group_id", 0) if isinstance(envelope, dict) else 0
        if not isinstance(event_id, str):
            event_id = str(event_id)
        if not isinstance(group_id, int) or isinstance(group_id, bool) or not 0 < group_id <= INT64_MAX:
            group_id = 0
        where = f" {event_id[:16]!r}" if event_id else ""
        return Malformed(_line(f"malformed VK event {_clip(etype)!r}{where} (group {group_id}): {exc}"),
                         event_id[:200], group_id, "vk")
    except Exception as exc:  # defensive: a parser bug must not take the receiver down
        return Malformed(_line(f"unparseable VK event: {type(exc).__name__}: {exc}"), platform="vk")


def _parse(env: Any, received_at: float) -> ParsedEvent:
    if not isinstance(env, dict):
        raise _Bad(f"envelope is {type(env).__name__}, not an object")
    etype = env.get("type")
    if not isinstance(etype, str) or not etype:
        raise _Bad("envelope.type is missing")
    group_id = _int(env, "group_id", where="envelope")
    if group_id <= 0:
        raise _Bad(f"envelope.group_id must be positive, got {group_id}")
    event_id = env.get("event_id", "")
    if not isinstance(event_id, str):
        raise _Bad("envelope.event_id is not a string")
    if etype == "confirmation":
        return Ignored(etype, event_id, group_id)
    if not event_id:
        raise _Bad("envelope.event_id is missing")
    obj = env.get("object")
    if etype in COMMENT_EVENTS:
        return CommentEvent(_comment(etype, group_id, event_id, obj, received_at), etype, event_id, group_id)
    if etype in MESSAGE_EVENTS:
        return CommentEvent(_message(etype, group_id, event_id, obj, received_at), etype, event_id, group_id)
    if etype == "wall_post_new":
        post = page_post(group_id, obj, event_id=event_id)
        return post if post is not None else Ignored(etype, event_id, group_id)
    if etype in BLOCK_EVENTS:
        if not isinstance(obj, dict):
            raise _Bad("object is missing or not an object")
        blocked = etype == "user_block"
        admin = _int(obj, "admin_id", default=0)
        end_date = _int(obj, "unblock_date", default=0) if blocked else 0
        if end_date < 0:
            raise _Bad(f"object.unblock_date is negative: {end_date}")
        return BanEvent(
            platform="vk",
            community_id=group_id,
            author_id=str(_int(obj, "user_id")),
            blocked=blocked,
            until=end_date or None,
            by=f"vk:{admin}",
            note=str(obj.get("comment") or "") if blocked else "",
            event_id=event_id,
            expired=bool(obj.get("by_end_date")) if not blocked else False,
        )
    return Ignored(etype, event_id, group_id)


def _comment(etype: str, group_id: int, event_id: str, obj: Any, received_at: float) -> Comment:
    kind, parent_field, owner_field, edited = COMMENT_EVENTS[etype]
    if not isinstance(obj, dict):
        raise _Bad("object is missing or not an object")
    cid = _int(obj, "id")
    author = _int(obj, "from_id")
    date = _int(obj, "date")
    text = _text(obj)
    object_id = _int(obj, parent_field)
    owner_id = _int(obj, owner_field, default=_int(obj, "owner_id", default=-group_id))
    if owner_id != -group_id:
        raise _Bad(f"object.{owner_field} {owner_id} is not community -{group_id}")
    return Comment(
        platform="vk",
        community_id=group_id,
        kind=kind,
        comment_id=str(cid),
        author_id=str(author),
        text=text,
        created_at=date,
        object_id=str(object_id),
        owner_id=str(owner_id),
        url=comment_url(kind, group_id, object_id, cid),
        received_at=received_at,
        event_id=event_id,
        edited=edited,
        by_community=author == -group_id,
        raw={"type": etype, "object": obj},
    )


def _message(etype: str, group_id: int, event_id: str, obj: Any, received_at: float) -> Comment:
    if not isinstance(obj, dict):
        raise _Bad("object is missing or not an object")
    msg = obj.get("message", obj) if etype == "message_new" else obj
    where = "object.message" if msg is not obj else "object"
    if not isinstance(msg, dict):
        raise _Bad(f"{where} is not an object")
    author = _int(msg, "from_id", where=where)
    peer = _int(msg, "peer_id", where=where, default=author)
    mid = _int(msg, "id", where=where, default=0) or _int(msg, "conversation_message_id", where=where)
    return Comment(
        platform="vk",
        community_id=group_id,
        kind="message",
        comment_id=str(mid),
        author_id=str(author),
        text=_text(msg, where),
        created_at=_int(msg, "date", where=where),
        object_id=str(peer),
        owner_id=str(-group_id),
        url=comment_url("message", group_id, peer, mid, author),
        received_at=received_at,
        event_id=event_id,
        edited=MESSAGE_EVENTS[etype],
        raw={"type": etype, "object": obj},
    )


def post_url(group_id: int, post_id: int) -> str:
    return f"https://vk.com/wall-{group_id}_{post_id}"


def page_post(group_id: int, obj: Any, *, event_id: str = "") -> PostEvent | None:
    """A post object (``wall_post_new`` or ``wall.get``) → :class:`PostEvent` when it is the
    community's own publication (``from_id == -group_id``, a published post type); None for a
    user's post on the wall, a suggestion or a scheduled post. Raises ``_Bad`` when the object
    is not a post of this community at all."""
    if not isinstance(obj, dict):
        raise _Bad("object is missing or not an object")
    post_id = _int(obj, "id")
    owner = _int(obj, "owner_id", default=-group_id)
    if owner != -group_id:
        raise _Bad(f"object.owner_id {owner} is not community -{group_id}")
    author = _int(obj, "from_id", default=owner)
    post_type = obj.get("post_type", "post")
    if author != -group_id or post_type not in PUBLISHED_POST_TYPES:
        return None
    return PostEvent("vk", group_id, str(post_id), _int(obj, "date"), post_url(group_id, post_id), event_id)


def wall_posts_from_api(group_id: int, items: Any) -> list[PostEvent]:
    """The community's own publications among ``wall.get`` items (others and bad items skipped)."""
    out: list[PostEvent] = []
    for obj in items if isinstance(items, list) else []:
        try:
            post = page_post(group_id, obj)
        except _Bad:
            continue
        if post is not None:
            out.append(post)
    return out


def wall_comment_from_api(group_id: int, post_id: int, obj: dict[str, Any], *, received_at: float) -> Comment | None:
    """A comment object from ``wall.getComments`` (backfill) → Comment; None for deleted stubs."""
    if not isinstance(obj, dict) or obj.get("deleted"):
        return None
    try:
        cid = _int(obj, "id")
        author = _int(obj, "from_id")
        return Comment(
            platform="vk",
            community_id=group_id,
            kind="wall",
            comment_id=str(cid),
            author_id=str(author),
            text=_text(obj),
            created_at=_int(obj, "date"),
            object_id=str(_int(obj, "post_id", default=post_id)),
            owner_id=str(-group_id),
            by_community=author == -group_id,
            url=comment_url("wall", group_id, post_id, cid),
            received_at=received_at,
            event_id="",
            raw={"type": "backfill", "object": obj},
        )
    except _Bad:
        return None
