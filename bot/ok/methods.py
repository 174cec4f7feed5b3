"""OK's API schema as we use it: which method and parameters for each need, and OK's answers →
:class:`~bot.types.Comment`. Pure functions, no I/O.

Sources: ../shared/docs/platform-apis.md §5 (method list, parameters, ``discussionType``,
``includeRemoved``, error codes). OK documents parameters but not the shape of its answers, so the
shapes below are **our assumptions**, kept in one place (:data:`ASSUMPTIONS`), reproduced by the
emulator, and read defensively (a missing field degrades the poller's economy, never its
correctness):
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.types import Comment

#: A group feed post: the only discussion type the poller watches (§5.2).
GROUP_TOPIC = "GROUP_TOPIC"
KIND_TOPIC = "ok_topic"
KIND_MESSAGE = "ok_message"
DELETE_METHOD = "discussions.deleteDiscussionComment"
#: The method name of an action a moderator performs by hand on ok.ru.
MANUAL = "manual"
#: ``mediatopic.getByIds`` ids per request (OK documents no maximum; 100 keeps requests small).
IDS_PER_REQUEST = 100
#: Comments per ``discussions.getComments`` page.
PAGE = 100
MSK = dt.timezone(dt.timedelta(hours=3))

ASSUMPTIONS = (
    "discussions.getComments answers {comments: [...], anchor, has_more}; a comment is "
    "{id, author_id, author_name?, text, created_ms? | date 'yyyy-MM-dd HH:mm:ss' (Moscow), "
    "reply_to_comment_id?, deleted?}; anchor=FIRST + direction=FORWARD reads from the oldest and the "
    "answer's anchor continues after the last comment returned",
    "includeRemoved=true also returns comments removed by others, flagged deleted=true",
    "discussions.getComment of a removed comment answers error 141 (PARAM_COMMENT_ID); a comment "
    "returned with deleted=true counts as removed too",
    "group.getStatTopics(gid, start_time, end_time in ms, anchor, count) answers "
    "{topics: [{id, created_ms?}], anchor, has_more}",
    "mediatopic.getByIds(topic_ids, fields) answers {media_topics: [{id, created_ms?, "
    "discussion_summary: {comments_count}}]}; without comments_count every topic is polled by turn",
    "a comment posted by the group itself has author_id equal to the group id (or author_ref 'group:<id>')",
    "a link to a topic is https://ok.ru/group/<gid>/topic/<topic id> (OK documents no link to one comment)",
    "discussions.deleteDiscussionComment answers true; deleting a removed comment answers 141",
)

__doc__ += "".join(f"\n* {a}." for a in ASSUMPTIONS)


# --------------------------------------------------------------------------- calls


def stat_topics_call(group_id: int, start_ms: int, end_ms: int, anchor: str | None = None,
                     count: int = 100) -> tuple[str, dict[str, Any]]:
    return "group.getStatTopics", {"gid": group_id, "start_time": start_ms, "end_time": end_ms,
                                   "anchor": anchor, "count": count}


def topics_by_ids_call(topic_ids: list[str]) -> tuple[str, dict[str, Any]]:
    return "mediatopic.getByIds", {"topic_ids": topic_ids,
                                   "fields": "media_topic.id,media_topic.created_ms,media_topic.discussion_summary"}


def comments_call(topic_id: str, anchor: str | None, count: int = PAGE) -> tuple[str, dict[str, Any]]:
    return "discussions.getComments", {"discussionId": topic_id, "discussionType": GROUP_TOPIC,
                                       "anchor": anchor or "FIRST", "direction": "FORWARD", "count": count,
                                       "includeRemoved": True}


def comment_call(topic_id: str, comment_id: str) -> tuple[str, dict[str, Any]]:
    return "discussions.getComment", {"discussionId": topic_id, "discussionType": GROUP_TOPIC,
                                      "comment_id": comment_id}


def delete_params(comment: Comment, *, block_author: bool) -> dict[str, Any]:
    """Parameters of ``discussions.deleteDiscussionComment`` (also what a manual action shows)."""
    return {"discussionId": comment.object_id, "discussionType": GROUP_TOPIC, "comment_id": comment.comment_id,
            "block_author": block_author}


# --------------------------------------------------------------------------- links


def group_url(group_id: int) -> str:
    return f"https://ok.ru/group/{group_id}"


def topic_url(group_id: int, topic_id: str) -> str:
    return f"https://ok.ru/group/{group_id}/topic/{topic_id}"


def profile_url(author_id: str) -> str:
    return f"https://ok.ru/profile/{author_id.removeprefix('user:')}"


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Page:
    """One page of a topic's comments: the comments, whether some were removed, where to go on."""

    comments: list[Comment]
    removed: list[str]
    anchor: str | None
    has_more: bool
    malformed: int = 0


def _created(raw: Mapping[str, Any]) -> int:
    ms = raw.get("created_ms")
    if isinstance(ms, int | float) and not isinstance(ms, bool) and ms > 0:
        return int(ms // 1000)
    date = raw.get("date")
    if isinstance(date, str):
        try:
            return int(dt.datetime.strptime(date.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=MSK).timestamp())
        except ValueError:
            pass
    return 0


def _text_id(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | str):
        return str(value).strip()
    return ""


def parse_comment(group_id: int, topic_id: str, raw: Any, received_at: float) -> tuple[Comment | None, bool]:
    """An element of ``comments`` → (Comment or None if unusable, removed?)."""
    if not isinstance(raw, Mapping):
        return None, False
    cid, author = _text_id(raw.get("id")), _text_id(raw.get("author_id"))
    text = raw.get("text")
    if not cid or not author or not isinstance(text, str):
        return None, False
    ref = raw.get("author_ref")
    by_group = author == str(group_id) or (isinstance(ref, str) and ref == f"group:{group_id}")
    comment = Comment(platform="ok", community_id=group_id, kind=KIND_TOPIC, comment_id=cid, author_id=author,
                      text=text, created_at=_created(raw) or int(received_at), object_id=topic_id,
                      url=topic_url(group_id, topic_id), received_at=received_at, by_community=by_group,
                      raw=dict(raw))
    return comment, bool(raw.get("deleted"))


def parse_page(group_id: int, topic_id: str, answer: Any, received_at: float) -> Page:
    """A ``discussions.getComments`` answer; never raises (a broken answer is an empty page)."""
    if not isinstance(answer, Mapping):
        return Page([], [], None, False, malformed=1)
    comments: list[Comment] = []
    removed: list[str] = []
    bad = 0
    for raw in answer.get("comments") or []:
        c, gone = parse_comment(group_id, topic_id, raw, received_at)
        if c is None:
            bad += 1
        elif gone:
            removed.append(c.comment_id)
            comments.append(c)
        else:
            comments.append(c)
    anchor = answer.get("anchor")
    return Page(comments, removed, anchor if isinstance(anchor, str) and anchor else None,
                bool(answer.get("has_more")), bad)


def parse_topics(answer: Any) -> tuple[dict[str, int], str | None, bool]:
    """``group.getStatTopics`` → ({topic id: created unix or 0}, next anchor, has more)."""
    if not isinstance(answer, Mapping):
        return {}, None, False
    out: dict[str, int] = {}
    for t in answer.get("topics") or []:
        tid = _text_id(t.get("id")) if isinstance(t, Mapping) else _text_id(t)
        if tid:
            out[tid] = _created(t) if isinstance(t, Mapping) else 0
    anchor = answer.get("anchor")
    return out, anchor if isinstance(anchor, str) and anchor else None, bool(answer.get("has_more"))


def parse_counts(answer: Any) -> dict[str, tuple[int, int | None]]:
    """``mediatopic.getByIds`` → {topic id: (created unix or 0, comments count or None)}."""
    if not isinstance(answer, Mapping):
        return {}
    out: dict[str, tuple[int, int | None]] = {}
    for t in answer.get("media_topics") or []:
        if not isinstance(t, Mapping):
            continue
        tid = _text_id(t.get("id"))
        if not tid:
            continue
        summary = t.get("discussion_summary")
        count = summary.get("comments_count") if isinstance(summary, Mapping) else None
        out[tid] = (_created(t), count if isinstance(count, int) and not isinstance(count, bool) else None)
    return out


def comment_removed(answer: Any) -> bool | None:
    """``discussions.getComment`` answered: True if it says removed, False if present, None if unclear."""
    if isinstance(answer, Mapping):
        if answer.get("deleted"):
            return True
        return False if answer.get("id") is not None else None
    return None


__all__ = [
    "ASSUMPTIONS",
    "DELETE_METHOD",
    "GROUP_TOPIC",
    "IDS_PER_REQUEST",
    "KIND_MESSAGE",
    "KIND_TOPIC",
    "MANUAL",
    "PAGE",
    "Page",
    "comment_call",
    "comment_removed",
    "comments_call",
    "delete_params",
    "group_url",
    "parse_comment",
    "parse_counts",
    "parse_page",
    "parse_topics",
    "profile_url",
    "stat_topics_call",
    "topic_url",
    "topics_by_ids_call",
]
