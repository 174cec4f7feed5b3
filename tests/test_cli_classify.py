"""`modbot classify`: the JSONL contract and bad input through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CONTRACT_KEYS = {"text", "action", "labels", "scores", "evidence", "model_version"}


def modbot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, timeout=120
    )


def test_jsonl_contract_one_object_per_line():
    lines = ["ты дебил", "", "   ", "Когда починят дорогу?", "😀" * 50, "a\x00b\x1bc", "х" * 100_000]
    proc = modbot("classify", "--jsonl", stdin=("\n".join(lines) + "\n").encode())
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == len(lines)
    for obj, text in zip(out, lines, strict=True):
        assert CONTRACT_KEYS <= set(obj)
        assert obj["text"] == text
        assert obj["action"] in ("allow", "review", "delete", "delete_and_ban")
        assert isinstance(obj["labels"], list)
        assert set(obj["scores"]) == {"spam", "obscene", "insult", "threat", "hate"}
        for e in obj["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
    assert "insult" in out[0]["labels"]
    assert out[1]["labels"] == [] and out[1]["action"] == "allow"
    assert b"Traceback" not in proc.stderr


def test_invalid_utf8_on_stdin_is_replaced_not_a_crash():
    proc = modbot("classify", "--jsonl", stdin=b"\xff\xfe\xfa bad bytes\n\xd0\xbf\xd1\x80\xd0\xb8\n")
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == 2
    assert out[1]["text"] == "при"
    assert b"Traceback" not in proc.stderr


def test_readable_explanation():
    proc = modbot("classify", "ты дебил конченый")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "Решение:" in text and "оскорбление" in text


def test_missing_model_is_one_clear_line(tmp_path):
    proc = modbot("classify", "--model", str(tmp_path / "nope"), "текст")
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert err.startswith("modbot:") and "\n" not in err and "Traceback" not in err


@pytest.mark.parametrize("args", [["classify"], ["train", "--data", "/nonexistent", "--out", "/tmp/x"]])
def test_usage_errors_are_one_line(args):
    proc = modbot(*args)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr


def test_a_lone_surrogate_in_an_argument_prints_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    assert main(["classify", "--json", "иди нахуй \ud83d урод"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["text"] == "иди нахуй \ud83d урод"
    out.encode("utf-8")  # nothing UTF-8 cannot carry


def test_classify_judges_with_the_model_the_daemon_runs(tmp_path, model_dir):
    """After `modbot retrain` promotes a version, `modbot classify --config` explains the verdict of
    that version (the daemon's), not the shipped model's; `--model` still wins."""
    from bot.model_registry import ModelRegistry
    from moderation.classifier import ModelArtifact

    reg = ModelRegistry(tmp_path / "models")
    art = ModelArtifact.load(model_dir)
    art.version = "v-promoted"
    reg.add_version("v-promoted", art.save, {"kind": "base", "status": "base"})
    reg.switch("v-promoted")
    cfg = tmp_path / "modbot.toml"
    cfg.write_text(
        f'database = "{tmp_path / "m.db"}"\nmodel_path = "{tmp_path / "models" / "current"}"\n'
        '[[communities]]\nplatform = "vk"\ngroup_id = 1\ngroup_token_env = "G1"\nuser_token_env = "U1"\n',
        encoding="utf-8",
    )
    proc = modbot("classify", "--config", str(cfg), "--json", "Когда починят дорогу?")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["model_version"] == "v-promoted"
    proc = modbot(
        "classify", "--config", str(cfg), "--model", str(model_dir), "--json", "Когда починят дорогу?"
    )
    assert json.loads(proc.stdout)["model_version"] != "v-promoted"
    proc = modbot("classify", "--config", str(tmp_path / "missing.toml"), "Когда?")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
