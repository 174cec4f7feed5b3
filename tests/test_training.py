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
        [
            sys.executable,
            "-m",
            "bot.cli",
            "train",
            "--data",
            str(tiny_corpus),
            "--out",
            str(out),
            "--version",
            "tiny-1",
        ],
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


def test_city_sentences_teach_only_the_heads_named_for_them():
    """The city-page corpus (issue 9) is read with every training run and its rows reach only the
    heads of ``SOURCE_HEADS``: a row left out of a head changes nothing of that head's model."""
    import numpy as np
    from scipy import sparse

    from moderation.classifier import MultiLabelLinear
    from moderation.datasets import CITY_CORPUS, read_seed
    from moderation.training import SOURCE_HEADS, collect, head_weights

    city = read_seed(CITY_CORPUS, "city")
    assert len(city) > 2000 and {e.source for e in city} == {"city"}
    assert sum(bool(e.labels) for e in city) > 1000 and sum(not e.labels for e in city) > 1000
    assert all(e.target for e in city if e.labels and "hate" in e.labels)
    assert any(e.source == "city" for e in collect([SEED_CORPUS]))
    w = head_weights(city[:3], ("insult", "threat", "hate"))
    assert w.tolist() == [[0.0, 1.0, 1.0]] * 3 and SOURCE_HEADS["city"] == ("hate", "threat")
    # round 36: the city threats teach the threat head only
    from moderation.datasets import CITY_THREATS_CORPUS

    more = read_seed(CITY_THREATS_CORPUS, "city_threats")
    assert sum("threat" in e.labels for e in more) > 300 and any(e.source == "city_threats" for e in collect([SEED_CORPUS]))
    assert head_weights(more[:2], ("insult", "threat", "hate")).tolist() == [[0.0, 1.0, 0.0]] * 2

    rng = np.random.default_rng(0)
    X = sparse.csr_matrix(rng.random((120, 6)))  # noqa: N806
    Y = np.stack([rng.random(120) > 0.5, rng.random(120) > 0.5], axis=1).astype(int)  # noqa: N806
    only = np.ones((120, 2))
    only[80:, 0] = 0.0  # rows 80+ teach the second head only
    both = MultiLabelLinear(labels=("a", "b"), calibration_cv=2, nb_labels=()).fit(X, Y, sample_weight=only)
    first = MultiLabelLinear(labels=("a",), calibration_cv=2, nb_labels=()).fit(X[:80], Y[:80, :1])
    assert np.allclose(both.predict_proba(X)[:, 0], first.predict_proba(X)[:, 0])


def test_an_updated_heads_line_moves_only_when_the_rows_clearly_prefer_another():
    """A refit keeps the base's delete line unless the new cut-off beats it in nearly every bootstrap
    resample: a flat F1 curve let the line wander a grid step with the data, and each step down held
    calm statements the earlier line let through."""
    import numpy as np

    from moderation.training import _stable_best_cut

    grid = np.round(np.arange(0.25, 0.96, 0.025), 3)
    rng = np.random.default_rng(1)
    y = rng.random(4000) < 0.2
    # a flat top: scores that barely separate near 0.5, so cut-offs from 0.45 to 0.55 tie within noise
    s = np.clip(np.where(y, rng.normal(0.62, 0.12, y.size), rng.normal(0.38, 0.12, y.size)), 0, 1)
    free = _stable_best_cut(y, s, grid)
    near = round(free + 0.025, 3)
    assert _stable_best_cut(y, s, grid, incumbent=near) == near
    # a line far from the rows' best is replaced, and a line off the grid is still a candidate
    assert _stable_best_cut(y, s, grid, incumbent=0.9) == free
    assert _stable_best_cut(y, s, grid, incumbent=free + 0.01) == free + 0.01


def test_refit_heads_keeps_every_other_head_and_the_features(tiny_corpus, tmp_path):
    """`modbot train --refit-heads hate --base DIR`: the hate head becomes the mean of the base's and
    one fitted anew (twice the calibrated models), every other head and the feature columns are the
    base model's, weight for weight."""
    import numpy as np

    base, out = tmp_path / "base", tmp_path / "refit"
    run = [sys.executable, "-m", "bot.cli", "train", "--data", str(tiny_corpus)]
    assert (
        subprocess.run([*run, "--out", str(base)], capture_output=True, timeout=300, cwd=ROOT).returncode == 0
    )
    proc = subprocess.run(
        [*run, "--out", str(out), "--refit-heads", "hate", "--base", str(base)],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    a, b = ModelArtifact.load(base), ModelArtifact.load(out)
    ca, cb = a.pipeline.named_steps["clf"], b.pipeline.named_steps["clf"]
    assert (
        a.pipeline.named_steps["features"].get_feature_names_out().tolist()
        == b.pipeline.named_steps["features"].get_feature_names_out().tolist()
    )
    hate = ca.labels.index("hate")
    assert cb.row_count_[hate] == 2 * ca.row_count_[hate]
    for j, label in enumerate(ca.labels):
        same = np.array_equal(ca.coef_[j], cb.coef_[j])
        assert same == (j != hate), label
        assert label == "hate" or a.thresholds[label] == b.thresholds[label]
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert (
        meta["metrics"]["refit"]["heads"] == ["hate"]
        and meta["metrics"]["refit"]["base_version"] == a.version
    )
    assert "--refit-heads hate" in (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    texts = ["иди нахуй", "подскажите, когда откроют каток?"]
    assert [v.labels for v in Judge.load(out).judge_many(texts)] == [
        v.labels for v in Judge.load(base).judge_many(texts)
    ]
    # refitted again, the head averages both generations, and the card names the earlier one too
    again = tmp_path / "again"
    proc = subprocess.run(
        [*run, "--out", str(again), "--refit-heads", "hate", "--base", str(out)],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert ModelArtifact.load(again).pipeline.named_steps["clf"].row_count_[hate] == 3 * ca.row_count_[hate]
    refit = json.loads((again / "meta.json").read_text(encoding="utf-8"))["metrics"]["refit"]
    assert refit["base_version"] == b.version and [e["base_version"] for e in refit["earlier"]] == [a.version]
    assert f"updated the same way from `{a.version}`" in (again / "MODEL_CARD.md").read_text(encoding="utf-8")
    # --keep-lines: the refitted head keeps the base's lines (a mix rich in one kind tunes them too low)
    kept = tmp_path / "kept"
    proc = subprocess.run(
        [*run, "--out", str(kept), "--refit-heads", "hate", "--keep-lines", "--base", str(out)],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert ModelArtifact.load(kept).thresholds == b.thresholds
    assert "keep that model's review, delete and ban lines" in (kept / "MODEL_CARD.md").read_text(encoding="utf-8")
    # --lines: a refitted head's lines set outright (round 37: a head taught new statements lifts calm text too)
    lined = tmp_path / "lined"
    proc = subprocess.run(
        [*run, "--out", str(lined), "--refit-heads", "hate", "--keep-lines", "--lines", "hate=0.25,0.35,0.57", "--base", str(out)],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    got = ModelArtifact.load(lined).thresholds
    assert got["hate"] == {"review": 0.25, "delete": 0.35, "ban": 0.57}
    assert all(got[c] == b.thresholds[c] for c in got if c != "hate")
    assert "--lines hate=0.25,0.35,0.57" in (lined / "MODEL_CARD.md").read_text(encoding="utf-8")
    bad = subprocess.run(
        [*run, "--out", str(tmp_path / "x"), "--refit-heads", "hate,ругань", "--base", str(base)],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert bad.returncode == 2 and "ругань" in bad.stderr.decode()
    for flags in (
        ["--refit-heads", ""],
        ["--refit-heads", "hate", "--base", str(tmp_path / "none")],
        ["--keep-lines"],
        ["--lines", "hate=0.25,0.35,0.57"],
        ["--refit-heads", "hate", "--base", str(base), "--lines", "threat=0.3,0.5,0.7"],
        ["--refit-heads", "hate", "--base", str(base), "--lines", "hate=0.5,0.3,0.7"],
        ["--refit-heads", "hate", "--base", str(base), "--lines", "hate=высоко"],
    ):
        bad = subprocess.run(
            [*run, "--out", str(tmp_path / "x"), *flags], capture_output=True, timeout=300, cwd=ROOT
        )
        assert (
            bad.returncode == 2 and "modbot train:" in bad.stderr.decode() and not (tmp_path / "x").exists()
        )
