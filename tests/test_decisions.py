"""The decision service against the VK emulator: automatic, moderators' keep/delete/ban, undo
(before and after the action was sent, of a ban, past VK's restore window), manual ban/unban, and
the ``modbot review`` / ``modbot undo`` commands end to end."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.decisions import Conflict, DecisionError
from bot.emulator import VKEmulator
from tests.conftest import CLEAN, G1, G2, VIOLATING, DaemonFactory, community, ok_calls, settle

TRUSTED = 7777  # a trusted author's violation is held for review, never acted on automatically


async def _held(vk_emu: VKEmulator, d: Any, text: str = VIOLATING, author: int = TRUSTED) -> dict[str, Any]:
    vk_emu.post_comment(G1, author, text)
    await settle(d, judged=d.counts["judged"] + 1)
    return [r for r in d.store.review_queue() if r["author_id"] == str(author)][-1]


def _comment_on_vk(vk_emu: VKEmulator, comment_id: str) -> dict[str, Any]:
    return {str(c["id"]): c for c in vk_emu.snapshot()["comments"] if c["group_id"] == G1}[comment_id]


@pytest.fixture
async def daemon(make_daemon: DaemonFactory) -> Any:
    return await make_daemon([community(G1, trusted_user_ids=[TRUSTED]), community(G2)])


async def test_automatic_decision_is_journalled_with_its_evidence(vk_emu: VKEmulator, daemon: Any) -> None:
    vk_emu.post_comment(G1, 5001, VIOLATING)
    await settle(daemon, judged=1)
    (d,) = daemon.store.decisions(0)
    assert (
        d["decided_by"] == "auto" and d["action"] == "delete_and_ban" and d["evidence"] and d["model_version"]
    )
    assert (d["platform"], d["community_id"], d["author_id"]) == ("vk", G1, "5001")
    assert daemon.store.labels() == []  # the judge's own decisions teach nothing


async def test_moderator_keep_then_a_second_moderator_gets_a_conflict(
    vk_emu: VKEmulator, daemon: Any
) -> None:
    item = await _held(vk_emu, daemon)
    assert item["reason"].startswith("доверенный пользователь")
    done = daemon.decisions.moderate(item["id"], "keep", by="Иванова", now=time.time())
    assert done.action == "allow" and daemon.store.review_queue() == []
    with pytest.raises(Conflict, match="уже не ждёт решения"):
        daemon.decisions.moderate(item["id"], "delete", by="Петров", now=time.time())
    (label,) = daemon.store.labels()
    assert label["labels"] == [] and label["by"] == "Иванова" and label["decision_id"] == done.decision_id
    assert not ok_calls(vk_emu, "wall.deleteComment")


async def test_moderator_delete_and_ban_goes_through_the_outbox(vk_emu: VKEmulator, daemon: Any) -> None:
    item = await _held(vk_emu, daemon)
    done = daemon.decisions.moderate(
        item["id"], "delete_and_ban", by="Иванова", ban_days=3, reason="повтор", now=time.time()
    )
    daemon.outbox.wake()
    await settle(daemon)
    assert [c["params"]["comment_id"] for c in ok_calls(vk_emu, "wall.deleteComment")] == [item["comment_id"]]
    (ban,) = ok_calls(vk_emu, "groups.ban")
    assert ban["params"]["owner_id"] == str(TRUSTED)
    assert abs(int(ban["params"]["end_date"]) - (time.time() + 3 * 86400)) < 120
    row = daemon.store.get_decision(done.decision_id)
    assert row["decided_by"] == "Иванова" and row["ban_days"] == 3 and "повтор" in row["reason"]
    assert row["category"] == item["category"] != ""  # the category it was held for
    assert daemon.store.active_ban("vk", G1, str(TRUSTED)) is not None
    assert [a.state for a in daemon.store.actions_for_decision(done.decision_id)] == ["done", "done"]
    assert daemon.store.labels()[0]["labels"] == [item["category"]]


async def test_moderator_input_is_checked(vk_emu: VKEmulator, daemon: Any) -> None:
    item = await _held(vk_emu, daemon)
    for kwargs, match in [
        ({"verdict": "smite"}, "неизвестное решение"),
        ({"verdict": "delete_and_ban", "ban_days": -1}, "срок блокировки"),
        ({"verdict": "delete_and_ban", "ban_days": 10**12}, "больше 3650"),
        ({"verdict": "delete", "ban_days": 3}, "только для решения"),
        ({"verdict": "delete", "category": "sarcasm"}, "неизвестная категория"),
        ({"verdict": "keep", "by": " "}, "не указан модератор"),
    ]:
        args = {"by": "Иванова", **kwargs}
        verdict = args.pop("verdict")
        with pytest.raises(DecisionError, match=match):
            daemon.decisions.moderate(item["id"], verdict, now=time.time(), **args)
    with pytest.raises(DecisionError, match="не найден"):
        daemon.decisions.moderate(10**9, "keep", by="Иванова", now=time.time())
    assert daemon.store.review_queue()[0]["id"] == item["id"]  # nothing was written


async def test_undo_before_the_action_was_sent_cancels_it(vk_emu: VKEmulator, daemon: Any) -> None:
    item = await _held(vk_emu, daemon)
    await daemon.outbox.stop()  # the outbox is "busy": nothing is sent
    done = daemon.decisions.moderate(item["id"], "delete_and_ban", by="Иванова", ban_days=0, now=time.time())
    undo = daemon.decisions.undo(done.decision_id, by="Петров", reason="ошиблись", now=time.time())
    assert "отменено до отправки" in undo.message and undo.actions == []
    assert [a.state for a in daemon.store.actions_for_decision(done.decision_id)] == [
        "cancelled",
        "cancelled",
    ]
    assert daemon.store.active_ban("vk", G1, str(TRUSTED)) is None
    assert daemon.store.due_actions() == []
    assert not ok_calls(vk_emu, "wall.deleteComment") and not ok_calls(vk_emu, "groups.ban")
    assert daemon.store.violations("vk", str(TRUSTED), since=0) == 0
    labels = daemon.store.labels(include_dropped=True)
    assert [(lb["labels"], lb["dropped_at"] is not None) for lb in labels] == [
        ([item["category"]], True),
        ([], False),
    ]


async def test_undo_after_the_action_restores_and_unbans(vk_emu: VKEmulator, daemon: Any) -> None:
    posted = vk_emu.post_comment(G1, 5001, VIOLATING)
    await settle(daemon, judged=1)
    (auto,) = daemon.store.decisions(0)
    assert _comment_on_vk(vk_emu, str(posted["comment_id"]))["deleted"]
    assert vk_emu.snapshot()["bans"]
    undo = daemon.decisions.undo(auto["id"], by="Иванова", reason="это критика", now=time.time())
    assert [a.kind for a in undo.actions] == ["restore", "unban"]
    daemon.outbox.wake()
    await settle(daemon)
    assert not _comment_on_vk(vk_emu, str(posted["comment_id"]))["deleted"]
    assert len(ok_calls(vk_emu, "groups.unban")) == 1 and daemon.store.active_ban("vk", G1, "5001") is None
    assert daemon.store.undo_of(auto["id"])["decided_by"] == "Иванова"
    assert daemon.store.violations("vk", "5001", since=0) == 0  # the ladder forgets it
    assert daemon.store.labels()[0]["labels"] == []  # the judge was wrong: a "keep" example
    with pytest.raises(Conflict, match="уже отменено"):
        daemon.decisions.undo(auto["id"], by="Петров", now=time.time())
    # the restored comment comes back as a wall_reply_restore event: stored once, not judged again
    await settle(daemon)
    assert daemon.counts["judged"] == 1


async def test_undo_past_the_restore_window_is_reported(vk_emu: VKEmulator, daemon: Any) -> None:
    vk_emu.state.restore_window = 0.0
    vk_emu.post_comment(G1, 5001, VIOLATING)
    await settle(daemon, judged=1)
    (auto,) = daemon.store.decisions(0)
    undo = daemon.decisions.undo(auto["id"], by="Иванова", now=time.time())
    daemon.outbox.wake()
    await settle(daemon)
    restore, unban = daemon.store.actions_for_decision(undo.decision_id)
    assert restore.state == "failed" and "срок восстановления истёк" in restore.error
    assert unban.state == "done"  # the ban is lifted all the same
    assert daemon.state == "running"


async def test_manual_ban_and_unban(vk_emu: VKEmulator, daemon: Any) -> None:
    ban = daemon.decisions.ban_author(
        "vk",
        "4242",
        community_id=G1,
        days=7,
        by="Иванова",
        reason="спам в личку",
        category="spam",
        on_platform=True,
        now=time.time(),
    )
    daemon.outbox.wake()
    await settle(daemon)
    (call,) = ok_calls(vk_emu, "groups.ban")
    assert call["params"]["owner_id"] == "4242" and call["params"]["reason"] == "1"
    assert daemon.store.active_ban("vk", G1, "4242").decision_id == ban.decision_id
    local_only = daemon.decisions.ban_author(
        "vk", "4343", community_id=None, days=None, by="Иванова", now=time.time()
    )
    assert local_only.actions == [] and daemon.store.active_ban("vk", G2, "4343") is not None
    lifted = daemon.decisions.unban_author("vk", "4242", community_id=G1, by="Петров", now=time.time())
    daemon.outbox.wake()
    await settle(daemon)
    assert [a.kind for a in lifted.actions] == ["unban"] and len(ok_calls(vk_emu, "groups.unban")) == 1
    assert daemon.store.active_ban("vk", G1, "4242") is None
    with pytest.raises(DecisionError, match="нет действующих блокировок"):
        daemon.decisions.unban_author("vk", "4242", community_id=G1, by="Петров", now=time.time())
    # undo of a hand-made ban lifts it too
    daemon.decisions.undo(local_only.decision_id, by="Петров", now=time.time())
    assert daemon.store.active_ban("vk", G2, "4343") is None


async def test_review_and_undo_commands_end_to_end(
    vk_emu: VKEmulator, daemon: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "modbot.toml"
    cfg.write_text(
        f"""database = "{daemon.config.database}"
[[communities]]
platform = "vk"
group_id = {G1}
group_token_env = "UNSET_IN_THIS_SHELL_G"
user_token_env = "UNSET_IN_THIS_SHELL_U"
mode = "enforce"
trusted_user_ids = [{TRUSTED}]
""",
        encoding="utf-8",
    )
    db = str(daemon.config.database)
    first = await _held(vk_emu, daemon)
    second = await _held(vk_emu, daemon, text=VIOLATING + " ещё", author=TRUSTED)
    assert main(["review", "list", "--db", db, "--format", "json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [i["id"] for i in listed] == [first["id"], second["id"]]
    assert (
        listed[0]["text"] == VIOLATING
        and listed[0]["evidence"]
        and listed[0]["url"].startswith("https://vk.com/")
    )
    assert main(["review", "show", str(first["id"]), "--db", db]) == 0
    assert "evidence" in capsys.readouterr().out
    assert main(["review", "keep", str(first["id"]), "--db", db, "--by", "Иванова"]) == 0
    assert main(["review", "keep", str(first["id"]), "--db", db, "--by", "Петров"]) == 1  # already decided
    assert "уже не ждёт решения" in capsys.readouterr().err
    # without the daemon's config a deletion would act on nothing: refused, not silently "shadow"
    assert main(["review", "delete", str(second["id"]), "--db", db, "--by", "Иванова"]) == 2
    assert "не описано в конфигурации" in capsys.readouterr().err
    assert (
        main(
            [
                "review",
                "delete",
                str(second["id"]),
                "--config",
                str(cfg),
                "--by",
                "Иванова",
                "--ban-days",
                "0",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "заблокирован бессрочно" in out
    decision_id = int(out.split("(decision #")[1].split(";")[0])
    daemon.outbox.wake()
    await settle(daemon)
    assert _comment_on_vk(vk_emu, second["comment_id"])["deleted"]
    ban_call = ok_calls(vk_emu, "groups.ban")[0]["params"]
    assert "end_date" not in ban_call  # forever
    assert (
        main(["undo", str(decision_id), "--config", str(cfg), "--by", "Петров", "--reason", "погорячились"])
        == 0
    )
    daemon.outbox.wake()
    await settle(daemon)
    assert not _comment_on_vk(vk_emu, second["comment_id"])["deleted"]
    assert ok_calls(vk_emu, "groups.unban") and daemon.store.active_ban("vk", G1, str(TRUSTED)) is None
    assert main(["undo", str(decision_id), "--config", str(cfg), "--by", "Петров"]) == 1
    assert main(["undo", "999999", "--config", str(cfg), "--by", "Петров"]) == 2
    assert main(["review", "list", "--db", str(tmp_path / "none.db")]) == 2
    assert main(["review", "list", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "config file not found" in capsys.readouterr().err


async def test_clean_comment_is_not_held(vk_emu: VKEmulator, daemon: Any) -> None:
    vk_emu.post_comment(G1, TRUSTED, CLEAN)
    await settle(daemon, judged=1)
    assert daemon.store.review_queue() == []
