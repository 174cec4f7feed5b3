"""``modbot run`` as a real subprocess, SIGKILLed mid-flight and restarted: nothing lost, nothing twice.

The kill lands while an ``execute`` with deletes and bans is on the wire (the emulator holds that
request for 1.5 s and then performs it), so the restarted daemon finds actions marked in flight
whose effect already happened: it must check, record them done, and not send them again.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from pathlib import Path

from bot.emulator import VKEmulator
from tests.conftest import (
    CLEAN,
    G1,
    G2,
    VIOLATING,
    ok_calls,
    read_only_db,
    settled_db,
    spawn_daemon,
    token_env,
    wait_for,
)

CONFIG = """
database = "{db}"
log_level = "INFO"

[[communities]]
platform = "vk"
group_id = {g1}
name = "Администрация"
group_token_env = "G{g1}"
user_token_env = "U{g1}"
mode = "enforce"

[[communities]]
platform = "vk"
group_id = {g2}
name = "Больница"
group_token_env = "G{g2}"
user_token_env = "U{g2}"
mode = "enforce"
"""


async def test_sigkill_mid_flight_and_restart(vk_emu: VKEmulator, model_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    cfg = tmp_path / "modbot.toml"
    cfg.write_text(CONFIG.format(db=db, g1=G1, g2=G2), encoding="utf-8")
    log = tmp_path / "daemon.log"
    env = {
        **os.environ,
        **token_env(vk_emu),
        "MODBOT_VK_API_URL": vk_emu.api_url,
        "MODBOT_MODEL": str(model_dir),
        "MODBOT_LONGPOLL_WAIT": "1",
        "PYTHONUNBUFFERED": "1",
    }
    posted: list[dict] = []

    def post(n: int, start: int) -> None:
        for i in range(start, start + n):
            text = VIOLATING + f" #{i}" if i % 3 == 0 else CLEAN + f" #{i}"
            posted.append(vk_emu.post_comment(G1 if i % 2 else G2, 9000 + i, text))

    proc = await spawn_daemon(cfg, env, log)
    try:
        await wait_for(
            lambda: (
                "long poll starts" in log.read_text(errors="replace")
                and log.read_text(errors="replace").count("long poll starts") >= 2
            ),
            30,
            what="daemon up",
        )
        post(30, 0)
        await wait_for(lambda: settled_db(db, 30), 30, what="first batch settled")
        # Hold the next request on the wire, then kill the daemon while it waits for the answer.
        fault = vk_emu.add_fault("*", "delay", count=1, delay=1.5)
        post(30, 30)
        await wait_for(lambda: fault.fired, 20, interval=0.005, what="an action request in flight")
        proc.kill()
        assert await proc.wait() == -signal.SIGKILL
        post(15, 60)  # comments while the daemon is down: long poll keeps them for the stored ts
        await asyncio.sleep(1.6)  # the held request is performed by "VK" after the daemon died
        proc = await spawn_daemon(cfg, env, log)
        await wait_for(lambda: settled_db(db, len(posted)), 60, what="everything settled after restart")
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    text = log.read_text(errors="replace")
    assert "in flight at the last stop" in text, text[-3000:]
    with read_only_db(db) as con:
        per_comment = con.execute(
            "SELECT c.key, count(d.id) FROM comments c LEFT JOIN decisions d ON d.comment_row = c.id "
            "AND d.decided_by = 'auto' GROUP BY c.key"
        ).fetchall()
        failed = con.execute("SELECT count(*) FROM actions WHERE state != 'done'").fetchone()[0]
        n_actions = con.execute("SELECT count(*) FROM actions").fetchone()[0]
    assert len(per_comment) == len(posted) == 75
    assert all(n == 1 for _, n in per_comment), [k for k, n in per_comment if n != 1]
    assert failed == 0
    deletes = Counter(
        (c["params"]["owner_id"], c["params"]["comment_id"]) for c in ok_calls(vk_emu, "wall.deleteComment")
    )
    bans = Counter((c["params"]["group_id"], c["params"]["owner_id"]) for c in ok_calls(vk_emu, "groups.ban"))
    want = {(str(-(G1 if i % 2 else G2)), str(p["comment_id"])) for i, p in enumerate(posted) if i % 3 == 0}
    assert set(deletes) == want and all(n == 1 for n in deletes.values()), deletes
    assert len(bans) == len(want) and all(n == 1 for n in bans.values()), bans
    assert n_actions == len(deletes) + len(bans)
    snap = {(c["group_id"], c["id"]): c["deleted"] for c in vk_emu.snapshot()["comments"]}
    assert sum(snap.values()) == len(want)
