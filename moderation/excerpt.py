"""What of a comment the judge reads: the whole text, condensed, and for a very long one its head, its
tail and its most suspicious windows — with a map back to the original, so evidence still quotes
exactly what the user wrote (``text[start:end] == quote``).

Why: the judge caps the text it reads so that one 100 KB paste cannot stall the daemon. A plain
"first N characters" cap is a hole: N spaces, newlines or zero-width characters, or N characters of
small talk, in front of an insult hide it. So, before any length limit:

* invisible characters (Unicode format characters — zero-width, bidi controls, soft hyphen, tags —,
  lone UTF-16 surrogates) are dropped, and Hangul/braille "blank letters" count as spaces;
* every run of whitespace becomes one character (a line break if the run had one);
* text inside a right-to-left override (U+202E … U+202C or the line's end) is read in the order it is
  *displayed* (``"\\u202eйух\\u202c"`` shows as «хуй»).

A text still longer than :data:`MAX_CHARS` is judged on its head, its tail and the windows with the
most lexicon and disguise signal, joined by line breaks (so no pattern spans two of them).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["MAX_CHARS", "Excerpt", "excerpt"]

#: Characters the judge reads at most per text (after condensing).
MAX_CHARS = 5000
#: Of those, the head and the tail of a long text; the rest goes to the densest windows.
HEAD_CHARS = 2000
TAIL_CHARS = 1000
WINDOW_CHARS = 500
#: What separates the pieces of a long text in the judged view (a sentence end for the patterns).
SEPARATOR = "\n"

# Unicode 14 format characters (category Cf), listed so no per-character lookup is needed.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_SURROGATES = "\ud800-\udfff"
_BLANK_LETTERS = "\u115f\u1160\u3164\uffa0\u2800"
_RLO, _PDF = "\u202e", "\u202c"
#: What a text that fits the limit needs condensing for: an override, a surrogate, a blank letter.
#: (Normalisation drops the other invisible characters itself, and without a limit a run of blanks
#: hides nothing.) One small character class: the common case costs about 1 µs.
_NEEDS_WORK = re.compile(f"[{_RLO}{_SURROGATES}{_BLANK_LETTERS}]")
#: One piece of work: an override span, a run of two or more blanks (invisible characters inside it
#: included), a lone blank letter, or a run of invisible characters.
_WORK = re.compile(
    rf"{_RLO}[^{_PDF}\n\r\u2029]*{_PDF}?"
    rf"|[\s{_BLANK_LETTERS}](?:[{_FORMAT}{_SURROGATES}]*[\s{_BLANK_LETTERS}])+"
    rf"|[{_BLANK_LETTERS}]"
    rf"|[{_FORMAT}{_SURROGATES}]+"
)
_INVISIBLE = re.compile(rf"[{_FORMAT}{_SURROGATES}]+")
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

#: A word for the density scan: letters with disguises glued in (masks, digits, Latin look-alikes).
_SCAN_WORD = re.compile(r"[^\W_][\w*@$#!|.]*[^\W_]|[^\W_]")
_CYRILLIC_WORD = re.compile(r"[а-яё]+")
_LINKISH = re.compile(r"https?:|www\.|t\.me|\.ru\b|\.com\b|@\w")


@dataclass(frozen=True, slots=True)
class _Seg:
    """judged[at : at + n] comes from original[src : src + n] (reversed: read backwards)."""

    at: int
    src: int
    n: int
    reverse: bool = False

    def source(self, k: int) -> int:
        """Original index of judged index ``at + k``."""
        return self.src + (self.n - 1 - k if self.reverse else k)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The judged view of one text. ``segments`` is None when the view *is* the original."""

    original: str
    text: str
    segments: tuple[_Seg, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering judged ``[start, end)`` (separators map to nothing)."""
        if self.segments is None:
            return start, end
        segs = self.segments
        i = max(bisect.bisect_right(_SegStarts(segs), start) - 1, 0)
        lo, hi = None, None
        while i < len(segs) and segs[i].at < end:
            s = segs[i]
            a, b = max(start, s.at), min(end, s.at + s.n)
            if a < b:
                x, y = s.source(a - s.at), s.source(b - 1 - s.at)
                x, y = min(x, y), max(x, y) + 1
                lo = x if lo is None else min(lo, x)
                hi = y if hi is None else max(hi, y)
            i += 1
        if lo is None or hi is None:
            return 0, 0
        return lo, hi

    def quote(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.span(start, end)
        return s, e, self.original[s:e]


class _SegStarts:
    """A sequence view of segment starts, for bisect (no list copy per lookup)."""

    __slots__ = ("segs",)

    def __init__(self, segs: tuple[_Seg, ...]) -> None:
        self.segs = segs

    def __len__(self) -> int:
        return len(self.segs)

    def __getitem__(self, i: int) -> int:
        return self.segs[i].at


def excerpt(text: str, suspicion: Callable[[str], int] | None = None) -> Excerpt:
    """The view of ``text`` the judge reads (see the module docstring). Never raises for a ``str``.

    A text within :data:`MAX_CHARS` without overrides, surrogates or blank letters is its own view.

    ``suspicion(word)`` weighs a lower-cased Cyrillic word for the density scan of long texts
    (the lexicon's weights); without it only disguised words and links count.
    """
    if len(text) <= MAX_CHARS and not _NEEDS_WORK.search(text):
        return Excerpt(text, text)
    view, segs = _condense(text)
    if len(view) > MAX_CHARS:
        view, segs = _select(view, segs, suspicion)
    return Excerpt(text, view, tuple(segs))


def _condense(text: str) -> tuple[str, list[_Seg]]:
    parts: list[str] = []
    segs: list[_Seg] = []
    at = 0

    def keep(src: int, piece: str, reverse: bool = False) -> None:
        nonlocal at
        if piece:
            parts.append(piece)
            segs.append(_Seg(at, src, len(piece), reverse))
            at += len(piece)

    pos = 0
    for m in _WORK.finditer(text):
        s, e = m.span()
        keep(pos, text[pos:s])
        run = m.group()
        if run[0] == _RLO:
            inner = run[1:-1] if run.endswith(_PDF) else run[1:]
            # displayed right to left: read it backwards, char by char, without its invisible marks
            base = s + 1
            chunk: list[tuple[int, str]] = [
                (base + k, ch) for k, ch in enumerate(inner) if not _INVISIBLE.match(ch)
            ]
            for src, ch in reversed(chunk):
                parts.append(ch)
                segs.append(_Seg(at, src, 1))
                at += 1
        elif _INVISIBLE.fullmatch(run):
            pass  # zero-width, bidi controls, surrogates: gone
        else:
            # a run of blanks (maybe with invisible characters inside): one space or one line break
            keep(s, "\n" if _LINE_BREAK.search(run) else " ")
        pos = e
    keep(pos, text[pos:])
    return "".join(parts), _merge(segs)


def _merge(segs: list[_Seg]) -> list[_Seg]:
    """Adjacent forward segments that continue each other become one (fewer to search)."""
    out: list[_Seg] = []
    for s in segs:
        if out:
            p = out[-1]
            if not p.reverse and not s.reverse and p.at + p.n == s.at and p.src + p.n == s.src:
                out[-1] = _Seg(p.at, p.src, p.n + s.n)
                continue
        out.append(s)
    return out


def _select(view: str, segs: list[_Seg], suspicion: Callable[[str], int] | None) -> tuple[str, list[_Seg]]:
    """Head, tail and the densest windows of a long condensed text, as a new view and map."""
    n = len(view)
    head = (0, _snap(view, HEAD_CHARS, forward=True))
    tail = (_snap(view, n - TAIL_CHARS, forward=False), n)
    ranges = [head, tail]
    budget = MAX_CHARS - HEAD_CHARS - TAIL_CHARS
    for a, b in _dense_windows(view, head[1], tail[0], suspicion):
        if budget < b - a:
            break
        ranges.append((a, b))
        budget -= b - a
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    condensed = Excerpt("", view, tuple(segs))
    parts: list[str] = []
    out: list[_Seg] = []
    at = 0
    for k, (a, b) in enumerate(merged):
        if k:
            parts.append(SEPARATOR)
            at += len(SEPARATOR)
        parts.append(view[a:b])
        out.extend(_remap(condensed.segments or (), a, b, at))
        at += b - a
    return "".join(parts), out


def _remap(segs: tuple[_Seg, ...], a: int, b: int, at: int) -> list[_Seg]:
    """The condensed map's segments for view[a:b], shifted to start at ``at`` in the new view."""
    out: list[_Seg] = []
    i = max(bisect.bisect_right(_SegStarts(segs), a) - 1, 0)
    while i < len(segs) and segs[i].at < b:
        s = segs[i]
        x, y = max(a, s.at), min(b, s.at + s.n)
        if x < y:
            if s.reverse:
                # a reversed piece cut in the middle keeps its own order: map char by char
                out.extend(_Seg(at + (c - a), s.source(c - s.at), 1) for c in range(x, y))
            else:
                out.append(_Seg(at + (x - a), s.src + (x - s.at), y - x))
        i += 1
    return out


def _snap(view: str, i: int, *, forward: bool) -> int:
    """Move a cut to the nearest blank within 40 chars, so no word is cut in two."""
    i = max(0, min(i, len(view)))
    lo, hi = max(0, i - 40), min(len(view), i + 40)
    if forward:
        j = view.rfind(" ", lo, i)
        return i if j < 0 else j
    j = view.find(" ", i, hi)
    return i if j < 0 else j + 1


def _dense_windows(
    view: str, lo: int, hi: int, suspicion: Callable[[str], int] | None
) -> list[tuple[int, int]]:
    """Windows of the middle ``view[lo:hi]`` around its most suspicious words, densest first."""
    if hi - lo <= 0:
        return []
    low = view.lower()
    scored: list[tuple[int, int]] = []  # (position, weight)
    for m in _SCAN_WORD.finditer(low, lo, hi):
        w = m.group()
        weight = 0
        if _CYRILLIC_WORD.fullmatch(w):
            if suspicion is not None:
                weight = suspicion(w.replace("ё", "е"))
        elif _LINKISH.search(w) or _CYRILLIC_WORD.search(w):
            weight = 2  # a link, or a Cyrillic word with a disguise glued in ("х*й", "xyйня")
        if weight:
            scored.append((m.start(), weight))
    if not scored:
        return []
    # the weight inside each candidate window centred on a scored word (two pointers)
    half = WINDOW_CHARS // 2
    sums: list[tuple[int, int]] = []
    left = right = 0
    total = 0
    for pos, _w in scored:
        while right < len(scored) and scored[right][0] < pos + half:
            total += scored[right][1]
            right += 1
        while scored[left][0] < pos - half:
            total -= scored[left][1]
            left += 1
        sums.append((total, pos))
    sums.sort(key=lambda tp: (-tp[0], tp[1]))
    chosen: list[tuple[int, int]] = []
    for _total, pos in sums:
        a = _snap(view, max(lo, pos - half), forward=False) if pos - half > lo else lo
        b = _snap(view, min(hi, pos + half), forward=True) if pos + half < hi else hi
        if b <= a or any(a < y and x < b for x, y in chosen):
            continue
        chosen.append((a, b))
        if len(chosen) * WINDOW_CHARS >= MAX_CHARS - HEAD_CHARS - TAIL_CHARS:
            break
    return chosen
