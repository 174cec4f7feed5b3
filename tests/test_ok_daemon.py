"""The daemon on OK pages, against the OK emulator over real HTTP: polling, the manual path and its
confirmation, API deletion with blocking and its fallback, restarts, credentials, VK beside OK."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest

from bot.emulator.ok import OKEmulator
from tests.conftest import CLEAN, G1, VIOLATING, community, settle, wait_for
from tests.okhelp import OKG, POLL, ok_community, topics


def _latest(d: Any, key: str) -> dict[str, Any] | None:
    return d.store.latest_verdict_decision(key)


def _key(c: dict[str, Any]) -> str:
    return f"ok:{c['group_id']}:ok_topic:{c['topic_id']}:{c['comment_id']}"


async def test_new_comment_judged_within_one_poll_interval(ok_emu: OKEmulator, make_ok_daemon: Any) -> None:
    d = await make_ok_daemon()
    t = topics(ok_emu)[1]
    await settle(d)
    posted = time.monotonic()
    c = ok_emu.post_comment(OKG, t, 5001, CLEAN)
    await wait_for(lambda: _latest(d, _key(c)), 5, interval=0.01, what="clean comment judged")
    took = time.monotonic() - posted
    # one poll interval plus the two requests of a cycle (counts, then the topic) and judging
    assert took < POLL + 0.5, took
    row = d.store.get_comment(_key(c))
    assert row is not None and row.author_id == "5001" and row.text == CLEAN and row.kind == "ok_topic"
    assert row.url == f"https://ok.ru/group/{OKG}/topic/{t}"
    assert _latest(d, _key(c))["action"] == "allow"


async def test_manual_path_holds_with_link_and_confirms_when_gone(
    ok_emu: OKEmulator, make_ok_daemon: Any
) -> None:
    d = await make_ok_daemon()
    t = topics(ok_emu)[0]
    c = ok_emu.post_comment(OKG, t, 5002, VIOLATING)
    await wait_for(lambda: d.store.manual_actions(), 5, what="manual delete action")
    (a,) = d.store.manual_actions()
    assert a.kind == "delete" and a.platform == "ok" and a.method == "manual"
    assert a.params["comment_id"] == c["comment_id"] and a.params["discussionId"] == t
    assert a.error.startswith("удалить вручную в OK") and f"https://ok.ru/group/{OKG}/topic/{t}" in a.error
    assert _latest(d, _key(c))["action"] in ("delete", "delete_and_ban")
    assert not ok_emu.calls("discussions.deleteDiscussionComment")  # nobody tried the API
    # still there: the periodic check leaves it to the moderators
    await wait_for(lambda: len(ok_emu.calls("discussions.getComment")) >= 2, 5, what="manual action checked")
    assert d.store.get_action(a.id).state == "manual"
    # a moderator deletes it on ok.ru: the next check confirms it
    ok_emu.remove_comment(c["comment_id"])
    await wait_for(lambda: d.store.get_action(a.id).state == "done", 5, what="deletion confirmed")
    done = d.store.get_action(a.id)
    assert done is not None and done.state == "done"


async def test_delete_enabled_deletes_and_blocks_a_permanent_ban(
    ok_emu: OKEmulator, make_ok_daemon: Any
) -> None:
    ok_emu.state.set_deletion("enabled")
    # ladder: the first violation bans forever, so the deletion blocks the author (policy "forever")
    d = await make_ok_daemon(
        [ok_community(delete_enabled=True)], ladder={"steps": [{"after_violations": 1, "days": 0}]}
    )
    t = topics(ok_emu)[2]
    c = ok_emu.post_comment(OKG, t, 5003, VIOLATING)
    await wait_for(lambda: ok_emu.comment(c["comment_id"])["deleted"], 5, what="deleted through the API")
    await settle(d)
    (call,) = [x for x in ok_emu.calls("discussions.deleteDiscussionComment") if x["error_code"] is None]
    assert call["params"]["block_author"] == "true" and call["params"]["comment_id"] == c["comment_id"]
    assert "5003" in ok_emu.state.groups[OKG].blocked
    assert d.store.active_ban("ok", OKG, "5003") is not None
    assert not d.store.manual_actions()
    # a blocked author cannot comment any more; a temporary ban does not block (OK blocks have no end)


async def test_delete_enabled_temporary_ban_does_not_block(ok_emu: OKEmulator, make_ok_daemon: Any) -> None:
    ok_emu.state.set_deletion("enabled")
    d = await make_ok_daemon([ok_community(delete_enabled=True)])  # default ladder: first ban is 1 day
    c = ok_emu.post_comment(OKG, topics(ok_emu)[0], 5004, VIOLATING)
    await wait_for(lambda: ok_emu.comment(c["comment_id"])["deleted"], 5, what="deleted")
    await settle(d)
    (call,) = ok_emu.calls("discussions.deleteDiscussionComment")
    assert call["params"]["block_author"] == "false"
    assert not ok_emu.state.groups[OKG].blocked
    ban = d.store.active_ban("ok", OKG, "5004")
    assert ban is not None and ban.until is not None
    # the local blacklist holds the author's next comment for deletion instead
    c2 = ok_emu.post_comment(OKG, topics(ok_emu)[0], 5004, CLEAN + " (снова)")
    await wait_for(
        lambda: ok_emu.comment(c2["comment_id"])["deleted"], 5, what="blacklisted author's comment deleted"
    )
    assert "чёрном списке" in _latest(d, _key(c2))["reason"]


async def test_refused_deletion_falls_back_to_manual_once(
    ok_emu: OKEmulator, make_ok_daemon: Any, caplog: pytest.LogCaptureFixture
) -> None:
    ok_emu.state.set_deletion("permission")  # OK answers 10 PERMISSION_DENIED
    caplog.set_level(logging.INFO)
    d = await make_ok_daemon([ok_community(delete_enabled=True)])
    t = topics(ok_emu)[0]
    first = ok_emu.post_comment(OKG, t, 5005, VIOLATING)
    await wait_for(lambda: d.store.manual_actions(), 5, what="first deletion left to moderators")
    second = ok_emu.post_comment(OKG, t, 5006, VIOLATING + "!")
    await wait_for(lambda: len(d.store.manual_actions()) == 2, 5, what="second deletion left to moderators")
    await settle(d)
    assert len(ok_emu.calls("discussions.deleteDiscussionComment")) == 1  # the second one did not even try
    refusals = [
        r for r in caplog.records if "OK refused discussions.deleteDiscussionComment" in r.getMessage()
    ]
    assert len(refusals) == 1 and "10 PERMISSION_DENIED" in refusals[0].getMessage()
    manual = {a.params["comment_id"]: a for a in d.store.manual_actions()}
    assert set(manual) == {first["comment_id"], second["comment_id"]}
    assert all("удалить вручную в OK" in a.error and "PERMISSION_DENIED" in a.error for a in manual.values())
    assert d.store.get_cursor(f"ok:{OKG}:notice").startswith("удаление через API недоступно")
    health = await d.health()
    (h,) = [c for c in health["communities"] if c["platform"] == "ok"]
    assert h["deletion"] == "manual (OK refused)" and "PERMISSION_DENIED" in h["notice"]


async def test_blacklisted_author_is_held_for_manual_deletion(
    ok_emu: OKEmulator, make_ok_daemon: Any
) -> None:
    d = await make_ok_daemon()
    d.store.ban("ok", "5007", community_id=None, until=None, reason="спам", decided_by="moderator")
    c = ok_emu.post_comment(OKG, topics(ok_emu)[1], 5007, CLEAN)
    await wait_for(lambda: d.store.manual_actions(), 5, what="held for manual deletion")
    decision = _latest(d, _key(c))
    assert decision["action"] == "delete" and "чёрном списке" in decision["reason"]
    assert "OK" in d.store.manual_actions()[0].error


async def test_restart_resumes_anchors_nothing_missed_or_repeated(
    ok_emu: OKEmulator, make_ok_daemon: Any, tmp_path: Any
) -> None:
    db = tmp_path / "restart.db"
    ts = topics(ok_emu)
    d = await make_ok_daemon(db=db)
    posted = [ok_emu.post_comment(OKG, ts[i % len(ts)], 6000 + i, f"{CLEAN} #{i}") for i in range(6)]
    await settle(d, judged=6)
    await d.stop()
    # while the daemon is down
    posted += [ok_emu.post_comment(OKG, ts[i % len(ts)], 6100 + i, f"{CLEAN} ##{i}") for i in range(5)]
    calls_before = len(ok_emu.calls("discussions.getComments"))
    d2 = await make_ok_daemon(db=db)
    await settle(d2, judged=5)
    await wait_for(lambda: all(d2.store.get_comment(_key(c)) for c in posted), 5, what="all stored")
    keys = [_key(c) for c in posted]
    for k in keys:
        assert len(d2.store.comment_versions(k)) == 1
    decided = d2.store._rows(
        "SELECT comment_key, count(*) AS n FROM decisions WHERE decided_by = 'auto' GROUP BY comment_key"
    )
    assert sorted(r["comment_key"] for r in decided) == sorted(keys) and all(r["n"] == 1 for r in decided)
    # the restarted poller read on from the stored anchors: no page started FIRST again
    firsts = [
        c for c in ok_emu.calls("discussions.getComments")[calls_before:] if c["params"]["anchor"] == "FIRST"
    ]
    assert not firsts
    assert d2.counts["duplicates"] == 0


async def test_vk_and_ok_groups_with_the_same_number_do_not_mix(
    ok_emu: OKEmulator, vk_emu: Any, make_ok_daemon: Any
) -> None:
    assert OKG == G1
    d = await make_ok_daemon([community(G1), ok_community(OKG)])
    vk = vk_emu.post_comment(G1, 7001, VIOLATING)
    ok = ok_emu.post_comment(OKG, topics(ok_emu)[0], 7001, VIOLATING)
    await settle(d, judged=2)
    await wait_for(lambda: d.store.manual_actions(), 5, what="OK manual action")
    rows = d.store._rows("SELECT platform, community_id, author_id, key FROM comments ORDER BY id")
    assert {(r["platform"], r["community_id"], r["author_id"]) for r in rows} == {
        ("vk", 1, "7001"),
        ("ok", 1, "7001"),
    }
    # VK deleted and banned through its API; OK's deletion waits for a moderator; neither touched the other
    assert [a for a in vk_emu.calls("wall.deleteComment") if a["error_code"] is None]
    (manual,) = d.store.manual_actions()
    assert manual.platform == "ok" and manual.params["comment_id"] == ok["comment_id"]
    assert d.store.active_ban("vk", 1, "7001") is not None
    assert d.store.active_ban("ok", 1, "7001") is not None
    # lifting the VK author's ban leaves the OK author (a different person) banned
    d.store.unban("vk", "7001", lifted_by="test")
    assert d.store.active_ban("vk", 1, "7001") is None and d.store.active_ban("ok", 1, "7001") is not None
    cursors = [r["name"] for r in d.store._rows("SELECT name FROM cursors")]
    assert any(n.startswith("vk:1:") for n in cursors) and any(n.startswith("ok:1:") for n in cursors)
    assert vk["comment_id"]


@pytest.mark.parametrize("fault", ["signature", "expired"])
async def test_bad_credentials_one_log_line_no_hot_loop(
    ok_emu: OKEmulator, make_ok_daemon: Any, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    env: dict[str, str] = {}
    if fault == "signature":
        env["OK_APP_SECRET"] = "not-the-secret"
    else:
        for t in ok_emu.state.tokens:
            ok_emu.state.expire_token(t)
    d = await make_ok_daemon(env=env, options={"ready_timeout": 0.5})
    ok_emu.post_comment(OKG, topics(ok_emu)[0], 5010, CLEAN)
    await wait_for(lambda: ok_emu.calls(), 5, what="a first request")
    await wait_for(lambda: any("polling fails" in r.getMessage() for r in caplog.records), 5, what="log line")
    await asyncio.sleep(1.5)  # 7 poll intervals
    code = 104 if fault == "signature" else 102
    lines = [r for r in caplog.records if "polling fails" in r.getMessage()]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert f"{code} " in lines[0].getMessage() and "fix" in lines[0].getMessage()
    assert len(ok_emu.calls()) <= 2  # paused for 30 s, not hammering
    assert all(c["error_code"] == code for c in ok_emu.calls())
    assert d.state == "running"
    health = await d.health()
    assert health["status"] == "degraded"
    assert any(f"ok {OKG}: опрос OK не удаётся: {code}" in p for p in health["problems"]), health["problems"]
    text = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("not-the-secret", *ok_emu.state.tokens):
        assert secret not in text
