"""Issue 7's defects, each against the emulator: nothing a comment, a token or an operator does can
stop moderation, and no failed action is forgotten."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.cli import main
from bot.emulator import VKEmulator
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

UTOK1 = f"vk1.a.user{ADMIN1}"


def _deleted(vk_emu: VKEmulator, comment_id: int) -> bool:
    return {c["id"]: c for c in vk_emu.snapshot()["comments"] if c["group_id"] == G1}[comment_id]["deleted"]


async def test_lone_surrogate_does_not_stop_the_page(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    poisoned = vk_emu.post_comment(G1, 5001, "иди нахуй \ud83d урод")
    after = vk_emu.post_comment(G1, 5002, VIOLATING)
    await settle(d, judged=2)
    assert _deleted(vk_emu, after["comment_id"])  # the page goes on
    row = d.store.get_comment(f"vk:{G1}:wall:{poisoned['post_id']}:{poisoned['comment_id']}")
    assert row.text == "иди нахуй \ufffd урод" and row.state != "received"
    original = d.store.db.execute("SELECT text_original FROM comments WHERE id = ?", (row.id,)).fetchone()[0]
    assert json.loads(original) == "иди нахуй \ud83d урод"  # the original stays recoverable
    assert _deleted(vk_emu, poisoned["comment_id"])  # and it was judged like any other


async def test_huge_ids_are_recorded_and_skipped(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    lp = vk_emu.state.groups[G1].lp
    lp.append(
        {
            "type": "wall_reply_new",
            "group_id": G1,
            "event_id": "huge-1",
            "v": "5.199",
            "object": {
                "id": 10**30,
                "from_id": 10**30,
                "date": 10**30,
                "text": VIOLATING,
                "post_id": 10**30,
                "post_owner_id": -G1,
            },
        }
    )
    lp.wake()
    after = vk_emu.post_comment(G1, 5002, VIOLATING)
    await settle(d, judged=1)
    assert _deleted(vk_emu, after["comment_id"])  # the page goes on
    (p,) = d.store.poison()  # the unreadable event is recorded once, not retried
    assert p["stage"] == "parse" and p["event_id"] == "huge-1" and "64 bits" in p["error"]


async def test_callback_survives_poison_and_deep_json(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon(
        [community(G1, receive_mode="callback", confirmation_env="CONFIRM1"), community(G2)],
        callback={"secret_env": "CB_SECRET"},
    )
    url = f"{d.http.url}/vk/callback"
    envelope = {
        "type": "wall_reply_new",
        "group_id": G1,
        "event_id": "cb-poison",
        "secret": "s3cr3t",
        "v": "5.199",
        "object": {
            "id": 9,
            "from_id": 5001,
            "date": 1,
            "text": "мат \ud83d",
            "post_id": 1,
            "post_owner_id": -G1,
        },
    }
    async with aiohttp.ClientSession() as s:
        body = json.dumps(envelope)  # ASCII, with the lone surrogate escaped as VK would send it
        for _ in range(2):  # a redelivery is answered "ok" too: never 500 forever
            async with s.post(url, data=body) as r:
                assert r.status == 200 and await r.text() == "ok"
        deep = "[" * 100_000 + "]" * 100_000
        async with s.post(url, data=deep) as r:
            assert r.status == 400 and "too deeply" in await r.text()
    await settle(d, judged=1)


async def test_revoked_token_waits_and_its_actions_go_through_after(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    fault = vk_emu.add_fault("*", "error", -1, error_code=5, token=UTOK1, where="both")
    bad = vk_emu.post_comment(G1, 5001, VIOLATING)
    await wait_for(lambda: d.counts["judged"] >= 1, 20, what="judged")  # judged and journalled …
    await wait_for(lambda: d.platforms.get("vk").health()["broken_tokens"], 10, what="token paused")
    actions = d.store.actions(("pending", "failed"))
    assert actions and all(a["state"] == "pending" for a in actions)  # … nothing failed
    health = await d.health()
    assert health["status"] == "degraded" and any("не работает" in p for p in health["problems"])
    vk_emu.remove_fault(fault)
    await wait_for(
        lambda: _deleted(vk_emu, bad["comment_id"]), 30, what="deleted after the token works again"
    )
    await settle(d, timeout=30)
    assert d.store.actions(("failed",)) == []
    assert (await d.health())["status"] == "ok"


async def test_an_error_of_one_action_fails_only_it_and_can_be_retried(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    d = await make_daemon()
    vk_emu.add_fault("groups.ban", "error", 1, error_code=100, where="both")
    vk_emu.post_comment(G1, 5001, VIOLATING)
    await settle(d, judged=1)
    (failed,) = d.store.actions(("failed",))
    assert failed["kind"] == "ban" and "100" in failed["last_error"]
    ban = d.store.active_ban("vk", G1, "5001")
    assert ban is not None and ban.platform_error and "не выполнен" in ban.platform_error
    db = str(d.config.database)
    assert main(["status", "--db", db]) == 0
    assert "needs attention" in capsys.readouterr().out
    assert main(["actions", "retry", "--failed", "--db", db]) == 0
    d.outbox.wake()
    await settle(d)
    assert d.store.actions(("failed",)) == [] and len(ok_calls(vk_emu, "groups.ban")) == 1
    assert d.store.active_ban("vk", G1, "5001").platform_error is None
    # error 15 on one comment while the token still moderates: that action fails, the token is not paused
    vk_emu.add_fault("wall.deleteComment", "error", 1, error_code=15, where="both")
    vk_emu.post_comment(G1, 5002, VIOLATING)
    await settle(d, judged=2)
    assert [a["kind"] for a in d.store.actions(("failed",))] == ["delete"]
    assert d.platforms.get("vk").health()["broken_tokens"] == []


async def test_huge_blacklist_durations_are_refused_and_never_stall(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = await make_daemon()
    db = str(d.config.database)
    for days in ("100000000000000", "3000000", "-1"):
        assert main(["blacklist", "add", "777", "--db", db, "--days", days]) == 2
    assert "срок блокировки" in capsys.readouterr().err
    # a row written by an older release with an end beyond year 9999: decisions and listings cope
    d.store.ban("vk", "778", community_id=None, until=10**14, reason="старый релиз")
    vk_emu.post_comment(G1, 777, VIOLATING)
    vk_emu.post_comment(G1, 778, CLEAN)
    vk_emu.post_comment(G1, 779, VIOLATING)
    await settle(d, judged=3)
    by_author = {r["author_id"]: r for r in d.store.decisions(0)}
    assert by_author["778"]["action"] == "delete" and "чёрном списке" in by_author["778"]["reason"]
    assert by_author["779"]["action"] == "delete_and_ban"
    assert main(["blacklist", "list", "--db", db]) == 0
    assert "778" in capsys.readouterr().out


async def test_padding_and_bidi_do_not_hide_mat(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon()
    posted = [
        vk_emu.post_comment(G1, 5100 + i, text)
        for i, text in enumerate(
            [
                " " * 5000 + "иди нахуй, дебил",
                "\n" * 5000 + "иди нахуй, дебил",
                "хорошая погода сегодня " * 220 + "иди нахуй, дебил",
                "\u202eйух\u202c",
            ]
        )
    ]
    await settle(d, judged=len(posted))
    assert all(_deleted(vk_emu, p["comment_id"]) for p in posted)


async def test_stalled_long_poll_is_reported(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon(options={"stall_seconds": 1.0}, vk={"stall_seconds": 1.0})
    assert (await d.health())["status"] == "ok"
    fault = vk_emu.add_fault("*", "down", duration=30, mode="503")
    await wait_for(lambda: _problem(d), 15, what="degraded")
    async with aiohttp.ClientSession() as s, s.get(f"{d.http.url}/healthz") as r:
        assert r.status == 503 and "long poll" in (await r.json())["problems"][0]
    vk_emu.remove_fault(fault)
    await wait_for(lambda: _ok(d), 20, what="ok again")


async def _problem(d: Any) -> bool:
    return (await d.health())["status"] == "degraded"


async def _ok(d: Any) -> bool:
    return (await d.health())["status"] == "ok"


def test_status_works_while_another_process_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "busy.db"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sqlite3, sys, time
        c = sqlite3.connect({str(db)!r}, isolation_level=None)
        c.execute("BEGIN EXCLUSIVE")
        c.execute("INSERT INTO cursors (name, value, updated_at) VALUES ('x', 'y', 0)")
        print("locked", flush=True)
        time.sleep(30)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        assert main(["status", "--db", str(db)]) == 0
        assert main(["decisions", "--db", str(db), "--since", "1"]) == 0
        assert main(["blacklist", "list", "--db", str(db)]) == 0
        assert time.monotonic() - started < 5  # no waiting for the writer's lock
        assert "database" in capsys.readouterr().out
    finally:
        holder.kill()
        holder.wait()


def test_database_is_private_and_operator_mistakes_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "new.db"
    Store(db).close()
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    monkeypatch.chdir(tmp_path)
    assert main(["blacklist", "add", "777", "--config", str(tmp_path / "nonexistent.toml")]) == 2
    assert "config file not found" in capsys.readouterr().err
    assert not (tmp_path / "blacklist.db").exists()
    for bad in ("nan", "inf", "-3", "вчера"):
        assert main(["decisions", "--db", str(db), "--since", bad]) == 2


def test_poison_is_recorded_once_with_an_ascii_copy(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as s:
        s.record_poison(
            "store",
            "boom \ud83d",
            platform="vk",
            community_id=1,
            event_id="e\ud83d",
            payload={"text": "x\ud83dy"},
        )
        (p,) = s.poison()
        assert p["error"] == "boom \ufffd" and "\\ud83d" in p["payload"]
        assert s.event_seen("vk", 1, "e\ufffd")
        s.record_poison("store", "too big", platform="vk", community_id=10**30, event_id="e2")
        assert s.poison()[0]["community_id"] is None
    with sqlite3.connect(tmp_path / "p.db") as c:
        assert c.execute("SELECT count(*) FROM poison").fetchone()[0] == 2
