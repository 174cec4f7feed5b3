"""End-to-end benchmark: emulator → ``modbot run`` (a subprocess) → emulator, at a given comment rate.

    .venv/bin/python bench/e2e.py --rate 200 --seconds 60 [--kill-every 15]

The VK emulator runs in this process with the demo's two communities (each with its own admin, so
two user tokens). A generator posts the realistic mix of ``bot/demo/traffic.tsv`` (ordinary
questions, criticism, every violation kind, spam bursts across pages, a repeat offender) at
``--rate`` comments/s for ``--seconds``; the daemon is a real ``modbot run`` subprocess. After the
traffic stops we wait until the daemon has judged everything and emptied its outbox, then report:

* ``p50_ms`` / ``p99_ms`` — comment posted → its delete call received by the emulator, over the
  deleted comments (includes long-poll delivery, judging, the 3 req/s user-token limit and
  ``execute`` batching);
* ``lost`` — posted comments the daemon never judged; ``duplicate_decisions`` — judged twice;
* ``duplicate_actions`` — delete/ban calls VK performed beyond the first for the same target;
* ``judged``, ``deleted``, ``banned``, ``actions_failed``, ``rate_limited`` (error 6 answers);
* ``peak_rss_mb`` — the daemon's peak RSS (max over restarts).

``--kill-every N`` SIGKILLs the daemon every N seconds and restarts it at once; the zeros must hold.
Comments go to walls only by default (``--all-kinds`` adds photo/video/board/market/messages):
VK offers no way to check whether a photo/video/market/board delete went through before a crash,
so those may be sent twice after a SIGKILL (harmlessly; see docs) and would blur the figure.
The last line printed is one JSON object; the line before it is the command that reproduces it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, DaemonProc, db_counts, ensure_model, finish, vk_effects, wait_ready  # noqa: E402

from bot.demo.traffic import TrafficMix, load_rows  # noqa: E402
from bot.emulator import VKEmulator, VKState  # noqa: E402
from bot.emulator.vk import ControlError  # noqa: E402

GROUPS = ((1, "Администрация города Пятигорска", 100), (2, "Городская больница №1", 101))
POSTS_PER_GROUP = 5

CONFIG = """
database = "{db}"
log_level = "INFO"
{model}
[[communities]]
platform = "vk"
group_id = 1
name = "Администрация города Пятигорска"
group_token_env = "BENCH_G1"
user_token_env = "BENCH_U1"
mode = "enforce"

[[communities]]
platform = "vk"
group_id = 2
name = "Городская больница №1"
group_token_env = "BENCH_G2"
user_token_env = "BENCH_U2"
mode = "enforce"
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=200.0, help="comments per second (200)")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long to post (60)")
    ap.add_argument("--kill-every", type=float, default=0.0, help="SIGKILL + restart the daemon every N s (off)")
    ap.add_argument("--all-kinds", action="store_true", help="also photo/video/board/market comments and messages")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--drain", type=float, default=180.0, help="max seconds to wait for the daemon to finish (180)")
    ap.add_argument("--out", help="work directory (default bench/out/e2e-<time>)")
    return ap.parse_args(argv)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    out = (Path(args.out) if args.out else ROOT / "bench" / "out" / time.strftime("e2e-%Y%m%d-%H%M%S")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    model = ensure_model(out)
    db, cfg, log = out / "modbot.db", out / "modbot.toml", out / "daemon.log"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), log):
        p.unlink(missing_ok=True)

    state = VKState(lp_history=200_000, call_log_limit=2_000_000)
    emu = VKEmulator(state)
    await emu.start()
    env = {**os.environ, "MODBOT_VK_API_URL": emu.api_url, "MODBOT_MODEL": str(model), "MODBOT_LONGPOLL_WAIT": "5",
           "PYTHONUNBUFFERED": "1"}
    posts: dict[int, list[int]] = {}
    for gid, name, admin in GROUPS:
        info = state.add_group(gid, name, admin_user_id=admin)
        env[f"BENCH_G{gid}"], env[f"BENCH_U{gid}"] = info["group_token"], info["user_token"]
        posts[gid] = [state.add_post(gid, f"Новость {i + 1}")["post_id"] for i in range(POSTS_PER_GROUP)]
    cfg.write_text(CONFIG.format(db=db, model=""), encoding="utf-8")

    daemon = DaemonProc(cfg, env, log)
    await daemon.start()
    await wait_ready(log, 1)
    print(f"daemon up (pid {daemon.proc.pid if daemon.proc else '?'}); posting {args.rate:g}/s for "
          f"{args.seconds:g} s{f', SIGKILL every {args.kill_every:g} s' if args.kill_every else ''}", flush=True)

    mix = TrafficMix(load_rows(), [g for g, _, _ in GROUPS], seed=args.seed, all_kinds=args.all_kinds)
    stream = iter(mix)
    posted: list[dict[str, Any]] = []
    rejected = 0
    start = time.monotonic()
    next_kill = start + args.kill_every if args.kill_every else float("inf")
    next_sample = start
    import random

    rng = random.Random(args.seed)
    while (elapsed := time.monotonic() - start) < args.seconds:
        due = int(args.rate * elapsed) - len(posted)
        for _ in range(max(0, due)):
            post = next(stream)
            author = post.author_id
            for _attempt in range(3):
                try:
                    parent = rng.choice(posts[post.group_id]) if post.vk_kind == "wall" else None
                    r = state.post_comment(post.group_id, author, post.text, post.vk_kind, parent_id=parent)
                    posted.append({**r, "group_id": post.group_id, "violating": post.row.violating})
                    break
                except ControlError as exc:
                    if exc.extra.get("reason") != "banned":
                        raise
                    rejected += 1
                    author = mix.new_author()
        now = time.monotonic()
        if now >= next_sample:
            daemon.sample()
            next_sample = now + 0.5
        if now >= next_kill:
            await daemon.kill()
            await daemon.start()
            next_kill += args.kill_every
            print(f"  t={now - start:5.1f}s SIGKILL → restart #{daemon.starts - 1}", flush=True)
        await asyncio.sleep(0.005)
    traffic_s = time.monotonic() - start
    print(f"posted {len(posted)} comments in {traffic_s:.1f} s; waiting for the daemon to finish", flush=True)

    deadline = time.monotonic() + args.drain
    while time.monotonic() < deadline:
        daemon.sample()
        judged, pending = db_counts(db)
        if judged >= len(posted) and pending == 0:
            break
        await asyncio.sleep(0.25)
    drain_s = time.monotonic() - start - traffic_s
    exit_code = await daemon.stop()
    figures = analyse(state, db, posted)
    figures.update({
        "rate": args.rate, "seconds": args.seconds, "kill_every": args.kill_every, "posted": len(posted),
        "rejected_banned_authors": rejected, "drain_s": round(drain_s, 1),
        "peak_rss_mb": round(daemon.peak_rss, 1), "restarts": daemon.kills, "exit_code": exit_code,
        "rate_limited": state.counters["rate_limited"], "work_dir": str(out),
    })
    await emu.stop()
    return figures


def analyse(state: VKState, db: Path, posted: list[dict[str, Any]]) -> dict[str, Any]:
    """Join what was posted, what the emulator saw and what the daemon recorded."""
    kind_key = {"wall": "post_id", "photo": "photo_id", "video": "video_id", "board": "topic_id",
                "market": "item_id", "message": "peer_id"}
    keys = {}
    for p in posted:
        keys[f"vk:{p['group_id']}:{p['kind']}:{p[kind_key[p['kind']]]}:{p['comment_id']}"] = p
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        decided = Counter(k for (k,) in con.execute(
            "SELECT c.key FROM decisions d JOIN comments c ON c.id = d.comment_row WHERE d.decided_by = 'auto'"))
        failed = con.execute("SELECT count(*) FROM actions WHERE state = 'failed'").fetchone()[0]
        pending = con.execute("SELECT count(*) FROM actions WHERE state = 'pending'").fetchone()[0]
        verified = con.execute("SELECT count(*) FROM actions WHERE result LIKE '%verified%'").fetchone()[0]
    finally:
        con.close()
    judged = sum(1 for k in keys if decided.get(k))
    dup_decisions = sum(n - 1 for n in decided.values() if n > 1)

    first_delete, delete_counts, ban_counts = vk_effects(state)
    latencies = []
    for p in posted:
        t = first_delete.get((p["kind"], p["group_id"], p["comment_id"]))
        if t is not None:
            latencies.append(t - p["time_ms"])
    latencies.sort()

    def pct(q: float) -> float | None:
        if not latencies:
            return None
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1)

    return {
        "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": round(latencies[-1], 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "lost": len(keys) - judged, "duplicate_actions": sum(n - 1 for n in delete_counts.values() if n > 1)
        + sum(n - 1 for n in ban_counts.values() if n > 1),
        "duplicate_decisions": dup_decisions, "judged": judged, "deleted": len(delete_counts),
        "banned": len(ban_counts), "expected_violations": sum(1 for p in posted if p["violating"]),
        "actions_failed": failed, "actions_pending": pending, "verified_after_crash": verified,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = asyncio.run(run(args))
    print(json.dumps(figures, ensure_ascii=False, indent=2), flush=True)
    finish(figures)
    bad = figures["lost"] or figures["duplicate_actions"] or figures["duplicate_decisions"]
    return 1 if bad else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
