"""``VKState``: the emulated world and everything that changes it, plus the test-control operations.

The state owns the data (communities, tokens, users, counters, the emulated
clock), the changes that produce VK events (a comment written, edited, deleted,
restored; a ban set, lifted or expired) and the event stream to Long Poll and
Callback consumers. The API methods (``methods/``), the request pipeline
(``api.py``), long poll (``longpoll.py``), callback delivery (``callback.py``)
and the fault plan (``faults.py``) work on it; the aiohttp app (``app.py``,
``control.py``) only translates HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections import deque
from collections.abc import Iterable
from typing import Any

from .api import CallLog, RateWindows
from .callback import CallbackDelivery, add_callback_server
from .faults import Fault, FaultKind, FaultPlan
from .longpoll import LongPollQueue
from .model import Ban, Group, Post, StoredComment, TokenInfo
from .objects import comment_object, delete_event_object, post_object
from .protocol import (
    ALL_KINDS,
    API_VERSION,
    COMMENT_KINDS,
    DEFAULT_GROUP_SCOPES,
    DEFAULT_USER_SCOPES,
    KIND_EVENTS,
    PARENT_PARAM,
    ControlError,
    TokenKind,
    VKErrorReply,
)

_COUNTERS = ("calls", "errors", "rate_limited", "faults_fired", "outage_rejected", "events", "comments_created",
             "comments_deleted", "comments_restored", "bans", "unbans", "lp_requests", "lp_failed_1", "lp_failed_2",
             "lp_failed_3")


class VKState:
    """All emulated VK data and the operations that change it.

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
        fault_seed: int = 0,
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
        self.faults = FaultPlan(fault_seed)
        self.faults.listeners.append(self._wake_long_polls)
        self.callbacks = CallbackDelivery(self, call_log_limit)
        self.rate_windows = RateWindows()
        self._closing = False
        self._init_data()

    def _init_data(self) -> None:
        self.groups: dict[int, Group] = {}
        self.tokens: dict[str, TokenInfo] = {}
        self.users: dict[int, tuple[str, str]] = {}
        self.call_log = CallLog(self.call_log_limit)
        self.counters: dict[str, int] = dict.fromkeys(_COUNTERS, 0)

    @property
    def callback_log(self) -> deque[dict[str, Any]]:
        """Every callback delivery attempt (and confirmation), oldest first."""
        return self.callbacks.log

    @property
    def closing(self) -> bool:
        """True once ``close()`` started: held long polls answer at once."""
        return self._closing

    # ------------------------------------------------------------------ clock

    def now(self) -> float:
        """Emulated wall clock (unix seconds); shifted by ``advance_clock`` for window/expiry tests."""
        return time.time() + self.clock_offset

    def advance_clock(self, seconds: float) -> float:
        """Move the emulated clock forward (restore window, ban expiry) without sleeping."""
        self.clock_offset += seconds
        return self.now()

    # ------------------------------------------------------------------ setup

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
            self.get_group(gid).admins.add(int(user_id or 0))
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

    def add_post(self, group_id: int, text: str = "", *, from_id: int | None = None,
                 post_type: str = "post") -> dict[str, Any]:
        """Create a wall post (post ids share the wall counter with wall comments, as on VK) and
        queue ``wall_post_new``, as VK does for every new post — the community's own, a user's post
        on an open wall (``from_id`` a user) and a suggestion (``post_type="suggest"``, which
        ``wall.get`` does not list unless asked for ``filter=suggests``)."""
        if post_type not in ("post", "suggest"):
            raise ControlError(400, f"post_type must be post or suggest, got {post_type!r}")
        group = self.get_group(group_id)
        pid = group.next_id("wall")
        post = Post(pid, -group.id, int(from_id) if from_id is not None else -group.id, int(self.now()), text,
                    post_type=post_type)
        group.posts[pid] = post
        group.post_ids.append(pid)
        group.containers[("wall", pid)] = []
        env = self.emit(group, "wall_post_new", post_object(post))
        return {"post_id": pid, "owner_id": -group.id, "date": post.date, "event_id": env["event_id"]}

    def get_group(self, group_id: int) -> Group:
        """The community for a control operation (404 if unknown; API methods answer VK's error 100)."""
        group = self.groups.get(int(group_id))
        if group is None:
            raise ControlError(404, f"group {group_id} not found")
        return group

    # ------------------------------------------------------------------ events

    def emit(self, group: Group, etype: str, obj: dict[str, Any]) -> dict[str, Any]:
        """Build a VK event envelope, index it for redelivery and queue it for Long Poll and Callback."""
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
            self.callbacks.enqueue(group, envelope)

    def _wake_long_polls(self) -> None:
        for group in self.groups.values():
            group.lp.wake()

    # ------------------------------------------------------------------ what users do

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
        group = self.get_group(group_id)
        if kind not in ALL_KINDS:
            raise ControlError(400, f"unknown kind {kind!r}", reason="bad_kind")
        from_id = int(from_id)
        ban = self.active_ban(group, from_id)
        if ban is not None:
            raise ControlError(400, "author is banned in this community", reason="banned", ban_info=ban.ban_info())
        now = self.now()
        if kind == "message":
            return self._post_message(group, from_id, text, now)
        if kind == "wall":
            if parent_id is None:
                published = [p for p in group.post_ids if group.posts[p].post_type == "post"]
                parent_id = published[-1] if published else self.add_post(group.id, "Auto-created post")["post_id"]
            elif parent_id not in group.posts:
                raise ControlError(404, f"post {parent_id} not found", reason="no_post")
        elif parent_id is None:
            parent_id = 1
        cid = group.next_id(kind)
        # time_ms is real wall-clock (not the shiftable emulated clock) so it can be compared with the
        # call log's arrival times for receive-to-delete latency in the benchmark.
        comment = StoredComment(kind, group.id, cid, int(parent_id), from_id, int(now), str(text),
                                time.time() * 1000.0)
        target: StoredComment | None = None
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
        env = self.emit(group, KIND_EVENTS[kind][0], comment_object(group, comment, event=True))
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
        env = self.emit(group, "message_new", {"message": dict(message), "client_info": client_info})
        return {"comment_id": mid, "event_id": env["event_id"], "date": message["date"], "time_ms": time.time() * 1000.0,
                "owner_id": -group.id, "peer_id": from_id, "kind": "message"}

    def edit_comment(self, group_id: int, kind: str, comment_id: int, text: str) -> dict[str, Any]:
        """The author edits a comment/message; queues ``*_edit`` (``message_edit`` for messages)."""
        group = self.get_group(group_id)
        if kind == "message":
            message = group.messages.get(int(comment_id))
            if message is None:
                raise ControlError(404, f"message {comment_id} not found")
            message["text"] = str(text)
            message["update_time"] = int(self.now())
            env = self.emit(group, "message_edit", dict(message))
            return {"event_id": env["event_id"]}
        if kind not in COMMENT_KINDS:
            raise ControlError(400, f"unknown kind {kind!r}")
        comment = group.comments.get((kind, int(comment_id)))
        if comment is None or comment.deleted:
            raise ControlError(404, f"{kind} comment {comment_id} not found or deleted")
        comment.text = str(text)
        comment.edited += 1
        env = self.emit(group, KIND_EVENTS[kind][1], comment_object(group, comment, event=True))
        return {"event_id": env["event_id"]}

    # ------------------------------------------------------------------ what moderators do (via API methods)

    def delete_comment(self, group: Group, c: StoredComment, *, deleter_id: int) -> None:
        """Delete and queue ``*_delete``; deleting a deleted comment changes nothing (DESIGN_CHOICES)."""
        if c.deleted:
            return
        c.deleted = True
        c.deleted_at = self.now()
        c.deleter_id = deleter_id
        self._adjust_live(group, c, -1)
        self.counters["comments_deleted"] += 1
        self.emit(group, KIND_EVENTS[c.kind][3], delete_event_object(group, c))

    def restore_comment(self, group: Group, c: StoredComment) -> None:
        """Restore within ``restore_window`` and queue ``*_restore``; 243 if live, 211 once the window closed."""
        if not c.deleted:
            raise VKErrorReply(243)
        if self.now() - (c.deleted_at or 0.0) > self.restore_window:
            raise VKErrorReply(211, "Access to wall's comment denied: restore period has expired")
        c.deleted = False
        c.deleted_at = None
        c.deleter_id = None
        self._adjust_live(group, c, +1)
        self.counters["comments_restored"] += 1
        self.emit(group, KIND_EVENTS[c.kind][2], comment_object(group, c, event=True))

    def _adjust_live(self, group: Group, c: StoredComment, delta: int) -> None:
        if c.kind != "wall":
            return
        group.posts[c.parent_id].live_comments += delta
        if c.root_id:
            group.comments[("wall", c.root_id)].live_replies += delta

    def ban(self, group: Group, owner_id: int, *, admin_id: int, reason: int, comment: str, comment_visible: bool,
            end_date: int) -> Ban:
        """Blacklist (or re-ban, which updates and moves the entry to the newest) and queue ``user_block``."""
        ban = Ban(owner_id, admin_id, int(self.now()), reason, comment, comment_visible, end_date)
        group.bans.pop(owner_id, None)
        group.bans[owner_id] = ban
        self.counters["bans"] += 1
        self.emit(group, "user_block", {"admin_id": admin_id, "user_id": owner_id, "unblock_date": end_date,
                                        "reason": reason, "comment": comment})
        return ban

    def unban(self, group: Group, owner_id: int, *, admin_id: int) -> None:
        """Lift a ban in force and queue ``user_unblock``; not banned -> nothing (DESIGN_CHOICES)."""
        if self.active_ban(group, owner_id) is not None:
            del group.bans[owner_id]
            self.counters["unbans"] += 1
            self.emit(group, "user_unblock", {"admin_id": admin_id, "user_id": owner_id, "by_end_date": 0})

    def active_ban(self, group: Group, owner_id: int) -> Ban | None:
        """Return the ban if still in force; expired bans are removed here (lazy expiry + user_unblock)."""
        ban = group.bans.get(owner_id)
        if ban is None:
            return None
        if ban.end_date and ban.end_date <= self.now():
            del group.bans[owner_id]
            self.emit(group, "user_unblock", {"admin_id": ban.admin_id, "user_id": owner_id, "by_end_date": 1})
            return None
        return ban

    # ------------------------------------------------------------------ test control

    def add_fault(self, method: str = "*", kind: FaultKind = "error", count: int = 1, **fields: Any) -> Fault:
        """Append to the fault plan; see ``faults.Fault`` for the fields and the emulator README for examples."""
        return self.faults.add(method, kind, count, **fields)

    def remove_fault(self, fault: Fault | int) -> Fault:
        """Take one fault out of the plan (e.g. restore a token that a ``token`` fault revoked)."""
        return self.faults.remove(fault.id if isinstance(fault, Fault) else int(fault))

    def clear_faults(self) -> None:
        self.faults.clear()

    def lp_fail(self, group_id: int, failed: int) -> dict[str, Any]:
        """Make the group's Long Poll fail like VK does (see ``LongPollQueue.fail``)."""
        group = self.get_group(group_id)
        group.lp.fail(failed)
        return {"group_id": group.id, "failed": failed, "ts": str(group.lp.last)}

    def redeliver(self, group_id: int, event_id: str) -> dict[str, Any]:
        """Send an already-delivered event again (same event_id) to LP and callback consumers."""
        group = self.get_group(group_id)
        envelope = group.event_index.get(event_id)
        if envelope is None:
            raise ControlError(404, f"event {event_id} not found")
        self._dispatch(group, envelope)
        return {"group_id": group.id, "event_id": event_id, "type": envelope["type"]}

    async def configure_callback(
        self, group_id: int, url: str, secret: str = "", code: str | None = None, title: str = "test"
    ) -> dict[str, Any]:
        """Point the group at a callback URL (all events) and run the confirmation handshake now."""
        group = self.get_group(group_id)
        if code:
            group.confirmation_code = code
        try:
            server = add_callback_server(group, url, title, secret, creator_id=0)
        except VKErrorReply as e:
            raise ControlError(400, e.msg) from None
        server.all_events = True
        confirmed = await self.callbacks.confirm(group, server)
        self.callbacks.ensure_worker(group)
        return {"server_id": server.id, "confirmed": confirmed, "status": server.status,
                "code": group.confirmation_code}

    def snapshot(self, group_id: int | None = None, *, comments: bool = True,
                 deleted_only: bool = False) -> dict[str, Any]:
        """Everything a test wants to assert on, JSON-ready (this one is O(n); it is not on a hot path)."""
        groups = [self.get_group(group_id)] if group_id is not None else list(self.groups.values())
        out: dict[str, Any] = {"groups": [], "comments": [], "messages": [], "bans": [],
                               "counters": dict(self.counters), "faults": self.faults.to_list(),
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
                ban = self.active_ban(g, owner_id)
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
        self.rate_windows.clear()

    def calls(self, method: str | None = None, since: int = 0) -> list[dict[str, Any]]:
        """Call log entries (optionally for one method, with seq > since)."""
        return self.call_log.select(method, since)

    def reset(self) -> None:
        """Forget all data (groups, tokens, comments, logs, faults, rate windows); config knobs are kept."""
        for group in self.groups.values():
            group.lp.wake()
            if group.cb_task is not None:
                group.cb_task.cancel()
        self.faults.clear()
        self.faults.reseed(self.faults.seed)
        self.callbacks.log.clear()
        self.rate_windows.clear()
        self._init_data()

    async def close(self) -> None:
        """Stop background delivery, release long-poll waiters and the HTTP client session."""
        self._closing = True
        self.faults.cancel_timers()
        tasks = []
        for group in self.groups.values():
            group.lp.wake()
            if group.cb_task is not None:
                group.cb_task.cancel()
                tasks.append(group.cb_task)
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.callbacks.close()
