"""`modbot train` end to end on a tiny project-written corpus (no ../shared needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from moderation.classifier import ModelArtifact
from moderation.datasets import SEED_CORPUS, DataError, detect, load
from moderation.features import SHOUTING
from moderation.judge import Judge

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory) -> Path:
    """The first 400 rows of the project's seed corpus: every category, small enough to train in seconds."""
    lines = SEED_CORPUS.read_text(encoding="utf-8").splitlines()
    path = tmp_path_factory.mktemp("data") / "tiny.tsv"
    path.write_text("\n".join(lines[:401]) + "\n", encoding="utf-8")
    return path


def test_train_end_to_end_writes_a_loadable_versioned_model(tiny_corpus, tmp_path):
    out = tmp_path / "models" / "tiny"
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "train", "--data", str(tiny_corpus), "--out", str(out), "--version", "tiny-1"],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Модель tiny-1 сохранена" in proc.stdout.decode()
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "tiny-1" in card and "MIT (project)" in card and "| label | precision |" in card
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == "tiny-1"
    assert set(meta["thresholds"]) == {"spam", "obscene", "insult", "threat", "hate"}
    judge = Judge.load(out)
    assert judge.model_version == "tiny-1"
    assert "obscene" in judge.judge("иди нахуй").labels
    assert isinstance(ModelArtifact.load(out), ModelArtifact)
    # the recipe gives the capitals to the spam head alone: shouting is no evidence of abuse
    names = list(judge._features.get_feature_names_out())
    loud = [names.index(f"rules__{n}") for n in SHOUTING]
    abuse = [j for j, label in enumerate(judge._clf.labels) if label != "spam"]
    assert not judge._clf.coef_[abuse][:, loud].any()


def test_format_detection_and_licence_refusal(tmp_path):
    seed = tmp_path / "seed.tsv"
    seed.write_text("text\tlabels\ttarget\nпривет\t\t\n", encoding="utf-8")
    assert detect(seed) == "seed"
    skol = tmp_path / "v2_sensitive_topics_test.csv"
    skol.write_text("text,racism,religion\nкакой-то текст,1,0\n", encoding="utf-8")
    assert detect(skol) == "skoltech"
    with pytest.raises(DataError, match="cannot be used for training"):
        load([skol])
    # inside a folder the evaluation-only set is skipped, the rest is read
    assert set(load([tmp_path])) == {"seed"}


def test_bad_seed_labels_are_reported_with_line_numbers(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("text\tlabels\ttarget\nok\t\t\nплохо\tspam,rude\t\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.tsv:3: unknown labels \['rude'\]"):
        load([bad])


def test_emoji_flood_columns_belong_to_the_spam_head_alone():
    """A sad comment with a row of crying emoji must not read as an insult because of the emoji."""
    from moderation.judge import Judge

    judge = Judge.load()
    clf = judge._clf
    names = list(judge._features.get_feature_names_out())
    own = clf.own_columns["spam"]
    assert names.index("rules__spam_sig_emoji_flood") in own
    others = [j for j, label in enumerate(clf.labels) if label != "spam"]
    assert not clf.coef_[others][:, list(own)].any()


def test_the_character_ngram_cache_is_bounded_and_changes_no_score(monkeypatch):
    """The n-gram columns of each word are cached; emptying a full cache (also in the middle of a
    batch) gives the same matrix as a cold one."""
    judge = Judge.load()
    chars = judge._features.transformer_list[1][1]
    texts = ["Дорогу на Кирова опять не почистили", "ты дуррак", "спасибо за ответ, всё починили"]
    prepared = [judge._prepare.prepare_one(t) for t in texts]
    chars.__dict__.pop("_cache", None)
    cold = chars.transform(prepared).toarray()
    monkeypatch.setattr(type(chars), "CACHE_LIMIT", 5)
    chars.__dict__.pop("_cache", None)
    for _ in range(2):
        assert (chars.transform(prepared).toarray() == cold).all()
        assert len(chars._cache) <= 5
    chars.__dict__.pop("_cache", None)
