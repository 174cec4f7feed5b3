"""What the judge says about one text, in a shape the daemon, the store and the UI share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The clause-19 categories the judge scores, in the order they are reported.
CATEGORIES: tuple[str, ...] = ("spam", "obscene", "insult", "threat", "hate")

#: Actions the policy can choose, from mildest to strongest.
ACTIONS: tuple[str, ...] = ("allow", "review", "delete", "delete_and_ban")

#: Plain-Russian grounds citing the decree, one per category (shown to moderators and in ban comments).
GROUNDS: dict[str, str] = {
    "spam": "спам (реклама, рассылка, ссылки на сторонние ресурсы) — п. 19 постановления № 3520 от 21.09.2023",
    "obscene": "нецензурная брань — п. 19 постановления № 3520 от 21.09.2023",
    "insult": "оскорбительные выражения — п. 19 постановления № 3520 от 21.09.2023",
    "threat": "угрозы и призывы к насилию (разжигание вражды) — п. 19 постановления № 3520 от 21.09.2023",
    "hate": "разжигание ненависти или вражды, унижение по признаку группы — п. 19 постановления № 3520 от 21.09.2023",
}

#: Russian names of the categories, for explanations.
CATEGORY_NAMES_RU: dict[str, str] = {
    "spam": "спам",
    "obscene": "нецензурная брань",
    "insult": "оскорбление",
    "threat": "угроза",
    "hate": "разжигание вражды / унижение группы",
}

#: Target groups named by clause 19 (for ``hate``), with Russian names.
TARGET_GROUPS_RU: dict[str, str] = {
    "nationality": "национальность, раса",
    "religion": "религия",
    "sex": "пол, сексуальная ориентация",
    "age": "возраст",
    "residence": "место жительства",
    "profession": "профессия, место работы",
    "politics": "политические убеждения",
    "language": "язык",
}


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
