"""OK Bot API messages (optional): the daemon subscribes its webhook, OK POSTs messages to it, they
are judged and journalled; a violating one is held for the moderators (OK cannot delete it)."""

from __future__ import annotations

from typing import Any

from bot.emulator.ok import OKEmulator
from tests.conftest import CLEAN, VIOLATING, settle, wait_for
from tests.okhelp import OKG, ok_community


async def test_messages_judged_and_violations_held(ok_emu: OKEmulator, make_ok_daemon: Any) -> None:
    # the daemon's HTTP listener serves the webhook path; its port is known only once it listens,
    # so the community names a placeholder URL first and the test subscribes the real one
    d = await make_ok_daemon(
        [
            ok_community(
                messages=True,
                bot_token_env=f"OKBOT{OKG}",
                messages_url="http://127.0.0.1:1/ok/messages/s3cr3t",
            )
        ]
    )
    token = next(t for t, g in ok_emu.state.bot_tokens.items() if g == OKG)
    await wait_for(lambda: ok_emu.state.subscriptions.get(token), 5, what="webhook subscribed")
    assert ok_emu.state.subscriptions[token] == ["http://127.0.0.1:1/ok/messages/s3cr3t"]
    assert d.http is not None
    ok_emu.state.subscriptions[token] = [f"{d.http.url}/ok/messages/s3cr3t"]

    clean = await ok_emu.post_message(OKG, "user:5100", CLEAN)
    bad = await ok_emu.post_message(OKG, "user:5101", VIOLATING)
    assert [x["status"] for x in clean["deliveries"] + bad["deliveries"]] == [200, 200]
    await settle(d, judged=2)
    rows = {r["comment_id"]: r for r in d.store._rows("SELECT * FROM comments WHERE kind = 'ok_message'")}
    assert set(rows) == {clean["mid"], bad["mid"]}
    assert rows[bad["mid"]]["author_id"] == "user:5101" and rows[bad["mid"]]["object_id"] == bad["chat_id"]
    held = d.store.latest_verdict_decision(rows[bad["mid"]]["key"])
    assert held["action"] == "review" and "OK не позволяет удалять сообщения" in held["reason"]
    assert d.store.latest_verdict_decision(rows[clean["mid"]]["key"])["action"] == "allow"
    assert not d.store.manual_actions() and not ok_emu.calls("discussions.deleteDiscussionComment")
    # a redelivered message is stored once
    import aiohttp

    payload = ok_emu.state.message_log[-1]["payload"]
    async with aiohttp.ClientSession() as s, s.post(f"{d.http.url}/ok/messages/s3cr3t", json=payload) as resp:
        assert resp.status == 200
    async with (
        aiohttp.ClientSession() as s,
        s.post(f"{d.http.url}/ok/messages/s3cr3t", data=b"{nope") as resp,
    ):
        assert resp.status == 200  # malformed: logged, acknowledged (a retry would not fix it)
    await settle(d)
    assert d.store._one("SELECT count(*) AS n FROM comments WHERE kind = 'ok_message'")["n"] == 2
    assert d.counts["malformed"] == 1
