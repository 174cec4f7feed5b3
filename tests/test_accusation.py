"""The accusation reader (moderation/accusation.py): a person named and, apart from them in the same
sentence, a crime or a vice told as a fact — held for a moderator, never deleted by this reading alone,
and the model's scores untouched by it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.accusation import ACCUSED, accused_person
from moderation.features import prepare
from moderation.judge import Judge
from moderation.lexicon import default_lexicon
from moderation.normalize import normalize
from tests.conftest import held_as


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def accused(text: str) -> str | None:
    hit = accused_person(normalize(text), default_lexicon())
    return None if hit is None else hit.quote


@pytest.mark.parametrize(
    "text",
    [
        # a crime by itself, the person and the post between
        "Кладовщик Сидоренко со склада на Октябрьской тоннами ворует цемент",
        "Бухгалтер ЖЭКа Петрова обналичивает через подставную фирму",
        # an everyday deed and what makes it a crime
        "Начальник гаража Тарасов бензин налево сливает каждый месяц",
        "Наш завхоз из 9-й школы банками домой уносит краску",
        "Инспектор Гусейнов на посту у въезда взятки берёт прямо в машине",
        "Методист Волкова грамоты за деньги оформляет своим",
        # a state
        "Диспетчер Кириллова на смене постоянно под градусом",
        "Фельдшер Ибрагимов приезжает на вызовы под кайфом",
    ],
)
def test_person_and_deed_apart_are_an_accusation(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Я не говорю, что Сидоренко ворует, я прошу показать смету",  # disowned
        "Кладовщик Сидоренко не ворует, я сам проверял накладные",  # denied
        "Правда, что Гусейнов берёт взятки?",  # asked
        "Бывшего инспектора Гусейнова задержали за взятку, сообщает пресс-служба",  # the police's word
        "Инспектор Гусейнов отказался от взятки и задержал водителя",  # refused
        "Петрова пришла домой поздно, дети спали",  # an everyday deed, nothing taken
        "Петрова продаёт на рынке свою картошку",  # selling what is one's own
        "Соседка Петрова сказала, что вор украл у неё кошелёк",  # told of a crime, accused of none
        "Сидоренко из лета 2015, когда рабочие за деньги чинили крышу",  # another clause's subject
        "Кладовщик Сидоренко пишет: «все кладовщики воруют» — это неправда",  # someone else's words
        "Олег, вы пишете, что на рынке одни воры",  # a group, not one person
    ],
)
def test_not_an_accusation(text: str) -> None:
    assert accused(text) is None, text


def test_held_with_the_reason_and_scores_unchanged(judge: Judge) -> None:
    text = "Кладовщик Сидоренко со склада на Октябрьской улице уже третий год тоннами ворует цемент"
    v = judge.judge(text)
    assert held_as(v, "defamation_of_person")
    assert any(e.matched == ACCUSED for e in v.evidence)
    # the hit is a floor only: no feature of the model counts it
    p = prepare(text)
    assert any(h.matched == ACCUSED and h.floor_only for h in p.hits)
    without = prepare("Кладовщик Сидоренко со склада на Октябрьской улице уже третий год тоннами возит цемент")
    assert not any(h.matched == ACCUSED for h in without.hits)


def test_vouched_by_rumour_is_deleted_without_ban(judge: Judge) -> None:
    v = judge.judge("Кладовщик Сидоренко цемент со склада налево продаёт, весь район знает")
    assert v.action == "delete"


def test_the_circumstance_gate_passes_every_match() -> None:
    # the anchors only save time: every way into _ILLICIT spells its forms out, so each match holds one
    from moderation.accusation import _ANCHORS, _ILLICIT

    assert _ILLICIT.pattern.count("\\w") == 2  # (only the word edges: no form left to a class)
    for phrase in [
        "тащит домой", "себе на дачу", "на свой участок", "в свою карман", "по карманам", "вёдрами",
        "сливает налево", "продаёт трамадолом", "взятки берёт", "за откаты", "на взятках", "откатами",
        "в конверте", "без конверта", "под мухой", "на таблетках", "на игле", "в запое", "по пьяни", "перегаром",
    ]:
        n = normalize(phrase)
        if _ILLICIT.search(n.text):
            assert not _ANCHORS.isdisjoint(n.words), phrase


@pytest.mark.parametrize(
    "text",
    [
        "Начальница архива опять не просыхает, документы теряются",  # the post's office after it; the state
        "Директор рынка налево продаёт места",
    ],
)
def test_a_post_with_its_office_names_one_person(text: str) -> None:
    assert accused(text), text


def test_you_are_not_a_person_but_scum_is_an_insult() -> None:
    judge = Judge.load()
    assert judge.judge("Ты не человек, а плесень").action in ("delete", "delete_and_ban")
    assert judge.judge("Ты не человек, а ангел").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        # round 31: money into the pocket, goods carried off the workplace, exam answers sold, kickbacks, a
        # share with the suppliers, hands laid on children
        "Заведующая поликлиникой Еременко кладет в карман деньги с платных кабинетов",
        "Медсестра Вика таскает лекарства из отделения и продает",
        "Завуч гимназии 11 Гордеева приторговывает ответами на ОГЭ",
        "Главврач Сидоренко на откатах с закупок себе дом отгрохал",
        "Начальник управления образования в доле с поставщиками питания",
        "Физрук Осипов руки распускает с девочками",
        "Опять дворник Махмуд бухой с утра валяется за гаражами",
    ],
)
def test_round_31_circumstances_make_the_deed_a_crime(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Иванов положил ключи в карман и ушёл",  # a pocket, no money
        "Медсестра Вика принесла лекарства из отделения, спасибо ей",  # carried in, no deed of carrying off
        "Директор Петров отказался от доли в фирме",
    ],
)
def test_round_31_the_same_words_without_the_crime(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 32: a state, exams sold, takings off the till, pocketed, taxes unpaid
        "Таксист Рустам обдолбанный детей возит",
        "Хозяйка автошколы Тамара Сергеевна продаёт экзамены",
        "Директор автовокзала Щербаков продаёт билеты мимо кассы",
        "Кассир Петрова выручку кладёт в карман",
        "Владелец кафе Рустам налоги не платит",
    ],
)
def test_round_32_circumstances_make_the_deed_a_crime(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Кассир Петрова продаёт билеты с 6 утра",
        "Учительница Иванова раздала оценки за контрольную",
    ],
)
def test_round_32_the_same_words_without_the_crime(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 33: a share held with a builder, a thief's haul, drunk on a call-out, animals sold for meat
        "Замглавы Рябов сам в доле у застройщика",
        "Главврач санатория Ткаченко наворовал на капремонте корпуса",
        "Начальник пожарной части Ефимов приехал на вызов пьяный",
        "Директор приюта Карпова собак продаёт на мясо",
    ],
)
def test_round_33_circumstances_make_the_deed_a_crime(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Замглавы Рябов приехал на вызов вместе с пожарными",
        "Директор приюта Карпова просит корм для собак",
    ],
)
def test_round_33_the_same_words_without_the_crime(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 33 (fresh73): an owner by the place of the business, a post named by a participle, drugs carried
        # out of a first-aid kit, a diploma bought
        "Хозяйка кафе у Провала ворует электричество у города",
        "Заведующая 7 садиком продукты детские сумками домой тащит",
        "Фельдшер скорой Никитин наркоту из аптечки таскает",
        "Зам по строительству Ахмадов диплом купил",
    ],
)
def test_round_33_more_people_and_deeds(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    ["Хозяйка кафе у Провала открыла летнюю веранду", "Врач Иванова купила диплом в рамочку для кабинета"],
)
def test_round_33_the_same_people_without_a_deed(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 34 (fresh71, fresh76): money pocketed, a house built on the public's money, votes bought, thousands
        # demanded
        "Директор парка Кирова сдаёт аттракционы и деньги себе в карман",
        "Начальник ЖКХ Петренко дом себе построил на наши деньги",
        "Депутат Колесников купил голоса, бабушкам по 1000 раздавал",
        "Завуч 4 гимназии берет по 20 тысяч за первый класс",
    ],
)
def test_round_34_money_pocketed_votes_bought_sums_demanded(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Мэр построил фонтан на наши деньги",
        "Водоканал берет 500 рублей за замену счетчика",
        "Депутат Колесников набрал голоса в нашем округе",
    ],
)
def test_round_34_public_spending_and_fees_are_no_accusation(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 40 (fresh132): a surname opening the sentence that pymorphy3 also reads as a plural noun
        "Шевцов провернул схему с участками на Машуке, раздал своим за копейки, жулик",
        "Шевцов на стройке на Скачках долю имеет, поэтому и разрешение подмахнул, коррупционер",
    ],
)
def test_round_40_a_surname_first_then_the_label(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 40 (fresh132): a market protected, bonuses written to oneself, goods carried off a named canteen, votes
        # paid for, drunk «в хлам»
        "Гаврилова с мужем крышуют Нижний рынок, с каждого ларька берут",
        "Смирнова в ДК сама себе премии выписывает вагонами",
        "Рябов продукты из школьной столовой тащит, жена его каждый вечер сумки выносит",
        "Этот Самохин на выборах пенсионерам по 500 рублей раздавал за голос, соседка говорила",
        "Депутата Самохина видели у Верхнего рынка в хлам пьяного",
    ],
)
def test_round_40_more_deeds_of_a_named_person(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Смирнова выписывает премии лучшим артистам ДК, молодец",
        "Депутат Самохин на выборах поблагодарил всех за голоса",
    ],
)
def test_round_40_the_same_words_without_the_deed(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        # round 50 (fresh212): public money taken out, goods sold «на сторону», a bribe «за конвертом»
        "Главбух МУП Сергеева вывела из бюджета миллионы и купила дочке квартиру в Сочи",
        "Завхоз школы Петров продаёт краску на сторону",
        "Инспектор Жилнадзора Коваленко приходит только за конвертом, без денег акт не подпишет",
    ],
)
def test_round_50_money_taken_out_and_goods_sold_aside(text: str) -> None:
    assert accused(text), text


@pytest.mark.parametrize(
    "text", ["Мэрия вывела из бюджета деньги на ремонт дорог — объясните", "Главбух Сергеева сдала отчёт в бюджет"]
)
def test_round_50_no_person_or_no_deed(text: str) -> None:
    assert not accused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Директорша музея сама себе премии выписывает, а экспонаты продаёт на сторону",
        "Директор стадиона пропил новые тренажёры, о чём тут ещё говорить",
    ],
)
def test_round_50_a_colloquial_post_and_more_workplaces_name_the_person(text: str) -> None:
    assert accused(text), text


def test_round_50_the_same_post_with_no_deed() -> None:
    assert not accused("Директорша музея провела отличную экскурсию")


def test_round_50_drunk_every_day_is_a_state_told_as_a_fact() -> None:
    assert accused("Председатель ТСЖ Гусев пьяный каждый день, его жена бьёт.")


@pytest.mark.parametrize(
    "text",
    [
        "Хозяин кафе на Кирова торгует спайсами из-под полы",
        "Соседка из 12-й квартиры гулящая, к ней каждую ночь разные мужики ходят.",
    ],
)
def test_round_50_drugs_sold_under_the_counter_and_a_woman_called_loose(text: str) -> None:
    assert accused(text), text


def test_round_50_a_cafe_selling_pastry_is_no_accusation() -> None:
    assert not accused("Хозяин кафе на Кирова торгует выпечкой")
