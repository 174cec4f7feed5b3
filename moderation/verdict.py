"""What the judge says about one text, in a shape the daemon, the store and the UI share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from moderation import categories as _categories

#: Names other modules (and bot/) import; all are live views of :mod:`moderation.categories`.
CATEGORIES = _categories.CATEGORIES
GROUNDS = _categories.GROUNDS
CATEGORY_NAMES_RU = _categories.CATEGORY_NAMES_RU
#: Target groups named by clause 19 (for ``hate``), with Russian names.
TARGET_GROUPS_RU = _categories.GROUP_NAMES_RU
#: Evidence kinds (``Evidence.kind``), with Russian names.
EVIDENCE_KINDS_RU = _categories.EVIDENCE_KINDS

#: Actions the policy can choose, from mildest to strongest.
ACTIONS: tuple[str, ...] = ("allow", "review", "delete", "delete_and_ban")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a span of the *original* text and why it matters.

    ``start``/``end`` index the text exactly as the user wrote it, so ``text[start:end] == quote``.
    """

    start: int
    end: int
    quote: str
    category: str
    matched: str = ""  # the lexicon entry / pattern / lemma that fired
    target: str | None = None  # for hate: a key of TARGET_GROUPS_RU
    kind: str | None = None  # what was found: a key of categories.EVIDENCE_KINDS (None: a word match)


@dataclass
class Verdict:
    """The judge's verdict on one text. ``labels`` are the categories over their delete threshold."""

    text: str
    action: str
    labels: list[str]
    scores: dict[str, float]
    evidence: list[Evidence] = field(default_factory=list)
    ground: str = ""
    model_version: str = ""
    targets: list[str] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSONL contract of ``modbot classify --jsonl`` (extra keys may follow)."""
        return {
            "text": self.text,
            "action": self.action,
            "labels": list(self.labels),
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "evidence": [asdict(e) for e in self.evidence],
            "model_version": self.model_version,
            "ground": self.ground,
            "targets": list(self.targets),
            **({"error": self.error} if self.error else {}),
        }
