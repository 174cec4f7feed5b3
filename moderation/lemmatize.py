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

__all__ = ["CACHE_SIZE", "analyzer", "lemma", "lemmas", "lemmatize_tokens", "parses"]

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


def lemma(word: str) -> str:
    """The most probable normal form of ``word`` (``ё`` folded to ``е``); the word itself if unparseable."""
    return _analyze(word.lower())[0]


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


#: Pronominal adverbs and the like, which pymorphy3 tags as ordinary adverbs.
_FUNCTION_ADVERBS = frozenset(
    "там тут здесь туда сюда так как где куда откуда когда тогда вообще опять уже еще вот вон тоже также "
    "только даже потом сейчас зачем почему".split()
)
#: Parts of speech that say who, where or how — never what is wrong with someone.
_FUNCTION_POS = frozenset(("NPRO", "PREP", "CONJ", "PRCL", "NUMR", "PRED", "INTJ"))


def is_function_word(word: str) -> bool:
    """A pronoun, preposition, conjunction, particle, pronominal adverb or pronoun-adjective («ты»,
    «на», «там», «твой», «такой») in its dictionary reading — a word no insult consists of."""
    w = word.lower().replace("ё", "е")
    if w in _FUNCTION_ADVERBS:
        return True
    ps = parses(w)
    if not ps or not ps[0].is_known:
        return False
    tag = ps[0].tag
    return tag.POS in _FUNCTION_POS or (tag.POS == "ADJF" and "Apro" in tag)
