"""VK transport against the emulator: rate limits, retries, permanent errors, captcha, execute."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from bot.emulator import VKEmulator
from bot.vk import Token, TokenPaused, TransportError, VKAPIError, VKClient, mask
from bot.vk.client import build_execute_code, encode_params
from bot.vk.execute import ExecuteBatcher
from bot.vk.ratelimit import RateLimiter
from tests.conftest import ADMIN1, G1

UTOK = Token(f"vk1.a.user{ADMIN1}", "user")
GTOK = Token(f"vk1.a.group{G1}", "group")


def test_encode_params_and_execute_code() -> None:
    assert encode_params({"a": True, "b": [1, 2], "c": None, "d": {"x": 1}, "e": 5}) == {
        "a": "1",
        "b": "1,2",
        "d": '{"x": 1}',
        "e": "5",
    }
    code = build_execute_code(
        [
            ("wall.deleteComment", {"owner_id": -1, "comment_id": 5}),
            ("groups.ban", {"group_id": 1, "owner_id": 7, "comment": "п. 19 «мат»", "x": None}),
        ]
    )
    assert code == (
        'return [API.wall.deleteComment({"owner_id": -1, "comment_id": 5}), '
        'API.groups.ban({"group_id": 1, "owner_id": 7, "comment": "п. 19 «мат»"})];'
    )


def test_mask_never_shows_a_usable_token() -> None:
    token = "vk1.a.abcdefghijklmnopqrstuvwxyz0123456789"
    assert (
        token not in mask(token)
        and token not in repr(Token(token))
        and token not in str(Token(token, "group"))
    )


async def test_rate_limiter_keeps_any_window_under_the_limit() -> None:
    lim = RateLimiter(3, margin=0.0)
    stamps = []
    for _ in range(7):
        await lim.acquire()
        stamps.append(time.monotonic())
    for i in range(len(stamps) - 3):
        assert stamps[i + 3] - stamps[i] >= 0.99


async def test_user_token_calls_stay_under_vk_rate_limit(vk_emu: VKEmulator) -> None:
    async with VKClient(vk_emu.api_url) as client:
        await asyncio.gather(*[client.call("users.get", {"user_ids": "1"}, UTOK) for _ in range(8)])
    assert vk_emu.state.counters["rate_limited"] == 0
    assert len(vk_emu.calls("users.get")) == 8


async def test_transient_errors_and_bad_bodies_are_retried(vk_emu: VKEmulator) -> None:
    vk_emu.add_fault("groups.getById", "error", count=1, error_code=6)
    vk_emu.add_fault("groups.getById", "error", count=1, error_code=9)
    vk_emu.add_fault("groups.getById", "error", count=1, error_code=10)
    vk_emu.add_fault("groups.getById", "http", count=1, status=502)
    vk_emu.add_fault("groups.getById", "nonjson", count=1)
    errors: list[str] = []
    async with VKClient(
        vk_emu.api_url, max_attempts=8, on_error=lambda code, m: errors.append(code)
    ) as client:
        client.limiter(GTOK).period = 0.01
        import bot.vk.client as mod

        old = dict(mod.BACKOFF_BASE)
        mod.BACKOFF_BASE.update({6: 0.01, 9: 0.01, 10: 0.01, 0: 0.01})
        try:
            r = await client.call("groups.getById", {"group_id": G1}, GTOK)
        finally:
            mod.BACKOFF_BASE.update(old)
    assert r["groups"][0]["id"] == G1
    assert sorted(errors) == sorted(["6", "9", "10", "transport", "transport"])


async def test_permanent_error_is_raised_at_once(vk_emu: VKEmulator) -> None:
    async with VKClient(vk_emu.api_url) as client:
        with pytest.raises(VKAPIError) as exc:
            await client.call("wall.deleteComment", {"owner_id": -G1, "comment_id": 1}, GTOK)
    assert exc.value.code == 27 and not exc.value.transient
    assert len(vk_emu.calls("wall.deleteComment")) == 1


async def test_network_error_becomes_transport_error() -> None:
    async with VKClient("http://127.0.0.1:9/method/", max_attempts=2) as client:
        import bot.vk.client as mod

        old = dict(mod.BACKOFF_BASE)
        mod.BACKOFF_BASE[0] = 0.01
        try:
            with pytest.raises(TransportError):
                await client.call("users.get", {}, UTOK)
        finally:
            mod.BACKOFF_BASE.update(old)


async def test_captcha_pauses_the_token_once_and_resumes(
    vk_emu: VKEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    vk_emu.add_fault("users.get", "error", count=1, error_code=14)
    caplog.set_level(logging.INFO, logger="modbot.vk")
    async with VKClient(vk_emu.api_url, captcha_pause=0.3) as client:
        with pytest.raises(TokenPaused) as exc:
            await client.call("users.get", {}, UTOK)
        assert exc.value.until > time.time()
        with pytest.raises(TokenPaused):  # still paused: no request is made
            await client.call("users.get", {}, UTOK)
        assert len(vk_emu.calls("users.get")) == 1
        assert await client.call("groups.getById", {"group_id": G1}, GTOK)  # other tokens unaffected
        await asyncio.sleep(0.35)
        assert (await client.call("users.get", {}, UTOK))[0]["id"] == ADMIN1
    text = caplog.text
    assert text.count("captcha required") == 1 and "works again" in text
    assert UTOK.value not in text and GTOK.value not in text


async def test_captchas_of_one_execute_batch_pause_the_token_once(
    vk_emu: VKEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Seven inner calls answered with a captcha are one captcha: one pause of the base length, not 60 s
    doubled seven times (the chaos bench saw a token paused for an hour this way)."""
    vk_emu.add_fault("groups.ban", "error", count=7, error_code=14, where="execute")
    caplog.set_level(logging.INFO, logger="modbot.vk")
    async with VKClient(vk_emu.api_url, captcha_pause=30) as client:
        calls = [("groups.ban", {"group_id": G1, "owner_id": 7000 + i}) for i in range(7)]
        results = await client.execute(calls, UTOK)
        assert all(isinstance(r, TokenPaused) for r in results)
        until = client.paused_until(UTOK)
        assert until is not None and until - time.time() <= 30.5
    assert caplog.text.count("captcha required") == 1


async def test_execute_batcher_coalesces_and_reports_each_call(vk_emu: VKEmulator) -> None:
    ids = [vk_emu.post_comment(G1, 5000 + i, f"коммент {i}")["comment_id"] for i in range(60)]
    vk_emu.add_fault("wall.deleteComment", "error", count=1, error_code=211)  # hits one inner call only
    async with VKClient(vk_emu.api_url) as client:
        batcher = ExecuteBatcher(client)
        results = await asyncio.gather(
            *[batcher.submit("wall.deleteComment", {"owner_id": -G1, "comment_id": i}, UTOK) for i in ids],
            return_exceptions=True,
        )
        await batcher.close()
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], VKAPIError) and errors[0].code == 211
    assert results.count(1) == 59
    executes = [c for c in vk_emu.calls("execute")]
    assert executes and all(c["error_code"] is None for c in executes)
    inner = [c for c in vk_emu.calls("wall.deleteComment") if c["via"] == "execute"]
    per_exec: dict[int, int] = {}
    for c in inner:
        per_exec[c["parent"]] = per_exec.get(c["parent"], 0) + 1
    assert max(per_exec.values()) <= 25
    assert (
        sum(per_exec.values()) + len([c for c in vk_emu.calls("wall.deleteComment") if c["via"] == "http"])
        == 60
    )
    assert vk_emu.state.counters["rate_limited"] == 0


async def test_batcher_fails_everyone_waiting_on_a_paused_token(vk_emu: VKEmulator) -> None:
    vk_emu.add_fault("execute", "error", count=1, error_code=14)
    vk_emu.add_fault("wall.deleteComment", "error", count=1, error_code=14)
    ids = [vk_emu.post_comment(G1, 6000 + i, "x")["comment_id"] for i in range(5)]
    async with VKClient(vk_emu.api_url, captcha_pause=30) as client:
        batcher = ExecuteBatcher(client)
        results = await asyncio.gather(
            *[batcher.submit("wall.deleteComment", {"owner_id": -G1, "comment_id": i}, UTOK) for i in ids],
            return_exceptions=True,
        )
        assert all(isinstance(r, TokenPaused) for r in results)
        with pytest.raises(TokenPaused):
            await batcher.submit("wall.deleteComment", {"owner_id": -G1, "comment_id": ids[0]}, UTOK)
        await batcher.close()
