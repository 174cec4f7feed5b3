"""Tests for :mod:`moderation.spam`: rule signals, the rule score, features, simhash and the index.

The ham set is what a city page actually gets: complaints with phones, sums, addresses, dates and
shouting.  The bar for it is ``rule_score < SPAM_THRESHOLD`` (0.5): no single weak cue may decide.
"""

from __future__ import annotations

import itertools
import math
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.spam import (
    FEATURE_NAMES,
    SIGNAL_NAMES,
    SPAM_THRESHOLD,
    NearDuplicateIndex,
    SpamSignal,
    hamming,
    rule_score,
    simhash,
    spam_features,
    spam_score_rule,
    spam_signals,
)

# (text, signal names that must be present).  Every text must also reach SPAM_THRESHOLD.
SPAM_CASES: list[tuple[str, set[str]]] = [
    ("Заработок от 5000 в день без вложений! Пиши в лс", {"earnings", "money_offer", "pm_invite"}),
    (
        "Нужен человек для удаленного заработка. С вас телефон и 2 часа свободного времени. Для связи (+) в ЛС",
        {"earnings", "pm_invite"},
    ),
    (
        "Работа на дому, 1-2 часа в день, доход от 30 000 руб в месяц. Подробности в личку",
        {"earnings", "money_offer", "pm_invite"},
    ),
    (
        "Пассивный доход на крипте! Пишите в телеграм @crypto_invest_pro",
        {"earnings", "crypto", "messenger", "handle"},
    ),
    ("Переходи по ссылке t.me/zarabotok_online и начни зарабатывать уже сегодня", {"tg_link", "cta"}),
    ("Всем привет! Заходите в нашу группу vk.com/club123456, там много интересного", {"vk_club_link"}),
    ("Скидки до 70% только сегодня! bit.ly/3xYzAbc", {"shortener", "ads"}),
    ("Подробнее тут: clck.ru/34abcd", {"shortener"}),
    ("Лучшие предложения недели goo.su/AbCd", {"shortener"}),
    ("Пишите в ватсап +7 (928) 123-45-67, всё расскажу", {"messenger", "phone"}),
    ("Займы онлайн на карту без отказа и проверок! Одобрение 99%", {"loan"}),
    ("Кредит без отказа за 5 минут, поможем даже с плохой кредитной историей", {"loan"}),
    ("Микрозаймы до 30 000 рублей, звоните 8 800 555 35 35", {"loan", "phone"}),
    ("Спишем долги законно через банкротство физических лиц. Консультация 89281234567", {"loan", "phone"}),
    ("Онлайн казино Вулкан — фриспины за регистрацию! Промокод BONUS100", {"casino"}),
    ("Ставки на спорт с гарантией! Прогнозы от каппера, пиши в телегу", {"betting", "messenger"}),
    ("БК 1xbet дарит бонус на первый депозит", {"betting", "casino"}),
    ("Арбитраж криптовалюты, доходность 5% в день, выплаты в USDT", {"crypto"}),
    ("Инвестиции с доходностью 30% в месяц! Пишите в личные сообщения", {"crypto", "pm_invite"}),
    ("Биткоин растёт! Обучаю трейдингу, подробности в директ", {"crypto", "pm_invite"}),
    ("Девушки вашего города ждут знакомства 18+ на сайте знакомства.рф", {"dating", "url"}),
    ("Интим знакомства без обязательств, пиши @sweet_girl_22", {"dating", "handle"}),
    ("Кому скинуть мои 18+ фото без трусиков? 🔞 @Alina_xx_bot", {"dating", "handle"}),
    (
        "Потомственная гадалка. Приворот, снятие порчи, верну любимого. Звоните 8-928-765-43-21",
        {"magic", "phone"},
    ),
    ("Ясновидящая Анна поможет: сниму порчу и сглаз, гадаю на картах таро", {"magic"}),
    # Latin look-alikes inside Cyrillic words ("Зapaбoтoк" with Latin a, p, o).
    ("Зapaбoтoк нa kpиптe, пишите + в ЛС", {"earnings", "homoglyph", "pm_invite"}),
    (
        "Пpeдлaгaю yдaлeннyю paбoтy, дoxoд oт 3500 в нeдeлю, пишите мне в личку",
        {"earnings", "homoglyph", "money_offer", "pm_invite"},
    ),
    # Obfuscated links.
    ("Заходи vk . com/public987654 — розыгрыш айфона", {"vk_club_link"}),
    ("Канал с раздачами: t . me / freebies_channel", {"tg_link"}),
    ("Пишите на wa.me/79281234567 по всем вопросам", {"wa_link"}),
    ("Вступайте в чат chat.whatsapp.com/AbCdEf123", {"wa_link"}),
    ("Подробности на сайте super-zarabotok.ru/start, регистрация за минуту", {"url"}),
    ("Моя страница vk.com/id123456789, добавляйтесь в друзья", {"vk_club_link"}),
    (
        "Требуются сотрудники на удалённую работу, оплата от 2000 руб в день, пишите в лс",
        {"earnings", "money_offer", "pm_invite"},
    ),
    ("Набираю людей в команду, работа с телефона, обучение бесплатно, опыт не нужен", {"earnings"}),
    ("ЗАРАБОТОК!!! БЕЗ ВЛОЖЕНИЙ!!! 👍👍👍👍👍👍 ПИШИ В ЛС 🔥🔥🔥", {"earnings", "pm_invite", "emoji_flood"}),
    (
        "Грузоперевозки недорого, доставка по всей России, звоните 8(8793)33-33-33, пишите в вайбер",
        {"phone", "ads", "messenger"},
    ),
    ("Продам рекламу в канале, накрутка подписчиков недорого, пишите @promo_master", {"ads", "handle"}),
    (
        "Фальшивые купюры, не отличить от настоящих! Купюры принимает любой банкомат. @falsh_rub",
        {"illegal_goods", "handle"},
    ),
    ("Сайт знакомств для взрослых: www.love-date.online", {"dating", "url"}),
    (
        "Подпишись на мой инстаграм @beauty_master_pyat, маникюр со скидкой 50%",
        {"messenger", "handle", "ads"},
    ),
    ("Нужны люди на подработку, 1500 за смену, выплаты каждый день. Писать в лс", {"earnings", "pm_invite"}),
    ("Лучший букмекер! Ставки на футбол, фрибет 1000 рублей, ссылка в профиле", {"betting", "pm_invite"}),
    ("ЗАРАБОТОК ЗАРАБОТОК ЗАРАБОТОК ЗАРАБОТОК в интернете, пиши", {"repeat_flood", "earnings"}),
    ("Распродажа! Всё по 99 рублей, адрес магазина: goo.gl/maps/xyz123", {"shortener"}),
    ("Хочешь зарабатывать от 100$ в день? Жми на ссылку в профиле", {"earnings", "money_offer", "pm_invite"}),
    ("Earn $500 daily working from home, contact me on WhatsApp", {"earnings", "pm_invite"}),
    (
        "Ищу партнёров в команду, доход от 1000$ в неделю, наш интерес 20% от вашей прибыли. Пишите +",
        {"earnings", "money_offer", "pm_invite"},
    ),
    ("Напиши в поиске телеграма: QSK300 и получи бонус", {"messenger"}),
    ("Долги спишем законно! Банкротство под ключ, звоните 8 928 111 22 33", {"loan", "phone"}),
    ("Пишите на почту rabota.doma@mail.ru, высокая оплата, удалённая занятость", {"email", "earnings"}),
]

# Civic comments: complaints, questions, thanks, sharp criticism with numbers, addresses, dates,
# prices, quoted official phones and sites.  None may reach SPAM_THRESHOLD.
HAM_CASES: list[str] = [
    # a citizen asking for a private message is not spam on its own (review at most)
    "потеряла паспорт на вокзале, если кто найдет напишите пожалуйста в личку, буду очень благодарна",
    "Когда отремонтируют дорогу на ул. Ленина?",
    "В поликлинике невозможно записаться, звоню в регистратуру 8 (8793) 39-12-34, никто не берёт трубку",
    "Спасибо администрации за новый сквер!",
    "Зарплата учителей 20 тысяч — позор",
    "Кредит доверия к власти исчерпан",
    "ПОЧЕМУ НЕТ ВОДЫ?!",
    "Бюджет на ремонт 1 500 000 рублей, а сделали на копейку",
    "Дом 12, кв 45 — третий день без отопления, управляющая компания не отвечает",
    "Маршрут 1 не ходит с 6 утра, люди опаздывают на работу",
    "На ул. Мира 8 прорвало трубу, вода течёт по улице с 12.05.2023",
    "Почему на Гоголя, 15 до сих пор не вывезли мусор? Обещали до 20 числа",
    "Порча имущества на детской площадке — кто будет отвечать?",
    "Арбитражный суд признал управляющую компанию банкротом, что теперь будет с домом?",
    "Записаться к врачу через Госуслуги невозможно, нет свободных слотов",
    "Проезд в автобусе подорожал до 45 рублей, а пенсия 15 тысяч в месяц",
    "Парковка в центре 50 рублей в час — это грабёж",
    "Сколько можно ждать? 2023 год, а у нас до сих пор нет газа в посёлке Энка",
    "Подайте заявление через сайт gosuslugi.ru, мне помогло",
    "Телефон горячей линии администрации 8 (8793) 33-33-33, звоните, если нет воды",
    "КОГДА УЖЕ ПОЧИНЯТ СВЕТОФОР НА ПЕРЕКРЁСТКЕ КИРОВА И ПУШКИНА, СКОЛЬКО МОЖНО ЖДАТЬ, ДЕТИ ХОДЯТ В ШКОЛУ",
    "Спасибо!!! Наконец-то сделали дорогу 👍👍👍",
    "Мэр обещал 300 новых мест в детсадах к сентябрю 2024 года",
    "Дети учатся во вторую смену, школа №5 переполнена",
    "Лицевой счёт л/с 8928123456, начисления за воду завышены в 2 раза",
    "Пенсионерам обещали выплаты до 10 тысяч, где они?",
    "Вакансии в МФЦ с зарплатой от 25 тысяч в месяц — кто пойдёт на такие деньги?",
    "Моя мама 40 лет отработала на заводе, а получает копейки. Заработать на нормальную жизнь в нашем городе невозможно",
    "Администрация, ответьте в личные сообщения по моему обращению №1234",
    "Работаю удалённо, интернет постоянно пропадает, Ростелеком не реагирует",
    "Ставки ЖКХ опять подняли, платим по 8 тысяч в месяц за двушку",
    "Процентная ставка по ипотеке для молодых семей 6%, а квартиры по 5 млн",
    "Будет ли списание долгов за капремонт для пенсионеров?",
    "Гадание на кофейной гуще, а не планирование — так работает наш горсовет",
    "К гадалке не ходи — опять деньги распилят",
    "На Машуке опять мусор после выходных, туристы оставляют бутылки",
    "Когда откроют бассейн? Дети ждут с 1 июня",
    "Ул. Козлова, д. 28, подъезд 3 — лифт не работает уже 2 недели!!!!!!!!",
    "Предлагаю установить лавочки в парке Цветник, пенсионерам негде отдохнуть",
    "Почему на сайте pyatigorsk.org нет информации о графике отключений?",
    "Мой телефон 8 928 123 45 67, жду звонка от управляющей компании по поводу протечки",
    "Набор в первый класс начался? На сайте школы ничего нет",
    "Требуются ли дворники в МУП? Готов работать",
    "Хватит тратить деньги на плитку! Лучше бы школы отремонтировали",
    "Сегодня в 18:00 на площади концерт, вход свободный, 0+",
    "Цены в магазинах выросли на 20% за год, а зарплаты нет",
    "Дорогу на Февральской перекопали в третий раз за год, 3 млн рублей в землю",
    "В телеграм-канале администрации написали, что воду дадут к вечеру",
    "Дайте номер участкового, соседи шумят каждую ночь",
    "Это не кредит, а кабала: ипотека под 18% для молодой семьи",
    "Кто отвечает за освещение на улице Калинина? Третий месяц темно",
    "Воду дают 2 часа в день, в 21 веке!",
    "Отключение света с 9.00 до 17.00 по ул. Пушкина 1-25",
    "Заявка № 8928123456 висит с марта, никто не приехал",
    "Освободите пенсионеров от долгов за капремонт, им и так тяжело",
    "Позвоните в ЕДДС 112 или 8 (8793) 97-30-30, там ответят",
    "Нужны люди на субботник в субботу, собираемся у школы в 10:00",
    "Ремонт дороги на Малиновского обошёлся в 12 500 000 рублей",
    "Автобус №113 ходит раз в час, а должен каждые 15 минут",
]


def _names(text: str) -> set[str]:
    return {s.name for s in spam_signals(text)}


def _check_spans(text: str, signals: list[SpamSignal]) -> None:
    for s in signals:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.quote == text[s.start : s.end]
        assert 0.0 <= s.weight <= 1.0
        assert s.name in SIGNAL_NAMES


# --- spam positives ------------------------------------------------------------------------------


def test_case_counts() -> None:
    assert len(SPAM_CASES) >= 40
    assert len(HAM_CASES) >= 40


@pytest.mark.parametrize(("text", "expected"), SPAM_CASES, ids=[t[:40] for t, _ in SPAM_CASES])
def test_spam_positives(text: str, expected: set[str]) -> None:
    signals = spam_signals(text)
    _check_spans(text, signals)
    assert expected <= {s.name for s in signals}
    assert rule_score(signals) >= SPAM_THRESHOLD


@pytest.mark.parametrize("text", HAM_CASES, ids=[t[:40] for t in HAM_CASES])
def test_civic_negatives(text: str) -> None:
    signals = spam_signals(text)
    _check_spans(text, signals)
    assert rule_score(signals) < SPAM_THRESHOLD, [(s.name, s.quote, s.weight) for s in signals]


@pytest.mark.parametrize(
    "text",
    ["сиди дома и не пиши сюда больше", "пиши сюда чаще, интересно читать", "не звоните им, это мошенники"],
)
def test_a_negated_or_friendly_invitation_is_no_invitation(text: str) -> None:
    assert not [s for s in spam_signals(text) if s.name in ("pm_invite", "messenger", "cta")]


def test_an_invitation_pointing_somewhere_still_is_one() -> None:
    assert {"pm_invite"} <= {s.name for s in spam_signals("Работа на дому, пишите сюда 👇")}


# --- individual detectors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "+7 (928) 123-45-67",
        "8 928 123 45 67",
        "89281234567",
        "+7-928-123-45-67",
        "+79281234567",
        "8(8793)33-33-33",
        "8 (8793) 39-12-34",
        "+7 (8793) 33-33-33",
        "8-800-555-35-35",
        "928 123 45 67",
        "8 9 2 8 1 2 3 4 5 6 7",
    ],
)
def test_phone_formats(phone: str) -> None:
    text = f"звоните {phone} в любое время"
    phones = [s for s in spam_signals(text) if s.name == "phone"]
    assert len(phones) == 1
    assert phones[0].quote == phone


@pytest.mark.parametrize(
    "text",
    [
        "Бюджет 1 500 000 рублей",
        "В 2019 2020 2021 годах ничего не делали",
        "Отключение 12.05.2023 с 10.00 до 17.00",
        "дом 12, кв 45",
        "маршрут 1 и маршрут 113",
        "ул. Мира 8",
        "Выделили 79 000 000 000 рублей",
        "ИНН 2632033682",
        "номер карты 2202 2005 1234 5678",
        "лицевой счёт л/с 8928123456",
        "Потратили 9 350 000 000 на дороги",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert "phone" not in _names(text)


def test_two_phones_in_a_row() -> None:
    text = "89281234567 89281234568"
    assert [s.quote for s in spam_signals(text) if s.name == "phone"] == ["89281234567", "89281234568"]


def test_phone_alone_is_weak_but_compounds_with_invitation() -> None:
    alone = spam_score_rule("Телефон регистратуры 8 (8793) 39-12-34, никто не берёт трубку")
    assert 0 < alone < SPAM_THRESHOLD
    combined = spam_score_rule("Подработка, звоните 8 (928) 123-45-67 или пишите в лс")
    assert combined >= SPAM_THRESHOLD


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("https://bit.ly/abc", "shortener"),
        ("tinyurl.com/yrd86r5b", "shortener"),
        ("vk.cc/cAbCd", "shortener"),
        ("https://t.me/+dGA3mE_zk-EwZThk", "tg_link"),
        ("telegram.me/somechannel", "tg_link"),
        ("wa.me/79281234567", "wa_link"),
        ("https://vk.com/public123", "vk_club_link"),
        ("ok.ru/group/54321", "vk_club_link"),
        ("http://example.com/page?x=1", "url"),
        ("пятигорск-новости.рф", "url"),
        ("vk точка com/club5", "vk_club_link"),
        ("t . me/channel", "tg_link"),
    ],
)
def test_link_kinds(text: str, name: str) -> None:
    sigs = spam_signals(f"смотрите {text} скорее")
    assert name in {s.name for s in sigs}


def test_official_links_are_weak() -> None:
    sigs = spam_signals("Запишитесь на https://www.gosuslugi.ru/10066/1 или на pyatigorsk.org")
    assert sigs and all(s.name == "url" and s.weight <= 0.15 for s in sigs)


@pytest.mark.parametrize(
    "link",
    [
        "https://minzdrav.stavregion.ru/news",
        "https://gzhi.stavkray.ru",
        "https://dumapyatigorsk.ru",
        "https://za.gorodsreda.ru",
        "https://www.culture.ru/afisha",
    ],
)
def test_the_regions_and_the_citys_own_sites_are_official(link: str) -> None:
    # (round 28: residents pointing to the regional ministries or the city duma were held as a lone link)
    sigs = spam_signals(f"Прочитала на {link} про это, а у нас говорят другое")
    assert sigs and all(s.name == "url" and s.weight <= 0.15 for s in sigs)


def test_vk_reply_markup_is_not_a_link() -> None:
    assert spam_signals("[id123456|Иван], согласен с вами") == []


def test_email_is_not_a_handle_or_domain() -> None:
    sigs = spam_signals("пишите на ivan.petrov@mail.ru")
    assert [s.name for s in sigs] == ["email"]


def test_no_link_in_plain_sentences() -> None:
    for text in ["т.е. ничего не сделали", "г.Пятигорск, ул.Ленина", "См. п.5 постановления", "Это 1.5 млн"]:
        assert not (_names(text) & {"url", "shortener", "tg_link", "wa_link", "vk_club_link"}), text


def test_credit_needs_loan_context() -> None:
    assert "loan" not in _names("кредит доверия к власти исчерпан")
    assert "loan" not in _names("Ренессанс Кредит закрыл отделение на Кирова")
    assert "loan" in _names("кредит без отказа и справок")


def test_civic_lookalikes_are_silent() -> None:
    assert "magic" not in _names("порча имущества на детской площадке")
    assert "crypto" not in _names("арбитражный суд рассмотрел иск")
    assert "casino" not in _names("нет свободных слотов для записи к врачу")
    assert "pm_invite" not in _names("ошибка в л/с за прошлый месяц")


def test_caps_alone_is_weak() -> None:
    short = spam_signals("ПОЧЕМУ НЕТ ВОДЫ?!")
    assert short == []
    long = "ДОКОЛЕ МЫ БУДЕМ ТЕРПЕТЬ ЭТО БЕЗОБРАЗИЕ С ВОДОЙ В НАШЕМ РАЙОНЕ ТРЕТЬЮ НЕДЕЛЮ ПОДРЯД БЕЗ ВОДЫ"
    sigs = spam_signals(long)
    assert [s.name for s in sigs] == ["caps_flood"]
    assert rule_score(sigs) < 0.3


def test_emoji_flood() -> None:
    assert "emoji_flood" in _names("Успей 🔥🔥🔥🔥🔥 пока не поздно")
    assert "emoji_flood" not in _names("Спасибо 👍👍")


def test_repeat_floods_are_weak() -> None:
    for text in ["Урааааааааа, наконец-то!", "Сколько можно????????", "Ну ну ну ну, посмотрим"]:
        sigs = spam_signals(text)
        assert [s.name for s in sigs] == ["repeat_flood"], text
        assert rule_score(sigs) < 0.35


def test_homoglyph_single_word_is_weak() -> None:
    sigs = spam_signals("Мepзкая ситуация с дорогами")
    assert [s.name for s in sigs] == ["homoglyph"]
    assert rule_score(sigs) < SPAM_THRESHOLD


def test_signals_inside_links_are_not_double_counted() -> None:
    names = [s.name for s in spam_signals("t.me/zarabotok_kredit")]
    assert names == ["tg_link"]


# --- rule score ----------------------------------------------------------------------------------


def _sig(name: str, weight: float, quote: str = "x") -> SpamSignal:
    return SpamSignal(name, 0, len(quote), quote, weight)


def test_rule_score_noisy_or() -> None:
    assert rule_score([]) == 0.0
    assert rule_score([_sig("phone", 0.3)]) == pytest.approx(0.3)
    assert rule_score([_sig("phone", 0.3), _sig("pm_invite", 0.6)]) == pytest.approx(1 - 0.7 * 0.4)
    # A second, different hit of the same name counts at half weight; an identical quote not at all.
    assert rule_score([_sig("earnings", 0.4, "a"), _sig("earnings", 0.4, "b")]) == pytest.approx(
        1 - 0.6 * 0.8
    )
    assert rule_score([_sig("earnings", 0.4, "a"), _sig("earnings", 0.4, "A")]) == pytest.approx(0.4)
    # Only the three strongest distinct hits of one name count.
    many = [_sig("dating", 0.25, f"q{i}") for i in range(10)]
    assert rule_score(many) == pytest.approx(1 - 0.75 * 0.875 * 0.875)


@given(st.lists(st.tuples(st.sampled_from(SIGNAL_NAMES), st.floats(0, 1)), max_size=12))
def test_rule_score_bounded_and_monotone(items: list[tuple[str, float]]) -> None:
    sigs = [_sig(n, w, f"q{i}") for i, (n, w) in enumerate(items)]
    score = rule_score(sigs)
    assert 0.0 <= score <= 1.0
    assert score >= max((w for _, w in items), default=0.0) - 1e-9
    assert rule_score([*sigs, _sig("url", 0.5, "extra")]) >= score - 1e-9


# --- features ------------------------------------------------------------------------------------


def test_features_fixed_keys() -> None:
    for text in ["", "привет", SPAM_CASES[0][0], HAM_CASES[1]]:
        feats = spam_features(text)
        assert tuple(feats) == FEATURE_NAMES
        assert all(isinstance(v, float) and math.isfinite(v) for v in feats.values())
    text = SPAM_CASES[0][0]
    sigs = spam_signals(text)
    assert spam_features(text, sigs) == spam_features(text)
    assert spam_features(text)["rule_score"] == pytest.approx(rule_score(sigs))
    assert spam_features(text)["sig_pm_invite"] > 0


# --- property tests ------------------------------------------------------------------------------

_PIECES = [
    *"аеорсухкмтнвбзАЕОРСХКМТНВЗaeopcyxkmtnbАЁёİßﬁ0123456789 +-().,/:@#$%!?\n\t_*➕🔞🔥👍\u200d\ufe0f",
    *[
        "t.me/",
        "vk.com/",
        "в лс",
        "пиши",
        "8 928",
        "+7",
        "заработок",
        "http://",
        "www.",
        "точка",
        "рф",
        "18+",
        "восемь ",
        "девять ",
        "з а й м ы ",
        "89оЗ",
        "звоните",
        "займ ",
    ],
]
_TRICKY = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _TRICKY))
def test_any_text_never_raises_and_spans_are_exact(text: str) -> None:
    signals = spam_signals(text)
    _check_spans(text, signals)
    feats = spam_features(text, signals)
    assert tuple(feats) == FEATURE_NAMES
    assert all(math.isfinite(v) for v in feats.values())
    assert 0 <= simhash(text) < 2**64


def test_non_str_input_is_tolerated() -> None:
    assert spam_signals(None) == []  # type: ignore[arg-type]
    assert spam_signals("") == []


# --- simhash -------------------------------------------------------------------------------------

_LONG = (
    "Внимание всем жителям города! Открыт набор в команду для удалённой работы с телефона. "
    "Нужно всего два часа свободного времени в день, обучение бесплатное, опыт не нужен. "
    "Выплаты каждый день на карту любого банка. Количество мест ограничено, успейте занять своё место, "
    "пишите плюс в личные сообщения и я расскажу все подробности"
)


def test_simhash_identical_and_normalised() -> None:
    assert hamming(simhash(_LONG), simhash(_LONG)) == 0
    # Case, ё/е, punctuation, digits and Latin look-alikes do not matter.
    assert simhash(_LONG) == simhash(_LONG.upper())
    assert simhash("Ещё 5 минут!!! жду ответа от вас сегодня") == simhash(
        "еще минут, жду ответа от вас сегодня"
    )
    assert simhash("Зapaбoтoк дома для всех желающих") == simhash("Заработок дома для всех желающих")


def test_simhash_one_word_edit_is_small() -> None:
    words = _LONG.split()
    dists = []
    for i in range(len(words)):
        edited = [*words[:i], "корова", *words[i + 1 :]]
        dists.append(hamming(simhash(_LONG), simhash(" ".join(edited))))
    assert max(dists) <= 14
    assert sum(dists) / len(dists) <= 8


def test_simhash_unrelated_is_large() -> None:
    texts = [t for t, _ in SPAM_CASES] + HAM_CASES
    dists = [hamming(simhash(a), simhash(b)) for a, b in itertools.combinations(texts, 2)]
    assert min(dists) >= 14
    assert 26 <= sum(dists) / len(dists) <= 38


def test_simhash_bits() -> None:
    for bits in (1, 8, 13, 32, 64, 128, 256):
        h = simhash(_LONG, bits)
        assert 0 <= h < 2**bits
    assert simhash("", 64) == 0
    with pytest.raises(ValueError):
        simhash("x", 0)


def test_hamming() -> None:
    assert hamming(0, 0) == 0
    assert hamming(0b1011, 0b0001) == 2
    assert hamming(2**64 - 1, 0) == 64


# --- near-duplicate index ------------------------------------------------------------------------


def test_index_finds_near_duplicates() -> None:
    idx = NearDuplicateIndex()
    idx.add("vk:1", _LONG)
    idx.add("ok:7", "Спасибо администрации за новый сквер на улице Ленина, дети очень довольны")
    # Same text re-posted with another case, emoji, digits and punctuation: distance 0.
    found = idx.find(_LONG.upper() + " 🔥🔥 8 928 123 45 67!!!")
    assert found == [("vk:1", 0)]
    assert idx.find("Когда наконец починят лифт в доме номер двенадцать на Пушкина") == []


def test_index_one_word_edit_with_wider_radius() -> None:
    idx = NearDuplicateIndex(max_distance=12)
    idx.add("a", _LONG)
    edited = _LONG.replace("банка", "банкомата")
    d = hamming(simhash(_LONG), simhash(edited))
    assert 0 < d <= 12
    assert idx.find(edited) == [("a", d)]


def test_index_min_tokens() -> None:
    idx = NearDuplicateIndex(min_tokens=4)
    idx.add("k", "Спасибо большое!")
    assert len(idx) == 0
    assert idx.find("Спасибо большое!") == []


def test_index_eviction_and_replacement() -> None:
    texts = [
        "Первый текст про ремонт дороги на улице Ленина в этом году",
        "Второй текст про вывоз мусора во дворе дома на Кирова",
        "Третий текст про отключение горячей воды в микрорайоне Бештау",
    ]
    idx = NearDuplicateIndex(max_items=2)
    for i, t in enumerate(texts):
        idx.add(f"k{i}", t)
    assert len(idx) == 2
    assert "k0" not in idx
    assert idx.find(texts[0]) == []
    assert idx.find(texts[2]) == [("k2", 0)]
    idx.add("k1", texts[2])  # re-adding a key replaces its text
    assert len(idx) == 2
    assert idx.find(texts[1]) == []
    assert sorted(idx.find(texts[2])) == [("k1", 0), ("k2", 0)]


def test_index_lookup_is_sublinear() -> None:
    rng = random.Random(7)
    idx = NearDuplicateIndex(max_distance=6)
    for i in range(5000):
        idx.add_hash(f"k{i}", rng.getrandbits(64))
    target = rng.getrandbits(64)
    idx.add_hash("target", target)
    assert ("target", 1) in idx.find_hash(target ^ (1 << 40))
    assert idx.last_candidates < 500  # a few band-mates, not 5001 comparisons


def test_index_huge_radius_falls_back_to_scan() -> None:
    idx = NearDuplicateIndex(max_distance=64)
    idx.add_hash("a", 0)
    assert idx.find_hash(2**64 - 1) == [("a", 64)]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**64 - 1), st.lists(st.integers(0, 63), max_size=6, unique=True))
def test_index_finds_every_hash_within_radius(h: int, flips: list[int]) -> None:
    idx = NearDuplicateIndex(max_distance=6)
    idx.add_hash("x", h)
    probe = h
    for b in flips:
        probe ^= 1 << b
    assert idx.find_hash(probe) == [("x", len(flips))]


# --- speed ---------------------------------------------------------------------------------------


def test_speed_sanity() -> None:
    """Loose guard against regressions that would break the 3,000 comments/s budget (CI is noisy)."""
    texts = [t for t, _ in SPAM_CASES] + HAM_CASES
    for t in texts:  # warm caches
        spam_signals(t)
    start = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for t in texts:
            spam_signals(t)
    per_call = (time.perf_counter() - start) / (rounds * len(texts))
    assert per_call < 1e-3


# --- data files and the shared look-alike table ------------------------------------------------


def test_spam_phrases_are_data_and_malformed_data_is_refused(tmp_path):
    from moderation.spam import SPAM_DATA_DIR, SpamDataError, load_phrases

    macros, entries = load_phrases(SPAM_DATA_DIR / "phrases.txt")
    assert "LS" in macros and len(entries) > 100
    bad = tmp_path / "phrases.txt"
    for text, msg in [
        ("[phrases]\nnosuchsignal 0.5 word\n", "unknown signal"),
        ("[phrases]\nloan 0.5 @NOPE\n", "unknown head list"),
        ("[phrases]\nloan 0.5 займ tail={NOPE}\n", "unknown macro"),
        ("[phrases]\nloan x займ\n", "weight"),
        ("займ\n", "outside a section"),
    ]:
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(SpamDataError, match=msg):
            load_phrases(bad)


def test_spam_and_normalisation_read_look_alikes_from_one_table():
    from moderation import lookalikes, normalize, spam

    assert normalize._FOLD is lookalikes.FOLD
    for ch, cyr in lookalikes.shape_table().items():
        assert lookalikes.FOLD[ch] == cyr
        assert ch.translate(spam._TO_CYR_TABLE) == cyr
    # inside mixed-script words an upper-case Latin H is an н in both: "HА ДOMY" is "на дому"
    assert [s.name for s in spam_signals("Работа H\u0410 ДOMY, пиши в лс")].count("earnings") == 1


def test_the_administrations_channel_shared_by_a_citizen_is_held_at_most(judge):
    v = judge.judge("В телеграм-канале администрации пишут про отключение воды, ссылка t.me/pyatigorsk_adm")
    assert v.action in ("review", "allow"), (v.action, v.ground)


def test_a_messenger_named_as_the_label_of_a_link_is_a_contact():
    assert any(
        s.name == "messenger" and s.weight > 0.1 for s in spam_signals("Telegram: https://t.me/SlaptheJEET")
    )


@pytest.mark.parametrize("text", ["Выплачу ваши кредиты, звоните", "Закроем ваши долги законно, пишите"])
def test_a_debt_scheme_offered_to_the_reader_is_loan_spam_evidence(text):
    assert any(s.name == "loan" for s in spam_signals(text))


@pytest.mark.parametrize("text", ["Погасите долги за ЖКХ до 25 числа", "Выплачивают ли пенсии досрочно?"])
def test_a_notice_to_pay_and_a_pension_question_are_no_loan_spam(text):
    assert not any(s.name == "loan" for s in spam_signals(text))


@pytest.mark.parametrize(
    "text",
    [
        "Крипта растёт, вложил 10 тысяч — получил 100, пишите научу",
        "Ремонт квартир под ключ, недорого, гарантия, смотрите группу",
        "Розыгрыш iPhone: подпишись, поставь лайк, сделай репост",
        "Розыгрыш iPhone! Подпишись, поставь лайк и сделай репост",
        "Розыгрыш 5000 рублей!!! Условия: лайк, репост, подписка",
    ],
)
def test_a_boasted_return_a_turnkey_service_and_a_giveaway_are_spam(judge, text):
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Вложил 5 лет жизни в этот сад, а получил вырубку",
        "Смотрите группу администрации, там расписание",
        "А где условия розыгрыша? Подписалась, репост сделала",
        "Итоги розыгрыша объявят в пятницу. Подпишитесь на уведомления, чтобы не пропустить",
        "Ремонт дороги под ключ сдали в срок",
    ],
)
def test_a_life_invested_the_administrations_group_and_a_giveaways_entrant_are_not(judge, text):
    assert judge.judge(text).action == "allow"


def test_a_plea_for_money_with_a_phone_is_held_not_banned(judge):
    v = judge.judge("Сбор на лечение Маши, любая сумма поможет, сбербанк 89280000000")
    assert v.action == "review" and "сбор денег" in v.ground, (v.action, v.ground)


def test_a_collection_offering_work_is_still_spam(judge):
    v = judge.judge("Заработок от 5000 в день, сбор команды на проект помощи, пиши в лс")
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Ищу подработку по вечерам, хотя бы 1000 в день",
        "Подскажите с подработкой 2-3 тыс в день в Пятигорске",
    ],
)
def test_asking_for_work_is_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


def test_recruiting_for_work_is_spam(judge):
    assert "spam" in judge.judge("Ищу людей на подработку, от 2000 в день").labels


@pytest.mark.parametrize(
    "text", ["Вступайте в нашу группу, там розыгрыш айфона", "Заходи к нам в группу, там скидки на всё"]
)
def test_a_group_joined_for_prizes_or_discounts_is_not_let_through(judge, text):
    assert judge.judge(text).action != "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Вступайте в группу добровольцев, нужна помощь с уборкой парка",
        "Вступайте в группу «Чистый Пятигорск», в субботу акция по уборке",
        "Вступайте в группу школы, там конкурс рисунков ко Дню города",
    ],
)
def test_a_group_joined_to_help_or_to_take_part_is_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    ["Купим ваш автомобиль дорого, в любом состоянии", "Куплю ваш автомобиль дорого"],
)
def test_buying_up_dear_is_an_offer(judge, text):
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text", ["Купил дорого, а через неделю сломалось", "Выезд бесплатный? Или надо платить?"]
)
def test_a_dear_purchase_and_a_question_about_the_visit_are_no_offers(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    ["Подписывайтесь на наш канал, там вся правда о городе!", "Подпишись на мой блог, там про Пятигорск"],
)
def test_the_authors_own_channel_promoted_is_spam_evidence_enough_to_hold(judge, text):
    assert any(s.name == "cta" and s.weight >= 0.5 for s in spam_signals(text))
    assert judge.judge(text).action != "allow"


def test_a_channel_someone_follows_is_no_promotion(judge):
    assert judge.judge("Подписалась на ваш канал, спасибо за новости").action == "allow"


@pytest.mark.parametrize(
    "text",
    ["Приглашаю в свою команду, работа с телефона", "Подработка на телефоне, 2 часа в день, пиши в лс"],
)
def test_network_marketing_recruiting_is_spam(judge, text):
    assert judge.judge(text).action in ("delete", "delete_and_ban")


@pytest.mark.parametrize(
    "text",
    [
        "Приглашаем в нашу команду волонтёров, помогаем пенсионерам",
        "Работа с телефонами требует аккуратности",
        "У меня проблемы с телефоном, не могу записаться к врачу",
    ],
)
def test_volunteers_invited_or_a_phone_talked_of_are_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Натяжные потолки от 250 руб/м2, замер бесплатно",
        "Ремонт холодильников на дому, недорого, с гарантией",
        "Исправлю кредитную историю, гарантия, анонимно",
    ],
)
def test_a_price_per_unit_an_offers_promises_and_a_credit_record_mended_are_offers(judge, text):
    assert judge.judge(text).action != "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Сделали быстро и недорого, спасибо мастеру из ЖЭУ",
        "Штраф от 500 рублей за парковку на газоне",
        "Сначала нужно исправить кредитную историю и погасить все долги.",
        "При монтаже и обслуживании ветряков погибло много людей",
        "Мастер приехал быстро, сделал качественно, с гарантией на год — рекомендую",
    ],
)
def test_thanks_a_fine_advice_and_news_are_no_offers(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Ищу сиделку для мамы, оплата договорная, пишите в личку",
        "Нужен репетитор по математике, оплата договорная, пишите в лс",
        "Ищу сантехника, срочно, звоните 89280001122",
    ],
)
def test_a_household_seeking_a_helper_buys_a_service_and_is_never_banned_for_spam(judge, text):
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Подвезу до аэропорта Минвод в субботу утром, за бензин пополам, звоните 89283334455",
        "Могу возить пенсионеров в поликлинику бесплатно, у меня машина, пишите в личку",
        "Сантехник, живу на Бештаугорской, соседям недорого, 8-928-111-22-33",
    ],
)
def test_a_private_offer_to_neighbours_is_held_not_deleted(judge, text):
    v = judge.judge(text)
    assert v.action == "review" and "соседям" in v.ground, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Соседи, продам коляску, 3000, звоните 89283334455",
        "Живу в Пятигорске, зарабатываю 5000 в день не выходя из дома, пишите в лс",
        "Ремонт квартир недорого, соседям скидка, звоните 89281112233",
        "Бесплатная консультация юриста, звоните 89281112233",
    ],
)
def test_a_sale_a_business_or_an_income_told_as_a_neighbour_is_still_spam(judge, text):
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Продаю самокат, сын вырос из него, 1500 р, забирать на Бульварной, пишите в лс",
        "Продам туфли 38 размер, не подошли, 2000, звоните 89280001122",
        "Продам диван в связи с переездом, 89280001122",
    ],
)
def test_a_household_selling_its_own_thing_is_held_not_deleted(judge, text):
    v = judge.judge(text)
    assert v.action == "review" and "своей вещи" in v.ground, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Продаю iPhone 15 новый, 60 000, самовывоз, пишите в лс",
        "Продаю б/у шины оптом, сын вырос — бизнес расширяем, звоните 89280001122",
    ],
)
def test_a_shops_sale_is_still_spam(judge, text):
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Ищу мастеров ногтевого сервиса в салон в центре, подробности в лс, аренда рабочего места 8000",
        "Ищу мастера маникюра на удалёнку, доход от 50 000, пиши в лс",
        "Ищу людей в команду, пишите в личку",
    ],
)
def test_recruiting_for_a_business_or_for_pay_is_still_spam(judge, text):
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Горячая линия по отоплению: 8-800-100-00-00, звоните, там отвечают",
        "Скидка 50% на проезд для пенсионеров с 1 января, подробности в МФЦ",
        "Телефон участкового: 8-928-111-22-33, он реально помогает",
    ],
)
def test_a_service_line_and_a_fare_benefit_passed_on_are_no_adverts(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Займы онлайн, горячая линия 8-800-000-00-00, звоните",
        "Скидка 30% на натяжные потолки, звоните 89280001122",
    ],
)
def test_a_loan_hotline_and_a_discount_on_goods_are_still_spam(judge, text):
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "Контакты у меня на странице, кому надо — пишите",
        "Я за полгода вышла на доход 200к из дома, рассказываю как в своём профиле",
        "Кто хочет похудеть на 10 кг — пишите мне, поделюсь секретом",
    ],
)
def test_an_invitation_to_the_authors_page_or_secret_is_a_pm_invite(text):
    assert any(s.name == "pm_invite" for s in spam_signals(text))


def test_a_made_up_domain_with_spaces_round_its_dot_is_a_link():
    assert any(s.name == "url" for s in spam_signals("проверь себя на gos-vyplaty26 . ru"))
    assert not any(s.name == "url" for s in spam_signals("зайди на site . com"))


# --- an offer with a call to act, disguised phones, spelled-out words (round 28) -------------------

_REMOVED = ("delete", "delete_and_ban")


@pytest.mark.parametrize(
    "text",
    [
        "Удвою ваши USDT за сутки, отправь 100 на кошелёк и получи 200, пиши",
        "Эфириум x2 за 12 часов! Переведи 0.5 ETH на кошелек и получишь 1 ETH назад",
        "Приумножу ваши деньги в 3 раза за неделю, переводи на карту, результат гарантирую",
    ],
)
def test_money_multiplied_for_the_reader_is_spam(judge, text):
    v = judge.judge(text)
    assert v.action in _REMOVED and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Удвоение тарифов за 2 года — это грабёж",
        "Отправьте претензию на адрес компании и получите деньги обратно, так по закону",
        "Мошенники пишут: переведи деньги на карту, получишь в два раза больше. Не ведитесь!",
        "Переведите деньги на карту фонда «Русфонд», реквизиты на сайте, помогите Маше",
    ],
)
def test_tariffs_doubled_a_refund_and_a_scam_warned_of_are_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Обряды на любовь и деньги, ведунья в пятом поколении, помощь бесплатно",
        "Снятие венца безбрачия, консультация бесплатно",
        "Ритуалы на удачу и богатство, гадаю на картах таро, пишите",
    ],
)
def test_rites_for_luck_and_a_curse_lifted_are_magic_spam(judge, text):
    assert any(s.name == "magic" and s.weight >= 0.5 for s in spam_signals(text))
    v = judge.judge(text)
    assert v.action in _REMOVED and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Сходила к гадалке ради интереса, ерунда полная",
        "Оч похоже на ритуал вуду, нужно описание получше",
        "Обряд крещения в храме на Горячей горе в воскресенье",
    ],
)
def test_a_fortune_teller_visited_and_a_rite_told_of_are_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Есть возможность заработка, не сетевой, не продажи. Кому интересно — ставь +",
        "Предлагаю дополнительный доход, 2 часа в день. Ставь + и я напишу",
        "Займ без отказа, звоните прямо сейчас",
        "Деньги в долг под 0%! первый займ бесплатно, переходи в группу",
    ],
)
def test_an_offer_with_a_call_to_act_is_spam(judge, text):
    assert any(s.name in ("pm_invite", "cta") for s in spam_signals(text))
    v = judge.judge(text)
    assert v.action in _REMOVED and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Ставьте + кто за то, чтобы сделали нормальную остановку",
        "Поздравляю всех с праздником! Интересно — ставь + кто тоже был на параде",
        "У молодёжи нет возможности заработка в нашем городе",
        "Это не сетевой магазин, а частная лавка, там дешевле",
        "Займы без отказа — это кабала. Пишите, кто попал, будем вместе судиться",
        "Мошенники предлагают займы без проверок, не звоните им!",
        "Звоните в ЕДДС 112, если прорвало трубу",
    ],
)
def test_a_poll_a_complaint_and_a_call_without_an_offer_are_no_spam(judge, text):
    assert judge.judge(text).action == "allow"


def test_a_call_to_act_is_a_contact_only_with_an_offer():
    assert not any(s.name == "pm_invite" for s in spam_signals("Звоните прямо сейчас, пока открыто"))
    assert not any(
        s.name == "pm_invite" for s in spam_signals("Казино в центре надо закрыть! Пишите, кто согласен")
    )
    assert not any(
        s.name == "pm_invite" for s in spam_signals("Где взять займ без отказа? Звоните, кто знает?")
    )
    assert any(s.name == "pm_invite" for s in spam_signals("Займ без отказа, звоните прямо сейчас"))


@pytest.mark.parametrize(
    "phone",
    [
        "89оЗ 123 45 67",
        "8 9I8 7оо 22 33",
        "вoceмь 9I8 7оо 22 33",
        "восемь девять два восемь 123 45 67",
        "8 (928) ноль-ноль-ноль 12 34",
        "восемь девять два восемь три ноль пять ноль ноль один два",
    ],
)
def test_disguised_phones_are_phones(phone: str) -> None:
    text = f"Шиномонтаж недорого, звоните: {phone}"
    sigs = spam_signals(text)
    _check_spans(text, sigs)
    assert [s.quote for s in sigs if s.name == "phone"] == [phone]
    assert any(s.name == "homoglyph" and s.quote == phone for s in sigs)  # the disguise is evidence too


@pytest.mark.parametrize(
    "text",
    [
        "Ремонт дороги обошёлся в 2о млн рублей",
        "Посчитай: один, два, три, четыре, пять — вышел зайчик погулять",
        "Адрес: ул. Ленина 2о, кв 1З, звоните в домофон",
        "Купили два 5-этажных дома за 300 млн",
    ],
)
def test_numbers_with_letters_or_digit_words_are_not_phones(text: str) -> None:
    assert "phone" not in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Требуются грузчики на склад, вахта 30/30, проживание бесплатно. Звоните 89оЗ 123 45 67",
        "Требуются сборщики заказов, вахта, питание, з/п от 80 000, звоните 8 928 З12 45 67",
        "Натяжные потолки, звоните: восемь девять два восемь 123 45 67",
    ],
)
def test_an_advert_with_a_disguised_phone_is_spam(judge, text):
    v = judge.judge(text)
    assert v.action in _REMOVED and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "В администрацию требуются водители, обращаться в отдел кадров, тел. 8 (8793) 39-00-00",
        "Работаю вахтой на севере, проживание и питание за счёт работодателя, а зарплату задерживают",
        "Третий день нет горячей воды, звонила в ЖЭУ 8 (8793) 39-12-34 — никто не отвечает",
        "Продаётся щенок, отдам даром в добрые руки, звоните 89280001122",
        "Волонтёры собирают помощь погорельцам через официальный фонд «Доброе дело», реквизиты на сайте фонда",
        "Фестиваль «Пятигорская осень», вход 300 р, подробности на сайте pyatigorsk.org",
        "Вот новость про ремонт дорог: https://pyatigorsk.org/news/12345",
    ],
)
def test_a_public_vacancy_a_shift_workers_complaint_and_residents_notices_stay(judge, text):
    assert judge.judge(text).action == "allow"


def test_a_public_employers_vacancy_is_no_recruiting_evidence(judge):
    text = (
        "Требуются дворники в МУП «Управление благоустройства», з/п от 25 000, отдел кадров 8 (8793) 33-33-33"
    )
    assert not any(s.name == "earnings" for s in spam_signals(text))
    assert judge.judge(text).action not in _REMOVED
    assert any(s.name == "earnings" for s in spam_signals("Требуются упаковщики на склад, з/п от 90 000"))


def test_a_petition_link_is_held_at_most(judge):
    v = judge.judge("Подпишите петицию за сохранение сквера: https://www.change.org/p/sohranim-skver")
    assert v.action not in _REMOVED


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("З а й м ы  без отказа, звони", "З а й м ы"),
        ("К р е д и т без справок и поручителей, звоните сейчас", "К р е д и т"),
        ("Займы на карту: д е н ь г и  в  д о л г без паспорта и проверок", "д е н ь г и  в  д о л г"),
    ],
)
def test_spelled_out_words_are_read_as_words(text: str, quote: str) -> None:
    sigs = spam_signals(text)
    _check_spans(text, sigs)
    assert any(s.name == "loan" and s.quote == quote for s in sigs)


@pytest.mark.parametrize(
    "text",
    [
        "Деньги в долг давать нельзя, потом не вернут",
        "Это п о з о р, а не ремонт",
        "Дала соседке денег в долг, теперь не отдаёт",
    ],
)
def test_money_lent_between_neighbours_and_a_spelled_out_word_are_no_loans(text: str) -> None:
    assert "loan" not in _names(text)


def test_a_link_with_its_dot_dropped_is_a_link():
    assert any(s.name == "shortener" for s in spam_signals("Займы на карту: vkcc / zaimy26"))
    assert not (
        _names("Работаем 24/7, б/у и новые") & {"url", "shortener", "vk_club_link", "tg_link", "wa_link"}
    )


# --- native adverts with no contact: a business, an offer and a call ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Сверлим скважины? Нет — бурим! Бурим колодцы по всему КМВ под ключ, звоните",
        "В нашей студии «Лотос» на Малиновского скидки на стрижки всю неделю, записывайтесь!",
        "Ателье «Иголочка» на Пушкинской 7: подгонка брюк от 300 р, заходите",
        "Доставим песок и щебень по всему району, дешевле всех, звоните",
        "Дома от застройщика в Горячеводском, рассрочка без переплат, отвечу на все вопросы",
    ],
)
def test_a_native_advert_without_a_contact_is_removed(judge, text: str) -> None:
    sigs = spam_signals(text)
    _check_spans(text, sigs)
    assert any(s.name == "advert" and s.weight >= 0.6 for s in sigs)
    assert judge.judge(text).action in _REMOVED


@pytest.mark.parametrize(
    "text",
    [
        # one cue alone: a discount, a price, a shop named, a call, a guarantee
        "Скидка 50% на проезд для пенсионеров, подробности в МФЦ",
        "В магазине на Кирова подняли цены, хлеб уже 80 рублей",
        "Подписывайтесь на петицию за сохранение сквера!",
        "Гарантия на ремонт дороги 5 лет, а она развалилась через год",
        # two cues in a complaint or a story: below the line
        "В «Магните» на Кирова скидки только для виду, звоните в Роспотребнадзор",
        "Открылся новый салон на Кирова, цены 1500 р за стрижку, совсем обалдели",
        "Пришёл в магазин, а там акция: если нашли дешевле, сделаем скидку. Нашёл дешевле — отказали",
        "Такси теперь до Кисловодска 800 р, раньше было 500, обалдеть",
        "Записывайтесь на прививку в поликлинике, бесплатно, очередей нет",
    ],
)
def test_one_cue_of_an_advert_or_a_complaint_is_no_advert(judge, text: str) -> None:
    assert not any(s.name == "advert" and s.weight >= 0.45 for s in spam_signals(text))
    assert judge.judge(text).action == "allow"


def test_an_advert_quotes_its_cues_and_weighs_once() -> None:
    text = "Бурим скважины по всему КМВ, гарантия 3 года, звоните"
    ads = [s for s in spam_signals(text) if s.name == "advert"]
    assert [s.quote for s in ads] == ["Бурим", "по всему КМВ", "гарантия 3", "звоните"]
    assert ads[0].weight > 0 and all(s.weight == 0 for s in ads[1:])  # one advert, not four
    # the rules' signal is no model column: the shipped model keeps its width
    assert "sig_advert" not in FEATURE_NAMES
    assert spam_features(text) == spam_features(text, [s for s in spam_signals(text) if s.name != "advert"])


def test_a_sellers_own_words_already_quoted_are_not_counted_twice() -> None:
    # «продаю» and «оптом» are «ads» already: the advert does not add to them
    text = "оптом продаю по 100 руб, обычно с оплатой сразу, себестоимость скачет"
    assert rule_score(spam_signals(text)) < 0.45


def test_a_neighbours_one_off_sale_is_not_made_an_advert(judge) -> None:
    for text in (
        "Соседям с Кочубея: продаю коляску, 3500, в хорошем состоянии, могу занести сама",
        "Продам гараж в кооперативе у Машука, свой, документы в порядке, соседям уступлю",
    ):
        assert "advert" not in _names(text)
        assert judge.judge(text).action not in _REMOVED


def test_a_messenger_with_a_user_name_is_a_contact() -> None:
    sigs = spam_signals("Делает ресницы на дому, инстаграм lashes_kmv26")
    assert any(s.name == "messenger" and s.weight >= 0.5 for s in sigs)
    assert not any(s.name == "messenger" and s.weight > 0.1 for s in spam_signals("Читаю инстаграм мэрии"))


def test_a_plus_asked_for_is_an_invitation_but_not_a_poll() -> None:
    assert "pm_invite" in _names("Кому нужно — скину название, пишите плюсик")
    assert "pm_invite" not in _names("Пишите плюс, кто за новый сквер")


def test_the_advert_gates_pass_every_text_a_cue_matches():
    # the gates only save time: on every city sentence, a gated scan finds what its cues alone find, and the
    # offer-or-call gate passes every text one of those kinds' cues matches
    import re
    from pathlib import Path

    from moderation import spam

    assert all(gate is not None for gate, _rx in spam._ADVERT_SCANS["offer"] + spam._ADVERT_SCANS["call"])
    assert spam._OFFER_OR_CALL_GATE is not None
    texts = [
        line[2:].lower().replace("ё", "е")
        for f in sorted((Path(__file__).parents[1] / "bench" / "cityset").glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if line[:2] in ("V ", "C ")
    ]
    texts += ["бурим скважины по всему кмв, звоните", "скидки пенсионерам 10%, заходите", "24/7 без выходных"]
    for kind, cues in spam._ADVERT_CUES.items():
        plain = [re.compile(f"(?<!\\w)(?:{rx})") for _pts, rx in cues]
        gated = [rx for _gate, rx in spam._ADVERT_SCANS[kind]]
        for t in texts:
            starts = {m.start() for rx in plain for m in rx.finditer(t)}
            assert all(any(rx.match(t, p) for rx in gated) for p in starts), (kind, t)
            if starts and kind != "business":
                assert spam._OFFER_OR_CALL_GATE.search(t) is not None, (kind, t)


# --- round 30: three points held, a link as the advert's call, the reader's bait --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Эвакуатор по всему КМВ недорого, без выходных",  # a business and two offers: three points
        "Парикмахерская на Кирова 10, стригут хорошо, скажите, что от Наташи",  # a referral counts twice
        "Девочки, похудела на 12 кг без диет, кому надо — расскажу",  # a result boasted as bait
        "Подарю каждой подписчице по 3000, подпишись и сделай репост",  # a giveaway's price
    ],
)
def test_an_advert_of_three_points_is_held_at_least(judge, text: str) -> None:
    assert any(s.name == "advert" and s.weight >= 0.45 for s in spam_signals(text)), spam_signals(text)
    assert judge.judge(text).action != "allow"


def test_a_link_is_the_call_of_an_offer(judge) -> None:
    text = "Натяжные потолки под ключ в рассрочку, подробнее на potolok-kmv.ru"
    assert any(s.name == "advert" and s.quote == "potolok-kmv.ru" for s in spam_signals(text))
    assert judge.judge(text).action in _REMOVED
    # a service's phone passed on is no call of an advert
    assert "advert" not in _names("Аварийная служба работает круглосуточно: 8 (8793) 33-00-00, звоните туда")


@pytest.mark.parametrize(
    "text",
    [
        "Вахта! Сварщики и монтажники от 120 000, проживание бесплатно. Звоните",
        "Кто хочет выиграть айфон — переходите в группу и сделайте репост",
        "Щебень с доставкой по всему городу, засыпем ямы во дворе за день, звоните",
    ],
)
def test_round_30_shift_jobs_prizes_and_deliveries_are_adverts(judge, text: str) -> None:
    assert any(s.name == "advert" and s.weight >= 0.45 for s in spam_signals(text)), spam_signals(text)
    assert judge.judge(text).action != "allow"


# --- round 31: intents that a link, a handle or a phone alone never carried ------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("лучший телеграм про КМВ @kmv_life заходи", "cta"),  # a channel the reader is sent to
        ("удаленка оператор 70к пиши мне", "earnings"),
        (
            "Пятигорчане! Бот @kmv_vyplaty_bot проверит, положена ли вам выплата, просто отправьте номер СНИЛС",
            "lure",
        ),
        (
            "Бот @DengiKMV_bot дарит 500 ₽ каждому новому пользователю, сама проверила, реально приходят",
            "lure",
        ),
        ("Играй в Вулкан и выигрывай каждый день, вывод за 5 минут 🎰", "casino"),
        ("Купить диплом любого вуза с занесением в реестр, Ставропольский край, недорого", "illegal_goods"),
        ("Тапай хомяка и получай токены 🐹 переходи в бота по моей ссылке, пока не поздно", "crypto"),
        (
            "Станьте агентом — получайте 30% с каждой сделки, приглашайте друзей по реферальной ссылке",
            "earnings",
        ),
        ("Кто в теме, заходите на 1win по моей рефке, фрибет 1000 на старте", "betting"),
        ("Ставлю на скачки на нашем ипподроме, кто хочет в долю — пишите, прибыль гарантирую", "earnings"),
        ("Кто хочет прибавку к пенсии 15 тыс — пишите «ДА» мне в сообщения, всё законно", "money_offer"),
        (
            "Привет всем 😊 Я Алина, мне 23, недавно переехала в Пятигорск и мне скучно… загляни ко мне на страничку 💋",
            "dating",
        ),
        (
            "Массажист для детей и взрослых, сертификат, выезд. Дешевле чем в платных отделениях! Тел в профиле",
            "advert",
        ),
    ],
)
def test_round_31_spam_intents_are_read_and_removed(judge, text: str, name: str) -> None:
    sigs = spam_signals(text)
    _check_spans(text, sigs)
    assert name in {s.name for s in sigs}, sigs
    v = judge.judge(text)
    assert v.action in _REMOVED and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Сейчас можно купить диплом любого вуза, вот и лечат так", "illegal_goods"),  # a complaint: no sale
        ("Перешёл на удалёнку, зарплату урезали до 40к", "earnings"),  # remote work told of, no pay offered
        ("Кто хочет в долю на подарок учительнице, собираем по 300 до пятницы", "earnings"),  # chipping in
        ("Там он то же вроде бы помогал делать ставки на скачки. Но нет, не то", "betting"),
        ("Ставлю на то, что дорогу опять не доделают", "betting"),
        ("да такую сволочь пинком. а он еще кресла занимает", "betting"),  # «пинком» is no «пинко»
        ("Я парень, мне 17 лет, я сижу слушаю коржа и мне хочется плакать", "dating"),  # no invitation
        ("Мне скучно, в городе некуда сходить вечером", "dating"),
        ("Станьте донором крови, приходите на Пирогова 1", "earnings"),
        ("Магнит дарит 500 бонусов при регистрации карты", "money_offer"),  # points, not money
        ("Сосед проиграл квартиру в Вулкане, вот до чего доводит", "casino"),
    ],
)
def test_round_31_cues_need_their_intent(judge, text: str, name: str) -> None:
    assert name not in _names(text), spam_signals(text)
    assert "spam" not in judge.judge(text).labels


def test_a_bare_referral_is_weak() -> None:
    # «по рефералке подсадил жену» tells of a bank card; «по моей рефке» sends the reader
    assert (
        rule_score(spam_signals("Хороший банк, по рефералке подсадил жену, карту ни разу не блочили")) < 0.45
    )
    assert "cta" in _names("заходите по моей рефке, бонус на старте")


@pytest.mark.parametrize(
    "text",
    [
        "лучший телеграм про КМВ @kmv_life заходи",
        "Подписывайтесь: @kmv_life — все новости КМВ",
        "заходи на @kmv_life, там всё про город",
    ],
)
def test_a_handle_the_reader_is_sent_to_is_promoted(text: str) -> None:
    assert any(s.name == "cta" for s in spam_signals(text)), spam_signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "@ivan_petrov заходи вечером, поговорим",  # the handle answered, not promoted
        "Спасибо @kmv_news за новость, заходите в парк в субботу на праздник",  # the call is the page's
        "@id123 заходи, обсудим",  # a VK reply mention
    ],
)
def test_a_handle_answered_or_credited_is_no_promotion(judge, text: str) -> None:
    assert "cta" not in _names(text)
    assert judge.judge(text).action == "allow"


def test_a_bot_that_lures_is_read_and_a_bot_named_is_not() -> None:
    sigs = spam_signals("Бот @kmv_vyplaty_bot проверит, положена ли вам выплата, отправьте номер СНИЛС")
    assert [s.quote for s in sigs if s.name == "lure"] == ["СНИЛС"]  # personal data asked: the strongest lure
    assert "lure" in _names("Бот в телеге @kmv_money дарит 1000 ₽ новым")  # a bot named in words
    for text in (
        "Через бот @gosuslugi_bot можно записаться к врачу",
        "Бот @gosuslugi_bot присылает уведомления о выплатах, удобно",  # a payout named, not promised
        "Пишите @kmv_help, там отвечают про выплаты",  # no bot
    ):
        assert "lure" not in _names(text), text
    # the rules' signal is no model column: the shipped model keeps its width
    assert "sig_lure" not in FEATURE_NAMES


# --- round 31: clean texts the judge removed for a phone, a PM or a word ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Детский телефон доверия 8-800-2000-122, бесплатно и анонимно, пусть дети знают",
        "Свет отключили — звоните в Россети 8-800-220-0-220, в администрации не знают",
        "Газ пропал на Кирова, звоните в горгаз 8-800-100-04-04",
        "МБДОУ детский сад № 23 приглашает на работу воспитателей и помощника воспитателя. Официальное "
        "трудоустройство, соцпакет, стабильная зарплата. Тел. 8-928-123-45-67",
        "Ищу попутчиков на Бештау в субботу, пишите +",
        'Модераторы, реклама займов "на лечение" уже в каждом посте, поставьте фильтр',
    ],
)
def test_a_public_line_a_public_vacancy_a_trip_and_a_spam_report_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Кредит под залог ПТС за 1 час, машина остаётся у вас. Звоните 8 800 301-47-92",  # a lender's 8-800
        "Окна от производителя, звоните в «Окна Люкс» 8-800-555-00-11",  # a business, not a public body
        "В школу английского «Спикер» требуются преподаватели, з/п от 50 000, пишите в лс",  # a private school
        "Админ, разрешите рекламу: займы онлайн без отказа, звоните 89281234567",  # an advert, not a report
    ],
)
def test_a_lenders_line_a_private_vacancy_and_an_advert_to_the_admin_are_still_spam(judge, text: str) -> None:
    assert "spam" in judge.judge(text).labels


@pytest.mark.parametrize(
    "text",
    [
        "продаю детский велик недорого, пишите в лс",
        "Продаю коляску Tutis 2в1 после одного ребёнка, состояние хорошее, 12 тыс, район Бештау, пишите в лс",
        "Продам куртку на мальчика б/у, 1500, пишите в лс",
    ],
)
def test_a_used_thing_sold_once_is_held_not_banned(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "review" and "своей вещи" in v.ground, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Продам велосипеды недорого, пишите в лс",  # a stock, not a thing of one's own
        "Продаю шины б/у, в наличии все размеры, звоните 89280001122",  # a shop's words
    ],
)
def test_goods_in_stock_are_still_spam(judge, text: str) -> None:
    assert "spam" in judge.judge(text).labels


def test_a_seat_priced_is_no_companion_sought(judge) -> None:
    v = judge.judge("Ищу попутчиков до Москвы, 3000 с человека, звоните 89280001122")
    assert v.action != "allow", v.ground


# --- round 31 (2): trades, buyers, tours, a casino mirror and the meter scam; a household's produce --------


@pytest.mark.parametrize(
    "text",
    [
        "🎰 Вулкан бонус 300% зеркало рабочее",  # a casino's mirror: where the player is sent
        "Бригада кровельщиков, перекроем крышу частного дома, профлист, металлочерепица, скидки пенсионерам!!!",
        "Срочный выкуп квартир и долей в Пятигорске, даже с долгами за ЖКХ, наличными в день обращения",
        "ВНИМАНИЕ ЖИЛЬЦАМ! С 1 числа обязательная замена счётчиков газа, иначе штраф 50 000. Запишитесь в "
        "метрологическую службу по тел 8-800-xxx-xx-xx",  # the fake meter replacement
        "Экскурсии Джилы-Су, Медовые водопады, Архыз от 1500 р! Забираем от отеля. Тел в профиле",
        "Вывоз мусора газелью: старая мебель, строительный мусор. Дёшево. WhatsApp 89281234567",
        "Кто едет в Кисловодск, не берите такси у вокзала, обдерут. Звоните Артуру 8-928-345-67-89 — дёшево и "
        "по дороге экскурсию проведёт 👍",  # a native advert dressed as advice
    ],
)
def test_round_31_trades_buyers_tours_and_scams_are_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Вывоз мусора газелью: старая мебель, строительный мусор. Дёшево. WhatsApp 89хх",  # number cut off
        "Кто едет в Кисловодск, не берите такси у вокзала, обдерут. Звоните Артуру 8-928-3**-**-** — дёшево и "
        "по дороге экскурсию проведёт 👍",
    ],
)
def test_round_31_a_service_with_a_price_and_a_contact_is_at_least_held(judge, text: str) -> None:
    assert judge.judge(text).action != "allow"


def test_round_31_signals_of_the_new_readings() -> None:
    names = {s.name for s in spam_signals("🎰 Вулкан бонус 300% зеркало рабочее")}
    assert {"casino", "cta"} <= names
    scam = "С 1 числа обязательная замена счётчиков газа, иначе штраф. Запишитесь по тел 8-800-100-00-00"
    assert any(s.name == "lure" for s in spam_signals(scam))
    assert any(s.name == "advert" and s.weight >= 0.6 for s in spam_signals(
        "Бригада кровельщиков, перекроем крышу частного дома, профлист, металлочерепица, скидки пенсионерам!!!"
    ))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Были на экскурсии от городского экскурсионного бюро, Провал и Машук, 500 р, рекомендую, телефон бюро на "
        "сайте администрации",
        "Осторожно, ходят по квартирам, предлагают замену счётчиков — это мошенники, штраф выдумали, не звоните им",
        "Соседи, звонят и говорят: обязательная замена счётчиков газа, иначе штраф, запишитесь по телефону. Это "
        "мошенники!",
        "Бригада кровельщиков перекрыла нам крышу металлочерепицей, всё течёт, деньги не возвращают",
        "Дёшево и сердито, как всегда у нашей администрации, лишь бы отчитаться",
        "УК Жилсервис информирует: 15 марта плановая поверка счётчиков воды, обеспечьте доступ, тел 33-44-55",
        "В ванной зеркало рабочее не нужно, а вот свет поменять бы",  # a mirror, no casino
        "Администрация начала выкуп квартир в аварийном доме на Пастухова",
        "Вывоз мусора опять сорвали, третий день баки полные",
    ],
)
def test_round_31_look_alikes_of_trades_tours_and_the_meter_scam_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Продаю мёд со своей пасеки, Горячеводск, самовывоз, недорого — соседи, если надо, пишите",
        "Продаю домашние яйца от своих кур, Константиновская, недорого, пишите",
    ],
)
def test_round_31_a_households_own_produce_is_held_not_banned(judge, text: str) -> None:
    assert judge.judge(text).action == "review"


# --- round 32: chain letters, payouts «from the state», cures, tipsters, channels; messages received -------


@pytest.mark.parametrize(
    "text",
    [
        "Перешлите это сообщение 15 друзьям, и через неделю исполнится желание. Не прерывайте цепочку!",
        "Разошли этот пост в 5 чатов и удача придёт, а кто не разошлёт — болеть будет весь год",
        "Всем, кто работал до 2002 года, положена доплата к пенсии, узнайте по ссылке в профиле",
        "Бесплатные путёвки в санаторий от государства для льготников, записывайтесь по номеру, мест мало",
        "Чудо-крем от варикоза! Вены уходят, боль проходит за 5 дней. Звоните, доставка по всей России",
        "Прогнозы на хоккей, проходимость 87%, подписывайся @hockey_prognoz_26",
        "Мой канал про цены в Пятигорске, подписывайтесь, там всё честно @pyat_ceny",
        "Открылся магазин корейской косметики на Кирова: при покупке от 2000р маска в подарок",
        "Вложи 5 тысяч сегодня, через неделю получишь 15. Пиши в лс",
        "Автошкола, сдадите с первого раза, с экзаменатором договоримся, звоните",
        "Святой источник исцеляет от всех болезней, вышлем воду наложенным платежом по всей России, звоните 🙏",
        "Старец помогает всем, кто пожертвует от 300 рублей. Вступайте в группу",
    ],
)
def test_round_32_chains_payouts_cures_tipsters_and_channels_are_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Мне в лс написали, что я выиграл айфон, это развод, не ведитесь",
        "Нам в личку пишут мошенники от имени администрации, осторожно",
        "Ответ из прокуратуры получу — напишу сюда, всем спасибо",
        "Команда сегодня — это набор людей без тренера, проиграли заслуженно",
        "Отправьте заявление 2 раза, первый раз у них потерялось",
        "Пенсионерам положена выплата 10 тысяч, оформляется через Госуслуги или МФЦ",
        "Говорят, что всем положена компенсация за вклады, правда ли это? Где проверить?",
        "Мне при покупке телевизора дали наушники в подарок, приятно",
        "Автоинструктор у меня был строгий, но сдал с первого раза",
        "Вывоз мусора опять не приехал, контейнеры переполнены, звоните в УК",
        "Подписывайтесь на петицию за новый парк, ссылку дал @ivan_petrov",
        "Мне 70 лет, боль в суставах уходит за 3 дня после уколов, спасибо врачам",
    ],
)
def test_round_32_look_alikes_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


def test_round_32_signals_of_the_new_readings() -> None:
    assert "chain" in _names("Перешли эту открытку 7 знакомым, а кто не перешлёт — год неудач")
    assert "chain" not in _names("Сосед передал мне 2 раза ключи, а я их потерял")
    assert "lure" in _names("Всем, кто родился до 1985 года, положена выплата, проверьте себя по ссылке")
    assert "lure" not in _names("Положена выплата, проверьте по ссылке? Это мошенники, не ведитесь")
    # the rules' signal is no model column: the shipped model keeps its width
    assert "sig_chain" not in FEATURE_NAMES
    # a phone after another number and a stop is still a phone («круглосуточно 24/7. 8 (9xx) …»)
    sigs = spam_signals("Эвакуатор 24/7. 8 (928) 111-22-33 Олег")
    assert [s.quote for s in sigs if s.name == "phone"] == ["8 (928) 111-22-33"]


@pytest.mark.parametrize(
    "text",
    [
        "Он написал мне в личку «ещё пожалеешь», скрин у модераторов",
        "Мне в директ пишут угрозы из-за отзыва о стоматологии",
        "Соседке пришло в лс «выиграла приз», а это мошенники",
    ],
)
def test_round_32_messages_received_are_no_invitation(text: str) -> None:
    assert "pm_invite" not in _names(text), spam_signals(text)
    assert "pm_invite" in _names("Пишите мне в личку, всё расскажу")  # (the reader invited still is)


# --- round 33: short adverts with a call, channels, vacancies and services with a starred phone, adverts in a reply ---


@pytest.mark.parametrize(
    "text",
    [
        "Скидки на кухни только сегодня! Звоните",
        "Натяжные потолки за 1 день, звоните",
        "Распродажа шуб до воскресенья, ждём вас",
        "Двери межкомнатные по цене производителя, звоните!",
        "Распродажа обуви до пятницы, успейте 🔥",
        "Торты на заказ за 2 дня, заказывайте",
        "Ремонт стиральных машин на дому, звоните",
        "Тротуарная плитка дёшево, доставка по КМВ, звоните",
        "АКЦИЯ!!! Кондиционеры -30% только до конца месяца, установка бесплатно",
        "Телеграм канал «Машук без цензуры», подписывайтесь 👉",
        'Наш паблик "Пятигорск live", вступайте',
        "Лучший паблик про Кисловодск — «Кисловодск 24», подписывайтесь!",
        "Вступайте в нашу группу Ессентуки ЧП, подписывайтесь!",
        "ТГ канал Лермонтов сегодня, подпишись",
        "А у нас тоже проводка горела, теперь всем советую датчики дыма от нашей фирмы, акция 2 по цене 1, заказ в лс",
        "Спасибо за пост! Кстати, кто хочет похудеть к лету, я скинула 9 кг на травяном чае, могу подсказать где заказать 😉",
        "Согласна! Кстати, кто ищет нормальный ремонт квартир — у брата бригада, цены ниже рынка, скину номер в личку",
        "Поддерживаю. Кстати, наша студия шьёт шторы на заказ, скидка 20% подписчикам",
        "Тоже страдали от сырости, пока не поставили осушитель от нашей компании, кто хочет — заказ в директ 😊",
        "лайк за лайк подписка на подписку заходите все 👍👍",
        "Массаж на дому, приятный досуг, район Скачки, звонить вечером, конфиденциально 😉",
    ],
)
def test_round_33_short_adverts_channels_and_adverts_in_a_reply_are_held_at_least(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action != "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Вакансия: сторож на склад, смена сутки/трое, зп без задержек. Звони Руслан 8 928 ***",
        "Требуются разнорабочие на стройку, вахта, проживание, звонить 8 961 3**-**-**",
        "Нужны грузчики в магазин, оплата каждую неделю, тел 8 905 *** 45 67",
        "Вакансия: водитель погрузчика, зарплата 90 тыс, звоните Ольге 8-918-***-**-12",
        "Набор упаковщиков на склад, график 2/2, пишите в ватсап +7 962 *** ** **",
        "Памятники из гранита под ключ, установка за 2 недели. Звоните 8-962-0**-**-**, выезд на все кладбища",
        "Изготовление памятников, гравировка, установка оград. Тел 8 961 4**-**-**",
        "Ремонт холодильников на дому, выезд в день обращения, 8 918 ***-**-11",
        "Укладка асфальта, благоустройство дворов, звоните 8-988-1**-**-**",
        "Ремонт квартир под ключ, недорого! Виктор 8962****",
    ],
)
def test_round_33_vacancies_and_services_with_a_starred_phone_are_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Скидки пенсионерам в аптеке на Кирова отменили, безобразие",
        "Звоните в 112, если видите пожар",
        "Подписываюсь под каждым словом",
        "Горячая линия Водоканала 8-800-100-**-**, звоните, там отвечают",
        "Ищу работу сиделкой, опыт 10 лет",
        "Вакансии в поликлинике есть? Куда звонить?",
        "Кто знает хорошего мастера по окнам?",
        "Подскажите, где заказать памятник недорого?",
        "Потерялась кошка, рыжая, район Бештау, звоните 8 928 ***-**-**",
        "Звоните в ЕДДС 8 879 33-**-**, там круглосуточно",
        "Дорогу на Пестова сделали за 2 дня, уже трещины. Если кто видел, как укладывали, пишите",
        "Распродажа имущества МУП закончилась, кто купил — непонятно",
        "Скидки до конца месяца на проезд отменили, звоните в администрацию",
        "Мебель на заказ делали в прошлом году, до сих пор дверцы не закрываются",
        "Спасибо за приятный досуг в парке, концерт был отличный",
        "Квартиры посуточно у нас в подъезде сдают, шум каждую ночь, куда жаловаться?",
        "В нашей группе в садике воспитатель отличная, спасибо ей",
        "Подписывайтесь на петицию за новый парк",
        "Вступайте в ряды волонтёров, нужна помощь в приюте",
        "Наш паблик района Бештау закрыли, теперь новости только тут",
        "Лайк за лайк — это детский сад, а не новости",
        "Кто ищет ремонт квартир — осторожно, фирма на Кирова взяла предоплату и пропала",
        "Акция «Бессмертный полк» в этом году пройдёт онлайн",
        "Канал «Пятигорск-ТВ» показал репортаж про нашу яму, спасибо",
        "Телеграм-канал администрации пишет, что воду дадут вечером",
        "Отключение света до пятницы, звоните в Горэлектросеть, если что",
        "Кто хочет похудеть — ходите пешком, бесплатно и полезно",
        "Могу подсказать, где купить лекарство подешевле, в аптеке на Дзержинского было",
        "Работаю охранником на вахте 15/15, зп задерживают уже третий месяц",
        "Установили памятники на кладбище, а дорогу так и не сделали",
        "Концерт хора в субботу в доме культуры, вход 150 рублей, дети бесплатно. Приходите!",
        "Концерт в субботу в парке Кирова, вход свободный, ждём всех!",
        "Спасибо за пост! Кстати, у соседа тоже огнетушитель не сработал",
    ],
)
def test_round_33_look_alikes_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "phone",
    ["8 988 ***", "8-962-0**-**-**", "+7 928 *** ** **", "8962****", "8 905 *** 45 67", "8 (928) 3**-**-**"],
)
def test_a_mobile_with_starred_digits_is_a_phone(phone: str) -> None:
    sigs = spam_signals(f"Звоните {phone}, выезд")
    assert [s.quote for s in sigs if s.name == "phone"] == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Горячая линия 8-800-100-**-**",  # a service's line, not a mobile
        "ЕДДС 8 (8793) 3*-**-**",
        "е**ная коммуналка, 8 9** рублей",
        "в 2023 году 8 человек, 9** рублей",
        "Номер 8 9* ну и что",
    ],
)
def test_stars_in_a_swear_word_or_a_landline_are_no_mobile(text: str) -> None:
    assert "phone" not in _names(text), spam_signals(text)


def test_round_33_advert_cues() -> None:
    def advert(text: str) -> float:
        return max((s.weight for s in spam_signals(text) if s.name == "advert"), default=0.0)

    # a call that ends the text weighs two points; one that sends the reader elsewhere does not
    assert advert("Натяжные потолки за 1 день, звоните") >= 0.46
    assert advert("Натяжные потолки за 1 день, звоните в УК") == 0.0
    # a sale with its deadline is two points: with «ждём вас» an advert
    assert advert("Распродажа шуб до воскресенья, ждём вас") >= 0.46
    assert advert("Распродажа шуб закончилась, ждём новую") == 0.0
    # a channel's own ask beside its title
    assert advert("Канал «Новости Машука», подписывайтесь!") >= 0.46
    assert advert("Подписывайтесь на петицию, канал «Новости Машука» о ней писал") == 0.0


@pytest.mark.parametrize("text", ["Работаю на дому, с ребенком сижу", "Я работаю из дома, могу принять посылку для соседей"])
def test_round_33_the_author_working_from_home_is_no_job_offer(text):
    assert rule_score(spam_signals(text)) < 0.5, spam_signals(text)


@pytest.mark.parametrize("text", ["Работа на дому, пиши в лс", "Хочешь работать на дому? Пиши"])
def test_round_33_work_from_home_offered_is_still_earnings(text):
    assert any(s.name == "earnings" for s in spam_signals(text)), text


# --- round 34: spam on intent --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # witnesses sought, a customer asking, a report pointing at the page's pinned post, a trip's company
        "Кто видел, как вчера на Калинина сбили собаку? Нужны свидетели, напишите в личку",
        "Оплачу консультацию юриста по перерасчёту за отопление, пишите в лс",
        "Прокуратура проверила школу № 5, акт проверки опубликован, ссылка в закрепе",
        "В субботу идём на Бештау с палатками, кто с нами — пишите в личку",
        # a neighbour's produce or outgrown thing, a room let, neighbours joining a complaint
        "Соседка продаёт домашнее молоко и творог, кому надо — пишите в личку",
        "Продам коньки дочки, мала стала, 1500, пишите в лс",
        "Мёд свой, с пасеки в Иноземцево, 700 р/литр, продаю, пишите в личку",
        "Сдаю гараж на Пестова, 3000 в месяц",
        "Заявление в прокуратуру на УК уже подала, кто хочет присоединиться — пишите в лс",
    ],
)
def test_round_34_a_citizens_request_with_an_invitation_is_not_deleted(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Кто видел, как вчера на Калинина сбили собаку? Нужны свидетели, напишите в личку",
        "Заявление в прокуратуру на УК уже подала, кто хочет присоединиться — пишите в лс",
        "Не ведитесь на «заработок с телефона» в комментах, это развод",
        "Осторожно, в комментах опять рекламируют казино, по ссылкам не ходите",
        "Реклама «права без экзамена» опять висит, это же мошенники",
        "Перестаньте мне писать в личку, я всё сказала здесь",
    ],
)
def test_round_34_witnesses_joint_complaints_and_warnings_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Туры в Домбай и на Эльбрус из Пятигорска, бронь по номеру в профиле",
        "Поднял 30 тысяч в слотах за час, рабочее зеркало у меня на странице",
        "Справки в бассейн и в садик без анализов, быстро, пишите",
        "Помогу получить права без экзаменов, пишите в личку",
        "Инвестиции с доходом 10% в неделю, пиши «СТАРТ» в лс",
        "Квартиры посуточно у Цветника, есть свободные даты, пишите",
        "Надоело работать на дядю? Я вышла на доход 150к из дома, пиши в лс",
        "Выведем ваш салон в топ Яндекс.Карт, недорого",
        "Ставки на всё, регистрируйся и получай бонус, зеркало рабочее",
    ],
)
def test_round_34_adverts_are_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Замена счётчиков воды дешевле чем у водоканала, выезд в день обращения",
        "Надоела очередь в поликлинике? Частная клиника примет вас сегодня, номер на сайте",
        "Канал про Пятигорск без цензуры, в тг «Машук без фильтров»",
        "Куплю вашу машину в любом состоянии, расчёт сразу",
        "Займ под залог ПТС, деньги сегодня, одобрение 99%",
        "Мне помогли в «Юрзащите», долги списали через банкротство, вот их сайт yurzashchita-kmv.ru",
    ],
)
def test_round_34_adverts_without_a_contact_are_held_at_least(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action != "allow", (v.action, v.ground)


def test_round_34_signals() -> None:
    def weight(text: str, name: str) -> float:
        return max((s.weight for s in spam_signals(text) if s.name == name), default=0.0)

    # the pawn line is read before the bare «займ» (one phrase of a name counts at a word)
    assert weight("Займ под залог ПТС, машина остаётся у вас", "loan") == 0.55
    assert weight("Деньги под залог авто за час", "loan") == 0.55
    # a number kept on the author's profile; not the page's own header
    assert weight("Бронь по номеру в профиле", "pm_invite") == 0.6
    assert weight("Телефон приёмной есть в шапке группы", "pm_invite") == 0.0
    # a code word asked for in quotes is a funnel; a poll is not
    assert weight("Пиши «ХОЧУ»", "pm_invite") == 0.55
    assert weight("Пишите да или нет, кто за", "pm_invite") == 0.0
    # a coin's ticker with its market's words; a programmer's variable without them
    assert weight("$FORG 24k mc, good time to buy", "crypto") == 0.4
    assert weight("$GET и $POST приходят от пользователя", "crypto") == 0.0
    # the bettors' odds are weak alone; a wage's «коэффициент» is nothing
    assert weight("слил за кэф 1.2 половину зарплаты", "betting") == 0.35
    assert weight("переработки по коэффициенту 1,25", "betting") == 0.0
    # a chronic ailment «gone in 30 days» is the miracle cure's; a patient's pain gone after injections is not
    assert weight("Диабет уходит за 30 дней, врачи молчат", "ads") >= 0.35
    assert weight("Мне 70 лет, боль в суставах уходит за 3 дня после уколов", "ads") == 0.0
    # a certificate without its examination is sold; the complaint that it is refused is not
    assert weight("Справка в бассейн без анализов за час", "illegal_goods") == 0.5
    assert weight("Справку в бассейн без анализов не дают, пришлось сдавать", "illegal_goods") == 0.0
    # «хватит писать мне в личку» refuses messages, it invites none
    assert weight("Хватит писать мне в личку", "pm_invite") == 0.0


def test_round_34_offer_wording() -> None:
    from moderation.spam import offer_wording

    for text in (
        "Маникюр на дому, запись в лс",
        "Вакансия: операторы, график 2/2, пишите в лс",
        "Ищу мастеров в салон, аренда места 8000, подробности в лс",
        "З@ймы без отказа, пишите в личку",
        "Юристы, работаем за 30% от суммы, пишите в личку",
    ):
        assert offer_wording(text), text
    for text in (
        "Кто видел момент ДТП, напишите в ЛС, нужны свидетели",
        "Оплачу консультацию юриста, пишите в ЛС",
        "Нецелевое использование 4,3 млн, в 2023 году, ссылка в закрепе",
        "Завтра на кабана идём, кто с нами — пишите в личку",
    ):
        assert not offer_wording(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Кредит наличными без справок, одобрение 98%",
        "Казино Вулкан, 300 фриспинов новичкам",
        "Помогу списать долги через банкротство, консультация бесплатно",
        "Ставки на футбол, бонус новым игрокам 🔥",
    ],
)
def test_round_34_the_terms_of_an_offer_make_a_named_business_an_advert(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Сосед взял кредит без справок под 0%, теперь платит втрое",
        "Кредит под 0% — сказка для наивных, потом проценты набегут",
        "Букмекеры дают бонус новичкам, а потом списывают всё",
        "Форекс — это то же казино, только с графиками",
    ],
)
def test_round_34_terms_told_of_others_or_judged_are_no_offer(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Ваша страница будет заблокирована за нарушение правил. Для подтверждения перейдите vk-id-check . ru",
        "Срочно переведите сбережения на безопасный счёт, звоните в службу безопасности банка",
        "ЖМИ СЮДА 👉 bit.ly/4aQ2 и получи 500₽ на карту бесплатно",
        "Одинокие девушки Ессентуков ищут знакомства, жми на мою страницу 💋",
        "Сестра тоже сидела без работы, а теперь зарабатывает больше мужа. Напишите мне, скину ссылку",
    ],
)
def test_round_34_lures_and_link_bait_are_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Мошенники пишут, что страница будет заблокирована, для подтверждения перейдите по ссылке — не ведитесь",
        "Банк никогда не просит переводить деньги на безопасный счёт, звонят мошенники",
        "Мне пришло: ваш аккаунт будет заблокирован, для подтверждения перейдите по ссылке. Это развод?",
    ],
)
def test_round_34_a_lure_warned_of_stays(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


def test_round_34_link_bait_and_newer_zones() -> None:
    assert {"cta", "money_offer"} <= _names("ЖМИ СЮДА 👉 bit.ly/4aQ2 и получи 500₽ на карту")
    assert "url" in _names("Бесплатный курс: kripto-start . pro")
    assert "url" not in _names("Это было давно. Info про это есть")  # (a plain word after a stop)
    assert "pm_invite" in _names("Напишите мне, скину ссылку")
    assert "pm_invite" not in _names("У него фото в профиле странное")


@pytest.mark.parametrize(
    "text",
    [
        "Продаю варенье из своего сада, соседям отдам недорого, пишите в лс",
        "Кому нужна помощь с продуктами для пожилых соседей — пишите в лс, привезём бесплатно",
        "Отчёт об исполнении бюджета опубликован, вся информация в закрепе группы",
    ],
)
def test_round_34_neighbours_and_the_pages_own_pin_are_not_deleted(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


def test_round_34_a_service_headline_with_a_price_word_is_held() -> None:
    sigs = spam_signals("Установка и поверка счётчиков воды, дешевле чем в УК, приедем в день заявки")
    assert "advert" in {s.name for s in sigs} and rule_score(sigs) >= 0.45, sigs
    assert "advert" not in _names("Установка светофора на Кирова закончена, приедем посмотреть в день открытия")


@pytest.mark.parametrize(
    "text",
    [
        "В нашем доме квартиры посуточно сдают, пишите, куда жаловаться",
        "Телефон в профиле у главы района указан неверный, дозвониться невозможно",
        "Сайт в профиле управляющей компании не работает",
        "Бесплатный курс английского в библиотеке для пенсионеров, запись по телефону 8 (8793) 33-44-55",
        "Кто хочет поднять деньги со дна мусорки — сортируйте, пункт приёма на Кирова платит",
    ],
)
def test_round_34_complaints_and_public_notices_with_the_new_words_stay(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action == "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        # round 35 (fresh91): the scammer's errand, a giveaway's terms, an escort's euphemisms, «drops» recruited
        "Жильцы! Плановая проверка газовых плит, оплатите 900 р на карту 2200 1111 2222 3333, мастер придёт завтра",
        "Ваш номер участвует в конкурсе, зайдите по ссылке и введите код из смс",
        "За вами числится долг по ЖКХ, оплатите по ссылке в течение суток",
        "Отдам телевизор бесплатно, оплатите только доставку, пишите",
        "Розыгрыш 5000 рублей! Условия: подписаться на @kmv_prizes и сделать репост",
        "Массаж с продолжением, недалеко от Цветника, пиши",
        "Оформим на тебя ИП, платим 25к, без рисков, пиши в лс",
        "Сборка ручек на дому, для начала взнос 300 р за материалы",
        "Почищу КИ, помогу с кредитом при просрочках, пишите",
        "Бонус 150% новым игрокам на первый депозит, ищи в поиске",
    ],
)
def test_round_35_scam_errands_giveaways_and_recruiting_are_held_at_least(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action != "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Мошенники звонят и просят назвать код из смс — не называйте, кладите трубку",
        "Потерялась собака, рыжая такса, Новопятигорск. Если видели — позвоните 8 918 000 11 22",
        "Это вербуют курьеров-закладчиков, пишут про 5000 в день, следите за детьми",
        "Куплю б/у санки недорого, Ессентуки",
        "Продам гараж на Кирова, вопросы в личку",
        "Ольга, у нас плитку клал мастер Артур, всё ровно и в срок. Телефон скину в личку",
        "Админы, проверьте: мне в личку пишет какой-то «экстрасенс», предлагает снять порчу за 3000",
    ],
)
def test_round_35_warnings_notices_and_a_households_own_deals_are_not_deleted(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


def test_round_35_a_sum_denied_is_no_offer_and_a_sceptic_is_not_deleted(judge) -> None:
    assert "money_offer" not in _names("Платят не 5000 в день, а копейки, не ведитесь")
    v = judge.judge("Заработок в интернете есть, но не 3000 в день с телефона, таких чудес не бывает")
    assert v.action in ("allow", "review"), (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        # round 35: a recruiting text written in look-alike letters throughout; an offer that names the harm it ends
        "Нyжны люди нa yдaлёнкy, oплaтa кaждый дeнь, пишитe мнe",
        "Поможем закрыть микрозаймы, избавим от коллекторов за 1 день, подробнее в сообщениях группы",
        "Платим за явку: 1000 рублей за себя, 500 за родственника, штаб на Кирова",
        "Продай свой голос — купи телефон, пиши в лс",
        "Нужны люди писать отзывы, 20 р за отзыв, удалённо",
    ],
)
def test_round_35_a_disguised_text_and_an_offer_naming_the_harm_are_held_at_least(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action != "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        # round 40 (fresh130): the older users' scams without a link
        "Маленькая хитрость, о которой молчат стоматологи: эта паста восстанавливает эмаль. Узнай в лс",
        "Очки выкинула в 72 года!!! Тибетские капли восстанавливают зрение за 21 день, аптеки это скрывают. Спрашивайте у меня",
        "Господь дал мне дар исцеления, помогаю от всех болезней по молитве, по фотографии, на расстоянии",
        "Срочно требуется человек с картой Сбер для приёма перевода, 3000 за 10 минут вашего времени",
        "Открываю набор в закрытый клуб инвесторов, вход 5000, через месяц вернешь 25000",
        "Сделаю прописку в Пятигорске, регистрация временная и постоянная, официально, быстро",
        "Выплата \"Бабушкин капитал\" 75 тысяч, новая программа, оформить можно через меня до конца месяца",
        "Если вам больше 55 лет, вам положена бесплатная замена окон по программе энергосбережения! Запишитесь",
    ],
)
def test_round_40_scams_without_a_link_are_held_at_least(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action != "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Продам вязаные вещи своей работы: носки, шали, жилетки из козьего пуха. Пишите, покажу фото",
        "Продаю гусей и кур, домашние, своё хозяйство, Константиновская. Пишите, договоримся",
        "Врач сказал, отёк уйдёт за пару дней, если мазать кремом, который он выписал",
        "Выплаты участникам СВО оформляются через Госуслуги или МФЦ, не верьте посредникам",
    ],
)
def test_round_40_a_households_own_goods_and_real_benefits_are_not_deleted(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("allow", "review"), (v.action, v.ground)


def test_round_40_a_job_asked_for_and_a_chain_letter_warned_of_are_not_deleted(judge) -> None:
    v = judge.judge("Ищу подработку в Пятигорске на выходные, может кто знает где нужны люди? Желательно не курьером")
    assert v.action in ("allow", "review"), (v.action, v.ground)
    v = judge.judge("Бабушка прислала в вайбере «перешли 10 друзьям иначе беда» 😂 бабуль, это спам, не пересылай")
    assert v.action in ("allow", "review"), (v.action, v.ground)
    # … the chain itself still goes
    assert judge.judge("Перешли эту молитву 12 людям и в дом придёт достаток").action != "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Мне было плохо с сердцем 10 лет, профессор посоветовал капли, кардиолог в шоке. Могу поделиться контактом",
        "Народное средство от катаракты, операция не понадобится! Секрет моей бабушки, узнать можно, написав мне",
        "Приглашаем в сетевую компанию, продаем натуральные БАДы, доход без ограничений",
        "Вы до сих пор платите за свет? Экономитель электроэнергии снижает счета в 2 раза, осталось мало штук",
    ],
)
def test_round_40_more_scams_of_the_older_users_pages(judge, text: str) -> None:
    assert judge.judge(text).action != "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Электрики из сетевой компании обещали прийти с утра, на дворе вечер, света нет.",
        "Врачи в шоке от количества пациентов с гриппом, поликлиники переполнены",
        "У Linux систем решение более выигрышно по цене",
    ],
)
def test_round_40_the_grid_company_news_and_a_winning_choice_are_no_spam(judge, text: str) -> None:
    assert judge.judge(text).action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Перешли эту картинку всем своим друзьям в Одноклассниках, чтобы Господь защитил твою семью от беды",
        "Мой муж вложил 50 тыщ в проект и уже через неделю получил 120! Места ограничены, пишите",
        "Соседи, кто хочет получать 10% в месяц на свои пенсионные накопления, приходите на презентацию",
        "Получи 5000 на карту просто за регистрацию в новом приложении, успей до конца недели",
        "С вами свяжется сотрудник Пенсионного фонда, обязательно сообщите ему данные карты и код",
        "Бесплатные газовые счетчики пенсионерам по городской программе! Запишитесь у меня",
        "Дарим каждому пенсионеру продуктовый набор! Оставьте свой номер телефона и адрес в комментариях",
    ],
)
def test_round_40_pyramids_payouts_and_chains_without_a_link(judge, text: str) -> None:
    assert judge.judge(text).action != "allow"


# Round 50 (fresh218): a phone number is a way to answer, not an advert — a citizen's notice with one is held at most.
@pytest.mark.parametrize(
    "text",
    [
        "Соседи с Кирова 61, собрание жильцов в субботу в 11:00, кто не может прийти звоните мне 8-928-011-22-33",
        "Бабушке 82 года, одна живёт на Теплосерной. Может кто помочь с покупкой лекарств? Звоните сыну 89280004512",
        "Семья погорельцев из Горячеводска, нужны вещи и посуда. Привозить на Ленина 5, звонить Аминат 8-928-613-20-75",
        "Мне звонили из администрации с номера +7 928 111-22-15, это мошенники?",
    ],
)
def test_round_50_a_phone_alone_does_not_delete(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action not in ("delete", "delete_and_ban"), (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Септики, выгребные ямы откачаем быстро! Ассенизатор 8-962-000-31-58",
        "Ваш номер участвует в розыгрыше МТС! Позвоните на 8 809 505 11 33 для получения приза",
        "Изготовление памятников, гравировка, установка оград. Тел 8 961 455-12-12",
    ],
)
def test_round_50_a_trade_or_a_prize_with_a_phone_is_still_removed(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Сделаю больничный задним числом и справку для военкомата, конфиденциально, пишите в личные",
        "Продаю справки о доходах 2-НДФЛ для банка, с печатью организации",
        "Оформлю кредитку с лимитом до 500 тысяч даже безработным, без справок и поручителей",
        "Подпишись на мой тикток, там смешные видео про Пятигорск",
        "Бизнес-ланч 250 руб, заходите и подписывайтесь на нас!",
    ],
)
def test_round_50_certificates_cards_and_pages_of_ones_own_are_spam(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize(
    "text", ["Больничный закрыли задним числом, это законно?", "Завтра оформлю кредит на ремонт, если одобрят"]
)
def test_round_50_a_certificate_or_a_loan_of_ones_own_is_no_offer(judge, text: str) -> None:
    assert judge.judge(text).action == "allow", text


def test_round_50_a_handle_on_a_text_doubtful_without_it_is_held(judge) -> None:
    # (the model reads the broker's wording between the lines once the messenger is blanked out)
    v = judge.judge("Кредиты, ипотеки, рефинансирование – помогаем даже с просрочками. Брокер Пятигорск. ВАТСАП в профиле 📲")
    assert v.action != "allow", (v.action, v.ground)


@pytest.mark.parametrize(
    "text",
    [
        "Аккаунт взломан? Восстановим страницу ВК за час, пишите @vk_help_service",
        "Коллекторы достали? Избавим от звонков за 1 день, звоните юристам",
    ],
)
def test_round_50_a_page_restored_and_collectors_stopped_are_services_sold(judge, text: str) -> None:
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban") and "spam" in v.labels, (v.action, v.ground)


@pytest.mark.parametrize("text", ["Восстановим парк всем миром, приходите на субботник", "Как избавиться от звонков коллекторов?"])
def test_round_50_restoring_a_park_or_asking_about_collectors_is_no_advert(judge, text: str) -> None:
    assert judge.judge(text).action not in ("delete", "delete_and_ban"), text
