"""Scores → action. Pure: the daemon feeds community overrides in, nothing is read from disk here.

Three thresholds per category, each a calibrated probability:
``review`` (hold for a human), ``delete`` (remove the comment: the category becomes a *label*) and
``ban`` (remove and blacklist the author). The strongest action any category reaches wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from moderation import categories
from moderation.categories import DEFAULT_THRESHOLDS, RULE_FLOORS, Thresholds
from moderation.spam import SpamSignal, rule_score

__all__ = ["DEFAULT_THRESHOLDS", "RULE_FLOORS", "Policy", "Thresholds", "with_rule_floors"]

# DEFAULT_THRESHOLDS (defaults when a model carries none) and RULE_FLOORS (lexicon hits put a floor
# under a score: a matched мат root is obscene whatever the model says, while a matched insult word
# alone only reaches the review band) are live views of the category registry.


class _Hit(Protocol):
    category: str


def with_rule_floors(
    scores: Mapping[str, float],
    hits: Iterable[_Hit],
    spam: list[SpamSignal],
    floors: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Model scores raised to the floors the rules put under them (lexicon hits, spam rule score).

    The one place this happens: the judge and the training recipe (which tunes thresholds on the
    same final scores) both call it.
    """
    floors = RULE_FLOORS if floors is None else floors
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
            if cat not in categories.CATEGORIES:
                known = ", ".join(categories.names())
                raise ValueError(f"unknown category in thresholds: {cat!r} (known: {known})")
            cur = merged[cat]
            merged[cat] = Thresholds(
                review=float(values.get("review", cur.review)),
                delete=float(values.get("delete", cur.delete)),
                ban=float(values.get("ban", cur.ban)),
            )
        return cls(thresholds=merged)

    def decide(self, scores: dict[str, float]) -> tuple[str, list[str]]:
        """Return ``(action, labels)``; labels are the categories at or over their delete threshold."""
        cats = [c for c in categories.names() if c in self.thresholds]
        labels = [c for c in cats if scores.get(c, 0.0) >= self.thresholds[c].delete]
        if any(scores.get(c, 0.0) >= self.thresholds[c].ban for c in labels):
            return "delete_and_ban", labels
        if labels:
            return "delete", labels
        if any(scores.get(c, 0.0) >= self.thresholds[c].review for c in cats):
            return "review", labels
        return "allow", labels
