"""Labelled comments for the retrain tests: made from templates here, never from the regression set.

A *local insult* the shipped model does not know («барабуля», «кукурузник» — harmless words in
general Russian that this page's moderators treat as insults) is what a correction can learn; clean
civic questions are what it must keep leaving up.
"""

from __future__ import annotations

import itertools
import random

NAMES = ["Иван", "Олег", "Марина", "Светлана", "Артём", "Наталья", "Пётр", "Галина", "Рустам", "Елена"]
STREETS = [
    "Кирова",
    "Московской",
    "Ермолова",
    "Калинина",
    "Бульварной",
    "Нежнова",
    "Адмиральского",
    "Теплосерной",
    "Украинской",
    "Пастухова",
]
THINGS = [
    "ремонт",
    "освещение",
    "вывоз мусора",
    "пешеходный переход",
    "остановка",
    "детская площадка",
    "тротуар",
    "светофор",
    "ливнёвка",
    "парковка",
]

LOCAL_INSULT = [
    "{name}, ты барабуля кукурузная, сиди молча",
    "опять эта барабуля {name} пишет про {thing}",
    "{name} — кукурузник и барабуля, не позорься",
    "ну ты и барабуля, {name}, {thing} тут ни при чём",
    "барабуля ты, {name}, а не житель улицы {street}",
    "кукурузник {name}, иди отсюда со своим {thing}",
]
CLEAN = [
    "подскажите, когда сделают {thing} на улице {street}?",
    "{name}, спасибо, что написали про {thing} на {street}",
    "на {street} уже неделю не работает {thing}, куда обращаться?",
    "а {thing} на {street} в этом году планируется?",
    "у нас на {street} наконец сделали {thing}, спасибо",
    "кто отвечает за {thing} возле дома на {street}?",
    "{name}, ты прав, {thing} на {street} давно пора сделать",
    "{name}, а ты писал в управу про {thing}? мне ответили за неделю",
    "удалили мой вопрос про {thing} на {street}, почему? я же вежливо спросила",
    "позор, {thing} на {street} третий месяц не могут доделать",
    "ты видел, {name}, что на {street} опять перекопали? когда закопают?",
    "правда глаза колет? {thing} на {street} так и не сделали",
]
PLAIN_INSULT = [
    "{name}, ты дебил конченый, {thing} тут ни при чём",
    "{name} идиот и тупица, пишет бред про {thing}",
    "заткнись, дура {name}, про {thing} на {street} все знают",
    "{name}, ты урод, не пиши больше про {street}",
]


def fill(templates: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    combos = list(itertools.product(templates, NAMES, STREETS, THINGS))
    rng.shuffle(combos)
    for t, name, street, thing in combos:
        text = t.format(name=name, street=street, thing=thing)
        if text not in seen:
            seen.add(text)
            out.append(text)
        if len(out) >= n:
            break
    return out
