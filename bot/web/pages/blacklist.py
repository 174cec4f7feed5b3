"""Чёрный список: every ban with reason, end, who and when; lift one; add one by hand.

Bans go through the decision service like any decision (journalled, with the platform ban as an
outbox action when «и на платформе» is ticked); lifting one also lifts the platform bans our
decisions made."""

from __future__ import annotations

from aiohttp import web

from bot.decisions import DecisionError
from moderation.verdict import CATEGORIES

from .. import auth
from ..app import NavItem, attempt, done, form, int_param, render, viewer, ws

routes = web.RouteTableDef()
NAV = [NavItem("/blacklist", "Чёрный список", 50)]
PAGE = 100


@routes.get("/blacklist")
async def blacklist_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    show_all = request.query.get("all") == "1"
    author = (request.query.get("author") or "").strip()[:200] or None
    before = int_param(request, "before", None, 1)
    rows = await w.db(w.store.ban_list, communities=v.scope, active_only=not show_all, author=author, before=before,
                      limit=PAGE + 1, now=w.now())
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    return await render(request, "blacklist.html", bans=rows, more=more, show_all=show_all,
                        next_before=rows[-1].id if rows else None, communities=w.communities_for(v),
                        categories=CATEGORIES, q=request.query, author=author or "",
                        ban_preset=1 if w.config.ladder.delete_only or not w.config.ladder.steps
                        else w.config.ladder.steps[0].days)


def _target(raw: str, v: auth.Viewer) -> tuple[str, int | None]:
    """The form's community choice: ``vk:1``, or ``vk:*`` (every community of the platform, admins)."""
    platform, _, rest = raw.partition(":")
    if rest == "*" and platform in ("vk", "ok"):
        if not v.admin:
            raise DecisionError("блокировку во всех сообществах платформы ставит администратор")
        return platform, None
    try:
        ref = auth.parse_community_ref(raw)
    except ValueError as exc:
        raise DecisionError(str(exc)) from None
    if not v.sees(*ref):
        raise DecisionError("это сообщество не относится к вашей организации")
    return ref


@routes.post("/bans/add")
async def add_ban(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = viewer(request)
    data = await form(request)
    author_id = str(data.get("author_id") or "").strip()[:200]
    reason = str(data.get("reason") or "").strip()[:500]
    category = str(data.get("category") or "").strip()
    on_platform = str(data.get("on_platform") or "") == "1"
    days_raw = str(data.get("days") or "").strip()

    def run() -> str:
        platform, community_id = _target(str(data.get("community") or ""), v)
        if not author_id:
            raise DecisionError("укажите автора (id на платформе)")
        if category and category not in CATEGORIES:
            raise DecisionError("неизвестная категория")
        try:
            days = int(days_raw) if days_raw else 0
        except ValueError:
            raise DecisionError("срок блокировки — целое число дней (0 — бессрочно)") from None
        return w.service.ban_author(platform, author_id, community_id=community_id, days=days, by=v.name,
                                    reason=reason, category=category, on_platform=on_platform, now=w.now()).message

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/blacklist")


@routes.post("/bans/{id:\\d+}/lift")
async def lift_ban(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = viewer(request)
    data = await form(request)
    ban_id = int(request.match_info["id"])
    reason = str(data.get("reason") or "").strip()[:500]

    def run() -> str:
        ban = w.store.get_ban(ban_id)
        if ban is None:
            raise DecisionError(f"запись #{ban_id} не найдена")
        if ban.community_id is None and not v.admin:
            raise DecisionError("блокировку во всех сообществах платформы снимает администратор")
        if ban.community_id is not None and not v.sees(ban.platform, ban.community_id):
            raise DecisionError("это сообщество не относится к вашей организации")
        if ban.lifted_at is not None:
            raise DecisionError(f"запись #{ban_id} уже снята ({ban.lifted_by})")
        active = w.store.active_bans_of(ban.platform, ban.author_id, ban.community_id, w.now())
        if not v.admin and any(b.community_id is None for b in active):
            raise DecisionError("у автора есть блокировка во всех сообществах платформы: её снимает администратор")
        return w.service.unban_author(ban.platform, ban.author_id, community_id=ban.community_id, by=v.name,
                                      reason=reason, now=w.now()).message

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/blacklist")
