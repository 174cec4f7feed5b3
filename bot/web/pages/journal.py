"""Журнал: every decision and its platform actions, automatic and human, with filters, a CSV
export and undo; plus the log of logins and other moderator actions that are not decisions."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from aiohttp import web

from bot.csv_export import safe_cell
from moderation.verdict import CATEGORIES

from .. import auth
from ..app import NavItem, attempt, done, form, int_param, render, viewer, ws
from ..format import TZ, iso
from .queue import parse_community

routes = web.RouteTableDef()
NAV = [NavItem("/journal", "Журнал", 20)]
PAGE = 50
EXPORT_LIMIT = 500_000
#: The action filter's choices; "" (the default) hides the judge's "allow", ~80 % of all decisions.
ACTION_FILTERS = {
    "": "все, кроме «оставлен» судьёй",
    "all": "все решения",
    "review": "на проверку",
    "delete": "удаление",
    "delete_and_ban": "удаление и блокировка",
    "allow": "оставлен",
    "restore": "отмена (восстановление)",
    "ban": "блокировка",
    "unban": "разблокировка",
    "undone": "отменённые решения",
}


def _day(raw: str | None, *, end: bool = False) -> float | None:
    """``2026-11-30`` (Moscow) → unix start of that day (or of the next day with ``end``)."""
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        return None
    if end:
        day += dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=TZ).timestamp()


def filters(request: web.Request, v: auth.Viewer) -> dict[str, Any]:
    """The journal's query parameters as store filters (unknown values are ignored)."""
    q = request.query
    community = parse_community(q.get("community"), v)
    action = q.get("action", "")
    f: dict[str, Any] = {
        "communities": v.scope,
        "community": community,
        "category": q.get("category") if q.get("category") in CATEGORIES else None,
        "actions": None,
        "hide_auto_allow": action == "",
        "undone": True if action == "undone" else None,
        "who": (q.get("who") or "").strip()[:100] or None,
        "author": None,
        "since": _day(q.get("from")),
        "until": _day(q.get("to"), end=True),
        "text": (q.get("q") or "").strip()[:200] or None,
    }
    if action in ("allow", "review", "delete", "delete_and_ban", "restore", "ban", "unban"):
        f["actions"] = [action]
    author = (q.get("author") or "").strip()[:100]
    if author:
        f["author"] = (community[0] if community else None, author)
    return f


@routes.get("/journal")
async def journal_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    if request.query.get("view") == "audit":
        return await _audit(request)
    f = filters(request, v)
    before = int_param(request, "before", None, 1)
    rows = await w.db(w.store.journal, **f, before=before, limit=PAGE + 1)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    return await render(request, "journal.html", rows=rows, more=more, next_before=rows[-1]["id"] if rows else None,
                        communities=w.communities_for(v), categories=CATEGORIES, action_filters=ACTION_FILTERS,
                        q=request.query, first_page=before is None)


async def _audit(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    before = int_param(request, "before", None, 1)
    who = (request.query.get("who") or "").strip()[:100] or None
    rows = await w.db(w.store.audit_log, organisation=None if v.admin else v.organisation, actor=who,
                      before=before, limit=PAGE + 1)
    if not v.admin and not v.organisation:
        rows = [r for r in rows if r["actor"] == v.name]
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    return await render(request, "audit.html", rows=rows, more=more, next_before=rows[-1]["id"] if rows else None,
                        q=request.query, first_page=before is None)


def csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV text, every cell through :func:`bot.csv_export.safe_cell` (no formula runs)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


CSV_HEADER = ["id", "время (МСК)", "платформа", "сообщество", "название сообщества", "комментарий", "версия",
              "автор", "решение", "категория", "метки", "блокировка, дней", "кто решил", "режим", "причина",
              "действия", "отменено решением", "отменяет решение", "версия модели", "ссылка", "текст"]


@routes.get("/journal.csv")
async def journal_csv(request: web.Request) -> web.StreamResponse:
    """The filtered journal as CSV (UTF-8 with BOM, so spreadsheets read Russian), every cell
    neutralised against formula injection; streamed in pages so a big export stays cheap."""
    w = ws(request)
    v = viewer(request)
    f = filters(request, v)
    stamp = dt.datetime.fromtimestamp(w.now(), TZ).strftime("%Y%m%d-%H%M")
    resp = web.StreamResponse(headers={"Content-Type": "text/csv; charset=utf-8",
                                       "Content-Disposition": f'attachment; filename="modbot-journal-{stamp}.csv"'})
    await resp.prepare(request)
    await resp.write("\ufeff".encode())
    await resp.write(csv_lines([CSV_HEADER]).encode("utf-8"))
    before: int | None = None
    sent = 0
    while sent < EXPORT_LIMIT:
        rows = await w.db(w.store.journal, **f, before=before, limit=2000, full_text=True)
        if not rows:
            break
        before = rows[-1]["id"]
        sent += len(rows)
        await resp.write(csv_lines(_record(w, r) for r in rows).encode("utf-8"))
        if len(rows) < 2000:
            break
    await resp.write_eof()
    return resp


def _record(w: Any, r: dict[str, Any]) -> list[Any]:
    return [r["id"], iso(r["at"]), r["platform"], "" if r["community_id"] is None else r["community_id"],
            w.community_name(r["platform"], r["community_id"]), r["comment_key"], r.get("version") or "",
            r["author_id"], r["action"], r["category"], " ".join(r["labels"] or []),
            "" if r["ban_days"] is None else r["ban_days"], r["decided_by"], r["mode"], r["reason"], r["actions"],
            r["undone_by"] or "", r["undoes"] or "", r["model_version"], r["url"] or "", r["text"] or ""]


@routes.post("/decisions/{id:\\d+}/undo")
async def undo(request: web.Request) -> web.StreamResponse:
    """Undo a deletion or a ban: restore the comment, lift the bans it caused, journal who and why."""
    w = ws(request)
    v = viewer(request)
    data = await form(request)
    decision_id = int(request.match_info["id"])
    reason = str(data.get("reason") or "").strip()[:500]

    def run() -> str:
        from bot.decisions import DecisionError

        d = w.store.get_decision(decision_id)
        if d is None:
            raise DecisionError(f"решение #{decision_id} не найдено")
        if not v.sees(d["platform"] or None, d["community_id"]):
            raise DecisionError(f"решение #{decision_id} — не из сообществ вашей организации")
        return w.service.undo(decision_id, by=v.name, reason=reason, now=w.now()).message

    ok, message = await attempt(request, run)
    if ok:
        message = message[0].upper() + message[1:] + ". Платформа выполнит отмену в ближайшие секунды."
    return done(request, ok, message, default="/journal")

