"""Per-token sliding-window rate limiter.

Why sliding window (not a token bucket): VK counts requests per token in any 1-second window
(3/s for user tokens, 20/s for community tokens). A bucket that refills continuously allows a
burst of ``rate`` right after a quiet second plus refills, which VK answers with error 6. A
small ``margin`` absorbs the jitter between our clock and the arrival time at the server.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque


class RateLimiter:
    """At most ``rate`` acquisitions in any ``period + margin`` seconds (``rate`` ≤ 0 = unlimited)."""

    def __init__(self, rate: float, period: float = 1.0, margin: float = 0.06) -> None:
        self.rate = int(rate) if rate and rate > 0 else 0
        self.period = period + margin
        self._sent: deque[float] = deque()
        self._lock = asyncio.Lock()
        self._hold_until = 0.0

    def _prune(self, now: float) -> None:
        horizon = now - self.period
        while self._sent and self._sent[0] <= horizon:
            self._sent.popleft()

    def delay(self) -> float:
        """Seconds until an acquisition would succeed (0 = now); reserves nothing."""
        now = time.monotonic()
        wait = max(0.0, self._hold_until - now)
        if not self.rate:
            return wait
        self._prune(now)
        if len(self._sent) < self.rate:
            return wait
        return max(wait, self._sent[0] + self.period - now)

    async def ready(self) -> None:
        """Wait until a slot is free, without taking it (the batcher then drains its queue)."""
        while (d := self.delay()) > 0:
            await asyncio.sleep(d)

    async def acquire(self) -> None:
        """Wait for and take one slot. Callers are served in arrival order (the lock is FIFO)."""
        async with self._lock:
            while (d := self.delay()) > 0:
                await asyncio.sleep(d)
            if self.rate:
                self._sent.append(time.monotonic())

    def penalize(self, seconds: float) -> None:
        """After an error 6 the server's window is fuller than ours: hold every caller a while."""
        self._hold_until = max(self._hold_until, time.monotonic() + seconds)
