"""The workspace against the real daemon and the VK emulator: a moderator's decision on a held
comment, undo (restore + unban) and undo after the platform's restore window — each checked on the
emulator's side, where the citizen would see it."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.emulator import VKEmulator
from bot.web.server import WebServer
from tests.conftest import G1, G2, VIOLATING, DaemonFactory, community, ok_calls, settle
from tests.webkit import Client, add_accounts


@pytest.fixture
async def daemon_and_web(make_daemon: DaemonFactory) -> AsyncIterator[tuple[Any, WebServer, list[Client]]]:
    d = await make_daemon(
        [community(G1, organisation="admin", trusted_user_ids=[7777]), community(G2, organisation="hospital")]
    )
    server = WebServer(
        d.config,
        d.platforms,
        health=d.health,
        host="127.0.0.1",
        port=0,
        model_version=lambda: d.judge.model_version,
    )
    await server.start()
    assert server.store is not None
    add_accounts(server.store)
    clients: list[Client] = []
    yield d, server, clients
    for c in clients:
        await c.close()
    await server.stop()


async def _login(server: WebServer, clients: list[Client], name: str = "anna") -> Client:
    c = Client(server.url)
    clients.append(c)
    status, text, _ = await c.login(name)
    assert status == 200 and "Выйти" in text
    return c


def _comment(emu: VKEmulator, group: int, comment_id: int) -> dict[str, Any]:
    return {(c["group_id"], c["id"]): c for c in emu.snapshot()["comments"]}[(group, comment_id)]


def _banned(emu: VKEmulator, group: int, user: int) -> bool:
    return any(b["group_id"] == group and int(b["owner_id"]) == user for b in emu.snapshot()["bans"])


async def test_moderator_decides_a_held_comment_and_the_platform_follows(
    vk_emu: VKEmulator, daemon_and_web: tuple[Any, WebServer, list[Client]]
) -> None:
    d, server, clients = daemon_and_web
    held = vk_emu.post_comment(G1, 7777, VIOLATING)  # a trusted author: held for a human
    await settle(d, judged=1)
    c = await _login(server, clients)
    status, text, _ = await c.get("/queue")
    ids = re.findall(r'<li class="item" id="c(\d+)"', text)
    assert len(ids) == 1 and "доверенный пользователь" in text
    status, text, _ = await c.post(
        "/decide",
        {"id": ids[0], "action": "delete_and_ban", "category": "obscene", "ban_days": "3", "reason": "мат"},
    )
    assert "заблокирован на 3 дн." in text
    await settle(d)
    assert _comment(vk_emu, G1, held["comment_id"])["deleted"]
    ban = [c for c in ok_calls(vk_emu, "groups.ban") if c["params"]["owner_id"] == "7777"]
    assert len(ban) == 1 and abs(int(ban[0]["params"]["end_date"]) - (time.time() + 3 * 86400)) < 120
    assert _banned(vk_emu, G1, 7777)
    assert [lab["labels"] for lab in server.store.labels()] == [["obscene"]]


async def test_undo_from_the_journal_restores_the_comment_and_lifts_the_ban(
    vk_emu: VKEmulator, daemon_and_web: tuple[Any, WebServer, list[Client]]
) -> None:
    d, server, clients = daemon_and_web
    bad = vk_emu.post_comment(G1, 5001, VIOLATING)
    await settle(d, judged=1)
    assert _comment(vk_emu, G1, bad["comment_id"])["deleted"] and _banned(vk_emu, G1, 5001)
    c = await _login(server, clients)
    status, text, _ = await c.get("/journal")
    decision_id = re.findall(r'action="/decisions/(\d+)/undo"', text)[0]
    status, text, _ = await c.post(f"/decisions/{decision_id}/undo", {"reason": "не мат, цитата"})
    assert "отменено" in text
    await settle(d)
    assert not _comment(vk_emu, G1, bad["comment_id"])["deleted"]
    assert not _banned(vk_emu, G1, 5001)
    assert len(ok_calls(vk_emu, "wall.restoreComment")) == 1 and len(ok_calls(vk_emu, "groups.unban")) >= 1
    assert server.store.active_ban("vk", G1, "5001") is None
    status, text, _ = await c.get("/journal?action=restore")
    assert "не мат, цитата" in text and "anna" in text
    # the automatic verdict was wrong: a keep label for the text
    assert [lab["labels"] for lab in server.store.labels()] == [[]]


async def test_undo_after_the_restore_window_is_reported_plainly(
    vk_emu: VKEmulator, daemon_and_web: tuple[Any, WebServer, list[Client]]
) -> None:
    d, server, clients = daemon_and_web
    vk_emu.state.restore_window = 60.0
    bad = vk_emu.post_comment(G1, 5002, VIOLATING)
    await settle(d, judged=1)
    vk_emu.state.advance_clock(3600)
    c = await _login(server, clients)
    row_id = re.findall(r'href="/comment/(\d+)"', (await c.get("/journal"))[1])[0]
    status, text, _ = await c.get(f"/comment/{row_id}")
    decision_id = re.findall(r'action="/decisions/(\d+)/undo"', text)[0]
    status, text, _ = await c.post(f"/decisions/{decision_id}/undo", {"next": f"/comment/{row_id}"})
    assert status == 200 and "отменено" in text
    await settle(d)
    assert _comment(vk_emu, G1, bad["comment_id"])["deleted"]  # VK refused: too late
    assert not _banned(vk_emu, G1, 5002)  # the ban is lifted all the same
    status, text, _ = await c.get(f"/comment/{row_id}")
    assert status == 200 and "прошёл срок" in text and "Текст сохранён" in text
    status, text, _ = await c.get("/attention")
    assert "прошёл срок" in text


async def test_modbot_run_serves_the_workspace_only_when_web_has_a_port(vk_emu: VKEmulator, tmp_path) -> None:
    """``run_daemon`` (what ``modbot run`` calls) opens the workspace on ``[web] port`` and closes
    it on SIGTERM; the same config without a port opens nothing."""
    import asyncio
    import os
    import signal
    import socket

    import aiohttp

    from bot.adapters import build_platforms
    from bot.config import parse_config
    from bot.daemon import DaemonOptions, run_daemon
    from bot.metrics import Metrics
    from bot.vk.adapter import VKOptions
    from tests.conftest import token_env

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = parse_config(
        {"database": str(tmp_path / "run.db"), "communities": [community(G1)], "web": {"port": port}},
        token_env(vk_emu),
    )
    assert (
        config.web.enabled
        and not parse_config({"communities": [community(G1)]}, token_env(vk_emu)).web.enabled
    )
    metrics = Metrics()
    platforms = build_platforms(
        config, metrics=metrics, vk=VKOptions(api_url=vk_emu.api_url, longpoll_wait=1)
    )
    task = asyncio.create_task(run_daemon(config, platforms, DaemonOptions(outbox_poll=0.02), metrics))
    url = f"http://127.0.0.1:{port}/login"
    async with aiohttp.ClientSession() as session:
        deadline = asyncio.get_running_loop().time() + 30
        while True:
            try:
                async with session.get(url) as r:
                    assert r.status == 200 and "Рабочее место модераторов" in await r.text()
                    break
            except aiohttp.ClientConnectionError:
                assert asyncio.get_running_loop().time() < deadline, "the workspace did not come up"
                assert not task.done(), task.exception() if task.done() else ""
                await asyncio.sleep(0.2)
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, 30) == 0
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get(url):
                raise AssertionError("the workspace is still up after SIGTERM")
        except aiohttp.ClientConnectionError:
            pass
