"""Lexicon matching for clause 19: мат roots, insults, slurs by target group, threat/incitement patterns.

Why this shape:
  * мат is productive, so obscene words are found by *root* regexes anchored on morpheme boundaries
    (a root must start the word or follow a real prefix), not by substring search — "застрахуйте",
    "корабля", "тебя" stay clean.
  * Insults and slurs are lemmas.  Instead of lemmatizing every token at run time (10-150 µs per new
    word), each lemma is expanded ONCE at load time into all its forms with pymorphy3; matching is
    then a dict lookup per token, morphology-aware and fast.
  * Masked words (``х*й``, ``бл**ь``) are compared with the known forms through a wildcard regex.
  * Threats and incitement are small window patterns over those word sets (see lexicons/threats.txt).

Data files live in ``moderation/lexicons/*.txt``; their format is documented at the top of each file.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import operator
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from moderation import categories
from moderation.addressee import SECOND_PERSON
from moderation.categories import GROUP_NAMES_RU as TARGET_GROUPS_RU
from moderation.lemmatize import FUNCTION_LEMMAS, NAME_TAGS, VERBAL_POS, analyzer, is_function_word, parses
from moderation.normalize import COPULA_DASH, QUOTE_CLOSING, Normalized, Token, squeeze_doubles
from moderation.typos import OneSlip

__all__ = ["Hit", "Lexicon", "LexiconError", "default_lexicon", "written_in_disguise"]

LEXICON_DIR = Path(__file__).with_name("lexicons")
#: Categories the shipped lexicon reports (the registry's lexicon categories, in report order, which
#: is also the order of evidence when one token has several). Read at load time, so a category
#: registered later is known to lexicons loaded after it.
HIT_CATEGORIES: tuple[str, ...] = categories.lexicon_categories()
_NEGATIONS = frozenset(("не", "ни"))
#: the modals «не» makes a prohibition of, before or after the act: «не надо гнать», «гнать их не надо»,
#: «не стоит доверять» (the group analyser reads its refusals with the same set)
FORBID_MODALS = frozenset(("надо", "нужно", "стоит", "следует"))
_AFTER_NEGATORS = frozenset(("нельзя", "не"))
_FORBID_REACH = (
    6  # words after a verb where its «нельзя»/«не надо» may stand («выселять цыган из города нельзя»)
)
_SENTENCE_END = re.compile(r"[.!?;\n…()\[\]]")
_SENTENCE_END_RUN = re.compile(r"[.!?;\n…()\[\]]+")
_CLAUSE_END = re.compile(r"[.!?;\n…,:()\u2013\u2014-]")
_CYR_START = re.compile(r"[а-я*]")
_EMPTY: frozenset[str] = frozenset()
_ALT = operator.attrgetter("alt")
#: the middle finger, with or without a skin tone
_GESTURE = "\U0001f595"
_GESTURE_RE = re.compile("\U0001f595[\U0001f3fb-\U0001f3ff]?")
#: A short run of symbols between letters: a word the normaliser may have split (Lexicon._match_split).
_SPLIT_HINT = re.compile(r"[-.…?*#_'’`()/]{1,6}(?=[^\W\d_])")  # the letter before: a token must end there
_SPLIT_GAP = re.compile(r"[-.…?*#_'’`()/]+")
#: symbols that may stand for hidden letters (a hyphen does not; «…» is the phone's «...»)
_HIDING_GAP = re.compile(r"[.…?*#]+")
_CYR_WORD = re.compile(r"[а-я]+")
#: Three or more words of one to three letters in a row («на ху я нам»): a мат word may be split into
#: syllables there (:meth:`Lexicon._match_syllables`); one C-level scan of the normalised text
_SHORT_RUN = re.compile(r"(?:^| )((?:[а-я]{1,3} ){2,}[а-я]{1,3})(?= |$)")
_SYLLABLES_MAX = 6  # pieces a split мат word is read from («вы е ба ли»: four)
#: мат clipped to its first syllable (obscene.txt): «нах» (нахуй), «пох» (похуй)
_CLIPPINGS = frozenset(("нах", "пох"))
#: what makes such a clipping an abbreviation: a dot before a lower-case word or a number («нах. в
#: центре», «пох. 2 шт»), or a hyphenated ending («нах-ся»)
_ABBREVIATION = re.compile(r"\.[ \t]*[а-яёa-z0-9]|-с[яь]")
#: A Cyrillic word with a Latin look-alike, a digit or a symbol hiding one of its letters («вaта»,
#: «дeбuл0в», «жoпа»); not a number glued to a word ("10км", "ковид19").
#: (digits between a Latin and a Cyrillic letter too: «k0злина» — round 34)
_MIXED = re.compile(r"[а-яё][0-9@$]*[a-z]|[a-z][0-9@$]*[а-яё]|[а-яё][0-9@$]+[а-яё]", re.IGNORECASE)
#: Cheap scan for what a disguise needs (a Latin letter, "@" or "$"): most comments have none.
#: (a look-alike digit between Cyrillic letters too: «к0шёлки», «г0вно», «св1ньи» — round 34)
#: (the digits' lookbehind comes after the first digit: a pattern opening with a lookbehind is tried at every
#: position of every text)
_DISGUISE_HINT = re.compile(r"[a-zA-Z@$]+|[0134689](?<=[а-яёА-ЯЁ][0134689])[0134689]*(?=[а-яёА-ЯЁ])")
#: Words that insult when written disguised (insults.txt explains the set).
DISGUISED_SET = "DISGUISED_INSULT"
DISGUISED_VULGAR = "DISGUISED_VULGAR"  # ... but not when masked (self-censored)
_FILL = "иеаоуыяюйбзл"  # what a star in мат hides: a vowel, й, the б of «е*ать», the з of «пи*дят», the л of «б*ять»
#: what two stars side by side hide in мат: its root's core («отъ**итесь», «на**й», «п**дец», «б**ть»; round 34), or
#: the syllable after it («вые**ваться»: «бы»; round 50)
_FILL_PAIRS = ("еб", "ху", "уй", "из", "зд", "ля", "бы")
_INTERJECTIONS = frozenset(("мда", "нда", "ага", "угу", "эээ"))
#: abbreviations written with a hyphen after one letter («в р-не Сокола», «г-н Петров», «т-во»): no letters hidden
_HYPHEN_ABBREVIATIONS = frozenset("рн рна рне рну рном гн гну гна гжа тво ово".split())
#: 3-letter headwords a Latin word may be read as (most 3-letter readings are English: her, lox ...).
_SHORT_HEADWORDS = frozenset(("хуй", "бля", "чмо"))
NAME_SET = "NAME"
SPELT_TO_HIDE_SET = "SPELT_TO_HIDE"  # insults.txt: a мат word's filter-passing spelling («куйло», «сцуко»)
SUBJECTLESS_SET = "SUBJECTLESS"  # hate.txt: verbs that are slurs only without a subject named
NAME_NOMN_SET = (
    "NAME_NOMN"  # a name that may be the subject («Иванова — воровка», not «Ивановой звонил мошенник»)
)
#: … and any surname that may be the subject, though pymorphy3 ranks its nominative below a given name's
#: plural or a man's genitive («Ефремов — надутый индюк», «Гаврилова — кукла»): only the round-40 patterns of
#: mockery stand on it (the accusations' held patterns would cap a deletion on a victim's name)
SURNAME_NOMN_SET = "SURNAME_NOMN"
_NAME_ONLY = frozenset((NAME_SET,))
_NAME_NOMN = frozenset((NAME_SET, NAME_NOMN_SET, SURNAME_NOMN_SET))
_SURNAME_NOMN = frozenset((NAME_SET, SURNAME_NOMN_SET))
#: A VK reply opening a comment — the mention of whom it answers, then a comma or a colon
_REPLY_TO = re.compile(r"\[(?:id|club|public)\d+\|[^\]\n]{1,80}\]\s*[,:]\s*")
#: What a reply's addressee may be called in a clause of one word (see ``Lexicon.match``)
#: The author, alone or with others, as the subject of a slur verb said of comers (round 34)
_WE_OR_I = frozenset(("мы", "я"))
_VOCATIVE_NAMES = ("WEAK_INSULT", "YOU_ARE", "YOU_ARE_THING", "YOU_ARE_ANIMAL", "HAIL_ONLY")


def _sound(text: str) -> str:
    """The *sound skeleton* of ``text``: spelling by ear hears an unstressed о as а and е as и
    («скатина», «предурок», «дэбил», «казел») and confuses ъ with ь («сьебался»), so those letters are
    folded together and a misspelt word shares the skeleton of the lexicon form it stands for. (Five
    C-level replaces: ``str.translate`` with a Cyrillic table goes through a dict per character and
    costs 35x more.)"""
    out = text.replace("о", "а").replace("е", "и").replace("ё", "и").replace("э", "и").replace("ъ", "ь")
    # a voiced consonant at the end is heard voiceless («мудаг», «идиод» for «мудак», «идиот»), before a final
    # soft sign too («мрась» for «мразь»; round 50)
    if out.endswith("ь") and len(out) > 1 and out[-2] in _DEVOICED:
        return out[:-2] + _DEVOICED[out[-2]] + "ь"
    return out[:-1] + _DEVOICED[out[-1]] if out and out[-1] in _DEVOICED else out


_DEVOICED = {"б": "п", "в": "ф", "г": "к", "д": "т", "ж": "ш", "з": "с"}


#: Sets whose words insult without a category entry of their own (they fire through patterns).
_SOUND_SETS = frozenset(("WEAK_INSULT", "YOU_ARE", "INSULT_ADJ_ALL", "DUMB_ADJ_ALL"))
#: compound slurs: the shortest tail and word, the categories a tail's own entry must have, and the
#: sets of the words that insult only when addressed (a tail of theirs needs a linking vowel)
_TAIL_MIN = 4
_LONG_TAIL = 6  # a tail this long needs no linking vowel («американскихпидоров»)
_COMPOUND_MIN = 7
_TAIL_CATEGORIES = frozenset(("insult", "hate", "obscene"))
_WEAK_TAIL_SETS = frozenset(("WEAK_INSULT", "YOU_ARE_ALL"))
_LEAD_STARS = 3  # «***ло»: at most this many stars before a word stand for its first letters
_LINKING = frozenset("ое")  # «хохл-о-дебилы», «кремл-е-свиньи»
_SLUR_PREFIXES = frozenset(("гос", "рос", "анти", "ультра", "архи", "супер", "псевдо", "недо", "полу"))
_SOUND_MIN = 5  # shorter skeletons collide with real words too easily («лох»/«лах»)
_GLUED_MIN = 9  # a word this long may be words written together («этотебучийавтобус»)
_GLUED_FORM_MIN = 5  # the shortest listed мат form read inside one («блядь», not «бля» of «корабля»)


#: two or three stars that end a word («х**», «х***»), or two dots or more (an ellipsis): «х.. его знает»,
#: «на х… такие тарифы» (round 34: every «х» so cut in the probe and the city sets was the мат word)
_STARRED_REST = re.compile(r"(?:\*{2,3}|\.{2,}|…)(?![\w*])")
#: мат cut to its first letters and a mask («бл...», «бл*», «ху*», «бл@», «ху@»: the «@» ending a word is
#: read as «а» by the normaliser, «бл*» its second reading) → the word it stands for
_STUBS = {"бл": "бля", "ху": "хуй"}


def cut_short(n: Normalized, i: int) -> bool:
    """Do dots or stars that hide the rest of a word follow token ``i`` («бл...», «бл…», «бл*», «бл**»: the
    normaliser drops stars that end a word; one dot is an abbreviation: «Бл. Ромашка», see
    :func:`moderation.features.abbreviated`)?"""
    return n.original.startswith(("..", "…", "*"), n.tokens[i].end)


#: how ``Hit.matched`` names a listed form read through a mask («mask:сука») or through look-alike letters
#: («скрытое написание: тупые»): :func:`written_in_disguise` and the evidence read them
MASKED_ENTRY = "mask:"
DISGUISED_ENTRY = "скрытое написание: "
#: a Cyrillic letter beside a digit, a Latin letter or a mask symbol in a hit's quote («Кр3тины», «6ыдло», «г@ндон»):
#: wider than :data:`_MIXED` — a digit at a word's edge counts too, as the quote is a word of the lexicon, not «10км»
_QUOTE_IN_DISGUISE = re.compile(r"[а-яё][0-9a-z@$%#*]|[0-9a-z@$%#*][а-яё]", re.IGNORECASE)


def _disguised(form: str) -> tuple[str, None]:
    """The insult entry of a disguised word, as the evidence shows it."""
    return (DISGUISED_ENTRY + form, None)


def written_in_disguise(h: Hit) -> bool:
    """Was the word of hit ``h`` written in disguise — read through a mask or look-alikes, or quoted with a digit,
    a Latin letter or a symbol for a letter? (Nobody hides a word in its innocent sense:
    :func:`moderation.policy.with_rule_floors` gives such an insult the delete band.)"""
    return h.matched.startswith((MASKED_ENTRY, DISGUISED_ENTRY)) or _QUOTE_IN_DISGUISE.search(h.quote) is not None


@dataclass(frozen=True)
class Hit:
    """One lexicon match; ``start``/``end`` index the ORIGINAL text and ``quote`` is that slice."""

    category: str  # a lexicon category of the registry: "obscene" | "insult" | "threat" | "hate" ...
    matched: str  # lexicon entry, "root:<name>", "mask:<form>" or pattern name
    start: int
    end: int
    quote: str
    target: str | None = None  # for hate (and group threats): key of TARGET_GROUPS_RU
    kind: str | None = None  # what a pattern found: a key of categories.EVIDENCE_KINDS
    strength: str | None = None  # "review" / "delete": the band this hit reaches; None = the category floor
    #: a floor only: evidence that holds the text, but no model feature counts it, no policy ceiling reads it and
    #: it backs no rule, so the scores and the rest of the verdict are the text's without it (the accusation reader)
    floor_only: bool = False


#: the shortest Latin word whose transliteration is looked up among inflected forms and мат roots, not
#: headwords only (in 42,507 probe texts the longer Latin words read so were all мат: «eblany», «pizdec»)
_LATIN_INFLECTED = 6
#: the Russian keyboard's letters on the Latin layout's keys (:meth:`Lexicon._match_layout`), and a Latin run
#: typed so: letters and the keys of х ъ ж э б ю ё («lt,bk», «e,k.ljr»)
_LAYOUT = str.maketrans("qwertyuiop[]asdfghjkl;'zxcvbnm,.`", "йцукенгшщзхъфывапролджэячсмитьбюё")
_LAYOUT_RUN = re.compile(r"(?<![\w\[\];',.`/@:])[a-zA-Z\[\];',.`]{4,}(?![\w\[\];'`/@])")
_LAYOUT_HINT = re.compile(r"[a-zA-Z]{2}")
_VOWELS = re.compile("[аеиоуыэюя]")
#: what a word written without vowels must hold to be read as the мат it is the skeleton of («нхй»: нахуй,
#: «хйня», «пздц», «блдь»: round 34). Not every мат form's skeleton: «бнв» (BMW), «мдк» (the public), «хсс»
#: (the cathedral) are abbreviations, and «хрн» is «хрен» as well, a euphemism anyone may print
_VOWELLESS_CORE = re.compile("хй|пзд|бл[дт]")
#: Russian function words spelt in Latin letters. Two of them, or one and a Latin word that reads as a word
#: the dictionary knows, make a text Russian written in Latin letters («suki vy vse v administracii», «ebat
#: kakoy holod v shkole», «yeban, ty kuda lezesh»), whose short Latin words are then read in their inflected
#: forms and мат roots too, not as headwords only (round 34; no «on», «my», «no», «do»: English words)
_TRANSLIT_FUNCTION = frozenset(
    "vy ty ya oni ona vse vseh vsekh vsem kak tak kto chto cho che eto etot eta eti tut tam uzhe uje esche"
    " eshe ili kogda gde kuda bez tebya tebe vas vam nas nam menya mne moy tvoy vash nash kakoy kakaya kakie"
    " kakoe opyat ochen nado nichego nikto ne ni nu zhe".split()
)


def _transliterated(toks: Sequence[Token], words: Sequence[str]) -> bool:
    """Is the text Russian written in Latin letters (:data:`_TRANSLIT_FUNCTION`)?"""
    function = {w for w in words if w in _TRANSLIT_FUNCTION}
    if len(function) >= 2:
        return True
    return bool(function) and any(
        len(w) >= 4 and w not in function and t.alt and not _unknown(t.alt[0])
        for t, w in zip(toks, words, strict=True)
        if w.isascii() and w.isalpha()
    )


#: мат roots whose Latin spelling starts English words («ebonite», «heritage»): not read in Latin words…
_ENGLISH_ROOTS = ("root:еб", "root:хер")
#: … the same as the beginnings of a word read
_ENGLISH_STEMS = ("еб", "хер")
#: … unless the reading goes on as no English word does («ebanye», «zaebali», «ebal»)
_LATIN_EB = re.compile(r"(?:за|на|вы|у|до|по|про|от|раз|рас)?еба[нлт]")


class LexiconError(ValueError):
    """A lexicon data file is malformed (raised at load time, never while matching)."""


# --------------------------------------------------------------------------------------------------
# Entry specs and their expansion to word forms

Filter = tuple[tuple[str, ...], ...]  # AND of OR-groups of grammemes ("!x" = without x)


@dataclass(frozen=True)
class _Spec:
    kind: str  # "lemma" | "form" | "set"
    value: str
    filt: Filter = ()


_SPEC_RE = re.compile(r"^(?P<sigil>[=@]?)(?P<value>[^{}\s]+)(?:\{(?P<filt>[^{}]*)\})?$")


def _parse_spec(token: str, where: str) -> _Spec:
    m = _SPEC_RE.match(token)
    if not m:
        raise LexiconError(f"{where}: bad entry {token!r}")
    filt: Filter = ()
    if m.group("filt"):
        filt = tuple(
            tuple(g.strip() for g in grp.split("|") if g.strip()) for grp in m.group("filt").split(",")
        )
    sigil, value = m.group("sigil"), m.group("value")
    if sigil == "@":
        return _Spec("set", value, filt)
    value = value.lower().replace("ё", "е")
    return _Spec("form" if sigil == "=" else "lemma", value, filt)


@cache
def _lexeme(lemma: str) -> tuple[tuple[str, object], ...]:
    """All (form, tag) of the paradigms whose normal form is ``lemma`` (pymorphy3)."""
    morph = analyzer()
    parses = [p for p in morph.parse(lemma) if p.normal_form.replace("ё", "е") == lemma]
    if parses and parses[0].tag.POS in ("NOUN", "ADJF"):
        # "сволочь" is also a verb ("сволочь мешки"): when the noun is the likely reading, keep only it
        parses = [p for p in parses if p.tag.POS not in VERBAL_POS]
    out: dict[tuple[str, str], tuple[str, object]] = {}
    for p in parses:
        for f in p.lexeme:
            word = f.word.replace("ё", "е")
            out.setdefault((word, str(f.tag)), (word, f.tag))
    return tuple(out.values())


def _tag_ok(tag: object, filt: Filter) -> bool:
    for group in filt:
        ok = False
        for g in group:
            if g.startswith("!"):
                ok = g[1:] not in tag  # type: ignore[operator]
            else:
                ok = g in tag  # type: ignore[operator]
            if ok:
                break
        if not ok:
            return False
    return True


@cache
def _lexeme_like(lemma: str, model: str) -> tuple[tuple[str, object], ...]:
    """Forms of a word pymorphy3 does not know ("ментяра"), inflected like a known ``model`` ("собака")."""
    forms = _lexeme(model)
    if not forms:
        return ()
    forms = tuple((w, t) for w, t in forms if w[:3] == model[:3])  # drop "подобрее"-style forms
    words = [w for w, _ in forms]
    stem = words[0]
    for w in words[1:]:
        while not w.startswith(stem):
            stem = stem[:-1]
    ending = model[len(stem) :]
    if not lemma.endswith(ending):
        return ()
    base = lemma[: len(lemma) - len(ending)]
    return tuple((base + w[len(stem) :], tag) for w, tag in forms)


def _expand_lemma(lemma: str, filt: Filter, where: str) -> set[str]:
    if "~" in lemma:  # "ментяра~собака": inflect an unknown word like a known one
        word, _, model = lemma.partition("~")
        forms = _lexeme_like(word, model)
        if not forms:
            raise LexiconError(f"{where}: cannot inflect {word!r} like {model!r}")
        lemma = word
    else:
        forms = _lexeme(lemma)
    if not forms:  # unknown to pymorphy3: the entry itself is the only form we trust
        return set() if filt else {lemma}
    out: set[str] = set()
    for word, tag in forms:
        try:
            if _tag_ok(tag, filt):
                out.add(word)
        except ValueError as e:  # unknown grammeme name
            raise LexiconError(f"{where}: {e}") from None
    if not filt:
        out.add(lemma)
    return out


@dataclass
class _Line:
    specs: list[_Spec]
    exclude: frozenset[str]
    where: str


@dataclass
class _Raw:
    """Everything read from the data files, before expansion."""

    macros: dict[str, str] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)
    exceptions: set[str] = field(default_factory=set)
    categories: list[tuple[str, str | None, _Line]] = field(default_factory=list)
    sets: dict[str, list[_Line]] = field(default_factory=dict)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (line, where)


def _read(files: Iterable[Path]) -> _Raw:
    raw = _Raw()
    lexicon_cats = categories.lexicon_categories()
    for path in files:
        section: list[str] = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{lineno}"
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].split()
                if not section:
                    raise LexiconError(f"{where}: empty section header")
                continue
            if not section:
                raise LexiconError(f"{where}: entry outside a section")
            kind = section[0]
            if kind in ("macros", "roots"):
                name, eq, rx = line.partition("=")
                if not eq:
                    raise LexiconError(f"{where}: expected 'name = regex'")
                (raw.macros if kind == "macros" else raw.roots)[name.strip()] = rx.strip()
            elif kind == "exceptions":
                raw.exceptions.update(w.lower().replace("ё", "е") for w in line.split())
            elif kind == "patterns":
                raw.patterns.append((line, where))
            elif kind == "set" or kind in lexicon_cats:
                parsed = _parse_line(line, where)
                if kind == "set":
                    if len(section) != 2:
                        raise LexiconError(f"{where}: expected [set NAME]")
                    raw.sets.setdefault(section[1], []).append(parsed)
                else:
                    grouped = categories.get(kind).targets == "required"
                    target = section[1] if grouped and len(section) > 1 else None
                    if grouped and target not in TARGET_GROUPS_RU:
                        raise LexiconError(f"{where}: unknown {kind} target {target!r}")
                    raw.categories.append((kind, target, parsed))
            else:
                raise LexiconError(f"{where}: unknown section [{' '.join(section)}]")
    return raw


def _parse_line(line: str, where: str) -> _Line:
    specs: list[_Spec] = []
    exclude: set[str] = set()
    for tok in line.split():
        if tok.startswith("-"):
            exclude.add(tok[1:].lower().replace("ё", "е"))
        else:
            specs.append(_parse_spec(tok, where))
    return _Line(specs, frozenset(exclude), where)


class _SetExpander:
    """Expands named sets (with @references and grammeme filters) to word forms, memoised."""

    def __init__(self, sets: dict[str, list[_Line]]) -> None:
        self.sets = sets
        self.memo: dict[tuple[str, Filter], frozenset[str]] = {}
        self.stack: list[str] = []

    def expand_set(self, name: str, filt: Filter, where: str) -> frozenset[str]:
        key = (name, filt)
        if key in self.memo:
            return self.memo[key]
        if name not in self.sets:
            raise LexiconError(f"{where}: unknown set @{name}")
        if name in self.stack:
            raise LexiconError(f"{where}: set @{name} refers to itself")
        self.stack.append(name)
        out: set[str] = set()
        for line in self.sets[name]:
            out |= self.expand_line(line, filt)
        self.stack.pop()
        self.memo[key] = frozenset(out)
        return self.memo[key]

    def expand_line(self, line: _Line, extra: Filter = ()) -> set[str]:
        out: set[str] = set()
        for spec in line.specs:
            out |= self.expand_spec(spec, extra, line.where)
        return out - line.exclude

    def expand_spec(self, spec: _Spec, extra: Filter, where: str) -> set[str]:
        filt = spec.filt + extra
        if spec.kind == "form":
            return {spec.value}
        if spec.kind == "set":
            return set(self.expand_set(spec.value, filt, where))
        return _expand_lemma(spec.value, filt, where)


# --------------------------------------------------------------------------------------------------
# Compiled lexicon


@dataclass(frozen=True)
class _Info:
    """What one normalised word form means to the lexicon."""

    entries: tuple[tuple[str, str, str | None], ...]  # (category, entry, target) it fires by itself
    sets: frozenset[str]  # named sets it belongs to (for patterns)
    target: str | None  # group it names, if any


@dataclass(frozen=True)
class _Slot:
    sets: frozenset[str]
    not_negated: bool  # "~": the token must not follow не/ни
    clause_end: bool = False  # "$": the token must end its clause ("тебе конец!", not "тебе конец года")
    asserted: bool = False  # "!": the token's sentence is not a question ("пенсионеры что, не люди?")
    after_dash: bool = (
        False  # "^": a dash stands before the token or the word before it ("сосед с пятого — алкаш")
    )

    @property
    def plain(self) -> bool:
        """No flag: every token of the slot's sets fills it."""
        return not (self.not_negated or self.clause_end or self.asserted or self.after_dash)


@dataclass(frozen=True)
class _Pattern:
    category: str
    target: str | None
    name: str
    window: int
    ordered: bool
    slots: tuple[_Slot, ...]
    kind: str | None = None
    strength: str | None = None
    #: ``@hold``: held (the review band) as a floor only — no model feature counts the hit and no policy
    #: ceiling follows from it (see :attr:`Hit.floor_only`)
    floor_only: bool = False


#: The affective suffixes that belittle a group's members or make them one crowd, with their plural case endings
#: (one «врачишка» is one man): «курьерчики», «врачишки», «депутатишек», «узбечата», «студентота» (round 46: round 45's
#: twin sets named people so in 9 of their 120 violations let through — four of them forms read here; «мужичьё»,
#: «таксюги», «единоросики» are not; «врачиха», «училка» are listed by their own lemmas).
_AFFECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "чик": ("и", "ов", "ам", "ами", "ах"),
    "ишк": ("и", "ам", "ами", "ах"),
    "ишек": ("",),
    "ат": ("а", "", "ам", "ами", "ах"),
    "ят": ("а", "", "ам", "ами", "ах"),
    "онк": ("и", "ам", "ами", "ах"),
    "енк": ("и", "ам", "ами", "ах"),
    "от": ("а", "ы", "е", "у", "ой"),
    "ь": ("е", "я", "ю", "ем"),
}
#: the stem's last consonant before a suffix that softens it («узбек» → «узбечата», «таджик» → «таджичата»)
_SOFTENED = {"к": "ч", "г": "ж", "х": "ш"}


def _affective_stems(lemma: str) -> set[str]:
    """The stems a group noun's affective forms grow from: the lemma without its ending (and «-ин» of «армянин»,
    «горожанин»), and that stem with its last consonant softened; none shorter than four letters (no «баб»:
    «бабье лето»)."""
    stem = lemma[:-1] if lemma[-1] in "аяьй" else lemma
    if stem.endswith(("анин", "янин")):
        stem = stem[:-2]
    out = {stem}
    if stem[-1] in _SOFTENED:
        out.add(stem[:-1] + _SOFTENED[stem[-1]])
    return {s for s in out if len(s) >= 4}


def _affective_forms(lemmas: dict[str, str], known: set[str]) -> dict[str, str]:
    """Every affective form (:data:`_AFFECTIVE_ENDINGS`) of these group nouns (lemma → attribute) that no group
    word already is and the dictionary does not know («грузчик» is no little Georgian): form → attribute."""
    out: dict[str, str] = {}
    for lemma, attribute in lemmas.items():
        for stem in _affective_stems(lemma):
            for suffix, endings in _AFFECTIVE_ENDINGS.items():
                for ending in endings:
                    form = stem + suffix + ending
                    if form not in known and form not in out and not _a_word_of_its_own(form):
                        out[form] = attribute
    return out


def _set_lemmas(sets: dict, name: str, depth: int = 0) -> set[str]:
    """The lemmas a set lists, with those of the sets it takes in (``@PROF_PEOPLE``)."""
    out: set[str] = set()
    for line in sets.get(name, ()):
        for spec in line.specs:
            if spec.kind == "lemma":
                out.add(spec.value.partition("~")[0])
            elif spec.kind == "set" and depth < 4:
                out |= _set_lemmas(sets, spec.value, depth + 1)
    return out


def _a_word_of_its_own(form: str) -> bool:
    """Does the dictionary know ``form`` — a word of its own, «девчонки», «поварята», «грузчик», «имамат», not a
    belittling a reader coins (the group lexicon lists by their lemmas those it means: «врачиха», «училка»)?"""
    return any(p.is_known for p in parses(form))


def _set_target(name: str) -> str | None:
    for prefix in ("GRP.", "HATE."):
        if name.startswith(prefix) and name[len(prefix) :] in TARGET_GROUPS_RU:
            return name[len(prefix) :]
    return None


class Lexicon:
    """Compiled lexicons; :meth:`match` finds clause-19 evidence in a normalised comment."""

    def __init__(
        self,
        roots: dict[str, str],
        exceptions: Iterable[str],
        hint: str | None,
        forms: dict[str, _Info],
        patterns: list[_Pattern],
        headwords: Iterable[str] = (),
    ) -> None:
        #: every form of every group word (GRP.*, HATE.* sets) → the group it names
        self.group_words: dict[str, str] = {}
        #: forms of the neutral group names (not slurs): what the model sees as one placeholder
        self.neutral_group_words: frozenset[str] = frozenset()
        #: the same as sets, for the analyser's one-intersection gate
        self.group_word_set: frozenset[str] = frozenset()
        self.request_word_set: frozenset[str] = frozenset()
        #: cue words of the group-statement analyser → the GS.* sets they belong to
        self.cues: dict[str, frozenset[str]] = {}
        #: cue lemmas of the analyser (looked up with the word's lemma) → GS.* sets
        self.cue_lemmas: dict[str, frozenset[str]] = {}
        #: every form of an adjective that names a group when it qualifies people (GRPADJ.* sets:
        #: "кавказские мужчины", "всех черных") → the group; only the analyser reads them
        self.group_adjectives: dict[str, str] = {}
        #: every form of the GS.DIAGNOSIS, GS.FEELING, GS.ABUSE_TALK, GS.DESCRIPTIVE, GS.RED_TAPE and
        #: GS.CULTURE words ("психиатр", "ненавижу", "оскорблять", "бомжи", "отписка", "хохлома"): masked
        #: for the model
        self.model_blind_words: frozenset[str] = frozenset()
        #: every form of the MODEL_SEES group names: the analyser reads them, the model's rows stay as it
        #: learnt them (no placeholder, and no «group merely mentioned» feature)
        self.model_seen_group_words: frozenset[str] = frozenset()
        #: names of groups of people the model still sees (GS.IDENTITY in groups.txt): a deletion
        #: resting on them alone is held (see moderation.judge)
        self.identity_words: frozenset[str] = frozenset()
        #: every form of the WORSHIP words ("мечеть", "синагога"): a faith's name as much as its people's
        #: (see moderation.judge)
        self.worship_words: frozenset[str] = frozenset()
        #: every form of the SETTLEMENT words ("хутор", "аул"): flame-war slurs and the villages around
        #: the city (see moderation.judge)
        self.settlement_words: frozenset[str] = frozenset()
        #: every form of the HARSH_ADJ words ("убогий", "дебильный"): criticism when said of a thing
        self.harsh_adjectives: frozenset[str] = frozenset()
        #: every form of the words that insult only when addressed (WEAK_INSULT, YOU_ARE_ALL,
        #: YOU_ARE_PEOPLE: "свинья", "скот"): the model reads them alone, so a report or a request not
        #: to use them («не надо называть людей свиньями») is looked for around them too
        self.weak_insult_words: frozenset[str] = frozenset()
        #: the same, with the adjectives that insult a person (INSULT_ADJ_ALL, DUMB_ADJ_ALL: «тупые»):
        #: the words whose report («не надо про нас говорить, что мы тупые») is looked for without a hit
        self.reportable_words: frozenset[str] = frozenset()
        #: its keys as a set: ``set.intersection`` iterates a dict argument whole, a set only the
        #: smaller side (≈45 µs → 1 µs per comment)
        self.group_adjective_set: frozenset[str] = frozenset()
        self._cats = categories.lexicon_categories()
        self._rank = {c: i for i, c in enumerate(self._cats)}
        self._root_names = list(roots)
        alternation = "|".join(f"(?P<r{i}>{rx})" for i, rx in enumerate(roots.values()))
        self._root = re.compile(f"(?:{alternation})") if roots else None
        # every root match contains the hint: only words containing it are tried against the roots
        self._hint = re.compile(hint) if hint else None
        self._exceptions = frozenset(exceptions)
        self._forms = forms
        self._patterns = patterns
        self._readings: dict[str, tuple] = {}  # word → :meth:`_word_readings`
        # Latin words ("pizdec", "cyka") are only read as Russian when the reading is a headword of a
        # category list: inflected forms would turn English words into мат ("ebay" -> "ебай").
        self._headwords = frozenset(h for h in headwords if h in forms and forms[h].entries)
        # Each pattern is indexed under its rarest slot, so a comment only tries patterns whose anchor
        # word it contains (most comments contain "не", "вы" or "все", few contain "убью").
        self._anchor_index: dict[str, list[int]] = {}
        by_set: dict[str, set[str]] = {}  # set name -> its forms (one pass, not one per slot)
        for form, info in forms.items():
            for name in info.sets:
                by_set.setdefault(name, set()).add(form)
        #: each pattern's slots' sets (:meth:`_match_patterns` tries a pattern when each meets the text's)
        self._slot_sets = [tuple(slot.sets for slot in p.slots) for p in patterns]
        for k, p in enumerate(patterns):
            anchor = min(p.slots, key=lambda slot: _commonness(slot.sets, by_set))
            for name in anchor.sets:
                self._anchor_index.setdefault(name, []).append(k)
        # the other slots of each pattern that stands on a name: names are looked up only in a text
        # that has every one of them («вы» and a word for a criminal), not in every text
        self._name_partners: tuple[tuple[frozenset[str], ...], ...] = tuple(
            tuple(slot.sets for slot in p.slots if slot.sets.isdisjoint(_NAME_NOMN))
            for p in patterns
            if any(not slot.sets.isdisjoint(_NAME_NOMN) for slot in p.slots)
        )
        # ... and one of those slots of each, the rarest: a text that meets none of them meets no pattern's
        # whole set (the test above then costs one ``isdisjoint`` for nearly every text)
        self._name_gate: frozenset[str] | None = (
            frozenset().union(
                *(min(slots, key=lambda sets: _commonness(sets, by_set)) for slots in self._name_partners)
            )
            if all(self._name_partners)
            else None
        )
        # Targets for masked words: every form that fires by itself, bucketed by length.
        self._mask_index: dict[int, list[tuple[str, _Info]]] = {}
        for form, info in forms.items():
            if info.entries and len(form) >= 3:
                self._mask_index.setdefault(len(form), []).append((form, info))
        for bucket in self._mask_index.values():
            bucket.sort(key=lambda fi: (min(self._rank[e[0]] for e in fi[1].entries), fi[0]))
        # Misspellings by ear: sound skeleton -> the form it stands for (the first of a tie, by rank
        # then spelling, so the choice does not depend on dict order). A final ь is dropped from the
        # key as well («сволоч» for «сволочь»); ь inside a word is kept («жиденько» is not «жиденка»).
        self._by_sound: dict[str, str] = {}
        for form in sorted(forms, key=lambda f: (self._sound_rank(forms[f]), f)):
            info = forms[form]
            if len(form) < _SOUND_MIN or not (info.entries or info.sets & _SOUND_SETS):
                continue
            key = _sound(form)
            self._by_sound.setdefault(key, form)
            if key.endswith("ь"):
                self._by_sound.setdefault(key[:-1], form)
        # мат written without its vowels («нхй такие праздники», «пхй», «хйня»): skeleton → the listed form
        # (the first by spelling), for the skeletons with a мат core (:data:`_VOWELLESS_CORE`)
        self._vowelless: dict[str, str] = {}
        for form in sorted(forms):
            if any(e[0] == "obscene" for e in forms[form].entries):
                key = _VOWELS.sub("", form)
                if key != form and _VOWELLESS_CORE.search(key):
                    self._vowelless.setdefault(key, form)
        # Compound slurs («хохлодебилы», «росбыдло», «кремлесвиньи»): a long word no dictionary knows
        # that ends in a word of abuse. Tail → whether it needs the linking «о»/«е» before it: the words
        # that insult only when addressed do («-овцы» ends «кадыровцы», «-шута» «напишута»).
        self._tails: dict[str, bool] = {}
        for form, info in forms.items():
            if len(form) >= _TAIL_MIN and any(e[0] in _TAIL_CATEGORIES for e in info.entries):
                self._tails[form] = False
            elif len(form) > _TAIL_MIN and info.sets & _WEAK_TAIL_SETS:
                self._tails.setdefault(form, True)
        self._tail_ends = frozenset(t[-_TAIL_MIN:] for t in self._tails)  # one lookup rules most words out
        # Words that insult when masked (DISGUISED_SET but not DISGUISED_VULGAR), bucketed by length.
        self._disguised_index: dict[int, list[str]] = {}
        vulgar = by_set.get(DISGUISED_VULGAR, set())
        for form in sorted(by_set.get(DISGUISED_SET, set()) - vulgar):
            if len(form) >= 4:
                self._disguised_index.setdefault(len(form), []).append(form)
        # … and the vulgar ones, which a mask leaves words of a phrase, no insult by themselves («в ж*пу»)
        self._vulgar_index: dict[int, list[str]] = {}
        for form in sorted(vulgar):
            if len(form) >= 4:
                self._vulgar_index.setdefault(len(form), []).append(form)

    #: Distinct words whose readings are remembered (a few hundred bytes each: the memory stays flat).
    READINGS_LIMIT = 200_000

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_readings", None)  # a run-time cache, not part of the compiled lexicon
        state.pop("misspelt_group_word", None)  # built on first use, with a memo of its own
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._readings = {}

    def _word_readings(self, w: str) -> tuple[_Info | tuple[str, tuple[str, None]], ...]:
        """What the word ``w`` reads as by itself, in the order :meth:`match` notes them: its form, its
        form with doubled letters squeezed («дуррак»), the form whose sound skeleton an unknown word
        shares («скатина», «казел»), the abusive tail of an unknown compound («хохлодебилы») and the
        мат root it is built on — an ``_Info`` to note, or a ``(category, entry)`` pair. Remembered per
        word: comments repeat the same words, and each step looped over every token of every text."""
        forms = self._forms
        out: list[_Info | tuple[str, tuple[str, None]]] = []
        info = forms.get(w)
        if info is not None:
            out.append(info)
        sq = squeeze_doubles(w)
        if sq != w and (info := forms.get(sq)) is not None:
            out.append(info)
        known = w in forms
        if (
            not known
            and ("хй" in w or not _VOWELS.search(w))  # («хй»: no Russian word has it — «хйня», «нахйа»)
            and (form := self._vowelless.get(_VOWELS.sub("", w))) is not None
        ):
            out.append(forms[form])
        form = self._by_sound.get(_sound(w))
        if form is not None and not known and _unknown(w) and w not in self._exceptions:
            out.append(forms[form])
        if len(w) >= _COMPOUND_MIN and w[-_TAIL_MIN:] in self._tail_ends and not known:
            tails = self._tails
            for k in range(3, len(w) - _TAIL_MIN + 1):
                weak = tails.get(w[k:])
                if weak is None or not _compound_seam(w, k, weak):
                    continue
                if _unknown(w):
                    out.append(("insult", (f"составное слово: {w[k:]}", None)) if weak else forms[w[k:]])
                break
        if self._root is not None:
            hint = self._hint
            if hint is None or hint.search(w) or (sq != w and hint.search(sq)):
                for key in (w, sq) if sq != w else (w,):
                    root = self._root_reading(key)
                    if root:
                        out.append(("obscene", root))
                        break
                else:  # no root starts the word: мат may be glued inside it («этотебучийавтобус»)
                    if len(w) >= _GLUED_MIN and not known and (glued := self._glued_mat(w)):
                        out.extend(glued)
        readings = self._readings
        if len(readings) >= self.READINGS_LIMIT:
            readings.clear()
        readings[w] = result = tuple(out)
        return result

    def _glued_mat(self, w: str) -> list[tuple[str, tuple[str, str | None]]]:
        """The entries of a listed мат form written glued between dictionary words, in a word no dictionary
        knows («этотебучийавтобус»: «этот» + «ебучий» + «автобус»; «вотблядьопять»), or none. The words
        round it must be real ones of two letters or more, no abbreviations or names, so a long misspelling
        is not cut into pieces until one of them spells мат («гр|ебанный», «пер|ебанили», «оскар|блять» are
        «грёбаный», «перебанили», «оскорблять»), and a word one letter off a dictionary word is that word
        misspelt («скор|блять»: «оскорблять»). (Only a long unknown word with a мат root's letters in it
        gets here; the costly misspelling test runs last, on the few words a мат form is found glued in.)"""
        if not _unknown(w):
            return []
        forms = self._forms
        size = len(w)
        for a in range(size - _GLUED_FORM_MIN + 1):
            if a == 1:
                continue
            for b in range(size, a + _GLUED_FORM_MIN - 1, -1):
                if size - b == 1 or (a == 0 and b == size):
                    continue
                info = forms.get(w[a:b])
                if info is None or not any(e[0] == "obscene" for e in info.entries):
                    continue
                if (a and not _plain_word(w[:a])) or (b < size and not _plain_word(w[b:])):
                    continue
                if _one_edit_from_a_word(w):
                    return []
                return [(cat, (entry, tgt)) for cat, entry, tgt in info.entries]
        return []

    def _sound_rank(self, info: _Info) -> int:
        return min((self._rank[e[0]] for e in info.entries), default=len(self._rank))

    # ---------------------------------------------------------------------------------------------
    # loading

    @classmethod
    def load(cls, directory: Path | str = LEXICON_DIR) -> Lexicon:
        """Read and compile every ``*.txt`` in ``directory`` (takes ~1 s: pymorphy3 expansion)."""
        raw = _read(sorted(Path(directory).glob("*.txt")))
        roots: dict[str, str] = {}
        for name, rx in raw.roots.items():
            for _ in range(4):  # macros may use macros
                rx = re.sub(r"\{([A-Z][A-Z0-9_]*)\}", lambda m: raw.macros.get(m.group(1), m.group(0)), rx)
            try:
                re.compile(rx)
            except re.error as e:
                raise LexiconError(f"root {name!r}: {e}") from None
            roots[name] = rx

        # Category entries also form the built-in sets OBSCENE, INSULT, HATE, HATE.<target>.
        sets: dict[str, list[_Line]] = {k: list(v) for k, v in raw.sets.items()}
        for cat, target, line in raw.categories:
            names = [cat.upper()] + ([f"{cat.upper()}.{target}"] if target else [])
            for name in names:
                sets.setdefault(name, []).append(line)
        # NAME: a person's name, patronymic or surname written with a capital («Вы, Анна Сергеевна,
        # взяточница», «Иванова из ЖЭУ — воровка»); no word list spells it, match() marks the tokens
        sets.setdefault(NAME_SET, [])
        sets.setdefault(NAME_NOMN_SET, [])
        sets.setdefault(SURNAME_NOMN_SET, [])
        expander = _SetExpander(sets)

        entries: dict[str, list[tuple[str, str, str | None]]] = {}
        headwords: set[str] = set()
        for cat, target, line in raw.categories:
            for spec in line.specs:
                name = spec.value.partition("~")[0]  # "ментяра~дыра" reports as "ментяра"
                if spec.kind != "set" and (len(name) >= 4 or name in _SHORT_HEADWORDS):
                    headwords.add(name)
                for form in expander.expand_spec(spec, (), line.where) - line.exclude:
                    lst = entries.setdefault(form, [])
                    if not any(e[0] == cat for e in lst):
                        lst.append((cat, name, target))

        patterns: list[_Pattern] = []
        anon: dict[str, str] = {}
        for text, where in raw.patterns:
            patterns.append(cls._parse_pattern(text, where, sets, expander, anon))

        set_members: dict[str, set[str]] = {}
        used = {s for p in patterns for slot in p.slots for s in slot.sets}
        used.update(name for name in (DISGUISED_SET, DISGUISED_VULGAR, SPELT_TO_HIDE_SET, SUBJECTLESS_SET) if name in sets)
        for name in used:
            for form in expander.expand_set(name, (), "patterns"):
                set_members.setdefault(form, set()).add(name)
        # group targets: from hate entries and GRP.* sets
        targets: dict[str, str] = {}
        for name in sets:
            t = _set_target(name)
            if t:
                for form in expander.expand_set(name, (), name):
                    targets.setdefault(form, t)
        forms: dict[str, _Info] = {}
        for form in set(entries) | set(set_members):
            ents = tuple(entries.get(form, ()))
            target = next((e[2] for e in ents if e[2]), None) or targets.get(form)
            forms[form] = _Info(ents, frozenset(set_members.get(form, ())), target)
        # the group-statement analyser's cue words (sets named GS.*), kept out of the match path
        # Their lemmas are NOT expanded to every form (that cost 0.4 s of start-up): the analyser
        # looks a word up by its form (=forms, referenced non-GS sets) and by its lemma.
        cues: dict[str, set[str]] = {}
        cue_lemmas: dict[str, set[str]] = {}

        def add_cues(gs_name: str, set_name: str, depth: int = 0) -> None:
            for line in sets.get(set_name, ()):
                for spec in line.specs:
                    if spec.kind == "form":
                        cues.setdefault(spec.value, set()).add(gs_name)
                    elif spec.kind == "lemma" and not spec.filt:
                        cue_lemmas.setdefault(spec.value.partition("~")[0], set()).add(gs_name)
                    elif spec.kind == "set" and spec.value.startswith("GS.") and depth < 4:
                        add_cues(gs_name, spec.value, depth + 1)
                    else:
                        for form in expander.expand_spec(spec, (), line.where) - line.exclude:
                            cues.setdefault(form, set()).add(gs_name)

        for name in sets:
            if name.startswith("GS."):
                add_cues(name, name)
        hint = raw.macros.get("HINT")
        if hint:
            try:
                re.compile(hint)
            except re.error as e:
                raise LexiconError(f"macro HINT: {e}") from None
        lexicon = cls(roots, raw.exceptions, hint, forms, patterns, headwords)
        # (the nouns of the GRP.* sets, their affective forms: «курьерчики», «узбечата» — see _affective_forms)
        group_lemmas: dict[str, str] = {}
        for name in sets:
            if name.startswith("GRP.") and (t := _set_target(name)):
                for lemma in _set_lemmas(sets, name):
                    group_lemmas.setdefault(lemma, t)
        targets.update(_affective_forms(group_lemmas, set(targets)))
        lexicon.group_words = targets
        # neutral names (GRP.* sets) that are no word of any category list: what the model may mask.
        # Not neutral: every form of a slur's lemma (also the forms a slur entry leaves out because they
        # are something else too: "хохлов" is a surname) and the colloquial-derogatory names of
        # PEJORATIVE ("бабы", "менты"): those are evidence, the model keeps seeing them; nor the names of
        # MODEL_SEES, which the shipped model was trained on as words.
        neutral: set[str] = set()
        for name in sets:
            if name.startswith("GRP.") and _set_target(name):
                neutral.update(expander.expand_set(name, (), name))
        not_neutral: set[str] = {
            form
            for name in sets
            if name == "PEJORATIVE" or name.startswith("MODEL_SEES")
            for form in expander.expand_set(name, (), name)
        }
        for cat, _target, line in raw.categories:
            if cat == "hate":
                for spec in line.specs:
                    not_neutral |= expander.expand_spec(spec, (), line.where)
        lexicon.neutral_group_words = frozenset(
            f for f in neutral if f not in not_neutral and not (f in forms and forms[f].entries)
        )

        def forms_of(*names: str) -> frozenset[str]:  # every form of these sets (absent ones: none)
            return frozenset(
                form for name in names if name in sets for form in expander.expand_set(name, (), name)
            )

        lexicon.model_seen_group_words = forms_of(*(name for name in sets if name.startswith("MODEL_SEES")))
        lexicon.model_blind_words = forms_of(
            "GS.DIAGNOSIS", "GS.FEELING", "GS.ABUSE_TALK", "GS.DESCRIPTIVE", "GS.RED_TAPE", "GS.CULTURE"
        )
        lexicon.harsh_adjectives = forms_of("HARSH_ADJ")
        # (moderation/accusation.py: the posts that name one person, the labels of a crime)
        lexicon.role_person_words = forms_of("ROLE_PERSON")
        lexicon.crime_person_words = forms_of("CRIME_PERSON")
        lexicon.accused_deeds = {
            "crime": forms_of("ACCUSE_CRIME"), "carry": forms_of("ACCUSE_CARRY"), "sell": forms_of("ACCUSE_SELL"),
            "take": forms_of("ACCUSE_TAKE"),
        }  # fmt: skip
        lexicon.identity_words = forms_of("GS.IDENTITY")
        lexicon.worship_words = forms_of("WORSHIP")
        lexicon.settlement_words = forms_of("SETTLEMENT")
        lexicon.weak_insult_words = forms_of("WEAK_INSULT", "YOU_ARE_ALL", "YOU_ARE_PEOPLE")
        lexicon.reportable_words = lexicon.weak_insult_words | forms_of("INSULT_ADJ_ALL", "DUMB_ADJ_ALL")
        lexicon.cues = {form: frozenset(names) for form, names in cues.items()}
        lexicon.cue_lemmas = {lem: frozenset(names) for lem, names in cue_lemmas.items()}
        lexicon.group_word_set = frozenset(targets)
        for name in sets:
            if name.startswith("GRPADJ.") and name[7:] in TARGET_GROUPS_RU:
                for form in expander.expand_set(name, (), name):
                    lexicon.group_adjectives.setdefault(form, name[7:])
        lexicon.group_adjective_set = frozenset(lexicon.group_adjectives)
        lexicon.request_word_set = frozenset(
            [f for f, names in cues.items() if names & _REQUEST_CUES]
            + [f for lem, names in cue_lemmas.items() if "GS.COMPLAINT" in names for f, _tag in _lexeme(lem)]
        )
        return lexicon

    @staticmethod
    def _parse_pattern(
        text: str, where: str, sets: dict[str, list[_Line]], expander: _SetExpander, anon: dict[str, str]
    ) -> _Pattern:
        parts = text.split()
        if len(parts) < 4:
            raise LexiconError(f"{where}: expected 'category name window slot ...'")
        head, _, strength = parts[0].partition("@")
        head, _, kind = head.partition("/")
        cat, _, target = head.partition(":")
        if kind and kind not in categories.EVIDENCE_KINDS:
            raise LexiconError(f"{where}: unknown evidence kind {kind!r}")
        if strength and strength not in ("review", "delete", "hold"):
            raise LexiconError(f"{where}: strength must be review, delete or hold, got {strength!r}")
        floor_only = strength == "hold"
        if floor_only:
            strength = "review"
        if cat not in categories.lexicon_categories():
            raise LexiconError(f"{where}: unknown category {cat!r}")
        if target and target not in TARGET_GROUPS_RU:
            raise LexiconError(f"{where}: unknown target {target!r}")
        try:
            window = int(parts[2])
        except ValueError:
            raise LexiconError(f"{where}: window must be an integer") from None
        ops = {p for p in parts[3:] if p in "+>"}
        if len(ops) > 1:
            raise LexiconError(f"{where}: mix of '+' and '>'")
        slots: list[_Slot] = []
        for tok in parts[3:]:
            if tok in "+>":
                continue
            flags = tok[len(tok.rstrip("~$!^")) :]
            nn, end, asserted, dash = "~" in flags, "$" in flags, "!" in flags, "^" in flags
            tok = tok.rstrip("~$!^")
            names: set[str] = set()
            for alt in tok.split("|"):
                spec = _parse_spec(alt, where)
                if spec.kind == "set" and not spec.filt:
                    expander.expand_set(spec.value, (), where)  # validates the name
                    names.add(spec.value)
                    continue
                key = f"_{alt}"
                if key not in anon:
                    anon[key] = key
                    sets[key] = [_Line([spec], frozenset(), where)]
                names.add(key)
            slots.append(_Slot(frozenset(names), nn, end, asserted, dash))
        if not slots:
            raise LexiconError(f"{where}: pattern without slots")
        if window < len(slots):
            # (each slot takes a token of its own: such a pattern could never match — round 32 wrote one)
            raise LexiconError(f"{where}: window {window} is shorter than the pattern's {len(slots)} slots")
        return _Pattern(
            cat, target or None, parts[1], window, ">" in ops, tuple(slots), kind or None, strength or None,
            floor_only,
        )

    # ---------------------------------------------------------------------------------------------
    # matching

    def lists(self, form: str) -> bool:
        """Does the lexicon name this normalised word form anywhere (a category, a pattern's set, a
        harsh adjective, a word that insults when addressed, a group word, an analyser cue)?"""
        return (
            form in self._forms
            or form in self.harsh_adjectives
            or form in self.weak_insult_words
            or form in self.group_word_set
            or form in self.cues
        )

    def match(self, n: Normalized) -> list[Hit]:
        """All lexicon hits in ``n``, ordered by position; offsets refer to ``n.original``."""
        hits = self._match_words(n)
        if _GESTURE in n.original:
            # «Вот вам 🖕», «🖕🖕🖕 администрации»: the obscene gesture is мат without letters (the normaliser
            # drops emoji, so no word carries it)
            hits = sorted(
                hits
                + [
                    Hit("obscene", "жест 🖕", m.start(), m.end(), m.group())
                    for m in _GESTURE_RE.finditer(n.original)
                ],
                key=lambda h: (h.start, h.end, self._rank[h.category]),
            )
        return hits

    def _match_words(self, n: Normalized) -> list[Hit]:
        """The hits the words of ``n`` carry (:meth:`match` adds the gesture, which is no word)."""
        toks = n.tokens
        if not toks:
            return []
        text = n.text
        words = n.words
        forms = self._forms
        found: dict[int, dict[str, tuple[str, str | None]]] = {}
        token_sets: dict[int, frozenset[str]] = {}
        token_targets: dict[int, str] = {}

        def note(i: int, info: _Info) -> None:
            if info.entries:
                f = found.setdefault(i, {})
                hidden = SPELT_TO_HIDE_SET in info.sets
                for cat, entry, tgt in info.entries:
                    f.setdefault(cat, _disguised(words[i]) if hidden and cat == "insult" else (entry, tgt))
            if info.sets:
                old = token_sets.get(i)
                token_sets[i] = old | info.sets if old else info.sets
            if info.target and i not in token_targets:
                token_targets[i] = info.target

        # 1–3. what each word reads as on its own — its form, its form with doubled letters squeezed,
        # its sound skeleton, a compound slur, a мат root — is worked out once per distinct word; a text
        # takes one C-level lookup per word, and a Python step only for the words that read as something
        readings, read = self._readings, self._word_readings
        readings_of = list(map(readings.get, words))
        if None in readings_of:  # words not seen before (a repeated one is read once)
            for i in itertools.compress(
                range(len(words)), map(operator.is_, readings_of, itertools.repeat(None))
            ):
                ops = readings.get(words[i])
                readings_of[i] = read(words[i]) if ops is None else ops
        for i in itertools.compress(range(len(words)), readings_of):
            for op in readings_of[i]:
                if type(op) is tuple:
                    found.setdefault(i, {}).setdefault(op[0], op[1])
                else:
                    note(i, op)
        # 4. masked words and alternative readings (look-alikes, Latin transliteration)
        translit: bool | None = None  # is the text Russian written in Latin letters? (asked once, if at all)
        if "*" in text or any(map(_ALT, toks)):
            for i, t in enumerate(toks):
                w = words[i]
                if "*" in w:
                    self._match_mask(w, found.setdefault(i, {}))
                if not t.alt:
                    continue
                native = bool(_CYR_START.match(w))
                for a in t.alt:
                    for key in {a, squeeze_doubles(a)}:
                        f = found.setdefault(i, {})
                        if not native:  # a Latin word read as Russian: headwords, and the inflected
                            # forms of a word long enough not to be English by chance («mudaki», «pidorasy»)
                            if "*" in key:  # («x**coc»: look-alikes round a mask, listed forms only)
                                self._match_mask(key, f, fill=False)
                            elif key in self._headwords:
                                for cat, entry, tgt in forms[key].entries:
                                    f.setdefault(cat, (entry, tgt))
                            elif len(w) >= _LATIN_INFLECTED or (
                                (translit if translit is not None else (translit := _transliterated(toks, words)))
                                and (not key.startswith(_ENGLISH_STEMS) or _LATIN_EB.match(key))  # not «ebay»
                            ):
                                if (info := forms.get(key)) is not None:
                                    note(i, info)
                                elif (
                                    "obscene" not in f
                                    and (root := self._root_reading(key))
                                    and (not root[0].startswith(_ENGLISH_ROOTS) or _LATIN_EB.match(key))
                                ):
                                    f["obscene"] = (
                                        root  # «pizdato», «mudila» (not «еб», «хер»: «ebonite», «heritage»)
                                    )
                            continue
                        if "*" in key:
                            self._match_mask(key, f)
                            continue
                        info = forms.get(key)
                        if info is not None:
                            note(i, info)
                        if "obscene" not in f and (root := self._root_reading(key)):
                            f["obscene"] = root

        hits: list[Hit] = []
        orig = n.original
        if "*" in orig:
            # 4b. stars in place of a word's first letters («***ло», «**ка»): the normaliser drops them
            # as punctuation, so the word is read here with them put back
            for i, t in enumerate(toks):
                k = t.start
                while k > 0 and orig[k - 1] == "*" and t.start - k < _LEAD_STARS:
                    k -= 1
                if k == t.start or (k > 0 and (orig[k - 1].isalnum() or orig[k - 1] == "*")) or found.get(i):
                    continue
                if len(words[i]) >= 2 and not t.masked:
                    if t.start - k == 1:
                        self._match_mask("*" + words[i], found.setdefault(i, {}), fill=False)
                    else:
                        self._match_hidden_start(t.start - k, words[i], found.setdefault(i, {}))
        if "$" in orig:
            # 4b''. «$ука», «$волочь»: a «$» for the «с» a word starts with (the normaliser drops it as punctuation
            # before a word: «$100» is a price) — a listed form only
            for i, t in enumerate(toks):
                if (
                    t.start
                    and orig[t.start - 1] == "$"
                    and not (t.start > 1 and (orig[t.start - 2].isalnum() or orig[t.start - 2] in "$*"))
                    and not found.get(i)
                    and (info := self._forms.get("с" + words[i])) is not None
                    and info.entries
                ):
                    f = found.setdefault(i, {})
                    for cat, _entry, tgt in info.entries:
                        f.setdefault(cat, (MASKED_ENTRY + "с" + words[i], tgt))
        if "#" in orig:
            # 4b'. «#иды»: a «#» in place of a word's first letter, when the rest is no common word and one
            # listed form fits (else a hashtag: «#пятигорск», «#новости»)
            for i, t in enumerate(toks):
                if t.start and orig[t.start - 1] == "#" and not found.get(i):
                    hidden = self._hashtag_mask(orig, t, words[i])
                    if hidden is not None:
                        f = found.setdefault(i, {})
                        for cat, _entry, tgt in self._forms[hidden].entries:
                            f.setdefault(cat, (MASKED_ENTRY + hidden, tgt))
        if not _STUBS.keys().isdisjoint(words) or "@" in orig:
            # 4c. «бл...», «бл…», «бл*», «ни ху* не сделали»: the swear cut short — its first two letters and what
            # hides the rest; an «@» in its place is read «а» by the normaliser, «бл*» («бл@ не могу дозвониться»,
            # «ху@ вам а не голоса»: round 34)
            for i, w in enumerate(words):
                t = toks[i]
                if w in _STUBS and cut_short(n, i):
                    stub = w
                elif len(w) == 3 and t.alt and orig[t.end - 1] == "@" and w[:2] in _STUBS and w[:2] + "*" in t.alt:
                    stub = w[:2]
                else:
                    continue
                found.setdefault(i, {}).setdefault("obscene", (MASKED_ENTRY + _STUBS[stub], None))
        if "х" in words:
            # 4c'. «на кой х**», «х** вам», «х.. его знает»: the one letter and two or three stars or an ellipsis in
            # place of the rest (round 33; round 34 the dots). A lone «х» with one star or one dot is a
            # multiplication or an abbreviation, and one glued to a number or a hyphen an ending («в 60-х...»)
            for i, w in enumerate(words):
                t = toks[i]
                if (
                    w == "х"
                    and _STARRED_REST.match(orig, t.end)
                    and not (t.start and (orig[t.start - 1].isalnum() or orig[t.start - 1] in "-‐–"))
                ):
                    found.setdefault(i, {}).setdefault("obscene", (MASKED_ENTRY + "хуй", None))
        if not _CLIPPINGS.isdisjoint(words):
            # 4d. «нах», «пох» (obscene.txt) are мат clipped only as words of their own: not an abbreviation
            # («офис нах. в центре», «нах-ся» — находится)
            for i, w in enumerate(words):
                if w in _CLIPPINGS and _ABBREVIATION.match(orig, toks[i].end) and (f := found.get(i)):
                    f.pop("obscene", None)
        disguise_hint = _DISGUISE_HINT.search(orig)
        if disguise_hint:
            # 5. a word hidden with look-alikes («вaта», «тyпой», «жoпа»): nobody disguises a word in its
            # innocent sense, so a word of DISGUISED_SET written so is an insult by itself. Only the
            # tokens around a Latin letter are read.
            starts = [t.start for t in toks]
            seen: set[int] = set()
            for m in _DISGUISE_HINT.finditer(orig):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i < 0 or i in seen or toks[i].end <= m.start():
                    continue
                seen.add(i)
                t = toks[i]
                info = forms.get(words[i])
                if not _MIXED.search(orig, t.start, t.end):
                    continue
                if info is not None and DISGUISED_SET in info.sets:
                    found.setdefault(i, {}).setdefault("insult", _disguised(words[i]))
                elif info is None and (head := self._disguised_head(words[i])):
                    # … and a compound made on one («ж0поруkие строители»: жопа + «-о-» + «рукие»; round 34)
                    found.setdefault(i, {}).setdefault("insult", _disguised(head))
        if "*" in text:
            # the same words with letters masked («ан.льный», «жо*а»), when no category word fits the mask
            for i, w in enumerate(words):
                if "*" in w and not found.get(i):
                    form = self._disguised_form(w)
                    if form:
                        found.setdefault(i, {})["insult"] = _disguised(form)
                    elif form := self._disguised_form(w, self._vulgar_index):
                        # a vulgar word the author censored is no insult by itself, but it is still the word
                        # of the phrase it stands in («Да идите вы в ж*пу со своим благоустройством»: round 34)
                        note(i, _Info((), forms[form].sets, None))
        for i, f in found.items():
            if "hate" in f and SUBJECTLESS_SET in token_sets.get(i, ()) and self._comers_named(n, i):
                del f["hate"]
        if disguise_hint and _LAYOUT_HINT.search(orig, disguise_hint.start()):
            hits.extend(self._match_layout(orig))
        if _SPLIT_HINT.search(orig):
            hits.extend(self._match_split(n, words, found, token_sets))
        syllables = (
            self._match_syllables(n, words, found)
            if len(words) > 2 and not self._syllable_stubs.isdisjoint(words)
            else []
        )
        if len(words) > 1:
            # (two pieces of a word read in syllables are no word of their own: «на ху я» is not «ху я»)
            hits.extend(
                h
                for h in self._match_spaced(n, words, found)
                if not any(s.start <= h.start and h.end <= s.end for s in syllables)
            )
        hits.extend(syllables)
        for i in sorted(found):
            f = found[i]
            if not f:
                continue
            t = toks[i]
            for cat in self._cats:
                if cat in f:
                    entry, tgt = f[cat]
                    hits.append(Hit(cat, entry, t.start, t.end, orig[t.start : t.end], tgt))
        if orig.startswith("[") and token_sets and (m := _REPLY_TO.match(orig)):
            # «[id123|Алексей], балабол», «[id456|Игорь], крыса»: a VK reply whose first clause is one
            # word the lexicon reads as an insult only when said to someone — it is said to the
            # addressee the reply names (not «[id123|Ольга], клоун из цирка приедет», nor «…, клоун?»)
            i = next((k for k, t in enumerate(toks) if t.start >= m.end()), None)
            if (
                i is not None
                and toks[i].start == m.end()
                and not token_sets.get(i, frozenset()).isdisjoint(_VOCATIVE_NAMES)
                and any("nomn" in p.tag for p in parses(words[i])[:2])
                and _clause_end(n, i)
                and not _in_question(n, i)
                and not any(h.start == toks[i].start for h in hits)
            ):
                t = toks[i]
                hits.append(Hit("insult", "weak_insult_vocative", t.start, t.end, orig[t.start : t.end]))
        elif token_sets and len(toks) > 2 and (i := _hailed_at_an_edge(n, words, token_sets)) is not None:
            # «Вахлак сиволапый, выучи сначала …», «… сиди и не вякай про водоканал, охламон», «Ксения, пиявка,
            # присосалась …»: the text opens or ends by calling the one it speaks to so (round 35)
            # (held, a floor only: «Собака, иди сюда», «Клоун, приезжай к нам на праздник» speak to a dog, a clown)
            t = toks[i]
            if not any(h.start == t.start for h in hits):
                hits.append(
                    Hit(
                        "insult", "weak_insult_vocative", t.start, t.end, orig[t.start : t.end],
                        strength="review", floor_only=True,
                    )
                )  # fmt: skip
        if token_sets:
            present = set().union(*token_sets.values())  # (``isdisjoint`` then iterates the smaller side)
            gate = self._name_gate
            if (
                self._name_partners
                and (gate is None or not gate.isdisjoint(present))
                and any(all(not slot.isdisjoint(present) for slot in slots) for slots in self._name_partners)
            ):
                _mark_names(n, token_sets)
                present = set().union(*token_sets.values())
            hits.extend(self._match_patterns(n, words, token_sets, token_targets, present))
            rank = self._rank
            hits.sort(key=lambda h: (h.start, h.end, rank[h.category]))
        if ".." in orig or "…" in orig or "мать" in n.text or "м*ть" in n.text:
            hits.extend(_clipped_oaths(orig, hits))
        return hits

    def _comers_named(self, n: Normalized, i: int) -> bool:
        """Is the hate verb at ``i`` (of SUBJECTLESS) said with its subject named next to it, and no
        group («понаехали туристы, не припарковаться», «отдыхающие понаехали»)? The verb is a slur only
        when it stands for the people it sneers at («понаехали тут», «понаехали всякие», «… чурки»)."""
        words = n.words
        for j in range(i - 1, max(-1, i - 7), -1):
            if _clause_end(n, j) and n.original[n.tokens[j].end : n.tokens[j + 1].start] != "-":
                break  # (a hyphen inside a word — «когда-то» — ends no clause)
            if words[j] in _WE_OR_I:
                return True  # («мы все тут когда-то понаехали», «я сам понаехал»: the author counts themself in)
        for j in (i - 1, i + 1):
            if not 0 <= j < len(words) or words[j] in self.group_word_set or _clause_end(n, min(i, j)):
                continue
            tag = analyzer().parse(words[j])[0].tag
            if {"plur", "nomn"} in tag and tag.POS in ("NOUN", "ADJF", "PRTF") and "Apro" not in tag:
                return True
        return False

    def _match_split(
        self,
        n: Normalized,
        words: Sequence[str],
        found: dict[int, dict[str, tuple[str, str | None]]],
        token_sets: dict[int, frozenset[str]] | None = None,
    ) -> list[Hit]:
        """Words broken by a symbol the normaliser read as punctuation: «пи-доры», «пе?зд»,
        «су.....и», «от.ебись», «б/ля». Two neighbouring tokens glued by a short symbol run (no space) are
        tried as one word — as written without it, and with it as a hidden letter — and count only when
        that word is in the lexicon or built on a мат root («кто-то», «ул.Мира», «и/или» stay two words).
        Three pieces or more glued so («б/ля/ди») are read whole first, as written, and count only as a
        listed form (a root would read «е-бе-бе»)."""
        toks = n.tokens
        orig = n.original
        out: list[Hit] = []
        gaps = self._split_gaps(n, words)
        done = -1  # the last token of a chain read whole: its pieces are not tried in pairs
        for i, gap in gaps.items():
            if i < done:
                continue
            chain = self._glued_chain(n, words, found, gaps, i)
            if chain is not None:
                out.extend(chain[1])
                done = chain[0]
                continue
            a, b = toks[i], toks[i + 1]
            left, right = words[i], words[i + 1]
            if gap == "." and len(left) == len(right) == 1 and orig[a.start].isupper() and orig[b.start].isupper():
                continue  # «к Е.Б. Ахмедовой»: a person's initials, not a word broken by a dot («еб»)
            have = {*found.get(i, {}), *found.get(i + 1, {})}
            if left[-1] == "ъ" and "obscene" not in have and _HIDING_GAP.fullmatch(gap):
                # «Отъ…битесь», «съ*бались»: a hard sign ends no word, so a prefix's vowel after it is hidden (only
                # е/ё/ю/я follow «ъ»; the мат root is the one read)
                if root := self._root_reading(left + "е" + right):
                    out.append(Hit("obscene", root[0], a.start, b.end, orig[a.start : b.end]))
                    continue
            f: dict[str, tuple[str, str | None]] = {}
            for key in (left + right, left + "*" + right):
                if "*" in key:
                    short = min(len(left), len(right))
                    hides = _HIDING_GAP.fullmatch(gap) or (gap == "-" and short == 1)
                    abbreviation = orig[b.start : b.start + 1].isupper()  # "г.Пятигорск", "ул.Мира"
                    if (
                        f
                        or len(key) < 4
                        or short > 2
                        or abbreviation
                        or not hides
                        or left + right in _INTERJECTIONS
                        or left + right in _HYPHEN_ABBREVIATIONS
                        # a sound drawn out, no letter hidden: «Ху-у-у-ух, дали воду», «Ну-у», «у-ух»
                        or right == left[-1]
                        or left == right[0]
                    ):
                        # read as written; "т.е", "и.о" are too little to read a word from; a hyphen
                        # hides letters only after or before a lone letter ("х-ня", "с-ка", not "м-да");
                        # a hidden letter leaves a stub of one or two ("ан.льный", "су..и"): two words
                        # glued by a dot ("дороги.Мэр") are not tried against every listed form
                        continue
                    # only the listed forms: a root's open prefix would read "прим.изд" as a мат word
                    self._match_mask(key, f, fill=False)
                    if not f and (form := self._disguised_form(key)):
                        f["insult"] = _disguised(form)
                    continue
                info = self._forms.get(key)
                if info is not None:
                    for cat, entry, tgt in info.entries:
                        f.setdefault(cat, (entry, tgt))
                    if info.sets and token_sets is not None and not (_plain_word(left) and _plain_word(right)):
                        # a word of a pattern's set broken where no word is («Директор школы вз-яточница»: no
                        # «вз», no «яточница»; not «по-хорошему»): its longer piece stands for it in the patterns
                        # (round 34)
                        k = i if len(left) >= len(right) else i + 1
                        old = token_sets.get(k)
                        token_sets[k] = old | info.sets if old else info.sets
                if "obscene" not in f and (root := self._root_reading(key)):
                    f["obscene"] = root
            for cat in self._cats:
                if cat in f and cat not in have:
                    entry, tgt = f[cat]
                    out.append(Hit(cat, entry, a.start, b.end, orig[a.start : b.end], tgt))
        return out

    @staticmethod
    def _split_gaps(n: Normalized, words: Sequence[str]) -> dict[int, str]:
        """Token index → the symbol run (no space) that glues it to the next token, for the pairs of
        Cyrillic words :meth:`_match_split` reads as one, in order."""
        toks = n.tokens
        orig = n.original
        ending_at = {t.end: i for i, t in enumerate(toks)}
        gaps: dict[int, str] = {}
        for g in _SPLIT_HINT.finditer(orig):
            i = ending_at.get(g.start())
            if i is None or i + 1 >= len(toks):
                continue
            gap = orig[toks[i].end : toks[i + 1].start]
            if not gap or len(gap) > 6 or not _SPLIT_GAP.fullmatch(gap):
                continue
            if _CYR_WORD.fullmatch(words[i]) and _CYR_WORD.fullmatch(words[i + 1]):
                gaps[i] = gap
        return gaps

    def _glued_chain(
        self,
        n: Normalized,
        words: Sequence[str],
        found: dict[int, dict[str, tuple[str, str | None]]],
        gaps: dict[int, str],
        i: int,
    ) -> tuple[int, list[Hit]] | None:
        """Three pieces or more glued by symbols from token ``i`` on that spell a listed form as written
        («б/ля/ди», «на/ху/я»): the last token of the longest such chain and its hits, or None."""
        last = i
        while last + 1 in gaps and last + 1 - i < _SYLLABLES_MAX - 1:
            last += 1
        for end in range(last + 1, i + 1, -1):  # the chain's last token
            info = self._forms.get("".join(words[i : end + 1]))
            if info is None or not info.entries or any(found.get(k) for k in range(i, end + 1)):
                continue
            return end, _listed_hits(info, n, i, end)
        return None

    def _hashtag_mask(self, orig: str, t: Token, word: str) -> str | None:
        """The listed form a «#» before token ``t`` hides the first letter of («#иды» — «жиды»), or None when
        the «#» opens a hashtag: a word of its own follows it (the dictionary knows it, and not first as a
        person's name), a capital («#Пятигорск»), the «#» is glued to a word or another symbol, or more than
        one listed form fits."""
        k = t.start - 1
        if (k and (orig[k - 1].isalnum() or orig[k - 1] in "#*")) or not orig[t.start].islower():
            return None
        if len(word) < 3 or t.masked or not _CYR_WORD.fullmatch(word):
            return None
        fits = self._first_letter_hidden.get(word, ())
        if len(fits) != 1:
            return None
        ps = parses(word)
        if not _unknown(word) and ps and NAME_TAGS.isdisjoint(ps[0].tag.grammemes):
            return None
        return fits[0]

    @cached_property
    def misspelt_group_word(self) -> OneSlip:
        """The neutral group name or group adjective a word the dictionary does not know misspells by one
        slip («жензин» → «женщин», «кавказкие» → «кавказские»); the analyser reads it (built for the first text
        judged, ≈ 0.03 s: the compiled lexicon's cache does not hold it)."""
        return OneSlip(self.neutral_group_words | self.model_seen_group_words | self.group_adjective_set)

    @cached_property
    def _first_letter_hidden(self) -> dict[str, tuple[str, ...]]:
        """Every listed form of four letters or more without its first letter → the forms («иды» → «жиды»):
        what a «#» in place of the first letter can hide (:meth:`_hashtag_mask`)."""
        out: dict[str, list[str]] = {}
        for length, bucket in self._mask_index.items():
            if length >= 4:
                for form, _info in bucket:
                    out.setdefault(form[1:], []).append(form)
        return {rest: tuple(forms) for rest, forms in out.items()}

    def _match_spaced(
        self, n: Normalized, words: Sequence[str], found: dict[int, dict[str, tuple[str, str | None]]]
    ) -> list[Hit]:
        """A word split by one space into two pieces of two letters or more, one of them three letters or
        fewer («ху йня», «му дак», «деб ил», «пи дор»): the two are read as one word, and count only when it
        is a listed form (not a мат root: «е был», «п сдельная»), neither piece is a particle or a
        preposition («не люди» is no «нелюди») and neither is already a lexicon word («на хуй» keeps its
        «хуй»). A lone letter split off so («ниху я», «б ляди») is joined only to a piece that is no word at
        all, and not to a capital inside a sentence: a one-letter word beside a real one is a word of its
        own («и дура», «я мудак»), a capital a name («на Ху я надеюсь»)."""
        heads, tails = self._split_pieces
        # (two set lookups per pair rule out nearly every text: only a listed form's first or last two or
        # three letters can be such a stub, or the rest of it beside a lone letter)
        pairs = [
            i
            for i, (left, right) in enumerate(zip(words, words[1:], strict=False))
            if left in heads or right in tails
        ]
        out: list[Hit] = []
        for i in pairs:
            left, right = words[i], words[i + 1]
            lone = (len(left) == 1) != (len(right) == 1)
            if (min(len(left), len(right)) < 2 and not lone) or i in found or i + 1 in found:
                continue
            info = self._forms.get(left + right)
            if info is None or not info.entries:
                continue
            a, b = n.tokens[i], n.tokens[i + 1]
            if n.original[a.end : b.start] != " " or not (
                _CYR_WORD.fullmatch(left) and _CYR_WORD.fullmatch(right)
            ):
                continue
            if lone:
                if not _unknown(right if len(left) == 1 else left) or _capital_inside(n, i, i + 2):
                    continue
            elif is_function_word(left) or is_function_word(right):
                continue  # (a long piece may be one: «не люди» has the stub on the other side)
            out.extend(_listed_hits(info, n, i, i + 1))
        return out

    def _match_syllables(
        self, n: Normalized, words: Sequence[str], found: dict[int, dict[str, tuple[str, str | None]]]
    ) -> list[Hit]:
        """A мат word or a word of abuse split by spaces into three pieces or more, syllables of one to three
        letters («на ху я нам этот памятник», «е ба ть», «шлю х а»): the pieces are read as one word, which
        counts only when it is a listed form of мат, an insult or a slur (not a root: short words in a row
        are everywhere), and only when one piece is no word at all («ху», «ть», «х») — a row of real words
        («у них у меня») is never joined — and none is already a lexicon word or starts with a capital of
        its own («на Ху я надеюсь»: the surname)."""
        out: list[Hit] = []
        for m in _SHORT_RUN.finditer(n.text):
            span = n.token_span(m.start(1), m.end(1))
            if span is None:
                continue
            start, hi = span[0], span[1] + 1
            while start + 2 < hi:
                end = min(hi, start + _SYLLABLES_MAX)
                while end - start >= 3 and not self._syllables_join(n, words, found, start, end):
                    end -= 1
                if end - start < 3:
                    start += 1
                    continue
                out.extend(_listed_hits(self._forms["".join(words[start:end])], n, start, end - 1))
                start = end
        return out

    def _syllables_join(
        self,
        n: Normalized,
        words: Sequence[str],
        found: dict[int, dict[str, tuple[str, str | None]]],
        start: int,
        end: int,
    ) -> bool:
        """Are the tokens ``start:end`` one word of мат or abuse written in syllables
        (:meth:`_match_syllables`)?"""
        info = self._forms.get("".join(words[start:end]))
        if info is None or not any(e[0] in _TAIL_CATEGORIES for e in info.entries):
            return False
        pieces = range(start, end)
        toks, orig = n.tokens, n.original
        if any(found.get(i) for i in pieces) or all(len(words[i]) == 1 for i in pieces):
            return False  # (single letters: the normaliser's joiner reads «х у й» and leaves «и я с»)
        if any(orig[toks[i - 1].end : toks[i].start] != " " for i in pieces[1:]):
            return False
        written = orig[toks[start].start : toks[end - 1].end]
        if not written.isupper() and any(orig[toks[i].start].isupper() for i in pieces[1:]):
            return False
        stubs = self._syllable_stubs
        return any(words[i] in stubs for i in pieces)

    @cached_property
    def _syllable_stubs(self) -> frozenset[str]:
        """The pieces of one to three letters of the listed мат forms that are no word at all («ху», «ть»,
        «бл», «х»): :meth:`_match_syllables` joins a row only round one, so a text without any skips it
        (a word of abuse too: «шлю х а»; the stubs of every insult would open it on most texts)."""
        listed = [
            f
            for f, info in self._forms.items()
            if len(f) >= 4 and any(e[0] == "obscene" for e in info.entries)
        ]
        pieces = {f[a : a + k] for f in listed for k in (1, 2, 3) for a in range(len(f) - k + 1)}
        return frozenset(p for p in pieces if _unknown(p))

    @cached_property
    def _split_pieces(self) -> tuple[frozenset[str], frozenset[str]]:
        """The pieces :meth:`_match_spaced` may find on the left and on the right of a space: the first and
        the last two or three letters of every listed form of four letters or more that names a category,
        and every listed form of three letters or more without its last or its first letter (what a lone
        letter split off leaves: «ниху» of «нихуя», «ляди» of «бляди»)."""
        listed = [f for f, info in self._forms.items() if info.entries and len(f) >= 3]
        heads = {f[:k] for f in listed if len(f) >= 4 for k in (2, 3)}
        tails = {f[-k:] for f in listed if len(f) >= 4 for k in (2, 3)}
        # (not a particle or a preposition: «не люди» is two words, and «на», «не» begin many forms)
        return (
            frozenset(x for x in heads if not is_function_word(x)) | {f[:-1] for f in listed},
            frozenset(x for x in tails if not is_function_word(x)) | {f[1:] for f in listed},
        )

    def suspicion(self, word: str) -> int:
        """How much one lower-cased Cyrillic word suggests a violation nearby (3 a lexicon word, 2 a
        word with a мат-root hint, 1 a group name, 0 nothing): the density scan of long texts."""
        info = self._forms.get(word)
        if info is not None and info.entries:
            return 3
        if self._hint is not None and self._hint.search(word):
            return 2
        return 1 if info is not None and info.target else 0

    def _root_reading(self, key: str) -> tuple[str, None] | None:
        """The мат root a whole word is built on, as a found entry (``"root:<name>"``); None when none
        is, or the word is one of the innocent [exceptions]."""
        if self._root is None or key in self._exceptions:
            return None
        m = self._root.fullmatch(key)
        return ("root:" + self._root_names[int(m.lastgroup[1:])], None) if m and m.lastgroup else None

    def _match_layout(self, orig: str) -> list[Hit]:
        """Words typed with the keyboard left in its Latin layout («автор lt,bk, даже даты перепутал»: «дебил»;
        «velfr», «e,k.ljr»): a Latin run, its punctuation keys included, that reads in the Russian layout as a
        listed form or a мат root (round 34: in 56,048 probe texts every such run was one; an English word reads
        as no Russian one there)."""
        out: list[Hit] = []
        for m in _LAYOUT_RUN.finditer(orig):
            run = m.group().rstrip(".,")
            key = run.lower().translate(_LAYOUT)
            if len(key) < 4 or key == run.lower() or sum(c.isalpha() for c in run) < 3:
                continue
            info = self._forms.get(key)
            entries = info.entries if info is not None else ()
            if not entries and (root := self._root_reading(key)):
                entries = (("obscene", root[0], None),)
            seen: set[str] = set()
            for cat, entry, tgt in entries:
                if cat not in seen:
                    seen.add(cat)
                    out.append(Hit(cat, entry, m.start(), m.start() + len(run), run, tgt))
        return out

    def _disguised_head(self, w: str) -> str | None:
        """The DISGUISED_SET word an unknown compound opens with, joined to the rest by «о» or «е» («жопорукие»:
        «жоп-о-рукие», «жопа»; «говноеды»: «говно»), or None. The rest is three letters or more."""
        if len(w) < 7 or not _unknown(w):
            return None
        forms = self._forms
        for k in range(4, len(w) - 2):
            if w[k - 1] not in _LINKING:
                continue
            for head in (w[:k], w[: k - 1] + "а"):
                info = forms.get(head)
                if info is not None and DISGUISED_SET in info.sets:
                    return head
        return None

    def _disguised_form(self, key: str, index: dict[int, list[str]] | None = None) -> str | None:
        """The DISGUISED_SET form a masked word can stand for, if exactly one reading is possible (of the
        vulgar ones, with ``index`` :attr:`_vulgar_index`)."""
        if index is None:
            index = self._disguised_index
        rx = _mask_regex(key)
        if rx is None or sum(c != "*" for c in key) < 3:
            return None
        pattern, lo, hi = rx
        fits = {
            f for n in range(lo, hi + 1) for f in index.get(n, ()) if pattern.fullmatch(f)
        }
        return fits.pop() if len(fits) == 1 else None

    def _match_hidden_start(self, stars: int, rest: str, found: dict[str, tuple[str, str | None]]) -> None:
        """«***ло», «***ня»: two or three stars for a word's first letters. The wildcard of :func:`_mask_regex`
        needs a letter among the first two (two stars there fit too many words), so here each star is one
        letter and only a мат form is read: the insults of that shape («**ка», «быдло», «гнида», «жиды») may as
        well be a name or a word the writer hid for other reasons («***ин»). Of several, one that is an insult
        too: «он ***ло» is «хуйло» or «мудло» said of him more likely than «ебало»."""
        fits = [
            (form, info)
            for form, info in self._mask_index.get(stars + len(rest), ())
            if form.endswith(rest) and any(cat == "obscene" for cat, _entry, _tgt in info.entries)
        ]
        if fits:
            form, info = max(fits, key=lambda fit: len({cat for cat, _entry, _tgt in fit[1].entries}))
            for cat, _entry, tgt in info.entries:
                found.setdefault(cat, (MASKED_ENTRY + form, tgt))

    def _match_mask(self, key: str, found: dict[str, tuple[str, str | None]], fill: bool = True) -> None:
        rx = _mask_regex(key)
        if rx is None:
            return
        pattern, lo, hi = rx
        first = key[0] if key[0] != "*" else ""
        for length in range(lo, hi + 1):
            for form, info in self._mask_index.get(length, ()):
                if first and form[0] != first:
                    continue
                if pattern.fullmatch(form):
                    for cat, _entry, tgt in info.entries:
                        if cat not in found:
                            found[cat] = (MASKED_ENTRY + form, tgt)
        if not fill or "obscene" in found or self._root is None:
            return
        stars = key.count("*")
        if stars == 1:
            # one hidden letter in a word the lists do not spell out ("оп*здошен", "до*бался"): мат roots
            # are productive, so the word is tried with each letter in the star's place — the з only after the
            # vowel of «пи*дят» («п*дла», «п*дор» hide a vowel: «падла», «пидор», not the short root «пзд»)
            at = key.index("*")
            fills: tuple[str, ...] = tuple(c for c in _FILL if c != "з" or key[at - 1 : at] in ("и", "е"))
        elif stars == 2 and "**" in key:
            # two side by side: the core of the root («Отъ**итесь уже от родителей», «на**й»: round 34)
            fills = _FILL_PAIRS
        else:
            return
        gap = "*" * stars
        for c in fills:
            root = self._root_reading(key.replace(gap, c))
            if root:
                found["obscene"] = root
                return

    def _match_patterns(
        self,
        n: Normalized,
        words: Sequence[str],
        token_sets: dict[int, frozenset[str]],
        token_targets: dict[int, str],
        present: set[str],
    ) -> list[Hit]:
        # the patterns every slot of which some word of the text can fill (``present``: the set names of
        # the text's words): found from the set names alone (most texts have none, and skip the
        # positions below)
        todo: set[int] = set()
        for name in present:
            todo.update(self._anchor_index.get(name, ()))
        slot_sets = self._slot_sets
        live = [k for k in sorted(todo) if not any(map(present.isdisjoint, slot_sets[k]))]
        if not live:
            return []
        toks = n.tokens
        where: dict[str, list[int]] = {}
        for i in sorted(token_sets):
            for name in token_sets[i]:
                where.setdefault(name, []).append(i)
        out: list[Hit] = []
        named_at: set[tuple[str, int]] = set()
        sentence: list[int] | None = None
        clauses: list[list[int]] = []

        def forbidden(i: int) -> bool:  # «выселять цыган нельзя»: clauses only where it can matter
            if _AFTER_NEGATORS.isdisjoint(words[i + 1 : i + 1 + _FORBID_REACH]):
                return False
            if not clauses:
                clauses.append(_clauses(n, sentence or _sentences(n)))
            return forbidden_after(words, clauses[0], i)

        for k in live:
            p = self._patterns[k]
            if sentence is None:
                sentence = _sentences(n)
            cands: list[list[int]] = []
            for slot in p.slots:
                idx: set[int] = set()
                for name in slot.sets:
                    idx.update(where.get(name, ()))
                if slot.plain:  # (most slots have no flag: no test per token)
                    c = sorted(idx)
                else:
                    c = sorted(
                        i
                        for i in idx
                        if not (slot.not_negated and i > 0 and _not_asserted(n, words, sentence, i))
                        and not (slot.not_negated and forbidden(i))
                        and not (slot.clause_end and not _clause_end(n, i))
                        and not (slot.asserted and _in_question(n, i))
                        and not (slot.after_dash and not _after_dash(n, i))
                    )
                if not c:
                    break
                cands.append(c)
            else:
                chosen = _find(cands, p.window, p.ordered, sentence)
                if chosen is None:
                    continue
                lo, hi = min(chosen), max(chosen)
                target = p.target or next((token_targets[i] for i in chosen if i in token_targets), None)
                kind = categories.get(p.category).targets
                if kind == "required" and target is None:
                    continue  # hate needs a target group
                if kind == "none":
                    target = None
                start, end = toks[lo].start, toks[hi].end
                if (p.name, start) in named_at:
                    continue  # a twin of one name (a wider window, another order) found it already
                named_at.add((p.name, start))
                out.append(
                    Hit(
                        p.category, p.name, start, end, n.original[start:end], target, p.kind, p.strength,
                        p.floor_only,
                    )
                )
        return out


#: A slot that must not be negated (``~``: an act said, not denied) must not follow these either: the
#: infinitive after them is not the author's call. The future of others, news or a forecast («мигрантов
#: будут выселять»; «я вас буду расстреливать» is the author's own: first person stays); what others
#: began, went on or stopped doing, history or news («турки начали убивать армян», «продолжают убивать
#: мирных жителей»; «начнём их гнать» is a call: first person and imperative stay); what others want,
#: plan, decided, threaten or propose to do, news of an intent («переселенцев хотят выселить из ПВР»,
#: «мигрантов собираются выселять»; «хочу их выгнать», «предлагаю выселить» are the author's own)
_NOT_CALLED_BY = frozenset(
    "будет будут начал начала начали начало начинают начинает начинали начинал начнут начнет стал стала "
    "стали стало станут станет продолжают продолжает продолжали продолжал продолжила продолжили продолжат "
    "перестали перестал перестала перестают перестанут прекратили прекратил бросили "
    "хочет хотят хотел хотела хотели собирается собираются собирался собиралась собирались планирует "
    "планируют планировали намерен намерена намерены решил решила решили решает решают грозится грозятся "
    "грозился грозились обещает обещают обещал обещали пытается пытаются пытался пыталась пытались "
    "предлагает предлагают предложил предложила предложили".split()
)
#: … and the act forbidden before it («нельзя убивать людей за веру»), like «не» — for the acts the
#: ``~`` slots name; a permission forbidden is the exclusion itself («нельзя пускать их в город»), so
#: the analyser, which reads permissions too, does not take these
_DENIED_BY = _NEGATIONS | frozenset(("нельзя", "запрещено"))


def not_called_by(words: Sequence[str], i: int) -> int | None:
    """The word of ``_NOT_CALLED_BY`` that makes the infinitive at ``i`` not the author's call — right
    before it, or before the infinitive it is joined to («начали грабить и убивать казаков») — if any
    (shared with the group analyser, whose calls are read the same way)."""
    k = i - 1
    if k < 0:
        return None
    if words[k] in _NOT_CALLED_BY:
        return k
    if (
        k >= 2
        and words[k] == "и"
        and words[k - 1].endswith(("ть", "ти", "чь"))
        and words[k - 2] in _NOT_CALLED_BY
    ):
        return k - 2
    return None


def _not_asserted(n: Normalized, words: Sequence[str], sentence: list[int], i: int) -> bool:
    """Is the word at ``i`` denied («не выгонять», «нельзя убивать», «не надо (мигрантов) гнать») or not
    called (:func:`not_called_by`) in its sentence, or said in a clause the author disowns («я не говорил,
    что вы ворюга, я сказал, что смета завышена»; round 41: deleted)?"""
    if disowned_before(words, sentence, i):
        return True
    k = i - 1 if words[i - 1] in _DENIED_BY else not_called_by(words, i)
    if k is not None:
        return sentence[k] == sentence[i]
    return _forbidden_before(n, words, i)


#: the author's own words denied («я не писала, что …», «не утверждаю, что …»)
_SAID_DENIED = frozenset(
    "писал писала писали говорил говорила говорили говорю утверждал утверждала утверждали утверждаю сказал сказала"
    " сказали называл называла называли называю пишу".split()
)


def disowned_before(words: Sequence[str], sentence: Sequence[int], i: int) -> bool:
    """Does «(я) не писал(а) / не говорил(а) / не утверждаю …, что» stand before the word at ``i`` in its sentence —
    a clause the author disowns (the group analyser's statements and the lexicon's asserted slots both)?"""
    return any(
        words[j] == "не" and words[j + 1] in _SAID_DENIED and "что" in words[j + 2 : i]
        for j in range(max(0, i - 8), i - 1)
        if sentence[j] == sentence[i]
    )


def _forbidden_before(n: Normalized, words: Sequence[str], i: int) -> bool:
    """Does «не надо», «не нужно», «нельзя» … stand up to three words before the word at ``i`` in its
    clause, only its object between («Не надо мигрантов гнать из города»; not «Нельзя терпеть, надо
    гнать», nor «нельзя терпеть надо гнать»: another verb is what is forbidden)?"""
    toks = n.tokens
    for k in range(i - 1, max(-1, i - 4), -1):
        if _CLAUSE_END.search(n.original, toks[k].end, toks[k + 1].start):
            return False
        w = words[k]
        if w in ("нельзя", "незачем") or (w in FORBID_MODALS and k > 0 and words[k - 1] == "не"):
            return True
        if w not in FORBID_MODALS and any(p.tag.POS in VERBAL_POS for p in parses(w)[:1]):
            return False
    return False


#: Very frequent words: a slot made of them is a poor anchor for the pattern index.
_FREQUENT = FUNCTION_LEMMAS | frozenset(
    "не ни все всех ты вы тебя вас тебе вам тобой вами этот эта эти этих это для где я мы он она они их "
    "таких такой такие сам сама человек люди знать знаю жить живешь город бы себя лучше то нет меня мне".split()
)  # (the closed classes too: «на», «что», «как», «с» anchored a tenth of the patterns and met most texts)


@lru_cache(maxsize=4096)
def _unknown(word: str) -> bool:
    """Is ``word`` a word pymorphy3's dictionary does not have (a misspelling, not a rare word)?"""
    return not analyzer().word_is_known(word)


_RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


def _one_edit_from_a_word(word: str) -> bool:
    """Is ``word`` one letter dropped, added, changed or two swapped off a word pymorphy3's dictionary
    knows (a misspelling: «скорблять», «оскарблять»)? A few hundred dictionary look-ups: only for the
    rare word :meth:`Lexicon._glued_mat` would otherwise cut up."""
    known = analyzer().word_is_known
    for k in range(len(word) + 1):
        head, tail = word[:k], word[k:]
        if tail and known(head + tail[1:]):
            return True
        if len(tail) > 1 and known(head + tail[1] + tail[0] + tail[2:]):
            return True
        for c in _RU_LETTERS:
            if (tail and c != tail[0] and known(head + c + tail[1:])) or known(head + c + tail):
                return True
    return False


@lru_cache(maxsize=4096)
def _plain_word(word: str) -> bool:
    """Does pymorphy3's dictionary know ``word`` first as a word, not an abbreviation («гр», «пер») or a
    name («оскар|блять» is «оскорблять» misspelt)?"""
    ps = parses(word)
    return not _unknown(word) and bool(ps) and _NOT_PLAIN.isdisjoint(ps[0].tag.grammemes)


_NOT_PLAIN = NAME_TAGS | {"Abbr"}


def _commonness(sets: frozenset[str], by_set: dict[str, set[str]]) -> tuple[int, int]:
    """(frequent words in a slot of these sets, forms in it): smaller is a better anchor."""
    members: set[str] = set()
    for name in sets:
        members |= by_set.get(name, set())
    return (len(members & _FREQUENT), len(members))


# --------------------------------------------------------------------------------------------------
# helpers


#: Analyser cue sets that open it on a text with no group word (requests and complaints to moderators).
_REQUEST_CUES = frozenset(("GS.MODERATE", "GS.MODERATE_ASKED", "GS.COMPLAINT", "GS.CENSORED"))


@lru_cache(maxsize=8192)
def _mask_regex(key: str) -> tuple[re.Pattern[str], int, int] | None:
    """Wildcard regex for a masked word, with the form lengths it can match; None if too vague."""
    known = sum(c != "*" for c in key)
    stars = len(key) - known
    if known < 2 or "*" not in key:
        return None
    if not (key[0] != "*" or key[1:2] not in ("*", "")):
        return None  # need a known letter among the first two
    if known < stars and not (key[0] != "*" and key[-1] != "*" and len(key) <= 6):
        return None
    if key[-1] == "*" and known < 3:
        return None
    parts: list[str] = []
    lo = hi = 0
    for is_star, grp in itertools.groupby(key, key=lambda c: c == "*"):
        s = "".join(grp)
        if is_star:
            k = len(s)
            a, b = max(1, k - 1), k + 1
            parts.append(f"[а-я]{{{a},{b}}}")
            lo += a
            hi += b
        else:
            parts.append(re.escape(s))
            lo += len(s)
            hi += len(s)
    return re.compile("".join(parts)), lo, hi


def _sentences(n: Normalized) -> list[int]:
    """Sentence number of each token (a window never spans two sentences)."""
    out: list[int] = []
    sid = 0
    prev_end = None
    orig = n.original
    for t in n.tokens:
        if prev_end is not None and _SENTENCE_END.search(orig, prev_end, t.start):
            sid += 1
        out.append(sid)
        prev_end = t.end
    return out


def _in_question(n: Normalized, i: int) -> bool:
    """Whether the sentence of token ``i`` ends with a question mark ("мы что, не люди?!") — not one that
    closes a quotation first: the quoted words keep their own mood («соседке прислали «мы знаем, где ты
    живёшь», куда обращаться?» quotes a threat, it does not ask one)."""
    m = _SENTENCE_END_RUN.search(n.original, n.tokens[i].end)
    return (
        m is not None
        and "?" in m.group()
        and QUOTE_CLOSING.search(n.original, n.tokens[i].end, m.start()) is None
    )


def _clauses(n: Normalized, sentence: list[int]) -> list[int]:
    """Clause number of each token (a sentence end or a comma, dash, colon … closes a clause)."""
    out: list[int] = []
    c = 0
    for i in range(len(n.tokens)):
        if i and (sentence[i] != sentence[i - 1] or _clause_end(n, i - 1)):
            c += 1
        out.append(c)
    return out


#: a surname's nominative shape (-ов/-ев/-ин/-ын, -ова/-ева/-ина/-ына), for capitalised words no dictionary knows
_UNKNOWN_SURNAME = re.compile(r"[а-я]{3,}(?:ов|ев|ин|ын)а?")


def _mark_names(n: Normalized, token_sets: dict[int, frozenset[str]]) -> None:
    """Add NAME to the sets of the capitalised tokens pymorphy3 reads as a name, patronymic or
    surname (its best two readings), so a pattern can step over «Анна Сергеевна» or stand on «Иванова»."""
    orig = n.original
    for i, t in enumerate(n.tokens):
        if not orig[t.start : t.start + 1].isupper():
            continue
        readings = parses(n.words[i])
        names = [p.tag for p in readings[:2] if not NAME_TAGS.isdisjoint(p.tag.grammemes)]
        surname = any("nomn" in p.tag and "Surn" in p.tag for p in readings[2:6])
        # (round 49: «Тамбиев взяточник» — a surname the dictionary does not know, guessed a plural's genitive)
        unknown = (
            not names
            and not surname
            and _UNKNOWN_SURNAME.fullmatch(n.words[i]) is not None
            and not analyzer().word_is_known(n.words[i])
        )
        if names or surname or unknown:
            if unknown or any("nomn" in tag for tag in names):
                add = _NAME_NOMN
            elif surname:
                # (see SURNAME_NOMN_SET; round 46: also where the first two readings are no name at all — «Дроздов»
                # reads first as the thrushes' genitive, so «Дроздов как индюк надутый» named nobody)
                add = _SURNAME_NOMN
            else:
                add = _NAME_ONLY
            old = token_sets.get(i)
            token_sets[i] = old | add if old else add


def _listed_hits(info: _Info, n: Normalized, first: int, last: int) -> list[Hit]:
    """One hit per category of a listed form read across tokens ``first``–``last`` (a word written in pieces:
    «ху йня», «б/ля/ди», «на ху я»), with the first entry of each category."""
    start, end = n.tokens[first].start, n.tokens[last].end
    quote = n.original[start:end]
    seen: set[str] = set()
    out: list[Hit] = []
    for cat, entry, tgt in info.entries:
        if cat not in seen:
            seen.add(cat)
            out.append(Hit(cat, entry, start, end, quote, tgt))
    return out


def _capital_inside(n: Normalized, start: int, end: int) -> bool:
    """Does a token of ``start:end`` other than a sentence's first start with a capital, in words not
    written all in capitals («на Ху я надеюсь»: the surname)?"""
    toks, orig = n.tokens, n.original
    if orig[toks[start].start : toks[end - 1].end].isupper():
        return False
    sentences = n.sentences
    return any(
        orig[toks[k].start].isupper() and k and sentences[k] == sentences[k - 1] for k in range(start, end)
    )


def _after_dash(n: Normalized, i: int) -> bool:
    """Does a dash (the copula of «сосед — алкаш») stand right before token ``i`` or before the word
    before it («начальник — толстомордый боров»)?"""
    toks = n.tokens
    return any(0 < k and COPULA_DASH.search(n.original, toks[k - 1].end, toks[k].start) for k in (i, i - 1))


#: The мат oath cut short with dots or stars, as older users write it (round 35; round 49: «Ё* твою м*ть»): «ё... твою
#: мать», «е.... мать», «Б... сколько можно» — the dots end a sentence for the tokenizer, so no pattern reads the oath whole
_CLIPPED_OATH = re.compile(
    r"(?<!\w)(?:[её]|еб|ёб|еп|ёп|ёпт|епт)\s*(?:\.{2,}|…|\*+)\s*(?:твою\s+|вашу\s+|его\s+)?м[а*@.]ть(?!\w)"
    r"|(?:^|[.!?]\s+)б\s*\.{2,}(?=\s)"
    r"|(?<!\w)[её][бп]т?(?:твою|вашу)мать(?!\w)",  # («ептвоюмать»: the oath typed as one word)
    re.IGNORECASE,
)
#: … and «мать вашу» / «мать твою» said as an oath, ending its clause («Мать вашу …., когда воду дадите»): held
_MOTHER_OATH = re.compile(r"(?<!\w)мать\s+(?:вашу|твою)(?=\s*(?:\.{2,}|…|!|,|$))", re.IGNORECASE)


def _clipped_oaths(orig: str, hits: list[Hit]) -> list[Hit]:
    """Hits of :data:`_CLIPPED_OATH` (obscene) and :data:`_MOTHER_OATH` (obscene, held) not already read."""
    out: list[Hit] = []
    for rx, strength in ((_CLIPPED_OATH, None), (_MOTHER_OATH, "review")):
        for m in rx.finditer(orig):
            a = m.start() + len(m.group()) - len(m.group().lstrip(".!? \n"))
            if not any(h.start <= a < h.end for h in hits):
                out.append(Hit("obscene", "clipped_oath", a, m.end(), orig[a : m.end()], strength=strength))
    return out


#: the second person a text speaks to: its pronouns (the addressee reader's, and the bookish «тобою»)
_YOU_WORDS = SECOND_PERSON | frozenset(("тобою",))
_COMMA_ONLY = re.compile(r"\s*,\s*")


def _hailed_at_an_edge(n: Normalized, words: Sequence[str], token_sets: dict[int, frozenset[str]]) -> int | None:
    """The word a text calls the one it speaks to, standing alone (with one adjective at most: «Вахлак
    сиволапый») between commas at its start (after a name: «Ксения, пиявка, …») or after a comma at its end —
    a word the lexicon reads as an insult only when said to someone (``_VOCATIVE_NAMES``), in a text that speaks
    to a second person (a «ты»/«вы» or a verb in the second person or the imperative, outside the hail); None
    when there is none. A VK reply's hail is read by ``Lexicon.match`` itself."""
    toks, orig = n.tokens, n.original
    last = len(toks) - 1
    if all(token_sets.get(k, frozenset()).isdisjoint(_VOCATIVE_NAMES) for k in (0, 1, last)):
        return None  # (most texts: no such word at either edge)

    def named(i: int) -> bool:
        return not token_sets.get(i, frozenset()).isdisjoint(_VOCATIVE_NAMES) and any(
            "nomn" in p.tag for p in parses(words[i])[:2]
        )

    def gap(a: int) -> str:
        return orig[toks[a].end : toks[a + 1].start]

    def epithet(i: int) -> bool:
        return any({"ADJF", "nomn"} in p.tag for p in parses(words[i])[:1])

    spans: list[tuple[int, int]] = []  # (the name, the hail's last token: the name and an epithet at most)
    first = 1 if orig[toks[0].start].isupper() and _COMMA_ONLY.fullmatch(gap(0)) and not named(0) else 0
    for a in {0, first}:
        if not named(a):
            continue  # (most texts: one set lookup)
        for b in (a, a + 1):
            if b < last and _COMMA_ONLY.fullmatch(gap(b)) and (b == a or (gap(a).strip() == "" and epithet(b))):
                spans.append((a, b))
                break
    if (
        last > 2
        and named(last)
        and _COMMA_ONLY.fullmatch(gap(last - 1))
        and orig[toks[last].end :].strip() in ("", "!", ".", "!!", ")")
    ):
        spans.append((last, last))
    for a, b in spans:
        if _in_question(n, a):
            continue
        if b < last and any({"NOUN", "nomn"} in p.tag for p in parses(words[b + 1])[:1]):
            continue  # «Петух, корова и две свиньи — продаю»: a list of them
        rest = [k for k in range(len(toks)) if (k < a or k > b) and not (a == 1 and k == 0)]
        if any(words[k] in _YOU_WORDS for k in rest) or any(
            any("2per" in p.tag or "impr" in p.tag for p in parses(words[k])[:1]) for k in rest
        ):
            return a
    return None


def _clause_end(n: Normalized, i: int) -> bool:
    toks = n.tokens
    if i + 1 >= len(toks):
        return True
    return bool(_CLAUSE_END.search(n.original, toks[i].end, toks[i + 1].start))


def _find(cands: list[list[int]], window: int, ordered: bool, sentence: list[int]) -> tuple[int, ...] | None:
    """Token indices, one per slot, within ``window`` tokens of one sentence (first match wins)."""
    if ordered:
        for i0 in cands[0]:
            chosen = [i0]
            pos = i0
            for c in cands[1:]:
                nxt = next((j for j in c if j > pos), None)
                if nxt is None:
                    break
                chosen.append(nxt)
                pos = nxt
            else:
                if pos - i0 < window and sentence[pos] == sentence[i0]:
                    return tuple(chosen)
        return None
    limited = [c[:12] for c in cands]
    best: tuple[int, ...] | None = None
    for combo in itertools.product(*limited):
        if len(set(combo)) != len(combo):
            continue
        lo, hi = min(combo), max(combo)
        if hi - lo < window and sentence[lo] == sentence[hi]:
            # prefer the widest match: "расстрелять всех чиновников" over "расстрелять всех"
            if best is None or hi - lo > max(best) - min(best):
                best = combo
    return best


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``moderation/lexicons/`` (loaded once per process, compiled once per
    version: see :func:`load_cached`)."""
    return load_cached(LEXICON_DIR, cache_dir())


def cache_dir() -> Path | None:
    """Where compiled lexicons are kept: ``$MODBOT_CACHE_DIR`` (``off`` = nowhere), else
    ``$XDG_CACHE_HOME/modbot``, else ``~/.cache/modbot``."""
    env = os.environ.get("MODBOT_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # a service account without a home: compile at every start
            return None
    return Path(base) / "modbot"


def load_cached(directory: Path, cache: Path | None) -> Lexicon:
    """:meth:`Lexicon.load`, through a pickle of the compiled lexicon in ``cache``.

    Compiling expands every lemma with pymorphy3 (≈0.5 s, a quarter of a cold judge's start);
    unpickling takes 0.07 s. The file's name is a digest of everything the result depends on — the
    lexicon files, this module's source, the category registry, pymorphy3 and its dictionary — so an
    edited lexicon or a new release is compiled afresh and a stale file is never read. Any problem
    with the cache (unwritable, corrupt, another user's) only costs the compilation: the lexicon is
    built from its files as without a cache.
    """
    if cache is None:
        return Lexicon.load(directory)
    try:
        path = cache / f"lexicon-{_digest(directory)}.pickle"
    except OSError:
        return Lexicon.load(directory)
    try:
        if (
            path.stat().st_uid == getattr(os, "getuid", lambda: 0)()
        ):  # a pickle is code: only our own files are read
            with path.open("rb") as f:
                lexicon = pickle.load(f)
            if isinstance(lexicon, Lexicon):
                return lexicon
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: compile instead
        pass
    lexicon = Lexicon.load(directory)
    try:
        cache.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("wb", dir=cache, prefix=".lexicon-", delete=False) as f:
            pickle.dump(lexicon, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
        for old in cache.glob("lexicon-*.pickle"):  # earlier versions' files, unused for a week
            if old != path and time.time() - old.stat().st_atime > _STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: the next start compiles again
    return lexicon


_STALE_SECONDS = 7 * 24 * 3600


def _digest(directory: Path) -> str:
    import pymorphy3

    h = hashlib.sha256()
    for f in sorted(Path(directory).glob("*.txt")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(Path(__file__).read_bytes())
    meta = getattr(analyzer().dictionary, "meta", {}) or {}
    h.update(repr((
        categories.lexicon_categories(), tuple(TARGET_GROUPS_RU), pymorphy3.__version__,
        meta.get("source_revision"), meta.get("compiled_at"), sys.version_info[:2],
    )).encode())  # fmt: skip
    return h.hexdigest()[:20]


def forbidden_after(words: Sequence[str], part: Sequence[int], j: int) -> bool:
    """«выселять цыган нельзя», «запрещать им молиться не надо»: the verb at ``j`` is forbidden by
    what follows it within ``_FORBID_REACH`` words of its clause (``part``: the clause number of each token;
    Russian puts the modal after the infinitive as often as before it). «Выгнать цыган, нельзя больше
    терпеть» is a call: the comma starts another clause."""
    for k in range(j + 1, min(len(words), j + 1 + _FORBID_REACH)):
        if part[k] != part[j]:
            return False
        if words[k] == "нельзя":
            return True
        if (
            words[k] == "не"
            and k + 1 < len(words)
            and part[k + 1] == part[j]
            and words[k + 1] in FORBID_MODALS
        ):
            return True
    return False


def _compound_seam(word: str, k: int, weak: bool) -> bool:
    """Is ``word`` a compound whose second part starts at ``k``? A short tail needs a linking vowel
    or a prefix before it («Чебурашка» ends in «рашка», «кадыровцы» in «овцы»); a long tail is
    unambiguous, unless it is a word that insults only when addressed."""
    linked = word[k - 1] in _LINKING
    if weak:
        return linked and len(word) - k > _TAIL_MIN
    return linked or len(word) - k >= _LONG_TAIL or word[:k] in _SLUR_PREFIXES
