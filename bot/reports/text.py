"""Russian wording of the report: numbers, plurals, durations and the summary for a letter.

The summary is written to be pasted into an official letter as it is: whole sentences, numbers
with their nouns in the right case ("получено 21 комментарий", "из 13 недель"), Moscow dates.
"""

from __future__ import annotations

import datetime as dt

from .figures import Figures, Page, Report, WeekRow, attribute_name, category_name
from .periods import msk
from .watch import REQUIRED_PER_WEEK

NBSP = "\u00a0"
WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")

__all__ = ["ban_length", "date_ru", "datetime_ru", "duration", "num", "pct", "plural", "summary",
           "week_status_ru"]


def num(n: int | float) -> str:
    """1 234 567 (no-break spaces between thousands); a float with one decimal and a comma."""
    if isinstance(n, float):
        whole = f"{n:,.1f}".replace(",", NBSP).replace(".", ",")
        return whole
    return f"{n:,}".replace(",", NBSP)


def pct(share: float | None) -> str:
    """0.0632 → «6,3 %»; None → «—»."""
    if share is None:
        return "—"
    return f"{100 * share:.1f}".replace(".", ",") + NBSP + "%"


def plural(n: int, one: str, few: str, many: str) -> str:
    """The noun form that goes with ``n``: 1 комментарий, 2 комментария, 5 комментариев."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count(n: int, one: str, few: str, many: str) -> str:
    return f"{num(n)} {plural(n, one, few, many)}"


def of_weeks(n: int) -> str:
    """«из 13 недель», «из 1 недели», «из 21 недели» (genitive after «из»)."""
    return f"из {num(n)} " + ("недели" if n % 10 == 1 and n % 100 != 11 else "недель")


def duration(seconds: float | None) -> str:
    """40 с, 35 мин, 2 ч 5 мин, 3 дн 4 ч."""
    if seconds is None:
        return "—"
    s = int(round(seconds))
    if s < 60:
        return f"{s} с"
    m = s // 60
    if m < 60:
        return f"{m} мин"
    h, m = divmod(m, 60)
    if h < 24:
        return f"{h} ч {m} мин" if m else f"{h} ч"
    d, h = divmod(h, 24)
    return f"{d} дн {h} ч" if h else f"{d} дн"


def ban_length(days: int | None) -> str:
    """на 1 сутки, на 7 суток, на 21 сутки, бессрочно."""
    if days is None or days == 0:
        return "бессрочно"
    return f"на {num(days)} " + ("сутки" if days % 10 == 1 and days % 100 != 11 else "суток")


def date_ru(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def datetime_ru(ts: float) -> str:
    """Moscow time: 05.10.2026 14:30."""
    return f"{msk(ts):%d.%m.%Y %H:%M}"


def day_ru(day: dt.date) -> str:
    """05.10.2026 (пн)."""
    return f"{day:%d.%m.%Y} ({WEEKDAYS[day.weekday()]})"


def week_status_ru(status: str) -> str:
    return {"met": "выполнена", "missed": f"меньше {REQUIRED_PER_WEEK}", "incomplete": "неделя не завершена",
            "no_data": "нет данных", "": ""}.get(status, status)


# --------------------------------------------------------------------------- the summary


def _breakdown(f: Figures, categories: list[str]) -> str:
    parts = [f"{category_name(c)} — {num(f.removed_by_category[c])}" for c in categories if f.removed_by_category[c]]
    text = "из них: " + ", ".join(parts) if parts else ""
    attrs = [f"{attribute_name(t)} — {num(n)}" for t, n in sorted(f.removed_by_attribute.items(),
                                                                    key=lambda kv: (-kv[1], kv[0]))]
    if attrs:
        text += "; по признаку группы: " + ", ".join(attrs)
    return text


def _clause19(f: Figures, categories: list[str]) -> list[str]:
    out = []
    received = f"получено {count(f.received_comments, 'комментарий', 'комментария', 'комментариев')}"
    if f.received_messages:
        received += f" и {count(f.received_messages, 'сообщение', 'сообщения', 'сообщений')}"
    removed = f"удалено {num(f.removed)}"
    if f.received:
        removed += f" ({pct(f.removed_share)})"
    breakdown = _breakdown(f, categories)
    out.append(f"{received}, {removed}" + (f", {breakdown}" if breakdown else "") + ".")
    if f.shadow_removals:
        out.append(f"В режиме наблюдения (без удаления) к удалению отмечено "
                   f"{count(f.shadow_removals, 'комментарий', 'комментария', 'комментариев')}.")
    if f.bans:
        lengths = ", ".join(f"{ban_length(d)} — {num(n)}" for d, n in sorted(
            f.bans_by_duration.items(), key=lambda kv: (kv[0] is None or kv[0] == 0, kv[0] or 0)))
        out.append(f"В чёрный список внесено {count(f.blacklisted_authors, 'автор', 'автора', 'авторов')} "
                   f"({lengths}).")
    else:
        out.append("В чёрный список никто не внесён.")
    if f.held:
        text = f"На проверку модераторам передано {count(f.held, 'комментарий', 'комментария', 'комментариев')}"
        if f.held_decided:
            text += (f", решение принято по {num(f.held_decided)} (медиана времени до решения — "
                     f"{duration(f.review_median)}, 95{NBSP}% — не дольше {duration(f.review_p95)})")
        else:
            text += ", решений модераторов по ним пока нет"
        if f.held_waiting:
            text += f", ожидают решения — {num(f.held_waiting)}"
        out.append(text + ".")
    if f.auto_actions:
        out.append(f"Модераторы отменили {num(f.auto_undone)} из {num(f.auto_actions)} "
                   f"{plural(f.auto_actions, 'автоматического удаления', 'автоматических удалений', 'автоматических удалений')}"
                   f" ({pct(f.undone_share)}).")
    return out


def _clause15(f: Figures) -> str:
    posts = f"Страница опубликовала {count(f.posts, 'запись', 'записи', 'записей')}"
    if not f.weeks_counted:
        return posts + "; ни одной полной недели с данными для оценки нормы п. 15 в периоде нет."
    text = (f"{posts}; норма п. 15 (не менее {REQUIRED_PER_WEEK} публикаций в неделю) выполнена в "
            f"{num(f.weeks_met)} {of_weeks(f.weeks_counted)} ({pct(f.weeks_share)})")
    missed = f.weeks_with("missed")
    if missed:
        text += "; не выполнена: " + _missed(missed)
    return text + "."


def _missed(weeks: list[WeekRow]) -> str:
    """The weeks under the norm: in full when few, as week numbers when many (the table has them)."""
    if len(weeks) <= 4:
        return ", ".join(f"{w.week.label_ru} — {count(w.posts, 'публикация', 'публикации', 'публикаций')}"
                         for w in weeks)
    return f"{num(len(weeks))} {plural(len(weeks), 'неделя', 'недели', 'недель')} (" + ", ".join(
        f"{w.week.week}-я" for w in weeks) + "; подробно — в таблице по неделям)"


def _coverage(f: Figures, report: Report) -> list[str]:
    notes = []
    if f.watched_since is not None and f.watched_since > report.period.start:
        notes.append(f"Записи modbot ведутся с {datetime_ru(f.watched_since)}: более ранних данных нет.")
    return notes


def page_summary(page: Page, f: Figures, report: Report) -> str:
    """One paragraph about one page."""
    head = f"{report.period.for_ru} на странице {page.title}"
    if f.empty:
        return f"{head} данных нет: комментариев не получено, публикаций не записано." + "".join(
            " " + n for n in _coverage(f, report))
    c19 = _clause19(f, report.categories)
    return " ".join([f"{head} {c19[0]}", *c19[1:], _clause15(f), *_coverage(f, report)])


def total_summary(report: Report) -> str:
    """The organisation's paragraph (several pages)."""
    f = report.total
    n = len(report.pages)
    head = f"{report.period.for_ru} на {num(n)} {plural(n, 'странице', 'страницах', 'страницах')}"
    if report.scope:
        head += f" ({report.scope})"
    c19 = _clause19(f, report.categories)
    parts = [f"{head} {c19[0]}", *c19[1:]]
    posts = f"Страницы опубликовали {count(f.posts, 'запись', 'записи', 'записей')}"
    short = [(pr.page, pr.figures.weeks_with("missed")) for pr in report.pages]
    short = [(p, ws) for p, ws in short if ws]
    if not report.page_weeks_counted:
        parts.append(posts + ".")
    elif not short:
        parts.append(f"{posts}; норма п. 15 выполнена на всех страницах во всех полных неделях периода.")
    else:
        parts.append(f"{posts}; норма п. 15 выполнена в {num(report.page_weeks_met)} "
                     f"{of_weeks(report.page_weeks_counted)} (считая каждую страницу, "
                     f"{pct(report.page_weeks_share)}); не выполнена: "
                     + "; ".join(f"{p.title} — " + ", ".join(f"{w.week.week}-я" for w in ws)
                                 + f" {plural(len(ws), 'неделя', 'недели', 'недели')}" for p, ws in short) + ".")
    return " ".join(parts)


def summary(report: Report) -> list[str]:
    """The paragraphs at the top of the report: the organisation first (when there are several
    pages), then each page; an empty period says so."""
    if not report.pages:
        return [f"{report.period.for_ru} данных нет: в базе нет ни одной страницы"
                + (f" ({report.scope})" if report.scope else "") + "."]
    paras = []
    if report.empty:
        paras.append(f"{report.period.for_ru} данных нет: комментариев не получено, решений не принято, "
                     f"публикаций не записано" + (f" ({report.scope})" if report.scope else "") + ".")
    elif len(report.pages) > 1:
        paras.append(total_summary(report))
    if not report.empty:
        paras += [page_summary(pr.page, pr.figures, report) for pr in report.pages]
    if report.data_until is None:
        paras.append("База данных не содержит ни одной записи.")
    elif report.data_until < report.period.end:
        paras.append(f"Данные — по {datetime_ru(report.data_until)} (МСК): позже этого момента записей в базе нет.")
    return paras
