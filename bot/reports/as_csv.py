"""The report as CSV: one file of titled sections (``[Показатели]``, ``[По неделям]``,
``[Удаления]``, ``[Публикации]``), numbers raw (shares as fractions, times in seconds) for those
who feed the figures to another program. Every cell goes through :func:`bot.csv_export.safe_cell`,
so a comment text (``--with-texts``) can never run as a spreadsheet formula."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence
from typing import Any

from bot.csv_export import safe_cell

from .figures import Report, category_name
from .periods import msk
from .rows import figure_rows
from .text import date_ru, summary

__all__ = ["render_csv"]

UNITS = {"int": "", "share": "доля", "decimal": "", "seconds": "секунд"}


def _iso(ts: float) -> str:
    return msk(ts).isoformat(timespec="seconds")


def render_csv(report: Report) -> bytes:
    buf = io.StringIO()
    w = _csv.writer(buf, lineterminator="\n")

    def row(cells: Sequence[Any]) -> None:
        w.writerow([safe_cell("" if c is None else c) for c in cells])

    def section(name: str) -> None:
        if buf.tell():
            row([])
        row([f"[{name}]"])

    p = report.period
    section("Отчёт")
    row(["период", p.title_ru, date_ru(p.first), date_ru(p.last)])
    row(["сформирован", _iso(report.generated_at)])
    row(["данные по", _iso(report.data_until) if report.data_until is not None else ""])
    row(["страницы", *(pr.page.title for pr in report.pages)])
    section("Сводка")
    for par in summary(report):
        row([par])
    pages = [f"{pr.page.platform}:{pr.page.community_id}" for pr in report.pages]
    section("Показатели")
    row(["ключ", "показатель", "единица", *pages, "итого"])
    for fr in figure_rows(report):
        values = [("" if v is None else (round(v, 6) if isinstance(v, float) else v)) for v in fr.values]
        row([fr.key, fr.label, UNITS[fr.kind], *values])
    section("По неделям")
    cats = report.categories
    row(["страница", "неделя", "даты", "получено", *(f"удалено: {category_name(c)}" for c in cats), "удалено всего",
         "публикаций", "норма п. 15"])
    for pr in report.pages:
        for wk in pr.figures.weeks:
            row([pages[report.pages.index(pr)], wk.week.key, wk.week.dates_ru, wk.comments,
                 *(wk.removals[c] for c in cats), sum(wk.removals.values()), wk.posts, wk.status])
    section("Удаления")
    row(["дата и время (МСК)", "страница", "ссылка", "категория", "основание", "кто решил", "подтверждено",
         *(["текст"] if report.with_texts else [])])
    for r in report.removals:
        row([_iso(r.at), r.page.short, r.url, category_name(r.category), r.ground, r.who_ru,
             "да" if r.confirmed else "нет", *([r.text or ""] if report.with_texts else [])])
    section("Публикации")
    row(["страница", "дата и время (МСК)", "ссылка"])
    for post in report.posts:
        row([post.page.short, _iso(post.created_at), post.url])
    return buf.getvalue().encode("utf-8")
