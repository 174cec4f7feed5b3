"""The OK emulator's data: applications, tokens, groups, topics, comments, blocks, faults, call log.

Plain Python, no I/O: the aiohttp app (:mod:`.app`) and the test-control helpers both call it, so a
test can mix HTTP and direct calls. Every per-request path is O(1) or O(comments of one topic).
"""

from __future__ import annotations

import base64
import datetime as dt
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

MSK = dt.timezone(dt.timedelta(hours=3))
#: How discussions.deleteDiscussionComment behaves: OK's public method list lacks it (§5.2), so by
#: default it "does not exist" (3); "permission" answers 10; "enabled" deletes.
DELETION_MODES = ("method", "permission", "enabled")
DEFAULT_APP_KEY = "CBAEMULATORKEY"
DEFAULT_APP_SECRET = "emulator-app-secret"


class ControlError(Exception):
    """A test-control request that cannot be done (400/404 with ``error`` and extras)."""

    def __init__(self, error: str, status: int = 400, **extra: Any) -> None:
        self.error = error
        self.status = status
        self.extra = extra
        super().__init__(error)


class OKErrorReply(Exception):
    """An OK API error answer: ``{"error_code", "error_msg", "error_data": null}`` + header."""

    NAMES = {1: "UNKNOWN", 2: "SERVICE", 3: "METHOD", 4: "REQUEST", 7: "ACTION_BLOCKED", 8: "FLOOD_BLOCKED",
             9: "IP_BLOCKED", 10: "PERMISSION_DENIED", 11: "LIMIT_REACHED", 24: "NOT_OWNER", 50: "NOT_ADMIN",
             100: "PARAM", 101: "PARAM_API_KEY", 102: "PARAM_SESSION_EXPIRED", 103: "PARAM_SESSION_KEY",
             104: "PARAM_SIGNATURE", 106: "PARAM_ENTITY_ID", 110: "PARAM_USER_ID", 141: "PARAM_COMMENT_ID"}

    def __init__(self, code: int, detail: str = "") -> None:
        self.code = code
        self.msg = f"{self.NAMES.get(code, 'UNKNOWN')} : {detail}" if detail else self.NAMES.get(code, "UNKNOWN")
        super().__init__(self.msg)

    def body(self) -> dict[str, Any]:
        return {"error_code": self.code, "error_msg": self.msg, "error_data": None}


@dataclass
class Token:
    value: str
    user_id: str
    expired: bool = False
    rate_limit: float | None = None


@dataclass
class Group:
    id: int
    name: str
    admins: set[str]
    blocked: dict[str, float] = field(default_factory=dict)  # user id → when blocked
    deletion: str | None = None  # None = the state's default


@dataclass
class StoredComment:
    """A comment as the emulator keeps it (not :class:`bot.types.Comment`)."""

    id: str
    seq: int
    topic_id: str
    group_id: int
    author_id: str
    author_name: str
    text: str
    created_ms: int
    deleted: bool = False
    deleted_ms: int | None = None
    deleted_by: str | None = None
    spam: bool = False

    def to_api(self) -> dict[str, Any]:
        date = dt.datetime.fromtimestamp(self.created_ms / 1000, tz=MSK).strftime("%Y-%m-%d %H:%M:%S")
        out: dict[str, Any] = {"id": self.id, "author_id": self.author_id, "author_name": self.author_name,
                               "text": self.text, "created_ms": self.created_ms, "date": date, "type": "ACTIVE_MESSAGE"}
        if self.deleted:
            out["deleted"] = True
        return out


@dataclass
class Topic:
    id: str
    group_id: int
    text: str
    created_ms: int
    comments: list[StoredComment] = field(default_factory=list)

    @property
    def visible(self) -> int:
        return sum(1 for c in self.comments if not c.deleted)


@dataclass
class Fault:
    """The next ``count`` matching requests (-1 = forever) fail: ``error`` with ``code``,
    ``http`` with ``status``, ``nonjson``, or ``delay`` seconds before answering."""

    method: str = "*"
    kind: str = "error"
    code: int = 2
    status: int = 502
    delay: float = 0.0
    count: int = 1
    fired: int = 0

    def matches(self, method: str) -> bool:
        return self.count != 0 and self.method in ("*", method)

    def take(self) -> None:
        self.fired += 1
        if self.count > 0:
            self.count -= 1


def encode_anchor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"c{seq}".encode()).decode().rstrip("=")


def decode_anchor(anchor: str) -> int | None:
    try:
        raw = base64.urlsafe_b64decode(anchor + "=" * (-len(anchor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return int(raw[1:]) if raw.startswith("c") and raw[1:].isdigit() else None


class OKState:
    """Everything the emulated OK knows. ``deletion``: default mode of deleteDiscussionComment."""

    def __init__(self, *, deletion: str = "method", rate_limit: float | None = None, quota: int | None = None,
                 call_log_limit: int = 200_000) -> None:
        if deletion not in DELETION_MODES:
            raise ValueError(f"deletion must be one of {DELETION_MODES}")
        self.apps: dict[str, str] = {DEFAULT_APP_KEY: DEFAULT_APP_SECRET}
        self.tokens: dict[str, Token] = {}
        self.groups: dict[int, Group] = {}
        self.topics: dict[str, Topic] = {}
        self.comments: dict[str, StoredComment] = {}
        self.deletion = deletion
        #: requests per second per token (sliding 1-s window) before error 8; None = unlimited
        self.rate_limit = rate_limit
        #: calls per application before error 11; None = unlimited
        self.quota = quota
        self.faults: list[Fault] = []
        self.counters: dict[str, int] = {"calls": 0, "errors": 0, "flood": 0, "comments": 0, "deleted_by_api": 0,
                                         "deleted_by_hand": 0, "blocked": 0, "messages": 0}
        self.call_log: deque[dict[str, Any]] = deque(maxlen=call_log_limit)
        self.subscriptions: dict[str, list[str]] = {}  # bot token → webhook URLs
        self.bot_tokens: dict[str, int] = {}  # bot token → group id
        self.message_log: list[dict[str, Any]] = []
        self._windows: dict[str, deque[float]] = {}
        self._app_calls: dict[str, int] = {}
        self._seq = 0
        self._topic_seq = 0
        self._call_seq = 0

    # ------------------------------------------------------------------ setup

    def add_app(self, key: str, secret: str) -> None:
        self.apps[key] = secret

    def add_token(self, user_id: str, token: str | None = None, *, rate_limit: float | None = None) -> str:
        value = token or f"ok-token-{user_id}"
        self.tokens[value] = Token(value, str(user_id), rate_limit=rate_limit)
        return value

    def expire_token(self, token: str, expired: bool = True) -> None:
        if token not in self.tokens:
            raise ControlError(f"unknown token {token[:4]}…", 404)
        self.tokens[token].expired = expired

    def add_group(self, group_id: int, name: str = "", *, admin_user_id: str = "9000",
                  token: str | None = None, bot_token: str | None = None) -> dict[str, Any]:
        """A group with one administrator; returns its ids and the admin's access token."""
        if group_id in self.groups:
            raise ControlError(f"group {group_id} exists")
        admin = str(admin_user_id)
        self.groups[group_id] = Group(group_id, name or f"Группа {group_id}", {admin})
        value = token or (next((t.value for t in self.tokens.values() if t.user_id == admin), None)
                          or self.add_token(admin))
        if value not in self.tokens:
            self.add_token(admin, value)
        bot = bot_token or f"ok-bot-{group_id}"
        self.bot_tokens[bot] = group_id
        return {"group_id": group_id, "name": self.groups[group_id].name, "admin_user_id": admin,
                "access_token": value, "bot_token": bot, "application_key": DEFAULT_APP_KEY,
                "application_secret": DEFAULT_APP_SECRET}

    def set_deletion(self, mode: str, group_id: int | None = None) -> None:
        if mode not in DELETION_MODES:
            raise ControlError(f"deletion must be one of {', '.join(DELETION_MODES)}")
        if group_id is None:
            self.deletion = mode
        else:
            self.group(group_id).deletion = mode

    def group(self, group_id: int) -> Group:
        g = self.groups.get(group_id)
        if g is None:
            raise ControlError(f"unknown group {group_id}", 404)
        return g

    def add_topic(self, group_id: int, text: str = "Новость", *, created_ms: int | None = None,
                  topic_id: str | None = None) -> dict[str, Any]:
        self.group(group_id)
        self._topic_seq += 1
        tid = topic_id or str(155_000_000_000_000 + self._topic_seq)
        if tid in self.topics:
            raise ControlError(f"topic {tid} exists")
        self.topics[tid] = Topic(tid, group_id, text, created_ms or int(time.time() * 1000))
        return {"topic_id": tid, "group_id": group_id, "created_ms": self.topics[tid].created_ms}

    def post_comment(self, group_id: int, topic_id: str, author_id: str, text: str, *,
                     author_name: str = "") -> dict[str, Any]:
        """A citizen comments; a blocked author is refused (400, reason ``blocked``)."""
        g = self.group(group_id)
        topic = self.topics.get(str(topic_id))
        if topic is None or topic.group_id != group_id:
            raise ControlError(f"unknown topic {topic_id} in group {group_id}", 404)
        author = str(author_id)
        if author in g.blocked:
            raise ControlError(f"user {author} is blocked in group {group_id}", reason="blocked")
        self._seq += 1
        cid = base64.urlsafe_b64encode(f"{topic.id}:{self._seq}".encode()).decode().rstrip("=")
        now_ms = int(time.time() * 1000)
        c = StoredComment(cid, self._seq, topic.id, group_id, author, author_name or f"Пользователь {author}", text,
                          now_ms)
        topic.comments.append(c)
        self.comments[cid] = c
        self.counters["comments"] += 1
        return {"comment_id": cid, "topic_id": topic.id, "group_id": group_id, "author_id": author,
                "time_ms": time.time() * 1000, "created_ms": now_ms}

    def remove_comment(self, comment_id: str, by: str = "moderator") -> dict[str, Any]:
        """A moderator deletes the comment by hand on ok.ru (what the manual path asks for)."""
        c = self.comments.get(comment_id)
        if c is None:
            raise ControlError(f"unknown comment {comment_id}", 404)
        if not c.deleted:
            c.deleted, c.deleted_ms, c.deleted_by = True, int(time.time() * 1000), by
            self.counters["deleted_by_hand"] += 1
        return {"comment_id": comment_id, "deleted": True}

    def block(self, group_id: int, user_id: str) -> None:
        g = self.group(group_id)
        if str(user_id) not in g.blocked:
            g.blocked[str(user_id)] = time.time()
            self.counters["blocked"] += 1

    def add_fault(self, method: str = "*", kind: str = "error", **kw: Any) -> Fault:
        if kind not in ("error", "http", "nonjson", "delay"):
            raise ControlError("fault kind must be error, http, nonjson or delay")
        f = Fault(method=method, kind=kind, **kw)
        self.faults.append(f)
        return f

    # ------------------------------------------------------------------ request pipeline helpers

    def next_fault(self, method: str, kinds: tuple[str, ...]) -> Fault | None:
        for f in self.faults:
            if f.kind in kinds and f.matches(method):
                f.take()
                return f
        return None

    def over_rate(self, token: Token) -> bool:
        limit = token.rate_limit if token.rate_limit is not None else self.rate_limit
        if not limit:
            return False
        now = time.monotonic()
        win = self._windows.setdefault(token.value, deque())
        while win and win[0] <= now - 1.0:
            win.popleft()
        if len(win) >= limit:
            self.counters["flood"] += 1
            return True
        win.append(now)
        return False

    def over_quota(self, app_key: str) -> bool:
        n = self._app_calls.get(app_key, 0) + 1
        self._app_calls[app_key] = n
        return self.quota is not None and n > self.quota

    def log_call(self, method: str, params: dict[str, str], user: str | None, error: int | None,
                 response: Any, started: float) -> None:
        self._call_seq += 1
        self.counters["calls"] += 1
        if error is not None:
            self.counters["errors"] += 1
        safe = {k: v for k, v in params.items() if k not in ("access_token", "session_key", "sig")}
        self.call_log.append({"seq": self._call_seq, "time_ms": started * 1000, "method": method, "params": safe,
                              "user": user, "error_code": error, "response": response})

    def calls(self, method: str | None = None, since: int = 0) -> list[dict[str, Any]]:
        return [c for c in self.call_log if c["seq"] > since and (method is None or c["method"] == method)]

    def snapshot(self, group_id: int | None = None) -> dict[str, Any]:
        comments = [{**c.to_api(), "topic_id": c.topic_id, "group_id": c.group_id, "deleted": c.deleted,
                     "deleted_by": c.deleted_by} for c in self.comments.values()
                    if group_id is None or c.group_id == group_id]
        return {
            "groups": [{"group_id": g.id, "name": g.name, "admins": sorted(g.admins), "blocked": sorted(g.blocked),
                        "deletion": g.deletion or self.deletion} for g in self.groups.values()],
            "topics": [{"topic_id": t.id, "group_id": t.group_id, "created_ms": t.created_ms,
                        "comments": t.visible} for t in self.topics.values()
                       if group_id is None or t.group_id == group_id],
            "comments": comments, "counters": dict(self.counters),
            "config": {"deletion": self.deletion, "rate_limit": self.rate_limit, "quota": self.quota},
            "faults": [f.__dict__ for f in self.faults if f.count != 0],
        }


__all__ = ["DEFAULT_APP_KEY", "DEFAULT_APP_SECRET", "DELETION_MODES", "ControlError", "Fault", "Group",
           "OKErrorReply", "OKState", "StoredComment", "Token", "Topic", "decode_anchor", "encode_anchor"]
