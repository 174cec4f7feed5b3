"""Scores → action: thresholds per category, overrides, and their validation."""

import pytest

from moderation.policy import DEFAULT_THRESHOLDS, Policy, Thresholds


def scores(**kw: float) -> dict[str, float]:
    base = dict.fromkeys(("spam", "obscene", "insult", "threat", "hate"), 0.0)
    base.update(kw)
    return base


@pytest.mark.parametrize(
    ("kw", "action", "labels"),
    [
        ({}, "allow", []),
        ({"insult": 0.45}, "review", []),
        ({"insult": 0.65}, "delete", ["insult"]),
        ({"insult": 0.9}, "delete_and_ban", ["insult"]),
        ({"spam": 0.55}, "review", []),
        ({"obscene": 0.97, "insult": 0.3}, "delete_and_ban", ["obscene"]),
        ({"threat": 0.6, "hate": 0.56}, "delete", ["threat", "hate"]),
    ],
)
def test_default_thresholds(kw, action, labels):
    assert Policy().decide(scores(**kw)) == (action, labels)


def test_a_delete_ceiling_removes_without_banning_unless_another_label_bans():
    assert Policy().decide(scores(insult=0.99), {"insult": "delete"}) == ("delete", ["insult"])
    assert Policy().decide(scores(insult=0.99, obscene=0.97), {"insult": "delete"}) == (
        "delete_and_ban",
        ["obscene", "insult"],
    )


def test_ban_needs_a_label_over_its_own_ban_threshold():
    # insult over delete, spam over *its* ban threshold but under delete of nothing else
    p = Policy.from_mapping(overrides={"spam": {"review": 0.1, "delete": 0.2, "ban": 0.3}})
    assert p.decide(scores(spam=0.35)) == ("delete_and_ban", ["spam"])


def test_overrides_merge_onto_model_defaults():
    p = Policy.from_mapping({"insult": Thresholds(0.3, 0.5, 0.7)}, {"insult": {"delete": 0.6}})
    assert p.thresholds["insult"] == Thresholds(0.3, 0.6, 0.7)
    assert p.thresholds["spam"] == DEFAULT_THRESHOLDS["spam"]


@pytest.mark.parametrize(
    "bad",
    [{"insult": {"delete": 0.95}}, {"nonsense": {"delete": 0.5}}, {"spam": {"review": -0.1}}],
)
def test_bad_overrides_are_refused_with_a_message(bad):
    with pytest.raises(ValueError, match=r"threshold|categor"):
        Policy.from_mapping(overrides=bad)


def test_an_advert_is_an_offer_not_a_topic_or_a_channel():
    from moderation.policy import SPAM_CHANNELS, SPAM_COMMERCE, SPAM_INTENT, SPAM_TOPICS

    assert "advert" in SPAM_INTENT and "advert" in SPAM_COMMERCE
    assert "advert" not in SPAM_TOPICS and "advert" not in SPAM_CHANNELS
    assert "lure" in SPAM_INTENT and "lure" in SPAM_COMMERCE  # (a bot's payout or its СНИЛС asked, round 31)


def test_an_invitation_alone_is_held_not_deleted():
    from moderation.policy import SPAM_INVITATIONS, ceilings
    from moderation.spam import SpamSignal

    # round 34: «Давайте по делу: кто видел момент ДТП, напишите в ЛС» — the judge found nothing offered
    spam = [SpamSignal("pm_invite", 30, 43, "напишите в ЛС", 0.45)]
    caps, why = ceilings([], spam, None, invitation_only=True)
    assert caps["spam"] == "review" and "ничего не предложено" in why["spam"]
    assert ceilings([], spam, None)[0].get("spam") is None
    # a phone or a messenger is no mere invitation: a trade names itself in words no lexicon lists
    assert SPAM_INVITATIONS == {"pm_invite"}


def test_a_warning_about_forbidden_goods_is_let_through():
    from moderation.policy import ceilings
    from moderation.spam import SpamSignal

    spam = [SpamSignal("illegal_goods", 9, 28, "права без экзамена", 0.55)]
    assert ceilings([], spam, None, warns=True)[0]["spam"] == "allow"
    assert ceilings([], spam, None)[0].get("spam") is None


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("с*ки, опять коммуналку повысили", True),  # an insult word written in disguise: the delete band
        ("Ну и ушл*пки работают в горгазе", True),
        ("опять гoвнo-ремонт на Кирова", True),
        ("Пожалуйста, удалите комментарий выше, там меня назвали «с*кой». Это же оскорбление", False),  # reported
    ],
)
def test_round_49_a_disguised_insult_word_is_deleted(judge, text, removed):
    assert (judge.judge(text).action in ("delete", "delete_and_ban")) is removed


@pytest.mark.parametrize("text", ["Кр3тины, кто придумал платные парковки", "Сплошное 6ыдло на Машуке по выходным"])
def test_round_49_an_insult_word_with_digits_or_symbols_for_letters_is_disguised_too(judge, text):
    assert judge.judge(text).action in ("delete", "delete_and_ban")
