"""Per-token pacing for OK, slowed down while OK answers "flood" (error 8).

Why even spacing rather than VK's sliding window: OK publishes no limit, so there is no window to
fill up to; requests one ``1/rate`` apart are the gentlest way to use a budget we chose ourselves
(5/s by default). Why adaptive: error 8 is the only signal OK gives that we are too fast — each one
halves the pace (down to ``floor``) and the pace creeps back up by a quarter per ``recover_after``
quiet seconds, so a group with hundreds of topics settles where OK stops complaining.
"""

from __future__ import annotations

import asyncio
import time


class AdaptiveLimiter:
    """At most ``rate`` acquisitions per second, evenly spaced, served in arrival order."""

    def __init__(self, rate: float, *, floor: float = 0.2, recover_after: float = 30.0) -> None:
        self.max_rate = max(0.01, float(rate))
        self.rate = self.max_rate
        self.floor = min(floor, self.max_rate)
        self.recover_after = recover_after
        self._next = 0.0
        self._hold_until = 0.0
        self._last_flood = 0.0
        self._lock = asyncio.Lock()
        self.floods = 0

    def _recover(self, now: float) -> None:
        if self.rate < self.max_rate and self._last_flood and now - self._last_flood >= self.recover_after:
            self.rate = min(self.max_rate, self.rate * 1.25)
            self._last_flood = now if self.rate < self.max_rate else 0.0

    def delay(self) -> float:
        """Seconds until an acquisition would go through (0 = now); reserves nothing."""
        now = time.monotonic()
        return max(0.0, self._next - now, self._hold_until - now)

    async def acquire(self) -> None:
        async with self._lock:
            while (d := self.delay()) > 0:
                await asyncio.sleep(d)
            now = time.monotonic()
            self._recover(now)
            self._next = now + 1.0 / self.rate

    def flood(self, hold: float = 1.0) -> float:
        """OK said error 8: halve the pace and hold every caller ``hold`` seconds. Returns the new rate."""
        now = time.monotonic()
        self.floods += 1
        self.rate = max(self.floor, self.rate / 2)
        self._last_flood = now
        self._hold_until = max(self._hold_until, now + hold)
        return self.rate

    def pause(self, seconds: float) -> None:
        """Hold every caller (quota reached, IP blocked)."""
        self._hold_until = max(self._hold_until, time.monotonic() + seconds)

    @property
    def budget_per_second(self) -> float:
        """The pace callers may plan with right now."""
        return self.rate


__all__ = ["AdaptiveLimiter"]
