"""Async facade over the synchronous :class:`~bot.store.Store`.

Why one dedicated thread: SQLite commits take milliseconds and the store serialises them anyway;
running every store call on one worker thread keeps the event loop free (long poll, callbacks,
VK calls stay responsive) and keeps the writes in a single, predictable order.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.store import Store

T = TypeVar("T")


class AsyncStore:
    """``await db.call(fn, *args)`` runs ``fn`` on the store thread; ``db.store`` is the Store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modbot-db")

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    async def get(self, name: str) -> str | None:
        """:class:`bot.platform.Cursors` protocol (adapters keep their positions here)."""
        return await self.call(self.store.get_cursor, name)

    async def set(self, name: str, value: str) -> None:
        await self.call(self.store.set_cursor, name, value)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
