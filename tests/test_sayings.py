"""Proverbs and set phrases call no one anything (moderation/sayings.py)."""

from __future__ import annotations

import pytest

from moderation.features import prepare
from moderation.lemmatize import lemma
from moderation.normalize import normalize
from moderation.sayings import sayings


def spans(text: str) -> list[str]:
    norm = normalize(text)
    lemmas = [lemma(w) for w in norm.words]
    return [" ".join(norm.words[a : b + 1]) for a, b in sayings(norm, lemmas)]


def test_a_saying_is_found_by_lemma_in_any_form():
    assert spans("В России две беды: дураки и дороги") == ["дураки и дороги"]
    assert spans("Сказка про Иванушку-дурачка") == ["иванушку дурачка"]
    assert spans("Его сделали козлом отпущения") == ["козлом отпущения"]


def test_a_gap_stands_for_a_few_words():
    assert spans("Паршивые овцы есть в любом стаде") == ["паршивые овцы есть в любом стаде"]


def test_punctuation_between_its_words_breaks_a_saying():
    assert spans("Иван, дурак, ты что творишь") == []


def test_a_pause_in_the_line_lets_a_comma_or_a_dash_stand_there():
    # «,» in a sayings.txt line: a proverb's two halves may be parted by a comma or a dash; elsewhere not
    assert spans("Бог не выдаст, свинья не съест") == ["бог не выдаст свинья не съест"]
    assert spans("Век живи — век учись, а дураком помрёшь") == ["век живи век учись а дураком помрешь"]
    assert spans("Бог не выдаст. Свинья не съест") == []  # (a full stop parts two sentences)
    assert spans("Дурак, не тот кто ошибается") == []


def test_a_text_without_one_has_none():
    assert spans("Дороги в городе разбиты") == []


@pytest.mark.parametrize(
    "text",
    [
        "В России две беды: дураки и дороги",
        "Дуракам закон не писан",
        "Паршивая овца всё стадо портит",
        "Заставь дурака Богу молиться — он и лоб расшибёт",
        "Каждой твари по паре",
        "Не мечите бисер перед свиньями",
        "Сказка про Иванушку-дурачка",
        "Его сделали козлом отпущения",
        "В семье не без урода",
        "Хрен редьки не слаще — что старый мэр, что новый",
        "Услужливый дурак опаснее врага",
        "Работа дураков любит",
        "Бог не выдаст, свинья не съест. Починят нам трубу",
        "Век живи — век учись, а дураком помрёшь: опять не ту квитанцию оплатила",
        "Дурак не тот, кто ошибается, а тот, кто ошибку не признаёт",
    ],
)
def test_sayings_stay_up(text, judge):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text", ["Иван, дурак, ты что творишь", "Ты дурак, а дуракам везёт", "Ты паршивая овца"]
)
def test_what_is_said_around_a_saying_or_to_someone_still_counts(text, judge):
    assert judge.judge(text).action == "delete_and_ban"


def test_a_saying_is_hidden_from_the_model_and_its_insult_hits_dropped():
    p = prepare("Паршивая овца всё стадо портит")
    assert not [h for h in p.hits if h.category == "insult"]
    assert {0, 1, 2, 3} <= set(p.unseen)  # «паршивая овца всё стадо»; «портит» stays seen


@pytest.mark.parametrize(
    "text",
    [
        "Хватит валять дурака, делайте дорогу",
        "Не делайте из нас дураков",
        "Администрация держит нас за дураков",
        "За дураков нас держат в этой управе",
        "Нас за быдло держат",
        "Мы остались в дураках с этим ремонтом",
        "Дураку понятно, что так нельзя",
    ],
)
def test_complaints_of_being_taken_for_fools_stay_up(text, judge):
    assert judge.judge(text).action == "allow"


def test_a_fool_held_by_the_hand_is_still_called_one(judge):
    assert judge.judge("Держи этого дурака за руку").action == "delete_and_ban"


@pytest.mark.parametrize("text", ["Казнить нельзя помиловать", "Зачем палить из пушки по воробьям?"])
def test_sayings_with_a_violent_verb_threaten_no_one(text, judge):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text", ["Вкалываем как проклятые", "Пашем как лошади за копейки", "Устала как собака"]
)
def test_how_hard_the_author_works_is_no_insult(text, judge):
    assert judge.judge(text).action == "allow"
