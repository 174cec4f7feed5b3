"""``modbot run`` on an OK group as a real subprocess, SIGKILLed mid-flight and restarted.

The kill lands while a ``discussions.deleteDiscussionComment`` is on the wire (the emulator holds it
for 1.5 s and then performs it), and comments keep arriving while the daemon is down. The restarted
daemon must resume every topic from its stored anchor (nothing missed, nothing judged twice) and
check the in-flight deletion on OK instead of sending it again.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from pathlib import Path

from bot.emulator.ok import OKEmulator
from tests.conftest import CLEAN, VIOLATING, read_only_db, settled_db, spawn_daemon, wait_for
from tests.okhelp import OKG, ok_env, topics

CONFIG = """
database = "{db}"
log_level = "INFO"

[ok]
application_key_env = "OK_APP_KEY"
application_secret_env = "OK_APP_SECRET"
poll_interval = 0.3
requests_per_second = 50
discovery_interval = 1

[[communities]]
platform = "ok"
group_id = {g}
name = "Администрация (ОК)"
access_token_env = "OKT{g}"
mode = "enforce"
delete_enabled = true
"""


async def test_sigkill_mid_flight_and_restart(ok_emu: OKEmulator, model_dir: Path, tmp_path: Path) -> None:
    ok_emu.state.set_deletion("enabled")
    db, cfg, log = tmp_path / "kill.db", tmp_path / "modbot.toml", tmp_path / "daemon.log"
    cfg.write_text(CONFIG.format(db=db, g=OKG), encoding="utf-8")
    env = {
        **os.environ,
        **ok_env(ok_emu),
        "MODBOT_OK_API_URL": ok_emu.api_url,
        "MODBOT_MODEL": str(model_dir),
        "PYTHONUNBUFFERED": "1",
    }
    ts = topics(ok_emu)
    posted: list[dict] = []

    def post(n: int, start: int) -> None:
        for i in range(start, start + n):
            text = VIOLATING + f" #{i}" if i % 3 == 0 else CLEAN + f" #{i}"
            posted.append(ok_emu.post_comment(OKG, ts[i % len(ts)], 8000 + i, text))

    proc = await spawn_daemon(cfg, env, log)
    try:
        await wait_for(lambda: "modbot is running" in log.read_text(errors="replace"), 30, what="daemon up")
        post(12, 0)
        await wait_for(lambda: settled_db(db, 12), 30, what="first batch settled")
        fault = ok_emu.add_fault("discussions.deleteDiscussionComment", "delay", count=1, delay=1.5)
        post(12, 12)
        await wait_for(lambda: fault.fired, 20, interval=0.005, what="a deletion in flight")
        proc.kill()
        assert await proc.wait() == -signal.SIGKILL
        post(9, 24)  # while the daemon is down
        await asyncio.sleep(1.6)  # OK performs the held deletion after the daemon died
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
    assert "resuming" in text and "active topic(s) from their stored anchors" in text
    with read_only_db(db) as con:
        per_comment = con.execute(
            "SELECT c.key, count(d.id) FROM comments c LEFT JOIN decisions d ON d.comment_row = c.id "
            "AND d.decided_by = 'auto' GROUP BY c.key"
        ).fetchall()
        not_done = con.execute("SELECT count(*) FROM actions WHERE state != 'done'").fetchone()[0]
    assert len(per_comment) == len(posted) == 33
    assert all(n == 1 for _, n in per_comment), [k for k, n in per_comment if n != 1]
    assert not_done == 0
    deletes = Counter(
        c["params"]["comment_id"]
        for c in ok_emu.calls("discussions.deleteDiscussionComment")
        if c["error_code"] is None
    )
    want = {p["comment_id"] for i, p in enumerate(posted) if i % 3 == 0}
    assert set(deletes) == want and all(n == 1 for n in deletes.values()), deletes
    assert not [c for c in ok_emu.calls("discussions.deleteDiscussionComment") if c["error_code"] == 141]
    assert {cid for cid, c in ok_emu.state.comments.items() if c.deleted} == want
