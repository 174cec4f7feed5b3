"""VK API schema for moderation: which method and parameters act on a comment, and with which token.

Pure functions, no I/O: the daemon stores their output as outbox actions (method + params), so
what will be called is recorded before it is called. Token types follow the official schema
(docs/platform-apis.md §1.5): comment deletes/restores and bans need an admin *user* token; only
``board.*Comment`` also accepts the community token.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.platform import NotActionable
from bot.types import Comment
from moderation import categories

from .errors import TokenKind

DELETE_METHODS: dict[str, str] = {
    "wall": "wall.deleteComment",
    "photo": "photos.deleteComment",
    "video": "video.deleteComment",
    "market": "market.deleteComment",
    "board": "board.deleteComment",
}
RESTORE_METHODS: dict[str, str] = {k: v.replace("delete", "restore") for k, v in DELETE_METHODS.items()}
#: Why VK cannot delete a kind, in the words the moderator reads (the comment is held for review).
NOT_DELETABLE: dict[str, str] = {
    "message": "личное сообщение сообществу: VK не позволяет удалить его, на проверку модератору",
}
#: Methods a community token may call; everything else in the moderation set needs the user token.
GROUP_TOKEN_METHODS = frozenset({"board.deleteComment", "board.restoreComment", "groups.getBanned",
                                 "groups.getLongPollServer", "groups.getById"})


def token_kind(method: str) -> TokenKind:
    """Which token a method is called with; board goes on the community token (20 rps, spare)."""
    return "group" if method in GROUP_TOKEN_METHODS else "user"


def comment_target(comment: Comment) -> dict[str, Any]:
    """Parameters naming one comment for delete/restore (``board`` wants group_id + topic_id).
    VK ids are numbers; the platform-free :class:`Comment` carries them as text."""
    cid = int(comment.comment_id)
    if comment.kind == "board":
        return {"group_id": comment.community_id, "topic_id": int(comment.object_id), "comment_id": cid}
    return {"owner_id": int(comment.owner_id) if comment.owner_id else -comment.community_id, "comment_id": cid}


def delete_call(comment: Comment) -> tuple[str, dict[str, Any]]:
    """``<section>.deleteComment`` for the comment's kind."""
    method = DELETE_METHODS.get(comment.kind)
    if method is None:
        raise NotActionable(NOT_DELETABLE.get(comment.kind, f"VK не позволяет удалить {comment.kind!r}"))
    return method, comment_target(comment)


def restore_call(comment: Comment) -> tuple[str, dict[str, Any]]:
    """``<section>.restoreComment`` (undo of a delete; VK allows it for a limited time)."""
    method = RESTORE_METHODS.get(comment.kind)
    if method is None:
        raise NotActionable(f"VK не позволяет восстановить {comment.kind!r}")
    return method, comment_target(comment)


def reason_code(category: str, overrides: Mapping[str, int] | None = None, default: int | None = None) -> int:
    """``groups.ban`` reason (0 other, 1 spam, 2 verbal abuse, 3 strong language, 4 flood) for a
    category: the config's ``[ban.reason_codes]``, else the category registry's VK code, else the
    config's ``default``, else 0."""
    if overrides and category in overrides:
        return int(overrides[category])
    registry = categories.vk_reason_codes()
    if category in registry:
        return registry[category]
    return 0 if default is None else int(default)


def ban_call(
    group_id: int, user_id: int | str, *, end_date: int | None, reason: int, comment: str, comment_visible: bool = True
) -> tuple[str, dict[str, Any]]:
    """``groups.ban``: ``end_date`` None = forever (VK omits it), reason 0..4, visible comment."""
    params: dict[str, Any] = {
        "group_id": group_id,
        "owner_id": int(user_id),
        "reason": reason,
        "comment": comment,
        "comment_visible": 1 if comment_visible else 0,
    }
    if end_date:
        params["end_date"] = int(end_date)
    return "groups.ban", params


def unban_call(group_id: int, user_id: int | str) -> tuple[str, dict[str, Any]]:
    return "groups.unban", {"group_id": group_id, "owner_id": int(user_id)}


def verify_call(method: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """A read that tells whether an action already took effect (after a crash mid-call).

    Only wall comments and bans can be checked with the methods VK offers for this; other kinds
    return None and are simply sent again (VK treats a repeated delete as a no-op).
    """
    if method == "wall.deleteComment":
        return "wall.getComment", {"owner_id": params["owner_id"], "comment_id": params["comment_id"]}
    if method == "groups.ban":
        return "groups.getBanned", {"group_id": params["group_id"], "owner_id": params["owner_id"]}
    return None


def already_done(method: str, result: Any) -> bool | None:
    """Interpret the :func:`verify_call` answer: True done, False not done, None unknown."""
    if method == "wall.deleteComment":
        items = result.get("items") if isinstance(result, dict) else None
        if not items:
            return None
        return bool(items[0].get("deleted"))
    if method == "groups.ban":
        if isinstance(result, dict):
            return int(result.get("count", 0)) > 0
        return None
    return None
