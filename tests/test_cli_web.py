"""``modbot moderator add|list|remove|passwd`` and ``modbot web`` end to end; ``[web]`` config."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, parse_config
from bot.store import Store
from bot.web.auth import verify_password


def run(
    argv: list[str],
    stdin: str = "",
    monkeypatch: pytest.MonkeyPatch | None = None,
    capsys: pytest.CaptureFixture[str] | None = None,
) -> tuple[int, str, str]:
    assert monkeypatch is not None and capsys is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_moderator_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "m.db")
    code, out, err = run(
        [
            "moderator",
            "add",
            "olga",
            "--role",
            "moderator",
            "--organisation",
            "hospital",
            "--communities",
            "vk:5,7",
            "--password-stdin",
            "--db",
            db,
        ],
        "пароль-ольги-123\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "added moderator olga" in out
    code, out, err = run(
        ["moderator", "add", "root", "--role", "admin", "--password-stdin", "--db", db],
        "short\n",
        monkeypatch,
        capsys,
    )
    assert code == 2 and "password refused" in err
    code, out, err = run(
        ["moderator", "add", "nobody", "--password-stdin", "--db", db],
        "длинный пароль 1\n",
        monkeypatch,
        capsys,
    )
    assert code == 2 and "организация или список сообществ" in err
    code, out, err = run(
        ["moderator", "add", "olga", "--organisation", "x", "--password-stdin", "--db", db],
        "длинный пароль 1\n",
        monkeypatch,
        capsys,
    )
    assert code == 2 and "уже есть" in err
    code, out, err = run(["moderator", "list", "--format", "json", "--db", db], "", monkeypatch, capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [
        {
            "name": "olga",
            "role": "moderator",
            "organisation": "hospital",
            "communities": ["vk:5", "vk:7"],
            "created_at": rows[0]["created_at"],
            "last_login_at": None,
            "disabled_at": None,
        }
    ]
    code, out, err = run(
        ["moderator", "passwd", "olga", "--password-stdin", "--db", db],
        "новый пароль 456\n",
        monkeypatch,
        capsys,
    )
    assert code == 0
    with Store(db) as s:
        assert verify_password(s.get_moderator("olga")["password_hash"], "новый пароль 456")
        assert "пароль-ольги" not in json.dumps(s.get_moderator("olga"))
    code, out, err = run(["moderator", "remove", "olga", "--db", db], "", monkeypatch, capsys)
    assert code == 0 and "removed olga" in out
    code, out, err = run(["moderator", "list", "--db", db], "", monkeypatch, capsys)
    assert "no moderators" in out
    code, out, err = run(["moderator", "list", "--all", "--db", db], "", monkeypatch, capsys)
    assert "olga: moderator" in out and "removed" in out
    code, out, err = run(["moderator", "remove", "olga", "--db", db], "", monkeypatch, capsys)
    assert code == 1
    with Store(db) as s:
        assert [a["event"] for a in s.audit_log()] == ["moderator_remove", "password", "moderator_add"]


def test_moderator_add_without_a_terminal_asks_for_password_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["moderator", "add", "x", "--role", "admin", "--db", str(tmp_path / "m.db")], "", monkeypatch, capsys
    )
    assert code == 2 and "--password-stdin" in err


def test_web_command_refuses_a_config_without_a_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "modbot.toml"
    cfg.write_text(
        'database = "x.db"\n[[communities]]\nplatform = "vk"\ngroup_id = 1\n'
        'group_token_env = "UNSET_TOKEN_VAR"\n',
        encoding="utf-8",
    )
    code, out, err = run(["web", "--config", str(cfg)], "", monkeypatch, capsys)
    assert code == 2 and "[web] port" in err  # tokens are not needed, the port is


def test_web_section() -> None:
    comm = [{"platform": "vk", "group_id": 1, "group_token_env": "G"}]
    cfg = parse_config({"communities": comm}, {"G": "t"})
    assert not cfg.web.enabled and cfg.web.host == "127.0.0.1"
    cfg = parse_config(
        {"communities": comm, "web": {"port": 8081, "trust_proxy": True, "session_hours": 8}}, {"G": "t"}
    )
    assert cfg.web.enabled and cfg.web.port == 8081 and cfg.web.trust_proxy and cfg.web.session_hours == 8
    with pytest.raises(ConfigError) as e:
        parse_config({"communities": comm, "web": {"port": 70000, "sesion_hours": 1}}, {"G": "t"})
    assert any("web.port" in p for p in e.value.problems) and any(
        "sesion_hours" in p for p in e.value.problems
    )
    with pytest.raises(ConfigError):
        parse_config({"communities": comm}, {})  # tokens are required by default …
    assert parse_config({"communities": comm}, {}, secrets=False).communities[0].group_token == ""
