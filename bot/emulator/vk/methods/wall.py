"""Reading a community wall: ``wall.get``, ``wall.getComments`` (threads, paging), ``wall.getComment``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Group, StoredComment
from ..objects import comment_object, deleted_stub, group_object, likes_object, post_object, user_object
from ..protocol import VKErrorReply, param_error
from .call import MethodCall, owner_group
from .registry import vk_method

if TYPE_CHECKING:
    from ..state import VKState


@vk_method("wall.get", "user", "service")
def wall_get(state: VKState, call: MethodCall) -> Any:
    if call.p.has("owner_id"):
        group = owner_group(state, call.p.int("owner_id"))
    else:
        domain = call.p.str("domain") if call.p.has("domain") else call.p.str("owner_id")
        found = next((g for g in state.groups.values() if domain in (g.screen_name, f"club{g.id}")), None)
        if found is None:
            raise param_error("domain", "is invalid")
        group = found
    offset = max(call.p.int("offset", 0), 0)
    count = min(max(call.p.int("count", 20), 0), 100)
    flt = call.p.raw.get("filter", "all")
    # Suggestions are not on the wall: only ``filter=suggests`` lists them (and only them).
    ids = [i for i in group.post_ids if (group.posts[i].post_type == "suggest") == (flt == "suggests")]
    if flt in ("owner", "others"):
        ids = [i for i in ids if (group.posts[i].from_id == -group.id) == (flt == "owner")]
    newest_first = ids[::-1][offset:offset + count]
    result: dict[str, Any] = {"count": len(ids), "items": [post_object(group.posts[pid]) for pid in newest_first]}
    if call.p.flag("extended"):
        result["profiles"] = []
        result["groups"] = [group_object(group)]
    return result


def _visible(group: Group, c: StoredComment, top_level: bool) -> dict[str, Any] | None:
    """A live comment, or the stub of a deleted top-level one that still has live replies, else hidden."""
    if not c.deleted:
        return comment_object(group, c, event=False)
    if top_level and c.live_replies:
        return deleted_stub(group, c)
    return None


@vk_method("wall.getComments", "user", "service")
def wall_get_comments(state: VKState, call: MethodCall) -> Any:
    p = call.p
    group = owner_group(state, p.int("owner_id"))
    post_id = p.int("post_id")
    post = group.posts.get(post_id)
    if post is None:
        raise param_error("post_id", "is invalid")
    count = p.int("count", 10)
    if count < 0 or count > 100:
        raise param_error("count", "should be from 0 to 100")
    offset = max(p.int("offset", 0), 0)
    desc = p.raw.get("sort", "asc") == "desc"
    thread_items = min(max(p.int("thread_items_count", 0), 0), 10)
    need_likes = p.flag("need_likes")
    root_id = p.opt_int("comment_id")
    if root_id is not None:
        root = group.comments.get(("wall", root_id))
        if root is None or root.parent_id != post_id or root.root_id is not None:
            raise VKErrorReply(104)
        ids: list[int] = root.replies
        top_level = False
    else:
        ids = group.containers.get(("wall", post_id), [])
        top_level = True
    visible: list[tuple[StoredComment, dict[str, Any]]] = []
    seq = reversed(ids) if desc else iter(ids)
    start = p.opt_int("start_comment_id")
    for cid in seq:
        if start is not None and ((cid < start) if not desc else (cid > start)):
            continue
        c = group.comments[("wall", cid)]
        obj = _visible(group, c, top_level)
        if obj is not None:
            visible.append((c, obj))
    items = []
    for c, obj in visible[offset:offset + count]:
        if need_likes:
            obj["likes"] = likes_object()
        if top_level:
            replies = [group.comments[("wall", r)] for r in c.replies]
            live = [r for r in replies if not r.deleted]
            obj["thread"] = {"count": len(live),
                             "items": [comment_object(group, r, event=False) for r in live[:thread_items]],
                             "can_post": True, "show_reply_button": True, "groups_can_post": True}
        items.append(obj)
    result: dict[str, Any] = {"count": post.live_comments if top_level else len(visible), "items": items,
                              "current_level_count": len(visible), "can_post": True,
                              "show_reply_button": True, "groups_can_post": True}
    if p.flag("extended"):
        _add_extended(state, result, [obj for _, obj in visible[offset:offset + count]])
    return result


@vk_method("wall.getComment", "user")
def wall_get_comment(state: VKState, call: MethodCall) -> Any:
    group = owner_group(state, call.p.int("owner_id"))
    c = group.comments.get(("wall", call.p.int("comment_id")))
    if c is None:
        raise VKErrorReply(104)
    obj = deleted_stub(group, c) if c.deleted else comment_object(group, c, event=False)
    result: dict[str, Any] = {"items": [obj], "can_post": True, "show_reply_button": True,
                              "groups_can_post": True, "current_level_count": 1}
    if call.p.flag("extended"):
        _add_extended(state, result, [obj])
    return result


def _add_extended(state: VKState, result: dict[str, Any], objs: list[dict[str, Any]]) -> None:
    """``extended=1``: the profiles and communities of every author shown (thread replies included)."""
    authors = {o["from_id"] for o in objs}
    for o in objs:
        authors.update(t["from_id"] for t in o.get("thread", {}).get("items", []))
    result["profiles"] = [user_object(state.users, a) for a in sorted(authors) if a > 0]
    result["groups"] = [group_object(state.groups[-a]) for a in sorted(authors) if a < 0 and -a in state.groups]
