"""The one table of look-alike characters: which Latin, Greek, digit and symbol characters stand for
which Cyrillic letters when people disguise Russian words ("xyй", "6лять", "Зapaбoтoк").

Both readers use it: :mod:`moderation.normalize` (tokens for the lexicons and the model; it also
tries the second readings in :data:`FOLD_ALT`) and :mod:`moderation.spam` (a one-character-per-
character view for its phrase patterns; it uses the letters of :data:`FOLD` that look like a
Cyrillic letter, see :func:`shape_table`). Every mapping is one character to one character, so
offsets never move.
"""

from __future__ import annotations

__all__ = [
    "EMOJI_LETTERS",
    "FOLD",
    "FOLD_ALT",
    "FOLD_UPPER",
    "NON_LOOKALIKE_LATIN",
    "SYMBOL_FOLD",
    "TO_LATIN",
    "shape_table",
]

# fmt: off
#: Latin/Greek/digit/symbol -> Cyrillic, used inside Cyrillic or mixed words (primary reading).
FOLD: dict[str, str] = {
    "a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "п", "o": "о", "p": "р", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "и", "v": "в", "w": "ш", "x": "х", "y": "у", "z": "з",
    "0": "о", "1": "и", "3": "з", "4": "ч", "6": "б", "8": "в", "9": "я",
    "@": "а", "$": "с", "!": "и", "|": "и",
    # Greek look-alikes
    "α": "а", "β": "в", "γ": "г", "δ": "д", "ε": "е", "η": "п", "ι": "и", "κ": "к", "λ": "л",
    "μ": "м", "ν": "в", "ο": "о", "π": "п", "ρ": "р", "σ": "с", "ς": "с", "τ": "т", "υ": "у",
    "φ": "ф", "χ": "х", "ω": "ш",
    # Small capitals and other phonetic letters (NFKC leaves them as they are)
    "ᴀ": "а", "ʙ": "в", "ᴄ": "с", "ᴅ": "д", "ᴇ": "е", "ᴋ": "к", "ᴍ": "м", "ʍ": "м", "ʜ": "н",
    "ᴏ": "о", "ᴘ": "р", "ᴩ": "р", "ᴛ": "т", "ᴜ": "и", "ᴧ": "л", "ᴨ": "п", "ɜ": "з", "ᴦ": "г",
    "ᴫ": "л", "ɪ": "и", "ᴎ": "и", "ᴙ": "я", "ᴚ": "я", "ʏ": "у",
    # Other Cyrillic alphabets
    "ё": "е", "і": "и", "ї": "и", "є": "е", "ў": "у", "ґ": "г", "ј": "й", "ѕ": "с",
}
#: Upper-case Latin letters whose *shape* says something else than their lower-case form does.
FOLD_UPPER: dict[str, str] = {"H": "н", "B": "в", "N": "и", "U": "и", "Y": "у"}
#: Second reading of ambiguous look-alikes (``r`` is also a hand-written ``г``, ``h`` an ``н``).
FOLD_ALT: dict[str, str] = {"u": "у", "n": "н", "r": "г", "h": "н", "1": "л", "!": "л", "|": "л", "b": "ь", "3": "е"}
#: Cyrillic letters that look like Latin ones: links are matched in Latin ("t.mе" with a Cyrillic е).
TO_LATIN: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i",
}
#: Signs that stand for a Cyrillic letter between two letters of a Cyrillic word («на€бали», «х×йня»); the
#: same sign next to a number or alone is itself («10€», «500 ₽», «© 2024»).
SYMBOL_FOLD: dict[str, str] = {
    "€": "е", "℮": "е", "∈": "е", "₽": "р", "®": "р", "©": "с", "¢": "с", "¥": "у", "×": "х",
    "∆": "д", "∏": "п", "⭕": "о",
}
# fmt: on


def _emoji_letters() -> dict[str, str]:
    """The emoji letters (🅰️ 🅱️ 🅾️ …, negative squared and negative circled capitals; NFKC leaves them as
    they are) → the Cyrillic letter their capital looks like. 🅱️ is «б», not the «в» of a capital B: the
    emoji stands for «б» in Russian writing («е🅱️ать», «🅱️ля»)."""
    out: dict[str, str] = {}
    for first in (0x1F150, 0x1F170):
        for k in range(26):
            latin = chr(ord("A") + k)
            out[chr(first + k)] = FOLD_UPPER.get(latin) or FOLD[latin.lower()]
    out["\U0001f151"] = out["\U0001f171"] = "б"
    return out


#: Emoji letters: the letter they stand for inside a Cyrillic word and at its edge («🅱️ля»).
EMOJI_LETTERS: dict[str, str] = _emoji_letters()

#: Latin letters that look like no Cyrillic letter: a word with one of them is a loanword ("smsки").
NON_LOOKALIKE_LATIN = frozenset("dfgijlqsvwz")
#: Digits that stand for a letter inside an otherwise mixed-script word ("pa6oтa").
_SHAPE_DIGITS = frozenset("0346")


def shape_table() -> dict[str, str]:
    """The look-alike letters of :data:`FOLD` that look like a Cyrillic letter, for a one-to-one view
    of lower-cased text (spam patterns): Latin letters except :data:`NON_LOOKALIKE_LATIN`, Greek,
    small capitals and the digits 0, 3, 4, 6. Letters that read differently in upper case
    (``H`` = н) are in :data:`FOLD_UPPER`, applied where the original case is known."""
    out: dict[str, str] = {}
    for ch, cyr in FOLD.items():
        if "a" <= ch <= "z":
            if ch not in NON_LOOKALIKE_LATIN:
                out[ch] = cyr
        elif ch.isdigit():
            if ch in _SHAPE_DIGITS:
                out[ch] = cyr
        elif ch.isalpha() and not ("\u0400" <= ch <= "\u04ff"):
            out[ch] = cyr
    return out
