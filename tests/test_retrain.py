"""``modbot retrain`` end to end: labels written by the real decision service into a real store,
the CLI, the registry on disk. The base model is the one the tests use everywhere (``models/default``,
or the tiny seed model); candidates are corrections of it, so each retrain takes seconds."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from retrain_data import CLEAN, LOCAL_INSULT, PLAIN_INSULT, fill

from bot.cli import main
from bot.config import parse_config
from bot.decisions import DecisionService
from bot.model_registry import ModelRegistry, model_to_run
from bot.store import Store
from bot.types import Comment

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_790_000_000.0


def make_config(tmp: Path, **retrain: Any) -> Path:
    """A config file with one shadow-mode VK community, the database and the registry under ``tmp``."""
    text = f"""database = "{tmp / "modbot.db"}"
model_path = "{tmp / "models" / "current"}"

[[communities]]
platform = "vk"
group_id = 1
name = "город"
group_token_env = "G1"
user_token_env = "U1"
mode = "shadow"
"""
    if retrain:
        text += "\n[retrain]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in retrain.items())
    path = tmp / "modbot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _service(store: Store, tmp: Path) -> DecisionService:
    """The decision service over ``store`` for one VK community in shadow mode (no tokens needed)."""
    from bot.adapters import build_platforms

    config = parse_config(
        {
            "database": str(tmp / "modbot.db"),
            "communities": [
                {"platform": "vk", "group_id": 1, "group_token_env": "G1", "user_token_env": "U1", "mode": "shadow"}
            ],
        },
        {},
        secrets=False,
    )
    return DecisionService(store, config, build_platforms(config))


def feed(tmp: Path, items: list[tuple[str, str]], *, start: int = 0, by: str = "Иванова") -> list[int]:
    """Moderators' decisions through the decision service: ``(text, category)``, ``""`` = keep.
    Returns the decision ids."""
    store = Store(tmp / "modbot.db")
    service = _service(store, tmp)
    ids = []
    try:
        for i, (text, category) in enumerate(items, start=start):
            row = store.save_comment(
                Comment("vk", 1, "wall", str(i), str(1000 + i), text, int(T0) + i, object_id="7")
            )
            verdict = "delete" if category else "keep"
            done = service.moderate(row.id, verdict, by=by, category=category, held_only=False, now=T0 + i)
            ids.append(done.decision_id)
    finally:
        store.close()
    return ids


def interleave(bad: list[str], category: str, good: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i in range(max(len(bad), len(good))):
        if i < len(bad):
            out.append((bad[i], category))
        if i < len(good):
            out.append((good[i], ""))
    return out


def run(*args: str) -> int:
    return main([*args])


@pytest.fixture
def setup(tmp_path: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Where the tests run the shipped model from: ``model_dir`` (the default, or the tiny seed model)."""
    monkeypatch.setenv("MODBOT_MODEL", str(model_dir))
    monkeypatch.chdir(tmp_path)  # no ../shared/data: the labelled sets are not reported on
    cfg = make_config(tmp_path)
    return {"tmp": tmp_path, "cfg": str(cfg)}


def test_no_labels_is_a_clear_message(setup: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    Store(setup["tmp"] / "modbot.db").close()
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 2
    err = capsys.readouterr().err
    assert "нет меток модераторов" in err and "Traceback" not in err
    assert not (setup["tmp"] / "models" / "current").exists()


def test_too_few_labels_and_missing_database_are_clear(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("retrain", "--config", setup["cfg"], "--quiet", "--db", str(setup["tmp"] / "nope.db")) == 2
    assert "нет базы данных" in capsys.readouterr().err
    feed(setup["tmp"], interleave(fill(LOCAL_INSULT, 8, 1), "insult", fill(CLEAN, 8, 2)))
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 2
    assert "мало меток" in capsys.readouterr().err


def test_retrain_promotes_a_better_model_and_rolls_back(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = setup["tmp"]
    items = interleave(fill(LOCAL_INSULT, 150, 1), "insult", fill(CLEAN, 150, 2))
    ids = feed(tmp, items)
    # One moderator deleted a clean comment by mistake, another undid it: that label must not teach.
    wrong = feed(tmp, [("подскажите, работает ли сегодня МФЦ на Кирова?", "insult")], start=5000, by="Петров")
    assert (
        run(
            "undo", str(wrong[0]), "--by", "Иванова", "--db", str(tmp / "modbot.db"), "--config", setup["cfg"]
        )
        == 0
    )
    capsys.readouterr()
    assert ids

    assert run("retrain", "--config", setup["cfg"], "--quiet", "--by", "admin") == 0
    out = capsys.readouterr().out
    assert "Кандидат принят" in out and "отменены 1" in out
    reg = ModelRegistry(tmp / "models")
    versions = {v.name: v for v in reg.versions()}
    cur = reg.current_name()
    assert cur is not None and cur.startswith("local-") and versions[cur].status == "promoted"
    base = next(v for v in versions.values() if v.status == "base")
    # The candidate's folder: card with the comparison table, metrics, training data summary.
    card = (reg.versions_dir / cur / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "| набор | показатель |" in card and "Регрессионный набор" in card
    metrics = json.loads((reg.versions_dir / cur / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["candidate"]["held_out"]["caught"] > metrics["current"]["held_out"]["caught"]
    assert (
        metrics["candidate"]["regression"]["clean_deleted"]
        <= metrics["current"]["regression"]["clean_deleted"]
    )
    training = json.loads((reg.versions_dir / cur / "training.json").read_text(encoding="utf-8"))
    assert training["labels"]["dropped_undone"] == 1 and training["test"]["n"] > 0
    assert model_to_run(_cfg(setup)) == tmp / "models" / "current"
    journal = reg.journal()
    assert journal[-1]["event"] == "promote" and journal[-1]["by"] == "admin"

    from moderation.judge import Judge

    # Nothing new since: a second run (a weekly timer) says so and changes nothing.
    n_versions = len(reg.versions())
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 0
    assert (
        "Новых меток с прошлого дообучения" in capsys.readouterr().out and len(reg.versions()) == n_versions
    )

    assert Judge.load(tmp / "models" / "current").judge("ну ты и барабуля, Семён, сиди молча").action in (
        "delete",
        "delete_and_ban",
    )

    assert run("model", "list", "--config", setup["cfg"]) == 0
    listing = capsys.readouterr().out
    assert cur in listing and base.name in listing and "*" in listing
    assert run("model", "show", cur, "--config", setup["cfg"]) == 0
    assert "Comparison" in capsys.readouterr().out

    # Roll back in one command.
    assert run("model", "use", base.name, "--config", setup["cfg"], "--by", "admin") == 0
    assert reg.current_name() == base.name
    assert reg.journal()[-1]["event"] == "use"
    assert run("model", "use", "no-such-version", "--config", setup["cfg"]) == 2
    assert "нет в реестре" in capsys.readouterr().err


def _cfg(setup: dict[str, Any]) -> Any:
    from bot.config import load_config

    return load_config(setup["cfg"], secrets=False)


def test_retrain_refuses_a_worse_model_and_says_which_figure(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = setup["tmp"]
    # Older labels keep plain insults (moderators got it wrong); the newest delete them: the candidate
    # learns to keep them and catches fewer violations than the running model.
    insults = fill(PLAIN_INSULT, 160, 3)
    clean = fill(CLEAN, 100, 4)
    older = (
        [(t, "insult") for t in fill(LOCAL_INSULT, 40, 5)]
        + [(t, "") for t in insults[:120]]
        + [(t, "") for t in clean[:60]]
    )
    random.Random(0).shuffle(older)
    feed(tmp, older + interleave(insults[120:], "insult", clean[60:]))
    assert run("retrain", "--config", setup["cfg"], "--quiet", "--min-labels", "20", "--holdout", "0.27") == 1
    out = capsys.readouterr().out
    assert "НЕ принят" in out and "доля пойманных нарушений" in out
    reg = ModelRegistry(tmp / "models")
    assert reg.current_name() is None  # nothing went live
    refused = [v for v in reg.versions() if v.status == "refused"]
    assert len(refused) == 1 and reg.journal()[-1]["event"] == "refuse"
    # A refused version needs --force to be used, and that is journalled.
    assert run("model", "use", refused[0].name, "--config", setup["cfg"]) == 1
    assert run("model", "use", refused[0].name, "--config", setup["cfg"], "--force", "--by", "admin") == 0
    assert reg.current_name() == refused[0].name and reg.journal()[-1]["event"] == "force_use"
    # The model that ran before (the shipped one) was kept as a version: going back is one command.
    original = [v.name for v in reg.versions() if v.status == "base"]
    assert len(original) == 1
    assert (
        run("model", "use", original[0], "--config", setup["cfg"]) == 0 and reg.current_name() == original[0]
    )


def test_poisoned_labels_that_delete_clean_regression_comments_are_refused(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch that marks ordinary civic questions as insults (consistently, so held-out labels
    agree with it) is stopped by the regression set; --force overrides and is journalled."""
    tmp = setup["tmp"]
    poison = fill(CLEAN, 200, 5)
    keep = fill(
        [
            "{name} с улицы {street} приглашает соседей на субботник",
            "{name}, а {thing} на {street} вы уже видели? красота",
        ],
        200,
        6,
    )
    feed(tmp, interleave(poison, "insult", keep))
    code = run("retrain", "--config", setup["cfg"], "--quiet", "--min-labels", "20")
    out = capsys.readouterr().out
    assert code == 1, out
    assert "удалено чистых комментариев регрессионного набора" in out
    reg = ModelRegistry(tmp / "models")
    assert reg.current_name() is None
    assert (
        run("retrain", "--config", setup["cfg"], "--quiet", "--min-labels", "20", "--force", "--by", "admin")
        == 0
    )
    assert "ПРИНУДИТЕЛЬНО" in capsys.readouterr().out
    event = reg.journal()[-1]
    assert event["event"] == "force" and event["worse"] and event["by"] == "admin"


def test_corrupt_current_model_changes_nothing(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = setup["tmp"]
    feed(tmp, interleave(fill(LOCAL_INSULT, 150, 1), "insult", fill(CLEAN, 150, 2)))
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 0
    reg = ModelRegistry(tmp / "models")
    good = reg.current_name()
    assert good is not None
    (reg.versions_dir / good / "model.pkl").write_bytes(b"\x80\x05 not a pickle")
    capsys.readouterr()
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 2
    err = capsys.readouterr().err
    assert "не загружается" in err and "Traceback" not in err
    assert reg.current_name() == good
    assert len(reg.versions()) == 2  # no half-written candidate
    # Switching to a version that does not load is refused too.
    other = next(v.name for v in reg.versions() if v.name != good)
    (reg.versions_dir / other / "model.pkl").write_bytes(b"garbage")
    assert run("model", "use", other, "--config", setup["cfg"]) == 2
    assert reg.current_name() == good


@pytest.mark.slow
def test_disk_full_while_writing_leaves_current_as_it_was(setup: dict[str, Any]) -> None:
    """A write error in the middle of saving the candidate (the file-size limit makes the OS refuse the
    write, as a full disk does) leaves the pointer and the registry as they were."""
    tmp = setup["tmp"]
    feed(tmp, interleave(fill(LOCAL_INSULT, 150, 1), "insult", fill(CLEAN, 150, 2)))
    assert run("retrain", "--config", setup["cfg"], "--quiet") == 0
    reg = ModelRegistry(tmp / "models")
    before = (reg.current_name(), sorted(v.name for v in reg.versions()))
    feed(tmp, interleave(fill(LOCAL_INSULT, 40, 9), "insult", fill(CLEAN, 40, 10)), start=2000)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "retrain", "--config", setup["cfg"], "--quiet", "--force"],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limit,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "не удалось записать модель" in proc.stderr and "Traceback" not in proc.stderr
    assert (reg.current_name(), sorted(v.name for v in reg.versions())) == before
    assert not [p for p in reg.versions_dir.iterdir() if p.name.startswith(".tmp")]


def test_two_retrains_at_once_are_refused(setup: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    reg = ModelRegistry(setup["tmp"] / "models")
    feed(setup["tmp"], interleave(fill(LOCAL_INSULT, 20, 1), "insult", fill(CLEAN, 20, 2)))
    with reg.lock(".retrain.lock"):
        assert run("retrain", "--config", setup["cfg"], "--quiet") == 2
    assert "занят другим процессом" in capsys.readouterr().err


def test_labels_guard_rails(tmp_path: Path) -> None:
    """Undone labels dropped, contradictions reported and left out, the newest version of an edited
    comment wins, duplicates count once, and the split is by time."""
    from bot.training_labels import read_labels

    feed(
        tmp_path,
        [
            ("одинаковый текст про Кирова", ""),
            ("Одинаковый текст про кирова!", "insult"),
            ("просто вопрос про свет", ""),
            ("просто вопрос про свет", ""),
        ],
    )
    store = Store(tmp_path / "modbot.db")
    try:
        # An edit: the same comment, new text, labelled again.
        row = store.save_comment(
            Comment(
                "vk",
                1,
                "wall",
                "2",
                "1002",
                "просто вопрос про свет, дурак",
                int(T0) + 50,
                object_id="7",
                edited=True,
            )
        )
        _service(store, tmp_path).moderate(
            row.id, "delete", by="Петров", category="insult", held_only=False, now=T0 + 60
        )
        ls = read_labels(store)
    finally:
        store.close()
    texts = {lab.text: lab.category for lab in ls.labels}
    assert "просто вопрос про свет, дурак" in texts and texts["просто вопрос про свет, дурак"] == "insult"
    assert len(ls.contradictions) == 1 and ls.contradicting_labels == 2
    assert not any("одинаковый" in t.lower() for t in texts)
    assert texts.get("просто вопрос про свет") == ""  # the other comment with this text, kept once
    train, test = ls.split(0.5)
    assert all(a.at <= b.at for a in train for b in test)


def test_config_retrain_table(tmp_path: Path) -> None:
    from bot.config import ConfigError, load_config

    cfg = make_config(tmp_path, base_data=["data"], min_labels=50, holdout=0.25)
    c = load_config(cfg, secrets=False)
    assert (
        c.retrain.base_data == (tmp_path / "data",)
        and c.retrain.min_labels == 50
        and c.retrain.holdout == 0.25
    )
    bad = make_config(tmp_path, holdout=0.9, colour="red")
    with pytest.raises(ConfigError) as e:
        load_config(bad, secrets=False)
    assert "retrain.holdout" in str(e.value) and "retrain.colour" in str(e.value)


def test_registry_is_never_inside_the_installed_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from moderation.judge import DEFAULT_MODEL_DIR

    cfg = tmp_path / "modbot.toml"
    cfg.write_text(
        f'database = "{tmp_path / "m.db"}"\nmodel_path = "{DEFAULT_MODEL_DIR}"\n'
        '[[communities]]\nplatform = "vk"\ngroup_id = 1\ngroup_token_env = "G"\nuser_token_env = "U"\n',
        encoding="utf-8",
    )
    assert run("model", "list", "--config", str(cfg)) == 2
    assert "внутри установленного пакета" in capsys.readouterr().err


@pytest.mark.slow
def test_full_retrain_on_base_data_plus_labels(
    setup: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """With base data configured, the candidate is the shipped recipe on it plus the labels (here a
    tiny base set: the candidate is far worse than the shipped model and is refused — measured all the
    same, and its data summary names the moderators' labels)."""
    tmp = setup["tmp"]
    base = tmp / "base.tsv"
    base.write_text(
        "text\tlabels\ttarget\n"
        + "".join(f"{t}\t\t\n" for t in fill(CLEAN, 30, 11))
        + "".join(f"{t}\tinsult\t\n" for t in fill(PLAIN_INSULT, 30, 12)),
        encoding="utf-8",
    )
    feed(tmp, interleave(fill(LOCAL_INSULT, 100, 1), "insult", fill(CLEAN, 100, 2)))
    code = run("retrain", "--config", setup["cfg"], "--quiet", "--base-data", str(base))
    out = capsys.readouterr().out
    assert code in (0, 1), out
    assert "полное переобучение" in out
    reg = ModelRegistry(tmp / "models")
    full = [v for v in reg.versions() if v.info.get("kind") == "full"]
    assert len(full) == 1
    training = json.loads((full[0].path / "training.json").read_text(encoding="utf-8"))
    assert any(d["source"] == "moderators" and d["rows"] == training["train"]["n"] for d in training["data"])


def test_a_version_name_taken_in_the_same_second_gets_a_suffix(tmp_path):
    from bot.model_registry import ModelRegistry

    reg = ModelRegistry(tmp_path / "registry")
    reg.add_version("local-20261203-120000", lambda d: None, {})
    assert reg.free_name("local-20261203-120000") == "local-20261203-120000-2"
    assert reg.free_name("local-20261203-120001") == "local-20261203-120001"


def test_a_correction_learns_from_shouted_labels_as_the_judge_reads_them(model_dir: Path) -> None:
    """A label in capitals once crashed the local correction (its out-of-fold scores were replayed
    through a stand-in classifier that could not answer the abuse heads' second, sentence-case read)."""
    from moderation.classifier import ModelArtifact
    from moderation.correction import corrected_artifact, fit_correction
    from moderation.judge import Judge

    art = ModelArtifact.load(model_dir)
    insults, clean = fill(LOCAL_INSULT, 60, 1), fill(CLEAN, 60, 2)
    texts = [t.upper() if i % 3 == 0 else t for i, t in enumerate(insults + clean)]
    prep = art.pipeline.named_steps["prepare"]
    labels = [frozenset({"insult"})] * len(insults) + [frozenset()] * len(clean)
    clf, report = fit_correction(art, [prep.prepare_one(t) for t in texts], labels, min_labels=30)
    assert "insult" in report.corrected
    judge = Judge(corrected_artifact(art, clf, report, version="t"))
    shouted, calm = "ОЛЕГ, ТЫ БАРАБУЛЯ КУКУРУЗНАЯ", "Олег, ты барабуля кукурузная"
    assert judge.judge(shouted).scores["insult"] == pytest.approx(
        judge.judge(calm).scores["insult"], abs=0.01
    )
