"""The judged view of a comment: condensed, the whole text read, evidence mapped to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.excerpt import MAX_CHARS, SEPARATOR, excerpt
from moderation.judge import Judge, explain
from moderation.lexicon import default_lexicon


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def test_plain_text_is_its_own_view():
    e = excerpt("обычный комментарий про дорогу")
    assert e.text == e.original and e.segments is None and e.span(3, 9) == (3, 9)


def test_whitespace_runs_and_invisible_characters_collapse_with_offsets_kept():
    text = "ты\u200b  \n\n\t \u3164 д\u200bе\u00adб\u2060ил\ufeff"  # a Hangul filler: condense it all
    e = excerpt(text)
    assert e.text == "ты\nдебил"
    s, t, quote = e.quote(3, 8)
    assert (
        quote == text[s:t]
        and quote.replace("\u200b", "").replace("\u00ad", "").replace("\u2060", "") == "дебил"
    )


def test_a_blank_letter_is_a_space():
    assert excerpt("ты\u3164дебил").text == "ты дебил"


def test_right_to_left_override_is_read_as_displayed():
    text = "ну ты \u202eлибед\u202c конечно"
    e = excerpt(text)
    assert e.text == "ну ты дебил конечно"
    s, t, quote = e.quote(6, 11)
    assert quote == text[s:t] == "либед"


def test_lone_surrogates_are_dropped():
    assert excerpt("иди нахуй \ud83d урод").text == "иди нахуй урод"


def test_a_long_text_is_judged_on_head_tail_and_its_densest_window():
    filler = "хорошая погода сегодня, гуляем в парке. "
    text = filler * 300 + "а ты дебил и урод " + filler * 300 + "конец"
    e = excerpt(text, default_lexicon().suspicion)
    assert len(e.text) <= MAX_CHARS + 10 * len(SEPARATOR)
    assert e.text.startswith(filler) and e.text.endswith("конец")
    i = e.text.index("дебил")
    s, t, quote = e.quote(i, i + 5)
    assert quote == "дебил" == text[s:t]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["а", "дебил", " ", "  ", "\n\n", "\u200b", "\u202e", "\u202c", "\ud83d", "\u3164", "x", "ё"]
        ),
        max_size=60,
    ).map("".join)
)
def test_every_judged_character_maps_back_to_itself(text):
    e = excerpt(text)
    for i, ch in enumerate(e.text):
        a, b = e.span(i, i + 1)
        assert 0 <= a < b <= len(text)
        if not ch.isspace():
            assert text[a:b] == ch


@pytest.mark.parametrize(
    "text",
    [
        " " * 5000 + "иди нахуй, дебил",
        "\n" * 5000 + "иди нахуй, дебил",
        "\u200b" * 6000 + "иди нахуй, дебил",
        "хорошая погода сегодня " * 220 + "иди нахуй, дебил",
        "хорошая погода сегодня " * 2000 + "иди нахуй, дебил. " + "хорошая погода сегодня " * 2000,
        "иди \u202eйух\u202c, дебил",
        "иди нахуй \ud83d урод",
    ],
)
def test_padding_and_display_tricks_do_not_hide_a_violation(judge, text):
    v = judge.judge(text)
    assert v.action in ("delete", "delete_and_ban"), (v.action, v.scores)
    assert "obscene" in v.labels
    assert v.evidence
    for ev in v.evidence:
        assert text[ev.start : ev.end] == ev.quote
    explain(v).encode("utf-8")  # printable: a lone surrogate in a quote is shown as U+FFFD


def test_a_quoted_lone_surrogate_is_printable(judge):
    text = "ты деб\ud83dил"
    out = explain(judge.judge(text))
    out.encode("utf-8")


def test_a_long_clean_text_stays_up(judge):
    text = "Спасибо администрации за новый сквер, дети довольны. " * 400
    assert judge.judge(text).action == "allow"
