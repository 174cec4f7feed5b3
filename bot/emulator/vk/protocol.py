"""VK's wire vocabulary as the emulator speaks it: API version, error codes, event types, scopes.

Kept apart from the behaviour so that the state, the method handlers and the
control endpoints agree on one spelling of every code and event name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

API_VERSION = "5.199"
TokenKind = Literal["user", "group", "service"]
COMMENT_KINDS: tuple[str, ...] = ("wall", "photo", "video", "board", "market")
ALL_KINDS: tuple[str, ...] = (*COMMENT_KINDS, "message")

ERROR_MESSAGES: dict[int, str] = {
    1: "Unknown error occurred",
    3: "Unknown method passed",
    5: "User authorization failed: invalid access_token (4).",
    6: "Too many requests per second",
    7: "Permission to perform this action is denied",
    8: "Invalid request: v (version) is required",
    9: "Flood control",
    10: "Internal server error",
    12: "Unable to compile code",
    13: "Runtime error occurred during code invocation",
    14: "Captcha needed",
    15: "Access denied",
    18: "User was deleted or banned",
    27: "Group authorization failed: method is unavailable with group auth.",
    28: "Application authorization failed: method is unavailable with service token.",
    29: "Rate limit reached",
    30: "This profile is private",
    100: "One of the parameters specified was missing or invalid",
    104: "Not found",
    113: "Invalid user id",
    203: "Access to group denied",
    211: "Access to wall's comment denied",
    243: "Comment has not been deleted",
    901: "Can't send messages for users without permission",
    2000: "Servers number limit is reached",
}

USER_SCOPE_BITS: dict[str, int] = {
    "notify": 1, "friends": 2, "photos": 4, "audio": 8, "video": 16, "stories": 64, "pages": 128,
    "status": 1024, "notes": 2048, "messages": 4096, "wall": 8192, "ads": 32768, "offline": 65536,
    "docs": 131072, "groups": 262144, "notifications": 524288, "stats": 1048576, "email": 4194304,
    "market": 134217728,
}
GROUP_SCOPE_BITS: dict[str, int] = {
    "stories": 1, "photos": 4, "app_widget": 64, "messages": 4096, "docs": 131072, "manage": 262144,
}
DEFAULT_USER_SCOPES = frozenset({"wall", "groups", "offline", "photos", "video", "market"})
DEFAULT_GROUP_SCOPES = frozenset({"manage", "messages", "photos", "docs"})

#: kind -> (new, edit, restore, delete) event types.
KIND_EVENTS: dict[str, tuple[str, str, str, str]] = {
    "wall": ("wall_reply_new", "wall_reply_edit", "wall_reply_restore", "wall_reply_delete"),
    "photo": ("photo_comment_new", "photo_comment_edit", "photo_comment_restore", "photo_comment_delete"),
    "video": ("video_comment_new", "video_comment_edit", "video_comment_restore", "video_comment_delete"),
    "board": ("board_post_new", "board_post_edit", "board_post_restore", "board_post_delete"),
    "market": ("market_comment_new", "market_comment_edit", "market_comment_restore", "market_comment_delete"),
}
#: Event types that are not per comment kind but can still be switched on/off per LP/callback server.
OTHER_EVENTS: tuple[str, ...] = ("message_new", "message_edit", "user_block", "user_unblock")
#: kind -> name of the parent-object parameter in /_test/comment and VK objects.
PARENT_PARAM: dict[str, str] = {
    "wall": "post_id", "photo": "photo_id", "video": "video_id", "board": "topic_id", "market": "item_id",
}
#: kind -> user-token scope needed to delete/restore its comments.
KIND_SCOPE: dict[str, str] = {"wall": "wall", "photo": "photos", "video": "video", "market": "market"}


class VKErrorReply(Exception):
    """A VK API error the emulator answers with: ``{"error": {...}}`` under HTTP 200, exactly like VK.

    Not to be confused with ``bot.vk.errors.VKError``, which is what our client raises on receiving one.
    """

    def __init__(self, code: int, msg: str | None = None, extra: dict[str, Any] | None = None) -> None:
        self.code = code
        self.msg = msg or ERROR_MESSAGES.get(code, "Unknown error occurred")
        self.extra = extra or {}
        super().__init__(f"[{code}] {self.msg}")


class ControlError(Exception):
    """Misuse of a test-control operation (not VK): rendered as HTTP ``status`` with ``{"error", ...}``."""

    def __init__(self, status: int, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.extra = extra


@dataclass(slots=True)
class HTTPReply:
    """What the aiohttp layer should send back (the state and the pipeline never touch aiohttp objects)."""

    status: int
    body: str
    content_type: str = "application/json"


def param_error(name: str, what: str = "is undefined") -> VKErrorReply:
    """VK's error 100 naming the parameter, the way VK words it."""
    return VKErrorReply(100, f"One of the parameters specified was missing or invalid: {name} {what}")
