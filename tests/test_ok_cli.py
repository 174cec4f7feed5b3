"""What operators and moderators do with OK pages: the config keys, ``modbot review list|done``,
``modbot status`` saying when OK refused deletion, one blacklist with VK and OK authors side by
side, and moderators' decisions and undo on OK comments through the decision service."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import ConfigError, parse_config
from bot.decisions import DecisionService
from bot.ok.adapter import OKPlatform
from bot.platform import PlatformRegistry
from bot.store import Store
from bot.types import Comment
from moderation.verdict import Verdict

ENV = {
    "OKK": "CBAKEY",
    "OKS": "app-secret",
    "OKT": "ok-admin-token",
    "G": "vk-group",
    "U": "vk-user",
    "BOT": "ok-bot-token",
}


def _config(tmp_path: Path, **community: Any) -> Any:
    return parse_config(
        {
            "database": str(tmp_path / "m.db"),
            "ok": {"application_key_env": "OKK", "application_secret_env": "OKS"},
            "communities": [
                {
                    "platform": "ok",
                    "group_id": 5,
                    "name": "ОК",
                    "access_token_env": "OKT",
                    "mode": "enforce",
                    **community,
                }
            ],
        },
        ENV,
    )


def test_ok_config_keys(tmp_path: Path) -> None:
    cfg = _config(tmp_path, delete_enabled=True, block_author="always")
    (c,) = cfg.communities
    assert (c.platform, c.access_token, c.delete_enabled, c.block_author, c.receive_mode) == (
        "ok",
        "ok-admin-token",
        True,
        "always",
        "poll",
    )
    assert cfg.ok.application_key == "CBAKEY" and cfg.ok.application_secret == "app-secret"
    assert cfg.ok.poll_interval == 30 and cfg.ok.requests_per_second == 5 and cfg.ok.topic_active_days == 7
    for secret in ("ok-admin-token", "app-secret", "CBAKEY"):
        assert secret not in repr(cfg)
    with pytest.raises(ConfigError) as ei:
        parse_config(
            {
                "ok": {"application_key_env": "MISSING", "poll_interval": 0, "speed": 1},
                "communities": [
                    {
                        "platform": "ok",
                        "group_id": 5,
                        "group_token_env": "G",
                        "block_author": "sometimes",
                        "delete_enabled": "yes",
                        "messages": True,
                    },
                    {"platform": "vk", "group_id": 6, "group_token_env": "G", "access_token_env": "OKT"},
                ],
            },
            ENV,
        )
    text = "\n".join(ei.value.problems)
    for needle in (
        "communities[1].group_token_env: not used for OK communities",
        "communities[1].access_token_env: required",
        "communities[1].block_author: must be one of forever, always, never",
        "communities[1].delete_enabled: expected true or false",
        "communities[1].bot_token_env: required",
        "communities[1].messages_url: required with messages = true",
        "communities[2].access_token_env: not used for VK communities",
        "ok.application_key_env: environment variable MISSING is not set",
        "ok.application_secret_env: required",
        "ok.poll_interval: must be > 0",
        "ok.speed: unknown key",
    ):
        assert needle in text, (needle, text)
    assert "ok-admin-token" not in text and "app-secret" not in text


def test_example_config_documents_ok(tmp_path: Path) -> None:
    import tomllib

    data = tomllib.loads((Path(__file__).resolve().parent.parent / "modbot.example.toml").read_text())
    assert "ok" in data
    ok = [c for c in data["communities"] if c["platform"] == "ok"]
    assert ok and {"access_token_env", "delete_enabled", "block_author"} <= set(ok[0])


def _held_ok_comment(
    store: Store, service: DecisionService, author: str = "575662066926", comment_id: str = "MTU1OjEy"
) -> Any:
    c = Comment(
        "ok",
        5,
        "ok_topic",
        comment_id,
        author,
        "ты дебил",
        int(time.time()),
        object_id="155000000000001",
        url="https://ok.ru/group/5/topic/155000000000001",
    )
    row = store.save_comment(c)
    verdict = Verdict(text=c.text, action="review", labels=[], scores={"insult": 0.5}, ground="")
    service.decide_auto(row, verdict, time.time())
    return row


def test_moderator_delete_and_ban_on_ok_then_review_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _config(tmp_path)
    db = tmp_path / "m.db"
    with Store(db) as store:
        service = DecisionService(store, cfg, PlatformRegistry([OKPlatform(cfg)]))
        row = _held_ok_comment(store, service)
        out = service.moderate(
            row.id, "delete_and_ban", by="anna", ban_days=0, category="insult", now=time.time()
        )
        assert "вручную на платформе: 1" in out.message
        (a,) = out.actions
        # one manual action: delete and block (a permanent ban blocks on OK), with the link
        assert (a.kind, a.state, a.method, a.params["block_author"]) == ("delete", "manual", "manual", True)
        assert "заблокировать автора" in a.error and row.url in a.error
        assert store.active_ban("ok", 5, row.author_id) is not None
        undone = service.undo(out.decision_id, by="anna", now=time.time())  # before anyone acted: cancelled
        assert "отменено до отправки" in undone.message
        assert (
            store.get_action(a.id).state == "cancelled" and store.active_ban("ok", 5, row.author_id) is None
        )

        row2 = _held_ok_comment(store, service, author="575662066927", comment_id="MTU1OjEz")
        out2 = service.moderate(row2.id, "delete", by="anna", category="insult", now=time.time())
        (a2,) = out2.actions
    assert main(["review", "list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert f"action #{a2.id} delete ok 5 {row2.url}" in listed and "удалить вручную в OK" in listed
    assert main(["review", "list", "--db", str(db), "--format", "json"]) == 0
    (rec,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert (
        rec["manual_action"] == a2.id and rec["url"] == row2.url and "удалить вручную в OK" in rec["reason"]
    )
    assert main(["review", "done", str(a2.id), "--db", str(db), "--by", "anna"]) == 0
    assert "отмечено выполненным вручную" in capsys.readouterr().out
    assert main(["review", "done", str(a2.id), "--db", str(db), "--by", "anna"]) == 1
    assert "не ждёт ручного выполнения" in capsys.readouterr().err
    with Store(db) as store:
        done = store.get_action(a2.id)
        assert done.state == "done"
        assert store._one("SELECT done_by FROM actions WHERE id = ?", (a2.id,))["done_by"] == "anna"
        # after the deletion by hand, undo cannot bring the comment back on OK: it says so
        service = DecisionService(store, cfg, PlatformRegistry([OKPlatform(cfg)]))
        msg = service.undo(out2.decision_id, by="anna", now=time.time()).message
        assert "OK не позволяет вернуть удалённый комментарий" in msg


def test_status_blacklist_and_decisions_show_both_platforms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = _config(tmp_path)
    db = tmp_path / "m.db"
    with Store(db) as store:
        service = DecisionService(store, cfg, PlatformRegistry([OKPlatform(cfg)]))
        _held_ok_comment(store, service)
        store.set_cursor("ok:5:notice", "удаление через API недоступно: удаляют модераторы вручную")
    assert main(["blacklist", "add", "user:575662066926", "--platform", "ok", "--db", str(db)]) == 0
    assert main(["blacklist", "add", "77", "--platform", "vk", "--db", str(db), "--community", "1"]) == 0
    capsys.readouterr()
    assert main(["blacklist", "list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert "ok user:575662066926: all communities" in listed and "vk 77: community 1" in listed
    assert main(["status", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "ok 5: 1 comments" in out and "! удаление через API недоступно" in out
    assert main(["decisions", "--db", str(db), "--since", "1", "--format", "json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {(d["platform"], d["author_id"], d["action"]) for d in rows} == {
        ("ok", "575662066926", "review"),
        ("ok", "user:575662066926", "ban"),
        ("vk", "77", "ban"),
    }
    assert main(["blacklist", "remove", "user:575662066926", "--platform", "ok", "--db", str(db)]) == 0
