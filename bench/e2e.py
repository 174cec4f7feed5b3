"""End-to-end benchmark: emulators → ``modbot run`` (a subprocess) → emulators, at a given comment rate.

    .venv/bin/python bench/e2e.py --rate 200 --seconds 60 [--kill-every 15]
    .venv/bin/python bench/e2e.py --platform ok --seconds 60 [--ok-delete off]
    .venv/bin/python bench/e2e.py --platform both --rate 200 --seconds 60

VK (``--platform vk``, the default): the VK emulator runs in this process with the demo's two
communities (each with its own admin, so two user tokens). A generator posts the realistic mix of
``bot/demo/traffic.tsv`` (ordinary questions, criticism, every violation kind, spam bursts across
pages, a repeat offender) at ``--rate`` comments/s for ``--seconds``.

OK (``--platform ok``): the OK emulator with one group of ``--ok-topics`` (300) active topics; the
same mix at ``--ok-rate`` comments/s spread over random topics. The daemon polls them
(``--ok-poll-interval`` s, ``--ok-rps`` requests/s per token, as in ``[ok]``). ``--ok-delete on``
(default): deletion through the API is enabled in the emulator and the config (``delete_enabled``);
``off``: the default manual path, where a violation is held for moderators (a ``manual`` action).
``--platform both`` runs both at once against one daemon.

The daemon is a real ``modbot run`` subprocess. After the traffic stops we wait until it has judged
everything and emptied its outbox, then report (per platform, and summed at the top level):

* ``p50_ms`` / ``p99_ms`` — comment posted → its delete call received by the emulator (OK with
  ``--ok-delete off``: → its manual action written), over the deleted/held comments (includes
  delivery — long poll or polling —, judging, rate limits and VK's ``execute`` batching);
* ``lost`` — posted comments the daemon never judged; ``duplicate_decisions`` — judged twice;
* ``duplicate_actions`` — delete/ban calls the platform performed beyond the first for the same
  target (OK: also a second manual action for one comment);
* ``judged``, ``deleted`` (OK: ``held_for_manual`` too), ``banned`` (OK: authors blocked),
  ``actions_failed``, ``rate_limited`` (VK error 6 / OK error 8 answers);
* ``peak_rss_mb`` — the daemon's peak RSS (max over restarts).

``--kill-every N`` SIGKILLs the daemon every N seconds and restarts it at once; the zeros must hold.
VK comments go to walls only by default (``--all-kinds`` adds photo/video/board/market/messages):
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
from bot.emulator.ok import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, OKEmulator, OKState  # noqa: E402
from bot.emulator.ok import ControlError as OKControlError  # noqa: E402
from bot.emulator.vk import ControlError  # noqa: E402

GROUPS = ((1, "Администрация города Пятигорска", 100), (2, "Городская больница №1", 101))
POSTS_PER_GROUP = 5
OK_GROUP = (53038939046008, "Администрация города Пятигорска — ОК", "575662066926")

CONFIG = """
database = "{db}"
log_level = "INFO"
"""

OK_TABLE = """
[ok]
application_key_env = "BENCH_OK_KEY"
application_secret_env = "BENCH_OK_SECRET"
poll_interval = {poll}
requests_per_second = {rps}
discovery_interval = 60
"""

OK_COMMUNITY = """
[[communities]]
platform = "ok"
group_id = {gid}
name = "{name}"
access_token_env = "BENCH_OK_TOKEN"
mode = "enforce"
delete_enabled = {delete}
"""

VK_CONFIG = """
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
    ap.add_argument("--platform", choices=("vk", "ok", "both"), default="vk", help="which platforms (vk)")
    ap.add_argument("--rate", type=float, default=200.0, help="VK comments per second (200)")
    ap.add_argument("--ok-rate", type=float, default=2.0, help="OK comments per second (2)")
    ap.add_argument("--ok-topics", type=int, default=300, help="active topics of the OK group (300)")
    ap.add_argument("--ok-delete", choices=("on", "off"), default="on",
                    help="OK deletion through the API (on) or the manual path (off)")
    ap.add_argument("--ok-poll-interval", type=float, default=3.0, help="[ok] poll_interval, seconds (3)")
    ap.add_argument("--ok-rps", type=float, default=5.0, help="[ok] requests_per_second per token (5)")
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

    vk_on, ok_on = args.platform in ("vk", "both"), args.platform in ("ok", "both")
    env = {**os.environ, "MODBOT_MODEL": str(model), "MODBOT_LONGPOLL_WAIT": "5", "PYTHONUNBUFFERED": "1"}
    text = CONFIG.format(db=db)
    if ok_on:
        text += OK_TABLE.format(poll=args.ok_poll_interval, rps=args.ok_rps)
    state = VKState(lp_history=200_000, call_log_limit=2_000_000)
    emu = VKEmulator(state)
    posts: dict[int, list[int]] = {}
    if vk_on:
        await emu.start()
        env["MODBOT_VK_API_URL"] = emu.api_url
        for gid, name, admin in GROUPS:
            info = state.add_group(gid, name, admin_user_id=admin)
            env[f"BENCH_G{gid}"], env[f"BENCH_U{gid}"] = info["group_token"], info["user_token"]
            posts[gid] = [state.add_post(gid, f"Новость {i + 1}")["post_id"] for i in range(POSTS_PER_GROUP)]
        text += VK_CONFIG
    ok_state = OKState(deletion="enabled" if args.ok_delete == "on" else "method",
                       rate_limit=args.ok_rps * 2, call_log_limit=2_000_000)
    ok_emu = OKEmulator(ok_state)
    ok_topics: list[str] = []
    if ok_on:
        await ok_emu.start()
        gid, name, admin = OK_GROUP
        info = ok_emu.add_group(gid, name, admin_user_id=admin)
        ok_topics = [ok_emu.add_topic(gid, f"Новость {i + 1}") for i in range(args.ok_topics)]
        env.update({"MODBOT_OK_API_URL": ok_emu.api_url, "BENCH_OK_KEY": DEFAULT_APP_KEY,
                    "BENCH_OK_SECRET": DEFAULT_APP_SECRET, "BENCH_OK_TOKEN": info["access_token"]})
        text += OK_COMMUNITY.format(gid=gid, name=name, delete="true" if args.ok_delete == "on" else "false")
    cfg.write_text(text, encoding="utf-8")

    daemon = DaemonProc(cfg, env, log)
    await daemon.start()
    await wait_ready(log, 1)
    rates = ([f"VK {args.rate:g}/s"] if vk_on else []) + ([f"OK {args.ok_rate:g}/s over {args.ok_topics} topics"]
                                                         if ok_on else [])
    print(f"daemon up (pid {daemon.proc.pid if daemon.proc else '?'}); posting {', '.join(rates)} for "
          f"{args.seconds:g} s{f', SIGKILL every {args.kill_every:g} s' if args.kill_every else ''}", flush=True)

    mix = TrafficMix(load_rows(), [g for g, _, _ in GROUPS], seed=args.seed, all_kinds=args.all_kinds)
    stream = iter(mix)
    ok_mix = TrafficMix(load_rows(), [OK_GROUP[0]], seed=args.seed + 1, all_kinds=False)
    ok_stream = iter(ok_mix)
    posted: list[dict[str, Any]] = []
    ok_posted: list[dict[str, Any]] = []
    rejected = 0
    start = time.monotonic()
    next_kill = start + args.kill_every if args.kill_every else float("inf")
    next_sample = start
    import random

    rng = random.Random(args.seed)
    while (elapsed := time.monotonic() - start) < args.seconds:
        due = int(args.rate * elapsed) - len(posted) if vk_on else 0
        for _ in range(max(0, due if vk_on else 0)):
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
        for _ in range(max(0, int(args.ok_rate * elapsed) - len(ok_posted)) if ok_on else 0):
            post = next(ok_stream)
            author = post.author_id
            for _attempt in range(3):
                try:
                    r = ok_emu.post_comment(post.group_id, rng.choice(ok_topics), author, post.text)
                    ok_posted.append({**r, "violating": post.row.violating})
                    break
                except OKControlError as exc:
                    if exc.extra.get("reason") != "blocked":
                        raise
                    rejected += 1
                    author = ok_mix.new_author()
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
    total = len(posted) + len(ok_posted)
    print(f"posted {total} comments in {traffic_s:.1f} s; waiting for the daemon to finish", flush=True)

    deadline = time.monotonic() + args.drain
    while time.monotonic() < deadline:
        daemon.sample()
        judged, pending = db_counts(db)
        if judged >= total and pending == 0:
            break
        await asyncio.sleep(0.25)
    drain_s = time.monotonic() - start - traffic_s
    exit_code = await daemon.stop()
    parts: dict[str, dict[str, Any]] = {}
    if vk_on:
        parts["vk"] = analyse(state, db, posted)
        parts["vk"].update({"rate": args.rate, "posted": len(posted), "rate_limited": state.counters["rate_limited"]})
    if ok_on:
        parts["ok"] = analyse_ok(ok_state, db, ok_posted, manual=args.ok_delete == "off")
        parts["ok"].update({"rate": args.ok_rate, "posted": len(ok_posted), "topics": args.ok_topics,
                            "poll_interval": args.ok_poll_interval, "requests_per_second": args.ok_rps,
                            "delete": args.ok_delete})
    figures = dict(parts["vk" if vk_on else "ok"]) if len(parts) == 1 else combine(parts)
    if len(parts) > 1:
        figures.update(parts)
    figures.update({
        "platform": args.platform, "seconds": args.seconds, "kill_every": args.kill_every, "posted": total,
        "rejected_banned_authors": rejected, "drain_s": round(drain_s, 1),
        "peak_rss_mb": round(daemon.peak_rss, 1), "restarts": daemon.kills, "exit_code": exit_code,
        "work_dir": str(out),
    })
    if vk_on:
        await emu.stop()
    if ok_on:
        await ok_emu.stop()
    return figures


def combine(parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Top-level figures of a mixed run: counts summed; latencies are per platform only."""
    keys = ("lost", "duplicate_actions", "duplicate_decisions", "judged", "deleted", "banned", "expected_violations",
            "actions_failed", "actions_pending", "verified_after_crash", "rate_limited")
    return {k: sum(int(p.get(k) or 0) for p in parts.values()) for k in keys}


def analyse_ok(state: OKState, db: Path, posted: list[dict[str, Any]], *, manual: bool) -> dict[str, Any]:
    """The OK side: what was posted, what the OK emulator saw, what the daemon recorded."""
    keys = {f"ok:{p['group_id']}:ok_topic:{p['topic_id']}:{p['comment_id']}": p for p in posted}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        decided = Counter(k for (k,) in con.execute(
            "SELECT c.key FROM decisions d JOIN comments c ON c.id = d.comment_row "
            "WHERE d.decided_by = 'auto' AND c.platform = 'ok'"))
        actions = con.execute("SELECT params, state, method, created_at, result FROM actions "
                              "WHERE platform = 'ok' AND kind = 'delete'").fetchall()
        failed = con.execute("SELECT count(*) FROM actions WHERE platform = 'ok' AND state = 'failed'").fetchone()[0]
        pending = con.execute("SELECT count(*) FROM actions WHERE platform = 'ok' AND state = 'pending'").fetchone()[0]
    finally:
        con.close()
    judged = sum(1 for k in keys if decided.get(k))
    per_comment: Counter[str] = Counter()
    held_at: dict[str, float] = {}
    verified = 0
    for params, st, method, created, result in actions:
        cid = json.loads(params).get("comment_id", "")
        per_comment[cid] += 1
        if method == "manual" or st == "manual":
            held_at[cid] = min(held_at.get(cid, float("inf")), created * 1000)
        verified += "verified" in (result or "")
    deletes = [c for c in state.calls("discussions.deleteDiscussionComment") if c["error_code"] is None]
    delete_counts = Counter(c["params"]["comment_id"] for c in deletes)
    first_delete: dict[str, float] = {}
    for c in deletes:
        cid = c["params"]["comment_id"]
        first_delete[cid] = min(first_delete.get(cid, float("inf")), c["time_ms"])
    latencies = sorted((held_at if manual else first_delete)[p["comment_id"]] - p["time_ms"] for p in posted
                       if p["comment_id"] in (held_at if manual else first_delete))

    def pct(q: float) -> float | None:
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) if latencies else None

    return {
        "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": round(latencies[-1], 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "lost": len(keys) - judged,
        "duplicate_actions": sum(n - 1 for n in delete_counts.values() if n > 1)
        + sum(n - 1 for n in per_comment.values() if n > 1),
        "duplicate_decisions": sum(n - 1 for n in decided.values() if n > 1), "judged": judged,
        "deleted": len(delete_counts), "held_for_manual": len(held_at), "banned": state.counters["blocked"],
        "expected_violations": sum(1 for p in posted if p["violating"]), "actions_failed": failed,
        "actions_pending": pending, "verified_after_crash": verified, "rate_limited": state.counters["flood"],
        "requests": state.counters["calls"],
    }


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
            "SELECT c.key FROM decisions d JOIN comments c ON c.id = d.comment_row "
            "WHERE d.decided_by = 'auto' AND c.platform = 'vk'"))
        failed = con.execute("SELECT count(*) FROM actions WHERE platform = 'vk' AND state = 'failed'").fetchone()[0]
        pending = con.execute("SELECT count(*) FROM actions WHERE platform = 'vk' AND state = 'pending'").fetchone()[0]
        verified = con.execute("SELECT count(*) FROM actions WHERE platform = 'vk' AND result LIKE '%verified%'"
                               ).fetchone()[0]
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
