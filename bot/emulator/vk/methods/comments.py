"""``<kind>.deleteComment`` / ``<kind>.restoreComment`` for walls, photos, videos, market and boards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..protocol import KIND_SCOPE, VKErrorReply
from .call import MethodCall, id_group, owner_group, require_admin
from .registry import vk_method

if TYPE_CHECKING:
    from ..state import VKState


def _moderate(state: VKState, call: MethodCall, kind: str, restore: bool) -> int:
    p = call.p
    if kind == "board":
        group = id_group(state, p.int("group_id"))
        topic_id: int | None = p.int("topic_id")
    else:
        group = owner_group(state, p.int("owner_id"))
        topic_id = None
    cid = p.int("comment_id")
    c = group.comments.get((kind, cid))
    if c is not None and topic_id is not None and c.parent_id != topic_id:
        c = None
    tok = call.tok
    is_author = tok.kind == "user" and c is not None and tok.user_id == c.from_id
    if not is_author:
        require_admin(tok, group, code=211, scope=KIND_SCOPE.get(kind))
    if c is None:
        if kind in ("photo", "market"):
            return 0  # see DESIGN_CHOICES["not_found_photos_market"]
        raise VKErrorReply(104)
    if restore:
        state.restore_comment(group, c)
    else:
        state.delete_comment(group, c, deleter_id=tok.user_id if tok.kind == "user" else -group.id)
    return 1


def _register(prefix: str, kind: str, *token_kinds: str) -> None:
    def delete(state: VKState, call: MethodCall) -> Any:
        return _moderate(state, call, kind, False)

    def restore(state: VKState, call: MethodCall) -> Any:
        return _moderate(state, call, kind, True)

    vk_method(f"{prefix}.deleteComment", *token_kinds)(delete)
    vk_method(f"{prefix}.restoreComment", *token_kinds)(restore)


for _prefix, _kind in (("wall", "wall"), ("photos", "photo"), ("video", "video"), ("market", "market")):
    _register(_prefix, _kind, "user")
_register("board", "board", "user", "group")
