"""The OK client against the OK emulator: signing, error mapping, pacing slowed on flood, retries
only where they help; and the emulator's paging and error answers the client relies on."""

from __future__ import annotations

import hashlib
import logging
import time

import aiohttp
import pytest

from bot.emulator.ok import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, ControlError, OKEmulator, expected_sig
from bot.ok.client import OKClient, encode, sign, signature
from bot.ok.errors import Credentials, OKAPIError, OKTransportError
from bot.ok.methods import comments_call, parse_page
from bot.ok.ratelimit import AdaptiveLimiter
from tests.okhelp import OKG, topics


def _creds(emu: OKEmulator, secret: str = DEFAULT_APP_SECRET) -> Credentials:
    token = next(iter(emu.state.tokens))
    return Credentials(DEFAULT_APP_KEY, secret, token)


def test_signature_as_documented() -> None:
    """§5.1: secret = md5(token + app secret); sig = md5(sorted k=v without token/sig + secret)."""
    creds = Credentials("CBAKEY", "appsecret", "tkn")
    body = sign("group.getInfo", {"uids": [1, 2], "fields": "name", "flag": True}, creds)
    secret = hashlib.md5(b"tkn" + b"appsecret").hexdigest()
    concat = "application_key=CBAKEYfields=nameflag=trueformat=jsonmethod=group.getInfouids=1,2"
    assert body["sig"] == hashlib.md5((concat + secret).encode()).hexdigest()
    assert body["access_token"] == "tkn" and "appsecret" not in body.values()
    # the emulator computes it independently and agrees; a changed value breaks it
    assert expected_sig(body, "tkn", "appsecret") == body["sig"]
    assert signature({**encode({"uids": "1,3"}), "application_key": "CBAKEY"}, secret) != body["sig"]
    assert "tkn" not in repr(creds) and "appsecret" not in str(creds)


async def test_calls_signed_and_paged(ok_emu: OKEmulator) -> None:
    t = topics(ok_emu)[0]
    for i in range(5):
        ok_emu.post_comment(OKG, t, 100 + i, f"текст {i}")
    with_client = OKClient(ok_emu.api_url, rate=100)
    try:
        creds = _creds(ok_emu)
        answer = await with_client.call(*comments_call(t, None, count=2), creds)
        page = parse_page(OKG, t, answer, time.time())
        assert [c.author_id for c in page.comments] == ["100", "101"] and page.has_more and page.anchor
        answer = await with_client.call(*comments_call(t, page.anchor, count=10), creds)
        rest = parse_page(OKG, t, answer, time.time())
        assert [c.author_id for c in rest.comments] == ["102", "103", "104"] and not rest.has_more
        # nothing new after the last anchor; a removed comment comes back flagged with includeRemoved
        ok_emu.remove_comment(rest.comments[-1].comment_id)
        again = parse_page(OKG, t, await with_client.call(*comments_call(t, page.anchor), creds), time.time())
        assert again.removed == [rest.comments[-1].comment_id]
        empty = parse_page(OKG, t, await with_client.call(*comments_call(t, rest.anchor), creds), time.time())
        assert empty.comments == [] and empty.anchor == rest.anchor
    finally:
        await with_client.close()


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ("secret", 104),
        ("expired", 102),
        ("unknown_token", 103),
        ("app_key", 101),
        ("method", 3),
        ("param", 100),
        ("not_admin", 50),
        ("topic", 106),
    ],
)
async def test_errors_are_mapped_not_retried(ok_emu: OKEmulator, setup: str, code: int) -> None:
    creds = _creds(ok_emu)
    method, params = (
        "group.getStatTopics",
        {"gid": OKG, "start_time": 0, "end_time": int(time.time() * 1000) + 1},
    )
    if setup == "secret":
        creds = _creds(ok_emu, "wrong")
    elif setup == "expired":
        ok_emu.state.expire_token(creds.access_token)
    elif setup == "unknown_token":
        creds = Credentials(DEFAULT_APP_KEY, DEFAULT_APP_SECRET, "nope")
    elif setup == "app_key":
        creds = Credentials("NOKEY", DEFAULT_APP_SECRET, creds.access_token)
    elif setup == "method":
        method = "group.banUser"
    elif setup == "param":
        params = {}
    elif setup == "not_admin":
        creds = Credentials(DEFAULT_APP_KEY, DEFAULT_APP_SECRET, ok_emu.state.add_token("555"))
    elif setup == "topic":
        method, params = comments_call("404404", None)
    client = OKClient(ok_emu.api_url, rate=100)
    try:
        with pytest.raises(OKAPIError) as ei:
            await client.call(method, params, creds)
    finally:
        await client.close()
    assert ei.value.code == code and not ei.value.transient
    assert len(ok_emu.calls()) == 1  # no retry where it cannot help
    assert creds.access_token not in str(ei.value)


async def test_transient_errors_retried_with_backoff(ok_emu: OKEmulator) -> None:
    ok_emu.add_fault("group.getInfo", "error", code=2, count=2)
    ok_emu.add_fault("group.getInfo", "http", status=502, count=1)
    client = OKClient(ok_emu.api_url, rate=100, backoff_cap=0.05, max_attempts=5)
    try:
        answer = await client.call("group.getInfo", {"uids": [OKG]}, _creds(ok_emu))
    finally:
        await client.close()
    assert answer == [{"uid": str(OKG), "name": ok_emu.state.groups[OKG].name}]
    client = OKClient(ok_emu.api_url, rate=100, backoff_cap=0.05, max_attempts=2)
    ok_emu.add_fault("group.getInfo", "nonjson", count=-1)
    try:
        with pytest.raises(OKTransportError):
            await client.call("group.getInfo", {"uids": [OKG]}, _creds(ok_emu))
    finally:
        await client.close()


async def test_flood_slows_the_token_down(ok_emu: OKEmulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    ok_emu.add_fault("group.getInfo", "error", code=8, count=1)
    client = OKClient(ok_emu.api_url, rate=40, backoff_cap=0.05)
    creds = _creds(ok_emu)
    try:
        await client.call("group.getInfo", {"uids": [OKG]}, creds)
        assert client.pace(creds) == 20  # halved
        # quota: no retry, the token pauses
        ok_emu.state.quota = 0
        with pytest.raises(OKAPIError) as ei:
            await client.call("group.getInfo", {"uids": [OKG]}, creds)
        assert ei.value.code == 11 and client.limiter(creds).delay() > 30
    finally:
        await client.close()
    lines = [r.getMessage() for r in caplog.records if "flood" in r.getMessage()]
    assert len(lines) == 1 and "20.00 requests/s" in lines[0] and creds.access_token not in lines[0]


async def test_emulator_rate_limit_answers_flood(ok_emu: OKEmulator) -> None:
    ok_emu.state.rate_limit = 3
    client = OKClient(ok_emu.api_url, rate=1000, backoff_cap=0.05, max_attempts=10)
    try:
        for _ in range(8):
            await client.call("group.getInfo", {"uids": [OKG]}, _creds(ok_emu))
        assert ok_emu.state.counters["flood"] >= 1 and client.pace(_creds(ok_emu)) < 1000
    finally:
        await client.close()


async def test_limiter_spaces_and_recovers() -> None:
    lim = AdaptiveLimiter(20, recover_after=0.05)
    start = time.monotonic()
    for _ in range(5):
        await lim.acquire()
    assert time.monotonic() - start >= 4 / 20 - 0.01
    assert lim.flood(hold=0) == 10
    time.sleep(0.06)
    await lim.acquire()
    assert lim.rate == 12.5


async def test_emulator_control_endpoints_over_http(ok_emu: OKEmulator) -> None:
    async with aiohttp.ClientSession() as s:
        async with s.post(f"{ok_emu.url}/_test/topic", json={"group_id": OKG, "text": "из теста"}) as r:
            topic = (await r.json())["topic_id"]
        async with s.post(
            f"{ok_emu.url}/_test/comment",
            json={"group_id": OKG, "topic_id": topic, "author_id": "77", "text": "привет"},
        ) as r:
            cid = (await r.json())["comment_id"]
        async with s.post(f"{ok_emu.url}/_test/deletion", json={"mode": "enabled"}) as r:
            assert r.status == 200
        async with s.post(
            f"{ok_emu.url}/_test/comment",
            json={"group_id": 999, "topic_id": topic, "author_id": "1", "text": "x"},
        ) as r:
            assert r.status == 404 and "unknown group" in (await r.json())["error"]
        async with s.get(f"{ok_emu.url}/_test/state", params={"group_id": str(OKG)}) as r:
            state = await r.json()
    assert [c["id"] for c in state["comments"]] == [cid] and state["config"]["deletion"] == "enabled"
    client = OKClient(ok_emu.api_url, rate=100)
    try:
        assert (
            await client.call(
                "discussions.deleteDiscussionComment",
                {
                    "discussionId": topic,
                    "discussionType": "GROUP_TOPIC",
                    "comment_id": cid,
                    "block_author": True,
                },
                _creds(ok_emu),
            )
            is True
        )
    finally:
        await client.close()
    assert ok_emu.comment(cid)["deleted"] and "77" in ok_emu.state.groups[OKG].blocked
    with pytest.raises(ControlError) as ei:
        ok_emu.post_comment(OKG, topic, "77", "снова")
    assert ei.value.extra["reason"] == "blocked"
