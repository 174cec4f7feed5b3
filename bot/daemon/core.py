"""The daemon: platform events → Comment → store → judge → decision service → outbox → platform.

Pipeline (each arrow an asyncio queue or the database, each stage its own task)::

    adapters (long poll / callback / polling / backfill) ─▶ sink (store.save_comment FIRST)
        ─▶ judge stage (judge_many on a worker thread, batches)
        ─▶ decide stage (DecisionService.decide_auto: decision, verdict, actions, ban in ONE transaction)
        ─▶ outbox (claim → adapter.perform → done / retry / failed / manual)

Nothing is held only in memory: a comment is stored before it is judged, a decision and its
actions are committed together, and an action is leased before it is sent. A restart therefore
judges what was stored but not judged, and finishes (after checking) what was leased but not
confirmed. The daemon never exits because of a bad event or a failed API call: it logs one line.

Platform-free: adapters come in through a :class:`~bot.platform.PlatformRegistry` built by the
composition root (:mod:`bot.adapters`); nothing here knows a platform's methods or errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bot.config import Config, env_float
from bot.decisions import DecisionService, Plan
from bot.metrics import HttpServer, Metrics, make_app
from bot.model_registry import ModelWatch, model_to_run
from bot.platform import (
    BanEvent,
    CommentEvent,
    Ignored,
    Malformed,
    PlatformEvent,
    PlatformRegistry,
    PostEvent,
)
from bot.reports.periods import MSK
from bot.reports.watch import posting_watch
from bot.store import HEARTBEAT_CURSOR, HEARTBEAT_SECONDS, CommentRow, Store
from bot.types import Action, Decision
from moderation.correction import community_thresholds
from moderation.judge import Judge, settle_heap
from moderation.repeats import RepeatTracker
from moderation.verdict import Verdict

from .db import AsyncStore
from .outbox import Outbox

log = logging.getLogger("modbot.daemon")

#: Liveness: comments waiting this long to be judged, or due actions with no outcome for this long,
#: make the daemon "degraded" (``/healthz`` answers 503 and says why).
STALL_SECONDS = 120.0


@dataclass
class DaemonOptions:
    """Platform-free runtime knobs that are not (yet) part of ``modbot.toml`` (each adapter has
    its own options, given to it by the composition root)."""

    judge_batch: int = 128
    outbox_poll: float = 0.05
    #: First outbox retry delay after a transient failure (doubles per attempt, capped at 5 min).
    retry_base: float = 1.0
    shutdown_timeout: float = 20.0
    sweep_interval: float = 30.0
    ready_timeout: float = 10.0
    #: How often the outbox asks platforms whether actions left to moderators were done by hand.
    manual_check_interval: float = 60.0
    #: comments waiting this long to be judged, or due actions with no outcome this long: "degraded"
    stall_seconds: float = STALL_SECONDS
    #: (host, port) for /healthz, /metrics and adapters' routes; None = ``[metrics]`` from config.
    http: tuple[str, int] | None = None
    #: The wall clock the daemon writes into the record (when a comment or post was received, when
    #: a decision was taken, when an action is due). Tests drive it together with the emulator's
    #: clock to live through a quarter in a minute; timers and timeouts use monotonic time anyway.
    clock: Callable[[], float] = field(default=time.time)
    #: How often the posting-rate watch (clause 15) looks at this week's posts of every page.
    posting_watch_interval: float = 300.0
    #: How often the model registry's ``current`` pointer (and the model file) is checked for a switch.
    model_watch_interval: float = 15.0

    @classmethod
    def from_env(cls) -> DaemonOptions:
        """``MODBOT_JUDGE_BATCH``: comments judged per batch; ``MODBOT_MODEL_WATCH_SECONDS``: how often
        the model pointer is checked (15)."""
        o = cls()
        o.judge_batch = int(env_float("MODBOT_JUDGE_BATCH", o.judge_batch))
        o.model_watch_interval = env_float("MODBOT_MODEL_WATCH_SECONDS", o.model_watch_interval)
        return o


class Daemon:
    """One process moderating every configured community. ``await start()`` … ``await stop()``."""

    def __init__(self, config: Config, *, platforms: PlatformRegistry, options: DaemonOptions | None = None,
                 store: Store | None = None, judge: Judge | None = None, metrics: Metrics | None = None) -> None:
        self.config = config
        self.platforms = platforms
        self.options = options or DaemonOptions.from_env()
        self.metrics = metrics or Metrics()
        self._store = store
        self._own_store = store is None
        self.judge = judge
        self._judges: dict[tuple[str, int], Judge] = {}
        self._model_watch: ModelWatch | None = None
        self.db: AsyncStore | None = None
        self.decisions: DecisionService | None = None
        self.outbox: Outbox | None = None
        self.http: HttpServer | None = None
        self._judge_q: asyncio.Queue[CommentRow] = asyncio.Queue()
        self._decide_q: asyncio.Queue[tuple[list[CommentRow], list[Verdict]]] = asyncio.Queue()
        self._queued: set[int] = set()
        #: comment row id → when its event arrived (for the event→action latency)
        self._received_at: dict[int, float] = {}
        #: decision id → when the event that caused it arrived
        self._decided_at: dict[int, float] = {}
        self._judge_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modbot-judge")
        self._repeats = RepeatTracker()  # used only on the judge thread
        self._tasks: list[asyncio.Task[Any]] = []
        self._started: list[Any] = []
        self._problems: list[str] = []
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
        self.decisions = DecisionService(self._store, self.config, self.platforms)
        self._model_watch = ModelWatch(self.config)  # before loading: a switch during the load is seen
        if self.judge is None:
            self.judge = await loop.run_in_executor(self._judge_pool, Judge.load, model_to_run(self.config), None)
        try:  # fail at start, not on every comment, if the model cannot judge at all
            await loop.run_in_executor(self._judge_pool, self.judge.judge_many, ["проверка модели"])
        except Exception as exc:
            raise RuntimeError(f"the judge model cannot judge: {type(exc).__name__}: {exc}") from exc
        await loop.run_in_executor(self._judge_pool, settle_heap)  # the model's objects out of the collector's walk
        log.info("judge model %s loaded; database %s", self.judge.model_version, self.config.database)
        self.outbox = Outbox(self.db, self.platforms, self.metrics, poll_interval=self.options.outbox_poll,
                             retry_base=self.options.retry_base, on_done=self._action_done,
                             manual_check_interval=self.options.manual_check_interval, clock=self.options.clock)
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
            if c.platform not in self.platforms:
                log.warning("community %s (%s %d): no %s adapter in this process; its comments are not received",
                            c.name or c.group_id, c.platform, c.group_id, c.platform)
        for platform in self.platforms:
            await platform.start(self.handle_events, self.db)
            self._started.append(platform)
        slow = 0
        for platform in self.platforms:
            slow += await platform.wait_ready(self.options.ready_timeout)
        if slow:
            log.warning("%d receiver(s) not connected yet; they keep trying", slow)
        self.state = "running"
        self.metrics.up.set(1)

    async def _start_http(self) -> None:
        listen = self.options.http
        if listen is None and self.config.metrics.enabled:
            listen = (self.config.metrics.host, self.config.metrics.port)
        routes = [r for p in self.platforms for r in p.routes()]
        if listen is None:
            if routes:
                raise RuntimeError(f"communities receive events over HTTP ({', '.join(r[1] for r in routes)}) but "
                                   f"[metrics] port is 0: the daemon has no HTTP listener; set [metrics] port")
            return
        app = make_app(self.metrics, self.health)
        for method, path, handler in routes:
            app.router.add_route(method, path, handler)
        self.http = HttpServer(app, listen[0], listen[1])
        await self.http.start()
        log.info("http: %s/healthz, %s/metrics%s", self.http.url, self.http.url,
                 "".join(f", {m} {self.http.url}{p}" for m, p, _ in routes))

    async def stop(self) -> None:
        """Graceful: stop receiving, judge what was stored, perform what was decided, close."""
        if self.state in ("stopping", "stopped"):
            return
        self.state = "stopping"
        deadline = time.monotonic() + self.options.shutdown_timeout
        log.info("stopping: no new events; finishing judged work")
        for platform in self._started:
            with contextlib.suppress(Exception):
                await platform.stop()
        if self.http is not None:
            await self.http.stop()
        while (self._queued or not self._decide_q.empty()) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.outbox is not None and self.db is not None:
            self.outbox.wake()
            while time.monotonic() < deadline:
                due = await self.db.call(self.store.due_actions, self.options.clock(), 1)
                if not due and not self.outbox.in_flight:
                    break
                await asyncio.sleep(0.05)
            await self.outbox.stop(timeout=max(1.0, deadline - time.monotonic()))
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        for platform in self._started:
            with contextlib.suppress(Exception):
                await platform.close()
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

    async def handle_events(self, events: Sequence[PlatformEvent], source: str) -> None:
        """:data:`~bot.platform.EventSink`: store (FIRST), then queue new comments for judging."""
        assert self.db is not None
        good: list[CommentEvent | BanEvent | PostEvent] = []
        malformed: list[Malformed] = []
        for ev in events:
            if isinstance(ev, Malformed):
                self.counts["malformed"] += 1
                self.metrics.event(source, "malformed")
                log.error("%s (from %s)", ev.error, source)
                malformed.append(ev)
            elif isinstance(ev, Ignored):
                self.metrics.event(source, "ignored")
            else:
                good.append(ev)
        now = self.options.clock()
        if malformed:
            await self.db.call(self._record_malformed, malformed, source, now)
        if not good:
            return
        new_rows = await self.db.call(self._ingest_sync, good, source, now)
        for row in new_rows:
            self._enqueue(row)

    def _ingest_sync(self, events: list[CommentEvent | BanEvent | PostEvent], source: str,
                     now: float) -> list[CommentRow]:
        """Store thread: save comments (received ``now`` by the daemon's clock), record the page's
        own posts (clause 15), mirror platform bans into the blacklist.

        One event that cannot be stored is recorded as poison (with an ASCII copy of it) and
        skipped: the rest of the batch is stored and the receiver moves on, instead of retrying the
        same batch forever. A database error is not the event's fault and is raised (the adapter
        keeps its position and delivers the batch again)."""
        assert self.decisions is not None
        new_rows: list[CommentRow] = []
        for ev in events:
            self.counts["events"] += 1
            try:
                if isinstance(ev, CommentEvent):
                    # The daemon's clock is the record's clock (an injected one in simulations).
                    row = self.store.save_comment(dataclasses.replace(ev.comment, received_at=now))
                    if row.is_new:
                        self.counts["comments"] += 1
                        new_rows.append(row)
                        self.metrics.event(source, "edit" if ev.comment.edited else "new")
                    else:
                        self.counts["duplicates"] += 1
                        self.metrics.event(source, "duplicate")
                elif isinstance(ev, PostEvent):
                    if self.store.save_post(ev.platform, ev.community_id, ev.post_id, ev.created_at, url=ev.url,
                                            event_id=ev.event_id, now=now):
                        self.counts["posts"] = self.counts.get("posts", 0) + 1
                        self.metrics.event(source, "post")
                else:
                    line = self.decisions.sync_platform_ban(ev, now)
                    if line:
                        log.info("%s", line)
                    self.metrics.event(source, "block" if ev.blocked else "unblock")
            except sqlite3.OperationalError:
                raise
            except Exception as exc:
                self._poison_event(ev, exc, source, now)
        return new_rows

    def _record_malformed(self, events: list[Malformed], source: str, now: float) -> None:
        """Store thread: an event nobody can read is recorded as poison (once per event id)."""
        for ev in events:
            if ev.event_id and ev.platform and self.store.event_seen(ev.platform, ev.community_id, ev.event_id):
                continue  # a redelivery of one already recorded
            self.metrics.poison("parse")
            self.store.record_poison("parse", ev.error, platform=ev.platform, community_id=ev.community_id,
                                     event_id=ev.event_id, payload=ev.error, now=now)

    def _poison_event(self, ev: CommentEvent | BanEvent | PostEvent, exc: Exception, source: str,
                      now: float) -> None:
        platform = ev.comment.platform if isinstance(ev, CommentEvent) else ev.platform
        error = f"{type(exc).__name__}: {exc}"
        payload = dataclasses.asdict(ev.comment) if isinstance(ev, CommentEvent) else dataclasses.asdict(ev)
        self.counts["poison"] = self.counts.get("poison", 0) + 1
        self.metrics.event(source, "poison")
        self.metrics.poison("store")
        log.error("event %s from %s %s could not be stored and is skipped (recorded as poison): %s",
                  (ev.event_id or "-")[:40].encode("ascii", "backslashreplace").decode(), platform,
                  ev.community_id, error[:300])
        try:
            self.store.record_poison("store", error, platform=platform, community_id=ev.community_id,
                                     event_id=ev.event_id, payload=payload, now=now)
        except sqlite3.OperationalError:
            raise
        except Exception as exc2:  # the record itself failed: the log line above is all that is left
            log.error("could not record the poison event either: %s: %s", type(exc2).__name__, exc2)

    def _enqueue(self, row: CommentRow) -> None:
        if row.id in self._queued:
            return
        self._queued.add(row.id)
        self._received_at.setdefault(row.id, row.received_at or self.options.clock())
        self._judge_q.put_nowait(row)

    # ------------------------------------------------------------------ judging and deciding

    def _judge_for(self, platform: str, group_id: int) -> Judge:
        key = (platform, group_id)
        j = self._judges.get(key)
        if j is None:
            assert self.judge is not None
            c = self.config.community(platform, group_id)
            # The model's own thresholds for this community (a retrain tuned them), then the config's.
            merged = {cat: dict(t) for cat, t in
                      community_thresholds(self.judge.artifact, f"{platform}:{group_id}").items()}
            for cat, values in (self.config.thresholds_for(c) if c is not None else {}).items():
                merged.setdefault(cat, {}).update(values)
            j = self.judge.with_overrides(merged) if merged else self.judge
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
                        # Held for a moderator with the reason, rather than left to fail again at every sweep.
                        error = f"{type(exc1).__name__}: {exc1}"
                        log.error("judge failed on comment %s: %s; held for a moderator", row.key, error)
                        self.metrics.poison("judge")
                        verdicts.append(Verdict(row.text, "review", [], {}, ground=(
                            f"судья не смог оценить текст ({error[:200]}); на проверку модератору"),
                            model_version=self.judge.model_version if self.judge else "", error=error))
                        ok_rows.append(row)
                batch = ok_rows
            if batch:
                await self._decide_q.put((batch, verdicts))

    async def _decide_loop(self) -> None:
        assert self.db is not None
        while True:
            batch, verdicts = await self._decide_q.get()
            delay = 1.0
            while True:
                try:
                    plans = await self.db.call(self._decide_sync, batch, verdicts, self.options.clock())
                    break
                except sqlite3.Error as exc:  # the database itself (locked, disk full): retry, in order
                    log.error("could not record %d decision(s): %s: %s; retrying in %.0f s", len(batch),
                              type(exc).__name__, exc, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 30.0)
            acted = False
            for row, plan in zip(batch, plans, strict=True):
                self._queued.discard(row.id)
                received = self._received_at.pop(row.id, None)
                self.counts["judged"] += 1
                self.metrics.judged(row.community_id, plan.decision.action)
                if plan.actions and plan.decision.id is not None:
                    acted = True
                    if received is not None:
                        self._decided_at[plan.decision.id] = received
                if plan.decision.action != "allow":
                    text = row.text.replace("\n", " ")
                    log.info("%s by %s: %s «%s»", row.key, row.author_id, plan.summary(),
                             text[:60] + ("…" if len(text) > 60 else ""))
            if acted and self.outbox is not None:
                self.outbox.wake()

    def _decide_sync(self, rows: list[CommentRow], verdicts: list[Verdict], now: float) -> list[Plan]:
        """Store thread: one journalled decision per comment (the decision service).

        Each comment is its own transaction. A database error stops the batch (it is retried in
        order); any other error belongs to that comment alone: it is recorded as poison and the
        comment is held for a moderator with the reason, so it is neither lost nor retried forever
        and never holds up the comments behind it."""
        assert self.decisions is not None
        plans = []
        for row, verdict in zip(rows, verdicts, strict=True):
            try:
                plans.append(self.decisions.decide_auto(row, verdict, now))
            except sqlite3.Error:
                raise
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                log.error("could not decide %s: %s; held for a moderator", row.key, error)
                self.metrics.poison("decide")
                self.store.record_poison("decide", error, platform=row.platform, community_id=row.community_id,
                                         comment_row=row.id, now=now)
                held = Verdict(row.text, "review", list(verdict.labels), dict(verdict.scores), list(verdict.evidence),
                               ground=f"не удалось принять решение автоматически ({error[:200]}); "
                                      "на проверку модератору",
                               model_version=verdict.model_version, error=error)
                plan = Plan(Decision(row.key, "review", list(verdict.labels), "auto", held.ground))
                self.store.save_decision(plan.decision, comment_row=row.id, verdict=held, now=now)
                plans.append(plan)
        return plans

    # ------------------------------------------------------------------ outbox glue

    def _action_done(self, action: Action, result: Any) -> None:
        received = self._decided_at.pop(action.decision_id, None)
        if received is not None:
            self.metrics.observe_latency(action.kind, self.options.clock() - received)

    async def reload_model(self) -> bool:
        """SIGHUP, or the registry's ``current`` pointer moved: load the model to run (the registry's
        ``current``, else ``model_path``, else the shipped one) and swap it in if it works.

        The old judge keeps serving until the new one has passed a test verdict, so a broken
        model file on disk never stops moderation. Comments keep arriving and are stored meanwhile;
        queued ones are judged by whichever model is in place when their batch runs (each verdict
        records its model version)."""
        loop = asyncio.get_running_loop()
        try:
            new = await loop.run_in_executor(self._judge_pool, Judge.load, model_to_run(self.config), None)
            await loop.run_in_executor(self._judge_pool, new.judge_many, ["проверка модели"])
        except Exception as exc:
            log.error("model reload failed, keeping %s: %s: %s",
                      self.judge.model_version if self.judge else "?", type(exc).__name__, exc)
            return False
        old = self.judge.model_version if self.judge else "?"
        self.judge = new
        self._judges.clear()
        await loop.run_in_executor(self._judge_pool, settle_heap)  # the old model freed, the new one settled
        log.info("model reloaded: %s → %s", old, new.model_version)
        return True

    # ------------------------------------------------------------------ housekeeping and health

    async def _housekeeping(self) -> None:
        """Gauges every second; every ``sweep_interval`` re-queue stored-but-unjudged comments."""
        assert self.db is not None
        last_sweep = time.monotonic()
        last_prune = 0.0
        last_beat = 0.0
        last_watch = 0.0
        last_model_watch = time.monotonic()
        while True:
            await asyncio.sleep(min(1.0, self.options.model_watch_interval))
            if time.monotonic() - last_model_watch >= self.options.model_watch_interval:
                last_model_watch = time.monotonic()
                try:
                    if self._model_watch is not None and self._model_watch.changed():
                        log.info("model on disk changed (%s): reloading", model_to_run(self.config))
                        await self.reload_model()
                except Exception as exc:
                    log.error("model watch: %s: %s", type(exc).__name__, exc)
            if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
                last_beat = time.monotonic()
                await self._heartbeat()
            if time.monotonic() - last_watch >= self.options.posting_watch_interval:
                last_watch = time.monotonic()
                await self.watch_posting()
            self.metrics.queue("judge", self._judge_q.qsize())
            self.metrics.queue("decide", self._decide_q.qsize())
            self.metrics.queue("outbox_in_flight", self.outbox.in_flight if self.outbox else 0)
            if len(self._decided_at) > 200_000:
                self._decided_at.clear()
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
                    self.metrics.queue("outbox_pending", int(status["queue_depth"]))
                except Exception as exc:
                    log.error("housekeeping: %s: %s", type(exc).__name__, exc)

    async def watch_posting(self) -> list[dict[str, Any]]:
        """Clause 15: say once a day per page (a warning in the log) when a page is on course to
        miss its 3 posts this week; ``modbot status`` and the dashboard compute the same watch.
        Pages of platforms this process does not receive are not watched (their posts are not
        recorded). Returns the watch for every page."""
        assert self.db is not None
        pages = [(c.platform, c.group_id, c.name) for c in self.config.communities if c.platform in self.platforms]
        if not pages:
            return []
        now = self.options.clock()
        try:
            items = await self.db.call(posting_watch, self.store, pages, now)
            today = dt.datetime.fromtimestamp(now, MSK).date().isoformat()
            for item in items:
                if not item.at_risk:
                    continue
                cursor = f"posting_watch:{item.platform}:{item.community_id}"
                if await self.db.get(cursor) == today:
                    continue
                log.warning("posting rate (clause 15): %s %d: %s", item.platform, item.community_id, item.message)
                await self.db.set(cursor, today)
            return [i.to_json() for i in items]
        except Exception as exc:
            log.error("posting-rate watch: %s: %s", type(exc).__name__, exc)
            return []

    async def _heartbeat(self) -> None:
        """Health into the database (``modbot status`` reads it without reaching the daemon), the
        ``modbot_healthy`` gauge, and one log line when the daemon becomes degraded or recovers."""
        assert self.db is not None
        try:
            h = await self.health()
            problems = h["problems"]
            self.metrics.healthy.set(0 if problems else 1)
            if problems != self._problems:
                if problems:
                    log.warning("health: degraded — %s", "; ".join(problems))
                elif self._problems:
                    log.info("health: ok again")
                self._problems = problems
            beat = {k: h[k] for k in ("status", "problems", "at", "model_version", "queues", "broken_tokens",
                                      "paused_tokens", "outbox_last_progress_age_s")}
            beat["communities"] = [{k: c.get(k) for k in ("platform", "group_id", "name", "receive",
                                                          "last_progress_age_s", "restarts_10min", "problem")}
                                   for c in h["communities"]]
            beat["pid"] = os.getpid()
            await self.db.call(self.store.set_cursor, HEARTBEAT_CURSOR, json.dumps(beat, ensure_ascii=False))
        except Exception as exc:
            log.error("health heartbeat: %s: %s", type(exc).__name__, exc)

    async def health(self) -> dict[str, Any]:
        """``/healthz`` (503 unless ``ok``): state, per-community receive progress, queues, paused
        tokens, and ``problems`` — why it is ``degraded`` (a receiver restarting or getting no
        answer, a token that stopped working, comments waiting to be judged, actions not moving)."""
        now = time.time()
        communities: list[dict[str, Any]] = []
        paused: dict[str, float] = {}
        broken: list[dict[str, Any]] = []
        platforms: dict[str, Any] = {}
        for p in self.platforms:
            h = p.health()
            communities += h.pop("communities", [])
            paused.update(h.pop("paused_tokens", {}))
            broken += h.pop("broken_tokens", [])
            platforms[p.name] = h
        problems = [f"{c['platform']} {c['group_id']}: {c['problem']}" for c in communities if c.get("problem")]
        problems += [f"{b['token']} (сообщество {b['community']}) не работает: {b['reason']}" for b in broken]
        problems += [f"{tok}: пауза из-за капчи" for tok in paused]
        waiting = [self._received_at[i] for i in self._queued if i in self._received_at]
        oldest = self.options.clock() - min(waiting) if waiting else 0.0  # received_at is on the record's clock
        if oldest > self.options.stall_seconds:
            problems.append(f"комментарии ждут оценки {oldest:.0f} с ({len(waiting)} в очереди)")
        stall = self.options.stall_seconds
        if self.outbox is not None and self.db is not None and now - self.outbox.last_progress_at > stall:
            due = await self.db.call(self.store.due_actions, now - stall, 1)
            if due:
                problems.append(f"действия ждут выполнения, и ни одно не выполнено за "
                                f"{now - self.outbox.last_progress_at:.0f} с")
        state = self.state if self.state != "running" else ("degraded" if problems else "ok")
        return {
            "status": state,
            "problems": problems,
            "at": now,
            "model_version": self.judge.model_version if self.judge else None,
            "communities": communities,
            "queues": {"judge": self._judge_q.qsize(), "decide": self._decide_q.qsize(),
                       "outbox_in_flight": self.outbox.in_flight if self.outbox else 0,
                       "oldest_unjudged_s": round(oldest, 1)},
            "outbox_last_progress_age_s": round(now - self.outbox.last_progress_at, 1) if self.outbox else None,
            "paused_tokens": paused,
            "broken_tokens": broken,
            "platforms": platforms,
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
        due = await self.db.call(self.store.due_actions, self.options.clock(), 1)
        return not due


def stop_event_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (where the loop supports signal handlers)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def run_daemon(config: Config, platforms: PlatformRegistry, options: DaemonOptions | None = None,
                     metrics: Metrics | None = None) -> int:
    """``modbot run``: start, wait for SIGTERM/SIGINT, stop gracefully, return the exit code."""
    daemon = Daemon(config, platforms=platforms, options=options, metrics=metrics)
    stop = stop_event_on_signals()
    loop = asyncio.get_running_loop()
    reloads: set[asyncio.Task[bool]] = set()

    def _reload() -> None:
        task = asyncio.create_task(daemon.reload_model())
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
        loop.add_signal_handler(signal.SIGHUP, _reload)
    web = None
    try:
        await daemon.start()
        if config.web.enabled:  # the moderators' workspace, on its own listener and database connection
            from bot.web.server import WebServer

            web = WebServer(config, platforms, health=daemon.health,
                            model_version=lambda: daemon.judge.model_version if daemon.judge else None)
            await web.start()
    except Exception:
        await daemon.stop()
        raise
    log.info("modbot is running (%d communities); SIGTERM or Ctrl-C stops it, SIGHUP reloads the model",
             len(config.communities))
    await stop.wait()
    log.info("signal received")
    if web is not None:
        await web.stop()
    await daemon.stop()
    return 0
