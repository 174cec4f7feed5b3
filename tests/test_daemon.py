"""The daemon in-process against the emulator: what gets deleted, banned, left alone, and how."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import aiohttp

from bot.emulator import VKEmulator
from bot.ladder import primary_category
from bot.store import Store
from tests.conftest import (
    ADMIN1,
    CLEAN,
    G1,
    G2,
    VIOLATING,
    DaemonFactory,
    community,
    ok_calls,
    settle,
    wait_for,
)


async def test_violation_is_deleted_and_author_banned_clean_is_untouched(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    bad = vk_emu.post_comment(G1, 5001, VIOLATING)
    good = vk_emu.post_comment(G1, 5002, CLEAN)
    photo = vk_emu.post_comment(G2, 5003, VIOLATING, "photo")
    await settle(d, judged=3)
    deletes = ok_calls(vk_emu, "wall.deleteComment")
    assert [c["params"]["comment_id"] for c in deletes] == [str(bad["comment_id"])]
    assert [c["params"]["comment_id"] for c in ok_calls(vk_emu, "photos.deleteComment")] == [
        str(photo["comment_id"])
    ]
    assert all(c["token_kind"] == "user" for c in deletes)
    bans = {c["params"]["group_id"]: c["params"] for c in ok_calls(vk_emu, "groups.ban")}
    assert set(bans) == {str(G1), str(G2)}
    ban = bans[str(G1)]
    dec = [r for r in d.store.decisions(0) if r["action"] == "delete_and_ban" and r["community_id"] == G1][0]
    assert "obscene" in dec["labels"]
    # The reason code is the config's code for the gravest label (obscene alone → 3, strong language).
    category = primary_category(dec["labels"], dec["scores"])
    assert dec["category"] == category and ban["reason"] == str(d.platforms.get("vk").reason_code(category))
    assert ban["owner_id"] == "5001" and ban["comment_visible"] == "1"
    assert ban["comment"] == d.config.ban_comment(category)
    assert "п. 19" in ban["comment"] and "3520" in ban["comment"]
    assert abs(int(ban["end_date"]) - (time.time() + 86400)) < 120  # ladder step 1: one day
    snap = {(c["group_id"], c["id"]): c for c in vk_emu.snapshot()["comments"]}
    assert snap[(G1, bad["comment_id"])]["deleted"] and not snap[(G1, good["comment_id"])]["deleted"]
    st = d.store.status()
    assert st["actions"] == {"pending": 0, "done": 4, "failed": 0, "manual": 0, "cancelled": 0}
    assert st["decisions"] == {"allow": 1, "delete_and_ban": 2}
    assert dec["evidence"] and "п. 19" in dec["reason"]
    assert d.store.active_ban("vk", G1, 5001) is not None
    # The daemon's own user_block event did not add a second local entry.
    assert len([b for b in d.store.bans() if b.author_id == "5001" and b.community_id == G1]) == 1
    assert d.metrics.latency.labels("delete")._sum.get() > 0


async def test_shadow_mode_records_and_acts_on_nothing(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon([community(G1, mode="shadow"), community(G2, mode="shadow")])
    vk_emu.post_comment(G1, 5101, VIOLATING)
    vk_emu.post_comment(G2, 5102, CLEAN)
    await settle(d, judged=2)
    assert not ok_calls(vk_emu, "wall.deleteComment") and not ok_calls(vk_emu, "groups.ban")
    assert not ok_calls(vk_emu, "execute")
    rows = d.store.decisions(0)
    assert {r["action"] for r in rows} == {"delete_and_ban", "allow"} and {r["mode"] for r in rows} == {
        "shadow"
    }
    assert d.store.status()["actions"]["pending"] == 0 and d.store.bans() == []


async def test_edited_comment_is_judged_again(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    c = vk_emu.post_comment(G1, 5201, CLEAN)
    await settle(d, judged=1)
    assert not ok_calls(vk_emu, "wall.deleteComment")
    vk_emu.edit_comment(G1, c["comment_id"], VIOLATING)
    await settle(d, judged=2)
    assert [x["params"]["comment_id"] for x in ok_calls(vk_emu, "wall.deleteComment")] == [
        str(c["comment_id"])
    ]
    versions = d.store.comment_versions(f"vk:{G1}:wall:{c['post_id']}:{c['comment_id']}")
    assert [v.text for v in versions] == [CLEAN, VIOLATING]


async def test_duplicate_event_is_ignored(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    c = vk_emu.post_comment(G1, 5301, VIOLATING)
    await settle(d, judged=1)
    vk_emu.redeliver(G1, c["event_id"])
    vk_emu.redeliver(G1, c["event_id"])
    await wait_for(lambda: d.counts["duplicates"] >= 2, what="duplicates seen")
    await settle(d)
    assert d.counts["judged"] == 1
    assert len(ok_calls(vk_emu, "wall.deleteComment")) == 1 and len(ok_calls(vk_emu, "groups.ban")) == 1
    assert len(d.store.decisions(0)) == 1


async def test_trusted_user_and_own_community_are_never_acted_on(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon([community(G1, trusted_user_ids=[5401]), community(G2)])
    vk_emu.post_comment(G1, 5401, VIOLATING)
    vk_emu.post_comment(G1, -G1, VIOLATING)
    await settle(d, judged=2)
    assert not ok_calls(vk_emu, "wall.deleteComment") and not ok_calls(vk_emu, "groups.ban")
    rows = d.store.decisions(0)
    assert [r["action"] for r in rows] == ["review", "review"]
    assert "доверенный" in rows[0]["reason"] and "сообщества" in rows[1]["reason"]


async def test_blacklisted_author_is_deleted_without_a_second_ban(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    d.store.ban("vk", 5501, community_id=None, until=None, reason="вручную", decided_by="moderator")
    c1 = vk_emu.post_comment(G1, 5501, CLEAN)  # even a clean comment: the author is blacklisted
    c2 = vk_emu.post_comment(G2, 5501, VIOLATING)
    await settle(d, judged=2)
    deleted = {
        (x["params"]["owner_id"], x["params"]["comment_id"]) for x in ok_calls(vk_emu, "wall.deleteComment")
    }
    assert deleted == {(str(-G1), str(c1["comment_id"])), (str(-G2), str(c2["comment_id"]))}
    assert not ok_calls(vk_emu, "groups.ban")
    assert {r["action"] for r in d.store.decisions(0)} == {"delete"}


async def test_repeat_offender_is_banned_once_then_only_deleted(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    """Two violations in quick succession (the ban not yet applied in VK): one ban, two deletes."""
    d = await make_daemon()
    vk_emu.post_comment(G1, 5601, VIOLATING)
    vk_emu.post_comment(G1, 5601, VIOLATING + "!!")
    await settle(d, judged=2)
    assert len(ok_calls(vk_emu, "wall.deleteComment")) == 2
    assert len(ok_calls(vk_emu, "groups.ban")) == 1


async def test_private_message_violation_goes_to_review(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    vk_emu.post_comment(G1, 5701, VIOLATING, "message")
    await settle(d, judged=1)
    [row] = d.store.decisions(0)
    assert row["action"] == "review" and row["kind"] == "message" and "личное сообщение" in row["reason"]
    assert not ok_calls(vk_emu, "groups.ban") and not ok_calls(vk_emu, "execute")


async def test_error_6_storm_and_5xx_end_with_everything_done(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    vk_emu.add_fault("*", "error", count=15, error_code=6)
    vk_emu.add_fault("*", "http", count=6, status=503)
    vk_emu.add_fault("wall.deleteComment", "error", count=5, error_code=10)
    posted = [
        vk_emu.post_comment(G1 if i % 2 else G2, 5800 + i, VIOLATING if i % 3 == 0 else CLEAN)
        for i in range(24)
    ]
    await settle(d, judged=24, timeout=60)
    st = d.store.status()
    assert st["comments"]["received"] == 0 and st["actions"]["pending"] == 0 and st["actions"]["failed"] == 0
    deleted = {int(x["params"]["comment_id"]) for x in ok_calls(vk_emu, "wall.deleteComment")}
    want = {p["comment_id"] for i, p in enumerate(posted) if i % 3 == 0}
    assert deleted == want
    errors = d.metrics.render().decode()
    assert 'modbot_api_errors_total{code="6"}' in errors


async def test_long_poll_failures_lose_nothing(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    n = 0
    for failed in (1, 2, 3):
        batch = [vk_emu.post_comment(G1, 5900 + n + i, CLEAN + f" {failed}/{i}") for i in range(3)]
        n += len(batch)
        await settle(d, judged=n)
        # Comments posted, then VK loses the history (1 / 3) or rotates the key (2).
        batch = [vk_emu.post_comment(G1, 5950 + n + i, CLEAN + f" потом {failed}/{i}") for i in range(3)]
        # … and a reply in the thread of an older comment (backfill must look inside threads).
        old = vk_emu.snapshot()["comments"][0]
        batch.append(vk_emu.post_comment(G1, 5990 + n, VIOLATING + f" {failed}", reply_to=old["id"]))
        n += len(batch)
        vk_emu.lp_fail(G1, failed)
        # New comments right after the loss move the last-seen cursor; the gap must still be re-read.
        n += len([vk_emu.post_comment(G1, 5970 + n + i, CLEAN + f" сразу {failed}/{i}") for i in range(2)])
        await settle(d, judged=n, timeout=20)
    assert d.platforms.get("vk").receivers[G1].failures == {1: 1, 2: 1, 3: 1}
    posted = {c["id"] for c in vk_emu.snapshot()["comments"] if c["group_id"] == G1}
    stored = {r["comment_key"].rsplit(":", 1)[1] for r in d.store.decisions(0)}
    assert {str(i) for i in posted} == stored
    assert d.counts["judged"] == n  # each exactly once


async def test_malformed_events_do_not_stop_the_daemon(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    await d.platforms.get("vk").deliver(
        G1,
        [
            "garbage",
            {"type": "wall_reply_new", "group_id": G1, "event_id": "x"},
            {
                "type": "wall_reply_new",
                "group_id": G1,
                "event_id": "y",
                "object": {"id": "NaN", "from_id": 1},
            },
        ],
        "longpoll",
    )
    # A broken event inside the long-poll stream itself.
    vk_emu.state.groups[G1].lp.append(
        {"type": "wall_reply_new", "group_id": G1, "event_id": "zz", "object": None}
    )
    vk_emu.state.groups[G1].lp.wake()
    vk_emu.post_comment(G1, 6001, VIOLATING)
    await settle(d, judged=1)
    assert d.counts["malformed"] == 4
    assert len(ok_calls(vk_emu, "wall.deleteComment")) == 1


async def test_captcha_pauses_actions_and_they_resume(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    vk_emu.add_fault("execute", "error", count=1, error_code=14)
    vk_emu.add_fault("wall.deleteComment", "error", count=1, error_code=14)
    c = vk_emu.post_comment(G1, 6101, VIOLATING)
    vk = d.platforms.get("vk")
    await wait_for(lambda: vk.client and vk.client.paused_tokens(), 10, what="token paused")
    await settle(d, judged=1, timeout=20)
    assert [x["params"]["comment_id"] for x in ok_calls(vk_emu, "wall.deleteComment")] == [
        str(c["comment_id"])
    ]
    assert d.store.status()["actions"]["done"] == 2


async def test_vk_block_events_sync_the_local_blacklist(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    import aiohttp as _aiohttp

    async with _aiohttp.ClientSession() as s:  # a human moderator bans someone in VK
        data = {
            "group_id": G1,
            "owner_id": 6201,
            "reason": 1,
            "access_token": f"vk1.a.user{ADMIN1}",
            "v": "5.199",
        }
        async with s.post(vk_emu.api_url + "groups.ban", data=data) as r:
            assert (await r.json())["response"] == 1
    await wait_for(lambda: d.store.active_ban("vk", G1, 6201), what="local ban from user_block")
    async with _aiohttp.ClientSession() as s:
        data = {"group_id": G1, "owner_id": 6201, "access_token": f"vk1.a.user{ADMIN1}", "v": "5.199"}
        async with s.post(vk_emu.api_url + "groups.unban", data=data) as r:
            assert (await r.json())["response"] == 1
    await wait_for(lambda: d.store.active_ban("vk", G1, 6201) is None, what="local ban lifted")


async def test_healthz_and_metrics(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    vk_emu.post_comment(G1, 6301, VIOLATING)
    await settle(d, judged=1)
    assert d.http is not None
    async with aiohttp.ClientSession() as s:
        async with s.get(d.http.url + "/healthz") as r:
            health: dict[str, Any] = await r.json()
            assert r.status == 200 and health["status"] == "ok"
            assert [c["group_id"] for c in health["communities"]] == [G1, G2]
        async with s.get(d.http.url + "/metrics") as r:
            text = await r.text()
    for name in (
        "modbot_comments_judged_total",
        "modbot_actions_total",
        "modbot_api_errors_total",
        "modbot_queue_depth",
        "modbot_event_to_action_seconds_bucket",
    ):
        assert name in text
    assert 'modbot_actions_total{kind="delete",state="done"} 1.0' in text


async def test_interrupted_backfill_is_resumed_at_start(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, tmp_path: Path
) -> None:
    """A backfill request survives a restart: comments VK no longer holds for long poll are re-read."""
    db = tmp_path / "resume.db"
    with Store(db) as s:  # what a daemon killed mid-backfill leaves behind
        s.set_cursor(f"vk:{G1}:backfill_since", "0")
    missed = [vk_emu.post_comment(G1, 6400 + i, VIOLATING if i == 0 else CLEAN) for i in range(3)]
    vk_emu.state.groups[G1].lp.drop_all()  # long poll no longer has them
    d = await make_daemon(db=db)
    await settle(d, judged=3)
    assert [x["params"]["comment_id"] for x in ok_calls(vk_emu, "wall.deleteComment")] == [
        str(missed[0]["comment_id"])
    ]
    assert d.store.get_cursor(f"vk:{G1}:backfill_since") == ""


async def test_model_reload_keeps_the_old_judge_on_failure(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, model_dir: Path, tmp_path: Path
) -> None:
    """SIGHUP reload: a good model is swapped in; a broken path leaves the running judge alone."""
    from dataclasses import replace

    d = await make_daemon(model_path=str(model_dir))
    old = d.judge
    assert await d.reload_model() and d.judge is not old
    d.config = replace(d.config, model_path=tmp_path / "nope")
    current = d.judge
    assert not await d.reload_model() and d.judge is current
    vk_emu.post_comment(G1, 6501, VIOLATING)
    await settle(d, judged=1)
    assert len(ok_calls(vk_emu, "wall.deleteComment")) == 1
