"""Undo the tricks people use to slip past a word filter, while remembering where every word came from.

Russian comment writers hide words with Latin look-alikes (``xyй``), digits (``6лять``), split letters
(``п.и.з.д.е.ц``), masks (``бл**ь``) and stretched letters (``пиииздец``).  :func:`normalize` turns a
comment into lowercase Cyrillic tokens a lexicon and a char n-gram model can both use, and keeps, for
every token, the span of the *original* text it came from, so evidence quotes exactly what the user
wrote.  It is pure Python, never raises, and keeps a fast path for the common case of plain text.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from moderation.lookalikes import EMOJI_LETTERS, FOLD, FOLD_ALT, FOLD_UPPER, SYMBOL_FOLD

__all__ = [
    "COPULA_DASH",
    "QUESTION_END",
    "QUOTED",
    "QUOTE_CLOSING",
    "QUOTE_OPENING",
    "QUOTE_PAIRS",
    "Normalized",
    "Token",
    "normalize",
    "quote_open",
    "spelled_out",
    "squeeze_doubles",
]


class Token(NamedTuple):
    """One word of a comment.

    ``text`` is the normalised form (lowercase; Cyrillic inside Cyrillic or mixed words; masked chars
    are ``*``).  ``original[start:end]`` is what the user wrote, including any separators that were
    joined into this word.  ``alt`` holds other plausible readings the matcher should also try (e.g.
    ``@`` read as a mask instead of ``а``, or a Latin word read as transliterated Russian); it never
    feeds the n-gram text.

    A named tuple (it was a frozen dataclass): normalize makes one per word, ~400k a pass over the
    14.4k texts, and everything downstream reads their fields; a tuple is built in one C call and its
    fields read faster than a dataclass's instance dict.
    """

    text: str
    start: int
    end: int
    masked: bool
    alt: tuple[str, ...] = ()


_new_token = tuple.__new__


def _token(text: str, start: int, end: int, masked: bool, alt: tuple[str, ...]) -> Token:
    """Build a Token without the generated ``__new__`` (a Python frame): hot path."""
    return _new_token(Token, (text, start, end, masked, alt))


@dataclass(frozen=True)
class Normalized:
    """A normalised comment: the original, the tokens, and the tokens joined by single spaces."""

    original: str
    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The tokens' texts, one per token (the matcher, the analyser and the judge's checks all read
        them; split once per text)."""
        words = self.text.split(" ")
        if len(words) != len(self.tokens):  # defensive: normalize never puts spaces inside a token
            words = [t.text for t in self.tokens]
        return tuple(words)

    def token_at(self, pos: int) -> int | None:
        """The first token whose characters of the original text hold ``pos`` or end just before it (a
        lexicon hit's or an evidence's start), or None."""
        return next((i for i, t in enumerate(self.tokens) if t.start <= pos < t.end + 1), None)

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and the last token of ``text[start:end]`` (a match in the tokens joined by spaces), or
        None when the slice does not begin at a token (defensive: a token never holds a space)."""
        first = self.text.count(" ", 0, start)
        last = first + self.text.count(" ", start, end)
        words = self.words
        if last >= len(words) or words[first] != self.text[start:end].partition(" ")[0]:
            return None
        return first, last

    @cached_property
    def token_at_start(self) -> dict[int, int]:
        """Each token's index by where it starts in the original text (the readers that map a regex match of the
        original text to its token share one map per text)."""
        return {t.start: i for i, t in enumerate(self.tokens)}

    def opens_sentence(self, k: int) -> bool:
        """Does token ``k`` open a sentence, as :attr:`sentences` numbers them (without numbering them all)?"""
        toks = self.tokens
        return not k or _SENTENCE_BREAK.search(self.original, toks[k - 1].end, toks[k].start) is not None

    @cached_property
    def sentences(self) -> tuple[int, ...]:
        """The sentence number of each token: a new sentence starts after «.», «!», «?», «;», «…» or a
        line break between two tokens (the judge's checks ask whether two words share a sentence)."""
        toks = self.tokens
        orig = self.original
        out: list[int] = []
        n = 0
        for k, t in enumerate(toks):
            if k and _SENTENCE_BREAK.search(orig, toks[k - 1].end, t.start):
                n += 1
            out.append(n)
        return tuple(out)


#: What ends a sentence between two tokens (``Normalized.sentences``).
_SENTENCE_BREAK = re.compile(r"[.!?;\n…]")


# --------------------------------------------------------------------------------------------------
# Character tables

#: Each opening quotation mark and the mark that closes it (the judge's readers of titles and of quoted
#: words share it).
QUOTE_PAIRS = {"«": "»", '"': '"', "„": "“", "“": "”"}


def quote_open(segment: str) -> bool:
    """Does a quotation opened in ``segment`` stay open at its end? Each opening mark waits for its own
    closing one (:data:`QUOTE_PAIRS`: «…», „…“, “…”, "…"); marks inside an open quotation are its text."""
    opened = None
    for m in QUOTE_MARK.finditer(segment):
        mark = m.group()
        if opened is None:
            opened = mark if mark in QUOTE_PAIRS else None
        elif mark == QUOTE_PAIRS[opened]:
            opened = None
    return opened is not None


#: any quotation mark, opening or closing (:data:`QUOTE_PAIRS`)
QUOTE_MARK = re.compile("[" + "".join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values()))) + "]")
#: a mark that opens a quotation, and one that closes it (:data:`QUOTE_PAIRS`)
QUOTE_OPENING = re.compile("[" + "".join(sorted(QUOTE_PAIRS)) + "]")
QUOTE_CLOSING = re.compile("[" + "".join(sorted(set(QUOTE_PAIRS.values()))) + "]")
#: A text that ends with a question (emoji, brackets and spaces after the «?» aside)
QUESTION_END = re.compile(r"\?[\W_]*$")
#: A whole quotation, its marks included («…», "…", “…”, „…“ or „…”)
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]")
#: a dash that stands for the copula («сосед — алкаш», «кто придумал — идиот»): an en or em dash, or a
#: hyphen with spaces round it (not the hyphen inside «кто-то»)
COPULA_DASH = re.compile(r"\s-\s|[—–]")

#: Characters that need no Unicode work (ASCII printable, whitespace, basic Cyrillic incl. Ёё).
_NEEDS_SLOW = re.compile(r"[^\t\n\r\x20-\x7e\u0401\u0410-\u044f\u0451]")

# The look-alike tables are shared with the spam detector (moderation/lookalikes.py).
_FOLD = FOLD
_FOLD_UPPER = FOLD_UPPER
_FOLD_ALT = FOLD_ALT
#: Characters with two plausible readings: the matcher also tries them as a wildcard (``Token.alt``).
_AMBIGUOUS = frozenset(_FOLD_ALT) | frozenset("@$!|")
#: Single symbols that stand for a letter; in runs (``@#``) or other symbols they are masks.
_LOOKALIKE_SYMBOLS = frozenset("@$!|")
_MASK_SYMBOLS = frozenset("*#$%@!|&.")
_MAPPED_DIGITS = frozenset("0134689")


def _inner_pair(w: str, k: int) -> bool:
    """Are ``w[k]`` and ``w[k + 1]`` two look-alike digits inside a Cyrillic word — two letters before
    them, letters after (not one house letter: «Ленина10а», «дом10б» are addresses)?"""
    rest = w[k + 2 :]
    return (
        1 < k
        and w[k + 1] in _MAPPED_DIGITS
        and _is_cyr(w[k - 1])
        and _is_cyr(w[k - 2])
        and bool(rest)
        and all(_is_cyr(c) for c in rest)
        and not (len(rest) == 1 and rest in _HOUSE_LETTERS)
    )


#: letters after a house number («10а», «12б», «5к»)
_HOUSE_LETTERS = frozenset("абвгдек")
_CYR_VOWELS = frozenset("аеёиоуыэюя")
_CYR_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
#: Russian one-letter words: three of them in a row ("и я с ...") are not a spelled-out word.
_ONE_LETTER_WORDS = frozenset("авиксоуя")
#: Short words often glued to an ellipsis ("ну...да", "вот...и"): dots next to them are punctuation.
_ELLIPSIS_WORDS = frozenset(
    "ну да нет и а но вот так это как что не ни же там тут он она они мы вы ты я".split()
)
#: Short unit/ending suffixes after numbers ("10км", "2х", "1ый"): these keep their digits.
_UNITS = frozenset(
    "км м кг г гг р руб т шт х й я е го му ми ти ом ем ой ые ый ий ая ое ю к тыс млн млрд лет год мин "
    "ч с см мм л га кв д ка ку ки ке кой мб гб кб тб гц вт квт ст п н".split()
)

# fmt: off
# Latin words read as transliterated Russian (only offered as ``alt``; the Latin text stays).
_TRANSLIT_MULTI = re.compile(r"shch|sch|sh|ch|zh|kh|ts|tz|ya|ja|yu|ju|yo|jo|ye|je|ck|ph")
_TRANSLIT_MULTI_MAP = {
    "shch": "щ", "sch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "tz": "ц",
    "ya": "я", "ja": "я", "yu": "ю", "ju": "ю", "yo": "е", "jo": "е", "ye": "е", "je": "е",
    "ck": "к", "ph": "ф",
}
_TRANSLIT_ONE = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "х", "z": "з", "'": "ь",
    "0": "о", "1": "и", "3": "з", "4": "ч", "6": "б", "9": "я", "@": "а", "$": "с",
}
_VISUAL_ONE = {
    "a": "а", "b": "ь", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "n": "п", "o": "о",
    "p": "р", "r": "г", "t": "т", "u": "и", "x": "х", "y": "у",
    "0": "о", "3": "з", "4": "ч", "6": "б", "9": "я", "@": "а", "$": "с",
}

# fmt: on

# --------------------------------------------------------------------------------------------------
# Regexes (precompiled once)

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»]+"
    r"|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+"
    r"|(?<![\w.@-])[a-z0-9а-я][a-z0-9а-я-]*(?:\.[a-z0-9а-я-]+)*"
    r"\.(?:ru|com|net|org|рф|su|info|me|io|ly|cc|biz|pro|online|site|xyz|club|shop|top|link|ws)"
    r"(?![\w-])(?:/[^\s<>\"'«»]*)?"
)
_URL_TRAIL = ".,!?;:)]}»\"'"
#: A run of >=3 single letters split by one consistent separator: "х у й", "п.и.з.д.е.ц", "б-л-я-т-ь".
_JOIN = re.compile(
    r"(?<![\w*#$%@!|&])([^\W_])((?:[ \t]*[.\-_*·•+~/\\][ \t]*)|[ \t]+)(?:[^\W_]\2)+[^\W_](?![\w*#$%@|&])"
)
#: What may split letters spelled out (:data:`_JOIN_HINT`).
_SPELL_SEP = r"[ \t.\-_*·•+~/\\]"
#: Cheap test whether _JOIN can match at all (three single chars with separators). It opens with the
#: separator after the first letter, looking behind for that letter and for no other before it: a pattern
#: that opens with a character class is scanned for in C from separator to separator, one that opens with
#: a lookbehind is tried at every position (40 % slower).
_JOIN_HINT = re.compile(
    rf"{_SPELL_SEP}(?<=[^\W_]{_SPELL_SEP})(?<![^\W_]{{2}}{_SPELL_SEP}){_SPELL_SEP}*[^\W_]{_SPELL_SEP}+[^\W_](?![^\W_])"
)
#: Three or more syllables of one to three letters joined by hyphens: a word split to pass a filter
#: («ар-мя-не», «про-ва-ли-вай-те»); Russian's own hyphenated words have two parts («кто-то», «по-русски»).
_SYLLABLES = re.compile(r"(?<![\w-])[а-яё]{1,3}(?:-[а-яё]{1,3}){2,}(?![\w-])")
#: Cheap test whether _SYLLABLES can match at all: a middle syllable between two hyphens (a pattern that opens with
#: a literal is scanned for in C; one that opens with a lookbehind is tried at every position)
_SYLLABLES_HINT = re.compile(r"-[а-яё]{1,3}-")
#: A letter or two in brackets inside a word: "хо(х)лы", "п(и)дор" — the brackets hide nothing.
_BRACKETED = re.compile(r"(?<![^\W_])([а-яё]{1,12})\(([а-яё]{1,2})\)([а-яё]{1,12})(?![^\W_])")
#: "3.14" glued to letters reads "пи" (a pun that hides мат: «3.14здец», «3.14дорас»).
_PI = re.compile(r"(?<![\w.,])3[.,]14([а-яё]{2,20})(?![^\W_])")
#: Cheap test whether _URL can match at all.
_URL_HINT = re.compile(
    r"://|www\.|@|\.(?:ru|com|net|org|рф|su|info|me|io|ly|cc|biz|pro|online|site|xyz|club|shop|top|link|ws)\b"
)
#: A word: letters/digits, possibly masked inside (``х*й``, ``нае...ли``), possibly ending in ``@`` (``сук@``).
#: Group "plain" when it is only lowercase Cyrillic (no digits, Latin or masks): the fast path.
_WORD_OR_PLAIN = re.compile(
    r"(?P<plain>[а-яё]+)(?![^\W_]|(?:[*#$%@!|&]+|\.+)[^\W_]|@(?![\w@]))"
    r"|(?P<other>[^\W_]+(?:(?:[*#$%@!|&]+|\.+)[^\W_]+)*(?:@(?![\w@]))?)"
)
_SYMRUN = re.compile(r"[*#$%@!|&]+|\.+")
#: VK mention markup "[id123|Имя]": the id is one raw token, the name a normal word.
_MENTION = re.compile(r"\[((?:id|club|public|event)\d+)\|")
_CYR_WORD = re.compile(r"[а-яё]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_LATIN_LETTERS = re.compile(r"[a-z]")
_TRIPLE = re.compile(r"([^\W\d_])\1{2,}")
#: Fast test for any triple letter in a text (the general _TRIPLE is 4x slower to scan with).
_TRIPLE_HINT = re.compile(r"([а-яёa-z])\1\1")
_DOUBLE = re.compile(r"([а-яa-z])\1")  # normalised text: explicit class is 2x faster than \w tricks
_EDGE_DIGITS = re.compile(r"(\d+)([а-яё]+)|([а-яё]+)(\d+)")


#: The replacement of both: a callable, because ``re.sub`` expands a template such as ``r"\1"`` in
#: Python code on every call (3x slower on a short word).
_FIRST_GROUP = operator.methodcaller("group", 1)


def squeeze_doubles(word: str) -> str:
    """``word`` with every doubled letter written once ("дуррак" -> "дурак"); the matcher's 2nd try."""
    return _DOUBLE.sub(_FIRST_GROUP, word)


def _squeeze(word: str) -> str:
    """Runs of >=3 equal letters become one ("пииииздец" -> "пиздец"); legit doubles ("ссора") stay."""
    return _TRIPLE.sub(_FIRST_GROUP, word) if _TRIPLE.search(word) else word


# --------------------------------------------------------------------------------------------------
# Step 1: Unicode clean-up with an offset map


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _clean(text: str) -> tuple[str, list[int], list[int]]:
    """NFKC, drop format chars and decorative marks, keep й/ё; return chars and their original spans.

    Only called when the text has characters outside ASCII and basic Cyrillic.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def attach_mark(mark: str, i: int) -> None:
        # A combining mark belongs to the previous char: widen its span, compose й/ё, drop the rest.
        if not out:
            return
        ends[-1] = i + 1
        if mark == "\u0306" and out[-1] in "иИ":
            out[-1] = "й" if out[-1] == "и" else "Й"
        elif mark == "\u0308" and out[-1] in "еЕ":
            out[-1] = "ё" if out[-1] == "е" else "Ё"

    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 0x80 or 0x410 <= o <= 0x44F or o == 0x401 or o == 0x451:
            if (o < 0x20 and ch not in "\t\n\r") or o == 0x7F:
                ch = " "
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            continue
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        if cat[0] == "M":
            attach_mark(ch, i)
            continue
        if cat[0] in "CZ":  # control, surrogate, private, unassigned, separators
            out.append("\n" if cat in ("Zl", "Zp") else " ")
            starts.append(i)
            ends.append(i + 1)
            continue
        norm = unicodedata.normalize("NFKC", ch)
        for c in norm:
            if _is_mark(c):
                attach_mark(c, i)
                continue
            if c not in "йЙёЁ" and not c.isascii():
                dec = unicodedata.normalize("NFD", c)
                if len(dec) > 1 and dec[0].isalpha() and all(_is_mark(x) for x in dec[1:]):
                    c = dec[0]  # á -> a, ó -> o: accents are decoration here
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), starts, ends


#: A run of non-ASCII symbols glued to a Cyrillic letter («пи🌸да», «на€бали», «🅱️ля», but also «спасибо🔥»
#: and ««слово»»): the cheap test before :func:`_symbols_in_words` looks at the run.
_GLUED_SYMBOLS = re.compile(r"(?<=[а-яёА-ЯЁ])[^\w\s\x00-\x7f]+|[^\w\s\x00-\x7f]+(?=[а-яёА-ЯЁ])")
#: a symbol run inside a word hides one of its letters when the word is short: one side of it holds at
#: most this many letters, both together at most _MASKED_WORD («пи🌸да», «с💩ка»; not «спасибо🔥красота»)
_MASK_PIECE = 3
#: what may mask a letter: emoji and other pictographs (So, with their skin-tone modifiers, Sk) and
#: currency signs (Sc); not punctuation (quotes, dashes) nor a math sign («кВт⋅ч»)
_PICTURE_CATEGORIES = frozenset(("So", "Sk", "Sc"))
_MASKED_WORD = 10


def _symbols_in_words(cleaned: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Read symbols written inside a Cyrillic word as what they hide: a sign that looks like a letter as
    that letter («на€бали», «е🅱️аные»; an emoji letter also at the word's edge: «🅱️ля»), any other emoji,
    pictograph or currency sign between two letters of a short word as a mask, one ``*`` for the whole run
    («пи🌸да», «х🍆ёво», «с💩ка»; one between every letter, «б🔥л🔥я🔥д🔥и», is then a separator the letter
    joiner reads like «б*л*я*д*и»). The run keeps its span of the original text. An emoji after a word
    («спасибо🔥», «улица🌸 красивая»), between two long words («спасибо🔥красота») or before a capital
    («Спасибо😊Мы») stays a separator, and a sign by a number («10€», «500₽») stays itself."""
    edits: list[tuple[int, int, str]] = []
    for m in _GLUED_SYMBOLS.finditer(cleaned):
        s, e = m.span()
        run = m.group()
        left = cleaned[s - 1] if s else ""
        right = cleaned[e] if e < len(cleaned) else ""
        lcyr, rcyr = _is_cyr_letter(left), _is_cyr_letter(right)
        letter = EMOJI_LETTERS.get(run)
        if letter and (lcyr or rcyr) and (lcyr or not left.isalnum()) and (rcyr or not right.isalnum()):
            edits.append((s, e, letter))
        elif not (lcyr and rcyr):
            continue
        elif run in SYMBOL_FOLD:
            edits.append((s, e, SYMBOL_FOLD[run]))
        elif _pictures(run) and _one_masked_word(cleaned, s, e):
            edits.append((s, e, "*"))
    if not edits:
        return cleaned, starts, ends
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for s, e, repl in edits:
        chars.append(cleaned[pos:s])
        new_starts.extend(starts[pos:s])
        new_ends.extend(ends[pos:s])
        chars.append(repl)
        new_starts.append(starts[s])
        new_ends.append(ends[e - 1])
        pos = e
    chars.append(cleaned[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(chars), new_starts, new_ends


def _is_cyr_letter(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff" and c.isalpha()


def _pictures(run: str) -> bool:
    """Is ``run`` emoji, pictographs or currency signs only (what may mask a letter)?"""
    return all(unicodedata.category(c) in _PICTURE_CATEGORIES for c in run)


def _one_masked_word(cleaned: str, s: int, e: int) -> bool:
    """Are the Cyrillic letters round ``cleaned[s:e]`` one short word the run masks a letter of — one side
    at most _MASK_PIECE letters, both at most _MASKED_WORD, not two short words that stand alone (the
    ellipsis rule's «ну», «да», «ты»), and no capital after a small letter (a new sentence: «Спасибо😊Мы»)?"""
    a = s
    while a > 0 and _is_cyr_letter(cleaned[a - 1]):
        a -= 1
    b = e
    while b < len(cleaned) and _is_cyr_letter(cleaned[b]):
        b += 1
    left, right = s - a, b - e
    if min(left, right) > _MASK_PIECE or left + right > _MASKED_WORD:
        return False
    if cleaned[a:s].lower() in _ELLIPSIS_WORDS and cleaned[e:b].lower() in _ELLIPSIS_WORDS:
        return False  # two short words of their own: «ну😂ты», «ДА🔥ДА»
    return not (cleaned[e].isupper() and cleaned[s - 1].islower())


def _lower(cleaned: str) -> str:
    """Lowercase without changing the length (so the offset map stays valid)."""
    low = cleaned.lower()
    if len(low) == len(cleaned):
        return low
    return "".join((c.lower() or c)[0] for c in cleaned)


# --------------------------------------------------------------------------------------------------
# Step 2: words


def _is_cyr(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def _translit(word: str, visual: bool) -> str:
    """Read a Latin word as Russian: phonetic ("pizdec" -> "пиздец") or by shape ("cyka" -> "сука")."""
    if visual:
        return "".join(_VISUAL_ONE.get(c) or _TRANSLIT_ONE.get(c, c) for c in word)
    word = _TRANSLIT_MULTI.sub(lambda m: _TRANSLIT_MULTI_MAP[m.group(0)], word)
    out: list[str] = []
    for c in word:
        if c == "y":
            out.append("й" if out and out[-1] in _CYR_VOWELS else "ы")
        else:
            out.append(_TRANSLIT_ONE.get(c, c))
    return "".join(out)


def _latin_alts(word: str) -> tuple[str, ...]:
    """Russian readings of an all-Latin word (matcher-only; the token text stays Latin)."""
    if not (3 <= len(word) <= 24) or not _LATIN_LETTERS.search(word) or word.isdigit():
        return ()
    alts: list[str] = []
    for visual in (False, True):
        cand = _squeeze(_translit(word, visual))
        if cand != word and cand not in alts and all(_is_cyr(c) for c in cand):
            alts.append(cand)
    if alts and _VOWEL_I.search(alts[0]):
        # «nahui», «huinya», «kakoi»: «i» after a vowel is how «й» is often spelt
        alts.append(_VOWEL_I.sub(lambda m: m.group(1) + "й", alts[0]))
    return tuple(alts)


#: a phonetic reading's «и» after a vowel, before a consonant or at the end («нахуи» → «нахуй»)
_VOWEL_I = re.compile(r"([аеёиоуыэюя])и(?![аеёиоуыэюя])")


class _Builder:
    """Turns word spans of the cleaned text into tokens; holds the offset map."""

    __slots__ = ("cleaned", "low", "starts", "ends", "tokens")

    def __init__(self, cleaned: str, low: str, starts: list[int] | None, ends: list[int] | None) -> None:
        self.cleaned = cleaned
        self.low = low
        self.starts = starts
        self.ends = ends
        self.tokens: list[Token] = []

    def _span(self, first: int, last: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return first, last + 1
        return self.starts[first], self.ends[last]

    def emit(self, idx: list[int], text: str, masked: bool = False, alt: tuple[str, ...] = ()) -> None:
        if not text:
            return
        start, end = self._span(idx[0], idx[-1])
        if alt:
            alt = tuple(a for a in alt if a and a != text)
        self.tokens.append(_token(text, start, end, masked, alt))

    def raw(self, a: int, b: int) -> None:
        """A URL/e-mail: kept as written (lowercased), one token."""
        self.emit(list(range(a, b)), self.low[a:b])

    def word(self, idx: list[int]) -> None:
        """One word found by the tokenizer (contiguous) or the letter joiner (separators skipped)."""
        low = self.low
        w = "".join(low[i] for i in idx)
        if _CYR_WORD.fullmatch(w):  # fast path: plain Cyrillic
            if "ё" in w:
                w = w.replace("ё", "е")
            self.emit(idx, _squeeze(w))
            return
        if _ASCII_WORD.fullmatch(w):  # plain Latin word or number: untouched
            self.emit(idx, w, alt=_latin_alts(w))
            return
        self._general(idx, w)

    def _general(self, idx: list[int], w: str) -> None:
        # Split at symbol runs that are punctuation rather than masks ("спасибо!Отлично", "ну...короче").
        pieces: list[tuple[int, int]] = []
        a = 0
        prev_end = 0
        after = self.cleaned[idx[-1] + 1] if idx[-1] + 1 < len(self.cleaned) else ""
        for m in _SYMRUN.finditer(w):
            j = m.end()
            while j < len(w) and not _SYMRUN.match(w, j):
                j += 1
            lw, rw = w[prev_end : m.start()], w[m.end() : j]
            left, right = len(lw), len(rw)
            run = m.group(0)
            nxt = self.cleaned[idx[m.end()]] if m.end() < len(idx) else ""
            lcyr, rcyr = any(_is_cyr(c) for c in lw), any(_is_cyr(c) for c in rw)
            if run[0] == ".":
                # one dot inside a short word hides or breaks up a letter ("х.я", "б.лять", "д.бил");
                # before a capital or a long word it ends a sentence or an abbreviation ("ул.Мира")
                if len(run) == 1:
                    split = (
                        max(left, right) > 4
                        or nxt.isupper()
                        or (max(left, right) <= 2 and after == ".")  # "т.д.", "т.е.", "и.о."
                        or not (lcyr and rcyr)
                        or (lw in _ELLIPSIS_WORDS and rw in _ELLIPSIS_WORDS)
                    )
                else:
                    split = (
                        max(left, right) > 4
                        or not (lcyr or rcyr)
                        or lw in _ELLIPSIS_WORDS
                        or rw in _ELLIPSIS_WORDS
                    )
            else:
                split = (left >= 5 and right >= 5) or (
                    "!" in run and (nxt.isupper() or (left >= 4 and right >= 4))
                )
            # a change of script at the symbol: "id123|анна", "hello!привет"
            split = split or (right >= 2 and left >= 2 and lcyr != rcyr)
            if split:
                pieces.append((a, m.start()))
                a = m.end()
            prev_end = m.end()
        pieces.append((a, len(w)))
        for p0, p1 in pieces:
            if p1 > p0:
                self._piece(idx[p0:p1], w[p0:p1])

    def _piece(self, idx: list[int], w: str) -> None:
        if not any(_is_cyr(c) for c in w):
            self._foreign(idx, w)
            return
        # Numbers glued to words: "10км", "2023г", "ковид19" keep their digits as a separate token.
        m = _EDGE_DIGITS.fullmatch(w)
        if m:
            digits, letters = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            unit = m.group(1) is not None and letters.replace("ё", "е") in _UNITS  # «2х», «1ый» (not «ё6»)
            if len(digits) >= 2 or unit or not set(digits) <= _MAPPED_DIGITS:
                cut = len(m.group(1)) if m.group(1) else len(m.group(3))
                self.word(idx[:cut])
                self.word(idx[cut:])
                return
        # Unmapped digits (2, 5, 7 ...) and runs of digits break the word — but not a pair of look-alike
        # digits between Cyrillic letters («ид10т», «т10п»: «ио»), which no number is written as.
        for k, c in enumerate(w):
            if c.isdigit() and (
                c not in _MAPPED_DIGITS or (k + 1 < len(w) and w[k + 1].isdigit() and not _inner_pair(w, k))
            ):
                j = k
                while j < len(w) and w[j].isdigit():
                    j += 1
                if k:
                    self._piece(idx[:k], w[:k])
                self.emit(idx[k:j], w[k:j])
                if j + 1 < len(w) and w[j] in "хx" and w[j + 1].isdigit():
                    self.emit(idx[j : j + 1], "х")  # «2х1м», «3x4»: a size, the х a times sign
                    j += 1
                if j < len(w):
                    self._piece(idx[j:], w[j:])
                return
        self._fold(idx, w)

    def _foreign(self, idx: list[int], w: str) -> None:
        """A word without Cyrillic: keep it (symbols become '*'), offer a transliterated reading."""
        text = _SYMRUN.sub(lambda m: "*" * len(m.group(0)), w)
        alts: tuple[str, ...] = ()
        if text.isascii() and "*" not in text:
            alts = _latin_alts(text)
        elif (
            text.isascii()
            and all(c == "*" or c in _VISUAL_ONE for c in text)
            and len(text) - text.count("*") >= 3
            and len(_SYMRUN.findall(w)) == 1
        ):
            # «x**coc», «cy*a»: Latin look-alikes of Cyrillic letters round one mask, read by their shape (not
            # «c**k», «x*x*x»: too few letters, or masks all over, fit a slur by chance)
            alts = ("".join(_VISUAL_ONE.get(c, c) for c in text),)
        self.emit(idx, text, masked="*" in text, alt=alts)

    def _fold(self, idx: list[int], w: str) -> None:
        """Fold look-alikes in a Cyrillic/mixed word; masks become '*'."""
        cleaned = self.cleaned
        prim: list[str] = []
        sec: list[str] = []
        mask: list[str] = []
        changed = False
        n = len(w)
        k = 0
        while k < n:
            c = w[k]
            if c in _MASK_SYMBOLS:
                j = k
                while j < n and w[j] in _MASK_SYMBOLS:
                    j += 1
                run = w[k:j]
                if run[0] == ".":
                    # one dot: a hidden letter ("х.я") or an inserted one ("б.лять"); more dots hide an
                    # unknown number of letters ("нае...ли", "с..ка") — or none: an ellipsis drawn out
                    # inside a word only breaks it up ("ЗАЕ...БАЛИ", "Ху...ево"). The second candidate
                    # keeps the reading without the hidden letters.
                    hidden = "*" if run == "." else "**"
                    prim.extend(hidden)
                    sec.append("")
                    mask.extend(hidden)
                    changed = True
                    k = j
                    continue
                if len(run) == 1 and c in _LOOKALIKE_SYMBOLS:
                    prim.append(_FOLD[c])
                    sec.append(_FOLD_ALT.get(c, "*"))
                elif run == "*":
                    # one star: a hidden letter, or one put in to break the word up (an emoji read as a
                    # star: «пи🌸дорас», «де*бил») — the second candidate reads it without the star
                    prim.append("*")
                    sec.append("")
                else:
                    prim.extend("*" * len(run))
                    sec.extend("*" * len(run))
                mask.extend("*" * len(run))
                changed = True
                k = j
                continue
            if _is_cyr(c):
                f = _FOLD.get(c, c)
                prim.append(f)
                sec.append(f)
                mask.append(f)
                k += 1
                continue
            orig = cleaned[idx[k]]
            f = _FOLD_UPPER.get(orig) or _FOLD.get(c)
            if c == "b" and orig == "b":
                # lower-case b after a consonant at a word end or before a vowel reads as ь
                prev = prim[-1] if prim else ""
                nxt = w[k + 1] if k + 1 < n else ""
                if prev in _CYR_CONSONANTS and (not nxt or _FOLD.get(nxt, nxt) in _CYR_VOWELS):
                    f = "ь"
            if f is None:
                f = c  # a letter of another script: keep it
            prim.append(f)
            if c == "3" and k == 0:  # a leading 3 is a з («3десь», «3Б»), the е of «ст3рва» only inside
                sec.append(f)
                mask.append(f)
            else:
                sec.append(_FOLD_ALT.get(c, f) if f != "ь" else "б")
                mask.append("*" if c in _AMBIGUOUS or f == c else f)
            changed = True
            k += 1
        text = _squeeze("".join(prim))
        alts: list[str] = []
        if changed:
            for cand in ("".join(sec), "".join(mask)):
                cand = _squeeze(cand)
                if cand != text and cand not in alts and sum(ch != "*" for ch in cand) >= 2:
                    alts.append(cand)
            alts = [a for a in alts if "*" not in a or "*" in text or a.count("*") <= 2]
        self.emit(idx, text, masked="*" in text, alt=tuple(alts))


def spelled_out(low: str) -> list[list[int]]:
    """Where ``low`` (lower-cased) spells words out letter by letter ("х у й", "п.и.з.д.е.ц",
    "д е н ь г и"): the indices of each such word's letters, in order.

    One rule for every reader: the normaliser builds tokens from these runs and the spam rules
    (:mod:`moderation.spam`) join the same runs to read their phrases in them.
    """
    if not _JOIN_HINT.search(low):
        return []
    out: list[list[int]] = []
    for m in _JOIN.finditer(low):
        idx = list(range(m.start(), m.end(), len(m.group(2)) + 1))
        if _join_ok("".join(low[i] for i in idx), m.group(2)):
            out.append(idx)
    return out


def _join_ok(letters: str, sep: str) -> bool:
    """Is this run of single letters a spelled-out word rather than a sentence of one-letter words?"""
    if not any(_is_cyr(c) for c in letters):
        return False
    if sep.strip():
        return True
    if any(c.isdigit() for c in letters):
        return False
    return len(letters) >= 4 or not set(letters) <= _ONE_LETTER_WORDS


# --------------------------------------------------------------------------------------------------
# Public entry point


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching; never raises for any ``str``."""
    if not isinstance(text, str):  # defensive: callers sometimes pass None from JSON
        text = "" if text is None else str(text)
    try:
        return _normalize(text)
    except Exception:  # pragma: no cover - last-resort guarantee, should never trigger
        return Normalized(text, "", ())


def _normalize(text: str) -> Normalized:
    if _NEEDS_SLOW.search(text):
        cleaned, starts, ends = _clean(text)
        if _GLUED_SYMBOLS.search(cleaned):  # «пи🌸да», «на€бали»: symbols inside a word
            cleaned, starts, ends = _symbols_in_words(cleaned, starts, ends)
        b = _Builder(cleaned, _lower(cleaned), starts, ends)
    else:
        b = _Builder(text, _lower(text), None, None)
    low = b.low

    # URLs, e-mails and VK mentions stay whole and untouched.
    blanks: list[tuple[int, int]] = []
    if "[" in low:
        for m in _MENTION.finditer(low):
            b.raw(m.start(1), m.end(1))
            blanks.append((m.start(), m.end()))
    low_u = _blank(low, blanks)
    if _URL_HINT.search(low_u):
        for m in _URL.finditer(low_u):
            s, e = m.start(), m.end()
            while e > s and low[e - 1] in _URL_TRAIL:
                e -= 1
            if e > s:
                b.raw(s, e)
                blanks.append((s, e))

    # Words the passes below build from pieces; each pass blanks what it took, so the next one and
    # the word loop do not read it again.
    scan = _blank(low, blanks)
    if "3.14" in scan or "3,14" in scan:  # "3.14" glued to letters: «пи»
        taken = []
        for m in _PI.finditer(scan):
            if m.group(1) in _UNITS:
                continue  # a price or a measure: "3.14руб"
            b.emit(list(range(m.start(), m.end())), _squeeze("пи" + m.group(1).replace("ё", "е")))
            taken.append(m.span())
        scan = _blank(scan, taken)
    if "(" in scan:  # letters in brackets inside a word: "хо(х)лы"
        taken = []
        for m in _BRACKETED.finditer(scan):
            b.word([*range(m.start(1), m.end(1)), *range(m.start(2), m.end(2)), *range(m.start(3), m.end(3))])
            taken.append(m.span())
        scan = _blank(scan, taken)
    spelled = spelled_out(scan)  # letters spelled out with separators ("х у й", "п.и.з.д.е.ц")
    if spelled:
        for idx in spelled:
            b.word(idx)
        scan = _blank(scan, [(idx[0], idx[-1] + 1) for idx in spelled])
    if "-" in scan and _SYLLABLES_HINT.search(scan):  # a word split into syllables by hyphens («ар-мя-не»)
        taken = []
        for m in _SYLLABLES.finditer(scan):
            parts = m.group().split("-")
            if len(set(parts)) == 1:
                continue  # «ха-ха-ха», «бла-бла-бла»: one syllable said again is laughter or filler
            b.word([k for k in range(m.start(), m.end()) if scan[k] != "-"])
            taken.append(m.span())
        scan = _blank(scan, taken)

    # Words.  Plain Cyrillic words (the vast majority) take a fast path; this loop is the hot spot.
    tokens = b.tokens
    unsorted = bool(tokens)  # URLs/joined words were added first
    has_yo = "ё" in scan
    has_triple = _TRIPLE_HINT.search(scan) is not None
    starts, ends = b.starts, b.ends
    append = tokens.append
    new = _new_token
    for m in _WORD_OR_PLAIN.finditer(scan):
        if m.lastgroup == "plain":
            s, e = m.span()
            w = m.group()
            if has_yo and "ё" in w:
                w = w.replace("ё", "е")
            if has_triple:
                w = _squeeze(w)
            if starts is not None and ends is not None:
                s, e = starts[s], ends[e - 1]
            append(new(Token, (w, s, e, False, ())))  # inlined _token(): token creation is the hot spot
        else:
            b.word(list(range(m.start(), m.end())))

    if unsorted:
        tokens.sort(key=_start)
    toks = tuple(tokens)
    return Normalized(text, " ".join([t.text for t in toks]), toks)


def _start(t: Token) -> int:
    return t.start


def _blank(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with the given spans replaced by spaces (length preserved)."""
    if not spans:
        return s
    parts: list[str] = []
    pos = 0
    for a, e in sorted(spans):
        parts.append(s[pos:a])
        parts.append(" " * (e - a))
        pos = e
    parts.append(s[pos:])
    return "".join(parts)
