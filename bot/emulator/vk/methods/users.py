"""``users.get``: profiles for ids (unknown ids get generated names, every id is somebody on VK)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..objects import user_object
from ..protocol import VKErrorReply
from .call import MethodCall
from .registry import vk_method

if TYPE_CHECKING:
    from ..state import VKState


@vk_method("users.get", "user", "group", "service")
def users_get(state: VKState, call: MethodCall) -> Any:
    fields = call.p.list("fields")
    raw = call.p.raw.get("user_ids") or call.p.raw.get("user_id") or ""
    if not raw:
        tok = call.tok
        return [user_object(state.users, tok.user_id, fields)] if tok.kind == "user" and tok.user_id else []
    out = []
    for part in raw.split(","):
        part = part.strip()
        if part.startswith("id") and part[2:].isdigit():
            part = part[2:]
        if not part.isdigit() or int(part) <= 0:
            raise VKErrorReply(113)
        out.append(user_object(state.users, int(part), fields))
    return out
