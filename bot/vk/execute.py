"""Coalesce calls per token into ``execute`` requests of at most 25 calls.

Why: a user token may make 3 requests per second, and every delete and ban needs the user token.
One ``execute`` carries up to 25 calls and counts as one request, so a single admin token can
act on ~75 comments per second instead of 3. Callers just ``await batcher.submit(...)`` and get
their own call's result (or its own error) back: one failed inner call never fails its siblings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .client import VKClient
from .errors import Token, TokenPaused, VKError

log = logging.getLogger("modbot.vk")

MAX_EXECUTE_CALLS = 25


@dataclass
class _Pending:
    method: str
    params: Mapping[str, Any]
    future: asyncio.Future[Any] = field(repr=False)


class ExecuteBatcher:
    """One queue and one sender task per token; a batch goes out as soon as the token may send.

    ``max_in_flight`` batches per token may wait for their answers at the same time, so one slow
    response does not hold the token's whole queue.
    """

    def __init__(self, client: VKClient, *, max_calls: int = MAX_EXECUTE_CALLS, max_in_flight: int = 4) -> None:
        self.client = client
        self.max_calls = max(1, min(MAX_EXECUTE_CALLS, max_calls))
        self.max_in_flight = max(1, max_in_flight)
        self._queues: dict[str, asyncio.Queue[_Pending]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._inflight: set[asyncio.Task[None]] = set()
        self.batches_sent = 0
        self.calls_sent = 0

    def pending(self) -> int:
        """Calls waiting for a slot, all tokens together (a queue-depth gauge)."""
        return sum(q.qsize() for q in self._queues.values())

    async def submit(self, method: str, params: Mapping[str, Any], token: Token) -> Any:
        """Queue one call and wait for its own result; raises its own VKError."""
        paused = self.client.paused_until(token)
        if paused is not None:
            raise TokenPaused(token, paused, method=method)
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        queue = self._queues.get(token.value)
        if queue is None:
            queue = self._queues[token.value] = asyncio.Queue()
        queue.put_nowait(_Pending(method, params, fut))
        worker = self._workers.get(token.value)
        if worker is None or worker.done():
            self._workers[token.value] = asyncio.create_task(self._run(token, queue), name=f"vk-execute-{token.kind}")
        return await fut

    async def _run(self, token: Token, queue: asyncio.Queue[_Pending]) -> None:
        sem = asyncio.Semaphore(self.max_in_flight)
        limiter = self.client.limiter(token)
        while True:
            first = await queue.get()
            paused = self.client.paused_until(token)
            if paused is not None:
                # Everyone waiting on this token learns at once; the outbox reschedules them.
                self._fail([first, *self._drain(queue, 10**9)], TokenPaused(token, paused))
                continue
            await sem.acquire()
            try:
                await limiter.acquire()
            except BaseException:
                sem.release()
                self._fail([first, *self._drain(queue, 10**9)], asyncio.CancelledError())
                raise
            # While we waited for the slot, more calls arrived: they ride along in this batch.
            batch = [p for p in [first, *self._drain(queue, self.max_calls - 1)] if not p.future.done()]
            paused = self.client.paused_until(token)
            if paused is not None or not batch:
                sem.release()
                if paused is not None:
                    self._fail([*batch, *self._drain(queue, 10**9)], TokenPaused(token, paused))
                continue
            task = asyncio.create_task(self._send(token, batch, sem))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)

    @staticmethod
    def _drain(queue: asyncio.Queue[_Pending], n: int) -> list[_Pending]:
        out: list[_Pending] = []
        while len(out) < n:
            try:
                out.append(queue.get_nowait())
            except asyncio.QueueEmpty:
                break
        return out

    @staticmethod
    def _fail(items: list[_Pending], exc: BaseException) -> None:
        for p in items:
            if not p.future.done():
                if isinstance(exc, asyncio.CancelledError):
                    p.future.cancel()
                else:
                    p.future.set_exception(exc)

    async def _send(self, token: Token, batch: list[_Pending], sem: asyncio.Semaphore) -> None:
        try:
            self.batches_sent += 1
            self.calls_sent += len(batch)
            if len(batch) == 1:
                p = batch[0]
                try:
                    result = await self.client.call(p.method, p.params, token, slot_taken=True)
                except VKError as exc:
                    self._fail(batch, exc)
                    return
                if not p.future.done():
                    p.future.set_result(result)
                return
            try:
                results = await self.client.execute([(p.method, p.params) for p in batch], token, slot_taken=True)
            except VKError as exc:
                self._fail(batch, exc)
                return
            for p, res in zip(batch, results, strict=True):
                if p.future.done():
                    continue
                if isinstance(res, BaseException):
                    p.future.set_exception(res)
                else:
                    p.future.set_result(res)
        except asyncio.CancelledError:
            self._fail(batch, asyncio.CancelledError())
            raise
        except Exception as exc:  # never leave a caller hanging on an unexpected bug
            log.error("execute batch failed unexpectedly: %s: %s", type(exc).__name__, exc)
            self._fail(batch, VKError(f"unexpected {type(exc).__name__}: {exc}"))
        finally:
            sem.release()

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until every queued and in-flight call has an answer (graceful shutdown)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (self.pending() or self._inflight) and loop.time() < deadline:
            await asyncio.sleep(0.02)

    async def close(self) -> None:
        """Cancel the sender tasks; callers still waiting get CancelledError."""
        tasks = [*self._workers.values(), *self._inflight]
        for t in tasks:
            t.cancel()
        for t in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        for q in self._queues.values():
            self._fail(self._drain(q, 10**9), asyncio.CancelledError())
        self._workers.clear()
