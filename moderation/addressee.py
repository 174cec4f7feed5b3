"""Who an insult word is said of: the author about themself ("я лох", "чувствую себя идиоткой") is
no insult to anyone, and the authorities as a body ("депутаты — бездари", "чиновники совсем
обнаглели, тупые что ли") are a matter for a moderator, not for an automatic deletion.

People call themselves names when they complain about a bad day; a word list cannot tell that from
an insult, and a model trained on flame wars reads the word alone. Clause 19 protects others, so
when every insult word of a comment is said of its author the judge holds it for a moderator at most
(:func:`moderation.policy.ceilings`); one insult aimed elsewhere ("я дура, а ты козёл") and nothing
changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from moderation.lemmatize import parses

if TYPE_CHECKING:  # pragma: no cover
    from moderation.normalize import Normalized

__all__ = ["said_of_authorities", "said_of_self"]

#: Words that may stand between "я" and the name it gives itself ("я же просто дура"); adjectives
#: ("я полный идиот", "себя полной идиоткой") may too.
_FILLERS = frozenset("же ведь просто ну тоже вообще прям прямо реально".split())
_FEEL = frozenset("чувствую чувствовал чувствовала ощущаю ощущал ощущала считаю считал считала".split())
_SECOND_PERSON = frozenset("ты тебя тебе тобой вы вас вам вами".split())
#: The authorities as a body: collective nouns in any number, people of the authorities in the plural
#: ("чиновники", "депутатов"; one named official — "мэр дебил" — is a person, not a body).
_AUTHORITY_BODIES = frozenset(
    "власть администрация правительство начальство руководство мэрия дума госдума чиновничество управа "
    "горсовет минздрав министерство".split()
)
_AUTHORITY_PEOPLE = frozenset("чиновник чинуша депутат бюрократ министр управленец слуга чиновница".split())
_AUTHORITY_WORDS = _AUTHORITY_BODIES | _AUTHORITY_PEOPLE
#: Words of pure abuse, not an evaluation like "бездари", "дураки" (stems, so misspelt and derived forms —
#: "сучья", "пидарасты", "говнюки" — count too): a text with one anywhere is the judge's to decide.
_VILE = re.compile(
    r"(?:сук|суч|твар|мраз|ублюд|урод|вырод|гнид|падл|падал|скот[иаыо]|шлюх|паскуд|сволоч|гад[иыуо]?$|гадин|"
    r"погань|нелюд|упыр|чмо|чмош|быдл|пид[оаеи]?р|говн|дерьм|ишак|конченн?[ыао]|стад[оауе]?$|мудак)"
)
#: Abuse that stays the judge's to decide whoever it is aimed at.
_HARD_ABUSE = frozenset(("obscene", "threat", "hate"))
_SENTENCE_BREAK = re.compile(r"[.!?;\n…]")
_CLAUSE_BREAK = re.compile(r"[.!?;,:()\n…\"«»]|\s[-–—]\s")


class _Hit(Protocol):
    category: str
    start: int
    end: int
    kind: str | None


def said_of_self(norm: Normalized, hits: Iterable[_Hit]) -> bool:
    """Are all insult words of the text (at least one) said by the author of themself, with no
    "ты"/"вы" in the text?"""
    insults = [h for h in hits if h.category == "insult" and h.kind is None]
    if not insults:
        return False
    toks = norm.tokens
    words = norm.words
    if not _SECOND_PERSON.isdisjoint(words):
        return False
    at = {t.start: k for k, t in enumerate(toks)}
    orig = norm.original
    for h in insults:
        k = at.get(h.start)
        if k is None or not _of_self(words, toks, orig, k):
            return False
    return True


def _of_self(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """"я (же/полный …) <word>" or "(чувствую) себя <word>" inside one clause."""
    j = k - 1
    while j >= 0 and k - j <= 4:
        if _CLAUSE_BREAK.search(orig, toks[j].end, toks[j + 1].start):
            return False
        w = words[j]
        if w == "я":
            return True
        if w == "себя":
            return True  # "чувствую себя идиоткой": the walk back from the word met only fillers
        if w not in _FILLERS and w not in _FEEL and not any(p.tag.POS == "ADJF" for p in parses(w)[:2]):
            return False
        j -= 1
    return False


def said_of_authorities(norm: Normalized, hits: Iterable[_Hit], lemmas: list[str]) -> bool:
    """Is the text's insult aimed at the authorities as a body, with nothing harder in it?

    The decree wants criticism of the administration to stay up however harsh, and the line between
    a harsh complaint about officials and an insult of them is a moderator's call: such a comment is
    held, never deleted by the model alone. True when a sentence names the authorities as a body,
    every insult word sits in such a sentence and is an evaluation ("бездари", "тупые"), not pure abuse
    ("суки", "мрази"), nobody is addressed ("ты"/"вы") and the text has no мат, threat or hate evidence.
    """
    if _AUTHORITY_WORDS.isdisjoint(lemmas):  # one C-level scan for the many texts about anything else
        return False
    hit_list = list(hits)
    if any(h.category in _HARD_ABUSE for h in hit_list):
        return False
    toks = norm.tokens
    words = norm.words
    if not _SECOND_PERSON.isdisjoint(words) or any(_VILE.match(w) for w in words):
        return False
    orig = norm.original
    bodies: set[int] = set()  # sentence numbers that name the authorities
    sentence_of: list[int] = []
    n = 0
    for k, t in enumerate(toks):
        if k and _SENTENCE_BREAK.search(orig, toks[k - 1].end, t.start):
            n += 1
        sentence_of.append(n)
        lem = lemmas[k] if k < len(lemmas) else t.text
        if lem in _AUTHORITY_BODIES or (
            lem in _AUTHORITY_PEOPLE and any(p.tag.number == "plur" for p in parses(t.text)[:2])
        ):
            bodies.add(n)
    if not bodies:
        return False
    at = {t.start: k for k, t in enumerate(toks)}
    for h in hit_list:
        if h.category != "insult":
            continue
        k = at.get(h.start)
        if k is None or sentence_of[k] not in bodies:
            return False
    return True
