"""The registry on disk: where it is, what the daemon runs, the pointer and the watch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import Config
from bot.model_registry import ModelRegistry, ModelWatch, RegistryError, model_to_run, registry_dir
from moderation.judge import DEFAULT_MODEL_DIR


def _fake_model(path: Path, tag: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "model.pkl").write_text(tag)


def test_where_the_registry_is_and_what_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODBOT_MODEL", raising=False)
    # No model path: models/ beside the database (the state directory); nothing promoted → shipped model.
    c = Config(database=tmp_path / "state" / "modbot.db")
    assert registry_dir(c) == tmp_path / "state" / "models"
    assert model_to_run(c) == DEFAULT_MODEL_DIR
    # model_path = …/current before anything was promoted: the shipped model runs.
    c = Config(database=tmp_path / "db", model_path=tmp_path / "models" / "current")
    assert registry_dir(c) == tmp_path / "models" and model_to_run(c) == DEFAULT_MODEL_DIR
    reg = ModelRegistry(tmp_path / "models")
    reg.add_version("v1", lambda d: (d / "model.pkl").write_text("1"), {"status": "base"})
    reg.switch("v1")
    assert model_to_run(c) == tmp_path / "models" / "current"
    assert (model_to_run(c) / "model.pkl").read_text() == "1"
    # A plain configured model runs until the registry beside it has a current version.
    plain = Config(database=tmp_path / "db", model_path=tmp_path / "other" / "m")
    _fake_model(tmp_path / "other" / "m", "plain")
    assert model_to_run(plain) == tmp_path / "other" / "m"
    # $MODBOT_MODEL counts as the configured model.
    monkeypatch.setenv("MODBOT_MODEL", str(tmp_path / "models" / "current"))
    assert registry_dir(Config(database=tmp_path / "x.db")) == tmp_path / "models"


def test_never_inside_the_package() -> None:
    with pytest.raises(RegistryError, match="внутри установленного пакета"):
        ModelRegistry.for_config(Config(model_path=DEFAULT_MODEL_DIR))


def test_switch_is_one_rename_and_the_watch_sees_it_once(tmp_path: Path) -> None:
    reg = ModelRegistry(tmp_path / "models")
    for v in ("a", "b"):
        reg.add_version(v, lambda d, v=v: (d / "model.pkl").write_text(v), {"status": "base"})
    assert reg.switch("a") is None
    c = Config(database=tmp_path / "db", model_path=tmp_path / "models" / "current")
    w = ModelWatch(c)
    assert not w.changed()
    assert reg.switch("b") == "a"
    assert os.readlink(reg.pointer) == "versions/b"
    assert w.changed() and not w.changed()
    assert not [p for p in reg.root.iterdir() if ".tmp" in p.name]
    with pytest.raises(RegistryError):
        reg.switch("missing")
    with pytest.raises(RegistryError):
        reg.add_version("a", lambda d: None, {})
    with pytest.raises(RegistryError):
        reg.get("../etc")


def test_a_failed_write_leaves_no_version(tmp_path: Path) -> None:
    reg = ModelRegistry(tmp_path / "models")

    def boom(d: Path) -> None:
        (d / "model.pkl").write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        reg.add_version("x", boom, {})
    assert reg.versions() == [] and not list(reg.versions_dir.iterdir())
