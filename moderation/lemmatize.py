"""Lemmas via pymorphy3, cached: a parse costs ~10-15 µs and the judge sees the same words all day.

One analyzer per process, created on first use.  Words that are not plain Cyrillic (masked ``х*й``,
Latin, numbers) are returned as they are: pymorphy would only guess at them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from moderation.normalize import Token

if TYPE_CHECKING:  # pragma: no cover
    import pymorphy3

__all__ = [
    "CACHE_SIZE",
    "PREPOSITIONS",
    "VERBAL_POS",
    "analyzer",
    "know",
    "lemma",
    "lemmas",
    "lemmatize_tokens",
    "parses",
]

_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_LOCK = threading.Lock()
_ANALYZER: pymorphy3.MorphAnalyzer | None = None
#: A parse is "plausible" when its score is at least this share of the best one.
_PLAUSIBLE = 0.25
_MAX_PLAUSIBLE = 6


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyzer (loading the dictionaries takes ~0.2 s, so only once)."""
    global _ANALYZER
    if _ANALYZER is None:
        with _LOCK:
            if _ANALYZER is None:
                import pymorphy3

                _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


@lru_cache(maxsize=4096)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a lowercase word (empty for non-Cyrillic words); small cache, Parse objects are big."""
    if not _CYRILLIC_WORD.fullmatch(word):
        return ()
    return tuple(analyzer().parse(word))


#: Distinct words remembered; ~100 bytes each, so the daemon's memory stays flat (~20 MB at most).
CACHE_SIZE = 200_000
#: pymorphy3 parts of speech of a verb and its forms (infinitive, participles, gerund).
VERBAL_POS = frozenset(("VERB", "INFN", "PRTF", "PRTS", "GRND"))


@lru_cache(maxsize=CACHE_SIZE)
def _analyze(word: str) -> tuple[str, frozenset[str]]:
    if not _CYRILLIC_WORD.fullmatch(word):
        return word, frozenset((word,))
    ps = analyzer().parse(word)
    if not ps:
        return word, frozenset((word,))
    best = ps[0].normal_form.replace("ё", "е")
    top = ps[0].score or 0.0
    forms = {best}
    for p in ps[1:_MAX_PLAUSIBLE]:
        if (p.score or 0.0) >= top * _PLAUSIBLE:
            forms.add(p.normal_form.replace("ё", "е"))
    return best, frozenset(forms)


@lru_cache(maxsize=50_000)
def is_known(word: str) -> bool:
    """Is ``word`` in pymorphy3's dictionary (not a guess from its ending)?"""
    return analyzer().word_is_known(word)


#: Lemmas known in advance: the model's training vocabulary (:class:`moderation.features.Prepare` keeps
#: each word's :func:`lemma` from training). A judge registers it with :func:`know`, so the rules that
#: ask a word's lemma do not parse again, on a cold start, the words the model already knows.
_KNOWN: dict[str, str] = {}


def know(memo: dict[str, str] | None) -> None:
    """Answer :func:`lemma` from ``memo`` (word → its lemma, as :func:`lemma` gave it) first."""
    global _KNOWN
    if memo:
        _KNOWN = memo


def lemma(word: str) -> str:
    """The most probable normal form of ``word`` (``ё`` folded to ``е``); the word itself if unparseable."""
    w = word.lower()
    known = _KNOWN.get(w)
    return known if known is not None else _analyze(w)[0]


#: pymorphy3's grammemes of a person's name — given name, surname, patronymic (the one set every reader of
#: names asks; a plural of a common noun may parse as a name first: «варвары» as «Варвара»)
NAME_TAGS = frozenset(("Name", "Surn", "Patr"))


@lru_cache(maxsize=CACHE_SIZE)
def common_lemma(word: str) -> str | None:
    """The normal form of the first parse of ``word`` that is not a proper name, when its best parse is
    one (``None`` otherwise): «варвары» -> «варвар», where :func:`lemma` says «варвара»."""
    ps = parses(word.lower())
    if not ps or NAME_TAGS.isdisjoint(ps[0].tag.grammemes):
        return None
    return next(
        (p.normal_form.replace("ё", "е") for p in ps[1:] if NAME_TAGS.isdisjoint(p.tag.grammemes)), None
    )


def lemmas(word: str) -> frozenset[str]:
    """Normal forms of all plausible parses ("суки" -> {"сука", "сук"})."""
    return _analyze(word.lower())[1]


def lemmatize_tokens(tokens: Iterable[Token | str]) -> list[str]:
    """Best lemma of each token (masked/Latin tokens pass through unchanged)."""
    out: list[str] = []
    for t in tokens:
        text = t.text if isinstance(t, Token) else t
        out.append(_analyze(text.lower())[0])
    return out


#: The prepositions (a closed class): a word right after one is an object, not what someone is said
#: to be («жители устроили самосуд над вором», «армяне пострадали от бандитов»).
PREPOSITIONS = frozenset(
    """в во на с со по к ко у о об обо от до за из изо для без над под при про через между перед около после
    вокруг против среди ради кроме вместо вдоль""".split()
)
#: Lemmas of the closed classes: pronouns and pronoun-adjectives, prepositions, conjunctions,
#: particles, pronominal adverbs. A closed list, not pymorphy3's tags: the judge asks about the words
#: of every model-only deletion, and a parse of each cost a tenth of a cold judge's time.
FUNCTION_LEMMAS = PREPOSITIONS | frozenset(
    """я ты он она оно мы вы они себя сам свой мой твой наш ваш его ее её их этот тот такой какой который
    чей кто что никто ничто некто нечто весь каждый любой
    и а но или либо да что чтобы если когда как чем хотя пока потому поэтому тоже также зато однако ибо
    не ни же ли бы вот вон ну уж даже только ведь еще ещё уже лишь разве неужели пусть пускай ага угу эй
    там тут здесь туда сюда так где куда откуда тогда вообще опять потом сейчас зачем почему""".split()
)


def is_function_word(lemma_: str) -> bool:
    """Is the word of this lemma a pronoun, preposition, conjunction, particle, pronominal adverb or
    pronoun-adjective («ты», «на», «там», «твой», «такой») — a word no insult consists of?"""
    return lemma_.lower() in FUNCTION_LEMMAS
