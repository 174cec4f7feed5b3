"""Report periods in Moscow time and ISO weeks; ``--period`` values that cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.reports.periods import PeriodError, parse_period, week_of
from bot.reports.text import ban_length, duration, num, pct, plural
from bot.reports.watch import watch_page
from bot.store import Store

UTC = dt.UTC


def test_quarter_year_month_and_range() -> None:
    q = parse_period("2026Q4")
    assert (q.first, q.last, q.title_ru, q.slug) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
        "IV квартал 2026 г.",
        "2026Q4",
    )
    # midnight Moscow time is 21:00 UTC the day before
    assert dt.datetime.fromtimestamp(q.start, UTC) == dt.datetime(2026, 9, 30, 21, tzinfo=UTC)
    assert dt.datetime.fromtimestamp(q.end, UTC) == dt.datetime(2026, 12, 31, 21, tzinfo=UTC)
    assert parse_period("2026-q1").last == dt.date(2026, 3, 31)
    assert parse_period("2026").title_ru == "2026 год"
    feb = parse_period("2028-02")
    assert (feb.first, feb.last, feb.title_ru) == (
        dt.date(2028, 2, 1),
        dt.date(2028, 2, 29),
        "февраль 2028 г.",
    )
    r = parse_period("01.10.2026..15.11.2026")
    assert (r.first, r.last, r.days) == (dt.date(2026, 10, 1), dt.date(2026, 11, 15), 46)
    assert r.title_ru == "период с 01.10.2026 по 15.11.2026"
    assert parse_period(" 2026-10-01..2026-10-01 ").days == 1


def test_a_week_belongs_to_the_period_of_its_thursday() -> None:
    q4 = parse_period("2026Q4").weeks()
    assert [w.key for w in (q4[0], q4[-1])] == ["2026-W40", "2026-W53"] and len(q4) == 14
    # 2026-W40 starts on Monday 28 September (Q3) but its Thursday, 1 October, is in Q4
    assert q4[0].monday == dt.date(2026, 9, 28)
    q1 = parse_period("2027Q1").weeks()
    assert [w.key for w in (q1[0], q1[-1])] == ["2027-W01", "2027-W12"]  # W13's Thursday is 1 April
    assert len(parse_period("2026").weeks()) == 53 and len(parse_period("2027").weeks()) == 52
    assert parse_period("2026-10-05..2026-10-07").weeks() == []  # Monday–Wednesday: no Thursday
    assert [w.key for w in parse_period("2026-10-08..2026-10-08").weeks()] == ["2026-W41"]
    every = [w.key for q in ("2026Q1", "2026Q2", "2026Q3", "2026Q4") for w in parse_period(q).weeks()]
    assert every == [w.key for w in parse_period("2026").weeks()]  # each week in exactly one quarter
    assert week_of(dt.date(2027, 1, 2)).key == "2026-W53"


@pytest.mark.parametrize(
    "value, words",
    [
        ("2026Q5", "квартал 5"),
        ("2026Q0", "квартал 0"),
        ("2026-13", "месяц 13"),
        ("1999", "вне 2000–2100"),
        ("2026-10-01..", "две даты"),
        ("..2026-10-01", "две даты"),
        ("2026-12-31..2026-01-01", "раньше начала"),
        ("2026-02-30..2026-03-01", "не дата"),
        ("2026-01-01..2031-01-01", "больше"),
        ("вчера", "неверный период"),
        ("", "не указан период"),
        ("2026Q4..2026Q4", "не дата"),
        ("20266", "неверный период"),
    ],
)
def test_bad_periods_are_refused_with_a_clear_message(
    value: str, words: str, tmp_path: Path, capsys: Any
) -> None:
    with pytest.raises(PeriodError, match=words):
        parse_period(value)
    db = tmp_path / "m.db"
    Store(db).close()
    out = tmp_path / "r.html"
    assert main(["report", "--period", value, "--db", str(db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and ("неверный период" in err or "не указан период" in err)
    assert "Traceback" not in err and not out.exists()


def test_russian_numbers_and_plurals() -> None:
    assert [
        plural(n, "комментарий", "комментария", "комментариев") for n in (1, 2, 5, 11, 21, 112, 1004)
    ] == [
        "комментарий",
        "комментария",
        "комментариев",
        "комментариев",
        "комментарий",
        "комментариев",
        "комментария",
    ]
    assert num(1234567) == "1\u00a0234\u00a0567" and pct(0.0632) == "6,3\u00a0%" and pct(None) == "—"
    assert [ban_length(d) for d in (1, 3, 7, 21, None)] == [
        "на 1 сутки",
        "на 3 суток",
        "на 7 суток",
        "на 21 сутки",
        "бессрочно",
    ]
    assert [duration(s) for s in (40, 35 * 60, 2 * 3600 + 300, 3 * 86400 + 4 * 3600)] == [
        "40 с",
        "35 мин",
        "2 ч 5 мин",
        "3 дн 4 ч",
    ]


def _msk(*args: int) -> float:
    return dt.datetime(*args, tzinfo=dt.timezone(dt.timedelta(hours=3))).timestamp()


def test_posting_watch_milestones() -> None:
    # 2027-01-14 is a Thursday
    assert not watch_page("vk", 1, "А", 0, _msk(2027, 1, 13, 23)).at_risk  # Wednesday: still time
    assert not watch_page("vk", 1, "А", 1, _msk(2027, 1, 14, 17, 59)).at_risk
    risky = watch_page("vk", 1, "Больница", 1, _msk(2027, 1, 14, 18))
    assert risky.at_risk and "к вечеру четверга" in risky.message and "1 из 3" in risky.message
    assert risky.week.key == "2027-W02"
    assert not watch_page("vk", 1, "А", 2, _msk(2027, 1, 15, 12)).at_risk
    assert watch_page("vk", 1, "А", 2, _msk(2027, 1, 16, 12)).at_risk  # Saturday noon: 3 expected
    assert not watch_page("vk", 1, "А", 3, _msk(2027, 1, 17, 23)).at_risk
