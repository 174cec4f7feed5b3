"""VK behind the platform port (:class:`bot.platform.Platform`): all VK wiring lives here.

Receiving (Bots Long Poll per community with backfill, or the Callback API route), the tokens of
each community (group token to receive, an admin's user token to delete and ban), the method and
parameters for every intent, VK's ban limits and reason codes, the ``execute`` batcher, the check
of an in-flight action after a crash, and the mapping of VK errors to the port's outcomes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.config import CommunityConfig, Config, env_float
from bot.metrics import Metrics
from bot.platform import (
    BanIntent,
    Capabilities,
    CommentEvent,
    Cursors,
    DeleteIntent,
    Done,
    EventSink,
    Failed,
    Ignored,
    Intent,
    Malformed,
    NotActionable,
    Outcome,
    PlatformEvent,
    PostEvent,
    RestoreIntent,
    Retry,
    UnbanIntent,
)
from bot.types import Action, Comment

from .client import DEFAULT_API_URL, VKClient
from .errors import ALREADY_DONE, Token, TokenPaused, VKAPIError, VKError
from .events import parse_event
from .execute import ExecuteBatcher
from .methods import (
    already_done,
    ban_call,
    delete_call,
    reason_code,
    restore_call,
    token_kind,
    unban_call,
    verify_call,
)
from .posts import PostWatcher, WallPostReader
from .receiver import Backfiller, CallbackEndpoint, LongPollReceiver, confirmation_code, last_comment_cursor

log = logging.getLogger("modbot.vk")

#: ``groups.ban`` takes an ``end_date`` at most a year ahead; a longer local ban is clamped on VK.
MAX_BAN_DAYS = 365
DAY = 86400
#: "Not found" for a delete means nothing is left to do (photos/market answer 0 instead).
GONE_CODES = frozenset({104})
#: Errors that belong to the token, not the action: invalid or revoked (5), validation required
#: (17), wrong token kind (27), application authorisation failed (28). They never fail an action:
#: the token is paused and probed until it works again.
TOKEN_CODES = frozenset({5, 17, 27, 28})
#: Errors that may mean "this one comment is out of reach" or "this token can no longer moderate
#: the community" (its admin lost the rights): a probe of the token tells which.
AMBIGUOUS_CODES = frozenset({7, 15, 203})
#: A token found working is trusted for this long before an ambiguous error probes it again.
PROBE_TRUST_SECONDS = 60.0
#: Probing a broken token: first after this, doubling, at most PROBE_MAX (one cheap call per
#: token and community; a token that works again is noticed within a minute).
PROBE_FIRST = 2.0
PROBE_MAX = 60.0
#: VK refuses a restore once its (undocumented) restore period is over.
RESTORE_EXPIRED_CODES = frozenset({211})
RESTORE_EXPIRED = ("VK больше не позволяет восстановить этот комментарий: срок восстановления истёк. "
                   "Его текст сохранён в журнале modbot")
#: Receivers that crash are restarted after this many seconds (a loop, never nested calls).
RESTART_DELAY = 5.0
#: Liveness: this many crash-restarts within RESTART_WINDOW seconds, or no long-poll answer for
#: STALL_SECONDS, make a community "degraded" in /healthz and `modbot status`.
RESTARTS_DEGRADED = 5
RESTART_WINDOW = 600.0
STALL_SECONDS = 120.0


@dataclass
class VKOptions:
    """VK runtime knobs that are not (yet) ``modbot.toml`` keys; see :meth:`from_env`."""

    api_url: str = DEFAULT_API_URL
    longpoll_wait: int = 25
    backfill_posts: int = 20
    captcha_pause: float = 60.0
    client_attempts: int = 5
    #: longest pause between the client's own quick retries of one request (seconds)
    client_backoff_cap: float = 30.0
    #: a crashed receiver restarts after this many seconds
    restart_delay: float = RESTART_DELAY
    #: no long-poll answer for this long makes a community "degraded"
    stall_seconds: float = STALL_SECONDS
    #: the page's own posts (clause 15) are re-read from its wall this often (seconds) …
    posts_refresh: float = 6 * 3600.0
    #: … and at the first start back this many days (so the first yearly report has them)
    posts_horizon_days: int = 400

    @classmethod
    def from_env(cls) -> VKOptions:
        """``MODBOT_VK_API_URL`` (e.g. the emulator), ``MODBOT_LONGPOLL_WAIT``,
        ``MODBOT_CAPTCHA_PAUSE``, ``MODBOT_BACKFILL_POSTS``."""
        o = cls()
        o.api_url = os.environ.get("MODBOT_VK_API_URL", o.api_url) or o.api_url
        o.longpoll_wait = int(env_float("MODBOT_LONGPOLL_WAIT", o.longpoll_wait))
        o.captcha_pause = env_float("MODBOT_CAPTCHA_PAUSE", o.captcha_pause)
        o.backfill_posts = int(env_float("MODBOT_BACKFILL_POSTS", o.backfill_posts))
        return o


@dataclass
class _Tokens:
    group: Token | None
    user: Token | None


@dataclass
class _Broken:
    """A token that cannot act for a community any more (revoked, no rights): paused and probed."""

    token: Token
    since: float
    error: str
    next_probe: float
    backoff: float = PROBE_FIRST


class VKPlatform:
    """The VK adapter. Built from the config without I/O; :meth:`start` connects."""

    name = "vk"
    capabilities = Capabilities(delete=True, ban=True, restore=True, unban=True, verify=True,
                                max_ban_days=MAX_BAN_DAYS)

    def __init__(self, config: Config, options: VKOptions | None = None, metrics: Metrics | None = None) -> None:
        self.config = config
        self.options = options or VKOptions.from_env()
        self.metrics = metrics or Metrics()
        self._communities = [c for c in config.communities if c.platform == "vk"]
        self.tokens: dict[int, _Tokens] = {
            c.group_id: _Tokens(Token(c.group_token, "group") if c.group_token else None,
                                Token(c.user_token, "user") if c.user_token else None)
            for c in self._communities
        }
        self.client: VKClient | None = None
        self.batcher: ExecuteBatcher | None = None
        self.receivers: dict[int, LongPollReceiver] = {}
        #: per community with a user token: reads the page's own posts from its wall (clause 15)
        self.post_watchers: dict[int, PostWatcher] = {}
        #: crash-restart times per community (liveness: 5 in 10 minutes is "degraded")
        self.restarts: dict[int, list[float]] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._sink: EventSink | None = None
        self._cursors: Cursors | None = None
        self._unknown: set[int] = set()
        self._started_at = 0.0
        #: (token value, community) → why it is paused; probed with backoff until it works again
        self._broken: dict[tuple[str, int], _Broken] = {}
        #: (token value, community) → when a probe last found it working
        self._probed_ok: dict[tuple[str, int], float] = {}
        callback = [c for c in self._communities if c.receive_mode == "callback"]
        self.callback: CallbackEndpoint | None = None
        if callback:
            self.callback = CallbackEndpoint(
                self.deliver, secret=config.callback.secret,
                confirmations={c.group_id: c.confirmation for c in callback},
                confirm_lookup=self._confirm_lookup, on_reject=self.metrics.rejected)

    # ------------------------------------------------------------------ configuration

    def communities(self) -> Sequence[CommunityConfig]:
        return list(self._communities)

    def routes(self) -> list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]]:
        if self.callback is None:
            return []
        return [("POST", self.config.callback.path, self.callback.handle)]

    # ------------------------------------------------------------------ intents → actions

    def plan(self, intent: Intent) -> list[Action]:
        """VK methods and parameters for an intent (see :mod:`bot.vk.methods`). Pure. An id VK
        cannot take (a moderator typed letters for a user id) is :class:`NotActionable`."""
        try:
            return self._plan(intent)
        except ValueError as exc:
            raise NotActionable(f"VK не примет такой запрос: {exc}") from None

    def _plan(self, intent: Intent) -> list[Action]:
        if isinstance(intent, DeleteIntent):
            method, params = delete_call(intent.comment)
            delete = [_action("delete", intent.comment.community_id, method, params)]
            return delete + (self.plan(intent.ban) if intent.ban is not None else [])
        if isinstance(intent, RestoreIntent):
            method, params = restore_call(intent.comment)
            return [_action("restore", intent.comment.community_id, method, params)]
        if isinstance(intent, BanIntent):
            end = intent.until
            if end is not None:
                end = min(end, int(time.time()) + MAX_BAN_DAYS * DAY)
            method, params = ban_call(intent.community.group_id, intent.author_id, end_date=end,
                                      reason=self.reason_code(intent.category), comment=intent.notice,
                                      comment_visible=self.config.ban.comment_visible)
            return [_action("ban", intent.community.group_id, method, params)]
        if isinstance(intent, UnbanIntent):
            method, params = unban_call(intent.community.group_id, intent.author_id)
            return [_action("unban", intent.community.group_id, method, params)]
        raise TypeError(f"unknown intent {intent!r}")

    def reason_code(self, category: str) -> int:
        """VK's ``groups.ban`` reason for a category (config overrides, else the registry's code)."""
        return reason_code(category, self.config.ban.reason_codes, self.config.ban.default_reason_code)

    def token_for(self, action: Action) -> Token | None:
        """The community token where VK accepts it (board), else the admin's user token."""
        toks = self.tokens.get(action.community_id)
        if toks is None:
            return None
        if token_kind(action.method) == "group" and toks.group is not None:
            return toks.group
        return toks.user

    # ------------------------------------------------------------------ lifecycle

    async def start(self, sink: EventSink, cursors: Cursors) -> None:
        self._sink, self._cursors = sink, cursors
        self._started_at = time.time()
        rates = {"user": self.config.rate_limits.user_per_second, "group": self.config.rate_limits.group_per_second}
        self.client = VKClient(self.options.api_url, rates=rates, captcha_pause=self.options.captcha_pause,
                               max_attempts=self.options.client_attempts,
                               backoff_cap=self.options.client_backoff_cap,
                               on_error=self.metrics.api_error, on_call=self.metrics.api_call)
        self.batcher = ExecuteBatcher(self.client)
        for c in self._communities:
            user = self.tokens[c.group_id].user
            if user is None:
                log.info("community «%s» (vk %d): no user token, so the page's posts are recorded from "
                         "wall_post_new events only (reading the wall needs a user token)", c.name or c.group_id,
                         c.group_id)
            else:
                reader = WallPostReader(self.client, c.group_id, user, cursors, self._on_posts,
                                        horizon_days=self.options.posts_horizon_days)
                self.post_watchers[c.group_id] = watcher = PostWatcher(reader, refresh=self.options.posts_refresh)
                watcher.start()
            mode = f"{c.mode} mode"
            if c.receive_mode == "longpoll":
                self._tasks.append(asyncio.create_task(self._keep_receiving(c), name=f"vk-lp-{c.group_id}"))
                log.info("community «%s» (vk %d): long poll, %s", c.name or c.group_id, c.group_id, mode)
            else:
                log.info("community «%s» (vk %d): callback API at %s, %s", c.name or c.group_id, c.group_id,
                         self.config.callback.path, mode)

    def _receiver(self, c: CommunityConfig) -> LongPollReceiver:
        assert self.client is not None and self._cursors is not None
        toks = self.tokens[c.group_id]
        assert toks.group is not None, "config guarantees a group token for VK communities"
        backfiller = Backfiller(self.client, c.group_id, toks.user, self._cursors, self._on_backfill,
                                posts=self.options.backfill_posts)
        rec = LongPollReceiver(self.client, c.group_id, toks.group, self.deliver, self._cursors, backfiller,
                               wait=self.options.longpoll_wait)
        watcher = self.post_watchers.get(c.group_id)

        def on_failed(code: int) -> None:
            self.metrics.lp_failed(code)
            if watcher is not None and code in (1, 3):  # history lost: posts may be missing too
                watcher.wake()

        rec.on_failed = on_failed
        return rec

    async def _keep_receiving(self, c: CommunityConfig) -> None:
        """Run the community's long poll; a crash is logged and the receiver restarted (a loop)."""
        while True:
            rec = self._receiver(c)
            self.receivers[c.group_id] = rec
            try:
                await rec.run()
                return
            except asyncio.CancelledError:
                rec.cancel_backfill()
                raise
            except Exception as exc:
                rec.cancel_backfill()
                self.restarts.setdefault(c.group_id, []).append(time.time())
                self.metrics.receiver_restarted("vk", c.group_id)
                log.error("vk long poll %d crashed: %s: %s — restarting it in %.0f s", c.group_id,
                          type(exc).__name__, exc, self.options.restart_delay)
                await asyncio.sleep(self.options.restart_delay * (0.75 + random.random() / 2))

    async def wait_ready(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        lp = [c for c in self._communities if c.receive_mode == "longpoll"]
        while time.monotonic() < deadline:
            waiting = [c for c in lp if c.group_id not in self.receivers or not self.receivers[c.group_id].ready.is_set()]
            if not waiting:
                return 0
            await asyncio.sleep(0.02)
        return sum(1 for c in lp if c.group_id not in self.receivers or not self.receivers[c.group_id].ready.is_set())

    async def stop(self) -> None:
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        for rec in self.receivers.values():
            rec.cancel_backfill()
        for watcher in self.post_watchers.values():
            await watcher.stop()
        self._tasks.clear()

    async def close(self) -> None:
        """After the outbox stopped: close the batcher and the HTTP session."""
        if self.batcher is not None:
            await self.batcher.close()
        if self.client is not None:
            await self.client.close()

    # ------------------------------------------------------------------ events in

    async def deliver(self, group_id: int, envelopes: Sequence[Any], source: str) -> None:
        """The receivers' and the callback endpoint's sink: parse VK envelopes, drop other
        communities' events, store the rest (through the daemon's sink), then move the cursors."""
        assert self._sink is not None
        now = time.time()
        events: list[PlatformEvent] = []
        for env in envelopes:
            ev = parse_event(env, received_at=now)
            if isinstance(ev, Malformed | Ignored) or ev.community_id in self.tokens:
                events.append(ev)
                continue
            if ev.community_id not in self._unknown:
                self._unknown.add(ev.community_id)
                log.warning("events for vk community %d which is not configured: ignored", ev.community_id)
            self.metrics.event(source, "unknown_community")
        if events:
            await self._sink(events, source)
            await self._advance_wall_cursors(events)

    async def _on_backfill(self, comments: Sequence[Comment]) -> None:
        assert self._sink is not None
        events: list[PlatformEvent] = [CommentEvent(c, "backfill", "", c.community_id) for c in comments]
        await self._sink(events, "backfill")
        await self._advance_wall_cursors(events)

    async def _on_posts(self, posts: Sequence[PostEvent]) -> None:
        """The wall reader's sink: the page's own publications, stored by the daemon."""
        assert self._sink is not None
        await self._sink(list(posts), "wall")

    async def _advance_wall_cursors(self, events: Sequence[PlatformEvent]) -> None:
        """The newest wall comment stored per community: where a backfill starts after lost history.
        Written after the comments are stored, so a crash in between only re-reads some."""
        assert self._cursors is not None
        last: dict[int, int] = {}
        for ev in events:
            if isinstance(ev, CommentEvent) and ev.comment.kind == "wall" and ev.comment.comment_id.isdigit():
                gid = ev.comment.community_id
                last[gid] = max(last.get(gid, 0), int(ev.comment.comment_id))
        for gid, cid in last.items():
            name = last_comment_cursor(gid)
            cur = await self._cursors.get(name)
            if not cur or not cur.isdigit() or int(cur) < cid:
                await self._cursors.set(name, str(cid))

    async def _confirm_lookup(self, group_id: int) -> str | None:
        toks = self.tokens.get(group_id)
        if toks is None or toks.group is None or self.client is None:
            return None
        return await confirmation_code(self.client, group_id, toks.group)

    # ------------------------------------------------------------------ actions out

    async def perform(self, actions: Sequence[Action]) -> list[Outcome]:
        return list(await asyncio.gather(*(self._perform_one(a) for a in actions)))

    async def _perform_one(self, action: Action) -> Outcome:
        if self.batcher is None:
            return Retry("VK adapter not started", None)
        token = self.token_for(action)
        if token is None:
            return Failed(f"no token configured for vk community {action.community_id} ({action.method})")
        key = (token.value, action.community_id)
        broken = self._broken.get(key)
        if broken is not None:
            if time.time() < broken.next_probe or not await self._recovered(key, broken):
                return Retry(f"token paused: {broken.error}", broken.next_probe, count=False)
        try:
            result = await self.batcher.submit(action.method, action.params, token)
        except TokenPaused as exc:
            return Retry(f"captcha: {exc.token.masked} paused", exc.until, count=False)
        except VKAPIError as exc:
            if exc.code in ALREADY_DONE.get(action.kind, ()) or (action.kind == "delete" and exc.code in GONE_CODES):
                return Done({"already": exc.code})
            if exc.transient:
                return Retry(str(exc), None)
            if exc.code in TOKEN_CODES:
                return self._break(key, token, str(exc))
            if exc.code in AMBIGUOUS_CODES:
                works = await self._probe(token, action.community_id)
                if works is False:
                    return self._break(key, token, f"{exc} (the token cannot moderate community "
                                                   f"{action.community_id} any more)")
                if works is None:
                    return Retry(f"{exc} (could not check the token; will try again)", None)
            if action.kind == "restore" and exc.code in RESTORE_EXPIRED_CODES:
                return Failed(f"{RESTORE_EXPIRED} ({exc})")
            return Failed(str(exc))
        except VKError as exc:
            # Network error or 5xx: VK may have executed the call before the answer got lost.
            return Retry(f"answer lost: {exc}", None, maybe_sent=True)
        except Exception as exc:  # a bug must not take the outbox down; the action is retried
            log.error("vk: %s failed unexpectedly: %s: %s", action.method, type(exc).__name__, exc)
            return Retry(f"{type(exc).__name__}: {exc}", None, maybe_sent=True)
        return Done(result)

    def _break(self, key: tuple[str, int], token: Token, error: str) -> Retry:
        """Pause the token for this community: its actions wait (no attempt counted) until a probe works."""
        now = time.time()
        broken = self._broken.get(key)
        if broken is None:
            broken = self._broken[key] = _Broken(token, now, error, now + PROBE_FIRST)
            self._probed_ok.pop(key, None)
            log.error("vk community %d: %s stopped working (%s); its actions wait and the token is probed until "
                      "it works again", key[1], token.masked, error)
        return Retry(f"token paused: {error}", broken.next_probe, count=False)

    async def _recovered(self, key: tuple[str, int], broken: _Broken) -> bool:
        """Probe a paused token (once per backoff step, whoever asks first)."""
        broken.backoff = min(broken.backoff * 2, PROBE_MAX)
        broken.next_probe = time.time() + broken.backoff
        if await self._probe(broken.token, key[1]):
            self._broken.pop(key, None)
            log.info("vk community %d: %s works again after %.0f s; its waiting actions resume", key[1],
                     broken.token.masked, time.time() - broken.since)
            return True
        return False

    async def _probe(self, token: Token, community_id: int) -> bool | None:
        """Can this token moderate the community? ``groups.getBanned`` needs exactly the admin rights a
        delete or a ban needs. True / False (token or rights gone) / None (VK did not answer)."""
        key = (token.value, community_id)
        if time.time() - self._probed_ok.get(key, 0.0) < PROBE_TRUST_SECONDS:
            return True
        assert self.client is not None
        try:
            await self.client.call("groups.getBanned", {"group_id": community_id, "count": 1}, token)
        except VKAPIError as exc:
            if exc.code in TOKEN_CODES or exc.code in AMBIGUOUS_CODES:
                return False
            return None
        except VKError:
            return None
        self._probed_ok[key] = time.time()
        return True

    async def verify(self, action: Action) -> bool | None:
        call = verify_call(action.method, action.params)
        token = self.token_for(action)
        if call is None or token is None or self.batcher is None:
            return None
        try:
            result = await self.batcher.submit(call[0], call[1], token)
        except VKAPIError as exc:
            if exc.code == 104:
                return False
            log.info("vk: could not check %s (%s); it will be sent", action.method, exc)
            return None
        except VKError:
            return None
        return already_done(action.method, result)

    def describe(self, action: Action) -> str:
        """A short Russian-free target description for log lines ("comment -1/55", "user 7 in group 1")."""
        p = action.params
        if action.kind in ("ban", "unban"):
            return f"user {p.get('owner_id')} in group {p.get('group_id')}"
        owner = p.get("owner_id", -int(p.get("group_id", 0) or 0))
        return f"comment {owner}/{p.get('comment_id')}"

    # ------------------------------------------------------------------ health

    def health(self) -> dict[str, Any]:
        """Per community: receive mode, long-poll position and last answer, restarts in the last
        10 minutes, and ``problem`` when it is degraded; tokens paused (captcha, revoked, no rights)."""
        now = time.time()
        communities = []
        for c in self._communities:
            rec = self.receivers.get(c.group_id)
            recent = [t for t in self.restarts.get(c.group_id, []) if now - t <= RESTART_WINDOW]
            self.restarts[c.group_id] = recent
            info: dict[str, Any] = {
                "platform": "vk", "group_id": c.group_id, "name": c.name, "mode": c.mode,
                "receive": c.receive_mode, "lp_ts": rec.ts if rec else None,
                "last_event_age_s": round(now - rec.last_event_at, 1) if rec and rec.last_event_at else None,
                "last_progress_age_s": round(now - rec.last_answer_at, 1) if rec and rec.last_answer_at else None,
                "restarts_10min": len(recent),
            }
            if c.group_id in self.post_watchers:
                info.update(self.post_watchers[c.group_id].health())
            problems = []
            if len(recent) >= RESTARTS_DEGRADED:
                problems.append(f"приём событий перезапускался {len(recent)} раз за 10 минут")
            if c.receive_mode == "longpoll" and self._tasks:
                since = (rec.last_answer_at if rec and rec.last_answer_at else self._started_at) or now
                if now - since > self.options.stall_seconds:
                    problems.append(f"VK не отвечает на long poll {now - since:.0f} с")
            if problems:
                info["problem"] = "; ".join(problems)
            communities.append(info)
        paused = self.client.paused_tokens() if self.client else {}
        broken = [{"token": b.token.masked, "community": gid, "since": b.since, "reason": b.error,
                   "next_probe": b.next_probe} for (_, gid), b in self._broken.items()]
        return {
            "communities": communities,
            "paused_tokens": paused,
            "broken_tokens": broken,
            "execute_queue": self.batcher.pending() if self.batcher else 0,
        }


def _action(kind: str, community_id: int, method: str, params: dict[str, Any]) -> Action:
    return Action(decision_id=0, kind=kind, platform="vk", community_id=community_id, method=method, params=params)


__all__ = ["MAX_BAN_DAYS", "VKOptions", "VKPlatform"]
