"""Escalation ladder: pure policy, every rung and every exception (trusted, delete_only)."""

from __future__ import annotations

import pytest

from bot.ladder import (
    DAY,
    DEFAULT_LADDER,
    TRUSTED_REASON,
    Ladder,
    LadderStep,
    ban_comment,
    ban_end_date,
    escalate,
    primary_category,
    validate_ladder,
)


@pytest.mark.parametrize(
    ("prior", "action", "days", "step"),
    [
        (0, "delete", None, None),  # first offence: delete only
        (1, "delete_and_ban", 1, 1),
        (2, "delete_and_ban", 7, 2),
        (3, "delete_and_ban", 0, 3),  # forever
        (10, "delete_and_ban", 0, 3),
    ],
)
def test_delete_climbs_the_ladder(prior: int, action: str, days: int | None, step: int | None) -> None:
    out = escalate("delete", prior)
    assert (out.action, out.ban_days, out.step) == (action, days, step)


@pytest.mark.parametrize(("prior", "days"), [(0, 1), (1, 7), (2, 0), (5, 0)])
def test_delete_and_ban_is_one_rung_higher(prior: int, days: int) -> None:
    out = escalate("delete_and_ban", prior)
    assert out.action == "delete_and_ban"
    assert out.ban_days == days


@pytest.mark.parametrize("action", ["allow", "review"])
def test_allow_and_review_pass_through(action: str) -> None:
    out = escalate(action, 5)
    assert out.action == action and out.ban_days is None


@pytest.mark.parametrize("action", ["delete", "delete_and_ban"])
def test_trusted_author_goes_to_review(action: str) -> None:
    out = escalate(action, 7, trusted=True)
    assert out.action == "review"
    assert out.ban_days is None
    assert out.reason == TRUSTED_REASON == "доверенный пользователь"


def test_trusted_allow_stays_allow() -> None:
    assert escalate("allow", 0, trusted=True).action == "allow"


@pytest.mark.parametrize("action", ["delete", "delete_and_ban"])
def test_delete_only_ladder_never_bans(action: str) -> None:
    ladder = Ladder((), 30, delete_only=True)
    out = escalate(action, 99, ladder)
    assert (out.action, out.ban_days) == ("delete", None)


def test_custom_ladder_and_gaps() -> None:
    ladder = Ladder((LadderStep(3, 30),), window_days=90)
    assert escalate("delete", 2, ladder).action == "delete"
    assert escalate("delete", 3, ladder).ban_days == 30
    assert escalate("delete_and_ban", 2, ladder).ban_days == 30
    assert escalate("delete_and_ban", 0, ladder).action == "delete"  # no rung reached even +1
    assert ladder.window_start(100 * DAY) == 10 * DAY


def test_bad_inputs_raise() -> None:
    with pytest.raises(ValueError):
        escalate("nuke", 0)
    with pytest.raises(ValueError):
        escalate("delete", -1)


def test_ban_end_date() -> None:
    now = 1_700_000_000.7
    assert ban_end_date(now, 1) == 1_700_000_000 + DAY
    assert ban_end_date(now, 7) == 1_700_000_000 + 7 * DAY
    assert ban_end_date(now, 0) is None  # forever: VK omits end_date
    assert ban_end_date(now, None) is None
    assert ban_end_date(now, 5000) == 1_700_000_000 + 3650 * DAY  # ten years at most; longer is "forever"
    with pytest.raises(ValueError):
        ban_end_date(now, -1)


def test_primary_category_is_the_gravest() -> None:
    assert primary_category(["obscene", "threat"], {"obscene": 0.99, "threat": 0.6}) == "threat"
    assert primary_category(["spam"]) == "spam"
    assert primary_category([]) == ""


def test_ban_comment_fills_category_in_russian() -> None:
    text = ban_comment("Нарушение п. 19: {category}. Основание: {ground} {unknown}", "obscene")
    assert "нецензурная брань" in text
    assert "3520" in text
    assert "{unknown}" in text  # stray braces are left alone, never a crash at ban time


def test_validate_ladder() -> None:
    assert validate_ladder(DEFAULT_LADDER) == []
    problems = validate_ladder(
        Ladder((LadderStep(2, 7), LadderStep(2, 1), LadderStep(3, 0), LadderStep(4, 30)), window_days=0)
    )
    text = "\n".join(problems)
    assert "window_days" in text
    assert "steps[2].after_violations" in text
    assert "steps[4]: follows a forever ban" in text
    assert len(problems) == 4, problems
    assert validate_ladder(Ladder((LadderStep(1, 7), LadderStep(2, 3)))) == [
        "ladder.steps[2].days: 3 is shorter than the previous step's 7"
    ]
