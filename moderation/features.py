"""Text features as scikit-learn transformers, composed in one Pipeline by ``moderation.classifier``.

The first step (:class:`Prepare`) does the expensive, shared work once per text — normalisation,
lemmatization, lexicon and spam matching — and every later transformer reads from its result, so
the judge can reuse the same :class:`Prepared` object to build evidence without a second pass.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, not_
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from moderation import categories
from moderation.accusation import accused_person
from moderation.addressee import (
    SECOND_PERSON,
    said_in_complaint,
    said_of_authorities,
    said_of_decision_maker,
    said_of_self,
    said_of_things,
)
from moderation.excerpt import Excerpt, excerpt
from moderation.groups import GroupStatements, analyse, likely, reported_speech
from moderation.lemmatize import NAME_TAGS, analyzer, is_known, lemma, parses
from moderation.lexicon import Hit, cut_short, default_lexicon
from moderation.normalize import QUOTE_OPENING, QUOTE_PAIRS, Normalized, normalize, quote_open
from moderation.sayings import sayings
from moderation.spam import FEATURE_NAMES as SPAM_FEATURE_NAMES
from moderation.spam import SpamSignal, spam_features, spam_signals
from moderation.veiled import address_given, kin_alone, menace, spread_warning


@dataclass(slots=True)
class Prepared:
    """Everything later steps need to know about one text, computed once.

    ``text`` is the judged view of the comment (:mod:`moderation.excerpt`: condensed, and for a very
    long comment its head, tail and densest windows); every offset in ``norm``, ``hits`` and ``spam``
    indexes it. :meth:`quote` maps a span back to the comment as written.
    """

    text: str
    norm: Normalized
    lemmas: list[str]
    hits: list[Hit] = field(default_factory=list)
    spam: list[SpamSignal] = field(default_factory=list)
    view: Excerpt | None = None
    groups: GroupStatements | None = None  # what the text says about protected groups, if it names one
    masked: tuple[
        int, ...
    ] = ()  # tokens the model never sees: neutral group names ("армяне"), names, laughter
    unseen: tuple[int, ...] = ()  # the masked tokens that stand for nothing, not for a group: names, laughter
    self_insult: bool = False  # every insult word is said by the author of themself ("я лох")
    authority_insult: bool = False  # insult aimed only at the authorities as a body ("депутаты — бездари")
    thing_insult: bool = False  # harsh words said only of things ("убогий парк", "дебильный проект")
    decision_insult: bool = False  # the name given to whoever decided ("какой дурак это придумал?")
    complaint_insult: bool = (
        False  # a neighbour or a worker called a weak name in a complaint ("сосед — псих, полиция …")
    )
    #: (vocabulary, column of each lemma unigram then bigram, -1 = not in it) from the last
    #: ``LemmaTfidf.transform``: the judge's evidence maps the model's weights back to words with it
    lemma_cols: tuple | None = None
    _lemma_set: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def lemma_set(self) -> frozenset[str]:
        """The text's lemmas as a set, made on first use: the judge's checks ask whether a long comment
        has any of a few lemmas several times over, and a set answers without reading it whole."""
        if self._lemma_set is None:
            self._lemma_set = frozenset(self.lemmas)
        return self._lemma_set

    @property
    def source(self) -> str:
        """The comment exactly as written."""
        return self.view.original if self.view is not None else self.text

    def quote(self, start: int, end: int) -> tuple[int, int, str]:
        """``(start, end, quote)`` of a judged-view span in the original text (``quote == text[start:end]``)."""
        view = self.view
        if view is None or view.segments is None:
            return start, end, self.text[start:end]
        return view.quote(start, end)


_GROUP_KINDS = frozenset(("generalisation", "call_to_exclude", "dehumanising"))
_ABUSIVE = frozenset(("insult", "threat", "hate"))
#: ... and what a request to the moderators does not excuse when the author writes it unquoted
_OWN_ABUSE = _ABUSIVE | {"obscene"}


#: how the group-statement analyser's findings are named among the hits («анализ: обобщение»): the judge tells
#: them from the lexicon's patterns by it
ANALYSER_PREFIX = "анализ: "
#: the analyser's cue of a request to the moderators (moderation.groups.analyse)
_ASKS_MODERATORS = "обращение к модераторам"
#: words before abuse in its sentence that make it someone else's: where it was written, what was said,
#: who wrote or called it
_REPORTED_BY = frozenset(
    """где что который которая которое которые которого которой которых пишет пишут написал написала
    написали назвал назвала назвали называет называют обзывает обзывают обозвал обозвала обозвали оскорбляет
    оскорбляют сказал сказала сказали говорит говорят кричал кричала кричали мол типа"""
    # (round 40: «кто-то в комментариях призывал вешать чиновников … модераторы, удалите», «мне ответили «…»»)
    """ призывал призывала призывали призывает призывают ответил ответила ответили угрожал угрожала угрожали
    пожелал пожелала пожелали""".split()
)


def _authors_own(norm: Normalized, start: int) -> bool:
    """Are the abusive words at ``start`` the author's own — not inside quotation marks, not after a colon,
    and with no word of reporting (:data:`_REPORTED_BY`: «где», «пишет», «назвали») before them in their
    sentence?"""
    toks, words, orig, sent = norm.tokens, norm.words, norm.original, norm.sentences
    k = norm.token_at(start)
    if k is None:
        return False
    if quote_open(orig[:start]):
        return False  # inside quotation marks
    first = next(m for m in range(k + 1) if sent[m] == sent[k])
    if ":" in orig[toks[first].start : start]:
        return False  # after a colon: «там мат: …», «написал: …»
    return not any(words[m] in _REPORTED_BY for m in range(first, k))


#: the pattern of a killing promised in the first person without an object («убью», «закопаю»)
_KILL_1ST = "kill_first_person"
_KILL_YOU = "kill_you"
#: what may stand between the verb and its object («закопаю эти луковицы», «зарежу свою курицу»)
_OWNED_BY = frozenset("свой свою своего своих свои этот эту этого эти этих мой мою моего мои моих".split())


def _done_to_a_thing(norm: Normalized, h: Hit) -> bool:
    """Is the first-person verb of ``h`` followed by its object, a thing — an inanimate noun in the
    accusative in its likeliest reading («закопаю луковицы тюльпанов», «грохну тарелку»; not «закопаю
    тебя», «убью эту тварь»)?"""
    toks, words = norm.tokens, norm.words
    k = next((i for i, t in enumerate(toks) if t.start == h.start), None)
    if k is None:
        return False
    k += 1
    # «убью любого в шахматы», «порву всех в шашки»: a game the author means to win
    if _a_contest_at(words, k + 1):
        return True
    # «я его убью, этого кота, опять рассаду перекопал», «убью её, эту козу» (round 35)
    for m in (k - 2, k):  # (the pronoun before the verb or after it)
        if (
            0 <= m
            and m + 2 < len(words)
            and words[m] in ("его", "ее", "её", "их")
            and (words[m + 1] in ("этого", "эту", "этих") or words[m + 2] in ("этого", "эту", "этих"))
        ):
            at = m + 2 if words[m + 1] in ("этого", "эту", "этих") else m + 3
            if at < len(words) and any(
                q.normal_form.replace("ё", "е") in _LIVESTOCK | _KILLED_PETS for q in parses(words[at])[:1]
            ):
                return True
    if k < len(words) and words[k] in _OWNED_BY:
        k += 1
    if k + 1 < len(words) and likely(words[k], "ADVB"):
        k += 1  # («зарежу сегодня курицу»)
    if k >= len(words) or _CLAUSE_GAP.search(norm.original, toks[k - 1].end, toks[k].start):
        return False
    readings = parses(words[k])[:3]
    if readings and readings[0].normal_form.replace("ё", "е") in _LIVESTOCK:
        return True  # «зарежу сегодня курицу на суп» (round 27: deleted with a ban)
    return (
        bool(readings) and readings[0].tag.POS == "NOUN" and "inan" in readings[0].tag
        and any(q.tag.POS == "NOUN" and "inan" in q.tag and "accs" in q.tag for q in readings)
    )  # fmt: skip


#: what a household kills for the table (an animate object that is no person)
_LIVESTOCK = frozenset(
    "курица петух цыпленок утка гусь индюк индейка кролик баран барашек овца поросенок свинья бычок теленок".split()
)
#: pets a household jokes about killing («убью этого кота»; not «суку»: said of a woman as often)
_KILLED_PETS = frozenset("кот кошка котенок пес собака щенок попугай хомяк кролик".split())
#: games one «kills» or «tears apart» an opponent at
_GAMES = frozenset(
    "шахматы шашки карты нарды домино футбол волейбол баскетбол теннис бильярд танчики доту дотку кс".split()
)
def _beaten_at_a_contest(norm: Normalized, h: Hit) -> bool:
    """Is a game or a contest named right after the words of ``h`` (a preposition at most three words on: «порву
    вас всех на конкурсе», «порву тебя в шахматы»)?"""
    last = norm.token_at(h.end - 1)
    return last is not None and _a_contest_at(norm.words, last + 2)


#: contests one «tears apart» the rivals at («порву всех на конкурсе»; not a match: fans fight at one as well)
_CONTESTS = frozenset(
    "конкурс турнир соревнование олимпиада чемпионат экзамен викторина выставка фестиваль кастинг баттл смотр".split()
)


def _a_contest_at(words: Sequence[str], k: int) -> bool:
    """Is a game («в шахматы») or a contest («на конкурсе», «на турнире») named among the three words from ``k`` —
    what a «killed» or «torn apart» rival is beaten at?"""
    return any(
        (words[m] in _GAMES and words[m - 1] in ("в", "во"))
        or (words[m - 1] == "на" and lemma(words[m]) in _CONTESTS)
        for m in range(max(1, k), min(k + 3, len(words)))
    )


_CLAUSE_GAP = re.compile(r"[,.!?;:—–]")
#: the veiled threats of knowing where someone lives or goes, and the place said right after them
_KNOW_WHERE = frozenset(("know_where_you_live", "know_where_you_go"))
_PLACE_SAID = re.compile(r"\s*[—–:-]\s*(?:в|во|на|у|за|под|около|рядом|напротив)\s", re.IGNORECASE)
#: «на всех мусульман вешать», «на мигрантов всё повесили»: «на» and whom the blame is hung on before the
#: verb of hanging (not a gallows: «на фонарях их вешать»)
_PINNED_ON = re.compile(
    r"(?i)(?<![а-яё])на\s+(?!фонар|столб|виселиц|дерев|сук|осин|кол\b|ворот|березах|берёзах)[а-яё]+(?:\s+[а-яё]+){0,2}\s+"
    r"(?:вешать|повесить|навешивать|навесить|повесили|вешают)(?![а-яё])"
)


def _inside(h: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(a <= h.start and h.end <= b for a, b in spans)


def prepare(text: str, memo: dict[str, str] | None = None) -> Prepared:
    """Normalise, lemmatise and match one text. Never raises for any ``str``.

    ``memo`` maps words to lemmas known in advance (the model ships the training vocabulary's), so
    the common words of a comment skip pymorphy3 entirely.
    """
    lexicon = default_lexicon()
    view = excerpt(text if isinstance(text, str) else str(text), lexicon.suspicion)
    judged = view.text
    norm = normalize(judged)
    # masked words ("х*й") keep their text; the rest: the model's memo first (one C-level lookup per
    # word), pymorphy3 for the words it lacks
    toks, words = norm.tokens, norm.words
    lemmas = list(map((memo or {}).get, words))
    for i in compress(range(len(toks)), map(_IS_MASKED, toks)):
        lemmas[i] = words[i]
    for i in compress(range(len(toks)), map(not_, lemmas)):
        lemmas[i] = lemma(words[i])
    hits = lexicon.match(norm)
    # («дураки и дороги», «козёл отпущения»: a saying names no one either, see moderation/sayings.py)
    said = sayings(norm, lemmas)
    sayings_at = [(toks[a].start, toks[b].end) for a, b in said]
    named = titles(norm, lemmas) + said
    if not _KIN_DEAR.isdisjoint(lemmas):
        named += kin_endearments(norm, lemmas)
    beasts = literal_animals(norm, lemmas)
    if named or beasts:
        # «Спектакль «Идиот»», «Песня «Тварь»»: a work's name says nothing of anyone (мат stays мат);
        # «сука привитая», «скотина без присмотра на ферме»: an animal is no insult
        spans = [(toks[a].start, toks[b].end) for a, b in named] + [
            (toks[i].start, toks[i].end) for i in beasts
        ]
        hits = [h for h in hits if h.category not in _TITLE_BLIND or not _inside(h, spans)]
    if any(h.kind == "defamation_of_person" for h in hits) and _TOLD_THAT.search(norm.original):
        # «Кассир сказал, что вор украл кошелёк»: the post holder told of a crime, accused of none
        hits = [
            h
            for h in hits
            if h.kind != "defamation_of_person" or not _TOLD_THAT.search(norm.original, h.start, h.end)
        ]
    people = full_names(norm)
    if people:
        # «Ебзеев Руслан», «Сукиасян Ашот Грантович»: a surname beside a given name is a person's name,
        # whatever a root or the flame-war data reads in it
        spans = [(toks[a].start, toks[b].end) for a, b in people]
        read = {(a, b) for a, b in people if any(_inside(h, [(toks[a].start, toks[b].end)]) for h in hits)}
        hits = [h for h in hits if not _inside(h, spans)]
        # the model does not see a name with a word the dictionary does not know, which it would read by
        # its letters («Сукиасян» as «сук…»), nor one the lexicon read as abuse, nor a surname built on a
        # word for a creature («депутат Хохлов», as proper_names hides it inside a sentence: round 39), nor
        # one the dictionary reads as a word only («Сучков Дмитрий» as «сучковый»); names it
        # knows otherwise («Максим Галкин») stay visible, as any surname does (see proper_names), and so
        # does a pun that starts with a slur («Петро Пидорошенко»)
        known = analyzer().word_is_known
        named = named + [
            (a, b) for a, b in people
            if (
                (a, b) in read
                or not all(known(words[k]) and _named_by_dictionary(words[k]) for k in range(a, b + 1))
                or any(_surname(words[k]) == "creature" for k in range(a, b + 1))
            )
            and not any(_slur_first(words[k]) for k in range(a, b + 1))
        ]  # fmt: skip
    if any(h.matched == _KILL_1ST for h in hits):
        # «закопаю луковицы у подъезда», «зарежу курицу на суп»: the author's own deed done to a thing
        hits = [h for h in hits if h.matched != _KILL_1ST or not _done_to_a_thing(norm, h)]
    if any(h.matched == _KILL_YOU for h in hits):
        # «Я вас всех порву на конкурсе пирогов в доме культуры, девочки» was deleted with a ban (round 43): the rival
        # «torn apart» at a contest or a game named right after is beaten, not harmed
        hits = [h for h in hits if h.matched != _KILL_YOU or not _beaten_at_a_contest(norm, h)]
    if any(h.matched in _KNOW_WHERE for h in hits):
        # «Я знаю, где вы живёте — в соседнем доме, и у вас тоже света нет»: the place said at once is a
        # neighbour's, not a threat's (round 35)
        hits = [h for h in hits if h.matched not in _KNOW_WHERE or not _PLACE_SAID.match(norm.original, h.end)]
    pinned = [
        h
        for h in hits
        if h.category == "threat" and _PINNED_ON.search(norm.original, max(0, h.start - 3), h.end)
    ]
    if pinned:
        # «не надо на всех мусульман вешать»: the blame pinned on people, no hanging
        hits = [h for h in hits if h not in pinned]
    # (a person's name is no group: «Депутат Хохлов за пять лет ни разу не пришёл»)
    groups = analyse(norm, lexicon, lemmas, {k for a, b in people for k in range(a, b + 1)} if people else None)
    if groups is not None and groups.findings and sayings_at:
        # («не надо на них всех собак вешать»: a saying calls for nothing against a group either)
        groups.findings = [
            f for f in groups.findings if not any(a < f.end and f.start < b for a, b in sayings_at)
        ]
    if groups is not None and groups.defused:
        # a lexicon pattern's generalisation inside a sentence that negates or rejects it ("не все X
        # воры", "говорить, что все X воры, — стереотип") is no evidence: the analyser's reading wins
        hits = [h for h in hits if not (h.kind in _GROUP_KINDS and _inside(h, groups.defused))]
    abusive = [(h.start, h.end) for h in hits if h.category in _ABUSIVE]
    if (
        groups is not None and groups.reported is not None and groups.reported.cue.startswith(_ASKS_MODERATORS)
        and any(_authors_own(norm, h.start) for h in hits if h.category in _OWN_ABUSE)
    ):  # fmt: skip
        # «Модераторы, вы дебилы? Удалите уже этот спам», «Удалите этот пост нахуй»: the request to the
        # moderators does not make the author's own abuse or мат someone else's words
        groups.reported = None
    if not abusive and not lexicon.reportable_words.isdisjoint(norm.words):
        # «прошу не называть друг друга скотами»: a word the model alone reads as an insult
        abusive = [(t.start, t.end) for t in norm.tokens if t.text in lexicon.reportable_words]
    if abusive and (groups is None or groups.reported is None):
        # «мне написали "ты дура"»: abusive words someone else said, reported by the author
        reported = reported_speech(norm, lexicon, lemmas, abusive)
        if reported is not None:
            if groups is None:
                groups = GroupStatements()
            groups.reported = reported
    if groups is not None and groups.findings:
        # statements about a group are hate evidence like a lexicon hit, with their kind and band
        hits = sorted(
            hits
            + [
                Hit(
                    "hate",
                    ANALYSER_PREFIX + f.cue,
                    f.start,
                    f.end,
                    judged[f.start : f.end],
                    f.attribute,
                    f.kind,
                    f.strength,
                )
                for f in groups.violating
            ],
            key=lambda h: (h.start, h.end),
        )
    if (
        warning := spread_warning(norm, lemmas) or kin_alone(norm, lemmas) or address_given(norm) or menace(norm)
    ) is not None and not any(
        h.category == "threat" for h in hits
    ):
        # «у вас же внуки в 30-й садик ходят? … Берегите их»: someone's own pointed at, a warning after
        hits = sorted([*hits, warning], key=lambda h: (h.start, h.end))
    if groups is not None and groups.asserted and any(h.category == "threat" for h in hits):
        hits = sorted(hits + _threats_to_groups(norm, hits, groups.asserted), key=lambda h: (h.start, h.end))
    masked: tuple[int, ...] = ()
    if groups is not None and groups.mentions:
        neutral = lexicon.neutral_group_words
        # (and the speakers of a language, «говорящих на армянском»: the flame-war data made
        # «говорящий» an insult — «для говорящих на армянском открыты курсы русского» was deleted)
        masked = tuple(
            i for i, a in groups.mentions
            if norm.tokens[i].text in neutral or (a == "language" and words[i].startswith("говорящ"))
        )  # fmt: skip
    blind = lexicon.model_blind_words
    group_adjective = not lexicon.group_adjective_set.isdisjoint(words)
    if (
        group_adjective
        or not _LATIN_LETTERS.isdisjoint(words)
        or not blind.isdisjoint(words)
        or "дауна" in words
    ):
        # hidden like a neutral group noun, whatever the context:
        # - the adjective of a people or a faith («цыганские дети», «армянский коньяк»: «Почему цыганские
        #   дети не ходят в школу?» scored insult 0.82 on it);
        # - lone Latin letters, emoticons' pieces ("O_o", ":D": «O_o что это было» was deleted);
        # - medical words ("психиатр", "шизофрения", "синдром Дауна"), feelings ("ненавижу"), words
        #   about abuse ("не надо оскорблять людей") and people a complaint describes ("бомжи в подвале")
        adjectives = lexicon.group_adjectives
        masked = tuple(
            sorted(
                {
                    *masked,
                    *(
                        i
                        for i, w in enumerate(words)
                        if w in blind
                        or w in _LATIN_LETTERS
                        or adjectives.get(w) in _MASKED_ADJECTIVES
                        or (w == "дауна" and i > 0 and words[i - 1].startswith("синдром"))
                    ),
                }
            )
        )
    if not _TONGUE.isdisjoint(words) and (native := native_tongue(words)):
        masked = tuple(sorted({*masked, *native}))
    # (each word once, in order: a name said to someone may be a full name's too)
    unseen = tuple(sorted(set((
        *proper_names(norm, hits), *given_names(norm, hits), *vk_mentions(norm),
        *laughter(norm), *abbreviated(norm), *beasts,
        *(granny_titles(norm) if not _GRANNY.isdisjoint(words) else ()),
        *(typical_of_things(words) if "типичн" in norm.text else ()),
        *(named_places(norm, lexicon.group_adjective_set) if group_adjective else ()),
        *(k for a, b in named for k in range(a, b + 1)),
    ))))  # fmt: skip
    if unseen:
        masked = tuple(sorted({*masked, *unseen}))
    # (the readers of whom abuse is said see the hits the model learnt from: a floor-only «@hold» pattern's
    # «в думе одни бездельники» must not turn «в думе одни идиоты», insult of the authorities held, into
    # a text with hate in it, deleted)
    learnt = [h for h in hits if not h.floor_only]
    addressed = (
        said_of_self(norm, learnt),
        said_of_authorities(norm, learnt, lemmas),
        said_of_things(norm, learnt, lemmas, lexicon.harsh_adjectives),
        said_of_decision_maker(norm, learnt),
        said_in_complaint(norm, learnt),
    )
    if (
        not any(h.kind == "defamation_of_person" for h in hits)
        and (accused := accused_person(norm, lexicon)) is not None
        and not _TOLD_THAT.search(norm.original, accused.start, accused.end)
    ):
        # «Главврач Семёнов сидит на наркоте»: a person named and a crime told of them, far apart — a
        # floor only, added last: the model and the readers above see the text as they did without it
        hits = sorted([*hits, accused], key=lambda h: (h.start, h.end))
    return Prepared(judged, norm, lemmas, hits, spam_signals(judged), view, groups, masked, unseen, *addressed)


#: How far (in words) a threat may stand from the group it is aimed at («геев надо забить камнями»).
_THREAT_REACH = 3
_OBJECT_CASES = frozenset(("gent", "accs", "datv", "ablt", "gen2", "acc2"))


def _threats_to_groups(norm: Normalized, hits: list[Hit], asserted: list[tuple[int, str]]) -> list[Hit]:
    """A threat aimed at a protected group is incitement against it as well: a hate hit (kind
    ``call_to_exclude``) for each threat with a group word as its object nearby — plural, not in the
    nominative («геев надо забить камнями», «резать русских»; not «армяне грозятся сжечь дом», where
    the group is the subject) — in the same sentence and not already read as hate. Officials,
    questions and negated statements are not in ``asserted``: «расстрелять всех чиновников» stays a
    threat only, as the lexicon's design has it."""
    toks = norm.tokens
    if not toks:
        return []
    orig = norm.original
    sentence = norm.sentences
    starts = [t.start for t in toks]
    hate_spans = [(h.start, h.end) for h in hits if h.category == "hate"]
    out: list[Hit] = []
    for h in hits:
        if h.category != "threat" or h.kind == "veiled_threat" or h.strength == "review":
            continue  # (a threat the lexicon only holds — «руки бы поотрывал этим строителям» — stays held)
        first = max(bisect.bisect_right(starts, h.start) - 1, 0)
        last = max(bisect.bisect_left(starts, h.end) - 1, first)
        for i, attribute in asserted:
            if not (first - _THREAT_REACH <= i <= last + _THREAT_REACH) or sentence[i] != sentence[first]:
                continue
            if not any("plur" in p.tag and p.tag.case in _OBJECT_CASES for p in parses(toks[i].text)):
                continue
            start, end = min(h.start, toks[i].start), max(h.end, toks[i].end)
            if any(s < end and start < e for s, e in hate_spans):
                continue
            out.append(
                Hit(
                    "hate", ANALYSER_PREFIX + "угроза группе", start, end, orig[start:end], attribute, "call_to_exclude"
                )
            )
            hate_spans.append((start, end))
            break
    return out


class Prepare(BaseEstimator, TransformerMixin):
    """Pipeline step 1: ``str`` → :class:`Prepared` (passes already-prepared items through).

    Fitting remembers the lemma of every word seen in training: a warm start for lemmatization,
    which is otherwise the slowest step of a cold judge.
    """

    def fit(self, X, y=None):  # noqa: N803 - sklearn's naming
        memo: dict[str, str] = {}
        for p in X:
            if isinstance(p, Prepared):
                for t, lem in zip(p.norm.tokens, p.lemmas, strict=False):
                    if not t.masked:
                        memo[t.text] = lem
        self.lemma_memo_ = memo
        return self

    def prepare_one(self, text: str) -> Prepared:
        return prepare(text, getattr(self, "lemma_memo_", None))

    def transform(self, X):  # noqa: N803
        return [x if isinstance(x, Prepared) else self.prepare_one(x) for x in X]


_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
#: Group adjectives hidden from the model like a neutral group noun (colours, ages and places are
#: everyday adjectives too: "старый дом", "местный рынок" keep them).
_MASKED_ADJECTIVES = frozenset(("nationality", "religion"))

#: What a neutral group name becomes for the model (identity-term masking, issue 9): the model learns
#: what is said about a group, never which group word is said — so no group word by itself moves a
#: text towards deletion. Slurs are not masked: they are evidence.
GROUP_TOKEN = "<группа>"


#: The forms of «язык»: «родной язык» is the name of a language attribute (clause 19), hidden like a
#: group word (:func:`native_tongue`).
_TONGUE = frozenset("язык языка языку языком языке языки языков языкам языками языках".split())


def native_tongue(words: Sequence[str]) -> list[int]:
    """Tokens of «родной язык» in any form («уроки родного языка», «на родном языке»). The flame-war
    data met the phrase only in fights over languages, and the model scored «Международный день
    родного языка» an insult (0.68): no name of a language may move a text towards deletion."""
    out: list[int] = []
    for k in range(1, len(words)):
        if words[k] in _TONGUE and words[k - 1].startswith("родн"):
            out += (k - 1, k)
    return out


#: What a name or a laugh becomes for the model: nothing it has ever seen (no lemma, no character
#: n-gram of it is in any vocabulary), so it scores nothing either way (:func:`proper_names`,
#: :func:`laughter`).
UNSEEN_TOKEN = "\u25c7"


def hidden_word(p: Prepared, i: int) -> str:
    """What the model reads in place of masked token ``i``."""
    return UNSEEN_TOKEN if i in p.unseen else GROUP_TOKEN


#: What a name in quotes follows when it names a work, an event or a place («спектакль «Идиот»»,
#: «фильм Быкова «Дурак»», «кафе «Пьяный ёжик»», «операция «Чистый город»»), by lemma.
_TITLE_NOUNS = frozenset(
    "фильм кинофильм кино кинокартина кинопоказ показ премьера спектакль постановка пьеса опера оперетта балет "
    "мюзикл книга книжка роман повесть рассказ сказка стихотворение стих поэма басня песня песенка альбом трек "
    "клип сериал мультфильм мультик мульт передача программа шоу выставка экспозиция картина фотовыставка "
    "концерт фестиваль конкурс акция операция проект кафе ресторан бар магазин клуб салон газета журнал игра "
    "квест экскурсия лекция ансамбль группа коллектив театр студия номинация рубрика журнал фотоконкурс "
    "викторина флешмоб марафон турнир".split()
)
#: … or the verbs a work is seen, read or heard by («Смотрели «Идиота» в театре» — round 32: deleted with a ban)
_TITLE_VERBS = frozenset(
    "смотреть посмотреть пересмотреть читать прочитать перечитать прочесть слушать послушать".split()
)
#: Hits a work's name does not carry: what it calls someone (obscene words stay: мат is мат anywhere)
_TITLE_BLIND = frozenset(("insult", "hate", "threat"))


#: a verb of telling and «что» after it, inside an accusation's span: the crime is what someone told of
_TOLD_THAT = re.compile(
    r"(?i)\b(?:(?:рас)?сказа(?:л|ла|ли)|сообщи(?:л|ла|ли)|говори(?:т|л|ла|ли)|написа(?:л|ла|ли)|пишет"
    r"|объясни(?:л|ла|ли)|предупреди(?:л|ла|ли))[,\s]+что\b"
)


def titles(norm: Normalized, lemmas: list[str]) -> list[tuple[int, int]]:
    """First and last token of each name in quotes right after a word for a work, an event or a venue
    — one capitalised word (its author, «роман Достоевского "Идиот"») may stand between.

    The flame-war corpora made «идиот», «дураки», «тварь» insults wherever they stand, and «Спектакль
    «Идиот» в драмтеатре» (Dostoevsky, on a theatre's page) was deleted and its author banned. A title
    is a name: the model does not see it (like a surname, :func:`proper_names`) and the lexicon's
    insult, hate and threat readings of it are no evidence («Фильм «Убить Билла»»)."""
    orig = norm.original
    if not QUOTE_OPENING.search(orig):
        return []
    toks = norm.tokens
    starts = [t.start for t in toks]
    out: list[tuple[int, int]] = []
    for m in QUOTE_OPENING.finditer(orig):
        q = m.start()
        close = orig.find(QUOTE_PAIRS[m.group()], q + 1)
        if close < 0 and m.group() == "“":
            close = orig.find("“", q + 1)
        if close < 0:
            continue
        first = bisect.bisect_left(starts, q + 1)
        last = bisect.bisect_left(starts, close) - 1
        if _line_of_a_work(norm, lemmas, q, first, last, close):
            out.append((first, last))
            continue
        if first > last or first == 0 or last - first > 4 or not orig[toks[first].start].isupper():
            continue  # a title is short and capitalised («Идиот»), not «наш «театр» для дураков»
        if _TITLE_ABUSE.search(orig, q, close) or not _YOU.isdisjoint(norm.words[first : last + 1]):
            continue  # «песня «Мэр — дебил»», «фильм «Ты идиот»»: abuse dressed as a title
        k = first - 1
        if (
            lemmas[k] not in _TITLE_NOUNS
            and k > 0
            and orig[toks[k].start].isupper()
            and not orig[q - 1].isalnum()
        ):
            k -= 1  # «фильм Быкова «Дурак»»
        named_by = lemmas[k] in _TITLE_NOUNS or lemmas[k] in _TITLE_VERBS
        if named_by and not _BETWEEN_TITLE.search(orig, toks[k].end, q):
            out.append((first, last))
    return out


def _line_of_a_work(norm: Normalized, lemmas: list[str], q: int, first: int, last: int, close: int) -> bool:
    """Is the quotation that opens the text or a sentence at ``q`` (tokens ``first``..``last``) a line of
    a song, a film or a poem the words after it name: a dash after the quotation, then the work's noun
    within five words, and no «ты» or «вы» of the author's own after it («"Я убью тебя, лодочник" — кто
    помнит эту песню?», «"Я тебя никогда не забуду" — лучший фильм»; not «"Ты дебил" — песня про тебя»)?
    Or a line after «песня со словами», or a pet's name after «зовёт нашу кошку» wherever it stands."""
    toks, orig, words = norm.tokens, norm.original, norm.words
    if first > last or last - first > 9:
        return False
    if (
        first >= 2
        and words[first - 1] in _WITH_WORDS
        and any(lemmas[k] in _WORKS for k in range(max(0, first - 4), first - 1))
    ):
        return True  # «песню со словами «я убью тебя, лодочник»», «стих с строчкой «…»»
    if (
        first >= 2
        and lemmas[first - 1] in _PETS
        and any(lemmas[k] in _CALL for k in range(max(0, first - 4), first - 1))
    ):
        return True  # «бабушка зовёт нашу кошку «гадина рыжая»»: a pet's name
    if not orig[toks[first].start].isupper() or last + 1 >= len(toks):
        return False
    if orig[:q].strip() and not _SENTENCE_BEFORE.search(orig[:q].rstrip()):
        return False
    if not _DASH_BEFORE.search(orig, close, toks[last + 1].start):
        return False
    after = range(last + 1, min(last + 6, len(toks)))
    return any(lemmas[k] in _WORKS and words[k - 1] != "не" for k in after) and _YOU.isdisjoint(
        words[last + 1 :]
    )


#: what a quoted line may be a line of
_WORKS = frozenset(
    "песня песенка фильм кинофильм мультфильм мультик сериал стих стихотворение поэма басня романс".split()
)
_SENTENCE_BEFORE = re.compile(r"[.!?…:]$")
#: what a line is quoted after: «песня со словами «…»», «… с припевом «…»»
_WITH_WORDS = frozenset("словами строчкой строками припевом".split())
#: pets a quoted name is given to, and the verbs that give it
_PETS = frozenset("кошка кот котенок собака пес щенок попугай хомяк кролик кобель сука".split())
_CALL = frozenset("звать называть назвать прозвать кликать".split())
_BETWEEN_TITLE = re.compile(r"[.!?;:]")
_TITLE_ABUSE = re.compile(r"[—–-]|\s:")
#: the addressee and what is theirs («фильм «Ты идиот»», «твоя сука опять лает»)
_YOU = SECOND_PERSON | frozenset("твой твоя твои ваш ваша ваши".split())


#: Abusive words that also name an animal («скотина» is livestock, «сука» a bitch of a breed, «козёл»
#: a goat), by lemma, and what shows a sentence speaks of animals, by lemma: what only animals do or
#: have, and where they are kept.
_ANIMAL_WORDS = frozenset(
    "скотина скот сука сучка козел коза петух свинья свиньи баран овца корова осел ишак курица кобыла телка "
    "дятел кабан крыса обезьяна змея гусь индюк бык хомяк таракан шакал гиена жаба лось олень клоун кобель".split()
)
_ANIMAL_CUES = frozenset(
    "лаять мычать блеять хрюкать кудахтать ощениться окотиться отелиться пастись пасти выпас "
    "выгуливать выгул кобель щенок котенок теленок ягненок поросенок цыпленок порода породистый вязка привить "
    "привитый ошейник поводок намордник хлев курятник коровник конюшня свинарник пастбище отара ферма "
    "надой доить сено подворье рог копыто детеныш самка самец вольер клетка зоопарк террариум гнездо нора "
    "дупло вылупиться подвал чердак роща пруд дерево окраина "
    # the yard («коза с козлом опять в палисадник залезли»; not «огород»: «пустили козла в огород» is said of
    # a person put in charge)
    "палисадник молоко "
    # the hunt («завтра на кабана идём, ружья почистили»)
    "охота охотиться охотник охотничий ружье двустволка егерь "
    # rubbish, where rats and strays live («крысы бегают у мусорных баков», «завелись крысы»)
    "мусор мусорный мусорка помойка свалка контейнер бак завестись".split()
)
_ANIMAL_REACH = 5
#: dogs and their breeds: what a «сука» or a «сучка» of a notice is
_DOGS = frozenset(
    "собака пес песик дворняга дворняжка спаниель овчарка лабрадор ретривер хаски такса терьер бульдог пудель шпиц"
    " мопс корги алабай ротвейлер доберман бигль метис".split()
)
#: trees, whose boughs are «сук» and «сучки» (round 34: «Сук у тополя на бульваре висит над тротуаром»)
_TREES = frozenset(
    "тополь липа дуб клен береза акация каштан ель елка сосна ива орех яблоня груша абрикос вишня черешня шелковица"
    " платан ясень вяз".split()
)
#: the bough: the form «сук» reads «сука» first («спилите сук над остановкой»), and «сучки» «сучка», not «сучок»
#: (round 34: «Сучки у лип никто не обрезает», «Сучки на новых лавках торчат, ребёнок занозу посадил»)
_FORM_CUES = {
    "сук": frozenset("спилить отпилить подпилить обрезать ветка ствол сучок дерево упасть висеть".split()) | _TREES,
    **dict.fromkeys(
        ("сучки", "сучков", "сучкам", "сучками", "сучках"),
        frozenset(
            "спилить отпилить подпилить обрезать обрезка ветка ствол дерево доска лавка скамейка скамья брус бревно"
            " заноза шлифовать отшлифовать зашкурить древесина".split()
        )
        | _TREES,
    ),
}
#: slaughter and the feast it is for
_SLAUGHTER = frozenset("зарезать резать курбан шашлык вертел плов бульон".split())
#: What shows one of them is meant literally, besides the animals' words: a rooster sings («петухи поют с
#: утра»; not «козлы поют под окнами»), a clown works in a circus («клоуны в цирке были замечательные»)
_OWN_CUES = {
    "петух": frozenset(("петь", "утро", "рассвет", "кура", "курица", "несушка")) | _SLAUGHTER,
    # the sawhorse («козлы для пилки дров», «строительные козлы»; not «пилить»: «козлы пилят бюджет»)
    "козел": frozenset("дрова пилка строительный малярный доска".split()) | _SLAUGHTER,
    # livestock slaughtered for the table («зарежу барана на курбан-байрам»; not «сука»: «зарезал её, сука»)
    **dict.fromkeys(("баран", "овца", "курица", "свинья", "коза", "бык", "индюк", "гусь"), _SLAUGHTER),
    "клоун": frozenset("цирк арена аниматор фокусник акробат дрессировщик утренник детский".split()),
    # livestock at a fair («на ярмарке продавали скотину — коз, овец, кроликов» — round 32: deleted with a ban)
    # … and roaming the road («Скотина по дороге бродит в Нижнеподкумском, ночью чуть не сбили корову»: round 34)
    **dict.fromkeys(
        ("скотина", "скот"),
        frozenset("ярмарка коза козочка овца корова кролик лошадь теленок бычок бродить пастух выгон".split()),
    ),
    # a bitch of a breed («потерялась сучка спаниеля»)
    "сука": _DOGS,
    "сучка": _DOGS,
    # the bird at work («дятел стучит по столбу»; not «дятел» said of someone: «ну ты и дятел»)
    "дятел": frozenset("стучать долбить столб ствол кора птица лес клюв".split()),
}
#: Words of abuse that also name a thing, read literally only beside the thing's own words (not the
#: animals' ones: «чурки живут в подвале» keeps its slur): a block of firewood («наколол чурок для бани»,
#: «дубовые чурки для камина»), cotton wool («купите вату и бинты в аптеке»)
_THING_CUES = {
    "чурка": frozenset(
        "дрова дровяной баня камин печь печка дубовый березовый сосновый колоть наколоть расколоть пилить"
        " распилить топор колун полено бревно пень щепа растопка".split()
    ),
    # a zealot of order («наш дворник — настоящий маньяк чистоты»)
    "маньяк": frozenset("чистота порядок аккуратность чистоплотность уборка".split()),
    # eggs dyed, boiled or laid («на Пасху крашу яйца», «десяток яиц подорожал»)
    "яйцо": frozenset(
        "пасха пасхальный кулич красить покрасить крашеный варить сварить вареный жарить яичница омлет"
        " скорлупа десяток курица несушка нестись желток белок".split()
    ),
    # a knot in wood («Сучок торчит из лавки в сквере, ребёнок штаны порвал»; round 39)
    "сучок": frozenset(
        "торчать лавка скамейка скамья доска брус бревно бордюр забор штакетник дерево ветка ствол заноза спилить"
        " обрезать".split()
    ),
    "вата": frozenset(
        "аптека бинт пластырь йод перекись спирт медицинский стерильный тампон диск палочка".split()
    ),
    # the quilted jacket («купил ватник, тёплый», «продают ватники и валенки»; not «купить»: «ватники купили …»)
    "ватник": frozenset("теплый валенок телогрейка куртка спецодежда одежда шапка сапог".split()),
    # a rag to wipe with («возьмите тряпку и протрите стол»; not «мыть»: «… ссаную тряпку, сортиры мыть» is
    # said of a person, and the training rows stay as they were)
    "тряпка": frozenset("протереть вытереть пол стол пыль ведро швабра стирать влажный окно".split()),
    # junk sold or served («дрянь какую-то продают в ларьке», «в столовой кормят дрянью»)
    "дрянь": frozenset("продавать ларек магазин товар еда кормить вкус столовая".split()),
    # the straw effigy burnt at Maslenitsa and a stuffed animal in a museum («в воскресенье в Цветнике сожгут
    # чучело Масленицы», «чучело медведя в краеведческом музее»; round 44: the Maslenitsa posts' comments were
    # deleted as insults; «огородное чучело» is no cue — that is what a person is called)
    "чучело": frozenset(
        "масленица масленичный сжечь сжигать сжигание сожжение соломенный солома проводы гуляние музей"
        " краеведческий экспонат медведь волк сова лиса птица зверь набить набитый".split()
    ),
    # the pests a parent, a tenant or a pet owner asks about («у ребёнка гниды, чем вывести?», «клопы в
    # общежитии», «глисты у кошки»)
    **dict.fromkeys(
        ("гнида", "клоп", "глист"),
        frozenset(
            "вывести вывод вошь педикулез волос голова расческа шампунь средство обработать аптека врач анализ"
            " таблетка паразитолог укус дезинсекция санэпидемстанция общежитие кровать диван матрас травить"
            " кошка котенок щенок"
            # … and where children bring them home from (round 34: «Гниды у ребёнка после лагеря, куда жаловаться?»;
            # not the child: «гниды из администрации у ребёнка пособие отняли»)
            " лагерь садик детсад".split()
        ),
    ),
}
_CREATURE = frozenset(("тварь", "твари"))
_DASH_BEFORE = re.compile("[—–-]")  # «депутаты — клоуны, устроили цирк»: what someone is said to be
#: «эти крысы в подвале администрации», «как свиньи в хлеву»: a word pointed at someone or a likeness
_POINTED = frozenset("это этот эта эти этих этим такой такая такие таких как словно будто ты вы же".split())


def literal_animals(norm: Normalized, lemmas: list[str]) -> tuple[int, ...]:
    """Abusive animal words said of animals: within five words of a word only animals go with, in the
    same sentence, in a text that addresses nobody («На ферме скотина без присмотра ходит по дороге»,
    «Продаём щенков, сука привитая», «Козёл соседский опять забрёл, пасётся на площадке»), and the
    saying «всякой твари по паре», and the words of abuse that also name a thing, beside the thing's own
    words (:data:`_THING_CUES`). The flame-war corpora know these words as insults only, and the
    farm and the kennel were deleted and banned; the model does not see them there and the lexicon's
    reading of them is no evidence. «Ты скотина», «эта сука лает на меня, а ты молчишь», «эти крысы в
    подвале администрации», «живут как свиньи в хлеву» keep theirs."""
    words = norm.words
    saying = "по" in words and not _CREATURE.isdisjoint(words)
    if _ANIMAL_WORDS.isdisjoint(lemmas) and _THING_CUES.keys().isdisjoint(lemmas) and not saying:
        return ()
    sent = norm.sentences
    # (a sentence that addresses someone keeps its words; the others may still speak of animals: «Крысы
    # бегают средь бела дня у баков. Регоператор, вы вообще существуете?» was deleted as an insult)
    addressed = {sent[k] for k, w in enumerate(words) if w in _YOU}
    n = len(words)
    toks, orig = norm.tokens, norm.original
    out: list[int] = []

    def beside(i: int, *cues: frozenset[str]) -> bool:  # a cue word near the word at ``i``, in its sentence
        return any(
            any(lemmas[k] in c for c in cues) and sent[k] == sent[i]
            for k in range(max(0, i - _ANIMAL_REACH), min(n, i + _ANIMAL_REACH + 1))
        ) or (
            # … or in the sentence before, the word opening its own («Мусор не вывозили 9 дней. Крысы бегают
            # средь бела дня»; «Ищу петуха в курятник. Наш сдох»)
            i > 0
            and sent[i - 1] != sent[i]
            and any(
                any(lemmas[k] in c for c in cues) and sent[k] == sent[i] - 1
                for k in range(max(0, i - 2 * _ANIMAL_REACH), i)
            )
        )

    for i, lem in enumerate(lemmas):
        if sent[i] in addressed:
            continue
        if lem in _ANIMAL_WORDS and (
            not (i and (words[i - 1] in _POINTED or _DASH_BEFORE.search(orig, toks[i - 1].end, toks[i].start)))
            # («мама — сука немецкой овчарки»: a dash, but the breed named after it; round 35)
            or _of_a_breed(lemmas, i)
        ):
            if _said_alone(norm, i):
                continue  # «сука, опять в подвале вода»: the word a clause by itself is an oath or a call
            if i + 1 < n and words[i + 1] == "кто":
                continue  # «сука кто бросил мешки у контейнеров»: said of whoever did it (round 34)
            if beside(
                i, _ANIMAL_CUES, _OWN_CUES.get(lem, frozenset()), _FORM_CUES.get(words[i], frozenset())
            ):
                out.append(i)
        elif lem in _THING_CUES and not (i and words[i - 1] in _POINTED):
            if beside(i, _THING_CUES[lem]):
                out.append(i)
        elif (
            saying
            and words[i] in _CREATURE
            and i > 0
            and words[i - 1].startswith("всяк")
            and words[i + 1 : i + 3] == ("по", "паре")
        ):
            out.append(i)
    return tuple(out)


def _of_a_breed(lemmas: list[str], i: int) -> bool:
    """Is the word at ``i`` followed by a dog's breed in the genitive, one adjective allowed between («сука
    немецкой овчарки», «сука породы хаски»)? Nobody is called so."""
    after = lemmas[i + 1 : i + 3]
    return bool(after) and (after[0] in _DOGS or after[0] == "порода" or (len(after) == 2 and after[1] in _DOGS))


_ALONE_GAP = re.compile(r"[,.!?;:…\n]")


def _said_alone(norm: Normalized, i: int) -> bool:
    """Is the word at ``i`` a clause by itself, punctuation (or the text's edge) on both sides of it?"""
    toks, orig = norm.tokens, norm.original
    before = i == 0 or _ALONE_GAP.search(orig, toks[i - 1].end, toks[i].start) is not None
    return before and (
        i + 1 == len(toks) or _ALONE_GAP.search(orig, toks[i].end, toks[i + 1].start) is not None
    )


def named_places(norm: Normalized, adjectives: frozenset[str]) -> tuple[int, ...]:
    """A people's or a colour's adjective written with a capital and followed by a capitalised word —
    a place's name («Белая Ромашка», a district of Pyatigorsk; «Чёрная речка» is not one, «Белый Дом»
    is): the pair says where, not who, and the model read «белый» as a racist's word («Жители Белой
    Ромашки просят автобус» was held at hate 0.28). Both words are hidden from the model; the lexicon
    and the analyser still read them. Not in text written in capitals («ЧЕРНЫЕ ЗАХВАТИЛИ»)."""
    words, toks, orig = norm.words, norm.tokens, norm.original
    out: list[int] = []
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if words[i] in adjectives and orig[a.start : a.end].istitle() and orig[b.start : b.end].istitle():
            out += [i, i + 1]
    return tuple(out)


def abbreviated(norm: Normalized) -> tuple[int, ...]:
    """«бл.» with one dot — «Бл. Ромашка» (Белая Ромашка, a district of Pyatigorsk), «бл. 5» (a
    block): the flame-war corpora taught the model «бл» as the swear cut short («бл...», which the
    lexicon reads as мат), and «На Бл. Ромашке опять нет воды» was deleted as an insult. And the
    official abbreviations written in capitals whose letters the model reads as abuse (:data:`_OFFICIAL`:
    «Детская школа искусств это МУДО или МБУ?» was deleted as an insult; round 39)."""
    words = norm.words
    official = not _OFFICIAL.isdisjoint(words)
    if "бл" not in words and not official:
        return ()
    orig, toks = norm.original, norm.tokens
    return tuple(
        i for i, w in enumerate(words)
        if (w == "бл" and orig.startswith(".", toks[i].end) and not cut_short(norm, i))
        or (official and w in _OFFICIAL and orig[toks[i].start : toks[i].end].isupper())
    )  # fmt: skip


#: official abbreviations: a municipal school of further education and its kinds (МУДО, МБУДО, МАУДО, МКУДО)
_OFFICIAL = frozenset(("мудо", "мбудо", "маудо", "мкудо", "мбоудо"))


#: A laugh written out: «ахаха», «хахах», «хе-хе», «хи-хи», «ахпхах», «лол», «ржу», «гыгы».
_LAUGH = re.compile(
    r"(?:[аеиыяо]?х[аеиыяоп]){2,}[хп]?|х[аеи]|а?ха+х[ах]*|хд|лол|ржу|ржака|ржунимагу|гы(?:гы)+|гы{2,}"
)
#: One C-level scan of the text first, for a laugh that is a whole word, on the words joined by spaces with
#: a space put at each end: a pattern that opens with a literal space is scanned for from space to space
#: (``(?:^| )`` was tried at every position, twice as slow)
_LAUGH_IN = re.compile(rf" (?:{_LAUGH.pattern}) ")


def laughter(norm: Normalized) -> tuple[int, ...]:
    """Tokens that are laughter. The flame-war corpora laugh at their targets, so the model learnt a
    laugh as an insult: «ахаха» alone was deleted, «ахаха ну ты даёшь, молодец» too. Laughter says how
    the author feels, not whom it insults; the words around it decide."""
    if not _LAUGH_IN.search(f" {norm.text} "):
        return ()
    return tuple(i for i, w in enumerate(norm.words) if _LAUGH.fullmatch(w))


#: Words a name follows whatever its case: streets, squares and things named after people.
_NAMED_AFTER = frozenset(
    "улица улицы улице улицу улицей ул проспект проспекта проспекте просп пр переулок переулка переулке пер "
    "площадь площади пл бульвар бульвара бульваре бул имени им".split()
)


def proper_names(norm: Normalized, hits: list[Hit]) -> tuple[int, ...]:
    """Surnames the model would read as words: a capitalised word inside a sentence that pymorphy3
    reads as a surname built on a word for a creature («Козлов», «Баранова», «Петухову»: the surname's
    base is also an animate noun's form or a possessive adjective), and any surname after «улица»,
    «проспект», «имени» ….

    The flame-war corpora made «козлов», «баранов», «петухов» insults, and «На улице Козлова опять
    прорыв трубы» (a street of Pyatigorsk) was deleted as one. A surname says whom a comment is
    about, never whether it insults: the model does not see it. Surnames that are no such word
    («Путин», «Ворошилов») stay visible — hiding every surname cost the VK comments' F1 0.004 — and
    the lexicon reads them all (a word the lexicon knows is no name: «ты Козёл» keeps «козёл», «ты про
    Хохлов?» its people's slur).
    """
    orig = norm.original
    words = norm.words
    # one C-level scan rules most texts out (the hint first: a lookbehind at every position is slow)
    named = [m.start(1) for m in _SURNAME_INSIDE.finditer(orig)] if _SURNAME_HINT.search(orig) else []
    streets = not _NAMED_AFTER.isdisjoint(words)
    if not named and not streets:
        return ()
    toks = norm.tokens
    at = norm.token_at_start
    out = set()
    for i in map(at.get, named):
        if i is not None and _surname(words[i]) == "creature":
            out.add(i)
    if streets:
        out.update(i for i in range(1, len(toks)) if words[i - 1] in _NAMED_AFTER and _surname(words[i]))
    return tuple(sorted(i for i in out if not toks[i].masked and not _known(words[i], toks[i].start, hits)))


#: what may follow a name said to someone at the end of a sentence («Спасибо, Карина!»)
_CLAUSE_END_AT = r"\s*(?:[!?.…)]|$)"
_CLAUSE_END = re.compile(_CLAUSE_END_AT)
#: a run of at most three capitalised words before a comma (hailed when the run opens a sentence: «Карина, …», «Лев
#: Борисович, …») and after a comma closing a sentence («Спасибо, Коль!»): where :func:`given_names` looks
#: (it opens with a capital, not a lookbehind, so the engine scans for it in C; the first run's first letter is
#: outside its group)
_HAILED = re.compile(
    r"[А-ЯЁ](?<![\w*#$%&][А-ЯЁ])(?P<first>[а-яё]+(?:[ \t]+[А-ЯЁ][а-яё]+){0,2})(?=[ \t]*,)"
    rf"|,[ \t]*(?P<last>(?:[А-ЯЁ][а-яё]+[ \t]+){{0,2}}[А-ЯЁ][а-яё]+)(?={_CLAUSE_END_AT})"
)
_WORD_IN_RUN = re.compile(r"[А-ЯЁ][а-яё]+")


def given_names(norm: Normalized, hits: list[Hit]) -> tuple[int, ...]:
    """Given names, pet forms and patronymics said to someone, which the model would read as words: a
    capitalised word the dictionary reads as one — in its first two readings, the plural's shape too
    («Вить»: «to weave» first, Витя's vocative second; «Наташ» as «Наташа»'s genitive plural) — in a run of
    at most three capitalised words opening a sentence before a comma or closing one after it («Карина,
    поздравляю!», «Спасибо, Коль!»), not before a relative clause («Мамочка, которая …»); and in the same
    places what kin and friends call someone (:data:`_KIN_CALLED`: «Бабуль,», «Сынок,», «Спасибо, доченька!») and
    in a text typed all in lowercase, a name the dictionary reads first as one («карина, ты придёшь?»).

    «Карина, поздравляю с поступлением!», «Вить, привет» were deleted as insults (round 47): the
    project's own sentences about one person name people in the insults they teach, so a name said to
    someone weighed like an insult. It says whom a comment speaks to, never what it says of them: the model
    does not see it. A word the lexicon reads stays («Хачик»); so do names elsewhere in a sentence, as
    surnames do (see :func:`proper_names`: hiding them everywhere cost the violations of the project's
    sentences as much as it spared calm ones)."""
    orig = norm.original
    if "," not in orig:
        return ()
    words = norm.words
    kin = not _KIN_CALLED.isdisjoint(words)
    # a name typed in lowercase hails someone too («карина, ты придёшь?»): read where it is a name first, in a text
    # typed all in lowercase (who capitalises nothing does not capitalise names; who does, does)
    lower = (
        [m.start(g) for m in _HAILED_LOWER.finditer(orig) if _lowercase_name(m[g := m.lastgroup or "first"])]
        if orig.islower()
        else []
    )
    # the runs whose words may be names, by their letters (a cached test): most texts have none — «Да, …», «Ну, …»
    runs = []
    for m in _HAILED.finditer(orig):
        first = m.lastgroup == "first"
        start = m.start() if first else m.start("last")
        run = list(_WORD_IN_RUN.finditer(orig, start, m.end()))
        if found := [w.start() - start for w in run if _hailed_word(w.group())]:
            runs.append((start, first, run[-1].start() - start, found))
    if not runs and not kin and not lower:
        return ()
    toks = norm.tokens
    at = norm.token_at_start
    out = []
    for start, first, last, found in runs:
        a, b = at.get(start), at.get(start + last)
        if a is not None and b is not None and _said_to(norm, a, b, first):
            out += [i for k in found if (i := at.get(start + k)) is not None and not toks[i].masked]
    # single lowercase words: the kin words, and the names of a text typed in lowercase
    alone = [i for i, w in enumerate(words) if w in _KIN_CALLED and not orig[toks[i].start].isupper()] if kin else []
    alone += [i for start in lower if (i := at.get(start)) is not None and not toks[i].masked]
    out += [i for i in alone if _said_to(norm, i, i, True) or _said_to(norm, i, i, False)]
    return tuple(i for i in out if not _known(words[i], toks[i].start, hits))


#: a lowercase word opening a sentence before a comma, or after one closing a sentence (where :func:`given_names`
#: reads a name typed in lowercase; the kin words are read from the words themselves). Only there, and only in a text
#: typed all in lowercase: asking the dictionary about every lowercase word before a comma made judging 6 % slower
_HAILED_LOWER = re.compile(
    rf"(?:^|[.!?…\n])[ \t]*(?P<first>[а-яё]+)(?=[ \t]*,)|,[ \t]*(?P<last>[а-яё]+)(?={_CLAUSE_END_AT})"
)


@lru_cache(maxsize=8192)
def _lowercase_name(word: str) -> bool:
    """Is ``word``, typed in lowercase, one person's given name or patronymic by the dictionary's first reading
    (stricter than :func:`_given_name`: «вить», «коль» are a verb and a conjunction first, «варвары» a genitive, and
    lowercase nothing says otherwise)?"""
    w = word.replace("ё", "е")
    if not analyzer().word_is_known(w):
        return False
    first = parses(w)[0]
    return (
        _names_someone(first)
        and "sing" in first.tag
        and not {"nomn", "voct"}.isdisjoint(first.tag.grammemes)  # (not «варвары», Варвара's genitive first: barbarians)
    )


@lru_cache(maxsize=8192)
def _hailed_word(word: str) -> bool:
    """Could the capitalised ``word`` (as written) be a name or a kin word said to someone?"""
    w = word.lower().replace("ё", "е")
    return w in _KIN_CALLED or _given_name(w)


def _said_to(norm: Normalized, a: int, b: int, first: bool) -> bool:
    """Do tokens ``a``–``b`` hail someone: opening a sentence before a comma (``first``) — not before a relative
    clause («Мамочка, которая …») — or closing one after a comma? (Not set off on both sides: «Вы, Наталья, …»
    is as often the insult's target named as a greeting.)"""
    orig, toks, words = norm.original, norm.tokens, norm.words
    if first:
        return (
            norm.opens_sentence(a)
            and _COMMA_NEXT.match(orig, toks[b].end) is not None
            and (b + 1 >= len(words) or words[b + 1] not in _RELATIVE)
        )
    return bool(a) and orig[toks[a - 1].end : toks[a].start].strip() == "," and _CLAUSE_END.match(
        orig, toks[b].end
    ) is not None


#: the words that open a relative clause (after them the word before the comma is its subject, not hailed)
_RELATIVE = frozenset("который которая которое которые которого которой которых кто что чей чья чьи".split())
#: a comma right after a word, spaces allowed before it («Карина ,»)
_COMMA_NEXT = re.compile(r"[ \t]*,")
#: what a grandmother, a parent or a neighbour calls someone by («Бабуль, ты как там?», «Сынок, ты поел?», «Спасибо,
#: доченька!», «Тёма, братишка, мама тобой гордится»: round 47, held or deleted as insults); not «дед», «бабка»,
#: «брат», «братан», «мужик»: said to a stranger they put down
_KIN_CALLED = frozenset(
    "бабуль бабуля бабулечка бабушка дедуль дедуля дедушка мам мама мамуль мамуля мамочка пап папа папуль папуля "
    "папочка сынок сыночек сынуля сына доча дочка доченька дочурка братишка братик сестренка сестричка внучек "
    "внучок внученька внучка теть тетя тетушка дядь дядя дядюшка кума дружище подруга подружка".split()
)


def typical_of_things(words: Sequence[str]) -> list[int]:
    """The «типичный» that qualifies a thing («Это типичный случай», «типичная ошибка новичков», «Типичный
    армянский дом с балконом», «типичная отписка») or stands as an adverb («Ну это типично»): the flame-war data
    taught the model the word as an insult («типичный хохол»: 26 of its 35 texts toxic), and a calm remark was
    deleted on it (0.8). Said of a person («типичный чеченец», «ты типичная курица») it stays visible."""
    out: list[int] = []
    for k, w in enumerate(words):
        if not w.startswith("типичн"):
            continue
        if w == "типично":
            out.append(k)
            continue
        # the noun it qualifies: the next word, or the one after an adjective («типичный армянский дом»)
        for j in (k + 1, k + 2):
            if j >= len(words):
                break
            if likely(words[j], "NOUN"):
                if likely(words[j], "inan") and is_known(words[j]):  # (not a coined word: «типичный спермобак»)
                    out.append(k)
                break
            if not likely(words[j], "ADJF"):
                break
    return out


def vk_mentions(norm: Normalized) -> tuple[int, ...]:
    """The words of the name VK mention markup shows («[id123|Карина Иванова]», «[club5|Администрация]»).

    A VK reply opens with whom it answers: a name, which says nothing of what the reply says (see
    :func:`given_names`), so the model does not see it. The page's id stays: the model learnt the VK
    replies with it, and without it the shipped model read calm replies as insults («[id2500028|Игорь], ты
    просто о них не знаешь» was held; round 47)."""
    orig = norm.original
    if "[" not in orig:
        return ()
    spans = [(m.end(1), m.end()) for m in _VK_MENTION.finditer(orig)]
    if not spans:
        return ()
    return tuple(i for i, t in enumerate(norm.tokens) if any(a <= t.start < b for a, b in spans))


#: VK mention markup, whole: «[id123|Карина Иванова]», «[club5|Администрация]»
_VK_MENTION = re.compile(r"\[((?:id|club|public|event)\d+)\|[^\[\]\n]{0,80}\]")
#: given names that are something else first: the one the flame wars call an opponent by («Мань, ты опять про
#: своё», «маня», «манька»: abuse there, rare in a town) and the chat's laugh pymorphy3 reads as Лола's («лол»)
_NO_GIVEN_NAME = frozenset(("маня", "манька", "лола"))


@lru_cache(maxsize=8192)
def _given_name(word: str) -> bool:
    """Does the dictionary know ``word`` and read it as a given name or a patronymic, first or second? Not a
    word it only guesses a name of (pymorphy3 reads «пидарасты», «плюсик» as names it does not know), nor a
    name that never changes its ending («Че», «Абу», «Але»: the chat's «чё», the flame wars' own)."""
    return analyzer().word_is_known(word) and any(map(_names_someone, parses(word)[:2]))


def _names_someone(p: Any) -> bool:
    """Is the pymorphy3 reading ``p`` a given name or a patronymic that changes its ending, and not one the
    flame wars or the chat use for something else (:data:`_NO_GIVEN_NAME`)? Both readers of names ask it."""
    return (
        not {"Name", "Patr"}.isdisjoint(p.tag.grammemes)
        and "Fixd" not in p.tag
        and p.normal_form not in _NO_GIVEN_NAME
    )


def full_names(norm: Normalized) -> list[tuple[int, int]]:
    """First and last token of each full name: capitalised words side by side, only spaces between,
    one of them a given name or patronymic the dictionary knows first («Руслан», «Петровна»), the others
    read as names too (a surname pymorphy3 knows or guesses: «Ебзеев», «Сукиасян»); and a surname alone
    after a post or a title («доктора Ебзеева»).

    «Поздравляем Ебзеева Руслана с победой на турнире» was deleted as мат (a root inside a Karachay
    surname common in the region) and «Сукиасян Ашот Грантович, золотые руки» as an insult. A name
    says whom a comment is about: neither the lexicon nor the model reads it. A word that is no name
    stays outside the run («Сука Ирина» keeps «сука»)."""
    # only the runs of capitalised words one regex scan finds are read, not every token
    runs = list(_NAME_RUN.finditer(norm.original))
    after_lower = list(_AFTER_LOWER.finditer(norm.original))
    if not runs and not after_lower:
        return []
    words = norm.words
    at = norm.token_at_start
    out: list[tuple[int, int]] = []
    for m in after_lower:
        # a surname after a post or a title («поздравляем доктора Ебзеева»; not a pun that starts with a
        # slur: «депутат Пидорашкин»)
        i = at.get(m.start(1))
        if i and words[i - 1].startswith(_TITLES) and _titled_surname(words[i]):
            out.append((i, i))
    for m in runs:
        run = [
            at[w.start()] for w in _CAPITALISED.finditer(norm.original, m.start(), m.end()) if w.start() in at
        ]
        for x, i in enumerate(run[1:], 1):
            # … and the post capitalised, opening the sentence («Участковый Ебралидзе приехал через 10 минут»:
            # round 34)
            if run[x - 1] == i - 1 and words[i - 1].startswith(_TITLES) and _titled_surname(words[i]):
                out.append((i, i))
        k = 0
        while k < len(run):
            if _person_word(words[run[k]]) == 0:
                k += 1
                continue
            j = k
            while j + 1 < len(run) and run[j + 1] == run[j] + 1 and _person_word(words[run[j + 1]]):
                j += 1
            if j > k and any(_person_word(words[run[x]]) == 2 for x in range(k, j + 1)):
                # («Бляхер Лев Ефимович ведёт шахматный кружок»: a surname the dictionary does not know, before a
                # given name and a patronymic — the official order; not a word it knows, «Сука Ирина Петровна»; round 40)
                a = k - 1 if k and run[k - 1] == run[k] - 1 and _surname_before(words, run, k, j) else k
                out.append((run[a], run[j]))
            k = j + 1
    return out


#: capitalised Cyrillic words side by side (the runs :func:`full_names` reads) and each word of a run
_NAME_RUN = re.compile(r"[А-ЯЁ][а-яё]+(?:[ \t]+[А-ЯЁ][а-яё]+)+")
#: a capitalised word right after a lowercase one (only spaces between): where a post or a title may name
#: someone by surname — «доктора Ебзеева», «депутату Хуснутдинову», «тренер Сукачёв». (Written to open with
#: the space, the lowercase letter before it looked behind at: a pattern that opens with a character class
#: is scanned for in C, one that opens with a lookbehind is tried at every position — a third slower.)
_AFTER_LOWER = re.compile(r"[ \t](?<=[а-яё][ \t])[ \t]*([А-ЯЁ][а-яё]+)")
#: the posts and titles (word beginnings, any case ending)
_TITLES = (
    "доктор", "врач", "профессор", "тренер", "депутат", "коллег", "товарищ", "господин", "госпож", "учител",
    "директор", "судь", "хирург", "кардиолог", "педиатр", "терапевт", "стоматолог", "начальник", "глав", "мэр",
    "сержант", "лейтенант", "капитан", "майор", "полковник", "генерал", "сенатор",
    # round 34: «участковый Ебралидзе», «инспектор …», «прокурор …»
    "участков", "инспектор", "следовател", "прокурор", "фельдшер", "медсестр", "воспитател", "завуч", "нотариус",
    "адвокат", "невролог", "окулист", "гинеколог",
    # round 39: «Моя фамилия Хренов», «по фамилии Сучков»
    "фамили",
)  # fmt: skip
_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+")


@lru_cache(maxsize=8192)
def _titled_surname(word: str) -> bool:
    """Is ``word``, after a post or a title, a surname (pymorphy3 knows or guesses it so, or it has a
    surname's shape, :func:`_surname_shaped`), not a pun that starts with a slur («депутат Пидорашкин»)?"""
    return (any("Surn" in p.tag for p in parses(word)[:3]) or _surname_shaped(word)) and not _slur_first(word)


def _named_by_dictionary(word: str) -> bool:
    """Does pymorphy3 read ``word`` as a name, a surname or a patronymic in one of its first readings?"""
    return any(not NAME_TAGS.isdisjoint(p.tag.grammemes) for p in parses(word)[:3])


#: a Russian surname's ending in the cases a name is written in (not the plural: «скотины»)
_SURNAME_SHAPE = re.compile(r"[а-яё]{2,}(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ом|е)?")


def _surname_shaped(word: str) -> bool:
    """A word built like a surname that pymorphy3 reads as a form of a word only — «Сучков» (of «сучок»),
    «Хренов» (of «хреновый»): written with a capital after a post, after «фамилия» or beside a given name it
    is a name («Сучков Дмитрий, ваш участковый» was deleted as an insult). Not a word pymorphy3 reads as a
    noun's singular nominative («депутат Скотина» keeps its insult); the callers also keep a word that opens
    with a word of the lexicon (:func:`_slur_first`: «Хирург Дураков» stays read — a pun cannot be told from it)."""
    if not _SURNAME_SHAPE.fullmatch(word):
        return False
    first = parses(word)[:1]
    return not first or not (first[0].tag.POS == "NOUN" and {"sing", "nomn"} <= first[0].tag.grammemes)


@lru_cache(maxsize=8192)
def _person_word(word: str) -> int:
    """2 for a given name or patronymic the dictionary knows by its first reading («Руслан», «Петровна»;
    not «Слава», «Вера», «Роман», words first: «Слава Гитлеру» is no name), 1 for another word read as
    a name (a surname known or guessed: «Ебзеев», «Сукиасян»; or built like one: «Сучков», :func:`_surname_shaped`),
    0 for no name."""
    if not _named_by_dictionary(word):
        return 1 if _surname_shaped(word) and not _slur_first(word) else 0
    first = parses(word)[0].tag
    return 2 if ("Name" in first or "Patr" in first) and analyzer().word_is_known(word) else 1


def _surname_before(words: Sequence[str], run: list[int], k: int, j: int) -> bool:
    """Is the capitalised word before the name ``run[k]`` … ``run[j]`` its surname: the name a given name and a
    patronymic, and the word one the dictionary does not know that the lexicon does not read as abuse?"""
    w = words[run[k - 1]]
    return (
        j > k
        and "Patr" in parses(words[run[k + 1]])[0].tag
        and not analyzer().word_is_known(w)
        and default_lexicon().suspicion(w) < 3
        and not _slur_first(w)
    )


def _slur_first(word: str) -> bool:
    """Does the word start with a word of the lexicon five letters or longer («пидор|ошенко»; not «суки|асян»)?"""
    suspicion = default_lexicon().suspicion
    return any(suspicion(word[:n]) == 3 for n in range(5, len(word) - 1))


#: «баба» as the title of a grandmother before her name («баба Маша», «бабе Нине»)
_GRANNY = frozenset(("баба", "бабы", "бабе", "бабу", "бабой"))


def granny_titles(norm: Normalized) -> tuple[int, ...]:
    """«Баба Маша из пятого подъезда печёт лучшие пироги» was deleted as an insult: the flame-war data
    knows «баба» as a slur on women, but before a capitalised given name it is what a neighbourhood calls
    a grandmother — and before «Яга» the fairy tales' witch («Спектакль «Баба-Яга» в субботу» was
    deleted). The model does not see the title there; the lexicon and the analyser still read it."""
    words, toks, orig = norm.words, norm.tokens, norm.original
    return tuple(
        i for i in range(len(words) - 1)
        if words[i] in _GRANNY and (
            words[i + 1] in _YAGA
            or (orig[toks[i + 1].start].isupper() and any("Name" in q.tag for q in parses(words[i + 1])[:1]))
        )
    )  # fmt: skip


def kin_endearments(norm: Normalized, lemmas: list[str]) -> list[tuple[int, int]]:
    """«Внучок мой, дурачок маленький, сегодня первый раз пошёл в садик», «Мой поросёнок, сынишка трёхлетний,
    весь в каше» were deleted as insults: a word set off by commas right beside «мой внук», «сынишка»
    and the like, in a text that addresses no one, is what a grandmother calls her own. The spans (token
    index ranges, at most three words, nouns and adjectives only, with «мой» in or just before the kin phrase) are
    hidden from the model and the lexicon's abuse."""
    words, toks, orig = norm.words, norm.tokens, norm.original
    if not _YOU.isdisjoint(words):
        return []
    n = len(words)
    out: list[tuple[int, int]] = []
    for i, lem in enumerate(lemmas):
        if lem not in _KIN_DEAR:
            continue
        a, b = i, i  # the kin phrase, with its «мой» and an adjective («сынишка трёхлетний»)
        while (
            a > 0
            and (words[a - 1] in _MY or _adjective_or_numeral(words[a - 1]))
            and not _CLAUSE_GAP.search(orig, toks[a - 1].end, toks[a].start)
        ):
            a -= 1
        while (
            b + 1 < n
            and (words[b + 1] in _MY or _adjective_or_numeral(words[b + 1]))
            and not _CLAUSE_GAP.search(orig, toks[b].end, toks[b + 1].start)
        ):
            b += 1
        if not any(w in _MY for w in words[max(0, a - 3) : b + 1]) or (
            a > 0 and words[a - 1] in _MOTHERS_BOY
        ):
            continue  # («маменькин сынок» is itself a name for a grown man)
        for span in (_comma_segment(norm, b + 1, 1), _comma_segment(norm, a - 1, -1)):
            if span is not None:
                out.append(span)
    return out


def _comma_segment(norm: Normalized, k: int, step: int) -> tuple[int, int] | None:
    """The words from ``k`` on (``step`` 1) or back (``step`` -1) up to the next comma or clause break,
    when a comma stands at ``k``'s side towards the kin phrase and the segment is one to three nouns and
    adjectives."""
    words, toks, orig = norm.words, norm.tokens, norm.original
    n = len(words)
    if not 0 <= k < n:
        return None
    near = orig[toks[k - 1].end : toks[k].start] if step == 1 else orig[toks[k].end : toks[k + 1].start]
    if "," not in near:
        return None
    j = k
    while 0 <= j + step < n and abs(j + step - k) < 3:
        gap = orig[toks[j].end : toks[j + 1].start] if step == 1 else orig[toks[j - 1].end : toks[j].start]
        if _CLAUSE_GAP.search(gap):
            break
        j += step
    a, b = min(k, j), max(k, j)
    # an appositive noun phrase only: nouns and adjectives («дурачок маленький», «мой поросёнок»), not a clause
    # («…, который половину недели …», «…, пропустивший проводы»)
    if not all(_noun_or_adjective(w) for w in words[a : b + 1]):
        return None
    return a, b


def _adjective_or_numeral(word: str) -> bool:
    return likely(word, "ADJF") or likely(word, "NUMR")


def _noun_or_adjective(word: str) -> bool:
    """A noun or an adjective that is no pronoun («этот», «такой»), or «мой»."""
    return word in _MY or ((likely(word, "NOUN") or likely(word, "ADJF")) and not likely(word, "Apro"))


#: one's own small kin («внучок мой», «сынишка»)
_KIN_DEAR = frozenset(
    "внук внучок внучек внучка внученька сын сынок сынишка сыночек дочь дочка доча доченька малыш малышка ребенок "
    "племянник племянница".split()
)
_MOTHERS_BOY = frozenset("маменькин папенькин маменькина папенькина".split())
_MY = frozenset("мой моя мое моё мои моего моему моим моей наш наша наше наши".split())


#: «Яга» of «Баба-Яга» in its cases
_YAGA = frozenset(("яга", "яги", "яге", "ягу", "ягой"))


#: A capitalised word inside a sentence (after a letter, a digit or a comma on the same line) that
#: ends the way a surname built on a word does («Козлов», «Петуховой», «Свиньину»).
_SURNAME_INSIDE = re.compile(
    r"(?<=[^\s.!?…;])[ \t]+([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ом|е|ых|ыми|ы)?)(?![а-яёА-ЯЁ])"
)


#: What every match of :data:`_SURNAME_INSIDE` contains, as a pattern that starts with a character
#: class (the regex engine skips ahead to it): 0.075 → 0.043 s per 14,412 texts.
_SURNAME_HINT = re.compile(r"[ \t][А-ЯЁ][а-яё]*(?:ов|ев|ёв|ин|ын)")


def _known(word: str, start: int, hits: list[Hit]) -> bool:
    """Does the lexicon read this word (a hit on it, or a form it knows)?"""
    return any(h.start == start for h in hits) or bool(default_lexicon().suspicion(word))


@lru_cache(maxsize=8192)
def _surname(word: str) -> str | None:
    """ "creature" for a surname built on a word for a creature (its base, «козлов», is also an animate
    noun's form — «козлов» of «козёл» — or a possessive adjective, «свиньин»), "other" for another
    surname, None for no surname. Its own cache: the shared ``parses`` cache is the analyser's, and the
    many capitalised words of a corpus would push its entries out."""
    if not _CYRILLIC.fullmatch(word):
        return None
    morph = analyzer()
    base = next((p.normal_form for p in morph.parse(word)[:3] if "Surn" in p.tag), None)
    if base is None:
        return None
    creature = any(
        "Surn" not in p.tag and ((p.tag.POS == "NOUN" and p.tag.animacy == "anim") or "Poss" in p.tag)
        for p in morph.parse(base)
    )
    return "creature" if creature else "other"


_CYRILLIC = re.compile("[а-яё]+")


def lemma_analyzer(p: Prepared, mask: bool = False) -> list[str]:
    """Lemma unigrams and bigrams: morphology folds «дебилы/дебилов/дебилам» into one feature."""
    lem = p.lemmas
    if mask and p.masked:
        lem = list(lem)
        for i in p.masked:
            lem[i] = hidden_word(p, i)
    return lem + [f"{a} {b}" for a, b in zip(lem, lem[1:], strict=False)]


#: What models pickled before the category registry were fitted with (they carry no ``categories_``).
_LEGACY_CATS = ("obscene", "insult", "threat", "hate")
_LEGACY_TARGETS = ("nationality", "religion", "sex", "age", "residence", "profession", "politics", "language")


_IS_MASKED = attrgetter("masked")

#: What the group-statement analyser and the kind-tagged patterns add (models fitted before them carry
#: none of these): hits with a ``strength`` (a veiled threat, a generalisation) are counted here and
#: not in ``lex_<category>``, so the model does not read a review-band signal as a ban-band one.
GROUP_FEATURES = (
    "gs_generalisation", "gs_call_to_exclude", "gs_dehumanising", "gs_reported", "gs_mention_only", "gs_defended",
    "kind_veiled_threat", "kind_defamation_of_person", "kind_review",
)  # fmt: skip


def lexicon_feature_names(
    cats: tuple[str, ...], targets: tuple[str, ...], groups: bool = False
) -> tuple[str, ...]:
    return (
        *(f"lex_{c}" for c in cats),
        *(f"lex_hate_{t}" for t in targets),
        "lex_masked",
        *(f"spam_{n}" for n in SPAM_FEATURE_NAMES),
        *(GROUP_FEATURES if groups else ()),
    )


def _mentions_the_model_knows(p: Prepared) -> list[bool]:
    """One True per mention of a group the shipped model was trained on as a group (not a MODEL_SEES name:
    «Педиатр принимает с 9 утра» held on the feature once «педиатр» named a trade)."""
    if p.groups is None:
        return []
    seen = default_lexicon().model_seen_group_words
    return [p.norm.words[i] not in seen for i, _ in p.groups.mentions]


def group_feature_values(p: Prepared) -> list[float]:
    g = p.groups
    held = [h for h in p.hits if h.strength and not h.floor_only]
    hit_kinds = [h.kind for h in held]
    kinds = [f.kind for f in g.findings] if g is not None else []
    return [
        kinds.count("generalisation"),
        kinds.count("call_to_exclude"),
        kinds.count("dehumanising"),
        float(g is not None and g.reported is not None),
        float(g is not None and not g.violating and any(_mentions_the_model_knows(p))),
        float(g is not None and g.defended),
        hit_kinds.count("veiled_threat"),
        hit_kinds.count("defamation_of_person"),
        sum(1 for h in held if h.strength == "review"),
    ]


class LexiconFeatures(BaseEstimator, TransformerMixin):
    """Dense rule features: how many lexicon hits of each kind, plus the spam detector's numbers.

    Counts are squashed with log1p so one long rant with ten swear words does not dominate.
    """

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def fit(self, X, y=None):  # noqa: N803
        # The columns are fixed when fitting: a category or group registered later does not change
        # the width a fitted model expects.
        self.categories_ = categories.lexicon_categories()
        self.targets_ = tuple(categories.GROUP_NAMES_RU)
        self.groups_ = True
        return self

    def _columns(self) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        return (
            getattr(self, "categories_", _LEGACY_CATS),
            getattr(self, "targets_", _LEGACY_TARGETS),
            getattr(self, "groups_", False),
        )

    def get_feature_names_out(self, input_features=None):
        return np.array(lexicon_feature_names(*self._columns()), dtype=object)

    def transform(self, X):  # noqa: N803
        lex_cats, lex_targets, with_groups = self._columns()
        width = len(lexicon_feature_names(lex_cats, lex_targets, with_groups))
        rows: list[list[float]] = []  # one array at the end: a list assigned to a numpy row per text was slow
        for p in X:
            cats = dict.fromkeys(lex_cats, 0)
            targets = dict.fromkeys(lex_targets, 0)
            for h in p.hits:
                if with_groups and h.strength:
                    continue  # counted by kind (group_feature_values)
                if h.category in cats:
                    cats[h.category] += 1
                if h.target in targets:
                    targets[h.target] += 1
            # a masked token has a star in its text (moderation.normalize): most texts have none
            masked = sum(map(_IS_MASKED, p.norm.tokens)) if "*" in p.norm.text else 0
            sf = spam_features(p.text, p.spam)
            rows.append(
                [
                    *map(cats.__getitem__, lex_cats),
                    *map(targets.__getitem__, lex_targets),
                    masked,
                    *map(sf.__getitem__, SPAM_FEATURE_NAMES),
                    *(group_feature_values(p) if with_groups else ()),
                ]
            )
        values = np.array(rows, dtype=np.float64).reshape(len(rows), width)
        return sparse.csr_matrix(np.log1p(np.abs(values)) * np.sign(values) * self.scale)


class CharNgramTfidf(BaseEstimator, TransformerMixin):
    """TF-IDF over char n-grams of each normalised word padded with spaces (sklearn's ``char_wb``).

    Same features as ``TfidfVectorizer(analyzer="char_wb")``, but the n-grams of a word are looked up
    once per distinct word and cached as feature indices: comments repeat the same words all day,
    and generating and hashing n-grams per text was the judge's hottest loop.
    """

    #: Bound on cached words, so a long-running daemon's memory stays flat.
    CACHE_LIMIT = 300_000

    def __init__(self, ngram_range: tuple[int, int] = (2, 5), min_df: int = 3, max_features: int = 150_000):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features

    def _ngrams(self, word: str) -> list[str]:
        w = f" {word} "
        lo, hi = self.ngram_range
        return [w[i : i + n] for n in range(lo, hi + 1) for i in range(len(w) - n + 1)]

    def fit(self, X, y=None):  # noqa: N803
        per_word: dict[str, list[str]] = {}

        def units(p: Prepared) -> set[str]:
            seen: set[str] = set()
            for i, t in enumerate(p.norm.tokens):
                word = hidden_word(p, i) if i in p.masked else t.text
                grams = per_word.get(word)
                if grams is None:
                    grams = per_word[word] = self._ngrams(word)
                seen.update(grams)
            return seen

        self.mask_groups_ = True
        self.vocabulary_, self.idf_ = _fit_vocabulary((units(p) for p in X), self.min_df, self.max_features)
        self._cache: dict[str, np.ndarray] = {}
        return self

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_cache", None)
        state.pop("_index", None)
        return state

    def get_feature_names_out(self, input_features=None):
        names = np.empty(len(self.vocabulary_), dtype=object)
        for g, i in self.vocabulary_.items():
            names[i] = g
        return names

    def _ngram_columns(self, word: str) -> np.ndarray:
        get = self.vocabulary_.get  # one lookup per n-gram (``g in vocab`` then ``vocab[g]`` was two)
        return np.array([i for i in map(get, self._ngrams(word)) if i is not None], dtype=np.int64)

    def _columns_of(self, words: list[str]) -> list[np.ndarray]:
        """:meth:`_ngram_columns` of many words at once, in numpy (:class:`NgramIndex`): slicing and
        hashing every n-gram of every new word in Python was most of a cold judge's n-gram time."""
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = NgramIndex.of(self.vocabulary_, self.ngram_range)
        if index is False:  # a vocabulary whose n-grams do not fit 64-bit keys
            return list(map(self._ngram_columns, words))
        return index.columns(words)

    def word_columns(self, words: Sequence[str]) -> list[np.ndarray]:
        """The column ids of each word's n-grams (the judge's evidence and re-scoring read them too).

        The words the cache lacks are worked out first (a set difference in C), all together, then
        every word is one C-level dict lookup: a method call per word was a tenth of a warm judge."""
        cache = self.__dict__.setdefault("_cache", {})
        missing = set(words).difference(cache)
        if missing:
            if len(cache) + len(missing) > self.CACHE_LIMIT:
                cache.clear()  # here, so that no word of this text is dropped after its lookup
                missing = set(words)
                if len(missing) > self.CACHE_LIMIT:  # more distinct words than the cache holds
                    return self._columns_of(list(words))
            new = list(missing)
            cache.update(zip(new, self._columns_of(new), strict=True))
        return list(map(cache.__getitem__, words))

    def transform(self, X):  # noqa: N803
        mask = getattr(self, "mask_groups_", False)
        texts = [
            [hidden_word(p, i) if i in p.masked else w for i, w in enumerate(p.norm.words)]
            if mask and p.masked else p.norm.words
            for p in X
        ]  # fmt: skip
        # the batch's distinct words in one call (its new words in one numpy pass), then each text's
        # words are plain lookups: no set difference against the cache per text
        distinct = list(set().union(*texts))
        get = dict(zip(distinct, self.word_columns(distinct), strict=True)).__getitem__
        parts: list[np.ndarray] = []  # every word's column ids, the whole batch in one list
        lens: list[int] = []
        for words in texts:
            ids = list(map(get, words))
            parts.extend(ids)
            lens.append(sum(map(len, ids)))
        flat = np.concatenate(parts) if parts else _NO_COLUMNS
        return tfidf_rows(flat, lens, len(self.vocabulary_), self.idf_)


_NO_COLUMNS = np.empty(0, dtype=np.int64)


@dataclass(frozen=True)
class NgramIndex:
    """A character n-gram vocabulary as a hash table of integer keys, so that the n-grams of many
    words are looked up in a few numpy operations instead of a Python slice and dict lookup each.

    Every character of the vocabulary gets a digit 1…base-1 (0: a character no n-gram has); an n-gram
    is the number its digits spell in ``base``, plus ``n · base**hi`` so that lengths never collide.
    An n-gram with a character outside the vocabulary has a 0 digit, which no vocabulary key has.
    The table is open-addressed with linear probing, at most 40 % full: a lookup reads one or two
    slots, where a binary search of the sorted keys read seventeen (3x slower).
    """

    alphabet: np.ndarray  # the vocabulary's characters (code points), sorted
    table_keys: np.ndarray  # the key in each slot of the table, -1 for an empty slot
    table_columns: np.ndarray  # the column of the key in each slot
    lo: int
    hi: int

    @classmethod
    def of(cls, vocabulary: dict[str, int], ngram_range: tuple[int, int]) -> NgramIndex | bool:
        """The index of a vocabulary, or False when it is empty or its keys would not fit in 64 bits."""
        lo, hi = ngram_range
        alphabet = np.unique(_code_points("".join(vocabulary)))
        base = len(alphabet) + 1
        if not vocabulary or (hi + 1) * base**hi >= 2**63:
            return False
        keys: list[np.ndarray] = []
        columns: list[np.ndarray] = []
        for n in range(lo, hi + 1):
            grams = [g for g in vocabulary if len(g) == n]
            digits = (np.searchsorted(alphabet, _code_points("".join(grams))) + 1).reshape(-1, n)
            keys.append(
                digits.astype(np.int64) @ base ** np.arange(n - 1, -1, -1, dtype=np.int64) + n * base**hi
            )
            columns.append(np.fromiter(map(vocabulary.__getitem__, grams), np.int64, len(grams)))
        key, column = np.concatenate(keys), np.concatenate(columns)
        size = 1 << max(int(len(key) * 2.5).bit_length(), 4)
        table_keys = np.full(size, -1, np.int64)
        table_columns = np.full(size, -1, np.int64)
        # insert in rounds: a key whose slot is taken (before or by this round's first claimant) moves on
        slot = _slot(key, size)
        todo = np.arange(len(key))
        while len(todo):
            free = todo[table_keys[slot[todo]] == -1]
            _, first = np.unique(slot[free], return_index=True)
            won = free[first]
            table_keys[slot[won]] = key[won]
            table_columns[slot[won]] = column[won]
            todo = np.setdiff1d(todo, won, assume_unique=True)
            slot[todo] = (slot[todo] + 1) & (size - 1)
        return cls(alphabet, table_keys, table_columns, lo, hi)

    def _lookup(self, key: np.ndarray) -> np.ndarray:
        """The column of each key, -1 for a key not in the vocabulary."""
        size = len(self.table_keys)
        slot = _slot(key, size)
        out = np.full(len(key), -1, np.int64)
        todo = np.arange(len(key))
        while len(todo):  # probe on until the key or an empty slot
            at = slot[todo]
            held = self.table_keys[at]
            hit = held == key[todo]
            out[todo[hit]] = self.table_columns[at[hit]]
            on = ~hit & (held != -1)
            todo = todo[on]
            slot[todo] = (at[on] + 1) & (size - 1)
        return out

    def columns(self, words: list[str]) -> list[np.ndarray]:
        """Each word's n-gram columns, in the order of :meth:`CharNgramTfidf._ngrams` (n, then position)."""
        if not words:
            return []
        base = len(self.alphabet) + 1
        points = _code_points("".join(f" {w} " for w in words))
        at = np.minimum(np.searchsorted(self.alphabet, points), len(self.alphabet) - 1)
        digits = np.where(self.alphabet[at] == points, at + 1, 0).astype(np.int64)
        # one segment per (word, n): where its n-grams start in ``points`` and how many there are
        padded = np.fromiter(map(len, words), np.int64, len(words)) + 2
        offsets = np.cumsum(padded) - padded
        sizes = np.arange(self.lo, self.hi + 1, dtype=np.int64)
        counts = np.maximum(padded[:, None] - sizes[None, :] + 1, 0).ravel()
        seg = np.repeat(np.arange(len(counts)), counts)
        first = np.cumsum(counts) - counts
        start = np.repeat(offsets, len(sizes))[seg] + np.arange(len(seg)) - first[seg]
        n = np.tile(sizes, len(words))[seg]
        key = np.zeros(len(seg), np.int64)
        last = len(digits) - 1
        for k in range(self.hi):  # Horner's rule over the first n digits of each n-gram
            inside = k < n
            key = np.where(inside, key * base + digits[np.minimum(start + k, last)], key)
        key += n * base**self.hi
        found = self._lookup(key)
        known = found >= 0
        flat = found[known]
        ends = np.cumsum(np.bincount(seg[known] // len(sizes), minlength=len(words))).tolist()
        return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def _slot(key: np.ndarray, size: int) -> np.ndarray:
    """Fibonacci hashing of 64-bit keys into a power-of-two table: the top bits of key × 2⁶⁴/φ."""
    shift = np.uint64(64 - (size.bit_length() - 1))
    return ((key.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> shift).astype(np.int64)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_KNOWN_COLUMN = (-1).__ne__  # a C-level test for the lemma columns the vocabulary has


def tfidf_rows(flat: np.ndarray, lens: list[int], n_features: int, idf: np.ndarray) -> sparse.csr_matrix:
    """Rows of sublinear-tf × idf, L2-normalised, from the batch's (repeated) column ids: ``flat``
    holds every document's ids one after another, ``lens`` how many each has.

    One sort for the whole batch: each id becomes ``document · n_features + column``, and the sorted
    keys are the CSR matrix itself — documents in order, columns sorted within each, a repeated key
    being the term count. (scipy's COO → CSR build with ``sum_duplicates`` gave the same matrix, but
    sorted every row again on 64-bit ids: 60 % slower.)
    """
    n_docs = len(lens)
    if not len(flat):
        return sparse.csr_matrix((n_docs, n_features), dtype=np.float32)
    kind = np.int32 if n_docs * n_features < 2**31 else np.int64  # a 32-bit sort is twice as fast
    key = np.repeat(np.arange(0, n_docs * n_features, n_features, dtype=kind), lens) + flat.astype(kind)
    key.sort()
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    count = np.diff(first, append=len(key)).astype(np.float32)
    key = key[first]
    rows = key // n_features
    indices = (key - rows * n_features).astype(np.int32)
    indptr = np.zeros(n_docs + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=n_docs), out=indptr[1:])
    data = (1.0 + np.log(count)) * idf[indices]
    norms = np.sqrt(np.bincount(rows, weights=data.astype(np.float64) ** 2, minlength=n_docs))
    data /= np.where(norms > 0, norms, 1.0)[rows].astype(np.float32)
    m = sparse.csr_matrix((data, indices, indptr), shape=(n_docs, n_features))
    m.has_canonical_format = True  # sorted, no duplicates: nothing downstream sorts it again
    return m


def _fit_vocabulary(doc_units, min_df: int, max_features: int) -> tuple[dict[str, int], np.ndarray]:
    """Keep the ``max_features`` units with the highest document frequency ≥ ``min_df``; smooth idf."""
    df: dict[str, int] = {}
    n_docs = 0
    for units in doc_units:
        n_docs += 1
        for u in units:
            df[u] = df.get(u, 0) + 1
    kept = sorted((u for u, c in df.items() if c >= min_df), key=lambda u: (-df[u], u))[:max_features]
    kept.sort()
    dfs = np.array([df[u] for u in kept], dtype=np.float64)
    return {u: i for i, u in enumerate(kept)}, (np.log((1 + n_docs) / (1 + dfs)) + 1.0).astype(np.float32)


class LemmaTfidf(BaseEstimator, TransformerMixin):
    """TF-IDF over lemma unigrams and bigrams (:func:`lemma_analyzer`).

    The same weighting as ``TfidfVectorizer(sublinear_tf=True)``, built in one sparse operation per
    batch instead of sklearn's per-token Python counting loop.
    """

    def __init__(self, min_df: int = 2, max_features: int = 150_000):
        self.min_df = min_df
        self.max_features = max_features

    def fit(self, X, y=None):  # noqa: N803
        self.vocabulary_, self.idf_ = _fit_vocabulary(
            (set(lemma_analyzer(p, mask=True)) for p in X), self.min_df, self.max_features
        )
        self.mask_groups_ = True
        return self

    def get_feature_names_out(self, input_features=None):
        names = np.empty(len(self.vocabulary_), dtype=object)
        for u, i in self.vocabulary_.items():
            names[i] = u
        return names

    def transform(self, X):  # noqa: N803
        get = self.vocabulary_.get
        mask = getattr(self, "mask_groups_", False)
        cols: list[int] = []
        lens: list[int] = []
        for p in X:
            before = len(cols)
            found = list(map(get, lemma_analyzer(p, mask), repeat(-1)))  # -1: not in the vocabulary
            p.lemma_cols = (self.vocabulary_, found)  # the judge's evidence reads them back
            cols.extend(filter(_KNOWN_COLUMN, found))
            lens.append(len(cols) - before)
        return tfidf_rows(np.array(cols, dtype=np.int64), lens, len(self.vocabulary_), self.idf_)


#: The rule columns that say a text is shouted: a run of capitals (the spam detector's
#: ``caps_flood``). The flame-war corpora taught the abuse heads that shouting is abuse (on the shipped
#: model a run of capitals alone adds more to the insult score than most swear words), and on a city
#: page whole complaints and thanks are written in capitals — «СПАСИБО ВСЕМ КТО ПОМОГ НАЙТИ СОБАКУ» was
#: deleted as an insult. How loud a text is says nothing of whom it insults, so the abuse heads read a
#: shouted text without it; the spam head still reads it. (The share of capitals weighs little;
#: hiding it too cost the 2ch/pikabu joint CV F1 0.004 more, and of the city-page sentences written to
#: test this it changed one reply from held to let through.)
SHOUTING = ("spam_sig_caps_flood",)


def shouting_columns(features) -> np.ndarray:
    """The model's :data:`SHOUTING` columns, for a fitted ``FeatureUnion`` of lemmas, character
    n-grams and rules."""
    (_, lemmas), (_, chars), (_, rules) = features.transformer_list[:3]
    offset = len(lemmas.vocabulary_) + len(chars.vocabulary_)
    names = list(rules.get_feature_names_out())
    return np.array([offset + names.index(n) for n in SHOUTING], np.int64)


def unshouted(X: sparse.csr_matrix, cols: np.ndarray) -> tuple[np.ndarray, sparse.csr_matrix]:  # noqa: N803
    """The rows of ``X`` that shout, and those rows with the shouting columns zeroed (:data:`SHOUTING`)."""
    X = X.tocsr()  # noqa: N806
    loud = np.flatnonzero(np.isin(X.indices, cols) & (X.data != 0))
    rows = np.unique(np.searchsorted(X.indptr, loud, side="right") - 1)
    calm = X[rows].copy()
    calm.data[np.isin(calm.indices, cols)] = 0.0
    return rows, calm
