"""One OK group's poller: find its active topics, read their new comments, keep anchors.

OK pushes nothing for group comments (../shared/docs/platform-apis.md §5.2), so every active
topic is polled. Each cycle (every ``poll_interval`` seconds):

1. every ``discovery_interval``: ``group.getStatTopics`` for the topics published within
   ``topic_active_days`` (newly found ones are read from their first comment: nothing is missed);
2. ``mediatopic.getByIds`` for all active topics, 100 per request: their comment counts tell which
   topics changed since they were last read;
3. ``discussions.getComments`` from the anchor of each topic whose count changed (or is unknown),
   the longest unread first, until the cycle's share of the token's budget is used — the rest
   waits for the next cycle, so 300 topics never exceed OK's pace. A topic with no comments costs
   nothing. Every topic is also re-read at least every ``sweep_every`` cycles even if its count
   looks unchanged (a deletion and a new comment cancel out in a count), using at most a quarter of
   a cycle's budget, so the sweep never delays new comments.

The group's topics are also its **publications** (clause 15 counts them): each topic found is
handed to ``deliver_posts`` once per process (the store keeps each once). At the first start —
and after a stop longer than the active window — the topics published since the newest one seen
(first start: ``posts_horizon_days`` back) are read once for that alone, without watching them.

Cursors (the store's ``cursors`` table, names prefixed ``ok:``): ``ok:<group>:topics`` (active
topics and when they were published), ``ok:<group>:posts_seen`` (the newest publication recorded) and ``ok:<group>:topic:<topic>`` (JSON: the anchor after the
last comment stored, and the topic's comment count when it was read to its end, so a restart reads
only what changed). A cursor is written only after the sink has stored the comments it covers: a
crash re-reads a page at most, which the store absorbs (same key and text = same row).

Errors: one log line when the poller starts failing (and why, with what to do), one when it works
again; in between it waits with growing pauses (no hot loop against an expired token).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.config import CommunityConfig, OKSettings
from bot.platform import Cursors, PostEvent
from bot.types import Comment

from .client import OKClient
from .errors import AUTH, QUOTA, REFUSED, Credentials, OKAPIError, OKError, OKTransportError, describe
from .methods import (
    IDS_PER_REQUEST,
    comments_call,
    parse_counts,
    parse_page,
    parse_topics,
    stat_topics_call,
    topic_url,
    topics_by_ids_call,
)

log = logging.getLogger("modbot.ok")

Deliver = Callable[[Sequence[Comment], str], Awaitable[None]]
#: ``await deliver_posts(posts)``: the group's publications, stored before it returns.
DeliverPosts = Callable[[Sequence[PostEvent]], Awaitable[None]]
#: Pages of one topic read in one cycle at most (a topic with thousands of new comments goes on next cycle).
MAX_PAGES = 5
#: Discovery pages per cycle at most.
MAX_DISCOVERY_PAGES = 20
#: Share of the token's pace the poller plans with; the rest is for deletions and checks.
POLL_SHARE = 0.8
DAY = 86400


def topics_cursor(group_id: int) -> str:
    return f"ok:{group_id}:topics"


def anchor_cursor(group_id: int, topic_id: str) -> str:
    return f"ok:{group_id}:topic:{topic_id}"


def posts_cursor(group_id: int) -> str:
    return f"ok:{group_id}:posts_seen"


@dataclass
class Topic:
    id: str
    published: int  # unix; the first time we saw it when OK does not say
    anchor: str | None = None
    count_now: int | None = None  # comments count from the last getByIds
    count_read: int | None = None  # the count when the topic was last read to its end
    last_read: float = field(default_factory=time.monotonic)  # the sweep starts counting when we learn of it

    @property
    def changed(self) -> bool:
        """New comments may be waiting (or OK gives no count: read by turn)."""
        if self.count_now is None:
            return True
        if self.count_read is None:
            return self.count_now > 0
        return self.count_now != self.count_read

    def cursor(self) -> str:
        return json.dumps({"anchor": self.anchor, "count": self.count_read})

    @staticmethod
    def parse_cursor(raw: str | None) -> tuple[str | None, int | None]:
        """(anchor, count when last read to the end) from a stored cursor."""
        if not raw:
            return None, None
        try:
            data = json.loads(raw)
        except ValueError:
            return raw, None  # a bare anchor
        if not isinstance(data, dict):
            return None, None
        anchor, count = data.get("anchor"), data.get("count")
        return (anchor if isinstance(anchor, str) and anchor else None,
                count if isinstance(count, int) and not isinstance(count, bool) else None)


@dataclass
class PollerStats:
    cycles: int = 0
    requests: int = 0
    topics_read: int = 0
    comments: int = 0
    last_cycle_at: float | None = None  # unix
    last_cycle_s: float = 0.0
    backlog: int = 0  # topics due that did not fit the last cycle's budget
    failing: str = ""  # why the poller is failing now ("" when fine)
    extra: dict[str, Any] = field(default_factory=dict)


class GroupPoller:
    """Poll one group until cancelled. ``ready`` is set once its topics are known."""

    def __init__(self, client: OKClient, creds: Credentials, community: CommunityConfig, settings: OKSettings,
                 deliver: Deliver, cursors: Cursors, *, share: int = 1, sweep_every: int = 10,
                 clock: Callable[[], float] = time.time, deliver_posts: DeliverPosts | None = None,
                 posts_horizon_days: float = 400.0) -> None:
        self.client = client
        self.creds = creds
        self.community = community
        self.group_id = community.group_id
        self.settings = settings
        self.deliver = deliver
        self.cursors = cursors
        self.share = max(1, share)
        self.sweep_every = max(1, sweep_every)
        self.clock = clock
        self.deliver_posts = deliver_posts
        self.posts_horizon_days = posts_horizon_days
        #: topics already handed over as publications by this process
        self._posted: set[str] = set()
        self._posts_caught_up = False
        self.topics: dict[str, Topic] = {}
        self.ready = asyncio.Event()
        self.stats = PollerStats()
        self._next_discovery = 0.0
        self._failures = 0
        self._requests_this_cycle = 0

    @property
    def label(self) -> str:
        return f"ok group {self.group_id}" + (f" «{self.community.name}»" if self.community.name else "")

    # ------------------------------------------------------------------ main loop

    async def run(self) -> None:
        await self._load()
        while True:
            started = time.monotonic()
            pause = self.settings.poll_interval
            try:
                await self.cycle()
                self._recovered()
            except OKError as exc:
                pause = self._failing(exc)
            self.stats.last_cycle_s = round(time.monotonic() - started, 3)
            await asyncio.sleep(max(0.0, started + pause - time.monotonic()))

    async def cycle(self) -> None:
        """One round: discovery when due, comment counts, then the due topics within budget."""
        self._requests_this_cycle = 0
        now = time.monotonic()
        if now >= self._next_discovery:
            if not self._posts_caught_up:
                await self.catch_up_posts()
            await self.discover()
            self._next_discovery = now + self.settings.discovery_interval
            self.ready.set()
        self._expire()
        await self._refresh_counts()
        budget = self._budget()
        due = self._due()
        read = 0
        for topic in due:
            if self._requests_this_cycle >= budget:
                break
            await self._read(topic)
            read += 1
        self.stats.backlog = len(due) - read
        self.stats.cycles += 1
        self.stats.last_cycle_at = self.clock()

    def _budget(self) -> int:
        """Requests this group may make per cycle: its share of the token's pace over the interval."""
        pace = self.client.pace(self.creds) * POLL_SHARE / self.share
        return max(2, int(pace * self.settings.poll_interval))

    def _due(self) -> list[Topic]:
        """Changed topics (unread longest first), then at most a quarter of the budget of topics
        unread for ``sweep_every`` cycles whatever their count says."""
        now = time.monotonic()
        sweep = self.settings.poll_interval * self.sweep_every
        changed = sorted((t for t in self.topics.values() if t.changed), key=lambda t: t.last_read)
        stale = sorted((t for t in self.topics.values() if not t.changed and now - t.last_read >= sweep),
                       key=lambda t: t.last_read)
        return changed + stale[: max(1, self._budget() // 4)]

    # ------------------------------------------------------------------ topics

    async def _load(self) -> None:
        raw = await self.cursors.get(topics_cursor(self.group_id))
        known: dict[str, int] = {}
        if raw:
            try:
                data = json.loads(raw)
                known = {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}
            except (ValueError, TypeError):
                log.warning("%s: stored topic list unreadable; rediscovering", self.label)
        for tid, published in known.items():
            anchor, count = Topic.parse_cursor(await self.cursors.get(anchor_cursor(self.group_id, tid)))
            self.topics[tid] = Topic(tid, published, anchor, count_read=count)
        if self.topics:
            log.info("%s: resuming %d active topic(s) from their stored anchors", self.label, len(self.topics))

    async def discover(self) -> None:
        """The group's topics published within the active window; new ones are added."""
        now = self.clock()
        start = int((now - self.settings.topic_active_days * DAY) * 1000)
        anchor: str | None = None
        found: dict[str, int] = {}
        for _ in range(MAX_DISCOVERY_PAGES):
            answer = await self._call(*stat_topics_call(self.group_id, start, int(now * 1000), anchor))
            page, anchor, more = parse_topics(answer)
            found.update(page)
            if not more or not anchor or not page:
                break
        added = 0
        for tid, published in found.items():
            if tid not in self.topics:
                anchor, count = Topic.parse_cursor(await self.cursors.get(anchor_cursor(self.group_id, tid)))
                self.topics[tid] = Topic(tid, published or int(now), anchor, count_read=count)
                added += 1
            elif published:
                self.topics[tid].published = published
        if added:
            log.info("%s: %d new topic(s) to watch (%d active)", self.label, added, len(self.topics))
        await self._save_topics()
        await self._publications({tid: t.published for tid, t in self.topics.items() if tid in found})

    async def catch_up_posts(self) -> None:
        """Once per start: the publications older than the active window that were never recorded
        (the first start, or a stop longer than the window), read for clause 15 alone."""
        if self.deliver_posts is None:
            self._posts_caught_up = True
            return
        now = self.clock()
        raw = await self.cursors.get(posts_cursor(self.group_id))
        seen = int(raw) if raw and raw.isdigit() else None
        since = now - self.posts_horizon_days * DAY if seen is None else seen - DAY
        window = now - self.settings.topic_active_days * DAY
        if since < window:
            anchor: str | None = None
            found: dict[str, int] = {}
            for _ in range(MAX_DISCOVERY_PAGES):
                answer = await self._call(*stat_topics_call(self.group_id, int(since * 1000), int(window * 1000),
                                                            anchor))
                page, anchor, more = parse_topics(answer)
                found.update(page)
                if not more or not anchor or not page:
                    break
            await self._publications(found)
        self._posts_caught_up = True

    async def _publications(self, topics: dict[str, int]) -> None:
        """Hand the group's topics not yet handed over to the daemon as its publications."""
        if self.deliver_posts is None:
            return
        new = {tid: published for tid, published in topics.items() if tid not in self._posted and published}
        if not new:
            return
        await self.deliver_posts([PostEvent("ok", self.group_id, tid, published, topic_url(self.group_id, tid))
                                  for tid, published in sorted(new.items(), key=lambda kv: (kv[1], kv[0]))])
        self._posted.update(new)
        newest = max(new.values())
        raw = await self.cursors.get(posts_cursor(self.group_id))
        if not raw or not raw.isdigit() or int(raw) < newest:
            await self.cursors.set(posts_cursor(self.group_id), str(newest))

    def _expire(self) -> None:
        horizon = self.clock() - self.settings.topic_active_days * DAY
        old = [tid for tid, t in self.topics.items() if t.published and t.published < horizon]
        for tid in old:
            del self.topics[tid]

    async def _save_topics(self) -> None:
        await self.cursors.set(topics_cursor(self.group_id),
                               json.dumps({t.id: t.published for t in self.topics.values()}, sort_keys=True))

    async def _refresh_counts(self) -> None:
        ids = list(self.topics)
        for i in range(0, len(ids), IDS_PER_REQUEST):
            answer = await self._call(*topics_by_ids_call(ids[i:i + IDS_PER_REQUEST]))
            for tid, (published, count) in parse_counts(answer).items():
                t = self.topics.get(tid)
                if t is not None:
                    t.count_now = count
                    if published:
                        t.published = published

    # ------------------------------------------------------------------ comments

    async def _read(self, topic: Topic) -> None:
        """Read the topic from its anchor: store each page, then move the anchor."""
        anchor = initial = topic.anchor
        count_at_start = topic.count_now
        more = False
        for _ in range(MAX_PAGES):
            try:
                answer = await self._call(*comments_call(topic.id, anchor))
            except OKAPIError as exc:
                if exc.gone:  # the topic was deleted: nothing left to watch
                    log.info("%s: topic %s is gone (%s); no longer watched", self.label, topic.id, describe(exc.code))
                    self.topics.pop(topic.id, None)
                    await self._save_topics()
                    return
                raise
            page = parse_page(self.group_id, topic.id, answer, time.time())
            if page.malformed:
                log.warning("%s: %d unreadable comment(s) in topic %s skipped", self.label, page.malformed, topic.id)
            if page.comments:
                await self.deliver(page.comments, "poll")
                self.stats.comments += len(page.comments)
            more = page.has_more and bool(page.comments)
            if page.anchor and page.anchor != anchor:
                anchor = topic.anchor = page.anchor
                if more:
                    await self.cursors.set(anchor_cursor(self.group_id, topic.id), topic.cursor())
            if not more:
                break
        topic.last_read = time.monotonic()
        if not more:
            before = topic.count_read
            topic.count_read = count_at_start
            if anchor != initial or before != count_at_start:
                await self.cursors.set(anchor_cursor(self.group_id, topic.id), topic.cursor())
        self.stats.topics_read += 1

    async def comment_gone(self, topic_id: str) -> None:
        """A comment of the topic was deleted (by us, or by a moderator by hand): its count went
        down, so a new comment would leave the count unchanged and unnoticed — expect one less
        (kept in the cursor too, for a restart). At worst this costs one needless read."""
        t = self.topics.get(topic_id)
        if t is not None and t.count_read:
            t.count_read -= 1
            await self.cursors.set(anchor_cursor(self.group_id, topic_id), t.cursor())

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        self._requests_this_cycle += 1
        self.stats.requests += 1
        return await self.client.call(method, params, self.creds)

    # ------------------------------------------------------------------ failure and recovery

    def _failing(self, exc: OKError) -> float:
        """Log once when the poller starts failing for a reason; wait longer each time."""
        self._failures += 1
        code = getattr(exc, "code", 0)
        if isinstance(exc, OKAPIError) and code in AUTH:
            why = (f"OK rejects the credentials: {describe(code)} — fix the application key/secret "
                   f"([ok]) or the access token ({self.community.access_token_env}) and restart")
            pause = min(900.0, 30.0 * 2 ** min(self._failures - 1, 5))
        elif isinstance(exc, OKAPIError) and code in REFUSED:
            why = (f"OK refuses to show the group's topics: {describe(code)} — the token's owner must be "
                   f"an administrator of the group and the application needs VALUABLE_ACCESS")
            pause = min(900.0, 30.0 * 2 ** min(self._failures - 1, 5))
        elif isinstance(exc, OKAPIError) and code in QUOTA:
            why = f"OK limits the application: {describe(code)}; polling pauses"
            pause = 60.0
        elif isinstance(exc, OKTransportError | OKAPIError):
            why = f"OK unavailable: {exc}"
            pause = min(300.0, self.settings.poll_interval * 2 ** min(self._failures - 1, 5))
        else:  # pragma: no cover - OKError has exactly these kinds
            why, pause = str(exc), self.settings.poll_interval
        key = why.split(":")[0] + str(code)
        if self.stats.failing != key:
            log.error("%s: polling fails — %s; next try in %.0f s", self.label, why, pause)
            self.stats.extra["failing_reason"] = why
            self.stats.extra["problem"] = "опрос OK не удаётся: " + (
                describe(code) if isinstance(exc, OKAPIError) else "OK не отвечает")
        self.stats.failing = key
        return pause

    def _recovered(self) -> None:
        if self.stats.failing:
            log.info("%s: polling works again (after %d failed cycle(s))", self.label, self._failures)
        self.stats.failing = ""
        self.stats.extra.pop("failing_reason", None)
        self.stats.extra.pop("problem", None)
        self._failures = 0

    def health(self) -> dict[str, Any]:
        now = self.clock()
        s = self.stats
        return {
            "topics": len(self.topics), "cycles": s.cycles, "requests": s.requests, "comments": s.comments,
            "backlog_topics": s.backlog, "last_cycle_age_s": round(now - s.last_cycle_at, 1) if s.last_cycle_at else None,
            "last_cycle_s": s.last_cycle_s, "failing": s.extra.get("failing_reason", ""),
            "pace_per_s": round(self.client.pace(self.creds), 2),
        }


__all__ = ["GroupPoller", "Topic", "anchor_cursor", "topics_cursor"]
