"""Моя учётная запись: who I am, what I see, and my own password."""

from __future__ import annotations

from aiohttp import web

from .. import auth
from ..app import SESSION_COOKIE, client_address, form, render, viewer, ws

routes = web.RouteTableDef()


@routes.get("/account")
async def account_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    return await render(request, "account.html", communities=w.communities_for(v), min_password=auth.MIN_PASSWORD)


@routes.post("/account/password")
async def change_password(request: web.Request) -> web.StreamResponse:
    w = ws(request)
    v = viewer(request)
    data = await form(request)
    current = str(data.get("current") or "")
    new = str(data.get("password") or "")
    account = await w.db(w.store.get_moderator, v.name)
    error = ""
    if not await w.db(auth.verify_password, account["password_hash"] if account else "", current):
        error = "Текущий пароль неверен"
    elif new != str(data.get("password2") or ""):
        error = "Новые пароли не совпадают"
    else:
        try:
            auth.check_new_password(new, v.name)
        except auth.PasswordError as exc:
            error = f"Пароль не изменён: {exc}"
    if error:
        w.flash(v, "error", error)
        raise web.HTTPSeeOther("/account")
    hashed = await w.db(auth.hash_password, new)
    await w.db(w.store.set_password, v.name, hashed, w.now())
    await w.db(w.store.audit, v.name, "password", "свой пароль", organisation=v.organisation,
               address=client_address(request), now=w.now())
    resp = web.HTTPSeeOther("/login")
    resp.del_cookie(SESSION_COOKIE, path="/")
    raise resp
