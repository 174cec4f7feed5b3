"""Store: idempotency, edit versions, crash recovery, the outbox state machine, bans, violations,
migrations and concurrent use of one file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from bot.store import MIGRATIONS, BanRequest, Store, action_key
from bot.types import Action, Comment, Decision
from moderation.verdict import Evidence, Verdict

ROOT = Path(__file__).resolve().parents[1]
T0 = 1_700_000_000.0
DAY = 86400


def comment(
    cid: int = 1, text: str = "Когда починят дорогу на Кирова?", author: int = 500, **kw: object
) -> Comment:
    base: dict = dict(
        platform="vk",
        community_id=42,
        kind="wall",
        comment_id=cid,
        author_id=author,
        text=text,
        created_at=int(T0),
        object_id=7,
        owner_id=-42,
        event_id=f"ev{cid}-{abs(hash(text)) % 10_000}",
    )
    base.update(kw)
    return Comment(**base)


def verdict(text: str, action: str = "delete", labels: tuple[str, ...] = ("obscene",)) -> Verdict:
    return Verdict(
        text=text,
        action=action,
        labels=list(labels),
        scores={"obscene": 0.97, "spam": 0.01},
        evidence=[Evidence(0, 3, text[:3], "obscene", matched="x")],
        ground="нецензурная брань — п. 19",
        model_version="test-1",
    )


def delete_action(c: Comment) -> Action:
    return Action(
        decision_id=0,
        kind="delete",
        platform=c.platform,
        community_id=c.community_id,
        method="wall.deleteComment",
        params={"owner_id": c.owner_id, "comment_id": c.comment_id},
    )


def ban_action(c: Comment, days: int = 1) -> Action:
    return Action(
        decision_id=0,
        kind="ban",
        platform=c.platform,
        community_id=c.community_id,
        method="groups.ban",
        params={"group_id": c.community_id, "owner_id": c.author_id, "end_date": int(T0) + days * DAY},
    )


def decide(
    store: Store,
    c: Comment,
    action: str = "delete",
    *,
    by: str = "auto",
    now: float = T0,
    actions: list[Action] | None = None,
    mode: str = "enforce",
    with_verdict: bool = True,
) -> int:
    row = store.get_comment(c.key)
    assert row is not None
    d = Decision(comment_key=c.key, action=action, labels=["obscene"], decided_by=by, reason="мат")
    return store.save_decision(
        d,
        comment_row=row.id,
        verdict=verdict(c.text, action) if with_verdict else None,
        category="obscene",
        mode=mode,
        actions=actions
        if actions is not None
        else ([delete_action(c)] if action.startswith("delete") else []),
        now=now,
    )


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "blacklist.db")
    yield s
    s.close()


# -- schema -----------------------------------------------------------------------------------


def test_fresh_database_has_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        tables = set(s.db.table_names())
        assert {
            "schema_version", "comments", "events", "verdicts", "decisions", "actions", "bans", "cursors",
            "labels", "moderators", "sessions",
        } <= tables  # fmt: skip
        assert "author_violations" in s.db.view_names()
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_reopen_keeps_data_and_does_not_rerun_migrations(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with Store(path) as s:
        s.save_comment(comment())
        s.set_cursor("vk:42:lp_ts", 17)
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert s.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        assert s.get_comment(comment().key) is not None
        assert s.get_cursor("vk:42:lp_ts") == "17"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (99, 0)")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


def test_added_migration_applies_on_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.sqlite"
    with Store(path) as s:
        s.save_comment(comment())

    def added(db) -> None:
        db.execute("ALTER TABLE comments ADD COLUMN lang TEXT NOT NULL DEFAULT 'ru'")

    monkeypatch.setattr("bot.store.schema.MIGRATIONS", [*MIGRATIONS, added])
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS) + 1
        assert s.db.execute("SELECT lang FROM comments").fetchone()[0] == "ru"
        assert s.get_comment(comment().key) is not None


# -- intake -----------------------------------------------------------------------------------


def test_same_comment_twice_is_one_row(store: Store) -> None:
    c = comment()
    first = store.save_comment(c)
    again = store.save_comment(c)
    assert first.is_new and not again.is_new
    assert first.id == again.id and again.version == 1
    assert store.db.execute("SELECT count(*) FROM comments").fetchone()[0] == 1
    assert [r.id for r in store.comments_to_judge()] == [first.id]
    assert first.to_comment().key == c.key


def test_edit_is_a_new_version_and_is_judged_again(store: Store) -> None:
    v1 = store.save_comment(comment(text="нормальный текст", event_id="e1"))
    decide(store, comment(text="нормальный текст"), "allow")
    v2 = store.save_comment(comment(text="отредактированный текст", event_id="e2", edited=True))
    assert v2.is_new and v2.version == 2 and v2.key == v1.key
    assert [r.id for r in store.comments_to_judge()] == [v2.id]
    assert store.get_comment(v1.key).text == "отредактированный текст"
    assert store.get_comment(v1.key, 1).text == "нормальный текст"  # never deleted
    assert [r.version for r in store.comment_versions(v1.key)] == [1, 2]
    # A replay of the original "new comment" event must not resurrect the old text as version 3.
    replay = store.save_comment(comment(text="нормальный текст", event_id="e1"))
    assert replay.id == v1.id and not replay.is_new
    assert len(store.comment_versions(v1.key)) == 2


def test_event_dedupe_and_prune(store: Store) -> None:
    assert store.record_event("vk", 42, "abc", now=T0)
    assert not store.record_event("vk", 42, "abc", now=T0 + 1)
    assert store.record_event("vk", 43, "abc", now=T0)  # other community
    assert store.record_event("vk", 42, "", now=T0)  # no id: cannot dedupe
    store.save_comment(comment(event_id="from-comment"))
    assert not store.record_event("vk", 42, "from-comment")  # recorded with the comment
    assert store.prune_events(older_than=T0 + 0.5) == 2
    assert store.record_event("vk", 42, "abc", now=T0 + 2)


# -- judgement: exactly once ------------------------------------------------------------------


def test_crash_before_judging_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    s = Store(path)
    row = s.save_comment(comment(text="текст до падения"))
    s.close()  # "crash": never judged
    s = Store(path)
    todo = s.comments_to_judge()
    assert [r.id for r in todo] == [row.id]
    decide(s, comment(text="текст до падения"), "allow", actions=[])
    s.close()
    with Store(path) as s:
        assert s.comments_to_judge() == []


def test_sigkill_after_save_comment_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from bot.store import Store
        from bot.types import Comment
        s = Store({str(path)!r})
        for i in range(5):
            s.save_comment(Comment("vk", 42, "wall", i, 500, f"комментарий {{i}}", 1700000000, 7, -42))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    with Store(path) as s:
        assert [r.comment_id for r in s.comments_to_judge()] == ["0", "1", "2", "3", "4"]


def test_half_written_decision_is_rolled_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    c = comment()
    row = store.save_comment(c)

    def boom(*a: object, **k: object) -> int:
        raise RuntimeError("killed mid-transaction")

    monkeypatch.setattr(store, "ban", boom)
    d = Decision(c.key, "delete_and_ban", ["obscene"], "auto", "мат", ban_days=1)
    with pytest.raises(RuntimeError):
        store.save_decision(
            d,
            comment_row=row.id,
            verdict=verdict(c.text),
            actions=[delete_action(c), ban_action(c)],
            ban=BanRequest("vk", c.author_id, 42, int(T0) + DAY),
        )
    for table in ("verdicts", "decisions", "actions", "bans"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert [r.id for r in store.comments_to_judge()] == [row.id]  # will be judged again, cleanly


def test_decision_with_actions_and_ban_in_one_call(store: Store) -> None:
    c = comment()
    row = store.save_comment(c)
    d = Decision(c.key, "delete_and_ban", ["obscene"], "auto", "мат", ban_days=1)
    did = store.save_decision(
        d,
        comment_row=row.id,
        verdict=verdict(c.text),
        category="obscene",
        actions=[delete_action(c), ban_action(c)],
        ban=BanRequest("vk", c.author_id, 42, int(T0) + DAY, category="obscene"),
        now=T0,
    )
    assert d.id == did
    assert store.comments_to_judge() == []
    assert store.get_comment_row(row.id).state == "judged"
    got = store.get_decision(did)
    assert got["scores"]["obscene"] == pytest.approx(0.97)
    assert got["evidence"][0]["quote"] == c.text[:3]
    assert got["model_version"] == "test-1" and got["comment_version"] == 1
    assert [v["action"] for v in store.verdicts_for(row.id)] == ["delete"]
    kinds = [a.kind for a in store.actions_for_decision(did)]
    assert kinds == ["delete", "ban"]
    assert store.action_key_of(store.actions_for_decision(did)[1].id) == f"ban:vk:42:{c.author_id}:{did}"
    ban = store.active_ban("vk", 42, c.author_id, now=T0 + 10)
    assert ban is not None and ban.decision_id == did and ban.category == "obscene"


def test_auto_decision_is_made_once(store: Store) -> None:
    c = comment()
    store.save_comment(c)
    first = decide(store, c, "delete")
    second = decide(store, c, "delete")  # e.g. a restart re-ran the judge from a stale list
    assert first == second
    assert store.db.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 1
    # A moderator may still decide again.
    assert decide(store, c, "restore", by="Иванова", actions=[], with_verdict=False) != first


def test_save_verdict_alone_is_idempotent(store: Store) -> None:
    row = store.save_comment(comment())
    vid = store.save_verdict(row.id, verdict(row.text, "allow", ()))
    assert store.save_verdict(row.id, verdict(row.text, "allow", ())) == vid
    assert store.comments_to_judge() == []
    with pytest.raises(ValueError):
        store.save_verdict(9999, verdict("x"))


def test_decision_validation(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown decision action"):
        store.save_decision(Decision("k", "obliterate", [], "auto", ""))
    with pytest.raises(ValueError, match="no stored comment"):
        store.save_decision(Decision("vk:1:wall:1:1", "delete", [], "auto", ""))
    # A decision without a comment (moderator unban from the blacklist page) is fine.
    did = store.save_decision(Decision("", "unban", [], "Иванова", "ошибочная блокировка"))
    assert store.get_decision(did)["comment_row"] is None


# -- outbox -----------------------------------------------------------------------------------


def test_same_action_twice_is_one(store: Store) -> None:
    c = comment()
    store.save_comment(c)
    did = decide(store, c, "delete", actions=[])
    a1 = delete_action(c)
    a1.decision_id = did
    assert store.enqueue_action(a1, now=T0) is not None
    a2 = delete_action(c)
    a2.decision_id = did
    assert store.enqueue_action(a2, now=T0) is None
    # Even a moderator's separate delete decision does not delete twice.
    mod = decide(store, c, "delete", by="Иванова", actions=[], with_verdict=False)
    a3 = delete_action(c)
    a3.decision_id = mod
    assert store.enqueue_action(a3, now=T0) is None
    assert len(store.due_actions(now=T0)) == 1


def test_delete_after_restore_is_a_new_action(store: Store) -> None:
    c = comment()
    store.save_comment(c)
    d1 = decide(store, c, "delete")
    restore = Action(0, "restore", "vk", 42, "wall.restoreComment", {"owner_id": -42, "comment_id": 1})
    d2 = decide(store, c, "restore", by="Иванова", actions=[restore], with_verdict=False)
    d3 = decide(store, c, "delete", by="Петров", with_verdict=False)
    keys = [store.action_key_of(a.id) for d in (d1, d2, d3) for a in store.actions_for_decision(d)]
    assert keys == [f"delete:{c.key}", f"restore:{c.key}:{d2}", f"delete:{c.key}:{d3}"]


def test_outbox_state_machine(store: Store) -> None:
    c = comment()
    row = store.save_comment(c)
    did = decide(store, c, "delete_and_ban", actions=[delete_action(c), ban_action(c)], now=T0)
    due = store.due_actions(now=T0)
    assert [a.kind for a in due] == ["delete", "ban"] and all(a.id for a in due)
    delete, ban = due
    assert store.next_action_at() == T0

    # transient failure: stays pending, not due until retry_at
    store.mark_action_failed(delete.id, "VK error 6: too many requests", retry_at=T0 + 30)
    assert [a.id for a in store.due_actions(now=T0 + 1)] == [ban.id]
    assert [a.id for a in store.due_actions(now=T0 + 30)] == [delete.id, ban.id]
    got = store.get_action(delete.id)
    assert (got.state, got.attempts, got.error) == ("pending", 1, "VK error 6: too many requests")

    # permanent failure
    store.mark_action_failed(ban.id, "VK error 15: access denied")
    assert store.get_action(ban.id).state == "failed"
    assert [a.id for a in store.due_actions(now=T0 + 99)] == [delete.id]
    store.mark_action_failed(ban.id, "ignored: already failed")
    assert store.get_action(ban.id).attempts == 1

    store.mark_action_done(delete.id, {"response": 1}, now=T0 + 31)
    store.mark_action_done(delete.id, {"response": 1}, now=T0 + 32)  # repeated: no-op
    got = store.get_action(delete.id)
    assert (got.state, got.attempts, got.error) == ("done", 2, "")
    assert store.get_comment_row(row.id).state == "acted"  # nothing pending any more

    # a moderator re-queues the failed ban after fixing the token
    assert store.requeue_action(ban.id, now=T0 + 100)
    assert not store.requeue_action(ban.id, now=T0 + 100)
    assert [a.id for a in store.due_actions(now=T0 + 100)] == [ban.id]
    store.mark_action_done(ban.id, now=T0 + 101)
    assert store.due_actions(now=T0 + 1000) == [] and store.next_action_at() is None
    assert store.decisions(0)[0]["actions"] == "delete:done ban:done"
    assert store.get_decision(did)["action"] == "delete_and_ban"

    with pytest.raises(KeyError):
        store.mark_action_done(12345)
    with pytest.raises(KeyError):
        store.mark_action_failed(12345, "x")


def test_claim_leases_actions(store: Store) -> None:
    c = comment()
    store.save_comment(c)
    decide(store, c, "delete_and_ban", actions=[delete_action(c), ban_action(c)], now=T0)
    delete, ban = store.due_actions(now=T0)
    store.mark_action_done(ban.id, now=T0)
    assert store.claim_actions([delete.id, ban.id], lease_until=T0 + 600, now=T0) == 1  # done one skipped
    assert store.due_actions(now=T0 + 599) == []
    leased = store.get_action(delete.id)
    assert leased.attempts == 0 and leased.in_flight and leased.error == ""
    st = store.status(now=T0 + 1)
    assert st["in_flight"] == 1 and st["last_errors"] == []
    # the lease expires (process died mid-call): due again, flagged for a check before repeating
    (again,) = store.due_actions(now=T0 + 600)
    assert again.id == delete.id and again.in_flight


def test_pending_action_survives_restart(tmp_path: Path) -> None:
    """Kill between the platform call and mark_action_done: the action is still pending after restart
    (and is repeated once — the platform call is idempotent); a done action is never returned."""
    path = tmp_path / "db.sqlite"
    with Store(path) as s:
        c = comment()
        s.save_comment(c)
        decide(s, c, "delete_and_ban", actions=[delete_action(c), ban_action(c)])
        first, _ = s.due_actions(now=T0)
        s.mark_action_done(first.id, now=T0)
    with Store(path) as s:
        assert [a.kind for a in s.due_actions(now=T0 + 1)] == ["ban"]


def test_action_key_defaults() -> None:
    a = Action(5, "ban", "vk", 42, "groups.ban", {})
    assert action_key(a, author_id=500) == "ban:vk:42:500:5"
    assert action_key(Action(5, "delete", "vk", 42, "m", {}), comment_key="k") == "delete:k"
    with pytest.raises(ValueError):
        action_key(Action(5, "explode", "vk", 42, "m", {}))
    with pytest.raises(ValueError):
        action_key(a)


# -- bans and violations ------------------------------------------------------------------------


def test_bans_expiry_and_scope(store: Store) -> None:
    store.ban("vk", 500, community_id=42, until=int(T0) + DAY, reason="мат", now=T0)
    assert store.active_ban("vk", 42, 500, now=T0 + 10) is not None
    assert store.active_ban("vk", 43, 500, now=T0 + 10) is None  # other community
    assert store.active_ban("ok", 42, 500, now=T0 + 10) is None  # other platform
    assert store.active_ban("vk", 42, 500, now=T0 + DAY + 1) is None  # expired

    store.ban("vk", 600, community_id=None, until=None, reason="угрозы", now=T0)  # organisation, forever
    assert store.active_ban("vk", 42, 600, now=T0 + 1000 * DAY).until is None
    assert store.active_ban("vk", 77, 600, now=T0).community_id is None

    # the longest-lasting ban wins
    store.ban("vk", 500, community_id=42, until=int(T0) + 7 * DAY, now=T0 + 1)
    assert store.active_ban("vk", 42, 500, now=T0 + 10).until == int(T0) + 7 * DAY
    assert len(store.bans(now=T0 + 10)) == 3
    assert len(store.bans(now=T0 + 2 * DAY)) == 2

    assert store.unban("vk", 500, community_id=42, lifted_by="Иванова", now=T0 + 20) == 2
    assert store.active_ban("vk", 42, 500, now=T0 + 30) is None
    lifted = [b for b in store.bans(active_only=False) if b.author_id == 500]
    assert all(b.lifted_by == "Иванова" for b in lifted)
    # lifting in one community also lifts the organisation-wide ban that applies there
    assert store.unban("vk", 600, community_id=42, lifted_by="Иванова", now=T0 + 40) == 1
    assert store.active_ban("vk", 77, 600, now=T0 + 50) is None
    assert store.unban("vk", 600, lifted_by="x") == 0


def test_violations_window(store: Store) -> None:
    def violate(
        cid: int, at: float, author: int = 500, action: str = "delete", platform: str = "vk"
    ) -> Comment:
        c = comment(cid, text=f"плохой текст {cid}", author=author, platform=platform)
        store.save_comment(c)
        decide(store, c, action, now=at)
        return c

    violate(1, T0)
    violate(2, T0 + 10 * DAY)
    c3 = violate(3, T0 + 20 * DAY, action="delete_and_ban")
    violate(4, T0 + 21 * DAY, action="allow")  # not a violation
    violate(5, T0 + 22 * DAY, author=501)  # someone else
    violate(6, T0 + 22 * DAY, platform="ok")  # same id on another platform
    c7 = comment(7, text="теневой режим", author=500)
    store.save_comment(c7)
    decide(store, c7, "delete", now=T0 + 23 * DAY, mode="shadow", actions=[])  # shadow counts too

    assert store.violations("vk", 500, since=T0 - 1) == 4
    assert store.violations("vk", 500, since=T0 + 5 * DAY) == 3
    assert store.violations("vk", 500, since=T0 + 30 * DAY) == 0
    assert store.violations("ok", 500, since=0) == 1
    assert store.violations("vk", 501, since=0) == 1

    # a moderator restores comment 3: it no longer counts
    decide(store, c3, "restore", by="Иванова", now=T0 + 24 * DAY, actions=[], with_verdict=False)
    assert store.violations("vk", 500, since=T0 - 1) == 3
    stats = store.author_stats("vk", since=0)
    assert stats[0]["author_id"] == "500" and stats[0]["violations"] == 3


# -- cursors, journal, status, labels -----------------------------------------------------------


def test_cursors(store: Store) -> None:
    assert store.get_cursor("vk:42:ts") is None
    assert store.get_cursor("vk:42:ts", "0") == "0"
    store.set_cursor("vk:42:ts", 10)
    store.set_cursor("vk:42:ts", "11")
    assert store.get_cursor("vk:42:ts") == "11"


def test_decisions_export_and_status(store: Store) -> None:
    c1, c2 = comment(1, "мат"), comment(2, "спам", community_id=43)
    store.save_comment(c1)
    store.save_comment(c2)
    store.save_comment(comment(3, "ещё не судили"))
    decide(store, c1, "delete", now=T0)
    decide(store, c2, "review", now=T0 + 100, actions=[])
    rows = store.decisions(since=T0, until=T0 + 50)
    assert len(rows) == 1
    r = rows[0]
    assert r["text"] == "мат" and r["author_id"] == "500" and r["platform"] == "vk"
    assert r["labels"] == ["obscene"] and r["decided_by"] == "auto" and r["actions"] == "delete:pending"
    assert len(store.decisions(since=0)) == 2

    (a,) = store.due_actions(now=T0)
    store.mark_action_failed(a.id, "VK error 10", retry_at=T0 + 60)
    st = store.status(now=T0 + 10)
    assert st["comments"] == {"received": 1, "judged": 2, "acted": 0}
    assert st["to_judge"] == 1
    assert st["actions"]["pending"] == 1 and st["queue_depth"] == 1 and st["queue_due"] == 0
    assert st["last_errors"][0]["error"] == "VK error 10"
    assert {(x["platform"], x["community_id"]) for x in st["communities"]} == {("vk", 42), ("vk", 43)}
    assert st["decisions"] == {"delete": 1, "review": 1}
    assert st["schema_version"] == len(MIGRATIONS)


def test_labels(store: Store) -> None:
    lid = store.add_label("vk:42:wall:7:1", "текст", ["insult"], by="Иванова", now=T0)
    assert lid
    assert store.labels() == [
        {
            "id": lid,
            "comment_key": "vk:42:wall:7:1",
            "text": "текст",
            "labels": ["insult"],
            "by": "Иванова",
            "at": T0,
            "decision_id": None,
            "comment_row": None,
            "dropped_at": None,
            "dropped_by": None,
        }
    ]


# -- concurrency --------------------------------------------------------------------------------


def test_two_stores_on_one_file_burst(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    a, b = Store(path), Store(path)
    errors: list[BaseException] = []

    def writer(s: Store, base: int) -> None:
        try:
            for i in range(150):
                c = comment(base + i, text=f"текст {base + i}")
                row = s.save_comment(c)
                if i % 3 == 0:
                    decide(s, c, "delete", now=T0 + i)
                s.set_cursor(f"w{base}", i)
                s.status()
                assert row.id
        except BaseException as exc:  # surfaced below, in the main thread
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=(s, base)) for s, base in ((a, 0), (b, 10_000), (a, 20_000))
    ]
    for t in threads:
        t.start()
    reader_rows = 0
    while any(t.is_alive() for t in threads):
        reader_rows = max(reader_rows, len(b.comments_to_judge()))
    for t in threads:
        t.join()
    assert not errors, errors
    assert a.db.execute("SELECT count(*) FROM comments").fetchone()[0] == 450
    assert b.db.execute("SELECT count(*) FROM actions").fetchone()[0] == 150
    assert len(a.comments_to_judge()) == 300
    a.close()
    b.close()


def test_two_processes_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Store(path).close()
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from bot.store import Store
        from bot.types import Comment
        base = int(sys.argv[1])
        s = Store({str(path)!r})
        for i in range(200):
            s.save_comment(Comment("vk", 42, "wall", base + i, 500, f"t{{base + i}}", 1700000000, 7, -42))
            s.record_event("vk", 42, f"e{{base + i}}")
        s.close()
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(base)], stderr=subprocess.PIPE)
        for base in (0, 1000, 2000)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with Store(path) as s:
        assert s.db.execute("SELECT count(*) FROM comments").fetchone()[0] == 600
        assert s.db.execute("SELECT count(*) FROM events").fetchone()[0] == 600


def test_migration_2_indexes_decisions_by_comment_row(tmp_path: Path) -> None:
    """The ladder's history query joins decisions on comment_row for every judged comment."""
    with Store(tmp_path / "db.sqlite") as s:
        plan = s.db.execute("EXPLAIN QUERY PLAN SELECT * FROM decisions WHERE comment_row = 1").fetchall()
        assert any("decisions_row" in str(row) for row in plan)


def test_version_1_database_is_upgraded_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr("bot.store.schema.MIGRATIONS", MIGRATIONS[:1])
    with Store(path) as s:
        assert s.schema_version == 1
    monkeypatch.undo()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS) >= 2
        s.save_comment(comment())
        assert s.get_comment(comment().key) is not None


def test_schema_2_database_upgrades_to_text_ids_with_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database written by the schema-2 release (integer ids, the outbox lease in last_error)."""
    path = tmp_path / "release.db"
    monkeypatch.setattr("bot.store.schema.MIGRATIONS", MIGRATIONS[:2])
    with Store(path) as s:
        db = s.db
        db.execute("""INSERT INTO comments (id, key, version, platform, community_id, kind, object_id, owner_id,
                          comment_id, author_id, text, created_at, received_at, url, event_id, state)
                      VALUES (1, 'vk:42:wall:7:1', 1, 'vk', 42, 'wall', 7, -42, 1, 500, 'мат', 1700000000, 1.5,
                              'u', 'e1', 'acted'),
                             (2, 'vk:42:wall:7:2', 1, 'vk', 42, 'wall', 7, -42, 2, -42, 'от сообщества', 1700000001,
                              2.5, '', 'e2', 'judged')""")
        db.execute("""INSERT INTO verdicts (id, comment_row, model_version, action, labels, at)
                      VALUES (1, 1, 'm1', 'delete_and_ban', '["obscene"]', 3.0)""")
        db.execute("""INSERT INTO decisions (id, comment_key, comment_version, comment_row, verdict_id, action,
                          labels, ban_days, decided_by, reason, category, at)
                      VALUES (1, 'vk:42:wall:7:1', 1, 1, 1, 'delete_and_ban', '["obscene"]', 1, 'auto', 'мат',
                              'obscene', 3.0),
                             (2, '', NULL, NULL, NULL, 'ban', '[]', 0, 'Иванова', 'вручную', '', 4.0)""")
        db.execute("""INSERT INTO actions (id, decision_id, kind, platform, community_id, method, params, key, state,
                          attempts, last_error, created_at, next_attempt_at)
                      VALUES (1, 1, 'delete', 'vk', 42, 'wall.deleteComment', '{}', 'delete:vk:42:wall:7:1', 'done',
                              1, '', 3.0, 3.0),
                             (2, 1, 'ban', 'vk', 42, 'groups.ban', '{}', 'ban:vk:42:500:1', 'pending', 0,
                              'in flight since 3', 3.0, 603.0)""")
        db.execute("""INSERT INTO bans (id, platform, community_id, author_id, until, reason, decided_by, decision_id,
                          created_at)
                      VALUES (1, 'vk', 42, 500, NULL, 'мат', 'auto', 1, 3.0),
                             (2, 'vk', NULL, 777, NULL, 'вручную', 'Иванова', 2, 4.0)""")
        db.execute(
            "INSERT INTO labels (id, comment_key, text, labels, by, at) "
            "VALUES (1, 'vk:42:wall:7:1', 'мат', '[\"obscene\"]', 'Иванова', 5.0)"
        )
    monkeypatch.undo()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        rows = [s.get_comment_row(1), s.get_comment_row(2)]
        assert [(r.comment_id, r.author_id, r.object_id, r.owner_id, r.by_community) for r in rows] == [
            ("1", "500", "7", "-42", False),
            ("2", "-42", "7", "-42", True),
        ]
        assert rows[0].text == "мат" and rows[0].state == "acted"
        assert s.verdicts_for(1)[0]["model_version"] == "m1"
        d1, d2 = s.get_decision(1), s.get_decision(2)
        assert (d1["platform"], d1["community_id"], d1["author_id"]) == ("vk", 42, "500")
        assert (d2["platform"], d2["community_id"], d2["author_id"]) == ("vk", None, "777")
        leased = s.get_action(2)
        assert leased.in_flight and leased.error == "" and leased.state == "pending"
        assert s.active_ban("vk", 42, "500") is not None and s.active_ban("vk", 9, "777") is not None
        assert s.violations("vk", "500", since=0) == 1
        assert s.labels()[0]["labels"] == ["obscene"]
        assert s.db.execute("PRAGMA foreign_key_check").fetchall() == []
        # and it keeps working: a new text id next to the old ones
        s.save_comment(Comment("ok", 42, "ok_topic", "mid:abc", "user:9", "привет", 0, object_id="t1"))
        assert s.get_comment("ok:42:ok_topic:t1:mid:abc").author_id == "user:9"
