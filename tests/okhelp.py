"""OK test helpers: an emulator with one group and its topics, an OK ``[[communities]]`` table, and a
daemon factory that runs VK and OK side by side against their emulators (import the fixtures you use)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator.ok import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, OKEmulator
from tests.conftest import token_env

OKG = 1  # the same number as the VK group G1 on purpose: they must never mix
OK_ADMIN = "9001"
POLL = 0.2  # seconds between polls in tests
TOPICS = 3


@pytest.fixture
async def ok_emu() -> AsyncIterator[OKEmulator]:
    async with OKEmulator() as e:
        e.add_group(OKG, "Администрация города Пятигорска (ОК)", admin_user_id=OK_ADMIN)
        for i in range(TOPICS):
            e.add_topic(OKG, f"Новость {i + 1}")
        yield e


def topics(emu: OKEmulator, group: int = OKG) -> list[str]:
    return [t.id for t in emu.state.topics.values() if t.group_id == group]


def ok_community(group_id: int = OKG, **over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "platform": "ok",
        "group_id": group_id,
        "name": f"ok group {group_id}",
        "access_token_env": f"OKT{group_id}",
        "mode": "enforce",
    }
    base.update(over)
    return base


def ok_settings(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "application_key_env": "OK_APP_KEY",
        "application_secret_env": "OK_APP_SECRET",
        "poll_interval": POLL,
        "requests_per_second": 50,
        "discovery_interval": 0.5,
    }
    base.update(over)
    return base


def ok_env(emu: OKEmulator, *, secret: str = DEFAULT_APP_SECRET) -> dict[str, str]:
    env = {"OK_APP_KEY": DEFAULT_APP_KEY, "OK_APP_SECRET": secret}
    for t in emu.state.tokens.values():
        for g in emu.state.groups.values():
            if t.user_id in g.admins:
                env[f"OKT{g.id}"] = t.value
    for token, gid in emu.state.bot_tokens.items():
        env[f"OKBOT{gid}"] = token
    return env


@pytest.fixture
async def make_ok_daemon(ok_emu: OKEmulator, vk_emu: Any, judge: Any, tmp_path: Path) -> AsyncIterator[Any]:
    """``await make_ok_daemon(communities=[...], ok={...}, env={...}, options={...})`` → a started
    Daemon with both adapters pointed at the emulators (default: the one OK group)."""
    from bot.adapters import build_platforms
    from bot.config import parse_config
    from bot.daemon import Daemon, DaemonOptions
    from bot.metrics import Metrics
    from bot.ok.adapter import OKOptions
    from bot.vk.adapter import VKOptions

    daemons: list[Any] = []

    async def factory(
        communities: list[dict[str, Any]] | None = None,
        *,
        ok: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
        options: dict[str, Any] | None = None,
        db: Path | None = None,
        start: bool = True,
        **cfg: Any,
    ) -> Any:
        data: dict[str, Any] = {
            "database": str(db or tmp_path / f"ok{len(daemons)}.db"),
            "communities": communities or [ok_community()],
            "ok": ok_settings(**(ok or {})),
        }
        data.update(cfg)
        config = parse_config(data, {**token_env(vk_emu), **ok_env(ok_emu), **(env or {})})
        opts = DaemonOptions(
            outbox_poll=0.02,
            http=("127.0.0.1", 0),
            sweep_interval=2.0,
            retry_base=0.2,
            manual_check_interval=0.2,
        )
        for k, v in (options or {}).items():
            setattr(opts, k, v)
        metrics = Metrics()
        platforms = build_platforms(
            config,
            metrics=metrics,
            vk=VKOptions(api_url=vk_emu.api_url, longpoll_wait=1, captcha_pause=1.0, client_backoff_cap=0.5),
            ok=OKOptions(api_url=ok_emu.api_url, graph_url=ok_emu.graph_url, client_backoff_cap=0.2),
        )
        d = Daemon(config, platforms=platforms, options=opts, judge=judge, metrics=metrics)
        daemons.append(d)
        if start:
            await d.start()
        return d

    yield factory
    for d in daemons:
        await d.stop()
