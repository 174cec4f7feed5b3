"""Proverbs, fables and set phrases whose words read as insults but call no one anything.

«В России две беды: дураки и дороги» is how a citizen complains about the roads, «Сказка про
Иванушку-дурачка» is a library's event, «его сделали козлом отпущения» a complaint: the flame-war
data made «дурак», «свинья», «козёл» insults wherever they stand, and all three were deleted and their
authors banned. A saying is treated like a title (:func:`moderation.features.titles`): its words are
hidden from the model and the lexicon's insult, hate and threat readings of them are no evidence.
The sayings are in ``sayings.txt`` beside this module, by lemma.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from pathlib import Path

from moderation.normalize import Normalized

__all__ = ["sayings"]

_FILE = Path(__file__).with_name("sayings.txt")  # (not in lexicons/: its format is its own)
GAP = "…"
#: how many words «…» may stand for
_GAP_WORDS = 4
#: what may stand between two words of a saying: spaces, a hyphen, quotes («Иван-дурак», «Слон и
#: Моська»), not a comma or a full stop
_JOINED = re.compile(r"[\s\-‐–«»\"“”„']*")
#: «,» between two words of a saying: a pause may stand there — a comma, a dash, a colon («Бог не выдаст,
#: свинья не съест», «Век живи — век учись»), which a proverb's own halves take
PAUSE = ","
_PAUSED = re.compile(r"[\s\-‐–—«»\"“”„',:;]*")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First lemma → the sayings (lemma sequences) that start with it."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for raw in _FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().replace("ё", "е")
        if not line:
            continue
        words = tuple(line.split())
        if words[0] in (GAP, PAUSE) or words[-1] in (GAP, PAUSE):
            raise ValueError(f"{_FILE.name}: a saying cannot start or end with {GAP!r} or {PAUSE!r}: {raw!r}")
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _first() -> frozenset[str]:
    """The lemmas a saying starts with: a text without any of them has none (one C-level test)."""
    return frozenset(_index())


def sayings(norm: Normalized, lemmas: list[str]) -> list[tuple[int, int]]:
    """First and last token of each saying in the text."""
    if _first().isdisjoint(lemmas):
        return []
    index = _index()
    toks, orig = norm.tokens, norm.original
    n = len(lemmas)
    out: list[tuple[int, int]] = []
    after = 0  # (sayings do not overlap: the next one starts after the last one's end)
    # only the words a saying can start with are tried, found in C: most texts that have one have one or two
    for k in compress(range(n), map(_first().__contains__, lemmas)):
        if k < after:
            continue
        for saying in index[lemmas[k]]:
            end = _match(saying, lemmas, toks, orig, k, n)
            if end is not None:
                out.append((k, end))
                after = end + 1
                break
    return out


def _match(saying: tuple[str, ...], lemmas: list[str], toks, orig: str, k: int, n: int) -> int | None:
    """The last token of ``saying`` matched from token ``k``, or None."""
    at = k
    gap = paused = False
    for word in saying[1:]:
        if word == GAP:
            gap = True
            continue
        if word == PAUSE:
            paused = True
            continue
        if gap:
            nxt = next((m for m in range(at + 1, min(n, at + 2 + _GAP_WORDS)) if lemmas[m] == word), None)
            if nxt is None:
                return None
            gap = False
        else:
            nxt = at + 1
            joined = _PAUSED if paused else _JOINED
            if nxt >= n or lemmas[nxt] != word or not joined.fullmatch(orig, toks[at].end, toks[nxt].start):
                return None
            paused = False
        at = nxt
    return at
