"""Scores → action. Pure: the daemon feeds community overrides in, nothing is read from disk here.

Three thresholds per category, each a calibrated probability:
``review`` (hold for a human), ``delete`` (remove the comment: the category becomes a *label*) and
``ban`` (remove and blacklist the author). The strongest action any category reaches wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from moderation.spam import SpamSignal, rule_score
from moderation.verdict import CATEGORIES


@dataclass(frozen=True)
class Thresholds:
    review: float
    delete: float
    ban: float

    def __post_init__(self) -> None:
        if not (0.0 <= self.review <= self.delete <= self.ban <= 1.0001):
            raise ValueError(
                f"thresholds must satisfy 0 ≤ review ≤ delete ≤ ban ≤ 1, got {self.review}/{self.delete}/{self.ban}"
            )


#: Defaults when a model carries none. Spam and hate ban readily; insult (the most subjective
#: category, where harsh criticism lives) needs more certainty before an author is banned.
DEFAULT_THRESHOLDS: dict[str, Thresholds] = {
    "spam": Thresholds(0.45, 0.7, 0.85),
    "obscene": Thresholds(0.4, 0.6, 0.8),
    "insult": Thresholds(0.4, 0.6, 0.85),
    "threat": Thresholds(0.35, 0.55, 0.75),
    "hate": Thresholds(0.35, 0.55, 0.75),
}

#: Lexicon hits put a floor under a score: a matched мат root is obscene whatever the model says,
#: while a matched insult word alone (it may be self-irony or a quote) only reaches the review band.
RULE_FLOORS: dict[str, float] = {"obscene": 0.97, "hate": 0.8, "threat": 0.7, "insult": 0.5}


class _Hit(Protocol):
    category: str


def with_rule_floors(
    scores: Mapping[str, float],
    hits: Iterable[_Hit],
    spam: list[SpamSignal],
    floors: Mapping[str, float] = RULE_FLOORS,
) -> dict[str, float]:
    """Model scores raised to the floors the rules put under them (lexicon hits, spam rule score).

    The one place this happens: the judge and the training recipe (which tunes thresholds on the
    same final scores) both call it.
    """
    out = dict(scores)
    for h in hits:
        out[h.category] = max(out.get(h.category, 0.0), floors.get(h.category, 0.0))
    if spam:
        out["spam"] = max(out.get("spam", 0.0), min(rule_score(spam), 0.99))
    return out


@dataclass
class Policy:
    thresholds: dict[str, Thresholds] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    rule_floors: dict[str, float] = field(default_factory=lambda: dict(RULE_FLOORS))

    @classmethod
    def from_mapping(cls, base: dict[str, Thresholds] | None = None, overrides: dict | None = None) -> Policy:
        """Build from model defaults plus overrides like ``{"insult": {"delete": 0.7}}`` (config/UI)."""
        merged = dict(DEFAULT_THRESHOLDS)
        merged.update(base or {})
        for cat, values in (overrides or {}).items():
            if cat not in CATEGORIES:
                raise ValueError(f"unknown category in thresholds: {cat!r} (known: {', '.join(CATEGORIES)})")
            cur = merged[cat]
            merged[cat] = Thresholds(
                review=float(values.get("review", cur.review)),
                delete=float(values.get("delete", cur.delete)),
                ban=float(values.get("ban", cur.ban)),
            )
        return cls(thresholds=merged)

    def decide(self, scores: dict[str, float]) -> tuple[str, list[str]]:
        """Return ``(action, labels)``; labels are the categories at or over their delete threshold."""
        labels = [c for c in CATEGORIES if scores.get(c, 0.0) >= self.thresholds[c].delete]
        if any(scores.get(c, 0.0) >= self.thresholds[c].ban for c in labels):
            return "delete_and_ban", labels
        if labels:
            return "delete", labels
        if any(scores.get(c, 0.0) >= self.thresholds[c].review for c in CATEGORIES):
            return "review", labels
        return "allow", labels
