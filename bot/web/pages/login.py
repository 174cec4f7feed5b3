"""Login and logout. Failures are counted per account and per address (see :mod:`bot.web.auth`)."""

from __future__ import annotations

from aiohttp import web

from .. import auth
from ..app import LOGIN_COOKIE, SESSION_COOKIE, client_address, is_tls, local_path, render, viewer, ws

routes = web.RouteTableDef()


@routes.get("/")
async def home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther("/queue")


async def _form(request: web.Request, *, error: str = "", name: str = "", status: int = 200) -> web.Response:
    token = auth.new_token()
    resp = await render(request, "login.html", status=status, error=error, name=name, login_csrf=token,
                        next=local_path(request.query.get("next"), ""))
    resp.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="Strict", secure=is_tls(request), path="/login",
                    max_age=3600)
    return resp


@routes.get("/login")
async def login_page(request: web.Request) -> web.Response:
    return await _form(request)


@routes.post("/login")
async def login(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    data = await request.post()
    name = str(data.get("name") or "").strip()[:100]
    password = str(data.get("password") or "")
    if not auth.same(str(data.get("csrf") or ""), request.cookies.get(LOGIN_COOKIE)):
        raise web.HTTPForbidden(text="Форма входа устарела (CSRF). Обновите страницу и повторите.")
    address = client_address(request)
    now = w.now()
    failures = await w.db(w.store.login_failures, name.casefold(), address, now - auth.FAILURE_WINDOW)
    wait = auth.login_delay(max(failures["account"], failures["address"]), failures["last_at"], now)
    if wait > 0:
        return await _form(request, name=name, status=429,
                           error=f"Слишком много неудачных попыток. Повторите через {int(wait) + 1} с.")
    account = await w.db(w.store.get_moderator, name) if name else None
    stored = account["password_hash"] if account and account["disabled_at"] is None else ""
    ok = await w.db(auth.verify_password, stored, password[: auth.MAX_PASSWORD])
    if not ok or account is None:
        await w.db(w.store.record_login_failure, name.casefold(), address, now)
        await w.db(w.store.audit, name or "—", "login_failed", "неверное имя или пароль", address=address,
                   organisation=account["organisation"] if account else "", now=now)
        return await _form(request, name=name, status=401, error="Неверное имя или пароль.")
    token, csrf = auth.new_token(), auth.new_token()
    expires = now + w.config.web.session_hours * 3600
    await w.db(w.store.create_session, auth.token_hash(token), account["name"], csrf=csrf, expires_at=expires,
               address=address, now=now)
    await w.db(w.store.clear_login_failures, name.casefold())
    await w.db(w.store.audit, account["name"], "login", "", organisation=account["organisation"], address=address,
               now=now)
    resp = web.HTTPSeeOther(local_path(str(data.get("next") or ""), "/queue"))
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Strict", secure=is_tls(request), path="/",
                    max_age=int(w.config.web.session_hours * 3600))
    resp.del_cookie(LOGIN_COOKIE, path="/login")
    raise resp


@routes.post("/logout")
async def logout(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = viewer(request)
    await w.db(w.store.end_session, v.session)
    await w.db(w.store.audit, v.name, "logout", "", organisation=v.organisation, address=client_address(request),
               now=w.now())
    resp = web.HTTPSeeOther("/login")
    resp.del_cookie(SESSION_COOKIE, path="/")
    raise resp
