"""The report as an Excel workbook with native charts (openpyxl), for those who work in spreadsheets.

Sheets: «Сводка» (the summary and the figures table: the same rows as the HTML, numbers as numbers,
shares as percentages; column A holds each row's machine-readable key and is hidden), «П.19 по
неделям» and «П.15 публикации» (week tables with their charts: comments, removals by category
stacked, posts against the line at 3), «Удаления» (every removal; texts only with
``--with-texts``), «Публикации» (the page's posts with links), «Определения».

Every text cell is written as text: a comment or a name starting with ``=`` never becomes a
formula, and characters a workbook cannot hold are dropped.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .as_html import NOTES
from .figures import Figures, Report, category_name
from .periods import msk
from .rows import figure_rows
from .svg import SHORT_COLOUR, UNKNOWN_COLOUR, colour_of
from .text import date_ru, datetime_ru, summary, week_status_ru
from .watch import REQUIRED_PER_WEEK

__all__ = ["SHEETS", "render_xlsx"]

SHEETS = ("Сводка", "П.19 по неделям", "П.15 публикации", "Удаления", "Публикации", "Определения")
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="F3F3F3")
MISSED_FILL = PatternFill("solid", fgColor="FDE8E8")
WRAP = Alignment(wrap_text=True, vertical="top")


def put(ws: Worksheet, row: int, col: int, value: Any, *, fmt: str | None = None, bold: bool = False,
        fill: PatternFill | None = None, wrap: bool = False) -> Any:
    """Write one cell; text stays text (never a formula), illegal characters are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = BOLD
    if fill is not None:
        cell.fill = fill
    if wrap:
        cell.alignment = WRAP
    return cell


def _header(ws: Worksheet, row: int, titles: Sequence[str], col: int = 1) -> None:
    for i, title in enumerate(titles):
        put(ws, row, col + i, title, bold=True, fill=HEAD_FILL, wrap=True)


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    p = report.period
    ws.column_dimensions["A"].hidden = True  # machine-readable keys
    ws.column_dimensions["B"].width = 58
    put(ws, 1, 2, f"Отчёт о контроле комментариев и публикациях официальных страниц: {p.title_ru}", bold=True)
    ws.cell(row=1, column=2).font = Font(bold=True, size=14)
    put(ws, 2, 2, f"Период: {date_ru(p.first)}–{date_ru(p.last)} (время московское)")
    until = f"; данные — по {datetime_ru(report.data_until)}" if report.data_until is not None else ""
    put(ws, 3, 2, f"Сформирован {datetime_ru(report.generated_at)} (МСК) программой modbot{until}")
    row = 5
    width = max(2, len(report.pages) + 2)
    for par in summary(report):
        put(ws, row, 2, par, wrap=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=1 + width)
        ws.row_dimensions[row].height = max(30, 15 * (len(par) // 110 + 1))
        row += 1
    row += 1
    pages = report.pages
    many = len(pages) > 1
    _header(ws, row, ["Показатель", *(f"{pr.page.short} ({pr.page.platform_ru})" for pr in pages),
                      *(["Итого"] if many else [])], col=2)
    put(ws, row, 1, "key")
    for i in range(len(pages) + (2 if many else 1)):
        ws.column_dimensions[get_column_letter(3 + i)].width = 18
    section = 0
    for fr in figure_rows(report):
        if fr.section != section:
            section = fr.section
            row += 1
            put(ws, row, 2, "Пункт 19: контроль комментариев и сообщений" if section == 19
                else f"Пункт 15: публикации страниц (не менее {REQUIRED_PER_WEEK} в неделю)", bold=True)
        row += 1
        put(ws, row, 1, fr.key)
        label = ("    " if fr.level else "") + fr.label + (", мин" if fr.kind == "seconds" else "")
        put(ws, row, 2, label)
        values = fr.values if many else fr.values[:1]
        for i, v in enumerate(values):
            if v is None:
                put(ws, row, 3 + i, "—")
            elif fr.kind == "share":
                put(ws, row, 3 + i, float(v), fmt="0.0%")
            elif fr.kind == "decimal":
                put(ws, row, 3 + i, round(float(v), 2), fmt="0.0")
            elif fr.kind == "seconds":
                put(ws, row, 3 + i, round(float(v) / 60, 1), fmt="0.0")
            else:
                put(ws, row, 3 + i, int(v), fmt="#,##0")
    busiest = report.total.busiest()
    if busiest:
        row += 2
        put(ws, row, 2, "Самые загруженные дни", bold=True)
        row += 1
        _header(ws, row, ["День", "Комментариев и сообщений", "Удалено"], col=2)
        for day, comments, removed in busiest:
            row += 1
            put(ws, row, 2, day, fmt="DD.MM.YYYY")
            put(ws, row, 3, comments)
            put(ws, row, 4, removed)


def _weeks19(ws: Worksheet, report: Report) -> None:
    blocks: list[tuple[str, Figures]] = [("Все страницы", report.total)] if len(report.pages) > 1 else []
    blocks += [(pr.page.title, pr.figures) for pr in report.pages]
    cats = report.categories
    row = 1
    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = 24
    if not report.weeks:
        put(ws, 1, 1, "В периоде нет ни одной недели ISO (её четверг вне периода).")
        return
    for title, f in blocks:
        put(ws, row, 1, title, bold=True)
        head = row + 1
        _header(ws, head, ["Неделя", "Даты", "Получено", *(f"Удалено: {category_name(c)}" for c in cats),
                           "Удалено всего"])
        for i, w in enumerate(f.weeks):
            r = head + 1 + i
            put(ws, r, 1, w.week.key)
            put(ws, r, 2, w.week.dates_ru)
            put(ws, r, 3, w.comments)
            for j, c in enumerate(cats):
                put(ws, r, 4 + j, w.removals[c])
            put(ws, r, 4 + len(cats), sum(w.removals.values()))
        last = head + len(f.weeks)
        labels = Reference(ws, min_col=1, min_row=head + 1, max_row=last)
        anchor_col = get_column_letter(6 + len(cats))
        chart = _bar(f"Комментарии и сообщения по неделям — {title}", "комментариев")
        chart.add_data(Reference(ws, min_col=3, min_row=head, max_row=last), titles_from_data=True)
        chart.set_categories(labels)
        ws.add_chart(chart, f"{anchor_col}{row}")
        if cats:
            stacked = _bar(f"Удалено по неделям и категориям — {title}", "удалено")
            stacked.grouping, stacked.overlap = "stacked", 100
            stacked.add_data(Reference(ws, min_col=4, max_col=3 + len(cats), min_row=head, max_row=last),
                             titles_from_data=True)
            stacked.set_categories(labels)
            for j, series in enumerate(stacked.series):
                series.graphicalProperties.solidFill = colour_of(j).lstrip("#")
            ws.add_chart(stacked, f"{get_column_letter(6 + len(cats) + 10)}{row}")
        row = max(last + 3, row + 18)


def _weeks15(ws: Worksheet, report: Report) -> None:
    row = 1
    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["E"].width = 22
    if not report.weeks:
        put(ws, 1, 1, "В периоде нет ни одной недели ISO (её четверг вне периода).")
        return
    for pr in report.pages:
        f = pr.figures
        put(ws, row, 1, pr.page.title, bold=True)
        head = row + 1
        _header(ws, head, ["Неделя", "Даты", "Публикаций", f"Норма ({REQUIRED_PER_WEEK})", "Выполнение"])
        for i, w in enumerate(f.weeks):
            r = head + 1 + i
            fill = MISSED_FILL if w.status == "missed" else None
            put(ws, r, 1, w.week.key, fill=fill)
            put(ws, r, 2, w.week.dates_ru, fill=fill)
            put(ws, r, 3, w.posts, fill=fill)
            put(ws, r, 4, REQUIRED_PER_WEEK, fill=fill)
            put(ws, r, 5, week_status_ru(w.status), fill=fill)
        last = head + len(f.weeks)
        put(ws, last + 1, 1, "Доля недель с нормой")
        put(ws, last + 1, 3, f.weeks_share if f.weeks_share is not None else "—", fmt="0.0%")
        labels = Reference(ws, min_col=1, min_row=head + 1, max_row=last)
        bar = _bar(f"Публикации по неделям — {pr.page.short}", "публикаций")
        bar.add_data(Reference(ws, min_col=3, min_row=head, max_row=last), titles_from_data=True)
        bar.set_categories(labels)
        series = bar.series[0]
        series.graphicalProperties.solidFill = "2CA02C"
        for i, w in enumerate(f.weeks):
            if w.status in ("missed", "no_data", "incomplete"):
                point = DataPoint(idx=i)
                point.graphicalProperties.solidFill = (SHORT_COLOUR if w.status == "missed"
                                                       else UNKNOWN_COLOUR).lstrip("#")
                series.dPt.append(point)
        line = LineChart()
        line.add_data(Reference(ws, min_col=4, min_row=head, max_row=last), titles_from_data=True)
        line.set_categories(labels)
        line.series[0].graphicalProperties.line.solidFill = "333333"
        line.series[0].graphicalProperties.line.dashStyle = "dash"
        bar += line
        ws.add_chart(bar, f"G{row}")
        row = max(last + 4, row + 18)


def _bar(title: str, y_title: str) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.x_axis.title = "неделя ISO"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height, chart.width = 7.5, 16
    return chart


def _removals(ws: Worksheet, report: Report) -> None:
    head = ["Дата и время (МСК)", "Страница", "Ссылка", "Категория", "Основание", "Кто решил",
            "Удаление подтверждено платформой"] + (["Текст"] if report.with_texts else [])
    _header(ws, 1, head)
    for col, width in zip("ABCDEFGH", (18, 28, 40, 22, 50, 22, 14, 60), strict=True):
        ws.column_dimensions[col].width = width
    for i, r in enumerate(report.removals, start=2):
        put(ws, i, 1, msk(r.at).replace(tzinfo=None), fmt="DD.MM.YYYY HH:MM")
        put(ws, i, 2, r.page.short)
        put(ws, i, 3, r.url)
        if r.url.startswith(("https://", "http://")):
            ws.cell(row=i, column=3).hyperlink = r.url
        put(ws, i, 4, category_name(r.category))
        put(ws, i, 5, r.ground, wrap=True)
        put(ws, i, 6, r.who_ru)
        put(ws, i, 7, "да" if r.confirmed else "нет")
        if report.with_texts:
            put(ws, i, 8, r.text or "", wrap=True)
    if not report.removals:
        put(ws, 2, 1, "За период удалений нет.")
    elif not report.with_texts:
        put(ws, len(report.removals) + 3, 1, "Тексты комментариев не включены (персональные данные); их включает "
                                             "параметр --with-texts.")
    ws.freeze_panes = "A2"


def _posts(ws: Worksheet, report: Report) -> None:
    _header(ws, 1, ["Страница", "Дата и время (МСК)", "Неделя ISO", "Ссылка"])
    for col, width in zip("ABCD", (30, 18, 11, 45), strict=True):
        ws.column_dimensions[col].width = width
    for i, p in enumerate(report.posts, start=2):
        put(ws, i, 1, p.page.short)
        put(ws, i, 2, msk(p.created_at).replace(tzinfo=None), fmt="DD.MM.YYYY HH:MM")
        iso = msk(p.created_at).date().isocalendar()
        put(ws, i, 3, f"{iso[0]}-W{iso[1]:02d}")
        put(ws, i, 4, p.url)
        if p.url.startswith(("https://", "http://")):
            ws.cell(row=i, column=4).hyperlink = p.url
    if not report.posts:
        put(ws, 2, 1, "За период публикаций не записано.")
    ws.freeze_panes = "A2"


def render_xlsx(report: Report) -> bytes:
    wb = Workbook()
    sheets = [wb.active] + [wb.create_sheet() for _ in SHEETS[1:]]
    for ws, title in zip(sheets, SHEETS, strict=True):
        ws.title = title
    _summary_sheet(sheets[0], report)
    if report.pages:
        _weeks19(sheets[1], report)
        _weeks15(sheets[2], report)
    _removals(sheets[3], report)
    _posts(sheets[4], report)
    sheets[5].column_dimensions["A"].width = 120
    for i, note in enumerate(NOTES, start=1):
        put(sheets[5], i, 1, note, wrap=True)
    wb.properties.creator = "modbot"
    wb.properties.title = f"Отчёт за {report.period.title_ru}"
    stamp = dt.datetime.fromtimestamp(report.generated_at, dt.UTC).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
