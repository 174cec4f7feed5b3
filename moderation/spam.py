"""Rule-based spam evidence for clause 19 ("спам: реклама, рассылка, ссылки на сторонние ресурсы").

Why rules and not only the ML model: spam on a city page is mostly *formulaic* (a link, a phone,
"пиши + в лс", "заработок от 5000 в день") and the moderator must be shown *where* the spam is.
Every :class:`SpamSignal` therefore carries a span of the **original** text, and a weight that says
how spammy that piece of evidence is on its own.  The weights feed two consumers:

* :func:`rule_score` — a transparent noisy-or used as a floor/explanation next to the model;
* :func:`spam_features` — a fixed-width numeric vector the ML model learns from.

Design rules that keep civic comments safe (a city page is full of numbers, addresses and anger):

* Phones, sums, caps, emoji, look-alike letters and a bare "заработок" are **weak** on their own
  (0.1–0.4): citizens quote the clinic's phone, complain about salaries and prices, and shout.
  Only *combinations* (phone + "пиши в лс", earnings + "без вложений") cross
  :data:`SPAM_THRESHOLD`.
* A plain third-party link is 0.55 — over the threshold on purpose, because the decree itself
  lists "ссылки на сторонние ресурсы" as spam; official sites (gosuslugi.ru, pyatigorsk.org,
  *.gov.ru) are 0.1 and shared VK posts 0.35.
* Ambiguous words need context: "кредит" needs loan context ("без отказа", "одобрение"), so
  "кредит доверия к власти исчерпан" is silent; "арбитраж" needs crypto/traffic context so the
  "арбитражный суд" is silent; "порча" is silent before "имущества"; "слоты" only with casino words
  ("нет свободных слотов" at the clinic is a complaint); "л/с" (лицевой счёт) is not "лс".
* Obfuscation is undone *without moving offsets*: text is lower-cased, ё→е, and inside words that
  mix scripts ("Зapaбoтoк" with Latin a/p/o) look-alike letters are mapped to Cyrillic — all
  one-char-for-one-char, so a match in the normalised view is a valid span of the original.  The two
  tricks that change lengths — words spelled out ("З а й м ы") and phones disguised ("89оЗ…",
  "восемь девять …") — are read in views of their own, mapped back, and only after a cheap pre-check.
* An offer needs a way to answer it: a bare "звоните", "пиши", "ставь +", "переведи на кошелёк" is that
  way only after an offer and when the text gives no other (a resident says "звоните" too).
* A handle is how a text reaches people, not an intent («@ivan_k заходи вечером» answers a neighbour): only
  one the reader is sent to («лучший телеграм про КМВ @kmv_life заходи») is a channel promoted, and only a
  bot that holds out a payout or a gift or asks for СНИЛС is a lure («lure»).
* A native advert needs no contact («Бурим скважины по всему КМВ, звоните», «в нашем канале «…»,
  подписывайтесь!»): who sells, what it promises and how to take it up are each everyday words alone, so
  only two kinds of them together, with points enough, make the «advert» signal (lexicons/spam/advert.txt).
* Some spam sells nothing and still asks something of the reader: a chain letter («перешли 10 людям, а кто не
  перешлёт — беда», «chain») and a payout «from the state» claimed by a link or a phone («lure»). Both are told
  from the warning about them («это развод, не ведитесь») and from the real notice (Госуслуги, МФЦ).
* A message *received* is no invitation: «мне в личку написали …» reports it (a bare «в личку» beside a verb
  of writing in the past or of «they» is dropped).

Speed (the judge must do ≥3,000 comments/s on one core): every regex is compiled once; cheap
``in``/search pre-checks skip whole detectors (no ``@`` → no handle/e-mail scan, no digit → no
phone scan); the word lexicon is *routed* — each word's first four letters select the few
patterns that could start there, so most words cost one set lookup; pathological inputs are
bounded by per-name caps.  A typical 200-char comment costs about 50 µs.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from moderation.lookalikes import FOLD_UPPER, NON_LOOKALIKE_LATIN, TO_LATIN, shape_table
from moderation.normalize import QUESTION_END, spelled_out

_log = logging.getLogger(__name__)

__all__ = [
    "FEATURE_NAMES",
    "SIGNAL_NAMES",
    "SIGNAL_WEIGHTS",
    "SPAM_THRESHOLD",
    "NearDuplicateIndex",
    "SpamSignal",
    "hamming",
    "offer_terms",
    "offer_wording",
    "rule_score",
    "simhash",
    "spam_features",
    "spam_score_rule",
    "spam_signals",
]


@dataclass(frozen=True)
class SpamSignal:
    """One piece of spam evidence.

    ``start``/``end`` index the original text, ``quote == text[start:end]``.  ``weight`` in 0..1 is
    how spammy this evidence is *on its own* (see :data:`SIGNAL_WEIGHTS`).
    """

    name: str
    start: int
    end: int
    quote: str
    weight: float


#: Rule-score threshold: ``rule_score(spam_signals(t)) >= SPAM_THRESHOLD`` means "spam by rules".
#: Chosen so that no single weak cue (phone, caps, money, bare "заработок") reaches it, while any
#: strong cue (shortener, t.me link, "займ онлайн без отказа", "приворот") or two medium cues do.
SPAM_THRESHOLD: float = 0.5

#: Signal ids and their *typical* weight (the exact weight of a hit depends on the pattern that
#: fired; strong phrasings get more, bare stems less).  Documented here so the model card, the UI
#: and the tests agree on what each id means.
SIGNAL_WEIGHTS: dict[str, float] = {
    "url": 0.55,  # any link (0.4 bare domain, 0.35 shared VK post, 0.1 gosuslugi.ru/pyatigorsk.org/*.gov.ru)
    "shortener": 0.8,  # bit.ly, clck.ru, vk.cc, goo.su…: hides the target, classic spam
    "vk_club_link": 0.6,  # vk.com/club123, vk.com/id…, ok.ru/group…: promotes another page
    "tg_link": 0.8,  # t.me/…, telegram.me: leads off the platform
    "wa_link": 0.8,  # wa.me/…, chat.whatsapp.com, viber://
    "handle": 0.35,  # @username (0.5 for …bot, 0.15 for VK-style @id123 reply mentions)
    "email": 0.35,  # contact e-mail (0.1 for official domains)
    "phone": 0.3,  # weak alone: citizens quote the clinic's number; a mobile with starred digits («8 988 ***») too
    "pm_invite": 0.45,  # "пиши в лс", "+ в лс", "подробности в личку" 0.6 (0.4 bare "в лс"); alone only review: citizens ask for a PM too
    # (and 0.3 a bare "звоните", "ставь +" after an offer that gives no other way to answer it)
    "messenger": 0.55,  # telegram/whatsapp/viber + invitation or contact (0.1 bare mention)
    "cta": 0.35,  # "переходи по ссылке", "подписывайтесь на канал", "link below"; after an offer "переведи на кошелёк" 0.3
    # (a handle the reader is sent to, «@kmv_life заходи», 0.45; «по моей ссылке», «переходи в бота» 0.4)
    "earnings": 0.6,  # "заработок от…", "без вложений", "работа на дому" (0.15 bare "заработать")
    "money_offer": 0.4,  # "от 5000 в день" 0.4, "от 100$ в день" 0.55, "20 тысяч в месяц" 0.15
    "loan": 0.65,  # "займ онлайн", "кредит без отказа", "спишем долги" (0.3 bare "займ"; "кредит" needs context)
    "casino": 0.6,  # онлайн-казино/фриспины 0.75, игровые автоматы 0.6, bare "казино" 0.45, промокод 0.35
    # («играй в Вулкан» 0.7, «вывод за 5 минут» 0.5, 🎰 0.35)
    "betting": 0.6,  # ставки на спорт, букмекер, "ставим на тотал", каппер
    "crypto": 0.5,  # арбитраж крипты / "доходность 5% в день" 0.5–0.65; bare крипта, usdt 0.35; a «$TICKER» 0.4
    "dating": 0.6,  # "девушки вашего города", 18+ фото 0.7; интим 0.45; bare "18+", "секс" 0.3
    "magic": 0.7,  # приворот, снятие порчи 0.75; гадалка 0.55 (not "к гадалке не ходи"); bare "порча" 0.35
    "ads": 0.45,  # "продам рекламу", накрутка, "доставка по всей России" (0.3 bare "продам/куплю")
    "illegal_goods": 0.7,  # фальшивые купюры, поддельные документы
    "advert": 0.6,  # a native advert with no contact: a business, an offer and a call together (0.4 … 0.78)
    "lure": 0.5,  # a bot that holds out a payout or a gift (0.5) or asks for СНИЛС, a passport, a card (0.55)
    # (0.6: a payout or a free benefit «from the state» to be claimed by a link or a phone, a fake meter check;
    # the page «будет заблокирована» unless confirmed 0.55, money moved «на безопасный счёт» 0.6)
    "chain": 0.6,  # a chain letter: «перешли 10 людям», «кто разорвёт цепочку» (0.5 the curse on who does not)
    "homoglyph": 0.35,  # words mixing Latin/Cyrillic look-alikes: 1 → 0.15 … ≥8 → 0.45; s p a c e d, a phone disguised 0.3
    "caps_flood": 0.15,  # ≥25 capitals in a run: weak, angry citizens shout too (≤0.25 however long)
    "emoji_flood": 0.3,  # ≥5 emoji in a row or ≥8 in total
    "repeat_flood": 0.2,  # "!!!!!!!!" 0.1; the same word ×4 or the same link/handle/phone twice 0.3
}

#: Stable order of signal ids.
SIGNAL_NAMES: tuple[str, ...] = tuple(SIGNAL_WEIGHTS)
#: Signals read by the rules only: the shipped model was fitted on a fixed set of columns, so a signal
#: added later floors the spam score (:func:`rule_score`) without widening the model's input.
RULE_ONLY_SIGNALS: frozenset[str] = frozenset(("advert", "lure", "chain"))
#: Signal ids the model has a column for (used for feature names).
MODEL_SIGNAL_NAMES: tuple[str, ...] = tuple(n for n in SIGNAL_NAMES if n not in RULE_ONLY_SIGNALS)

# ---------------------------------------------------------------------------------------------
# Data files: phrases and hosts (moderation/lexicons/spam/)
# ---------------------------------------------------------------------------------------------

#: Where the phrase and host data live (package data, like the other lexicons).
SPAM_DATA_DIR = Path(__file__).with_name("lexicons") / "spam"

#: One phrase: (name, weight, heads, tail, lead, lead_required).  A hit is ``(?:head)tail`` matched at
#: a word start; ``lead`` is a regex checked right *before* the word (e.g. "в " before "лс"); it
#: extends the quote and, if ``lead_required``, gates the hit.  See lexicons/spam/phrases.txt.
_Entry = tuple[str, float, tuple[str, ...], str, str, bool]
_MACRO_RE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


class SpamDataError(ValueError):
    """A spam data file is malformed (raised at import, never while matching)."""


def _sections(path: Path) -> list[tuple[list[str], str, str]]:
    """(section words, line, where) of every non-comment line of a data file."""
    out: list[tuple[list[str], str, str]] = []
    section: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].split()
            continue
        if not section:
            raise SpamDataError(f"{where}: entry outside a section")
        out.append((section, line, where))
    return out


def load_phrases(path: Path) -> tuple[dict[str, str], tuple[_Entry, ...]]:
    """Read ``phrases.txt``: its macros, and its phrases with head lists and macros expanded."""
    macros: dict[str, str] = {}
    head_sets: dict[str, list[str]] = {}
    raw: list[tuple[list[str], str]] = []
    for section, line, where in _sections(path):
        if section[0] == "macros":
            name, eq, rx = line.partition("=")
            if not eq:
                raise SpamDataError(f"{where}: expected 'NAME = regex'")
            macros[name.strip()] = rx.strip()
        elif section[0] == "heads" and len(section) == 2:
            head_sets.setdefault(section[1], []).extend(line.split())
        elif section[0] == "phrases":
            raw.append((line.split(), where))
        else:
            raise SpamDataError(f"{where}: unknown section [{' '.join(section)}]")

    def expand(rx: str, where: str) -> str:
        for _ in range(4):  # macros may use macros
            rx = _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), rx)
        if _MACRO_RE.search(rx):
            raise SpamDataError(f"{where}: unknown macro in {rx!r}")
        try:
            re.compile(rx)
        except re.error as e:
            raise SpamDataError(f"{where}: {e} in {rx!r}") from None
        return rx

    def heads_of(tok: str, where: str, depth: int = 0) -> list[str]:
        if not tok.startswith("@"):
            return [expand(tok, where)]
        if tok[1:] not in head_sets or depth > 4:
            raise SpamDataError(f"{where}: unknown head list {tok}")
        return [h for t in head_sets[tok[1:]] for h in heads_of(t, where, depth + 1)]

    entries: list[_Entry] = []
    for parts, where in raw:
        if len(parts) < 3:
            raise SpamDataError(f"{where}: expected 'NAME WEIGHT HEAD... [tail=] [lead=|need=]'")
        name = parts[0]
        if name not in SIGNAL_WEIGHTS:
            raise SpamDataError(f"{where}: unknown signal {name!r}")
        try:
            weight = float(parts[1])
        except ValueError:
            raise SpamDataError(f"{where}: weight must be a number") from None
        heads: list[str] = []
        tail = lead = ""
        required = False
        for tok in parts[2:]:
            key, eq, value = tok.partition("=")
            if eq and key == "tail":
                tail = expand(value, where)
            elif eq and key in ("lead", "need"):
                lead, required = expand(value, where), key == "need"
            else:
                heads.extend(heads_of(tok, where))
        if not heads:
            raise SpamDataError(f"{where}: a phrase needs at least one head")
        entries.append((name, weight, tuple(heads), tail, lead, required))
    return {k: expand(v, "macros") for k, v in macros.items()}, tuple(entries)


def load_hosts(path: Path) -> dict[str, tuple[str, ...]]:
    """Read ``hosts.txt``: section name → its entries, in file order."""
    out: dict[str, list[str]] = {}
    for section, line, _where in _sections(path):
        out.setdefault(section[0], []).extend(line.lower().split())
    return {k: tuple(v) for k, v in out.items()}


_PHRASES = load_phrases(SPAM_DATA_DIR / "phrases.txt")
_LS = _PHRASES[0]["LS"]  # "в лс" / "в личку": also used by the "+ в лс" symbol pattern

# ---------------------------------------------------------------------------------------------
# Normalised views (all length-preserving, so offsets carry over to the original text)
# ---------------------------------------------------------------------------------------------

_BASE_TABLE = str.maketrans(
    {
        "ё": "е",
        "\u00a0": " ",  # nbsp
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\uff0b": "+",
        "\uff20": "@",
    }
)

# Look-alikes of Cyrillic letters (after lower-casing; the one table in moderation/lookalikes.py).
# Digits are mapped too ("pa6oтa"), but only inside words that already mix scripts.
_LAT2CYR: dict[str, str] = {ch: cyr for ch, cyr in shape_table().items() if not ch.isdigit()}
_TO_CYR_TABLE = str.maketrans(shape_table())
_CYR2LAT_TABLE = str.maketrans(TO_LATIN)
_LOOKALIKE_CLASS = "a-z" + "".join(ch for ch in _LAT2CYR if not ("a" <= ch <= "z"))
_LOOKALIKE_RE = re.compile(f"[{_LOOKALIKE_CLASS}]")
_LATIN_ANY_RE = re.compile("[a-zA-Z]")
_FANCY_RE = re.compile("[\u00a0\u2007\u202f\u2009\u2010-\u2014\u2212\uff0b\uff20]")
_MIXED_PAIR_RE = re.compile(f"[{_LOOKALIKE_CLASS}](?:(?<=[а-я].)|(?=[а-я]))")
_MIXED_WORD_RE = re.compile(rf"\w*(?:[{_LOOKALIKE_CLASS}][а-я]|[а-я][{_LOOKALIKE_CLASS}])\w*")
_NON_LOOKALIKE_LATIN_RE = re.compile(f"[{''.join(sorted(NON_LOOKALIKE_LATIN))}]")  # loanword letters
_SPACED_LETTERS_RE = re.compile(r"(?<!\w)(?:[а-яa-z][ .\-_*]){5,}[а-яa-z](?!\w)")
_SPACED_PRECHECK_RE = re.compile(r"[ .\-_*][а-яa-z][ .\-_*][а-яa-z][ .\-_*][а-яa-z][ .\-_*]")


def _lower_same_length(text: str) -> str:
    """``str.lower`` that never changes the length (a few characters like 'İ' grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    out = []
    for ch in text:
        lo = ch.lower()
        out.append(lo if len(lo) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class _Views:
    """Length-preserving views of one text: ``low`` (lower, ё→е), ``cyr`` (look-alikes → Cyrillic
    inside mixed words; word patterns run here), ``lat`` (look-alikes → Latin inside mixed words;
    URL patterns run here) and the spans of obfuscated words."""

    low: str
    cyr: str
    lat: str
    mixed_spans: tuple[tuple[int, int], ...]


def _views(text: str) -> _Views:
    low = _lower_same_length(text)
    if "ё" in low:
        low = low.replace("ё", "е")
    if _FANCY_RE.search(low):
        low = low.translate(_BASE_TABLE)
    if not _LOOKALIKE_RE.search(low) or not _MIXED_PAIR_RE.search(low):
        return _Views(low, low, low, ())  # the common case: nothing to de-obfuscate
    spans: list[tuple[int, int]] = []

    def to_cyr(m: re.Match[str]) -> str:
        word = m.group()
        if _NON_LOOKALIKE_LATIN_RE.search(word):  # "smsки", "pdfка": a real loanword, leave it
            return word
        if len(word) >= 3:
            orig = text[m.start() : m.end()]
            # "nПро", "nснифер": an escaped newline glued to a word is an export artefact; "CМИ"
            # (Latin capital first) is a layout slip.  Neither is deliberate obfuscation.
            artefact = (orig[0] == "n" and not _LATIN_ANY_RE.search(orig, 1)) or (
                orig[0].isascii() and orig[1:2].isupper() and not orig[1:2].isascii()
            )
            if not artefact:
                spans.append(m.span())
        cyr = word.translate(_TO_CYR_TABLE)
        orig = text[m.start() : m.end()]
        if _UPPER_SHAPES_RE.search(orig):  # "HA ДOMY": an upper-case H is an н, B a в
            cyr = "".join(FOLD_UPPER.get(o, c) for c, o in zip(cyr, orig, strict=True))
        return cyr

    cyr = _MIXED_WORD_RE.sub(to_cyr, low)
    # Links are matched in Latin: only tokens with a dot/slash/@ can be links, so only those are
    # mapped back ("t.mе/x" with a Cyrillic е → "t.me/x").
    lat = _URLISH_RE.sub(_urlish_to_lat, low) if ("." in low or "/" in low or "@" in low) else low
    return _Views(low, cyr, lat, tuple(spans))


_UPPER_SHAPES_RE = re.compile(f"[{''.join(FOLD_UPPER)}]")
_URLISH_RE = re.compile(r"[\w\-]*[./@][\w.\-/@]*")


def _urlish_to_lat(m: re.Match[str]) -> str:
    tok = m.group()
    return tok.translate(_CYR2LAT_TABLE) if _MIXED_PAIR_RE.search(tok) else tok


# ---------------------------------------------------------------------------------------------
# Links, handles, e-mails
# ---------------------------------------------------------------------------------------------

_HOSTS = load_hosts(SPAM_DATA_DIR / "hosts.txt")
_TLDS_LAT = "|".join(_HOSTS["tlds"])
_TLDS_CYR = "|".join(_HOSTS["tlds_cyrillic"])
_URL_TAIL = r"[^\s<>\"'«»()\[\]{}]*"
_SCHEME_URL_RE = re.compile(
    rf"(?:https?|ftp)://{_URL_TAIL}|www\.{_URL_TAIL}|(?:tg|viber|whatsapp)://{_URL_TAIL}"
)
# Bare domains are found from their TLD backwards: "\.com" is a cheap literal scan, while trying a
# domain grammar at every word start is not.
_TLD_RE = re.compile(rf"\.(?:{_TLDS_LAT}|{_TLDS_CYR})(?![\w\-])")
_LAT_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")
_CYR_HOST_CHARS = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюя0123456789-.")
_HOST_RE = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]+|(?:[а-я0-9](?:[а-я0-9\-]{0,61}[а-я0-9])?\.)+[а-я]+"
)
_PATH_RE = re.compile(f"/{_URL_TAIL}")
# "vk . com", "t . me/xxx", "site точка ru", "vk(.)com", "вк.ком": deliberate obfuscation (round 34: and the newer
# zones a spammer registers, "kripto-start . pro", "…  . online").
_OBF_DOMAIN_RE = re.compile(
    r"(?<![\w@.\-])(?P<label>[a-z0-9][a-z0-9\-]{0,30}|вк|[а-я]{3,30})"
    r"(?P<dot>\s+\.\s*|\.\s+|\s*[(\[]\s*(?:\.|dot|точка|тчк)\s*[)\]]\s*|\s+(?:dot|точка|тчк)\s+)"
    r"(?P<tld>com|ru|me|net|org|cc|ly|su|pro|io|online|site|info|biz|xyz|top|club|shop|рф|ру|ком)(?!\w)"
    r"(?:\s*/\s*[\w+\-]+)?"
)
_OBF_PRECHECK_RE = re.compile(
    r"[.(\[]\s*(?:com|ru|me|net|org|cc|ly|su|pro|io|online|site|info|biz|xyz|top|club|shop|рф|ру|ком)(?!\w)"
)
_OBF_KNOWN_HOSTS = frozenset(_HOSTS["obfuscated_known"])
#: Link hosts with the dot dropped, before a path ("vkcc / zaimy26", "bitly/3xYz"): the host that names a
#: shortener, a messenger or a platform is still there (four letters at least: "tme/" or "sid/" could be
#: anything).
_DOTLESS_HOSTS: dict[str, str] = {
    h.replace(".", ""): h
    for h in sorted(_OBF_KNOWN_HOSTS | set(_HOSTS["shorteners"]) | set(_HOSTS["whatsapp"]))
    if h.isascii() and len(h.replace(".", "")) >= 4
}
_DOTLESS_RE = re.compile(
    rf"(?<![\w./@])(?P<host>{'|'.join(sorted(_DOTLESS_HOSTS, key=len, reverse=True))})\s*/\s*[\w\-+]+"
)
_SHORTENERS = frozenset(_HOSTS["shorteners"])
_SHORTENER_SUFFIXES = _HOSTS["shortener_suffixes"]
_TG_HOSTS = frozenset(_HOSTS["telegram"])
_WA_HOSTS = frozenset(_HOSTS["whatsapp"])
_VK_HOSTS = frozenset(_HOSTS["vk"])
_OFFICIAL_HOSTS = frozenset(_HOSTS["official"])
_OFFICIAL_SUFFIXES = _HOSTS["official_suffixes"]
_VK_PROFILE_RE = re.compile(r"/(?:club|public|event|id|group|profile)\d")
_VK_CONTENT_RE = re.compile(
    r"/(?:wall|video|photo|clip|album|topic|story|music|audio)-?\d|[?&](?:w|z)=(?:wall|video|photo)"
)
_TRAILING_PUNCT = ".,;:!?)]}»\"'…"

_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9.\-]*[a-z0-9])?\.[a-zа-я]{2,}"
)
_HANDLE_RE = re.compile(r"(?<![\w@./])@([a-z0-9_][a-z0-9_.]{2,31})(?![\w@])")
_VK_MENTION_RE = re.compile(r"(?:id|club|public)\d+")


def _url_host(url: str) -> str:
    """Canonical host of a (possibly obfuscated) link: no scheme, no www., no spaces/'точка'."""
    u = re.sub(r"\s*[(\[]?\s*(?:dot|точка|тчк)\s*[)\]]?\s*|\s*[(\[]\s*\.\s*[)\]]\s*", ".", url)
    u = u.replace(" ", "")
    if "://" in u:
        u = u.split("://", 1)[1]
    if u.startswith("www."):
        u = u[4:]
    for sep in "/?#:":
        u = u.split(sep, 1)[0]
    return u.strip(".")


def _classify_link(host: str, url: str, has_path: bool, explicit: bool) -> tuple[str, float]:
    """Name and weight of a link.  ``explicit``: written with a scheme/www or deliberately obfuscated."""
    if url.startswith(("tg://",)) or host in _TG_HOSTS:
        return "tg_link", 0.8
    if url.startswith(("viber://", "whatsapp://")) or host in _WA_HOSTS:
        return "wa_link", 0.8
    if host in _SHORTENERS or host.endswith(_SHORTENER_SUFFIXES):
        return "shortener", 0.8
    if host in _VK_HOSTS:
        if host == "vk.me":
            return "vk_club_link", 0.65
        if _VK_CONTENT_RE.search(url):
            return "url", 0.35  # a shared VK post/video/photo: stays on the platform
        if has_path:
            return "vk_club_link", 0.6 if _VK_PROFILE_RE.search(url) else 0.5
        return "url", 0.3
    if host in _OFFICIAL_HOSTS or host.endswith(_OFFICIAL_SUFFIXES):
        return "url", 0.1
    if explicit or has_path:
        return "url", 0.55
    return "url", 0.4


_MAX_LINKS = 200  # links/handles/e-mails looked at per text (keeps the overlap check cheap)


def _link_signals(text: str, lat: str, out: list[SpamSignal]) -> list[tuple[int, int]]:
    """Append link/e-mail/handle signals; return the occupied spans (so other detectors skip them)."""
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return len(taken) < _MAX_LINKS and all(e <= a or s >= b for a, b in taken)

    if "@" in lat:
        for m in _EMAIL_RE.finditer(lat):
            if len(taken) >= _MAX_LINKS:
                break
            s, e = m.span()
            host = lat[s:e].rsplit("@", 1)[1]
            w = 0.1 if host in _OFFICIAL_HOSTS or host.endswith(_OFFICIAL_SUFFIXES) else 0.35
            taken.append((s, e))
            out.append(SpamSignal("email", s, e, text[s:e], w))
    if "/" in lat or "www" in lat:
        for m in _SCHEME_URL_RE.finditer(lat):
            s, e = m.span()
            while e > s and lat[e - 1] in _TRAILING_PUNCT:
                e -= 1
            if e - s < 5 or not free(s, e):
                continue
            url = lat[s:e]
            host = _url_host(url)
            rest = url.split("://", 1)[-1]
            has_path = "/" in rest.rstrip("/")
            name, w = _classify_link(host, url, has_path, explicit=True)
            taken.append((s, e))
            out.append(SpamSignal(name, s, e, text[s:e], w))
    if "." in lat:
        for m in _TLD_RE.finditer(lat):
            chars = _LAT_HOST_CHARS if "a" <= lat[m.start() + 1] <= "z" else _CYR_HOST_CHARS
            s = m.start()
            while s > 0 and lat[s - 1] in chars:
                s -= 1
            while s < m.start() and lat[s] in ".-":
                s += 1
            if s == m.start() or (s > 0 and (_is_word_char(lat[s - 1]) or lat[s - 1] in "@/")):
                continue
            if not _HOST_RE.fullmatch(lat, s, m.end()):
                continue
            e = m.end()
            if e < len(lat) and lat[e] == "/":
                e = _PATH_RE.match(lat, e).end()  # type: ignore[union-attr]
            while e > s and lat[e - 1] in _TRAILING_PUNCT:
                e -= 1
            if not free(s, e):
                continue
            url = lat[s:e]
            host = _url_host(url)
            name, w = _classify_link(host, url, "/" in url.rstrip("/"), explicit=False)
            taken.append((s, e))
            out.append(SpamSignal(name, s, e, text[s:e], w))
    if _OBF_PRECHECK_RE.search(lat) or "точк" in lat or "dot" in lat or "тчк" in lat:
        for m in _OBF_DOMAIN_RE.finditer(lat):
            s, e = m.span()
            if not free(s, e):
                continue
            host = f"{m.group('label')}.{m.group('tld')}"
            dot = m.group("dot").strip()
            if host not in _OBF_KNOWN_HOSTS and dot == "." and not _MADE_UP_LABEL.search(m.group("label")):
                continue  # "it . me" in a sentence: spaces round a plain dot are not enough alone (but
                # "gos-vyplaty26 . ru": a hyphen or a digit in a Latin label is no word of a sentence)
            name, w = _classify_link(host, lat[s:e].replace(" ", ""), "/" in lat[s:e], explicit=True)
            taken.append((s, e))
            out.append(SpamSignal(name, s, e, text[s:e], max(w, 0.55)))
    if "/" in lat:
        for m in _DOTLESS_RE.finditer(lat):
            s, e = m.span()
            if not free(s, e):
                continue
            host = _DOTLESS_HOSTS[m.group("host")]
            path = lat[m.end("host") : e].replace(" ", "")
            name, w = _classify_link(host, host + path, True, explicit=True)
            taken.append((s, e))
            out.append(SpamSignal(name, s, e, text[s:e], max(w, 0.55)))
    if "@" in lat:
        for m in _HANDLE_RE.finditer(lat):
            s, e = m.span()
            if not free(s, e):
                continue
            user = m.group(1).rstrip(".")
            e = s + 1 + len(user)
            if _VK_MENTION_RE.fullmatch(user):
                w = 0.15  # VK reply mention "@id123"
            elif user.endswith("bot"):
                w = 0.5
            elif len(user) >= 5:
                w = 0.35
            else:
                w = 0.2
            taken.append((s, e))
            out.append(SpamSignal("handle", s, e, text[s:e], w))
    return taken


# ---------------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------------

#: a hyphen or a digit inside a Latin domain label («vk-security-check», «vyplaty26»)
_MADE_UP_LABEL = re.compile(r"[a-z][-\d]|[-\d][a-z]")
_DIGIT_RUN_RE = re.compile(r"\d(?:[\s\-.()]{0,3}\d)*")
_CHUNK_RE = re.compile(r"\S+")
_NOT_DIGIT_RE = re.compile(r"\D")
_ANY_DIGIT_RE = re.compile(r"\d")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?: \d{3}){2,}")
_MONEY_AFTER_RE = re.compile(
    r"\s*(?:руб|р\b|р\.|₽|\$|тыс|млн|млрд|долл|евро|€|коп|т\.\s?р|шт|кв\.?\s*м|м2|м²|человек|чел\b|км|кг|тонн|г\.|год)"
)
_NUMBER_BEFORE_RE = re.compile(
    r"(?:инн|огрн\w*|снилс|кпп|бик|счет\w*|сч\.|л/с|№|n|no\.?|номер\s+(?:дела|заявк\w*|обращени\w*|счета|договора))[\s:.]*$"
)


def _valid_phone(chunk: str, digits: str) -> bool:
    if chunk.lstrip().startswith("+"):
        return len(digits) == 11 and digits[0] == "7" and digits[1] in "3489"
    if len(digits) == 11:
        return digits[0] in "78" and digits[1] in "3489"
    if len(digits) == 10:
        return digits[0] == "9" or (digits[0] in "348" and chunk.lstrip("+ 7").startswith("("))
    return False


def _phone_signals(
    text: str,
    low: str,
    out: list[SpamSignal],
    taken: list[tuple[int, int]],
    where: tuple[list[int], list[int]] | None = None,
) -> None:
    """Russian phone numbers: +7/8 + 10 digits in any grouping, bare 9xx mobiles, "(8793)" codes.

    A digit run is split at whitespace into chunks and phones are assembled chunk by chunk, so
    "89281234567 89281234568" gives two phones while "1 500 000 рублей", years, dates, house numbers
    and ИНН never add up to a valid 10/11-digit phone (amounts grouped by thousands are refused).
    ``where`` maps ``low`` back to ``text`` (start and end of each character) when ``low`` is not a
    same-length view: :func:`_disguised_phone_signals` reads a view with digits for letters and words.
    """
    for m in _DIGIT_RUN_RE.finditer(low):
        if m.end() - m.start() < 10:
            continue
        base = m.start()
        if base and low[base - 1] == "(":
            base -= 1
        k = base
        while k and low[k - 1] == " ":
            k -= 1
        if k and low[k - 1] == "+":
            base = k - 1
        if base and (_is_word_char(low[base - 1]) or low[base - 1] in "+-/.,"):
            # glued to a word or to another number ("abc123…", "1.5", "12/34"): only what follows a space may
            # be a phone («24/7. 8 (918) 771-20-35»)
            space = low.find(" ", base, m.end())
            if space < 0 or m.end() - space < 10:
                continue
            base = space + 1
        run = low[base : m.end()]
        chunks = [
            (c.start() + base, c.end() + base, _NOT_DIGIT_RE.sub("", c.group()))
            for c in _CHUNK_RE.finditer(run)
        ]
        i = 0
        while i < len(chunks):
            digits = ""
            j = i
            found = False
            while j < len(chunks) and len(digits) < 11:
                digits += chunks[j][2]
                s, e = chunks[i][0], chunks[j][1]
                if len(digits) in (10, 11):
                    cand = low[s:e]
                    nxt = chunks[j + 1][2] if j + 1 < len(chunks) else ""
                    ts, te = (where[0][s], where[1][e - 1]) if where else (s, e)
                    if (
                        _valid_phone(cand, digits)
                        and not (len(digits) == 10 and len(nxt) == 1 and nxt != "")  # 11th digit follows
                        and not _THOUSANDS_RE.fullmatch(cand.strip("+() "))
                        and not _MONEY_AFTER_RE.match(low, e)
                        and not _NUMBER_BEFORE_RE.search(low[max(0, s - 30) : s])
                        and all(te <= a or ts >= b for a, b in taken)
                    ):
                        while e > s and not low[e - 1].isdigit():
                            e -= 1
                        if where:
                            s, e = where[0][s], where[1][e - 1]
                        out.append(SpamSignal("phone", s, e, text[s:e], 0.3))
                        i = j + 1
                        found = True
                        break
                j += 1
            if not found:
                i += 1


#: A mobile with digits starred out («8 988 ***», «8-962-0**-**-**», «+7 928 *** ** **», «8962****»): a number
#: given and hidden from filters (or from the page's archive), a phone all the same. A mobile only (8/+7, then 9):
#: a service's line («8-800-…», «8 (8793) 3*-**-**») and a swear word starred («х**», «п****ц») are no match.
_MASKED_PHONE_RE = re.compile(
    r"(?<![\w*+])(?:\+\s?7|8)[\s\-(]*9(?=[\d*\s\-()]*\*)(?:[\s\-()]{0,2}[\d*]){5,9}(?![\w*])"
)


def _masked_phone_signals(text: str, low: str, out: list[SpamSignal], taken: list[tuple[int, int]]) -> None:
    """Mobiles with some digits starred out, read as phones («phone» 0.3, as a phone in full is)."""
    for m in _MASKED_PHONE_RE.finditer(low):
        s, e = m.span()
        if m.group().count("*") >= 2 and all(e <= a or s >= b for a, b in taken):
            out.append(SpamSignal("phone", s, e, text[s:e], 0.3))


#: Letters that stand for digits inside a number («89оЗ», «9I8», «7оо», «4о6» folded to «чоб» by the
#: ``cyr`` view), read on that view: о/o → 0, з → 3, i/l/і → 1, б → 6, ч → 4.
_DIGIT_SHAPES = str.maketrans("оoзilібч", "00311164")
_DIGIT_WORDS: dict[str, str] = {
    "ноль": "0", "нуль": "0", "один": "1", "одна": "1", "два": "2", "две": "2", "три": "3", "четыре": "4",
    "пять": "5", "шесть": "6", "семь": "7", "восемь": "8", "девять": "9",
}  # fmt: skip
_DIGIT_WORD = "|".join(_DIGIT_WORDS)
#: A number with a letter for a digit («9I8», «7оо») or a digit word after it («8 (928) ноль-ноль-ноль»): only
#: then, or with a phone's first digit spelled out (below), is the slower reader worth running. (A digit
#: first: digits are rarer than «о».)
_SHAPED_DIGIT_RE = re.compile(rf"\d(?:(?<=[оoзilібч]\d)|[оoзilібч]|[\s\-.,:()]+(?:{_DIGIT_WORD})(?!\w))")
#: ... a digit word before a number («вoceмь 9I8 …»), or four in a row («восемь девять два восемь три …»): a
#: phone starts with «восемь» or «семь» (+7), a mobile spelled out has «девять» (9xx): those are looked for
#: first.
_WORD_DIGIT_RE = re.compile(
    rf"(?<!\w)(?:{_DIGIT_WORD})(?:[\s\-.,:]+[\d(+]|(?:[\s\-.,]+(?:{_DIGIT_WORD})(?!\w)){{3}})"
)
_DISGUISED_TOKEN_RE = re.compile(rf"(?<!\w)(?:(?P<word>{_DIGIT_WORD})|(?=[оoзilібч]*\d)[\dоoзilібч]+)(?!\w)")


def _disguised_phone_signals(
    text: str, cyr: str, out: list[SpamSignal], taken: list[tuple[int, int]]
) -> None:
    """Phones disguised from filters: letters for digits («89оЗ», «9I8 7оо») and digits as words («восемь
    девять два восемь …»). They are read in a view where those become digits, mapped back to the text;
    the disguise is itself evidence («homoglyph»): nobody passing on a clinic's number hides it."""
    starts: list[int] = []
    ends: list[int] = []
    parts: list[str] = []
    disguised: list[tuple[int, int]] = []
    last = 0
    for m in _DISGUISED_TOKEN_RE.finditer(cyr):
        s, e = m.span()
        word = m.group("word")
        digits = _DIGIT_WORDS[word] if word else m.group().translate(_DIGIT_SHAPES)
        if digits == m.group():
            continue  # a plain number
        parts.append(cyr[last:s])
        starts.extend(range(last, s))
        ends.extend(range(last + 1, s + 1))
        parts.append(digits)
        if word:
            starts.append(s)
            ends.append(e)
        else:
            starts.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))
        disguised.append((s, e))
        last = e
    if not disguised:
        return
    parts.append(cyr[last:])
    starts.extend(range(last, len(cyr)))
    ends.extend(range(last + 1, len(cyr) + 1))
    n_before = len(out)
    _phone_signals(text, "".join(parts), out, taken, (starts, ends))
    for sig in out[n_before:]:
        if any(sig.start < e and s < sig.end for s, e in disguised):
            out.append(SpamSignal("homoglyph", sig.start, sig.end, sig.quote, 0.3))


# ---------------------------------------------------------------------------------------------
# Word-level lexicon (runs on the ``cyr`` view, dispatched by the first letters of each word)
# ---------------------------------------------------------------------------------------------

_LEXICON: tuple[_Entry, ...] = _PHRASES[1]

_META = frozenset("[](){}.*+?|^$\\")
_KEY_LEN = 4


def _head_key(head: str) -> str:
    """Dispatch key of a head: its first four literal letters, or the whole word if shorter.

    Raises at import time if a head cannot be routed safely (no literal start, or a short literal
    that could continue with more word characters), so a lexicon edit cannot silently go dead.
    The key ends at the first character that is no word character: a comment's words are routed by
    their leading word characters, so «з/п» is found under «з».
    """
    i = 0
    if head.startswith("(?<"):  # a leading look-behind is not part of the word
        i = head.index(")") + 1
    lit = []
    while i < len(head) and head[i] not in _META and (head[i].isalnum() or head[i] == "_"):
        lit.append(head[i])
        i += 1
    if i < len(head) and head[i] in "?*{" and lit:
        lit.pop()  # last literal char is optional
        i -= 1
    word = "".join(lit)
    if len(word) >= _KEY_LEN:
        return word[:_KEY_LEN]
    rest = head[i:]
    if word and (rest == "" or rest.startswith(("(?!\\w)", "\\b", "\\s", "\\.", "/", "-", "(?!"))):
        return word
    raise ValueError(f"lexicon head {head!r} has no routable literal start")


@dataclass(frozen=True)
class _LexEntry:
    name: str
    weight: float
    pattern: re.Pattern[str]
    lead: re.Pattern[str] | None
    lead_required: bool


def _build_dispatch() -> dict[str, tuple[_LexEntry, ...]]:
    table: dict[str, list[_LexEntry]] = {}
    for name, weight, heads, tail, lead, required in _LEXICON:
        for head in heads:
            ent = _LexEntry(
                name, weight, re.compile(f"(?:{head}){tail}"), re.compile(lead) if lead else None, required
            )
            table.setdefault(_head_key(head), []).append(ent)
    return {k: tuple(v) for k, v in table.items()}


_DISPATCH = _build_dispatch()
_DISPATCH_KEYS = frozenset(_DISPATCH)
_KEY_RE = re.compile(rf"(?<!\w)\w{{1,{_KEY_LEN}}}")


def _lexicon_signals(text: str, cyr: str, out: list[SpamSignal], keys: list[str]) -> None:
    """Run the lexicon: only words whose first letters route to an entry are tried at all."""
    hits = _DISPATCH_KEYS.intersection(keys)
    for key in hits:
        find = 0
        budget = 128  # word starts tried per key: bounds the cost of pathological long texts
        while budget and (pos := cyr.find(key, find)) >= 0:
            find = pos + 1
            budget -= 1
            if pos and _is_word_char(cyr[pos - 1]):
                continue
            end = pos + len(key)
            if len(key) < _KEY_LEN and end < len(cyr) and _is_word_char(cyr[end]):
                continue
            _try_entries(text, cyr, key, pos, out)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


#: Signals that invite the reader somewhere; said with "не" before them they turn the reader away.
_INVITATIONS = frozenset(("pm_invite", "messenger", "cta"))
_NEGATED_BEFORE = re.compile(r"(?<!\w)не\s+$")
_DENIED_BEFORE = re.compile(r"(?<!\w)(?:никакого|никакой|никаких|никакие)\s+$")
#: «это просто набор случайных людей», «это набор слов»: «набор» said of what something is (a set of), not a
#: recruitment announced («идёт набор людей в команду»)
_SET_OF_BEFORE = re.compile(r"(?<!\w)это\s+(?:(?:просто|лишь|всего|какой-?то)\s+)?$")
#: Messages the author received («мне в личку написали …», «пишут в личку», «пришло в лс»): a report of
#: someone else's writing, not the reader invited to write (the verb said in the past or of «they»)
_RECEIVED_RE = re.compile(
    r"(?<!\w)(?:(?:на)?писал[аи]?|пишут|пришл[оаи]?|присла(?:л|ла|ли)|присылают|шлют|стуча(?:тся|лись|лся))(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
#: … or messages the author wants no more of («хватит писать мне в личку», «перестаньте мне писать в лс», «не надо
#: писать в личку»; round 34): a refusal, not an invitation
_REFUSED_RE = re.compile(
    r"(?<!\w)(?:хватит|перестань(?:те)?|прекрати(?:те)?|не\s+надо|не\s+нужно|не\s+смей(?:те)?|нечего)\s+(?:мне\s+)?"
    r"(?:писать|строчить|слать|спамить)(?!\w)"
)


def _received(cyr: str, s: int, e: int) -> bool:
    """Is the «в личку» at ``cyr[s:e]`` where messages came from (a verb of writing in the past or of «they» a
    few words either side, in the same sentence: «мне в личку написали», «он написал мне в личку»), or where the
    author wants none to come from («хватит писать мне в личку»)?"""
    before = _SENTENCE_END.split(cyr[max(0, s - 24) : s])[-1]
    after = _SENTENCE_END.split(cyr[e : e + 24], maxsplit=1)[0]
    return (
        _RECEIVED_RE.search(before) is not None
        or _RECEIVED_RE.search(after) is not None
        or _REFUSED_RE.search(before) is not None
    )


def _try_entries(text: str, cyr: str, key: str, pos: int, out: list[SpamSignal]) -> None:
    done: set[str] = set()
    for ent in _DISPATCH[key]:
        if ent.name in done:
            continue
        mm = ent.pattern.match(cyr, pos)
        if mm is None:
            continue
        s, e = pos, mm.end()
        if ent.name in _INVITATIONS and _NEGATED_BEFORE.search(cyr, max(0, s - 8), s):
            continue  # "не пиши сюда", "не звоните им": not an invitation
        if ent.name == "earnings" and _DENIED_BEFORE.search(cyr, max(0, s - 12), s):
            continue  # «скидываемся на бензин, никакого заработка»: an income denied
        if key == "набо" and _SET_OF_BEFORE.search(cyr, max(0, s - 30), s):
            continue  # «это просто набор случайных людей»: a set, not a recruitment
        if ent.name == "pm_invite" and ent.lead_required and _received(cyr, s, e):
            continue  # «мне в личку написали …»: a bare «в личку» reporting messages received
        if ent.lead is not None:
            lm = ent.lead.search(cyr, max(0, s - 24), s)
            if lm is not None:
                s = lm.start()
            elif ent.lead_required:
                continue
        while e > s and cyr[e - 1].isspace():
            e -= 1
        done.add(ent.name)
        out.append(SpamSignal(ent.name, s, e, text[s:e], ent.weight))


# Items that start with a symbol or a digit (the word router above cannot host them).  Each
# pattern starts with a literal so the regex engine can skip ahead; a pre-check on ``in`` gates it.
_PLUS_LS_RE = re.compile(rf"[+➕](?:\s*\))?\s*(?:пиш\w*\s+)?в\s+{_LS}")
_AGE_RE = re.compile(r"18\s*\+|\+\s*18(?!\d)")
_PCT_PROFIT_RE = re.compile(
    r"%\s*от\s+(?:вашей|твоей|вашего|твоего|чистой|чистого)\s+(?:\w+\s+)?(?:прибыл|заработ|доход)\w*"
)
_PCT_RATE_RE = re.compile(
    r"%\s+(?:в\s+день|в\s+сутки|в\s+неделю|ежедневно|в\s+течени\w*\s+(?:суток|дня)|profit)"
)
#: «30% с каждой сделки», «20% от каждого приглашённого»: a cut of what the reader brings in (an agent's or a
#: referral scheme's pay)
_PCT_CUT_RE = re.compile(
    r"%\s+(?:с|от|за)\s+кажд\w+\s+(?:сделк|продаж|клиент|заказ|приглаш|друг|реферал|партнер)\w*"
)
_NUM_BEFORE_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s*(?:-\s*\d+\s*)?$")
_DOLLAR_RE = re.compile(r"\$\s*\d(?:[\d,.]*\d)?")
#: «$FORG 24k mc, good time to buy»: a coin's ticker, how its pumpers name it (round 34; not «$100», money), said
#: with a word of a coin's market (not «$GET, $POST — небезопасные хранилища», a programmer's variables)
_CASHTAG_RE = re.compile(r"(?<![\w$])\$[a-z][a-z0-9]{1,9}(?![\w$])")
_CASHTAG_CONTEXT_RE = re.compile(
    r"(?<!\w)(?:buy|sell|mc|mcap|cap|token|coin|pump|moon|dex\w*|listing|presale|airdrop|hold|токен\w*|монет\w*"
    r"|коин\w*|листинг\w*|памп\w*|иксы|x\d+|х\d+)(?!\w)"
)


def _symbol_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    if ("+" in cyr or "➕" in cyr) and " в " in cyr:
        for m in _PLUS_LS_RE.finditer(cyr):
            s = m.start() - 1 if m.start() and cyr[m.start() - 1] == "(" else m.start()
            out.append(SpamSignal("pm_invite", s, m.end(), text[s : m.end()], 0.65))
    if "18" in cyr:
        for m in _AGE_RE.finditer(cyr):
            s = m.start()
            if s and (_is_word_char(cyr[s - 1]) or cyr[s - 1] == "+"):
                continue
            out.append(SpamSignal("dating", s, m.end(), text[s : m.end()], 0.3))
    if "🔞" in text:
        s = text.index("🔞")
        out.append(SpamSignal("dating", s, s + 1, text[s : s + 1], 0.3))
    if "🎰" in text:  # a slot machine: only a casino puts it in a comment
        s = text.index("🎰")
        out.append(SpamSignal("casino", s, s + 1, text[s : s + 1], 0.35))
    if "%" in cyr:
        for m in _PCT_PROFIT_RE.finditer(cyr):
            out.append(SpamSignal("earnings", m.start(), m.end(), text[m.start() : m.end()], 0.5))
        for m in _PCT_CUT_RE.finditer(cyr):
            nb = _NUM_BEFORE_RE.search(cyr, max(0, m.start() - 16), m.start())
            s = m.start() if nb is None else nb.start()
            out.append(SpamSignal("earnings", s, m.end(), text[s : m.end()], 0.5))
        for m in _PCT_RATE_RE.finditer(cyr):
            nb = _NUM_BEFORE_RE.search(cyr, max(0, m.start() - 16), m.start())
            if nb is not None:
                s = nb.start()
                out.append(SpamSignal("crypto", s, m.end(), text[s : m.end()], 0.5))
    if "$" in cyr:
        for m in _DOLLAR_RE.finditer(cyr):
            out.append(SpamSignal("money_offer", m.start(), m.end(), text[m.start() : m.end()], 0.3))
        if _CASHTAG_CONTEXT_RE.search(cyr):
            for m in _CASHTAG_RE.finditer(cyr):
                out.append(SpamSignal("crypto", m.start(), m.end(), text[m.start() : m.end()], 0.4))


# Money offers: "от 5000 руб в день", "800$ в неделю", "100-200 баксов в день", "20 тысяч в месяц".
_MONEY_RE = re.compile(
    r"(?P<num>\d[\d\s.,]*?\d|\d)(?:\s*-\s*\d[\d\s.,]*)?\s*"
    r"(?P<k>к|k|тыс\w*\.?|т\.?\s?р\.?|млн|тр)?\s*"
    r"(?P<cur>\$|💵|💲|💰|usd\w*|долл\w*|бакс\w*|зелен\w*|руб\w*|р\.|р\b|₽|€|евро|грн)?\s*"
    r"(?:/\s*|в\s+|за\s+(?:одн\w+\s+|1\s+)?|каждую\s+|каждый\s+|ежедневно)"
    r"(?P<per>день|дня|сутки|сут\b|недел\w*|нед\b|месяц\w*|мес\b|час\b|смену)"
)
_STRONG_CUR = ("$", "💵", "💲", "💰", "usd", "бакс", "зелен", "долл")
_PERIOD_WORDS = ("ден", "дня", "сут", "нед", "мес", "час", "смен")
_FROM_BEFORE_RE = re.compile(r"(?<!\w)от\s*$")


#: «не» or «ни» right before a sum: denied, not offered
_DENIED_BEFORE_RE = re.compile(r"(?<!\w)(?:не|ни)\s+$")


def _money_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """Money-per-period offers.  Day/week rates are spammy (salaries are monthly); dollars and a
    leading "от" add weight.  Never decisive alone: "20 тысяч в месяц" is 0.15 and "от 300 рублей
    в день" (a parking complaint) 0.4; "от 100$ в день" reaches 0.55."""
    if not any(w in cyr for w in _PERIOD_WORDS):
        return
    for m in _MONEY_RE.finditer(cyr):
        if m.start() and cyr[m.start() - 1] in "0123456789.,":
            continue
        per = m.group("per")
        cur = m.group("cur") or ""
        k = m.group("k") or ""
        num = int(_NOT_DIGIT_RE.sub("", m.group("num"))[:9] or "0")
        if not cur and not k and num < 100:
            continue  # "2 раза в день", "3 в неделю"
        w = 0.3 if per.startswith(("д", "сут", "нед")) else 0.15
        s = m.start()
        fm = _FROM_BEFORE_RE.search(cyr, max(0, s - 6), s)
        if fm is not None:
            w += 0.1
            s = fm.start()
        if cur.startswith(_STRONG_CUR):
            w += 0.15
        if num < 50 and not k:
            w = 0.15  # "2 доллара в день" is a complaint about prices, not an offer
        if _DENIED_BEFORE_RE.search(cyr, max(0, s - 5), s) is not None:
            continue  # «заработок есть, но не 3000 в день с телефона»: the sum denied (round 35)
        out.append(SpamSignal("money_offer", s, m.end(), text[s : m.end()], min(w, 0.6)))


# ---------------------------------------------------------------------------------------------
# Floods
# ---------------------------------------------------------------------------------------------

_EMOJI_CLASS = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff"
    "\u2900-\u297f\u3297\u3299\u203c\u2049\u2122\u2139"
)
_EMOJI_RE = re.compile(f"[{_EMOJI_CLASS}]")
_EMOJI_RUN_RE = re.compile(f"[{_EMOJI_CLASS}](?:[\ufe0f\u200d\\s]*[{_EMOJI_CLASS}]){{4,}}")
_CAPS_RUN_RE = re.compile(r"[A-ZА-ЯЁ][^a-zа-яё]*[A-ZА-ЯЁ]")
_UPPER_RE = re.compile(r"[A-ZА-ЯЁ]")
_FLOOD_CHARS = "!?.)(+*=_~#$❗‼"
_LETTER_REPEAT_RE = re.compile(r"([^\W\d_])\1{7,}")
_LETTER_RUN4_RE = re.compile(
    r"(?:аааа|ееее|оооо|ииии|уууу|ыыыы|яяяя|юююю|ээээ|кккк|ммммм|нннн|зззз|шшшш|хххх|рррр)"
)
#: A word whose first four characters are one repeated character (one C-level scan).
_QUAD_START_RE = re.compile(r"(?<!\w)(\w)\1\1\1")
_WORD_REPEAT_RE = re.compile(r"(?<!\w)(\w{2,}+)(?:\W+\1(?!\w)){3,}")
#: Any character four times in a row: both stretched-letter tests need it, and one scan for it costs
#: a fifth of theirs on the texts (nearly all) without one.
_ANY_RUN4_RE = re.compile(r"(.)\1\1\1")


def _flood_signals(text: str, cyr: str, out: list[SpamSignal], keys: list[str]) -> None:
    # Caps: only long runs count, and weakly — "ПОЧЕМУ НЕТ ВОДЫ?!" is a citizen, not spam.
    best: tuple[int, int, int] | None = None
    for m in _CAPS_RUN_RE.finditer(text):
        if m.end() - m.start() < 20:
            continue
        n = len(_UPPER_RE.findall(text, m.start(), m.end()))
        if best is None or n > best[2]:
            best = (m.start(), m.end(), n)
    if best is not None and best[2] >= 25:
        s, e, n = best
        w = 0.25 if n >= 120 else 0.2 if n >= 60 else 0.15
        out.append(SpamSignal("caps_flood", s, e, text[s:e], w))
    # Emoji: a run of ≥5, or ≥8 in total (span = whole text).
    if not text.isascii():
        emojis = _EMOJI_RE.findall(text)
        if len(emojis) >= 5:
            run = _EMOJI_RUN_RE.search(text)
            if len(emojis) >= 8:
                w = 0.4 if len(emojis) >= 15 else 0.3
                out.append(SpamSignal("emoji_flood", 0, len(text), text, w))
            elif run is not None:
                out.append(SpamSignal("emoji_flood", run.start(), run.end(), run.group(), 0.25))
    # Repeats: one char ×8 ("!!!!!!!!", "аааааааа"), one word ×4 in a row (one scan for any run of
    # four rules out nearly every text before the characters are tried one by one).
    for ch in _FLOOD_CHARS if _ANY_RUN4_RE.search(text) else ():
        if ch * 8 in text:
            s = text.index(ch * 8)
            e = s + 8
            while e < len(text) and text[e] == ch:
                e += 1
            out.append(SpamSignal("repeat_flood", s, e, text[s:e], 0.1))
            break
    # Stretched letters ("ураааааааа"): a word whose first four letters repeat one letter, or a
    # run inside a word — gated by the word keys, confirmed by the regex.
    if _ANY_RUN4_RE.search(cyr) and (_QUAD_START_RE.search(cyr) or _LETTER_RUN4_RE.search(cyr)):
        m = _LETTER_REPEAT_RE.search(cyr)
        if m is not None:
            out.append(SpamSignal("repeat_flood", m.start(), m.end(), text[m.start() : m.end()], 0.1))
    m = _WORD_REPEAT_RE.search(cyr) if sum(map(str.__eq__, keys, keys[1:])) >= 3 else None
    if m is not None:
        out.append(SpamSignal("repeat_flood", m.start(), m.end(), text[m.start() : m.end()], 0.3))


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

_LINK_NAMES = frozenset({"url", "shortener", "vk_club_link", "tg_link", "wa_link"})
_CONTACT_NAMES = frozenset({"phone", "handle", "email"})


def spam_signals(text: str) -> list[SpamSignal]:
    """All spam evidence in ``text``, sorted by position.  Never raises for any ``str``.

    Offsets always index the original text (``quote == text[start:end]``).
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _spam_signals(text)
    except Exception:  # pragma: no cover - defensive: the judge must never crash on one comment
        _log.exception("spam_signals failed on a %d-char text", len(text))
        return []


def _spam_signals(text: str) -> list[SpamSignal]:
    v = _views(text)
    out: list[SpamSignal] = []
    taken = _link_signals(text, v.lat, out)
    has_digit = _ANY_DIGIT_RE.search(text) is not None
    phones = 0
    if has_digit:
        n_links = len(out)
        _phone_signals(text, v.low, out, taken)
        if "*" in text:
            _masked_phone_signals(text, v.low, out, taken)
        phones = len(out) - n_links
        _money_signals(text, v.cyr, out)
    if not phones and (
        (has_digit and (_SHAPED_DIGIT_RE.search(v.cyr) or ("семь" in v.cyr and _WORD_DIGIT_RE.search(v.cyr))))
        or ("девять" in v.cyr and _WORD_DIGIT_RE.search(v.cyr))  # (a mobile spelled out: 8 9xx, +7 9xx)
    ):
        _disguised_phone_signals(text, v.cyr, out, taken)

    n_before = len(out)
    keys = _KEY_RE.findall(v.cyr)  # first letters of every word: routes the lexicon, gates floods
    _lexicon_signals(text, v.cyr, out, keys)
    _symbol_signals(text, v.cyr, out)
    spaced = _SPACED_PRECHECK_RE.search(v.cyr) is not None
    if spaced:
        _spelled_out_signals(text, v.cyr, out)
    if len(out) > n_before:
        _public_vacancy(v.cyr, out, n_before)
    if taken:  # a word inside a link ("t.me/zarabotok") is already the link's evidence
        out[n_before:] = [g for g in out[n_before:] if not any(a <= g.start < b for a, b in taken)]

    # Obfuscation: words that mix look-alike scripts, and s p a c e d letters.
    # Weak on its own: toxic comments disguise swear words the same way; spam adds other cues.
    if v.mixed_spans:
        n = len(v.mixed_spans)
        s, e = v.mixed_spans[0][0], v.mixed_spans[-1][1]
        w = 0.45 if n >= 8 else 0.35 if n >= 3 else 0.25 if n == 2 else 0.15
        out.append(SpamSignal("homoglyph", s, e, text[s:e], w))
    sp = _SPACED_LETTERS_RE.search(v.cyr) if spaced else None
    if sp is not None and sum(ch.isalpha() for ch in sp.group()) >= 6:
        out.append(SpamSignal("homoglyph", sp.start(), sp.end(), text[sp.start() : sp.end()], 0.3))

    _flood_signals(text, v.cyr, out, keys)
    if out:
        _call_to_act_signals(text, v.cyr, out)
    _advert_signals(text, v.cyr, out)  # (after the call to act: its «звоните» is one of the advert's calls)
    if "@" in v.lat:
        _handle_intent_signals(text, v.cyr, out)
    if "счетчик" in v.cyr:
        _meter_scam_signals(text, v.cyr, out)
    if any(cue in v.cyr for cue in _PAYOUT_CUES):
        _payout_lure_signals(text, v.cyr, out)
    if "зеркал" in v.cyr:
        _casino_mirror(out)
    if "заблокир" in v.cyr or "безопасн" in v.cyr:
        _account_lure_signals(text, v.cyr, out)
    if _ERRAND_GATE.search(v.cyr) is not None:
        _errand_lure_signals(text, v.cyr, out)

    # The same link/handle/phone twice is a mass-mailing habit ("➡️ @x ➡️ @x ➡️ @x").
    seen: set[str] = set()
    for sig in list(out):
        if (sig.name in _LINK_NAMES or sig.name in _CONTACT_NAMES) and sig.weight > 0.1:
            key = sig.quote.lower()
            if key in seen:
                out.append(SpamSignal("repeat_flood", sig.start, sig.end, sig.quote, 0.3))
                break
            seen.add(key)

    return _dedupe(out)


#: A handle a reader can follow: a user name of five letters or more, or a bot (not «@id123», a VK reply).
_FOLLOWED_HANDLE = 0.35
#: Handles (and «RT») that open a text: whom it answers, not what it promotes («@ivan_k заходи вечером»).
_ADDRESS_LEAD_RE = re.compile(r"(?:[^\w@]*(?:rt(?!\w)|@[a-z0-9_.]+))*")
#: The reader sent to a channel: «заходи», «подписывайся», «залетай» (not «заходи в гости», «… ко мне»).
_PROMO_CALL = (
    r"(?<!\w)(?:заходи|залетай|подписывайся|подписывайтесь|подпишись|подпишитесь|переходи|вступай|присоединяйся"
    r"|присоединяйтесь|жми|жмите)(?:те)?(?!\w)(?!\s+(?:в\s+гости|ко\s+мне|домой))"
)
#: … said right after the handle («@kmv_life заходи», «@x — подписывайтесь!»), or right before it («заходи на
#: @x», «подписывайтесь: @x»): nothing but punctuation or emoji between. A call further off is said to the
#: page («спасибо @kmv_news за новость, заходите в парк в субботу»).
_CALL_AFTER_RE = re.compile(rf"[^\w@\n]{{0,4}}{_PROMO_CALL}")
_CALL_BEFORE_RE = re.compile(rf"{_PROMO_CALL}[^\w@\n]{{0,4}}(?:(?:в|на)\s+)?$")
#: … or said anywhere in a text that names a channel («Канал про цены на ЖКХ, подписывайтесь, там всё разжёвано
#: @x»): a subscription is asked for a channel only, and the handle is the channel (not «подпишите петицию»)
_SUBSCRIBE_RE = re.compile(r"(?<!\w)(?:подписывай(?:ся|тесь)|подпишись|подпишитесь)(?!\w)(?!\s+на\s+(?:петици|уведомлени))")
_CHANNEL_WORD_RE = re.compile(r"(?<!\w)(?:канал|паблик|телеграм|тг|блог)\w*")
#: «бот», «бота», «в боте»: a bot named in words beside its handle
_BOT_WORD_RE = re.compile(r"(?<!\w)(?:чат-?)?бот(?:а|е|у|ом)?(?!\w)")
#: What a lure bot asks for: СНИЛС, a passport, a card's number or a code from an SMS (weighed 0.55) …
_LURE_DATA_RE = re.compile(
    r"(?<!\w)(?:снилс\w*|паспорт\w*|(?:номер|данные|реквизиты)\s+(?:\S+\s+)?карт\w*|код\w*\s+из\s+смс|cvv|cvc)"
)
#: … or holds out: money given away («дарит», «бонус», «500 ₽»), or a payout the reader is said to be owed
#: («проверит, положена ли вам выплата», «получите компенсацию»; not «бот присылает уведомления о выплатах»)
#: (0.5)
_LURE_MONEY_RE = re.compile(
    r"(?<!\w)(?:дарит|дарим|раздает|раздаем|бонус\w*|подар(?:ок|ки|ит|им)\w*|\d[\d\s]*(?:₽|руб\w*)"
    r"|(?:положен\w*|получи\w*|узна\w*|оформи\w*)\s+(?:\S+\s+){0,3}?"
    r"(?:выплат|компенсаци|пособи|субсиди|перерасчет)\w*)"
)


#: The fake meter replacement (round 31): a replacement or a check of the meters said to be compulsory
#: («обязательная замена счётчиков газа», «обязательная поверка»), a fine threatened, and the reader told to
#: sign up or call — the scammers' «метрологическая служба», not the flat's management company.
_METER_DUTY_RE = re.compile(
    r"(?<!\w)(?:обязательн|принудительн)\w*\s+(?:\S+\s+)?(?:замен|поверк|установк)\w*\s+(?:\S+\s+){0,2}?счетчик"
)
_METER_FINE_RE = re.compile(r"(?<!\w)штраф")
_METER_CALL_RE = re.compile(
    r"(?<!\w)(?:запиш\w*|записывай\w*|(?:по)?звони\w*|обращай\w*|оставь\w*\s+заявк|тел(?:\.|ефон\w*)?(?!\w))"
)
#: A warning about a scam («это мошенники», «не ведитесь», «осторожно»): what makes a lure's words quoted, not said
_WARNING = r"мошен|развод|обман|лохотрон|афер|не\s+ведит|не\s+верьте|не\s+пускайте|осторожн|фейк"
#: … the meter scam warned of, or a body that really checks meters named (the management company, горгаз): no
#: lure
_METER_NOT_SCAM_RE = re.compile(
    rf"(?<!\w)(?:{_WARNING}|управляющ|ук(?!\w)|тсж|горгаз|газпром|межрегионгаз|водоканал)"
)
#: The payout scam (round 32): a payout, a compensation or a free benefit said to be owed to everyone of a kind,
#: in the state's name («всем, кто родился до 1991 года, положена выплата», «компенсация за вклады СССР»,
#: «бесплатный санаторий для пенсионеров от государства») …
_OWED_RE = re.compile(
    r"(?<!\w)(?:положен[аоы]?\s+(?:\S+\s+)?(?:выплат|компенсаци|пособи|надбавк|доплат|перерасчет)\w*"
    r"|(?:выплат|компенсаци|пособи|надбавк|доплат)\w*\s+(?:\S+\s+)?(?:за\s+вклад|от\s+государств)\w*"
    r"|бесплатн\w+\s+(?:\S+\s+){0,4}?от\s+государств\w*"
    # («бесплатные слуховые аппараты для пенсионеров по программе правительства»; round 35)
    r"|бесплатн\w+\s+(?:\S+\s+){0,4}?(?:по\s+программе|от)\s+правительств\w*"
    # («вам положена бесплатная замена окон», «получат 200 тыс от губернатора», «вернут вклады в 3-кратном размере»,
    # «выплата "Бабушкин капитал"»; round 40)
    r"|положен[аоы]?\s+бесплатн\w*|(?:получат|получит|вернут)\s+(?:\S+\s+){0,2}?\d+\s*(?:тыс|000)\w*"
    r"|(?:вернут|вернуть)\s+(?:\S+\s+)?вклад\w*|(?:выплат|компенсаци)\w*\s+[«\"„“](?=[^\n]{0,60}?(?:через|у)\s+меня)"
    r"|бесплатн\w+\s+(?:\S+\s+){0,4}?от\s+(?:губернатор|минздрав|пенсионн)\w*"
    r"|бесплатн\w+\s+(?:\S+\s+){0,3}?пенсионерам\s+по\s+(?:\S+\s+)?программ\w*)"
)
#: … to be claimed off the page: by a link or a phone («проверьте себя по ссылке», «записывайтесь по телефону»),
#: a sign-up, or in a hurry («осталось 5 мест», «пока не поздно») …
_CLAIM_RE = re.compile(
    r"(?<!\w)(?:(?:провер|узна|оформ|получ|запис)\w*\s+(?:\S+\s+){0,2}?по\s+(?:ссылк|телефон|номер)\w*"
    r"|записывайтесь|запишитесь|осталось\s+(?:всего\s+|только\s+)?\d+\s+мест\w*|пока\s+не\s+поздно"
    # (claimed through the author: «оформить можно через меня», «заявки принимаю я», «форма в моём профиле»,
    # «через наш сервис»; round 40)
    r"|через\s+меня|заявк\w*\s+принима\w*|в\s+мо[её]м\s+профил\w*|через\s+наш\s+(?:сервис|сайт|бот)\w*"
    r"|помогу\s+оформить|консультаци\w*\s+у\s+меня)"
)
#: … and neither warned of nor sent to where a benefit is really claimed (Госуслуги, the МФЦ, the Social Fund, a
#: hot line)
_PAYOUT_NOT_SCAM_RE = re.compile(
    rf"(?<!\w)(?:{_WARNING}|госуслуг\w*|мфц|пфр|сфр|соцфонд\w*|социальн\w+\s+фонд\w*|соцзащит\w*|администраци\w*"
    r"|горяч\w+\s+лини\w*)"
)


#: (one of these stands in every payout :data:`_OWED_RE` reads: plain substrings, tested in C — a regular expression
#: over every text cost ≈ 1 % of the judge's time)
_PAYOUT_CUES = (
    "положен", "государств", "за вклад", "правительств", "получат", "получит", "вернут", "губернатор", "минздрав",
    "пенсион", "выплат", "компенсац",
)


def _meter_scam_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """«ВНИМАНИЕ ЖИЛЬЦАМ! С 1 числа обязательная замена счётчиков газа, иначе штраф 50 000. Запишитесь в
    метрологическую службу по тел …»: a scam dressed as a notice, «lure» 0.6 (gated on «счетчик»)."""
    duty = _METER_DUTY_RE.search(cyr)
    if (
        duty is None
        or _METER_FINE_RE.search(cyr) is None
        or _METER_CALL_RE.search(cyr) is None
        or _METER_NOT_SCAM_RE.search(cyr) is not None
    ):
        return
    out.append(SpamSignal("lure", duty.start(), duty.end(), text[duty.start() : duty.end()], 0.6))


#: The phishing errand (round 34): the reader's account said to be blocked, with something to confirm or
#: unblock («Ваш аккаунт будет заблокирован за нарушение правил. Для подтверждения перейдите …») …
_ACCOUNT_THREAT_RE = re.compile(
    r"(?<!\w)(?:аккаунт|страниц|профил|карт)\w*\s+(?:будет\s+|был[аи]?\s+)?(?:заблокир|удал[её]н|ограничен)\w*"
    r"[^\n]{0,60}?(?:подтвержд|разблокир|восстановлени|верификац|перейди|перейти)\w*"
)
#: … and the savings scam: money moved «to a safe account» at a caller's word («Переведите деньги на безопасный
#: счёт, звоните в службу безопасности ЦБ»)
_SAFE_ACCOUNT_RE = re.compile(
    r"(?<!\w)(?:перевед|перевест|переведи|переводи|перечисл|сним)\w*\s+(?:\S+\s+){0,3}?на\s+(?:\S+\s+)?"
    r"(?:безопасн|защищенн|резервн)\w*\s+сч[её]т\w*"
)
_ACCOUNT_NOT_SCAM_RE = re.compile(rf"(?<!\w)(?:{_WARNING}|не\s+переводите|никогда|полици|мвд)")


def _account_lure_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """A phishing or a savings-scam errand told to the reader (the account blocked unless confirmed: «lure» 0.55;
    the money to be moved to a «safe account», which no bank has: 0.6) — not when the text warns of it
    («мошенники просят перевести деньги на безопасный счёт — не переводите»)."""
    if _ACCOUNT_NOT_SCAM_RE.search(cyr) is not None:
        return
    for rx, w in ((_SAFE_ACCOUNT_RE, 0.6), (_ACCOUNT_THREAT_RE, 0.55)):
        m = rx.search(cyr)
        if m is not None:
            out.append(SpamSignal("lure", m.start(), m.end(), text[m.start() : m.end()], w))
            return


#: The scammer's errand told to the reader (round 35): money paid to a card's number («оплатите 1500 р на карту
#: 2202 2063 …»), by a link («задолженность, оплатите по ссылке»), «only the delivery» of a thing given free
#: («отдам айфон бесплатно, оплатите только доставку»), the code of an SMS entered or told («зайти по ссылке и
#: ввести код из смс»), one's account or data confirmed on a site («подтвердить лицевой счёт на сайте …»)
_ERRAND_RE = re.compile(
    r"(?<!\w)(?:(?:оплат|перевед|перевест|перечисл|скин)\w*\s+(?:\S+\s+){0,4}?на\s+карт\w*\s*(?:\d{4}[\s-]?){3}\d{4}"
    r"|оплат\w*\s+(?:\S+\s+)?по\s+ссылк\w*"
    r"|оплат\w*\s+(?:только\s+)?(?:за\s+)?доставк\w*"
    r"|(?:ввест|введи|назов|продикт|сообщ)\w*\s+(?:\S+\s+)?код\w*\s+из\s+(?:смс|sms|сообщени)\w*"
    r"|подтверд\w*\s+(?:\S+\s+){0,2}?(?:лицев\w+\s+сч|данн|личност|учетн)\w*[^\n]{0,60}?(?:сайт|ссылк)\w*"
    # a prize «won» to be claimed in private, a card's number «needed», the reader's phone asked for in the comments
    # («Вы выиграли сертификат на 15000. Для получения напишите …», «понадобится номер карты для зачисления», «оставьте
    # номер телефона в комментариях, перезвоним»), a payout to be claimed «here» («получить компенсацию можно тут …»)
    r"|вы\s+выиграли[^\n]{0,60}?для\s+получени\w*"
    r"|(?:понадоб|нужн|потребу)\w*\s+(?:\S+\s+)?(?:номер|данные|реквизиты)\s+(?:вашей\s+)?карт\w*"
    r"|оставь\w*\s+(?:свой\s+|ваш\s+)?номер\w*\s+(?:телефона\s+)?(?:и\s+адрес\s+)?в\s+коммент\w*"
    r"|(?:получить|оформить|проверить)\s+(?:\S+\s+){0,3}?(?:компенсаци|выплат|перерасчет)\w*\s+(?:\S+\s+)?"
    r"(?:можно\s+)?(?:тут|здесь|по\s+ссылк\w*))"
)
#: (one of these stands in every errand)
_ERRAND_GATE = re.compile(r"оплат|карт|код\w*\s+из|подтверд|выиграл|номер|компенсац|выплат|перерасч")


def _errand_lure_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """The errand a scam gives the reader (:data:`_ERRAND_RE`), «lure» 0.6 — not when the text warns of it
    («мошенники просят назвать код из смс — не называйте»)."""
    if _ACCOUNT_NOT_SCAM_RE.search(cyr) is not None:
        return
    m = _ERRAND_RE.search(cyr)
    if m is not None:
        out.append(SpamSignal("lure", m.start(), m.end(), text[m.start() : m.end()], 0.6))


def _payout_lure_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """«КОМПЕНСАЦИЯ ЗА ВКЛАДЫ СССР! Всем, кто родился до 1991 года, положена выплата, проверьте себя по ссылке»:
    a payout owed to all, claimed off the page — the scam's bait, «lure» 0.6 (what the bot lure of
    :func:`_handle_intent_signals` holds out, with no bot). A news item names where to claim it (Госуслуги,
    the МФЦ), a warning says it is a scam: neither is a lure."""
    owed = _OWED_RE.search(cyr)
    if owed is None or _PAYOUT_NOT_SCAM_RE.search(cyr) is not None:
        return
    if _CLAIM_RE.search(cyr) is None and not any(
        g.name in _LINK_NAMES or g.name == "phone" for g in out if g.weight >= 0.3
    ):
        return
    out.append(SpamSignal("lure", owed.start(), owed.end(), text[owed.start() : owed.end()], 0.6))


def _casino_mirror(out: list[SpamSignal]) -> None:
    """«Вулкан бонус 300% зеркало рабочее»: a casino's «working mirror» is where the player is sent (a «cta»,
    0.45) — but only beside another casino cue; alone («в ванной зеркало рабочее») it is a mirror."""
    mirrors = [g for g in out if g.name == "casino" and "зеркал" in g.quote.lower()]
    if not mirrors:
        return
    for g in mirrors:
        out.remove(g)
    if any(g.name == "casino" for g in out):
        out.extend(SpamSignal("cta", g.start, g.end, g.quote, 0.45) for g in mirrors)


def _handle_intent_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """What a handle is there for. A handle alone is no spam — people answer one another with one — but
    one the reader is sent to («лучший телеграм про КМВ @kmv_life заходи») is a channel promoted («cta»),
    and a bot that holds out a payout or a gift, or asks for СНИЛС («Бот @kmv_vyplaty_bot проверит,
    положена ли вам выплата, просто отправьте номер СНИЛС», «бот @x дарит 500 ₽») is a lure («lure»).
    Never a handle that opens the text: that is whom the comment answers. (With no call beside any handle, a
    channel named and a subscription asked elsewhere in the text promote it too: :func:`_channel_subscribed`.)"""
    handles = [g for g in out if g.name == "handle" and g.weight >= _FOLLOWED_HANDLE]
    if not handles:
        return
    lead = _ADDRESS_LEAD_RE.match(cyr).end()  # type: ignore[union-attr]  # (it matches the empty string too)
    followed = [g for g in handles if g.start >= lead]
    for g in followed:
        m = _CALL_AFTER_RE.match(cyr, g.end) or _CALL_BEFORE_RE.search(cyr, max(0, g.start - 32), g.start)
        if m is not None:
            s, e = m.start(), m.end()
            while s < e and not cyr[s].isalpha():  # (the quote is the call, not the punctuation round it)
                s += 1
            while e > s and not cyr[e - 1].isalpha():
                e -= 1
            if not _NEGATED_BEFORE.search(cyr, max(0, s - 8), s):
                out.append(SpamSignal("cta", s, e, text[s:e], 0.45))
                break
    else:
        _channel_subscribed(text, cyr, followed, out)
    bots = [g for g in handles if g.quote.lower().endswith("bot")]
    if not bots and not (followed and _BOT_WORD_RE.search(cyr)):
        return
    for rx, w in ((_LURE_DATA_RE, 0.55), (_LURE_MONEY_RE, 0.5)):
        m = rx.search(cyr)
        if m is not None:
            out.append(SpamSignal("lure", m.start(), m.end(), text[m.start() : m.end()], w))
            return


def _channel_subscribed(text: str, cyr: str, followed: list[SpamSignal], out: list[SpamSignal]) -> None:
    """A followed handle in a text that names a channel and asks the reader to subscribe, the call apart from
    the handle («Канал про реальные цены на ЖКХ, подписывайтесь, там всё разжёвано @zhkh_pravda26»): the
    channel promoted, as the call beside it would make it («cta» 0.45)."""
    if not followed or _CHANNEL_WORD_RE.search(cyr) is None:
        return
    for m in _SUBSCRIBE_RE.finditer(cyr):
        if not _NEGATED_BEFORE.search(cyr, max(0, m.start() - 8), m.start()):
            out.append(SpamSignal("cta", m.start(), m.end(), text[m.start() : m.end()], 0.45))
            return


def _spelled_out_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """Phrases in words spelled out letter by letter («З а й м ы без отказа», «Д е н ь г и  в  д о л г»).

    The runs the normaliser joins for the other categories (:func:`moderation.normalize.spelled_out`) are
    joined here too, the lexicon is run on that view, and what it finds in a joined run is quoted from
    the original. (The view is not the same length as the text, hence its own pass: rare, and only
    after a cheap pre-check.)
    """
    runs = spelled_out(cyr)
    if not runs:
        return
    gaps: set[int] = set()
    for idx in runs:
        gaps.update(range(idx[0], idx[-1] + 1))
        gaps.difference_update(idx)
    keep = [i for i in range(len(cyr)) if i not in gaps]
    joined = "".join([cyr[i] for i in keep])
    found: list[SpamSignal] = []
    _lexicon_signals(joined, joined, found, _KEY_RE.findall(joined))
    spans = [(idx[0], idx[-1] + 1) for idx in runs]
    for g in found:
        s, e = keep[g.start], keep[g.end - 1] + 1
        if any(s < b and a < e for a, b in spans):  # (the rest was read in the text itself)
            out.append(SpamSignal(g.name, s, e, text[s:e], g.weight))


#: Public employers: the administration, a municipal or state body, a school, a clinic, the job centre.
_PUBLIC_EMPLOYER_RE = re.compile(
    r"(?<!\w)(?:администрац\w*|мэри[яиюей]|муп|мбу|мку|мау|мбоу|мбдоу|мадоу|гбу\w*|гбоу|гуп|фгуп|мфц"
    r"|школ(?:а|е|у|ы|ой)?|гимнази\w*|детск\w*\s+сад\w*|больниц\w*|поликлиник\w*|водоканал\w*|горгаз\w*"
    r"|мчс|полици\w*|мвд|росгварди\w*|военкомат\w*|центр\w*\s+занятост\w*|соцзащит\w*)(?!\w)"
)
#: How the wording of a vacancy starts («требуются …», «з/п от …», «вахта …», «нужны люди …», «набор …»).
_VACANCY_WORDING = ("треб", "з/п", "зп", "вахт", "нужн", "набор", "набира")


def _public_vacancy(cyr: str, out: list[SpamSignal], start: int) -> None:
    """A public employer's vacancy passed on («Требуются дворники в МУП …, з/п от 25 000, тел. …», «В
    администрацию требуются водители») recruits for no business: its vacancy wording (in ``out[start:]``)
    is no spam evidence, so the phone it gives does not make it an advert."""

    def vacancy(g: SpamSignal) -> bool:
        return g.name == "earnings" and g.quote.lower().startswith(_VACANCY_WORDING)

    if any(map(vacancy, out[start:])) and _PUBLIC_EMPLOYER_RE.search(cyr):
        out[start:] = [g for g in out[start:] if not vacancy(g)]


#: Signals of something offered (work, money, loans, bets, crypto, dating, magic, goods): with one of
#: these, a bare call to act is how the reader answers the offer (the policy's commercial intents too,
#: :data:`moderation.policy.SPAM_COMMERCE`).
OFFER_NAMES = frozenset(
    ("earnings", "money_offer", "loan", "casino", "betting", "crypto", "dating", "magic", "ads", "illegal_goods",
     "advert", "lure")
)  # fmt: skip
#: ... strong enough to be an offer, not a word in passing (a bare «заработать» is 0.15)
_CALL_MIN_OFFER = 0.3
#: Weight of such a call: a contact, weak by itself (it is never looked for without an offer).
_CALL_WEIGHT = 0.3
#: «звоните», «пишите», «обращайтесь» said to the reader — followed by nothing, a stop, «мне», «прямо
#: сейчас», a number — not sent on to someone else («звоните в полицию», «пишите жалобы в прокуратуру»);
#: «ставь +» (the author writes to whoever left it). Not a poll or a gathering: «пишите, кто согласен»,
#: «ставьте +, если за».
_CALL_RE = re.compile(
    r"(?<!\w)(?:(?:(?:по)?звони|(?:на)?пиши)(?:те)?|обращайся|обращайтесь)"
    rf"(?=\s*(?:$|[!.,:;)…\-—–{_EMOJI_CLASS}]|[\d+(])"
    r"|\s+(?:мне|нам|сюда|сейчас|прямо|скорее|срочно|быстрее|смело"
    r"|по\s+(?:номеру|телефону|тел)|на\s+(?:номер|тел))(?!\w))"
    r"|(?<!\w)(?:по)?ставь(?:те)?\s*(?:[+➕]|плюс\w*)"
)
#: (or what the writer asks the readers: «пишите, куда жаловаться», «пишите, где купить»; round 34)
_POLL_AFTER = re.compile(
    r"\s*[,—–-]?\s*(?:кто|если|когда|у\s+кого|чтобы|куда|где|как|кому|что"
    # (round 41: answered in public, where every reader sees it — «пишите сюда в комментарии», «пишите здесь»;
    # a seller's hook is the private message)
    r"|сюда|здесь|тут|в\s+комментари\w*|в\s+комментах|под\s+постом)(?!\w)"
)
#: «переведи 0.01 на кошелёк», «пожертвуйте на карту», «переходи в группу», «вступайте в группу»: money sent or
#: the reader sent where the offer says (named «cta»).
_TRANSFER_RE = re.compile(
    r"(?<!\w)(?:пере(?:веди|води)|отправ(?:ь|ляй)|скинь|кидай|перечисли|пожертвуй)(?:те)?"
    r"\s+(?:\S+\s+){0,3}?на\s+(?:\S+\s+)?(?:кошел|карт|счет|адрес)\w*"
    r"|(?<!\w)(?:переходи|вступай)(?:те)?\s+(?:к\s+нам\s+)?в\s+(?:\S+\s+)?"
    r"(?:групп|канал|профил|паблик|сообществ|чат|телеграм|тг)\w*"
)
_CALL_HINT = (
    "звони", "пиши", "обраща", "ставь", "перев", "перех", "отправ", "скин", "кидай", "перечисл", "пожертв", "вступ"
)
#: Ways to answer an offer already given: a link, a phone, a handle, an e-mail, an invitation …
_ANSWERS = _LINK_NAMES | _CONTACT_NAMES | _INVITATIONS
#: ... but not a messenger merely named (0.1), an official link (0.1) or a VK reply mention (0.15).
_BARE_MENTION = 0.15


def _call_to_act_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """An offer with a call to act and no other way to answer it («Займ без отказа, звоните прямо сейчас»,
    «Интересно? Ставь +», «переведи 0.01 на кошелёк»): the call is the contact. Never looked for without
    an offer (a resident says «звоните» too), nor in a question (whoever asks «где взять займ? пишите»
    is the one who needs it), nor when a link, a phone or an invitation is there already."""
    if not any(s.name in OFFER_NAMES and s.weight >= _CALL_MIN_OFFER for s in out):
        return
    if any(s.name in _ANSWERS and s.weight > _BARE_MENTION for s in out):
        return
    if QUESTION_END.search(cyr) or not any(h in cyr for h in _CALL_HINT):
        return
    for rx, name in ((_CALL_RE, "pm_invite"), (_TRANSFER_RE, "cta")):
        for m in rx.finditer(cyr):
            s = m.start()
            if _NEGATED_BEFORE.search(cyr, max(0, s - 8), s) or _POLL_AFTER.match(cyr, m.end()):
                continue  # «не звоните им», «пишите, кто согласен»
            out.append(SpamSignal(name, s, m.end(), text[s : m.end()], _CALL_WEIGHT))
            return


# ---------------------------------------------------------------------------------------------
# Native adverts with no contact: a business, an offer and a call (lexicons/spam/advert.txt)
# ---------------------------------------------------------------------------------------------

_ADVERT_KINDS = ("business", "offer", "call")


def load_advert(path: Path) -> tuple[frozenset[str], dict[str, tuple[tuple[int, str], ...]], tuple[str, ...]]:
    """Read ``advert.txt``: the trade verbs' lemmas, each kind's cues as (points, regex), and the trade nouns."""
    nouns: list[str] = []
    verbs: list[str] = []
    cues: dict[str, list[tuple[int, str]]] = {k: [] for k in _ADVERT_KINDS}
    for section, line, where in _sections(path):
        if section[0] == "trade_nouns":
            nouns.extend(line.split())
        elif section[0] == "trade_verbs":
            verbs.extend(line.split())
        elif section[0] in cues:
            points, _, rx = line.partition(" ")
            if not points.isdigit() or not rx.strip():
                raise SpamDataError(f"{where}: expected 'POINTS REGEX'")
            rx = rx.strip().replace("{TRADE}", f"(?:{'|'.join(nouns)})")
            try:
                re.compile(rx)
            except re.error as e:
                raise SpamDataError(f"{where}: {e} in {rx!r}") from None
            cues[section[0]].append((int(points), rx))
        else:
            raise SpamDataError(f"{where}: unknown section [{' '.join(section)}]")
    return frozenset(verbs), {k: tuple(v) for k, v in cues.items()}, tuple(nouns)


_TRADE_VERBS, _ADVERT_CUES, _TRADE_NOUNS = load_advert(SPAM_DATA_DIR / "advert.txt")


def _openings(seq: list, i: int = 0, letters: int = 6) -> set[tuple[str, ...]] | None:
    """How the parsed regex ``seq[i:]`` (``re._parser``'s list of (op, arg)) can begin a match, each way in
    as a tuple of regex units: up to ``letters`` letters (spaces between them kept as ``\\s+``); () where a
    way stops being knowable; None when some way opens with a class or a backreference."""
    if i == len(seq) or letters == 0:
        return {()}
    op, av = seq[i]
    name = str(op)

    def then(j: int, left: int) -> set[tuple[str, ...]]:
        rest = _openings(seq, j, left)
        return {()} if rest is None else rest

    if name == "LITERAL":
        return {(re.escape(chr(av)),) + rest for rest in then(i + 1, letters - 1)}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _openings(seq, i + 1, letters)  # (zero-width: the match still opens with what follows)
    if name == "SUBPATTERN":
        return _openings(list(av[-1]) + seq[i + 1 :], 0, letters)
    if name == "BRANCH":
        ways = [_openings(list(b) + seq[i + 1 :], 0, letters) for b in av[1]]
        return None if any(w is None for w in ways) else set().union(*ways)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _high, body = av
        if [str(x) for x in body] == ["(IN, [(CATEGORY, CATEGORY_SPACE)])"]:
            return {("\\s+" if low else "\\s*",) + rest for rest in then(i + 1, letters)}
        # (after one round of the body another may follow: the way in is the body's alone — unless there is
        # at most one, «(?:на)?пиши»)
        first = _openings(list(body) + (seq[i + 1 :] if _high == 1 else []), 0, letters)
        if low > 0 or first is None:
            return first
        rest = _openings(seq, i + 1, letters)
        return None if rest is None else first | rest
    if name == "IN" and [str(x) for x in av] == ["(CATEGORY, CATEGORY_DIGIT)"]:
        return {("\\d",)}
    if name == "IN" and all(str(x[0]) == "LITERAL" for x in av):
        one_of = "[" + "".join(re.escape(chr(x[1])) for x in av) + "]"  # («[«"„“]»: a quotation opens)
        return {(one_of,) + rest for rest in then(i + 1, letters - 1)}
    return None


def _gate(cues: tuple[tuple[int, str], ...]) -> set[tuple[str, ...]] | None:
    """What every cue of a kind opens with: the letters of each way in, one of which must stand at a word's
    start for any cue to match there. The cue scan itself is a long alternation; tried in full at every
    word's start it costs ≈ 22 µs a text for the offers, half the spam rules' time. None (no gate) when a
    cue opens otherwise, or when the openings are so many that the gate would cost what it saves."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # (CPython's own parser: the one reader of a pattern)

        parsed = [list(_parser.parse(rx)) for _, rx in cues]
    except (ImportError, AttributeError, TypeError, re.error):
        return None
    for letters in _GATE_LETTERS:
        ways = [_openings(p, 0, letters) for p in parsed]
        if any(w is None or () in w for w in ways):
            return None
        openings: set[tuple[str, ...]] = set().union(*ways)
        if len(openings) <= _GATE_MAX:
            return openings
    return None


def _trie(openings: set[tuple[str, ...]]) -> str:
    """The openings as one regex, shared beginnings said once («з(?:а(?:ка(?:жи|зы)|…)|вони)»): sre tries
    an alternation's branches one by one, so a flat list of 60 openings costs 60 tries at each word start
    and the trie only as many as the letters that lead somewhere. An opening that another one begins
    («звони», «звонит») is dropped, as the shorter one already lets the text through."""
    root: dict[str, dict] = {}
    for units in sorted(openings, key=len):
        node = root
        for unit in units:
            if node.get("") is not None:
                break  # (a shorter opening already ends here)
            node = node.setdefault(unit, {})
        else:
            node.clear()
            node[""] = {}

    def said(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        ways = [unit + said(child) for unit, child in sorted(node.items())]
        return ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"

    return said(root)


#: More openings than this and a gate scans as slowly as the cues (the business cues' «мой/моя/моё … салон»)
_GATE_MAX = 300
#: How many letters of each way in a gate asks for, the longest first that keeps it under ``_GATE_MAX``:
#: three letters («пре», «зап», «под») stand in nine comments of ten, so the gate let nearly every text
#: through to the long alternation; eight let through four in ten for the offers and one in thirteen for
#: the calls (round 35: the advert scan ≈ 2× faster on the 2ch set, output identical).
_GATE_LETTERS = (8, 6, 3)
_NUMERIC_OPENING = re.compile(r"(?:\\d|\\\+|\d)")


def _scans(cues: tuple[tuple[int, str], ...]) -> list[tuple[set[tuple[str, ...]] | None, re.Pattern[str]]]:
    """A kind's cues as scans, each its openings (see ``_gate``) and one alternation of named groups
    (``c<index>``, so a match says which cue it was) that the openings gate at each word's start, in a
    lookahead: where none of them stands the long alternation is not tried at all. The cues that open with
    a number («2000 р», «24/7», «+40 %») are apart from the rest — numbers are in a quarter of all comments,
    and with them in one gate nearly every word start of those would pay for the whole scan."""
    numeric = [i for i, (_, rx) in enumerate(cues) if _NUMERIC_OPENING.match(rx)]
    out = []
    for part in (numeric, [i for i in range(len(cues)) if i not in numeric]):
        if part:
            body = "|".join(f"(?P<c{i}>{cues[i][1]})" for i in part)
            openings = _gate(tuple(cues[i] for i in part))
            ahead = f"(?={_trie(openings)})" if openings is not None else ""
            out.append((openings, re.compile(f"(?<!\\w){ahead}(?:{body})")))
    return out


_ADVERT_SCANS = {kind: _scans(cues) for kind, cues in _ADVERT_CUES.items()}


def _either_gate(kinds: tuple[str, ...]) -> re.Pattern[str] | None:
    """One scan for the openings of all these kinds' cues: where none stands at any word's start, none of
    the kinds has a cue (most texts: one search instead of one per scan). None when a scan has no gate."""
    openings: set[tuple[str, ...]] = set()
    for kind in kinds:
        for gate, _rx in _ADVERT_SCANS[kind]:
            if gate is None:
                return None
            openings |= gate
    return re.compile(f"(?<!\\w){_trie(openings)}")


#: An advert needs an offer or a call before anything else is looked for.
_OFFER_OR_CALL_GATE = _either_gate(("offer", "call"))
#: Each cue's points, by its group's name.
_ADVERT_POINTS = {
    kind: {f"c{i}": pts for i, (pts, _) in enumerate(cues)} for kind, cues in _ADVERT_CUES.items()
}
#: A verb in the first person (present or future: «бурим», «доставим», «ремонтирую»); the first three
#: letters of a trade verb's lemma gate the (cached) morphological parse.
_FIRST_PERSON_RE = re.compile(r"(?<!\w)[а-я]{3,}(?:ем|им|ю|у)(?!\w)")
_TRADE_PREFIXES = frozenset(v[:3] for v in _TRADE_VERBS)
#: Most points one kind may bring: three discounts make no more of an advert than one discount and a call.
_ADVERT_CAP = {"business": 3, "offer": 3, "call": 2}
#: Contacts that count as an advert's call (``_advert_signals``): a link (not a phone: «телефон ЕДДС …,
#: звоните туда» is a public service passed on).
_ADVERT_CONTACTS = frozenset(("url",))
#: Signals an advert's own cues may already be quoted by.
_SAID_OF_ADVERT = OFFER_NAMES | _INVITATIONS
#: Weight by points (two kinds at least): three points are an everyday sentence as often as an advert
#: («в «Магните» скидки, заходите»): held for a moderator (round 30: 0.4 → 0.46, just over the review line;
#: four changed of 56,048 probe texts), four and more are an advert's grammar.
_ADVERT_WEIGHTS = ((6, 0.78), (5, 0.7), (4, 0.62), (3, 0.46))


def _trade_verb_cues(cyr: str) -> list[_Cue]:
    """The author doing a trade in the first person: «бурим скважины» (plural: a business, 2 points),
    «ремонтирую» (singular: perhaps a neighbour, 1 point)."""
    from moderation.lemmatize import parses  # (pymorphy is loaded only when a text gets this far)

    found: list[_Cue] = []
    for m in _FIRST_PERSON_RE.finditer(cyr):
        word = m.group()
        if word[:3] not in _TRADE_PREFIXES:
            continue
        # the first verb reading of the word (a rarer noun may come first: «перекроем» — «перекрой»)
        for q in [q for q in parses(word)[:2] if "VERB" in q.tag][:1]:
            if q.normal_form in _TRADE_VERBS and "1per" in q.tag:
                found.append((m.start(), m.end(), 2 if "plur" in q.tag else 1, q.normal_form))
    return found


#: One cue found: (start, end, points, which cue); a cue said twice («дешевле … дешевле») counts once.
_Cue = tuple[int, int, int, str]


def _advert_cues(cyr: str, kind: str, start: int = 0) -> list[_Cue]:
    """One kind's cues, from ``start`` on (where the first of their openings stands, if known). Cues may
    overlap («в нашем канале «…»»: the author's own channel, and a channel named by its brand), so each
    search starts one character after the last hit."""
    points = _ADVERT_POINTS[kind]
    out: list[_Cue] = []
    for _openers, rx in _ADVERT_SCANS[kind]:
        pos = start
        while (m := rx.search(cyr, pos)) is not None:
            group = m.lastgroup or ""
            out.append((m.start(), m.end(), points[group], group))
            pos = m.start() + 1
    return sorted(out)


def _advert_signals(text: str, cyr: str, out: list[SpamSignal]) -> None:
    """A native advert with no contact («Бурим скважины по всему КМВ, звоните», «в нашем канале «…»,
    подписывайтесь!», «квартиры от застройщика, ипотека 6%, звоните»): cues of a business, an offer
    and a call (lexicons/spam/advert.txt), two kinds at least and points enough. Each cue is quoted; the
    first one carries the weight of them all, the others none (each alone is harmless)."""
    # a link of weight is how to take the offer up, as «звоните» is («панели под ключ с рассрочкой,
    # подробнее на solar-kmv.ru»); an official site's or a service's is not
    contacts = [(g.start, g.end, 2, "contact") for g in out if g.name in _ADVERT_CONTACTS and g.weight >= 0.3]
    start = 0
    if _OFFER_OR_CALL_GATE is not None:
        first = _OFFER_OR_CALL_GATE.search(cyr)
        if first is None and not contacts:
            return  # (neither an offer nor a call can open anywhere, and no link: most texts, one search)
        start = len(cyr) if first is None else first.start()  # (and none opens before the first opening)
    found: dict[str, list[_Cue]] = {}
    for kind in ("offer", "call"):
        cues = _advert_cues(cyr, kind, start)
        if kind == "call":  # «не звоните им»
            cues = [c for c in cues if not _NEGATED_BEFORE.search(cyr, max(0, c[0] - 8), c[0])] + contacts
        if cues:
            found[kind] = cues
    if not found:
        return  # (a business named with nothing offered and no call: the common case, and no parse)
    business = _advert_cues(cyr, "business") + _trade_verb_cues(cyr)
    if business:
        found["business"] = business
    if len(found) < 2:
        return
    total = 0
    for kind, cues in found.items():
        distinct: dict[str, int] = {}
        for _s, _e, pts, which in cues:
            distinct[which] = max(pts, distinct.get(which, 0))
        total += min(sum(distinct.values()), _ADVERT_CAP[kind])
    weight = next((w for least, w in _ADVERT_WEIGHTS if total >= least), 0.0)
    if not weight:
        return
    # The advert's weight is that of the whole advert: what other signals already quote of it («продаю»
    # is «ads», «выплаты ежедневно» «earnings») is part of it, not more evidence on top («оптом продаю
    # по 100 руб», a seller telling how he works, stays as weak as its «ads» made it).
    spans = [(c[0], c[1]) for kind in found.values() for c in kind]
    told = [
        g for g in out
        if (g.name in _SAID_OF_ADVERT or g.name in _ADVERT_CONTACTS) and any(g.start < e and s < g.end for s, e in spans)
    ]  # fmt: skip
    weight = max(0.0, 1.0 - (1.0 - weight) / (1.0 - rule_score(told))) if told else weight
    # the business first (who sells), then the offer, then the call: the first quote carries the weight
    cues = [c for kind in _ADVERT_KINDS for c in sorted(found.get(kind, ()), key=lambda c: (-c[2], c[0]))]
    seen: set[tuple[int, int]] = set()
    for i, (s, e, _pts, _which) in enumerate(cues):
        while e > s and cyr[e - 1] in " \t\n,.!:;":
            e -= 1
        if (s, e) in seen or any(s < b and a < e for a, b in seen):
            continue
        seen.add((s, e))
        out.append(SpamSignal("advert", s, e, text[s:e], weight if i == 0 else 0.0))


#: Words of a trade however it is put (round 34): a trade noun of advert.txt («салон», «магазин», «маникюр»)
#: anywhere; the terms of a deal («аренда», «прайс», «стоимость», «заказать», «вознаграждение»); money, work and its
#: pay («деньги за лайки», «доход неограничен», «вакансия», «удалёнка», «график 2/2», «в команду», «клиенты»), a
#: business's voice and fee («работаем за 30% от суммы»); a
#: course, a prize, a loan, a photo («обучение», «выиграла в лото», «займы», «интересные фото»); a price («3500 р»,
#: «от 3000»: a number of thousands, not a year); a word disguised with a sign or a digit («З@ймы»). Not the author
#: paying («оплачу консультацию юриста»: a customer).
#: (not a year of study: «студентка 4 курса», «на втором курсе» — round 35)
_TRADE_WORDING_RE = re.compile(
    rf"(?<!\w)(?:(?:{'|'.join(_TRADE_NOUNS)})\w*|аренд\w*|прайс\w*|стоимост\w*|цен(?:а|ы|у|ой|е)(?!\w)"
    r"|заказ\w*|вознагражд\w*|деньг\w*|денег|доход\w*|заработ\w*|зарабат\w*|зарплат\w*|ваканси\w*|удал[её]нк\w*"
    r"|удал[её]нн\w*|график\s+\d|команд(?:у|е)(?!\w)|бизнес\w*|клиент\w*|(?<!\d\s)(?<!\d)(?<!й\s)(?<!го\s)(?<![ое]м\s)курс(?:ы|а|ов|е)?(?!\w)|обучени\w*|обучаю"
    r"|бесплатн\w*|скидк\w*|акци(?:я|и|ю)(?!\w)|подар\w*|выигр\w*|лото(?!\w)|лотере\w*|займ\w*|заем|кредит\w*|фото\w*"
    r"|способ\w*|схем\w*|по\s+систем\w*|работаем|\d+\s*%\s+от\s+(?:суммы|выигрыш|возвращ|взыскан|стоимост)\w*"
    r"|\d[\d\s]*(?:р|руб\w*|₽|тыс\w*|к|т\.?р\.?)(?!\w)|(?!(?:19|20)\d\d(?!\d))\d{4,6}(?![\d\w]|[.,:/\-]\d))"
    r"|[а-я][@$0-9][а-я]"
)


def offer_wording(text: str) -> bool:
    """Does the text say anything an advert says of who sells or what is offered — one cue of a business or an
    offer of lexicons/spam/advert.txt («недорого», «выезд на дом», «-20%», «наш салон»), a trade verb in the
    first person («покупаю», «подключаю»), a trade or a price named at all («в салон …, аренда места 8000») —
    however little? The judge asks it of a text whose only spam evidence is an invitation
    (``moderation.policy.SPAM_INVITATIONS``): «маникюр на дому недорого, запись в лс» offers something, «кто
    видел момент ДТП, напишите в ЛС» nothing. (Rare texts: no gate.)"""
    if not isinstance(text, str) or not text:
        return False
    cyr = _views(text).cyr
    return bool(
        _TRADE_WORDING_RE.search(cyr)
        or _advert_cues(cyr, "offer")
        or _advert_cues(cyr, "business")
        or _trade_verb_cues(cyr)
    )


def offer_terms(text: str) -> bool:
    """Does the text state the terms of an offer — a cue of the «offer» kind of lexicons/spam/advert.txt («под
    0%», «одобрение 99%», «бонус 200% на первый депозит», «консультация бесплатно», «с гарантией»)? What tells
    «Казино Вулкан, 200 фриспинов» (a casino offered) from «форекс — это то же казино» (a casino named): the judge
    asks it of a text whose spam evidence only names a business (``moderation.policy.SPAM_TOPICS``)."""
    if not isinstance(text, str) or not text:
        return False
    return bool(_advert_cues(_views(text).cyr, "offer"))


#: At most this many signals per name are kept: the score saturates long before, and a 10k-char
#: comment with 3,000 handles must not cost quadratic time.
MAX_SIGNALS_PER_NAME = 32


def _dedupe(signals: list[SpamSignal]) -> list[SpamSignal]:
    """Drop a signal overlapped by a stronger (or equal, longer) one of the same name, so that
    "Пишите + в ЛС" is one piece of evidence, not two; cap each name; then sort by position."""
    kept_by_name: dict[str, list[SpamSignal]] = {}
    for sig in sorted(signals, key=lambda g: (-g.weight, g.start - g.end, g.start)):
        same = kept_by_name.setdefault(sig.name, [])
        if len(same) >= MAX_SIGNALS_PER_NAME or any(sig.start < k.end and k.start < sig.end for k in same):
            continue
        same.append(sig)
    kept = [sig for group in kept_by_name.values() for sig in group]
    kept.sort(key=lambda g: (g.start, g.end, g.name))
    return kept


def rule_score(signals: Iterable[SpamSignal]) -> float:
    """Combine signal weights into a 0..1 spam score with a discounted noisy-or.

    ``score = 1 - Π(1 - w_i)`` over the *evidence items*: for each signal name the strongest hit
    counts fully, the next two hits with different quotes count at half weight, the rest and
    repeats of the same quote not at all.  Why: independent kinds of evidence (a phone **and**
    "пиши в лс") should compound, but a news-style text that says "проститутки" five times, or an
    angry one that says "заработок" three times, should not climb on repetition alone.
    """
    by_name: dict[str, dict[str, float]] = {}
    for s in signals:
        quotes = by_name.setdefault(s.name, {})
        key = s.quote.lower()
        if s.weight > quotes.get(key, -1.0):
            quotes[key] = s.weight
    keep = 1.0
    for quotes in by_name.values():
        ws = sorted(quotes.values(), reverse=True)[:3]
        keep *= 1.0 - min(max(ws[0], 0.0), 1.0)
        for w in ws[1:]:
            keep *= 1.0 - min(max(w, 0.0), 1.0) / 2
    return 1.0 - keep


def spam_score_rule(text: str) -> float:
    """``rule_score(spam_signals(text))`` — the rules' spam score for one text."""
    return rule_score(spam_signals(text))


#: Fixed feature order for the ML model: per-signal max weights and counts of link/contact
#: evidence, the rule score, and a few cheap shape statistics of the text.
FEATURE_NAMES: tuple[str, ...] = (
    *(f"sig_{n}" for n in MODEL_SIGNAL_NAMES),
    "n_signals_log",
    "n_links",
    "n_contacts",
    "max_weight",
    "rule_score",
    "len_log",
    "upper_ratio",
    "digit_ratio",
    "latin_ratio",
    "emoji_ratio",
    "punct_ratio",
    "newline_ratio",
)
#: Every feature at 0.0, in :data:`FEATURE_NAMES` order: what :func:`spam_features` starts from.
_NO_FEATURES: dict[str, float] = dict.fromkeys(FEATURE_NAMES, 0.0)
_LATIN_RE = re.compile(r"[a-zA-Z]")
_PUNCT_RE = re.compile("[!?.,;:*•\u25aa\u2705\u2757\u203c\\-\u2013\u2014()]")


def spam_features(text: str, signals: list[SpamSignal] | None = None) -> dict[str, float]:
    """Numeric features with the fixed keys :data:`FEATURE_NAMES` (pass ``signals`` to reuse them)."""
    if not isinstance(text, str):
        text = ""
    if signals is None:
        signals = spam_signals(text)
    if any(s.name in RULE_ONLY_SIGNALS for s in signals):
        signals = [s for s in signals if s.name not in RULE_ONLY_SIGNALS]  # (the model never saw them)
    feats = _NO_FEATURES.copy()  # a copy of a dict is a block copy; fromkeys hashes every key again
    n_links = n_contacts = 0
    for s in signals:
        key = f"sig_{s.name}"
        if key in feats and s.weight > feats[key]:
            feats[key] = float(s.weight)
        if s.name in _LINK_NAMES:
            n_links += 1
        elif s.name in _CONTACT_NAMES:
            n_contacts += 1
    n = len(text)
    feats["n_signals_log"] = math.log1p(len(signals))
    feats["n_links"] = float(min(n_links, 10))
    feats["n_contacts"] = float(min(n_contacts, 10))
    feats["max_weight"] = max((float(s.weight) for s in signals), default=0.0)
    feats["rule_score"] = rule_score(signals)
    feats["len_log"] = math.log1p(n)
    if n:
        # Ratios over non-blank characters: cheap to count with C-level scans, and close enough
        # to "share of letters" for the model.
        visible = (n - text.count(" ") - text.count("\n")) or 1
        feats["upper_ratio"] = min(len(_UPPER_RE.findall(text)) / visible, 1.0)
        feats["digit_ratio"] = len(_ANY_DIGIT_RE.findall(text)) / n
        feats["latin_ratio"] = min(len(_LATIN_RE.findall(text)) / visible, 1.0)
        feats["emoji_ratio"] = 0.0 if text.isascii() else len(_EMOJI_RE.findall(text)) / n
        feats["punct_ratio"] = len(_PUNCT_RE.findall(text)) / n
        feats["newline_ratio"] = text.count("\n") / n
    return feats


# ---------------------------------------------------------------------------------------------
# Near-duplicates: simhash over word 3-shingles + banded LSH index
# ---------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[a-zа-я]+|[^\W\d_]+")


def _tokens(text: str) -> list[str]:
    """Normalised words: lower-case, ё→е, look-alikes de-obfuscated, digits and punctuation dropped."""
    if not isinstance(text, str) or not text:
        return []
    return _TOKEN_RE.findall(_views(text).cyr)


def _simhash_tokens(tokens: list[str], bits: int) -> int:
    if not tokens:
        return 0
    if len(tokens) < 3:
        shingles = [" ".join(tokens)]
    else:
        shingles = [f"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]}" for i in range(len(tokens) - 2)]
    # Per-bit majority vote without a Python loop over shingles: for each bit j, every digest
    # byte is mapped to 0/1 (bytes.translate), viewed as 64-bit words and summed, so each byte lane
    # of the sum counts the digests whose byte k has bit j set.  Lanes hold at most 255 votes,
    # hence blocks of 255 shingles.  Fingerprint bit order is j-major (bit j of byte 0, of byte
    # 1, …), a fixed permutation of the textbook order, which simhash does not care about.
    nbytes = (bits + 7) // 8
    width = (nbytes + 7) // 8 * 8  # each digest padded to whole 64-bit words
    pad = bytes(width - nbytes)
    blake2b = hashlib.blake2b
    digests = b"".join(
        [blake2b(sh.encode("utf-8", "surrogatepass"), digest_size=nbytes).digest() + pad for sh in shingles]
    )
    n = len(shingles)
    if width == 8 and n <= 255:  # the common case: one word per digest, one block
        vote = _vote_table(n)
        planes = [
            sum(memoryview(digests.translate(t)).cast("Q")).to_bytes(8, sys.byteorder) for t in _BIT_TABLES
        ]
        bitstr = b"".join([p[:nbytes].translate(vote) for p in planes])
        return int(bitstr[:bits], 2)
    words = width // 8
    counts = [[0] * width for _ in range(8)]
    for off in range(0, len(digests), 255 * width):
        block = digests[off : off + 255 * width]
        for j, table in enumerate(_BIT_TABLES):
            mv = memoryview(block.translate(table)).cast("Q")
            for w in range(words):
                lane_bytes = sum(mv[w::words]).to_bytes(8, sys.byteorder)
                for i, c in enumerate(lane_bytes):
                    counts[j][w * 8 + i] += c
    bitstr_s = "".join("1" if 2 * counts[j][k] > n else "0" for j in range(8) for k in range(nbytes))
    return int(bitstr_s[:bits], 2)


def _vote_table(n: int) -> bytes:
    """Byte table mapping a vote count to ASCII '1' if it is a strict majority of ``n`` (cached)."""
    table = _VOTE_TABLES.get(n)
    if table is None:
        table = bytes(0x31 if 2 * c > n else 0x30 for c in range(256))
        _VOTE_TABLES[n] = table
    return table


_VOTE_TABLES: dict[int, bytes] = {}
#: _BIT_TABLES[j] maps a byte to 1 if its bit (7 - j) is set (most significant bit first).
_BIT_TABLES: tuple[bytes, ...] = tuple(bytes((b >> (7 - j)) & 1 for b in range(256)) for j in range(8))


def simhash(text: str, bits: int = 64) -> int:
    """Charikar simhash of ``text`` over normalised word 3-shingles (1..512 bits).

    Texts shorter than three words hash their whole word sequence.  Small edits change only the
    few shingles that touch the edited word, so near-identical texts stay a few bits apart — which
    is what lets :class:`NearDuplicateIndex` spot one spam text posted with tiny variations.
    """
    if not 1 <= bits <= 512:
        raise ValueError("bits must be in 1..512")
    return _simhash_tokens(_tokens(text), bits)


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two hashes."""
    return (a ^ b).bit_count()


_MASK64 = (1 << 64) - 1


class NearDuplicateIndex:
    """In-memory index of recent texts that answers "was (almost) this text posted already?".

    64-bit simhashes are split into ``max_distance + 1`` bands; by the pigeonhole principle two
    hashes within ``max_distance`` bits agree exactly on at least one band, so looking up only the
    texts that share a band bucket finds *every* near-duplicate while comparing only about
    ``(max_distance + 1) / 2**(64 / (max_distance + 1))`` of the index (≈1.4 % at the default 6).
    Texts with fewer than ``min_tokens`` words are neither indexed nor matched ("Спасибо!" repeats
    everywhere and is not spam).  Oldest entries are evicted beyond ``max_items`` (FIFO).

    Note on the radius: with word 3-shingles one replaced word in a 20–50-word text moves the hash
    by ~3–11 bits (mean ≈7), so the default 6 catches re-posts with cosmetic edits (case, emoji,
    digits, punctuation, look-alike letters) and most one-word edits of long texts; unrelated texts
    are ≥14 bits apart (mean ≈31), so a radius up to ~10 is still safe if more recall is wanted.
    """

    _BITS = 64

    def __init__(self, max_distance: int = 6, max_items: int = 50_000, min_tokens: int = 4) -> None:
        if max_distance < 0:
            raise ValueError("max_distance must be >= 0")
        if max_items < 1:
            raise ValueError("max_items must be >= 1")
        self.max_distance = max_distance
        self.max_items = max_items
        self.min_tokens = min_tokens
        #: Number of stored hashes compared by the last find (for metrics and tests).
        self.last_candidates = 0
        nbands = min(max_distance + 1, self._BITS)
        size, extra = divmod(self._BITS, nbands)
        self._bands: list[tuple[int, int]] = []  # (shift, mask)
        shift = 0
        for i in range(nbands):
            width = size + (1 if i < extra else 0)
            self._bands.append((shift, (1 << width) - 1))
            shift += width
        self._items: dict[str, int] = {}  # key -> hash, insertion-ordered (oldest first)
        self._buckets: dict[tuple[int, int], dict[str, int]] = {}  # (band, value) -> {key: hash}
        self._last: tuple[str, int | None] = ("", None)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def _hash(self, text: str) -> int | None:
        """Simhash of ``text`` or None if too short; caches the last text (find() then add())."""
        if text and self._last[0] == text:
            return self._last[1]
        toks = _tokens(text)
        h = _simhash_tokens(toks, self._BITS) if len(toks) >= self.min_tokens else None
        self._last = (text, h)
        return h

    def _band_keys(self, h: int) -> list[tuple[int, int]]:
        return [(i, (h >> shift) & mask) for i, (shift, mask) in enumerate(self._bands)]

    def _remove(self, key: str) -> None:
        h = self._items.pop(key)
        for bk in self._band_keys(h):
            bucket = self._buckets.get(bk)
            if bucket is not None:
                bucket.pop(key, None)
                if not bucket:
                    del self._buckets[bk]

    def add(self, key: str, text: str) -> None:
        """Index ``text`` under ``key`` (re-adding a key replaces it); evicts the oldest if full.

        Texts shorter than ``min_tokens`` words are ignored.
        """
        h = self._hash(text)
        if h is not None:
            self.add_hash(key, h)

    def find(self, text: str) -> list[tuple[str, int]]:
        """``(key, distance)`` of indexed texts within ``max_distance`` bits, nearest first."""
        h = self._hash(text)
        return [] if h is None else self.find_hash(h)

    def add_hash(self, key: str, h: int) -> None:
        """Index a precomputed 64-bit :func:`simhash` under ``key`` (for callers that store hashes)."""
        h &= _MASK64
        if key in self._items:
            self._remove(key)
        while len(self._items) >= self.max_items:
            self._remove(next(iter(self._items)))
        self._items[key] = h
        for bk in self._band_keys(h):
            self._buckets.setdefault(bk, {})[key] = h

    def find_hash(self, h: int) -> list[tuple[str, int]]:
        """Near-duplicates of a precomputed 64-bit hash: only keys sharing a band are compared."""
        h &= _MASK64
        limit = self.max_distance
        found: dict[str, int] = {}
        compared = 0
        if limit >= self._BITS:  # every hash is within reach; bands cannot help
            found = {k: (h ^ v).bit_count() for k, v in self._items.items()}
            compared = len(found)
        else:
            for bk in self._band_keys(h):
                bucket = self._buckets.get(bk)
                if bucket:
                    compared += len(bucket)
                    for key, other in bucket.items():
                        d = (h ^ other).bit_count()
                        if d <= limit:
                            found[key] = d
        self.last_candidates = compared
        return sorted(found.items(), key=lambda kd: (kd[1], kd[0]))
