"""Names of groups typed with one slip: «жензин», «пинсионеров», «масквичи», «таджыки», «кавказкие».

Comments are typed fast on phones, and the group-statement analyser (:mod:`moderation.groups`) finds a
group by its word: «Я считаю что жензин … необходимо прессовать» named no group for it, and the call to
harm women went unread. A word the dictionary does not know that is *one slip* away from exactly one
form of a neutral group name or group adjective is read as that word. A slip is what hands and ears make,
not any edit:

* a letter left out or one too many («комунальщиков», «эстоонцы»);
* a vowel for a vowel («пинсионеров», «масквичи», «таджыки»), a consonant for its voiced or voiceless twin
  («узбегов», «лезбиянка»), «ш»/«щ», «г»/«х» («блохеры»), or a neighbour on the ЙЦУКЕН row («жензин»);
* two neighbouring letters swapped («жиетлей»).

Never the first letter, never in the last two (an ending is grammar: «ветеринарке» is a clinic, not a
vet's dative; «нацики» is no «нации»), never in a word under six letters («старк», «песах»), never in
half of a hyphenated word («по-мужски», «Кабардино-Балкария»); and only towards neutral names of
groups, never towards a slur or an insult («укроина» stays what it is).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from moderation.lemmatize import is_known

__all__ = ["OneSlip"]

_CYRILLIC = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюя")
_VOWELS = frozenset("аеиоуыэюя")
#: consonants people confuse by ear: voiced and voiceless twins, and the southern «г» said as «х»
_SOUNDS = ("бп", "вф", "гк", "дт", "жш", "зс", "шщ", "гх", "ьъ")
_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_CONFUSED = frozenset(
    [a + b for a, b in _SOUNDS]
    + [b + a for a, b in _SOUNDS]
    + [row[i : i + 2] for row in _ROWS for i in range(len(row) - 1)]
    + [row[i + 1] + row[i] for row in _ROWS for i in range(len(row) - 1)]
)
#: the shortest word read as a slip (shorter words are one slip from too many others)
MIN_LENGTH = 6
#: distinct words remembered as no slip (~90 bytes each); the set starts again when it is full
_CLEAN_SIZE = 200_000


class OneSlip:
    """The forms of ``words`` that a word misspells by one slip; built once per lexicon (~50k keys)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if len(w) >= MIN_LENGTH - 1 and _CYRILLIC.issuperset(w))
        #: each word with one letter (not the first) left out → the words it comes from
        self._without: dict[str, tuple[str, ...]] = {}
        for w in self._words:
            for i in range(1, len(w)):
                key = w[:i] + w[i + 1 :]
                self._without[key] = (*self._without.get(key, ()), w)
        #: the first letter and the last two of each word → the lengths of a word one slip from it (a slip
        #: keeps the three letters and changes the length by one at most)
        ends: dict[str, set[int]] = {}
        #: … and the first two letters and the last two: kept by every slip after the second letter
        ends2: dict[str, set[int]] = {}
        for w in self._words:
            around = (len(w) - 1, len(w), len(w) + 1)
            ends.setdefault(w[0] + w[-2:], set()).update(around)
            ends2.setdefault(w[:2] + w[-2:], set()).update(around)
        self._ends = {key: frozenset(lengths) for key, lengths in ends.items()}
        self._ends2 = {key: frozenset(lengths) for key, lengths in ends2.items()}
        self._longest = max(map(len, self._words), default=0) + 1
        #: the words already read that are no slip (every text's words are taken from it in one C call)
        self._clean: set[str] = set()
        self._slips: dict[str, str] = {}

    def __call__(self, word: str) -> str | None:
        """The one form ``word`` misspells, or None (a known word, or none or several forms)."""
        return self.read({word}).get(word)

    def read(self, words: AbstractSet[str]) -> dict[str, str]:
        """Each of ``words`` that misspells a form by one slip → the form (most texts: none, and the words
        seen before cost one set difference)."""
        new = words - self._clean
        if not new:
            return {}
        if len(self._clean) >= _CLEAN_SIZE:
            self._clean.clear()
            self._slips.clear()
        out: dict[str, str] = {}
        for word in new:
            meant = self._slips.get(word) or self._read(word)
            if meant is None:
                if len(word) <= self._longest:  # (a flood of long nonsense words is read, not remembered)
                    self._clean.add(word)
            else:
                self._slips[word] = out[word] = meant
        return out

    def _read(self, word: str) -> str | None:
        n = len(word)
        if n < MIN_LENGTH or word in self._words:
            return None
        if n not in self._ends.get(word[0] + word[-2:], ()):
            return None  # (most words: a test of their ends instead of a dozen lookups)
        if not _CYRILLIC.issuperset(word):
            return None
        last = n - 3  # the last position a slip may be at: the two final letters are the ending
        found: set[str] = set()
        for w in self._without.get(word, ()):  # a letter left out
            if _first_difference(word, w) <= last:
                found.add(w)
        without = self._without
        # (a word whose first two letters no group word of its ends shares can be a slip only in its second)
        upto = last if n in self._ends2.get(word[:2] + word[-2:], ()) else 1
        for i in range(1, upto + 1):
            shorter = word[:i] + word[i + 1 :]
            if shorter in self._words:  # a letter too many
                found.add(shorter)
            for w in without.get(shorter, ()):  # one letter for another, or two swapped
                if len(w) == n and _slip(word, w, last):
                    found.add(w)
        # (the dictionary is asked last: most words are one slip from nothing)
        return found.pop() if len(found) == 1 and not is_known(word) else None


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _slip(typed: str, meant: str, last: int) -> bool:
    """Is ``typed`` ``meant`` (of the same length) with one letter confused or two neighbours swapped?"""
    p = _first_difference(typed, meant)
    if p > last:
        return False
    if typed[p + 1 :] == meant[p + 1 :]:
        a, b = typed[p], meant[p]
        return (a in _VOWELS and b in _VOWELS) or a + b in _CONFUSED
    return (
        p < last
        and typed[p] == meant[p + 1]
        and typed[p + 1] == meant[p]
        and typed[p + 2 :] == meant[p + 2 :]
    )  # (both swapped letters before the ending)
