"""The OK poller against the emulator: hundreds of topics within the budget, changed topics first,
anchors and the topic list kept as ``ok:`` cursors, old topics dropped, deleted topics forgotten."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from bot.config import CommunityConfig, OKSettings
from bot.daemon.db import AsyncStore
from bot.emulator.ok import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, OKEmulator
from bot.ok.client import OKClient
from bot.ok.errors import Credentials
from bot.ok.poller import GroupPoller, anchor_cursor, topics_cursor
from bot.store import Store
from bot.types import Comment

GROUP = 42
N_TOPICS = 300


class Collected:
    def __init__(self) -> None:
        self.comments: list[Comment] = []

    async def __call__(self, comments: Sequence[Comment], source: str) -> None:
        self.comments += comments


async def _poller(
    emu: OKEmulator, db: AsyncStore, sink: Collected, **settings: float
) -> tuple[GroupPoller, OKClient]:
    token = emu.state.add_group(GROUP, "Большая группа", admin_user_id="77")["access_token"]
    client = OKClient(emu.api_url, rate=settings.pop("rate", 50))
    s = OKSettings(
        poll_interval=settings.pop("poll_interval", 1.0),
        discovery_interval=3600,
        topic_active_days=settings.pop("days", 7),
    )
    community = CommunityConfig(platform="ok", group_id=GROUP, name="Большая группа", access_token_env="X")
    p = GroupPoller(client, Credentials(DEFAULT_APP_KEY, DEFAULT_APP_SECRET, token), community, s, sink, db)
    return p, client


async def test_hundreds_of_topics_stay_within_budget(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    db = AsyncStore(store)
    sink = Collected()
    async with OKEmulator() as emu:
        p, client = await _poller(emu, db, sink, rate=200)
        try:
            # a topic published 10 days ago is outside the 7-day window
            emu.state.add_topic(GROUP, "давно", created_ms=int((time.time() - 10 * 86400) * 1000))
            tids = [emu.add_topic(GROUP, f"Новость {i}") for i in range(N_TOPICS)]
            for i, t in enumerate(tids):
                emu.post_comment(GROUP, t, 500 + i, f"комментарий {i}")
            budget = p._budget()
            assert budget == 160  # 200 req/s × 0.8 for polling × 1 s
            cycles = 0
            while cycles < 20:
                before = len(emu.calls())
                await p.cycle()
                cycles += 1
                assert len(emu.calls()) - before <= budget + 4, "a cycle overran its budget"
                if not p.stats.backlog:
                    break
            assert len(p.topics) == N_TOPICS  # the old topic is not watched
            assert cycles >= N_TOPICS // budget  # spread over cycles, not all at once
            assert sorted(c.author_id for c in sink.comments) == sorted(str(500 + i) for i in range(N_TOPICS))
            # quiet topics cost nothing but the count requests (3 × 100 ids)
            before = len(emu.calls())
            await p.cycle()
            assert {c["method"] for c in emu.calls()[before:]} == {"mediatopic.getByIds"}
            # new comments in 5 topics: exactly those 5 are read, in one cycle
            for t in tids[100:105]:
                emu.post_comment(GROUP, t, 900, "новый комментарий")
            before = len(emu.calls())
            await p.cycle()
            reads = [c for c in emu.calls()[before:] if c["method"] == "discussions.getComments"]
            assert sorted(c["params"]["discussionId"] for c in reads) == sorted(tids[100:105])
            assert len(sink.comments) == N_TOPICS + 5
            # cursors: the topic list and one anchor per read topic, all prefixed ok:
            assert set(eval_topics(store)) == set(tids)
            assert json.loads(store.get_cursor(anchor_cursor(GROUP, tids[100])))["count"] == 2
            # a topic without comments costs nothing: not even one read
            quiet = emu.add_topic(GROUP, "тишина")
            await p.discover()
            before = len(emu.calls())
            await p.cycle()
            assert not [c for c in emu.calls()[before:] if c["params"].get("discussionId") == quiet]
            names = [r["name"] for r in store._rows("SELECT name FROM cursors")]
            assert all(n.startswith(f"ok:{GROUP}:") for n in names)
            # a deleted topic answers 106 and is forgotten
            del emu.state.topics[tids[0]]
            emu.post_comment(GROUP, tids[1], 901, "ещё")
            p.topics[tids[0]].count_now = None
            await p._read(p.topics[tids[0]])
            assert tids[0] not in p.topics and tids[0] not in eval_topics(store)
        finally:
            await client.close()
    db.shutdown()
    store.close()


def eval_topics(store: Store) -> dict[str, int]:
    return json.loads(store.get_cursor(topics_cursor(GROUP)) or "{}")


async def test_without_counts_every_topic_is_read_by_turn(tmp_path: Path) -> None:
    """If OK gave no comment counts, the poller still reads every topic, oldest-read first."""
    store = Store(tmp_path / "p.db")
    db = AsyncStore(store)
    sink = Collected()
    async with OKEmulator() as emu:
        p, client = await _poller(emu, db, sink, rate=40, poll_interval=0.25)  # budget 8 per cycle
        try:
            tids = [emu.add_topic(GROUP, f"Новость {i}") for i in range(20)]
            await p.cycle()
            for t in p.topics.values():
                t.count_now = None
            p._refresh_counts = _noop  # type: ignore[method-assign]
            read: list[str] = []
            for _ in range(6):
                before = len(emu.calls())
                await p.cycle()
                read += [
                    c["params"]["discussionId"]
                    for c in emu.calls()[before:]
                    if c["method"] == "discussions.getComments"
                ]
            assert set(read) == set(tids)
            assert max(read.count(t) for t in tids) - min(read.count(t) for t in tids) <= 1
        finally:
            await client.close()
    db.shutdown()
    store.close()


async def _noop() -> None:
    return None
