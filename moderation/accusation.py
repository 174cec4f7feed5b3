"""Defamation of a person said of them, not to them: a person named — a surname, a name and patronymic,
or a post with whatever tells who holds it («Главврач Семёнов», «директриса 14-й школы», «наш завхоз»)
— and, later in the same sentence, a crime or a vice told as a fact: «Ректор Пономарёв дипломы продаёт
студентам», «Главбух Тимофеева с мужем обналичивают через свою фирму», «Директриса 14-й школы с утра уже
под градусом», «Терапевт Алиева без конверта даже больничный не откроет».

The lexicon's defamation patterns each name one shape («@NAME_NOMN > @CRIME_ACT», five words apart);
people tell such stories with the post, the workplace and the street between the person and the deed.
Here the person and the deed are found apart and joined by the sentence: a deed that is a crime by
itself («ворует», «барыжит», «обналичивают»), or an everyday deed with what makes it one («сливает
*налево*», «тащит *домой*», «продаёт *дипломы*», «берёт *за справку*», «*на взятки* купила»), or a
state («под градусом», «на наркоте», «по пьяни»).

Held for a moderator: a complaint to the page may be true, and the moderator reads it (the decree asks
for proof, the judge cannot weigh it) — deleted only when the text offers «все знают» as the proof, as
the lexicon's accusations are (judge._vouched_accusation). Not when the sentence asks, denies («я не
говорю, что …»), supposes («если …»), quotes someone, or reports a court's or the police's word
(«задержан», «приговор»): that is news, told by those who may say it. The hit is a floor only: no model
feature counts it, so the scores are those of the text without it.
"""

from __future__ import annotations

import re

from moderation.groups import likely
from moderation.lemmatize import NAME_TAGS, parses
from moderation.lexicon import Hit, Lexicon
from moderation.normalize import QUOTED, Normalized

#: The hits' name (a floor only: ``Hit.floor_only``)
ACCUSED = "accused_person"

#: (The deeds themselves are the lexicon's sets ACCUSE_CRIME — a crime or a vice by itself, «ворует»,
#: «барыжит» — and ACCUSE_CARRY, ACCUSE_SELL, ACCUSE_TAKE: everyday deeds that what is carried off, sold or
#: taken makes one, «тащит *домой*», «продаёт *дипломы*», «*взятки* берёт»; a bribe or a state needs no
#: deed: «*на взятки* купила», «с утра *под градусом*».)
#: The circumstances, on the normalised text (words joined by single spaces); the group names the kind.
_ILLICIT = re.compile(
    r"(?<!\w)(?:(?P<carry>домой|себе (?:на|в) (?:дом|дачу|машину|карман|участок|квартиру)"
    r"|на (?:свой|свою|свое) (?:участок|дачу|дом|машину)|в (?:свой|свою) карман|в карман (?:деньги|бабки|наши|народные)|(?:деньги|бабки) в карман|по карманам|сумками|ведрами|мешками"
    # (round 31: what is carried off the workplace — «таскает лекарства из отделения»)
    r"|из (?:[а-я]+ )?(?:отделения|больницы|поликлиники|столовой|пищеблока|кассы|склада|аптечки|аптеки)|со склада)"
    r"|(?P<sell>налево|на сторону|на мясо|дипломы|справки|больничные|должности|трамадол|трамадола|трамадолом|наркоту|наркотики"
    # (round 50: «торгует спайсами из-под полы»)
    r"|наркотой|наркотиками|спайсами|спайсом|спайсы|закладками|из под полы"
    r"|просрочкой|ответами на (?:огэ|егэ)|ответы на (?:огэ|егэ)|экзамены|зачеты)"
    r"|(?P<take>взятки|взятку|откат|откаты)"
    r"|(?P<bribe>за (?:деньги|бабки|взятки|взятку|откат|откаты|конверт|конвертом|магарыч|мзду)|на (?:взятки|взятках)|откатом"
    r"|откатами|наличкой|в конверте|без конверта|на (?:откатах|откате)|в доле с|в доле у"
    # (round 32: takings kept off the till, pocketed, untaxed — «продаёт билеты мимо кассы и кладёт в карман»)
    r"|мимо кассы|(?:кладет|кладут|положил|положила|сунул|сунула) в карман|налоги не платит|не платит налоги"
    # (round 33: a diploma or a licence bought — «Зам по строительству Ахмадов диплом купил»)
    r"|(?:диплом|права) (?:купил|купила)"
    # (round 34: money pocketed, a house built on the public's money, votes bought, a sum in thousands
    # demanded — «сдаёт аттракционы и деньги себе в карман», «дом себе построил на наши деньги», «купил
    # голоса», «берёт по 20 тысяч за первый класс»)
    # (round 50: public money taken out — «Главбух Сергеева вывела из бюджета миллионы»)
    r"|(?:вывел|вывела|вывели|выводит|выводят|увел|увела|увели) (?:[а-я0-9]+ )?из (?:бюджета|казны)"
    r"|(?:деньги|бабки|бабло|все) себе в карман|себе (?:[а-я]+ )?на (?:наши|народные|бюджетные|казенные) деньги"
    r"|(?:купил|купила|купили|покупал|покупала|покупает|покупают|скупал|скупала|скупает|скупают|скупили) голоса"
    r"|голоса (?:купил|купила|покупал|покупала|покупает|скупал|скупала|скупает)"
    r"|(?:берет|берут|брал|брала|требует|требуют|требовал|требовала) (?:по )?\d+ (?:тысяч|тыс|штук|косарей)"
    # (a share with contractors, and the idiom of a thief — «с подрядчиками в доле», «тащит всё, что плохо лежит»)
    r"|с (?:подрядчиками|застройщиками|бандитами|закладчиками|барыгами|поставщиками) в доле"
    r"|(?:тащит|тащат|тащил|тащила|прет|прут|ворует|воруют|гребет|гребут) все что плохо лежит"
    # (round 40: bonuses written out to oneself, a court's decision bought, money handed out for votes, a bribe «pure
    # and simple», a licence not one's own — «сама себе премии выписывает», «купил решение суда», «раздавал по 500
    # рублей за голос», «взятка чистой воды», «ездит по чужим правам»)
    r"|(?:сама |сам )?себе премии (?:выписывает|выписывают|выписывал|выписывала|выписывали)"
    r"|(?:выписывает|выписывают|выписывал|выписывала|выписывали) себе премии"
    r"|(?:купил|купила|купили) (?:решение суда|судью|приговор|экспертизу)"
    r"|(?:раздавал|раздавала|раздавали|раздает|раздают) (?:[а-я0-9]+ ){0,3}?за (?:голос|голоса)"
    r"|(?:взятка|взятки) чистой воды|по (?:чужим|купленным) правам)"
    r"|(?P<state>под (?:градусом|кайфом|наркотой|наркотиками|мухой)|на (?:наркоте|наркоту|наркотики|таблетках"
    r"|таблетки|игле|иглу)|в запое|по пьяни|с перегаром|перегаром|не просыхает|не просыхала|не просыхал"
    # (round 50: drunk every day — «Председатель ТСЖ Гусев пьяный каждый день»)
    r"|(?:пьяный|пьяная|бухой|бухая|выпивший|выпившая) каждый день|каждый день (?:пьяный|пьяная|бухой|бухая)"
    # (… and a woman called loose — «Соседка из 12-й квартиры гулящая»)
    r"|гулящая|гулящей|гулящую"
    r"|бухой|бухая|в стельку|пьяный в хлам|пьяная в хлам|обдолбанный|обдолбанная|укуренный|укуренная"
    # (round 40: «видели … в хлам пьяного», «опять запил», «ушёл в запой»)
    r"|в хлам (?:пьяного|пьяную|пьяный|пьяная)|(?:опять|снова) запил[аи]?|ушел в запой|ушла в запой"
    # (round 32: drunk at work — «на работу пьяная ходит»)
    r"|(?:пьяный|пьяная) на (?:работу|уроки|смену|прием|дежурство|вызов)"
    r"|на (?:работу|уроки|смену|прием|дежурство|вызов) (?:пьяный|пьяная)"
    # (round 31: hands laid on children — «физрук руки распускает с девочками», «к девочкам пристаёт»)
    r"|руки распускает|распускает руки|пристает к (?:девочкам|детям|ученицам|школьницам|девушкам|старшеклассницам"
    r"|студенткам|подросткам|малолеткам|ученикам)"
    # (round 34: grass smoked — «главный врач травку курит»)
    r"|травку курит|курит травку|траву курит|курит траву|на травке))(?!\w)"
)
#: Every way into ``_ILLICIT`` holds one of its words of four letters or more as a whole word (the pattern
#: spells every form out), so a text with none of them is not scanned: most texts, one set lookup per word
_ANCHORS = frozenset(re.findall(r"[а-я]{4,}", _ILLICIT.pattern))
#: (``take``: a bribe named alone, «взятки», with a deed of taking near it: «взятки берёт», not «какие взятки»)
#: A bribe spoken of as something refused or fought («отказался от взятки», «борьба против взятки»)
_REFUSED = frozenset("от против про о об без".split())
#: The sentence says the deed is not so, or only supposes or asks it
_DOUBT = frozenset(
    "если вдруг якобы неправда клевета ложь слухи наверное может возможно разве неужели".split()
)
#: … or the author disowns the accusation («я не говорю / не утверждаю / не обвиняю, что …»)
_DISOWN = re.compile(r"(?<!\w)не (?:говорю|утверждаю|обвиняю|думаю|верю|скажу|знаю)(?!\w)")
#: A court's, the police's or the news' word: told by those who may say it
_OFFICIAL = re.compile(
    r"(?<!\w)(?:задерж\w*|осужд\w*|осуди\w*|приговор\w*|суд|суда|судом|обвиня\w*|подозрева\w*|возбужд\w*"
    r"|уголовн\w*|арестова\w*|следстви\w*|следователи|сообщает|сообщили|по данным)(?!\w)"
)
#: Words that open another clause, with a subject of its own, between the person and the deed («Мэддисон
#: из 2011, когда рандомные дяди за деньги …», «Лёша бухает, а Даша получает»)
_CLAUSE_OPENERS = frozenset("что когда который которая которое которые где пока хотя но а потому".split())
#: A person with someone else, who may do a deed together («Тимофеева с мужем обналичивают»)
_COUPLED = frozenset(("и", "с", "со"))
#: The words that point at one person beside a post («наш завхоз», «эта Кузнецова»)
#: (round 34: «главный врач» — the chief is one person)
_POINTERS = frozenset("наш наша нашего нашей этот эта этого этой главный главная".split())
#: An office or an institution named right after a post (genitive), which tells whose post it is
_OFFICES = frozenset(
    "отдела управления департамента комитета службы школы гимназии лицея больницы поликлиники садика детсада"
    " администрации водоканала архива рынка"
    # (round 50: «Директорша музея сама себе премии выписывает»)
    " музея библиотеки театра филармонии дк жэка мфц почты парка санатория стадиона суда прокуратуры тсж".split()
)
#: How far after the person the deed may be told (tokens of one sentence)
_REACH = 12


def accused_person(norm: Normalized, lexicon: Lexicon) -> Hit | None:
    """The held defamation of the first person of the text accused of a crime or a vice told as a fact,
    or None."""
    deeds_of, words = lexicon.accused_deeds, norm.words
    crimes = [] if deeds_of["crime"].isdisjoint(words) else [k for k, w in enumerate(words) if w in deeds_of["crime"]]
    illicit = (
        []
        if _ANCHORS.isdisjoint(words)
        else [span for m in _ILLICIT.finditer(norm.text) if (span := _circumstance(norm, deeds_of, m)) is not None]
    )
    labels = lexicon.crime_person_words
    nouns = [] if labels.isdisjoint(words) else [k for k, w in enumerate(words) if w in labels]
    if not crimes and not illicit and not nouns:
        return None  # (the common case: no deed, no label)
    if _OFFICIAL.search(norm.text) or _DISOWN.search(norm.text):
        return None
    sentence = norm.sentences
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(norm.original)]
    deeds = sorted(
        [(k, k) for k in crimes if not _denied(norm, k)]
        + [(k, k) for k in nouns if not _denied(norm, k) and words[k - 1 : k] != ("бывший",) and _nominative(words[k])]
        + illicit
    )
    for first, last in deeds:
        at = norm.tokens[first].start
        if any(a <= at < b for a, b in quoted):
            continue  # («"все учителя взяточники" — жена учитель …»: someone else's words)
        s = sentence[first]
        person = _person_before(norm, lexicon, first, s)
        if person is None or _doubted(norm, person, first, last, s) or not _CLAUSE_OPENERS.isdisjoint(words[person:first]):
            continue
        if first in crimes and _plural(words[first]) and _COUPLED.isdisjoint(words[person + 1 : person + 4]):
            continue  # («Жириновский раздавал водку …, воровали»: one person, and a deed of many)
        a, b = norm.tokens[person], norm.tokens[last]
        return Hit(
            "insult", ACCUSED, a.start, b.end, norm.original[a.start : b.end], None,
            "defamation_of_person", "review", floor_only=True,
        )  # fmt: skip
    return None


def _circumstance(norm: Normalized, deeds_of: dict[str, frozenset[str]], m: re.Match[str]) -> tuple[int, int] | None:
    """The tokens of a circumstance that makes a crime (``_ILLICIT``'s match ``m``): a bribe or a state as
    they are, goods carried off or sold with a finite deed of their kind in the sentence before them or
    right after («краску вёдрами домой тащит»)."""
    span = norm.token_span(m.start(), m.end())
    if span is None:
        return None
    first, last = span
    kind = m.lastgroup or ""
    if kind in ("bribe", "take") and first and norm.words[first - 1] in _REFUSED and not m.group().startswith("без"):
        return None
    if kind in ("carry", "sell", "take"):
        sentence, words = norm.sentences, norm.words
        near = [
            k for k in range(max(0, first - _REACH), min(len(words), last + 5))
            if sentence[k] == sentence[first] and words[k] in deeds_of[kind] and not _denied(norm, k)
        ]  # fmt: skip
        if not near:
            return None
    return span


def _denied(norm: Normalized, k: int) -> bool:
    """Is the word at ``k`` denied («не ворует», «не вор»)?"""
    return k > 0 and norm.words[k - 1] in ("не", "ни")


def _plural(word: str) -> bool:
    return all("plur" in p.tag for p in parses(word)[:2])


def _nominative(word: str) -> bool:
    """Is a crime's noun one person's label («… взяточник»; not «одни воры»), by pymorphy3's best two
    readings?"""
    return any("NOUN" in p.tag and "nomn" in p.tag and "sing" in p.tag for p in parses(word)[:2])


def _person_before(norm: Normalized, lexicon: Lexicon, at: int, s: int) -> int | None:
    """The first token of ``at``'s sentence, at most ``_REACH`` before it, that names one person: a
    capitalised surname, name or patronymic in the nominative (the sentence's first word only by its best
    reading: any word's capital makes it look like one), or a post in the nominative singular with a name,
    a number, a place or a pointer beside it."""
    toks, words, orig, sentence = norm.tokens, norm.words, norm.original, norm.sentences
    lo = at
    while lo > 0 and sentence[lo - 1] == s and at - lo < _REACH:
        lo -= 1
    for k in range(lo, at):
        w = words[k]
        if w in lexicon.role_person_words and _nominative_singular(w) and _pointed(norm, k):
            return k
        if orig[toks[k].start].isupper() and _named(w, k == lo):
            return k
    return None


def _nominative_singular(word: str) -> bool:
    """(A post named by a participle counts: «заведующая» is read first as «заведовать».)"""
    return any(
        ("NOUN" in p.tag or "PRTF" in p.tag or "ADJF" in p.tag) and "nomn" in p.tag and "sing" in p.tag
        for p in parses(word)[:2]
    )


def _named(word: str, first: bool) -> bool:
    """Is the word a surname, a given name or a patronymic in the nominative? By pymorphy3's best three
    readings, or — its best two all names of people — by a surname's nominative ending («Саркисов»,
    «Ефимова», read first as a name's genitive). The sentence's first word, capitalised whatever it is,
    only when its best two readings are all names."""
    ps = parses(word)[:3]
    person = [not NAME_TAGS.isdisjoint(p.tag.grammemes) for p in ps]
    if ps and first and person[0] and "Surn" in ps[0].tag and "nomn" in ps[0].tag and word.endswith(_SURNAME_ENDS):
        return True  # («Шевцов провернул схему …, жулик»: a surname first, read second as a plural noun; round 40)
    if not ps or (first and not all(person[:2])):
        return False
    return any(ok and "nomn" in p.tag for ok, p in zip(person, ps, strict=True)) or (
        all(person[:2]) and word.endswith(_SURNAME_ENDS)
    )


_SURNAME_ENDS = ("ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына", "ко", "ян")


def _pointed(norm: Normalized, k: int) -> bool:
    """Does something beside the post at ``k`` tell who holds it: a capitalised name within two words
    after, a number or a capitalised place within six («директриса 14-й школы», «из 2й поликлиники»,
    «с Октябрьской»), or «наш»/«эта» right before?"""
    toks, words, orig, sentence = norm.tokens, norm.words, norm.original, norm.sentences
    if k and words[k - 1] in _POINTERS:
        return True
    if k + 1 < len(words) and words[k + 1] in _OFFICES:
        return True  # («начальница отдела образования», «директор школы»: the one who holds the post)
    for j in range(k + 1, min(len(toks), k + 7)):
        if sentence[j] != sentence[k]:
            break
        if any(c.isdigit() for c in words[j]) or words[j] in ("№", "n") or (j - k <= 2 and likely(words[j], "Anum")):
            return True  # («директриса 14-й школы», «главврач второй поликлиники»)
        if orig[toks[j].start].isupper() and (j - k <= 2 or words[j - 1] in ("из", "с", "со", "на", "в", "у")):
            return True
    return False


def _doubted(norm: Normalized, person: int, first: int, last: int, s: int) -> bool:
    """Does the sentence ask, suppose or deny the deed: a question mark at its end, a doubt word in it,
    or «не» between the person and the deed («Иванов не брал взяток»; «без конверта … не откроет» is the
    deed itself)? ``first`` … ``last`` are the deed's tokens."""
    toks, words, orig, sentence = norm.tokens, norm.words, norm.original, norm.sentences
    end = last
    while end + 1 < len(toks) and sentence[end + 1] == s:
        end += 1
    tail = orig[toks[end].end : toks[end + 1].start if end + 1 < len(toks) else len(orig)]
    if "?" in tail:
        return True
    start = person
    while start > 0 and sentence[start - 1] == s:
        start -= 1
    if not _DOUBT.isdisjoint(words[start : end + 1]):
        return True
    between = words[person:first]  # (the deed's own «не просыхает» is the deed)
    return ("не" in between or "ни" in between) and "без" not in between
