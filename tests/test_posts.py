"""The page's own posts (clause 15) through the daemon against the VK and OK emulators, and the
daemon's posting-rate watch with its injected clock: log line once a day per page, ``modbot status``."""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

import pytest

from bot.cli import main
from bot.emulator import VKEmulator
from bot.vk.events import parse_event
from tests.conftest import G1, G2, DaemonFactory, community, wait_for
from tests.okhelp import OKG, TOPICS, make_ok_daemon, ok_emu

__all__ = ["make_ok_daemon", "ok_emu"]

MSK = dt.timezone(dt.timedelta(hours=3))


def posts(d: Any, group: int) -> list[dict[str, Any]]:
    return [p for p in d.store.report_posts(None, 0, 2**40) if p["community_id"] == group]


def test_wall_post_new_parsing() -> None:
    def env(obj: dict[str, Any]) -> dict[str, Any]:
        return {"type": "wall_post_new", "group_id": 5, "event_id": "e1", "object": obj}

    own = parse_event(env({"id": 9, "owner_id": -5, "from_id": -5, "date": 1800000000, "post_type": "post"}))
    assert (own.platform, own.community_id, own.post_id, own.created_at, own.url) == (
        "vk",
        5,
        "9",
        1800000000,
        "https://vk.com/wall-5_9",
    )
    for other in (
        {"from_id": 77, "post_type": "post"},
        {"from_id": 77, "post_type": "suggest"},
        {"from_id": -5, "post_type": "postpone"},
    ):
        assert type(parse_event(env({"id": 9, "owner_id": -5, "date": 1, **other}))).__name__ == "Ignored"
    assert type(parse_event(env({"id": 9, "owner_id": -6, "from_id": -6, "date": 1}))).__name__ == "Malformed"
    assert (
        type(parse_event(env({"id": "x", "owner_id": -5, "from_id": -5, "date": 1}))).__name__ == "Malformed"
    )


async def test_the_page_s_posts_are_recorded_once_and_nobody_else_s(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    # the posts published before the first start are read from the wall
    await wait_for(lambda: len(posts(d, G1)) == 1 and len(posts(d, G2)) == 1, what="posts read from the wall")
    own = vk_emu.add_post(G1, "Отчёт главы города")
    vk_emu.add_post(G1, "Пост жителя на открытой стене", from_id=555)
    vk_emu.add_post(G1, "Предлагаю новость", from_id=556, post_type="suggest")
    await wait_for(lambda: len(posts(d, G1)) == 2, what="the community's post")
    vk_emu.redeliver(G1, own["event_id"])
    vk_emu.post_comment(G1, 5001, "спасибо")  # anything after it: the redelivery has been received
    await wait_for(lambda: d.counts["judged"] >= 1, what="a later comment judged")
    recorded = posts(d, G1)
    assert [p["post_id"] for p in recorded] == ["1", str(own["post_id"])]
    assert recorded[1]["url"] == f"https://vk.com/wall-{G1}_{own['post_id']}"
    assert recorded[1]["created_at"] == own["date"]
    assert d.counts.get("posts", 0) == 3  # two read from the walls, one pushed; the redelivery stored nothing


async def test_posts_missed_while_history_was_lost_are_read_from_the_wall(
    vk_emu: VKEmulator, make_daemon: DaemonFactory
) -> None:
    d = await make_daemon()
    await wait_for(lambda: len(posts(d, G1)) == 1, what="first wall read")
    group = vk_emu.state.groups[G1]
    group.lp_enabled = False  # events of this moment never reach the long poll
    lost = vk_emu.add_post(G1, "Опубликовано, пока история терялась")
    group.lp_enabled = True
    vk_emu.state.lp_fail(G1, 1)  # VK: "history lost"
    await wait_for(lambda: len(posts(d, G1)) == 2, what="the lost post read from the wall")
    assert posts(d, G1)[-1]["post_id"] == str(lost["post_id"])
    assert posts(d, G1)[-1]["event_id"] == ""


async def test_without_a_user_token_posts_come_from_events_only(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, caplog: Any
) -> None:
    caplog.set_level(logging.INFO, "modbot.vk")
    d = await make_daemon([community(G1, user_token_env="", mode="shadow"), community(G2)])
    vk_emu.add_post(G1, "Новость")
    await wait_for(lambda: len(posts(d, G1)) == 1, what="the pushed post")
    assert posts(d, G1)[0]["event_id"]  # not the one published before the start: the wall is not read
    assert "no user token" in caplog.text


def _goto(emu: VKEmulator, *when: int) -> float:
    ts = dt.datetime(*when, tzinfo=MSK).timestamp()
    emu.state.clock_offset = ts - time.time()
    return ts


async def test_posting_watch_warns_once_a_day_and_status_says_so(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, caplog: Any, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _goto(vk_emu, 2027, 1, 11, 9)  # Monday of 2027-W02
    d = await make_daemon(
        [community(G1, name="Администрация"), community(G2, name="Больница")],
        options={"clock": vk_emu.state.now, "posting_watch_interval": 3600.0},
    )
    vk_emu.add_post(G1, "пн")
    vk_emu.add_post(G2, "пн")
    _goto(vk_emu, 2027, 1, 12, 9)
    vk_emu.add_post(G1, "вт")
    await wait_for(lambda: d.store.count_posts("vk", G1, 0, 2**40) == 3, what="posts stored")
    await wait_for(lambda: d.store.count_posts("vk", G2, 0, 2**40) == 2, what="posts stored")
    caplog.set_level(logging.WARNING, "modbot.daemon")
    caplog.clear()
    _goto(vk_emu, 2027, 1, 14, 17)  # Thursday before 18:00: nothing to say yet
    assert not [i for i in await d.watch_posting() if i["at_risk"]]
    _goto(vk_emu, 2027, 1, 14, 19)  # Thursday evening: the hospital has 1 of 3
    items = {i["community_id"]: i for i in await d.watch_posting()}
    assert items[G2]["at_risk"] and items[G2]["posts"] == 1 and not items[G1]["at_risk"]
    await d.watch_posting()
    _goto(vk_emu, 2027, 1, 14, 23)
    await d.watch_posting()
    warnings = [r.getMessage() for r in caplog.records if "posting rate" in r.getMessage()]
    assert len(warnings) == 1 and "«Больница»" in warnings[0] and "к вечеру четверга" in warnings[0]
    friday = _goto(vk_emu, 2027, 1, 15, 19)  # a new day: said again
    await d.watch_posting()
    assert len([r for r in caplog.records if "posting rate" in r.getMessage()]) == 2
    path = d.config.database
    await d.stop()
    monkeypatch.setattr(time, "time", lambda: friday)
    assert main(["status", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "week 2027-W02" in out and f"vk {G1}: 2 post(s)\n" in out
    assert f"vk {G2}: 1 post(s) — AT RISK" in out


async def test_ok_group_topics_are_its_publications(ok_emu: Any, make_ok_daemon: Any) -> None:
    def ok_posts(d: Any) -> list[dict[str, Any]]:
        return [p for p in d.store.report_posts(None, 0, 2**40) if p["platform"] == "ok"]

    now = time.time()
    month = ok_emu.add_topic(OKG, "Новость месяц назад", created_ms=int((now - 30 * 86400) * 1000))
    ok_emu.add_topic(OKG, "Новость двухлетней давности", created_ms=int((now - 730 * 86400) * 1000))
    d = await make_ok_daemon()
    # the active topics and, once at the first start, older ones within the horizon (not two years back)
    await wait_for(lambda: len(ok_posts(d)) == TOPICS + 1, what="the group's topics recorded as posts")
    recorded = {p["post_id"]: p for p in ok_posts(d)}
    assert recorded[month]["created_at"] == ok_emu.state.topics[month].created_ms // 1000
    assert recorded[month]["url"] == f"https://ok.ru/group/{OKG}/topic/{month}"
    fresh = ok_emu.add_topic(OKG, "Свежая новость")
    await wait_for(lambda: fresh in {p["post_id"] for p in ok_posts(d)}, what="a new topic")
    path = d.config.database
    await d.stop()
    again = await make_ok_daemon(db=path)
    await wait_for(lambda: again.platforms.get("ok").pollers[OKG].stats.cycles >= 3, what="a few polls")
    assert len(ok_posts(again)) == TOPICS + 2  # nothing twice after a restart
    assert [p for p in again.store.report_posts(None, 0, 2**40) if p["platform"] == "vk"] == []
