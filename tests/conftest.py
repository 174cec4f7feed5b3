"""Shared fixtures: a judge model, the VK emulator with the two demo communities, and daemons.

Everything runs on 127.0.0.1 with free ports; nothing touches the network. If ``models/default``
is missing (fresh checkout before the lead ships a model), a tiny model is trained once per session
from the seed corpus (a few seconds).
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import VKEmulator

#: OK fixtures (``ok_emu``, ``make_ok_daemon``) live beside the OK tests.
pytest_plugins = ["tests.okhelp"]

ROOT = Path(__file__).resolve().parent.parent
G1, G2 = 1, 2
ADMIN1, ADMIN2 = 100, 101

#: Texts whose verdicts the daemon tests rely on (checked in the ``judge`` fixture).
VIOLATING = "блядь, ни одного талона к педиатру"  # obscene → delete_and_ban
CLEAN = "подскажите, пожалуйста, когда откроют каток на площади?"


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    default = ROOT / "models" / "default"
    if (default / "meta.json").exists():
        return default
    from moderation.training import train

    out = tmp_path_factory.mktemp("model") / "m"
    train([ROOT / "moderation" / "corpus" / "seed.tsv"], out, progress=None)
    return out


@pytest.fixture(scope="session")
def judge(model_dir: Path) -> Any:
    from moderation.judge import Judge

    j = Judge.load(model_dir)
    assert j.judge(VIOLATING).action == "delete_and_ban", "test fixture text must be judged delete_and_ban"
    assert j.judge(CLEAN).action == "allow", "test fixture text must be judged allow"
    return j


def held_as(verdict: Any, kind: str) -> bool:
    """Held for a moderator, with evidence of ``kind`` (``veiled_threat``, ``reported_speech`` …)."""
    return verdict.action == "review" and any(e.kind == kind for e in verdict.evidence)


def by_pattern(verdict: Any, pattern: str) -> bool:
    """Does the verdict's evidence name the lexicon pattern ``pattern`` — what the test says made the decision?"""
    return any(e.matched == pattern for e in verdict.evidence)


@pytest.fixture
async def vk_emu() -> AsyncIterator[VKEmulator]:
    """The emulator with the demo's two communities (different admins, so two user tokens) and posts."""
    async with VKEmulator() as e:
        e.add_group(G1, "Администрация города Пятигорска", admin_user_id=ADMIN1)
        e.add_group(G2, "Городская больница №1", admin_user_id=ADMIN2)
        e.add_post(G1, "Новости")
        e.add_post(G2, "Новости")
        yield e


def community(group_id: int, **over: Any) -> dict[str, Any]:
    """A ``[[communities]]`` table for the emulator's group (tokens from env vars G<id>/U<id>)."""
    base: dict[str, Any] = {
        "platform": "vk",
        "group_id": group_id,
        "name": f"group {group_id}",
        "group_token_env": f"G{group_id}",
        "user_token_env": f"U{group_id}",
        "mode": "enforce",
    }
    base.update(over)
    return base


def token_env(emu: VKEmulator) -> dict[str, str]:
    env = {}
    for gid, admin in ((G1, ADMIN1), (G2, ADMIN2)):
        env[f"G{gid}"] = f"vk1.a.group{gid}"
        env[f"U{gid}"] = f"vk1.a.user{admin}"
    env["CB_SECRET"] = "s3cr3t"
    env["CONFIRM1"] = emu.state.groups[G1].confirmation_code
    env["CONFIRM2"] = emu.state.groups[G2].confirmation_code
    return env


async def wait_for(
    pred: Callable[[], Any], timeout: float = 15.0, interval: float = 0.05, what: str = ""
) -> Any:
    """Poll ``pred`` (sync or async) until truthy; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or pred}")
        await asyncio.sleep(interval)


DaemonFactory = Callable[..., Awaitable[Any]]


@pytest.fixture
async def make_daemon(vk_emu: VKEmulator, judge: Any, tmp_path: Path) -> AsyncIterator[DaemonFactory]:
    """``await make_daemon(communities=[...], **config_overrides, options=...)`` → a started Daemon."""
    from bot.adapters import build_platforms
    from bot.config import parse_config
    from bot.daemon import Daemon, DaemonOptions
    from bot.metrics import Metrics
    from bot.vk.adapter import VKOptions

    daemons: list[Any] = []

    async def factory(
        communities: list[dict[str, Any]] | None = None,
        *,
        options: dict[str, Any] | None = None,
        vk: dict[str, Any] | None = None,
        db: Path | None = None,
        **cfg: Any,
    ) -> Any:
        data: dict[str, Any] = {
            "database": str(db or tmp_path / f"modbot{len(daemons)}.db"),
            "communities": communities or [community(G1), community(G2)],
        }
        data.update(cfg)
        config = parse_config(data, token_env(vk_emu))
        opts = DaemonOptions(outbox_poll=0.02, http=("127.0.0.1", 0), sweep_interval=2.0, retry_base=0.2)
        for k, v in (options or {}).items():
            setattr(opts, k, v)
        vk_opts = VKOptions(
            api_url=vk_emu.api_url, longpoll_wait=1, captcha_pause=1.0, client_backoff_cap=0.5
        )
        for k, v in (vk or {}).items():
            setattr(vk_opts, k, v)
        metrics = Metrics()
        d = Daemon(
            config,
            platforms=build_platforms(config, metrics=metrics, vk=vk_opts),
            options=opts,
            judge=judge,
            metrics=metrics,
        )
        daemons.append(d)
        await d.start()
        return d

    yield factory
    for d in daemons:
        await d.stop()


async def settle(daemon: Any, *, judged: int | None = None, timeout: float = 20.0) -> None:
    """Wait until ``judged`` comments were judged (if given) and nothing is left to do."""
    if judged is not None:
        await wait_for(
            lambda: daemon.counts["judged"] >= judged,
            timeout,
            what=f"{judged} comments judged (have {daemon.counts['judged']})",
        )
    await wait_for(daemon.idle, timeout, what="daemon idle")


def ok_calls(emu: VKEmulator, method: str) -> list[dict[str, Any]]:
    """Successful calls of ``method`` the emulator received (HTTP or inside execute)."""
    return [c for c in emu.calls(method) if c["error_code"] is None and c["http_status"] == 200]


def read_only_db(path: Path) -> sqlite3.Connection:
    """The daemon's database opened read-only, as a subprocess test peeks at it while the daemon runs."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


async def spawn_daemon(cfg: Path, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """``modbot run`` with ``cfg`` as a subprocess (the kill tests' daemon), its output appended to ``log``."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(cfg),
        cwd=str(ROOT), env=env, stdout=log.open("ab"), stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip


def settled_db(path: Path, n: int) -> bool:
    """At least ``n`` comments judged and no action pending in the database at ``path``."""
    if not path.exists():
        return False
    with read_only_db(path) as con:
        judged = con.execute("SELECT count(*) FROM comments WHERE state != 'received'").fetchone()[0]
        pending = con.execute("SELECT count(*) FROM actions WHERE state = 'pending'").fetchone()[0]
    return judged >= n and pending == 0
