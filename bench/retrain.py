"""Learning from moderators (``modbot retrain``) on real data the shipped model handles worst.

    .venv/bin/python bench/retrain.py [--data-dir ../shared/data] [--seed 0] [--labels 600] [--full]

1. Trains its own "before" model with the shipped recipe minus ``vk_distorted`` (the shipped model was
   trained on those 3,000 VK comments, so starting from it would not be honest).
2. Splits the 3,000 VK comments of ``vk_distorted_toxicity`` by ``--seed``: ``--labels`` (600) become
   moderators' decisions, written through the real store and decision service (a toxic row is a
   deletion as ``insult``, or ``obscene`` when it holds мат; a clean row a keep; 5 % of the clean rows
   are first deleted by mistake by one moderator and undone by another, so the guard rail that drops
   undone labels is exercised), in a random order, one decision a minute.
3. Runs ``modbot retrain`` (a local correction: no base data configured; the labelled-set report is
   switched off so that the time is a server's) and measures the judge on the other 2,400 comments
   before and after, as the daemon would judge them in that community.
4. Poisoning: the same 600 with every violation flipped to keep and 50 clean comments labelled as
   insults, fed into a fresh database, retrained from the same "before" model: must not be promoted.

Figures (last line, one JSON object): ``local_f1_before``/``after`` (F1 of "deleted" vs the rows'
toxic flag on the 2,400), precision/recall, ``clean_deleted_before``/``after`` (clean comments of the
shipped regression set deleted), ``retrain_s`` (the ``modbot retrain`` call), ``promoted``,
``poisoned_promoted`` (must be false) and why it was refused. ``--full`` also runs the full-retrain
mode (``--base-data``: the recipe on the base data plus the labels) for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
from _common import DEFAULT_DATA, ROOT, finish

from bot.adapters import build_platforms
from bot.cli import main as modbot
from bot.config import load_config
from bot.decisions import DecisionService
from bot.model_registry import ModelRegistry
from bot.retrain import community_judge
from bot.store import Store
from bot.types import Comment
from moderation.datasets import read_vk_distorted
from moderation.features import prepare
from moderation.judge import Judge
from moderation.training import train

OUT = ROOT / "bench" / "out" / "retrain"
BASE_SETS = ("2ch_pikabu_toxic", "russe_detox_2022", "spam_telegram_tg-spam")
T0 = 1_780_000_000.0
COMMUNITY = 1


def before_model(data: Path, out: Path, reuse: bool) -> Path:
    path = out / "before"
    if reuse and (path / "model.pkl").exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    t = time.monotonic()
    train([data / s for s in BASE_SETS], path, progress=None, version="before-novk")
    print(f"before model (recipe minus vk_distorted) trained in {time.monotonic() - t:.0f} s")
    return path


def state(out: Path, name: str, before: Path, extra: str = "") -> Path:
    d = out / name
    shutil.rmtree(d, ignore_errors=True)
    (d / "models").mkdir(parents=True)
    os.symlink(before.resolve(), d / "models" / "before")
    cfg = d / "modbot.toml"
    cfg.write_text(f'database = "{d / "modbot.db"}"\nmodel_path = "{d / "models" / "before"}"\n'
                   f'[[communities]]\nplatform = "vk"\ngroup_id = {COMMUNITY}\nname = "bench"\n'
                   'group_token_env = "G"\nuser_token_env = "U"\nmode = "shadow"\n' + extra, encoding="utf-8")
    return cfg


def feed(cfg: Path, rows: list, labels: list[str], *, mistakes: float, seed: int) -> None:
    """Every row a moderator's decision through the decision service; some clean ones first deleted
    by mistake and undone by a second moderator."""
    config = load_config(cfg, secrets=False)
    store = Store(config.database)
    service = DecisionService(store, config, build_platforms(config))
    rng = np.random.default_rng(seed + 1)
    t = T0
    try:
        for i, (ex, label) in enumerate(zip(rows, labels, strict=True)):
            row = store.save_comment(Comment("vk", COMMUNITY, "wall", str(i), str(10_000 + i), ex.text, int(t),
                                             object_id="1"))
            if not label and rng.random() < mistakes:
                wrong = service.moderate(row.id, "delete", by="модератор Б", category="insult", held_only=False,
                                         now=t)
                t += 30
                service.undo(wrong.decision_id, by="модератор А", reason="ошибочное удаление", now=t)
            else:
                service.moderate(row.id, "delete" if label else "keep", by="модератор А", category=label,
                                 held_only=False, now=t)
            t += 60
    finally:
        store.close()


def retrain(cfg: Path, *extra: str) -> tuple[int, float, str]:
    buf = io.StringIO()
    t = time.monotonic()
    with contextlib.redirect_stdout(buf):
        code = modbot(["retrain", "--config", str(cfg), "--quiet", "--no-eval-data", "--by", "bench", *extra])
    return code, round(time.monotonic() - t, 1), buf.getvalue()


def f1(judge: Judge, rows: list) -> dict[str, float]:
    acts = [v.action for b in range(0, len(rows), 256) for v in judge.judge_many([e.text for e in rows[b:b + 256]])]
    y = np.array([bool(e.toxic) for e in rows])
    d = np.array([a in ("delete", "delete_and_ban") for a in acts])
    tp = float((y & d).sum())
    p, r = tp / max(d.sum(), 1), tp / max(y.sum(), 1)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(p + r, 1e-9), 3)}


def candidate_of(cfg: Path) -> tuple[Path | None, dict]:
    config = load_config(cfg, secrets=False)
    reg = ModelRegistry.for_config(config)
    made = [v for v in reg.versions() if v.info.get("kind") in ("local", "full")]
    if not made:
        return None, {}
    return made[-1].path, json.loads((made[-1].path / "metrics.json").read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--labels", type=int, default=600)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--reuse-before", action="store_true", help="reuse the before model of an earlier run")
    ap.add_argument("--full", action="store_true", help="also measure the full-retrain mode")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    before = before_model(args.data_dir, args.out, args.reuse_before)

    rows = read_vk_distorted(args.data_dir / "vk_distorted_toxicity" / "russian_distorted_toxicity.tsv")
    perm = np.random.default_rng(args.seed).permutation(len(rows))
    lab_rows = [rows[i] for i in perm[: args.labels]]
    test_rows = [rows[i] for i in perm[args.labels:]]
    labels = []
    for ex in lab_rows:
        if ex.toxic:
            labels.append("obscene" if any(h.category == "obscene" for h in prepare(ex.text).hits) else "insult")
        else:
            labels.append("")

    cfg = state(args.out, "honest", before)
    feed(cfg, lab_rows, labels, mistakes=0.05, seed=args.seed)
    code, seconds, output = retrain(cfg)
    print(output)
    cand_dir, metrics = candidate_of(cfg)
    config = load_config(cfg, secrets=False)
    key = f"vk:{COMMUNITY}"
    fig_before = f1(community_judge(config, Judge.load(before), key), test_rows)
    fig_after = f1(community_judge(config, Judge.load(cand_dir), key), test_rows)

    # Poisoning: violations flipped to keep, 50 clean comments labelled as insults.
    rng = np.random.default_rng(args.seed + 7)
    clean_idx = [i for i, lab in enumerate(labels) if not lab]
    flip = set(rng.choice(clean_idx, 50, replace=False).tolist())
    poisoned = ["insult" if i in flip else "" for i in range(len(labels))]
    pcfg = state(args.out, "poisoned", before)
    feed(pcfg, lab_rows, poisoned, mistakes=0.0, seed=args.seed)
    pcode, _, poutput = retrain(pcfg)
    print("poisoned batch (defaults):\n" + poutput)
    # With every violation flipped, the newest 20 % hold too few violations to measure anything, and
    # retrain stops before training. So that the regression set is what stops it, the batch is also
    # retrained with a larger held-out share.
    p2cfg = state(args.out, "poisoned-holdout35", before)
    feed(p2cfg, lab_rows, poisoned, mistakes=0.0, seed=args.seed)
    p2code, _, p2output = retrain(p2cfg, "--holdout", "0.35")
    print("poisoned batch (--holdout 0.35):\n" + p2output)
    _, pmetrics = candidate_of(p2cfg)

    figures = {
        "labels": args.labels,
        "test_rows": len(test_rows),
        "label_mix": {k: labels.count(k) for k in ("", "insult", "obscene")},
        "local_f1_before": fig_before["f1"],
        "local_f1_after": fig_after["f1"],
        "local_precision_before": fig_before["precision"],
        "local_precision_after": fig_after["precision"],
        "local_recall_before": fig_before["recall"],
        "local_recall_after": fig_after["recall"],
        "clean_deleted_before": metrics["current"]["regression"]["clean_deleted"],
        "clean_deleted_after": metrics["candidate"]["regression"]["clean_deleted"],
        "regression_clean": metrics["current"]["regression"]["clean"],
        "held_out_f1_before": metrics["current"]["held_out"]["f1"],
        "held_out_f1_after": metrics["candidate"]["held_out"]["f1"],
        "retrain_s": seconds,
        "promoted": code == 0,
        "poisoned_promoted": pcode == 0 or p2code == 0,
        "poisoned_exit_codes": [pcode, p2code],
        "poisoned_refused_for": pmetrics.get("worse", []),
    }
    if args.full:
        fcfg = state(args.out, "full", before)
        feed(fcfg, lab_rows, labels, mistakes=0.05, seed=args.seed)
        fcode, fseconds, foutput = retrain(fcfg, "--base-data", *[str(args.data_dir / s) for s in BASE_SETS])
        print("full retrain:\n" + foutput)
        full_dir, _ = candidate_of(fcfg)
        ff = f1(community_judge(config, Judge.load(full_dir), key), test_rows)
        figures.update({"full_f1_after": ff["f1"], "full_retrain_s": fseconds, "full_promoted": fcode == 0})
    finish(figures)


if __name__ == "__main__":
    main()
