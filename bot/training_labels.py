"""The moderators' labels as a training set, with the guard rails that decide what may teach.

Every moderator decision and every undo writes a label (``bot/decisions.py``): keep, or the violated
category. Before any of them teaches the judge:

* a label whose decision was later **undone** (by another moderator or the same one) is dropped:
  the undo wrote a *keep* label of its own, which is the judgement that stands;
* one label per comment: of an **edited** comment, the label of its newest labelled version; of
  several labels on one version, the latest;
* **contradictions** — the same text (after case and punctuation are folded) kept on one comment and
  removed on another — are reported and left out of training: a model cannot learn both, and which
  is right is for people to settle. Two different violation categories for one text are reported
  too, and the latest stands;
* a **minimum** number of labels per category before it is trained on (``bot/retrain.py``).

The newest share of the labels (by time) is kept apart as the test: a model is judged on decisions
made after everything it learned from, as it will be in service.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from moderation.training import dedupe_key
from moderation.verdict import CATEGORIES


@dataclass(frozen=True)
class Label:
    id: int
    text: str
    category: str  # "" = keep
    at: float
    by: str
    community: str  # "vk:123", or "" when the comment is unknown
    comment_key: str

    @property
    def violation(self) -> bool:
        return bool(self.category)

    @property
    def categories(self) -> frozenset[str]:
        return frozenset({self.category}) if self.category else frozenset()


@dataclass
class Contradiction:
    text: str
    verdicts: dict[str, int]  # "оставить"/category → how many comments


@dataclass
class LabelSet:
    labels: list[Label] = field(default_factory=list)  # what may teach and test, oldest first
    total: int = 0  # rows in the labels table
    dropped_undone: int = 0
    superseded: int = 0  # older labels of the same comment (an edit, a changed mind)
    unknown_category: int = 0
    contradictions: list[Contradiction] = field(default_factory=list)
    contradicting_labels: int = 0
    category_conflicts: list[Contradiction] = field(default_factory=list)

    def counts(self, labels: list[Label] | None = None) -> dict[str, int]:
        c = Counter(lab.category or "keep" for lab in (self.labels if labels is None else labels))
        return {k: c.get(k, 0) for k in ("keep", *CATEGORIES)}

    def split(self, holdout: float) -> tuple[list[Label], list[Label]]:
        """Time split: the newest ``holdout`` share is the test, the rest trains."""
        n_test = int(round(len(self.labels) * holdout))
        if n_test <= 0:
            return list(self.labels), []
        return self.labels[:-n_test], self.labels[-n_test:]

    def summary(self) -> dict[str, Any]:
        by = Counter(lab.by for lab in self.labels)
        comm = Counter(lab.community or "?" for lab in self.labels)
        return {
            "labels_in_database": self.total,
            "used": len(self.labels),
            "dropped_undone": self.dropped_undone,
            "superseded": self.superseded,
            "unknown_category": self.unknown_category,
            "contradicting_texts": len(self.contradictions),
            "contradicting_labels": self.contradicting_labels,
            "category_conflicts": len(self.category_conflicts),
            "by_category": self.counts(),
            "by_moderator": dict(by.most_common()),
            "by_community": dict(comm.most_common()),
            "first_at": self.labels[0].at if self.labels else None,
            "last_at": self.labels[-1].at if self.labels else None,
        }


def read_labels(store: Any) -> LabelSet:
    """Apply the guard rails to every label in the store (see the module docstring)."""
    rows = store.training_labels()
    out = LabelSet(total=len(rows))
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.get("dropped_at") is not None:
            out.dropped_undone += 1
            continue
        cats = [c for c in r["labels"] if c]
        if any(c not in CATEGORIES for c in cats):
            out.unknown_category += 1
            continue
        key = r.get("key") or r.get("comment_key") or f"text:{dedupe_key(r['text'])}"
        rank = (r.get("version") or 0, r["at"], r["id"])
        prev = latest.get(key)
        if prev is not None:
            out.superseded += 1
            if (prev.get("version") or 0, prev["at"], prev["id"]) > rank:
                continue
        latest[key] = r
    by_text: dict[str, list[dict[str, Any]]] = {}
    for r in latest.values():
        by_text.setdefault(dedupe_key(r["text"]), []).append(r)
    keep_rows: list[dict[str, Any]] = []
    for rs in by_text.values():
        verdicts = Counter((r["labels"][0] if r["labels"] else "оставить") for r in rs)
        kept = verdicts.get("оставить", 0)
        if kept and kept < len(rs):  # kept on one comment, removed on another
            out.contradictions.append(Contradiction(rs[-1]["text"], dict(verdicts)))
            out.contradicting_labels += len(rs)
            continue
        if len(verdicts) > 1:  # two violation categories: the latest stands
            out.category_conflicts.append(Contradiction(rs[-1]["text"], dict(verdicts)))
        keep_rows.extend(rs)
    keep_rows.sort(key=lambda r: (r["at"], r["id"]))
    for r in keep_rows:
        platform, community = r.get("platform"), r.get("community_id")
        out.labels.append(Label(
            id=int(r["id"]), text=r["text"], category=(r["labels"][0] if r["labels"] else ""), at=float(r["at"]),
            by=str(r.get("by") or ""), community=f"{platform}:{community}" if platform else "",
            comment_key=str(r.get("comment_key") or ""),
        ))
    # Several comments with one text and one verdict: one example is enough (it would count twice).
    seen: set[str] = set()
    unique = []
    for lab in reversed(out.labels):
        k = dedupe_key(lab.text)
        if k in seen:
            out.superseded += 1
            continue
        seen.add(k)
        unique.append(lab)
    out.labels = list(reversed(unique))
    return out
