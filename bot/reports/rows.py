"""The report's main table — one row per figure, one column per page plus the total — shared by the
HTML, XLSX and CSV renderers so the three always show the same figures under the same names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .figures import Figures, Report, attribute_name, category_name
from .text import ban_length
from .watch import REQUIRED_PER_WEEK

__all__ = ["FigureRow", "figure_rows"]


@dataclass(frozen=True)
class FigureRow:
    """``key`` (stable, machine-readable), Russian ``label``, ``values`` per page then the total
    (None: not applicable, e.g. a share of nothing), ``kind``: int, share (0..1), decimal, seconds;
    ``level`` 1 for a breakdown of the row above; ``section``: 19 or 15."""

    key: str
    label: str
    values: list[float | int | None]
    kind: str = "int"
    level: int = 0
    section: int = 19


def figure_rows(report: Report) -> list[FigureRow]:
    cols: list[Figures] = [pr.figures for pr in report.pages] + [report.total]
    rows: list[FigureRow] = []

    def add(key: str, label: str, get: Callable[[Figures], float | int | None], kind: str = "int", level: int = 0,
            section: int = 19, total: float | int | None | str = "same") -> None:
        values = [get(f) for f in cols]
        if total != "same":
            values[-1] = total  # type: ignore[assignment]
        rows.append(FigureRow(key, label, values, kind, level, section))

    t = report.total
    add("received_comments", "Получено комментариев", lambda f: f.received_comments)
    add("received_messages", "Получено сообщений", lambda f: f.received_messages)
    add("removed", "Удалено комментариев и сообщений", lambda f: f.removed)
    for c in report.categories:
        add(f"removed:{c or 'none'}", f"в т. ч. {category_name(c)}", lambda f, c=c: f.removed_by_category[c],
            level=1)
    for a in report.attributes:
        add(f"attribute:{a}", f"в т. ч. по признаку: {attribute_name(a)}",
            lambda f, a=a: f.removed_by_attribute[a], level=1)
    if t.removed_unconfirmed:
        add("removed_unconfirmed", "удаление ещё не подтверждено платформой", lambda f: f.removed_unconfirmed,
            level=1)
    add("removed_share", "Доля удалённых", lambda f: f.removed_share, "share")
    add("per_1000", "Удалений на 1 000 комментариев и сообщений", lambda f: f.per_1000, "decimal")
    if t.shadow_removals:
        add("shadow_removals", "Отмечено к удалению в режиме наблюдения (не удалены)", lambda f: f.shadow_removals)
    add("blacklisted_authors", "Внесено в чёрный список авторов", lambda f: f.blacklisted_authors)
    for d in report.durations:
        add(f"bans:{d if d is not None else 'forever'}", f"блокировок {ban_length(d)}",
            lambda f, d=d: f.bans_by_duration[d], level=1)
    add("held", "Передано на проверку модераторам", lambda f: f.held)
    add("held_decided", "решение модератора принято", lambda f: f.held_decided, level=1)
    add("held_waiting", "ожидают решения", lambda f: f.held_waiting, level=1)
    if t.held_other:
        add("held_other", "сняты автоматически (текст изменён автором)", lambda f: f.held_other, level=1)
    add("review_median", "время до решения модератора, медиана", lambda f: f.review_median, "seconds", 1)
    add("review_p95", "время до решения модератора, 95-й процентиль", lambda f: f.review_p95, "seconds", 1)
    add("auto_actions", "Автоматических удалений", lambda f: f.auto_actions)
    add("auto_undone", "отменено модераторами", lambda f: f.auto_undone, level=1)
    add("undone_share", "доля отменённых (видимая ошибка модели)", lambda f: f.undone_share, "share", 1)
    add("posts", "Публикаций страницы", lambda f: f.posts, section=15)
    add("weeks_counted", "Полных недель с данными", lambda f: f.weeks_counted, section=15,
        total=report.page_weeks_counted)
    add("weeks_met", f"Недель с нормой (не менее {REQUIRED_PER_WEEK} публикаций)", lambda f: f.weeks_met,
        section=15, total=report.page_weeks_met)
    add("weeks_share", "Доля недель с выполненной нормой", lambda f: f.weeks_share, "share", section=15,
        total=report.page_weeks_share)
    return rows
