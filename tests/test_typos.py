"""Group names typed with one slip are read as the names (moderation/typos.py; issue 9, round 48).

Sentences written for these tests: a slip of the hand, of the ear and two letters swapped, and the
words that are not slips — a known word, an ending, a short word, a hyphenated half, a slur.
"""

from __future__ import annotations

import pytest

from moderation.groups import analyse
from moderation.judge import Judge
from moderation.lexicon import default_lexicon
from moderation.normalize import normalize

REMOVED = ("delete", "delete_and_ban")


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("жензин", "женщин"),  # a keyboard neighbour
        ("пинсионеров", "пенсионеров"),  # a vowel for a vowel
        ("масквичи", "москвичи"),
        ("таджыки", "таджики"),
        ("узбегов", "узбеков"),  # a voiced twin
        ("лезбиянки", "лесбиянки"),
        ("блохеры", "блогеры"),  # the southern «г»
        ("комунальщиков", "коммунальщиков"),  # a letter left out
        ("эстоонцы", "эстонцы"),  # a letter too many
        ("жиетлей", "жителей"),  # two neighbours swapped
        ("кавказкие", "кавказские"),  # a group adjective
        ("гарячеводские", "горячеводские"),
    ],
)
def test_round_48_one_slip_is_read_as_the_group_name(typed, meant):
    assert default_lexicon().misspelt_group_word(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "женщин",  # the name itself
        "каравай",  # a word the dictionary knows
        "вжитель",  # the first letter is never a slip
        "ветеринарке",  # an ending is grammar (a clinic, not the vet's dative)
        "нацики",
        "старк",  # under six letters
        "какахи",  # «к» for «з» is no slip of hand or ear
        "укроина",  # never towards a slur or an insult
        "иноземцево",  # a village, not the foreigners' genitive
    ],
)
def test_round_48_what_is_not_a_slip(typed):
    assert default_lexicon().misspelt_group_word(typed) is None


def _findings(text: str) -> list[tuple[str, str | None]]:
    g = analyse(normalize(text), default_lexicon())
    return [] if g is None else [(f.kind, f.attribute) for f in g.violating]


@pytest.mark.parametrize(
    ("text", "kind", "attribute"),
    [
        ("Я считаю что жензин надо всячески притеснять", "call_to_exclude", "sex"),
        ("все масквичи воры и хамы", "generalisation", "residence"),
        ("пинсионеров надо гнать из автобусов", "call_to_exclude", "age"),
        ("таджыки все бандиты", "generalisation", "nationality"),
        ("все кавказкие мужики бандиты", "generalisation", "nationality"),
    ],
)
def test_round_48_a_misspelt_group_is_read_by_the_analyser(text, kind, attribute):
    assert (kind, attribute) in _findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "мои соседи таджыки очень добрые люди",
        "пинсионеров в автобусе пропускаю вперёд",
        "Надо по-мужски разобраться с этой проблемой",
    ],
)
def test_round_48_a_misspelt_group_mentioned_calmly_stays(judge, text):
    assert not _findings(text)
    assert judge.judge(text).action not in REMOVED


def test_round_48_the_evidence_quotes_what_was_typed(judge):
    v = judge.judge("Я считаю что жензин надо всячески притеснять")
    assert v.action in REMOVED
    (e,) = [e for e in v.evidence if e.category == "hate"]
    assert "жензин" in e.quote and e.target == "sex"


def test_round_48_long_nonsense_words_are_read_and_not_remembered():
    slip = default_lexicon().misspelt_group_word
    words = {"ж" + "а" * 5_000 + str(k) for k in range(50)}
    assert slip.read(words) == {}
    assert words.isdisjoint(slip._clean)
