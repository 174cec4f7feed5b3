"""Scores → action. Pure: the daemon feeds community overrides in, nothing is read from disk here.

Three thresholds per category, each a calibrated probability:
``review`` (hold for a human), ``delete`` (remove the comment: the category becomes a *label*) and
``ban`` (remove and blacklist the author). The strongest action any category reaches wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from moderation import categories
from moderation.categories import DEFAULT_THRESHOLDS, RULE_FLOORS, Thresholds
from moderation.lexicon import written_in_disguise
from moderation.spam import OFFER_NAMES, SpamSignal, rule_score

__all__ = [
    "DEFAULT_THRESHOLDS", "RULE_FLOORS", "SPAM_CHANNELS", "SPAM_CONTACT", "SPAM_INTENT", "SPAM_INVITATIONS", "Policy", "Thresholds", "ceilings",
    "channels_only", "with_rule_floors",
]  # fmt: skip

# DEFAULT_THRESHOLDS (defaults when a model carries none) and RULE_FLOORS (lexicon hits put a floor
# under a score: a matched мат root is obscene whatever the model says, while a matched insult word
# alone only reaches the review band) are live views of the category registry.


class _Hit(Protocol):
    category: str
    matched: str
    quote: str
    strength: str | None
    kind: str | None
    floor_only: bool


def with_rule_floors(
    scores: Mapping[str, float],
    hits: Iterable[_Hit],
    spam: list[SpamSignal],
    floors: Mapping[str, float] | None = None,
    thresholds: Mapping[str, Thresholds] | None = None,
) -> dict[str, float]:
    """Model scores raised to the floors the rules put under them (lexicon hits, spam rule score).

    A hit with a ``strength`` (a veiled threat, a generalisation about a group) reaches that band of
    the category's ``thresholds`` (``review`` or ``delete``) instead of the category's rule floor,
    so a weaker signal holds a comment for a human without banning its author by itself.

    The one place this happens: the judge and the training recipe (which tunes thresholds on the
    same final scores) both call it.
    """
    floors = RULE_FLOORS if floors is None else floors
    thresholds = DEFAULT_THRESHOLDS if thresholds is None else thresholds
    out = dict(scores)
    for h in hits:
        strength = getattr(h, "strength", None) or _disguised_insult(h)
        if strength and h.category in thresholds:
            floor = getattr(thresholds[h.category], strength)
        else:
            floor = floors.get(h.category, 0.0)
        out[h.category] = max(out.get(h.category, 0.0), floor)
    if spam:
        out["spam"] = max(out.get("spam", 0.0), min(rule_score(spam), 0.99))
    return out


def _disguised_insult(h: _Hit) -> str | None:
    """An insult word written in disguise («с*ки», «ушл*пки», «гoвнo-ремонт», «$ука», «Кр3тины») reaches the
    delete band: nobody hides a word in its innocent sense, so the word alone is clear (an insult word written
    plainly only holds: «козлы на Машуке» may be goats). Quoted to report it («меня назвали «с*кой»») it is
    capped as every reported insult is (:func:`ceilings`)."""
    return "delete" if h.category == "insult" and written_in_disguise(h) else None


@dataclass
class Policy:
    thresholds: dict[str, Thresholds] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    rule_floors: dict[str, float] = field(default_factory=lambda: dict(RULE_FLOORS))

    @classmethod
    def from_mapping(cls, base: dict[str, Thresholds] | None = None, overrides: dict | None = None) -> Policy:
        """Build from model defaults plus overrides like ``{"insult": {"delete": 0.7}}`` (config/UI)."""
        merged = dict(DEFAULT_THRESHOLDS)
        merged.update(base or {})
        for cat, values in (overrides or {}).items():
            if cat not in categories.CATEGORIES:
                known = ", ".join(categories.names())
                raise ValueError(f"unknown category in thresholds: {cat!r} (known: {known})")
            cur = merged[cat]
            merged[cat] = Thresholds(
                review=float(values.get("review", cur.review)),
                delete=float(values.get("delete", cur.delete)),
                ban=float(values.get("ban", cur.ban)),
            )
        return cls(thresholds=merged)

    def decide(
        self, scores: dict[str, float], ceilings: Mapping[str, str] | None = None
    ) -> tuple[str, list[str]]:
        """Return ``(action, labels)``; labels are the categories at or over their delete threshold.

        ``ceilings`` caps what a category can cause (``"delete"``: it can remove a comment but not ban
        its author; ``"review"``: it can hold a comment for a human but not delete it; ``"allow"``:
        nothing) — see :func:`ceilings`. Scores are left as they are, so the moderator still sees
        what the model thought.
        """
        ceilings = ceilings or {}
        cats = [c for c in categories.names() if c in self.thresholds and ceilings.get(c) != "allow"]
        labels = [
            c for c in cats if scores.get(c, 0.0) >= self.thresholds[c].delete and ceilings.get(c) != "review"
        ]
        if any(scores.get(c, 0.0) >= self.thresholds[c].ban and ceilings.get(c) != "delete" for c in labels):
            return "delete_and_ban", labels
        if labels:
            return "delete", labels
        if any(scores.get(c, 0.0) >= self.thresholds[c].review for c in cats):
            return "review", labels
        return "allow", labels


#: Spam signals that carry an intent (commercial, recruiting, gambling, loans, crypto, dating, magic,
#: channel promotion, invitations off the page, a native advert's business, offer and call: «advert»).
#: Links, handles, phones, emoji, caps and look-alike letters say *how* a text reaches people, not that it
#: sells something.
SPAM_INTENT = OFFER_NAMES | frozenset(("pm_invite", "messenger", "cta"))
SPAM_LINKS = frozenset(("url", "shortener", "vk_club_link", "tg_link", "wa_link"))
#: Signals that say only how a text reaches people: a link, an @-mention, emoji, caps, look-alikes.
#: (A phone or an e-mail is a contact: service ads carry one, so they are not in this set.)
SPAM_CHANNELS = SPAM_LINKS | frozenset(("handle", "emoji_flood", "caps_flood", "repeat_flood", "homoglyph"))
#: Signals that give a reader a way to answer an offer: a link, a handle, a phone, "пиши в лс".
SPAM_CONTACT = SPAM_LINKS | frozenset(("handle", "email", "phone", "pm_invite", "messenger", "cta"))
#: Spam signals that only name a business (gambling, loans, crypto, earnings) — what a complaint about
#: it names too — or say how a text looks; no offer, no contact.
SPAM_TOPICS = frozenset(
    (
        "earnings",
        "loan",
        "casino",
        "betting",
        "crypto",
        "emoji_flood",
        "caps_flood",
        "repeat_flood",
        "homoglyph",
    )
)
#: Spam signals of selling something — the intents that are not a way to answer: what a neighbour's
#: notice (a lost dog, kittens to give away) never has, though it has a phone and «звоните».
SPAM_COMMERCE = SPAM_INTENT - SPAM_CONTACT
#: Spam signals that only ask the reader to write in private and offer nothing by themselves («кто видел ДТП,
#: напишите в ЛС», «ссылка в закрепе»): all the spam evidence a text may have (with a plain link or an @-mention)
#: for :func:`ceilings`' ``invitation_only`` (the judge weighs a phone so too since round 50, its trade asked of
#: ``spam.offer_wording``: «Укладка асфальта, благоустройство дворов, звоните 8-988-…» names one). Not a messenger;
#: not «cta»: «подписывайтесь на наш канал» promotes a channel, what clause 19 forbids whatever else is said.
SPAM_INVITATIONS = frozenset(("pm_invite",))
#: … and what a warning names besides a business: goods that are a crime to sell («Реклама «права без экзамена»
#: опять в комментах, модераторы, уберите, это же мошенники»; round 34)
#: (round 40: a chain letter warned of — «бабуль, это спам, не пересылай»)
_WARNED_OF = frozenset(("illegal_goods", "chain"))
#: An "earnings" signal this strong states an income or offers a job («доход от 30 тыс», «требуются
#: курьеры»); weaker ones only mention earning («можно заработать»).
_OFFERED_EARNINGS = 0.25
#: Kinds of lexicon evidence whose review-strength phrases hold a text by themselves (see ceilings).
_HELD_KINDS = (
    ("threat", "veiled_threat", "скрытая угроза без явных слов — решает модератор"),
    (
        "insult",
        "defamation_of_person",
        "обвинение человека, названного по должности или соседству — решает модератор",
    ),
    ("hate", "call_to_exclude", "недосказанный призыв против группы — решает модератор"),
    ("insult", "dehumanising", "унижение людей, не названных по имени группы, — решает модератор"),
)
#: Categories whose lexicon evidence means the text is abusive whatever it says about a group.
_ABUSE = frozenset(("obscene", "insult", "threat", "hate"))
#: why a group statement the analyser holds goes to a moderator, by its kind
_HELD_GROUP_WHY = {
    "generalisation": "обобщение о группе без оскорблений и призывов — решает модератор",
    "call_to_exclude": "возможный призыв против группы (выселить, не пускать, не брать) — решает модератор",
    "dehumanising": "сравнение группы с животными — решает модератор",
}


#: A messenger named and nothing more («в телеграм-канале администрации пишут …»): a channel, no invitation.
_BARE_MESSENGER = 0.1


def channels_only(spam: Iterable[SpamSignal]) -> bool:
    """Does the spam evidence say only how the text reaches people (``SPAM_CHANNELS``, or a messenger
    merely named), no intent?"""
    return all(
        (s.name in SPAM_CHANNELS and not (s.name == "homoglyph" and s.weight >= _WRITTEN_TO_EVADE))
        or (s.name == "messenger" and s.weight <= _BARE_MESSENGER)
        for s in spam
    )


#: Look-alike letters in this many words (weight 0.45: eight or more) are a text written to get past a filter, an
#: intent by itself — «Kто ищeт рaбoту — мы ищeм вaс! Удaлeннo, 40-90к» (round 35: let through, its one signal being
#: «how it looks»); it goes on to the rules below, which hold it at least
_WRITTEN_TO_EVADE = 0.45


class _Groups(Protocol):
    mentions: list
    reported: object
    addressed: bool
    defended: bool

    @property
    def violating(self) -> list: ...


def ceilings(
    hits: Iterable[_Hit],
    spam: list[SpamSignal],
    groups: _Groups | None,
    spam_intent: bool = False,
    channels_held: bool = False,
    question: bool = False,
    self_insult: bool = False,
    authority_insult: bool = False,
    courteous: bool = False,
    thing_insult: bool = False,
    decision_insult: bool = False,
    complaint_insult: bool = False,
    warns: bool = False,
    notice: bool = False,
    quoted: bool = False,
    fundraising: bool = False,
    seeking_work: bool = False,
    seeking_help: bool = False,
    neighbourly: bool = False,
    invitation_only: bool = False,
    offered: bool = False,
) -> tuple[dict[str, str], dict[str, str]]:
    """What each category may cause at most, from what the rules understood of the text, and why
    (category → the reason in Russian, for the verdict's ground).

    * Spam needs intent: when the spam evidence is only links, @-mentions, emoji, caps or look-alike
      letters, a comment with a link is at most held for review and one without a link is let
      through — unless ``spam_intent`` (the judge found the text spam even with those removed:
      "ремонт квартир недорого" is an offer whatever carries it); one the judge finds doubtful with them removed
      (``channels_held``: «Восстановим страницу ВК за час, пишите @…») is held, link or not.
    * A text that names a business only to warn against it or complain about it (``warns``: a word of
      harm or ruin, not negated — «микрозаймы губят семьи», «сосед проиграл всё в онлайн-казино»)
      and offers nothing and gives no contact is not spam at all: spam is let through (so is one that names
      forbidden goods, «реклама «права без экзамена» опять висит, это же мошенники»).
    * Spam evidence all inside quotation marks, with a warning or a report to the page outside them
      (``quoted``: «осторожно, мошенники пишут в личку «заработок от 5000 без вложений»») is quoted to
      warn, not to sell: spam is at most held for review.
    * A neighbour's notice (``notice``: something lost, found or given away — «потерялась собака,
      звоните …», «отдам котят в добрые руки, пишите в лс») with no sign of selling is not spam,
      whatever contact it gives: spam is let through.
    * A text whose spam evidence only names a business (casino, betting, loans, crypto, a word about
      earning) or says how it looks, with no offer and no contact («форекс — это всё равно что
      казино»), is an opinion until a moderator says otherwise: spam is at most held for review. An
      income stated or a job offered («доход от 30 тыс», «требуются курьеры») is an offer, and so are the
      terms of one said to the reader, by the seller or as a headline (``offered``: «Казино Вулкан, 200
      фриспинов», «Займ под 0%, одобрение 99%», «помогу списать долги, консультация бесплатно»; round 34 —
      not «сосед взял займ без справок под 0%, теперь не знает, как отдать»).
    * A plea for money for a cause that the spam rules would delete (``fundraising``: «сбор на лечение
      Маши, любая сумма поможет, сбербанк 8928…», selling nothing) is no advertisement and may be a
      parent's or a fraud: spam is at most held for review, nobody is banned.
    * A text that asks for work (``seeking_work``: «ищу подработку по вечерам, хотя бы 1000 в день»,
      recruiting no one) offers none: spam is let through, or held when it gives a contact.
    * A text that asks for a helper or a craftsman for the author's own (``seeking_help``: «ищу сиделку
      для мамы, пишите в личку», «нужен сантехник»), offering no pay by the day and recruiting no one,
      buys a service, it does not sell one: spam is let through, or held when it gives a contact.
    * A private offer to neighbours (``neighbourly``: «подвезу до аэропорта, за бензин пополам»,
      «могу возить пенсионеров в поликлинику бесплатно»; the author in the first person, no sale, no
      link), or a household selling a thing of its own and saying why («продаю велосипед, сын вырос»), may
      be kindness or an advert: spam is at most held for review, nobody is banned.
    * A text whose only spam evidence is an invitation to write in private (``invitation_only``: «пишите в
      ЛС» — :data:`SPAM_INVITATIONS`), that names no trade, price or offer, and which, with the invitation
      blanked out, the model and the rules see no spam in at all («Давайте по делу: кто видел момент ДТП,
      напишите в ЛС, нужны свидетели», «Оплачу консультацию юриста, пишите в ЛС»): the model read the
      invitation as the advert, but a citizen asks for a private message too: spam is at most held for review.
    * A ``question`` that names a business but gives no way to answer it (no link, handle, phone,
      "пиши в лс": «Если микрозайм подаст в суд?», «Как заработать не выходя из дома?») asks; it
      does not sell: spam is at most held for review.
    * A text that names a group but says nothing against it (a neighbour, a holiday, a question) is at
      most reviewed for ``hate``: the group word is not evidence of hatred; one that defends it
      («мусульман надо уважать, как и всех») is let through on ``hate``. (The
      model never sees neutral group names at all: they are masked, see ``features.GROUP_TOKEN``.)
    * A text that rejects a stereotype about a group (the analyser's ``defused`` sentences: "не все
      X такие", "говорить, что все X воры, — глупость") and has no abuse of its own is at most
      reviewed for insult too: the stereotype's words are quoted, not said.
    * Insult words a comment's author says of themself (``self_insult``: "я лох", "чувствую себя
      идиоткой") insult nobody: insult is at most held for review.
    * Insult aimed only at the authorities as a body (``authority_insult``: "депутаты — бездари",
      "чиновники совсем обнаглели, тупые что ли"; no мат, threat or hate, nobody addressed) is harsh
      criticism until a moderator says otherwise: insult and hate are at most held for review.
    * Harsh words said only of things (``thing_insult``: "убогий парк сделали за миллионы", "дебильный
      проект"; no insult word of the lexicon, nobody addressed) are criticism of the work, not an
      insult of a person: the model's insult score is at most held for review.
    * The name a rhetorical question gives to whoever made a decision (``decision_insult``: «какой
      дурак придумал светофор посреди трассы?»; nobody addressed, no harder abuse) criticises the
      decision: insult is at most held for review.
    * A neighbour or a worker called a weak name inside a complaint or a call for help
      (``complaint_insult``: «сосед сверху — псих, угрожает ножом, полиция не приезжает»; nobody
      addressed, no harder abuse) is reported, not insulted: insult is at most held for review.
    * A text whose only statements about a group are ones the analyser holds for a moderator
      (``Finding.hold``: "в правительстве одни X", "на рынке сплошь X") and that has no abusive
      lexicon word is at most reviewed for ``hate``.
    * A veiled threat is words with no violence in them («знаю, где вы живёте»); in a ``courteous``
      text (thanks, "пожалуйста") with no other threat or abuse it is at most held for review:
      «спасибо, знаю, где вы живёте, занесу документы» is an errand, not a threat; the judge counts an
      errand's own words as courtesy too («знаем, где вы живёте, волонтёры привезут продукты»).
    * Reported speech and requests to moderators («мне написали, что…», «удалите комментарий,
      где…») are never deleted: every category is capped at review.
    """
    out: dict[str, str] = {}
    why: dict[str, str] = {}
    if spam and not spam_intent and channels_only(spam):
        held = channels_held or any(s.name in SPAM_LINKS and s.weight > 0.1 for s in spam)
        out["spam"] = "review" if held else "allow"
        why["spam"] = "ссылка или упоминание без рекламного умысла"
    elif notice and not any(s.name in SPAM_COMMERCE or s.name in SPAM_LINKS for s in spam):
        out["spam"] = "allow"
        why["spam"] = (
            "объявление жителя (потеря, находка, отдам даром) или телефон городской службы, а не реклама"
        )
    elif spam and warns and all(
        s.name in SPAM_TOPICS
        or s.name in _WARNED_OF
        # (a sum named in a warning, with no way to answer it and not quoted — a quoted advert is held below: «это
        # вербуют закладчиков — курьерам с оплатой 5000 в день»; round 35)
        or (s.name == "money_offer" and not quoted and not any(t.name in SPAM_CONTACT for t in spam))
        # (a messenger named as where the cheat is sold, with no handle, link or number to reach it: «договорняки в
        # телеге не продают, это развод»; round 39)
        or (s.name == "messenger" and not any(t.name in SPAM_CONTACT and t.name != "messenger" for t in spam))
        for s in spam
    ):
        out["spam"] = "allow"
        why["spam"] = "предостережение или жалоба, а не предложение"
    elif spam and quoted:
        out["spam"] = "review"
        why["spam"] = (
            "автор цитирует рекламу, чтобы предупредить или пожаловаться, — не удалять, решает модератор"
        )
    elif spam and question and not any(s.name in SPAM_CONTACT for s in spam):
        out["spam"] = "review"
        why["spam"] = "вопрос без ссылок и контактов — не предложение"
    elif (
        spam
        and all(s.name in SPAM_TOPICS for s in spam)
        and not any(s.name == "earnings" and s.weight >= _OFFERED_EARNINGS for s in spam)
        and not offered
    ):
        out["spam"] = "review"
        why["spam"] = "названо занятие (казино, ставки, заработок), но нет ни предложения, ни контакта"
    if fundraising and out.get("spam") not in ("review", "allow"):
        out["spam"] = "review"
        why["spam"] = "сбор денег (лечение, помощь) — не реклама; проверьте, не мошенничество ли"
    if (seeking_work or seeking_help) and out.get("spam") != "allow":
        out["spam"] = "review" if any(s.name in SPAM_CONTACT for s in spam) else "allow"
        why["spam"] = (
            "автор ищет работу, а не предлагает её" if seeking_work
            else "автор ищет мастера или помощника для себя, а не предлагает услуги"
        )  # fmt: skip
    if neighbourly and out.get("spam") not in ("review", "allow"):
        out["spam"] = "review"
        why["spam"] = (
            "частное предложение соседям (подвезу, помогу, за бензин), продажа своей вещи или совет мастера,"
            " а не реклама — решает модератор"
        )
    if invitation_only and out.get("spam") not in ("review", "allow"):
        out["spam"] = "review"
        why["spam"] = "приглашение написать в личку или контакт, но ничего не предложено — решает модератор"
    # (a floor-only hit — the accusation reader, a lexicon «@hold» pattern — is no model feature and no
    # reader's evidence: its floor holds the text, and the ceilings are the text's without it)
    hit_list = [h for h in hits if not h.floor_only]
    said_of = (
        (self_insult, "автор говорит это о себе"),
        (authority_insult, "резкая критика власти — решает модератор"),
        (thing_insult, "резкая оценка вещи или решения, а не человека — решает модератор"),
        (
            decision_insult,
            "оценка того, кто принял решение («какой дурак это придумал?», «кто придумал — идиот»), а не оскорбление собеседника — решает модератор",
        ),
        (complaint_insult, "жалоба на соседа или работника, а не оскорбление собеседника — решает модератор"),
    )
    insult_held = next((r for held, r in said_of if held), None)
    if insult_held is not None:
        out["insult"] = "review"
        why["insult"] = insult_held
    if self_insult and any(h.category == "hate" for h in hit_list):
        # «я как типичный понаехавший …»: the author names the group they are one of
        out["hate"] = "review"
        why["hate"] = "автор говорит это о себе"
    if authority_insult:
        # the only group named is the authorities, and no lexicon word or finding says hate: the
        # model's hate score («чиновники — дармоеды, гнать их всех» 0.73 on "гнать их") cannot delete it
        out["hate"] = "review"
        why["hate"] = "резкая критика власти — решает модератор"
    threats = [h for h in hit_list if h.category == "threat"]
    if (
        courteous
        and threats
        and all(h.kind == "veiled_threat" for h in threats)
        and not any(h.category in _ABUSE and h.category != "threat" for h in hit_list)
    ):
        out["threat"] = "review"
        why["threat"] = "вежливый текст без прямой угрозы — решает модератор"
    for cat, kind, reason in _HELD_KINDS:
        found = [h for h in hit_list if h.category == cat]
        if (
            cat not in out
            and found
            and all(h.kind == kind and h.strength == "review" for h in found)
            and not any(h.category in _ABUSE and h.category != cat for h in hit_list)
        ):
            # only phrases the lexicon itself holds («пожалеешь», «колёса проколю», «директор школы —
            # взяточница»): their hit feeds the model's feature of the category, which alone would take
            # them over the delete line; a moderator decides
            out[cat] = "review"
            why[cat] = reason
    if groups is not None:
        if groups.mentions and not groups.violating and not any(h.category in _ABUSE for h in hit_list):
            # («Мусульман надо уважать, как и всех»: a defence of the group is no case for a moderator)
            out["hate"] = "allow" if groups.defended else "review"
            why["hate"] = "группа лишь упомянута"
            if groups.defused:
                # «Говорить, что все X — воры, глупость»: the words of the stereotype it rejects are
                # the model's insult evidence, so a moderator reads it rather than the model deleting it
                out["insult"] = "review"
                why.setdefault("insult", "текст опровергает стереотип о группе")
        elif (
            groups.violating
            and all(f.hold for f in groups.violating)
            and not any(h.category in _ABUSE and not h.strength for h in hit_list)
        ):
            # only statements the analyser holds for a moderator ("в правительстве одни X") and no
            # abusive word: the model's hate score does not delete them
            out["hate"] = "review"
            # (the reason names what was held: a call or a likeness to beasts is no «обобщение»)
            kinds = {f.kind for f in groups.violating}
            kind = kinds.pop() if len(kinds) == 1 else "generalisation"
            why["hate"] = _HELD_GROUP_WHY.get(kind, _HELD_GROUP_WHY["generalisation"])
        if groups.reported is not None:
            for c in categories.names():
                if out.get(c) != "allow":
                    out[c] = "review"
    return out, why
