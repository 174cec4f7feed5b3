"""The outbox worker: performs due actions through their platform's adapter, exactly once in effect.

Life of an action: written ``pending`` together with its decision → claimed here (leased: hidden
from ``due_actions`` while the lease lasts) → handed to the adapter's ``perform`` in batches per
platform → the :data:`~bot.platform.Outcome` recorded: ``done`` / rescheduled with backoff /
``failed`` / ``manual`` (a moderator must do it by hand).

Why the lease stays on the row until the outcome is written: a SIGKILL between the platform
executing a call and us recording ``done`` would otherwise make the restarted daemon send it again.
An action found still leased at start is first *checked* with the adapter's ``verify`` and only
sent if the check says it did not happen (or cannot tell: a repeated delete is a no-op on VK).
``manual`` and ``cancelled`` actions are never sent; every ``manual_check_interval`` seconds the
outbox asks the platform (``verify``) whether a moderator already did a few of them there, and
records those done (an OK comment deleted by hand is confirmed once it is gone).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from typing import Any

from bot.metrics import Metrics
from bot.platform import Done, Failed, Manual, Outcome, PlatformRegistry, Retry, UnknownPlatform
from bot.store import Store
from bot.types import Action

from .db import AsyncStore

log = logging.getLogger("modbot.outbox")


def retry_delay(attempts: int, *, base: float = 1.0, cap: float = 300.0) -> float:
    """Outbox-level backoff (the adapter's client already retried a few times within seconds)."""
    top = min(cap, base * 2 ** max(0, min(attempts, 20) - 1))
    return top / 2 + random.random() * top / 2


class Outbox:
    """Poll the store for due actions and perform them; never raises out of :meth:`run`."""

    def __init__(
        self,
        db: AsyncStore,
        platforms: PlatformRegistry,
        metrics: Metrics,
        *,
        poll_interval: float = 0.05,
        lease: float = 600.0,
        max_attempts: int = 40,
        batch: int = 500,
        retry_base: float = 1.0,
        max_in_flight: int = 200,
        on_done: Callable[[Action, Any], None] | None = None,
        manual_check_interval: float = 60.0,
        manual_check_batch: int = 20,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.platforms = platforms
        self.metrics = metrics
        self.poll_interval = poll_interval
        self.lease = lease
        self.max_attempts = max_attempts
        self.batch = batch
        self.retry_base = retry_base
        self.max_in_flight = max(1, max_in_flight)
        self.on_done = on_done
        #: the record's clock (when an action is due, leased, done): the daemon's, injectable in tests
        self.clock = clock
        self.manual_check_interval = manual_check_interval
        self.manual_check_batch = max(1, manual_check_batch)
        #: manual action id → when the platform was last asked about it (monotonic)
        self._manual_checked: dict[int, float] = {}
        self._manual_task: asyncio.Task[None] | None = None
        self._next_manual_check = 0.0
        self.confirmed = 0
        self._wake = asyncio.Event()
        self._inflight: dict[int, asyncio.Task[None]] = {}
        self._stopping = False
        self.done = 0
        self.failed = 0
        self.last_errors: list[str] = []
        #: when an outcome was last recorded (liveness: due actions and no progress = stalled)
        self.last_progress_at = time.time()
        #: (platform, community) whose actions were parked behind a paused token: the first action
        #: there that goes through brings the others forward, instead of each waiting out its backoff
        self._parked: set[tuple[str, int]] = set()

    @property
    def store(self) -> Store:
        return self.db.store

    def wake(self) -> None:
        """New actions were committed: look now rather than at the next poll."""
        self._wake.set()

    @property
    def in_flight(self) -> int:
        return len(self._inflight)

    async def run(self, *, resume: bool = True) -> None:
        """Main loop. ``resume``: first take every pending action, leased ones included (restart).

        At most ``max_in_flight`` actions are claimed at a time: an action is leased only shortly
        before its adapter can send it, so a crash leaves few "maybe sent" actions to check.
        """
        backlog: list[Action] = []
        if resume:
            try:
                backlog = await self.db.call(self.store.unfinished_actions)
            except Exception as exc:
                log.error("outbox: cannot read pending actions at start: %s", exc)
            if backlog:
                leased = sum(1 for a in backlog if a.in_flight)
                log.info("outbox: resuming %d unfinished action(s) (%d were in flight at the last stop)",
                         len(backlog), leased)
                self._wake.set()
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            self._wake.clear()
            if self._stopping:
                break
            self._maybe_check_manual()
            room = self.max_in_flight - len(self._inflight)
            if room <= 0:
                continue
            if backlog:
                # In order, but an action waiting for another one (a restore for its delete) stays
                # for the regular due query, which knows when its turn has come.
                take, backlog = backlog[:room], backlog[room:]
                await self._dispatch([a for a in take if a.depends_on is None])
                continue
            try:
                due = await self.db.call(self.store.due_actions, self.clock(), min(room, self.batch))
            except Exception as exc:
                log.error("outbox: cannot read due actions: %s: %s", type(exc).__name__, exc)
                await asyncio.sleep(1.0)
                continue
            fresh = [a for a in due if a.id is not None and a.id not in self._inflight]
            if fresh:
                await self._dispatch(fresh)

    async def _dispatch(self, actions: list[Action]) -> None:
        actions = [a for a in actions if a.id is not None and a.id not in self._inflight]
        if not actions:
            return
        now = self.clock()
        try:
            await self.db.call(self.store.claim_actions, [a.id for a in actions], now + self.lease, now=now)
        except Exception as exc:
            log.error("outbox: cannot claim %d action(s): %s: %s", len(actions), type(exc).__name__, exc)
            await asyncio.sleep(0.5)
            return
        for a in actions:
            assert a.id is not None
            self._inflight[a.id] = asyncio.create_task(self._perform(a), name=f"action-{a.id}")

    async def _perform(self, action: Action) -> None:
        assert action.id is not None
        try:
            try:
                platform = self.platforms.get(action.platform)
            except UnknownPlatform as exc:
                await self._fail(action, str(exc), "")
                return
            where = platform.describe(action)
            if action.in_flight and platform.capabilities.verify:
                done = await platform.verify(action)
                if done:
                    log.info("outbox: %s %s was already done before the restart; not sending it again",
                             action.method, where)
                    await self._record(action, Done({"verified": True}), where)
                    return
            (outcome,) = await platform.perform([action])
            await self._record(action, outcome, where)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug here must not kill the worker; the lease makes it due again later
            log.error("outbox: action %s failed unexpectedly: %s: %s", action.id, type(exc).__name__, exc)
        finally:
            self._inflight.pop(action.id, None)
            self._wake.set()  # room for the next one

    async def _record(self, action: Action, outcome: Outcome, where: str) -> None:
        assert action.id is not None
        self.last_progress_at = time.time()
        if isinstance(outcome, Done):
            await self.db.call(self.store.mark_action_done, action.id, outcome.result, self.clock())
            self.done += 1
            self.metrics.action(action.kind, "done")
            if self.on_done is not None:
                self.on_done(action, outcome.result)
            pair = (action.platform, action.community_id)
            if pair in self._parked:
                self._parked.discard(pair)
                woken = await self.db.call(self.store.bring_forward, action.platform, action.community_id, self.clock())
                if woken:
                    log.info("outbox: %s %s works again: %d waiting action(s) resume now", action.platform,
                             action.community_id, woken)
                    self.wake()
        elif isinstance(outcome, Retry):
            attempts = action.attempts + (1 if outcome.count else 0)
            if outcome.count and attempts >= self.max_attempts:
                await self._fail(action, f"gave up after {attempts} attempts: {outcome.error}", where)
                return
            at = outcome.at if outcome.at is not None else self.clock() + retry_delay(attempts, base=self.retry_base)
            await self.db.call(self.store.mark_action_failed, action.id, outcome.error, at,
                               maybe_sent=outcome.maybe_sent, count=outcome.count)
            if not outcome.count:
                self._parked.add((action.platform, action.community_id))
            self.metrics.action(action.kind, "retry" if outcome.count else "paused")
            if outcome.count:
                log.info("outbox: %s %s failed (%s); retry in %.0f s", action.method, where, outcome.error,
                         at - self.clock())
        elif isinstance(outcome, Manual):
            await self.db.call(self.store.mark_action_manual, action.id, outcome.reason)
            self.metrics.action(action.kind, "manual")
            log.warning("outbox: %s %s must be done by hand: %s", action.method, where, outcome.reason)
        elif isinstance(outcome, Failed):
            await self._fail(action, outcome.error, where)
        else:  # pragma: no cover - the port has exactly these outcomes
            raise TypeError(f"unknown outcome {outcome!r}")

    # ------------------------------------------------------------------ manual actions

    def _maybe_check_manual(self) -> None:
        now = time.monotonic()
        if self.manual_check_interval <= 0 or now < self._next_manual_check:
            return
        if self._manual_task is not None and not self._manual_task.done():
            return
        self._next_manual_check = now + self.manual_check_interval
        self._manual_task = asyncio.create_task(self.check_manual(), name="outbox-manual-check")

    async def check_manual(self) -> int:
        """Ask the platforms about the manual actions checked least recently (at most
        ``manual_check_batch``); record those found done. Returns how many were confirmed."""
        try:
            manual = await self.db.call(self.store.manual_actions, 5000)
        except Exception as exc:
            log.error("outbox: cannot read manual actions: %s: %s", type(exc).__name__, exc)
            return 0
        live = {a.id for a in manual}
        self._manual_checked = {k: v for k, v in self._manual_checked.items() if k in live}
        candidates = [a for a in manual if a.platform in self.platforms
                      and self.platforms.get(a.platform).capabilities.verify]
        candidates.sort(key=lambda a: self._manual_checked.get(a.id or 0, 0.0))
        confirmed = 0
        for a in candidates[: self.manual_check_batch]:
            if self._stopping:
                break
            assert a.id is not None
            self._manual_checked[a.id] = time.monotonic()
            platform = self.platforms.get(a.platform)
            try:
                seen = await platform.verify(a)
            except Exception as exc:  # an adapter bug must not stop the checks
                log.error("outbox: checking manual action %s failed: %s: %s", a.id, type(exc).__name__, exc)
                continue
            if seen and await self.db.call(self.store.mark_action_done, a.id, {"confirmed_on_platform": True}):
                confirmed += 1
                self.confirmed += 1
                self.metrics.action(a.kind, "confirmed")
                log.info("outbox: manual %s of %s confirmed: a moderator did it on %s", a.kind, platform.describe(a),
                         a.platform)
        return confirmed

    async def _fail(self, action: Action, error: str, where: str) -> None:
        assert action.id is not None
        await self.db.call(self.store.mark_action_failed, action.id, error, None)
        self.failed += 1
        self.metrics.action(action.kind, "failed")
        self.metrics.actions_failed.labels(action.kind).inc()
        line = f"{action.method} {where}: {error}"
        self.last_errors = (self.last_errors + [line])[-20:]
        log.error("outbox: action %s given up: %s", action.id, line)

    async def stop(self, timeout: float = 15.0) -> None:
        """Stop taking new actions and let the ones in flight finish (up to ``timeout``)."""
        self._stopping = True
        self._wake.set()
        if self._manual_task is not None and not self._manual_task.done():
            self._manual_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._manual_task
        tasks = list(self._inflight.values())
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=timeout)
            for t in pending:
                t.cancel()
            for t in pending:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await t


__all__ = ["Outbox", "retry_delay"]
