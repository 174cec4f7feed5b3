"""Moscow time, ISO weeks and report periods: the calendar the regional centre counts in.

Pyatigorsk keeps Moscow time, and the decree's periods (a quarter, a year) and its weekly rule
(clause 15: at least 3 publications a week) are counted there, not in UTC: a comment written at
01:30 on 1 January Moscow time belongs to the new year although it is still 31 December in UTC.

Weeks are ISO weeks (Monday to Sunday); a week belongs to the period that holds its **Thursday**
(the ISO rule that also decides which year a week belongs to), so every week is counted in
exactly one quarter and one year, whole.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["MSK", "IsoWeek", "Period", "PeriodError", "parse_period", "week_of", "weeks_of"]


def _moscow() -> dt.tzinfo:
    """Europe/Moscow from the system's time-zone database; without one, UTC+3 — Moscow's offset
    since 26 October 2014, so every date modbot can have recorded is the same either way."""
    try:
        return ZoneInfo("Europe/Moscow")
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone(dt.timedelta(hours=3), "MSK")


MSK = _moscow()
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MONTHS_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
             "ноябрь", "декабрь")
#: The widest period a report covers (a few years; a typo such as 20260..20261 is refused).
MAX_DAYS = 3 * 366 + 1


class PeriodError(ValueError):
    """A ``--period`` that cannot be read; the message says why, in Russian, with examples."""


def msk(ts: float) -> dt.datetime:
    """Unix time → Moscow date and time."""
    return dt.datetime.fromtimestamp(ts, MSK)


def midnight(day: dt.date) -> float:
    """Unix time of 00:00 Moscow time on ``day``."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=MSK).timestamp()


@dataclass(frozen=True)
class IsoWeek:
    """An ISO week: Monday ``monday`` to Sunday, ``[start, end)`` in unix time (Moscow midnights)."""

    year: int
    week: int
    monday: dt.date

    @property
    def key(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def thursday(self) -> dt.date:
        return self.monday + dt.timedelta(days=3)

    @cached_property
    def start(self) -> float:
        return midnight(self.monday)

    @cached_property
    def end(self) -> float:
        return midnight(self.monday + dt.timedelta(days=7))

    @property
    def dates_ru(self) -> str:
        """``28.12.2026–03.01.2027`` (short when in one year: ``05.10–11.10``)."""
        if self.monday.year == self.sunday.year:
            return f"{self.monday:%d.%m}–{self.sunday:%d.%m}"
        return f"{self.monday:%d.%m.%Y}–{self.sunday:%d.%m.%Y}"

    @property
    def label_ru(self) -> str:
        """``41-я неделя (05.10–11.10)``."""
        return f"{self.week}-я неделя ({self.dates_ru})"


def week_of(day: dt.date) -> IsoWeek:
    """The ISO week that holds ``day``."""
    year, week, weekday = day.isocalendar()
    return IsoWeek(year, week, day - dt.timedelta(days=weekday - 1))


@dataclass(frozen=True)
class Period:
    """Days ``first`` … ``last`` (inclusive), Moscow time. ``kind``: quarter, year, month or range."""

    first: dt.date
    last: dt.date
    kind: str = "range"
    text: str = ""

    @cached_property
    def start(self) -> float:
        """Unix time of 00:00 Moscow time on the first day."""
        return midnight(self.first)

    @cached_property
    def end(self) -> float:
        """Unix time of 00:00 Moscow time after the last day (the period is ``[start, end)``)."""
        return midnight(self.last + dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def title_ru(self) -> str:
        """``IV квартал 2026 г.``, ``2026 год``, ``ноябрь 2026 г.``, ``период с 01.10.2026 по 15.11.2026``."""
        if self.kind == "quarter":
            return f"{ROMAN[(self.first.month - 1) // 3 + 1]} квартал {self.first.year} г."
        if self.kind == "year":
            return f"{self.first.year} год"
        if self.kind == "month":
            return f"{MONTHS_RU[self.first.month - 1]} {self.first.year} г."
        return f"период с {self.first:%d.%m.%Y} по {self.last:%d.%m.%Y}"

    @property
    def for_ru(self) -> str:
        """The start of the summary: ``За IV квартал 2026 г.``, ``За период с … по …``."""
        return "За " + self.title_ru

    @property
    def slug(self) -> str:
        """For file names: ``2026Q4``, ``2026``, ``2026-11``, ``2026-10-01_2026-11-15``."""
        if self.kind == "quarter":
            return f"{self.first.year}Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.first.year)
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return f"{self.first:%Y-%m-%d}_{self.last:%Y-%m-%d}"

    def weeks(self) -> list[IsoWeek]:
        """The ISO weeks whose Thursday lies in the period, in order (whole weeks: their first or
        last days may lie outside it)."""
        return weeks_of(self.first, self.last)

    def holds(self, ts: float) -> bool:
        return self.start <= ts < self.end


def weeks_of(first: dt.date, last: dt.date) -> list[IsoWeek]:
    """ISO weeks whose Thursday lies in ``first`` … ``last``."""
    out = []
    week = week_of(first)
    if week.thursday < first:
        week = week_of(week.monday + dt.timedelta(days=7))
    while week.thursday <= last:
        out.append(week)
        week = week_of(week.monday + dt.timedelta(days=7))
    return out


_EXAMPLES = "например: 2026Q4 (квартал), 2026 (год), 2026-11 (месяц), 2026-10-01..2026-11-15 (с … по)"
_QUARTER = re.compile(r"(\d{4})\s*-?\s*[QqКк]\s*(\d)")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def _year(value: str, text: str) -> int:
    year = int(value)
    if not 2000 <= year <= 2100:
        raise PeriodError(f"неверный период «{text}»: год {year} вне 2000–2100; {_EXAMPLES}")
    return year


def _date(value: str, text: str) -> dt.date:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        _year(str(day.year), text)
        return day
    raise PeriodError(f"неверный период «{text}»: «{value}» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ); {_EXAMPLES}")


def parse_period(text: str) -> Period:
    """``2026Q4`` (also ``2026-Q4``, ``2026Q4`` in Cyrillic), ``2026``, ``2026-11``, or
    ``FROM..TO`` with both days included (``2026-10-01..2026-11-15`` or ``01.10.2026..15.11.2026``).
    Raises :class:`PeriodError` with a Russian message that says what is wrong."""
    raw = text if isinstance(text, str) else ""
    value = raw.strip()
    if not value:
        raise PeriodError(f"не указан период; {_EXAMPLES}")
    if ".." in value:
        left, _, right = value.partition("..")
        if not left.strip() or not right.strip() or ".." in right:
            raise PeriodError(f"неверный период «{raw}»: нужно две даты через «..»; {_EXAMPLES}")
        first, last = _date(left, raw), _date(right, raw)
        if last < first:
            raise PeriodError(f"неверный период «{raw}»: конец ({last:%d.%m.%Y}) раньше начала ({first:%d.%m.%Y})")
        if (last - first).days + 1 > MAX_DAYS:
            raise PeriodError(f"неверный период «{raw}»: больше {MAX_DAYS} дней; разбейте его на годы")
        return Period(first, last, "range", value)
    m = _QUARTER.fullmatch(value)
    if m:
        year, q = _year(m.group(1), raw), int(m.group(2))
        if not 1 <= q <= 4:
            raise PeriodError(f"неверный период «{raw}»: квартал {q} — бывают только 1–4; {_EXAMPLES}")
        first = dt.date(year, 3 * q - 2, 1)
        last = (dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)) - dt.timedelta(days=1)
        return Period(first, last, "quarter", value)
    if _YEAR.fullmatch(value):
        year = _year(value, raw)
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", value)
    m = _MONTH.fullmatch(value)
    if m:
        year, month = _year(m.group(1), raw), int(m.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(f"неверный период «{raw}»: месяц {month} — бывают только 1–12; {_EXAMPLES}")
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return Period(dt.date(year, month, 1), nxt - dt.timedelta(days=1), "month", value)
    raise PeriodError(f"неверный период «{raw}»; {_EXAMPLES}")
