"""Quality of the judge on real labelled Russian data (needs ../shared/data; not a test).

    .venv/bin/python bench/quality.py [--data-dir ../shared/data] [--model models/default] [--folds 5]

Figures (last line, one JSON object):
- ``cv_f1_2ch_pikabu``: toxic F1 (toxic = any of obscene/insult/threat/hate labelled), 5-fold stratified
  CV on 2ch/pikabu. Each fold trains the training recipe on the other folds; the recipe variant is
  named in ``cv_2ch_recipe`` (the joint recipe is also reported as ``cv_f1_2ch_pikabu_joint``).
- ``vk_distorted_f1``, ``vk_distorted_recall_distorted``: 5-fold CV of the whole recipe on the 3,000 VK
  comments (each fold trained on everything else plus the other four folds); recall over the rows
  that are both distorted and toxic.
- ``spam_precision``, ``spam_recall``: tg-spam samples, folded into the same CV.
- ``russe_neutral_flagged_rate``: share of RUSSE-2022 dev neutral rewrites the shipped model labels
  toxic (the shipped model never saw dev); ``russe_toxic_recall`` on the dev toxic side.
- ``hate_manual_*``: hate-vs-not of the shipped model on hate_speech_groups_manual (eval only).
- ``hate_manual_h1_flagged`` (H=1 deleted or held), ``hate_manual_h1_labelled_hate``,
  ``hate_manual_clean_deleted`` (A=0, H=0 deleted): the shipped model, issue 9's figures.
- ``skoltech_group_clean_deleted`` / ``..._flagged``: Skoltech appropriateness test texts on the
  group topics (racism, religion, politics, sexism, sexual_minorities, social_injustice) that are
  appropriate and non-toxic (toxic_new < 0.05): share deleted / deleted or held (eval only).
- ``sariellee_clean_deleted_without_obscene``: Sariellee tweets with hate_speech = 0 deleted
  without an ``obscene`` label.
- ``russe_test_toxic_deleted``: RUSSE-2022 test toxic sentences deleted (never trained on).
- ``traffic_*``: the shipped model on the project's demo corpus (``bot/demo/traffic.tsv``, never
  trained on): share of clean comments and of sharp criticism removed, share of violations not
  allowed (deleted or held for review).
RUSSE sentences that occur inside a 2ch/pikabu comment are dropped from CV training (the two sets
overlap), so no fold sees its test text.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from _common import DEFAULT_DATA, finish
from sklearn.model_selection import StratifiedKFold

from moderation.datasets import (
    SEED_CORPUS,
    Example,
    read_2ch,
    read_city_corpora,
    read_russe,
    read_seed,
    read_tg_spam,
    read_vk_distorted,
)
from moderation.features import prepare
from moderation.training import (
    DECREE_TOXIC,
    counterfactual_rows,
    derive_labels,
    final_scores,
    fit,
    head_weights,
    toxic_prediction,
    tune_thresholds,
)
from moderation.verdict import CATEGORIES

csv.field_size_limit(1 << 30)
from moderation.training import SOURCE_WEIGHTS  # noqa: E402

VK_WEIGHT = SOURCE_WEIGHTS.get("vk_distorted", 1.0)
NEUTRAL_WEIGHT = 0.2  # as `modbot train --neutral-weight`
_WS = re.compile(r"\W+")


def key(t: str) -> str:
    return _WS.sub(" ", t.lower().replace("ё", "е")).strip()


def prf(y, pred) -> tuple[float, float, float]:
    y, pred = np.asarray(y, bool), np.asarray(pred, bool)
    tp = float((y & pred).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max(y.sum(), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Cache:
    """Prepare each distinct text once for all folds (the expensive, label-independent step)."""

    def __init__(self) -> None:
        self.items: dict[str, object] = {}

    def get(self, examples: list[Example]) -> list:
        out = []
        for e in examples:
            p = self.items.get(e.text)
            if p is None:
                p = self.items[e.text] = prepare(e.text)
            out.append(p)
        return out


def fit_with_thresholds(train: list[Example], cache: Cache, seed: int) -> tuple:
    """The recipe: fit on 85% of the training fold, pick thresholds on the other 15%."""
    rng = np.random.default_rng(seed)
    mask = rng.random(len(train)) >= 0.15
    prepared = cache.get(train)
    Y = np.stack([derive_labels(e, p) for e, p in zip(train, prepared, strict=True)])  # noqa: N806
    fit_ex = [e for e, m in zip(train, mask, strict=True) if m]
    fit_pr = [p for p, m in zip(prepared, mask, strict=True) if m]
    pipe = fit(fit_ex, fit_pr, Y[mask])
    tune_pr = [p for p, m in zip(prepared, mask, strict=True) if not m]
    tune_ex = [e for e, m in zip(train, mask, strict=True) if not m]
    thresholds = tune_thresholds(Y[~mask], final_scores(pipe, tune_pr), head_weights(tune_ex) > 0)
    return pipe, thresholds


def group_figures(judge, d: Path) -> dict[str, float]:
    """Issue 9's figures for the shipped model (all evaluation-only sets; nothing here trains)."""
    removed = ("delete", "delete_and_ban")
    out: dict[str, float] = {}
    with (d / "hate_speech_groups_manual" / "Annotation_manuelle.csv").open(encoding="utf-8-sig") as fh:
        hm = list(csv.DictReader(fh))
    hv = judge.judge_many([r["tweet"] for r in hm])
    h1 = [v for v, r in zip(hv, hm, strict=True) if r["H"].strip() == "1"]
    clean = [v for v, r in zip(hv, hm, strict=True) if r["H"].strip() == "0" and r["A"].strip() == "0"]
    out["hate_manual_h1_flagged"] = round(float(np.mean([v.action != "allow" for v in h1])), 4)
    out["hate_manual_h1_deleted"] = round(float(np.mean([v.action in removed for v in h1])), 4)
    out["hate_manual_h1_labelled_hate"] = round(float(np.mean(["hate" in v.labels for v in h1])), 4)
    out["hate_manual_clean_deleted"] = round(float(np.mean([v.action in removed for v in clean])), 4)
    topics = ("racism", "religion", "politics", "sexism", "sexual_minorities", "social_injustice")
    with (d / "sensitive_topics_inappropriateness" / "v1_appropriateness_test.csv").open(encoding="utf-8") as fh:
        sk = [
            r["text"]
            for r in csv.DictReader(fh)
            if any(float(r[t] or 0) == 1 for t in topics)
            and float(r["inappropriate"] or 0) == 0
            and float(r["toxic_new"] or 0) < 0.05
        ]
    sv = judge.judge_many(sk)
    out["skoltech_group_clean_texts"] = len(sk)
    out["skoltech_group_clean_deleted"] = round(float(np.mean([v.action in removed for v in sv])), 4)
    out["skoltech_group_clean_flagged"] = round(float(np.mean([v.action != "allow" for v in sv])), 4)
    with (d / "abusive_language_sariellee" / "out.csv").open(encoding="utf-8", errors="replace") as fh:
        sa = [r["text"] for r in csv.DictReader(fh) if (r.get("hate_speech") or "").strip() == "0"]
    av = judge.judge_many(sa)
    out["sariellee_clean_deleted_without_obscene"] = round(
        float(np.mean([v.action in removed and "obscene" not in v.labels for v in av])), 4
    )
    out["sariellee_clean_deleted_as_spam"] = round(
        float(np.mean([v.action in removed and v.labels == ["spam"] for v in av])), 4
    )
    with (d / "russe_detox_2022" / "test.tsv").open(encoding="utf-8") as fh:
        rt = [r["toxic_comment"] for r in csv.DictReader(fh, delimiter="\t") if (r.get("toxic_comment") or "").strip()]
    out["russe_test_toxic_deleted"] = round(float(np.mean([v.action in removed for v in judge.judge_many(rt)])), 4)
    return out


def traffic_figures(judge) -> dict[str, float]:
    """The shipped model on the project's demo corpus (not used for training): does criticism stay up?"""
    traffic_path = Path(__file__).resolve().parent.parent / "bot" / "demo" / "traffic.tsv"
    with traffic_path.open(encoding="utf-8") as fh:
        traffic = list(csv.DictReader(fh, delimiter="\t"))
    tv = judge.judge_many([r["text"] for r in traffic])
    removed = [v.action in ("delete", "delete_and_ban") for v in tv]
    clean = [r["labels"] == "" for r in traffic]
    crit = [r["kind"] == "criticism" for r in traffic]
    civic_removed = sum(rm for rm, c in zip(removed, clean, strict=True) if c) / max(sum(clean), 1)
    crit_removed = sum(rm for rm, c in zip(removed, crit, strict=True) if c) / max(sum(crit), 1)
    viol_caught = sum(v.action != "allow" for v, c in zip(tv, clean, strict=True) if not c) / max(
        sum(not c for c in clean), 1)
    return {
        "traffic_clean_removed_rate": round(civic_removed, 4),
        "traffic_criticism_removed_rate": round(crit_removed, 4),
        "traffic_violations_flagged_rate": round(viol_caught, 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="quality benchmark")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=None, help="shipped model for the non-CV figures")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--vk-weight", type=float, default=VK_WEIGHT, help="sample weight of VK rows in training")
    ap.add_argument("--neutral-weight", type=float, default=NEUTRAL_WEIGHT, help="sample weight of RUSSE neutral rewrites")
    ap.add_argument("--russe", choices=("all", "toxic", "none"), default="all", help="RUSSE rows in CV training")
    ap.add_argument("--quick", action="store_true", help="skip the 2ch-only recipe and the shipped-model figures")
    ap.add_argument("--shipped-only", action="store_true", help="only the shipped model's figures (no CV)")
    args = ap.parse_args()
    d = args.data_dir
    t0 = time.monotonic()
    if args.shipped_only:
        from moderation.judge import Judge

        judge = Judge.load(args.model)
        finish({**group_figures(judge, d), **traffic_figures(judge), "model_version": judge.model_version, "seconds": round(time.monotonic() - t0)})
        return

    ch = read_2ch(d / "2ch_pikabu_toxic" / "labeled.csv")
    vk = [replace(e, weight=args.vk_weight) for e in read_vk_distorted(d / "vk_distorted_toxicity" / "russian_distorted_toxicity.tsv")]
    distorted = []
    with (d / "vk_distorted_toxicity" / "russian_distorted_toxicity.tsv").open(encoding="utf-8") as fh:
        distorted = [int(r["distortion"]) for r in csv.DictReader(fh, delimiter="\t") if (r.get("comments") or "").strip()]
    tg = read_tg_spam(d / "spam_telegram_tg-spam" / "spam-samples.txt") + read_tg_spam(
        d / "spam_telegram_tg-spam" / "ham-samples.txt"
    )
    russe = read_russe(d / "russe_detox_2022" / "train.tsv", neutral_weight=args.neutral_weight)
    seed_rows = read_seed(SEED_CORPUS)
    # the recipe's counterfactual group rows and city-page sentences (these teach the hate and threat heads, the
    # second set the threat head only: training.SOURCE_HEADS)
    seed_rows = (
        seed_rows
        + counterfactual_rows(seed_rows)
        + [e for rows in read_city_corpora().values() for e in rows]
    )
    big = " | ".join(key(e.text) for e in ch)
    russe_groups_overlap = {e.group for e in russe if e.toxic == 1 and key(e.text) and key(e.text) in big}
    russe_clean = [e for e in russe if e.group not in russe_groups_overlap]
    if args.russe != "all":
        russe_clean = [e for e in russe_clean if args.russe == "toxic" and e.toxic == 1]
    print(f"data: 2ch {len(ch)}, vk {len(vk)}, tg {len(tg)}, russe train {len(russe)} "
          f"({len(russe) - len(russe_clean)} rows dropped: overlap with 2ch), seed {len(seed_rows)}")

    cache = Cache()
    skf = StratifiedKFold(args.folds, shuffle=True, random_state=args.seed)
    f_ch = list(skf.split(np.zeros(len(ch)), [e.toxic for e in ch]))
    f_vk = list(skf.split(np.zeros(len(vk)), [e.toxic * 2 + dd for e, dd in zip(vk, distorted, strict=True)]))
    f_tg = list(skf.split(np.zeros(len(tg)), [e.spam for e in tg]))

    ch_pred_joint = np.zeros(len(ch), bool)
    ch_pred_only = np.zeros(len(ch), bool)
    ch_pred_only_decree = np.zeros(len(ch), bool)
    vk_pred = np.zeros(len(vk), bool)
    vk_pred_decree = np.zeros(len(vk), bool)
    tg_pred = np.zeros(len(tg), bool)
    for k in range(args.folds):
        tk = time.monotonic()
        (ch_tr, ch_te), (vk_tr, vk_te), (tg_tr, tg_te) = f_ch[k], f_vk[k], f_tg[k]
        joint = (
            [ch[i] for i in ch_tr] + [vk[i] for i in vk_tr] + [tg[i] for i in tg_tr] + russe_clean + seed_rows
        )
        pipe, thr = fit_with_thresholds(joint, cache, args.seed + k)

        def sc(rows: list, idx, pipe=pipe) -> np.ndarray:
            return final_scores(pipe, cache.get([rows[i] for i in idx]))

        ch_pred_joint[ch_te] = toxic_prediction(sc(ch, ch_te), thr)
        s_vk = sc(vk, vk_te)
        vk_pred[vk_te] = toxic_prediction(s_vk, thr)
        vk_pred_decree[vk_te] = toxic_prediction(s_vk, thr, DECREE_TOXIC)
        s_tg = sc(tg, tg_te)
        tg_pred[tg_te] = s_tg[:, CATEGORIES.index("spam")] >= thr["spam"]["delete"]
        if not args.quick:
            pipe2, thr2 = fit_with_thresholds([ch[i] for i in ch_tr] + seed_rows, cache, args.seed + k)
            s_ch = final_scores(pipe2, cache.get([ch[i] for i in ch_te]))
            ch_pred_only[ch_te] = toxic_prediction(s_ch, thr2)
            ch_pred_only_decree[ch_te] = toxic_prediction(s_ch, thr2, DECREE_TOXIC)
        print(f"fold {k + 1}/{args.folds}: {time.monotonic() - tk:.0f} s "
              f"(2ch joint F1 {prf([ch[i].toxic for i in ch_te], ch_pred_joint[ch_te])[2]:.3f}, "
              f"2ch-only F1 {prf([ch[i].toxic for i in ch_te], ch_pred_only[ch_te])[2]:.3f}, "
              f"vk F1 {prf([vk[i].toxic for i in vk_te], vk_pred[vk_te])[2]:.3f})", flush=True)

    y_ch = np.array([e.toxic for e in ch], bool)
    y_vk = np.array([e.toxic for e in vk], bool)
    dist_tox = np.array(distorted, bool) & y_vk
    y_tg = np.array([e.spam for e in tg], bool)
    f_joint = prf(y_ch, ch_pred_joint)
    f_only = prf(y_ch, ch_pred_only)
    p_sp, r_sp, _ = prf(y_tg, tg_pred)
    p_vk, r_vk, f1_vk = prf(y_vk, vk_pred)
    f1_vk_decree = prf(y_vk, vk_pred_decree)[2]
    f_only_decree = prf(y_ch, ch_pred_only_decree)
    if args.quick:
        finish({"cv_f1_2ch_pikabu_joint": round(f_joint[2], 4), "vk_distorted_f1": round(f1_vk, 4),
                "vk_distorted_precision_recall": [round(p_vk, 4), round(r_vk, 4)],
                "vk_distorted_f1_decree_notion": round(f1_vk_decree, 4),
                "vk_distorted_recall_distorted": round(float(vk_pred[dist_tox].mean()), 4),
                "spam_precision": round(p_sp, 4), "spam_recall": round(r_sp, 4), "vk_weight": args.vk_weight, "russe": args.russe})
        return

    # Shipped model: RUSSE dev (never trained on) and the hate annotation.
    from moderation.judge import Judge

    judge = Judge.load(args.model)
    dev = read_russe(d / "russe_detox_2022" / "dev.tsv")
    neutral = [e.text for e in dev if e.toxic == 0]
    toxic = [e.text for e in dev if e.toxic == 1]
    flagged_neutral = np.mean([any(c in DECREE_TOXIC for c in v.labels) for v in judge.judge_many(neutral)])
    toxic_recall = np.mean([any(c in DECREE_TOXIC for c in v.labels) for v in judge.judge_many(toxic)])
    with (d / "hate_speech_groups_manual" / "Annotation_manuelle.csv").open(encoding="utf-8-sig") as fh:
        hm = list(csv.DictReader(fh))
    hv = judge.judge_many([r["tweet"] for r in hm])
    h_true = [r["H"].strip() == "1" for r in hm]
    h_pred = ["hate" in v.labels for v in hv]
    h_any = [bool(set(v.labels) & set(DECREE_TOXIC)) for v in hv]
    hp, hr, hf = prf(h_true, h_pred)
    _, har, _ = prf(h_true, h_any)

    best_2ch = max((f_joint[2], "joint (2ch+vk+tg+russe+seed)"), (f_only[2], "2ch-only (+seed)"))
    finish(
        {
            "cv_f1_2ch_pikabu": round(best_2ch[0], 4),
            "cv_2ch_recipe": best_2ch[1],
            "cv_f1_2ch_pikabu_joint": round(f_joint[2], 4),
            "cv_f1_2ch_pikabu_2ch_only": round(f_only[2], 4),
            "cv_2ch_precision_recall": [round(f_only[0], 4), round(f_only[1], 4)],
            "cv_f1_2ch_pikabu_decree_notion": round(f_only_decree[2], 4),
            "vk_distorted_f1": round(f1_vk, 4),
            "vk_distorted_f1_decree_notion": round(f1_vk_decree, 4),
            "vk_distorted_precision_recall": [round(p_vk, 4), round(r_vk, 4)],
            "vk_distorted_recall_distorted": round(float(vk_pred[dist_tox].mean()), 4),
            "russe_neutral_flagged_rate": round(float(flagged_neutral), 4),
            "russe_toxic_recall": round(float(toxic_recall), 4),
            "spam_precision": round(p_sp, 4),
            "spam_recall": round(r_sp, 4),
            "hate_manual_precision": round(hp, 4),
            "hate_manual_recall": round(hr, 4),
            "hate_manual_f1": round(hf, 4),
            "hate_manual_recall_any_label": round(har, 4),
            **group_figures(judge, d),
            **traffic_figures(judge),
            "model_version": judge.model_version,
            "seconds": round(time.monotonic() - t0),
        }
    )


if __name__ == "__main__":
    main()
