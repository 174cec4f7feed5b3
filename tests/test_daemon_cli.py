"""``modbot status | blacklist | decisions | demo`` — what an operator types and reads."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli_daemon import parse_when
from bot.store import Store
from bot.types import Action, Comment, Decision
from moderation.verdict import Verdict


def _fill(db: Path) -> None:
    with Store(db) as s:
        row = s.save_comment(
            Comment(
                "vk",
                1,
                "wall",
                7,
                42,
                "текст, мат",
                int(time.time()),
                object_id=3,
                owner_id=-1,
                event_id="e1",
            )
        )
        v = Verdict(
            text="текст, мат",
            action="delete",
            labels=["obscene"],
            scores={"obscene": 0.97},
            ground="нецензурная брань — п. 19",
        )
        s.save_decision(
            Decision(row.key, "delete", ["obscene"], "auto", "нецензурная брань — п. 19"),
            comment_row=row.id,
            verdict=v,
            actions=[Action(0, "delete", "vk", 1, "wall.deleteComment", {"owner_id": -1, "comment_id": 7})],
        )
        s.set_cursor("vk:1:lp_ts", "15")


def test_status_blacklist_and_decisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "b.db"
    _fill(db)
    assert main(["status", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "vk 1: 1 comments" in out and "long-poll ts 15" in out and "outbox: 1 pending" in out

    assert (
        main(
            ["blacklist", "add", "77", "--db", str(db), "--days", "3", "--reason", "спам", "--community", "1"]
        )
        == 0
    )
    assert main(["blacklist", "list", "--db", str(db), "--format", "json"]) == 0
    entries = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert [(e["author_id"], e["community_id"], e["reason"]) for e in entries] == [("77", 1, "спам")]
    assert main(["blacklist", "remove", "77", "--db", str(db)]) == 0
    assert main(["blacklist", "remove", "77", "--db", str(db)]) == 1  # nothing left to lift
    capsys.readouterr()

    assert main(["decisions", "--db", str(db), "--since", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["action"] for r in rows] == ["delete", "ban", "unban"]  # the hand-made ban is journalled too
    assert rows[0]["actions"] == "delete:pending"
    assert [(r["author_id"], r["community_id"], r["decided_by"] != "auto") for r in rows[1:]] == [
        ("77", "1", True),
        ("77", "", True),
    ]
    assert json.loads(rows[0]["labels"]) == ["obscene"]
    assert (
        main(
            [
                "decisions",
                "--db",
                str(db),
                "--since",
                "2000-01-01",
                "--until",
                "2000-01-02",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
    assert main(["decisions", "--db", str(db), "--since", "вчера"]) == 2
    assert main(["status", "--db", str(tmp_path / "missing.db")]) == 2


def test_parse_when() -> None:
    now = 1_700_000_000.0
    assert parse_when("2", now=now) == now - 2 * 86400
    assert parse_when("0.5", now=now) == now - 43200
    assert parse_when("2024-05-01T00:00:00+00:00") == 1714521600
    with pytest.raises(ValueError):
        parse_when("-1")


def test_run_reports_config_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "modbot.toml"
    cfg.write_text(
        '[[communities]]\nplatform = "vk"\ngroup_id = 1\ngroup_token_env = "MODBOT_TEST_NOPE"\n'
        'mode = "enforce"\n',
        encoding="utf-8",
    )
    assert main(["run", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert "MODBOT_TEST_NOPE" in err and "user_token_env" in err


def test_demo_runs_and_moderates(
    tmp_path: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.demo.run import run_demo

    monkeypatch.setenv("MODBOT_MODEL", str(model_dir))
    assert asyncio.run(run_demo(seconds=3, rate=30, port=0, base=tmp_path, web_port=0)) == 0
    out = capsys.readouterr().out
    assert "ENFORCE" in out and "/metrics" in out and "demo.db" in out
    assert re.search(r"^web: http://127\.0\.0\.1:\d+/  login: demo  password: \S{10,}$", out, re.M)
    [run] = list(tmp_path.glob("demo-*"))
    with Store(run / "demo.db") as s:
        st = s.status()
    assert st["comments"]["received"] == 0 and sum(st["comments"].values()) >= 60
    assert st["actions"]["done"] > 0 and st["actions"]["pending"] == 0
    assert st["decisions"].get("review", 0) >= 3  # doubtful comments wait in the workspace's queue
    with Store(run / "demo.db") as s:
        texts = [r["text"] for r in s.review_queue(limit=100)] + [r["text"] for r in s.decisions(0)]
        assert any("onerror=alert" in t for t in texts) and s.get_moderator("demo")["role"] == "admin"
    assert (
        not (Path.cwd() / "blacklist.db").exists()
        or (Path.cwd() / "blacklist.db").stat().st_mtime < time.time() - 60
    )
