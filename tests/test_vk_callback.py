"""Callback API endpoint: handshake, secret, garbage, dedupe — driven by the emulator acting as VK."""

from __future__ import annotations

import json

import aiohttp

from bot.emulator import VKEmulator
from tests.conftest import CLEAN, G1, G2, VIOLATING, DaemonFactory, community, ok_calls, settle, wait_for


def _callback_communities() -> list[dict]:
    return [
        community(G1, receive_mode="callback", confirmation_env="CONFIRM1"),
        community(G2, receive_mode="callback", confirmation_env="CONFIRM2"),
    ]


async def test_callback_end_to_end(vk_emu: VKEmulator, make_daemon: DaemonFactory) -> None:
    d = await make_daemon(_callback_communities(), callback={"path": "/vk/cb", "secret_env": "CB_SECRET"})
    assert d.http is not None and not d.platforms.get("vk").receivers
    url = d.http.url + "/vk/cb"
    res = await vk_emu.configure_callback(G1, url, secret="s3cr3t")
    assert res["confirmed"], res
    bad = vk_emu.post_comment(G1, 7001, VIOLATING)
    vk_emu.post_comment(G1, 7002, CLEAN)
    await settle(d, judged=2)
    assert [c["params"]["comment_id"] for c in ok_calls(vk_emu, "wall.deleteComment")] == [
        str(bad["comment_id"])
    ]
    # VK redelivers (e.g. it did not see our "ok"): stored once, acted on once.
    vk_emu.redeliver(G1, bad["event_id"])
    await wait_for(lambda: d.counts["duplicates"] >= 1, what="duplicate seen")
    await settle(d)
    assert d.counts["judged"] == 2 and len(ok_calls(vk_emu, "wall.deleteComment")) == 1
    log = vk_emu.state.callback_log
    assert all(e["ok"] for e in log if e["type"] != "user_block"), list(log)


async def test_callback_rejects_wrong_secret_and_garbage(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon(_callback_communities(), callback={"secret_env": "CB_SECRET"})
    assert d.http is not None
    url = d.http.url + "/vk/callback"
    event = {
        "type": "wall_reply_new",
        "group_id": G1,
        "event_id": "e1",
        "v": "5.199",
        "object": {"id": 1, "from_id": 5, "date": 1, "text": VIOLATING, "post_id": 1, "post_owner_id": -G1},
    }
    async with aiohttp.ClientSession() as s:
        async with s.post(url, json={**event, "secret": "wrong"}) as r:
            assert r.status == 403 and "secret" in await r.text()
        async with s.post(url, json=event) as r:  # no secret at all
            assert r.status == 403
        async with s.post(url, data=b"\xff\xfe not json") as r:
            assert r.status == 400 and "not JSON" in await r.text()
        async with s.post(url, data=json.dumps([1, 2])) as r:
            assert r.status == 400
        async with s.post(url, json={"type": "wall_reply_new"}) as r:
            assert r.status == 400
        async with s.post(url, json={"type": "confirmation", "group_id": 999}) as r:
            assert r.status == 403
        async with s.post(url, json={"type": "confirmation", "group_id": G2}) as r:
            assert r.status == 200 and await r.text() == vk_emu.state.groups[G2].confirmation_code
        # Well-formed envelope with a broken object: answered ok (VK must not retry it forever), logged.
        async with s.post(
            url,
            json={
                "type": "wall_reply_new",
                "group_id": G1,
                "event_id": "e2",
                "secret": "s3cr3t",
                "object": {"id": "x"},
            },
        ) as r:
            assert r.status == 200 and await r.text() == "ok"
        async with s.post(url, json={**event, "secret": "s3cr3t"}) as r:
            assert r.status == 200 and await r.text() == "ok"
        async with s.get(d.http.url + "/healthz") as r:
            assert r.status == 200
    await settle(d, judged=1)
    assert d.counts["malformed"] == 1
    assert d.metrics.callback_rejected.labels("403")._value.get() == 3
