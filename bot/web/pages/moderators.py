"""Модераторы (admins only): accounts, their organisation or communities, passwords."""

from __future__ import annotations

from aiohttp import web

from .. import auth
from ..app import NavItem, client_address, done, form, render, require_admin, ws

routes = web.RouteTableDef()
NAV = [NavItem("/moderators", "Модераторы", 70, admin=True)]


@routes.get("/moderators")
async def moderators_page(request: web.Request) -> web.Response:
    w = ws(request)
    require_admin(request)
    rows = await w.db(w.store.moderators, include_disabled=request.query.get("all") == "1")
    return await render(request, "moderators.html", moderators=rows, roles=auth.ROLES,
                        organisations=auth.organisations(w.config), communities=list(w.config.communities),
                        min_password=auth.MIN_PASSWORD, show_all=request.query.get("all") == "1")


@routes.post("/moderators/add")
async def add(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = require_admin(request)
    data = await form(request)
    name = str(data.get("name") or "").strip()
    password = str(data.get("password") or "")
    if password != str(data.get("password2") or ""):
        return done(request, False, "Пароли не совпадают", default="/moderators")
    role = str(data.get("role") or "moderator")
    organisation = str(data.get("organisation") or "").strip()[:100]
    communities = [str(c) for c in data.getall("communities", [])]

    def run() -> str:
        created = auth.add_account(w.store, name, password, role=role, organisation=organisation,
                                   communities=communities, now=w.now())
        w.store.audit(v.name, "moderator_add", f"{name} ({role}{', ' + organisation if organisation else ''})",
                      organisation=v.organisation, address=client_address(request), now=w.now())
        return f"Модератор {name} {'добавлен' if created else 'восстановлен'}"

    try:
        message = await w.db(run)
    except auth.AccountError as exc:
        return done(request, False, f"Не добавлен: {exc}", default="/moderators")
    return done(request, True, message, default="/moderators")


@routes.post("/moderators/{name}/remove")
async def remove(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = require_admin(request)
    await form(request)
    name = request.match_info["name"]
    if name == v.name:
        return done(request, False, "Нельзя удалить самого себя", default="/moderators")
    ok = await w.db(w.store.disable_moderator, name, w.now())
    if ok:
        await w.db(w.store.audit, v.name, "moderator_remove", name, organisation=v.organisation,
                   address=client_address(request), now=w.now())
    return done(request, ok, f"Модератор {name} удалён: войти больше не сможет" if ok else f"Нет модератора {name}",
                default="/moderators")


@routes.post("/moderators/{name}/password")
async def set_password(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = require_admin(request)
    data = await form(request)
    name = request.match_info["name"]
    password = str(data.get("password") or "")
    try:
        auth.check_new_password(password, name)
    except auth.PasswordError as exc:
        return done(request, False, f"Пароль не изменён: {exc}", default="/moderators")
    hashed = await w.db(auth.hash_password, password)
    ok = await w.db(w.store.set_password, name, hashed, w.now())
    if ok:
        await w.db(w.store.audit, v.name, "password", f"пароль модератора {name}", organisation=v.organisation,
                   address=client_address(request), now=w.now())
    return done(request, ok, f"Пароль модератора {name} изменён; его сессии завершены" if ok
                else f"Нет модератора {name}", default="/moderators")
