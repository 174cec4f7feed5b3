"""Veiled threats spread over a text's sentences: a person's child, home or car pointed at in one
sentence, a warning in another («Виктор Палыч, у вас же внуки в 30-й садик ходят? Хорошие детки.
Берегите их», «Передайте главврачу, что его дочка в 7 школе учится, мы в курсе. Пусть думает»), or a
person called by name and told to be careful, «мало ли что» («Светлана, аккуратнее на остановке по
вечерам, там темно, мало ли что»).

The lexicon's patterns see one sentence at a time and the warnings are everyday words: only the two
together hold a text for a moderator (never delete it: «у вас машина открыта, мало ли что» is a
neighbour's help).

A person's home address given with a call to the readers to act on it («вот адрес водителя, который сбил
собаку: ул. Юцкая 14, кв 8. Действуйте, люди») is held the same way (:func:`address_given`).
"""

from __future__ import annotations

import re

from moderation.lemmatize import parses
from moderation.lexicon import Hit
from moderation.normalize import Normalized

#: What is someone's own and can be harmed: kin, a home, a car (by lemma)
_KIN_OR_PROPERTY = frozenset(
    "дочь дочка доча сын сынок внук внучка ребенок дети детка жена муж мама мать отец машина автомобиль тачка"
    " дом квартира дверь окно гараж дача колесо шина хата тормоз стекло ларек бизнес семья родня родители"
    # (round 40: «детишек своих береги», «в какой садик ты водишь своего малого»)
    " детишки детки малыш малой малый малое баня сарай забор".split()
)
#: Whose it is: the addressee's or a third person's (within three words either side)
_THEIRS = frozenset(
    "вас тебя ваш ваша ваши вашего вашей вашу ваших твой твоя твои твоего твоей твою твоих его ее её"
    " своему своей своего свою свои своих него нее ней них".split()
)
#: The warning, on the normalised text (words joined by single spaces); not «берегите себя», a wish. The
#: group ``open``: warnings that go on into the clause they open («подумайте, прежде чем тут писать»,
#: «передавайте ему привет от …»); the others end theirs. (One scan: most texts have none.)
_WARNING = re.compile(
    r"(?<!\w)(?:мало ли(?: что)?|всякое бывает|всякое случается|всякое может случиться|все может случиться|жалко будет|жаль будет"
    r"|было бы жаль|было бы жалко|будет (?:очень )?(?:жаль|жалко)|люди (?:всякие|разные) бывают|люди (?:все )?помнят"
    r"|мир тесен|мир тесный|пока (?:еще )?есть кого"
    r"|мы в курсе|берегите (?:их|его|ее)|пусть (?:по)?думает|подумай хорошенько|подумайте хорошенько|я предупредила?"
    r"|(?:город|пятигорск)(?: у нас| наш| тут)? (?:маленький|небольшой)|все друг друга знают|без охраны"
    r"|(?:люди|народ)(?: сейчас| нынче| у нас)? (?:злые|злой)(?: сейчас| нынче| стали)?|ночи(?: сейчас| нынче| у нас)? темные|ну ну|помни(?:те)? об этом"
    r"|(?:район|двор|улица)(?: у нас| тут| наш)? (?:неспокойный|неспокойная|темный|темная)"
    # (round 40: the home's insurance hoped for, how well it burns — «надеюсь, квартира у тебя хорошо застрахована»,
    # «дача деревянная? горит, наверное, хорошо»)
    r"|надеюсь (?:\w+ ){0,6}?застрахован[аоы]?|горит (?:\w+ ){0,2}?(?:хорошо|быстро|ярко)|(?:хорошо|быстро) горит"
    r"|(?P<open>подумай(?:те)?(?: хорошенько| еще раз| дважды)? прежде чем|передавай(?:те)? (?:ему |ей |им )?привет"
    r"|пусть (?:\w+ ){0,3}?помн(?:ит|ят)))(?!\w)"
)
#: Round 50's warnings (they end their clause), read only when :data:`_WARNING` finds none: the model never learnt
#: them, so their hit is a floor only and caps nothing the model deletes («Кирилл, помнишь, как соседу стёкла в
#: машине выбили? Вот и подумай», «ваша машина у площади красиво стоит. Пока стоит»)
_WARNING_MORE = re.compile(r"(?<!\w)(?:вот и подумай(?:те)?|пока (?:еще )?(?:стоит|цела|цел|целы|целая|целый))(?!\w)")
_CLAUSE_END = re.compile(r"[,.!?;:…)\n]|\s[-–—]")
#: Careful, said to someone called by name
_CAREFUL = frozenset(("аккуратнее", "осторожнее", "поосторожнее", "поаккуратнее"))
#: … or told not to walk alone or after dark («Ефремов, не ходи по Горячеводскому вечером один»; round 40)
_NOT_ALONE = re.compile(
    r"(?<!\w)не (?:ходи|ходите|гуляй|гуляйте|езди|ездите)(?: \w+){0,4}? (?:один|одна|одни|одному|вечером|ночью|по вечерам|по ночам)(?!\w)"
)
#: ... or a danger hinted at («не все по тёмным дворам ходят безопасно»), when what the person is warned
#: off is speaking up («подумайте, прежде чем ещё раз ответить»; not «… прежде чем отпускать детей одних»)
_DANGER = frozenset(("безопасно", "темно", "темным", "темной", "темные", "темных"))
_SPEAKING = frozenset(
    "писать написать ответить отвечать комментировать говорить высказываться жаловаться".split()
)


def spread_warning(norm: Normalized, lemmas: list[str]) -> Hit | None:
    """A held veiled threat for the warning of a text that also points at someone's own, or that calls a
    person by name and tells them to be careful, hints at a danger for speaking up, or speaks of their car
    or child anywhere before a warning that ends its clause; or None."""
    m = _WARNING.search(norm.text)
    learnt = m is not None
    if m is None and (
        ("пока" not in norm.words and "подумай" not in norm.text) or (m := _WARNING_MORE.search(norm.text)) is None
    ):
        return None
    opening = learnt and m.group("open") is not None
    span = norm.token_span(m.start(), m.end())
    if span is None:
        return None
    at, last = span
    words, toks = norm.words, norm.tokens
    owned = [k for k, lem in enumerate(lemmas) if lem in _KIN_OR_PROPERTY]
    pointed = any(not _THEIRS.isdisjoint(words[max(0, k - 3) : k + 3]) for k in owned)
    careful = not _CAREFUL.isdisjoint(words) or _NOT_ALONE.search(norm.text) is not None or (
        not _DANGER.isdisjoint(words) and not _SPEAKING.isdisjoint(lemmas[last + 1 :])
    )
    if not pointed and ((not careful and (opening or not owned)) or not _called_by_name(norm)):
        # («Виктор Сергеевич, у вас ведь белый Камри? Красивая машина. Жалко будет»: the car far from
        # «вас»; «Анна, во дворах темно, подумайте, прежде чем отпускать детей одних» is advice)
        return None
    if (
        not opening
        and last + 1 < len(toks)
        and not _CLAUSE_END.search(norm.original, toks[last].end, toks[last + 1].start)
    ):
        return None  # the warning ends its clause (not «мы в курсе проблемы», «берегите их от гриппа»)
    return _held(norm, "spread_warning", at, last, floor_only=not learnt)


def _held(norm: Normalized, name: str, at: int, last: int, *, floor_only: bool = False) -> Hit:
    """The held veiled threat ``name``, quoting tokens ``at`` … ``last`` (``floor_only``: a reading the shipped
    model never learnt, which must not cap what the model deletes)."""
    a, b = norm.tokens[at], norm.tokens[last]
    return Hit(
        "threat", name, a.start, b.end, norm.original[a.start : b.end], None, "veiled_threat", "review",
        floor_only=floor_only,
    )


def _called_by_name(norm: Normalized) -> bool:
    """Does the text open with a person's name and a comma («Светлана, …», «Виктор Палыч, …»; not
    «Уважаемые жители, …»)?"""
    toks, orig = norm.tokens, norm.original
    if toks and orig[: toks[0].start].rstrip().endswith("@"):
        return any(
            "Name" in p.tag for p in parses(norm.words[0])[:2]
        )  # («@Виктор ты …»: a reply's addressee)
    if (
        not toks
        or not orig[toks[0].start].isupper()
        # (or a surname: «Лыткин, удачи в дороге, тормоза проверь, а то всякое бывает»; round 40)
        or not any("Name" in p.tag or ("Surn" in p.tag and "nomn" in p.tag) for p in parses(norm.words[0])[:2])
    ):
        return False
    return any(orig[toks[k].end : toks[k + 1].start].strip() == "," for k in range(min(2, len(toks) - 1)))


#: Someone's kin (by lemma) whose way home a veiled threat points at (:func:`kin_alone`)
_KIN = frozenset(
    "дочь дочка доча сын сынок внук внучка ребенок дети детка жена муж мама мать отец детишки детки малыш".split()
)
#: ... alone (the gate: most texts have none of these words) ...
_ALONE = frozenset("одна один одной одному одни одних".split())
#: ... on their way, by lemma («одна ходит», «возвращается одна», «гуляет одна по вечерам»)
_ON_THE_WAY = frozenset("ходить гулять возвращаться ездить идти добираться".split())


def kin_alone(norm: Normalized, lemmas: list[str]) -> Hit | None:
    """A held veiled threat for someone's kin — the addressee's or a third person's («ваша жена», «её внучке»,
    «своей жене») — said to go somewhere alone, in one sentence or the next («Ваша жена ведь работает до девяти?
    Поздно возвращается, одна», «стоит ли её внучке одной ходить из школы через Цветник»), or None. Held only: a
    neighbour's care says it too («ваша дочка одна гуляла у Провала, мы её проводили»); not one's own kin («моя
    дочь одна ходит в школу»)."""
    words = norm.words
    if _ALONE.isdisjoint(words):
        return None
    sent = norm.sentences
    kin = [k for k, lem in enumerate(lemmas) if lem in _KIN and not _THEIRS.isdisjoint(words[max(0, k - 3) : k + 3])]
    for k in kin:
        near = [m for m, w in enumerate(words) if 0 <= sent[m] - sent[k] <= 1]
        alone = [m for m in near if words[m] in _ALONE]
        if alone and any(lemmas[m] in _ON_THE_WAY for m in near):
            return _held(norm, "kin_alone", min(k, alone[0]), max(k, alone[-1]), floor_only=True)
    return None


#: A home address down to the flat («ул. Юцкая 14, кв 8», «улица Ленина, д. 5, квартира 12»), on the original text
_HOME_ADDRESS = re.compile(
    r"(?:ул\.?|улица|пр\.|проспект|пер\.|переулок)\s*[А-ЯЁа-яё][а-яё-]+,?\s*(?:д\.?\s*|дом\s*)?\d+[а-я]?,?\s*"
    r"(?:кв\.?|квартира)\s*\d+",
    re.IGNORECASE,
)
#: The flat's number that ends every such address: a cheap scan that rules out the texts whose «кв» is no
#: flat («квас», «квитанция», «квартал»), so the address itself is looked for in few
_FLAT_NUMBER = re.compile(r"кв(?:\.?|артира)\s*\d", re.IGNORECASE)
#: ... and the readers told to act on it («действуйте», «навестите его», «наведайтесь», «спросите с него»)
_ACT_ON_IT = re.compile(
    r"(?<!\w)(?:действуйте|навестите|наведайтесь|разберитесь|(?:сходите|зайдите|приходите|спросите) (?:к |с )?(?:нему|ней|него|нее|ним|ними))(?!\w)"
)


def address_given(norm: Normalized) -> Hit | None:
    """A held veiled threat for a home address given down to the flat with the readers told to act on it,
    or None (an address alone is a notice: «выдача справок: ул. Ленина 2, кв 1»)."""
    # (a flat's number needs «кв» or «квартира»: most texts have neither, and few of the rest a number after it)
    if "кв" not in norm.text or _FLAT_NUMBER.search(norm.original) is None:
        return None
    m = _HOME_ADDRESS.search(norm.original)
    if m is None or (call := _ACT_ON_IT.search(norm.text)) is None:
        return None
    span = norm.token_span(call.start(), call.end())
    return None if span is None else _held(norm, "address_given", *span)


#: The stock formulas of a veiled threat, on the normalised text: a warning that what comes next will not be
#: lawful or kind («это не угроза, а предупреждение», «пока по-хорошему», «потом просить не будем», «методы
#: вам не понравятся», «будем без закона», «народная расправа», «кто не спрятался», «понимающие поймут», «придёт
#: время — ответят»). Each is said of people and hints at force without naming it, so the lexicon's
#: patterns (an act and whom it is done to) see nothing in them.
_MENACE = re.compile(
    r"(?<!\w)(?:это не (?:угроза|угрожаю)(?: а| это)* (?:предупреждение|предсказание|обещание)"
    r"|не (?:пугаю|пугаем|угрожаю|угрожаем)(?: а)? (?:предупреждаю|предупреждаем)"
    r"|пока (?:еще )?(?:\w+ )?по хорошему|(?:будет|будем|поговорим) по плохому"
    r"|потом (?:просить|разговаривать|предупреждать|церемониться) не (?:будем|будут|буду)"
    r"|методы (?:вам|тебе|им) не понравятся|(?:будем|будут|решим|решать|решали|разберемся) без (?:закона|протокола)"
    r"|народн(?:ая|ой|ую) (?:полиция|полиции|полицию|расправа|расправу)"
    r"|(?:выход|способ|путь) (?:\w+ ){0,3}?(?:и он )?не (?:законный|по закону)"
    r"|кто не спрятался|понимающие поймут|кто понял (?:тот )?понял|умный поймет|умные поймут"
    r"|придет время (?:и )?(?:ответят|ответите|ответишь|заплатят|заплатите|пожалеют|пожалеете)"
    r"|пожале(?:ют|ете|ешь) что (?:сюда |к нам )?(?:приехали|приехал|приехала|родились|связались)"
    r"|долго (?:тут |здесь |у нас )?не (?:задерживаются|задержатся|задержитесь|задержишься)"
    r"|по хорошему у (?:вас|тебя|них) (?:есть )?(?:\w+ )?(?:неделя|месяц|сутки|день|дня|дней|недели|время)"
    r"|(?:объясн(?:им|ят|ить|ю)|покаж(?:ем|ут|у)|напомн(?:им|ить|ят|ю)) (?:им |вам |тебе |таким |этим )?"
    r"(?:кто (?:тут|здесь) хозяин|чей (?:это|тут) город)"
    r"|понима(?:ют|ет) только (?:силу|кулак|язык силы)"
    r"|до (?:них|вас|тебя|него|нее) (?:тоже |еще |скоро |всё равно |все равно )?(?:доберутся|доберемся|доберусь)"
    r"|(?:вилы|арматура|биты|бита|канистры|монтировка|ружье|топор) (?:\w+ ){0,3}?(?:найдется|найдутся|наготове)"
    r"|вилы у каждого|хотите войн[уы] (?:получите|будет))(?!\w)"
)
#: Round 40's formulas, scanned only in a text with one of their words (:data:`_MORE_CUES`; one more scan of every
#: text cost ≈ 1 % of the judge's time): where and when a person parks, walks or leaves known to «us» («мы знаем, где
#: он паркуется», «я знаю, в какой садик ты водишь …»), a guard advised for a meeting with residents, «пусть не
#: удивляется», the address sought or a welcome promised there, a car that would be a pity to see burn, one cigarette
#: end and that is all, «в следующий раз не повезёт», «я не один приду», leaving town «пока есть на чём», a person's
#: address asked for to «explain» there
_MENACE_MORE = re.compile(
    r"(?<!\w)(?:(?:мы|я) зна(?:ю|ем),? (?:где|во сколько|когда|куда|в какой|какой дорогой) (?:\w+ ){0,2}?"
    r"(?:он|она|они|ты|вы) (?:\w+ ){0,3}?(?:паркуе|ставит машину|ставишь машину|выезжа|выход|уход|приход|возвраща|ход"
    r"|вод|гуля|бега|отдыха|езд|забира)\w*"
    r"|(?:возьмите|возьми|берите|бери) (?:с собой )?(?:побольше )?охран\w*|охран\w* (?:возьмите|возьми|берите|бери)"
    r"|пусть (?:потом )?не удивля(?:ется|ются)"
    r"|ищут (?:ваш|твой|его|ее) адрес|(?:тебя|вас|его|ее) там встретят"
    r"|(?:жалко|жаль) будет,? если (?:\w+ ){0,3}?(?:загорит|сгорит|разобь|поцарапа|пропад)\w*"
    r"|(?:одна|один) (?:спичка|окурок) и (?:все|всё)|в следующий раз (?:так )?не повез\w*"
    r"|(?:я|мы) не (?:один|одна|одни) (?:приду|придем)|приду не (?:один|одна)"
    r"|пока (?:еще )?есть (?:на чем|кому) (?:уезжать|ходить|ездить)|по плохому будет"
    r"|(?:дайте|скиньте|дай|скинь|напишите|подскажите) (?:мне )?адрес (?:этого|этой|его|ее)(?: \w+)?[^.!?\n]{0,60}?"
    r"(?:ему|ей|с ним|с ней|к нему|к ней) (?:лично |сам |сама )?(?:объясн|разбер|наведа)\w*)(?!\w)"
)
#: Round 50's formulas, a floor only (the model never learnt them): «таких» or the addressee not staying long
#: in a place («Такие как вы, Оксана, долго в этом городе не задерживаются»), «we will deal with you» («до того,
#: как мы вами займёмся»; not «мы займёмся вашим вопросом»), the world being round («земля круглая, ещё
#: встретимся»; not «учёные доказали, что земля круглая»), a prayer that «I» do not find you («молись, чтоб я
#: тебя не встретил»), a brick or an icicle that may fall on your head (not news of one that fell on a
#: passer-by's), a dark alley, guests to wait for («пусть ждёт гостей»; not «ждём гостей», the hosts'), leaving town
#: «пока есть возможность» («вам лучше уехать пораньше, пока пробок нет» is advice)
_MENACE_NEW = re.compile(
    r"(?<!\w)(?:таки[ех] (?:как (?:вы|ты) )?(?:\w+ ){0,5}?долго (?:\w+ ){1,4}?не (?:задерживаются|задержатся)"
    r"|долго (?:\w+ ){1,4}?не (?:задержитесь|задержишься)"
    r"|(?:мы|я) (?:\w+ ){0,2}?(?:вами|тобой) (?:\w+ )?займ(?:емся|усь)|займ(?:емся|усь) (?:\w+ )?(?:вами|тобой)"
    r"|земля (?:\w+ )?круглая (?:\w+ ){0,4}?встрет\w*"
    r"|чтоб(?:ы)? (?:я|мы) (?:тебя|вас|его|ее|их) (?:\w+ )?не (?:нашел|нашли|встретил|встретили|поймал|поймали|застал|застали)"
    r"|(?:кирпич|сосулька|кирпичик) (?:\w+ ){0,2}?(?:тебе|вам) (?:\w+ ){0,2}?на (?:голову|башку)"
    r"|(?:тебе|вам) (?:\w+ ){0,2}?на (?:голову|башку) (?:\w+ )?(?:кирпич|сосулька)"
    r"|(?:в )?темн(?:ом|ой) (?:переулке|подъезде|подворотне|углу) (?:\w+ ){0,2}?(?:встретим|встретят|встречу|поговорим)"
    r"|(?:жди|пусть ждет|пусть ждут) гостей"
    r"|(?:тебе|вам) (?:\w+ )?лучше (?:\w+ )?(?:уехать|уезжать|свалить|убраться|съехать) (?:\w+ ){0,4}?пока"
    r" (?:есть возможность|можете|можешь|не поздно|целы|цел|живы|жив|ноги носят))(?!\w)"
)
#: (a word of each of :data:`_MENACE_NEW`'s formulas)
_NEW_CUES = frozenset(
    "долго займемся займусь круглая нашел нашли встретил встретили поймал поймали застал застали голову башку"
    " переулке подъезде подворотне углу гостей лучше".split()
)
#: (a word of each of :data:`_MENACE_MORE`'s formulas, «охран…» aside)
_MORE_CUES = frozenset(
    "знаю знаем удивляется удивляются ищут встретят жалко жаль спичка окурок повезет повезёт приду придем уезжать"
    " ходить ездить плохому адрес".split()
)
#: ... unless the force promised is the law's: a court, a complaint, an election («это не угроза, а
#: предупреждение: на выборах ответите», «пока по-хорошему просим, потом подадим в суд»)
_LAWFUL = re.compile(
    r"(?<!\w)(?:суд|суда|суде|судом|прокуратур\w*|жалоб\w*|заявлени\w*|выбор\w*|голосова\w*"
    r"|петици\w*|гжи|роспотребнадзор\w*|иск|иском|штраф\w*|приставы?|приставам|налог\w*|пени|оплат\w*)(?!\w)"
)


def menace(norm: Normalized) -> Hit | None:
    """A held veiled threat for a stock formula of one («пока по-хорошему», «методы вам не понравятся», «кто не
    спрятался»), unless the text names the lawful way too; or None. The formula alone never deletes: it
    hints, and a moderator reads at whom."""
    m = _MENACE.search(norm.text)
    if m is None and (not _MORE_CUES.isdisjoint(norm.words) or "охран" in norm.text):
        m = _MENACE_MORE.search(norm.text)
    learnt = m is not None
    if m is None and not _NEW_CUES.isdisjoint(norm.words):
        m = _MENACE_NEW.search(norm.text)
    if m is None or _LAWFUL.search(norm.text) is not None:
        return None
    span = norm.token_span(m.start(), m.end())
    return None if span is None else _held(norm, "menace_formula", *span, floor_only=not learnt)
