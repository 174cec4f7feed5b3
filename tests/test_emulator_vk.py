"""Tests of the VK emulator (bot/emulator/vk/) over real HTTP on 127.0.0.1.

The daemon's own tests trust the emulator to behave like VK, so these tests pin
the behaviours the daemon depends on: token kinds (27/5/15/211), comment
delete/restore semantics and events, bans, rate limits, fault injection,
execute, Bots Long Poll failures/redelivery, Callback API delivery, and — most
importantly — that vkbottle itself talks to it unchanged.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from vkbottle import API, CaptchaError, VKAPIError
from vkbottle.polling import BotPolling
from vkbottle_types.events import bot_events

from bot.emulator import DESIGN_CHOICES, VKEmulator, VKState

G = 1
ADMIN = 100
AUTHOR = 555


# ----------------------------------------------------------------------------- fixtures / helpers


@pytest.fixture
async def emu() -> AsyncIterator[VKEmulator]:
    """Emulator with rate limits off (the rate-limit test turns them on) and one group + one post."""
    async with VKEmulator(rate_limits={"user": None, "group": None, "service": None}) as e:
        e.add_group(G, "Администрация")
        e.add_post(G, "Новости города")
        yield e


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as s:
        yield s


GTOK = f"vk1.a.group{G}"
UTOK = f"vk1.a.user{ADMIN}"


async def vk(
    http: aiohttp.ClientSession, emu: VKEmulator, method: str, token: str | None, **params: Any
) -> dict[str, Any]:
    """Call like vkbottle does: token and v in the query, params as a form body."""
    query = {"v": "5.199"}
    if token is not None:
        query["access_token"] = token
    data = {k: str(int(v) if isinstance(v, bool) else v) for k, v in params.items()}
    async with http.post(emu.api_url + method, params=query, data=data) as resp:
        assert resp.status == 200
        return await resp.json()


def err(body: dict[str, Any]) -> int:
    assert "error" in body, body
    return int(body["error"]["error_code"])


async def lp_server(http: aiohttp.ClientSession, emu: VKEmulator, token: str = GTOK) -> dict[str, Any]:
    body = await vk(http, emu, "groups.getLongPollServer", token, group_id=G)
    return body["response"]


async def lp_poll(
    http: aiohttp.ClientSession, server: dict[str, Any], ts: str | None = None, wait: float = 0
) -> dict[str, Any]:
    params = {
        "act": "a_check",
        "key": server["key"],
        "ts": ts if ts is not None else server["ts"],
        "wait": wait,
    }
    async with http.post(server["server"], params=params) as resp:
        assert resp.status == 200
        return await resp.json()


async def wait_until(pred: Callable[[], Any], timeout: float = 3.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = pred()
        if value:
            return value
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in time")


def camel(event_type: str) -> str:
    return "".join(part.capitalize() for part in event_type.split("_"))


def validate_with_vkbottle(envelope: dict[str, Any]) -> None:
    """vkbottle-types' pydantic models must accept every envelope the emulator emits."""
    model = getattr(bot_events, camel(envelope["type"]))
    model.model_validate(envelope)


# ----------------------------------------------------------------------------- transport and auth


async def test_request_formats_and_group_get_by_id(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    # group token, no params -> that token's group, 5.199 shape
    body = await vk(http, emu, "groups.getById", GTOK)
    assert body["response"]["profiles"] == []
    assert body["response"]["groups"][0]["id"] == G
    assert body["response"]["groups"][0]["name"] == "Администрация"
    # GET with everything in the query string
    async with http.get(
        emu.api_url + "groups.getById", params={"access_token": UTOK, "v": "5.199", "group_ids": f"club{G}"}
    ) as resp:
        got = await resp.json()
    assert got["response"]["groups"][0]["is_admin"] == 1
    # Authorization: Bearer + token-less form body
    async with http.post(
        emu.api_url + "users.get",
        headers={"Authorization": f"Bearer {UTOK}"},
        data={"v": "5.199", "user_ids": "7,8"},
    ) as resp:
        got = await resp.json()
    assert [u["id"] for u in got["response"]] == [7, 8]
    # no v -> 8, unknown method -> 3, no token -> 5
    async with http.post(emu.api_url + "users.get", data={"access_token": UTOK}) as resp:
        assert err(await resp.json()) == 8
    assert err(await vk(http, emu, "wall.nosuch", UTOK)) == 3
    assert err(await vk(http, emu, "users.get", None)) == 5


async def test_token_kinds(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    c = emu.post_comment(G, AUTHOR, "spam")
    # user-only method with a community token -> 27 with VK's exact message and request_params
    body = await vk(http, emu, "wall.deleteComment", GTOK, owner_id=-G, comment_id=c["comment_id"])
    assert body["error"]["error_code"] == 27
    assert body["error"]["error_msg"] == "Group authorization failed: method is unavailable with group auth."
    rp = {p["key"]: p["value"] for p in body["error"]["request_params"]}
    assert (
        rp["method"] == "wall.deleteComment"
        and rp["v"] == "5.199"
        and rp["comment_id"] == str(c["comment_id"])
    )
    assert "access_token" not in rp
    for method in ("groups.ban", "wall.get", "wall.getComments", "photos.deleteComment", "groups.unban"):
        assert err(await vk(http, emu, method, GTOK, group_id=G, owner_id=-G)) == 27, method
    # unknown token -> 5
    assert err(await vk(http, emu, "groups.getById", "vk1.a.bogus", group_id=G)) == 5
    # user that is not an admin: 211 for comments, 15 for the rest
    stranger = emu.add_user_token(777)
    assert (
        err(await vk(http, emu, "wall.deleteComment", stranger, owner_id=-G, comment_id=c["comment_id"]))
        == 211
    )
    assert err(await vk(http, emu, "groups.ban", stranger, group_id=G, owner_id=AUTHOR)) == 15
    assert err(await vk(http, emu, "groups.getBanned", stranger, group_id=G)) == 15
    # ... but reading a public wall is fine
    assert "response" in await vk(http, emu, "wall.getComments", stranger, owner_id=-G, post_id=1)
    # the author may delete their own comment
    author = emu.add_user_token(AUTHOR)
    own = emu.post_comment(G, AUTHOR, "oops")
    assert (await vk(http, emu, "wall.deleteComment", author, owner_id=-G, comment_id=own["comment_id"]))[
        "response"
    ] == 1
    # service token: reads allowed, moderation -> 28
    service = emu.add_service_token()
    assert "response" in await vk(http, emu, "wall.get", service, owner_id=-G)
    assert (
        err(await vk(http, emu, "wall.deleteComment", service, owner_id=-G, comment_id=c["comment_id"])) == 28
    )
    # missing scope -> 15; missing param -> 100; group-only method with user token -> 15
    noscope = emu.add_user_token(ADMIN + 1, admin_of=[G], scopes=["offline"])
    assert (
        err(await vk(http, emu, "wall.deleteComment", noscope, owner_id=-G, comment_id=c["comment_id"])) == 15
    )
    body = await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G)
    assert err(body) == 100 and "comment_id" in body["error"]["error_msg"]
    assert err(await vk(http, emu, "groups.getTokenPermissions", UTOK)) == 15
    perms = (await vk(http, emu, "groups.getTokenPermissions", GTOK))["response"]
    assert {p["name"] for p in perms["permissions"]} >= {"manage", "messages"}
    # community token of another group
    other_gtok, _ = emu.add_group(2)
    assert err(await vk(http, emu, "groups.getLongPollServer", other_gtok, group_id=G)) == 15


# ----------------------------------------------------------------------------- comments


async def test_delete_restore_semantics(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    server = await lp_server(http, emu)
    c = emu.post_comment(G, AUTHOR, "плохой комментарий")
    cid = c["comment_id"]
    ok = emu.post_comment(G, AUTHOR + 1, "нормальный")

    async def listed() -> list[int]:
        body = await vk(http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1, count=100)
        return [i["id"] for i in body["response"]["items"]]

    assert await listed() == [cid, ok["comment_id"]]
    assert (await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=cid))["response"] == 1
    assert await listed() == [ok["comment_id"]]
    snap = emu.snapshot()
    row = next(r for r in snap["comments"] if r["id"] == cid)
    assert row["deleted"] and row["deleter_id"] == ADMIN and row["deleted_at"]
    # double delete is idempotent and emits nothing
    assert (await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=cid))["response"] == 1
    got = await lp_poll(http, server)
    types = [u["type"] for u in got["updates"]]
    assert types == ["wall_reply_new", "wall_reply_new", "wall_reply_delete"]
    delete_obj = got["updates"][2]["object"]
    assert delete_obj == {"owner_id": -G, "id": cid, "post_id": 1, "deleter_id": ADMIN, "user_id": ADMIN}
    for u in got["updates"]:
        validate_with_vkbottle(u)
    # getComment on the deleted one shows the stub; wall.get counts only live comments
    one = (await vk(http, emu, "wall.getComment", UTOK, owner_id=-G, comment_id=cid))["response"]["items"][0]
    assert one["deleted"] is True and one["text"] == ""
    posts = (await vk(http, emu, "wall.get", UTOK, owner_id=-G))["response"]
    assert posts["items"][0]["comments"]["count"] == 1
    # restore -> back, full object event
    assert (await vk(http, emu, "wall.restoreComment", UTOK, owner_id=-G, comment_id=cid))["response"] == 1
    assert await listed() == [cid, ok["comment_id"]]
    got = await lp_poll(http, server, got["ts"])
    (restore,) = got["updates"]
    assert restore["type"] == "wall_reply_restore"
    assert restore["object"]["text"] == "плохой комментарий" and restore["object"]["post_owner_id"] == -G
    validate_with_vkbottle(restore)
    # restoring a live comment -> 243; unknown -> 104; photos unknown -> 0
    assert err(await vk(http, emu, "wall.restoreComment", UTOK, owner_id=-G, comment_id=cid)) == 243
    assert err(await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=99999)) == 104
    assert (await vk(http, emu, "photos.deleteComment", UTOK, owner_id=-G, comment_id=99999))["response"] == 0
    assert (await vk(http, emu, "market.restoreComment", UTOK, owner_id=-G, comment_id=99999))[
        "response"
    ] == 0
    # restore window: after it -> 211
    await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=cid)
    emu.state.advance_clock(emu.state.restore_window + 1)
    assert err(await vk(http, emu, "wall.restoreComment", UTOK, owner_id=-G, comment_id=cid)) == 211
    assert "double_delete" in DESIGN_CHOICES


async def test_all_kinds_events_and_moderation(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    server = await lp_server(http, emu)
    made = {
        "photo": emu.post_comment(G, AUTHOR, "p", "photo", parent_id=11),
        "video": emu.post_comment(G, AUTHOR, "v", "video", parent_id=12),
        "board": emu.post_comment(G, AUTHOR, "b", "board", parent_id=13),
        "market": emu.post_comment(G, AUTHOR, "m", "market", parent_id=14),
        "message": emu.post_comment(G, AUTHOR, "hello", "message"),
    }
    emu.edit_comment(G, made["photo"]["comment_id"], "p2", kind="photo")
    emu.edit_comment(G, made["message"]["comment_id"], "hello2", kind="message")
    for section, kind in (("photos", "photo"), ("video", "video"), ("market", "market")):
        body = await vk(
            http, emu, f"{section}.deleteComment", UTOK, owner_id=-G, comment_id=made[kind]["comment_id"]
        )
        assert body["response"] == 1
        body = await vk(
            http, emu, f"{section}.restoreComment", UTOK, owner_id=-G, comment_id=made[kind]["comment_id"]
        )
        assert body["response"] == 1
    # board: group_id + topic_id, community token allowed; wrong topic -> 104
    bid = made["board"]["comment_id"]
    assert (
        err(await vk(http, emu, "board.deleteComment", GTOK, group_id=G, topic_id=99, comment_id=bid)) == 104
    )
    assert (await vk(http, emu, "board.deleteComment", GTOK, group_id=G, topic_id=13, comment_id=bid))[
        "response"
    ] == 1
    assert (await vk(http, emu, "board.restoreComment", UTOK, group_id=G, topic_id=13, comment_id=bid))[
        "response"
    ] == 1
    got = await lp_poll(http, server)
    types = [u["type"] for u in got["updates"]]
    assert types == [
        "photo_comment_new",
        "video_comment_new",
        "board_post_new",
        "market_comment_new",
        "message_new",
        "photo_comment_edit",
        "message_edit",
        "photo_comment_delete",
        "photo_comment_restore",
        "video_comment_delete",
        "video_comment_restore",
        "market_comment_delete",
        "market_comment_restore",
        "board_post_delete",
        "board_post_restore",
    ]
    by_type = {u["type"]: u for u in got["updates"]}
    assert by_type["photo_comment_new"]["object"]["photo_id"] == 11
    assert by_type["photo_comment_new"]["object"]["photo_owner_id"] == -G
    assert by_type["market_comment_new"]["object"]["item_id"] == 14
    assert by_type["board_post_delete"]["object"] == {
        "topic_owner_id": -G,
        "topic_id": 13,
        "id": bid,
        "deleter_id": -G,
    }
    msg = by_type["message_new"]["object"]
    assert msg["message"]["text"] == "hello" and msg["message"]["from_id"] == AUTHOR and "client_info" in msg
    assert len({u["event_id"] for u in got["updates"]}) == len(got["updates"])
    for u in got["updates"]:
        assert set(u) == {"type", "object", "group_id", "event_id", "v"} and u["v"] == "5.199"
        validate_with_vkbottle(u)


async def test_get_comments_paging_threads(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    ids = [emu.post_comment(G, AUTHOR, f"c{i}")["comment_id"] for i in range(5)]
    replies = [emu.post_comment(G, AUTHOR + 1, f"r{i}", reply_to=ids[0])["comment_id"] for i in range(3)]
    # a reply to a reply stays in the root thread
    deep = emu.post_comment(G, AUTHOR, "deep", reply_to=replies[0])

    async def get(**params: Any) -> dict[str, Any]:
        return (await vk(http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1, **params))["response"]

    page = await get(count=2, offset=1)
    assert [i["id"] for i in page["items"]] == ids[1:3]
    assert page["count"] == 9 and page["current_level_count"] == 5
    assert [i["id"] for i in (await get(sort="desc", count=3))["items"]] == ids[::-1][:3]
    assert [i["id"] for i in (await get(start_comment_id=ids[3]))["items"]] == ids[3:]
    first = (await get(count=1, thread_items_count=2))["items"][0]
    assert first["thread"]["count"] == 4 and [t["id"] for t in first["thread"]["items"]] == replies[:2]
    thread = await get(comment_id=ids[0], count=100)
    assert [i["id"] for i in thread["items"]] == [*replies, deep["comment_id"]]
    assert thread["items"][-1]["parents_stack"] == [ids[0]]
    assert thread["items"][-1]["reply_to_comment"] == replies[0]
    assert err(await vk(http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1, count=101)) == 100
    # deleted parent with live replies -> stub
    await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=ids[0])
    stub = (await get(count=1))["items"][0]
    assert stub["id"] == ids[0] and stub["deleted"] is True and stub["thread"]["count"] == 4
    extended = await get(count=2, extended=1)
    assert {p["id"] for p in extended["profiles"]} >= {AUTHOR}


async def test_method_replies_carry_texts_utf8_cannot(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    """A lone surrogate in a stored comment goes out as a JSON escape, not as a 500 for the whole page."""
    emu.post_comment(G, AUTHOR, "иди \ud83d отсюда")
    emu.post_comment(G, AUTHOR, "обычный текст")
    r = await vk(http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1)
    assert [i["text"] for i in r["response"]["items"]] == ["иди \ud83d отсюда", "обычный текст"]


# ----------------------------------------------------------------------------- bans


async def test_bans_events_and_expiry(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    server = await lp_server(http, emu)
    end = int(emu.state.now()) + 3600
    body = await vk(
        http,
        emu,
        "groups.ban",
        UTOK,
        group_id=G,
        owner_id=AUTHOR,
        reason=1,
        comment="spam",
        comment_visible=1,
        end_date=end,
    )
    assert body["response"] == 1
    await vk(http, emu, "groups.ban", UTOK, group_id=G, owner_id=AUTHOR + 1, reason=3)
    assert err(await vk(http, emu, "groups.ban", UTOK, group_id=G, owner_id=AUTHOR, reason=7)) == 100
    banned = (await vk(http, emu, "groups.getBanned", GTOK, group_id=G))["response"]
    assert banned["count"] == 2
    item = next(i for i in banned["items"] if i["profile"]["id"] == AUTHOR)
    assert item["type"] == "profile" and set(item["profile"]) >= {"id", "first_name", "last_name"}
    assert item["ban_info"] == {
        "admin_id": ADMIN,
        "date": item["ban_info"]["date"],
        "reason": 1,
        "comment": "spam",
        "comment_visible": True,
        "end_date": end,
    }
    assert banned["items"][0]["profile"]["id"] == AUTHOR + 1  # newest first
    assert err(await vk(http, emu, "groups.getBanned", GTOK, group_id=G, owner_id=42)) == 104
    # a banned author cannot post: the control endpoint says why
    async with http.post(
        emu.url + "/_test/comment", json={"group_id": G, "from_id": AUTHOR, "text": "x"}
    ) as resp:
        assert resp.status == 400
        assert (await resp.json())["reason"] == "banned"
    # unban -> user_unblock; then posting works again
    assert (await vk(http, emu, "groups.unban", UTOK, group_id=G, owner_id=AUTHOR))["response"] == 1
    emu.post_comment(G, AUTHOR, "I am back")
    # expiry: AUTHOR+1 was banned forever; ban AUTHOR+2 until soon and move the clock
    await vk(
        http, emu, "groups.ban", UTOK, group_id=G, owner_id=AUTHOR + 2, end_date=int(emu.state.now()) + 60
    )
    emu.state.advance_clock(61)
    banned = (await vk(http, emu, "groups.getBanned", UTOK, group_id=G))["response"]
    assert [i["profile"]["id"] for i in banned["items"]] == [AUTHOR + 1]
    got = await lp_poll(http, server)
    events = [(u["type"], u["object"]) for u in got["updates"]]
    assert [t for t, _ in events] == [
        "user_block",
        "user_block",
        "user_unblock",
        "wall_reply_new",
        "user_block",
        "user_unblock",
    ]
    assert events[0][1] == {
        "admin_id": ADMIN,
        "user_id": AUTHOR,
        "unblock_date": end,
        "reason": 1,
        "comment": "spam",
    }
    assert events[2][1] == {"admin_id": ADMIN, "user_id": AUTHOR, "by_end_date": 0}
    assert events[5][1] == {"admin_id": ADMIN, "user_id": AUTHOR + 2, "by_end_date": 1}
    for u in got["updates"]:
        validate_with_vkbottle(u)


# ----------------------------------------------------------------------------- rate limits and faults


async def test_rate_limits(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    emu.state.rate_limits.update(user=3, group=20)
    results = [await vk(http, emu, "users.get", UTOK) for _ in range(4)]
    assert ["response" in r for r in results] == [True, True, True, False]
    assert err(results[3]) == 6 and results[3]["error"]["error_msg"] == "Too many requests per second"
    # an execute with several inner calls counts once
    emu.state.reset_rate_limits()
    code = "return [" + ",".join(f'API.users.get({{"user_ids": {i}}})' for i in range(1, 11)) + "];"
    assert len((await vk(http, emu, "execute", UTOK, code=code))["response"]) == 10
    assert "response" in await vk(http, emu, "users.get", UTOK)
    # group tokens: 20/s
    group_results = [await vk(http, emu, "users.get", GTOK, user_ids=1) for _ in range(21)]
    assert sum("error" in r for r in group_results) == 1 and err(group_results[-1]) == 6
    # the window slides
    await asyncio.sleep(1.05)
    assert "response" in await vk(http, emu, "users.get", UTOK)
    assert emu.snapshot()["counters"]["rate_limited"] == 2


async def test_fault_injection(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    for code in (6, 9, 10, 29):
        emu.add_fault("users.get", "error", count=1, error_code=code)
        assert err(await vk(http, emu, "users.get", UTOK)) == code
        assert "response" in await vk(http, emu, "users.get", UTOK)
    # count=2 on "*" hits the next two requests of any method
    emu.add_fault("*", "error", count=2, error_code=10)
    assert err(await vk(http, emu, "groups.getById", GTOK)) == 10
    assert err(await vk(http, emu, "users.get", UTOK)) == 10
    assert "response" in await vk(http, emu, "users.get", UTOK)
    # captcha: error carries sid/img; a retry with the right key passes, a wrong key does not
    emu.add_fault("wall.getComments", "error", count=-1, error_code=14, captcha_key="k3y")
    body = await vk(http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1)
    assert err(body) == 14
    sid, img = body["error"]["captcha_sid"], body["error"]["captcha_img"]
    async with http.get(img) as resp:
        assert resp.status == 200 and resp.content_type == "image/png"
    bad = await vk(
        http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1, captcha_sid=sid, captcha_key="no"
    )
    assert err(bad) == 14
    sid = bad["error"]["captcha_sid"]
    good = await vk(
        http, emu, "wall.getComments", UTOK, owner_id=-G, post_id=1, captcha_sid=sid, captcha_key="k3y"
    )
    assert "response" in good
    emu.state.clear_faults()
    # HTTP 5xx, non-JSON body, delay
    emu.add_fault("users.get", "http", status=503)
    async with http.post(emu.api_url + "users.get", params={"access_token": UTOK, "v": "5.199"}) as resp:
        assert resp.status == 503
    emu.add_fault("users.get", "nonjson")
    async with http.post(emu.api_url + "users.get", params={"access_token": UTOK, "v": "5.199"}) as resp:
        assert resp.status == 200
        with pytest.raises(json.JSONDecodeError):
            json.loads(await resp.text())
    emu.add_fault("users.get", "delay", delay=0.3)
    t0 = time.monotonic()
    assert "response" in await vk(http, emu, "users.get", UTOK)
    assert time.monotonic() - t0 >= 0.3
    # the same plan over the control endpoint
    async with http.post(
        emu.url + "/_test/faults",
        json={"method": "groups.getById", "kind": "error", "error_code": 9, "count": 1},
    ) as resp:
        plan = (await resp.json())["faults"]
    assert plan[-1]["error_code"] == 9
    assert err(await vk(http, emu, "groups.getById", GTOK)) == 9
    async with http.post(emu.url + "/_test/faults", json={"clear": True}) as resp:
        assert (await resp.json())["faults"] == []


async def test_execute_mixed(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    a = emu.post_comment(G, AUTHOR, "a")["comment_id"]
    b = emu.post_comment(G, AUTHOR, "b")["comment_id"]
    emu.add_fault("groups.ban", "error", error_code=9)
    code = f"""return [
        API.wall.deleteComment({{"owner_id": -{G}, "comment_id": {a}}}),
        API.wall.deleteComment({{owner_id: -{G}, 'comment_id': 987654}}),
        API.groups.ban({{"group_id": {G}, "owner_id": {AUTHOR}, "reason": 1, "comment_visible": true}}),
        API.wall.deleteComment({{"owner_id": -{G}, "comment_id": {b}}}),
        API.groups.ban({{"group_id": {G}, "owner_id": {AUTHOR}, "reason": 1, "comment": "спам"}})
    ];"""
    body = await vk(http, emu, "execute", UTOK, code=code)
    assert body["response"] == [1, False, False, 1, 1]
    assert body["execute_errors"] == [
        {"method": "wall.deleteComment", "error_code": 104, "error_msg": "Not found"},
        {"method": "groups.ban", "error_code": 9, "error_msg": "Flood control"},
    ]
    snap = emu.snapshot()
    assert {c["id"] for c in snap["comments"] if c["deleted"]} == {a, b}
    assert snap["bans"][0]["comment"] == "спам"
    inner = emu.calls("wall.deleteComment")
    assert [c["via"] for c in inner] == ["execute"] * 3 and inner[0]["parent"] == emu.calls("execute")[0][
        "seq"
    ]
    # group token inside execute still gets 27 per inner call
    body = await vk(
        http,
        emu,
        "execute",
        GTOK,
        code=f'return API.wall.deleteComment({{"owner_id": -{G}, "comment_id": {a}}});',
    )
    assert body["response"] is False and body["execute_errors"][0]["error_code"] == 27
    too_many = "return [" + ",".join(["API.users.get({})"] * 26) + "];"
    assert err(await vk(http, emu, "execute", UTOK, code=too_many)) == 13
    assert err(await vk(http, emu, "execute", UTOK, code="var x = 1; return x;")) == 12


# ----------------------------------------------------------------------------- fault plan for the chaos bench


async def post_faults(
    http: aiohttp.ClientSession, emu: VKEmulator, body: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    async with http.post(emu.url + "/_test/faults", json=body) as resp:
        return resp.status, await resp.json()


async def raw_call(http: aiohttp.ClientSession, emu: VKEmulator, method: str, token: str) -> tuple[int, str]:
    async with http.post(emu.api_url + method, params={"access_token": token, "v": "5.199"}) as resp:
        return resp.status, await resp.text()


CHAOS_CODES = (5, 6, 9, 10, 14, 15, 27, 29, 100, 901)


async def test_fault_any_error_code_top_level_and_inside_execute(
    emu: VKEmulator, http: aiohttp.ClientSession
) -> None:
    inner = 'return [API.users.get({"user_ids": 1}), API.groups.getById({"group_id": 1})];'
    for code in CHAOS_CODES:
        status, _ = await post_faults(http, emu, {"method": "users.get", "error_code": code})
        assert status == 200
        body = await vk(http, emu, "users.get", UTOK)
        assert err(body) == code and body["error"]["error_msg"]
        # where=execute: the top-level method is spared, the same method inside execute fails
        emu.add_fault("users.get", error_code=code, where="execute")
        assert "response" in await vk(http, emu, "users.get", UTOK)
        body = await vk(http, emu, "execute", UTOK, code=inner)
        assert body["response"][0] is False and body["response"][1]["groups"][0]["id"] == G
        assert body["execute_errors"] == [
            {"method": "users.get", "error_code": code, "error_msg": body["execute_errors"][0]["error_msg"]}
        ]
    assert all(
        f["spent"] and f["fired"] == 1 for f in emu.snapshot()["faults"]
    )  # each count=1 fault hit once
    # "*" with where=execute hits every inner call but not execute itself; patterns match method families
    emu.add_fault("*", error_code=10, count=2, where="execute")
    body = await vk(http, emu, "execute", UTOK, code=inner)
    assert body["response"] == [False, False] and [e["error_code"] for e in body["execute_errors"]] == [
        10,
        10,
    ]
    emu.add_fault("groups.*", error_code=100)
    assert "response" in await vk(http, emu, "users.get", UTOK)
    assert err(await vk(http, emu, "groups.getById", GTOK)) == 100
    # "*" top level: execute itself fails as a whole
    emu.add_fault("*", error_code=901)
    assert err(await vk(http, emu, "execute", UTOK, code=inner)) == 901


async def test_fault_token_revoke_and_restore(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    """A token fault: error 5 for every call with one token until removed, top level and execute alike."""
    c = emu.post_comment(G, AUTHOR, "spam")
    status, plan = await post_faults(
        http, emu, {"kind": "error", "error_code": 5, "token": UTOK, "count": -1}
    )
    assert status == 200 and plan["faults"][0]["token"] == UTOK
    (fault_id,) = plan["added"]
    for _ in range(3):
        body = await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=c["comment_id"])
        assert err(body) == 5 and body["error"]["error_msg"].startswith("User authorization failed")
    assert err(await vk(http, emu, "execute", UTOK, code="return API.users.get({});")) == 5
    assert "response" in await vk(http, emu, "groups.getById", GTOK)  # other tokens are unaffected
    assert emu.snapshot()["comments"][0]["deleted"] is False
    status, plan = await post_faults(http, emu, {"remove": fault_id})
    assert status == 200 and plan["faults"] == []
    assert (await vk(http, emu, "wall.deleteComment", UTOK, owner_id=-G, comment_id=c["comment_id"]))[
        "response"
    ] == 1
    assert (await post_faults(http, emu, {"remove": fault_id}))[0] == 404
    # the Python side: remove by the returned Fault
    fault = emu.add_fault(kind="error", error_code=5, token=GTOK, count=-1)
    assert err(await vk(http, emu, "groups.getById", GTOK)) == 5
    emu.remove_fault(fault)
    assert "response" in await vk(http, emu, "groups.getById", GTOK)


async def test_fault_windows_and_seeded_probability(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    # a window: starts 0.5 s after it was posted, lasts 0.6 s, hits every matching call inside it
    status, plan = await post_faults(
        http,
        emu,
        {
            "faults": [
                {
                    "method": "users.get",
                    "kind": "error",
                    "error_code": 10,
                    "count": -1,
                    "after": 0.5,
                    "duration": 0.6,
                }
            ]
        },
    )
    assert status == 200 and plan["faults"][0]["active"] is False and plan["faults"][0]["starts_in"] > 0.4
    assert "response" in await vk(http, emu, "users.get", UTOK)
    await asyncio.sleep(0.55)
    assert err(await vk(http, emu, "users.get", UTOK)) == 10
    await asyncio.sleep(0.65)
    assert "response" in await vk(http, emu, "users.get", UTOK)

    # probability draws from the plan's seeded RNG: the same seed and requests fail the same calls
    async def outcomes() -> list[bool]:
        await post_faults(
            http,
            emu,
            {
                "clear": True,
                "seed": 7,
                "faults": [
                    {"method": "users.get", "kind": "error", "error_code": 9, "count": -1, "probability": 0.5}
                ],
            },
        )
        return ["error" in await vk(http, emu, "users.get", UTOK) for _ in range(24)]

    first = await outcomes()
    assert first == await outcomes()
    assert 0 < sum(first) < 24
    async with http.get(emu.url + "/_test/faults") as resp:
        plan = await resp.json()
    assert plan["seed"] == 7 and plan["faults"][0]["fired"] == sum(first)


async def test_fault_transport_kinds_on_methods_and_long_poll(
    emu: VKEmulator, http: aiohttp.ClientSession
) -> None:
    for status in (500, 502, 503, 504):
        emu.add_fault("*", "http", status=status)
        assert (await raw_call(http, emu, "users.get", UTOK))[0] == status
    server = await lp_server(http, emu)
    # "*" never hits long poll; "longpoll" does (http, nonjson, delay)
    emu.add_fault("*", "http", status=502)
    assert "updates" in await lp_poll(http, server)
    assert (await raw_call(http, emu, "users.get", UTOK))[0] == 502
    params = {"act": "a_check", "key": server["key"], "ts": server["ts"], "wait": 0}
    emu.add_fault("longpoll", "http", status=504)
    async with http.get(server["server"], params=params) as resp:
        assert resp.status == 504
    emu.add_fault("longpoll", "nonjson")
    async with http.get(server["server"], params=params) as resp:
        assert resp.status == 200
        with pytest.raises(json.JSONDecodeError):
            json.loads(await resp.text())
    emu.add_fault("longpoll", "delay", delay=0.3)
    t0 = time.monotonic()
    assert "updates" in await lp_poll(http, server)
    assert time.monotonic() - t0 >= 0.3
    # slow answers on one token only, the rest of the API stays fast
    emu.add_fault("*", "delay", delay=0.3, token=UTOK, count=-1)
    t0 = time.monotonic()
    assert "response" in await vk(http, emu, "groups.getById", GTOK)
    assert time.monotonic() - t0 < 0.3
    assert "response" in await vk(http, emu, "users.get", UTOK)
    assert time.monotonic() - t0 >= 0.3


async def test_fault_plan_rejects_bad_entries(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    for bad in (
        {"kind": "explode"},
        {"kind": "error", "colour": "red"},
        {"kind": "error", "probability": 2},
        {"kind": "down"},
        {"kind": "down", "duration": 1, "method": "users.get"},
        {"kind": "down", "duration": 1, "mode": "slow"},
        {"kind": "error", "where": "inside"},
        {"kind": "error", "method": "longpoll"},
        {"kind": "http", "status": 99},
        {"kind": "error", "duration": 0},
        {"kind": "down", "duration": 1, "probability": 0.5},
        {"kind": "error", "mode": "refused"},
        {"faults": ["nope"]},
    ):
        status, body = await post_faults(http, emu, bad)
        assert status == 400 and body["error"], bad
    assert emu.snapshot()["faults"] == []


async def test_api_down_503(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    """The whole API down: every VK request (long poll included) gets 503 until the window closes."""
    server = await lp_server(http, emu)
    params = {"act": "a_check", "key": server["key"], "ts": server["ts"], "wait": 10}
    held = asyncio.ensure_future(http.get(server["server"], params=params))  # a long poll waiting for events
    await asyncio.sleep(0.1)
    status, plan = await post_faults(http, emu, {"kind": "down", "duration": 1.0})
    assert status == 200 and plan["faults"][0]["active"] is True and plan["faults"][0]["mode"] == "503"
    t0 = time.monotonic()
    async with await held as resp:  # answered at once, not after its 10 s wait
        assert resp.status == 503
    assert time.monotonic() - t0 < 0.5
    assert (await raw_call(http, emu, "users.get", UTOK))[0] == 503
    async with http.get(server["server"], params=dict(params, wait=0)) as resp:
        assert resp.status == 503
    async with http.get(emu.url + "/captcha.php") as resp:
        assert resp.status == 503
    calls_before = len(emu.calls())
    c = emu.post_comment(G, AUTHOR, "written while VK is down")  # control endpoints keep working
    async with http.get(emu.url + "/_test/state", params={"comments": 0}) as resp:
        assert resp.status == 200 and (await resp.json())["counters"]["outage_rejected"] == 4
    await asyncio.sleep(1.05)
    assert len(emu.calls()) == calls_before  # the API never saw the rejected requests
    assert "response" in await vk(http, emu, "users.get", UTOK)
    got = await lp_poll(http, server)
    assert [u["event_id"] for u in got["updates"]] == [c["event_id"]]  # nothing queued meanwhile was lost


async def test_api_down_refused_then_back_on_the_same_port(
    emu: VKEmulator, http: aiohttp.ClientSession
) -> None:
    server = await lp_server(http, emu)  # leaves a pooled keep-alive connection in `http`
    params = {"act": "a_check", "key": server["key"], "ts": server["ts"], "wait": 10}
    async with aiohttp.ClientSession() as other:
        held = asyncio.ensure_future(other.get(server["server"], params=params))
        await asyncio.sleep(0.1)
        fault = emu.add_fault(kind="down", duration=1.0, mode="refused")
        with pytest.raises(aiohttp.ClientConnectionError):
            await held  # the held long poll is dropped
    with pytest.raises(aiohttp.ClientConnectionError):  # pooled connection dropped, new ones refused
        await raw_call(http, emu, "users.get", UTOK)
    async with aiohttp.ClientSession() as fresh:
        with pytest.raises(aiohttp.ClientConnectorError):
            await raw_call(fresh, emu, "users.get", UTOK)
        with pytest.raises(aiohttp.ClientConnectorError):
            async with fresh.get(emu.url + "/_test/state"):
                pass
    assert fault.active(time.monotonic())
    await asyncio.sleep(1.05)
    await wait_until(lambda: emu.snapshot()["faults"][0]["active"] is False)
    assert "response" in await vk(http, emu, "users.get", UTOK)  # same URL, same port
    # ended early from Python: listening again at once
    emu.add_fault(kind="down", duration=60, mode="refused")
    async with aiohttp.ClientSession() as fresh:
        with pytest.raises(aiohttp.ClientConnectorError):
            await raw_call(fresh, emu, "users.get", UTOK)
        emu.clear_faults()
        assert (await raw_call(fresh, emu, "users.get", UTOK))[0] == 200


async def test_api_down_holds_callback_delivery(emu: VKEmulator) -> None:
    """VK pushes nothing while it is down; what was queued is delivered, in order, once it is back."""
    received: list[tuple[str, float]] = []

    async def receiver(request: web.Request) -> web.Response:
        data = await request.json()
        if data["type"] == "confirmation":
            return web.Response(text="c0de")
        received.append((data["event_id"], time.monotonic()))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/cb", receiver)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        await emu.configure_callback(G, f"http://127.0.0.1:{runner.addresses[0][1]}/cb", code="c0de")
        emu.add_fault(kind="down", duration=0.5)
        t0 = time.monotonic()
        ids = [emu.post_comment(G, AUTHOR, f"c{i}")["event_id"] for i in range(3)]
        await wait_until(lambda: len(received) == 3)
        assert [e for e, _ in received] == ids and received[0][1] - t0 >= 0.45
    finally:
        await runner.cleanup()


# ----------------------------------------------------------------------------- long poll


async def test_long_poll_delivery_and_failures(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    server = await lp_server(http, emu)
    assert server["server"] == f"{emu.url}/lp/{G}" and isinstance(server["ts"], str)
    # empty poll returns after wait with the same ts
    t0 = time.monotonic()
    empty = await lp_poll(http, server, wait=0.2)
    assert empty == {"ts": server["ts"], "updates": []} and time.monotonic() - t0 >= 0.2
    # a held poll wakes as soon as an event arrives
    poll = asyncio.create_task(lp_poll(http, server, wait=5))
    await asyncio.sleep(0.05)
    t0 = time.monotonic()
    c = emu.post_comment(G, AUTHOR, "live")
    got = await poll
    assert time.monotonic() - t0 < 1
    (ev,) = got["updates"]
    assert ev["event_id"] == c["event_id"] and ev["group_id"] == G
    assert ev["object"] == {
        "id": c["comment_id"],
        "from_id": AUTHOR,
        "date": c["date"],
        "text": "live",
        "post_id": 1,
        "owner_id": -G,
        "parents_stack": [],
        "post_owner_id": -G,
    }
    ts = got["ts"]
    assert int(ts) > int(server["ts"])
    # redelivery: the same event again with the same event_id
    emu.redeliver(G, c["event_id"])
    again = await lp_poll(http, server, ts)
    assert [u["event_id"] for u in again["updates"]] == [c["event_id"]]
    ts = again["ts"]
    # failed 2: key rotated, events kept, old ts valid with the new key
    emu.post_comment(G, AUTHOR, "kept")
    emu.lp_fail(G, 2)
    assert await lp_poll(http, server, ts) == {"failed": 2}
    server2 = await lp_server(http, emu)
    assert server2["key"] != server["key"]
    kept = await lp_poll(http, server2, ts)
    assert [u["object"]["text"] for u in kept["updates"]] == ["kept"]
    ts = kept["ts"]
    # failed 1: pending events dropped, continue from the returned ts
    emu.post_comment(G, AUTHOR, "lost")
    emu.lp_fail(G, 1)
    f1 = await lp_poll(http, server2, ts)
    assert f1["failed"] == 1 and int(f1["ts"]) > int(ts)
    assert (await lp_poll(http, server2, f1["ts"]))["updates"] == []
    # failed 3: old key answers 3, events dropped, new key + ts from getLongPollServer
    emu.post_comment(G, AUTHOR, "lost too")
    emu.lp_fail(G, 3)
    assert await lp_poll(http, server2, f1["ts"]) == {"failed": 3}
    server3 = await lp_server(http, emu)
    emu.post_comment(G, AUTHOR, "after reset")
    fresh = await lp_poll(http, server3)
    assert [u["object"]["text"] for u in fresh["updates"]] == ["after reset"]
    # a waiting poll is woken by a key rotation
    waiting = asyncio.create_task(lp_poll(http, server3, fresh["ts"], wait=5))
    await asyncio.sleep(0.05)
    emu.lp_fail(G, 2)
    assert await asyncio.wait_for(waiting, 1) == {"failed": 2}
    # wrong key -> 2; ts too old (trimmed history) -> 1 with the oldest ts still held
    assert await lp_poll(http, {**server3, "key": "nope"}) == {"failed": 2}
    emu.state.groups[G].lp.history = 2
    server4 = await lp_server(http, emu)
    for i in range(6):
        emu.post_comment(G, AUTHOR, f"burst{i}")
    old = await lp_poll(http, server4)
    assert old["failed"] == 1
    rest = [u["object"]["text"] for u in (await lp_poll(http, server4, old["ts"]))["updates"]]
    assert rest[-1] == "burst5" and "burst0" not in rest  # history is trimmed in chunks (2..4 held here)


async def test_long_poll_settings_filter(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    server = await lp_server(http, emu)
    body = await vk(
        http,
        emu,
        "groups.setLongPollSettings",
        GTOK,
        group_id=G,
        enabled=1,
        api_version="5.199",
        wall_reply_new=1,
        message_new=0,
    )
    assert body["response"] == 1
    emu.post_comment(G, AUTHOR, "dm", "message")
    emu.post_comment(G, AUTHOR, "wall")
    got = await lp_poll(http, server)
    assert [u["type"] for u in got["updates"]] == ["wall_reply_new"]
    settings = (await vk(http, emu, "groups.getLongPollSettings", GTOK, group_id=G))["response"]
    assert settings["events"]["message_new"] == 0 and settings["is_enabled"] is True
    await vk(http, emu, "groups.setLongPollSettings", GTOK, group_id=G, enabled=0)
    assert err(await vk(http, emu, "groups.getLongPollServer", GTOK, group_id=G)) == 100


# ----------------------------------------------------------------------------- callback API


async def test_callback_confirmation_secret_retry(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    emu.state.callback_backoff = 0.01
    received: list[dict[str, Any]] = []
    fail_first = {"n": 1}

    async def receiver(request: web.Request) -> web.Response:
        data = await request.json()
        received.append(data)
        if data["type"] == "confirmation":
            return web.Response(text="c0de")
        if data.get("secret") != "s3cret":
            return web.Response(text="bad secret", status=403)
        if fail_first["n"]:
            fail_first["n"] -= 1
            return web.Response(text="oops", status=500)
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/cb", receiver)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        url = f"http://127.0.0.1:{port}/cb"
        # wrong code -> not confirmed, nothing delivered
        async with http.post(
            emu.url + "/_test/callback", json={"group_id": G, "url": url, "secret": "s3cret", "code": "wrong"}
        ) as resp:
            res = await resp.json()
        assert res["confirmed"] is False and res["status"] == "failed"
        assert received[0] == {"type": "confirmation", "group_id": G, "secret": "s3cret"}
        emu.state.reset()
        emu.add_group(G)
        emu.add_post(G, "Новости")  # before the callback server: its wall_post_new is not delivered
        received.clear()
        res = await emu.configure_callback(G, url, "s3cret", code="c0de")
        assert res["confirmed"] is True
        c = emu.post_comment(G, AUTHOR, "via callback")
        await wait_until(
            lambda: any(d["ok"] for d in emu.state.callback_log if d["event_id"] == c["event_id"])
        )
        events = [d for d in received if d["type"] != "confirmation"]
        assert len(events) == 2  # first answer 500 -> retried
        assert (
            events[0] == events[1]
            and events[0]["secret"] == "s3cret"
            and events[0]["event_id"] == c["event_id"]
        )
        validate_with_vkbottle(events[0])
        attempts = [(d["attempt"], d["status"], d["ok"]) for d in emu.state.callback_log if d["event_id"]]
        assert attempts == [(1, 500, False), (2, 200, True)]
        # redelivery goes to the callback too
        emu.redeliver(G, c["event_id"])
        await wait_until(lambda: sum(1 for d in received if d.get("event_id") == c["event_id"]) == 3)
        # a receiver that never says "ok" gets bounded retries
        emu.state.callback_retries = 2
        fail_first["n"] = 100
        bad = emu.post_comment(G, AUTHOR, "never ok")
        await wait_until(
            lambda: sum(1 for d in emu.state.callback_log if d["event_id"] == bad["event_id"]) == 3
        )
        await asyncio.sleep(0.1)
        assert sum(1 for d in emu.state.callback_log if d["event_id"] == bad["event_id"]) == 3
        async with http.get(emu.url + "/_test/callback_log") as resp:
            assert len((await resp.json())["deliveries"]) == len(emu.state.callback_log)
        # VK-method side of the callback config
        code = (await vk(http, emu, "groups.getCallbackConfirmationCode", GTOK, group_id=G))["response"][
            "code"
        ]
        assert code == "c0de"
        sid = (
            await vk(
                http,
                emu,
                "groups.addCallbackServer",
                GTOK,
                group_id=G,
                url=url,
                title="daemon",
                secret_key="s3cret",
            )
        )["response"]["server_id"]
        assert (
            await vk(
                http,
                emu,
                "groups.setCallbackSettings",
                GTOK,
                group_id=G,
                server_id=sid,
                api_version="5.199",
                wall_reply_new=1,
            )
        )["response"] == 1
        servers = (await vk(http, emu, "groups.getCallbackServers", GTOK, group_id=G))["response"]
        assert servers["count"] == 2 and {s["id"] for s in servers["items"]} >= {sid}
    finally:
        await runner.cleanup()


# ----------------------------------------------------------------------------- control endpoints


async def test_control_endpoints(emu: VKEmulator, http: aiohttp.ClientSession) -> None:
    async def post(path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        async with http.post(emu.url + path, json=body) as resp:
            return resp.status, await resp.json()

    status, g = await post("/_test/group", {"group_id": 7, "name": "Город", "admin_user_id": 70})
    assert status == 200 and g["group_token"] and g["user_token"] and g["admin_user_id"] == 70
    assert (await post("/_test/group", {"group_id": 7}))[0] == 400
    _, p = await post("/_test/post", {"group_id": 7, "text": "hi"})
    _, c = await post("/_test/comment", {"group_id": 7, "from_id": 5, "text": "t", "post_id": p["post_id"]})
    assert set(c) >= {"comment_id", "event_id", "date"}
    _, r = await post(
        "/_test/comment", {"group_id": 7, "from_id": 6, "text": "re", "reply_to": c["comment_id"]}
    )
    assert (await post("/_test/comment", {"group_id": 7, "from_id": 6, "kind": "nope"}))[0] == 400
    assert (await post("/_test/comment", {"group_id": 8, "from_id": 6}))[0] == 404
    _, e = await post("/_test/edit", {"group_id": 7, "comment_id": c["comment_id"], "text": "edited"})
    assert e["event_id"]
    _, lp = await post("/_test/lp_fail", {"group_id": 7, "failed": 2})
    assert lp["failed"] == 2
    assert (await post("/_test/redeliver", {"group_id": 7, "event_id": c["event_id"]}))[0] == 200
    assert (await post("/_test/redeliver", {"group_id": 7, "event_id": "zzz"}))[0] == 404
    _, cfg = await post("/_test/config", {"restore_window": 5, "rate_limits": {"user": 10}})
    assert cfg["restore_window"] == 5 and cfg["rate_limits"]["user"] == 10
    await vk(http, emu, "wall.deleteComment", g["user_token"], owner_id=-7, comment_id=r["comment_id"])
    async with http.get(emu.url + "/_test/state", params={"group_id": 7}) as resp:
        state = await resp.json()
    rows = {row["id"]: row for row in state["comments"]}
    assert rows[c["comment_id"]]["text"] == "edited" and rows[r["comment_id"]]["deleted"] is True
    assert state["counters"]["comments_deleted"] == 1
    async with http.get(emu.url + "/_test/calls", params={"method": "wall.deleteComment"}) as resp:
        calls = (await resp.json())["calls"]
    assert (
        len(calls) == 1
        and calls[0]["time_ms"] > 0
        and calls[0]["params"]["comment_id"] == str(r["comment_id"])
    )
    assert calls[0]["token_kind"] == "user" and calls[0]["response"] == 1
    assert (await post("/_test/reset", {}))[1] == {"ok": True}
    assert emu.state.groups == {}


# ----------------------------------------------------------------------------- vkbottle interop


async def test_vkbottle_api_interop(emu: VKEmulator) -> None:
    api = API(GTOK)
    api.API_URL = emu.api_url
    user_api = API(UTOK)
    user_api.API_URL = emu.api_url
    try:
        resp = await api.request("groups.getById", {})
        assert resp["response"]["groups"][0]["id"] == G
        c = emu.post_comment(G, AUTHOR, "spam")
        with pytest.raises(VKAPIError[27]):
            await api.wall.delete_comment(owner_id=-G, comment_id=c["comment_id"])
        assert await user_api.wall.delete_comment(owner_id=-G, comment_id=c["comment_id"]) == 1
        assert (
            await user_api.groups.ban(
                group_id=G, owner_id=AUTHOR, reason=1, comment="spam", comment_visible=True
            )
            == 1
        )
        banned = await api.groups.get_banned(group_id=G)
        assert banned.count == 1 and banned.items[0].ban_info.reason == 1
        # captcha round-trip through vkbottle's own handler
        emu.add_fault("users.get", "error", error_code=14, captcha_key="42")
        seen: list[str] = []

        async def solve(e: CaptchaError) -> str:
            seen.append(str(e.captcha_sid))
            return "42"

        user_api.add_captcha_handler(solve)
        users = await user_api.users.get(user_ids=[1])
        assert users[0].id == 1 and len(seen) == 1
    finally:
        await api.http_client.close()


async def test_vkbottle_bot_polling(emu: VKEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # BotPolling always persists ts to ./.vkbottle/bot-polling/<group>.json
    api = API(GTOK)
    api.API_URL = emu.api_url
    polling = BotPolling(api, wait=1)  # group_id resolved via groups.getById with no params
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def consume() -> None:
        async for event in polling.listen():
            for update in event["updates"]:
                await queue.put(update)

    def lp_servers() -> int:
        return len(emu.calls("groups.getLongPollServer"))

    task = asyncio.create_task(consume())
    try:
        await wait_until(lambda: lp_servers() == 1)
        assert polling.group_id == G
        c1 = emu.post_comment(G, AUTHOR, "first")
        got = await asyncio.wait_for(queue.get(), 3)
        assert got["event_id"] == c1["event_id"]
        validate_with_vkbottle(got)
        # failed 2 -> vkbottle fetches a new key and keeps its ts, so nothing is lost
        emu.lp_fail(G, 2)
        await wait_until(lambda: lp_servers() == 2)
        c2 = emu.post_comment(G, AUTHOR, "second")
        assert (await asyncio.wait_for(queue.get(), 3))["event_id"] == c2["event_id"]
        # failed 3 -> new key and ts
        emu.lp_fail(G, 3)
        await wait_until(lambda: lp_servers() == 3)
        c3 = emu.post_comment(G, AUTHOR, "third")
        assert (await asyncio.wait_for(queue.get(), 3))["event_id"] == c3["event_id"]
        # failed 1 -> continues with the ts from the failure (no new server)
        emu.lp_fail(G, 1)
        counters = emu.state.counters
        await wait_until(lambda: counters["lp_failed_1"] == 1)
        polls = counters["lp_requests"]
        await wait_until(lambda: counters["lp_requests"] > polls)  # vkbottle is polling again with the new ts
        c4 = emu.post_comment(G, AUTHOR, "fourth")
        assert (await asyncio.wait_for(queue.get(), 3))["event_id"] == c4["event_id"]
        assert lp_servers() == 3
        # redelivered event arrives again with the same event_id (the daemon must dedupe)
        emu.redeliver(G, c4["event_id"])
        assert (await asyncio.wait_for(queue.get(), 3))["event_id"] == c4["event_id"]
    finally:
        polling.stop()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await api.http_client.close()


# ----------------------------------------------------------------------------- throughput sanity


async def test_throughput_and_standalone_state() -> None:
    """200 comments/s is the benchmark target; the emulator itself must be far faster than that."""
    state = VKState(rate_limits={"user": None, "group": None})
    async with VKEmulator(state) as emu, aiohttp.ClientSession() as http:
        emu.add_group(G)
        emu.add_post(G, "Новости")  # its wall_post_new is not in the long poll below
        server = await lp_server(http, emu)
        t0 = time.monotonic()
        for i in range(300):
            async with http.post(
                emu.url + "/_test/comment", json={"group_id": G, "from_id": 10 + i, "text": f"c{i}"}
            ) as resp:
                assert resp.status == 200
        got = await lp_poll(http, server)
        assert len(got["updates"]) == 300
        code = (
            "return ["
            + ",".join(
                f'API.wall.deleteComment({{"owner_id": -{G}, "comment_id": {u["object"]["id"]}}})'
                for u in got["updates"][:25]
            )
            + "];"
        )
        assert (await vk(http, emu, "execute", f"vk1.a.user{ADMIN}", code=code))["response"] == [1] * 25
        elapsed = time.monotonic() - t0
        assert elapsed < 3, elapsed
