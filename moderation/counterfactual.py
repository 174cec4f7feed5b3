"""Counterfactual training data: the same sentence with each group word, so no group word by itself
moves a text towards deletion (issue 9; the "identity-term bias" of word-based classifiers).

Rows generated at training time (nothing is stored): **neutral sentences** that name a group calmly
(neighbours, queues, holidays, complaints about a road), written from project templates, one per
template and group word. (Swapping the group words of seed comments was dropped: neutral group names
are masked for the model, so a swapped comment is the same row again.)

The templates here are not the bias bench's (``bench/bias.py`` has its own), so the bench measures
words the model learnt, not sentences it saw.
"""

from __future__ import annotations

import random
from functools import cache

from moderation.datasets import Example
from moderation.lemmatize import analyzer

__all__ = ["GROUP_NOUNS", "inflect", "neutral_sentences"]

#: Neutral names of groups, per clause-19 attribute (lemmas; plural forms are generated).
GROUP_NOUNS: dict[str, tuple[str, ...]] = {
    "nationality": ("армянин", "грузин", "чеченец", "осетин", "таджик", "узбек", "цыган", "еврей", "украинец",
                    "русский", "татарин", "азербайджанец", "дагестанец", "казах", "кавказец", "мигрант"),
    "race": ("негр", "чернокожий", "азиат", "африканец", "мулат", "темнокожий"),
    "religion": ("мусульманин", "христианин", "православный", "католик", "иудей", "буддист", "баптист",
                 "атеист", "протестант", "верующий"),
    "sex": ("женщина", "мужчина", "девушка", "мужик", "гей", "лесбиянка", "феминистка"),
    "age": ("пенсионер", "старик", "подросток", "школьник", "студент", "старушка"),
    "residence": ("москвич", "приезжий", "кисловодчанин", "пятигорчанин", "деревенский", "горожанин", "сельчанин"),
    "profession": ("врач", "учитель", "таксист", "продавец", "дворник", "курьер", "журналист", "медсестра",
                   "строитель", "водитель"),
    "work": ("работник", "сотрудник", "служащий", "бюджетник"),
    "politics": ("коммунист", "либерал", "патриот", "оппозиционер", "монархист", "демократ", "националист"),
}  # fmt: skip

# Templates: {nomn} {gent} {datv} {accs} {ablt} {loct} stand for the plural group noun in that case.
_NEUTRAL_TEMPLATES: tuple[str, ...] = (
    "у нас в подъезде живут {nomn}, соседи как соседи",
    "вчера {nomn} вместе с нами убирали двор после ремонта",
    "на собрании жильцов были и {nomn}, обсуждали парковку",
    "{nomn} тоже стоят в очереди в поликлинику с шести утра",
    "в автобусе номер три ехали {nomn}, было тесно",
    "спросите у {gent}, они точно знают расписание",
    "среди моих знакомых есть {nomn}, нормальные люди",
    "{nomn} пришли на открытие сквера с детьми",
    "для {gent} в библиотеке устроили встречу",
    "я часто разговариваю с {ablt} на рынке",
    "{datv} тоже нужна нормальная дорога к дому",
    "в нашем дворе играют дети, а {nomn} сидят на лавочке",
    "на субботник вышли {nomn} и студенты",
    "мы с {ablt} живём на одной улице уже десять лет",
    "{nomn} жалуются, что воду опять отключили без предупреждения",
    "расскажите {datv} про новую льготу на проезд",
    "в городе много {gent}, и это обычное дело",
    "о {loct} написали в новостях, что они помогли с ремонтом школы",
    "фотографию прислали {nomn} из соседнего дома",
    "{nomn} тоже платят за вывоз мусора, а контейнеры переполнены",
    "поздравляю {accs} с праздником",
    "у {gent} свои традиции, интересно было послушать",
    "{nomn} спрашивают, когда откроют каток",
    "многие {nomn} голосовали на выборах",
    "в очереди за справкой стояли {nomn}",
    "мой сосед общается с {ablt} и ничего плохого не говорит",
    "кто знает, где {nomn} собираются по выходным?",
    "{nomn} предложили посадить деревья у школы",
    "не надо делить людей, {nomn} такие же горожане",
    "{nomn} как и все хотят чистый город",
)


@cache
def _parse(lemma: str):  # type: ignore[no-untyped-def]
    morph = analyzer()
    ps = [
        p
        for p in morph.parse(lemma)
        if p.normal_form.replace("ё", "е") == lemma and p.tag.POS in ("NOUN", "ADJF")
    ]
    return ps[0] if ps else None


@cache
def inflect(lemma: str, case: str, number: str = "plur") -> str | None:
    """The group noun in a case and number (pymorphy3); None if it does not inflect."""
    p = _parse(lemma)
    if p is None:
        return None
    grammemes = {case, number}
    if p.tag.POS == "ADJF" and number == "plur":
        grammemes.add("plur")
    f = p.inflect(grammemes)
    return f.word.replace("ё", "е") if f is not None else None


def neutral_sentences(weight: float = 0.5, seed: int = 0, per_word: int = 4) -> list[Example]:
    """Neutral sentences naming each group word: ``per_word`` templates per word, clean labels."""
    rng = random.Random(seed)
    out: list[Example] = []
    for nouns in GROUP_NOUNS.values():
        for noun in nouns:
            for template in rng.sample(_NEUTRAL_TEMPLATES, per_word):
                text = _fill(template, noun)
                if text:
                    out.append(
                        Example(text, "counterfactual", labels=frozenset(), weight=weight, group=f"cf:{noun}")
                    )
    return out


def _fill(template: str, noun: str) -> str | None:
    values = {}
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        if "{" + case + "}" in template:
            form = inflect(noun, case)
            if form is None:
                return None
            values[case] = form
    text = template.format(**values)
    return text[0].upper() + text[1:]
