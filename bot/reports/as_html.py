"""The report as one self-contained HTML5 file: summary, clause-19 and clause-15 tables, SVG charts,
the removal table and the definitions — readable offline, printable, no script, no CDN.

Comment texts (with ``--with-texts``), page names, links and moderators' names are hostile input:
every one goes through :func:`e` (the only way text gets into the page). Links are kept only when
they are http(s). Figure cells carry ``data-figure``/``data-page``/``data-value`` so a machine can
read the numbers back (the tests do).
"""

from __future__ import annotations

from html import escape

from .figures import Page, Report, category_name
from .rows import FigureRow, figure_rows
from .svg import OK_COLOUR, SHORT_COLOUR, UNKNOWN_COLOUR, bar_chart, colour_of
from .text import (
    date_ru,
    datetime_ru,
    day_ru,
    duration,
    num,
    pct,
    summary,
    week_status_ru,
)
from .watch import REQUIRED_PER_WEEK

__all__ = ["body", "render_html", "value_text"]

STYLE = """
body{font-family:"PT Sans","Segoe UI",Arial,sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 16px;
line-height:1.4}
h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccc}
h3{font-size:15px;margin:18px 0 6px}.meta{color:#555;font-size:13px}.summary p{font-size:15px}
table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}th,td{border:1px solid #ccc;padding:3px 7px;
vertical-align:top}th{background:#f3f3f3;text-align:left}td.n{text-align:right;white-space:nowrap}
tr.sub td:first-child{padding-left:22px;color:#444}tr.missed td{background:#fde8e8}tr.nodata td{color:#888}
.status-missed{color:#b00;font-weight:bold}.charts{display:flex;flex-wrap:wrap;gap:12px}
.note{color:#555;font-size:12px}td.text{max-width:420px;white-space:pre-wrap;word-break:break-word}
@media print{h2{page-break-after:avoid}.charts{display:block}}
"""


def e(value: object) -> str:
    """Escape for text and attribute values (the one door into the page)."""
    return escape("" if value is None else str(value), quote=True)


def _link(url: str, text: str = "") -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{e(url)}" rel="noopener noreferrer">{e(text or url)}</a>'
    return e(text or url)


def value_text(row: FigureRow, value: float | int | None) -> str:
    if value is None:
        return "—"
    if row.kind == "share":
        return pct(float(value))
    if row.kind == "decimal":
        return num(round(float(value), 1))
    if row.kind == "seconds":
        return duration(float(value))
    return num(int(value))


def _figures_table(report: Report, section: int) -> str:
    pages = report.pages
    head = "".join(f"<th>{e(pr.page.short)}<br><span class=\"note\">{e(pr.page.platform_ru)}</span></th>"
                   for pr in pages)
    total = "<th>Итого</th>" if len(pages) > 1 else ""
    out = [f'<table class="figures" id="figures-{section}"><thead><tr><th>Показатель</th>{head}{total}</tr></thead>'
           "<tbody>"]
    keys = [pr.page for pr in pages]
    for row in figure_rows(report):
        if row.section != section:
            continue
        values = row.values if len(pages) > 1 else row.values[:1]
        cells = []
        for i, v in enumerate(values):
            page = _page_key(keys[i]) if i < len(keys) else "total"
            raw = "" if v is None else str(round(v, 6) if isinstance(v, float) else v)
            cells.append(f'<td class="n" data-figure="{e(row.key)}" data-page="{e(page)}" data-value="{e(raw)}">'
                         f"{e(value_text(row, v))}</td>")
        cls = ' class="sub"' if row.level else ""
        out.append(f"<tr{cls}><td>{e(row.label)}</td>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _page_key(page: Page) -> str:
    return f"{page.platform}:{page.community_id}"


def _busiest(report: Report) -> str:
    rows = report.total.busiest()
    if not rows:
        return ""
    body = "".join(f'<tr><td>{e(day_ru(day))}</td><td class="n" data-figure="busiest_comments">{e(num(c))}</td>'
                   f'<td class="n">{e(num(r))}</td></tr>' for day, c, r in rows)
    return ('<h3>Самые загруженные дни</h3><table class="busiest"><thead><tr><th>День</th>'
            f"<th>Комментариев и сообщений</th><th>Удалено</th></tr></thead><tbody>{body}</tbody></table>")


def _week_labels(report: Report) -> list[str]:
    return [f"{w.week:02d} ({w.monday:%d.%m})" for w in report.weeks]


def _charts19(report: Report) -> str:
    if not report.weeks:
        return '<p class="note">В периоде нет ни одной недели ISO (её четверг вне периода): графиков по неделям нет.</p>'
    labels = _week_labels(report)
    out = ['<div class="charts">']
    blocks = [(None, report.total)] if len(report.pages) > 1 else []
    blocks += [(pr.page, pr.figures) for pr in report.pages]
    for page, f in blocks:
        where = "все страницы" if page is None else page.short
        out.append(bar_chart(f"Комментарии и сообщения по неделям — {where}", labels,
                             [("получено", [w.comments for w in f.weeks], "#4c78a8")]))
        series = [(category_name(c), [w.removals[c] for w in f.weeks], colour_of(i))
                  for i, c in enumerate(report.categories)]
        out.append(bar_chart(f"Удалено по неделям и категориям — {where}", labels,
                             series or [("удалено", [0] * len(labels), colour_of(0))]))
    out.append("</div>")
    return "".join(out)


def _clause15(report: Report) -> str:
    out = []
    if not report.weeks:
        return '<p class="note">В периоде нет ни одной недели ISO (её четверг вне периода).</p>'
    labels = _week_labels(report)
    for pr in report.pages:
        f = pr.figures
        out.append(f"<h3>{e(pr.page.title)}</h3>")
        share = pct(f.weeks_share)
        out.append(f'<p>Норма выполнена в <span data-figure="weeks_met" data-page="{e(_page_key(pr.page))}">'
                   f"{e(num(f.weeks_met))}</span> из {e(num(f.weeks_counted))} полных недель с данными ({e(share)}).</p>")
        colours = [OK_COLOUR if w.status == "met" else SHORT_COLOUR if w.status == "missed" else UNKNOWN_COLOUR
                   for w in f.weeks]
        out.append('<div class="charts">' + bar_chart(
            f"Публикации по неделям — {pr.page.short}", labels, [("публикаций", [w.posts for w in f.weeks], OK_COLOUR)],
            line=REQUIRED_PER_WEEK, line_label=f"норма: {REQUIRED_PER_WEEK} в неделю", bar_colours=colours) + "</div>")
        rows = []
        for w in f.weeks:
            cls = {"missed": ' class="missed"', "no_data": ' class="nodata"', "incomplete": ' class="nodata"'}.get(
                w.status, "")
            mark = f'<span class="status-{e(w.status)}">{e(week_status_ru(w.status))}</span>'
            rows.append(f'<tr{cls} data-week="{e(w.week.key)}" data-status="{e(w.status)}"><td>{e(w.week.key)}</td>'
                        f'<td>{e(w.week.dates_ru)}</td><td class="n" data-figure="week_posts">{e(num(w.posts))}</td>'
                        f"<td>{mark}</td></tr>")
        out.append(f'<table class="weeks" data-page="{e(_page_key(pr.page))}"><thead><tr><th>Неделя</th><th>Даты</th>'
                   f"<th>Публикаций</th><th>Норма</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
        posts = [p for p in report.posts if p.page.key == pr.page.key]
        if posts:
            items = "".join(f"<li>{e(datetime_ru(p.created_at))} — {_link(p.url)}</li>" for p in posts)
            out.append(f"<details><summary>Публикации страницы за период ({e(num(len(posts)))})</summary>"
                       f"<ol>{items}</ol></details>")
    return "".join(out)


def _removals(report: Report, limit: int | None = None) -> str:
    if not report.removals:
        return "<p>За период удалений нет.</p>"
    shown = report.removals if limit is None else report.removals[:limit]
    head = "<th>Дата и время (МСК)</th><th>Страница</th><th>Ссылка</th><th>Категория</th><th>Основание</th>" \
           "<th>Кто решил</th>" + ("<th>Текст</th>" if report.with_texts else "")
    rows = []
    for r in shown:
        text = f'<td class="text">{e(r.text)}</td>' if report.with_texts else ""
        rows.append(f'<tr data-decision="{r.decision_id}"><td>{e(datetime_ru(r.at))}</td><td>{e(r.page.short)}</td>'
                    f"<td>{_link(r.url, 'открыть') if r.url else '—'}</td><td>{e(category_name(r.category))}</td>"
                    f"<td>{e(r.ground)}</td><td>{e(r.who_ru)}</td>{text}</tr>")
    note = "" if report.with_texts else ('<p class="note">Тексты комментариев не включены (персональные данные); '
                                         "их включает параметр --with-texts.</p>")
    if len(shown) < len(report.removals):
        note += (f'<p class="note">Показаны первые {e(num(len(shown)))} из {e(num(len(report.removals)))} удалений; '
                 "полный список — в скачанном отчёте.</p>")
    return (f'{note}<table class="removals"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


NOTES = (
    "Время — московское. Недели — ISO (понедельник–воскресенье); неделя относится к периоду, в котором её четверг, "
    "и считается целиком, даже если её первые или последние дни лежат вне периода.",
    "Получено — комментарии и сообщения граждан, каждый один раз, по времени написания (правка не новый "
    "комментарий; ответы самой страницы не считаются).",
    "Удалено — комментарии, решение об удалении которых принято в периоде и не отменено. Решения в режиме "
    "наблюдения ничего не удаляли и считаются отдельно.",
    "Чёрный список — блокировки, внесённые в периоде (по лестнице, модератором или на самой платформе), кроме "
    "отменённых модератором; одна блокировка автора на несколько страниц организации — одна запись в «Итого».",
    "Время до решения модератора — от передачи на проверку до первого решения модератора; 95-й процентиль — "
    "ближайший ранг.",
    "Неделя «нет данных» — записи по странице в ней не велись; «неделя не завершена» — записи в базе "
    "заканчиваются внутри недели. Такие недели не входят в долю выполнения нормы п. 15.",
)


def body(report: Report, *, removal_limit: int | None = None) -> str:
    """The report without ``<html>``/``<head>`` (the workspace shows it inside its own page, with
    the removal table cut at ``removal_limit`` rows: the files have all of them)."""
    p = report.period
    pages = ", ".join(pr.page.title for pr in report.pages) or "—"
    until = f"; данные — по {datetime_ru(report.data_until)}" if report.data_until is not None else ""
    out = [
        '<div class="modbot-report">',
        f"<h1>Отчёт о контроле комментариев и публикациях официальных страниц: {e(p.title_ru)}</h1>",
        f'<p class="meta">Период: {e(date_ru(p.first))}–{e(date_ru(p.last))} (время московское). '
        f"Страницы: {e(pages)}{e(' — ' + report.scope if report.scope else '')}. "
        f"Сформирован {e(datetime_ru(report.generated_at))} (МСК) программой modbot{e(until)}.</p>",
        '<section class="summary" id="summary"><h2>Сводка</h2>',
        *(f"<p>{e(par)}</p>" for par in summary(report)),
        "</section>",
    ]
    if report.pages:
        out += [
            '<section id="clause19"><h2>Пункт 19: контроль комментариев и сообщений</h2>',
            _figures_table(report, 19), _busiest(report), _charts19(report), "</section>",
            '<section id="clause15"><h2>Пункт 15: публикации страниц (не менее 3 в неделю)</h2>',
            _figures_table(report, 15), _clause15(report), "</section>",
            '<section id="removals"><h2>Удалённые комментарии</h2>', _removals(report, removal_limit), "</section>",
        ]
    out += ['<section id="notes"><h2>Как считались показатели</h2><ul>',
            *(f"<li>{e(n)}</li>" for n in NOTES), "</ul></section>", "</div>"]
    return "\n".join(out)


def render_html(report: Report) -> bytes:
    title = f"modbot: отчёт за {report.period.title_ru}"
    doc = (f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f'<meta name="generator" content="modbot">\n<title>{e(title)}</title>\n<style>{STYLE}</style>\n</head>\n'
           f"<body>\n{body(report)}\n</body>\n</html>\n")
    return doc.encode("utf-8")

