"""The outbox worker: performs due actions through the VK client, exactly once in effect.

Life of an action: written ``pending`` together with its decision → claimed here (marked "in
flight", pushed out of ``due_actions`` for a lease) → sent through the :class:`ExecuteBatcher`
(coalesced per token into ``execute``) → ``done`` / rescheduled with backoff / ``failed``.

Why the "in flight" mark: a SIGKILL between VK executing a call and us recording ``done`` would
otherwise make the restarted daemon send it again. An action found still marked in flight is first
*checked* (``wall.getComment`` → ``deleted``, ``groups.getBanned`` → listed) and only sent if the
check says it did not happen. Kinds VK gives no way to check are sent again (a repeated delete is a
no-op on VK's side).
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
from bot.store import IN_FLIGHT, Store
from bot.types import Action
from bot.vk.errors import ALREADY_DONE, Token, TokenPaused, VKAPIError, VKError
from bot.vk.execute import ExecuteBatcher
from bot.vk.methods import already_done, verify_call

from .db import AsyncStore

log = logging.getLogger("modbot.outbox")

#: Not found on VK for these methods means "nothing left to do" (photos/market answer 0 instead).
GONE_CODES = frozenset({104})

TokenFor = Callable[[Action], Token | None]


def retry_delay(attempts: int, *, base: float = 1.0, cap: float = 300.0) -> float:
    """Outbox-level backoff (the client already retried a few times within seconds)."""
    top = min(cap, base * 2 ** max(0, min(attempts, 20) - 1))
    return top / 2 + random.random() * top / 2


class Outbox:
    """Poll the store for due actions and perform them; never raises out of :meth:`run`."""

    def __init__(
        self,
        db: AsyncStore,
        batcher: ExecuteBatcher,
        token_for: TokenFor,
        metrics: Metrics,
        *,
        poll_interval: float = 0.05,
        lease: float = 600.0,
        max_attempts: int = 40,
        batch: int = 500,
        retry_base: float = 1.0,
        max_in_flight: int = 200,
        on_done: Callable[[Action, Any], None] | None = None,
    ) -> None:
        self.db = db
        self.batcher = batcher
        self.token_for = token_for
        self.metrics = metrics
        self.poll_interval = poll_interval
        self.lease = lease
        self.max_attempts = max_attempts
        self.batch = batch
        self.retry_base = retry_base
        self.max_in_flight = max(1, max_in_flight)
        self.on_done = on_done
        self._wake = asyncio.Event()
        self._inflight: dict[int, asyncio.Task[None]] = {}
        self._stopping = False
        self.done = 0
        self.failed = 0
        self.last_errors: list[str] = []

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

        At most ``max_in_flight`` actions are claimed at a time: an action is marked in flight only
        shortly before the batcher can send it, so a crash leaves few "maybe sent" actions to check.
        """
        backlog: list[Action] = []
        if resume:
            try:
                backlog = await self.db.call(self.store.due_actions, time.time() + 10 * 365 * 86400, 1_000_000)
            except Exception as exc:
                log.error("outbox: cannot read pending actions at start: %s", exc)
            if backlog:
                leased = sum(1 for a in backlog if a.error.startswith(IN_FLIGHT))
                log.info("outbox: resuming %d unfinished action(s) (%d were in flight at the last stop)",
                         len(backlog), leased)
                self._wake.set()
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            self._wake.clear()
            if self._stopping:
                break
            room = self.max_in_flight - len(self._inflight)
            if room <= 0:
                continue
            if backlog:
                take, backlog = backlog[:room], backlog[room:]
                await self._dispatch(take)
                continue
            try:
                due = await self.db.call(self.store.due_actions, time.time(), min(room, self.batch))
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
        try:
            await self.db.call(self._claim, actions, time.time())
        except Exception as exc:
            log.error("outbox: cannot claim %d action(s): %s: %s", len(actions), type(exc).__name__, exc)
            await asyncio.sleep(0.5)
            return
        for a in actions:
            assert a.id is not None
            self._inflight[a.id] = asyncio.create_task(self._perform(a), name=f"action-{a.id}")

    def _claim(self, actions: list[Action], now: float) -> None:
        """Mark actions in flight (store thread). Uses ``Store.claim_actions`` when it exists."""
        claim = getattr(self.store, "claim_actions", None)
        ids = [a.id for a in actions if a.id is not None]
        if callable(claim):
            claim(ids, now + self.lease, now=now)
            return
        for a in actions:
            assert a.id is not None
            self.store.mark_action_failed(a.id, f"{IN_FLIGHT} since {now:.0f}", retry_at=now + self.lease, now=now)

    async def _perform(self, action: Action) -> None:
        assert action.id is not None
        try:
            token = self.token_for(action)
            if token is None:
                await self._fail(action, "no token configured for this community/method", permanent=True)
                return
            if action.error.startswith(IN_FLIGHT) and await self._verified(action, token):
                return
            try:
                result = await self.batcher.submit(action.method, action.params, token)
            except TokenPaused as exc:
                await self._reschedule(action, f"captcha: {exc.token.masked} paused", exc.until, count=False)
                return
            except VKAPIError as exc:
                if exc.code in ALREADY_DONE.get(action.kind, ()) or (
                        action.kind == "delete" and exc.code in GONE_CODES):
                    await self._done(action, {"already": exc.code})
                    return
                if exc.transient:
                    await self._transient(action, str(exc))
                else:
                    await self._fail(action, str(exc), permanent=True)
                return
            except VKError as exc:
                # Network error or 5xx: VK may have executed the call before the answer got lost,
                # so the retry checks first (the mark makes _verified run next time).
                await self._transient(action, f"{IN_FLIGHT} (answer lost): {exc}")
                return
            await self._done(action, result)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug here must not kill the worker; the action stays claimed
            log.error("outbox: action %s failed unexpectedly: %s: %s", action.id, type(exc).__name__, exc)
        finally:
            self._inflight.pop(action.id, None)
            self._wake.set()  # room for the next one

    async def _verified(self, action: Action, token: Token) -> bool:
        """After a crash: did the platform already do it? True = recorded as done here."""
        call = verify_call(action.method, action.params)
        if call is None:
            return False
        try:
            result = await self.batcher.submit(call[0], call[1], token)
        except VKAPIError as exc:
            if exc.code == 104:
                return False
            log.info("outbox: could not check action %s (%s); sending it", action.id, exc)
            return False
        except VKError:
            return False
        if already_done(action.method, result):
            log.info("outbox: %s %s was already done before the restart; not sending it again",
                     action.method, _target(action))
            await self._done(action, {"verified": True})
            return True
        return False

    async def _done(self, action: Action, result: Any) -> None:
        assert action.id is not None
        await self.db.call(self.store.mark_action_done, action.id, result)
        self.done += 1
        self.metrics.action(action.kind, "done")
        if self.on_done is not None:
            self.on_done(action, result)

    async def _transient(self, action: Action, error: str) -> None:
        attempts = action.attempts + 1
        if attempts >= self.max_attempts:
            await self._fail(action, f"gave up after {attempts} attempts: {error}", permanent=True)
            return
        delay = retry_delay(attempts, base=self.retry_base)
        await self._reschedule(action, error, time.time() + delay)
        log.info("outbox: %s %s failed (%s); retry in %.0f s", action.method, _target(action), error, delay)

    async def _reschedule(self, action: Action, error: str, at: float, *, count: bool = True) -> None:
        assert action.id is not None
        await self.db.call(self.store.mark_action_failed, action.id, error, at)
        self.metrics.action(action.kind, "retry" if count else "paused")

    async def _fail(self, action: Action, error: str, *, permanent: bool) -> None:
        assert action.id is not None
        await self.db.call(self.store.mark_action_failed, action.id, error, None)
        self.failed += 1
        self.metrics.action(action.kind, "failed")
        line = f"{action.method} {_target(action)}: {error}"
        self.last_errors = (self.last_errors + [line])[-20:]
        log.error("outbox: action %s given up: %s", action.id, line)

    async def stop(self, timeout: float = 15.0) -> None:
        """Stop taking new actions and let the ones in flight finish (up to ``timeout``)."""
        self._stopping = True
        self._wake.set()
        tasks = list(self._inflight.values())
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=timeout)
            for t in pending:
                t.cancel()
            for t in pending:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await t


def _target(action: Action) -> str:
    p = action.params
    if action.kind in ("ban", "unban"):
        return f"user {p.get('owner_id')} in group {p.get('group_id')}"
    owner = p.get("owner_id", -int(p.get("group_id", 0) or 0))
    return f"comment {owner}/{p.get('comment_id')}"


__all__ = ["IN_FLIGHT", "Outbox", "retry_delay"]
