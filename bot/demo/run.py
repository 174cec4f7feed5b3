"""``modbot demo``: the emulators, two VK communities and an OK group, a realistic comment stream
and the daemon.

Everything runs in one process on 127.0.0.1: the VK and OK emulators play the platforms, the
traffic generator plays citizens, a demo "moderator" deletes by hand on OK what modbot holds for
manual deletion (OK's API cannot delete), and the real daemon (enforce mode, same code as
production) moderates. Its database lives under ``./runtime/demo-<time>/`` (or a temp dir), never
the user's ``blacklist.db``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.adapters import build_platforms
from bot.config import parse_config
from bot.daemon import Daemon, DaemonOptions, stop_event_on_signals
from bot.demo.traffic import Post, Row, TrafficMix, load_rows
from bot.emulator import VKEmulator, VKState
from bot.emulator.ok import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, OKEmulator
from bot.metrics import Metrics
from bot.ok.adapter import OKOptions
from bot.vk.adapter import VKOptions
from bot.web.auth import add_account
from bot.web.server import WebServer

log = logging.getLogger("modbot.demo")

#: Comments and messages the traffic generator got through (for the summary line).
POSTED: dict[str, int] = {"n": 0}

COMMUNITIES: tuple[tuple[int, str, int], ...] = (
    (1, "Администрация города Пятигорска", 100),
    (2, "Городская больница №1", 101),
)
#: The OK group: id, name, administrator, topics; it gets ``OK_SHARE`` of the traffic.
OK_GROUP: tuple[int, str, str, int] = (53038939046008, "Администрация города Пятигорска — ОК", "575662066926", 12)
OK_SHARE = 0.25
#: The demo moderator deletes a comment held for manual deletion on OK this long after it was held.
OK_MODERATOR_DELAY = 20.0


def runtime_dir(base: Path | None = None) -> Path:
    """A fresh directory for this demo run: ./runtime/demo-<time>/, else a temp dir."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for root in ([base] if base else []) + [Path.cwd() / "runtime"]:
        try:
            d = root / f"demo-{stamp}"
            d.mkdir(parents=True, exist_ok=True)
            return d
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="modbot-demo-"))


def ensure_model(workdir: Path) -> Path | None:
    """The default model if present; otherwise train a small one from the seed corpus (seconds)."""
    from moderation.judge import default_model_dir

    model = default_model_dir()
    if (model / "meta.json").exists():
        return None
    from moderation.training import train

    out = workdir / "model"
    seed = Path(__file__).resolve().parents[2] / "moderation" / "corpus" / "seed.tsv"
    print(f"no model at {model}; training a small demo model from {seed.name} …", flush=True)
    train([seed], out, progress=None)
    return out


def _setup_logging(logfile: Path) -> list[logging.Handler]:
    """Log to the run's file and to stdout; returns the handlers so they can be removed after."""
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    fh = logging.FileHandler(logfile, encoding="utf-8")
    sh = logging.StreamHandler(sys.stdout)
    for h in (fh, sh):
        h.setFormatter(fmt)
        root.addHandler(h)
    for noisy in ("pymorphy3", "aiohttp.access", "bot.emulator.vk", "bot.emulator.ok"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return [fh, sh]


async def run_demo(seconds: float = 0.0, rate: float = 5.0, port: int = 9108, base: Path | None = None,
                   web_port: int = 8080) -> int:
    """Run until Ctrl-C (or ``seconds``); print where to look and a summary every 10 s."""
    workdir = runtime_dir(base)
    logfile = workdir / "modbot.log"
    handlers = _setup_logging(logfile)
    try:
        return await _run(workdir, logfile, seconds, rate, port, web_port)
    finally:
        for h in handlers:
            logging.getLogger().removeHandler(h)
            h.close()


async def _start_web(config: Any, daemon: Daemon, web_port: int) -> tuple[WebServer, str]:
    """The moderators' workspace on ``web_port`` (any free port if taken) with a fresh ``demo``
    admin account; returns the server and its generated password."""
    password = secrets.token_urlsafe(12)

    def make(port: int) -> WebServer:
        return WebServer(config, daemon.platforms, health=daemon.health, host="127.0.0.1", port=port,
                         model_version=lambda: daemon.judge.model_version if daemon.judge else None)

    web = make(web_port)
    try:
        await web.start()
    except OSError as exc:
        print(f"web port {web_port} is not available ({exc.strerror}); using a free port", flush=True)
        web = make(0)
        await web.start()
    assert web.store is not None
    add_account(web.store, "demo", password, role="admin")
    return web, password


async def _run(workdir: Path, logfile: Path, seconds: float, rate: float, port: int, web_port: int = 8080) -> int:
    model = ensure_model(workdir)
    state = VKState()
    emu = VKEmulator(state)
    await emu.start()
    env: dict[str, str] = {}
    communities: list[dict[str, Any]] = []
    for gid, name, admin in COMMUNITIES:
        info = state.add_group(gid, name, admin_user_id=admin)
        for i in range(3):
            state.add_post(gid, f"Новость {i + 1} — {name}")
        env[f"DEMO_G{gid}"] = info["group_token"]
        env[f"DEMO_U{gid}"] = info["user_token"]
        communities.append({"platform": "vk", "group_id": gid, "name": name, "group_token_env": f"DEMO_G{gid}",
                            "user_token_env": f"DEMO_U{gid}", "mode": "enforce", "organisation": "pyatigorsk"})
    ok_emu = OKEmulator()
    await ok_emu.start()
    gid, name, admin, n_topics = OK_GROUP
    ok_info = ok_emu.add_group(gid, name, admin_user_id=admin)
    ok_topics = [ok_emu.add_topic(gid, f"Новость {i + 1} — {name}") for i in range(n_topics)]
    env.update({"DEMO_OK_KEY": DEFAULT_APP_KEY, "DEMO_OK_SECRET": DEFAULT_APP_SECRET,
                "DEMO_OK_TOKEN": ok_info["access_token"]})
    communities.append({"platform": "ok", "group_id": gid, "name": name, "access_token_env": "DEMO_OK_TOKEN",
                        "mode": "enforce", "organisation": "pyatigorsk"})
    data: dict[str, Any] = {"database": str(workdir / "demo.db"), "communities": communities,
                            "ok": {"application_key_env": "DEMO_OK_KEY", "application_secret_env": "DEMO_OK_SECRET",
                                   "poll_interval": 3, "discovery_interval": 60}}
    if model is not None:
        data["model_path"] = str(model)
    config = parse_config(data, env)
    options = DaemonOptions(http=("127.0.0.1", port), manual_check_interval=5.0)  # port 0 = any free
    vk = VKOptions(api_url=emu.api_url, longpoll_wait=5)
    ok = OKOptions(api_url=ok_emu.api_url, graph_url=ok_emu.graph_url)

    def make_daemon() -> Daemon:
        metrics = Metrics()
        return Daemon(config, platforms=build_platforms(config, metrics=metrics, vk=vk, ok=ok), options=options,
                      metrics=metrics)

    daemon = make_daemon()
    stop = stop_event_on_signals()
    try:
        await daemon.start()
    except OSError as exc:  # the metrics port is taken: any free port will do for a demo
        print(f"port {port} is not available ({exc.strerror}); using a free port", flush=True)
        await daemon.stop()
        options.http = ("127.0.0.1", 0)
        daemon = make_daemon()
        await daemon.start()
    metrics_url = daemon.http.url if daemon.http else "(disabled)"
    web, password = await _start_web(config, daemon, web_port)
    print("\n".join([
        "",
        "modbot demo is running — two VK communities and an OK group on local emulators, daemon in ENFORCE mode",
        f"  communities : {', '.join(f'{n} (vk {g})' for g, n, _ in COMMUNITIES)}, {name} (ok {gid}, "
        f"{n_topics} topics, polled every 3 s; deletions by hand: `modbot review list --db {config.database}`)",
        f"  emulators   : VK {emu.url} (state: {emu.url}/_test/state?comments=0), OK {ok_emu.url} "
        f"(state: {ok_emu.url}/_test/state)",
        f"  log         : {logfile}",
        f"  database    : {config.database}   (modbot status --db {config.database})",
        f"  metrics     : {metrics_url}/metrics   health: {metrics_url}/healthz",
        f"  traffic     : {rate:g} comments/s from bot/demo/traffic.tsv"
        + (f" for {seconds:g} s" if seconds else "; Ctrl-C stops"),
        "",
        f"web: {web.url}/  login: demo  password: {password}",
        "",
    ]), flush=True)
    traffic = asyncio.create_task(_traffic(emu, rate * (1 - OK_SHARE), stop))
    ok_traffic = asyncio.create_task(_ok_traffic(ok_emu, gid, ok_topics, rate * OK_SHARE, stop))
    moderator = asyncio.create_task(_ok_moderator(ok_emu, daemon, stop))
    started = time.monotonic()
    next_summary = started + 10
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.5)
            if seconds and time.monotonic() - started >= seconds:
                stop.set()
            if time.monotonic() >= next_summary:
                next_summary += 10
                print(_summary(emu, daemon, ok_emu), flush=True)
    finally:
        stop.set()
        for task in (traffic, ok_traffic, moderator):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await web.stop()
        await daemon.stop()
        print(_summary(emu, daemon, ok_emu), flush=True)
        print(f"demo stopped; database kept at {config.database}, log at {logfile}", flush=True)
        await emu.stop()
        await ok_emu.stop()
    return 0


async def _traffic(emu: VKEmulator, rate: float, stop: asyncio.Event) -> None:
    from bot.emulator.vk import ControlError

    rows = load_rows()
    mix = TrafficMix(rows, [g for g, _, _ in COMMUNITIES], seed=int(time.time()))
    interval = 1.0 / max(rate, 0.01)
    t = time.monotonic()
    for post in _with_showcase(mix, rows):
        if stop.is_set():
            return
        author = post.author_id
        for _ in range(3):
            try:
                emu.post_comment(post.group_id, author, post.text, post.vk_kind)
                POSTED["n"] += 1
                break
            except ControlError as exc:
                if exc.extra.get("reason") != "banned":
                    log.warning("demo traffic: %s", exc.error)
                    break
                author = mix.new_author()  # the banned author cannot comment; someone else does
        t += interval
        delay = t - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            await asyncio.sleep(0)


async def _ok_traffic(emu: OKEmulator, group_id: int, topics: list[str], rate: float, stop: asyncio.Event) -> None:
    from bot.emulator.ok import ControlError

    mix = TrafficMix(load_rows(), [group_id], seed=int(time.time()) + 1, all_kinds=False)
    interval = 1.0 / max(rate, 0.01)
    t = time.monotonic()
    for i, post in enumerate(mix):
        if stop.is_set():
            return
        author = post.author_id
        for _ in range(3):
            try:
                emu.post_comment(group_id, topics[i % len(topics)], author, post.text)
                POSTED["n"] += 1
                break
            except ControlError as exc:
                if exc.extra.get("reason") != "blocked":
                    log.warning("demo OK traffic: %s", exc.error)
                    break
                author = mix.new_author()
        t += interval
        await asyncio.sleep(max(0.0, t - time.monotonic()))


async def _ok_moderator(emu: OKEmulator, daemon: Daemon, stop: asyncio.Event) -> None:
    """Plays an OK moderator: deletes on ok.ru what modbot held for manual deletion, a while later
    (modbot then sees the comment gone and records the action done)."""
    from bot.emulator.ok import ControlError

    while not stop.is_set():
        await asyncio.sleep(2.0)
        if daemon.db is None:
            continue
        for a in await daemon.db.call(daemon.store.actions, ("manual",), 200):
            cid = (a.get("params") or {}).get("comment_id")
            if a["platform"] == "ok" and cid and time.time() - float(a["created_at"]) >= OK_MODERATOR_DELAY:
                with contextlib.suppress(ControlError):
                    emu.remove_comment(str(cid), by="demo moderator")


def _with_showcase(mix: TrafficMix, rows: list[Row]) -> Iterator[Post]:
    """The stream with what the workspace should show: first the HTML/JS injection attempts and
    some doubtful comments (so the queue is not empty), then a doubtful one every 15 comments."""
    showcase = [r for r in rows if r.kind == "injection"]
    doubtful = [r for r in rows if r.kind == "doubtful"]
    groups = [g for g, _, _ in COMMUNITIES]
    for i, row in enumerate(showcase + doubtful):
        yield Post(groups[i % len(groups)], mix.new_author(), row.text, row)
    for n, post in enumerate(mix, start=1):
        yield post
        if doubtful and n % 15 == 0:
            row = mix.rng.choice(doubtful)
            yield Post(mix.rng.choice(groups), mix.new_author(), row.text, row)


def _summary(emu: VKEmulator, daemon: Daemon, ok_emu: OKEmulator | None = None) -> str:
    c = emu.state.counters
    d = daemon.counts
    ok = ""
    if ok_emu is not None:
        oc = ok_emu.state.counters
        confirmed = daemon.outbox.confirmed if daemon.outbox else 0
        ok = (f"; OK: {oc['comments']} comments, {oc['deleted_by_hand']} deleted by the moderator by hand, "
              f"{confirmed} of those confirmed by modbot")
    return (f"[summary] posted {POSTED['n']} (comments and messages), judged {d['judged']}, deleted {c['comments_deleted']}, "
            f"banned {c['bans']}, duplicates ignored {d['duplicates']}, "
            f"outbox in flight {daemon.outbox.in_flight if daemon.outbox else 0}{ok}")


def main(seconds: float, rate: float, port: int, web_port: int = 8080) -> int:
    """Entry point for ``modbot demo``."""
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    try:
        return asyncio.run(run_demo(seconds, rate, port, web_port=web_port))
    except KeyboardInterrupt:
        return 0
