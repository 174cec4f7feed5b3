"""Who an insult word is said of: the author about themself ("я лох", "чувствую себя идиоткой") is
no insult to anyone, the authorities as a body ("депутаты — бездари", "чиновники совсем
обнаглели, тупые что ли") and things ("убогий парк", "дебильный проект") are a matter for a
moderator, not for an automatic deletion.

People call themselves names when they complain about a bad day; a word list cannot tell that from
an insult, and a model trained on flame wars reads the word alone. Clause 19 protects others, so
when every insult word of a comment is said of its author the judge holds it for a moderator at most
(:func:`moderation.policy.ceilings`); one insult aimed elsewhere ("я дура, а ты козёл") and nothing
changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from moderation.lemmatize import parses
from moderation.normalize import COPULA_DASH, QUOTE_MARK

if TYPE_CHECKING:  # pragma: no cover
    from moderation.normalize import Normalized

__all__ = [
    "blames_a_maker",
    "said_of_authorities",
    "said_of_decision_maker",
    "said_of_self",
    "said_of_things",
]

#: Words that may stand between "я" and the name it gives itself ("я же просто дура", "ну я и дура",
#: "я вам не дура"); adjectives ("я полный идиот", "себя полной идиоткой") may too.
_FILLERS = frozenset("же ведь просто ну тоже вообще прям прямо реально и не тебе вам".split())
#: Who can be compared with the author after a self-insult: "я дурак, а ты ещё больший".
_YOU = frozenset(("ты", "вы"))
_FEEL = frozenset("чувствую чувствовал чувствовала ощущаю ощущал ощущала считаю считал считала".split())
SECOND_PERSON = frozenset("ты тебя тебе тобой вы вас вам вами".split())
#: The addressee and what is theirs, every case («твоя сука опять лает», «тебя и твоих собак»).
YOU_AND_YOURS = SECOND_PERSON | frozenset(
    "твой твоя твое твои твоего твоей твоих твоему твоим твою твоими ваш ваша ваше ваши вашего вашей ваших"
    " вашему вашим вашу вашими".split()
)
#: The authorities as a body: collective nouns in any number, people of the authorities in the plural
#: ("чиновники", "депутатов"; one named official — "мэр дебил" — is a person, not a body).
_AUTHORITY_BODIES = frozenset(
    "власть администрация правительство начальство руководство мэрия дума госдума чиновничество управа "
    "горсовет минздрав министерство "
    # the city's utilities, criticised every day like the administration («водоканал — банда мошенников»)
    "водоканал горводоканал жкх горгаз теплосеть электросеть горэлектросеть горсвет управляйка".split()
)
_AUTHORITY_PEOPLE = frozenset("чиновник чинуша депутат бюрократ министр управленец слуга чиновница".split())
_AUTHORITY_WORDS = _AUTHORITY_BODIES | _AUTHORITY_PEOPLE
#: Words of pure abuse, not an evaluation like "бездари", "дураки" (stems, so misspelt and derived forms —
#: "сучья", "пидарасты", "говнюки" — count too): a text with one anywhere is the judge's to decide.
_VILE = re.compile(
    r"(?:сук|суч|твар|мраз|ублюд|урод|вырод|гнид|падл|падал|скот[иаыо]|шлюх|паскуд|сволоч|гад[иыуо]?$|гадин|"
    r"погань|нелюд|упыр|чмо|чмош|быдл|пид[оаеи]?р|говн|дерьм|ишак|конченн?[ыао]|стад[оауе]?$|мудак|"
    # political slurs name people by their views, they evaluate no one's work («пока вата лезет во власть»)
    r"ват[аыуеио]?$|ватой$|ватник|ватан|либераст|рашист|укроп[аыуео]?$|колорад)"
)
#: Abuse that stays the judge's to decide whoever it is aimed at.
_HARD_ABUSE = frozenset(("obscene", "threat", "hate"))


def _no_harder_abuse(words: Sequence[str], hits: list[_Hit]) -> bool:
    """No мат, threat or hate evidence, nobody addressed and no pure abuse («суки», «мрази»): what
    every "said of …" reading below needs before it can hold an insult instead of deleting it."""
    return (
        not any(h.category in _HARD_ABUSE for h in hits)
        and SECOND_PERSON.isdisjoint(words)
        and not any(_VILE.match(w) for w in words)
    )


_CLAUSE_BREAK = re.compile(r"[.!?;,:()\n…\"«»]|\s[-–—]\s")


class _Hit(Protocol):
    category: str
    start: int
    end: int
    kind: str | None


def said_of_self(norm: Normalized, hits: Iterable[_Hit]) -> bool:
    """Are all insult words of the text (at least one) said by the author of themself, with nobody
    ("ты"/"вы") named after one of them in its sentence ("я дурак, а ты ещё больший")?

    "Вы меня извините, я дура, не поняла, где записываться" and "какая же я дура, что проголосовала
    за вас" were deleted with a ban while any "вы" anywhere disqualified the text."""
    insults = [h for h in hits if h.category in _SELF_NAMED and h.kind is None]
    if not insults:
        return False
    toks = norm.tokens
    words = norm.words
    sentence = norm.sentences
    at = norm.token_at_start
    orig = norm.original
    for h in insults:
        k = at.get(h.start)
        of_self = _one_of_them_myself if h.category == "hate" else _of_self
        if k is None or not of_self(words, toks, orig, k):
            return False
        if any(words[j] in _YOU for j in range(k + 1, len(words)) if sentence[j] == sentence[k]):
            return False
    return True


#: what the author may call themself: an insult, or a word for the group they belong to («я как типичный
#: понаехавший», «я сама приезжая» — round 28: deleted with a ban as hate)
_SELF_NAMED = ("insult", "hate")
#: what stands between «я» and the group word the author is one of
#: (round 47: and «тут», «здесь», «все» — «все мы тут понаехавшие»)
_ONE_OF = frozenset("сам сама сами как тоже же ведь и тут здесь все".split())
#: the author counted among those the group word names, in its sentence («Понаехавшие — это половина Пятигорска,
#: включая меня»; «…, и я в том числе»: round 47 — deleted with a ban as hate)
_COUNTING_ME = (("включая", "меня"), ("я", "в", "том", "числе"), ("и", "я", "в", "том"))


def _one_of_them_myself(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """Is the group word at ``k`` what the author calls themself: «я» («мы» with a plural) three words before it at most, with
    only «сам», «как», «тоже» … or adjectives between, in one clause («я как типичный понаехавший из
    Сибири», «я сама понаехавшая»; not «я этих понаехавших терпеть не могу»)? The word may be quoted as what
    others say («я тоже «понаехавшая», как тут любят писать» — round 32: deleted with a ban)."""
    if tuple(words[k + 1 : k + 3]) == ("это", "мы"):
        return True  # «Понаехавшие — это мы все, кто после 90-х перебрался» (round 38: deleted with a ban)
    if _counts_me(words, toks, orig, k):
        return True
    if k >= 1 and words[k - 1] == "мы" and orig[toks[k - 1].end : toks[k].start].strip() == ",":
        # «Мы, старичьё из 8-го дома, опять без воды» (round 38: deleted with a ban): set off after «мы», any
        # nominative names them — a plural, or a collective in the singular
        return words[k] in _HERD or any("nomn" in p.tag for p in parses(words[k])[:2])
    for j in range(k - 1, max(-1, k - 4), -1):
        gap = orig[toks[j].end : toks[j + 1].start]
        if _CLAUSE_BREAK.search(QUOTE_MARK.sub("", gap) if j + 1 == k else gap):
            return False
        if words[j] == "я":
            return any("sing" in p.tag and "nomn" in p.tag for p in parses(words[k])[:2])
        if words[j] == "мы":
            return _plural(words[k])  # «мы сами понаехавшие», «мы тоже приезжие» (round 38)
        if words[j] not in _ONE_OF and not any(
            p.tag.POS == "ADJF" and "nomn" in p.tag for p in parses(words[j])[:2]
        ):
            return False
    return False


def _counts_me(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """Does the sentence of the group word at ``k`` count the author among them, within eight words of it
    («Понаехавшие — это половина Пятигорска, включая меня»)? (The first such phrase there decides.)"""
    lo, hi = max(0, k - 8), min(len(words), k + 9)
    for j in range(lo, hi):
        for said in _COUNTING_ME:
            if tuple(words[j : j + len(said)]) == said:
                a, b = sorted((j, k))
                return not _SENTENCE_MARK.search(orig, toks[a].end, toks[b].start)
    return False


def _self_in_apposition(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """«опять я, балбес, пропустил приём», «я, старый дурак, поверил»: the word set off by commas right
    after «я» (an adjective may come between) names the author (round 27: deleted with a ban)."""
    j = k - 1
    if (
        j >= 1
        and any(p.tag.POS == "ADJF" for p in parses(words[j])[:2])
        and orig[toks[j - 1].end : toks[j].start].strip() == ","
    ):
        j -= 1
    if j < 0 or words[j] != "я" or orig[toks[j].end : toks[j + 1].start].strip() != ",":
        return False
    after = orig[toks[k].end : toks[k + 1].start] if k + 1 < len(toks) else ""
    # «я, сука, горжусь …»: a vile word there is an oath, not the author's name for themself
    return (
        "," in after
        and not _VILE.match(words[k])
        and any({"nomn", "sing"} in p.tag for p in parses(words[k])[:2])
    )


def _of_self(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """ "я (же/полный …) <word>", "мы (же не) <words>", "(чувствую) себя <word>", "<word> (же) я" inside
    one clause, or what the author and their neighbours are taken for ("нас держат за идиотов")."""
    if _taken_for(words, toks, orig, k):
        return True
    for j in (k + 1, k + 2):  # «ну и дурак же я», «дура я, что поверила» (not «о таких тварях я …»)
        if j >= len(words) or _CLAUSE_BREAK.search(orig, toks[j - 1].end, toks[j].start):
            break
        if words[j] == "я":
            return any({"nomn", "sing"} in p.tag for p in parses(words[k])[:2])
        if words[j] not in ("же", "ведь"):
            break
    if _like_a_fool(words, toks, orig, k) or _looked_at_as(words, toks, orig, k):
        return True
    if _self_in_apposition(words, toks, orig, k):
        return True
    j = k - 1
    while j >= 0 and k - j <= 4:
        if _CLAUSE_BREAK.search(orig, toks[j].end, toks[j + 1].start):
            return False
        w = words[j]
        if (
            w == "я"
            or (w == "мы" and _plural(words[k]))
            or (w in _CROWD_US and words[k] in _HERD and "не" in words[j:k])
        ):  # («мы не быдло, чтобы так с нами обращаться», «народ вам не быдло»)
            return True
        if w == "себя":
            return True  # "чувствую себя идиоткой": the walk back from the word met only fillers
        if w not in _FILLERS and w not in _FEEL and not any(p.tag.POS == "ADJF" for p in parses(w)[:2]):
            return False
        j -= 1
    return False


def _plural(word: str) -> bool:
    """Can the word be what «мы» are called — a plural nominative, or a collective like «быдло»,
    «стадо», «скот»?"""
    return word in _HERD or any(
        {"plur", "nomn"} in p.tag for p in parses(word)[:2]
    )  # (not «мы этих тварей …»)


#: words for a crowd of people that take «мы» in the singular («мы не быдло», «мы вам не стадо»)
_HERD = frozenset("быдло стадо скот скотина чернь плебс отребье толпа".split())
#: the people the author speaks for, denied being a herd as «мы» are («народ вам не скот», «люди не быдло»)
_CROWD_US = frozenset("народ люди жители горожане".split())


_FOOLS = frozenset("дурак дура идиот идиотка дурачок дурочка лох лошара болван придурок придурочная".split())


def _like_a_fool(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """«Стоял как дурак под дождём», «бегала как дура по кабинетам»: the author compared with a fool
    by a past-tense verb in the singular that opens its clause (no subject before it: «водитель стоял
    как дурак» is said of the driver) — how the author felt, the commonest turn of a complaint."""
    if (
        k < 2
        or words[k] not in _FOOLS
        or words[k - 1] != "как"
        or _CLAUSE_BREAK.search(orig, toks[k - 2].end, toks[k].start)
    ):
        return False  # (a fool, not scum: «поступил как мразь» is said of someone)
    for j in range(k - 2, max(-1, k - 5), -1):  # «я (сама / же / тоже) как дура поверила» (round 27: deleted)
        if words[j] in ("я", "мы"):
            return True
        if words[j] not in _SELF_FILLERS or _CLAUSE_BREAK.search(orig, toks[j].end, toks[j + 1].start):
            break
    if not any("past" in p.tag and "sing" in p.tag for p in parses(words[k - 2])[:1]):
        return False
    return (
        k == 2 or words[k - 3] == "я" or bool(_CLAUSE_BREAK.search(orig, toks[k - 3].end, toks[k - 2].start))
    )


def _looked_at_as(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """«На меня смотрели как на идиотку», «смотрят на нас как на быдло»: what the author (and their
    neighbours) are looked at as, inside one clause — how they were treated, said in a complaint."""
    if k < 4 or words[k - 1] != "на" or words[k - 2] != "как":
        return False
    seen = look = False
    for j in range(k - 3, max(-1, k - 8), -1):
        if _CLAUSE_BREAK.search(orig, toks[j].end, toks[j + 1].start):
            break
        seen = seen or (words[j] in _US and j > 0 and words[j - 1] == "на")
        look = look or words[j].startswith(_LOOK)
    return seen and look


_LOOK = ("смотр", "посмотр", "гляд", "погляд", "взгляну")


#: words between «я» and «как дура»: «я сама как дура», «я же тоже как дурак»
_SELF_FILLERS = frozenset("сам сама сами же тоже опять снова ведь как-то просто".split())


#: Verbs of taking someone for something: «держат нас за идиотов», «считают нас дураками».
_TAKE_FOR = ("держ", "счита", "посчита", "принима", "приня")
_US = frozenset(("нас", "меня"))


def _taken_for(words: Sequence[str], toks, orig: str, k: int) -> bool:  # type: ignore[no-untyped-def]
    """Is the word at ``k`` what the author (and their neighbours) are taken for, inside one clause —
    «нас держат за идиотов», «за дураков нас считают», «меня приняли за дуру», «развели нас как
    лохов»? A complaint about
    being treated so, the commonest turn of civic anger, not a name given to anyone."""
    lo = k
    while lo > max(0, k - 4) and not _CLAUSE_BREAK.search(orig, toks[lo - 1].end, toks[lo].start):
        lo -= 1
    hi = k + 1
    while hi < min(len(words), k + 3) and not _CLAUSE_BREAK.search(orig, toks[hi - 1].end, toks[hi].start):
        hi += 1
    near = [words[j] for j in range(lo, hi) if j != k]
    if any(words[j] == "не" and words[j + 1].startswith(_TAKE_FOR) for j in range(lo, k - 1)):
        return True  # «не считайте жителей дураками»: the author refuses to be taken so (round 28: deleted)
    if _US.isdisjoint(near):
        return False
    # («развели нас как лохов», «обули как дураков нас»: what we were treated as, like «держат за»)
    return any(w.startswith(_TAKE_FOR) for w in near) or (k > lo and words[k - 1] in ("как", "за"))


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
    toks = norm.tokens
    words = norm.words
    if not _no_harder_abuse(words, hit_list):
        return False
    bodies: set[int] = set()  # sentence numbers that name the authorities
    sentence_of = norm.sentences
    for k, t in enumerate(toks):
        lem = lemmas[k] if k < len(lemmas) else t.text
        if lem in _AUTHORITY_BODIES or (
            lem in _AUTHORITY_PEOPLE and any(p.tag.number == "plur" for p in parses(t.text)[:2])
        ):
            bodies.add(sentence_of[k])
    if not bodies:
        return False
    at = norm.token_at_start
    for h in hit_list:
        if h.category != "insult":
            continue
        k = at.get(h.start)
        if k is None or sentence_of[k] not in bodies:
            return False
    return True


#: Inanimate nouns that still name people or a person («тупой народ», «убогая личность», «тупая рожа»):
#: a harsh adjective said of one of these is said of people.
_PEOPLE_THINGS = _AUTHORITY_BODIES | frozenset(
    "народ население люд публика толпа молодежь электорат семья семейка класс коллектив команда быдло "
    "стадо скот народец отребье шваль сброд банда шайка сборище контингент нация община диаспора полиция "
    "вата аудитория личность персона натура душонка создание существо особь "
    "рожа морда харя рыло физиономия башка голова головушка мозг лицо жопа задница пасть рот язык".split()
)
#: Every insult category: a text with any lexicon evidence of these is the judge's to decide.
_ANY_ABUSE = _HARD_ABUSE | {"insult"}
#: How far from a harsh adjective its noun may stand («этот ваш убогий новый сайт», «парк у нас убогий»).
_REACH = 3


def said_of_things(norm: Normalized, hits: Iterable[_Hit], lemmas: list[str], harsh: frozenset[str]) -> bool:
    """Is the text's harsh language only an evaluation of things — «убогий парк сделали за миллионы»,
    «вы сделали дебильный проект», «сайт у вас тупой» — with no insult word of the lexicon?

    The model learnt «убогий», «тупой», «идиотский» from flame wars, where they are said of people,
    and deleted complaints about a park or a website on them alone. Criticism of the city's work
    must stay up, so such a text is held for a moderator at most: true when every harsh adjective
    (``harsh``, the lexicon's HARSH_ADJ) agrees with a dictionary noun of its clause that is
    inanimate and names no people (not «народ», «рожа», «скот»), and the lexicon finds no abuse and
    no word of pure abuse. "ты"/"вы" may be there: «вы построили убогий парк» criticises the work.
    """
    words = norm.words
    if harsh.isdisjoint(words):
        return False
    hit_list = list(hits)
    if any(_VILE.match(w) for w in words) or any(
        h.category in _ANY_ABUSE and not (h.category == "insult" and h.matched == _ABOUT_YOU)
        for h in hit_list
    ):
        return False
    found = False
    ends = {t.end: k for k, t in enumerate(norm.tokens)}
    for h in hit_list:
        # "вы <…> убогий": the pattern's adjective must itself be said of a thing («вы построили убогий парк»)
        if h.category == "insult" and not _of_thing_at(norm, lemmas, ends.get(h.end)):
            return False
    for k, w in enumerate(words):
        if w not in harsh:
            continue
        adjectives = _adjective_readings(w)
        if not adjectives:
            continue  # «тупо», «убого»: an adverb says how, of no one
        if not _of_thing(norm, lemmas, k, adjectives):
            return False
        found = True
    return found


def _adjective_readings(word: str) -> list:  # type: ignore[type-arg]
    return [p for p in parses(word) if p.tag.POS in ("ADJF", "ADJS")]


def _of_thing_at(norm: Normalized, lemmas: list[str], k: int | None) -> bool:
    adjectives = _adjective_readings(norm.words[k]) if k is not None else []
    return bool(adjectives) and _of_thing(norm, lemmas, k, adjectives)  # type: ignore[arg-type]


#: The lexicon pattern "ты/вы … <dumb adjective>": said of a thing when the adjective qualifies one.
_ABOUT_YOU = "adj_about_you"
#: What may stand between a harsh adjective and its noun in a noun phrase («убогий новый сайт», «тупой
#: такой вопрос», «совсем убогий этот парк»).
_IN_PHRASE = frozenset(("ADJF", "PRTF", "ADVB", "PRCL", "NPRO"))


def _of_thing(norm: Normalized, lemmas: list[str], k: int, adjectives: list) -> bool:  # type: ignore[type-arg]
    """Is the adjective at ``k`` said of a thing: the noun it qualifies (after it, inside the noun
    phrase) or is said of (before it, in its clause: «парк у нас убогий») agrees with it, is a
    dictionary word, inanimate in its likeliest agreeing reading and names no people?"""
    toks = norm.tokens
    orig = norm.original
    words = norm.words
    for step in (1, -1):
        j = k
        for _ in range(_REACH):
            a, b = (j, j + step) if step > 0 else (j + step, j)
            if b >= len(toks) or a < 0 or _CLAUSE_BREAK.search(orig, toks[a].end, toks[b].start):
                break
            j += step
            readings = parses(words[j])
            # a noun in its likeliest reading («про» is a preposition, not the abbreviation ПРО)
            nouns = (
                [p for p in readings if p.tag.POS == "NOUN"]
                if readings and readings[0].tag.POS == "NOUN"
                else []
            )
            if not nouns:
                if step > 0 and readings and readings[0].tag.POS not in _IN_PHRASE and not _at_ours(words, j):
                    break  # a verb or a preposition ends the noun phrase («убогие на паперти»)
                continue
            agreeing = [n for n in nouns if any(_agree(a_, n) for a_ in adjectives)]
            if not agreeing:
                break  # the nearest noun on this side is not the adjective's: look no further this way
            lem = lemmas[j] if j < len(lemmas) else words[j]
            best = agreeing[0]  # the likeliest reading: «график» is a schedule before it is an artist
            return not (
                lem in _PEOPLE_THINGS
                or "anim" in best.tag
                or not best.is_known
                or any(n.normal_form in _PEOPLE_THINGS for n in agreeing)
            )
    return False


#: whose thing it is, said between the adjective and the noun («какой убогий у нас парк»)
_OURS = frozenset("нас вас них меня тебя".split())


def _at_ours(words: Sequence[str], j: int) -> bool:
    """Is the word at ``j`` the «у» of «у нас», «у вас», which may stand inside a noun phrase?"""
    return words[j] == "у" and j + 1 < len(words) and words[j + 1] in _OURS


def _agree(adj, noun) -> bool:  # type: ignore[no-untyped-def]
    """Does the adjective parse agree with the noun parse (case for a full adjective, number, gender
    in the singular)?"""
    at, nt = adj.tag, noun.tag
    if at.POS == "ADJF" and at.case != nt.case:
        return False
    if at.POS == "ADJS" and nt.case != "nomn":
        return False
    if at.number != nt.number:
        return False
    return at.number != "sing" or nt.gender is None or "ms-f" in nt or at.gender == nt.gender


#: «какой дурак придумал …», «кто этот идиот, который …»: who asks after the maker of a decision
_WHO = frozenset("какой какая какое какие какого каким кто".split())
_WHICH = frozenset("который которая которое которые".split())


#: What makes a text a complaint or a call for help to the page («…, полиция не приезжает», «примите
#: меры», «куда обращаться?»): a neighbour or a worker named so inside one is reported, not insulted
_COMPLAINT = frozenset(
    "полиция полицию полиции участковый участковому участкового жалоба жалобу жалобы пожаловаться жалуюсь "
    "жалуемся примите меры разберитесь помогите обращаться обратиться заявление угрожает угрожал угрожала "
    "управляющая управляйка прокуратура".split()
)


def said_in_complaint(norm: Normalized, hits: Iterable[_Hit]) -> bool:
    """Is every insult of the text a neighbour or a worker called a weak name (``person_is_weak_insult``:
    «сосед сверху — псих») inside a complaint or a call for help, with nobody addressed and no harder
    abuse? «Сосед сверху — псих, угрожает всем жильцам ножом, полиция не приезжает» was deleted: the
    author reports a danger, a moderator reads it."""
    words = norm.words
    if _COMPLAINT.isdisjoint(words):
        return False
    hit_list = list(hits)
    insults = [h for h in hit_list if h.category == "insult"]
    if not insults or any(h.matched != "person_is_weak_insult" for h in insults):
        return False
    return _no_harder_abuse(words, hit_list)


def said_of_decision_maker(norm: Normalized, hits: Iterable[_Hit]) -> bool:
    """Is every insult word of the text the name a rhetorical question gives to whoever made a
    decision — «Какой дурак придумал светофор посреди трассы?», «Кто этот идиот, который
    проектировал развязку?» — with nobody addressed and no harder abuse?

    Nobody present is insulted: the words criticise a decision of the city's services, which the
    decree wants left up however harsh, so the judge holds such a comment for a moderator at most.
    The insult word must follow «какой»/«кто» and be followed by a past-tense verb of what was done,
    or, in a question, a present-tense one («Какой идиот паркуется на тротуаре у школы?»).
    """
    words = norm.words
    if _WHO.isdisjoint(words):
        return False
    hit_list = list(hits)
    insults = [h for h in hit_list if h.category == "insult"]
    if not insults or not _no_harder_abuse(words, hit_list):
        return False
    ends = {t.end: k for k, t in enumerate(norm.tokens)}
    return all(_names_the_maker(norm, ends.get(h.end)) for h in insults)


def _names_the_maker(norm: Normalized, k: int | None) -> bool:
    if k is None:
        return False
    toks, words, orig, sent = norm.tokens, norm.words, norm.original, norm.sentences
    if _maker_named_before(words, sent, k):
        return True
    if (
        k > 0
        and COPULA_DASH.search(orig, toks[k - 1].end, toks[k].start)
        and _who_made_it(words, sent, k, k, _made_not_said)
    ):
        return (
            True  # «Кто придумал эту развязку — идиот»: the dash stands for «тот» (not «кто это написал — …»)
        )
    if not any(words[j] in _WHO and sent[j] == sent[k] for j in range(max(0, k - 3), k)):
        return False
    if not any(p.tag.case == "nomn" for p in parses(words[k])[:2]):
        return False  # «кто этого придурка выбирал»: the insulted is the object, not the maker
    for j in range(k + 1, min(len(words), k + 5)):
        if sent[j] != sent[k]:
            return False
        if _CLAUSE_BREAK.search(orig, toks[j - 1].end, toks[j].start) and words[j] not in _WHICH:
            return False
        if words[j] in _WHICH:
            continue
        if _made_it(words[j]) or (_does_it(words[j]) and _asks(orig, toks[k].end)):
            return True
    return False


def _does_it(word: str) -> bool:
    """A present-tense verb of what someone does («Какой идиот паркуется на тротуаре у школы?»): in a
    question, the wrongdoer is as absent as the maker of a decision — unless the deed is writing or
    talking («какой дебил это пишет?» names someone in the thread)."""
    ps = parses(word)
    return (
        bool(ps)
        and ps[0].tag.POS == "VERB"
        and {"pres", "3per", "sing"} in ps[0].tag
        and ps[0].normal_form not in _SPEAKS
    )


#: What a participant of the discussion does: «какой дебил это пишет?» is said to them
_SPEAKS = frozenset(
    "писать написать говорить сказать нести комментировать болтать сочинять строчить вякать тявкать спорить "
    "отвечать советовать учить думать считать лайкать".split()
)


_SENTENCE_MARK = re.compile(r"[.!?;\n…]")


def _asks(orig: str, at: int) -> bool:
    """Does the sentence going on at ``at`` end with a question mark?"""
    m = _SENTENCE_MARK.search(orig, at)
    return m is not None and m.group() == "?"


def _maker_named_before(words: Sequence[str], sent: list[int], k: int) -> bool:
    """«Кто придумал эту развязку, тот явно идиот»: the word at ``k`` follows «тот»/«те» (three words at
    most), which take up a «кто» of the same sentence followed by a past-tense verb of what was done."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if sent[j] != sent[k]:
            return False
        if words[j] in _THOSE:
            return _who_made_it(words, sent, k, j, _made_it)
    return False


def _who_made_it(
    words: Sequence[str], sent: list[int], k: int, end: int, deed: Callable[[str], bool]
) -> bool:
    """Is there a «кто» before ``end`` in the sentence of ``k`` with a ``deed`` verb within three words
    after it («кто придумал эту развязку»)?"""
    return any(
        words[m] == "кто" and any(map(deed, words[m + 1 : m + 4])) for m in range(end) if sent[m] == sent[k]
    )


def _made_not_said(word: str) -> bool:
    """A past verb of what was done that is not writing or talking («кто это написал» names someone in
    the thread)."""
    return _made_it(word) and parses(word)[0].normal_form not in _SPEAKS


#: «у тех, кто придумал эту развязку», «тот, кто это проектировал»: people named by what they did.
_THOSE = frozenset("тот того тому тем те тех теми".split())


def blames_a_maker(words: Sequence[str]) -> bool:
    """Does the text name someone only by a decision they made («мозгов нет у тех, кто придумал эту
    развязку»)? Like «какой дурак это придумал?» (:func:`said_of_decision_maker`), the words criticise
    a decision, nobody present is insulted: the judge holds a model-only insult so for a moderator."""
    return any(
        words[k] in _THOSE and words[k + 1] == "кто" and any(map(_past_verb, words[k + 2 : k + 5]))
        for k in range(len(words) - 2)
    )


#: Past verbs that name voters or supporters, not the makers of a decision: «кто за него голосовал,
#: тот идиот» insults citizens for their choice.
_CHOSE = frozenset(
    "голосовать проголосовать выбирать выбрать поддерживать поддержать верить поверить".split()
)


def _made_it(word: str) -> bool:
    """Is ``word`` a past verb of what someone did (not of voting for someone)?"""
    return _past_verb(word) and parses(word)[0].normal_form not in _CHOSE


def _past_verb(word: str) -> bool:
    """Is ``word`` most likely a verb in the past tense («придумал», «проектировал»)? A number or a
    Latin word has no parse («какой дурак 15 лет назад придумал это?» crashed the judge)."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS == "VERB" and "past" in ps[0].tag
