"""The group-statement analyser: what a comment *says about* a protected group, not only which
group words it contains.

Clause 19 protects people by sex, age, race, nationality, language, religion, profession, place of
residence, work and political beliefs. A word-based model learns that the group word itself is
evidence ("армяне", "мусульмане", "пенсионеры" are frequent in hateful training texts), and so it
deletes calm comments about neighbours, holidays and clinics. This module reads the clause around
each group word and decides whether the comment

* **generalises** about the group: a plural or generic reference (все, эти, поголовно, как один)
  with a predicate of negative evaluation or criminality, or a verb of invasion ("расплодились");
* **calls to exclude or harm** it: выгнать, запретить, не пускать, «им не место», «пусть уезжают»
  in the infinitive/imperative (a call), not in the past tense (news);
* **dehumanises** it: animals, vermin, «не люди»;
* or only **mentions** it: a neighbour, a question, a calm opinion, a negation («не все …»,
  «не надо делить людей»), a defence («это стереотип»).

It also recognises **reported speech and requests to moderators** («мне написали, что…»,
«удалите комментарий, где…»): the author quotes words in order to report them.

Everything is rules over pymorphy3 tags and the lexicon's word sets (``GS.*`` in
``lexicons/groups.txt``, group words from ``hate.txt``), explained like every other signal. It runs
only on texts that contain a group word or a request to moderators (a set intersection decides), so
it costs nothing on the rest. A dependency parser was considered (natasha/slovnet) and not used:
clause windows with morphological case and mood get the cases here right at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from moderation.addressee import SECOND_PERSON, YOU_AND_YOURS
from moderation.lemmatize import PREPOSITIONS, common_lemma, is_known, lemma, parses
from moderation.lexicon import FORBID_MODALS, disowned_before, forbidden_after, not_called_by
from moderation.normalize import QUOTE_CLOSING, QUOTE_OPENING, QUOTE_PAIRS, QUOTED, Normalized, quote_open

if TYPE_CHECKING:  # pragma: no cover
    from moderation.lexicon import Lexicon

__all__ = ["Finding", "GroupStatements", "analyse"]

_EMPTY: frozenset[str] = frozenset()
_SENTENCE_END = re.compile(r"[.!?;\n…]")
_DASH = re.compile(r"[-–—]")
_DIGIT = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[,:()\"«»“”„]|\s[-–—]\s|[–—]")
#: Words that open a new clause (a predicate after them belongs to someone else).
_CLAUSE_WORDS = frozenset(
    "что чтобы который которая которые которых если когда где потому но а зато хотя".split()
)
#: Collective nouns that refer to a whole group in the singular ("молодежь", "персонал").
_COLLECTIVE = frozenset(
    "молодежь молодняк персонал коллектив народ нация нацию нации нацией этнос ворье старичье бабье зверье"
    " табор табора табору табором таборе"
    # a faith is said of all its believers («ислам — религия террористов», «христианство — зло»)
    " ислам ислама исламу исламом христианство христианства христианству христианством иудаизм иудаизма"
    " иудаизму иудаизмом православие православия православию православием католицизм католицизма"
    " буддизм буддизма протестантизм"
    # «даги» (Dagestanis), which pymorphy3 reads as a singular name
    " даги".split()
)
_PERSON_WORDS = frozenset("люди людей человек человеки".split())
#: What a group is said to be a kind of («народ воров», «религия террористов», «секта ростовщиков»)
_KIND_OF = frozenset(
    "народ нация племя религия вера секта учение идеология сборище шайка банда стадо толпа кучка сброд".split()
)
#: what a faith or a people is said to be the kind of, in the genitive: «ислам — религия насилия»,
#: «народ ненависти» (a kind of criminals is GS.EVAL in the genitive plural: «религия террористов»)
_EVIL_OF = frozenset(("насилия", "ненависти", "террора", "зла", "смерти", "войны", "вражды"))
#: people called waste only as the predicate («мигранты — это мусор»; «мигранты убирают мусор» is work)
_WASTE = frozenset(("мусор", "отброс", "отбросы", "шлак", "хлам", "помои"))
#: what a place is said to have been turned into by a group («превратили район в помойку»)
_SQUALOR = frozenset(
    "помойку свалку свинарник хлев гадюшник притон гетто клоаку бомжатник помойкой свалкой свинарником".split()
)
#: «лица … национальности», the officialese for a people
_FACES = frozenset("лицо лица лиц лицам лицами лицах".split())
#: Where people are sent to be done away with: «пора их на свалку», «стариков на мыло», «на тот свет»
_DISPOSAL = frozenset(
    "свалку помойку кладбище мыло утиль живодерню скотобойню убой костер виселицу кол".split()
)
#: Where people are shut away: «этих приезжих надо в резервацию», «всех их в гетто», «цыган в загон»
#: (not «в лагерь» or «в зоопарк»: «детей в лагерь», «школьников в зоопарк» are summer news)
_CONFINEMENT = frozenset(
    "резервацию резервации гетто концлагерь концлагеря загон стойло газенваген печь печку психушку дурдом дурку"
    " богадельню".split()
)
_SECOND_PERSON = frozenset("ты тебя тебе тобой тобою".split())
_AS_ONE = (("как", "один"), ("до", "единого"), ("до", "одного"), ("все", "до"))
#: "одни X", "сплошь X": nothing but this group (see _statement), for peoples and faiths only
_ONLY = frozenset(("одни", "сплошь", "сплошные"))
#: third-person plural pronouns: "цыган видел у рынка. Гнать их надо" speaks of the group named before
_THEY = frozenset(("они", "их", "им", "ими", "них", "ними"))
_SUCH = frozenset(("таким", "таких", "такими"))  # "таким, как цыгане, не место": the group's case is theirs
_THEIR_OR_SUCH = _SUCH | {"их"}  # before a noun: a possessive or a qualifier, not the group itself
_AT_PLACE = frozenset(("у", "возле", "около", "на", "в", "во", "под", "из"))
_CAN = frozenset(("могу", "можем", "может", "могут", "могла", "мог"))
_ONLY_OF = frozenset(("nationality", "race", "religion"))
#: people whom rules keep out of places or trades every day («не продавать алкоголь подросткам»,
#: «школьников на стройку не пускать», «таксистов на площадь не пускать») and parties that voters keep
#: out of power («либералов во власть не пускать»): refusing them is no call (refusing pensioners the
#: clinic still is)
_RULES_OF = frozenset(("profession", "work", "politics"))
#: a trade or a workplace whose service a citizen complains about (see :data:`_SERVICE_COMPLAINT`)
_SERVICE = frozenset(("profession", "work"))
#: what a trade's people are barred from when they are barred from a living («запретить им работать в медицине»)
_LIVELIHOOD = frozenset(("работать", "жить", "учиться", "лечить", "учить", "торговать", "трудиться", "находиться"))
#: words of a complaint to the page: the author asks for the service to be put right
_SERVICE_COMPLAINT = frozenset(
    "жалуемся жалуюсь жаловались жаловался жаловалась пожаловаться пожаловались жалоба жалобы жалобу жалоб"
    " примите меры разберитесь накажите толку толк обращались обращалась обращался"
    # what they did to the author's own: a grieving or wronged citizen («врачи в горбольнице — убийцы,
    # мою маму угробили»)
    " мою моего моей моему моим угробили залечили загубили довели".split()
)
#: verbs of the spread set that tell how people behave, not that they invade: said of a people they
#: are a generalisation («кавказцы обнаглели»), of a trade or an age a complaint («таксисты обнаглели,
#: цены задрали», «подростки совсем распоясались») — held like the other things an age or a trade "does"
_BEHAVE_BADLY = frozenset(
    (
        "обнаглеть",
        "распоясаться",
        "охаметь",
        "оборзеть",
        "зарваться",
        "зажраться",
        "потерять",
        "попутать",
        "вести",
        "чувствовать",
        "распуститься",
        "обуреть",
        # pymorphy3's guesses for slang forms of the same verbs («оборзели» → «оборзель»)
        "оборзель",
        "оборзесть",
        "охренель",
        "охреневший",
        "офигель",
    )
)
#: a people called a danger («несут угрозу», «— опасность»), unless it is in danger («в опасности»)
_DANGER = frozenset(("угрозу", "угроза", "опасность", "угрозой"))
_IN_DANGER = frozenset(("в", "во", "под", "от", "без"))
#: spread verbs said only of a people: «евреи везде пролезли во власть» (not «дети пролезли через забор»)
_INFILTRATE = frozenset(("пролезть", "пролазить", "пробраться", "просочиться"))
_EVERYWHERE = frozenset(("везде", "всюду", "власть", "правительство", "думу", "руководство", "верхи"))
#: (strength, hold) of a finding whose reading is sure (True: said of a people, or of all of a
#: group) or one a moderator should weigh (False: those the author saw, one family)
_SURE_OR_HELD = {True: ("delete", False), False: ("review", True)}
#: a country or a town driven out of («гнать их из страны», «вон из города»)
_LAND = frozenset(("страна", "город", "россия", "край", "регион", "республика", "пятигорск", "родина"))


#: the offices a party or a trade is driven out of by voters («всех депутатов гнать из думы»)
_OFFICE = frozenset(
    (
        "дума",
        "госдума",
        "правительство",
        "власть",
        "администрация",
        "руководство",
        "парламент",
        "мэрия",
        "министерство",
        "кабинет",
        "кресло",
        "кремль",
        "политика",
        "совет",
        "управление",
    )
)


def _name_shaped(word: str, lem: str) -> bool:
    """Could ``word`` be a plural read as a woman's name in the genitive («варвары» -> «варвара», «любы»
    -> «люба»): it ends in «ы» / «и», its lemma in «а» / «я» with the same stem? (A string test before
    :func:`common_lemma` asks pymorphy3: most words are not.)"""
    return word[-1:] in ("ы", "и") and lem[-1:] in ("а", "я") and word[:-1] == lem[:-1]


def _out_of(words: Sequence[str], j: int, places: frozenset[str]) -> bool:
    """Does «из» and one of ``places`` follow the verb at ``j`` within four words? Out of the land is
    an expulsion («гнать либералов из страны»), out of an office a dismissal («… из правительства»)."""
    return any(
        words[m] == "из" and lemma(words[m + 1]) in places for m in range(j + 1, min(len(words) - 1, j + 5))
    )


#: the premises a firm rents, which evicting it from ends a lease, not a people's home
_PREMISES = frozenset("помещение офис здание киоск павильон ларек площадь подвал".split())

#: for a trade, a workplace or a party: dismissal («уволить всех»)
_DISMISS = frozenset(("уволить", "увольнять", "разогнать", "разгонять"))
#: driving out, dismissal too when said of some of a trade or a party («этих строителей надо гнать, руки из
#: одного места», «гнать либералов из правительства»), not of all of them («всех медсестёр гнать»)
_DRIVE_OUT = frozenset(("гнать", "выгнать", "выгонять", "прогнать"))
#: what a worker or a firm may lawfully lose («лишить премии», «лишить лицензии»; not «лишить гражданства»)
_WORK_PERKS = frozenset(
    "премия лицензия место должность надбавка категория аккредитация допуск разряд бонус".split()
)


def _dismissed(words: Sequence[str], same_sentence: list[int], j: int) -> bool:
    """Is the verb of exclusion at ``j``, said of a trade, a workplace or a party, their dismissal?"""
    verb = lemma(words[j])
    if verb in _DISMISS:
        return True
    if verb in ("лишить", "лишать") and any(lemma(w) in _WORK_PERKS for w in words[j + 1 : j + 4]):
        return True  # «сантехников из управляйки лишить премии», «… лишить места» (round 27: deleted)
    if verb in ("выселить", "выселять") and any(
        words[m] == "из" and any(lemma(w) in _PREMISES for w in words[m + 1 : m + 3])
        for m in range(j + 1, min(len(words) - 1, j + 5))
    ):
        return True  # a firm's lease ended («выселить из муниципального помещения этих риелторов»; round 37: deleted)
    if verb not in _DRIVE_OUT or _out_of(words, j, _LAND):
        return False
    # out of an office, all of them too («всех единороссов гнать из думы» is what voters say)
    return _out_of(words, j, _OFFICE) or not any(words[k] in ("всех", "поголовно") for k in same_sentence)


#: «нормальных X не бывает»: the decent ones denied
_DECENT = frozenset(
    "нормальных хороших честных порядочных адекватных нормальные хорошие честные порядочные"
    # («мирных мусульман не бывает, бывают затаившиеся», «трезвых цыган не бывает»)
    " мирных мирные трезвых умных".split()
)
#: Set phrases that work as one cue word (by lemma, in order; the cue sits on the word at ``head``):
#: «из ума выжили» is an evaluation, «держать в узде», «поставить на место» a call to subdue
_IDIOMS: dict[str, tuple[tuple[tuple[str, ...], int, str], ...]] = {
    "из": ((("из", "ум", "выжить"), 2, "GS.EVAL"),),
    "выжить": ((("выжить", "из", "ум"), 0, "GS.EVAL"),),
    "держать": (
        (("держать", "в", "узда"), 0, "GS.EXCLUDE"),
        (("держать", "в", "ежовый", "рукавица"), 0, "GS.EXCLUDE"),
    ),
    "поставить": ((("поставить", "на", "место"), 0, "GS.EXCLUDE"),),
    "ставить": ((("ставить", "на", "место"), 0, "GS.EXCLUDE"),),  # round 37: «надо было вовремя ставить на место …»
    # «пусть армяне знают своё место», «мигранты должны знать своё место»: a group kept beneath the rest
    "знать": ((("знать", "свой", "место"), 0, "GS.EVAL"),),
    # «пора закрыть въезд для азиатов», «закрыть границу для мигрантов»: a people kept out
    "закрыть": ((("закрыть", "въезд"), 0, "GS.EXCLUDE"), (("закрыть", "граница"), 0, "GS.EXCLUDE")),
    # «даги страх потеряли», «совсем берега попутали»: how people behave, like «обнаглели»
    "страх": ((("страх", "потерять"), 1, "GS.SPREAD"),),
    "берег": ((("берег", "попутать"), 1, "GS.SPREAD"),),
    "потерять": ((("потерять", "страх"), 0, "GS.SPREAD"), (("потерять", "всякий", "страх"), 0, "GS.SPREAD")),
    "попутать": ((("попутать", "берег"), 0, "GS.SPREAD"),),
    # «русские пьют не просыхая»; «водители трамваев все пьют на смене», «пьют на работе», «за рулём»
    "пить": (
        (("пить", "поголовно"), 0, "GS.EVAL"),
        (("пить", "не", "просыхать"), 0, "GS.EVAL"),
        (("пить", "на", "смена"), 0, "GS.EVAL"),
        (("пить", "на", "работа"), 0, "GS.EVAL"),
        (("пить", "за", "руль"), 0, "GS.EVAL"),
    ),
    # «женщины — существа второго сорта», «люди второго сорта»: second-rate, like «второсортный»
    "второй": ((("второй", "сорт"), 0, "GS.EVAL"),),
    # round 33: «кавказцы все одним миром мазаны» (all alike, and all bad)
    "один": ((("один", "мир", "мазать"), 1, "GS.EVAL"), (("один", "мир", "мазаный"), 1, "GS.EVAL")),
    # «пенсионеры — отработанный материал»: people as waste; «мусульмане — бомба замедленного действия»:
    # a people as a danger waiting to go off, like «это беда»
    "отработать": ((("отработанный", "материал"), 0, "GS.EVAL"),),
    "бомба": ((("бомба", "замедленного", "действие"), 0, "GS.PROBLEM"),),
    "себя": ((("себя", "взрывать"), 1, "GS.EVAL"),),  # «мусульмане сами себя взрывают» (not «петарды»)
    # «гаишники только и знают, что взятки брать», «врачи берут взятки»: bribe-taking, like «взяточники»
    "брать": ((("брать", "взятка"), 0, "GS.EVAL"),),
    # «все выпускники меда дипломы купили»: a bought diploma, like «неуч»
    "диплом": ((("диплом", "купить"), 1, "GS.EVAL"),),
    "купить": ((("купить", "диплом"), 0, "GS.EVAL"),),
    "купленный": ((("купленный", "диплом"), 0, "GS.EVAL"),),  # «все с купленными дипломами»
    # «мусульмане своих жён бьют», «кавказцы бьют жён»: beating wives said of a people (the verb is the head)
    "бить": ((("бить", "жена"), 0, "GS.EVAL"), (("бить", "свой", "жена"), 0, "GS.EVAL")),
    # «бабы только и думают, как мужика на деньги развести»: swindling, like «обманывают»
    "развести": ((("развести", "на", "деньги"), 0, "GS.EVAL"), (("развести", "на", "бабки"), 0, "GS.EVAL")),
    "разводить": (
        (("разводить", "на", "деньги"), 0, "GS.EVAL"),
        (("разводить", "на", "бабки"), 0, "GS.EVAL"),
        (("разводить", "грязь"), 0, "GS.EVAL"),
        (("разводить", "антисанитария"), 0, "GS.EVAL"),
    ),
    # round 39: «соседи из Средней Азии грязь разводят»: filth bred, like «грязнули»
    "грязь": ((("грязь", "разводить"), 1, "GS.EVAL"), (("грязь", "развести"), 1, "GS.EVAL")),
    "антисанитария": ((("антисанитария", "разводить"), 1, "GS.EVAL"),),
    "на": tuple(
        (("на", money, verb), 2, "GS.EVAL")
        for money in ("деньги", "бабки")
        for verb in ("развести", "разводить")
    ),
    "жена": ((("жена", "бить"), 1, "GS.EVAL"),),
    # «цыгане торгуют наркотой»: drug dealing, like «наркоторговцы»
    "торговать": ((("торговать", "наркота"), 0, "GS.EVAL"), (("торговать", "наркотик"), 0, "GS.EVAL")),
    "наркотик": ((("наркотик", "торговать"), 1, "GS.EVAL"),),  # («только наркотиками торгуют»)
    "наркота": ((("наркота", "торговать"), 1, "GS.EVAL"),),
    # «старики своё пожили»: a whole age told its life is over, like «зажились»
    "свой": ((("свой", "пожить"), 1, "GS.EVAL"), (("свой", "отжить"), 1, "GS.EVAL")),
    "пожить": ((("пожить", "свой"), 0, "GS.EVAL"),),
    "отжить": ((("отжить", "свой"), 0, "GS.EVAL"),),
    # «пенсионеры живут за наш счёт», «мигранты сидят у нас на шее»: freeloading, like «нахлебники»
    "жить": (
        (("жить", "за", "наш", "счет"), 0, "GS.EVAL"),
        (("жить", "за", "счет", "налогоплательщик"), 0, "GS.EVAL"),
        (("жить", "на", "наш", "налог"), 0, "GS.EVAL"),
    ),
    "сидеть": (
        (("сидеть", "на", "шея"), 0, "GS.EVAL"),
        (("сидеть", "на", "наш", "шея"), 0, "GS.EVAL"),
        (("сидеть", "у", "мы", "на", "шея"), 0, "GS.EVAL"),
    ),
    # «казаки должны навести порядок с этими кавказцами»: order to be made with a people, like «разобраться»
    "навести": ((("навести", "порядок"), 0, "GS.DEAL_WITH_SOFT"),),
    # «либералы — враги народа»: the old label of the purges, like «предатели»
    "враг": ((("враг", "народ"), 0, "GS.EVAL"),),
    # «мигранты скоро нас вытеснят из собственного города»: «us» pushed out, like «заполонили»
    "вытеснить": ((("вытеснить", "мы"), 0, "GS.SPREAD"),),
    "вытеснять": ((("вытеснять", "мы"), 0, "GS.SPREAD"),),
    "выдавить": ((("выдавить", "мы"), 0, "GS.SPREAD"),),
    # «нас заменяют приезжими», «коренных замещают мигрантами»: the trope of a people replaced by another
    "заменять": ((("заменять", "мы"), 0, "GS.SPREAD"),),
    "заменить": ((("заменить", "мы"), 0, "GS.SPREAD"),),
    "замещать": ((("замещать", "мы"), 0, "GS.SPREAD"),),
    "мы": (
        (("мы", "вытеснить"), 1, "GS.SPREAD"),
        (("мы", "вытеснять"), 1, "GS.SPREAD"),
        (("мы", "выдавить"), 1, "GS.SPREAD"),
        (("мы", "заменять"), 1, "GS.SPREAD"),
        (("мы", "заменить"), 1, "GS.SPREAD"),
        (("мы", "замещать"), 1, "GS.SPREAD"),
    ),
    # «либералы — пятая колонна»: the enemy within, the same label
    "пятый": ((("пятый", "колонна"), 0, "GS.EVAL"),),
    # «кавказцы у нас хозяйничают как у себя дома»: lording it over the town, like «ведут себя как хозяева»
    "хозяйничать": (
        (("хозяйничать", "как", "у", "себя", "дома"), 0, "GS.SPREAD"),
        (("хозяйничать", "как", "дома"), 0, "GS.SPREAD"),
    ),
    # «верующие — люди с промытыми мозгами»: brainwashed, like «зомбированные»
    "промыть": ((("промыть", "мозг"), 1, "GS.EVAL"),),
    # «обходите стороной этих мусульман»: a people to be shunned, like «не пускать»
    "обходить": ((("обходить", "сторона"), 0, "GS.EXCLUDE"),),
    "сторона": ((("сторона", "обходить"), 1, "GS.EXCLUDE"),),
    "взятка": ((("взятка", "брать"), 1, "GS.EVAL"),),
    # «феминистки — больные на голову», «больные на всю голову»: called mad, like «психи»
    "больной": (
        (("больной", "на", "голова"), 0, "GS.EVAL"),
        (("больной", "на", "весь", "голова"), 0, "GS.EVAL"),
    ),
    # «приезжие ведут себя как хозяева», «чувствуют себя тут хозяевами»: newcomers said to lord it over
    # the town, like «обнаглели»
    "вести": (
        (("вести", "себя", "как", "хозяин"), 0, "GS.SPREAD"),
        (("вести", "себя", "как", "у", "себя", "дома"), 0, "GS.SPREAD"),
        (("вести", "себя", "как", "дома"), 0, "GS.SPREAD"),
    ),
    # («как хозяева себя ведут»: the comparison first)
    "как": (
        (("как", "хозяин", "себя", "вести"), 3, "GS.SPREAD"),
        (("как", "хозяин", "себя", "чувствовать"), 3, "GS.SPREAD"),
    ),
    "чувствовать": (
        (("чувствовать", "себя", "хозяин"), 0, "GS.SPREAD"),
        (("чувствовать", "себя", "тут", "хозяин"), 0, "GS.SPREAD"),
        (("чувствовать", "себя", "здесь", "хозяин"), 0, "GS.SPREAD"),
    ),
}
#: what a people is said to rule or own, all of it («евреи правят миром», «армяне скупили весь центр»):
#: a world or a country, or «весь …» — for the verbs that also tell of a business (держать, скупать,
#: контролировать) «весь» of a city, a market, a trade (:data:`_DOMAIN`), not «весь ресторан в чистоте»
_WORLD = frozenset(
    "мир мира миром миру страна страной страну страны планета планетой планету государство государством"
    " полгорода полстраны полрынка"
    # («евреи контролируют банки и СМИ»: the money and the press, the other half of the trope)
    " банки банками сми медиа финансы финансами прессу прессой".split()
)
_ALL = frozenset("весь всю вся всей всё все всем всеми".split())
_DOMAIN = frozenset(
    "город район центр рынок торговля бизнес власть экономика земля недвижимость край регион курорт участок квартира"
    " магазин предприятие должность".split()
)
#: ruling verbs whose «… миром», «… всем» is the conspiracy trope itself; the others (держать, скупать,
#: контролировать) also tell of a business or a market: held for a moderator
_RULE_THE_WORLD = frozenset(("править", "заправлять", "хозяйничать"))
#: owning verbs that say the owning was a grab: «всё захапали» needs no market after it to be the trope
#: (held like the other owning verbs: «скупили всё» is told of shoppers too)
_GRAB = frozenset(("захапать", "хапать", "прихватизировать", "оттяпать", "подгрести"))
_MINORS = frozenset(("подросток", "школьник", "школьница", "ребёнок", "ребенок", "дети", "несовершеннолетний",
                     "малолетний", "малолетка", "малыш"))  # fmt: skip
_BEFORE = 3  # tokens before a group word where its quantifier stands ("все эти армяне")
_WINDOW = 8  # tokens around a group word where its predicate stands
_REACH = 16  # tokens around a group word or a request the analyser reads at all


@dataclass(frozen=True, slots=True)
class Finding:
    """One statement about a group, with judged-view token offsets ``start``/``end``.

    ``strength`` is the band the finding reaches by itself: ``review`` or ``delete``.
    """

    kind: str  # generalisation | call_to_exclude | dehumanising | reported_speech
    attribute: str | None
    start: int
    end: int
    strength: str
    cue: str  # the words that decided, for the explanation
    #: a statement for a moderator to weigh whatever the model scores ("одни X": nothing but this
    #: people somewhere), see :func:`moderation.policy.ceilings`
    hold: bool = False


@dataclass(slots=True)
class GroupStatements:
    """What the analyser found in one text."""

    mentions: list[tuple[int, str]] = field(default_factory=list)  # (token index, attribute)
    #: mentions a statement could be about: not officials, not in a question, a defence or a negation
    asserted: list[tuple[int, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    reported: Finding | None = None  # reported speech or a request to moderators
    defended: bool = False  # a negation or defence of a group ("не все …", "это стереотип")
    addressed: bool = False  # the author addresses someone as "ты" (not a report then)
    #: judged-view character spans of sentences that negate or reject a statement about a group
    #: ("не все X такие", "говорить, что все X воры, — стереотип"): lexicon patterns that found a
    #: generalisation inside them defer to this reading (see :func:`moderation.features.prepare`)
    defused: list[tuple[int, int]] = field(default_factory=list)

    @property
    def violating(self) -> list[Finding]:
        return [f for f in self.findings if f.kind != "reported_speech"]


def analyse(
    norm: Normalized, lexicon: Lexicon, lemmas: list[str] | None = None, names: set[int] | None = None
) -> GroupStatements | None:
    """Group statements in a normalised text; None when it names no group and asks no moderator.

    ``lemmas`` (one per token, as :func:`moderation.features.prepare` has them) find the cue words
    listed by lemma; without them each word is lemmatised here. ``names`` are the tokens of people's
    names («депутат Хохлов»): no group word there names a group.
    """
    toks = norm.tokens
    if not toks:
        return None
    words = norm.words
    present = set(words)
    if (respelt := _respelt(norm, present, lexicon, lemmas)) is not None:
        # «Я считаю что жензин … необходимо прессовать»: the group a slip of the hand names is read
        norm, lemmas = respelt
        toks, words = norm.tokens, norm.words
        present = set(words)
    group_words = lexicon.group_words
    cues = lexicon.cues
    # three C-level set intersections decide for the ~80 % of comments that name no group
    found = present.intersection(lexicon.group_word_set)
    adjectives = present.intersection(lexicon.group_adjective_set)
    maybe_asks = bool(present.intersection(lexicon.request_word_set))
    origins = (
        _origins(words, lexicon)
        if not present.isdisjoint(_ORIGIN_PEOPLE) and not present.isdisjoint(_FROM)
        else {}
    )
    if "гор" in present:
        origins = {**origins, **_from_the_mountains(words)}
    if not present.isdisjoint(_KIN) and not present.isdisjoint(_KIN_OF):
        origins = {**origins, **_kin(words)}
    # «кто ходит в мечеть, тот …», «кто родом с Кавказа, те …»: a people defined by a relative clause (a
    # place of worship or of origin may be all that names it; «кто … тот» is rare enough to read whole)
    whoever = "кто" in present and (
        not present.isdisjoint(_THEN) or _SPACED_DASH.search(norm.original) is not None
    )
    # «в Ессентуках все хамы», «Железноводск — город алкашей»: a town's people, named by the town
    townsfolk = not present.isdisjoint(_TOWN_SAID) and not present.isdisjoint(_TOWN_NAMED)
    if not found and not adjectives and not maybe_asks and not origins and not whoever and not townsfolk:
        return None
    # Only the tokens near a group word or a request are read (a long rant costs its neighbourhoods).
    n = len(words)
    at_groups = [i for i, w in enumerate(words) if (w in found or i in origins) and (not names or i not in names)]
    at_adjectives = [i for i, w in enumerate(words) if w in adjectives] if adjectives else []
    at_requests = [i for i, w in enumerate(words) if w in lexicon.request_word_set] if maybe_asks else []
    marks = set()
    for i in at_groups + at_adjectives + at_requests:
        marks.update(range(max(0, i - _REACH), min(n, i + _REACH + 1)))
    region = sorted(marks)
    cue = [_EMPTY] * n
    cue_lemmas = lexicon.cue_lemmas
    for k in region:
        w = words[k]
        by_form = cues.get(w, _EMPTY)
        lem = _lemma_at(words, lemmas, k)
        by_lemma = cue_lemmas.get(lem, _EMPTY)
        if not by_form and not by_lemma and _name_shaped(w, lem) and (common := common_lemma(w)) is not None:
            by_lemma = cue_lemmas.get(common, _EMPTY)  # «мигранты — варвары»: not «Варвара»
        cue[k] = by_form | by_lemma if by_form and by_lemma else by_form or by_lemma
    _mark_idioms(words, lemmas, region, cue)
    sent, clause, question = _structure(norm, words, region, frozenset(at_groups))
    asks_at = _request_to_moderators(words, cue, sent, region) if maybe_asks else None
    attribute_at = {i: origins.get(i) or group_words[words[i]] for i in at_groups}
    for i in [i for i, w in enumerate(words[:-1]) if w.startswith("местн") and i in attribute_at]:
        if (
            "GS.EVAL" in cue[i + 1]
            and _has(words[i + 1], "NOUN", "plur")
            and norm.original[toks[i].end : toks[i + 1].start] == " "
        ):
            # «местные алкаши опять орали во дворе» (round 33: deleted with a ban): the adjective says where
            # the drunks are from — the people named are the drunks of the yard, not the locals («Местные —
            # алкаши» still names them)
            del attribute_at[i]
    for i in at_adjectives:
        ref = _adjective_reference(words, cue, sent, clause, i, lexicon.group_adjectives[words[i]])
        if ref is not None and (ref[0] not in attribute_at or "GS.PEOPLE" in cue[ref[0]]):
            attribute_at[ref[0]] = ref[1]  # "кавказские мужчины": the adjective says which group
    said_of_whoever = _whoever_is(norm, words, lemmas, lexicon) if whoever else None
    if said_of_whoever is None and townsfolk:
        said_of_whoever = _town_is(norm, words, lemmas, lexicon)
    if not attribute_at and asks_at is None and said_of_whoever is None and not (
        # («это их цыганская природа»: a people's adjective on its nature, no people noun; see _their_nature)
        at_adjectives and any(words[k] in _ESSENCE or _lemma_at(words, lemmas, k) in _ESSENCE for k in region)
    ):
        return None
    out = GroupStatements()
    # "ты" said before any report verb: the author addresses someone (a "ты" inside a quote does not count)
    first_report = next((k for k in region if "GS.REPORT" in cue[k] and _reports(words, k)), n)
    you = [k for k in range(first_report) if words[k] in _SECOND_PERSON]
    if you and (quoted := _quoted_spans(norm)):
        # («удалите коммент [id1|Заура] выше, там угроза «найдём тебя и всю семейку»»: the quoted «тебя»
        # is the threat's, not the author's — round 28: deleted)
        you = [k for k in you if not any(a < toks[k].start < b for a, b in quoted)]
    out.addressed = bool(you)
    by_sentence: dict[int, list[int]] = {}
    for k in region:
        by_sentence.setdefault(sent[k], []).append(k)
    group_sents = {sent[k] for k in attribute_at}
    #: where each defended sentence defends (-1: the next sentence rejects what it says)
    defence_at: dict[int, int] = {}
    for x in group_sents:
        at = _defence_at(words, cue, by_sentence[x], norm)
        if at is None and (_rejected_next(words, cue, by_sentence, x) or _nonsense_after_dash(norm, sent, x)):
            at = -1
        if at is not None:
            defence_at[x] = at
    defended_sents = set(defence_at)
    out.defended = bool(defended_sents)
    defused_sents = set(defended_sents)

    referents = _pronoun_referents(words, cue, sent, region, attribute_at)
    if not present.isdisjoint(_YOU_ALL):
        referents = {**_you_the_group(norm, cue, sent, region, attribute_at), **referents}
    for i in sorted(attribute_at.keys() | referents.keys()):
        antecedent = referents.get(i)
        attribute = attribute_at[i] if antecedent is None else attribute_at[antecedent]
        if antecedent is None:
            out.mentions.append((i, attribute))
            if (denial := _no_good_one(norm, words, cue, sent, i, attribute)) is not None:
                if denial.cue.startswith("среди") and sent[i] in defended_sents:
                    continue  # «я не считаю, что среди мигрантов нет нормальных»: the belief denied
                out.findings.append(denial)
                continue
        s = sent[i]
        if s not in group_sents and s not in defended_sents and _defends(words, cue, by_sentence[s]):
            defended_sents.add(s)  # a pronoun's own sentence defends them: «их надо уважать»
        # «армяне нормальные люди, а вот цыгане все воры»: the defence before «а вот», «но» covers not the
        # group named after it (round 27: let through)
        shielded = s in defended_sents and not _contrast_between(words, defence_at.get(s, -1), i)
        if "GS.OFFICIALS" not in cue[i] and not shielded:
            # «Когда уже выгонят всех этих цыган?», «Зачем нам столько армян? Пусть возвращаются к
            # себе»: a call put as a question, or made in the next sentence without naming them again
            call = None
            if antecedent is None:
                call = (
                    _rhetorical_call(norm, words, cue, by_sentence[s], i, attribute) if question[s] else None
                )
                if call is None or call.kind != "call_to_exclude":  # the call made next says more
                    call = _told_to_leave_next(norm, words, cue, sent, i, attribute) or call
                if call is None:
                    call = _named_beasts_next(norm, words, cue, sent, i, attribute)
            if call is None and question[s] and _reported_before(norm, words, lemmas, cue, sent, i):
                # «Это вы пишете, что женщины тупые? Как не стыдно»: someone's words asked about
                call = Finding(
                    "reported_speech", attribute, toks[i].start, toks[i].end, "review", "пересказ в вопросе"
                )
            if call is not None:
                out.findings.append(call)
                continue
        if question[s] and any(
            words[k] in _YOUR_BELIEF
            and ("что" in words[k + 1 : k + 3] or not _YOU_NOM.isdisjoint(words[max(0, k - 2) : k]))
            for k in by_sentence[s]
            if k < i
        ):
            # «Олег, ты серьёзно считаешь, что все мусульмане террористы?»: the addressee's belief asked about
            # to doubt it — the statement in it is nobody's, for the lexicon's patterns too (round 38)
            defused_sents.add(s)
            continue
        if (
            "GS.OFFICIALS" in cue[i]
            or (question[s] and not _said_then_asked(words, clause, by_sentence[s], i))
            or shielded
        ):
            continue  # criticism of the authorities, a question, or a defence: a mention
        if antecedent is None and attribute not in _ONLY_OF and _one_person(words, sent, i):
            continue  # «этого водителя уволить и лишить прав»: one person pointed at, not a group
        if _counted(words, sent, i if antecedent is None else antecedent):
            continue  # «трое цыган обманули продавца», «двое рабочих не справятся»: some people, counted
        if antecedent is None and i > 0 and words[i - 1].startswith(_UNLAWFUL) and sent[i - 1] == s:
            # «нелегальных мигрантов надо депортировать по закону»: those the law itself sends away, not
            # the people — the analyser's reading wins over the lexicon's expulsion pattern
            defused_sents.add(s)
            continue
        if i > 1 and words[i - 1] == "не" and words[i - 2] in _YOU_NOM:
            continue  # «Ты не журналист, а шавка»: a role denied to the addressee, no stereotype rejected
        if antecedent is None and _we_all_are(words, sent, i):
            defused_sents.add(s)
            continue  # «давайте не ссориться, мы все пятигорчане, у нас … одни беды»: the author's own people, as one
        if _negated_quantifier(words, cue, i):
            defused_sents.add(s)
            continue  # "не все таджики такие"
        if disowned_before(words, sent, i):
            defused_sents.add(s)
            continue  # «я не писала, что все продавцы обманывают»: a statement its author disowns
        reported = _reported_before(norm, words, lemmas, cue, sent, i)
        if (
            attribute == "sex"
            and antecedent is None
            and not reported
            and (k := _her_place(words, sent, i)) is not None
        ):
            # «Женщина должна знать своё место», «баба должна молчать»: a sex told its place, said of
            # one as of all (a generic singular); «женщина должна сидеть дома» is a view a moderator reads
            home = words[k] == "дома"
            out.findings.append(
                Finding(
                    "generalisation",
                    attribute,
                    toks[i].start,
                    toks[k].end,
                    "review" if home else "delete",
                    f"{words[i]} {words[i + 1]} … {words[k]}",
                    home,
                )
            )
            continue
        if antecedent is None and not reported and _generic(words, cue, sent, i):
            out.asserted.append((i, attribute))
        finding = _statement(norm, words, cue, sent, clause, i, attribute, group_words)
        if finding is None and antecedent is None and "как" in words[max(0, i - 6) : i]:
            finding = _like_all(norm, words, cue, sent, clause, i, attribute)
        if finding is None and antecedent is None:
            finding = _typical_of(norm, words, cue, sent, i, attribute)
        if finding is None and antecedent is None and "не" in words[i + 1 : i + 4]:
            finding = _not_this_but(norm, words, cue, sent, i, attribute)
        set_against = False
        if finding is None and antecedent is None and i > 0 and words[i - 1] == "есть":
            finding = _set_against_people(norm, words, sent, i, attribute)
            set_against = finding is not None  # (its «есть» is no «some of them»)
        if (
            finding is None
            and attribute in _ALIKE_OF
            and (k := _all_alike(words, sent, clause, i)) is not None
            and not any(a < toks[i].start < b for a, b in _quoted_spans(norm))
        ):
            # «Мусульмане все такие, когда их много», «цыгане все одинаковые»: the people declared all of a
            # kind, the kind being what the thread said of them — a moderator reads the thread (not a
            # quoted label: «давайте без „все ессентучане такие“»; the model may still delete)
            a, b = min(i, k), max(i, k)
            finding = Finding("generalisation", attribute, toks[a].start, toks[b].end, "review", f"все {words[k]}")
        if finding is None:
            continue
        if (
            finding.kind == "generalisation"
            and words[i] in lexicon.neutral_group_words
            and _listed_beside(norm, words, i, finding)
        ):
            # «Сотрудники, зеки, время», «в колонии сидят все: врачи, учителя, воры»: a list says nothing
            # of its items (a lexicon pattern's generalisation in the sentence defers to this reading)
            defused_sents.add(s)
            continue
        if antecedent is not None:  # the explanation names who «они» are
            finding = replace(finding, cue=f"{finding.cue} («{words[i]}» — {words[antecedent]})")
        if not finding.hold and not set_against and (part := _only_some(norm, words, sent, i)):
            # «Те приезжие, что гадят в подъезде, пусть убираются», «часть цыган ворует, но не все»,
            # «все таксисты, с которыми я ездил, хамы»: said of some of them — those a relative clause
            # picks out, or a part — a moderator reads it
            finding = replace(finding, strength="review", cue=f"{finding.cue} ({part})", hold=True)
            # (a lexicon pattern's «таксисты хамы» in the sentence reads all of them: it defers to this reading)
            defused_sents.add(s)
        if finding.kind == "dehumanising" and _ours(words, sent, i):
            # «наши футболисты просто звери сегодня»: a beast said of the author's own people is as
            # often praise as abuse — a moderator decides (the lexicon's pattern for it stands down)
            finding = replace(finding, strength="review", cue=f"{finding.cue} (о «наших»)", hold=True)
            defused_sents.add(s)
        if (
            reported
            or _in_reported_quote(norm, words, cue, sent, finding.end)
            or _quoted_then_answered(norm, finding)
        ):
            finding = Finding(
                "reported_speech", attribute, finding.start, finding.end, "review", f"пересказ: {finding.cue}"
            )
        out.findings.append(finding)
    if said_of_whoever is not None and not any(
        f.start < said_of_whoever.end and said_of_whoever.start < f.end for f in out.findings
    ):
        out.findings.append(said_of_whoever)
    if not out.findings and (
        nature := _their_nature(norm, words, lemmas, cue, sent, out.mentions, lexicon, defended_sents)
    ):
        out.findings.append(nature)
    for x in defused_sents:
        idx = by_sentence[x]
        out.defused.append((toks[idx[0]].start, toks[idx[-1]].end))

    if asks_at is not None and not out.addressed:
        j = asks_at
        t = toks[j]
        what = "жалоба на удаление" if "GS.CENSORED" in cue[j] else "обращение к модераторам"
        out.reported = Finding("reported_speech", None, t.start, t.end, "review", f"{what}: {words[j]}")
    elif not out.addressed:
        out.reported = next((f for f in out.findings if f.kind == "reported_speech"), None)
    return out


#: what a people is said to be at heart, by lemma («это их суть», «их менталитет», «цыганская природа»)
_ESSENCE = frozenset("суть природа натура менталитет сущность порода".split())
#: … said to be past changing («их менталитет не изменить»)
_UNCHANGEABLE = frozenset("изменить переделать исправить перевоспитать переучить".split())
_THEIR = frozenset(("их", "ихний", "ихняя", "ихнее", "ихние"))


def _their_nature(
    norm: Normalized,
    words: Sequence[str],
    lemmas: list[str] | None,
    cue: list[frozenset[str]],
    sent: list[int],
    mentions: list[tuple[int, str]],
    lexicon: Lexicon,
    defended: set[int],
) -> Finding | None:
    """«Обмануть — это их цыганская природа», «дай палец — руку откусят, это их суть, у всех азиатов так»,
    «их менталитет не изменить, все они воры»: a people's nature («их суть», «их менталитет», «цыганская
    природа») named in a sentence that says something bad of them (an evaluation, a trouble, a vice), that
    says it of all of them, or calls it past changing — the essentialist's generalisation, made without
    the group word as its subject. Only of a people, a race or a faith the text names (or the adjective
    before the nature names); held for a moderator (round 39: «у них менталитет другой, семья на первом
    месте» praises and is not read)."""
    if _ESSENCE.isdisjoint(words) and lemmas is not None and _ESSENCE.isdisjoint(lemmas):
        return None  # (one C-level test rules out nearly every text)
    named = next((a for _, a in mentions if a in _ONLY_OF), None)
    toks = norm.tokens
    n = len(words)
    for k in range(1, n):
        lem = _lemma_at(words, lemmas, k)
        if (lem not in _ESSENCE and words[k] not in _ESSENCE) or sent[k] in defended:  # («суть» reads «быть»)
            continue
        sentence = [m for m in range(n) if sent[m] == sent[k]]
        if _defends(words, cue, sentence):
            continue  # («не надо говорить, что обман — их цыганская природа»)
        same = [m for m in sentence if m != k]
        before = words[k - 1]
        attribute = lexicon.group_adjectives.get(before) if before not in _THEIR else named
        if attribute is None and k > 1 and words[k - 2] in _THEIR:
            attribute = lexicon.group_adjectives.get(before) or named
        if attribute not in _ONLY_OF:
            continue
        bad = any(
            ("GS.EVAL" in cue[m] or "GS.PROBLEM" in cue[m] or _lemma_at(words, lemmas, m) in _VICES)
            and (m == 0 or words[m - 1] != "не")
            for m in same
        )
        every = any(words[m] in ("все", "всех") and any(i == m + 1 for i, _ in mentions) for m in same)
        fixed = any(
            _lemma_at(words, lemmas, m) in _UNCHANGEABLE and m > 0 and words[m - 1] == "не" for m in same
        )
        if bad or every or fixed:
            first = k - 2 if before not in _THEIR and k > 1 and words[k - 2] in _THEIR else k - 1  # («их цыганская …»)
            return Finding(
                "generalisation", attribute, toks[first].start, toks[k].end, "review", f"{words[first]} … {words[k]}", True
            )
    return None


#: the addressee's belief («ты считаешь, что …?», «вы правда думаете, что …?»)
_YOUR_BELIEF = frozenset("считаешь считаете думаешь думаете веришь верите полагаешь полагаете".split())


#: «кто говорит на украинском, тот враг»: an enemy, said of whoever a group's mark defines
_ENEMY = frozenset(("враг", "чужой", "чужак"))
#: the correlative of «кто … — тот …»
_THEN = frozenset(("тот", "те", "такой", "такие"))
#: the prepositions after which a group's word says who the «кто» is: «ходит в мечеть», «говорит на
#: армянском», «родом из Дагестана», «с Кавказа» (not «против мигрантов», «обижает мусульман»: a defender)
_DEFINING = frozenset(("в", "во", "на", "из", "с", "со", "у", "среди"))
#: a demonstrative between such a preposition and its noun («в эту мечеть», «из того аула»), by form
_POINTING = frozenset("этот эта это эту этой этом этого эти этих тот та ту той том того те тех".split())


def _whoever_is(
    norm: Normalized, words: Sequence[str], lemmas: list[str] | None, lexicon: Lexicon
) -> Finding | None:
    """«Кто ходит в мечеть, тот террорист», «кто говорит на украинском — тот враг», «кто голосует за
    коммунистов, тот предатель»: whoever a faith's place, a people's tongue, a place of origin or a party
    defines, said to be something evaluative (GS.EVAL) right after «тот»/«те» — a generalisation of the
    group; None otherwise («кто ходит в церковь, тот знает батюшку», «…, тот не террорист», a question,
    «кто обижает мусульман, тот преступник» — the group the one wronged)."""
    toks = norm.tokens
    sentence = norm.sentences
    n = len(words)
    cues, cue_lemmas = lexicon.cues, lexicon.cue_lemmas
    for k, w in enumerate(words):
        if w != "кто":
            continue
        then = next(
            (m for m in range(k + 2, min(n, k + 10)) if words[m] in _THEN and sentence[m] == sentence[k]),
            None,
        )
        if then is None:
            # («кто голосовал за эту партию — предатели»: a dash where «тот» would stand; the token before it)
            then = next(
                (
                    m - 1
                    for m in range(k + 3, min(n, k + 10))
                    if sentence[m] == sentence[k]
                    and _SPACED_DASH.search(norm.original, toks[m - 1].end, toks[m].start)
                ),
                None,
            )
        if then is None:
            continue
        attribute = None
        for m in range(k + 1, then if words[then] in _THEN else then + 1):
            before = words[m - 1]
            if before in _POINTING and m - 2 > k:
                before = words[m - 2]  # «кто ходит в эту мечеть — террористы»: «эту» between the preposition and the place
            if words[m] in lexicon.worship_words and before in _DEFINING:
                attribute, named = "religion", m
            elif words[m] in lexicon.group_adjectives and before == "на":
                attribute, named = "language", m  # «говорит на украинском»
            elif words[m] in lexicon.group_words and (
                before in _DEFINING or (before == "за" and lexicon.group_words[words[m]] == "politics")
            ):
                attribute, named = lexicon.group_words[words[m]], m
            elif _lemma_at(words, lemmas, m) == "партия" and "за" in words[m - 2 : m]:
                attribute, named = "politics", m  # «кто голосует за эту партию»
            elif before in _DEFINING and before not in ("в", "во", "на", "у") and _place(words[m]):
                # «кто родом с Кавказа», «кто из Дагестана»: a place of origin, as in :func:`_origins`
                attribute, named = _origin_attribute(words[m], lexicon), m
            elif (
                before in ("в", "во", "на")
                and _place(words[m], "loct")
                and any(_lemma_at(words, lemmas, j) in _LIVE_VERBS for j in range(k + 1, then + 1))
            ):
                # «кто в Ессентуках родился, тот с рождения жлоб»: the people of a town by where they live or
                # were born (round 36)
                attribute, named = "residence", m
            if attribute is not None:
                break
        if attribute is None:
            continue
        if _sentence_asks(norm, sentence, then):
            continue  # («кто ходит в мечеть, тот террорист?» asks)
        for j in range(then + 1, min(n, then + 4)):
            if sentence[j] != sentence[k]:
                break
            lem = _lemma_at(words, lemmas, j)
            if (
                lem in _ENEMY
                or "GS.EVAL" in cues.get(words[j], _EMPTY)
                or "GS.EVAL" in cue_lemmas.get(lem, _EMPTY)
            ):
                if words[j - 1] == "не":
                    break
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or attribute == "language"]
                return Finding(
                    "generalisation", attribute, toks[k].start, toks[j].end, strength,
                    f"кто … {words[named]} …{', ' + words[then] if words[then] in _THEN else ' —'} {words[j]}", hold,
                )  # fmt: skip
    return None


#: living or being born somewhere: what makes whoever a town's people
_LIVE_VERBS = frozenset(("жить", "проживать", "родиться", "вырасти"))
_SPACED_DASH = re.compile(r"\s[-–—]|[–—]")


def _sentence_asks(norm: Normalized, sentence: Sequence[int], k: int) -> bool:
    """Does the sentence of token ``k`` end with a question mark (read between its last token and the next)?
    (A sentence is a run of tokens: its last one is found by walking on from ``k``.)"""
    toks, n = norm.tokens, len(sentence)
    last = k
    while last + 1 < n and sentence[last + 1] == sentence[k]:
        last += 1
    return "?" in norm.original[toks[last].end : toks[last + 1].start if last + 1 < n else len(norm.original)]


#: how a town's people are spoken of all at once: «в Ессентуках все хамы», «на Бештау одни наркоманы»
_OF_A_TOWN = frozenset(("в", "во", "на"))
_ALL_THERE = frozenset(("все", "одни", "сплошь", "сплошные"))
#: the prepositions of where people come from: «с Новопятигорска одни понторезы», «люди с Кавказа», «вон из …»
_FROM = frozenset(("из", "с", "со"))
#: the city's own districts pymorphy3 only guesses («с Новопятигорска одни понторезы»)
_LOCAL_PLACES = frozenset("новопятигорск новопятигорска новопятигорске горячеводска горячеводске".split())
#: saying verbs a town's generalisation may be reported with, and a claim rejected after it
_TOLD_FORMS = frozenset(
    "пишете пишешь пишут пишет написали написал написала говорите говоришь говорят говорит сказали сказал сказала"
    " утверждаете утверждают считаете считают".split()
)
#: … or asked not to be said («Не надо писать, что в Горячеводске одни алкаши, я там живу»)
_TO_SAY = frozenset(("писать", "говорить", "утверждать", "обобщать"))
_REJECTED = re.compile(
    r"(?:^| )(?:это не так|неправда|это ложь|враньё|вранье|чушь|не согласен|не согласна)(?: |$)"
)
#: … or the town called a town of them: «Железноводск — город алкашей»
_TOWN_WORDS = frozenset(("город", "городок", "поселок", "станица", "село", "деревня"))
#: the cheap test :func:`analyse` asks before :func:`_town_is`: a word that says «all of them», and one that
#: names the place
_TOWN_SAID = _ALL_THERE | _TOWN_WORDS
_TOWN_NAMED = _OF_A_TOWN | _FROM | _TOWN_WORDS


def _town_is(
    norm: Normalized, words: Sequence[str], lemmas: list[str] | None, lexicon: Lexicon
) -> Finding | None:
    """«В Ессентуках все хамы», «на Бештау там одни наркоманы», «Железноводск — город алкашей»: a place
    pymorphy3 knows as a place name, and its people said all to be something evaluative (GS.EVAL) — a
    generalisation about residents, as «местные все жадные» is; None otherwise («в Ессентуках все санатории
    закрыты»: no word judges people; a question; «не все»)."""
    toks, sentence = norm.tokens, norm.sentences
    cues, cue_lemmas = lexicon.cues, lexicon.cue_lemmas
    n = len(words)

    def evaluative(j: int) -> bool:  # (plural: «все хамы»; not «в Якутии все, сука, помешаны»)
        lem = _lemma_at(words, lemmas, j)
        return ("GS.EVAL" in cues.get(words[j], _EMPTY) or "GS.EVAL" in cue_lemmas.get(lem, _EMPTY)) and _has(
            words[j], "plur"
        )

    for k, w in enumerate(words):
        place = said = None
        # (the words of judgement first: cheap; a place name is asked of pymorphy3 only then)
        if w in _ALL_THERE and not (k > 0 and words[k - 1] == "не"):
            said = next(
                (m for m in (k + 1, k + 2) if m < n and sentence[m] == sentence[k] and evaluative(m)), None
            )
            # the place just before, after «в»/«на» (a word may stand between: «там», «у них»)
            place = (
                next(
                    (
                        j
                        for j in range(k - 1, max(0, k - 4), -1)
                        if sentence[j] == sentence[k]
                        and (
                            (words[j - 1] in _OF_A_TOWN and _place(words[j], "loct"))
                            # (round 41: its people said to come from it — «с Новопятигорска одни понторезы»)
                            or (words[j - 1] in _FROM and _place(words[j], "gent"))
                        )
                    ),
                    None,
                )
                if said is not None
                else None
            )
        elif (
            w in _TOWN_WORDS and k > 0 and k + 1 < n and sentence[k + 1] == sentence[k] and evaluative(k + 1)
        ):
            said = k + 1
            place = k - 1 if _place(words[k - 1], "nomn") else None  # «Железноводск — город алкашей»
        if place is None or said is None:
            continue
        if any(_reports(words, m) for m in range(max(0, place - 6), place) if words[m] in _TOLD_FORMS) or any(
            words[m] == "не" and words[m + 2] in _TO_SAY  # (m + 2 < place: inside the text)
            for m in range(max(0, place - 6), place - 2)
        ) or (
            _REJECTED.search(norm.text) is not None
        ):
            continue  # («Олег, вы пишете, что на Бештау одни воры … Это не так»: someone's words, rejected)
        if _sentence_asks(norm, sentence, k):
            continue
        if not is_known(words[place]) and words[place] not in _LOCAL_PLACES:
            continue  # (a place pymorphy3 only guesses from its ending: «в Горгазе» is a utility, not a town)
        return Finding(
            "generalisation", "residence", toks[place].start, toks[said].end, "delete",
            f"{words[place]} … {words[k]} {words[said]}", False,
        )  # fmt: skip
    return None


#: «которые», «что», «кто» opening a relative clause right after the group word and its comma
_WHICH = frozenset("которые которых которым которыми которой который что кто".split())
#: quantifiers of a part: «часть цыган», «некоторые мигранты», «отдельные таксисты»
_PART = frozenset("часть некоторые некоторых отдельные отдельных многие многих иные кое".split())


def _picked_out(norm: Normalized, words: Sequence[str], sent: list[int], i: int) -> bool:
    """Does a relative clause or a participle follow the group word ``i`` after a comma («мигрантов,
    которые …», «цыган, что …», «мигрантам, нарушившим закон, …»)?"""
    toks, orig = norm.tokens, norm.original
    return (
        i + 1 < len(words)
        and "," in orig[toks[i].end : toks[i + 1].start]
        and (
            any(k < len(words) and sent[k] == sent[i] and words[k] in _WHICH for k in (i + 1, i + 2))
            or likely(words[i + 1], "PRTF")  # («мигрантам, нарушившим закон, — в тюрьму»)
        )
    )


def _only_some(norm: Normalized, words: Sequence[str], sent: list[int], i: int) -> str | None:
    """Is the group word at ``i`` said of some of them only — a part quantifier before it («часть
    цыган», «некоторые мигранты»), «но не все» in its sentence, or a relative clause right after it
    («приезжие, что гадят в подъезде», «таксисты, с которыми я ездил»)? What picks them out, or None."""
    s = sent[i]
    if any(words[k] in _PART for k in range(max(0, i - 2), i) if sent[k] == s):
        return "о части группы"
    if (k := _there_are(words, sent, i)) is not None and _ALWAYS.isdisjoint(words[k : i + 5]):
        return f"«{words[k]}» — о некоторых"  # «Есть таксисты хамы, есть вежливые», «бывают врачи хамы»
    if any(words[k] in _SOMETIMES for k in range(i + 1, min(len(words), i + 4)) if sent[k] == s) and _ALWAYS.isdisjoint(
        words[max(0, i - 2) : i + 5]
    ):
        return "«бывают» — о некоторых"  # «приезжие тоже бывают хамы, как и местные» (round 38)
    same = [k for k in range(len(words)) if sent[k] == s]
    if any(
        words[k] == "но" and tuple(words[k + 1 : k + 3]) == ("не", "все") for k in same if k + 2 < len(words)
    ):
        return "«но не все»"
    toks, orig = norm.tokens, norm.original
    for k in (i + 1, i + 2):  # («таксисты, которые …», «таксисты, с которыми …»)
        if (
            k < len(words)
            and sent[k] == s
            and words[k] in _WHICH
            and "," in orig[toks[i].end : toks[i + 1].start]
        ):
            # restrictive only with «те» before the group («те приезжие, что гадят …») or the author in
            # the clause («таксисты, с которыми я ездил»): «мигранты, которые заполонили город, …» says
            # it of all of them
            those = i > 0 and words[i - 1] in _THOSE
            mine = any(
                words[m] in _FIRST_PERSON for m in range(k + 1, min(len(words), k + 5)) if sent[m] == s
            )
            return "о тех, кого выделяет придаточное" if those or mine else None
    return None


def _there_are(words: Sequence[str], sent: list[int], i: int) -> int | None:
    """The existential verb that opens the clause of the group word ``i`` right before it, if one does
    («Есть таксисты хамы, есть вежливые», «у нас есть и врачи-взяточники», «бывают мигранты наглые»):
    some of the group are so, the others are not said to be. «Есть» only with the group in the
    nominative, opening its sentence or after a conjunction or «у нас» («надо есть …» is eating)."""
    k = i - 1
    if k > 0 and words[k] in _THERE_ARE_FILLERS and sent[k - 1] == sent[i]:
        k -= 1
    if k < 0 or sent[k] != sent[i]:
        return None
    if words[k] in _SOMETIMES:
        return k
    if words[k] != "есть" or not _has(words[i], "nomn", "plur"):
        return None
    before = k - 1
    if before >= 0 and sent[before] == sent[k] and words[before] in _THERE_ARE_FILLERS:
        before -= 1  # («а ведь есть …»)
    if before < 0 or sent[before] != sent[k] or words[before] in _THERE_ARE_OPENERS:
        return k
    if before > 0 and words[before - 1] == "у" and words[before] in _THERE_ARE_HOLDERS:
        return k  # («у нас есть …», «у них в поликлинике есть …» is not read: the place breaks it)
    return None


#: what may stand between the existential verb and the group word, or before the verb («есть и такие»)
_THERE_ARE_FILLERS = frozenset(("и", "же", "ведь", "тоже", "конечно", "правда"))
#: what may open the clause before «есть»
_THERE_ARE_OPENERS = frozenset(("а", "но", "и", "да", "ну", "однако", "хотя", "просто", "везде", "всегда"))
#: who «у … есть» may be said of
_THERE_ARE_HOLDERS = frozenset(("нас", "них", "вас", "меня", "всех"))
_THOSE = frozenset(("те", "тех", "тем", "теми"))
#: some of a group are so («бывают», «попадаются»), unless always or all of them
_SOMETIMES = frozenset(("бывают", "бывает", "попадаются", "встречаются"))
_ALWAYS = frozenset(("всегда", "все", "всех", "вечно", "обычно", "постоянно"))
_FIRST_PERSON = frozenset("я мы меня нас мне нам мной нами".split())


_GENERIC_SEX = frozenset(("женщина", "баба", "девушка", "мужчина", "мужик"))
_OBLIGED = frozenset(("должна", "должен", "обязана", "обязан"))


def _her_place(words: Sequence[str], sent: list[int], i: int) -> int | None:
    """In «Женщина должна знать своё место», «баба должна молчать», «женщина должна сидеть дома»: a sex
    word opening its sentence in the singular (no «моя», «эта»: «моя жена должна …» is one woman),
    «должна/должен», then her place, silence or home within four words; the last word's index or None."""
    if words[i] not in _GENERIC_SEX or (i > 0 and sent[i - 1] == sent[i]) or i + 2 >= len(words):
        return None
    if words[i + 1] not in _OBLIGED:
        return None
    for k in range(i + 2, min(len(words), i + 6)):
        if sent[k] != sent[i]:
            return None
        if words[k] == "место" and words[k - 1] == "свое":
            # (not «… знать своё место в очереди»: a place in a queue)
            return (
                None
                if k + 1 < len(words) and sent[k + 1] == sent[i] and words[k + 1] in ("в", "на", "во")
                else k
            )
        if words[k] == "молчать" or (words[k] == "дома" and words[k - 1] == "сидеть"):
            return k
    return None


def _told_of_in_relative(words: Sequence[str], clause: list[int], i: int) -> bool:
    """Is the group word ``i`` a dative inside a «который» clause («мошенников, которые звонят пенсионерам»)
    — the people the clause's subject does something to, not the ones it names?"""
    return _has(words[i], "datv") and any(
        words[k].startswith("котор") for k in range(max(0, i - 5), i) if clause[k] == clause[i]
    )


def _no_good_one(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«хороший цыган — мёртвый цыган» (the old slogan of extermination) and «нормальных мигрантов не
    бывает» (no decent one among them): a «good» word that does not defend the group it qualifies —
    unless another word of the sentence rejects the saying («фраза "…" недопустима»)."""
    if i == 0:
        return None
    toks, n = norm.tokens, len(words)
    none_decent = _none_decent_among(words, sent, i) if words[i - 1] == "среди" else None
    # («хороший мигрант — уехавший мигрант», «… — депортированный …»: the same slogan of expulsion)
    dead = next(
        (k for k in range(i + 1, min(n, i + 4)) if sent[k] == sent[i] and words[k].startswith(_GONE)), None
    )
    good_is_dead = dead is not None and lemma(words[i - 1]) == "хороший"
    never = words[i - 1] in _DECENT and _has(words[i], "gent", "plur") and _never(words, i)
    if not (good_is_dead or never or none_decent is not None):
        return None  # (the sentence's defence is looked for only when there is a saying to defuse)
    if any("GS.DEFEND" in cue[k] for k in range(n) if sent[k] == sent[i] and k not in (i - 1, none_decent)):
        return None
    if good_is_dead:
        gone = "мёртвый" if words[dead].startswith("мертв") else words[dead]
        return Finding(
            "call_to_exclude", attribute, toks[i - 1].start, toks[dead].end, "delete", f"хороший … — {gone} …"
        )
    if never:
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return Finding(
            "generalisation",
            attribute,
            toks[i - 1].start,
            toks[i].end,
            strength,
            f"{words[i - 1]} … не бывает",
            hold,
        )
    if (k := none_decent) is not None:
        # «среди цыган нет ни одного честного», «нормальных среди мигрантов нет»: no decent one among them
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        a, b = min(i - 1, k), max(i, k)
        return Finding(
            "generalisation", attribute, toks[a].start, toks[b].end, strength, f"среди … нет {words[k]}", hold
        )
    return None


#: what the «good» one of a group is in the slogan: dead, gone, sent away
_GONE = ("мертв", "уехавш", "депортированн", "выгнанн", "высланн", "выселенн")

#: «ни одного честного»: the decent one denied, in the singular
_DECENT_ONE = frozenset("нормального хорошего честного порядочного адекватного".split())
#: what is said of the decent ones none of whom are left or to be found («нормальных не осталось», «… не найти»)
_NO_DECENT_LEFT = frozenset(
    "осталось найти найдешь встретишь сыщешь встречал встречала встречали видел видела видели".split()
)


def _none_decent_among(words: Sequence[str], sent: list[int], i: int) -> int | None:
    """In «среди <group> нет нормальных», «нормальных среди них нет» (or «не осталось»), «среди <group> нет
    ни одного честного» the decent word denied (a genitive of :data:`_DECENT` standing alone, not before a noun:
    «среди мигрантов нет нормальных условий» is about their lodging), with «нет» between it and «среди
    <group>» or right before it; None when there is none."""
    n = len(words)
    near = [k for k in range(max(0, i - 5), min(n, i + 6)) if sent[k] == sent[i]]
    if not any(
        words[k] == "нет" or (words[k] == "не" and k + 1 < n and words[k + 1] in _NO_DECENT_LEFT)
        for k in near
    ):
        return None  # («… нет нормальных», «нормальных среди них не осталось»)
    for k in near:
        decent = (words[k] in _DECENT and _has(words[k], "gent")) or (
            words[k] in _DECENT_ONE and k > 1 and words[k - 1] in ("одного", "одной")
        )
        if decent and not (k + 1 < n and sent[k + 1] == sent[i] and likely(words[k + 1], "NOUN")):
            return k
    return None


def _never(words: Sequence[str], i: int) -> bool:
    """Do «не бывает» (or «нет и не бывает») follow the group word ``i`` within three words?"""
    return any(
        words[k] == "не" and words[k + 1] == "бывает" for k in range(i + 1, min(len(words) - 1, i + 4))
    )


def _dominates(
    words: Sequence[str], cue: list[frozenset[str]], same_clause: list[int], i: int
) -> tuple[int, bool] | None:
    """The ruling or owning verb (GS.DOMINATE) of a clause whose group word ``i`` is said to hold all
    of something (:data:`_WORLD`, or :data:`_ALL` but not the «все» that quantifies the group itself),
    and whether it is a ruling verb (:data:`_RULE_THE_WORLD`)."""
    verb = next((j for j in same_clause if "GS.DOMINATE" in cue[j] and not _negated(words, cue, j)), None)
    if verb is None:
        return None
    rules = lemma(words[verb]) in _RULE_THE_WORLD
    grab = lemma(words[verb]) in _GRAB
    for k in same_clause:
        if k == verb or (
            words[k] == "все" and abs(k - i) == 1 and not grab
        ):  # «все армяне …» quantifies the people
            continue  # (but «армяне всё захапали» and «все армяне захапали» are the same trope)
        if words[k] in _WORLD or (
            words[k] in _ALL and (rules or grab or any(lemma(w) in _DOMAIN for w in words[k + 1 : k + 3]))
        ):
            return verb, rules
    return None


#: what a people is said to be behind: all of it, these things («за всем», «за всеми этими …»)
_BEHIND_ALL = frozenset(("всем", "всеми", "всём", "этим", "этими", "каждым"))


def _behind_it_all(words: Sequence[str], cue: list[frozenset[str]], same_clause: list[int]) -> int | None:
    """The last word of «стоять за всем …» (the verb or the «всем») in the clause of a group subject, so the
    quote spans it; None when there is none."""
    verb = next((k for k in same_clause if lemma(words[k]) == "стоять" and not _negated(words, cue, k)), None)
    if verb is None:
        return None
    za = next((k for k in same_clause if words[k] == "за" and k + 1 < len(words) and words[k + 1] in _BEHIND_ALL), None)
    return None if za is None else max(verb, za + 1)


def _told_to_stay_home(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """«пусть …» with «у себя» after it in the sentence of the group word ``i``: where «себя» is."""
    let = next((k for k in same_sentence if words[k] == "пусть"), None)
    if let is None:
        return None
    at = next((k for k in same_sentence if k > let and words[k] == "себя" and words[k - 1] == "у"), None)
    if at is not None and _at_home(words, at):
        return None  # «пусть молятся у себя дома во время карантина», «… у себя во дворе, а не под окнами»
    return at


#: a private place after «у себя»: said literally («у себя дома», «у себя во дворе»), not «у себя в Армении»
_OWN_PLACE = frozenset("дворе квартире даче доме подъезде огороде саду участке квартирах дворах".split())


def _at_home(words: Sequence[str], k: int) -> bool:
    nxt = words[k + 1 : k + 3]
    return bool(nxt) and (
        nxt[0] == "дома" or (len(nxt) == 2 and nxt[0] in ("в", "во", "на") and nxt[1] in _OWN_PLACE)
    )


#: What a group's number is said to bring: crime, dirt, trouble (by lemma; GS.PROBLEM and GS.EVAL too)
_MISCHIEF = frozenset(
    "преступление преступность кража грабеж убийство изнасилование драка поножовщина наркотик наркоман "
    "криминал бардак грязь мусор вонь шум хамство".split()
)
_MORE = frozenset(("больше", "меньше", "хуже"))
#: the crimes among :data:`_MISCHIEF`
_CRIME = frozenset(
    "преступление преступность кража грабеж убийство изнасилование поножовщина криминал".split()
)
_BETTER = frozenset(("чище", "лучше", "спокойнее", "безопаснее", "тише"))
_NOTHING_BUT = _ONLY | {"только"}
#: «них», «их» standing for a people named before («толку от них никакого», «у них это норма»)
_THEM_GEN = frozenset(("них", "их"))
#: a people's ways («у них это норма», «их культура такая», «менталитет у них такой»)
_THEIR_WAYS = frozenset(
    "норма нормой менталитет менталитете культура культуре традиция традиции обычай обычаи".split()
)


def _crime_as_their_way(
    words: Sequence[str], cue: list[frozenset[str]], j: int, same_sentence: list[int]
) -> bool:
    """Are the ways at ``j`` theirs («у них», «их») and is a crime or a vice told in the group word's
    sentence (``same_sentence``) or in the sentence of the ways?"""
    if _THEM_GEN.isdisjoint(words[max(0, j - 3) : j + 3]):
        return False
    around = set(same_sentence) | set(range(max(0, j - 8), min(len(words), j + 4)))
    return any("GS.EVAL" in cue[k] or lemma(words[k]) in _CRIME_VERBS for k in around)


#: crimes told with a verb («зарезал», «ограбили», «украл»)
_CRIME_VERBS = frozenset("зарезать убить ограбить украсть изнасиловать избить обокрасть пырнуть".split())


_NO_LIFE = frozenset(("житья", "покоя"))


def _no_life_from_them(words: Sequence[str], j: int, i: int) -> bool:
    """Is «житья» at ``j`` said to be none because of «них» standing for the people at ``i`` («житья от
    них нет», «от них житья нет»)? (The people named at the «от» itself is the lexicon's no_life_from_them.)"""
    lo, hi = max(0, j - 3), min(len(words), j + 4)
    return (
        i < j
        and "нет" in words[j + 1 : hi]
        and any(words[k] == "от" and k + 1 < len(words) and words[k + 1] == "них" for k in range(lo, hi))
    )


#: use said to be none («толку от них никакого», «никакой пользы от них»)
_USE = frozenset(("толку", "толк", "пользы", "проку"))
_NONE_OF = frozenset(("никакого", "никакой", "нет", "ноль", "ни", "мало", "никакущего"))
_USELESS_OF = _ONLY_OF | {"sex", "age"}


def _of_no_use(words: Sequence[str], j: int, i: int) -> bool:
    """Is the use at ``j`` said to be none, and to come from the group word at ``i`` or «них» («толку от
    них никакого», «от стариков пользы никакой»; not «толку от собрания никакого»)?"""
    lo, hi = max(0, j - 3), min(len(words), j + 4)
    return not _NONE_OF.isdisjoint(words[lo:hi]) and any(
        words[k] == "от" and k + 1 < len(words) and (k + 1 == i or words[k + 1] in _THEM_GEN)
        for k in range(lo, hi)
    )


_NONE_LEFT = frozenset(("осталось", "было", "стало", "жило"))
_WISH = frozenset(("чтобы", "чтоб", "бы", "мечтаю", "хочу", "хотим", "пусть", "пора"))


def _none_left(words: Sequence[str], sent: list[int], i: int) -> int | None:
    """«…, чтобы в городе не осталось ни одного кавказца»: «не осталось / не было ни одного X» after a
    wish in the same sentence; the index of the verb (not «чтобы не осталось ни одной ямы» — no group;
    not «ни одного пенсионера без лекарств»)."""
    if i < 2 or words[i - 1] not in ("одного", "одной") or words[i - 2] != "ни":
        return None
    if (
        i + 1 < len(words)
        and words[i + 1] in ("без", "в", "во")
        and sent[i + 1] == sent[i]
        and not (i + 2 < len(words) and words[i + 1] != "без" and lemma(words[i + 2]) in _LAND)
    ):
        return None  # «… ни одного пенсионера без лекарств», «… в очереди»: a wish for them (not «в городе»)
    for k in range(i - 3, max(-1, i - 7), -1):
        if sent[k] != sent[i]:
            return None
        if words[k] in _NONE_LEFT and k > 0 and words[k - 1] == "не":
            if any(words[m] in _WISH for m in range(max(0, k - 8), k) if sent[m] == sent[i]):
                return k
            return None
    # («была бы моя воля, ни одного кавказца бы тут не было»: the verb after the group)
    for k in range(i + 2, min(len(words), i + 6)):
        if sent[k] != sent[i]:
            return None
        if words[k] in _NONE_LEFT and words[k - 1] == "не":
            return (
                k if any(words[m] in _WISH for m in range(max(0, i - 8), k) if sent[m] == sent[i]) else None
            )
    return None


def _only_such(words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int) -> int | None:
    """The evaluation right after «одни/сплошь/только» that follows the group word at ``i`` within
    three words in its sentence («среди армян одни торгаши»; not «среди армян одни мои друзья»)."""
    n = len(words)
    for k in range(i + 1, min(n - 1, i + 4)):
        if sent[k + 1] != sent[i]:
            return None
        if words[k] in _NOTHING_BUT:
            return k + 1 if "GS.EVAL" in cue[k + 1] else None
    return None


def _turned_into_squalor(words: Sequence[str], same_clause: list[int], j: int) -> int | None:
    """The index of the squalor word (:data:`_SQUALOR`) right after «в» within four words after the
    verb «превратить» at ``j`` in its clause; None when there is none («превратили парк в сад»)."""
    return next(
        (
            k
            for k in same_clause
            if j + 1 < k <= j + 4 and words[k] in _SQUALOR and words[k - 1] in ("в", "во")
        ),
        None,
    )


#: «тем хуже живёт народ», «тем хуже становится»: life getting worse
_LIVE = frozenset(("жить", "становиться", "стать", "житься"))


def _the_more_of_them(words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int) -> int | None:
    """«Чем больше у нас кавказцев, тем больше преступлений» (not «чем больше у нас врачей, тем
    меньше очередей»): «чем больше» before the group word and «тем больше/хуже» with crime, dirt or
    trouble after it, in one sentence; the index of what they bring."""
    lo = max(0, i - 5)
    comparatives = [
        words[k + 1]
        for k in range(lo, i)
        if words[k] == "чем" and words[k + 1] in _MORE and sent[k] == sent[i]
    ]
    if not comparatives:
        return None
    fewer = "меньше" in comparatives
    n = len(words)
    for k in range(i + 1, min(n - 1, i + 6)):
        if sent[k] != sent[i]:
            return None
        if fewer and words[k] == "тем" and words[k + 1] in _BETTER:
            return k + 1  # «чем меньше мигрантов, тем чище город»: the group's absence as the cure
        if (
            words[k] == "тем"
            and words[k + 1] == "хуже"
            and k + 2 < n
            and sent[k + 2] == sent[i]
            and lemma(words[k + 2]) in _LIVE
        ):
            return k + 1  # «чем больше в стране евреев, тем хуже живёт народ»: the group's number as the harm
        if words[k] == "тем" and words[k + 1] in _MORE:
            for j in range(k + 1, min(n, k + 4)):
                if sent[j] == sent[i] and (lemma(words[j]) in _MISCHIEF or "GS.PROBLEM" in cue[j]):
                    return j
            return None
    return None


def _lacks(words: Sequence[str], cue: list[frozenset[str]], same_clause: list[int], i: int) -> int | None:
    """In «у <group> нет …» («у армян никакой совести»), the lacking word (GS.LACK) within four words
    after «нет», or right after «никакой», «ни»."""
    no = next((k for k in same_clause if k > i and words[k] == "нет"), None)
    return next(
        (
            k for k in same_clause
            if k > i and "GS.LACK" in cue[k]
            and ((no is not None and no < k <= no + 4) or words[k - 1] in ("никакой", "никакого", "никаких", "ни"))
        ),
        None,
    )  # fmt: skip


#: a people said to have swarmed, in the impersonal neuter with the genitive («развелось тут цыган»)
_SWARM_VERBS = frozenset(
    "развелось понаехало наплодилось расплодилось понабежало набежало поналезло налезло".split()
)
#: who of a people are said to swarm: «заполонили дети мигрантов», «наводнили толпы приезжих»
_CROWD_OF = frozenset("дети семьи толпы толпа орды орда полчища стаи куча".split())
#: as many as dirt or vermin («мигрантов как грязи», «их тут как собак нерезаных»)
_AS_MANY_AS = frozenset("грязи собак тараканов крыс мух саранчи блох вшей".split())


def _swarmed(words: Sequence[str], cue: list[frozenset[str]], same_clause: list[int], i: int) -> int | None:
    """In «развелось тут цыган», «понаехало армян» the impersonal verb of swarming within three words
    before the genitive group word ``i``; in «школу заполонили дети мигрантов» a verb of spreading
    (GS.SPREAD) before the group's children, families or crowds; in «мигрантов как грязи» the dirt or the
    vermin right after «как» within four words after it; None when there is none («много армян
    приехало»)."""
    for k in same_clause:
        if i - 3 <= k < i and words[k] in _SWARM_VERBS:
            return k
        if (
            i - 5 <= k < i - 1
            and "GS.SPREAD" in cue[k]
            and words[i - 1] in _CROWD_OF
            and likely(words[k], "VERB")
        ):
            return k
        if i < k <= i + 4 and words[k] in _AS_MANY_AS and words[k - 1] == "как":
            return k
    return None


#: what being one of a group is said to be: «быть геем ненормально», «быть армянином — позор»
_SHAMEFUL = frozenset(
    "ненормально стыдно позорно мерзко противно отвратительно грешно позор грех болезнь извращение уродство".split()
)


def _shameful_to_be(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """In «быть геем ненормально», «быть армянином — позор» (the group ``i`` in the instrumental after
    «быть»/«являться») the word that calls it a shame or a sickness, not negated; None when there is none
    («быть геем в России опасно»)."""
    if i == 0 or words[i - 1] not in ("быть", "являться") or not _has(words[i], "ablt"):
        return None
    return next((k for k in same_sentence if k > i and words[k] in _SHAMEFUL and words[k - 1] != "не"), None)


#: vices said to be inborn: «воровство у них в крови», «у цыган в генах обман»
_VICES = frozenset(
    "воровство обман ложь враньё вранье лень агрессия жестокость наглость пьянство хамство предательство "
    "подлость жадность хитрость торгашество попрошайничество паразитизм дикость"
    # round 35: «у кавказцев в крови неуважение к женщине»
    " неуважение бескультурье мошенничество жульничество бандитизм насилие грубость".split()
)


def _in_their_blood(
    words: Sequence[str], cue: list[frozenset[str]], same_sentence: list[int], i: int
) -> int | None:
    """In «у <group> воровство в крови», «воровать у них в генах» (the group ``i`` right after «у») the
    vice said to be inborn — a vice noun (:data:`_VICES`) or an evaluation (GS.EVAL: «воровать») in the
    sentence of «в крови» / «в генах» within five words after the group; None when there is none («у
    грузин в крови гостеприимство» praises them)."""
    blood = next(
        (
            k
            for k in same_sentence
            if 0 < k - i <= 5 and words[k] in ("крови", "генах") and words[k - 1] in ("в", "во")
        ),
        None,
    )
    if blood is None:
        return None
    return next(
        (
            k
            for k in same_sentence
            if k != blood
            and (lemma(words[k]) in _VICES or "GS.EVAL" in cue[k])
            and not (k > 0 and words[k - 1] == "не")
        ),
        None,
    )


_AND_OR = frozenset(("и", "или"))
#: «мигранты, бандиты и прочие криминальные элементы»: the list lumps its items together
_AND_OTHERS = frozenset(
    ("прочие", "прочих", "другие", "других", "остальные", "остальных", "подобные", "подобных")
)


def _listed_beside(norm: Normalized, words: Sequence[str], i: int, finding: Finding) -> bool:
    """Is the group word ``i`` only an item of a list of nouns that also holds the finding's evaluative word
    («Психику там ломает всё. Сотрудники, зеки, время», «в колонии сидят все: врачи, учителя, воры, убийцы»,
    «мигранты и наркоманы»): items joined by commas or «и»/«или» alone, three or more of them or a
    conjunction among them? Not a word set off by a comma after the group («цыгане, воры проклятые,
    убирайтесь»: an apposition names them), nor a list that lumps its items («… и прочие элементы»). (The
    caller asks it of a group's neutral name only: a slur in a list — «быдло и жиды» — is abuse anyway.)"""
    toks = norm.tokens
    n = len(words)
    near = range(max(0, i - 8), min(n, i + 9))
    if toks[i].start == finding.start:  # the evaluative word is the finding's other end
        j = next((k for k in near if k > i and toks[k].end == finding.end), None)
    else:
        j = next((k for k in near if k < i and toks[k].start == finding.start), None)
    if j is None:
        return False
    orig = norm.original

    def joined(k: int) -> bool:  # tokens k and k + 1 are neighbours in a list
        gap = orig[toks[k].end : toks[k + 1].start].strip()
        return gap == "" if words[k] in _AND_OR or words[k + 1] in _AND_OR else gap == ","

    a, b = min(i, j), max(i, j)
    if not all(joined(k) for k in range(a, b)):
        return False
    if any(words[k] not in _AND_OR and not _has(words[k], "NOUN") for k in range(a + 1, b)):
        return False
    # the whole list around them: further nouns joined the same way before ``a`` and after ``b``
    while a > 0 and joined(a - 1) and (words[a - 1] in _AND_OR or _has(words[a - 1], "NOUN")):
        a -= 1
    while b + 1 < n and joined(b) and (words[b + 1] in _AND_OR or _has(words[b + 1], "NOUN")):
        b += 1
    if any(w in _AND_OTHERS for w in words[b + 1 : b + 3]) or any(w in _AND_OTHERS for w in words[a : b + 1]):
        return False
    items = [k for k in range(a, b + 1) if words[k] not in _AND_OR]
    return len(items) >= 3 or any(words[k] in _AND_OR for k in range(a, b + 1))


#: plural words for people that a place of origin makes a group of: «выходцы с Кавказа», «люди из Средней Азии»,
#: «торгаши с Кавказа», «приезжие из Дагестана»
_ORIGIN_PEOPLE = frozenset(
    """выходцы выходцев выходцам выходцами уроженцы уроженцев уроженцам уроженцами люди людей людям людьми
    приезжие приезжих приезжим приезжими торгаши торгашей торгашам торгашами понаехавшие понаехавших
    соседи соседей соседям соседями"""
    # (round 40: «все они с Кавказа жулики», «народ с Северного Кавказа надо учить палкой»)
    """ они их им ними народ народа народу""".split()
)


#: who «с гор» names a people: «дети гор», «эти все с гор», «какие-то с гор», «гости с гор»
_OF_THE_MOUNTAINS = _ORIGIN_PEOPLE | frozenset("дети детей детям детьми гости гостей гостям эти этих все всех какие".split())


def _from_the_mountains(words: Sequence[str]) -> dict[int, str]:
    """«Дети гор опять на Цветнике лезгинку пляшут», «вот эти все с гор — как звери»: the highlanders, a people
    named by the mountains (the word before «с гор» or «гор» itself after «дети») → "nationality" (round 40;
    not «спускались с гор», «вид с гор»: a people word must name them)."""
    out: dict[int, str] = {}
    for k, w in enumerate(words):
        if w != "гор" or k == 0:
            continue
        if words[k - 1] in ("дети", "детей", "детям", "детьми"):
            out[k - 1] = "nationality"
        elif words[k - 1] in _FROM and k > 1 and words[k - 2] in _OF_THE_MOUNTAINS:
            # («эти все с гор»: «эти» is the subject — pymorphy3 reads «все» as a particle only)
            at = k - 3 if words[k - 2] == "все" and k > 2 and words[k - 3] in ("эти", "они") else k - 2
            out[at] = "nationality"
    return out


def _origins(words: Sequence[str], lexicon: Lexicon) -> dict[int, str]:
    """People named by where they come from («люди с Кавказа все бандиты», «выходцы из Средней Азии все
    воры»): the index of the people word → the attribute the place gives them — a nationality when a
    people of the lexicon is named after the place (its first three letters: Кавказ — кавказцы, Дагестан
    — дагестанцы, Азия — азиаты), a place of residence otherwise («люди из Москвы»). A place is a word
    pymorphy3 reads as a place name in the genitive, right after «из»/«с» or after an adjective there."""
    out: dict[int, str] = {}
    n = len(words)
    for i, w in enumerate(words[:-2]):
        if w not in _ORIGIN_PEOPLE or words[i + 1] not in _FROM:
            continue
        k = i + 2
        if not _place(words[k]) and k + 1 < n and likely(words[k], "ADJF", "gent"):
            k += 1  # «из Средней Азии»
        if _place(words[k]):
            out[i] = _origin_attribute(words[k], lexicon)
    return out


#: a people named as someone's own («ваш народ», «твоя нация», «их племя»): whoever is spoken to or of is
#: one of them — not «наш народ», the author's own
_KIN = frozenset(
    """народ народа народу народом народе нация нации нацию нацией племя племени племенем соплеменники
    соплеменников соплеменникам соплеменниками""".split()
)
_KIN_OF = (YOU_AND_YOURS - SECOND_PERSON) | frozenset(("твоем", "вашем", "их"))


def _kin(words: Sequence[str]) -> dict[int, str]:
    """The index of each people word named as the addressee's or someone's own → "nationality"."""
    return {i: "nationality" for i, w in enumerate(words) if w in _KIN and i > 0 and words[i - 1] in _KIN_OF}


def _origin_attribute(place: str, lexicon: Lexicon) -> str:
    """A nationality when a people's neutral name shares the place's first letters, else a place of residence."""
    return "nationality" if lemma(place)[:3] in _people_prefixes(lexicon) else "residence"


#: a hyphen joining two halves of a word («по-мужски», «Кабардино-Балкария»): neither half is a slip
_HYPHENS = frozenset("-‐‑")


def _respelt(
    norm: Normalized, present: set[str], lexicon: Lexicon, lemmas: list[str] | None
) -> tuple[Normalized, list[str] | None] | None:
    """The text with each group name it misspells by one slip («жензин», «пинсионеров») written right, and
    the lemmas to match; None when it has none (:mod:`moderation.typos` says what a slip is)."""
    fixes = lexicon.misspelt_group_word.read(present)
    if not fixes:
        return None
    orig = norm.original
    toks = list(norm.tokens)
    lems = list(lemmas) if lemmas is not None else None
    for k, t in enumerate(toks):
        right = fixes.get(t.text)
        if right is None or orig[t.start - 1 : t.start] in _HYPHENS or orig[t.end : t.end + 1] in _HYPHENS:
            continue
        toks[k] = t._replace(text=right)
        if lems is not None:
            lems[k] = lemma(right)
    if all(t is u for t, u in zip(toks, norm.tokens, strict=True)):
        return None
    return Normalized(orig, " ".join(t.text for t in toks), tuple(toks)), lems


def _lemma_at(words: Sequence[str], lemmas: list[str] | None, k: int) -> str:
    """The lemma of ``words[k]``: from ``lemmas`` when the caller has them (the judge's prepared text), else asked."""
    return lemmas[k] if lemmas is not None else lemma(words[k])


def _place(word: str, case: str = "gent") -> bool:
    """Is ``word`` a place name pymorphy3 knows, in ``case`` («из Дагестана», «в Кисловодске»)?"""
    return any("Geox" in t and case in t for t in _tags(word))


@lru_cache(maxsize=4)
def _people_prefixes(lexicon: Lexicon) -> frozenset[str]:
    """The first three letters of the lemma of every nationality's and race's neutral name in the lexicon
    (not its slurs: «москаль» would make «люди из Москвы» a people)."""
    names = lexicon.group_words
    return frozenset(
        lemma(w)[:3]
        for w in lexicon.neutral_group_words
        if names.get(w) in ("nationality", "race") and len(w) > 3
    )


#: the places said to be no longer «ours», and «ours» itself
_OURS_LOST = frozenset("город страна район пятигорск край россия улица".split())
_OUR_FORMS = frozenset(("наш", "наша", "наше"))


def _no_longer_ours(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """In «чечены всех запугали, город уже не наш», «это уже не наш город, одни приезжие» the place said
    to be no longer «ours» in the sentence of the group word ``i``; None when there is none."""
    if "не" not in words:  # (the sentence's words are lemmatised only when «не наш» is there at all)
        return None
    nots = [p for p, w in enumerate(words[:-1]) if w == "не" and words[p + 1] in _OUR_FORMS]
    for k in same_sentence:
        if any(k - 3 <= p <= k + 2 for p in nots) and lemma(words[k]) in _OURS_LOST:
            return k
    return None


def _they_are_what_they_are(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """The repeated name in «цыгане есть цыгане», «цыгане — они и есть цыгане», «армянин он и в Африке
    армянин»: the same form again two to six words after the nominative group word ``i``, with «есть»
    or «и» between; None when there is none."""
    if not _has(words[i], "nomn"):
        return None
    for k in same_sentence:
        if 2 <= k - i <= 6 and words[k] == words[i]:
            between = set(words[i + 1 : k])  # (not «армяне и грузины, армяне и азербайджанцы»)
            return k if between <= _SAME_AS_EVER and not between.isdisjoint(("есть", "и")) else None
    return None


#: what may stand between the name and its repetition: «они и есть», «он и в Африке», «всегда»
_SAME_AS_EVER = frozenset(("есть", "и", "они", "он", "она", "же", "в", "африке", "всегда", "везде", "всюду"))


#: told to keep quiet and out of sight: «не высовываться», «не отсвечивать», «сидеть тихо», «помалкивать»
_HIDE = frozenset(("высовываться", "отсвечивать", "вякать", "рыпаться", "помалкивать"))


def _silenced(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """In «геи должны сидеть тихо и не высовываться», «пусть мигранты помалкивают» (the group ``i`` the
    subject, a modal or «пусть» before the verb) the verb that tells a whole group to hide; None when
    there is none («дети должны сидеть тихо на уроке» is asked only of ages, which are left out)."""
    told = [k for k in same_sentence if words[k] in _MUST or words[k] in ("пусть", "надо", "нужно")]
    if not told:
        return None
    for k in same_sentence:
        if k <= told[0]:
            continue
        w = words[k]
        if (lemma(w) in _HIDE and (lemma(w) == "помалкивать" or words[k - 1] == "не")) or (
            w == "тихо" and lemma(words[k - 1]) == "сидеть"
        ):
            if any(words[m] in _AT_PLACE or words[m] == "как" for m in range(k + 1, min(len(words), k + 3))):
                return None  # «сидеть тихо в библиотеке, как и все»: a place's rule, not a group hidden
            return k
    return None


#: wishing what is feared of a people: «спят и видят», «мечтают», «хотят», «только и ждут»
_SCHEME = frozenset(("мечтать", "хотеть", "стремиться", "жаждать", "видеть", "ждать"))
#: what a people is said to scheme against «us»
_DO_AWAY = frozenset(
    (
        "вырезать",
        "перерезать",
        "убить",
        "перебить",
        "уничтожить",
        "истребить",
        "поработить",
        "захватить",
        "извести",
        "выжить",
    )
)


def _schemes_against_us(words: Sequence[str], same_sentence: list[int], i: int) -> int | None:
    """In «мусульмане спят и видят, как бы нас всех вырезать», «евреи мечтают нас уничтожить» (the
    group ``i`` the subject) the infinitive of doing away with «us» after a verb of wishing; None when
    there is none («армяне мечтают открыть ресторан»)."""
    wish = next((k for k in same_sentence if k > i and lemma(words[k]) in _SCHEME), None)
    if wish is None:
        return None
    for k in same_sentence:
        if k > wish and _has(words[k], "INFN") and lemma(words[k]) in _DO_AWAY:
            if any(
                words[m] in ("нас", "русских", "всех")
                for m in range(max(wish, k - 4), min(len(words), k + 3))
            ):
                return k
    return None


_KNOW_NOT = frozenset(("знают", "знает", "ведают", "слышали"))


def _unknown_to(
    words: Sequence[str], cue: list[frozenset[str]], same_sentence: list[int], i: int
) -> int | None:
    """In «<group> не знают, что такое <совесть>» (or «… понятия не имеют о совести») the virtue
    (GS.LACK) said to be unknown to the group ``i``: «не знают» after it, then «что такое» or «о» and the
    virtue within three words; None when there is none («не знают, что такое Госуслуги» names none)."""
    for k in same_sentence:
        if k <= i or not (
            (words[k] in _KNOW_NOT and words[k - 1] == "не")
            or (words[k] == "имеют" and words[k - 1] == "не" and words[k - 2] == "понятия")
        ):
            continue
        return next(
            (
                j
                for j in same_sentence
                if k < j <= k + 4 and "GS.LACK" in cue[j] and words[j - 1] in _ABOUT_WHAT
            ),
            None,
        )
    return None


#: what stands right before the virtue: «что такое совесть», «о совести», «про стыд»
_ABOUT_WHAT = frozenset(("такое", "о", "об", "про"))


#: «не умеют», «не способны», «неспособны»: what a group is said to be unable to do (not «не могут»: the law
#: or a lack of means stops people too — «мигранты не могут работать без патента»)
_UNABLE = frozenset(("умеют", "способны", "неспособны"))
#: what everyone can do: said to be beyond a whole group, it demeans it («не умеют себя вести», «не
#: способны руководить», «не умеют думать»; not «не умеют плавать», «не умеют пользоваться Госуслугами»)
_CAPACITIES = frozenset(
    ("вести", "руководить", "думать", "мыслить", "работать", "трудиться", "водить", "управлять", "заботиться",
     "воспитывать", "считать")
)  # fmt: skip


def _incapable(words: Sequence[str], same_clause: list[int], i: int, total: bool) -> tuple[int, int] | None:
    """In «<group> не умеют / не способны <делать>» the first word of the inability said of the group
    ``i`` and its last: the infinitive (one of :data:`_CAPACITIES`) within three words after it, or —
    when nothing at all is left them (``total``: asked of a people or a sex; «новые сотрудники МФЦ
    ничего не умеют» is a complaint), «ничего не умеют», «ни на что не способны» — the inability itself;
    None when there is none. «двух слов связать не могут» (by the idiom: cannot speak) is one too."""
    for k in same_clause:
        if k > i + 1 and words[k] == "связать" and words[k - 1] == "слов" and words[k - 2] in _TWO:
            if any(words[x] in _CAN_OR_KNOW_HOW and words[x - 1] == "не" for x in same_clause if x > i):
                return k - 2, k
    for k in same_clause:
        if k <= i or words[k] not in _UNABLE or (words[k] != "неспособны" and words[k - 1] != "не"):
            continue
        start = k - (words[k] != "неспособны")
        j = next(
            (j for j in same_clause if k < j <= k + 3 and words[j] in _CAPACITIES and _has(words[j], "INFN")),
            None,
        )
        if j is not None:
            return start, j
        for nothing in _NOTHING_AT_ALL if total else ():
            if tuple(words[start - len(nothing) : start]) == nothing and start - len(nothing) > i:
                return start - len(nothing), k
        return None
    return None


#: «(и) двух слов связать не могут / не умеют»
_TWO = frozenset(("двух", "2", "пары"))
_CAN_OR_KNOW_HOW = frozenset(("могут", "может", "умеют", "умеет", "способны"))

#: nothing at all, before «не умеют» / «не способны»: a whole group said to be good for nothing
_NOTHING_AT_ALL = (("ничего",), ("ни", "на", "что"), ("ни", "к", "чему"))


def _distrusted(
    words: Sequence[str], cue: list[frozenset[str]], clause: list[int], same_clause: list[int], i: int
) -> int | None:
    """In «<group, dative> нельзя доверять», «не верьте <group>», «ни одному <group> верить нельзя»
    the trust verb refused to the group ``i`` in its clause — negated, and a call (an infinitive or an
    imperative; not the author's «я не доверяю этому врачу», nor «армянам не поверили в суде»); None
    when there is none."""
    for j in same_clause:
        if words[j] not in _TRUST_FORMS:
            continue
        before = words[max(0, j - 2) : j]
        if _has(words[j], "impr"):
            refused = bool(before) and before[-1] == "не"  # «не верьте»
        else:
            # «нельзя доверять», «не стоит верить», «верить нельзя» (not «нет оснований не доверять»)
            refused = (
                "нельзя" in before
                or ("не" in before and not FORBID_MODALS.isdisjoint(before))
                or forbidden_after(words, clause, j)
            )
        if _on_condition(words, clause, j):
            return None  # «нельзя доверять таксистам без лицензии»
        if refused or (
            i >= 2 and words[i - 2] == "ни" and words[i - 1] in ("одному", "одной") and "нельзя" in words
        ):
            return j
    return None


#: trusting, in the infinitive and the imperative: refused to a whole group, it calls them liars
_TRUST_FORMS = frozenset(
    "доверять доверить верить поверить доверяться доверяйте доверяй верьте верь поверьте доверьте доверяйтесь".split()
)


#: waiting for something from someone: «ничего хорошего от них не жди», «чего ещё ожидать от …»
_EXPECT = frozenset(("ждать", "ожидать", "дождаться"))
#: what is said never to come from them: «ничего хорошего», «ничего доброго», «ничего путного»
_GOOD_THING = frozenset(("хорошего", "доброго", "путного", "толкового", "нормального"))


#: the group's own verb before an infinitive of feeling: what the group feels, not what is felt for it
_SUBJECT_AUX = frozenset("должны должна должен могут может будут будет обязаны станут умеют".split())

#: a citizen's rights, denied with «не должны» (round 35)
_CIVIC = frozenset(
    "голосовать избирать избираться выбирать водить руководить управлять жить работать учиться лечиться"
    " рожать служить".split()
)


def _rights_refused(words: Sequence[str], same_clause: list[int], i: int) -> int | None:
    """The right denied to the group subject at ``i`` in «<group> (вообще) не должны <right>» — the
    infinitive of :data:`_CIVIC` within two words after «не должны» in its clause; None when there is none
    («женщины не должны терпеть побои» refuses no right of theirs)."""
    for k in same_clause:
        if k <= i or k - i > 4 or words[k] not in ("должны", "должен", "должна") or words[k - 1] != "не":
            continue
        for j in (k + 1, k + 2):
            if j in same_clause and lemma(words[j]) in _CIVIC and _has(words[j], "INFN"):
                return j
    return None


#: what may stand between «это» and what a group is called («это уже диагноз», «это просто беда»)
_JUST_SO = frozenset(("уже", "просто", "явно", "точно", "настоящий", "настоящая", "настоящее", "сплошная", "сплошной"))

#: a people's removal named as a noun («выселение», «депортация», «изгнание»)
_EXPULSIONS = frozenset(
    "выселение депортация изгнание высылка выдворение зачистка выселения депортации изгнания высылки"
    " выдворения зачистки выселению депортацию изгнанию высылку выдворению зачистку".split()
)
#: what backs it: a vote for it, its time, its need («за», «пора», «нужна», «даёшь», «требуем»)
_BACKED = frozenset("за пора нужна нужно надо даешь требуем требую начать начинать срочно".split())


def _expulsion_backed(words: Sequence[str], sent: list[int], i: int) -> int | None:
    """The noun of expulsion before the people at ``i`` in the genitive («выселение цыган», «депортацию всех
    таджиков»), backed by a vote, a «пора» or a need just before it; None otherwise («выселение цыган из
    дома на Кирова отложено судом» is news)."""
    j = i - 1
    if j > 0 and words[j] in ("всех", "этих"):
        j -= 1
    if j < 1 or words[j] not in _EXPULSIONS or not _has(words[i], "gent"):
        return None
    if not any(words[k] in _BACKED for k in range(max(0, j - 3), j) if sent[k] == sent[i]):
        return None
    if any(words[k] in ("не", "против") for k in range(max(0, j - 4), j)):
        return None
    return j


def _nothing_good_from(words: Sequence[str], idx: list[int], i: int) -> int | None:
    """In «от <group> ничего хорошего не жди», «ничего доброго от них не ждите», «чего ещё ожидать от
    <group>» (the group ``i`` after «от», ``idx`` its sentence) the word that denies them any good —
    «ничего» before a good thing, or the «чего»/«что» of the rhetorical question — with a verb of
    waiting in the sentence; None when there is none («от мигрантов ждут уплаты налогов» asks a thing)."""
    if not (
        words[i - 1] == "от" or (i > 1 and words[i - 2] == "от" and words[i - 1] in _THEIR_OR_SUCH | _THESE)
    ):
        return None
    asked = any(
        words[k] in ("что", "чего") and k + 1 < i and words[k + 1] in _GOOD_THING for k in idx
    )  # «что хорошего может быть от ингушей?» (round 35): the good denied by the question itself
    if not asked and not any(lemma(words[k]) in _EXPECT for k in idx):
        return None
    for k in idx:
        if asked and words[k] in ("что", "чего") and words[k + 1] in _GOOD_THING:
            return k
        if words[k] == "ничего" and k + 1 < len(words) and words[k + 1] in _GOOD_THING:
            return k if k < i else k + 1  # (the quote spans «ничего хорошего»)
        if (
            words[k] in ("чего", "что")
            and k + 1 < len(words)
            and words[k + 1] in ("ещё", "еще", "же")
            and k < i
        ):
            return k
    return None


#: keeping company or doing business with people: refused to a whole people, it paints them as cheats
_SHUN = frozenset(
    ("связываться", "связаться", "общаться", "водиться", "дружить", "знаться", "сотрудничать", "иметь")
)


def _shunned(words: Sequence[str], sent: list[int], same_clause: list[int], i: int) -> int | None:
    """In «с <group> лучше не связываться», «с <group> дела не имей», «не надо дружить с <group>» the
    verb of company advised against (an infinitive or an imperative right after «не» or «не надо»);
    None when there is none — the author's own «я с ними не общаюсь» is no advice."""
    if not _dealt_with(words, sent, i):
        return None
    for j in same_clause:
        if lemma(words[j]) not in _SHUN or not (_has(words[j], "INFN") or _has(words[j], "impr")):
            continue
        if j < 1 or not (
            words[j - 1] in ("не", "нельзя")
            or (j > 1 and words[j - 2] == "не" and words[j - 1] in FORBID_MODALS)
        ):
            continue  # («с ними нельзя иметь дело»: forbidden like «не надо»)
        # («иметь» alone is having: only «дел(а) не иметь» is the business refused)
        if lemma(words[j]) != "иметь" or any(
            lemma(words[k]) == "дело" for k in same_clause if abs(k - j) <= 2
        ):
            return j
    return None


_LEFT_WITHOUT = frozenset(("остаться", "оставаться", "оставить", "оставлять", "расти", "вырасти"))


def _without(words: Sequence[str], cue: list[frozenset[str]], same_clause: list[int], i: int) -> int | None:
    """In «<group> — люди без совести», the lacking word (GS.LACK) right after «без» in the group's
    clause; None when it is what they were left or grew up without («дети остались без воспитания»)
    or the first word of a phrase («пенсионеры без культуры досуга»)."""
    j = next((k + 1 for k in same_clause if k > i and words[k] == "без" and k + 1 in same_clause), None)
    if j is None or "GS.LACK" not in cue[j] or any(lemma(words[k]) in _LEFT_WITHOUT for k in same_clause):
        return None
    # («без культуры досуга»: the word heads a phrase of its own)
    return None if j + 1 in same_clause and likely(words[j + 1], "NOUN", "gent") else j


#: object pronouns that may stand inside a set phrase after its first word
_IDIOM_OBJECTS = frozenset(("их", "всех", "этих", "таких", "его", "ее", "им", "всем"))


def _mark_idioms(
    words: Sequence[str], lemmas: list[str] | None, region: list[int], cue: list[frozenset[str]]
) -> None:
    """Give the head word of each set phrase in ``region`` the cue the phrase stands for (:data:`_IDIOMS`)."""
    n = len(words)
    for k in region:
        options = _IDIOMS.get(_lemma_at(words, lemmas, k))
        if not options:
            continue
        # «поставить их на место», «держать всех их в узде»: the object pronouns may stand inside
        gap = 0
        while gap < 2 and k + 1 + gap < n and words[k + 1 + gap] in _IDIOM_OBJECTS:
            gap += 1
        for phrase, head, name in options:
            at = [k] + [k + m + gap for m in range(1, len(phrase))]
            if at[-1] < n and all(
                words[a] == x or _lemma_at(words, lemmas, a) == x
                for a, x in zip(at, phrase, strict=True)
            ):
                cue[at[head]] = cue[at[head]] | {name}


def reported_speech(
    norm: Normalized, lexicon: Lexicon, lemmas: list[str], spans: list[tuple[int, int]]
) -> Finding | None:
    """Reported speech around abusive words in a text that names no group («мне написали "ты дура"»,
    «сосед сказал, что мы знаем, где ты живёшь»): is there a report verb (past tense, or a third
    person: not the author's own "я скажу так: …") before one of ``spans`` in its sentence, and no
    "ты" of the author's own before it? Only asked for texts with abusive lexicon hits."""
    toks = norm.tokens
    words = norm.words
    cues, cue_lemmas = lexicon.cues, lexicon.cue_lemmas
    first_hit = min((k for a, _b in spans if (k := norm.token_at(a)) is not None), default=None)
    if first_hit is None:
        return None
    orig = norm.original
    if (_named_word(norm, lemmas, first_hit) or asks_meaning(words, first_hit)) and _SECOND_PERSON.isdisjoint(
        words
    ):
        t = toks[first_hit - 1]
        return Finding(
            "reported_speech",
            None,
            t.start,
            toks[first_hit].end,
            "review",
            f"упоминание: {words[first_hit - 1]}",
        )
    if (k := _word_named_after(norm, lemmas, first_hit)) is not None and _SECOND_PERSON.isdisjoint(words):
        return Finding(
            "reported_speech", None, toks[first_hit].start, toks[k].end, "review", f"упоминание: {words[k]}"
        )
    if (back := _quoted_then_reported(norm, cues, cue_lemmas, lemmas, first_hit)) is not None:
        return back
    if (k := _labels_rebuked(norm, lemmas, first_hit)) is not None:
        return Finding("reported_speech", None, toks[k].start, toks[k].end, "review", f"упрёк: {words[k]}")
    if (k := _naming_judged(norm, first_hit)) is not None:
        return Finding("reported_speech", None, toks[k].start, toks[k].end, "review", f"упрёк: {words[k]} …")
    if (k := _not_deemed(norm, first_hit)) is not None:
        return Finding("reported_speech", None, toks[k - 1].start, toks[k].end, "review", f"упрёк: не {words[k]} …")
    if (k := _quote_denied(norm, first_hit)) is not None:
        return Finding(
            "reported_speech", None, toks[k].start, toks[k].end, "review", f"упрёк: «…» — {words[k]} …"
        )
    if (span := _quoted_list(norm, first_hit)) is not None and all(span[0] <= a < span[1] for a, _b in spans):
        return Finding("reported_speech", None, span[0], span[1], "review", "перечень чужих слов в кавычках")
    if (span := _labels_dismissed(norm, cues, cue_lemmas, lemmas, spans)) is not None:
        return Finding("reported_speech", None, span[0], span[1], "review", "ярлыки перечислены и отброшены")
    if (k := _asked_not_about(norm, first_hit)) is not None:
        return Finding(
            "reported_speech", None, toks[k].start, toks[k].end, "review", f"упрёк: {words[k]} про …"
        )
    if (k := _label_refused(norm, first_hit)) is not None:
        return Finding(
            "reported_speech", None, toks[k].start, toks[first_hit].end, "review", f"упрёк: {words[k]} не «…»"
        )
    if (k := _label_owned(words, lemmas, first_hit)) is not None:
        return Finding(
            "reported_speech", None, toks[k].start, toks[k].end, "review", f"о себе: {words[k]} …"
        )
    if _label_discussed(
        words, lemmas, first_hit, first_hit + 1 < len(toks) and "—" in orig[toks[first_hit].end : toks[first_hit + 1].start]
    ):
        return Finding(
            "reported_speech", None, toks[first_hit].start, toks[first_hit].end, "review", f"о слове: {words[first_hit]} …"
        )
    if (k := _search_called_off(words, lemmas, first_hit)) is not None:
        return Finding(
            "reported_speech", None, toks[k].start, toks[first_hit].end, "review", f"упрёк: {words[k]} искать …"
        )
    if (k := _talked_about(norm, lemmas, first_hit)) is not None:
        a, b = min(k, first_hit), max(k, first_hit)
        return Finding("reported_speech", None, toks[a].start, toks[b].end, "review", f"упоминание: {words[k]} про …")

    def naming(k: int) -> bool:  # a naming verb in the abusive word's sentence
        c = cues.get(words[k], _EMPTY) | cue_lemmas.get(lemmas[k], _EMPTY)
        return "GS.REPORT_NAMING" in c and not _SENTENCE_END.search(orig, toks[first_hit].end, toks[k].start)

    # (the word of abuse may end a pattern's span that opens with its addressee: «вы меня «истеричкой» назвали»)
    named_at = [first_hit] + [
        e for _a, b in spans if (e := norm.token_at(b - 1)) is not None and e != first_hit
    ]
    k = next((x for h in named_at if (x := _named_after(words, h, naming)) is not None), None)
    if k is not None:
        return Finding("reported_speech", None, toks[k].start, toks[k].end, "review", f"пересказ: {words[k]}")
    # the «ты» of the quoted words is the speaker's («мне сказали «ты дура»»), not the author's
    opened = [m.start() for m in _QUOTE_OR_COLON.finditer(orig, 0, toks[first_hit].start)]
    quoted_from = opened[-1] if opened else len(orig)
    for k in range(first_hit - 1, -1, -1):
        if _SENTENCE_END.search(orig, toks[k].end, toks[k + 1].start):
            return None
        if words[k] in _SECOND_PERSON and toks[k].start < quoted_from:
            return None
        c = cues.get(words[k], _EMPTY) | cue_lemmas.get(lemmas[k], _EMPTY)
        if _quotes_a_post(norm, lemmas[k], k, first_hit):
            if any(words[m] in _SECOND_PERSON for m in range(k)):
                return None
            t = toks[k]
            return Finding("reported_speech", None, t.start, t.end, "review", f"цитата: {words[k]}")
        if "GS.REPORT" in c and _reports(words, k) and _introduces(norm, words, c, k, first_hit):
            if any(words[m] in _SECOND_PERSON for m in range(k)):
                return None
            t = toks[k]
            return Finding("reported_speech", None, t.start, t.end, "review", f"пересказ: {words[k]}")
    return None


#: what the labels listed before a rebuke are called or done with («навешивать ярлыки», «обзываться»)
_LABELLING = frozenset("навешивать вешать клеить наклеивать ярлык обзывать обзываться оскорблять".split())
#: what a thread is asked to go on «без»: «Ватник, либераст — давайте без ярлыков»
_NAME_CALLING = frozenset("ярлык оскорбление обзывательство кличка".split())


def _labels_rebuked(norm: Normalized, lemmas: list[str], h: int) -> int | None:
    """«Ватник, либерал — перестаньте уже навешивать ярлыки друг на друга», «…— давайте без ярлыков»: the
    abusive word at ``h`` and another listed, a dash, then (within ten words) the author asks to stop labelling
    or calling names, or to go on without labels.
    The token of the stop word; None when there is none."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    if not _SECOND_PERSON.isdisjoint(words[:h]):
        return None  # («Ты дебил, хватит оскорблять людей»: said to someone, not listed)
    for k in range(h + 1, min(h + 10, len(words))):
        if _SENTENCE_END.search(orig, toks[k - 1].end, toks[k].start) or words[k] in _SECOND_PERSON:
            return None
        if (
            words[k] in _STOP_ASKING
            and any(lemmas[m] in _LABELLING for m in range(k + 1, min(k + 5, len(words))))
        ):
            # a list of labels closed by a dash («Ватник, либерал — …»; not «Дебил, хватит оскорблять людей»)
            return k if k - h >= 2 and _DASH.search(orig, toks[k - 1].end, toks[k].start) else None
        if words[k] == "без" and _without_labels(norm, lemmas, k):
            d = k - 1 if words[k - 1] in _LETS else k
            return k if d - h >= 2 and _DASH.search(orig, toks[d - 1].end, toks[d].start) else None
    return None


#: what may stand between the dash and «без»: «— давайте без ярлыков», «— можно без ярлыков?»
_LETS = frozenset(("давайте", "давай", "можно"))


def _without_labels(norm: Normalized, lemmas: list[str], k: int) -> bool:
    """«… — давайте без ярлыков»: «без» at ``k`` and a word for name-calling ending its sentence (not «без ярлыков
    никак, все вы стадо»)."""
    toks, orig = norm.tokens, norm.original
    if k + 1 >= len(toks) or lemmas[k + 1] not in _NAME_CALLING:
        return False
    return k + 2 == len(toks) or bool(_SENTENCE_END.search(orig, toks[k + 1].end, toks[k + 2].start))


#: infinitives of calling people names, opening a sentence that judges the calling
_NAMING_INF = frozenset("называть обзывать писать говорить звать".split())
_BUT = frozenset(("но", "а", "однако"))


def _asked_not_about(norm: Normalized, h: int) -> int | None:
    """«Не надо про «школоту» всех под одну гребёнку», «Хватит уже про «понаехавших»»: the abusive word at ``h``
    quoted right after «про», and the author asking to stop just before it. The stop word's token; None when
    there is none."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    # («не надо про "всех понаехавших"»: a quantifier may open the quotation)
    p = h - 2 if h >= 3 and words[h - 1] in _QUANT_INSIDE else h - 1
    if p < 1 or words[p] != "про" or not QUOTE_OPENING.search(orig, toks[p].end, toks[p + 1].start):
        return None
    return next((m for m in range(p - 1, max(-1, p - 4), -1) if words[m] in _STOP_SAYING), None)


_QUANT_INSIDE = frozenset(("всех", "этих", "таких", "наших", "ваших"))


def _label_refused(norm: Normalized, h: int) -> int | None:
    """«Мы не „понаехавшие“, мы тут живём», «я вам не „бабка“»: the abusive word at ``h`` opening a quotation
    right after «не», with «мы» or «я» just before — the author refuses the label put on them. The
    pronoun's token; None otherwise."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    if h < 2 or words[h - 1] != "не" or not QUOTE_OPENING.search(orig, toks[h - 1].end, toks[h].start):
        return None
    return next((m for m in range(h - 2, max(-1, h - 4), -1) if words[m] in ("мы", "я")), None)


#: the author counting themselves in: «я сама понаехавшая», «мы тоже приезжие», «я и сам такой»
_SELF = frozenset(("сама", "сам", "сами", "тоже", "и"))


def _label_owned(words: Sequence[str], lemmas: list[str], h: int) -> int | None:
    """«Понаехавшие... я сама понаехавшая из Мурманска 😂»: the abusive word at ``h`` (or the same word again)
    right after «я»/«мы» and «сама»/«тоже» — the author takes the label for themselves, calling no one (round 36:
    deleted with a ban). The pronoun's token; None otherwise."""
    if likely(words[h], "VERB") or likely(words[h], "INFN"):
        return None  # («тех мы сами встретим»: an act, not a label)
    if (
        h == 0
        and len(words) > 2
        and words[1] in _FROM  # (where the label's bearer comes from: «понаехавший с Норильска»)
        and _has(words[0], "sing", "nomn")
        and any(likely(w, "VERB", "1per", "sing") for w in words[2:16])
    ):
        return 0  # («Понаехавший с Норильска на связи 😅 Купил квартиру, плачу налоги»: the author introduced; round 40)
    for m in range(len(words)):
        if lemmas[m] != lemmas[h] or m < 2:
            continue
        if words[m - 1] in _SELF and words[m - 2] in ("я", "мы"):
            return m - 2
        if m >= 3 and words[m - 1] in _SELF and words[m - 2] in _SELF and words[m - 3] in ("я", "мы"):
            return m - 3  # «я и сам понаехавший»
    return None


#: the word itself talked of («Понаехавшие — дурацкое слово», «давайте без ярлыков»)
_WORD_ITSELF = frozenset("слово словечко слова ярлык ярлыки выражение прозвище термин".split())


def _label_discussed(words: Sequence[str], lemmas: list[str], h: int, dashed: bool) -> bool:
    """Is the abusive word at ``h`` talked of as a word — called a word or a label after a dash («Понаехавшие —
    дурацкое слово») or set against its own negation («ну понаехавшие, не понаехавшие, а в поликлинику все …»)? Round
    41: both deleted with a ban. (Said to be «us», «Понаехавшие это мы все», it is held by the model's reading already;
    read here too, it cost the joint CV 0.0008.)"""
    n = len(words)
    if dashed and not _WORD_ITSELF.isdisjoint(words[h + 1 : h + 4]):
        return True  # (said of it after a dash: not «истеричка, честное слово», «ни слова не сказал»)
    return any(words[m] == "не" and m + 1 < n and lemmas[m + 1] == lemmas[h] for m in range(h + 1, min(n - 1, h + 3)))


#: what people are told to stop doing with a label: seeking, blaming, seeing it everywhere, making it up
_SEEKING = frozenset("искать винить видеть выискивать выдумывать придумывать обвинять".split())


def _search_called_off(words: Sequence[str], lemmas: list[str], h: int) -> int | None:
    """«Хватит искать жидомасонов в администрации», «перестаньте винить во всём «мигрантов»»: the abusive word at
    ``h`` the object of seeking or blaming the author asks to stop (round 34: deleted with a ban). The stop word's
    token; None otherwise (not «хватит терпеть этих …»: enduring is no search)."""
    for k in range(h - 1, max(-1, h - 5), -1):
        if lemmas[k] in _SEEKING:
            return next((m for m in range(k - 1, max(-1, k - 3), -1) if words[m] in _STOP_ASKING), None)
    return None


def _talked_about(norm: Normalized, lemmas: list[str], h: int) -> int | None:
    """«Спорят тут про навальнистов и ватников, а вода не идёт», «опять пишут о „понаехавших“»: the abusive
    word (or the second of two joined by «и») right after «про»/«о», and a verb of talk before it in the
    clause, or right after the word («кто про «понаехавших» пишет») — the words are a topic, said of nobody
    here. The verb's token; None otherwise («вы про своих ватников …»: no «про» right before the word)."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    p = h - 3 if h >= 3 and words[h - 1] == "и" else h - 1
    if p < 1 or words[p] not in ("про", "о", "об"):
        return None
    for m in range(p - 1, max(-1, p - 4), -1):
        if _TOPIC_GAP.search(orig, toks[m].end, toks[m + 1].start):
            break
        if (
            lemmas[m] in _TALK
            or words[m] in _TOPIC_DISMISSED
            or (words[m] == "можно" and words[m - 1 : m] == ("сколько",))
        ):
            return m  # (round 32: «сколько можно про понаехавших?», «хватит про …»: the topic itself refused)
    # … or after it («тех, кто про «понаехавших» пишет»)
    for m in range(h + 1, min(len(words), h + 3)):
        if _TOPIC_GAP.search(orig, toks[m - 1].end, toks[m].start):
            break
        if lemmas[m] in _TALK:
            return m
    return None


#: verbs of talking about something (lemmas)
_TALK = frozenset(
    "спорить говорить писать обсуждать рассуждать болтать ругаться сраться трепаться"
    # (round 34: jokes told about a people — «анекдоты про сало и хохлов давно не смешные»)
    " шутить анекдот шутка шуточка байка мем прикол".split()
)
#: words that refuse a topic without a verb of talk («хватит про …», «надоело про …»)
_TOPIC_DISMISSED = frozenset("хватит надоело достало".split())
#: what ends the clause a topic is talked about in: a sentence's end, a comma, a colon or a dash — not a
#: quotation mark (``_CLAUSE_END`` has them: «кто про «понаехавших» пишет» quotes the word talked about)
_TOPIC_GAP = re.compile(r"[,.!?;:—–\n]")


def _not_deemed(norm: Normalized, h: int) -> int | None:
    """«не считаю тех, кто за этого, дураками», «не назову их идиотами»: the abusive word at ``h`` in the
    instrumental, the object of the author's own denied «считаю» or «назову» before it in its sentence (round 33:
    deleted). The verb's token, or None."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    if not _has(words[h], "ablt") or not _SECOND_PERSON.isdisjoint(words[h + 1 :]):
        return None  # («я не считаю себя безмозглым …, просто ты …»: the author turns on the addressee after it)
    for k in range(h - 1, max(0, h - 9), -1):
        if _SENTENCE_END.search(orig, toks[k].end, toks[k + 1].start):
            break
        if words[k] in _DEEM_1ST and words[k - 1] == "не":
            return k
    # (… or the denied verb right after it: «тех, кто за ЕР, дураками не считаю»; round 39)
    for k in range(h + 2, min(len(words), h + 4)):
        if _SENTENCE_END.search(orig, toks[k - 1].end, toks[k].start):
            return None
        if words[k] in _DEEM_1ST and words[k - 1] == "не":
            return k
    return None


#: the author's own verbs of deeming and naming («не считаю …», «не назову …»)
_DEEM_1ST = frozenset("считаю считаем назову назовем называю называем".split())


def _naming_judged(norm: Normalized, h: int) -> int | None:
    """«Называть людей «ватниками» или «либерастами» — это не аргумент», «Обзывать приезжих «чурками» — позор»:
    the abusive word at ``h`` in quotation marks after an infinitive of calling that opens its sentence, and
    a dash after the quote, then «это» or a word of rebuke — the sentence judges the calling, it calls nobody.
    The infinitive's token; None when there is none («называть вещи своими именами: вы ворьё» has no quote)."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    k = next((m for m in range(h - 1, max(-1, h - 5), -1) if words[m] in _NAMING_INF), None)
    if k is None:
        return None
    if k > 0 and not _SENTENCE_END.search(orig, toks[k - 1].end, toks[k].start):
        # (or opens a clause after «но», «а»: «Можно критиковать партию, но называть избирателей «быдлом» — это перебор»)
        # (or a sentence's own «Но»: «… вели себя плохо. Но называть всех «быдлом» тоже не выход» — round 32)
        if not (
            words[k - 1] in _BUT
            and (
                k == 1
                or _SENTENCE_END.search(orig, toks[k - 2].end, toks[k - 1].start)
                or "," in orig[toks[k - 2].end : toks[k - 1].start]
            )
        ):
            return None
    if _SENTENCE_END.search(orig, toks[k].end, toks[h].start):
        return None
    quoted = QUOTE_OPENING.search(orig, toks[k].end, toks[h].start) is not None
    if not quoted and not (_has(words[h], "ablt") and h - k <= 3):
        # (unquoted, the word must be the calling's own object, close by: «Называть людей ватниками или
        # либерастами — это оскорбление»; not «называть вещи своими именами: вы ворьё»)
        return None
    for m in range(h + 1, min(h + 8, len(words))):
        gap = orig[toks[m - 1].end : toks[m].start]
        if _SENTENCE_END.search(gap):
            return None
        closed = quoted and QUOTE_CLOSING.search(orig, toks[h].end, toks[m].start) is not None
        if closed and words[m] == "не" and m + 1 < len(words):
            after = words[m + 1]
            if after in _WONT or (after in _NO_REASON and all(words[x] in _BEFORE_NOT for x in range(h + 1, m))):
                # («но называть вас «ватником» не буду»: the calling refused; «называть всех «быдлом» тоже не
                # выход», no dash: denied to be a reason — round 32: each deleted)
                return k
        if _DASH.search(gap) and (not quoted or closed):
            # («— это не аргумент», «— позор»; not «Называть их надо «уродами» — вот что я скажу»)
            # (round 28: «— не аргумент», «— не выход»: the calling denied to be a reason)
            rebuked = words[m] == "это" or words[m] in _REBUKE
            return (
                k
                if rebuked or (words[m] == "не" and m + 1 < len(words) and words[m + 1] in _NO_REASON)
                else None
            )
    return None


def _quote_denied(norm: Normalized, h: int) -> int | None:
    """«„Понаехали“ — это не аргумент. Давайте обсуждать пробки, а не людей»: the abusive word at ``h`` in a
    quotation that opens its sentence, and after the quotation a dash, then «(это) не аргумент / не выход …»
    or «(это) позор / хамство …» — the sentence judges the word, it calls nobody (round 29: deleted with a
    ban; :func:`_naming_judged` reads the same after an infinitive of calling). The token of the judgement."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    s = next(
        (
            m
            for m in range(h, max(-1, h - 4), -1)
            if QUOTE_OPENING.search(orig, toks[m - 1].end if m else 0, toks[m].start)
        ),
        None,
    )
    if s is None:
        return None
    if s > 0 and (k := _quote_refused_before(norm, s)) is not None:
        return k
    if not _quote_opens(norm, s):
        return None
    for m in range(h + 1, min(h + 5, len(words))):
        gap = orig[toks[m - 1].end : toks[m].start]
        if _SENTENCE_END.search(gap):
            return None
        if _DASH.search(gap) and QUOTE_CLOSING.search(orig, toks[h].end, toks[m].start):
            n = m + 1 if words[m] == "это" else m
            if n < len(words) and words[n] in _JUST:
                n += 1  # («— это уже не критика»)
            if n + 1 < len(words) and words[n] == "не" and words[n + 1] in _NO_REASON:
                return n + 1
            if n < len(words) and words[n] in _ASKED_BACK:
                return n  # («"Все армяне воры" — серьёзно? Мой сосед армянин …» — round 32: deleted with a ban)
            if n < len(words) and _answered_back(words, n) and _sentence_asks(norm, norm.sentences, n):
                # («"понаехавшие" — а сам Пятигорск кто строил?», «"Шлюха" — это вы про женщину, которая …?»)
                return n
            return n if n < len(words) and words[n] in _REBUKE else None
    return None


def _quoted_list(norm: Normalized, h: int) -> tuple[int, int] | None:
    """«Ой всё, началось: "ватник", "либераха", "бот"…», «под каждым постом одно и то же: "понаехали", "валите"»:
    the abusive word at ``h`` inside one of two or more quotations listed side by side (only commas, «и» or
    spaces between), and no «ты»/«вы» outside the quotations in its sentence — words talked about, said to no
    one (round 32: each deleted with a ban). The list's span in the text, or None (the caller wants every
    abusive word of the text inside it: «про «тупых хахлов», «тупых пиндосов» … пустоголовый обыватель» keeps
    the author's own)."""
    orig, toks = norm.original, norm.tokens
    at = toks[h].start
    quotes = _quoted_spans(norm)
    mine = next((i for i, (a, b) in enumerate(quotes) if a < at < b), None)
    if mine is None:
        return None
    first = last = mine
    while first > 0 and _LIST_GAP.fullmatch(orig, quotes[first - 1][1], quotes[first][0]):
        first -= 1
    while last + 1 < len(quotes) and _LIST_GAP.fullmatch(orig, quotes[last][1], quotes[last + 1][0]):
        last += 1
    if first == last:
        return None
    sent = norm.sentences
    inside = quotes[first : last + 1]
    if any(
        w in SECOND_PERSON and sent[k] == sent[h] and not any(a < toks[k].start < b for a, b in inside)
        for k, w in enumerate(norm.words)
    ):
        return None  # («"дебил", "урод" — вот ты кто»)
    return quotes[first][0], quotes[last][1]


def _labels_dismissed(
    norm: Normalized, cues: dict, cue_lemmas: dict, lemmas: list[str], spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """«Понаехавшие, местные — какая разница? Мусор оставляет каждый», «ватник, либерал — какая разница, если
    …»: labels listed side by side (one or two words each) and waved away after a dash — the author sets
    them aside, calls no one by them (round 33: each deleted with a ban). The list's span when every abusive
    word of the text is inside it, no «ты»/«вы» is in the text and nothing after the list judges or drives
    people out («хачи, чурки — без разницы, всех гнать» is the author's own call), else None."""
    orig = norm.original
    low = orig.lower()
    if not any(w in low for w in _DISMISSAL_HINTS) or not _SECOND_PERSON.isdisjoint(norm.words):
        return None
    for m in _DISMISSED_LIST.finditer(orig):
        a, b = m.span(1)
        if not all(a <= x and y <= b for x, y in spans):
            continue
        after = [k for k, t in enumerate(norm.tokens) if t.start >= m.end()]
        if any(
            not _JUDGING.isdisjoint(cues.get(norm.words[k], _EMPTY) | cue_lemmas.get(lemmas[k], _EMPTY))
            for k in after
        ):
            return None
        return a, b
    return None


#: the analyser's cues of judging people or driving them out (what a dismissal may not be followed by)
_JUDGING = frozenset(("GS.EVAL", "GS.EXCLUDE", "GS.DEHUMAN", "GS.SPREAD", "GS.HATRED"))


#: two to four labels of one or two words, commas between, then a dash and «какая разница», «без разницы»,
#: «всё равно» (round 39: or the labels themselves set aside — «… — давайте без ярлыков», «… — это всё про наших
#: родителей», «… — пока мы друг друга так обзываем»)
_DISMISSED_LIST = re.compile(
    r"((?:[^\W\d_]+(?: [^\W\d_]+)?\s*,\s*){1,3}[^\W\d_]+(?: [^\W\d_]+)?)\s*[—–-]+\s*"
    r"(?:какая (?:к черту |на фиг |вообще )?разница|без разницы|вс[её] равно"
    r"|давайте без (?:ярлык|обзыв|оскорблени)|это вс[её] про (?:наших|нас|людей|своих)|пока мы (?:друг друга|так)"
    r"|это (?:вс[её] )?(?:ярлык|обзыват))",
    re.IGNORECASE,
)
_DISMISSAL_HINTS = ("разниц", "равно", "ярлык", "обзыв", "это всё про", "это все про", "пока мы")


#: what stands between two quotations of a list: a comma, «и», «или», spaces
_LIST_GAP = re.compile(r"\s*(?:,|\bи\b|\bили\b)\s*", re.IGNORECASE)


def _answered_back(words: Sequence[str], n: int) -> bool:
    """Does the answer after a quotation's dash open with «а …» or «(вы) про …» — a counter-question when its
    sentence asks?"""
    return words[n] == "а" or words[n] == "про" or (words[n] in ("вы", "ты") and words[n + 1 : n + 2] == ("про",))


def _quote_refused_before(norm: Normalized, s: int) -> int | None:
    """The token before a quotation at ``s`` that refuses its words: «давайте без «дебилов» и «идиотов»», «какое
    «быдло»? вы про болельщиков?» — a question right after the quotation closes (round 32: each deleted)."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    k = s - 1
    if words[k] == "без" and "давайте" in words[max(0, k - 3) : k]:
        return k
    if words[k] in _WHICH_ASKED:
        closed = QUOTE_CLOSING.search(orig, toks[s].start)
        if closed is not None and orig[closed.end() : closed.end() + 3].lstrip().startswith("?"):
            return k
    return None


def _quote_opens(norm: Normalized, s: int) -> bool:
    """Does the quotation whose first token is ``s`` open its sentence — at the text's start or after a
    sentence's end, or after only the one answered («Нелли, "понаехали" — …», «@id48213 «быдло» — …») or a
    sentence's «Но» / «А» («Но «мразь» и «ворьё» — это уже не критика») (round 32: each deleted with a ban)?"""
    toks, orig, words = norm.tokens, norm.original, norm.words

    def starts(k: int) -> bool:  # the token at ``k`` opens a sentence
        return k == 0 or _SENTENCE_END.search(orig, toks[k - 1].end, toks[k].start) is not None

    if starts(s):
        return True
    hailed = orig[toks[s - 1].start].isupper() and "," in orig[toks[s - 1].end : toks[s].start]
    handle = toks[s - 1].start > 0 and orig[toks[s - 1].start - 1] == "@"
    if s >= 2 and words[s - 2 : s] == ("так", "что") and starts(s - 2):
        return True  # («Так что "чурки без прав" — это не про меня»)
    return starts(s - 1) and (hailed or handle or words[s - 1] in _BUT)


def _named_after(words: Sequence[str], h: int, naming: Callable[[int], bool]) -> int | None:
    """The naming verb that called someone the word at ``h`` («этот Сергей меня дебилом обозвал», «нас
    чурками обзывают»): the word in the instrumental, one of the next two words a naming verb of its
    sentence (``naming(k)``) that reports someone's words; None when there is none."""
    if not _has(words[h], "ablt"):
        return None
    return next((k for k in (h + 1, h + 2) if k < len(words) and naming(k) and _reports(words, k)), None)


def _quoted_then_reported(norm: Normalized, cues, cue_lemmas, lemmas: list[str], h: int) -> Finding | None:
    """«"Сдохните все" — это вы мне пишете?»: the abusive word at ``h`` inside quotation marks that
    open the text or a sentence, and a verb of saying within five words after they close, in the same
    sentence — the words are someone's, put back to them or reported."""
    toks, words, orig = norm.tokens, norm.words, norm.original
    opens = list(_OPENING.finditer(orig, 0, toks[h].start))
    if not opens:
        return None
    m = opens[-1]  # the last quotation opened before the word
    close = QUOTE_PAIRS[orig[m.end() - 1]]
    closed = orig.find(close, toks[h].end)
    if closed < 0 or close in orig[m.end() : toks[h].start]:
        return None
    for k in [k for k in range(h + 1, len(toks)) if toks[k].start > closed][:5]:
        if _SENTENCE_END.search(orig, closed + 1, toks[k].start):
            return None
        c = cues.get(words[k], _EMPTY) | cue_lemmas.get(lemmas[k], _EMPTY)
        if "GS.REPORT" in c and _reports(words, k):
            t = toks[k]
            return Finding("reported_speech", None, t.start, t.end, "review", f"цитата: {words[k]}")
    return None


#: a quotation opening the text or a sentence (closed by its :data:`~moderation.normalize.QUOTE_PAIRS` mark)
_OPENING = re.compile(r"(?:^|[.!?…\n]\s*)[«\"“]")


#: what people write: a quote right after one of these is someone else's words
_POST_NOUNS = frozenset(("комментарий", "коммент", "пост", "сообщение", "запись", "отзыв", "надпись", "фраза",
                         "высказывание", "лозунг", "реплика", "скриншот", "скрин", "цитата",
                         "призыв", "выкрик", "плакат", "транспарант", "граффити", "заявление", "листовка",
                         "наклейка", "стикер", "баннер", "вывеска", "объявление"))  # fmt: skip
#: «слово «хач» оскорбительное»: a word quoted after «слово» is talked about, not said
_WORD_NOUNS = frozenset(
    ("слово", "словечко", "выражение", "прозвище", "кличка", "обзывательство", "ругательство")
)
_OPEN_QUOTE = re.compile(r"[«\"„“']")
_CLOSE_QUOTE = re.compile(r"[»\"“”']")


def _quotes_a_post(norm: Normalized, lem: str, k: int, h: int) -> bool:
    """«комментарии вроде «…»», «надпись на заборе: …», «цитирую: «…»»: is the word at ``h`` quoted (a
    quote or a colon between) within four words after a post noun or a verb of quoting (lemma ``lem``)
    at ``k`` — someone's words, not the author's?"""
    return (
        (lem in _POST_NOUNS or lem.startswith(_QUOTING))
        and h - k <= 4
        and bool(_QUOTE_OR_COLON.search(norm.original, norm.tokens[k].end, norm.tokens[h].start))
    )


#: «что такое …», «что значит …»: a question about what a word means
_MEANING = frozenset((("что", "такое"), ("что", "значит"), ("что", "означает")))


def asks_meaning(words: Sequence[str], k: int) -> bool:
    """Is the word at ``k`` the one a question asks the meaning of («что такое «ватник»?», «что
    значит чурбан»): talked about, not said?"""
    return k >= 2 and (words[k - 2], words[k - 1]) in _MEANING


def _named_word(norm: Normalized, lemmas: list[str], k: int) -> bool:
    """Is the word at ``k`` quoted right after «слово», «выражение» … (its quote closing after it)?"""
    toks = norm.tokens
    if (
        k == 0
        or lemmas[k - 1] not in _WORD_NOUNS
        or not _OPEN_QUOTE.search(norm.original, toks[k - 1].end, toks[k].start)
    ):
        return False
    end = toks[k + 1].start if k + 1 < len(toks) else len(norm.original)
    return bool(_CLOSE_QUOTE.search(norm.original, toks[k].end, end))


def _word_named_after(norm: Normalized, lemmas: list[str], k: int) -> int | None:
    """The token of «слово», «выражение» … that names the word at ``k`` after it: the word alone in
    quotation marks, a dash, and the noun within three words («"Понаехали" — любимое слово моего деда»,
    ««Чурка» — это слово-оскорбление»); None when there is none."""
    toks, orig = norm.tokens, norm.original
    if k + 1 >= len(toks) or not _OPEN_QUOTE.search(orig, toks[k - 1].end if k else 0, toks[k].start):
        return None
    gap = orig[toks[k].end : toks[k + 1].start]
    if not (_CLOSE_QUOTE.match(gap) and _DASH.search(gap)):
        return None
    return next((m for m in range(k + 1, min(k + 4, len(toks))) if lemmas[m] in _WORD_NOUNS), None)


#: asking someone to stop («хватит», «перестаньте»; round 33: «прошу перестать писать, что …», «хорош уже»);
#: with the words that forbid, what stops a saying
_STOP_ASKING = frozenset("прекратите прекрати хватит перестаньте перестань перестать прекратить хорош".split())
_STOP_SAYING = _STOP_ASKING | frozenset(("не", "нельзя", "запретите"))


#: what may stand between «не надо» and its verb: «не надо про нас говорить», «хватит уже так называть»
_SAY_FILLER = frozenset(
    "надо нужно стоит можно так уже больше такое про о об обо нас вас них их нам вам им всем всех людей друг друга".split()
)


#: what an infinitive of saying is judged as after it: «называть людей «понаехавшими» некрасиво»
_REBUKE = frozenset(
    "некрасиво стыдно неприлично нехорошо недопустимо оскорбительно грубо низко подло мерзко нельзя позор позорно"
    " преступление расизм ксенофобия хамство дискриминация неправильно некорректно неэтично"
    # (round 32: the law named — «писать «гнать всех» — это статья вообще-то»)
    " статья экстремизм разжигание"
    # (round 36: the word named an insult — «"Чурки" — это оскорбление, за которое можно и статью получить»)
    " оскорбление".split()
)


def _rebuked(words: Sequence[str], k: int) -> bool:
    """Is the infinitive of saying at ``k`` judged wrong within six words after it («называть людей
    «понаехавшими» некрасиво», «писать такое про соседей стыдно»), just before it («неправильно
    называть приезжих «понаехавшими»», «стыдно так говорить») or asked «зачем» of?"""
    return (
        not _REBUKE.isdisjoint(words[k + 1 : k + 7])
        or not _REBUKE.isdisjoint(words[max(0, k - 2) : k])
        or (k > 0 and words[k - 1] == "зачем")  # «Зачем писать «все врачи убийцы»?» (round 27: deleted)
    )


def _told_to_stop(words: Sequence[str], k: int) -> bool:
    """Is the infinitive at ``k`` asked to stop («прекратите писать», «не будем называть», «не надо про нас
    говорить»)?"""
    if any(words[m] in _STOP_SAYING for m in range(max(0, k - 2), k)):
        return True
    for m in range(k - 1, max(-1, k - 6), -1):
        if words[m] in _STOP_SAYING:
            return True
        if words[m] not in _SAY_FILLER:
            return False
    return False


def _reports(words: Sequence[str], k: int) -> bool:
    """Is the verb at ``k`` someone's words being reported ("написали", "пишут", "назвал"), not the
    author's own statement ("я говорю, что …", "скажу так", "скажи им")?"""
    w = words[k]
    if _endorsed(words, k):
        return False
    if w in ("цитирую", "процитирую"):
        return True  # «цитирую ваш ответ: «…»»: the words the author quotes are someone else's
    if any(words[m] in ("я", "мы") for m in range(max(0, k - 2), k)):
        return False
    if k > 0 and words[k - 1] == "так" and w.startswith("называем"):
        return False  # «так называемых украинцев»: the author's own sneer, no one's words
    if _has(w, "impr") and k > 0 and words[k - 1] == "не":
        return True  # «не пишите здесь «хохлы»», «не называйте нас чурками»: words asked not to be said
    if _has(w, "impr") or _has(w, "1per"):
        return False
    if _has(w, "INFN"):
        # «прекратите писать, что …», «не надо называть их …»: the words are someone's, asked to stop;
        # «обидно читать комментарии, что …», «надоело слышать, что …»: someone's words, read or heard
        return w in _PERCEIVE or _told_to_stop(words, k) or _rebuked(words, k) or _will_say(words, k)
    # «вы пишете «понаехали», а это оскорбительно»: the addressee's own words, quoted back at them
    return _has(w, "past") or _has(w, "3per") or _has(w, "2per") or _has(w, "PRTF") or _has(w, "PRTS")


def _will_say(words: Sequence[str], k: int) -> bool:
    """Is the infinitive at ``k`` what a third person or the addressee will go on saying — «будет», «будут»,
    «будете» right before it or one word back («кто-то опять будет писать «все врачи коновалы»?» — round 32:
    deleted)?"""
    return any(words[m] in _WILL_3RD for m in range(max(0, k - 2), k))


#: the future's auxiliary of a third person or the addressee (not «буду»: the author's own words to come)
_WILL_3RD = frozenset(("будет", "будут", "будете", "будешь"))


def _endorsed(words: Sequence[str], k: int) -> bool:
    """Does the author approve of the words the verb at ``k`` reports — «правильно сказали: …», «хорошо
    сказано — …», «согласен с тем, кто написал …»? Then they are the author's own, not reported (not
    what follows «что»: «правильно написали, что «понаехали» — оскорбление» approves of a judgement
    of the words; nor an infinitive: «согласен, что нельзя писать «чурки»»)."""
    if (k + 1 < len(words) and words[k + 1] == "что") or _has(words[k], "INFN"):
        return False
    if k > 0 and words[k - 1] in _WELL_SAID:
        return True
    return any(words[m] in _AGREE for m in range(max(0, k - 5), k))


#: «правильно сказали», «верно написано», «точно сказано»
_WELL_SAID = frozenset("правильно верно точно хорошо метко справедливо абсолютно золотые".split())
#: «согласен с тем, кто написал …», «поддерживаю того, кто сказал …»
_AGREE = frozenset("согласен согласна согласны поддерживаю поддерживаем плюсую двумя".split())

#: reading or hearing others' words: the infinitive reports them too
_PERCEIVE = frozenset(("читать", "прочитать", "прочесть", "слышать", "услышать", "слушать"))
#: … in the first person, before a quotation: what the author reads or hears is someone else's
_PERCEIVED_1ST = frozenset(
    "читаю читала читал читаем прочитала прочитал слышу слышала слышал слышим услышала услышал".split()
)
#: adverbs that may stand between a people named by an adjective and its verb («черные совсем обнаглели»)
_BY_THE_WAY = frozenset(("совсем", "опять", "снова", "уже", "вообще", "тут", "здесь", "все", "окончательно"))
#: speaking a language: «говорящие на …», «кто говорит на …», «разговаривают на …»
_SPEAKING = ("говорящ", "говорит", "говорят", "разговарива")


def _adjective_reference(
    words: Sequence[str],
    cue: list[frozenset[str]],
    sent: list[int],
    clause: list[int],
    i: int,
    attribute: str,
) -> tuple[int, str] | None:
    """Does the group adjective at ``i`` refer to people? "кавказские мужчины", "черные люди" (the noun
    after it names people: the mention is the noun), "армянский язык" (a language), or a plural
    adjective standing for people itself ("всех черных не брать"); not "черные машины"."""
    n = len(words)
    if (
        0 < i < n - 1
        and words[i - 1] in _FACES
        and words[i + 1].startswith("национальност")
        and clause[i - 1] == clause[i] == clause[i + 1]
    ):
        return i - 1, attribute  # «лица кавказской национальности»: the people are the «лица»
    if (
        0 < i < n - 1
        and words[i - 1] == "с"
        and words[i + 1].startswith("внешност")
        and clause[i - 1] == clause[i] == clause[i + 1]
    ):
        # «люди с кавказской внешностью», «с азиатской внешностью — сразу видно …»: the people are those
        # with the look (the people word before «с», or the phrase itself)
        return (
            (i - 2, attribute)
            if i >= 2 and "GS.PEOPLE" in cue[i - 2] and clause[i - 2] == clause[i]
            else (i, attribute)
        )
    if i >= 2 and words[i - 1] == "на" and words[i - 2].startswith(_SPEAKING) and clause[i - 2] == clause[i]:
        # «говорящих на украинском (языке)», «кто говорит на армянском — пусть едет …»: the speakers
        # are the group
        return i - 2, "language"
    for j in (i + 1, i + 2):
        if j >= n or clause[j] != clause[i]:
            break
        if "GS.PEOPLE" in cue[j]:
            return j, attribute
        if "GS.LANGUAGE" in cue[j] and attribute == "nationality":
            return j, "language"
        if not _has(words[j], "ADJF"):
            break
    if not _has(words[i], "ADJF", "plur"):
        return None
    nxt = words[i + 1] if i + 1 < n and clause[i + 1] == clause[i] else ""
    if attribute == "residence" and nxt in _ALL_OF_THEM_AFTER and not (i > 0 and clause[i - 1] == clause[i]):
        # «Ставропольские все жадные», «кисловодские вечно нос задирают»: a town's people named by its
        # adjective, opening the clause, then «все» — not «ставропольские цены», which a noun follows
        return i, attribute
    if nxt == "вон" and attribute in _ONLY_OF and (i + 2 >= n or words[i + 2] in _OUT_OF):
        return i, attribute  # «ЧЕРНЫЕ ВОН ИЗ ПЯТИГОРСКА» (round 41): only people are told to get out
    if nxt and any(("NOUN" in t or "ADJF" in t or "NPRO" in t) for t in _tags(nxt)):
        return None
    prev = words[i - 1] if i > 0 and sent[i - 1] == sent[i] else ""
    if prev and any("NOUN" in t and "plur" in t for t in _tags(prev)):
        return None  # "машины черные": said of things
    if prev and "GS.EXCLUDE" in cue[i - 1] and attribute in _ONLY_OF:
        return i, attribute  # «выгоним черных с колхозки»: only people are driven out
    if _has(words[i], "datv") and _no_place_after(words, clause, i):
        return i, attribute  # «черным не место на нашем празднике»: only people are refused a place
    # the verb right after, or after one adverb («черные совсем обнаглели», «черные опять понаехали»)
    verb_at = i + 2 if nxt in _BY_THE_WAY and i + 2 < n and clause[i + 2] == clause[i] else i + 1
    if (
        attribute != "sex"
        and not (prev and "GS.QUANT" in cue[i - 1])
        and prev not in _YOU_ALL  # (round 41: «Вы, горячеводские, позор Пятигорска»: people hailed)
        and not (
            nxt and "GS.SPREAD" in cue[verb_at] and (words[i].startswith(_DARK) or attribute == "residence")
        )
    ):
        # "черные" alone is a colour; "все/эти черные" are people ("голубые" always are), and so are
        # «черные понаехали», «черные заполонили рынок», «сельские понаехали»: only people arrive in
        # droves (not «белые расплодились», the mushrooms)
        return None
    return i, attribute


#: where «вон» sends people («вон из города», «вон отсюда»), not where it points («вон там»)
_OUT_OF = _FROM | {"отсюда"}


#: «вы» before a group adjective standing alone: its people addressed («Вы, пятигорские, все торгаши»)
_YOU_ALL = frozenset(("вы", "вас", "вам", "вами"))


#: what may follow a town's adjective standing for its people («ставропольские все …», «… вечно …»)
_ALL_OF_THEM_AFTER = frozenset(("все", "вечно", "всегда", "поголовно"))


def _no_place_after(words: Sequence[str], clause: list[int], i: int) -> bool:
    """Does «не место» follow the word at ``i`` in its clause, an adverb («тут», «здесь») allowed between?"""
    for k in range(i + 1, min(i + 4, len(words) - 1)):
        if clause[k] != clause[i] or clause[k + 1] != clause[i]:
            return False
        if words[k] == "не" and words[k + 1] == "место":
            return True
    return False


def _hailed_after(norm: Normalized, i: int) -> bool:
    """Is the word at ``i`` set off by a comma before it and ends its sentence or clause — a vocative at
    the end («Убирайтесь отсюда, мигранты!»)?"""
    toks, orig = norm.tokens, norm.original
    if i == 0 or "," not in orig[toks[i - 1].end : toks[i].start]:
        return False
    return (
        i + 1 == len(toks)
        or bool(_CLAUSE_END.search(orig, toks[i].end, toks[i + 1].start))
        or bool(_SENTENCE_END.search(orig, toks[i].end, toks[i + 1].start))
    )


def _said_then_asked(words: Sequence[str], clause: list[int], idx: list[int], i: int) -> bool:
    """In a sentence ending with «?», is the group's clause a statement the question only follows —
    «Цыгане все воры, как их вообще пускают?», «Мигранты — преступники, сколько можно терпеть?»: the
    next clause opens with a question word, nothing before the group asks («Почему цыгане все воры?»,
    «Правда, что …»), and no «или» makes the two one question («… воры, или это стереотип?»). ``idx``: the
    tokens of the group word's sentence."""
    c = clause[i]
    if any(words[k] in _ASKING for k in idx if k < i) or any(words[k] in _ALTERNATIVE for k in idx):
        return False
    last = [k for k in idx if clause[k] == clause[idx[-1]]]  # the clause the «?» closes
    if clause[last[0]] == c or words[last[0]] not in _QUESTION_OPENERS:
        return False
    nxt = words[last[0] + 1] if len(last) > 1 else ""
    return nxt not in _OPINION_ASKED  # («…, как думаете?» asks whether the statement holds)


#: what asks the group's own clause («почему», «разве», «правда», «ли»)
_ASKING = frozenset(
    "почему зачем разве неужели правда ли как кто что где когда сколько отчего верно неужто".split()
)
_ALTERNATIVE = frozenset(("или", "либо"))
#: what opens the rhetorical question after a statement
_QUESTION_OPENERS = frozenset("как почему зачем сколько когда кто куда доколе где чего отчего".split())
_OPINION_ASKED = frozenset("думаете думаешь считаете считаешь скажете скажешь по".split())


# -- structure -------------------------------------------------------------------------------------


def _structure(
    norm: Normalized, words: Sequence[str], region: list[int], group_at: frozenset[int] = frozenset()
) -> tuple[list[int], list[int], dict[int, bool]]:
    """Sentence and clause number of each token of ``region`` (-1 outside it: a gap in the region
    ends a sentence); whether each sentence is a question. A group word hailed with «!» (``group_at``:
    the group words' indices; «Цыгане! Все воры!», «Эти мигранты!!! Вон!») opens the sentence of what
    follows it."""
    orig = norm.original
    toks = norm.tokens
    sent: list[int] = [-1] * len(toks)
    clause: list[int] = [-1] * len(toks)
    question: dict[int, bool] = {-1: False}
    s = c = 0
    prev_end = None
    prev_i = -2
    name_end = -1  # the last token of a name in quotes after a noun («продавцы «Магнита» все хамы»)
    opened = region[0] if region else 0  # the first token of the current sentence
    for i in region:
        t = toks[i]
        if prev_end is not None and i != prev_i + 1:
            question[s] = "?" in orig[prev_end : toks[prev_i + 1].start]
            s += 1
            c += 1
            opened = i
        elif (
            prev_end is not None
            and t.start - prev_end != 1
            or (prev_end is not None and orig[prev_end] != " ")
        ):
            gap = orig[prev_end : t.start]
            hailed = False
            if (k := _quoted_name(norm, words, prev_i, i, gap)) is not None:
                name_end = k  # (the name is part of its noun's clause)
            elif prev_i == name_end and _CLOSING_ONLY.fullmatch(gap):
                pass
            elif _SENTENCE_END.search(gap) and not (hailed := _hailed(words, gap, opened, prev_i, group_at)):
                question[s] = "?" in gap
                s += 1
                c += 1
                opened = i
            elif hailed:
                c += 1  # «Цыгане! Все воры!»: a group hailed, then what is said of them
            elif (_CLAUSE_END.search(gap) or words[i] in _CLAUSE_WORDS) and not _only_does(words, i):
                c += 1
        elif (
            prev_end is not None
            and words[i] in _CLAUSE_WORDS
            and not _only_does(words, i)
            and not _governed(words, i)
        ):
            c += 1
        sent[i] = s
        clause[i] = c
        prev_end = t.end
        prev_i = i
    if prev_end is not None:
        nxt = toks[prev_i + 1].start if prev_i + 1 < len(toks) else len(orig)
        m = _SENTENCE_END.search(orig, prev_end, nxt) if prev_i + 1 < len(toks) else None
        question[s] = "?" in (orig[prev_end : m.end()] if m else orig[prev_end:nxt])
    return sent, clause, question


#: exclamation marks alone between a hailed group and the rest («Цыгане!!! Все воры!!!»)
_HAILED = re.compile(r"\s*!+\s*")


def _hailed(words: Sequence[str], gap: str, opened: int, last: int, group_at: frozenset[int]) -> bool:
    """Is the sentence from ``opened`` to ``last`` a group word hailed — alone, or after «эти»/«все» —
    and the ``gap`` after it exclamation marks only? («Добрый день! Я …», «Прекратите, женщина! …» are
    sentences of their own.)"""
    return (
        last in group_at
        and (last == opened or (last == opened + 1 and words[opened] in ("эти", "все", "вы")))
        and _HAILED.fullmatch(gap) is not None
    )


#: the gap that opens or closes a quoted name: a quotation mark and spaces only
_OPENING_ONLY = re.compile(r"\s*[«\"„“]")
_CLOSING_ONLY = re.compile(r"[»\"“”]\s*")


def _quoted_name(norm: Normalized, words: Sequence[str], prev: int, i: int, gap: str) -> int | None:
    """The last token of a name in quotes that opens at ``i`` right after the noun at ``prev``
    («продавцы «Магнита»», «сотрудники «Водоканала»»): capitalised, one to three words, closed before
    anything else; None for other quotes («написали «Ты дебил»» follows a verb)."""
    toks, orig = norm.tokens, norm.original
    if prev < 0 or not _OPENING_ONLY.fullmatch(gap) or not orig[toks[i].start].isupper():
        return None
    if not likely(words[prev], "NOUN"):
        return None
    for k in range(i, min(len(toks), i + 3)):
        after = orig[toks[k].end : toks[k + 1].start] if k + 1 < len(toks) else orig[toks[k].end :]
        if _CLOSING_ONLY.fullmatch(after) or (k + 1 == len(toks) and after.strip()[:1] in '»"“”'):
            return k
        if after.strip():
            return None
    return None


#: «этот народ», «это племя», «этот контингент»: the people named up to two sentences before («Греки раньше были
#: нормальные, а нынешние все перекупщики. Этот народ всегда был жуликоватым»; round 40)
_THIS_PEOPLE = frozenset(
    "народ народа народу нация нации племя племени контингент контингента публика публики".split()
)
_THIS = frozenset("этот этого этому эта этой это такой такого такая".split())
#: «каждый из них», «любой из них»: every one of the people named before
_EACH = frozenset(("каждый", "каждая", "каждому", "каждого", "любой", "любая", "любого", "любому"))


def _each_of_them(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]`` the «них» of «каждый из них», «любой из них» — every one of a people, the subject of what follows?"""
    return words[k] == "них" and k > 1 and words[k - 1] == "из" and words[k - 2] in _EACH


def _most_of_them(words: Sequence[str], k: int) -> bool:
    """Does word ``k`` stand for most of a group after a concession — «…, но большинство воры», «есть и
    нормальные, но в основном это стадо», «…, но в массе это алкаши»?"""
    if words[k] == "большинство":
        return k > 0 and words[k - 1] == "но"
    return (
        words[k] == "это" and k > 2 and words[k - 3] == "но" and words[k - 2] == "в" and words[k - 1] in _MOSTLY
    )


def _pronoun_referents(
    words: Sequence[str],
    cue: list[frozenset[str]],
    sent: list[int],
    region: list[int],
    attribute_at: dict[int, str],
) -> dict[int, int]:
    """Pronoun index → the group word it stands for: «они», «их», «им» (and «этот народ», «каждый из них») after a
    plural group word of the same sentence or the two before, with no other plural noun between them that they
    could stand for («таджики принесли пакеты, их надо выкинуть») and not a possessive «их» («их детей»)."""
    out: dict[int, int] = {}
    pronouns = [
        k
        for k in region
        if (
            words[k] in _THEY
            or words[k] in _SUCH
            or (words[k] in _THIS_PEOPLE and k and words[k - 1] in _THIS)
            or _most_of_them(words, k)
        )
        and k not in attribute_at
    ]
    if not pronouns:
        return out
    groups = sorted(i for i in attribute_at if _has(words[i], "plur") or words[i] in _COLLECTIVE)
    # «дагестанец же, что с него взять, они все бешеные»: one man of a people named, then «они все» — the
    # people he stands for (a people, a race or a faith only: «сосед-таксист, они все на ночную смену» is
    # his family)
    ones = [i for i in attribute_at if i not in groups and attribute_at[i] in _ONLY_OF]
    if not groups and not ones:
        return out
    n = len(words)
    for k in pronouns:
        # «все они», «они все»: the whole of a people named up to two sentences before («… хоть один узбек
        # работает официально? Нет. Все они нелегалы»: round 39)
        every = (words[k] == "они" and "все" in words[max(0, k - 1) : k + 2]) or words[k] in _THIS_PEOPLE or (
            # («… я против мусульман. Вот такой парадокс. Каждый из них потенциально опасен»)
            _each_of_them(words, k)
        )
        # (any pronoun reaches two sentences back since round 40 — «Опять эти ингуши на тонированных... Сколько
        # можно терпеть? Пора их отсюда вышвырнуть»; the one named of a people only with «все они» below)
        before = [i for i in groups if i < k and sent[k] - 2 <= sent[i] <= sent[k] and k - i <= _REACH]
        if not before and every:
            before = [
                i for i in ones if i < k and sent[k] - 2 <= sent[i] <= sent[k] and k - i <= _REACH
            ]
        if not before:
            # «воры они все, эти цыгане»: the group named after the pronoun, by «эти» (right dislocation)
            after = next(
                (i for i in groups if k < i <= k + 4 and sent[i] == sent[k] and words[i - 1] == "эти"), None
            )
            if after is not None and "GS.OFFICIALS" not in cue[after] and words[k] == "они":
                out[k] = after
            continue
        if "GS.OFFICIALS" in cue[before[-1]]:
            continue
        i = before[-1]
        if (
            words[k] in _THEIR_OR_SUCH
            and k + 1 < n
            and sent[k + 1] == sent[k]
            and (_has(words[k + 1], "NOUN") or _has(words[k + 1], "ADJF"))
            and not _has(words[k + 1], "ablt")
            and words[k + 1] not in ("всех", "все")
        ):  # («их всех выгнать»)
            continue  # «их дети», «их новых домов»: a possessive, not the group itself (but «гнать их
            # поганой метлой», «бить их палками»: what is done with, in the instrumental, is no possession);
            # «таких специалистов мало»: «таких» qualifies a noun of its own
        if any(
            likely(words[j], "NOUN", "plur") and j not in attribute_at and not _locative_place(words, j)
            # («беженцы … права качают. Они там все такие»: «все они» are people, not things)
            and not (every and not likely(words[j], "anim"))
            and "GS.EVAL" not in cue[j]  # («цыгане, а эти все воры и грязнули, их надо гнать»: what they are called)
            and not _how_or_when(words, j)
            for j in range(i + 1, k)
        ):  # fmt: skip
            continue
        out[k] = i
    return out


def _you_the_group(
    norm: Normalized, cue: list[frozenset[str]], sent: list[int], region: list[int], attribute_at: dict[int, str]
) -> dict[int, int]:
    """«вы» index → the plural group word it is hailed with, set off by a comma or a sign beside it («Вы, мужики,
    только и можете…», «вам, бумерам, не понять, вы все застряли…», «Москвичи 😂 вы везде себя хозяевами
    считаете»): what is said of «вы» there and in the next two sentences is said of the group (round 46: 17 of the
    city sets' violations held or removed more, 12 of them replies in `fresh187`). Not «вы, как депутат, …» (one
    person), nor officials («Чиновники, вы людей убиваете своими тарифами» is a complaint, as «они» said of them)."""
    words, toks, orig = norm.words, norm.tokens, norm.original
    hailed: list[int] = []
    for i in attribute_at:
        if (
            "GS.OFFICIALS" in cue[i]
            or not _has(words[i], "plur")
            or not (_has(words[i], "nomn") or _has(words[i], "datv"))
        ):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and words[j] in _YOU_ALL and sent[j] == sent[i]:
                a, b = (j, i) if j < i else (i, j)
                gap = orig[toks[a].end : toks[b].start]
                if gap.strip() and not _SENTENCE_END.search(gap) and not _DASH.search(gap):
                    hailed.append(i)
                    break
    out: dict[int, int] = {}
    for i in hailed:
        for k in region:
            if words[k] in _YOU_ALL and sent[i] <= sent[k] <= sent[i] + 2 and k not in attribute_at:
                out.setdefault(k, i)
    return out


def _trouble_from_elsewhere(
    words: Sequence[str], i: int, j: int, sent: Sequence[int], group_words: Mapping[str, str]
) -> bool:
    """Is the trouble at ``j`` said to come from something other than the group at ``i`` (round 45: each deleted a
    calm complaint that named drivers or residents beside it)? Its source named by «от» before it with the group after
    it, not in an «от» of its own («Дорожные работы — от них одни проблемы, маршрутчики стоят в пробке»; not «от них
    одни проблемы, от мигрантов этих»); or a thing — «от этих пробок одни проблемы», «одни проблемы от новой
    разметки», «от этого одни проблемы»: the noun after «от» (past a pointing word or an adjective) inanimate, or a
    neuter «это»."""
    if j < i and "от" in words[max(0, j - 4) : j - 1] and "от" not in words[max(0, i - 2) : i]:
        return True
    n = len(words)
    for k in [*range(max(0, j - 8), j), *range(j + 1, min(n, j + 3))]:
        if words[k] != "от" or sent[k] != sent[j]:
            continue
        for m in range(k + 1, min(j if k < j else n, k + 5)):
            w = words[m]
            if w in ("этого", "того", "всего"):
                return True
            if w in group_words or lemma(w) in _PEOPLE_AS_ONE:
                return False  # («все беды от приезжих: мусор, пробки», «от вашего народа одни беды»)
            if w in _POINTING_OR_SO or likely(w, "ADJF") or likely(w, "PRTF"):
                continue  # (an adjective that is the noun itself, «от приезжих», ends at the trouble: not a thing)
            return likely(w, "NOUN", "inan")  # (pymorphy3 reads «мигрант», «диаспора», «чурок», «народ» inanimate: a
            # group's name or a people's collective noun is asked first)
    return False


#: nouns of people as one body that pymorphy3 reads inanimate («народ», «племя»), by lemma
_PEOPLE_AS_ONE = frozenset("народ народность племя нация братия община диаспора толпа молодежь семья родня".split())
#: a pointing word before the noun a preposition governs («от этих пробок», «от таких соседей»)
_POINTING_OR_SO = _POINTING | frozenset(("такой", "такие", "таких"))


def _how_or_when(words: Sequence[str], j: int) -> bool:
    """Is the plural noun at ``j`` how or when the group does something — «толпами», «семьями», «по ночам»,
    «по выходным» — rather than people or things a pronoun after it could stand for (round 27: «негры по ночам
    толпами ходят, их всех отправить обратно» lost its «их»)?"""
    return likely(words[j], "ablt") or (j > 0 and words[j - 1] == "по" and likely(words[j], "datv"))


def _locative_place(words: Sequence[str], j: int) -> bool:
    """Is the plural noun at ``j`` a place or time in the locative after its preposition («сидеть в
    очередях», «на дорогах»)? Nobody says «от них» of it: «пенсионеры только и умеют, что в очередях
    сидеть, от них одни проблемы» speaks of the pensioners."""
    return j > 0 and words[j - 1] in ("в", "во", "на") and likely(words[j], "loct")


def _governed(words: Sequence[str], i: int) -> bool:
    """«ни на что не способны», «не за что»: a «что» right after a preposition is its object, no clause
    starts there."""
    return i > 0 and words[i] == "что" and words[i - 1] in PREPOSITIONS


def _only_does(words: Sequence[str], i: int) -> bool:
    """ "только и делают(,) что воруют": the «что» completes the frame, it starts no clause of its own."""
    return words[i] == "что" and i >= 3 and words[i - 3] == "только" and words[i - 2] == "и"


#: «удалите мой комментарий»: what the author asks to remove is their own, no one else's words reported (a «мой»
#: right before the post: not «угрозы в мой адрес» — round 32: the quoted threat was deleted with a ban)
_MINE = frozenset(("мой", "моя", "мое", "мою", "мои", "моих", "моего", "моем", "моей"))


#: who a request of «проверьте» must name to be one to the page's moderators
_MODERATORS = ("модератор", "админ", "модер")


def _request_to_moderators(
    words: Sequence[str], cue: list[frozenset[str]], sent: list[int], region: list[int]
) -> int | None:
    """Token of a request to the moderators: a complaint, "удалите/уберите …" next to what is to go
    ("комментарий", "пост", "это", "модераторы") in one sentence — not "уберите их из города", nor
    the author's own ("…, удалите мой комментарий, если хотите") — or a complaint that something was
    removed ("удалили мой коммент")."""
    for k in region:
        c = cue[k]
        if "GS.COMPLAINT" in c:
            return k
        if "GS.MODERATE_ASKED" in c and any(
            words[m].startswith(_MODERATORS) for m in region if sent[m] == sent[k]
        ):
            return k  # («Модераторы, проверьте, пожалуйста»; round 40)
        if "GS.CENSORED" not in c and "GS.MODERATE" not in c:
            continue
        same = [m for m in region if sent[m] == sent[k]]
        if any("GS.POST" in cue[m] for m in same) and (
            "GS.CENSORED" in c or not any(words[m] in _MINE and "GS.POST" in cue[m + 1] for m in same[:-1])
        ):
            return k
    return None


#: What comes right before "место" when a place is assigned to people ("их место на кухне").
_PLACE_OWNER = frozenset("самое только одно их им ваше твое всем таким ихнее".split())
_PLACE_PREP = frozenset("на в во за у под".split())


def _assigned_place(
    words: Sequence[str], cue: list[frozenset[str]], j: int, i: int, dash_after_i: bool
) -> bool:
    """ "барышням самое место на кухне", "их место в тюрьме", "место женщины — у плиты" (the group word
    at ``i``, a dash after it): a place assigned to a group (not "есть место в автобусе", not "место
    женщины в истории города", not "не место" — that is the negated branch)."""
    if _negated(words, cue, j) or j + 1 >= len(words):
        return False
    if (
        i == j + 1
        and dash_after_i
        and j + 2 < len(words)
        and words[j + 2] in _PLACE_PREP
        and _has(words[i], "gent")
    ):
        return _confining(words, cue, j + 3)
    if words[j + 1] not in _PLACE_PREP or not _confining(words, cue, j + 2):
        return False
    if j > 1 and words[j - 1] == "и" and words[j - 2] == "только":
        return True  # «мигрантам только и место на стройке»
    return j > 0 and (words[j - 1] in _PLACE_OWNER or _has(words[j - 1], "datv", "plur"))


def _confining(words: Sequence[str], cue: list[frozenset[str]], k: int) -> bool:
    """Is the place named at ``k`` (or after one adjective) one people are confined, banished or
    demeaned to — a kitchen, a prison, a dump, «their own» country (GS.CONFINED, «свой», «себя»)? «Женщинам
    место в политике», «мигрантам место на рынке труда» assign a place people are welcome in."""
    for x in range(k, min(k + 2, len(words))):
        if "GS.CONFINED" in cue[x] or words[x] in _OWN_COUNTRY:
            return True
    return False


#: «место в своей стране», «место у себя на родине»: a people sent back where they came from
_OWN_COUNTRY = frozenset("свой своя свое свои своем своей своих своему своим свою себя".split())


def _rights_denied(words: Sequence[str], idx: list[int]) -> bool:
    """ "прав у них быть не должно", "нельзя давать им права": rights denied in the sentence."""
    for k in idx:
        if (
            words[k] in ("не", "нельзя")
            and k + 1 < len(words)
            and words[k + 1] in ("должно", "должны", "должен", "положено", "давать", "дать", "иметь", "будет")
        ):
            return True
    return False


@lru_cache(maxsize=20_000)
def _tags(word: str) -> tuple:
    """Plausible pymorphy3 tags of a word (those scoring at least a quarter of the best)."""
    ps = parses(word)
    if not ps:
        return ()
    top = ps[0].score or 0.0
    return tuple(p.tag for p in ps[:6] if (p.score or 0.0) >= top * 0.25)


def likely(word: str, *grammemes: str) -> bool:
    """Does the word's likeliest reading have these grammemes («общежития» is a genitive singular; a part of
    speech is a grammeme too: ``likely(w, "ADVB")``)? The analyser's and the features' one test of it."""
    tags = _tags(word)
    return bool(tags) and all(g in tags[0] for g in grammemes)


@lru_cache(maxsize=50_000)
def _has(word: str, *grammemes: str) -> bool:
    """Does a plausible reading of the word have all these grammemes? Remembered per word and
    grammemes, as :func:`_tags` is: the analyser asks it ~30k times a pass, mostly of the same few
    hundred words, and each answer tests pymorphy3 tags in Python."""
    return any(all(g in tag for g in grammemes) for tag in _tags(word))


#: what follows the pointing «вон» («вон там», «вон тот», «вон сколько их»)
_POINTED_AT_THERE = frozenset(
    "там тут тот та те то туда сколько какой какая какие как они он она идет идут стоит стоят".split()
)


#: what an infinitive is called when the author rejects what it would do («запрещать его глупо»)
_CALLED_FOOLISH = frozenset(
    "глупо неправильно несправедливо бессмысленно бесполезно абсурдно смешно незаконно неправильный глупость"
    " абсурд бред".split()
)


def _is_call(words: Sequence[str], cue: list[frozenset[str]], j: int) -> bool:
    """Is the verb at ``j`` a call (infinitive, imperative, "пусть …", "вон") rather than news?"""
    w = words[j]
    if w == "вон":
        # «мигранты вон!», «вон из города» — not the pointing «вон»: «а то вон ходят как бичи», «вон там»
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if nxt and likely(nxt, "NOUN") and _has(nxt, "nomn") and any(likely(v, "VERB") for v in words[j + 2 : j + 9]):
            return False  # «вон волонтёры на Машуке мусор собирают»: who is pointed at, doing something (round 38)
        return nxt not in _POINTED_AT_THERE and not likely(nxt, "VERB")
    if _has(w, "INFN") and not_called_by(words, j) is not None:
        return False  # «мигрантов будут выселять», «турки начали убивать армян»: news, history
    if _has(w, "INFN") and not _CALLED_FOOLISH.isdisjoint(words[j + 1 : j + 4]):
        return False  # «запрещать его глупо», «выгонять их бессмысленно»: the call judged wrong (round 35)
    if _has(w, "impr") or any("GS.MODAL" in cue[k] for k in range(max(0, j - 3), j)):
        return True
    if _has(w, "past") and any(words[k] in ("чтобы", "чтоб") for k in range(max(0, j - 5), j)):
        return True  # "хочу, чтобы их выгнали": a wish, not news
    if _has(w, "past") and "бы" in words[max(0, j - 5) : j + 2]:
        return True  # "я бы всех этих X выгнал", "выгнал бы": the author's wish
    return _has(w, "INFN") or _has(w, "futr", "1per") or _has(w, "futr", "3per", "plur")


def _told_in_the_past(words: Sequence[str], j: int) -> bool:
    """Is the verb at ``j`` in the past tense, or an infinitive after a past «начали», «стали»
    («турки начали убивать армян в 1915 году»: history told, like «убивали»)?"""
    if _has(words[j], "past"):
        return True
    g = not_called_by(words, j) if _has(words[j], "INFN") else None
    return g is not None and _has(words[g], "past")


def _such_as(words: Sequence[str], sent: list[int], i: int) -> bool:
    """ "таким, как эти сектанты, не место", "таких, как вы, геи, гнать": the group word is named in a
    comparison whose head («таким», «таких») is the object; its own nominative says nothing."""
    for k in range(max(1, i - 3), i):
        if words[k] == "как" and words[k - 1] in _SUCH and sent[k - 1] == sent[i]:
            return True
    return False


#: demonstratives: «эти X» points at people the author has in view
_THESE = frozenset(("эти", "этих", "этим", "этими"))


def _pointed_at(words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` quantified by a demonstrative only («эти таксисты»; not «все эти
    таксисты»; «как один» is the caller's ``as_one``)?"""
    quants = [words[k] for k in range(len(words)) if sent[k] == sent[i] and "GS.QUANT" in cue[k]]
    return (
        bool(quants)
        and all(w in _THESE for w in quants)
        and any(words[k] in _THESE for k in range(max(0, i - _BEFORE), i))
    )


def _in_noun_phrase(word: str) -> bool:
    """Can ``word`` stand inside a group word's noun phrase before the dash that stands for the copula
    — a genitive («жители Горячеводска»), a preposition and its noun («врачи в нашей больнице»), an
    abbreviation pymorphy3 does not know («сотрудники МФЦ»), a number («персонал больницы №2»)?"""
    return _DIGIT.search(word) is not None or any(
        g in tag for tag in _tags(word) for g in ("gent", "PREP", "loct", "ablt", "UNKN", "Abbr")
    )  # («№2» is normalised to «no2»)


def _kept_out_by_rule(word: str, attribute: str) -> bool:
    """Is the group one that rules keep out of places (minors, a trade, the staff of a workplace) or
    voters out of power (a party)?"""
    return attribute in _RULES_OF or (attribute == "age" and lemma(word) in _MINORS)


#: «без исключения», «без разговоров»: an emphasis, no condition
_EMPHATIC_WITHOUT = frozenset(("исключения", "исключений", "разговоров", "разбора", "вариантов", "жалости"))


def _on_condition(words: Sequence[str], clause: list[int], j: int) -> bool:
    """Is the refusal at ``j`` a rule's condition — «без» and what is missing in its clause («женщин
    нельзя пускать в реанимацию без бахил», «мигрантов без патента не брать»)? Not «без исключения»."""
    n = len(words)
    return any(
        words[k] == "без"
        and k + 1 < n
        and clause[k + 1] == clause[j]
        and words[k + 1] not in _EMPHATIC_WITHOUT
        for k in range(max(0, j - 6), min(n - 1, j + 8))
        if clause[k] == clause[j]
    )


def _dealt_with(words: Sequence[str], sent: list[int], i: int) -> bool:
    """ "разберёмся с этими цыганами", "покончить с ними": the group word in the instrumental after «с»."""
    return _has(words[i], "ablt") and any(
        words[k] in ("с", "со") and sent[k] == sent[i] for k in range(max(0, i - 3), i)
    )


def _negated(words: Sequence[str], cue: list[frozenset[str]], j: int, part: list[int] | None = None) -> bool:
    """Is the word at ``j`` negated ("не", "нельзя", "не надо" right before it, or — given the
    clauses — followed by «нельзя»/«не надо» in its clause: «выселять цыган нельзя»)?"""
    if any("GS.NOT" in cue[k] for k in range(max(0, j - 2), j)):
        return True
    # «не надо мигрантов гнать»: «не» and a modal three words back, only the object between
    for k in range(j - 1, max(0, j - 4), -1):
        if words[k] in FORBID_MODALS and words[k - 1] == "не":
            return True
        if likely(words[k], "VERB") or likely(words[k], "INFN"):
            break
    return part is not None and forbidden_after(words, part, j)


#: the peoples, faiths and places whose people «все такие» declares alike (not ages, sexes or trades: «дети
#: все такие», «врачи все такие» are a parent's sigh and a patient's complaint)
_ALIKE_OF = _ONLY_OF | {"residence"}
#: what «все …» declares a whole people to be when nothing follows
_ALIKE = frozenset(("такие", "одинаковые", "одинаковы"))


def _quoted_spans(norm: Normalized) -> list[tuple[int, int]]:
    """The character spans of the text's quotations (someone else's words, not the author's statement)."""
    return [m.span() for m in QUOTED.finditer(norm.original)]


def _all_alike(words: Sequence[str], sent: list[int], clause: list[int], i: int) -> int | None:
    """The index of «такие» in «X все такие», «все они такие», «они все одинаковые» (the group word or its
    pronoun ``i`` with «все» beside it and «такие» closing the clause, not «такие же, как мы», not «такие
    добрые»); None otherwise."""
    n = len(words)
    for k in range(max(0, i - 3), min(n, i + 4)):
        if words[k] not in _ALIKE or sent[k] != sent[i] or clause[k] != clause[i]:
            continue
        if "все" not in words[max(0, min(i, k) - 1) : max(i, k) + 1]:
            continue
        nxt = k + 1
        if nxt < n and sent[nxt] == sent[k] and clause[nxt] == clause[k] and words[nxt] not in ("когда", "как"):
            continue  # «такие добрые», «такие же люди»: a quality follows
        if nxt < n and words[nxt] == "как" and nxt + 1 < n and words[nxt + 1] in ("мы", "все", "наши", "остальные"):
            continue
        return k
    return None


#: «как и все», «как любой»: a comparison with a whole group («вор, как и все цыгане»)
#: (not the dative: «мне противно, как и всем пятигорчанам» shares a feeling with the group)
_WHOLE = frozenset("все всех всеми любой любая любого любую".split())
#: the author in the clause compared («я тоже ленивый, как все мужики»): said of self as of the group
_AUTHOR_COMPARED = frozenset(("я", "мы"))
#: the prepositions of a place that may close the comparison («как любой цыган на рынке»; not «с»: «так же
#: некрасиво, как всех мусульман с террористами» goes on with what they are compared to)
_WHERE_FROM = frozenset(("в", "во", "на", "из", "у"))
#: what the clause before the comparison says of someone that it then says of the whole group
_SAID_OF_ALL = frozenset(("GS.EVAL", "GS.HATRED", "GS.DEHUMAN"))


def _said_badly(words: Sequence[str], cue: list[frozenset[str]], m: int) -> bool:
    """Is word ``m`` an evaluation, a vice or a disgust (:data:`_SAID_OF_ALL`) not denied by a «не» before it —
    what :func:`_like_all`, :func:`_typical_of` and :func:`_not_this_but` look for beside the group?"""
    return not _SAID_OF_ALL.isdisjoint(cue[m]) and not (m and words[m - 1] == "не")


def _like_all(
    norm: Normalized,
    words: Sequence[str],
    cue: list[frozenset[str]],
    sent: list[int],
    clause: list[int],
    i: int,
    attribute: str,
) -> Finding | None:
    """«Ты тупой, как и все москвичи», «ворует, как любой цыган», «смотреть противно, как и на всех этих
    трансов»: an evaluation, a vice or a disgust said in the clause before a comparison with the whole group
    («как все», «как и все», «как любой», a preposition and «эти» or an adjective allowed between) is said
    of the group — the comparison's generalisation. Not a praise («честный, как и все мои коллеги»: no cue),
    nor an evaluation denied («не вор, как и все»), nor a comparison that goes on past the group («сравнивать
    всех казаков с бандитами так же некрасиво, как всех мусульман с террористами»: the group, or a place
    after it, closes its clause); the author comparing themself («я тоже ленивый, как все мужики») is held for a
    moderator."""
    s = sent[i]
    n = len(words)
    if i + 1 < n and sent[i + 1] == s and clause[i + 1] == clause[i]:
        # (a place may close it: «ворует, как любой цыган на рынке», «как и все таксисты в нашем городе»)
        if words[i + 1] not in _WHERE_FROM or not any(
            e == n or sent[e] != s or clause[e] != clause[i] for e in range(i + 3, min(n, i + 5) + 1)
        ):
            return None
    k = i - 1
    while k >= 0 and sent[k] == s and words[k] not in _WHOLE:
        if i - k > 2 or not (words[k] in _THESE or likely(words[k], "ADJF")):
            return None
        k -= 1
    if k < 1 or sent[k] != s:
        return None
    j = k - 1
    if words[j] in PREPOSITIONS:
        j -= 1
    if j >= 0 and words[j] == "и":
        j -= 1
    if j < 1 or words[j] != "как" or sent[j] != s:
        return None
    toks = norm.tokens
    for m in range(j - 1, max(-1, j - 8), -1):
        if sent[m] != s:
            break
        if _said_badly(words, cue, m):
            said = f"{words[m]}, {' '.join(words[j : i + 1])}"
            self_ = any(words[x] in _AUTHOR_COMPARED for x in range(max(0, m - 4), j) if sent[x] == s)
            return Finding(
                "generalisation", attribute, toks[m].start, toks[i].end, "review" if self_ else "delete", said, self_
            )
    return None


def _typical_of(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«Типичный москвич — наглый и жадный», «ты типичный армянин, хитрый и жадный», «типичные таксисты, хамло»:
    someone called a typical member of a group («типичный» just before the group word, an adjective allowed
    between) and given a vice or an evaluation in the same sentence — the stereotype said of the group, a
    generalisation. «Типичный пятигорчанин: встал рано, пошёл на Машук» gives none and stays."""
    s = sent[i]
    typical = next((k for k in range(max(0, i - 2), i) if sent[k] == s and "GS.TYPICAL" in cue[k]), None)
    if typical is None:
        return None
    toks = norm.tokens
    around = range(max(0, i - 8), min(len(words), i + 9))
    for m in sorted((k for k in around if k != i and sent[k] == s), key=lambda k: abs(k - i)):
        if _said_badly(words, cue, m):
            a, b = min(typical, m), max(i, m)
            said = f"{words[typical]} {words[i]} … {words[m]}"
            return Finding("generalisation", attribute, toks[a].start, toks[b].end, "delete", said)
    return None


def _not_this_but(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«Армяне это не нация, это мафия», «таксисты не водители, а убийцы»: what the group is denied to be (a
    noun after «не», right after the group, «это» or a dash allowed between) is corrected by «а» or «это»
    into an evaluation or a vice said of it — the correction is the statement. «Армяне не воры, а труженики»
    corrects into no vice and «таксисты не убийцы, а профессионалы» denies the vice: nothing is said."""
    s = sent[i]
    n = len(words)
    k = i + 1
    if k < n and words[k] == "это":
        k += 1
    if k + 1 >= n or words[k] != "не" or sent[k + 1] != s or not likely(words[k + 1], "NOUN"):
        return None
    if not _SAID_OF_ALL.isdisjoint(cue[k + 1]):
        return None  # (the vice itself denied)
    m = k + 2
    if m < n and sent[m] == s and words[m] in ("а", "это"):
        m += 1
        if m < n and words[m - 1] == "а" and words[m] == "это":
            m += 1  # («…, а это мафия»)
    else:
        return None
    for p in range(m, min(n, m + 3)):  # (an adjective may come before the noun: «а настоящая мафия»)
        if sent[p] != s:
            break
        if _said_badly(words, cue, p):
            kind = "dehumanising" if "GS.DEHUMAN" in cue[p] else "generalisation"
            toks = norm.tokens
            said = f"{words[i]} не {words[k + 1]}, {words[m - 1]} {words[p]}"
            return Finding(kind, attribute, toks[i].start, toks[p].end, "delete", said)
    return None


def _set_against_people(
    norm: Normalized, words: Sequence[str], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«Есть люди, а есть цыгане», «есть таджики, а есть нормальные люди»: the group (in the nominative,
    right after «есть») and «люди» each opened by «есть» in one sentence, the second part after «а» — the
    group set apart from people, denied to be people. «Есть русские, а есть армяне» sets no one against people."""
    if not _has(words[i], "nomn", "plur"):
        return None
    s = sent[i]
    for k in range(len(words)):
        if sent[k] != s or words[k] != "есть" or k == i - 1:
            continue
        j = k + 1
        if j < len(words) and words[j] in _REAL_PEOPLE:
            j += 1
        if j >= len(words) or sent[j] != s or words[j] != "люди":
            continue
        second = max(k, i - 1)
        if words[second - 1] != "а":
            continue
        toks = norm.tokens
        a, b = min(k, i - 1), max(j, i)
        said = f"есть {words[j]}, а есть {words[i]}" if k < i else f"есть {words[i]}, а есть {words[j]}"
        return Finding("dehumanising", attribute, toks[a].start, toks[b].end, "delete", said)
    return None


#: the people a group is set against («есть нормальные люди, а есть …»)
_REAL_PEOPLE = frozenset(("нормальные", "обычные", "настоящие", "простые", "порядочные"))


def _negated_quantifier(words: Sequence[str], cue: list[frozenset[str]], i: int) -> bool:
    """ "не все таджики", "не каждый врач", "не таджики": the group is not generalised about (but «не все,
    конечно, но большинство кавказцев …» takes the denial back: the majority is generalised about)."""
    for k in range(max(0, i - 6), i):
        if words[k] == "не" and (k + 1 == i or "GS.QUANT" in cue[k + 1]):
            if k + 1 < i and _MAJORITY.intersection(words[k + 2 : i]):
                return False
            if k >= i - 3:
                return True
    return False


#: the part of a group a generalisation is said of after «не все, но …»
_MAJORITY = frozenset(("большинство", "большая", "многие", "почти"))
#: the nouns of most of a group («большинство кавказцев», «большая часть мигрантов»)
_MOST = frozenset(("большинство", "половина"))
_LARGE = frozenset(("большая", "значительная", "подавляющая"))


#: «лезут со своим бредом», «несут бред», «их ложь»: the word is what the group says, not the author's
#: rejection of a statement about them
_THEIR_OWN = frozenset(
    "свой своим своей своими своего своих свою свое своему их с со несут несет нести".split()
)


#: prepositions whose noun is no object of a refused deed («развод для пенсионеров, не пускайте родных»)
_GOVERNING = frozenset("для про о об по при над под перед между через".split())


#: «место» in a form other than the «им не место» of a place refused: seats or room lacking («ветеранам не хватило
#: мест у трибуны», «пенсионерам нет места в автобусе»; round 31: deleted as a call to exclude), or a site («против
#: мечети на этом месте, там обещали сквер жителям»; round 32: deleted)
_PLACES_COUNTED = frozenset(("мест", "места", "месту", "местом", "месте", "местах", "местам", "местами"))


#: Verbs of talking whose object is the nonsense («пишут всякую чушь», «несут бред»): the speakers' talk judged
_TALK_3RD = frozenset("пишут несут говорят болтают городят мелют порют писали несли говорили болтали".split())


def _their_nonsense(words: Sequence[str], k: int, first: int) -> bool:
    """Is the word of rejection at ``k`` («чушь», «бред») what the group is said to talk («старикам не место в
    соцсетях, пишут всякую чушь»): their talk called nonsense, no defence of them? (Not when what is talked
    follows: «опять пишут чушь, что все кавказцы дикари» rejects what others write about them.)"""
    return any(words[m] in _TALK_3RD for m in range(max(first, k - 3), k)) and _ABOUT.isdisjoint(words[k + 1 : k + 3])


_ABOUT = frozenset("что про будто якобы о об".split())


def _not_counted_human(words: Sequence[str], k: int, first: int, last: int) -> bool:
    """Is «людей» at ``k`` the «за людей не считать» of a group denied being counted as people («мигрантов можно
    за людей не считать»; round 31: read as a defence)? (Not «надо и их за людей считать»: no «не».)"""
    if k == first or words[k - 1] != "за":
        return False
    near = range(max(first, k - 4), min(last, k + 3) + 1)
    return any(words[m].startswith("счита") for m in near) and any(words[m] == "не" for m in near)


#: whose reasoning is followed to its absurd end («по вашей логике …», «по такой логике и …»; round 35)
_WHOSE_LOGIC = frozenset(("вашей", "твоей", "такой", "этой", "их", "его", "ее", "её"))


#: what denies a noun of respect after it («уважения к местным никакого», «совести ноль», «уважения нет»)
_NONE_OF_IT = frozenset(("никакого", "никакой", "никакое", "никаких", "ноль", "нет", "нету"))


def _defence_at(
    words: Sequence[str], cue: list[frozenset[str]], idx: list[int], norm: Normalized | None = None
) -> int | None:
    """The token where the sentence made of tokens ``idx`` defends people or rejects a generalisation, if it does.
    (``norm``: a negation closed off by a quotation mark or a dash before the word is not its own.)"""
    last = idx[-1]
    if any(words[k] == "или" and "GS.LEAVE" in cue[k + 1] for k in idx if k < last):
        return None  # «уважайте наши законы или уезжайте»: an ultimatum, not respect
    for k in idx[1:-1]:
        if words[k] in _WHOSE_LOGIC and words[k - 1] == "по" and words[k + 1] == "логике":
            return k + 1  # «по вашей логике все русские алкаши»: the opponent's reasoning led to the absurd

    def negated(k: int) -> bool:  # («не может быть хорошим»: the word is negated three words away;
        # «ничего хорошего от них не жди»: nothing of it; not «разговоры, что "женщинам … не место" — ерунда»:
        # the negation is the quote's; round 45: «уважения к местным никакого», «совести ноль» — a noun of respect
        # denied by what follows it)
        return any(
            ("GS.NOT" in cue[m] or words[m] in ("ни", "ничего"))
            and (norm is None or _QUOTE_OR_DASH_SHUT.search(norm.original, norm.tokens[m].end, norm.tokens[k].start) is None)
            for m in range(max(idx[0], k - 3), k)
        ) or (
            any(words[m] in _NONE_OF_IT for m in range(k + 1, min(last + 1, k + 4))) and likely(words[k], "NOUN")
        ) or any(  # (round 49: «уважать их не за что» — no reason to respect them; not «…уважать, не за что их ненавидеть»)
            tuple(words[m : m + 3]) == ("не", "за", "что")
            and norm is not None
            and not _COMMA_OR_DASH.search(norm.original, norm.tokens[k].end, norm.tokens[m].start)
            for m in range(k + 1, min(last + 1, k + 4))
        )

    for k in idx:
        if (
            "GS.DEFEND" in cue[k]
            and not negated(k)
            and not _denied_later(words, idx, k)
            and not (k > idx[0] and words[k - 1] in _THEIR_OWN)
            and not (k > idx[0] and words[k - 1] == "себя")  # «считают себя лучше всех»: their conceit
            and not (k > idx[0] and words[k - 1] == "кто")  # «кто нормальный в сантехники пойдёт»: no normal one would
            # («жить отдельно от нормальных людей», «для нормальных людей»: the group set against the
            # normal ones; «на равных» stays equality)
            and not (k > idx[0] and words[k - 1] in _SET_AGAINST)
            and not _normal_people_contrasted(words, idx, k)
            and not _had_better(words, k)
            and not _of_a_thing(words, k, last)
            and not _one_normal_person(words, k, last)
            and not _normal_ones_refuse(words, cue, k, last)
            and not _normal_ones_elsewhere(words, cue, k, last)
            and not _not_counted_human(words, k, idx[0], last)
            and not _their_nonsense(words, k, idx[0])
            and not (k > idx[0] and words[k - 1] == "по" and words[k] == "хорошему")  # «с ними по-хорошему нельзя»
            # («беженцы тоже хороши, приехали и права качают»: «тоже хороши» is no praise; round 39)
            and not (k > idx[0] and words[k] == "хороши" and words[k - 1] in ("тоже", "еще", "ещё"))
            # («штрафовать их, а лучше вообще запретить»: better still, no praise; round 35)
            and not (k > idx[0] and words[k] == "лучше" and words[k - 1] in ("а", "или", "еще", "ещё"))
            # («что хорошего может быть от них?»: the good asked about, none found)
            and not (k > idx[0] and words[k - 1] in ("что", "чего") and words[k] in _GOOD_THING)
        ):
            return k
        if (
            ("GS.NOT" in cue[k] or words[k] in ("хватит", "перестаньте", "прекратите"))
            and not (k > idx[0] and words[k - 1] in _PERSON_WORDS and _not_counted_human(words, k - 1, idx[0], last))
            # («… воровство, смейтесь не смейтесь», «верьте не верьте»: whether you do or not, no negation)
            and not (0 < k < len(words) - 1 and words[k] == "не" and words[k - 1] == words[k + 1])
        ):
            # (a modal after «не» lets the object stand between: «не надо всех кавказцев называть …»; so
            # does a reason denied: «это не повод всю молодёжь наркоманами называть»)
            reach = 6 if k < last and (words[k + 1] in FORBID_MODALS or words[k + 1] in _NO_GROUNDS) else 4
            if any(
                "GS.DEFEND_VERB" in cue[m] or ("GS.SAY_THAT" in cue[m] and m < last and words[m + 1] == "что")
                for m in range(k + 1, min(k + reach, last + 1))
            ):
                return k
        if words[k] in _FORMERLY and any(
            "GS.BELIEF_VERB" in cue[m]
            and _has(words[m], "past")
            and "что" in words[m + 1 : m + 3]
            and "не" not in words[k:m]
            for m in range(k + 1, min(k + 4, last + 1))
        ):
            return k  # «раньше я думал, что цыгане все воруют, пока не …»: a belief the author gave up
        if words[k] == "не" and any(
            "GS.BELIEF_VERB" in cue[m] and "что" in words[m + 1 : m + 4]
            for m in range(k + 1, min(k + 4, last + 1))
        ):
            return k  # «я не считаю, что …», «не думаю я, что …» (not «ни одному нельзя верить», nor «я
            # раньше не верил»: a belief denied is a claim rejected only with the claim after it)
        if (
            words[k] == "кто"
            and k + 1 < last
            and words[k + 1] in _WHOEVER_BELIEVES
            and "что" in words[k + 2 : k + 4]
            and not any(words[m] in _RIGHT_SO for m in idx if m > k + 2)
        ):
            return k  # «Кто считает, что кавказцы все бандиты — приходите ко мне в кафе»: someone's belief, answered
        if (
            words[k] in ("такие", "такой", "такая")
            and k + 1 < last
            and words[k + 1] == "же"
            and not negated(k)
            and any(
                words[m] == "как"
                and m + 1 <= last
                and words[m + 1] in _LIKE_ALL
                and not any("GS.EVAL" in cue[j] for j in range(k + 2, m))  # («такие же воры, как все»)
                for m in range(k + 2, min(k + 6, last))
            )
        ):
            return k  # «Армяне — такие же жители города, как все», «они такие же люди, как мы»: the same as everyone
        if words[k] == "не" and k < last and words[k + 1] in _TAKE_FOR_IMPR:
            return k  # «не считайте жителей дураками», «не держите всех мигрантов за воров»
        if words[k] in _NONSENSE and k == last and not negated(k) and _said_of_the_claim(words, idx, k):
            return k  # «"цыгане все воруют" — бабушкины сказки»: the claim called a fairy tale
        if words[k] == "не" and k < last and words[k + 1] in _AGREED and "что" in words[k + 2 : k + 5]:
            return k  # «я не согласен, что все цыгане воры», «… с тем, что …» (not «я с тобой не согласен»)
        if (
            words[k] == "не"
            and k + 1 == last
            and words[k + 1] in _SUPPORTED
            and norm is not None
            and QUOTE_OPENING.search(norm.original, norm.tokens[idx[0]].start, norm.tokens[k].start)
        ):
            return k  # «А вот «все прорабы воры» — нет, не поддерживаю»: a quoted claim refused at the sentence's end
        if (
            words[k] in _NONSENSE
            and k < last
            and words[k + 1] == "что"
            and (k == idx[0] or words[k - 1] in ("это", "всё", "все"))
        ):
            return k  # «ерунда, что все цыгане воры», «сказки, что …»: the claim called nonsense
        if words[k] in _WRONG_TO and any(
            lemma(words[m]) in _SAY_OR_THINK and "что" in words[m + 1 : m + 3]
            for m in range(k + 1, min(k + 3, last))
        ):
            return k  # «глупо думать, что …», «неправильно говорить, что …»
        if (
            words[k] == "тоже"
            and k + 1 < len(words)
            and words[k + 1] in ("люди", "имеют", "человек", "платят")
        ):
            return k
        if (
            "GS.PRAISE" in cue[k]
            and not negated(k)
            and not _denied_later(words, idx, k)
            and not any("GS.EVAL" in cue[m] or "GS.SPREAD" in cue[m] or "GS.DEHUMAN" in cue[m] for m in idx)
            and "?" not in words
        ):
            return k  # «все учителя — молодцы» (not «цыгане добрые, но воруют»)
        if (
            words[k] in _SHAME
            and "кто" in words[k + 1 : k + 4]
            and any(
                "GS.ABUSE_TALK" in cue[m] or "GS.DEFEND_VERB" in cue[m]
                for m in range(k + 1, min(last + 1, k + 6))
            )
        ):
            return k  # «позор тем, кто оскорбляет мигрантов»: shame on those who abuse them
        if (
            words[k] == "это"
            and tuple(words[k + 1 : k + 3]) == ("не", "так")
            and (k + 3 > last or not any(_has(words[k + 3], pos) for pos in ("ADJF", "ADJS", "ADVB", "PRCL")))
        ):
            return k  # «от мигрантов одни проблемы — это не так» (not «это не так уж плохо»)
    return None


#: words that turn a sentence against what it said before («…, но …», «…, а вот …», «…, зато …»)
_CONTRAST = frozenset(("но", "однако", "зато"))


def _contrast_between(words: Sequence[str], d: int, i: int) -> bool:
    """Does a contrast («но», «однако», «зато», «а вот») stand between the defence at ``d`` and the group
    word at ``i`` after it?"""
    return 0 <= d < i and any(
        words[m] in _CONTRAST or (words[m] == "а" and words[m + 1] == "вот") for m in range(d + 1, i)
    )


#: a quotation closed, or a dash, between a negation and the word after it
_QUOTE_OR_DASH_SHUT = re.compile(r"[»\"”“]|\s[—–-]\s")


def _defends(words: Sequence[str], cue: list[frozenset[str]], idx: list[int]) -> bool:
    """Does the sentence made of tokens ``idx`` defend people or reject a generalisation?"""
    return _defence_at(words, cue, idx) is not None


#: a reason denied for what follows («не повод …», «не причина …», «не основание …»)
_NO_GROUNDS = frozenset(("повод", "причина", "основание"))
#: what a calling is denied to be: «называть … «…» — не аргумент / не выход / не критика» (not «не грех»)
#: the author's refusal to go on («… не буду», «не стану», «не собираюсь»)
_WONT = frozenset(("буду", "стану", "собираюсь"))
_NO_REASON = frozenset("аргумент довод выход решение метод способ критика правда разговор мнение про".split())
#: what asks a quoted claim back after the dash («"Все армяне воры" — серьёзно?», «… — неужели?»)
_ASKED_BACK = frozenset(("серьезно", "неужели", "правда"))
#: «какое «быдло»?»: the quoted word asked back by «какой»
_WHICH_ASKED = frozenset(("какое", "какой", "какая", "какие", "каких"))
#: what may stand between «это» and the «не …» of a judgement («это уже не критика», «это вовсе не аргумент»)
_JUST = frozenset(("уже", "вовсе", "совсем", "просто", "никакой", "же"))
#: … and between a quotation and such a «не» with no dash («называть всех «быдлом» тоже не выход»)
_BEFORE_NOT = _JUST | {"тоже", "это"}
#: taking people for something, told not to: «не считайте …», «не держите … за …»
_TAKE_FOR_IMPR = frozenset(("считайте", "считай", "держите", "держи"))


def _said_of_the_claim(words: Sequence[str], idx: list[int], k: int) -> bool:
    """Is the word of rejection at ``k``, the last of its sentence, said of what came before it, not the
    object of a verb («"цыгане все воруют" — бабушкины сказки», «… — полная чушь»; not «цыгане воруют, а
    им рассказывают сказки», «христиане верят в сказки»)? Adjectives may stand before it."""
    m = k - 1
    while m >= idx[0] and likely(words[m], "ADJF"):
        m -= 1
    return (
        m >= idx[0]
        and words[m] not in PREPOSITIONS
        and not likely(words[m], "VERB")
        and not likely(words[m], "INFN")
    )


#: who a group is said to be the same as: «такие же, как все / мы / остальные»
_LIKE_ALL = frozenset(("все", "мы", "остальные", "другие", "вы"))
#: whoever believes a claim (the claim is theirs, not the author's): «кто считает, что …», «кто думает, что …»
_WHOEVER_BELIEVES = frozenset(("считает", "думает", "верит", "уверен", "уверена", "считают", "думают"))
#: … unless the author agrees with them: «кто считает, что …, тот прав»
_RIGHT_SO = frozenset(("прав", "права", "правы", "верно", "правильно"))
#: «я не согласен, что …»
_AGREED = frozenset(("согласен", "согласна", "согласны"))
#: a quoted claim refused: «… — нет, не поддерживаю»
_SUPPORTED = _AGREED | frozenset(("поддерживаю", "поддерживаем"))
#: «раньше я думал, что …»: what the author once believed
_FORMERLY = frozenset(("раньше", "прежде", "когда-то"))
#: what a saying or a thought is called when it is rejected: «глупо думать, что …»
_WRONG_TO = frozenset(
    "глупо неправильно неверно несправедливо нечестно нелепо абсурдно смешно стыдно подло".split()
)
_SAY_OR_THINK = frozenset(("думать", "считать", "говорить", "писать", "утверждать", "верить", "полагать"))
#: what denies a praise said before it: «хорошим водителем женщина быть не может», «… не бывает»
_CANNOT = frozenset(("может", "могут", "сможет", "смогут", "бывает", "бывают", "будет", "будут"))


def _denied_later(words: Sequence[str], idx: list[int], k: int) -> bool:
    """Is the praise at ``k`` denied later in its sentence (``idx``): «не может», «не бывает», or a
    genitive «нет» or «не осталось» within five words after it or three before («нормальных среди них нет»,
    «нет нормальных», «нормальных среди них не осталось», «нормальных людей в этой партии нет»), or a
    genitive plural the verb after it denies (round 33: «нормальных там не держат», «нормальных не найдёшь»)?"""
    if any(words[m] == "не" and m + 1 in idx and words[m + 1] in _CANNOT for m in idx if m > k):
        return True
    if any(words[m] == "но" and not _MOSTLY.isdisjoint(words[m + 1 : m + 4]) for m in idx if m > k):
        return True  # «есть и нормальные, но в основном …», «… может и найдётся, но в массе это алкаши»
    return _has(words[k], "gent") and any(
        words[m] == "нет"
        or (words[m] == "не" and m + 1 in idx and words[m + 1] in _NO_DECENT_LEFT)
        or (words[m] == "не" and k < m <= k + 3 and _has(words[k], "gent", "plur"))
        for m in idx
        if k - 3 <= m <= k + 5
    )


#: what after «но» takes a praise back for most of the group («но в основном», «но в массе», «но большинство»)
_MOSTLY = frozenset(("основном", "массе", "масса", "большинство", "большинстве", "целом"))
#: prepositions that set a group against «normal» people: «отдельно от нормальных», «для нормальных»
_SET_AGAINST = frozenset(("от", "для", "среди", "с", "со", "кроме", "против"))


def _normal_people_contrasted(words: Sequence[str], idx: list[int], k: int) -> bool:
    """«Есть таджики, а есть нормальные люди»: «есть нормальные люди» set against the other «есть» of the
    sentence after «а» — the normal ones are who the group is not (:func:`_set_against_people`); «среди
    них есть нормальные люди» alone stays a defence."""
    if not (k > idx[0] and words[k - 1] == "есть" and k + 1 <= idx[-1] and words[k + 1] == "люди"):
        return False
    return any(words[m] == "есть" and words[m - 1] == "а" for m in idx[1:])


def _of_a_thing(words: Sequence[str], k: int, last: int) -> bool:
    """Is the word of praise at ``k`` «лучший» said of a thing after it («скупили все лучшие участки»,
    «заняли лучшие места»), not of people («лучшие люди»)? (Only the superlative: «хорошая работа»,
    «нормальные условия» in a sentence about a group were found to defend it as often as not — the
    CV lost 0.002 of VK F1 when every adjective of praise before a thing stopped defending.) And «нормальный»
    after a preposition, before a thing («к нормальным домам»): the thing the group is kept from.)"""
    if k < last and words[k].startswith("нормальн") and k > 0 and words[k - 1] in PREPOSITIONS:
        return likely(words[k + 1], "NOUN", "inan")  # «их к нормальным домам подпускать нельзя»
    return (
        k < last
        and words[k].startswith("лучш")
        and likely(words[k], "ADJF")
        and likely(words[k + 1], "NOUN", "inan")
    )


def _one_normal_person(words: Sequence[str], k: int, last: int) -> bool:
    """Is the word of approval at ``k`` said of one person set against the group («нормальному русскому
    человеку там делать нечего», «нормальный человек туда не пойдёт»): a singular adjective before a
    word for one person, one more adjective may stand between them? A defence speaks of the people
    themselves, in the plural («они нормальные люди»)."""
    if not likely(words[k], "ADJF", "sing"):
        return False
    m = k + 1
    if m < last and likely(words[m], "ADJF"):
        m += 1
    return m <= last and lemma(words[m]) in ("человек", "мужик", "парень", "житель", "гражданин")


def _normal_ones_refuse(words: Sequence[str], cue: list[frozenset[str]], k: int, last: int) -> bool:
    """Is the word of approval at ``k`` said of the normal people who refuse what the group does or is
    («дворники все алкаши, на такую работу нормальные люди не идут», «нормальные так себя не ведут»): a
    plural adjective, «люди» after it or not, then «не» and a verb within three words? The group is set
    against them, as by :func:`_one_normal_person`; «они нормальные люди, не надо их обижать» keeps its
    comma between."""
    m = _normal_people(words, cue, k, last)
    if m is None:
        return False
    return any(
        words[n] == "не"
        and n < last
        and likely(words[n + 1], "VERB")
        and not {"и", "а"} & set(words[m + 1 : n])
        for n in range(m + 1, min(m + 4, last))
    )  # («цыгане нормальные люди и не воруют»: the group's own praise goes on)


#: where the normal ones are said to be instead of among the group: only elsewhere, or gone
_ELSEWHERE = frozenset("только уехали уехать сбежали разъехались свалили".split())


def _normal_ones_elsewhere(words: Sequence[str], cue: list[frozenset[str]], k: int, last: int) -> bool:
    """Is the word of approval at ``k`` said of the normal people found only elsewhere or gone away
    («пятигорчане — понторезы и хамы, нормальные люди только в Кисловодске живут», «нормальные давно
    уехали»): a plural adjective, «люди» after it or not, then within three words «только» or a verb of
    leaving? The group is set against them, as by :func:`_normal_ones_refuse`."""
    m = _normal_people(words, cue, k, last)
    return m is not None and any(words[n] in _ELSEWHERE for n in range(m + 1, min(m + 4, last + 1)))


def _normal_people(words: Sequence[str], cue: list[frozenset[str]], k: int, last: int) -> int | None:
    """The last token of «нормальные (люди)» when the word of approval at ``k`` is a plural adjective, «люди» after
    it or not, said of others than the group; None otherwise — where :func:`_normal_ones_refuse` and
    :func:`_normal_ones_elsewhere` read on from. After a plural noun the praise is the group's own («мигранты
    нормальные люди не воруют», «армяне нормальные люди, только шумные»), unless that noun is itself a word of
    blame («… все алкаши, нормальные …»)."""
    if not likely(words[k], "ADJF", "plur"):
        return None
    if k > 0 and likely(words[k - 1], "NOUN", "nomn", "plur") and "GS.EVAL" not in cue[k - 1]:
        return None
    return k + 1 if k < last and words[k + 1] == "люди" else k


#: what may stand between «мы» and «все» and the group: «мы же все …», «мы ведь тоже …»
_WE_PARTICLES = frozenset(("же", "ведь", "тут", "здесь"))


def _we_all_are(words: Sequence[str], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` said of «мы все» — «мы все пятигорчане», «мы же все россияне», «мы ведь все
    тут приезжие» — the author counting everyone in one people (round 36: «…, мы все пятигорчане, у нас один
    город и одни беды» was deleted with a ban, «одни беды» read as what the people bring)?"""

    def back(m: int) -> int:  # the first word at or before ``m`` that is no particle of the sentence
        while m >= 0 and sent[m] == sent[i] and words[m] in _WE_PARTICLES:
            m -= 1
        return m

    m = back(i - 1)
    if m < 1 or sent[m] != sent[i] or words[m] not in ("все", "тоже"):
        return False
    m = back(m - 1)
    return m >= 0 and sent[m] == sent[i] and words[m] == "мы"


def _had_better(words: Sequence[str], k: int) -> bool:
    """«лучше» of advice, not of praise: «цыганам лучше уехать», «с ними лучше не связываться», «лучше бы
    их выгнали», «пусть они лучше …» (not «армяне лучше всех готовят шашлык»)."""
    if words[k] != "лучше" or k + 1 >= len(words):
        return False
    if words[k + 1] in ("бы", "не", "уж") or _has(words[k + 1], "INFN"):
        return True
    if any(words[m] in ("пусть", "пускай") for m in range(max(0, k - 3), k)):
        return True  # «пусть бабушки лучше дома сидят»: what they had better do
    return k + 3 < len(words) and words[k + 2] == "не" and _has(words[k + 3], "INFN")  # «лучше дел не иметь»


#: shame put on those who abuse a group: «позор тем, кто …», «стыдно тем, кто …»
_SHAME = frozenset(("позор", "стыдно", "стыд", "позорище"))
#: emoji that liken people to vermin, apes or pigs, or show disgust: right after a group word they say
#: what «крысы», «обезьяны», «тошнит от них» say (not sheep or goats — «мусульмане 🐑 отмечают
#: Курбан-байрам» — nor 🙈, a shy face)
_BEAST_EMOJI = re.compile(
    "[\U0001f400\U0001f401\U0001f412\U0001f435\U0001f437\U0001f416\U0001f43d"
    "\U0001f98d\U0001f9a7\U0001fab3\U0001f99f\U0001f4a9\U0001f92e\U0001f922]"
)
#: how far after the group word an emoji may stand (characters)
_EMOJI_REACH = 16


def _emoji_beast(norm: Normalized, i: int) -> tuple[int, str] | None:
    """The end offset and the emoji of a beast or disgust emoji right after the group word at ``i`` —
    only a dash, «=», «как», «это», «все» or other emoji between them («Мигранты = 🐀», «армяне — как
    🐒»; not «пенсионеры на празднике 🐑 в зоопарке», not the next sentence's «🐒 в зоопарке …»); None
    when there is none."""
    toks, orig = norm.tokens, norm.original
    m = _BEAST_EMOJI.search(orig, toks[i].end, min(len(orig), toks[i].end + _EMOJI_REACH))
    if m is None or not _EMOJI_GAP.fullmatch(orig, toks[i].end, m.start()):
        return None
    return m.end(), m.group()


#: what may stand between a group word and its emoji: punctuation, «как», «это», «все», other emoji
_EMOJI_GAP = re.compile(r"(?:[\s\-—–=:,!]|как|это|все|одни|[^\w\s.?])*")


#: a sentence of one word that rejects the one before («Бред.», «Чушь.», «Враньё.»), or a claim called
#: nonsense as its sentence opens («Ерунда, что …», «Сказки, что …»)
_NONSENSE = frozenset(
    "бред чушь ложь неправда глупость вранье враньё стереотип миф ерунда сказки враки выдумки вздор брехня"
    " глупости домыслы абсурд".split()
)


#: what may stand beside the one word that rejects the sentence before («Бред же», «Полный бред», «Просто чушь»)
_NONSENSE_STRESS = frozenset(("же", "полный", "полная", "просто", "ведь", "какой", "какая", "то", "откровенный"))


def _rejected_next(
    words: Sequence[str], cue: list[frozenset[str]], by_sentence: dict[int, list[int]], x: int
) -> bool:
    """Does the sentence after ``x`` open by rejecting it — «Это стереотип», «Это неправда», «Всё это
    ложь» («Многие думают, что цыгане все воры. Это стереотип») — or is it one such word («Бред.»)?"""
    nxt = by_sentence.get(x + 1)
    if not nxt:
        return False
    said = [k for k in nxt if words[k] not in _NONSENSE_STRESS]
    if len(said) == 1 and len(nxt) <= 3 and words[said[0]] in _NONSENSE:
        return True  # «Ага, конечно, все мигранты — бандиты. Бред.»: one word that rejects it («Бред же», «Полный бред»)
    if words[nxt[0]] not in ("это", "всё", "все"):
        return False
    return any("GS.DEFEND" in cue[k] for k in nxt[1:4]) and not any("GS.NOT" in cue[k] for k in nxt[1:3])


def _nonsense_after_dash(norm: Normalized, sent: list[int], x: int) -> bool:
    """Does sentence ``x`` end by calling what it said nonsense after a dash («Так что разговоры, что "женщинам в
    хирургии не место", — ерунда»; round 31: deleted)? Not «Всё это ерунда, цыгане все воры»: the word opens it."""
    words, toks = norm.words, norm.tokens
    last = max((k for k, s in enumerate(sent) if s == x), default=-1)
    if last < 2 or words[last] not in _NONSENSE or words[last - 1] == "не":
        return False
    return _DASH_GAP.search(norm.original, toks[last - 1].end, toks[last].start) is not None


#: a dash between two words: a long or a middle one anywhere, a hyphen with spaces round it
_DASH_GAP = re.compile(r"[—–]|\s-\s")


def _reported_before(
    norm: Normalized,
    words: Sequence[str],
    lemmas: Sequence[str] | None,
    cue: list[frozenset[str]],
    sent: list[int],
    i: int,
) -> bool:
    """Is the group word inside reported speech ("мне написали, что все …", "нас чурками обзывают")?"""
    if _named_after(words, i, lambda k: sent[k] == sent[i] and "GS.REPORT_NAMING" in cue[k]) is not None:
        return True
    for k in range(i - 1, -1, -1):
        if sent[k] != sent[i]:
            return False
        if "GS.REPORT" in cue[k] and _reports(words, k) and _introduces(norm, words, cue[k], k, i):
            return True
        if "GS.OPINION" in cue[k] and k + 1 < i and words[k + 1] in ("что", "будто"):
            return True  # «многие думают, что все X …»: someone else's opinion, told
        if (
            words[k] in _THEY_SAY
            and (norm.original.startswith(",", norm.tokens[k].end) or words[k + 1] == "все")
            and (k == 0 or sent[k - 1] != sent[k] or (words[k - 1] in _LEAD_IN and (k == 1 or sent[k - 2] != sent[k])))
        ):
            # «Говорят, цыгане воруют, но мой сосед …»: hearsay, told as such (round 39: and «Вот говорят все
            # врачи взяточники... а я скажу …», as the OK groups write it without the comma)
            return True
        # (a post noun or a verb of quoting counts only within four words: the lemma is looked up only
        # there; «цитирую депутата: «пенсионеры — балласт»»: whoever quotes, the words are another's)
        if i - k <= 4 and _quotes_a_post(norm, _lemma_at(words, lemmas, k), k, i):
            return True
    return False


#: a particle a sentence may open with before «говорят» («Вот говорят, …», «А говорят, …»)
_LEAD_IN = frozenset("вот а ну тут и да".split())


def _in_reported_quote(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], end: int
) -> bool:
    """Does a finding ending at ``end`` end inside a quotation that a report verb before it opens, in its
    sentence («пишет про мигрантов «гнать их всех»», «заявила пассажирке: «таким, как ты, тут не место»»)?
    The group word may stand outside the quote; what is said of it is someone else's words."""
    toks = norm.tokens
    h = next((k for k in range(len(toks)) if toks[k].end >= end), None)
    if h is None:
        return False
    text = norm.original
    for k in range(h - 1, -1, -1):
        if sent[k] != sent[h]:
            return False
        if not (("GS.REPORT" in cue[k] and _reports(words, k)) or words[k] in _PERCEIVED_1ST):
            continue  # (the author's «читаю «…»», «слышу «…»» quote what they met — round 32: deleted with a ban)
        if quote_open(text[toks[k].end : toks[h].start]):
            return True
    return False


def _quoted_then_answered(norm: Normalized, finding: Finding) -> bool:
    """Is the finding inside a quotation that opens the text, with a dash after it («"все учителя
    взяточники" — жена учитель, зарплата 28 тысяч, какие взятки, вы о чем»)? The author puts someone's
    claim first to answer it: held at most, whatever the answer (round 28: deleted with a ban)."""
    text = norm.original
    m = QUOTED.match(text, len(text) - len(text.lstrip()))
    return (
        m is not None
        and m.start() <= finding.start
        and finding.end <= m.end()
        and bool(_DASH_AFTER_QUOTE.match(text, m.end()))
    )


_DASH_AFTER_QUOTE = re.compile(r"\s*[-–—]")
#: «Говорят, …» opening a sentence: what people say, not what the author says
_THEY_SAY = frozenset(("говорят", "поговаривают", "болтают"))
#: Words that open someone's reported words after a report verb ("написали, что …", "пишет, мол, …").
_INTRODUCERS = frozenset("что будто якобы мол дескать типа чтобы".split())
_QUOTE_OR_COLON = re.compile(r"[:«»\"“”„]")
#: verbs of quoting, in any person («цитирую», «процитировал»), and «дословно»: with a colon or a quote
#: right after
_QUOTING = ("цитир", "процитир", "дословно")


def _introduces(norm: Normalized, words: Sequence[str], cue: frozenset[str], k: int, h: int) -> bool:
    """Does the report verb at ``k`` introduce the words at ``h`` as someone else's? A naming verb
    takes the abuse as its object ("меня назвали дебилом"); the others need a complementiser, a quote
    or a colon between them ("написали, что …", "пишет: …"). Without one the verb is the author's own
    sentence: «пишут дебилы», «мягко сказано, … твари», «ПДД написаны так, чтобы … дебилов»."""
    if "GS.REPORT_NAMING" in cue and h - k <= 4:
        return True
    toks = norm.tokens
    if _QUOTE_OR_COLON.search(norm.original, toks[k].end, toks[h].start):
        return True
    participle = _has(words[k], "PRTS") or _has(
        words[k], "PRTF"
    )  # "написано, что …" but not "написаны так, чтобы"
    return any(words[m] in _INTRODUCERS and not (participle and words[m] == "чтобы") for m in range(k + 1, h))


# -- the statement about one group word ------------------------------------------------------------


def _generic(words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` said of the group — plural, collective or quantified ("медсестры",
    "молодежь", "каждая медсестра") — rather than of one person ("медсестра в 12 кабинете",
    "учительница нашего сына": an insult of her is an insult, not the defamation of a profession)?"""
    if words[i] in _COLLECTIVE or _has(words[i], "plur") or _opens_as_plural(words, sent, i):
        return True
    return any("GS.QUANT" in cue[k] for k in range(max(0, i - _BEFORE), i) if sent[k] == sent[i])


def _opens_as_plural(words: Sequence[str], sent: list[int], i: int) -> bool:
    """Does the group word open its sentence in a form that is a nominative plural too, however rarely
    pymorphy3 reads it so («Тётки в бухгалтерии — хамки»: «тётки» is first a genitive singular, which
    opens no sentence)? (round 38)"""
    return (i == 0 or sent[i - 1] != sent[i]) and any(
        "plur" in p.tag and "nomn" in p.tag for p in parses(words[i])[:4]
    )


#: Words that point at one person: «этого водителя», «моего соседа-армянина».
_THIS_ONE = frozenset(
    "этот этого этому этим этом эта этой эту тот того тому той ту мой моего моему моим моем моя моей мою"
    " твой твоего твоему твоим твоя твоей твою ваш вашего вашему вашим ваша вашей вашу".split()
)


def _one_person(words: Sequence[str], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` one person pointed at — a singular after «этот», «мой», «ваш» … (an
    adjective may stand between) — rather than the group? What is said of them is said of a person.
    (Not asked of a people, a race or a faith: naming one man «этот цыган» in a call to drive him out
    is what targets him.)"""
    if words[i] in _COLLECTIVE or not _just_before(words, sent, i, _THIS_ONE):
        return False
    return all(p.tag.number == "sing" for p in parses(words[i])[:2])


#: calls to punish that are harm said of a people («проучить таджиков», «мусульман надо прижать») and a
#: fine or a hug said of others
_PUNISH = frozenset(("проучить", "прижать"))


def _singular(word: str) -> bool:
    """Is the group word singular in its two likeliest readings (not a collective: «молодёжь»)?"""
    return word not in _COLLECTIVE and all(p.tag.number == "sing" for p in parses(word)[:2])


#: the addressee in the nominative («ты не врач, а …»)
_YOU_NOM = frozenset(("ты", "вы"))
#: people named by an unlawful status («нелегальных мигрантов»): the law's own subset of a group
_UNLAWFUL = ("нелегальн", "незаконн")


#: Collective numerals and counts: «двое», «трое» … people counted are some people, not the group.
_COUNTS = frozenset("двое трое четверо пятеро шестеро семеро восьмеро девятеро десятеро несколько".split())


def _counted(words: Sequence[str], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` counted right before it — a collective numeral or a number («двое
    мигрантов», «5 таджиков»), an adjective allowed between (not a demonstrative: «+100, эти таджики …»
    agrees with a post and points at the people)?"""
    for k in (i - 1, i - 2):
        if k < 0 or sent[k] != sent[i]:
            return False
        if words[k] in _COUNTS or (words[k].isdigit() and not (k > 0 and words[k - 1].startswith("процент"))):
            return True  # (not «процентов 70 украинцев»: a share of the people)
        if words[k] in _THESE or not likely(words[k], "ADJF"):
            return False
    return False


#: The author's own people: «наши футболисты», «у нас ребята».
_OURS = frozenset("наш наша наше наши нашего нашей нашему нашим наших нашими".split())


def _ours(words: Sequence[str], sent: list[int], i: int) -> bool:
    """Is the group word at ``i`` the author's own («наши X», «наши-то X»)?"""
    return _just_before(words, sent, i, _OURS)


def _just_before(words: Sequence[str], sent: list[int], i: int, vocabulary: frozenset[str]) -> bool:
    """Is a word of ``vocabulary`` one of the two words before ``i``, in its sentence (an adjective
    may stand between: «этого наглого водителя», «наши-то футболисты»)?"""
    return any(words[k] in vocabulary for k in range(max(0, i - 2), i) if sent[k] == sent[i])


#: Verbs of leaving that send people away whatever follows («пусть валят», «пускай убираются») …
_GO_AWAY = frozenset(("валить", "свалить", "убираться", "убраться", "катиться", "проваливать", "выметаться"))
#: … and where the others send them: home («пусть едут к себе», «пусть возвращаются на родину»)
_HOME = frozenset(("себе", "домой", "родину", "обратно", "свой", "свою", "свои", "откуда", "аул", "кишлак"))
_MUST = frozenset(("должны", "должен", "должна", "обязаны"))  # «X должны уехать»: told to leave
#: what a trip is wished with or for — a permission or a good wish, not a sending away («пусть едут на здоровье»)
_WELL = frozenset("спокойно здоровье отдыхать отдохнуть богом лечиться учиться гости хотят захотят".split())


def _wished_well(words: Sequence[str], clause: list[int], j: int) -> bool:
    """Is the verb of leaving at ``j`` wished well within three words of its clause («пенсионеры уезжают в санаторий,
    пусть едут на здоровье», «армяне едут в Ереван на праздники, пусть едут спокойно»; round 37: each was banned)?"""
    if lemma(words[j]) in _GO_AWAY:
        return False  # («пусть валят спокойно отсюда»: nobody wishes a trip well with «валить»)
    return any(words[k] in _WELL for k in range(j + 1, min(len(words), j + 4)) if clause[k] == clause[j])


#: What opens a question that is a call: «когда уже …», «когда же …», «когда наконец …».
_WHEN_AT_LAST = frozenset(("уже", "же", "наконец"))


def _borne_no_longer(words: Sequence[str], cue: list[frozenset[str]], j: int, i: int) -> bool:
    """«сколько можно терпеть (этих) цыган»: is «терпеть» at ``j`` said after «сколько можно» with the
    group word ``i`` right after it (only quantifiers between) — the group is what is borne, not «…
    хамство таксистов»? One reading for the question and the statement."""
    return (
        "GS.HATRED_NEG" in cue[j]
        and j < i
        and _HOW_LONG in zip(words[max(0, j - 3) : j], words[max(0, j - 3) + 1 : j], strict=False)
        and all("GS.QUANT" in cue[k] for k in range(j + 1, i))
    )


#: how a proposal put as a question opens («почему бы не …?», «не пора ли …?», «а что, если …?»; all but
#: the first only of a people, a race or a faith: «а что, если запретить пенсионерам ездить бесплатно?»,
#: «может, пора уволить этих таксистов?» are proposals about fares and service)
_PROPOSALS = (
    ("почему", "бы", "не"),
    ("не", "пора", "ли"),
    ("что", "если"),
    ("может", "пора"),
    ("не", "лучше", "ли"),
)


def _proposal(words: Sequence[str], idx: list[int]) -> str | None:
    """The opener of a proposal put as a question within the first three words of the sentence."""
    for k in idx[:3]:
        for p in _PROPOSALS:
            if tuple(words[k : k + len(p)]) == p:
                return " ".join(p)
    return None


#: letting people in or letting them stay: «кто пустил …», «кто разрешил …»
_LET_IN = frozenset(
    ("пустить", "пускать", "впустить", "разрешить", "позволить", "завезти", "навезти", "пригласить")
)


def _rhetorical_call(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], idx: list[int], i: int, attribute: str
) -> Finding | None:
    """«Когда уже выгонят всех этих цыган из города?»: a question that opens with «когда уже/же/
    наконец» and asks when the group (the object) will be driven out is a call, not a question; so is
    «сколько можно терпеть этих X?», «может, хватит пускать X в город?» and «почему бы не запретить X …?».
    With «всех»/«этих» it generalises (delete); without, a moderator reads it («когда выселят
    цыган из подвала на Украинской?» may be about one family). ``idx``: the tokens of its sentence."""
    if len(idx) < 3 or not (_has(words[i], "accs") or _has(words[i], "gent") or _has(words[i], "datv")):
        return None
    toks = norm.tokens
    if (j := _stop_admitting(words, cue, idx, i)) is not None:
        # «Может, хватит пускать мигрантов в город?»: asked to stop letting them in
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        a, b = min(i, j), max(i, j)
        return Finding(
            "call_to_exclude",
            attribute,
            toks[a].start,
            toks[b].end,
            strength,
            f"{_stop_word(words, j)} {words[j]}",
            hold,
        )
    if (opener := _proposal(words, idx)) is not None and (opener == "почему бы не" or attribute in _ONLY_OF):
        # «А почему бы не запретить мусульманам молиться на улицах?», «Не пора ли ограничить въезд для
        # кавказцев?», «А что, если запретить …?»: a proposal put as a question
        for j in idx:
            if "GS.EXCLUDE" in cue[j] and _has(words[j], "INFN"):
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
                a, b = min(i, j), max(i, j)
                return Finding(
                    "call_to_exclude",
                    attribute,
                    toks[a].start,
                    toks[b].end,
                    strength,
                    f"{opener} {words[j]}",
                    hold,
                )
    if attribute in _ONLY_OF or attribute == "residence":
        if (
            words[idx[0]] == "зачем"
            and "нам" in words[idx[1] : idx[1] + 2]
            and i > 0
            and words[i - 1] == "столько"
        ):
            # «Зачем нам в городе столько мигрантов?»: asked why the town needs so many of a people — a
            # moderator reads it (a question of the labour market reads the same)
            return Finding(
                "call_to_exclude",
                attribute,
                toks[idx[0]].start,
                toks[i].end,
                "review",
                "зачем нам столько",
                True,
            )
        if words[idx[0]] == "кто" and (
            j := next((k for k in idx[1:3] if lemma(words[k]) in _LET_IN and _has(words[k], "past")), None)
        ):
            # «Кто пустил этих цыган в город?», «Кто разрешил цыганам тут жить?»: a people's being here
            # asked after as a wrong — held (of one family or one firm the words are the same)
            return Finding(
                "call_to_exclude",
                attribute,
                toks[idx[0]].start,
                toks[max(i, j)].end,
                "review",
                f"кто {words[j]}",
                True,
            )
    if not (_has(words[i], "accs") or _has(words[i], "gent")):
        return None
    if attribute not in _RULES_OF and (j := _nothing_good_from(words, idx, i)) is not None:
        # «Чего ещё ожидать от цыган?»: asked only to say that nothing better comes from them
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        a, b = min(i, j), max(i, j)
        return Finding(
            "generalisation",
            attribute,
            toks[a].start,
            toks[b].end,
            strength,
            f"{words[j]} … от {words[i]}",
            hold,
        )
    if (words[idx[0]], words[idx[1]]) == _HOW_LONG:
        # «Сколько можно терпеть этих цыган?»: the author says they cannot bear the group any longer; of
        # an age or a trade («… этих подростков в подъезде?») a complaint a moderator reads
        for j in idx[2:5]:
            if _borne_no_longer(words, cue, j, i):
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
                return Finding(
                    "generalisation",
                    attribute,
                    toks[j].start,
                    toks[i].end,
                    strength,
                    f"сколько можно {words[j]}",
                    hold,
                )
        return None
    return _when_at_last(norm, words, cue, idx, i, attribute)


def _when_at_last(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], idx: list[int], i: int, attribute: str
) -> Finding | None:
    """«Когда уже выгонят всех этих цыган?», «…, когда их уже уберут отсюда»: «когда» with «уже», «же»
    or «наконец» within two words after it (a pronoun may stand between), then a verb of driving out —
    GS.EXCLUDE, or «убрать»/«вывезти», which only this frame makes a call — in the future or the
    infinitive, in the sentence ``idx`` of the group word ``i`` (an object). With «всех»/«этих» before the
    group it generalises (delete); without, a moderator reads it («когда выселят цыган из подвала на
    Украинской?» may be about one family)."""
    if not (_has(words[i], "accs") or _has(words[i], "gent")):
        return None
    toks = norm.tokens
    for k in idx:
        if words[k] != "когда" or not any(words[m] in _WHEN_AT_LAST for m in (k + 1, k + 2) if m in idx):
            continue
        for j in idx:
            if not (k < j <= k + 5) or _negated(words, cue, j):
                continue
            if ("GS.EXCLUDE" in cue[j] or lemma(words[j]) in _TAKE_AWAY) and (
                _has(words[j], "futr") or _has(words[j], "INFN")
            ):
                a, b = min(i, j), max(i, j)
                strength, hold = _SURE_OR_HELD[
                    any("GS.QUANT" in cue[m] for m in range(max(idx[0], i - _BEFORE), i))
                ]
                return Finding(
                    "call_to_exclude",
                    attribute,
                    toks[a].start,
                    toks[b].end,
                    strength,
                    f"когда уже {words[j]}",
                    hold,
                )
        return None
    return None


#: taken away — a call only in «когда уже их уберут»: «убрать мусор» is the yard's daily request
_TAKE_AWAY = frozenset(("убрать", "убирать", "вывезти", "вывозить"))


#: «отдельный народ со своей культурой», «отдельный язык»: a people described as distinct, not set apart
_DISTINCT = frozenset(
    (
        "народ",
        "нация",
        "народность",
        "этнос",
        "культура",
        "язык",
        "вера",
        "религия",
        "община",
        "история",
        "традиция",
    )
)


def _a_verb_here(words: Sequence[str], j: int) -> bool:
    """Is the place's word at ``j`` an infinitive here, not after «в» («бабушка любит печь хлеб»: «печь» is to bake;
    «их в печь» is the oven — round 46: a calm line about a grandmother's bread was deleted as a call to exclude)?"""
    return _has(words[j], "INFN") and not (j and words[j - 1] in ("в", "во"))


def _segregated(
    words: Sequence[str], cue: list[frozenset[str]], same_sentence: list[int], i: int
) -> tuple[int, bool] | None:
    """The word that keeps the group at ``i`` apart — «отдельно», «отдельные …», a ghetto or a
    reservation — in a sentence that calls for it: a modal («надо», «нужно», «должны», «пусть», «бы»),
    «нужна/нужны», or no finite verb («мусульман в отдельное гетто», «таджиков держать в резервациях»); not negated within three words
    before it («не надо селить их отдельно»). Its index and whether it walls them in, or None."""
    walled = [
        j for j in same_sentence
        if (words[j] in _CONFINEMENT and not _a_verb_here(words, j)) or words[j].startswith("резерваци")
    ]  # fmt: skip
    apart = [
        j for j in same_sentence
        if words[j].startswith("отдельн") and not (j + 1 < len(words) and lemma(words[j + 1]) in _DISTINCT)
    ]  # fmt: skip
    if not walled and not apart:
        return None
    if any(
        words[k] in ("не", "нельзя") and k + 1 < len(words) and "GS.MODAL" in cue[k + 1]
        for k in same_sentence
    ):
        return None  # («не надо селить их отдельно»)
    called = any("GS.MODAL" in cue[k] or words[k] in _MUST or words[k] in _NEEDED for k in same_sentence)
    # (no finite verb: «мусульман в отдельное гетто», or an infinitive as the call itself: «таджиков
    # держать в резервациях»)
    finite = any(likely(words[k], "VERB") for k in same_sentence + [i])
    verbless = not finite and not any(likely(words[k], "INFN") for k in same_sentence + [i])
    for j in walled + apart:  # (a ghetto before «отдельное»: «мусульман в отдельное гетто»)
        if any(words[k] in ("не", "нельзя") for k in range(max(0, j - 3), j)):
            return None
        if called or verbless or (not finite and j in walled):  # (not «отдельно отметить работу общины»)
            return j, j in walled
    return None


_NEEDED = frozenset(("нужна", "нужен", "нужны", "нужно"))


def _stop_word(words: Sequence[str], j: int) -> str:
    """«хватит» or «сколько можно», whichever stands before the admitting verb at ``j``."""
    return "хватит" if words[j - 1] == "хватит" else "сколько можно"


def _stop_admitting(words: Sequence[str], cue: list[frozenset[str]], idx: list[int], i: int) -> int | None:
    """«Хватит пускать мигрантов в город», «хватит давать им квартиры», «сколько можно пускать сюда
    мигрантов»: «хватит» or «сколько можно» right before an infinitive that admits or gives
    (GS.EXCLUDE_NEG), in the sentence ``idx`` of the group word ``i`` (an object: «хватит пускать
    мигрантов»), not a place («хватит места всем»); its index or None."""
    return next(
        (
            j for j in idx
            if j > 0 and (words[j - 1] == "хватит" or (j > 1 and (words[j - 2], words[j - 1]) == _HOW_LONG))
            and "GS.EXCLUDE_NEG" in cue[j] and words[j] != "место"
            and _has(words[j], "INFN") and abs(j - i) <= 5
        ),
        None,
    )  # fmt: skip


def _told_to_leave_next(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«Зачем нам столько армян? Пусть возвращаются к себе»: the sentence after the plural group word
    opens with «пусть» and a verb of leaving, with no subject of its own — the group is told to go."""
    nxt = _next_sentence_of_plural(words, sent, i)
    # («Достали уже, пусть валят»: an exasperated word or two may come first)
    let = next((x for x in range(min(len(nxt), 4)) if words[nxt[x]] in ("пусть", "пускай")), None)
    if let is None or len(nxt) < let + 2 or not all(words[nxt[x]] in _FED_UP for x in range(let)):
        return None
    j = nxt[let + 1]
    if "GS.LEAVE" not in cue[j] or not _has(words[j], "plur"):
        return None
    if lemma(words[j]) not in _GO_AWAY and _HOME.isdisjoint(words[k] for k in nxt[let + 2 : let + 5]):
        return None  # «пусть возвращаются почаще!», «пусть едут отдыхать»: no one is sent away
    toks = norm.tokens
    return Finding("call_to_exclude", attribute, toks[i].start, toks[j].end, "delete", f"пусть {words[j]}")


def _next_sentence_of_plural(words: Sequence[str], sent: list[int], i: int) -> list[int]:
    """The words (within reach) of the sentence after the group word at ``i`` when it names a group in the
    plural or collectively — where :func:`_told_to_leave_next` and :func:`_named_beasts_next` look for
    what is said of it without naming it again; none otherwise."""
    if not (_has(words[i], "plur") or words[i] in _COLLECTIVE):
        return []
    return [k for k in range(i + 1, min(len(words), i + _REACH)) if sent[k] == sent[i] + 1]


def _named_beasts_next(
    norm: Normalized, words: Sequence[str], cue: list[frozenset[str]], sent: list[int], i: int, attribute: str
) -> Finding | None:
    """«Видел кавказцев у ТЦ. Эти животные никого не уважают»: the sentence after the plural group word
    opens by calling them beasts — «эти» and a word of GS.DEHUMAN in the plural nominative, the subject
    of what follows. Held: the next sentence may be about real animals («… Эти животные голодают»)."""
    nxt = _next_sentence_of_plural(words, sent, i)
    if len(nxt) == 1 and nxt[0] == len(words) - 1:
        # «…на Цветнике лезгинку пляшут. Звери.»: the last sentence is only the beasts' name (round 31; not an
        # insult's own word, «…судьи и адвокаты. Твари.»: the insult said of the group reads it, and deletes)
        j = nxt[0]
        if "GS.EVAL" in cue[j]:
            return None
    elif len(nxt) < 2 or words[nxt[0]] != "эти":
        return None
    else:
        j = nxt[1]
    if "GS.DEHUMAN" not in cue[j] or not _has(words[j], "nomn", "plur"):
        return None
    if any(likely(words[x], "NOUN", "plur") for x in range(i + 1, nxt[0])):
        return None  # «Мигранты кормят бездомных собак. Эти животные голодают»: «эти» are the dogs
    toks = norm.tokens
    what = words[j] if len(nxt) == 1 else f"эти {words[j]}"
    return Finding("dehumanising", attribute, toks[i].start, toks[j].end, "review", what, hold=True)


#: what may come before «пусть» in the sentence that tells a group to go («Достали уже, пусть валят»)
_FED_UP = frozenset(
    "достали надоели задолбали достало надоело хватит все всё уже короче блин вот и да так".split()
)


#: Where the people told they are not wanted are not wanted: «в нашем городе», «тут», «здесь».
_HERE = frozenset(
    (
        "город",
        "городе",
        "тут",
        "здесь",
        "пятигорск",
        "пятигорске",
        "нам",
        "нас",
        "районе",
        "крае",
        "стране",
        "россии",
    )
)
#: predicates that tell a group, the subject, it is not wanted: «не нужны», «лишние», «чужие» (with a
#: place or «нам»: «мигранты нам чужие», «евреи — лишние люди в России»)
_UNWANTED = frozenset(("нужны", "нужен", "нужна", "лишние", "лишний", "чужие", "чужой"))
#: where a group is told it has no business as well as a place: «женщинам в политике делать нечего»,
#: «приезжим во власти делать нечего» (not for «не надо»: «женщинам в армии не надо служить» is a view)
_SPHERES = frozenset(
    ("политике", "власти", "руководстве", "армии", "управлении", "думе", "правительстве", "администрации")
)


def _unwelcome(words: Sequence[str], clause: list[int], i: int, j: int) -> str | None:
    """The words that tell the group at ``i`` it is not wanted, with the word at ``j`` as their head:
    «нечего делать», «не рады», «быть не должно», or a verbless «не надо/не нужно» — each with a place or «нам» in
    the clause («армянам тут не рады», «азиатов в наш город не надо»; not «детям не рады в кафе?» …
    which has no place of the author's)."""
    w = words[j]
    if w not in _UNWELCOME_HEADS or clause[i] != clause[j]:
        return None  # (most words head none of them: asked of every word of a group's sentence)
    n = len(words)
    part = [k for k in range(max(0, j - 6), min(n, j + 6)) if clause[k] == clause[j]]
    if _HERE.isdisjoint(words[k] for k in part) and (
        w not in ("нечего", "должно") or _SPHERES.isdisjoint(words[k] for k in part)
    ):
        return None
    if (
        w == "должно"
        and j > 0
        and words[j - 1] == "не"
        and ((j + 1 < n and words[j + 1] == "быть") or (j > 1 and words[j - 2] == "быть"))
    ):
        return "быть не должно"  # («негров в нашем городе быть не должно»)
    if w == "нечего" and ((j + 1 < n and words[j + 1] == "делать") or (j > 0 and words[j - 1] == "делать")):
        return "нечего делать"  # («русским тут делать нечего»)
    if w == "рады" and j > 0 and words[j - 1] == "не":
        return "не рады"
    if w in _UNWANTED and _on_condition(words, clause, j):
        return None  # «нам не нужны мигранты без патента»: a rule's condition
    if w in _UNWANTED and (w not in ("нужны", "нужен", "нужна") or (j > 0 and words[j - 1] == "не")):
        return (
            f"не {w}" if j > 0 and words[j - 1] == "не" else w
        )  # («цыгане нам в районе не нужны», «армяне тут лишние»)
    if (
        w in ("надо", "нужно")
        and j > 0
        and words[j - 1] == "не"
        and not any(likely(words[k], "INFN") or likely(words[k], "VERB") for k in part if k != j)
    ):
        return f"не {w}"
    return None


#: the words :func:`_unwelcome` can head
_UNWELCOME_HEADS = _UNWANTED | frozenset(("должно", "нечего", "рады", "надо", "нужно"))
#: «всех мигрантов — на выход»: the way out, like the dump, in a verbless call
_WAY_OUT = frozenset(("выход", "родину"))  # «студентов на выход», «кавказцев на родину»
_TO = frozenset(("на", "в", "во", "за"))
#: Where people are locked up: «всех геев в тюрьму», «мигрантов за решётку», «на нары их» — a whole
#: people or sex sent there is persecution; a trade or a party, what angry voters say of officials
#: (held: «всех чиновников на нары»)
_PRISON = frozenset(("тюрьму", "тюрягу", "нары", "решетку", "каторгу"))
_HOW_LONG = ("сколько", "можно")
_DARK = ("черн", "темнокож", "чернокож")


#: a call or a wish that sends someone away («пора», «надо», «бы»)
_SENT_OFF = frozenset(("пора", "надо", "нужно", "бы", "б", "сдать", "отправить", "отправлять", "сдавать"))


def _disposal(words: Sequence[str], sent: list[int], clause: list[int], j: int, i: int) -> bool:
    """Is the «на» (or «в») at ``j`` a call to send people to the dump, the grave or a camp — «пора их
    на свалку», «стариков на мыло», «всех на тот свет», «этих приезжих надо в резервацию»: after
    «пора», «надо», «нужно», or in a clause without a verb (not «студентов возили на кладбище к
    мемориалу», which is news; not «цыгане живут в своём гетто»)? A people sent to its homeland in a
    clause without a verb is one too: «армян — в Армению»."""
    n = len(words)
    if j + 1 >= n or sent[j + 1] != sent[j]:
        return False
    nxt = words[j + 1]
    if words[j] == "за" and nxt != "решетку":
        return False
    if words[j] in ("в", "во"):
        confined = (
            nxt in _CONFINEMENT
            or nxt in _PRISON
            # (the home's own name read as the group sent there only with a call or a wish in the sentence —
            # «ей в дом престарелых пора», «всех бы в дом престарелых»; not «мясо развозили, в том числе в дом
            # престарелых», round 38)
            or (
                nxt == "дом"
                and j + 2 < n
                and words[j + 2] == "престарелых"
                and (i != j + 2 or any(words[k] in _SENT_OFF for k in range(n) if sent[k] == sent[j]))
            )
        )
        if not confined and not (
            j > i and (_has(nxt, "accs") or _has(nxt, "nomn")) and _homeland(words[i], nxt)
        ):
            return False  # (not «работа в Норвегии — для норвежцев»: where, not where to)
    elif (
        nxt not in _DISPOSAL
        and nxt not in _WAY_OUT
        and nxt not in _PRISON
        and not (nxt == "тот" and j + 2 < n and words[j + 2] == "свет")
    ):
        return False
    if any(words[k] == "пора" for k in range(max(0, j - 3), j) if sent[k] == sent[j]):
        return True
    # (a verb anywhere in the clause of a prison: «мигрантов в тюрьму за такое не сажают»)
    lo, hi = (0, n) if nxt in _PRISON else (max(0, j - 6), min(n, j + 3))
    own = [k for k in range(lo, hi) if clause[k] == clause[j] and k not in (j, j + 1)]
    return not any(
        likely(words[k], "VERB") or likely(words[k], "INFN") or likely(words[k], "PRTS") for k in own
    )


def _homeland(group: str, place: str) -> bool:
    """Is ``place`` the land a people's name comes from («армян» → «Армению», «таджиков» →
    «Таджикистан», «чеченцев» → «Чечню»): a place name sharing the people's first three letters?
    («Беженцев — в Пятигорск» is no homeland.)"""
    return len(place) > 3 and any("Geox" in t for t in _tags(place)) and lemma(place)[:3] == lemma(group)[:3]


#: Words of comparison: «как тараканы», «словно скот», «вроде тараканов», «похожи на обезьян».
_LIKE = frozenset(
    ("как", "словно", "будто", "точно", "вроде", "подобно", "похожи", "похож", "похожа", "похожие")
)


def _says_what_they_are(words: Sequence[str], j: int) -> bool:
    """Can the animal word at ``j`` be what the group is said to be — a nominative («цыгане —
    животные»), an instrumental («стали зверями»), a collective («зверьё») or a comparison («как
    тараканы», «хуже обезьян», «ближе к обезьяне»)? Not an object: «армяне привезли в зоопарк новых
    животных» was deleted as dehumanising."""
    w = words[j]
    if any(words[k] in _LIKE or _has(words[k], "COMP") for k in range(max(0, j - 2), j)):
        return True
    if _after_preposition(words, j):
        return False  # «покрасили подъезд поверх грязи и плесени» (round 27: deleted as dehumanising)
    if j >= 1 and words[j - 1] in _PACK and _has(w, "gent"):
        return True  # «мамочки в родительском чате — стая гиен», «свора шакалов» (round 38)
    if _object_of_a_verb(words, j):
        return False  # «врачи удалили плесень в подвале», «врачи удалили опухоль» (round 42: deleted as hate)
    return _has(w, "nomn") or _has(w, "ablt") or w in _COLLECTIVE


#: verbs that say what someone is or becomes: the noun after them is what the group is said to be
_BEING = frozenset("быть стать становиться являться оказаться оказываться остаться оставаться".split())


def _object_of_a_verb(words: Sequence[str], j: int) -> bool:
    """Is the noun at ``j`` (adjectives before it aside) the accusative object of a finite verb or an infinitive
    right before it, not a verb of being («удалили плесень», «лечить опухоль»; «стали плесенью» says what they
    are)?"""
    if not _has(words[j], "accs"):
        return False
    k = j - 1
    while k >= 0 and j - k <= 3 and likely(words[k], "ADJF"):
        k -= 1
    if k < 0 or not (likely(words[k], "VERB") or likely(words[k], "INFN")):
        return False
    return not any(q.normal_form in _BEING for q in parses(words[k])[:1])


#: A pack or a herd, what a group is called with the animals it is made of («стая гиен», «стадо баранов»)
_PACK = frozenset("стая стаей стадо стадом свора сворой орда ордой".split())


def _after_preposition(words: Sequence[str], j: int) -> bool:
    """Is the noun at ``j`` governed by a preposition right before it, an adjective or a noun joined by «и»
    between («поверх грязи и плесени», «от этой плесени»)? Not a noun alone between: «женщина за рулём —
    обезьяна», «продавцы на рынке — шакалы» say what people are after where they are. «как», «словно» and
    the like compare, they do not govern."""
    k = j - 1
    if k >= 1 and words[k] in ("и", "или") and likely(words[k - 1], "NOUN"):
        k -= 2  # a noun coordinated before it: «грязи и плесени»
    # (adjectives only: «у нас паразиты» says what people are, «нас» is no part of the noun phrase)
    while k >= 0 and j - k <= 4 and likely(words[k], "ADJF") and words[k] not in _LIKE:
        k -= 1
    return k >= 0 and words[k] not in _LIKE and words[k] != "уровне" and likely(words[k], "PREP")


def _compared(words: Sequence[str], i: int, j: int) -> bool:
    """Is the word at ``j`` what the group word ``i`` itself is compared with, the comparison right
    between them («кавказцы как собаки», «армяне хуже собак», «ведут себя как собаки», «чеченцы на дорогах
    как стая»; not «цыгане живут как собаки, в нищете», where the likeness is their living)?"""
    between = range(i + 1, j)
    return (
        0 < len(between) <= 6
        and (words[j - 1] in _LIKE or _has(words[j - 1], "COMP"))
        and all(
            words[k] in _LIKE
            or words[k] in _BEHAVE
            or _has(words[k], "COMP")
            # («чеченцы и дагестанцы на дорогах как стая»: a second people, the place where they are so)
            or (words[k] == "и" and k + 1 < j and likely(words[k + 1], "nomn", "plur"))
            or (words[k - 1] == "и" and likely(words[k], "nomn", "plur"))
            or words[k] in ("на", "в", "во")
            or _locative_place(words, k)
            for k in between
        )
    )


#: how a people lives or works, likened to a beast in pity or praise («живут, как собаки», «пашут, как ишаки»)
_LIVE_OR_TOIL = frozenset("жить ютиться работать пахать вкалывать трудиться горбатиться".split())

#: «ведут себя как собаки»: how they behave is what they are likened in
_BEHAVE = frozenset(("ведут", "ведет", "вели", "себя"))


#: what may open a second predicate of the same subject («…, а воруют», «…, только воруют»)
_PREDICATE_LINKS = frozenset(
    ("а", "но", "и", "только", "лишь", "зато", "еще", "вечно", "всегда", "опять", "просто")
)


def _next_predicate(words: Sequence[str], clause: list[int], same_sentence: list[int], i: int) -> list[int]:
    """«Цыгане не работают, только воруют»: the next clause of the sentence when its first word (after a
    conjunction or «только») is a plural verb — a second predicate of the group at ``i``, with no subject
    of its own; its words, or none."""
    nxt = [j for j in same_sentence if clause[j] == clause[i] + 1]
    k = next((j for j in nxt if words[j] not in _PREDICATE_LINKS), None)
    if k is None or not (likely(words[k], "VERB") and _has(words[k], "plur")):
        return []
    if any(words[j] in _THEM_AS_OBJECT for j in nxt):
        return []  # «…, воруют у них зарплату»: done to them
    return nxt


_THEM_AS_OBJECT = frozenset(("их", "них", "им", "ним", "ими", "ними"))


#: newcomers as such, said to fill or replace like a people («нас заменяют приезжими»)
_NEWCOMERS = frozenset(("приезжий", "мигрант", "гастарбайтер", "понаехавший", "иммигрант", "эмигрант"))
#: verbs of a war's invasion, also the trope of a people «occupying» a city
_WAR_VERBS = frozenset(("оккупировать", "захватить"))
_WAR_WORDS = frozenset("война войны войне войну оккупация оккупации оккупацию фронт фронта вов".split())


def _war_history(words: Sequence[str], same_sentence: list[int], i: int, j: int) -> bool:
    """Is «оккупировали», «захватили» at ``j`` the war told as history — in the past tense, in a
    sentence dated by a year or a word of the war, or said of the Germans (Pyatigorsk was occupied in
    1942–43; memorial posts tell it every year)? «Мигранты оккупировали наш двор» stays a trope."""
    if lemma(words[j]) not in _WAR_VERBS or not (_has(words[j], "past") or _has(words[j], "PRTS")):
        return False  # («был оккупирован немцами» too)
    if lemma(words[i]).startswith("немец"):  # («немцы», «немецкие»)
        return True
    return any(words[k] in _WAR_WORDS or (words[k].isdigit() and len(words[k]) == 4) for k in same_sentence)


_COMMA_OR_DASH = re.compile(r"[,—–-]")
_LIST_BREAK = re.compile(r"[,;]")


def _name_at_the_end(
    norm: Normalized,
    words: Sequence[str],
    cue: list[frozenset[str]],
    sent: list[int],
    same_sentence: list[int],
    same_clause: list[int],
    i: int,
    cue_set: str,
) -> int | None:
    """The word of ``cue_set`` the author calls the group at ``i`` by, alone after a comma or a dash
    at the end of its sentence («кавказцы не умеют себя вести, дикари», «…, зверьё») — a nominative
    noun, not the last of a list («держат коз, овец, кур, скот», «…, собаки, куры») nor negated; None
    when there is none. (After a dash that stands for the copula the word is in ``same_clause`` and
    the ordinary predicate checks read it.)"""
    j = max(same_sentence, default=i)
    n = len(words)
    end = j
    while end + 1 < min(n, i + _REACH + 3) and sent[end + 1] == sent[i]:
        end += 1
    if end - 3 > i and words[end] in _PERSON_WORDS and words[end - 2] == "а" and words[end - 1] == "не":
        # «дагестанцы по Кирова гоняют, это звери, а не люди»: the name, then the humanity it denies them
        # (round 31: let through)
        if end + 1 < n and sent[end + 1] == sent[end]:
            return None
        j = end - 3
        if words[j - 1] == "это" and j - 1 > i and (
            j - 1 in same_clause
            or not _COMMA_OR_DASH.search(norm.original, norm.tokens[j - 2].end, norm.tokens[j - 1].start)
        ):
            return None  # («кавказцы это звери, а не люди»: «это» the copula — the predicate checks read it)
        if cue_set in cue[j] and _has(words[j], "NOUN", "nomn") and j not in same_clause:
            return j
        return None
    # (the sentence's own end, a little past the window: «Кавказцы на Скачках паркуются на газонах, другого от
    # них и не жди, зверьё»; round 31)
    j = end
    if j <= i or j in same_clause or cue_set not in cue[j] or (j + 1 < n and sent[j + 1] == sent[j]):
        return None
    toks, orig = norm.tokens, norm.original
    b = j  # where the name begins: the noun, or one adjective before it («…, хоть паспорт проверяй — одинаковые
    # мошенники»; round 35)
    if (
        j - 2 > i
        and not _COMMA_OR_DASH.search(orig, toks[j - 1].end, toks[j].start)
        and likely(words[j - 1], "ADJF", "nomn")
        and _has(words[j], "plur") == _has(words[j - 1], "plur")
        and words[j - 1] not in _NOT_AN_EPITHET
    ):
        b = j - 1
    if not _COMMA_OR_DASH.search(orig, toks[b - 1].end, toks[b].start):
        return None
    if "GS.DEHUMAN" in cue[b - 1] or likely(words[b - 1], "NOUN", "nomn"):
        return None  # (no «не» can stand between the comma and the name: «… и не жди, зверьё» negates «жди»)
    if b >= 2 and _LIST_BREAK.search(orig, toks[b - 2].end, toks[b - 1].start):
        return None
    return j if _has(words[j], "NOUN", "nomn") or words[j] in _COLLECTIVE else None


#: adjectives that make the name at a sentence's end someone else's or a kind's («…, такие же бандиты», «…, мои
#: соседи», «…, другие воры»)
_NOT_AN_EPITHET = frozenset(
    "такой такие такая такое мой мои моя наш наши наша ваш ваши ваша твои твой свои свой другие другой иные"
    " эти этот эта те тот та все весь вся сами сам".split()
)


#: harms done to people, by lemma (with GS.EVAL's vices: «обманул пенсионеров», «хамит пожилым»)
_HARMS = frozenset(
    "хамить обижать обидеть оскорблять оскорбить унижать унизить бить избить избивать грабить ограбить обирать"
    " обобрать обворовывать обворовать кидать кинуть пугать напугать травить обсчитывать обсчитать".split()
)


def _done_to(words: Sequence[str], cue: list[frozenset[str]], clause: list[int], i: int, j: int) -> bool:
    """Is the group word at ``i`` the object of someone else's deed told right before it — a finite verb
    in the past or the third person, a harm («обманул пенсионеров», «хамит пожилым») — so that the call at
    ``j`` is about the doer, not the group?"""
    k = i - 1
    return (
        k >= 0
        and k != j
        and clause[k] == clause[i]
        and likely(words[k], "VERB")
        and (likely(words[k], "past") or likely(words[k], "3per"))
        # (a harm done to them — «обманул», a vice of GS.EVAL, or «хамит»; not «кто видит цыган, будет их гнать»,
        # «всех, кто поддерживает ЛГБТ, — увольнять»: whoever sees or backs them is no harm-doer)
        and ("GS.EVAL" in cue[k] or lemma(words[k]) in _HARMS)
    )


def _statement(
    norm: Normalized,
    words: Sequence[str],
    cue: list[frozenset[str]],
    sent: list[int],
    clause: list[int],
    i: int,
    attribute: str,
    group_words: Mapping[str, str],
) -> Finding | None:
    toks = norm.tokens
    n = len(words)
    s = sent[i]
    lo = max(0, i - _WINDOW)
    hi = min(n, i + _WINDOW + 1)
    same_sentence = [j for j in range(lo, hi) if sent[j] == s and j != i]
    same_clause = [j for j in same_sentence if clause[j] == clause[i]]
    # "мигранты — воры", "жители Горячеводска — одни алкаши": the dash after the group's noun phrase
    # (the word itself or its genitive complement) stands for the copula, the predicate is the next clause
    last = min(n - 1, i + 5)
    dashed = i < last and _DASH.search(norm.original, toks[i].end, toks[last].start) is not None
    for k in range(i, last if dashed else i):  # (no dash in reach: no word's morphology is asked)
        if sent[k + 1] != s or clause[k] != clause[i] or (k > i and not _in_noun_phrase(words[k])):
            break
        if clause[k + 1] == clause[i] + 1 and _DASH.search(norm.original, toks[k].end, toks[k + 1].start):
            same_clause += [j for j in same_sentence if clause[j] == clause[i] + 1]
            # (round 41: the predicate goes on in clauses each opening with «все» — «Турки, арабы, персы — на одно
            # лицо, все исламисты, все одинаково опасные»)
            c = clause[i] + 2
            while (m := next((j for j in same_sentence if clause[j] == c), None)) is not None and words[m] in (
                "все",
                "одни",
            ):
                same_clause += [j for j in same_sentence if clause[j] == c]
                c += 1
            break

    # a dash right after the group word: «место женщины — у плиты», «мигранты — зло»
    dash_after_i = i + 1 < n and _DASH.search(norm.original, toks[i].end, toks[i + 1].start) is not None

    def found(kind: str, j: int, strength: str, what: str, hold: bool = False) -> Finding:
        a, b = min(i, j), max(i, j)
        return Finding(kind, attribute, toks[a].start, toks[b].end, strength, what, hold)

    # 0. «православие головного мозга», «ислам головного мозга»: a faith or a camp mocked as a disease
    if words[i] in _COLLECTIVE and tuple(words[i + 1 : i + 3]) == ("головного", "мозга"):
        return found("dehumanising", i + 2, "delete", f"{words[i]} головного мозга")

    # 1. calls to exclude or harm: the group is what the call is about (an object: "гнать мигрантов",
    # "мигрантам не место"), not a bystander ("надо бить тревогу, пенсионеры мерзнут")
    obj = (
        _has(words[i], "accs")
        or _has(words[i], "gent")
        or _has(words[i], "datv")
        or words[i] in _COLLECTIVE
        or _such_as(words, sent, i)
    )
    opposed = "против" in words
    kept_out = attribute in _RULES_OF or attribute == "age"  # minors, trades, parties: rules keep them out
    for j in same_sentence:
        c = cue[j]
        # "я против того, чтобы X выгоняли" defends them; "я против того, чтобы X пускали" excludes them
        against = opposed and any(
            words[k] == "против" for k in range(max(0, min(i, j) - 6), j) if sent[k] == s
        )
        if "GS.EXCLUDE" in c and clause[j] != clause[i] and _told_of_in_relative(words, clause, i):
            continue  # «мошенников, которые звонят пенсионерам, ловить и сажать»: the group is who they harm
        if "GS.EXCLUDE" in c and _done_to(words, cue, clause, i, j):
            continue  # «тех, кто обманул пенсионеров, найдут и посадят», «… премии лишила, хамит пожилым» (round 39)
        if (
            "GS.EXCLUDE" in c
            and (obj or words[j] == "вон")
            and _is_call(words, cue, j)
            and not _negated(words, cue, j, clause)
        ):
            if attribute in _RULES_OF and _dismissed(words, same_sentence, j):
                continue  # «этих строителей уволить всех»: what is done to bad workers, not to a group
            if attribute in _RULES_OF and _singular(words[i]):
                continue  # «лишить водительских прав пьяного водителя автобуса»: one worker, not a trade
            if (
                attribute in _SERVICE
                and words[j].startswith(("запрет", "запрещ"))
                and any(
                    _has(words[k], "INFN") and words[k] not in _LIVELIHOOD
                    for k in range(j + 1, min(n, j + 3))
                    if clause[k] == clause[j]
                )
            ):
                continue  # «таксистам надо запретить стоять на остановке»: a rule on what a trade does (round 38)
            if lemma(words[j]) in _PUNISH and (
                attribute not in _ONLY_OF or (j + 1 < n and words[j + 1] == "к")
            ):
                continue  # «проучить водителей штрафами», «пенсионеров прижать к сердцу»: a people only
            if _on_condition(words, clause, j) or (words[j] == "подальше" and kept_out):
                # «таксистов без лицензии надо лишать прав»: the law's sanction on a condition; «детей
                # надо держать подальше от дороги»: minors kept away by care
                continue
            if not against:
                return found("call_to_exclude", j, "delete", words[j])
        # «приезжим не сдаём», «армянам не продаём», «дагестанцев на работу не беру»: a declared practice of
        # refusing a people (a firm's or one landlord's) is a call too (not an age: «студентам не сдаём»
        # is a landlord's choice of tenants)
        if "GS.EXCLUDE_NEG" in c and words[j].startswith("разреш") and attribute not in _ONLY_OF:
            continue  # «пенсионерам нельзя разрешать ездить бесплатно …»: a rule for an age or a trade
        if "GS.EXCLUDE_NEG" in c and any(
            words[k].startswith("отдельн") for k in range(j + 1, min(n, j + 4)) if clause[k] == clause[j]
        ):
            continue  # «не надо селить мигрантов отдельно»: what is refused is the separateness
        if (
            "GS.EXCLUDE_NEG" in c
            and obj
            and words[j] not in _PLACES_COUNTED
            # (round 41: «место» refused is «не место» itself — not «не уступают место — это не про мужчин»; and a
            # group after a preposition is no object of the refusal — «развод для пенсионеров, не пускайте родных»)
            and (words[j] != "место" or (j > 0 and words[j - 1] == "не"))
            and not (i > 0 and words[i - 1] in _GOVERNING)
            # (a perfective infinitive with no modal is what the group cannot do, «молодым семьям не купить»)
            and not (
                _has(words[j], "INFN", "perf")
                and not any("GS.MODAL" in cue[k] for k in same_sentence if clause[k] == clause[j])
            )
            and not (words[j] != "место" and _kept_out_by_rule(words[i], attribute))
            and not _on_condition(words, clause, j)
            and (
                _is_call(words, cue, j)
                or _has(words[j], "NOUN")
                or (_has(words[j], "pres", "1per") and (attribute in _ONLY_OF or attribute == "residence"))
            )
        ):
            if _negated(words, cue, j, clause) and not against:
                after = forbidden_after(words, clause, j)
                return found(
                    "call_to_exclude", j, "delete", f"{words[j]} нельзя" if after else f"не {words[j]}"
                )
            if against and not _negated(words, cue, j, clause):
                return found("call_to_exclude", j, "delete", f"против: {words[j]}")
        if (
            "GS.SEND" in c
            and obj
            and not kept_out
            # (the way home after the group or the verb, whichever comes last: «отправить всех таджиков домой»)
            and any(
                words[k] in _HOME
                for k in range(max(i + 1, j - 2), min(len(words), max(i, j) + 3))
                if sent[k] == s and k != j
            )
            and _is_call(words, cue, j)
            and not _negated(words, cue, j, clause)
        ):
            return found("call_to_exclude", j, "delete", words[j])  # «отправить их всех обратно»
        if (
            "GS.LEAVE" in c
            and (
                # (seven words back: «пусть узбеки со своими плов-центрами убираются»; round 40)
                any(words[k] == "пусть" and clause[k] == clause[j] for k in range(max(0, j - 7), j))
                or (_has(words[j], "impr") and (i < j or _hailed_after(norm, i)))
            )
            and not _negated(words, cue, j, clause)
            and not _wished_well(words, clause, j)
        ):
            # (an imperative before the group word is said to it only when it is hailed, after a comma:
            # «Убирайтесь отсюда, мигранты», not «… валите во Францию, там и геи бесплатны»; nor the
            # author's own «… благодарны пятигорчанам, никуда отсюда не уедем»)
            return found("call_to_exclude", j, "delete", words[j])
        if (
            "GS.LEAVE" in c
            and j > i
            and not kept_out
            and _has(words[j], "INFN")
            and any(words[k] in _MUST or _had_better(words, k) for k in range(i + 1, j) if sent[k] == s)
            and not _negated(words, cue, j, clause)
        ):
            # «кавказцы должны жить по нашим законам или уезжать», «мигрантам лучше уехать домой»: told
            # to leave, but «мигранты должны уехать до 1 января без патента» is the law's deadline in the
            # news: held
            return found("call_to_exclude", j, "review", f"должны {words[j]}", hold=True)
        if (
            ("GS.DEAL_WITH" in c or "GS.DEAL_WITH_SOFT" in c)
            and _dealt_with(words, sent, i)
            and _is_call(words, cue, j)
        ):
            if not _negated(words, cue, j):
                soft = "GS.DEAL_WITH" not in c
                return found(
                    "call_to_exclude", j, "review" if soft else "delete", f"{words[j]} с …", hold=soft
                )
        if words[j] == "место" and obj and _assigned_place(words, cue, j, i, dash_after_i):
            return found("call_to_exclude", j, "delete", f"место {words[j + 1]} …")
        if (
            words[j] in _TO
            and obj
            and _disposal(words, sent, clause, j, i)
            and not (kept_out and words[j + 1] in _WAY_OUT)
        ):
            # («студентов на выход из аудитории» is a teacher's order)
            where = "тот свет" if words[j + 1] == "тот" else words[j + 1]
            if words[j + 1] in _PRISON and (
                not (_has(words[i], "plur") or words[i] in _COLLECTIVE) or _picked_out(norm, words, sent, i)
            ):
                # «мигранта, который избил продавца, — в тюрьму», «мигрантов, которые торгуют наркотиками,
                # — в тюрьму»: offenders sent where the law sends them, not a people
                continue
            strength, hold = _SURE_OR_HELD[not (kept_out and words[j + 1] in _PRISON)]
            return found("call_to_exclude", j + 1, strength, f"{words[j]} {where}", hold)
        if not kept_out and (obj or words[j] in _UNWANTED) and (unwelcome := _unwelcome(words, clause, i, j)):
            # «цыганам нечего делать в нашем городе», «армянам тут не рады», «азиатов в наш город не
            # надо»: a people, a sex or a district told they are not wanted (minors and trades are kept
            # out of places by rules: «детям нечего делать на стройке»)
            return found("call_to_exclude", j, "delete", unwelcome)
        if "GS.RIGHT" in c and _rights_denied(words, same_sentence):
            return found("call_to_exclude", j, "delete", "отказ в правах")
    if attribute in _ONLY_OF and (apart := _segregated(words, cue, same_sentence, i)) is not None:
        # «мусульман в отдельное гетто», «цыганам нужна своя резервация»: a people to be kept apart;
        # «цыгане должны жить отдельно», «для кавказцев нужно сделать отдельные автобусы» are held — the
        # same words ask for a community's own cemetery or class («для армян нужно отдельное кладбище»)
        # (not an age: «для пенсионеров сделали отдельное окно»; not news: «мусульмане молятся в
        # отдельном помещении»)
        j, walled = apart
        return found("call_to_exclude", j, "delete" if walled else "review", words[j], hold=not walled)
    if not kept_out and (call := _when_at_last(norm, words, cue, same_sentence, i, attribute)) is not None:
        # «опять цыгане на Бештау, когда их уже уберут отсюда»: the rhetorical «когда уже» said, not asked
        # (not minors or a trade: «когда уже уволят этих таксистов» is dismissal)
        return call
    if obj and not kept_out and (j := _stop_admitting(words, cue, same_sentence, i)) is not None:
        # «Хватит пускать мигрантов в город!» (not minors or a trade: «хватит пускать подростков в
        # клуб после полуночи» is a rule asked for)
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("call_to_exclude", j, strength, f"{_stop_word(words, j)} {words[j]}", hold)

    if (
        attribute in _ONLY_OF
        and i > 0
        and (words[i - 1] == "только" or (i > 1 and words[i - 2] == "только" and words[i - 1] == "для"))
        and any("GS.EXCLUDE_NEG" in cue[j] and likely(words[j], "VERB") for j in same_sentence)
    ):
        # «сдаю квартиру только славянам», «берём на работу только русских»: the others are refused —
        # a landlord's or an employer's practice a moderator reads (not «сдам квартиру русской семье»)
        return found("call_to_exclude", i, "review", f"только {words[i]}", hold=True)
    if attribute in _ONLY_OF and (found_at := _told_to_stay_home(words, same_sentence, i)) is not None:
        # «мусульмане пусть молятся у себя», «пусть армяне у себя в Армении командуют»: a people told to
        # do it in their own land; a moderator reads it (not said of children: «пусть дети играют у себя
        # во дворе»)
        return found("call_to_exclude", found_at, "review", "пусть … у себя", hold=True)
    if attribute in _ONLY_OF and (j := _expulsion_backed(words, sent, i)) is not None:
        # «кто за выселение цыган — ставьте лайк», «пора начинать депортацию всех таджиков»: a people's
        # expulsion asked for in a noun — held (a court's eviction of one camp is told in the same noun)
        return found("call_to_exclude", j, "review", f"{words[j - 1]} {words[j]}", hold=True)
    if attribute not in _RULES_OF and (j := _none_left(words, sent, i)) is not None:
        # «мечтаю, чтобы в городе не осталось ни одного кавказца»: a city wished free of a people
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("call_to_exclude", j, strength, f"чтобы не {words[j]} ни одного", hold)
    if i > 0 and words[i - 1] == "среди" and (j := _only_such(words, cue, sent, i)) is not None:
        # «среди армян одни торгаши», «среди таксистов сплошь хамы»: nothing but that among them
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"среди {words[i]} {words[j - 1]} {words[j]}", hold)
    if (j := _the_more_of_them(words, cue, sent, i)) is not None:
        # «чем больше у нас кавказцев, тем больше преступлений»: the group's number as the cause of crime
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"чем … {words[i]}, тем … {words[j]}", hold)
    if i > 0 and words[i - 1] == "у" and (j := _lacks(words, cue, same_clause, i)) is not None:
        # «у цыган нет ни стыда ни совести», «у молодёжи нет мозгов»: what a whole group is said to lack
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"нет {words[j]}", hold)
    if i > 0 and words[i - 1] == "у" and (j := _in_their_blood(words, cue, same_sentence, i)) is not None:
        # «у цыган воровство в крови»: a vice said to be inborn in a whole group
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        blood = "в генах" if "генах" in words else "в крови"
        return found("generalisation", j, strength, f"{words[j]} {blood}", hold)
    if (attribute in _ONLY_OF or attribute == "residence") and (
        j := _no_longer_ours(words, same_sentence, i)
    ) is not None:
        # «чечены всех запугали, город уже не наш»: the town said to be lost to a people — a moderator
        # reads it (the same words mourn a town sold to developers)
        return found("generalisation", j, "review", f"{words[j]} уже не наш", hold=True)
    if attribute in _ONLY_OF and (j := _they_are_what_they_are(words, same_sentence, i)) is not None:
        # «что с них взять, цыгане есть цыгане», «армянин — он и в Африке армянин»: the name said to be
        # all there is to know of them — a moderator reads it («дети есть дети» forgives; not asked of ages)
        return found("generalisation", j, "review", f"{words[i]} есть {words[j]}", hold=True)
    if (attribute in _ONLY_OF or attribute == "sex") and (
        j := _shameful_to_be(words, same_sentence, i)
    ) is not None:
        # «быть геем ненормально», «быть цыганом — позор»: being one of them said to be a shame or a sickness
        # (not a trade or an age: «быть врачом — позор при такой зарплате» shames the pay)
        return found("generalisation", j, "delete", f"быть {words[i]} {words[j]}")
    if (
        _has(words[i], "gent", "plur")
        and (j := _swarmed(words, cue, same_clause, i)) is not None
        and (
            words[j] in _SWARM_VERBS
            or words[j] in _AS_MANY_AS
            or attribute in _ONLY_OF
            or attribute == "residence"
        )
    ):
        # «развелось тут цыган», «понаехало армян», «школу заполонили дети мигрантов», «мигрантов как
        # грязи»: a people said to swarm, or to be as many as dirt or vermin (the children of an age or a
        # trade filling a park are a feast)
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        if words[j] in _AS_MANY_AS:
            return found("dehumanising", j, strength, f"как {words[j]}", hold)
        return found("generalisation", j, strength, words[j], hold)
    subject = (
        _has(words[i], "nomn", "plur")
        or words[i] in _COLLECTIVE
        or _each_of_them(words, i)
    )  # the group as the subject
    said_of_all = attribute in _ONLY_OF or attribute == "sex"
    if (
        subject
        and attribute not in ("age", "profession", "work")
        and (j := _rights_refused(words, same_clause, i)) is not None
    ):
        # «женщины вообще не должны голосовать», «мусульмане не должны избираться»: a people, a sex or a camp
        # denied a citizen's right (not an age or a trade: «дети не должны водить», «врачи не должны
        # руководить больницей» are the law or a complaint); a camp or a district is held
        strength, hold = _SURE_OR_HELD[said_of_all]
        return found("call_to_exclude", j, strength, f"не должны {words[j]}", hold)
    if subject and (kj := _incapable(words, same_clause, i, said_of_all)):
        # «женщины не способны руководить», «кавказцы не умеют себя вести»: a whole group said to be
        # unable to do what everyone does (of an age or a trade, a moderator reads it)
        k, j = kj
        # (the idiom «двух слов связать не могут» is held: «дети мигрантов двух слов связать не могут,
        # нужны курсы» asks for help in the same words)
        strength, hold = _SURE_OR_HELD[said_of_all and words[j] != "связать"]
        return found("generalisation", j, strength, " ".join(words[k : j + 1]), hold)
    if (
        subject
        and (attribute in _ONLY_OF or attribute == "sex")
        and (j := _silenced(words, same_sentence, i)) is not None
    ):
        # «геи должны сидеть тихо и не высовываться»: a whole people or sex told to hide
        return found("call_to_exclude", j, "delete", f"{words[j - 1]} {words[j]}")
    if subject and (j := _schemes_against_us(words, same_sentence, i)) is not None:
        # «мусульмане спят и видят, как бы нас всех вырезать»: a whole group said to plot «our» death
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or attribute == "sex"]
        return found("generalisation", j, strength, f"хотят {words[j]} нас", hold)
    if subject and (j := _unknown_to(words, cue, same_sentence, i)) is not None:
        # «ингуши не знают, что такое честность», «цыгане понятия не имеют о совести»: the same lack
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"не знают, что такое {words[j]}", hold)
    if (
        _has(words[i], "datv")
        and not (attribute == "age" and lemma(words[i]) in _MINORS)
        and (j := _distrusted(words, cue, clause, same_clause, i)) is not None
    ):
        # «евреям нельзя доверять», «ни одному азербайджанцу верить нельзя», «не доверяйте цыганам»: a
        # whole people said to be untrustworthy (of an age or a trade, a moderator reads it; not
        # children: «детям нельзя доверять спички» is care)
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"не {words[j]}", hold)
    if (
        attribute not in _RULES_OF
        and i > 0
        and (j := _nothing_good_from(words, same_sentence, i)) is not None
    ):
        # «от этих кавказцев ничего хорошего не жди»: nothing good expected of a whole people (of an age or
        # a sex, a moderator reads it; of a trade or a party it is what voters say of officials)
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"{words[j]} … от {words[i]}", hold)
    if attribute in _ONLY_OF and (j := _shunned(words, sent, same_clause, i)) is not None:
        # «с азербайджанцами лучше дел не иметь», «с цыганами не связывайтесь»: a whole people to be
        # kept away from — deleted when the text says why in a word of contempt («… — обманут»), held
        # otherwise (one family or one firm is warned against in the same words)
        evaluated = any("GS.EVAL" in cue[k] and (k == 0 or words[k - 1] != "не") for k in same_sentence)
        strength, hold = _SURE_OR_HELD[evaluated]
        return found("generalisation", j, strength, f"не {words[j]}", hold)
    if _has(words[i], "nomn") and (j := _without(words, cue, same_clause, i)) is not None:
        # «атеисты — люди без морали», «цыгане без стыда и совести»: the same lack, said with «без»
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return found("generalisation", j, strength, f"без {words[j]}", hold)

    # 1b. hatred or disgust the author declares for the group as a whole ("ненавижу всех цыган",
    # "терпеть не могу армян", "тошнит от этих геев"): an object, plural, and no negation of the feeling
    if obj and (_has(words[i], "plur") or words[i] in _COLLECTIVE):
        for j in same_clause:
            c = cue[j]
            if i < j and _has(words[j], "3per", "plur") and _has(words[i], "nomn"):
                continue  # «женщины не терпят ложь», «мужчины ненавидят очереди»: the group feels it
            if i < j and likely(words[i], "nomn") and not _SUBJECT_AUX.isdisjoint(words[i + 1 : j]):
                continue  # «женщины не должны терпеть побои»: the group's own feeling, after its verb (round 35)
            if "GS.HATRED" in c and not _negated(words, cue, j):
                return found("generalisation", j, "delete", words[j])
            cannot = j + 2 < n and words[j + 1] == "не" and words[j + 2] in _CAN  # "терпеть не могу"
            if "GS.HATRED_NEG" in c and (cannot or _negated(words, cue, j)):
                return found("generalisation", j, "delete", f"не {words[j]}")
            if _borne_no_longer(words, cue, j, i):
                # «сколько можно терпеть этих цыган», said without the question mark: read as the
                # question is (:func:`_rhetorical_call`)
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
                return found("generalisation", j, strength, f"сколько можно {words[j]}", hold)

    # (of the pronouns only «они» is a subject: «их обманывают работодатели» is done to them, though
    # pymorphy3 also reads «их» as an indeclinable possessive in the nominative)
    nominative = (
        words[i] == "они" or _each_of_them(words, i)
        if words[i] in _THEY
        else _has(words[i], "nomn") or words[i] in _COLLECTIVE or _opens_as_plural(words, sent, i)
    )
    # «большинство кавказцев — бандиты», «большая часть мигрантов — преступники»: the group, in the
    # genitive, is the subject's complement — said of most of them, as «все»
    most = (
        i > 0
        and _has(words[i], "gent", "plur")
        and (words[i - 1] in _MOST or (words[i - 1] == "часть" and i > 1 and words[i - 2] in _LARGE))
    )
    # («есть и нормальные, но большинство воры», «… но в основном это стадо»: most of the group named before)
    most = most or _most_of_them(words, i)
    nominative = nominative or most
    as_one = any(
        (words[k], words[k + 1]) in _AS_ONE for k in range(max(0, i - 3), min(n - 1, i + 4)) if sent[k] == s
    )
    quantified = (
        any("GS.QUANT" in cue[k] for k in range(max(0, i - _BEFORE), i))
        or (i + 1 < n and "GS.QUANT" in cue[i + 1] and sent[i + 1] == s)
        or as_one
    )
    # "мигранты только и делают, что воруют": the frame says it of the group as a habit, like "все"
    quantified = (
        most
        or quantified
        or any(_only_does(words, k + 3) for k in range(i + 1, min(n - 3, i + 4)) if sent[k] == s)
    )
    plural = quantified or words[i] in _COLLECTIVE or _has(words[i], "plur") or _opens_as_plural(words, sent, i)

    # 2. dehumanising: a nominative group word next to an animal/vermin word, or "X не люди"
    if nominative and (beast := _emoji_beast(norm, i)) is not None:
        # «Мигранты = 🐀», «Армяне 🐒🐒», «Цыгане 🤮🤮»: the animal or the disgust drawn, not written (of
        # an age or a trade, a moderator reads it: «студенты 🐷 — опять мусор у общежития»)
        end, emoji = beast
        strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
        return Finding("dehumanising", attribute, toks[i].start, end, strength, f"эмодзи {emoji}", hold)
    if nominative:
        for j in same_clause:
            if "GS.DEHUMAN" in cue[j] and not _negated(words, cue, j) and _says_what_they_are(words, j):
                return found("dehumanising", j, "delete", words[j])
        for j in same_clause:
            if (
                j > i
                and words[j] in _PERSON_WORDS
                and words[j - 1] == "не"
                # (or after where they are: «санитарки в горбольнице это не люди», round 38)
                and (j - i <= 4 or (j - i <= 7 and likely(words[i + 1], "PREP")))
            ):
                return found("dehumanising", j, "delete", "не люди")
        for j in same_clause:
            if (
                j > i
                and "GS.LIKENED" in cue[j]
                and not _negated(words, cue, j - 1)
                and _compared(words, i, j)
            ):
                # «кавказцы как собаки», «армяне хуже собак»: likened to a pet, not called a beast — held
                # unless said of a people («подростки как собаки бегают по подъезду» is a complaint)
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF]
                return found("dehumanising", j, strength, f"{words[j - 1]} {words[j]}", hold)
        # «кавказцы опять устроили стрельбу на свадьбе, зверьё»: the sentence ends by calling them so.
        # Said of an age or a trade after what some of them did («студенты опять шумят под окнами,
        # хамы») it names those the author saw as often as all of them: a moderator reads it
        j = _name_at_the_end(norm, words, cue, sent, same_sentence, same_clause, i, "GS.DEHUMAN")
        if j is not None:
            strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or quantified]
            return found("dehumanising", j, strength, words[j], hold)

    # «город заполонён мигрантами», «нас заменяют приезжими»: a people as the agent, in the instrumental,
    # of a spread or a replacement told before it — held (a passive reports news as often as a trope)
    if (
        not nominative
        and _has(words[i], "ablt", "plur")
        and (attribute in _ONLY_OF or lemma(words[i]) in _NEWCOMERS)
    ):
        for j in same_clause:
            if (
                # («скоро весь город ими заполонят»: the spread foretold, after them; round 35)
                (j < i or _has(words[j], "futr"))
                and "GS.SPREAD" in cue[j]
                and not _negated(words, cue, j)
                and not _war_history(words, same_sentence, i, j)
            ):
                return found("generalisation", j, "review", words[j], hold=True)

    # 3. generalisation: a plural/generic subject with a negative predicate
    if nominative and plural:
        j = _name_at_the_end(norm, words, cue, sent, same_sentence, same_clause, i, "GS.EVAL")
        if j is not None:  # «кавказцы не умеют себя вести, дикари» (as the animal names above)
            strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or quantified]
            return found("generalisation", j, strength, words[j], hold)
        if attribute in _ONLY_OF and (ruled := _dominates(words, cue, same_clause, i)) is not None:
            # «евреи правят миром», «весь рынок держат азербайджанцы»: a people said to rule or own all
            # of it — the conspiracy trope itself for the ruling verbs; held for the others, which also
            # tell of a business («китайцы скупают землю» is in the news)
            j, rules = ruled
            return found("generalisation", j, "delete" if rules else "review", words[j], hold=not rules)
        if attribute in _ONLY_OF and (j := _behind_it_all(words, cue, same_clause)) is not None:
            # «евреи как всегда за всеми этими митингами стоят»: a people said to be behind it all — held
            # (round 35; «армяне стоят за всеми прилавками рынка» is said of a market)
            return found("generalisation", j, "review", "стоят за всем", hold=True)
        scope = (
            same_sentence if quantified else same_clause + _next_predicate(words, clause, same_sentence, i)
        )
        for j in scope:
            c = cue[j]
            if (
                j > i
                and words[j].startswith("преврат")
                and (k := _turned_into_squalor(words, same_clause, j)) is not None
            ):
                # «мигранты превратили район в помойку»: a place said to be ruined by the group (of an
                # age or a trade, a moderator reads it: «студенты превратили общежитие в свинарник»)
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or quantified]
                return found("generalisation", k, strength, f"{words[j]} в {words[k]}", hold)
            if (
                attribute in _ONLY_OF
                and j > i
                and words[j] in _DANGER
                and words[j - 1] not in _IN_DANGER
                and not _negated(words, cue, j)
            ):
                # «мусульмане несут угрозу нашей культуре», «цыгане — опасность для города»: a people
                # as a danger (not «армяне в опасности»; an age or a trade on scooters or at the wheel
                # is a complaint: «подростки на самокатах — опасность для пешеходов»)
                return found("generalisation", j, "delete", words[j])
            if (
                "GS.SPREAD" in c
                and lemma(words[j]) in _INFILTRATE
                and (attribute not in _ONLY_OF or _EVERYWHERE.isdisjoint(words[k] for k in same_clause))
            ):
                continue  # «дети пролезли через забор», «цыгане пролезли в подъезд»: a way in, no trope
            if "GS.SPREAD" in c and _war_history(words, same_sentence, i, j):
                continue  # «в 1942 году немцы оккупировали Пятигорск»: the city's history, not a trope
            if (
                j > i
                and not _negated(words, cue, j - 1)
                and (
                    (
                        "GS.EVAL" in c
                        and j > i + 1
                        and words[j - 1] in _KIND_OF
                        and _has(words[j], "gent", "plur")
                    )
                    or (j > i + 1 and words[j] in _EVIL_OF and words[j - 1] in _KIND_OF)
                    or (
                        ("GS.PROBLEM" in c or words[j] in _WASTE)
                        and _has(words[j], "nomn")
                        and (
                            words[j - 1] == "это"
                            # («… это уже диагноз», «… это просто беда»; round 35)
                            or (j > 1 and words[j - 2] == "это" and words[j - 1] in _JUST_SO)
                            or (j == i + 1 and dash_after_i)
                            # («геи — это генетический мусор»: waste with one adjective between; not «мигранты —
                            # это серьёзная проблема для рынка труда», an economist's words)
                            or (
                                words[j] in _WASTE
                                and likely(words[j - 1], "ADJF")
                                and (words[j - 2] == "это" or (j == i + 2 and dash_after_i))
                            )
                        )
                    )
                )
            ):
                # «ислам — религия террористов», «цыгане — народ воров», «мигранты — это беда»: what the
                # group is said to be is a kind of criminals, or a misfortune
                strength, hold = _SURE_OR_HELD[attribute in _ONLY_OF or quantified or "GS.EVAL" in c]
                return found("generalisation", j, strength, f"{words[j - 1]} {words[j]}", hold)
            if ("GS.EVAL" in c or "GS.SPREAD" in c) and not _negated(words, cue, j) and j > i - 3:
                if (likely(words[j], "NOUN") and not (_has(words[j], "nomn") or _has(words[j], "ablt"))) or (
                    j > 0 and words[j - 1] in PREPOSITIONS and not _has(words[j], "nomn")
                ):
                    # «вора поймали жители»: a noun in an object case is not what they are; nor a word
                    # after a preposition («жители устроили самосуд над вором», «соседи поругались с
                    # алкашом», «врачи пожаловались на агрессивных пациентов»)
                    continue
                at_place = (i + 2 < n and words[i + 1] in _AT_PLACE and sent[i + 1] == s) or (
                    i < j < n - 2
                    and "GS.SPREAD" not in c
                    and any(words[k] in _AT_PLACE and clause[k] == clause[j] for k in (j + 1, j + 2))
                    and likely(words[j], "VERB")
                )  # («цыганки воруют на рынке, будьте осторожны», «… клянчат деньги у Провала»: the place
                # after the deed or its object; not where a people is said to spread: «понаехали в
                # город», «пролезли во власть»)
                # "армяне в городе — воры" labels them all (a spread verb is no label, though pymorphy3
                # reads some of its slang forms as nouns: «оборзели»)
                labelled = "INSULT" in c or (_has(words[j], "NOUN") and "GS.SPREAD" not in c)
                if (
                    at_place
                    and not (quantified or labelled)
                    and not any("GS.QUANT" in cue[k] for k in same_sentence)
                ):
                    # "цыганки у рынка обманывают людей", "таксисты у вокзала дерут втридорога": what the
                    # people at one place do, not a label for the group — a moderator reads it, the
                    # model cannot delete it
                    return found("generalisation", j, "review", words[j], hold=True)
                verb = (
                    likely(words[j], "VERB") or likely(words[j], "INFN") or "GS.SPREAD" in c
                )  # («охренели»)
                if (
                    verb
                    and not labelled
                    and not as_one
                    and attribute not in _ONLY_OF
                    and _pointed_at(words, cue, sent, i)
                ):
                    # «эти таксисты у вокзала хамят и обманывают»: «эти» points at the drivers the
                    # author has seen, it does not quantify the trade — held like the plain plural below
                    return found("generalisation", j, "review", words[j], hold=True)
                if (
                    labelled
                    and not quantified
                    and attribute in _SERVICE
                    and not _SERVICE_COMPLAINT.isdisjoint(words)
                ):
                    # «водители маршруток хамы, жалуемся постоянно, толку ноль»: a complaint about the
                    # service of a trade, without «все», is the page's daily business — a moderator
                    # reads it («таксисты все бандиты» is deleted)
                    return found("generalisation", j, "review", words[j], hold=True)
                if (
                    attribute not in _ONLY_OF
                    and j > i + 2
                    and words[j - 1] == "как"
                    and any(likely(words[k], "VERB") for k in range(i + 1, j - 1) if clause[k] == clause[j])
                ):
                    # «водители маршруток гоняют по Университетской как бешеные» was deleted with a ban: how
                    # they drive, likened — a complaint a moderator reads, not what the trade is (round 38)
                    return found("generalisation", j, "review", f"как {words[j]}", hold=True)
                spread = "GS.SPREAD" in c and (attribute in _ONLY_OF or lemma(words[j]) not in _BEHAVE_BADLY)
                if quantified or spread or labelled:
                    return found("generalisation", j, "delete", words[j])
                # "подростки воруют велосипеды из подъездов", "студенты мусорят у общежития": what some
                # of an age, a trade or a district do, said without «все» or a label, is a complaint as
                # often as a slur; a moderator reads it (the hit alone, through the model's hate
                # feature, used to delete it). What a people, a race or a faith "does" («осетины
                # воняют») and an adjective («молодежь тупая») stay as the model sees them
                # (one deed told in the past tense — «мигранты украли телефон у пенсионерки» — is news a
                # moderator reads, of a people too)
                return found(
                    "generalisation",
                    j,
                    "review",
                    words[j],
                    hold=verb and (attribute not in _ONLY_OF or _told_in_the_past(words, j)),
                )
    # 4. "в правительстве одни евреи", "на рынке сплошь армяне": a place said to hold nothing but one
    # people. Held for a moderator (the same words report a fact: "на свадьбе были одни армяне");
    # not for sex or age ("в классе одни девочки", "во дворе одни пенсионеры" are news)
    if (
        attribute in _ONLY_OF
        and nominative
        and plural
        and i > 0
        and words[i - 1] in _ONLY
        and sent[i - 1] == s
    ):
        return found("generalisation", i - 1, "review", f"{words[i - 1]} {words[i]}", hold=True)
    # (… and the next sentence, unless it says «не» before the word: «… около 3-4 процентов. Так что не надо
    # рассказывать, что все беды от мигрантов» rejects the trouble; round 39)
    after = [k for k in range(hi, min(n, hi + 6)) if sent[k] == s + 1]
    if after:
        opens = next(m for m in range(after[0], -1, -1) if m == 0 or sent[m - 1] <= s)
        after = [k for k in after if "не" not in words[opens:k] and "нет" not in words[opens:k]]
    for j in same_sentence + after:
        if (
            "GS.PROBLEM" in cue[j]
            and j > 0
            and not _trouble_from_elsewhere(words, i, j, sent, group_words)
            and (
                words[j - 1] in ("одни", "одно", "сплошные", "сплошная", "сплошной", "только", "все")
                # «от них одна грязь», «от мигрантов один вред» (not «у них одна проблема — парковка»)
                or (words[j - 1] in ("одна", "один") and "от" in words[max(0, j - 4) : j - 1])
            )
        ):
            return found("generalisation", j, "delete", f"{words[j - 1]} {words[j]}")
        if (
            words[j] in _THEIR_WAYS
            and attribute in _ONLY_OF
            and _crime_as_their_way(words, cue, j, same_sentence)
        ):
            # «очередной мигрант кого-то зарезал. Это у них норма, их культура такая»: one man's crime
            # made the way of his people — held for a moderator
            return found("generalisation", j, "review", words[j], hold=True)
        if words[j] in _NO_LIFE and attribute in _ONLY_OF and _no_life_from_them(words, j, i):
            # «даги на приорах гоняют как бешеные, житья от них нет»: the lexicon's «от цыган житья нет»
            # with the people named before and «них» standing for it
            return found("generalisation", j, "delete", f"{words[j]} … нет")
        if words[j] in _USE and attribute in _USELESS_OF and _of_no_use(words, j, i):
            # «не берут женщин после 40 — толку от них никакого», «от стариков пользы никакой»: a people,
            # a sex or an age said to be of no use — held for a moderator (of a trade or the police it is
            # a complaint: «от полиции толку никакого»)
            return found("generalisation", j, "review", words[j], hold=True)
        if (
            attribute in _ONLY_OF
            and i > 1
            and tuple(words[i - 2 : i]) == ("из", "за")
            and j > i
            and sent[j] == s
            and lemma(words[j]) in _CRIME
        ):
            # «из-за мигрантов у нас такая преступность»: a people blamed for crime — a moderator
            # reads it (news tells of crimes by someone too)
            return found("generalisation", j, "review", f"из-за {words[i]} … {words[j]}", hold=True)
        if (
            attribute in _ONLY_OF
            and i > 0
            and words[i - 1] == "от"
            and j > i
            and words[j - 1] in _NOTHING_BUT
            and sent[j] == s
            and lemma(words[j]) in _MISCHIEF
        ):
            # «от дагестанцев в городе только драки», «от цыган одни кражи»: crime as all a people
            # brings (of an age or a trade it is a complaint: «от подростков после дискотеки только мусор»)
            return found("generalisation", j, "delete", f"{words[j - 1]} {words[j]}")
    if nominative and attribute in _ONLY_OF:
        for j in same_sentence:
            if (
                i < j <= i + 9
                and ("GS.LIKENED" in cue[j] or "GS.DEHUMAN" in cue[j])
                and words[j - 1] in _LIKE
                and clause[j] == clause[i] + 1
                and _has(words[j], "plur")
                and not _negated(words, cue, j - 1)
                and not any(lemma(words[k]) in _LIVE_OR_TOIL for k in range(i + 1, j - 1))
            ):
                # «индусы на Машуке прыгают, как мартышки», «цыгане орут по ночам, как шакалы»: what a
                # people does likened, after a comma, to beasts — held (round 35; not how they live or
                # work: «армяне пашут, как ишаки» is said in praise)
                return found("dehumanising", j, "review", f"{words[j - 1]} {words[j]}", hold=True)
    return None
