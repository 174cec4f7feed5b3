"""The page's own publications read from its wall (``wall.get``): clause 15 counts them.

``wall_post_new`` events bring new posts as they appear; this reader fills what events cannot:
the posts published before modbot's first start (back ``horizon_days``, so the first quarterly
report already has them), those published while it was down or while long-poll history was
lost, and — every ``refresh`` seconds — anything a lost callback delivery missed. Reading is
cheap (one ``wall.get`` of 100 posts covers weeks of a page) and storing is idempotent (the
store keeps each post once), so it errs on the side of reading again.

``wall.get`` needs a user token (VK refuses a community token with error 27): without one only
the events are recorded, and the log says so once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bot.platform import Cursors, PostEvent

from .client import VKClient
from .errors import Token, TokenPaused
from .events import wall_posts_from_api

log = logging.getLogger("modbot.vk")

#: ``await sink(posts)``: store them (through the daemon's sink) before returning.
PostSink = Callable[[Sequence[PostEvent]], Awaitable[None]]
#: A re-read starts this long before the newest post seen (a scheduled post carries its
#: publication time, which can be a little older than the moment VK shows it).
OVERLAP = 86400
PAGE = 100


def posts_cursor(group_id: int) -> str:
    """The newest publication date seen on the wall (unix seconds)."""
    return f"vk:{group_id}:wall_posts_seen"


class WallPostReader:
    """Reads one community's own posts (``filter=owner``) newer than the last one seen."""

    def __init__(self, client: VKClient, group_id: int, user_token: Token, cursors: Cursors, sink: PostSink, *,
                 horizon_days: int = 400, max_pages: int = 50) -> None:
        self.client = client
        self.group_id = group_id
        self.token = user_token
        self.cursors = cursors
        self.sink = sink
        self.horizon_days = horizon_days
        self.max_pages = max_pages
        self.runs = 0
        self.found = 0

    async def run(self) -> int:
        """One pass: read back to the newest post seen (first start: ``horizon_days``), store the
        community's own publications, move the cursor. Returns how many posts were read."""
        self.runs += 1
        raw = await self.cursors.get(posts_cursor(self.group_id))
        seen = int(raw) if raw and raw.lstrip("-").isdigit() else None
        since = seen - OVERLAP if seen is not None else time.time() - self.horizon_days * 86400
        found: dict[str, PostEvent] = {}
        offset = 0
        for _ in range(self.max_pages):
            page = await self.client.call("wall.get", {"owner_id": -self.group_id, "count": PAGE, "offset": offset,
                                                       "filter": "owner"}, self.token)
            items = page.get("items", []) if isinstance(page, dict) else []
            for post in wall_posts_from_api(self.group_id, items):
                if post.created_at >= since:
                    found.setdefault(post.post_id, post)
            offset += len(items)
            # A pinned post comes first whatever its age: it says nothing about where the page ends.
            dates = [i.get("date") for i in items
                     if isinstance(i, dict) and not i.get("is_pinned") and isinstance(i.get("date"), int)]
            if len(items) < PAGE or (dates and min(dates) < since):
                break
        posts = sorted(found.values(), key=lambda p: (p.created_at, p.post_id))
        if posts:
            await self.sink(posts)
            newest = max(p.created_at for p in posts)
            if seen is None or newest > seen:
                await self.cursors.set(posts_cursor(self.group_id), str(newest))
        self.found += len(posts)
        log.info("vk group %d: read %d publication(s) of the page from its wall", self.group_id, len(posts))
        return len(posts)


class PostWatcher:
    """Runs a :class:`WallPostReader` at start, every ``refresh`` seconds and when woken (lost
    long-poll history); a failed read is retried after a minute and never stops the adapter."""

    def __init__(self, reader: WallPostReader, *, refresh: float) -> None:
        self.reader = reader
        self.refresh = refresh
        self._wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self._loop(), name=f"vk-posts-{self.reader.group_id}")

    def wake(self) -> None:
        self._wake.set()

    async def _loop(self) -> None:
        while True:
            delay = self.refresh * (0.9 + random.random() / 5)
            try:
                await self.reader.run()
            except asyncio.CancelledError:
                raise
            except TokenPaused as exc:
                delay = max(1.0, exc.until - time.time())
            except Exception as exc:  # a bug or VK error must not stop the adapter
                log.error("vk group %d: cannot read the page's posts from its wall (%s: %s); retrying in 60 s",
                          self.reader.group_id, type(exc).__name__, exc)
                delay = 60.0
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    def health(self) -> dict[str, Any]:
        return {"wall_reads": self.reader.runs, "wall_posts_read": self.reader.found}
