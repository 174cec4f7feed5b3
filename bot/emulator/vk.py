"""In-process VK API emulator: a real aiohttp server that behaves like api.vk.ru for our daemon.

Why it exists: project rules say platform APIs are reached over real HTTP in
tests, and nobody may hammer the real VK from CI. The emulator therefore
reproduces what the daemon depends on (see /work/shared/docs/platform-apis.md
§7.1): request/response envelopes, error codes and their exact shapes, the
split between user/community/service tokens (error 27 etc.), comment
delete/restore semantics and their events, bans, per-token rate limits, fault
injection, Bots Long Poll (``failed`` 1/2/3, redelivery) and Callback API
delivery (confirmation, secret, retries).

It is also the backend of ``make demo`` and of the 200 comments/s benchmark,
so every per-request path is O(1) or O(items in one post/thread): comments are
indexed by ``(kind, id)`` per group, long-poll queues are lists with a base
offset (no scans to find ``ts``), and the call log is a bounded deque with a
per-method index.

Where VK behaviour is undocumented the choice made is written next to the code
and summarised in ``DESIGN_CHOICES`` below, so a daemon test that relies on it
can point at one place.

Never imported by production code.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from . import vkscript

log = logging.getLogger(__name__)

API_VERSION = "5.199"
TokenKind = Literal["user", "group", "service"]
COMMENT_KINDS: tuple[str, ...] = ("wall", "photo", "video", "board", "market")
ALL_KINDS: tuple[str, ...] = (*COMMENT_KINDS, "message")

#: Undocumented VK behaviour and what the emulator does about it (kept in one place on purpose).
DESIGN_CHOICES: dict[str, str] = {
    "double_delete": "deleting an already deleted comment returns response 1, no new event, deleted_at unchanged",
    "restore_window": "restore works for state.restore_window seconds (default 3600) after deletion, later -> 211",
    "restore_not_deleted": "restoring a live comment -> 243 for every kind (photos/market included)",
    "not_found_photos_market": "photos/market delete/restore of an unknown comment -> response 0; other kinds -> 104",
    "not_admin_comments": "comment delete/restore by a non-admin user token (not the author) -> 211 for every kind",
    "not_admin_other": "other group-scoped methods (ban, getBanned, LP/callback config) by a non-admin -> 15",
    "author_may_delete": "a user token may delete/restore comments it authored, like on vk.com",
    "service_token_user_method": "user-only method with a service token -> 28",
    "group_only_method_user_token": "groups.getTokenPermissions with a user token -> 15",
    "missing_v": "request without v -> error 8",
    "delete_event_user_id": "*_delete events carry user_id == deleter_id (schema and vkbottle disagree on the field)",
    "unban_not_banned": "groups.unban of a user who is not banned -> response 1",
    "rate_limit_rejections": "calls rejected with error 6 do not count towards the sliding window",
    "execute_rate_limit": "execute counts once for the rate limit; inner calls are logged with via=execute",
    "execute_faults": "'*' faults match top-level requests only; named faults also hit inner execute calls "
    "(error kinds only, delays ignored there)",
    "lp_defaults": "new groups have Long Poll enabled with every event type on; setLongPollSettings flags "
    "set to 0 stop queueing that type; enabled=0 -> getLongPollServer error 100",
    "lp_ts": "ts is a per-group event counter; a_check returns events with seq > ts; too old -> failed 1 with the "
    "oldest ts still held; ts from the future -> failed 1 with the current ts",
    "lp_failed_3": "failed 3 rotates the key (old key answers failed 3) and drops queued events (information lost)",
    "callback_confirmation": "confirmation POST includes secret when one is set; body compared after strip()",
    "callback_default_events": "servers added via groups.addCallbackServer have no events enabled until "
    "setCallbackSettings; servers configured via /_test/callback receive everything",
    "confirmation_code": "fixed per group (not rotated on addCallbackServer)",
    "deleted_thread_parent": "wall.getComments shows a deleted top-level comment that still has live replies as "
    "a stub with deleted=true and text ''; other deleted comments are hidden",
    "wall_getComment_deleted": "wall.getComment of a deleted comment returns the stub with deleted=true",
    "scopes": "user tokens need scope wall/photos/video/market for delete/restore, groups for ban/unban (-> 15); "
    "group tokens need manage for LP/callback settings (-> 15)",
}

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
    100: "One of the parameters specified was missing or invalid",
    104: "Not found",
    113: "Invalid user id",
    203: "Access to group denied",
    211: "Access to wall's comment denied",
    243: "Comment has not been deleted",
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
#: kind -> name of the parent-object parameter in /_test/comment and VK objects.
PARENT_PARAM: dict[str, str] = {
    "wall": "post_id", "photo": "photo_id", "video": "video_id", "board": "topic_id", "market": "item_id",
}
_KIND_SCOPE = {"wall": "wall", "photo": "photos", "video": "video", "market": "market"}

_PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


class VKError(Exception):
    """A VK API error; rendered as ``{"error": {...}}`` with HTTP 200 exactly like VK."""

    def __init__(self, code: int, msg: str | None = None, extra: dict[str, Any] | None = None) -> None:
        self.code = code
        self.msg = msg or ERROR_MESSAGES.get(code, "Unknown error occurred")
        self.extra = extra or {}
        super().__init__(f"[{code}] {self.msg}")


class ControlError(Exception):
    """Error of a /_test/ control call (not VK): rendered as HTTP ``status`` with ``{"error", ...}``."""

    def __init__(self, status: int, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.extra = extra


def _param_error(name: str, what: str = "is undefined") -> VKError:
    return VKError(100, f"One of the parameters specified was missing or invalid: {name} {what}")


# --------------------------------------------------------------------------- data model


@dataclass(slots=True)
class TokenInfo:
    """An access token; ``kind`` decides which methods it may call (27/28 otherwise)."""

    token: str
    kind: TokenKind
    user_id: int | None = None
    group_id: int | None = None
    scopes: frozenset[str] = frozenset()
    rate_limit: int | None = None  # overrides VKState.rate_limits[kind] when set

    def public(self) -> dict[str, Any]:
        return {"token": self.token, "kind": self.kind, "user_id": self.user_id, "group_id": self.group_id,
                "scopes": sorted(self.scopes), "rate_limit": self.rate_limit}


@dataclass(slots=True)
class Post:
    """A community wall post; ``top_level`` holds top-level comment ids in ascending order."""

    id: int
    owner_id: int
    from_id: int
    date: int
    text: str
    live_comments: int = 0


@dataclass(slots=True)
class Comment:
    """A comment of any kind; wall replies link to their thread ``root_id`` (VK threads are two-level)."""

    kind: str
    group_id: int
    id: int
    parent_id: int
    from_id: int
    date: int
    text: str
    time_ms: float
    reply_to_comment: int | None = None
    reply_to_user: int | None = None
    root_id: int | None = None
    replies: list[int] = field(default_factory=list)
    live_replies: int = 0
    deleted: bool = False
    deleted_at: float | None = None
    deleter_id: int | None = None
    edited: int = 0


@dataclass(slots=True)
class Ban:
    """A community blacklist entry in VK's ``ban_info`` terms (end_date 0 = forever)."""

    owner_id: int
    admin_id: int
    date: int
    reason: int
    comment: str
    comment_visible: bool
    end_date: int

    def ban_info(self) -> dict[str, Any]:
        return {"admin_id": self.admin_id, "date": self.date, "reason": self.reason, "comment": self.comment,
                "comment_visible": self.comment_visible, "end_date": self.end_date}


FaultKind = Literal["error", "http", "nonjson", "delay"]


@dataclass(slots=True)
class Fault:
    """One fault-plan entry: the next ``count`` matching calls misbehave (count -1 = until cleared)."""

    method: str = "*"
    kind: FaultKind = "error"
    count: int = 1
    error_code: int = 10
    error_msg: str | None = None
    status: int = 502
    body: str | None = None
    delay: float = 0.0
    captcha_key: str | None = None
    fired: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "kind": self.kind, "count": self.count, "error_code": self.error_code,
                "error_msg": self.error_msg, "status": self.status, "body": self.body, "delay": self.delay,
                "captcha_key": self.captcha_key, "fired": self.fired}


@dataclass(slots=True)
class CallbackServer:
    """A Callback API server; ``all_events`` is the default for types not in ``events``."""

    id: int
    url: str
    title: str
    secret: str
    creator_id: int
    status: str = "unconfigured"
    api_version: str = API_VERSION
    events: dict[str, bool] = field(default_factory=dict)
    all_events: bool = False
    delivered: int = 0
    failed: int = 0

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "creator_id": self.creator_id, "url": self.url,
                "secret_key": self.secret, "status": self.status}


class LongPollQueue:
    """Bots Long Poll event history of one group.

    Events get consecutive sequence numbers; ``ts`` handed to clients is the
    last sequence number they have seen, so ``events[ts + 1 - base]`` is the
    next one — O(1) lookup, no scanning. History is trimmed in chunks to keep
    appends amortised O(1).
    """

    def __init__(self, history: int) -> None:
        self.history = history
        self.events: list[dict[str, Any]] = []
        self.base = 1  # seq of events[0]
        self.last = 0  # seq of the newest event
        self.key = secrets.token_hex(16)
        self.retired: dict[str, int] = {}  # old key -> failed code it answers with
        self.pending_failed: int | None = None
        self._waiter = asyncio.Event()

    def append(self, envelope: dict[str, Any]) -> None:
        self.events.append(envelope)
        self.last += 1
        if len(self.events) > 2 * self.history:
            cut = len(self.events) - self.history
            del self.events[:cut]
            self.base += cut
        self.wake()

    def since(self, ts: int, limit: int) -> list[dict[str, Any]]:
        start = ts + 1 - self.base
        return self.events[start:start + limit]

    def drop_all(self) -> None:
        self.events.clear()
        self.base = self.last + 1

    def rotate_key(self, failed: int) -> None:
        self.retired[self.key] = failed
        self.key = secrets.token_hex(16)
        self.wake()

    def wake(self) -> None:
        self._waiter.set()
        self._waiter = asyncio.Event()

    @property
    def waiter(self) -> asyncio.Event:
        return self._waiter


@dataclass
class Group:
    """A community with everything hanging off it (indexes are per group to keep lookups O(1))."""

    id: int
    name: str
    screen_name: str
    confirmation_code: str
    lp: LongPollQueue
    admins: set[int] = field(default_factory=set)
    posts: dict[int, Post] = field(default_factory=dict)
    post_ids: list[int] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    comments: dict[tuple[str, int], Comment] = field(default_factory=dict)
    containers: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    bans: dict[int, Ban] = field(default_factory=dict)
    lp_enabled: bool = True
    lp_events: dict[str, bool] = field(default_factory=dict)
    callback_servers: dict[int, CallbackServer] = field(default_factory=dict)
    cb_queue: asyncio.Queue[dict[str, Any]] | None = None
    cb_task: asyncio.Task[None] | None = None
    event_index: dict[str, dict[str, Any]] = field(default_factory=dict)

    def next_id(self, kind: str) -> int:
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return n


@dataclass(slots=True)
class _Call:
    """Context of one (possibly inner) API call handed to method handlers."""

    tok: TokenInfo
    p: _Params
    origin: str
    rec: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


class _Params:
    """Typed access to wire parameters (all strings), raising VK's error 100 on missing/invalid ones."""

    __slots__ = ("raw",)

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = raw

    def has(self, name: str) -> bool:
        return self.raw.get(name, "") != ""

    def int(self, name: str, default: int | None = None) -> int:
        value = self.raw.get(name, "")
        if value == "":
            if default is None:
                raise _param_error(name)
            return default
        try:
            return int(value)
        except ValueError:
            raise _param_error(name, "not integer") from None

    def opt_int(self, name: str) -> int | None:
        return self.int(name) if self.has(name) else None

    def str(self, name: str, default: str | None = None) -> str:
        value = self.raw.get(name)
        if value is None or value == "":
            if default is None:
                raise _param_error(name)
            return default
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.raw.get(name, "")
        if value == "":
            return default
        return value.lower() not in ("0", "false", "")

    def ints(self, name: str) -> list[int]:
        out: list[int] = []
        for part in self.raw.get(name, "").split(","):
            part = part.strip()
            if part:
                try:
                    out.append(int(part))
                except ValueError:
                    raise _param_error(name, "not integer") from None
        return out


@dataclass(slots=True)
class _Method:
    handler: Callable[[VKState, _Call], Any]
    kinds: frozenset[str]


_METHODS: dict[str, _Method] = {}


def _api(name: str, *kinds: str) -> Callable[[Callable[[VKState, _Call], Any]], Callable[[VKState, _Call], Any]]:
    """Register a VKState method as the handler of VK method ``name`` allowed for token ``kinds``."""

    def deco(fn: Callable[[VKState, _Call], Any]) -> Callable[[VKState, _Call], Any]:
        _METHODS[name] = _Method(fn, frozenset(kinds))
        return fn

    return deco


@dataclass(slots=True)
class HTTPReply:
    """What the aiohttp layer should send back (the state never touches aiohttp objects)."""

    status: int
    body: str
    content_type: str = "application/json"


# --------------------------------------------------------------------------- the state


class VKState:
    """All emulated VK data plus the behaviour of every method, long poll and callback delivery.

    Tests may mutate the public config attributes directly (``rate_limits``,
    ``restore_window``, ``callback_retries`` ...) — they are read on every call.
    """

    def __init__(
        self,
        *,
        rate_limits: dict[str, int | None] | None = None,
        restore_window: float = 3600.0,
        lp_history: int = 10_000,
        lp_batch: int = 1000,
        call_log_limit: int = 200_000,
        callback_retries: int = 3,
        callback_backoff: float = 0.05,
        callback_timeout: float = 5.0,
    ) -> None:
        self.rate_limits: dict[str, int | None] = {"user": 3, "group": 20, "service": 20}
        if rate_limits:
            self.rate_limits.update(rate_limits)
        self.restore_window = restore_window
        self.lp_history = lp_history
        self.lp_batch = lp_batch
        self.call_log_limit = call_log_limit
        self.callback_retries = callback_retries
        self.callback_backoff = callback_backoff
        self.callback_timeout = callback_timeout
        self.clock_offset = 0.0
        self._session: ClientSession | None = None
        self._closing = False
        self._init_data()

    def _init_data(self) -> None:
        self.groups: dict[int, Group] = {}
        self.tokens: dict[str, TokenInfo] = {}
        self.users: dict[int, tuple[str, str]] = {}
        self.faults: list[Fault] = []
        self._captcha: dict[str, str | None] = {}
        self.calls_log: deque[dict[str, Any]] = deque(maxlen=self.call_log_limit)
        self.calls_by_method: dict[str, deque[dict[str, Any]]] = {}
        self.callback_log: deque[dict[str, Any]] = deque(maxlen=self.call_log_limit)
        self._rate: dict[str, deque[float]] = {}
        self._call_seq = 0
        self.counters: dict[str, int] = {
            "calls": 0, "errors": 0, "rate_limited": 0, "faults_fired": 0, "events": 0,
            "comments_created": 0, "comments_deleted": 0, "comments_restored": 0, "bans": 0, "unbans": 0,
            "lp_requests": 0, "lp_failed_1": 0, "lp_failed_2": 0, "lp_failed_3": 0,
        }

    # ------------------------------------------------------------------ clock

    def now(self) -> float:
        """Emulated wall clock (unix seconds); shifted by ``advance_clock`` for window/expiry tests."""
        return time.time() + self.clock_offset

    def advance_clock(self, seconds: float) -> float:
        """Move the emulated clock forward (restore window, ban expiry) without sleeping."""
        self.clock_offset += seconds
        return self.now()

    # ------------------------------------------------------------------ setup helpers

    def add_user(self, user_id: int, first_name: str, last_name: str) -> None:
        """Give a user a name for users.get / getBanned profiles (unknown ids get generated names)."""
        self.users[user_id] = (first_name, last_name)

    def add_token(
        self,
        kind: TokenKind,
        *,
        token: str | None = None,
        user_id: int | None = None,
        group_id: int | None = None,
        admin_of: Iterable[int] = (),
        scopes: Iterable[str] | None = None,
        rate_limit: int | None = None,
    ) -> str:
        """Register a token; user tokens may be made admins of ``admin_of`` groups (admin is per user)."""
        if kind not in ("user", "group", "service"):
            raise ControlError(400, f"bad token kind {kind!r}")
        if kind == "user" and user_id is None:
            raise ControlError(400, "user token needs user_id")
        if kind == "group" and (group_id is None or group_id not in self.groups):
            raise ControlError(404, f"group {group_id} not found")
        if token is None:
            token = f"vk1.a.{kind}{user_id or group_id or ''}-{secrets.token_hex(8)}"
        if token in self.tokens:
            raise ControlError(400, "token already exists")
        default_scopes = {"user": DEFAULT_USER_SCOPES, "group": DEFAULT_GROUP_SCOPES, "service": frozenset()}[kind]
        self.tokens[token] = TokenInfo(token, kind, user_id, group_id,
                                       frozenset(scopes) if scopes is not None else default_scopes, rate_limit)
        for gid in admin_of:
            self._group(gid).admins.add(int(user_id or 0))
        return token

    def add_group(
        self,
        group_id: int | None = None,
        name: str | None = None,
        *,
        admin_user_id: int = 100,
        group_token: str | None = None,
        user_token: str | None = None,
        screen_name: str | None = None,
        confirmation_code: str | None = None,
    ) -> dict[str, Any]:
        """Create a community with a community token and an admin user token.

        Tokens default to deterministic strings (``vk1.a.group<G>``,
        ``vk1.a.user<U>``) so the demo config can be static; one admin user
        may administer many groups and then has a single token, as in reality.
        """
        if group_id is None:
            group_id = max(self.groups, default=0) + 1
        if group_id <= 0:
            raise ControlError(400, "group_id must be positive")
        if group_id in self.groups:
            raise ControlError(400, f"group {group_id} already exists")
        group = Group(
            id=group_id,
            name=name or f"Test community {group_id}",
            screen_name=screen_name or f"club{group_id}",
            confirmation_code=confirmation_code or secrets.token_hex(4),
            lp=LongPollQueue(self.lp_history),
        )
        group.admins.add(admin_user_id)
        self.groups[group_id] = group
        group_token = group_token or f"vk1.a.group{group_id}"
        self.add_token("group", token=group_token, group_id=group_id)
        if user_token is None:
            user_token = f"vk1.a.user{admin_user_id}"
        existing = self.tokens.get(user_token)
        if existing is None:
            self.add_token("user", token=user_token, user_id=admin_user_id)
        elif existing.user_id != admin_user_id:
            raise ControlError(400, "user_token belongs to another user")
        self.users.setdefault(admin_user_id, ("Admin", f"#{admin_user_id}"))
        return {"group_id": group_id, "name": group.name, "screen_name": group.screen_name,
                "group_token": group_token, "user_token": user_token, "admin_user_id": admin_user_id,
                "confirmation_code": group.confirmation_code}

    def add_post(self, group_id: int, text: str = "", *, from_id: int | None = None) -> dict[str, Any]:
        """Create a wall post (post ids share the wall counter with wall comments, as on VK)."""
        group = self._group(group_id)
        pid = group.next_id("wall")
        post = Post(pid, -group.id, from_id if from_id is not None else -group.id, int(self.now()), text)
        group.posts[pid] = post
        group.post_ids.append(pid)
        group.containers[("wall", pid)] = []
        return {"post_id": pid, "owner_id": -group.id, "date": post.date}

    # ------------------------------------------------------------------ lookup helpers

    def _group(self, group_id: int) -> Group:
        group = self.groups.get(int(group_id))
        if group is None:
            raise ControlError(404, f"group {group_id} not found")
        return group

    def _active_ban(self, group: Group, owner_id: int) -> Ban | None:
        """Return the ban if still in force; expired bans are removed here (lazy expiry + user_unblock)."""
        ban = group.bans.get(owner_id)
        if ban is None:
            return None
        if ban.end_date and ban.end_date <= self.now():
            del group.bans[owner_id]
            self._emit(group, "user_unblock", {"admin_id": ban.admin_id, "user_id": owner_id, "by_end_date": 1})
            return None
        return ban

    def _user_obj(self, user_id: int, fields: Iterable[str] = ()) -> dict[str, Any]:
        first, last = self.users.get(user_id, ("User", f"#{user_id}"))
        obj: dict[str, Any] = {"id": user_id, "first_name": first, "last_name": last,
                               "can_access_closed": True, "is_closed": False}
        if "screen_name" in fields:
            obj["screen_name"] = f"id{user_id}"
        if "photo_50" in fields:
            obj["photo_50"] = "https://vk.com/images/camera_50.png"
        return obj

    def _group_obj(self, group: Group, tok: TokenInfo | None = None) -> dict[str, Any]:
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

    # ------------------------------------------------------------------ events

    def _emit(self, group: Group, etype: str, obj: dict[str, Any]) -> dict[str, Any]:
        """Build a VK event envelope and queue it for Long Poll and Callback consumers."""
        envelope = {"type": etype, "object": obj, "group_id": group.id,
                    "event_id": secrets.token_hex(20), "v": API_VERSION}
        index = group.event_index
        index[envelope["event_id"]] = envelope
        if len(index) > 4 * self.lp_history:
            for key in list(index)[: len(index) - 2 * self.lp_history]:
                del index[key]
        self.counters["events"] += 1
        self._dispatch(group, envelope)
        return envelope

    def _dispatch(self, group: Group, envelope: dict[str, Any]) -> None:
        if group.lp_enabled and group.lp_events.get(envelope["type"], True):
            group.lp.append(envelope)
        if group.callback_servers:
            if group.cb_queue is None:
                group.cb_queue = asyncio.Queue()
            group.cb_queue.put_nowait(envelope)
            self._ensure_cb_worker(group)

    def _comment_obj(self, group: Group, c: Comment, *, event: bool) -> dict[str, Any]:
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

    def _delete_event_obj(self, group: Group, c: Comment) -> dict[str, Any]:
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

    # ------------------------------------------------------------------ test-control operations

    def post_comment(
        self,
        group_id: int,
        from_id: int,
        text: str,
        kind: str = "wall",
        *,
        parent_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """A user writes a comment (or a message to the community); queues the ``*_new`` event.

        Raises ControlError(400, reason="banned") for blacklisted authors: VK
        does not let them comment or write to the community at all.
        """
        group = self._group(group_id)
        if kind not in ALL_KINDS:
            raise ControlError(400, f"unknown kind {kind!r}", reason="bad_kind")
        from_id = int(from_id)
        ban = self._active_ban(group, from_id)
        if ban is not None:
            raise ControlError(400, "author is banned in this community", reason="banned", ban_info=ban.ban_info())
        now = self.now()
        if kind == "message":
            return self._post_message(group, from_id, text, now)
        if kind == "wall":
            if parent_id is None:
                if not group.post_ids:
                    self.add_post(group.id, "Auto-created post")
                parent_id = group.post_ids[-1]
            elif parent_id not in group.posts:
                raise ControlError(404, f"post {parent_id} not found", reason="no_post")
        elif parent_id is None:
            parent_id = 1
        cid = group.next_id(kind)
        # time_ms is real wall-clock (not the shiftable emulated clock) so it can be compared with the
        # call log's arrival times for receive-to-delete latency in the benchmark.
        comment = Comment(kind, group.id, cid, int(parent_id), from_id, int(now), str(text), time.time() * 1000.0)
        target: Comment | None = None
        if reply_to is not None:
            target = group.comments.get((kind, int(reply_to)))
            if target is None or target.parent_id != comment.parent_id or target.deleted:
                raise ControlError(400, f"reply_to comment {reply_to} not found on this object", reason="no_reply_to")
            comment.reply_to_comment = target.id
            comment.reply_to_user = target.from_id
        group.comments[(kind, cid)] = comment
        if kind == "wall" and target is not None:
            root = group.comments[("wall", target.root_id)] if target.root_id else target
            comment.root_id = root.id
            root.replies.append(cid)
            root.live_replies += 1
        else:
            group.containers.setdefault((kind, comment.parent_id), []).append(cid)
        if kind == "wall":
            group.posts[comment.parent_id].live_comments += 1
        self.counters["comments_created"] += 1
        env = self._emit(group, KIND_EVENTS[kind][0], self._comment_obj(group, comment, event=True))
        return {"comment_id": cid, "event_id": env["event_id"], "date": comment.date, "time_ms": comment.time_ms,
                "owner_id": -group.id, PARENT_PARAM[kind]: comment.parent_id, "kind": kind}

    def _post_message(self, group: Group, from_id: int, text: str, now: float) -> dict[str, Any]:
        mid = group.next_id("message")
        message = {"date": int(now), "from_id": from_id, "id": mid, "out": 0, "version": mid, "attachments": [],
                   "conversation_message_id": mid, "fwd_messages": [], "important": False, "is_hidden": False,
                   "peer_id": from_id, "random_id": 0, "text": str(text)}
        group.messages[mid] = message
        client_info = {"button_actions": ["text", "vkpay", "open_app", "location", "open_link", "callback",
                                          "intent_subscribe", "intent_unsubscribe"],
                       "keyboard": True, "inline_keyboard": True, "carousel": True, "lang_id": 0}
        env = self._emit(group, "message_new", {"message": dict(message), "client_info": client_info})
        return {"comment_id": mid, "event_id": env["event_id"], "date": message["date"], "time_ms": time.time() * 1000.0,
                "owner_id": -group.id, "peer_id": from_id, "kind": "message"}

    def edit_comment(self, group_id: int, kind: str, comment_id: int, text: str) -> dict[str, Any]:
        """The author edits a comment/message; queues ``*_edit`` (``message_edit`` for messages)."""
        group = self._group(group_id)
        if kind == "message":
            message = group.messages.get(int(comment_id))
            if message is None:
                raise ControlError(404, f"message {comment_id} not found")
            message["text"] = str(text)
            message["update_time"] = int(self.now())
            env = self._emit(group, "message_edit", dict(message))
            return {"event_id": env["event_id"]}
        if kind not in COMMENT_KINDS:
            raise ControlError(400, f"unknown kind {kind!r}")
        comment = group.comments.get((kind, int(comment_id)))
        if comment is None or comment.deleted:
            raise ControlError(404, f"{kind} comment {comment_id} not found or deleted")
        comment.text = str(text)
        comment.edited += 1
        env = self._emit(group, KIND_EVENTS[kind][1], self._comment_obj(group, comment, event=True))
        return {"event_id": env["event_id"]}

    def add_fault(self, method: str = "*", kind: FaultKind = "error", count: int = 1, **kwargs: Any) -> Fault:
        """Append to the fault plan; see ``Fault`` for fields (error_code, status, body, delay, captcha_key)."""
        if kind not in ("error", "http", "nonjson", "delay"):
            raise ControlError(400, f"bad fault kind {kind!r}")
        known = {"error_code", "error_msg", "status", "body", "delay", "captcha_key"}
        unknown = set(kwargs) - known
        if unknown:
            raise ControlError(400, f"unknown fault fields {sorted(unknown)}")
        fault = Fault(method=method, kind=kind, count=int(count), **kwargs)
        self.faults = [f for f in self.faults if f.count != 0]
        self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        self.faults.clear()
        self._captcha.clear()

    def lp_fail(self, group_id: int, failed: int) -> dict[str, Any]:
        """Make the group's Long Poll fail like VK does.

        1: pending events are dropped and the next a_check answers
        ``{"failed":1,"ts":<now>}`` — the daemon must backfill via
        wall.getComments; 2: key rotated (old key -> failed 2, events kept);
        3: key rotated and events dropped (old key -> failed 3).
        """
        group = self._group(group_id)
        lp = group.lp
        if failed == 1:
            lp.drop_all()
            lp.pending_failed = 1
            lp.wake()
        elif failed in (2, 3):
            if failed == 3:
                lp.drop_all()
            lp.rotate_key(failed)
        else:
            raise ControlError(400, "failed must be 1, 2 or 3")
        return {"group_id": group.id, "failed": failed, "ts": str(lp.last)}

    def redeliver(self, group_id: int, event_id: str) -> dict[str, Any]:
        """Send an already-delivered event again (same event_id) to LP and callback consumers."""
        group = self._group(group_id)
        envelope = group.event_index.get(event_id)
        if envelope is None:
            raise ControlError(404, f"event {event_id} not found")
        self._dispatch(group, envelope)
        return {"group_id": group.id, "event_id": event_id, "type": envelope["type"]}

    async def configure_callback(
        self, group_id: int, url: str, secret: str = "", code: str | None = None, title: str = "test"
    ) -> dict[str, Any]:
        """Point the group at a callback URL (all events) and run the confirmation handshake now."""
        group = self._group(group_id)
        if code:
            group.confirmation_code = code
        server = self._add_callback_server(group, url, title, secret, creator_id=0)
        server.all_events = True
        confirmed = await self._cb_confirm(group, server)
        self._ensure_cb_worker(group)
        return {"server_id": server.id, "confirmed": confirmed, "status": server.status,
                "code": group.confirmation_code}

    def snapshot(self, group_id: int | None = None, *, comments: bool = True,
                 deleted_only: bool = False) -> dict[str, Any]:
        """Everything a test wants to assert on, JSON-ready (this one is O(n); it is not on a hot path)."""
        groups = [self._group(group_id)] if group_id is not None else list(self.groups.values())
        out: dict[str, Any] = {"groups": [], "comments": [], "messages": [], "bans": [],
                               "counters": dict(self.counters), "faults": [f.to_dict() for f in self.faults],
                               "config": self.config(), "now": self.now()}
        for g in groups:
            out["groups"].append({
                "id": g.id, "name": g.name, "screen_name": g.screen_name, "admins": sorted(g.admins),
                "posts": len(g.posts), "comments": len(g.comments), "confirmation_code": g.confirmation_code,
                "lp": {"enabled": g.lp_enabled, "key": g.lp.key, "ts": str(g.lp.last), "held": len(g.lp.events)},
                "callback_servers": [dict(s.public(), delivered=s.delivered, failed=s.failed)
                                     for s in g.callback_servers.values()],
            })
            if comments:
                for c in g.comments.values():
                    if deleted_only and not c.deleted:
                        continue
                    out["comments"].append({
                        "group_id": g.id, "owner_id": -g.id, "kind": c.kind, "id": c.id, "parent_id": c.parent_id,
                        "from_id": c.from_id, "text": c.text, "date": c.date, "time_ms": c.time_ms,
                        "reply_to_comment": c.reply_to_comment, "root_id": c.root_id, "deleted": c.deleted,
                        "deleted_at": c.deleted_at, "deleter_id": c.deleter_id, "edited": c.edited,
                    })
                out["messages"].extend({"group_id": g.id, **m} for m in g.messages.values())
            for owner_id in list(g.bans):
                ban = self._active_ban(g, owner_id)
                if ban is not None:
                    out["bans"].append({"group_id": g.id, "owner_id": owner_id, **ban.ban_info()})
        return out

    def config(self) -> dict[str, Any]:
        return {"rate_limits": dict(self.rate_limits), "restore_window": self.restore_window,
                "lp_history": self.lp_history, "lp_batch": self.lp_batch, "callback_retries": self.callback_retries,
                "callback_backoff": self.callback_backoff, "callback_timeout": self.callback_timeout,
                "clock_offset": self.clock_offset}

    def set_config(self, **values: Any) -> dict[str, Any]:
        """Change runtime knobs (the /_test/config endpoint); unknown keys are an error, not ignored."""
        for key, value in values.items():
            if key == "rate_limits":
                self.rate_limits.update(value)
            elif key in ("restore_window", "callback_backoff", "callback_timeout"):
                setattr(self, key, float(value))
            elif key in ("lp_batch", "callback_retries"):
                setattr(self, key, int(value))
            elif key == "advance_clock":
                self.advance_clock(float(value))
            else:
                raise ControlError(400, f"unknown config key {key!r}")
        return self.config()

    def reset_rate_limits(self) -> None:
        """Forget the sliding windows (tests that need a fresh second without sleeping)."""
        self._rate.clear()

    def calls(self, method: str | None = None, since: int = 0) -> list[dict[str, Any]]:
        """Call log entries (optionally for one method, with seq > since)."""
        source = self.calls_log if method is None else self.calls_by_method.get(method, ())
        if since:
            return [c for c in source if c["seq"] > since]
        return list(source)

    def reset(self) -> None:
        """Forget all data (groups, tokens, comments, logs, faults); config knobs are kept."""
        for group in self.groups.values():
            group.lp.wake()
            if group.cb_task is not None:
                group.cb_task.cancel()
        self._init_data()

    async def close(self) -> None:
        """Stop background delivery, release long-poll waiters and the HTTP client session."""
        self._closing = True
        tasks = []
        for group in self.groups.values():
            group.lp.wake()
            if group.cb_task is not None:
                group.cb_task.cancel()
                tasks.append(group.cb_task)
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    # ------------------------------------------------------------------ API entry point

    def _log_call(self, method: str, params: dict[str, str], token: str | None, via: str,
                  parent: int | None = None) -> dict[str, Any]:
        self._call_seq += 1
        rec: dict[str, Any] = {"seq": self._call_seq, "time_ms": time.time() * 1000.0, "method": method,
                               "params": dict(params), "token": token, "token_kind": None, "via": via, "parent": parent,
                               "error_code": None, "response": None, "http_status": 200, "duration_ms": None}
        self.calls_log.append(rec)
        per = self.calls_by_method.get(method)
        if per is None:
            per = self.calls_by_method[method] = deque(maxlen=self.call_log_limit)
        per.append(rec)
        self.counters["calls"] += 1
        return rec

    def _take_fault(self, method: str, *, top_level: bool, transport: bool) -> Fault | None:
        for fault in self.faults:
            if fault.count == 0 or (fault.kind != "error") != transport:
                continue
            if fault.method == method or (fault.method == "*" and top_level):
                if fault.count > 0:
                    fault.count -= 1
                fault.fired += 1
                self.counters["faults_fired"] += 1
                return fault
        return None

    def _fault_error(self, fault: Fault, origin: str) -> VKError:
        extra: dict[str, Any] = {}
        if fault.error_code == 14:
            sid = str(secrets.randbelow(10**12))
            self._captcha[sid] = fault.captcha_key
            extra = {"captcha_sid": sid, "captcha_img": f"{origin}/captcha.php?sid={sid}&s=1"}
        return VKError(fault.error_code, fault.error_msg, extra)

    def _captcha_answered(self, params: dict[str, str]) -> bool:
        sid = params.pop("captcha_sid", None)
        key = params.pop("captcha_key", None)
        if not sid or not key or sid not in self._captcha:
            return False
        expected = self._captcha.pop(sid)
        return expected is None or key == expected

    def _auth(self, token: str | None) -> TokenInfo:
        if not token:
            raise VKError(5, "User authorization failed: no access_token passed.")
        tok = self.tokens.get(token)
        if tok is None:
            raise VKError(5)
        return tok

    def _check_rate(self, tok: TokenInfo) -> None:
        limit = tok.rate_limit if tok.rate_limit is not None else self.rate_limits.get(tok.kind)
        if not limit:
            return
        now = time.monotonic()
        window = self._rate.get(tok.token)
        if window is None:
            window = self._rate[tok.token] = deque()
        horizon = now - 1.0
        while window and window[0] <= horizon:
            window.popleft()
        if len(window) >= limit:
            self.counters["rate_limited"] += 1
            raise VKError(6)
        window.append(now)

    def _invoke(self, method: str, call: _Call) -> Any:
        spec = _METHODS[method]
        kind = call.tok.kind
        if kind not in spec.kinds:
            if kind == "group":
                raise VKError(27)
            if kind == "service":
                raise VKError(28)
            raise VKError(15, "Access denied: method is available only with group auth")
        return spec.handler(self, call)

    async def api_call(self, method: str, params: dict[str, str], token: str | None, version: str | None,
                       origin: str) -> HTTPReply:
        """Handle one ``/method/<name>`` request end to end (log, faults, auth, rate limit, dispatch)."""
        started = time.monotonic()
        rec = self._log_call(method, params, token, "http")
        fault = self._take_fault(method, top_level=True, transport=True)
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.kind == "http":
                rec["http_status"] = fault.status
                rec["duration_ms"] = (time.monotonic() - started) * 1000.0
                return HTTPReply(fault.status, fault.body or f"<html><body>{fault.status} Bad Gateway</body></html>",
                                 "text/html")
            if fault.kind == "nonjson":
                rec["duration_ms"] = (time.monotonic() - started) * 1000.0
                return HTTPReply(200, fault.body or "<html><body>Service temporarily unavailable</body></html>",
                                 "text/html")
        body: dict[str, Any]
        try:
            if not version:
                raise VKError(8)
            if method not in _METHODS:
                raise VKError(3)
            tok = self._auth(token)
            rec["token_kind"] = tok.kind
            self._check_rate(tok)
            if not self._captcha_answered(params):
                err_fault = self._take_fault(method, top_level=True, transport=False)
                if err_fault is not None:
                    if err_fault.delay:
                        await asyncio.sleep(err_fault.delay)
                    raise self._fault_error(err_fault, origin)
            call = _Call(tok, _Params(params), origin, rec)
            result = self._invoke(method, call)
            body = {"response": result, **call.extra}
            rec["response"] = result
        except VKError as e:
            self.counters["errors"] += 1
            rec["error_code"] = e.code
            request_params = [{"key": "oauth", "value": "1"}, {"key": "method", "value": method}]
            if version:
                request_params.append({"key": "v", "value": version})
            request_params.extend({"key": k, "value": v} for k, v in params.items())
            body = {"error": {"error_code": e.code, "error_msg": e.msg, "request_params": request_params, **e.extra}}
        rec["duration_ms"] = (time.monotonic() - started) * 1000.0
        return HTTPReply(200, json.dumps(body, ensure_ascii=False))

    def _inner_call(self, method: str, params: dict[str, str], parent: _Call) -> tuple[bool, Any]:
        rec = self._log_call(method, params, parent.tok.token, "execute", parent.rec["seq"])
        rec["token_kind"] = parent.tok.kind
        try:
            if method not in _METHODS or method == "execute":
                raise VKError(3)
            fault = self._take_fault(method, top_level=False, transport=False)
            if fault is not None:
                raise self._fault_error(fault, parent.origin)
            result = self._invoke(method, _Call(parent.tok, _Params(params), parent.origin, rec))
        except VKError as e:
            rec["error_code"] = e.code
            return False, e
        rec["response"] = result
        return True, result

    # ------------------------------------------------------------------ permission helpers

    def _owner_group(self, owner_id: int, name: str = "owner_id") -> Group:
        group = self.groups.get(-owner_id) if owner_id < 0 else None
        if group is None:
            raise _param_error(name, "is invalid (only community walls are emulated)")
        return group

    def _id_group(self, group_id: int) -> Group:
        group = self.groups.get(group_id)
        if group is None:
            raise _param_error("group_id", "is invalid")
        return group

    def _require_admin(self, tok: TokenInfo, group: Group, *, code: int = 15, scope: str | None = None,
                       group_scope: str | None = None) -> None:
        if tok.kind == "group":
            if tok.group_id != group.id:
                raise VKError(15, "Access denied: token of another community")
            if group_scope and group_scope not in tok.scopes:
                raise VKError(15, f"Access denied: no access to call this method (community token needs {group_scope})")
            return
        if tok.kind != "user" or tok.user_id not in group.admins:
            raise VKError(code)
        if scope and scope not in tok.scopes:
            raise VKError(15, "Access denied: no access to call this method")

    # ------------------------------------------------------------------ groups.*

    @_api("groups.getById", "user", "group", "service")
    def _m_groups_get_by_id(self, call: _Call) -> Any:
        raw = ",".join(x for x in (call.p.raw.get("group_ids", ""), call.p.raw.get("group_id", "")) if x)
        groups: list[dict[str, Any]] = []
        if not raw:
            if call.tok.kind != "group":
                raise _param_error("group_ids")
            groups.append(self._group_obj(self.groups[int(call.tok.group_id or 0)], call.tok))
        for part in raw.split(","):
            part = part.strip()
            if not part:
                continue
            gid: int | None = None
            for prefix in ("club", "public", "event"):
                if part.startswith(prefix) and part[len(prefix):].isdigit():
                    gid = int(part[len(prefix):])
            if gid is None and part.lstrip("-").isdigit():
                gid = abs(int(part))
            if gid is None:
                gid = next((g.id for g in self.groups.values() if g.screen_name == part), None)
            group = self.groups.get(gid or 0)
            if group is None:
                raise _param_error("group_ids", "is invalid")
            groups.append(self._group_obj(group, call.tok))
        return {"groups": groups, "profiles": []}

    @_api("groups.getLongPollServer", "user", "group")
    def _m_get_lp_server(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group)
        if not group.lp_enabled:
            raise _param_error("group_id", "longpoll for this group is not enabled")
        return {"key": group.lp.key, "server": f"{call.origin}/lp/{group.id}", "ts": str(group.lp.last)}

    @_api("groups.setLongPollSettings", "user", "group")
    def _m_set_lp_settings(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        for key in call.p.raw:
            if key == "enabled":
                group.lp_enabled = call.p.flag("enabled")
            elif key not in ("group_id", "api_version"):
                group.lp_events[key] = call.p.flag(key)
        return 1

    @_api("groups.getLongPollSettings", "user", "group")
    def _m_get_lp_settings(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        events = {t: int(group.lp_events.get(t, True)) for types in KIND_EVENTS.values() for t in types}
        for t in ("message_new", "message_edit", "user_block", "user_unblock"):
            events[t] = int(group.lp_events.get(t, True))
        return {"is_enabled": group.lp_enabled, "api_version": API_VERSION, "events": events}

    @_api("groups.getCallbackConfirmationCode", "user", "group")
    def _m_cb_code(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        return {"code": group.confirmation_code}

    def _add_callback_server(self, group: Group, url: str, title: str, secret: str, creator_id: int) -> CallbackServer:
        if len(group.callback_servers) >= 10:
            raise VKError(2000)
        sid = group.next_id("callback_server")
        server = CallbackServer(sid, url, title, secret, creator_id)
        group.callback_servers[sid] = server
        return server

    @_api("groups.addCallbackServer", "user", "group")
    def _m_cb_add(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        server = self._add_callback_server(group, call.p.str("url"), call.p.str("title"),
                                           call.p.raw.get("secret_key", ""), call.tok.user_id or 0)
        return {"server_id": server.id}

    def _cb_server(self, group: Group, call: _Call) -> CallbackServer:
        server = group.callback_servers.get(call.p.int("server_id"))
        if server is None:
            raise _param_error("server_id", "is invalid")
        return server

    @_api("groups.editCallbackServer", "user", "group")
    def _m_cb_edit(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        server = self._cb_server(group, call)
        server.url = call.p.str("url")
        server.title = call.p.str("title")
        server.secret = call.p.raw.get("secret_key", server.secret)
        server.status = "unconfigured"
        return 1

    @_api("groups.deleteCallbackServer", "user", "group")
    def _m_cb_delete(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        del group.callback_servers[self._cb_server(group, call).id]
        return 1

    @_api("groups.getCallbackServers", "user", "group")
    def _m_cb_list(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        wanted = set(call.p.ints("server_ids"))
        items = [s.public() for s in group.callback_servers.values() if not wanted or s.id in wanted]
        return {"count": len(items), "items": items}

    @_api("groups.setCallbackSettings", "user", "group")
    def _m_cb_settings(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        server = self._cb_server(group, call)
        for key in call.p.raw:
            if key == "api_version":
                server.api_version = call.p.raw[key]
            elif key not in ("group_id", "server_id"):
                server.events[key] = call.p.flag(key)
        if group.callback_servers:
            self._ensure_cb_worker(group)
        return 1

    @_api("groups.getCallbackSettings", "user", "group")
    def _m_cb_get_settings(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, group_scope="manage")
        server = self._cb_server(group, call)
        events = {t: int(server.events.get(t, server.all_events)) for types in KIND_EVENTS.values() for t in types}
        for t in ("message_new", "message_edit", "user_block", "user_unblock"):
            events[t] = int(server.events.get(t, server.all_events))
        return {"api_version": server.api_version, "events": events}

    @_api("groups.getTokenPermissions", "group")
    def _m_token_permissions(self, call: _Call) -> Any:
        perms = [{"setting": GROUP_SCOPE_BITS[s], "name": s} for s in sorted(call.tok.scopes) if s in GROUP_SCOPE_BITS]
        return {"mask": sum(p["setting"] for p in perms), "permissions": perms}

    @_api("groups.ban", "user")
    def _m_ban(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, scope="groups")
        # owner_id (5.199) or the legacy user_id
        owner_id = call.p.int("user_id") if call.p.has("user_id") and not call.p.has("owner_id") else call.p.int(
            "owner_id")
        if owner_id == 0 or owner_id == -group.id:
            raise _param_error("owner_id", "is invalid")
        reason = call.p.int("reason", 0)
        if reason not in range(5):
            raise _param_error("reason", "is invalid (0..4)")
        end_date = call.p.int("end_date", 0)
        now = self.now()
        if end_date and end_date <= now:
            raise _param_error("end_date", "is in the past")
        ban = Ban(owner_id, int(call.tok.user_id or 0), int(now), reason, call.p.raw.get("comment", ""),
                  call.p.flag("comment_visible"), end_date)
        group.bans.pop(owner_id, None)  # re-ban updates and moves to the front (newest first)
        group.bans[owner_id] = ban
        self.counters["bans"] += 1
        self._emit(group, "user_block", {"admin_id": ban.admin_id, "user_id": owner_id, "unblock_date": end_date,
                                         "reason": reason, "comment": ban.comment})
        return 1

    @_api("groups.unban", "user")
    def _m_unban(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group, scope="groups")
        owner_id = call.p.int("owner_id") if call.p.has("owner_id") else call.p.int("user_id")
        if self._active_ban(group, owner_id) is not None:
            del group.bans[owner_id]
            self.counters["unbans"] += 1
            self._emit(group, "user_unblock", {"admin_id": int(call.tok.user_id or 0), "user_id": owner_id,
                                               "by_end_date": 0})
        return 1

    @_api("groups.getBanned", "user", "group")
    def _m_get_banned(self, call: _Call) -> Any:
        group = self._id_group(call.p.int("group_id"))
        self._require_admin(call.tok, group)
        offset = call.p.int("offset", 0)
        count = min(max(call.p.int("count", 20), 0), 200)
        fields = [f.strip() for f in call.p.raw.get("fields", "").split(",") if f.strip()]
        active = [b for oid in list(group.bans) if (b := self._active_ban(group, oid)) is not None]
        active.reverse()  # newest first
        if call.p.has("owner_id"):
            owner_id = call.p.int("owner_id")
            active = [b for b in active if b.owner_id == owner_id]
            if not active:
                raise VKError(104)
        items: list[dict[str, Any]] = []
        for ban in active[offset:offset + count]:
            if ban.owner_id > 0:
                items.append({"type": "profile", "profile": self._user_obj(ban.owner_id, fields),
                              "ban_info": ban.ban_info()})
            else:
                other = self.groups.get(-ban.owner_id)
                gobj = self._group_obj(other) if other else {"id": -ban.owner_id, "name": f"club{-ban.owner_id}"}
                items.append({"type": "group", "group": gobj, "ban_info": ban.ban_info()})
        return {"count": len(active), "items": items}

    # ------------------------------------------------------------------ users.*

    @_api("users.get", "user", "group", "service")
    def _m_users_get(self, call: _Call) -> Any:
        fields = [f.strip() for f in call.p.raw.get("fields", "").split(",") if f.strip()]
        raw = call.p.raw.get("user_ids") or call.p.raw.get("user_id") or ""
        if not raw:
            return [self._user_obj(call.tok.user_id, fields)] if call.tok.kind == "user" and call.tok.user_id else []
        out = []
        for part in raw.split(","):
            part = part.strip()
            if part.startswith("id") and part[2:].isdigit():
                part = part[2:]
            if not part.isdigit() or int(part) <= 0:
                raise VKError(113)
            out.append(self._user_obj(int(part), fields))
        return out

    # ------------------------------------------------------------------ wall reading

    @_api("wall.get", "user", "service")
    def _m_wall_get(self, call: _Call) -> Any:
        if call.p.has("owner_id"):
            group = self._owner_group(call.p.int("owner_id"))
        else:
            domain = call.p.str("domain") if call.p.has("domain") else call.p.str("owner_id")
            found = next((g for g in self.groups.values() if domain in (g.screen_name, f"club{g.id}")), None)
            if found is None:
                raise _param_error("domain", "is invalid")
            group = found
        offset = max(call.p.int("offset", 0), 0)
        count = min(max(call.p.int("count", 20), 0), 100)
        flt = call.p.raw.get("filter", "all")
        ids = group.post_ids
        if flt in ("owner", "others"):
            ids = [i for i in ids if (group.posts[i].from_id == -group.id) == (flt == "owner")]
        newest_first = ids[::-1][offset:offset + count]
        items = [self._post_obj(group, group.posts[pid]) for pid in newest_first]
        result: dict[str, Any] = {"count": len(ids), "items": items}
        if call.p.flag("extended"):
            result["profiles"] = []
            result["groups"] = [self._group_obj(group)]
        return result

    def _post_obj(self, group: Group, post: Post) -> dict[str, Any]:
        return {"id": post.id, "owner_id": post.owner_id, "from_id": post.from_id, "date": post.date,
                "text": post.text, "post_type": "post", "attachments": [], "marked_as_ads": 0,
                "comments": {"count": post.live_comments, "can_post": 1, "groups_can_post": True,
                             "can_close": True, "can_open": False},
                "likes": {"count": 0, "user_likes": 0, "can_like": 1, "can_publish": 1},
                "reposts": {"count": 0, "user_reposted": 0}, "views": {"count": 0}}

    def _visible(self, group: Group, c: Comment, top_level: bool) -> dict[str, Any] | None:
        if not c.deleted:
            return self._comment_obj(group, c, event=False)
        if top_level and c.live_replies:
            stub = self._comment_obj(group, c, event=False)
            stub["text"] = ""
            stub["deleted"] = True
            return stub
        return None

    @_api("wall.getComments", "user", "service")
    def _m_wall_get_comments(self, call: _Call) -> Any:
        p = call.p
        group = self._owner_group(p.int("owner_id"))
        post_id = p.int("post_id")
        post = group.posts.get(post_id)
        if post is None:
            raise _param_error("post_id", "is invalid")
        count = p.int("count", 10)
        if count < 0 or count > 100:
            raise _param_error("count", "should be from 0 to 100")
        offset = max(p.int("offset", 0), 0)
        desc = p.raw.get("sort", "asc") == "desc"
        thread_items = min(max(p.int("thread_items_count", 0), 0), 10)
        need_likes = p.flag("need_likes")
        root_id = p.opt_int("comment_id")
        if root_id is not None:
            root = group.comments.get(("wall", root_id))
            if root is None or root.parent_id != post_id or root.root_id is not None:
                raise VKError(104)
            ids: list[int] = root.replies
            top_level = False
        else:
            ids = group.containers.get(("wall", post_id), [])
            top_level = True
        visible: list[tuple[Comment, dict[str, Any]]] = []
        seq = reversed(ids) if desc else iter(ids)
        start = p.opt_int("start_comment_id")
        for cid in seq:
            if start is not None and ((cid < start) if not desc else (cid > start)):
                continue
            c = group.comments[("wall", cid)]
            obj = self._visible(group, c, top_level)
            if obj is not None:
                visible.append((c, obj))
        items = []
        for c, obj in visible[offset:offset + count]:
            if need_likes:
                obj["likes"] = {"count": 0, "user_likes": 0, "can_like": 1, "can_publish": 1}
            if top_level:
                replies = [group.comments[("wall", r)] for r in c.replies]
                live = [r for r in replies if not r.deleted]
                obj["thread"] = {"count": len(live),
                                 "items": [self._comment_obj(group, r, event=False) for r in live[:thread_items]],
                                 "can_post": True, "show_reply_button": True, "groups_can_post": True}
            items.append(obj)
        result: dict[str, Any] = {"count": post.live_comments if top_level else len(visible), "items": items,
                                  "current_level_count": len(visible), "can_post": True,
                                  "show_reply_button": True, "groups_can_post": True}
        if p.flag("extended"):
            self._add_extended(group, result, [obj for _, obj in visible[offset:offset + count]])
        return result

    def _add_extended(self, group: Group, result: dict[str, Any], objs: list[dict[str, Any]]) -> None:
        authors = {o["from_id"] for o in objs}
        for o in objs:
            authors.update(t["from_id"] for t in o.get("thread", {}).get("items", []))
        result["profiles"] = [self._user_obj(a) for a in sorted(authors) if a > 0]
        result["groups"] = [self._group_obj(self.groups[-a]) for a in sorted(authors) if a < 0 and -a in self.groups]

    @_api("wall.getComment", "user")
    def _m_wall_get_comment(self, call: _Call) -> Any:
        group = self._owner_group(call.p.int("owner_id"))
        c = group.comments.get(("wall", call.p.int("comment_id")))
        if c is None:
            raise VKError(104)
        obj = self._comment_obj(group, c, event=False)
        if c.deleted:
            obj["text"] = ""
            obj["deleted"] = True
        result: dict[str, Any] = {"items": [obj], "can_post": True, "show_reply_button": True,
                                  "groups_can_post": True, "current_level_count": 1}
        if call.p.flag("extended"):
            self._add_extended(group, result, [obj])
        return result

    # ------------------------------------------------------------------ delete / restore

    def _moderate(self, call: _Call, kind: str, restore: bool) -> int:
        p = call.p
        if kind == "board":
            group = self._id_group(p.int("group_id"))
            topic_id: int | None = p.int("topic_id")
        else:
            group = self._owner_group(p.int("owner_id"))
            topic_id = None
        cid = p.int("comment_id")
        c = group.comments.get((kind, cid))
        if c is not None and topic_id is not None and c.parent_id != topic_id:
            c = None
        tok = call.tok
        is_author = tok.kind == "user" and c is not None and tok.user_id == c.from_id
        if not is_author:
            self._require_admin(tok, group, code=211, scope=_KIND_SCOPE.get(kind))
        if c is None:
            if kind in ("photo", "market"):
                return 0
            raise VKError(104)
        if restore:
            return self._restore(group, c)
        return self._delete(group, c, tok)

    def _delete(self, group: Group, c: Comment, tok: TokenInfo) -> int:
        if c.deleted:
            return 1  # idempotent, see DESIGN_CHOICES["double_delete"]
        c.deleted = True
        c.deleted_at = self.now()
        c.deleter_id = tok.user_id if tok.kind == "user" else -group.id
        self._adjust_live(group, c, -1)
        self.counters["comments_deleted"] += 1
        self._emit(group, KIND_EVENTS[c.kind][3], self._delete_event_obj(group, c))
        return 1

    def _restore(self, group: Group, c: Comment) -> int:
        if not c.deleted:
            raise VKError(243)
        if self.now() - (c.deleted_at or 0.0) > self.restore_window:
            raise VKError(211, "Access to wall's comment denied: restore period has expired")
        c.deleted = False
        c.deleted_at = None
        c.deleter_id = None
        self._adjust_live(group, c, +1)
        self.counters["comments_restored"] += 1
        self._emit(group, KIND_EVENTS[c.kind][2], self._comment_obj(group, c, event=True))
        return 1

    def _adjust_live(self, group: Group, c: Comment, delta: int) -> None:
        if c.kind != "wall":
            return
        group.posts[c.parent_id].live_comments += delta
        if c.root_id:
            group.comments[("wall", c.root_id)].live_replies += delta

    @_api("wall.deleteComment", "user")
    def _m_wall_delete(self, call: _Call) -> Any:
        return self._moderate(call, "wall", False)

    @_api("wall.restoreComment", "user")
    def _m_wall_restore(self, call: _Call) -> Any:
        return self._moderate(call, "wall", True)

    @_api("photos.deleteComment", "user")
    def _m_photos_delete(self, call: _Call) -> Any:
        return self._moderate(call, "photo", False)

    @_api("photos.restoreComment", "user")
    def _m_photos_restore(self, call: _Call) -> Any:
        return self._moderate(call, "photo", True)

    @_api("video.deleteComment", "user")
    def _m_video_delete(self, call: _Call) -> Any:
        return self._moderate(call, "video", False)

    @_api("video.restoreComment", "user")
    def _m_video_restore(self, call: _Call) -> Any:
        return self._moderate(call, "video", True)

    @_api("market.deleteComment", "user")
    def _m_market_delete(self, call: _Call) -> Any:
        return self._moderate(call, "market", False)

    @_api("market.restoreComment", "user")
    def _m_market_restore(self, call: _Call) -> Any:
        return self._moderate(call, "market", True)

    @_api("board.deleteComment", "user", "group")
    def _m_board_delete(self, call: _Call) -> Any:
        return self._moderate(call, "board", False)

    @_api("board.restoreComment", "user", "group")
    def _m_board_restore(self, call: _Call) -> Any:
        return self._moderate(call, "board", True)

    # ------------------------------------------------------------------ execute

    @_api("execute", "user", "group", "service")
    def _m_execute(self, call: _Call) -> Any:
        try:
            tree, script_calls = vkscript.parse(call.p.str("code"))
        except vkscript.ScriptError as e:
            raise VKError(e.code, e.message) from None
        results: dict[int, Any] = {}
        errors: list[dict[str, Any]] = []
        for sc in script_calls:
            params = {k: w for k, v in sc.params.items() if (w := vkscript.to_wire(v)) is not None}
            ok, value = self._inner_call(sc.method, params, call)
            if ok:
                results[id(sc)] = value
            else:
                results[id(sc)] = False
                errors.append({"method": sc.method, "error_code": value.code, "error_msg": value.msg})
        if errors:
            call.extra["execute_errors"] = errors
        return vkscript.substitute(tree, results)

    # ------------------------------------------------------------------ long poll

    def _lp_key_failure(self, lp: LongPollQueue, key: str) -> int | None:
        if key == lp.key:
            return None
        return lp.retired.get(key, 2)

    async def lp_check(self, group_id: int, params: dict[str, str]) -> dict[str, Any]:
        """Bots Long Poll ``a_check``: hold up to ``wait`` s until events arrive, VK-style failures otherwise."""
        self.counters["lp_requests"] += 1
        answer = await self._lp_check(group_id, params)
        failed = answer.get("failed")
        if failed in (1, 2, 3):
            self.counters[f"lp_failed_{failed}"] += 1
        return answer

    async def _lp_check(self, group_id: int, params: dict[str, str]) -> dict[str, Any]:
        group = self.groups.get(group_id)
        if group is None:
            return {"failed": 2}
        lp = group.lp
        key = params.get("key", "")
        try:
            ts = int(params.get("ts", ""))
        except ValueError:
            return {"failed": 1, "ts": str(lp.last)}
        try:
            wait = min(max(float(params.get("wait") or 25), 0.0), 90.0)
        except ValueError:
            wait = 25.0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            if self.groups.get(group_id) is not group:
                return {"failed": 2}
            failed = self._lp_key_failure(lp, key)
            if failed:
                return {"failed": failed}
            if lp.pending_failed == 1:
                lp.pending_failed = None
                return {"failed": 1, "ts": str(lp.last)}
            if ts > lp.last:
                return {"failed": 1, "ts": str(lp.last)}
            if ts < lp.base - 1:
                return {"failed": 1, "ts": str(lp.base - 1)}
            if ts < lp.last:
                updates = lp.since(ts, self.lp_batch)
                return {"ts": str(ts + len(updates)), "updates": updates}
            remaining = deadline - loop.time()
            if remaining <= 0 or self._closing:
                return {"ts": str(lp.last), "updates": []}
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lp.waiter.wait(), remaining)

    # ------------------------------------------------------------------ callback delivery

    def _ensure_cb_worker(self, group: Group) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # started on the next dispatch from inside the loop
        if group.cb_queue is None:
            group.cb_queue = asyncio.Queue()
        if group.cb_task is None or group.cb_task.done():
            group.cb_task = asyncio.create_task(self._cb_worker(group), name=f"vk-emulator-callback-{group.id}")

    async def _cb_worker(self, group: Group) -> None:
        """Deliver events of one group in order, one server after another (VK delivers per server in order)."""
        assert group.cb_queue is not None
        while True:
            envelope = await group.cb_queue.get()
            for server in list(group.callback_servers.values()):
                if not server.events.get(envelope["type"], server.all_events):
                    continue
                try:
                    if server.status != "ok" and not await self._cb_confirm(group, server):
                        self.callback_log.append({"server_id": server.id, "event_id": envelope["event_id"],
                                                  "type": envelope["type"], "attempt": 0, "status": None,
                                                  "body": "", "ok": False, "skipped": "not confirmed",
                                                  "time_ms": time.time() * 1000.0})
                        continue
                    await self._cb_deliver(group, server, envelope)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a broken receiver must never kill the worker
                    log.exception("callback delivery crashed")

    async def _cb_post(self, url: str, payload: dict[str, Any]) -> tuple[int | None, str]:
        if self._session is None or self._session.closed:
            self._session = ClientSession(timeout=ClientTimeout(total=self.callback_timeout))
        try:
            async with self._session.post(url, json=payload) as resp:
                return resp.status, await resp.text()
        except (ClientError, TimeoutError) as e:
            return None, f"{type(e).__name__}: {e}"

    async def _cb_confirm(self, group: Group, server: CallbackServer) -> bool:
        payload: dict[str, Any] = {"type": "confirmation", "group_id": group.id}
        if server.secret:
            payload["secret"] = server.secret
        status, body = await self._cb_post(server.url, payload)
        ok = status == 200 and body.strip() == group.confirmation_code
        server.status = "ok" if ok else "failed"
        self.callback_log.append({"server_id": server.id, "event_id": None, "type": "confirmation", "attempt": 1,
                                  "status": status, "body": body[:500], "ok": ok, "time_ms": time.time() * 1000.0})
        return ok

    async def _cb_deliver(self, group: Group, server: CallbackServer, envelope: dict[str, Any]) -> None:
        payload = dict(envelope)
        if server.secret:
            payload["secret"] = server.secret
        for attempt in range(1, self.callback_retries + 2):
            status, body = await self._cb_post(server.url, payload)
            ok = status == 200 and body == "ok"
            self.callback_log.append({"server_id": server.id, "event_id": envelope["event_id"],
                                      "type": envelope["type"], "attempt": attempt, "status": status,
                                      "body": body[:500], "ok": ok, "time_ms": time.time() * 1000.0})
            if ok:
                server.delivered += 1
                return
            if attempt <= self.callback_retries:
                await asyncio.sleep(self.callback_backoff * 2 ** (attempt - 1))
        server.failed += 1


# --------------------------------------------------------------------------- aiohttp application

STATE_KEY: web.AppKey[VKState] = web.AppKey("vk_state", VKState)


def _origin(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


async def _read_params(request: web.Request) -> dict[str, str]:
    params = {k: v for k, v in request.query.items()}
    if request.method == "POST" and request.can_read_body:
        ctype = request.content_type
        if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params


async def _handle_method(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    params = await _read_params(request)
    token = params.pop("access_token", None)
    auth = request.headers.get("Authorization", "")
    if not token and auth.lower().startswith("bearer "):
        token = auth[7:].strip()
    version = params.pop("v", None)
    reply = await state.api_call(request.match_info["name"], params, token, version, _origin(request))
    return web.Response(status=reply.status, text=reply.body, content_type=reply.content_type, charset="utf-8")


async def _handle_lp(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    params = await _read_params(request)
    if params.get("act") != "a_check":
        return web.json_response({"error": "act must be a_check"}, status=400)
    try:
        group_id = int(request.match_info["group_id"])
    except ValueError:
        return web.json_response({"failed": 2})
    return web.json_response(await state.lp_check(group_id, params))


async def _handle_captcha(request: web.Request) -> web.StreamResponse:
    return web.Response(body=_PNG_1PX, content_type="image/png")


async def _json_body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        data = await request.json()
    except ValueError:
        raise ControlError(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise ControlError(400, "body must be a JSON object")
    return data


def _need(data: dict[str, Any], *names: str) -> list[Any]:
    missing = [n for n in names if data.get(n) is None]
    if missing:
        raise ControlError(400, f"missing fields: {', '.join(missing)}")
    return [data[n] for n in names]


def _control(fn: Callable[[VKState, dict[str, Any], web.Request], Any]) -> Callable[[web.Request], Any]:
    """Wrap a /_test/ handler: JSON in, JSON out, ControlError -> 4xx with a reason."""

    async def handler(request: web.Request) -> web.StreamResponse:
        state = request.app[STATE_KEY]
        try:
            data = await _json_body(request) if request.method == "POST" else {}
            result = fn(state, data, request)
            if asyncio.iscoroutine(result):
                result = await result
        except ControlError as e:
            return web.json_response({"error": e.error, **e.extra}, status=e.status)
        except (TypeError, ValueError) as e:
            return web.json_response({"error": f"bad request: {e}"}, status=400)
        return web.json_response(result)

    return handler


def _c_group(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id = data.get("group_id")
    return state.add_group(
        int(group_id) if group_id is not None else None, data.get("name"), admin_user_id=int(data.get("admin_user_id", 100)),
        group_token=data.get("group_token"), user_token=data.get("user_token"),
        screen_name=data.get("screen_name"), confirmation_code=data.get("confirmation_code"),
    )


def _c_token(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    (kind,) = _need(data, "kind")
    token = state.add_token(kind, token=data.get("token"), user_id=data.get("user_id"), group_id=data.get("group_id"),
                            admin_of=data.get("admin_of", ()), scopes=data.get("scopes"),
                            rate_limit=data.get("rate_limit"))
    return state.tokens[token].public()


def _c_user(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    user_id, first, last = _need(data, "user_id", "first_name", "last_name")
    state.add_user(int(user_id), str(first), str(last))
    return {"user_id": int(user_id)}


def _c_post(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    (group_id,) = _need(data, "group_id")
    return state.add_post(int(group_id), str(data.get("text", "")), from_id=data.get("from_id"))


def _c_comment(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, from_id = _need(data, "group_id", "from_id")
    kind = data.get("kind", "wall")
    parent = data.get(PARENT_PARAM.get(kind, ""), data.get("parent_id"))
    reply_to = data.get("reply_to")
    return state.post_comment(int(group_id), int(from_id), str(data.get("text", "")), kind,
                              parent_id=int(parent) if parent is not None else None,
                              reply_to=int(reply_to) if reply_to is not None else None)


def _c_edit(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, comment_id, text = _need(data, "group_id", "comment_id", "text")
    return state.edit_comment(int(group_id), data.get("kind", "wall"), int(comment_id), str(text))


def _c_faults(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    if data.get("clear"):
        state.clear_faults()
    entries = data.get("faults")
    if entries is None and ("kind" in data or "method" in data or "error_code" in data):
        entries = [data]
    for entry in entries or []:
        entry = {k: v for k, v in entry.items() if k not in ("clear", "fired")}
        state.add_fault(entry.pop("method", "*"), entry.pop("kind", "error"), int(entry.pop("count", 1)), **entry)
    return {"faults": [f.to_dict() for f in state.faults]}


def _c_get_faults(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    return {"faults": [f.to_dict() for f in state.faults]}


def _c_lp_fail(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, failed = _need(data, "group_id", "failed")
    return state.lp_fail(int(group_id), int(failed))


def _c_redeliver(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, event_id = _need(data, "group_id", "event_id")
    return state.redeliver(int(group_id), str(event_id))


async def _c_callback(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, url = _need(data, "group_id", "url")
    return await state.configure_callback(int(group_id), str(url), str(data.get("secret", "")), data.get("code"))


def _c_callback_log(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    return {"deliveries": list(state.callback_log)}


def _c_state(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    q = request.query
    group_id = int(q["group_id"]) if q.get("group_id") else None
    return state.snapshot(group_id, comments=q.get("comments", "1") != "0", deleted_only=q.get("deleted") == "1")


def _c_calls(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    q = request.query
    calls = state.calls(q.get("method") or None, int(q.get("since", 0) or 0))
    return {"calls": calls, "last_seq": state._call_seq}


def _c_config(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    return state.set_config(**data)


def _c_reset(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    state.reset()
    return {"ok": True}


def create_vk_app(state: VKState | None = None) -> web.Application:
    """Build the aiohttp application (VK API + long poll + /_test/ control endpoints) around ``state``."""
    state = state or VKState()
    app = web.Application(client_max_size=16 * 1024 * 1024)
    app[STATE_KEY] = state
    app.router.add_route("GET", "/method/{name}", _handle_method)
    app.router.add_route("POST", "/method/{name}", _handle_method)
    app.router.add_route("GET", "/lp/{group_id}", _handle_lp)
    app.router.add_route("POST", "/lp/{group_id}", _handle_lp)
    app.router.add_get("/captcha.php", _handle_captcha)
    for path, fn in (
        ("/_test/group", _c_group), ("/_test/token", _c_token), ("/_test/user", _c_user), ("/_test/post", _c_post),
        ("/_test/comment", _c_comment), ("/_test/edit", _c_edit), ("/_test/faults", _c_faults),
        ("/_test/lp_fail", _c_lp_fail), ("/_test/redeliver", _c_redeliver), ("/_test/callback", _c_callback),
        ("/_test/config", _c_config), ("/_test/reset", _c_reset),
    ):
        app.router.add_post(path, _control(fn))
    for path, fn in (("/_test/state", _c_state), ("/_test/calls", _c_calls), ("/_test/faults", _c_get_faults),
                     ("/_test/callback_log", _c_callback_log), ("/_test/config", lambda s, d, r: s.config())):
        app.router.add_get(path, _control(fn))

    async def _on_shutdown(_: web.Application) -> None:
        await state.close()

    app.on_shutdown.append(_on_shutdown)
    return app


# --------------------------------------------------------------------------- test / demo helper


class VKEmulator:
    """Run the emulator on 127.0.0.1 (free port by default) for tests, the demo and the benchmark.

    ``async with VKEmulator() as emu:`` — then point vkbottle at ``emu.api_url``.
    Convenience methods call the same ``VKState`` code as the /_test/ endpoints,
    so a test can mix them freely.
    """

    def __init__(self, state: VKState | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 **state_kwargs: Any) -> None:
        self.state = state or VKState(**state_kwargs)
        self.host = host
        self.port = port
        self.app = create_vk_app(self.state)
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:34567`` (valid after start)."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        """Value for ``vkbottle.API.API_URL`` (ends with ``/method/``)."""
        return f"{self.url}/method/"

    async def start(self) -> VKEmulator:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self.state.close()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> VKEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # convenience wrappers -------------------------------------------------------------

    def add_group(self, group_id: int | None = None, name: str | None = None, **kwargs: Any) -> tuple[str, str]:
        """Create a community; returns ``(group_token, user_token)`` (user = admin, default user id 100)."""
        info = self.state.add_group(group_id, name, **kwargs)
        return info["group_token"], info["user_token"]

    def add_user_token(self, user_id: int, admin_of: Iterable[int] = (), scopes: Iterable[str] | None = None,
                       token: str | None = None) -> str:
        return self.state.add_token("user", token=token, user_id=user_id, admin_of=admin_of, scopes=scopes)

    def add_service_token(self, token: str | None = None) -> str:
        return self.state.add_token("service", token=token)

    def add_post(self, group_id: int, text: str = "", **kwargs: Any) -> dict[str, Any]:
        return self.state.add_post(group_id, text, **kwargs)

    def post_comment(self, group_id: int, from_id: int, text: str, kind: str = "wall", *,
                     parent_id: int | None = None, reply_to: int | None = None) -> dict[str, Any]:
        """Same as POST /_test/comment; returns ``{comment_id, event_id, date, time_ms, ...}``."""
        return self.state.post_comment(group_id, from_id, text, kind, parent_id=parent_id, reply_to=reply_to)

    def edit_comment(self, group_id: int, comment_id: int, text: str, kind: str = "wall") -> dict[str, Any]:
        return self.state.edit_comment(group_id, kind, comment_id, text)

    def add_fault(self, method: str = "*", kind: FaultKind = "error", count: int = 1, **kwargs: Any) -> Fault:
        return self.state.add_fault(method, kind, count, **kwargs)

    def lp_fail(self, group_id: int, failed: int) -> dict[str, Any]:
        return self.state.lp_fail(group_id, failed)

    def redeliver(self, group_id: int, event_id: str) -> dict[str, Any]:
        return self.state.redeliver(group_id, event_id)

    async def configure_callback(self, group_id: int, url: str, secret: str = "",
                                 code: str | None = None) -> dict[str, Any]:
        return await self.state.configure_callback(group_id, url, secret, code)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        return self.state.calls(method)

    def snapshot(self, group_id: int | None = None) -> dict[str, Any]:
        return self.state.snapshot(group_id)

    def reset(self) -> None:
        self.state.reset()
