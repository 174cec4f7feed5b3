"""Figures that decide whether a retrained model may replace the running one, and the rules.

Three kinds of evidence, each measured the same way for the current model and the candidate:

* **held-out moderator labels** — the newest labels (a time split), never trained or tuned on:
  violations caught (share of comments the moderators removed that the model deletes), precision,
  F1, and clean comments deleted;
* **the regression set** shipped with the package (``moderation/corpus/regression.tsv``): ordinary
  civic comments and sharp but legitimate criticism that must stay up, violations of every category
  that must go. Never trained on. It is the defence against poisoned labels: whatever the labels
  say, a model that deletes one more clean comment here does not go live;
* **labelled sets** in ``../shared/data`` when they are present (information only).

"Deleted" means the judge's action is ``delete`` or ``delete_and_ban``; held for review is counted
apart. Pure: verdict actions in, figures and decisions out.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REGRESSION_SET = Path(__file__).resolve().parent / "corpus" / "regression.tsv"

DELETING = ("delete", "delete_and_ban")


@dataclass(frozen=True)
class RegressionItem:
    text: str
    expect: str  # keep | delete
    category: str
    kind: str  # civic | criticism | a violation kind


def regression_set(path: Path = REGRESSION_SET) -> list[RegressionItem]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            RegressionItem(r["text"], r["expect"], r.get("category") or "", r.get("kind") or "")
            for r in csv.DictReader(fh, delimiter="\t")
            if (r.get("text") or "").strip()
        ]


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def label_figures(violation: Sequence[bool], actions: Sequence[str]) -> dict[str, Any]:
    """Figures against labels: ``violation[i]`` = the moderators removed text i; ``actions[i]`` = the
    judge's action on it."""
    n = len(violation)
    deleted = [a in DELETING for a in actions]
    held = [a == "review" for a in actions]
    pos = sum(violation)
    tp = sum(1 for v, d in zip(violation, deleted, strict=True) if v and d)
    fp = sum(1 for v, d in zip(violation, deleted, strict=True) if not v and d)
    flagged = sum(1 for v, d, h in zip(violation, deleted, held, strict=True) if v and (d or h))
    precision = _rate(tp, tp + fp)
    recall = _rate(tp, pos)
    f1 = round(2 * tp / (2 * tp + fp + (pos - tp)), 4) if pos or fp else None
    return {
        "n": n,
        "violations": pos,
        "caught": recall,
        "precision": precision,
        "f1": f1,
        "flagged": _rate(flagged, pos),
        "clean_deleted": fp,
        "clean_deleted_rate": _rate(fp, n - pos),
    }


def regression_figures(items: Sequence[RegressionItem], actions: Sequence[str]) -> dict[str, Any]:
    clean = [(it, a) for it, a in zip(items, actions, strict=True) if it.expect == "keep"]
    bad = [(it, a) for it, a in zip(items, actions, strict=True) if it.expect != "keep"]
    deleted_clean = [it.text for it, a in clean if a in DELETING]
    return {
        "clean": len(clean),
        "clean_deleted": len(deleted_clean),
        "criticism_deleted": sum(1 for it, a in clean if it.kind == "criticism" and a in DELETING),
        "clean_held": sum(1 for _, a in clean if a == "review"),
        "violations": len(bad),
        "violations_removed": _rate(sum(1 for _, a in bad if a in DELETING), len(bad)),
        "violations_flagged": _rate(sum(1 for _, a in bad if a != "allow"), len(bad)),
        "deleted_clean_texts": deleted_clean,
    }


def f1_change_interval(
    violation: Sequence[bool],
    current: Sequence[str],
    candidate: Sequence[str],
    *,
    rounds: int = 1000,
    seed: int = 0,
) -> tuple[float, float] | None:
    """95 % paired bootstrap interval of the candidate's F1 minus the current model's on the same
    labels: how large a change the held-out labels can tell from chance (None if nothing to say)."""
    import numpy as np

    y = np.asarray(violation, dtype=bool)
    if len(y) == 0 or not y.any():
        return None
    a = np.isin(np.asarray(current), DELETING)
    b = np.isin(np.asarray(candidate), DELETING)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(y), size=(rounds, len(y)))
    yy, aa, bb = y[idx], a[idx], b[idx]

    def f1(pred: np.ndarray) -> np.ndarray:
        tp = (pred & yy).sum(axis=1)
        den = pred.sum(axis=1) + yy.sum(axis=1)
        return np.where(den > 0, 2 * tp / np.maximum(den, 1), 0.0)

    diff = f1(bb) - f1(aa)
    lo, hi = np.percentile(diff, [2.5, 97.5])
    return round(float(lo), 3), round(float(hi), 3)


# --------------------------------------------------------------------------- promotion rules


@dataclass(frozen=True)
class Rule:
    """A headline figure the candidate may not make worse by more than ``tolerance``."""

    key: tuple[str, str]  # (section, figure)
    title: str
    higher_is_better: bool
    tolerance: float
    unit: str = ""  # "" rate, "n" a count


#: The issue's three headline figures, plus one of ours: the regression set's violations must keep
#: going (a batch of labels flipped to "keep" — poisoning — shows there first).
RULES: tuple[Rule, ...] = (
    Rule(
        ("regression", "clean_deleted"), "удалено чистых комментариев регрессионного набора", False, 0.0, "n"
    ),
    Rule(("held_out", "caught"), "доля пойманных нарушений на отложенных метках модераторов", True, 0.02),
    Rule(("held_out", "f1"), "F1 на отложенных метках модераторов", True, 0.01),
    Rule(("regression", "violations_removed"), "доля удалённых нарушений регрессионного набора", True, 0.02),
)


@dataclass
class Decision:
    promote: bool
    worse: list[str] = field(default_factory=list)  # Russian, one line per figure that got worse
    checked: list[dict[str, Any]] = field(default_factory=list)


def decide(
    current: dict[str, dict[str, Any]], candidate: dict[str, dict[str, Any]], rules: Sequence[Rule] = RULES
) -> Decision:
    """Promote only if no headline figure got worse beyond its tolerance. A figure that cannot be
    measured (no held-out violations) counts as worse: nothing unmeasured goes live by itself."""
    d = Decision(True)
    for r in rules:
        a = (current.get(r.key[0]) or {}).get(r.key[1])
        b = (candidate.get(r.key[0]) or {}).get(r.key[1])
        if a is None or b is None:
            d.promote = False
            d.worse.append(f"{r.title}: не измерено (мало отложенных меток)")
            d.checked.append({"figure": ".".join(r.key), "current": a, "candidate": b, "ok": False})
            continue
        change = b - a if r.higher_is_better else a - b  # > 0 = better
        ok = change >= -r.tolerance - 1e-9
        d.checked.append(
            {"figure": ".".join(r.key), "current": a, "candidate": b, "ok": ok, "tolerance": r.tolerance}
        )
        if not ok:
            d.promote = False
            limit = "не должно расти вовсе" if r.tolerance == 0 else f"допустимо ухудшение до {r.tolerance:g}"
            d.worse.append(f"{r.title}: {_fmt(a, r.unit)} → {_fmt(b, r.unit)} ({limit})")
    return d


def _fmt(v: Any, unit: str = "") -> str:
    if v is None:
        return "—"
    if unit == "n" or isinstance(v, int):
        return str(v)
    return f"{v:.3f}"


# --------------------------------------------------------------------------- the table

#: (section, figure, Russian title, unit) in the order the table shows them.
TABLE_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("held_out", "caught", "пойманные нарушения (полнота)", ""),
    ("held_out", "precision", "точность удалений", ""),
    ("held_out", "f1", "F1", ""),
    ("held_out", "flagged", "нарушения удалены или на проверке", ""),
    ("held_out", "clean_deleted", "удалено оставленных модераторами", "n"),
    ("regression", "clean_deleted", "удалено чистых (из {clean})", "n"),
    ("regression", "criticism_deleted", "из них острой критики", "n"),
    ("regression", "clean_held", "чистых на проверке", "n"),
    ("regression", "violations_removed", "удалено нарушений (из {violations})", ""),
)

SECTION_TITLES = {
    "held_out": "Отложенные метки модераторов",
    "regression": "Регрессионный набор",
}


def comparison_rows(
    current: dict[str, dict[str, Any]], candidate: dict[str, dict[str, Any]]
) -> list[list[str]]:
    """Rows ``[section, figure, current, candidate, change]`` of the comparison table."""
    rows: list[list[str]] = []
    sections = [s for s in SECTION_TITLES if s in current or s in candidate]
    extra = [s for s in list(current) + list(candidate) if s not in SECTION_TITLES and not s.startswith("_")]
    for s in sections:
        meta = candidate.get(s) or current.get(s) or {}
        head = SECTION_TITLES[s]
        if s == "held_out" and meta.get("n") is not None:
            head += f" ({meta['n']}, нарушений {meta.get('violations')})"
        for sec, key, title, unit in TABLE_ROWS:
            if sec != s:
                continue
            rows.append(
                [
                    head,
                    title.format(**{k: meta.get(k, "?") for k in ("clean", "violations")}),
                    *_pair(current.get(s, {}).get(key), candidate.get(s, {}).get(key), unit),
                ]
            )
            head = ""
    for s in dict.fromkeys(extra):
        meta = candidate.get(s) or current.get(s) or {}
        head = f"{meta.get('title', s)} ({meta.get('n', '?')})"
        for key, title in (
            ("f1", "F1"),
            ("caught", "полнота"),
            ("precision", "точность"),
            ("clean_deleted_rate", "доля удалённых чистых"),
        ):
            if current.get(s, {}).get(key) is None and candidate.get(s, {}).get(key) is None:
                continue
            rows.append([head, title, *_pair(current.get(s, {}).get(key), candidate.get(s, {}).get(key), "")])
            head = ""
    return rows


def _pair(a: Any, b: Any, unit: str) -> list[str]:
    if a is None or b is None:
        return [_fmt(a, unit), _fmt(b, unit), ""]
    diff = b - a
    change = ("+" if diff > 0 else "") + (str(diff) if unit == "n" else f"{diff:.3f}") if diff else "0"
    return [_fmt(a, unit), _fmt(b, unit), change]


def markdown_table(current: dict, candidate: dict, current_name: str, candidate_name: str) -> str:
    lines = [
        f"| набор | показатель | текущая `{current_name}` | кандидат `{candidate_name}` | изменение |",
        "|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in comparison_rows(current, candidate)]
    return "\n".join(lines)


def text_table(current: dict, candidate: dict, current_name: str, candidate_name: str) -> str:
    """The same table for a terminal (fixed-width columns)."""
    head = ["набор", "показатель", f"текущая {current_name}", f"кандидат {candidate_name}", "изменение"]
    rows = [head, *comparison_rows(current, candidate)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    out = []
    for k, r in enumerate(rows):
        out.append(
            "  ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(r)).rstrip()
        )
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
