"""Bots Long Poll: each community's event history and the ``a_check`` request, with VK's failures 1/2/3."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from typing import TYPE_CHECKING, Any

from .protocol import ControlError

if TYPE_CHECKING:
    from .state import VKState


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

    def fail(self, failed: int) -> None:
        """Fail like VK does.

        1: pending events are dropped and the next a_check answers
        ``{"failed":1,"ts":<now>}`` — the daemon must backfill via
        wall.getComments; 2: key rotated (old key -> failed 2, events kept);
        3: key rotated and events dropped (old key -> failed 3).
        """
        if failed == 1:
            self.drop_all()
            self.pending_failed = 1
            self.wake()
        elif failed in (2, 3):
            if failed == 3:
                self.drop_all()
            self.rotate_key(failed)
        else:
            raise ControlError(400, "failed must be 1, 2 or 3")

    def key_failure(self, key: str) -> int | None:
        """The ``failed`` code a request with ``key`` gets (2 for unknown keys), None for the current key."""
        if key == self.key:
            return None
        return self.retired.get(key, 2)

    def wake(self) -> None:
        self._waiter.set()
        self._waiter = asyncio.Event()

    @property
    def waiter(self) -> asyncio.Event:
        return self._waiter


async def a_check(state: VKState, group_id: int, params: dict[str, str]) -> dict[str, Any]:
    """Bots Long Poll ``a_check``: hold up to ``wait`` s until events arrive, VK-style failures otherwise."""
    state.counters["lp_requests"] += 1
    answer = await _a_check(state, group_id, params)
    failed = answer.get("failed")
    if failed in (1, 2, 3):
        state.counters[f"lp_failed_{failed}"] += 1
    return answer


async def _a_check(state: VKState, group_id: int, params: dict[str, str]) -> dict[str, Any]:
    group = state.groups.get(group_id)
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
        if state.groups.get(group_id) is not group:
            return {"failed": 2}
        failed = lp.key_failure(key)
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
            updates = lp.since(ts, state.lp_batch)
            return {"ts": str(ts + len(updates)), "updates": updates}
        remaining = deadline - loop.time()
        # an outage answers held polls at once (the app turns the answer into a 503 or a dropped connection)
        if remaining <= 0 or state.closing or state.faults.outage() is not None:
            return {"ts": str(lp.last), "updates": []}
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(lp.waiter.wait(), remaining)
