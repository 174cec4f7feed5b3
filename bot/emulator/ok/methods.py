"""The OK REST methods the emulator answers (../shared/docs/platform-apis.md §7.2).

Each handler takes the state, the request's parameters (strings, as on the wire) and the calling
user, and returns OK's answer or raises :class:`OKErrorReply`. Answer shapes are the ones
:mod:`bot.ok.methods` documents as assumptions (OK documents parameters, not answers).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .state import OKErrorReply, OKState, StoredComment, Topic, decode_anchor, encode_anchor

Handler = Callable[[OKState, dict[str, str], str], Any]
MAX_COUNT = 100


def _need(params: dict[str, str], *names: str) -> list[str]:
    missing = [n for n in names if not params.get(n)]
    if missing:
        raise OKErrorReply(100, f"Missing required parameter {missing[0]}")
    return [params[n] for n in names]


def _int(params: dict[str, str], name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise OKErrorReply(100, f"Invalid parameter {name}") from None


def _flag(params: dict[str, str], name: str) -> bool:
    return params.get(name, "").lower() in ("true", "1")


def _group(state: OKState, raw: str) -> Any:
    try:
        gid = int(raw)
    except ValueError:
        raise OKErrorReply(100, "Invalid group id") from None
    g = state.groups.get(gid)
    if g is None:
        raise OKErrorReply(106, f"group {raw} not found")
    return g


def _topic(state: OKState, params: dict[str, str]) -> Topic:
    tid, dtype = _need(params, "discussionId", "discussionType")
    if dtype != "GROUP_TOPIC":
        raise OKErrorReply(106, f"discussion {dtype}:{tid} not found")
    topic = state.topics.get(tid)
    if topic is None:
        raise OKErrorReply(106, f"discussion GROUP_TOPIC:{tid} not found")
    return topic


def group_get_info(state: OKState, params: dict[str, str], user: str) -> Any:
    (uids,) = _need(params, "uids")
    out = []
    for raw in uids.split(","):
        g = state.groups.get(int(raw)) if raw.strip().isdigit() else None
        if g is not None:
            out.append({"uid": str(g.id), "name": g.name})
    return out


def group_get_stat_topics(state: OKState, params: dict[str, str], user: str) -> Any:
    """Admin only (50); topics created in [start_time, end_time] (ms), newest first, paged."""
    (gid,) = _need(params, "gid")
    g = _group(state, gid)
    if user not in g.admins:
        raise OKErrorReply(50, "User is not a group administrator")
    start = _int(params, "start_time", 0)
    end = _int(params, "end_time", int(time.time() * 1000))
    count = max(1, min(MAX_COUNT, _int(params, "count", 20)))
    offset = _int(params, "anchor", 0) if params.get("anchor", "").isdigit() else 0
    topics = sorted((t for t in state.topics.values() if t.group_id == g.id and start <= t.created_ms <= end),
                    key=lambda t: (-t.created_ms, t.id))
    page = topics[offset:offset + count]
    more = offset + count < len(topics)
    return {"topics": [{"id": t.id, "created_ms": t.created_ms} for t in page],
            "anchor": str(offset + len(page)), "has_more": more}


def mediatopic_get_by_ids(state: OKState, params: dict[str, str], user: str) -> Any:
    (ids,) = _need(params, "topic_ids")
    out = []
    for tid in ids.split(","):
        t = state.topics.get(tid.strip())
        if t is not None:
            out.append({"id": t.id, "created_ms": t.created_ms, "text": t.text,
                        "discussion_summary": {"comments_count": t.visible}})
    return {"media_topics": out}


def discussions_get_comments(state: OKState, params: dict[str, str], user: str) -> Any:
    """Anchor paging: FIRST/LAST or an anchor from an earlier answer; FORWARD (older → newer) or
    BACKWARD; the answer's anchor is the last comment returned. ``includeRemoved`` adds removed
    comments flagged ``deleted``."""
    topic = _topic(state, params)
    anchor = params.get("anchor") or "FIRST"
    direction = (params.get("direction") or "FORWARD").upper()
    count = max(1, min(MAX_COUNT, _int(params, "count", 20)))
    removed = _flag(params, "includeRemoved")
    items = [c for c in topic.comments if removed or not c.deleted]
    if anchor == "FIRST":
        pos, direction = 0, "FORWARD"
    elif anchor == "LAST":
        pos, direction = len(items), "BACKWARD"
    elif anchor == "UNREAD":
        pos, direction = 0, "FORWARD"
    else:
        seq = decode_anchor(anchor)
        if seq is None:
            raise OKErrorReply(100, "Invalid anchor")
        # comments after (FORWARD) or before (BACKWARD) the anchored one, whatever became of it
        pos = next((i for i, c in enumerate(items) if c.seq > seq), len(items))
        if direction == "BACKWARD":
            pos = next((i for i, c in enumerate(items) if c.seq >= seq), len(items))
    if direction == "BACKWARD":
        page: list[StoredComment] = items[max(0, pos - count):pos]
        more = pos - count > 0
        last = page[0] if page else None
    else:
        page = items[pos:pos + count]
        more = pos + count < len(items)
        last = page[-1] if page else None
    answer: dict[str, Any] = {"comments": [c.to_api() for c in page], "has_more": more,
                              "discussionId": topic.id, "discussionType": "GROUP_TOPIC"}
    if last is not None:
        answer["anchor"] = encode_anchor(last.seq)
    elif anchor not in ("FIRST", "LAST", "UNREAD"):
        answer["anchor"] = anchor
    return answer


def discussions_get_comment(state: OKState, params: dict[str, str], user: str) -> Any:
    topic = _topic(state, params)
    (cid,) = _need(params, "comment_id")
    c = state.comments.get(cid)
    if c is None or c.topic_id != topic.id or c.deleted:
        raise OKErrorReply(141, f"comment {cid} not found")
    return c.to_api()


def _deletion_gate(state: OKState, topic: Topic, user: str, method: str) -> None:
    g = state.groups[topic.group_id]
    mode = g.deletion or state.deletion
    if mode == "method":
        raise OKErrorReply(3, f"Method {method} does not exist")
    if mode == "permission":
        raise OKErrorReply(10, "PERMISSION_DENIED : application has no permission to delete comments")
    if user not in g.admins:
        raise OKErrorReply(50, "User is not a group administrator")


def discussions_delete_comment(state: OKState, params: dict[str, str], user: str) -> Any:
    topic = _topic(state, params)
    _deletion_gate(state, topic, user, "discussions.deleteDiscussionComment")
    (cid,) = _need(params, "comment_id")
    c = state.comments.get(cid)
    if c is None or c.topic_id != topic.id or c.deleted:
        raise OKErrorReply(141, f"comment {cid} not found")
    c.deleted, c.deleted_ms, c.deleted_by = True, int(time.time() * 1000), user
    c.spam = c.spam or _flag(params, "mark_as_spam")
    state.counters["deleted_by_api"] += 1
    if _flag(params, "block_author"):
        state.block(topic.group_id, c.author_id)
    return True


def discussions_mark_spam(state: OKState, params: dict[str, str], user: str) -> Any:
    topic = _topic(state, params)
    _deletion_gate(state, topic, user, "discussions.markCommentAsSpam")
    (cid,) = _need(params, "comment_id")
    c = state.comments.get(cid)
    if c is None or c.topic_id != topic.id:
        raise OKErrorReply(141, f"comment {cid} not found")
    c.spam = True
    return True


METHODS: dict[str, Handler] = {
    "group.getInfo": group_get_info,
    "group.getStatTopics": group_get_stat_topics,
    "mediatopic.getByIds": mediatopic_get_by_ids,
    "discussions.getComments": discussions_get_comments,
    "discussions.getComment": discussions_get_comment,
    "discussions.deleteDiscussionComment": discussions_delete_comment,
    "discussions.markCommentAsSpam": discussions_mark_spam,
}

__all__ = ["METHODS"]
