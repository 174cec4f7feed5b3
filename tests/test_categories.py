"""The category registry: one entry per category, read by policy, verdict, lexicon and training."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation import categories
from moderation.categories import Category, Thresholds
from moderation.judge import Judge, explain
from moderation.lexicon import Lexicon
from moderation.normalize import normalize
from moderation.policy import DEFAULT_THRESHOLDS, RULE_FLOORS, Policy, with_rule_floors
from moderation.verdict import CATEGORIES, CATEGORY_NAMES_RU, GROUNDS, Evidence, Verdict

FRAUD = Category(
    "fraud",
    "мошенничество",
    "мошенничество и выманивание денег — п. 19 постановления № 3520 от 21.09.2023",
    Thresholds(0.4, 0.6, 0.8),
    priority=3,
    ban_reason="spam",
    vk_reason_code=1,
    rule_floor=0.9,
    lexicon=True,
)


def test_shipped_registry_keeps_todays_names_and_codes():
    assert tuple(CATEGORIES) == ("spam", "obscene", "insult", "threat", "hate")
    assert categories.by_priority() == ("threat", "hate", "insult", "obscene", "spam")
    assert categories.vk_reason_codes() == {"spam": 1, "obscene": 3, "insult": 2, "threat": 2, "hate": 2}
    assert {c: categories.get(c).ban_reason for c in CATEGORIES} == {
        "spam": "spam",
        "obscene": "profanity",
        "insult": "abuse",
        "threat": "abuse",
        "hate": "abuse",
    }
    assert dict(RULE_FLOORS) == {"obscene": 0.97, "insult": 0.5, "threat": 0.7, "hate": 0.8}
    assert set(DEFAULT_THRESHOLDS) == set(CATEGORIES) == set(GROUNDS) == set(CATEGORY_NAMES_RU)
    assert all("п. 19" in g for g in GROUNDS.values())


def test_bad_entries_are_refused():
    with pytest.raises(ValueError, match="ban_reason"):
        Category("x", "икс", "", Thresholds(0.1, 0.2, 0.3), priority=9, ban_reason="rude")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="already registered"):
        categories.register(categories.get("spam"))
    with pytest.raises(ValueError, match="cannot be removed"):
        categories.unregister("spam")


def test_a_new_category_is_one_entry_and_flows_through_lexicon_policy_and_verdict(tmp_path: Path):
    (tmp_path / "fraud.txt").write_text("[fraud]\nпредоплата\n", encoding="utf-8")
    with categories.registered(FRAUD):
        assert "fraud" in CATEGORIES and CATEGORIES[-1] == "fraud"
        assert categories.by_priority().index("fraud") < categories.by_priority().index("obscene")
        # lexicon: a section named after the category, morphology included
        text = "переведите предоплату на карту, товар отправим"
        hits = Lexicon.load(tmp_path).match(normalize(text))
        assert [(h.category, h.quote) for h in hits] == [("fraud", "предоплату")]
        # rule floor and policy
        scores = with_rule_floors(dict.fromkeys(CATEGORIES, 0.0), hits, [])
        assert scores["fraud"] == 0.9
        policy = Policy()
        assert policy.thresholds["fraud"] == FRAUD.thresholds
        assert policy.decide(scores) == ("delete_and_ban", ["fraud"])
        assert Policy.from_mapping(overrides={"fraud": {"ban": 0.95}}).decide(scores) == ("delete", ["fraud"])
        # verdict: Russian name and ground in the explanation, the score in the JSON contract
        h = hits[0]
        v = Verdict(
            text,
            "delete_and_ban",
            ["fraud"],
            scores,
            [Evidence(h.start, h.end, h.quote, "fraud", h.matched)],
            ground=GROUNDS["fraud"],
        )
        out = explain(v)
        assert "Нарушения: мошенничество" in out and "выманивание денег" in out and "«предоплату»" in out
        assert v.to_json()["scores"]["fraud"] == 0.9
        # the shipped judge scores it (no model head: rules only) and knows its thresholds
        judge = Judge.load()
        verdict = judge.judge("хорошая погода")
        assert verdict.scores["fraud"] == 0.0 and "fraud" in judge.policy.thresholds
    assert "fraud" not in CATEGORIES and "fraud" not in CATEGORY_NAMES_RU
