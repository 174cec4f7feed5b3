"""The daemon: VK events → Comment → store → judge → policy → outbox → VK, for every community.

Pipeline (each arrow an asyncio queue or the database, each stage its own task)::

    long poll / callback / backfill ─▶ ingest (store.save_comment FIRST)
        ─▶ judge stage (judge_many on a worker thread, batches)
        ─▶ decide stage (ladder + blacklist + mode; decision, verdict, actions, ban in ONE transaction)
        ─▶ outbox (claim → execute batches per token → done / retry / failed)

Nothing is held only in memory: a comment is stored before it is judged, a decision and its
actions are committed together, and an action is claimed before it is sent. A restart therefore
judges what was stored but not judged, and finishes (after checking) what was claimed but not
confirmed. The daemon never exits because of a bad event or a failed API call: it logs one line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bot.config import CommunityConfig, Config
from bot.metrics import HttpServer, Metrics, make_app
from bot.store import CommentRow, Store
from bot.types import Action, Comment
from bot.vk import (
    DEFAULT_API_URL,
    Backfiller,
    BlockEvent,
    CallbackEndpoint,
    CommentEvent,
    ExecuteBatcher,
    Ignored,
    LongPollReceiver,
    Malformed,
    Token,
    VKClient,
    parse_event,
)
from bot.vk.methods import token_kind
from bot.vk.receiver import confirmation_code, last_comment_cursor
from moderation.judge import Judge
from moderation.repeats import RepeatTracker
from moderation.verdict import Verdict

from .db import AsyncStore
from .outbox import Outbox
from .policy import Plan, needs_history, plan_decision

log = logging.getLogger("modbot.daemon")


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        return float(raw) if raw.strip() else default
    except ValueError:
        return default


@dataclass
class DaemonOptions:
    """Runtime knobs that are not (yet) part of ``modbot.toml``.

    Defaults suit production; every field can be set from the environment (``MODBOT_VK_API_URL``
    points the daemon at the emulator, for instance) — see :meth:`from_env`.
    """

    api_url: str = DEFAULT_API_URL
    longpoll_wait: int = 25
    judge_batch: int = 128
    backfill_posts: int = 20
    captcha_pause: float = 60.0
    client_attempts: int = 5
    #: Longest pause between the client's own quick retries of one request (seconds).
    client_backoff_cap: float = 30.0
    outbox_poll: float = 0.05
    #: First outbox retry delay after a transient failure (doubles per attempt, capped at 5 min).
    retry_base: float = 1.0
    shutdown_timeout: float = 20.0
    sweep_interval: float = 30.0
    ready_timeout: float = 10.0
    #: (host, port) for /healthz, /metrics and the callback route; None = ``[metrics]`` from config.
    http: tuple[str, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> DaemonOptions:
        o = cls()
        o.api_url = os.environ.get("MODBOT_VK_API_URL", o.api_url) or o.api_url
        o.longpoll_wait = int(_env_float("MODBOT_LONGPOLL_WAIT", o.longpoll_wait))
        o.captcha_pause = _env_float("MODBOT_CAPTCHA_PAUSE", o.captcha_pause)
        o.backfill_posts = int(_env_float("MODBOT_BACKFILL_POSTS", o.backfill_posts))
        o.judge_batch = int(_env_float("MODBOT_JUDGE_BATCH", o.judge_batch))
        return o


@dataclass
class _Tokens:
    group: Token | None
    user: Token | None


class Daemon:
    """One process moderating every configured VK community. ``await start()`` … ``await stop()``."""

    def __init__(self, config: Config, *, options: DaemonOptions | None = None, store: Store | None = None,
                 judge: Judge | None = None, metrics: Metrics | None = None) -> None:
        self.config = config
        self.options = options or DaemonOptions.from_env()
        self.metrics = metrics or Metrics()
        self._store = store
        self._own_store = store is None
        self.judge = judge
        self._judges: dict[tuple[str, int], Judge] = {}
        self.tokens: dict[int, _Tokens] = {}
        for c in config.communities:
            if c.platform != "vk":
                continue
            self.tokens[c.group_id] = _Tokens(
                Token(c.group_token, "group") if c.group_token else None,
                Token(c.user_token, "user") if c.user_token else None,
            )
        self.db: AsyncStore | None = None
        self.client: VKClient | None = None
        self.batcher: ExecuteBatcher | None = None
        self.outbox: Outbox | None = None
        self.http: HttpServer | None = None
        self.callback: CallbackEndpoint | None = None
        self.receivers: dict[int, LongPollReceiver] = {}
        self._judge_q: asyncio.Queue[CommentRow] = asyncio.Queue()
        self._decide_q: asyncio.Queue[tuple[list[CommentRow], list[Verdict]]] = asyncio.Queue()
        self._queued: set[int] = set()
        self._received_at: dict[int, float] = {}
        self._judge_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modbot-judge")
        self._repeats = RepeatTracker()  # used only on the judge thread
        self._tasks: list[asyncio.Task[Any]] = []
        self._receiver_tasks: list[asyncio.Task[Any]] = []
        self._unknown_groups: set[int] = set()
        self.state = "new"
        self.counts: dict[str, int] = {"events": 0, "comments": 0, "duplicates": 0, "malformed": 0, "judged": 0}

    # ------------------------------------------------------------------ lifecycle

    @property
    def store(self) -> Store:
        assert self._store is not None
        return self._store

    async def start(self) -> None:
        """Open everything, resume unfinished work, start receiving. Returns once running."""
        self.state = "starting"
        loop = asyncio.get_running_loop()
        if self._store is None:
            self._store = await asyncio.to_thread(Store, self.config.database)
        self.db = AsyncStore(self._store)
        if self.judge is None:
            self.judge = await loop.run_in_executor(self._judge_pool, Judge.load, self.config.model_path, None)
        try:  # fail at start, not on every comment, if the model cannot judge at all
            await loop.run_in_executor(self._judge_pool, self.judge.judge_many, ["проверка модели"])
        except Exception as exc:
            raise RuntimeError(f"the judge model cannot judge: {type(exc).__name__}: {exc}") from exc
        log.info("judge model %s loaded; database %s", self.judge.model_version, self.config.database)
        rates = {"user": self.config.rate_limits.user_per_second, "group": self.config.rate_limits.group_per_second}
        self.client = VKClient(self.options.api_url, rates=rates, captcha_pause=self.options.captcha_pause,
                               max_attempts=self.options.client_attempts,
                               backoff_cap=self.options.client_backoff_cap,
                               on_error=self.metrics.api_error, on_call=self.metrics.api_call)
        self.batcher = ExecuteBatcher(self.client)
        self.outbox = Outbox(self.db, self.batcher, self._token_for, self.metrics,
                             poll_interval=self.options.outbox_poll, retry_base=self.options.retry_base,
                             on_done=self._action_done)
        await self._start_http()
        # Resume: comments stored but not judged (a crash between store and decision).
        pending = await self.db.call(self.store.comments_to_judge, None)
        if pending:
            log.info("resuming %d stored comment(s) that were not judged yet", len(pending))
            for row in pending:
                self._enqueue(row)
        self._tasks += [
            asyncio.create_task(self._judge_loop(), name="judge"),
            asyncio.create_task(self._decide_loop(), name="decide"),
            asyncio.create_task(self.outbox.run(resume=True), name="outbox"),
            asyncio.create_task(self._housekeeping(), name="housekeeping"),
        ]
        for c in self.config.communities:
            if c.platform != "vk":
                log.info("community %s (%s %d): platform not handled by this daemon yet", c.name, c.platform,
                         c.group_id)
                continue
            mode = f"{c.mode} mode"
            if c.receive_mode == "longpoll":
                rec = self._make_receiver(c)
                self.receivers[c.group_id] = rec
                self._receiver_tasks.append(asyncio.create_task(self._guard(rec.run(), f"long poll {c.group_id}"),
                                                                name=f"lp-{c.group_id}"))
                log.info("community «%s» (vk %d): long poll, %s", c.name or c.group_id, c.group_id, mode)
            else:
                log.info("community «%s» (vk %d): callback API at %s, %s", c.name or c.group_id, c.group_id,
                         self.config.callback.path, mode)
        if self.receivers:
            waiting = [asyncio.create_task(r.ready.wait()) for r in self.receivers.values()]
            _, slow = await asyncio.wait(waiting, timeout=self.options.ready_timeout)
            for t in slow:
                t.cancel()
            if slow:
                log.warning("%d long-poll receiver(s) not connected yet; they keep trying", len(slow))
        self.state = "running"
        self.metrics.up.set(1)

    def _make_receiver(self, c: CommunityConfig) -> LongPollReceiver:
        assert self.client is not None and self.db is not None
        toks = self.tokens[c.group_id]
        assert toks.group is not None, "config guarantees a group token for VK communities"
        backfiller = Backfiller(self.client, c.group_id, toks.user, self.db, self._ingest_backfill,
                                posts=self.options.backfill_posts)
        rec = LongPollReceiver(self.client, c.group_id, toks.group, self.handle_envelopes, self.db, backfiller,
                               wait=self.options.longpoll_wait)
        rec.on_failed = self.metrics.lp_failed
        return rec

    async def _start_http(self) -> None:
        listen = self.options.http
        if listen is None and self.config.metrics.enabled:
            listen = (self.config.metrics.host, self.config.metrics.port)
        callback_groups = [c for c in self.config.communities if c.platform == "vk" and c.receive_mode == "callback"]
        if listen is None:
            if callback_groups:
                raise RuntimeError(f"communities use the callback API but [metrics] port is 0: the daemon has no "
                                   f"HTTP listener for {self.config.callback.path}; set [metrics] port")
            return
        app = make_app(self.metrics, self.health)
        if callback_groups:
            self.callback = CallbackEndpoint(
                self.handle_envelopes, secret=self.config.callback.secret,
                confirmations={c.group_id: c.confirmation for c in callback_groups},
                confirm_lookup=self._confirm_lookup, on_reject=self.metrics.rejected)
            app.router.add_post(self.config.callback.path, self.callback.handle)
        self.http = HttpServer(app, listen[0], listen[1])
        await self.http.start()
        log.info("http: %s/healthz, %s/metrics%s", self.http.url, self.http.url,
                 f", callback {self.http.url}{self.config.callback.path}" if callback_groups else "")

    async def _confirm_lookup(self, group_id: int) -> str | None:
        toks = self.tokens.get(group_id)
        if toks is None or toks.group is None or self.client is None:
            return None
        return await confirmation_code(self.client, group_id, toks.group)

    async def _guard(self, coro: Any, what: str) -> None:
        """Run a long-lived coroutine; an unexpected crash is logged and the loop restarted."""
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("%s crashed: %s: %s — restarting it in 5 s", what, type(exc).__name__, exc)
            await asyncio.sleep(5)
            if what.startswith("long poll") and self.state == "running":
                gid = int(what.split()[-1])
                c = self.config.community("vk", gid)
                if c is not None:
                    rec = self._make_receiver(c)
                    self.receivers[gid] = rec
                    await self._guard(rec.run(), what)

    async def stop(self) -> None:
        """Graceful: stop receiving, judge what was stored, perform what was decided, close."""
        if self.state in ("stopping", "stopped"):
            return
        self.state = "stopping"
        deadline = time.monotonic() + self.options.shutdown_timeout
        log.info("stopping: no new events; finishing judged work")
        for t in self._receiver_tasks:
            t.cancel()
        for t in self._receiver_tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        for rec in self.receivers.values():
            rec.cancel_backfill()
        if self.http is not None:
            await self.http.stop()
        while (self._queued or not self._decide_q.empty()) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.outbox is not None and self.db is not None:
            self.outbox.wake()
            while time.monotonic() < deadline:
                due = await self.db.call(self.store.due_actions, time.time(), 1)
                if not due and not self.outbox.in_flight:
                    break
                await asyncio.sleep(0.05)
            await self.outbox.stop(timeout=max(1.0, deadline - time.monotonic()))
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        if self.batcher is not None:
            await self.batcher.close()
        if self.client is not None:
            await self.client.close()
        self._judge_pool.shutdown(wait=True)
        if self.db is not None:
            self.db.shutdown()
        if self._own_store and self._store is not None:
            self._store.close()
        self.metrics.up.set(0)
        self.state = "stopped"
        left = len(self._queued)
        log.info("stopped%s", f" ({left} comment(s) left unjudged, resumed at next start)" if left else "")

    # ------------------------------------------------------------------ intake

    async def handle_envelopes(self, group_id: int, envelopes: Sequence[Any], source: str) -> None:
        """:data:`EventSink`: parse, store (FIRST), queue new comments for judging."""
        assert self.db is not None
        now = time.time()
        parsed = [parse_event(e, received_at=now) for e in envelopes]
        good: list[CommentEvent | BlockEvent] = []
        for p in parsed:
            if isinstance(p, Malformed):
                self.counts["malformed"] += 1
                self.metrics.event(source, "malformed")
                log.error("%s (from %s)", p.error, source)
            elif isinstance(p, Ignored):
                self.metrics.event(source, "ignored")
            elif p.group_id not in self.tokens:
                if p.group_id not in self._unknown_groups:
                    self._unknown_groups.add(p.group_id)
                    log.warning("events for vk community %d which is not configured: ignored", p.group_id)
                self.metrics.event(source, "unknown_community")
            else:
                good.append(p)
        if not good:
            return
        new_rows = await self.db.call(self._ingest_sync, good, source, now)
        for row in new_rows:
            self._enqueue(row)

    async def _ingest_backfill(self, comments: Sequence[Comment]) -> None:
        """:data:`CommentSink` for backfill: comments without an envelope."""
        assert self.db is not None
        events = [CommentEvent(c, "backfill", "", c.community_id) for c in comments]
        new_rows = await self.db.call(self._ingest_sync, events, "backfill", time.time())
        for row in new_rows:
            self._enqueue(row)

    def _ingest_sync(self, events: list[CommentEvent | BlockEvent], source: str, now: float) -> list[CommentRow]:
        """Store thread: save comments, sync bans, advance the last-seen wall comment cursor."""
        new_rows: list[CommentRow] = []
        last_wall: dict[int, int] = {}
        for ev in events:
            self.counts["events"] += 1
            if isinstance(ev, CommentEvent):
                row = self.store.save_comment(ev.comment)
                c = ev.comment
                if c.kind == "wall":
                    last_wall[c.community_id] = max(last_wall.get(c.community_id, 0), c.comment_id)
                if row.is_new:
                    self.counts["comments"] += 1
                    new_rows.append(row)
                    self.metrics.event(source, "edit" if c.edited else "new")
                else:
                    self.counts["duplicates"] += 1
                    self.metrics.event(source, "duplicate")
            else:
                self._sync_ban(ev, now)
                self.metrics.event(source, "block" if ev.blocked else "unblock")
        for gid, cid in last_wall.items():
            name = last_comment_cursor(gid)
            cur = self.store.get_cursor(name)
            if not cur or not cur.isdigit() or int(cur) < cid:
                self.store.set_cursor(name, str(cid), now=now)
        return new_rows

    def _sync_ban(self, ev: BlockEvent, now: float) -> None:
        """``user_block``/``user_unblock`` made in VK (by us or a human) → the local blacklist."""
        if not self.store.record_event("vk", ev.group_id, ev.event_id, now):
            return
        if ev.blocked:
            if self.store.active_ban("vk", ev.group_id, ev.user_id, now) is not None:
                return  # our own ban (written with the decision) or already known
            until = ev.end_date or None
            self.store.ban("vk", ev.user_id, community_id=ev.group_id, until=until,
                           reason=f"заблокирован в VK администратором {ev.admin_id}" +
                                  (f": {ev.comment}" if ev.comment else ""),
                           decided_by=f"vk:{ev.admin_id}", now=now)
            log.info("blacklist: user %d banned in VK group %d by admin %d; added locally", ev.user_id,
                     ev.group_id, ev.admin_id)
        else:
            lifted = self.store.unban("vk", ev.user_id, community_id=ev.group_id,
                                      lifted_by="vk:expired" if ev.by_end_date else f"vk:{ev.admin_id}", now=now)
            if lifted:
                log.info("blacklist: user %d unbanned in VK group %d; lifted locally", ev.user_id, ev.group_id)

    def _enqueue(self, row: CommentRow) -> None:
        if row.id in self._queued:
            return
        self._queued.add(row.id)
        self._received_at.setdefault(row.id, row.received_at or time.time())
        self._judge_q.put_nowait(row)

    # ------------------------------------------------------------------ judging and deciding

    def _judge_for(self, platform: str, group_id: int) -> Judge:
        key = (platform, group_id)
        j = self._judges.get(key)
        if j is None:
            assert self.judge is not None
            c = self.config.community(platform, group_id)
            j = self.judge.with_overrides(self.config.thresholds_for(c)) if c is not None else self.judge
            self._judges[key] = j
        return j

    def _judge_rows(self, rows: list[CommentRow]) -> list[Verdict]:
        """Judge thread: one ``judge_many`` per community present in the batch."""
        out: list[Verdict | None] = [None] * len(rows)
        by_group: dict[tuple[str, int], list[int]] = {}
        for i, r in enumerate(rows):
            by_group.setdefault((r.platform, r.community_id), []).append(i)
        for key, idx in by_group.items():
            judge = self._judge_for(*key)
            verdicts = judge.judge_many([rows[i].text for i in idx])
            for i, v in zip(idx, verdicts, strict=True):
                # Raids: a variant of known spam is spam; one text on several pages goes to review.
                out[i] = self._repeats.apply(v, key=rows[i].key, community=f"{key[0]}:{key[1]}", policy=judge.policy)
        return [v for v in out if v is not None]

    async def _judge_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            first = await self._judge_q.get()
            batch = [first]
            while len(batch) < self.options.judge_batch and not self._judge_q.empty():
                batch.append(self._judge_q.get_nowait())
            try:
                verdicts = await loop.run_in_executor(self._judge_pool, self._judge_rows, batch)
            except Exception as exc:
                log.error("judge failed on a batch of %d: %s: %s; judging one by one", len(batch),
                          type(exc).__name__, exc)
                verdicts, ok_rows = [], []
                for row in batch:
                    try:
                        verdicts += await loop.run_in_executor(self._judge_pool, self._judge_rows, [row])
                        ok_rows.append(row)
                    except Exception as exc1:
                        log.error("judge failed on comment %s: %s: %s (left for the next start)", row.key,
                                  type(exc1).__name__, exc1)
                        self._queued.discard(row.id)
                batch = ok_rows
            if batch:
                await self._decide_q.put((batch, verdicts))

    async def _decide_loop(self) -> None:
        assert self.db is not None
        while True:
            batch, verdicts = await self._decide_q.get()
            while True:
                try:
                    plans = await self.db.call(self._decide_sync, batch, verdicts, time.time())
                    break
                except Exception as exc:
                    log.error("could not record %d decision(s): %s: %s; retrying in 1 s", len(batch),
                              type(exc).__name__, exc)
                    await asyncio.sleep(1.0)
            acted = False
            for row, plan in zip(batch, plans, strict=True):
                self._queued.discard(row.id)
                received = self._received_at.pop(row.id, None)
                self.counts["judged"] += 1
                self.metrics.judged(row.community_id, plan.decision.action)
                if plan.actions and plan.decision.id is not None and received is not None:
                    self._received_at[-plan.decision.id] = received
                    acted = True
                if plan.decision.action != "allow":
                    text = row.text.replace("\n", " ")
                    log.info("%s by %d: %s «%s»", row.key, row.author_id, plan.summary(),
                             text[:60] + ("…" if len(text) > 60 else ""))
            if acted and self.outbox is not None:
                self.outbox.wake()

    def _decide_sync(self, rows: list[CommentRow], verdicts: list[Verdict], now: float) -> list[Plan]:
        """Store thread: per comment, read history, decide, commit decision+verdict+actions+ban."""
        plans: list[Plan] = []
        ladder = self.config.ladder
        for row, verdict in zip(rows, verdicts, strict=True):
            community = self.config.community(row.platform, row.community_id) or CommunityConfig(
                platform=row.platform, group_id=row.community_id, mode="shadow")
            comment = row.to_comment()
            blacklisted = self.store.active_ban(row.platform, row.community_id, row.author_id, now)
            prior = 0
            if needs_history(comment, verdict, community, blacklisted):
                prior = self.store.violations(row.platform, row.author_id, ladder.window_start(now))
            plan = plan_decision(comment, verdict, config=self.config, community=community,
                                 prior_violations=prior, blacklisted=blacklisted, now=now)
            self.store.save_decision(plan.decision, comment_row=row.id, verdict=verdict, category=plan.category,
                                     mode=plan.mode, actions=plan.actions, ban=plan.ban, now=now)
            plans.append(plan)
        return plans

    # ------------------------------------------------------------------ outbox glue

    def _token_for(self, action: Action) -> Token | None:
        toks = self.tokens.get(action.community_id)
        if toks is None:
            return None
        if token_kind(action.method) == "group" and toks.group is not None:
            return toks.group
        return toks.user

    def _action_done(self, action: Action, result: Any) -> None:
        received = self._received_at.pop(-action.decision_id, None)
        if received is not None:
            self.metrics.observe_latency(action.kind, time.time() - received)

    async def reload_model(self) -> bool:
        """SIGHUP: load the model again (``model_path`` or the default) and swap it in if it works.

        The old judge keeps serving until the new one has passed a test verdict, so a broken
        model file on disk never stops moderation."""
        loop = asyncio.get_running_loop()
        try:
            new = await loop.run_in_executor(self._judge_pool, Judge.load, self.config.model_path, None)
            await loop.run_in_executor(self._judge_pool, new.judge_many, ["проверка модели"])
        except Exception as exc:
            log.error("model reload failed, keeping %s: %s: %s",
                      self.judge.model_version if self.judge else "?", type(exc).__name__, exc)
            return False
        old = self.judge.model_version if self.judge else "?"
        self.judge = new
        self._judges.clear()
        log.info("model reloaded: %s → %s", old, new.model_version)
        return True

    # ------------------------------------------------------------------ housekeeping and health

    async def _housekeeping(self) -> None:
        """Gauges every second; every ``sweep_interval`` re-queue stored-but-unjudged comments."""
        assert self.db is not None
        last_sweep = time.monotonic()
        last_prune = 0.0
        while True:
            await asyncio.sleep(1.0)
            self.metrics.queue("judge", self._judge_q.qsize())
            self.metrics.queue("decide", self._decide_q.qsize())
            self.metrics.queue("outbox_in_flight", self.outbox.in_flight if self.outbox else 0)
            self.metrics.queue("execute", self.batcher.pending() if self.batcher else 0)
            if len(self._received_at) > 200_000:
                self._received_at.clear()
            if time.monotonic() - last_sweep >= self.options.sweep_interval:
                last_sweep = time.monotonic()
                try:
                    rows = await self.db.call(self.store.comments_to_judge, 5000)
                    stale = [r for r in rows if r.id not in self._queued]
                    if stale:
                        log.info("re-queueing %d stored comment(s) that were not judged", len(stale))
                        for r in stale:
                            self._enqueue(r)
                    if time.monotonic() - last_prune >= 3600:
                        last_prune = time.monotonic()
                        # Event ids only guard against redelivery, which VK does within hours.
                        await self.db.call(self.store.prune_events, time.time() - 7 * 86400)
                    status = await self.db.call(self.store.status)
                    depth = _outbox_depth(status)
                    if depth is not None:
                        self.metrics.queue("outbox_pending", depth)
                except Exception as exc:
                    log.error("housekeeping: %s: %s", type(exc).__name__, exc)

    async def health(self) -> dict[str, Any]:
        """``/healthz``: running state, per-community receive position, queues, paused tokens."""
        communities = []
        for c in self.config.communities:
            rec = self.receivers.get(c.group_id)
            communities.append({
                "platform": c.platform, "group_id": c.group_id, "name": c.name, "mode": c.mode,
                "receive": c.receive_mode, "lp_ts": rec.ts if rec else None,
                "last_event_age_s": round(time.time() - rec.last_event_at, 1) if rec and rec.last_event_at else None,
            })
        return {
            "status": "ok" if self.state == "running" else self.state,
            "model_version": self.judge.model_version if self.judge else None,
            "communities": communities,
            "queues": {"judge": self._judge_q.qsize(), "decide": self._decide_q.qsize(),
                       "outbox_in_flight": self.outbox.in_flight if self.outbox else 0,
                       "execute": self.batcher.pending() if self.batcher else 0},
            "paused_tokens": self.client.paused_tokens() if self.client else {},
            "counts": dict(self.counts),
        }

    async def idle(self, *, pending: bool = True) -> bool:
        """True when nothing is queued, being judged or in the outbox (tests and the bench wait for it).

        ``pending=False`` ignores actions scheduled for a later retry (only due ones count)."""
        if self._queued or not self._judge_q.empty() or not self._decide_q.empty():
            return False
        if self.outbox is not None and self.outbox.in_flight:
            return False
        assert self.db is not None
        if pending:
            return await self.db.call(self.store.next_action_at) is None
        due = await self.db.call(self.store.due_actions, time.time(), 1)
        return not due


def _outbox_depth(status: dict[str, Any]) -> int | None:
    for key in ("outbox_depth", "outbox_pending", "pending_actions"):
        v = status.get(key)
        if isinstance(v, int):
            return v
    actions = status.get("actions")
    if isinstance(actions, dict) and isinstance(actions.get("pending"), int):
        return int(actions["pending"])
    return None


def stop_event_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (where the loop supports signal handlers)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def run_daemon(config: Config, options: DaemonOptions | None = None) -> int:
    """``modbot run``: start, wait for SIGTERM/SIGINT, stop gracefully, return the exit code."""
    daemon = Daemon(config, options=options)
    stop = stop_event_on_signals()
    loop = asyncio.get_running_loop()
    reloads: set[asyncio.Task[bool]] = set()

    def _reload() -> None:
        task = asyncio.create_task(daemon.reload_model())
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, _reload)
    try:
        await daemon.start()
    except Exception:
        await daemon.stop()
        raise
    log.info("modbot is running (%d communities); SIGTERM or Ctrl-C stops it, SIGHUP reloads the model",
             len(config.communities))
    await stop.wait()
    log.info("signal received")
    await daemon.stop()
    return 0
