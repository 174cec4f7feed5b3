"""Отчёты: the report for the regional centre (clause 19 moderation, clause 15 posting rate) —
the same figures, charts and files as ``modbot report``, for the pages the moderator may see.

Reading only: the page and the downloads (GET) change nothing, so they need no CSRF token; a
download is recorded in the audit (it is an export of personal data when texts are included).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from markupsafe import Markup

from bot.reports.as_html import body
from bot.reports.build import CONTENT_TYPES, FORMATS, SelectionError, file_name, make_report, select_pages
from bot.reports.build import render as render_file
from bot.reports.periods import MSK, Period, PeriodError, parse_period

from ..app import NavItem, client_address, render, viewer, ws
from .queue import parse_community

routes = web.RouteTableDef()
NAV = [NavItem("/report", "Отчёты", 35)]
#: Removal rows shown on the page (a quarter of a busy organisation has tens of thousands; the
#: downloaded files have every one).
SHOWN_REMOVALS = 500


def suggestions(now: float) -> list[tuple[str, str]]:
    """Periods a moderator most often needs: the last complete quarter, this quarter so far, the
    last year and this year so far (value for the form, Russian label)."""
    today = dt.datetime.fromtimestamp(now, MSK).date()
    q = (today.month - 1) // 3 + 1
    prev_year, prev_q = (today.year, q - 1) if q > 1 else (today.year - 1, 4)
    out = [f"{prev_year}Q{prev_q}", f"{today.year}Q{q}", str(today.year - 1), str(today.year)]
    return [(value, parse_period(value).title_ru) for value in out]


def _choice(request: web.Request) -> tuple[str, str, bool]:
    q = request.query
    return q.get("period", "").strip()[:64], q.get("community", "").strip()[:32], q.get("texts") == "1"


async def _build(request: web.Request, period: Period, community: str, texts: bool) -> Any:
    """The report for the viewer's pages (or the one chosen): raises SelectionError."""
    w = ws(request)
    v = viewer(request)
    ref = parse_community(community, v)
    if community and ref is None:
        raise SelectionError("это сообщество вам недоступно или не существует")

    def build(store: Any) -> Any:
        pages, scope = select_pages(w.config, store.report_pages(),
                                    communities=[f"{ref[0]}:{ref[1]}"] if ref else (), allowed=v.scope)
        if not ref and not v.admin and v.organisation:
            scope = f"организация «{v.organisation}»"
        return make_report(store, period, pages, scope=scope, with_texts=texts, generated_at=w.now())

    return await w.db(build, w.store)


@routes.get("/report")
async def report_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    period_text, community, texts = _choice(request)
    context: dict[str, Any] = {"period": period_text, "community": community, "texts": texts,
                               "suggestions": suggestions(w.now()), "communities": w.communities_for(v),
                               "formats": FORMATS, "error": "", "report": None, "report_html": ""}
    if not period_text:
        return await render(request, "report.html", **context)
    try:
        period = parse_period(period_text)
        report = await _build(request, period, community, texts)
    except (PeriodError, SelectionError) as exc:
        context["error"] = str(exc)
        return await render(request, "report.html", status=400, **context)
    params = {"period": period_text, **({"community": community} if community else {}), **({"texts": "1"} if texts
                                                                                          else {})}
    context.update(report=report, report_html=Markup(body(report, removal_limit=SHOWN_REMOVALS)),  # noqa: S704 - built by bot.reports.as_html, every text escaped
                   downloads=[(fmt, "/report/download?" + urlencode({**params, "format": fmt})) for fmt in FORMATS])
    return await render(request, "report.html", **context)


@routes.get("/report/download")
async def report_download(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = viewer(request)
    period_text, community, texts = _choice(request)
    fmt = request.query.get("format", "html")
    if fmt not in FORMATS:
        raise web.HTTPBadRequest(text=f"неизвестный формат «{fmt[:20]}»: html, xlsx или csv")
    try:
        period = parse_period(period_text)
        report = await _build(request, period, community, texts)
    except (PeriodError, SelectionError) as exc:
        raise web.HTTPBadRequest(text=str(exc)) from None
    data = await w.db(render_file, report, fmt)
    await w.db(w.store.audit, v.name, "report",
               f"отчёт за {period.title_ru} ({fmt}{', с текстами' if texts else ''}; страниц: {len(report.pages)})",
               organisation=v.organisation, address=client_address(request), now=w.now())
    return web.Response(body=data, headers={
        "Content-Type": CONTENT_TYPES[fmt],
        "Content-Disposition": f'attachment; filename="{file_name(period, fmt)}"',
    })
