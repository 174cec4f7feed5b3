"""Требует внимания: actions the platform refused for good (retry or dismiss), tokens that are
paused, and actions a moderator must do by hand on a platform whose API cannot (with a link and
«Сделано вручную»). Every click here is written to the audit log with who and when."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.decisions import DecisionError

from ..app import NavItem, attempt, client_address, done, form, render, viewer, ws

routes = web.RouteTableDef()
NAV = [NavItem("/attention", "Требует внимания", 40, badge="attention")]


@routes.get("/attention")
async def attention_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)

    def read() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        poison = [p for p in w.store.poison(limit=20) if v.admin or v.sees(p["platform"], p["community_id"])]
        return (w.store.actions(states=("failed",), limit=500, communities=v.scope),
                w.store.actions(states=("manual",), limit=500, communities=v.scope), poison)

    failed, manual, poison = await w.db(read)
    health: dict[str, Any] | None = None
    if w.health is not None:
        try:
            health = await w.health()
        except Exception as exc:  # the page must answer even when the daemon does not
            health = {"status": f"нет ответа ({type(exc).__name__})"}
    paused = []
    for token, until in ((health or {}).get("paused_tokens") or {}).items():
        paused.append({"token": token, "until": until})
    broken = [b for b in (health or {}).get("broken_tokens") or [] if isinstance(b, dict)]
    return await render(request, "attention.html", failed=failed, manual=manual, health=health, paused=paused,
                        broken=broken, problems=list((health or {}).get("problems") or []), poison=poison)


def _action_in_scope(w: Any, v: Any, action_id: int) -> Any:
    a = w.store.get_action(action_id)
    if a is None:
        raise DecisionError(f"действие #{action_id} не найдено")
    if not v.sees(a.platform, a.community_id):
        raise DecisionError("это сообщество не относится к вашей организации")
    return a


@routes.post("/actions/{id:\\d+}/retry")
async def retry(request: web.Request) -> web.StreamResponse:
    w, v = ws(request), viewer(request)
    await form(request)
    action_id = int(request.match_info["id"])

    def run() -> str:
        a = _action_in_scope(w, v, action_id)
        if not w.store.requeue_action(action_id, w.now()):
            raise DecisionError(f"действие #{action_id} не в состоянии «не удалось» (сейчас: {a.state})")
        w.store.audit(v.name, "retry", f"действие #{action_id} ({a.kind}, {a.method})", organisation=v.organisation,
                      address=client_address(request), platform=a.platform, community_id=a.community_id, now=w.now())
        return f"Действие #{action_id} снова в очереди: служба повторит его в ближайшие секунды."

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/attention")


@routes.post("/actions/retry-failed")
async def retry_all(request: web.Request) -> web.StreamResponse:
    w, v = ws(request), viewer(request)
    await form(request)

    def run() -> str:
        n = 0
        for a in w.store.actions(states=("failed",), limit=10_000, communities=v.scope):
            if w.store.requeue_action(a["id"], w.now()):
                n += 1
        w.store.audit(v.name, "retry", f"все неудавшиеся действия: {n}", organisation=v.organisation,
                      address=client_address(request), now=w.now())
        return f"Снова в очереди: {n} действий."

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/attention")


@routes.post("/actions/{id:\\d+}/dismiss")
async def dismiss(request: web.Request) -> web.StreamResponse:
    w, v = ws(request), viewer(request)
    await form(request)
    action_id = int(request.match_info["id"])

    def run() -> str:
        a = _action_in_scope(w, v, action_id)
        if not w.store.dismiss_action(action_id, v.name, w.now()):
            raise DecisionError(f"действие #{action_id} не в состоянии «не удалось» (сейчас: {a.state})")
        w.store.audit(v.name, "dismiss", f"действие #{action_id} ({a.kind}, {a.method}): {a.error}",
                      organisation=v.organisation, address=client_address(request), platform=a.platform,
                      community_id=a.community_id, now=w.now())
        return f"Действие #{action_id} убрано из списка и не будет повторяться."

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/attention")


@routes.post("/actions/{id:\\d+}/done")
async def manual_done(request: web.Request) -> web.StreamResponse:
    w, v = ws(request), viewer(request)
    await form(request)
    action_id = int(request.match_info["id"])

    def run() -> str:
        a = _action_in_scope(w, v, action_id)
        message = w.service.mark_manual_done(action_id, by=v.name, now=w.now())
        w.store.audit(v.name, "manual_done", f"действие #{action_id} ({a.kind})", organisation=v.organisation,
                      address=client_address(request), platform=a.platform, community_id=a.community_id, now=w.now())
        return message[0].upper() + message[1:]

    ok, message = await attempt(request, run)
    return done(request, ok, message, default="/attention")
