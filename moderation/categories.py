"""The one registry of clause-19 categories and protected groups: everything else reads it.

A category is one :class:`Category` entry here plus its data (lexicon sections named after it,
seed-corpus rows labelled with it). Policy, verdict, lexicon, features and the training recipe
take names, thresholds, floors, grounds and priorities from this module, so adding a category
never means editing five lists that must agree.

Platform-free: a ban's *kind* (:attr:`Category.ban_reason`) is stored here; each platform adapter
maps kinds to its own codes. The VK code is kept as plain data (:attr:`Category.vk_reason_code`)
so the VK adapter can read today's defaults from one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, overload

__all__ = [
    "BAN_REASONS",
    "EVIDENCE_KINDS",
    "CATEGORIES",
    "CATEGORY_NAMES_RU",
    "GROUNDS",
    "GROUP_NAMES_RU",
    "Category",
    "Thresholds",
    "by_priority",
    "default_thresholds",
    "get",
    "lexicon_categories",
    "names",
    "register",
    "registered",
    "rule_floors",
    "unregister",
]

#: Kinds of ban reason a platform adapter maps to its own codes.
BAN_REASONS: tuple[str, ...] = ("spam", "abuse", "profanity", "other")

DECREE = "п. 19 постановления № 3520 от 21.09.2023"


@dataclass(frozen=True)
class Thresholds:
    """Calibrated-probability cut-offs: hold for a human, delete (the category becomes a label), ban."""

    review: float
    delete: float
    ban: float

    def __post_init__(self) -> None:
        if not (0.0 <= self.review <= self.delete <= self.ban <= 1.0001):
            raise ValueError(
                f"thresholds must satisfy 0 ≤ review ≤ delete ≤ ban ≤ 1, got {self.review}/{self.delete}/{self.ban}"
            )


@dataclass(frozen=True)
class Category:
    """One clause-19 category.

    ``rule_floor``: the score a rule hit of this category guarantees (a matched мат root is obscene
    whatever the model says; an insult word alone only reaches review). None: rules of this
    category put no floor (spam has its own rule score).
    ``lexicon``: whether lexicon data files may hold word lists and patterns of this category.
    ``targets``: whether its evidence names a protected group: ``"required"`` (lexicon sections are
    ``[hate nationality]``, a pattern without a group does not fire), ``"optional"`` (a threat may
    be aimed at a group) or ``"none"``.
    ``min_delete``: the lowest delete threshold the training recipe may pick for it.
    ``priority``: smaller is graver; the gravest label names a ban.
    """

    name: str
    name_ru: str
    ground: str
    thresholds: Thresholds
    priority: int
    ban_reason: Literal["spam", "abuse", "profanity", "other"] = "other"
    vk_reason_code: int = 0
    rule_floor: float | None = None
    lexicon: bool = False
    targets: Literal["none", "optional", "required"] = "none"
    min_delete: float = 0.3

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or self.name != self.name.lower():
            raise ValueError(f"category name must be a lowercase identifier, got {self.name!r}")
        if self.targets not in ("none", "optional", "required"):
            raise ValueError(f"{self.name}: targets must be none/optional/required, got {self.targets!r}")
        if self.ban_reason not in BAN_REASONS:
            raise ValueError(f"{self.name}: ban_reason must be one of {BAN_REASONS}, got {self.ban_reason!r}")


_SHIPPED: tuple[Category, ...] = (
    # Report order (also the shipped model's label order): spam, obscene, insult, threat, hate.
    Category(
        "spam", "спам", f"спам (реклама, рассылка, ссылки на сторонние ресурсы) — {DECREE}",
        Thresholds(0.45, 0.7, 0.85), priority=5, ban_reason="spam", vk_reason_code=1, min_delete=0.6,
    ),
    Category(
        "obscene", "нецензурная брань", f"нецензурная брань — {DECREE}",
        Thresholds(0.4, 0.6, 0.8), priority=4, ban_reason="profanity", vk_reason_code=3,
        rule_floor=0.97, lexicon=True, min_delete=0.5,
    ),
    # Insult is the most subjective category (harsh criticism lives next to it): it needs more
    # certainty before an author is banned, and an insult word alone reaches review only.
    Category(
        "insult", "оскорбление", f"оскорбительные выражения — {DECREE}",
        Thresholds(0.4, 0.6, 0.85), priority=3, ban_reason="abuse", vk_reason_code=2,
        rule_floor=0.5, lexicon=True, min_delete=0.525,
    ),
    Category(
        "threat", "угроза", f"угрозы и призывы к насилию (разжигание вражды) — {DECREE}",
        Thresholds(0.35, 0.55, 0.75), priority=1, ban_reason="abuse", vk_reason_code=2,
        rule_floor=0.7, lexicon=True, targets="optional", min_delete=0.3,
    ),
    Category(
        "hate", "разжигание вражды / унижение группы",
        f"разжигание ненависти или вражды, унижение по признаку группы — {DECREE}",
        Thresholds(0.35, 0.55, 0.75), priority=2, ban_reason="abuse", vk_reason_code=2,
        rule_floor=0.8, lexicon=True, targets="required", min_delete=0.3,
    ),
)  # fmt: skip

#: The groups clause 19 protects (keys are the JSONL contract's ``targets``), with Russian names.
_GROUPS: dict[str, str] = {
    "nationality": "национальность",
    "race": "раса",
    "religion": "религия",
    "sex": "пол, сексуальная ориентация",
    "age": "возраст",
    "residence": "место жительства",
    "profession": "профессия",
    "work": "место работы",
    "politics": "политические убеждения",
    "language": "язык",
}

#: What a piece of evidence found (the ``kind`` of an evidence item; None for a plain word match).
EVIDENCE_KINDS: dict[str, str] = {
    "generalisation": "обобщение о группе людей",
    "call_to_exclude": "призыв изгнать, запретить или ущемить группу",
    "dehumanising": "расчеловечивание группы (сравнение с животными, «не люди»)",
    "veiled_threat": "завуалированная угроза",
    "defamation_of_person": "обвинение человека в преступлении или пороке без доказательств",
    "reported_speech": "цитата или жалоба на чужие слова",
}

_REGISTRY: dict[str, Category] = {c.name: c for c in _SHIPPED}


# -- reading ---------------------------------------------------------------------------------------


def names() -> tuple[str, ...]:
    """Category names in report order (registration order)."""
    return tuple(_REGISTRY)


def get(name: str) -> Category:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown category {name!r} (known: {', '.join(_REGISTRY)})") from None


def by_priority() -> tuple[str, ...]:
    """Category names gravest first (a threat that also swears is banned as a threat)."""
    return tuple(c.name for c in sorted(_REGISTRY.values(), key=lambda c: (c.priority, c.name)))


def lexicon_categories() -> tuple[str, ...]:
    """Categories lexicon data may name, in report order."""
    return tuple(c.name for c in _REGISTRY.values() if c.lexicon)


def default_thresholds() -> dict[str, Thresholds]:
    return {c.name: c.thresholds for c in _REGISTRY.values()}


def rule_floors() -> dict[str, float]:
    return {c.name: c.rule_floor for c in _REGISTRY.values() if c.rule_floor is not None}


def vk_reason_codes() -> dict[str, int]:
    """Today's VK ``groups.ban`` reason code per category (data for the VK adapter)."""
    return {c.name: c.vk_reason_code for c in _REGISTRY.values()}


# -- registering (a new category in code is one more entry in _SHIPPED; tests register at run time) --


def register(category: Category) -> Category:
    if category.name in _REGISTRY:
        raise ValueError(f"category {category.name!r} is already registered")
    _REGISTRY[category.name] = category
    return category


def unregister(name: str) -> None:
    if any(c.name == name for c in _SHIPPED):
        raise ValueError(f"category {name!r} ships with modbot and cannot be removed")
    _REGISTRY.pop(name, None)


@contextmanager
def registered(category: Category) -> Iterator[Category]:
    """Register ``category`` for the duration of a ``with`` block."""
    register(category)
    try:
        yield category
    finally:
        unregister(category.name)


# -- live read-only views (the names older modules import keep tracking the registry) -------------


class _Names(Sequence[str]):
    """A tuple-like view of the registered names, in report order."""

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...
    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return names()[i]

    def __len__(self) -> int:
        return len(_REGISTRY)

    def __iter__(self) -> Iterator[str]:
        return iter(names())

    def __contains__(self, x: object) -> bool:
        return x in _REGISTRY

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(names())

    def __repr__(self) -> str:
        return repr(names())

    def __reduce__(self):  # pickled as a plain tuple: a model's labels never follow the registry
        return (tuple, (names(),))


class _Field(Mapping[str, object]):
    """A dict-like view of one attribute of every registered category."""

    def __init__(self, read) -> None:  # type: ignore[no-untyped-def]
        self._read = read

    def __getitem__(self, key: str):  # type: ignore[no-untyped-def]
        c = _REGISTRY.get(key)
        if c is None:
            raise KeyError(key)
        value = self._read(c)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (k for k, c in _REGISTRY.items() if self._read(c) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self):
        return (dict, (dict(self),))


#: Live views for modules that import names (``from moderation.verdict import CATEGORIES``).
CATEGORIES: Sequence[str] = _Names()
CATEGORY_NAMES_RU: Mapping[str, str] = _Field(lambda c: c.name_ru)  # type: ignore[assignment]
GROUNDS: Mapping[str, str] = _Field(lambda c: c.ground)  # type: ignore[assignment]
DEFAULT_THRESHOLDS: Mapping[str, Thresholds] = _Field(lambda c: c.thresholds)  # type: ignore[assignment]
RULE_FLOORS: Mapping[str, float] = _Field(lambda c: c.rule_floor)  # type: ignore[assignment]
#: Protected groups (clause 19) → Russian name.
GROUP_NAMES_RU: Mapping[str, str] = _GROUPS
