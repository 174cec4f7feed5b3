"""The moderators' workspace as an aiohttp application: context, middlewares, rendering, menu.

Pages live in :mod:`bot.web.pages` (one module per page, each with its ``routes`` and, where it
belongs in the menu, a :class:`NavItem`); later pages (reports, model registry) plug in by adding
a module to :data:`bot.web.pages.MODULES`.

Every moderator action goes through :class:`~bot.decisions.DecisionService` (one transaction
each: decision, outbox actions, blacklist change, training label); the daemon's outbox performs the
platform calls. The store is opened on its own connection and called on one worker thread, so a
page never blocks the daemon's event loop when both run in one process.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from aiohttp import web

from bot.config import CommunityConfig, Config
from bot.decisions import DecisionError, DecisionService
from bot.platform import NotActionable, PlatformRegistry
from bot.store import Store

from . import auth
from .format import FILTERS, TZ_NAME

log = logging.getLogger("modbot.web")

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "modbot_session"
LOGIN_COOKIE = "modbot_login"
#: No inline script, no foreign origin: a comment that slips past escaping still cannot run.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
HealthFn = Callable[[], Awaitable[dict[str, Any] | None]]


@dataclass(frozen=True)
class NavItem:
    """A menu entry: path, Russian label, and whether only admins see it. ``badge`` names a count
    from :meth:`Workspace.badges` shown next to the label."""

    path: str
    label: str
    order: int
    admin: bool = False
    badge: str = ""


class Workspace:
    """What every page needs: the store, the config, the decision service, the clock, the
    daemon's health and the model in use."""

    def __init__(self, store: Store, config: Config, platforms: PlatformRegistry, *,
                 clock: Callable[[], float] = time.time, health: HealthFn | None = None,
                 model_version: Callable[[], str | None] | None = None) -> None:
        self.store = store
        self.config = config
        self.platforms = platforms
        self.service = DecisionService(store, config, platforms)
        self.clock = clock
        self.health = health
        self.model_version = model_version
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="modbot-web-db")
        self._flash: dict[str, list[tuple[str, str]]] = {}
        self._badges: dict[Any, tuple[float, Any]] = {}

    def now(self) -> float:
        return self.clock()

    async def db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a store (or decision service) call on the workspace's database thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    # ------------------------------------------------------------------ communities

    def community_name(self, platform: str | None, community_id: int | None) -> str:
        if community_id is None:
            return f"все сообщества {platform.upper()}" if platform else "—"
        c = self.config.community(platform or "", int(community_id))
        if c is not None and c.name:
            return c.name
        return f"{(platform or '?').upper()} {community_id}"

    def communities_for(self, viewer: auth.Viewer) -> list[CommunityConfig]:
        """Configured communities the viewer sees (for filters and forms), by name."""
        cs = [c for c in self.config.communities if viewer.sees(c.platform, c.group_id)]
        return sorted(cs, key=lambda c: (c.name or str(c.group_id)).casefold())

    # ------------------------------------------------------------------ flash messages

    def flash(self, viewer: auth.Viewer, kind: str, text: str) -> None:
        """A message shown once on the viewer's next page (``ok`` or ``error``)."""
        msgs = self._flash.setdefault(viewer.session, [])
        msgs.append((kind, text))
        del msgs[:-20]
        if len(self._flash) > 10_000:  # sessions that never came back
            self._flash.pop(next(iter(self._flash)))

    def take_flash(self, viewer: auth.Viewer) -> list[tuple[str, str]]:
        return self._flash.pop(viewer.session, [])

    # ------------------------------------------------------------------ menu badges

    async def queue_size(self, scope: Any) -> tuple[int, float | None]:
        """Held comments in a scope and since when the oldest waits, cached a few seconds (every
        page's menu shows it; counting it on a big database takes tens of milliseconds)."""
        key = ("queue", tuple(scope) if scope is not None else None)
        hit = self._badges.get(key)
        now = time.monotonic()
        if hit is not None and now - hit[0] < 5.0:
            return hit[1]
        value = await self.db(self.store.review_queue_size, communities=scope)
        self._badges[key] = (now, value)
        return value

    async def badges(self, viewer: auth.Viewer) -> dict[str, int]:
        """Queue size and the attention count for the menu."""
        size, _ = await self.queue_size(viewer.scope)
        att = await self.db(self.store.attention_counts, communities=viewer.scope)
        return {"queue": size, "attention": att["failed"] + att["manual"]}

    def forget_badges(self) -> None:
        self._badges.clear()


WORKSPACE = web.AppKey("workspace", Workspace)
VIEWER = web.RequestKey("viewer", auth.Viewer)
FORM_NEXT = web.RequestKey("form_next", str)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
NAV = web.AppKey("nav", list)


# --------------------------------------------------------------------------- request helpers


def ws(request: web.Request) -> Workspace:
    return request.app[WORKSPACE]


def viewer(request: web.Request) -> auth.Viewer:
    v = request.get(VIEWER)
    if v is None:  # the auth middleware lets no such request through
        raise web.HTTPForbidden()
    return v


def wants_json(request: web.Request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def client_address(request: web.Request) -> str:
    """The client's address (the proxy's ``X-Forwarded-For`` only with ``[web] trust_proxy``)."""
    if ws(request).config.web.trust_proxy:
        fwd = request.headers.get("X-Forwarded-For", "")
        if fwd.strip():
            return fwd.split(",")[-1].strip()[:64]
    return (request.remote or "")[:64]


def is_tls(request: web.Request) -> bool:
    if request.secure:
        return True
    return ws(request).config.web.trust_proxy and request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def local_path(target: str | None, default: str = "/") -> str:
    """A redirect target from a form: only a path on this site ("/…", never "//host" or a scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def query(request: web.Request, **changes: Any) -> str:
    """The current query string with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query.items()}
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    return ("?" + urlencode(params)) if params else ""


def int_param(request: web.Request, name: str, default: int | None = None, lo: int = 0,
              hi: int = 10**12) -> int | None:
    raw = request.query.get(name, "")
    try:
        value = int(raw)
    except ValueError:
        return default
    return max(lo, min(hi, value))


async def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """A page of the workspace (the menu, the viewer, flash messages, the CSRF token included)."""
    env = request.app[TEMPLATES]
    v: auth.Viewer | None = request.get(VIEWER)
    w = ws(request)
    ctx: dict[str, Any] = {"request": request, "viewer": v, "tz": TZ_NAME, "flash": [], "nav": [], "badges": {},
                           "csrf": v.csrf if v else "", "path": request.path, "community_name": w.community_name,
                           "now": w.now()}
    if v is not None:
        ctx["flash"] = w.take_flash(v)
        ctx["nav"] = [n for n in request.app[NAV] if v.admin or not n.admin]
        ctx["badges"] = await w.badges(v)
    ctx.update(context)
    html = env.get_template(template).render(ctx)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def done(request: web.Request, ok: bool, message: str, *, default: str = "/", data: Any = None) -> web.Response:
    """After a state change: JSON for the page's script, else a flash message and a redirect back
    (post/redirect/get, so a reload never repeats the action)."""
    w = ws(request)
    w.forget_badges()
    if wants_json(request):
        body = {"ok": ok, "message": message}
        if data is not None:
            body["data"] = data
        return web.json_response(body, status=200 if ok else 409)
    w.flash(viewer(request), "ok" if ok else "error", message)
    raise web.HTTPSeeOther(local_path(request.get(FORM_NEXT), default))


async def form(request: web.Request) -> Any:
    data = await request.post()
    request[FORM_NEXT] = str(data.get("next") or "")
    return data


async def attempt(request: web.Request, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
    """Run a decision-service call; a moderator's mistake comes back as ``(False, message)``."""
    try:
        return True, await ws(request).db(fn, *args, **kwargs)
    except (DecisionError, NotActionable) as exc:
        return False, str(exc)


def forbid(message: str = "Нет доступа") -> web.HTTPForbidden:
    return web.HTTPForbidden(text=message)


def require_admin(request: web.Request) -> auth.Viewer:
    v = viewer(request)
    if not v.admin:
        raise forbid("Эта страница — только для администраторов")
    return v


def require_sees(request: web.Request, platform: str | None, community_id: int | None) -> auth.Viewer:
    v = viewer(request)
    if not v.sees(platform, community_id):
        raise forbid("Это сообщество не относится к вашей организации")
    return v


# --------------------------------------------------------------------------- middlewares


def _public(request: web.Request) -> bool:
    return request.path in ("/login", "/favicon.ico") or request.path.startswith("/static/")


@web.middleware
async def security_middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                              ) -> web.StreamResponse:
    """Security headers on every answer; errors as pages (never a traceback in the browser)."""
    try:
        resp = await handler(request)
    except web.HTTPException as exc:
        if exc.status >= 400 and exc.content_type != "application/json" and not wants_json(request):
            resp = await _error_page(request, exc.status, exc.text if exc.text and not exc.text.startswith(
                str(exc.status)) else "")
        elif exc.status >= 400 and wants_json(request):
            resp = web.json_response({"ok": False, "message": exc.text or exc.reason}, status=exc.status)
        else:
            for k, v in SECURITY_HEADERS.items():
                exc.headers[k] = v
            raise
    except Exception:
        log.exception("web: %s %s failed", request.method, request.path)
        resp = await _error_page(request, 500, "Внутренняя ошибка. Подробности — в журнале службы.")
    for k, v in SECURITY_HEADERS.items():
        resp.headers[k] = v
    if not request.path.startswith("/static/"):
        resp.headers["Cache-Control"] = "no-store"
    return resp


async def _error_page(request: web.Request, status: int, message: str) -> web.Response:
    titles = {400: "Неверный запрос", 403: "Нет доступа", 404: "Не найдено", 405: "Метод не разрешён",
              413: "Слишком большой запрос", 500: "Ошибка"}
    try:
        return await render(request, "error.html", status=status, title=titles.get(status, "Ошибка"),
                            message=message, status_code=status)
    except Exception:  # the error page itself must not fail
        log.exception("web: error page failed")
        return web.Response(status=status, text=titles.get(status, "Ошибка"))


@web.middleware
async def auth_middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                          ) -> web.StreamResponse:
    """Every page needs a login; every state-changing request needs the session's CSRF token and,
    when the browser names one, our own origin."""
    if request.method in UNSAFE_METHODS and not _same_origin(request):
        raise web.HTTPForbidden(text="Запрос с чужого сайта отклонён")
    if _public(request):
        return await handler(request)
    w = ws(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    row = await w.db(w.store.session, auth.token_hash(token), w.now()) if token else None
    if row is None:
        if request.method in ("GET", "HEAD") and not wants_json(request):
            target = request.path_qs if request.path != "/" else ""
            raise web.HTTPSeeOther("/login" + (("?" + urlencode({"next": target})) if target else ""))
        raise web.HTTPForbidden(text="Нужно войти заново: сессия истекла или не начата")
    v = auth.viewer_from_session(w.config, row)
    request[VIEWER] = v
    if request.method in UNSAFE_METHODS:
        sent = request.headers.get("X-CSRF-Token", "")
        if not sent:
            data = await request.post()
            sent = str(data.get("csrf") or "")
        if not auth.same(sent, v.csrf):
            raise web.HTTPForbidden(text="Форма устарела или подделана (CSRF). Обновите страницу и повторите.")
    if row.get("last_seen_at") is None or w.now() - float(row["last_seen_at"]) > 60:
        await w.db(w.store.touch_session, v.session, w.now())
    return await handler(request)


def _same_origin(request: web.Request) -> bool:
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:  # not sent by every client; the CSRF token still guards the request
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    hosts = {request.host}
    if ws(request).config.web.trust_proxy and request.headers.get("X-Forwarded-Host"):
        hosts.add(request.headers["X-Forwarded-Host"].split(",")[0].strip())
    return bool(parts.netloc) and parts.netloc in hosts


# --------------------------------------------------------------------------- the application


def make_app(workspace: Workspace) -> web.Application:
    """The workspace's aiohttp application (mount it on any listener)."""
    from .pages import MODULES

    app = web.Application(middlewares=[security_middleware, auth_middleware], client_max_size=1024 * 1024)
    app[WORKSPACE] = workspace
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(FILTERS)
    env.globals["query"] = query
    app[TEMPLATES] = env
    nav: list[NavItem] = []
    for module in MODULES:
        app.add_routes(module.routes)
        nav += list(getattr(module, "NAV", ()))
    app[NAV] = sorted(nav, key=lambda n: n.order)
    app.router.add_static("/static/", HERE / "static", append_version=False)

    async def favicon(_: web.Request) -> web.StreamResponse:
        return web.FileResponse(HERE / "static" / "favicon.svg")

    app.router.add_get("/favicon.ico", favicon)

    async def on_cleanup(_: web.Application) -> None:
        workspace.close()

    app.on_cleanup.append(on_cleanup)
    return app


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


__all__ = [
    "CSP",
    "NavItem",
    "SESSION_COOKIE",
    "Workspace",
    "attempt",
    "done",
    "form",
    "make_app",
    "render",
    "viewer",
    "ws",
]
