"""How the stored world looks on the wire: VK JSON objects for users, communities, posts and comments.

Pure functions of the model, shared by the method handlers (reads) and the
state (event payloads), so a comment looks the same in ``wall.getComments``
and in its ``wall_reply_new`` event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Group, Post, StoredComment, TokenInfo

_LIKES = {"count": 0, "user_likes": 0, "can_like": 1, "can_publish": 1}


def user_object(users: dict[int, tuple[str, str]], user_id: int, fields: Iterable[str] = ()) -> dict[str, Any]:
    """A user profile; unknown ids get a generated name, as every id is someone on VK."""
    first, last = users.get(user_id, ("User", f"#{user_id}"))
    obj: dict[str, Any] = {"id": user_id, "first_name": first, "last_name": last,
                           "can_access_closed": True, "is_closed": False}
    if "screen_name" in fields:
        obj["screen_name"] = f"id{user_id}"
    if "photo_50" in fields:
        obj["photo_50"] = "https://vk.com/images/camera_50.png"
    return obj


def group_object(group: Group, tok: TokenInfo | None = None) -> dict[str, Any]:
    """A community; a user token also sees whether it administers it (``is_admin``/``admin_level``)."""
    obj: dict[str, Any] = {
        "id": group.id, "name": group.name, "screen_name": group.screen_name, "is_closed": 0, "type": "page",
        "photo_50": "https://vk.com/images/community_50.png",
        "photo_100": "https://vk.com/images/community_100.png",
        "photo_200": "https://vk.com/images/community_200.png",
    }
    if tok is not None and tok.kind == "user":
        is_admin = tok.user_id in group.admins
        obj["is_admin"] = int(is_admin)
        obj["is_member"] = 0
        if is_admin:
            obj["admin_level"] = 3
    return obj


def post_object(post: Post) -> dict[str, Any]:
    return {"id": post.id, "owner_id": post.owner_id, "from_id": post.from_id, "date": post.date,
            "text": post.text, "post_type": post.post_type, "attachments": [], "marked_as_ads": 0,
            "comments": {"count": post.live_comments, "can_post": 1, "groups_can_post": True,
                         "can_close": True, "can_open": False},
            "likes": dict(_LIKES), "reposts": {"count": 0, "user_reposted": 0}, "views": {"count": 0}}


def likes_object() -> dict[str, Any]:
    return dict(_LIKES)


def comment_object(group: Group, c: StoredComment, *, event: bool) -> dict[str, Any]:
    """VK object of a comment; ``event`` adds the *_owner_id fields events carry."""
    obj: dict[str, Any] = {"id": c.id, "from_id": c.from_id, "date": c.date, "text": c.text}
    owner = -group.id
    kind = c.kind
    if kind == "wall":
        obj["post_id"] = c.parent_id
        obj["owner_id"] = owner
        obj["parents_stack"] = [c.root_id] if c.root_id else []
        if event:
            obj["post_owner_id"] = owner
    elif kind == "photo":
        obj["photo_id"] = c.parent_id
        obj["photo_owner_id"] = owner
    elif kind == "video":
        obj["video_id"] = c.parent_id
        obj["video_owner_id"] = owner
    elif kind == "board":
        obj["topic_id"] = c.parent_id
        obj["topic_owner_id"] = owner
    elif kind == "market":
        obj["market_owner_id"] = owner
        obj["item_id"] = c.parent_id
    if c.reply_to_comment is not None:
        obj["reply_to_comment"] = c.reply_to_comment
        obj["reply_to_user"] = c.reply_to_user
    return obj


def deleted_stub(group: Group, c: StoredComment) -> dict[str, Any]:
    """What VK shows in place of a deleted comment where it still shows one: no text, ``deleted: true``."""
    obj = comment_object(group, c, event=False)
    obj["text"] = ""
    obj["deleted"] = True
    return obj


def delete_event_object(group: Group, c: StoredComment) -> dict[str, Any]:
    """Payload of a ``*_delete`` event; its fields differ per kind, as on VK."""
    owner = -group.id
    deleter = c.deleter_id or 0
    if c.kind == "wall":
        return {"owner_id": owner, "id": c.id, "post_id": c.parent_id, "deleter_id": deleter, "user_id": deleter}
    if c.kind == "photo":
        return {"owner_id": owner, "id": c.id, "user_id": deleter, "deleter_id": deleter, "photo_id": c.parent_id}
    if c.kind == "video":
        return {"owner_id": owner, "id": c.id, "user_id": deleter, "deleter_id": deleter, "video_id": c.parent_id}
    if c.kind == "board":
        return {"topic_owner_id": owner, "topic_id": c.parent_id, "id": c.id, "deleter_id": deleter}
    return {"owner_id": owner, "id": c.id, "user_id": deleter, "deleter_id": deleter, "item_id": c.parent_id}
