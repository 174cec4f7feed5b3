"""Normalisation: look-alikes, split letters, masks, squeezing, and offsets back to the original."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.normalize import Normalized, Token, normalize, squeeze_doubles


def texts(s: str) -> list[str]:
    return [t.text for t in normalize(s).tokens]


def quotes(s: str) -> list[str]:
    n = normalize(s)
    return [n.original[t.start : t.end] for t in n.tokens]


# --------------------------------------------------------------------------------------------------
# look-alikes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("xyй", "хуй"),  # Latin x, y
        ("пиздeц", "пиздец"),  # Latin e
        ("сyка", "сука"),
        ("6лять", "блять"),  # digit 6
        ("ёб@ный", "ебаный"),  # @ as а, ё folded
        ("HAXУЙ", "нахуй"),  # capital H reads as Н
        ("x0p0шo", "хорошо"),  # digit 0 and Latin o
        ("бл9", "бля"),  # 9 reads as я
        ("пи3дец", "пиздец"),  # 3 reads as з
        ("дeбuл", "дебил"),  # u reads as и
        ("муд@к", "мудак"),
        ("ЁЖИК", "ежик"),
        ("Ёлка", "елка"),
    ],
)
def test_lookalikes_fold_into_cyrillic(raw: str, expected: str) -> None:
    assert texts(raw) == [expected]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hello world", ["hello", "world"]),
        ("class", ["class"]),
        ("https://vk.com/id123?x=1", ["https://vk.com/id123?x=1"]),
        ("пишите на test@mail.ru", ["пишите", "на", "test@mail.ru"]),
        ("сайт пятигорск.рф", ["сайт", "пятигорск.рф"]),
        ("в 2023 году", ["в", "2023", "году"]),
        ("звоните 8-928-000-00-00", ["звоните", "8", "928", "000", "00", "00"]),
    ],
)
def test_latin_words_urls_and_numbers_stay_untouched(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10км", ["10", "км"]),
        ("2023г", ["2023", "г"]),
        ("ковид19", ["ковид", "19"]),
        ("2х", ["2", "х"]),
        ("1ый", ["1", "ый"]),
    ],
)
def test_numbers_glued_to_words_are_not_letters(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


def test_latin_word_gets_transliterated_readings_as_alt_only() -> None:
    (tok,) = normalize("pizdec").tokens
    assert tok.text == "pizdec"
    assert "пиздец" in tok.alt
    (tok,) = normalize("cyka").tokens
    assert "сука" in tok.alt
    (tok,) = normalize("kakoi").tokens
    assert "какой" in tok.alt and "какои" in tok.alt  # «i» after a vowel is also read as «й»


def test_ambiguous_lookalike_offers_second_reading() -> None:
    (tok,) = normalize("хuй").tokens  # u is и by shape, у by sound
    assert tok.text == "хий"
    assert "хуй" in tok.alt


# --------------------------------------------------------------------------------------------------
# split letters


@pytest.mark.parametrize(
    ("raw", "expected", "quote"),
    [
        ("х у й", "хуй", "х у й"),
        ("п.и.з.д.е.ц", "пиздец", "п.и.з.д.е.ц"),
        ("б-л-я-т-ь", "блять", "б-л-я-т-ь"),
        ("д е б и л", "дебил", "д е б и л"),
        ("с у к а", "сука", "с у к а"),
        ("х_у_й", "хуй", "х_у_й"),
        ("х*у*й", "хуй", "х*у*й"),
        ("x.y.й", "хуй", "x.y.й"),
        ("ну ты д е б и л !", "дебил", "д е б и л"),
    ],
)
def test_split_letters_are_joined(raw: str, expected: str, quote: str) -> None:
    n = normalize(raw)
    tok = next(t for t in n.tokens if t.text == expected)
    assert n.original[tok.start : tok.end] == quote


@pytest.mark.parametrize(
    ("raw", "expected", "quote"),
    [("у хо(х)лов", "хохлов", "хо(х)лов"), ("ну ты п(и)дор", "пидор", "п(и)дор")],
)
def test_a_letter_in_brackets_inside_a_word_is_part_of_it(raw: str, expected: str, quote: str) -> None:
    n = normalize(raw)
    tok = next(t for t in n.tokens if t.text == expected)
    assert n.original[tok.start : tok.end] == quote


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("друг(а)", ["друг", "а"]),
        ("привет(как дела)", ["привет", "как", "дела"]),
        ("ну)) да((", ["ну", "да"]),
    ],
)
def test_brackets_around_words_stay_punctuation(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("и я с ним", ["и", "я", "с", "ним"]),  # one-letter words, not a spelled word
        ("и т.д. и т.п.", ["и", "т", "д", "и", "т", "п"]),  # mixed separators
        ("т.е. в среду", ["т", "е", "в", "среду"]),  # only two letters
        ("а, б, в", ["а", "б", "в"]),  # list, comma is not a joiner
        ("1.2.3", ["1", "2", "3"]),  # digits only
    ],
)
def test_ordinary_short_words_are_not_joined(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


# --------------------------------------------------------------------------------------------------
# masks


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("х*й", "х*й"),
        ("бл**ь", "бл**ь"),
        ("п@#дец", "п**дец"),  # @ next to another symbol is a mask, not а
        ("х#р", "х*р"),
        ("с*ка", "с*ка"),
        ("е*ать", "е*ать"),
        ("п***ц", "п***ц"),
        ("нае...ли", "нае**ли"),  # dots inside a short word hide letters
        ("с..ка", "с**ка"),
    ],
)
def test_masks_become_wildcards(raw: str, expected: str) -> None:
    (tok,) = normalize(raw).tokens
    assert tok.text == expected
    assert tok.masked
    assert tok.end - tok.start == len(raw)


@pytest.mark.parametrize(
    ("raw", "masked", "pause"),
    [
        ("ЗАЕ...БАЛИ", "зае**бали", "заебали"),
        ("Ху...ево", "ху**ево", "хуево"),
        ("х...у...й", "х**у**й", "хуй"),
        ("нае...ли", "нае**ли", "наели"),  # (the lexicon reads the masked form: «наебали»)
        ("ре...бята", "ре**бята", "ребята"),  # an ordinary word drawn out reads as itself
    ],
)
def test_an_ellipsis_inside_a_word_is_also_read_as_a_pause(raw: str, masked: str, pause: str) -> None:
    (tok,) = normalize(raw).tokens
    assert tok.text == masked  # the first reading: the dots hide letters
    assert pause in tok.alt  # the second: they hide none


def test_markdown_emphasis_and_punctuation_are_not_masks() -> None:
    assert texts("*важно* 100% ура!!! спасибо!Отлично ну...короче") == [
        "важно",
        "100",
        "ура",
        "спасибо",
        "отлично",
        "ну",
        "короче",
    ]
    assert not any(t.masked for t in normalize("*важно* 100%").tokens)


# --------------------------------------------------------------------------------------------------
# squeezing


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("пиииииздец", "пиздец"),
        ("дураааак", "дурак"),
        ("сууууука", "сука"),
        ("ооочень", "очень"),
        ("ссора", "ссора"),  # legit doubles stay
        ("класс", "класс"),
        ("программа", "программа"),
    ],
)
def test_runs_of_three_or_more_letters_are_squeezed(raw: str, expected: str) -> None:
    assert texts(raw) == [expected]


def test_squeeze_doubles_is_the_matchers_second_try() -> None:
    assert squeeze_doubles("дуррак") == "дурак"
    assert squeeze_doubles("ссора класс") == "сора клас"


# --------------------------------------------------------------------------------------------------
# unicode and offsets


def test_unicode_cleanup_keeps_offsets() -> None:
    raw = "пи\u200dздец Ｈello ﬁne е\u0308ж и\u0306од"
    n = normalize(raw)
    assert [t.text for t in n.tokens] == ["пиздец", "hello", "fine", "еж", "йод"]
    assert [raw[t.start : t.end] for t in n.tokens] == [
        "пи\u200dздец",
        "Ｈello",
        "ﬁne",
        "е\u0308ж",
        "и\u0306од",
    ]


def test_vk_mention_is_split_from_the_name() -> None:
    assert texts("[id2374442|Анна], привет") == ["id2374442", "анна", "привет"]


def test_text_is_tokens_joined_by_single_spaces() -> None:
    n = normalize("  Привет,   мир!!!\n\tКак   дела?  ")
    assert n.text == "привет мир как дела"
    assert n.text == " ".join(t.text for t in n.tokens)
    assert quotes("  Привет,   мир!!!") == ["Привет", "мир"]


def test_empty_and_junk() -> None:
    assert normalize("") == Normalized("", "", ())
    assert normalize("!!! ??? ... ***").tokens == ()
    assert normalize("\x00\x01\ud800\udfff").tokens == ()


def test_tokens_are_real_frozen_dataclasses() -> None:
    tok = normalize("привет").tokens[0]
    assert tok == Token("привет", 0, 6, False)
    assert hash(tok) == hash(Token("привет", 0, 6, False))
    with pytest.raises(AttributeError):
        tok.text = "x"  # type: ignore[misc]


def test_long_text_is_fine() -> None:
    raw = ("Когда уберут мусор во дворе? x0p0шo п.и.з.д.е.ц бл**ь " * 2000)[:100_000]
    n = normalize(raw)
    assert len(n.tokens) > 10_000
    assert all(0 <= t.start < t.end <= len(raw) for t in n.tokens)


# --------------------------------------------------------------------------------------------------
# properties

_ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁКМНОРСТУХ")
    + list("abcehkmoptxyuABCEHKMOPTXY0134689")
    + list(" .-_*#@$%!|&,?\n\t")
    + ["\u200b", "\u0306", "\u0308", "ﬁ", "Ｈ", "\ud800", "😀", "\x00"]
)


def _check(raw: str) -> None:
    n = normalize(raw)
    assert isinstance(n, Normalized)
    assert n.original == raw
    assert n.text == " ".join(t.text for t in n.tokens)
    prev = -1
    for t in n.tokens:
        assert 0 <= t.start < t.end <= len(raw)
        assert t.text and " " not in t.text
        assert t.masked == ("*" in t.text)
        assert t.start >= prev  # tokens come in text order
        prev = t.start
        quote = raw[t.start : t.end]
        assert quote  # evidence always quotes something the user wrote


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_str_normalizes_without_error(raw: str) -> None:
    _check(raw)


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_adversarial_alphabet_normalizes_without_error(raw: str) -> None:
    _check(raw)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["х", "у", "й", "п", "и", "з", "д"]), min_size=3, max_size=8),
    st.sampled_from([" ", ".", "-", "_"]),
)
def test_spelled_out_words_quote_the_whole_span(letters: list[str], sep: str) -> None:
    raw = "ну " + sep.join(letters) + " вот"
    n = normalize(raw)
    spelled = sep.join(letters)
    one_letter_words = sep == " " and len(letters) < 4 and set(letters) <= set("авиксоуя")
    joined = [t for t in n.tokens if raw[t.start : t.end] == spelled]
    assert bool(joined) != one_letter_words


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ни х.я не сделано", "х*я"),  # a dot for a letter
        ("опять бл.ть", "бл*ть"),  # a dot between letters
        ("ты д.бил", "д*бил"),
    ],
)
def test_one_dot_inside_a_short_word_is_a_mask(raw: str, expected: str) -> None:
    n = normalize(raw)
    tok = next(t for t in n.tokens if t.text == expected)
    assert tok.masked


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("живу на ул.Мира", ["живу", "на", "ул", "мира"]),  # a capital after the dot
        ("Спасибо.все хорошо", ["спасибо", "все", "хорошо"]),  # a long word: a sentence ends
        ("вот.я пришел", ["вот", "я", "пришел"]),  # two ordinary words
        ("3.5 млн", ["3", "5", "млн"]),
    ],
)
def test_one_dot_between_words_still_separates_them(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


@pytest.mark.parametrize(
    ("text", "word"), [("ты ид10т", "идиот"), ("ид10ты", "идиоты"), ("ид10тка", "идиотка")]
)
def test_a_pair_of_look_alike_digits_inside_a_word_is_folded(text, word):
    assert word in normalize(text).words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ул.Ленина10а", ("ул", "ленина", "10", "а")),
        ("дом10б", ("дом", "10", "б")),
        ("в 10ти метрах", ("в", "10", "ти", "метрах")),
    ],
)
def test_house_numbers_and_numbers_with_endings_keep_their_digits(text, words):
    assert normalize(text).words == words


@pytest.mark.parametrize(
    ("segment", "open_"),
    [
        ("пишут «все", True),
        ("пишут «все» и", False),
        ('пишут "все', True),
        ('пишут "все" и', False),
        ("пишут „все", True),
        ("пишут „все“ и", False),
        ("пишут “все", True),
        ("нет кавычек", False),
        ('пишут «все "чурки" и', True),
    ],
)
def test_quote_open_waits_for_each_marks_own_closing_mark(segment, open_):
    from moderation.normalize import quote_open

    assert quote_open(segment) is open_


def test_a_three_inside_a_word_is_also_read_as_e_but_not_at_its_start():
    assert "стерва" in normalize("ст3рва").tokens[0].alt
    assert all("е" not in a[:1] for a in normalize("3десь").tokens[0].alt)


def test_a_digit_after_letters_is_a_look_alike_not_a_unit():
    assert normalize("ё6 твою мать").words[0] == "еб"
    assert normalize("1ый").words == ("1", "ый")


def test_a_size_keeps_its_times_sign_apart():
    assert normalize("Шкаф 2х1м").words == ("шкаф", "2", "х", "1", "м")


# --------------------------------------------------------------------------------------------------
# symbols inside a word (round 31)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("е🅱️аные", "ебаные"),  # an emoji letter: 🅱️ is «б»
        ("🅱️ля", "бля"),  # ... at the word's edge too
        ("на€бали", "наебали"),  # a sign that looks like a letter, between letters
        ("х¥ева", "хуева"),
    ],
)
def test_a_sign_that_looks_like_a_letter_inside_a_word_is_that_letter(raw: str, expected: str) -> None:
    (tok,) = normalize(raw).tokens
    assert tok.text == expected
    assert tok.end - tok.start == len(raw)  # the quote is what was written, emoji and all


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("пи🌸да", "пи*да"),
        ("х🍆ёво", "х*ево"),
        ("с💩ка", "с*ка"),
        ("су👍🏻ка", "су*ка"),  # an emoji with its skin tone is one mask
    ],
)
def test_an_emoji_between_letters_of_a_short_word_is_a_mask(raw: str, expected: str) -> None:
    (tok,) = normalize(raw).tokens
    assert tok.text == expected
    assert tok.masked
    assert normalize(raw).original[tok.start : tok.end] == raw


def test_an_emoji_that_breaks_a_word_up_is_also_read_without_it() -> None:
    (tok,) = normalize("пи🌸дорас").tokens
    assert tok.text == "пи*дорас"
    assert "пидорас" in tok.alt


def test_an_emoji_between_every_letter_is_a_separator() -> None:
    n = normalize("б🔥л🔥я🔥д🔥и из управляющей компании")
    assert n.words[0] == "бляди"
    assert n.original[n.tokens[0].start : n.tokens[0].end] == "б🔥л🔥я🔥д🔥и"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("спасибо🔥 за работу", ["спасибо", "за", "работу"]),  # an emoji after a word
        ("улица🌸 красивая", ["улица", "красивая"]),
        ("спасибо🔥красота", ["спасибо", "красота"]),  # between two long words
        ("Спасибо😊Мы придём", ["спасибо", "мы", "придем"]),  # before a capital: a new sentence
        ("ну😂ты даёшь", ["ну", "ты", "даешь"]),  # two short words of their own
        ("ДА🔥ДА", ["да", "да"]),
        ("цена 500 ₽ за билет", ["цена", "500", "за", "билет"]),
        ("стоит 10€ за вход", ["стоит", "10", "за", "вход"]),  # a sign by a number is itself
        ("Пушкин© все права", ["пушкин", "все", "права"]),
        ("🅰️ группа крови", ["группа", "крови"]),  # an emoji letter by no word
        ("150 кВт⋅ч в год", ["150", "квт", "ч", "в", "год"]),  # a math sign is no mask
        ("«слово» — дело", ["слово", "дело"]),  # punctuation stays punctuation
    ],
)
def test_emoji_and_signs_outside_a_word_stay_separators(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected
