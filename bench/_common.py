"""Shared bits of the benchmarks: where the data is, how to print the reproducing command, and for the
benchmarks that run ``modbot run`` against the emulator (``e2e.py``, ``chaos.py``): the daemon subprocess,
reading its database, and what VK performed."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shlex
import signal
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def finish(figures: dict) -> None:
    """Print the reproducing command, then the figures as the last line (one JSON object)."""
    print("reproduce: " + " ".join(shlex.quote(a) for a in [".venv/bin/python", *sys.argv]))
    print(json.dumps(figures, ensure_ascii=False))


def ensure_model(out: Path) -> Path:
    env_model = os.environ.get("MODBOT_MODEL")
    if env_model:
        return Path(env_model)
    default = ROOT / "models" / "default"
    if (default / "meta.json").exists():
        return default
    from moderation.training import train

    print("models/default is missing: training a small model from the seed corpus", flush=True)
    target = out / "model"
    train([ROOT / "moderation" / "corpus" / "seed.tsv"], target, progress=None)
    return target


def vm_hwm_mb(pid: int) -> float:
    """Peak resident set of a process (Linux ``VmHWM``), MB; 0 if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class DaemonProc:
    """The ``modbot run`` subprocess, restartable; tracks peak RSS across incarnations."""

    def __init__(self, cfg: Path, env: dict[str, str], log: Path) -> None:
        self.cfg, self.env, self.log = cfg, env, log
        self.proc: asyncio.subprocess.Process | None = None
        self.peak_rss = 0.0
        self.starts = 0
        self.kills = 0

    async def start(self) -> None:
        self.starts += 1
        with self.log.open("ab") as fh:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", "--config", str(self.cfg), cwd=str(ROOT), env=self.env,
                stdout=fh, stderr=asyncio.subprocess.STDOUT)

    def sample(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.peak_rss = max(self.peak_rss, vm_hwm_mb(self.proc.pid))

    async def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.sample()
            self.proc.kill()
            await self.proc.wait()
            self.kills += 1

    async def stop(self) -> int | None:
        if self.proc is None or self.proc.returncode is not None:
            return self.proc.returncode if self.proc else None
        self.sample()
        self.proc.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.proc.wait(), 60)
        except TimeoutError:
            self.proc.kill()
            return await self.proc.wait()


def db_counts(db: Path) -> tuple[int, int]:
    """(comments judged, actions pending) from the daemon's database (read-only)."""
    if not db.exists():
        return 0, 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            judged = con.execute("SELECT count(*) FROM comments WHERE state != 'received'").fetchone()[0]
            pending = con.execute("SELECT count(*) FROM actions WHERE state = 'pending'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0, 1
    return int(judged), int(pending)


async def wait_ready(log: Path, starts: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and log.read_text(errors="replace").count("modbot is running") >= starts:
            return
        await asyncio.sleep(0.05)
    raise SystemExit(f"daemon did not start within {timeout} s; see {log}")


def vk_effects(state: Any) -> tuple[dict[tuple[str, int, int], float], Counter, Counter]:
    """What the emulator performed: first successful delete per (kind, group, comment) (arrival, ms),
    successful deletes per target, successful bans per (group, user)."""

    def ok(method: str) -> list[dict[str, Any]]:
        return [c for c in state.calls(method) if c["error_code"] is None and c["http_status"] == 200
                and c["response"] not in (0, False, None)]

    delete_methods = {"wall": "wall.deleteComment", "photo": "photos.deleteComment", "video": "video.deleteComment",
                      "board": "board.deleteComment", "market": "market.deleteComment"}
    first_delete: dict[tuple[str, int, int], float] = {}
    delete_counts: Counter[tuple[str, int, int]] = Counter()
    for kind, method in delete_methods.items():
        for c in ok(method):
            p = c["params"]
            group = int(p["group_id"]) if "group_id" in p else -int(p["owner_id"])
            key = (kind, group, int(p["comment_id"]))
            delete_counts[key] += 1
            first_delete[key] = min(first_delete.get(key, float("inf")), c["time_ms"])
    ban_counts = Counter((int(c["params"]["group_id"]), int(c["params"]["owner_id"])) for c in ok("groups.ban"))
    return first_delete, delete_counts, ban_counts
