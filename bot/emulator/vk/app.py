"""The aiohttp application: VK's routes (``/method``, ``/lp``, ``/captcha.php``) and the outage gate.

HTTP is translated here and nowhere else; what a request means is decided by
``api.py``, ``longpoll.py`` and the state. The ``/_test/*`` routes come from
``control.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import control, longpoll
from .api import api_call
from .faults import LONGPOLL
from .state import VKState

STATE_KEY: web.AppKey[VKState] = web.AppKey("vk_state", VKState)

_PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
_VK_PREFIXES = ("/method/", "/lp/", "/captcha.php")


def _origin(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


async def _read_params(request: web.Request) -> dict[str, str]:
    params = {k: v for k, v in request.query.items()}
    if request.method == "POST" and request.can_read_body:
        ctype = request.content_type
        if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params


def _reply(reply_status: int, body: str, content_type: str) -> web.Response:
    return web.Response(status=reply_status, text=body, content_type=content_type, charset="utf-8")


async def _handle_method(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    params = await _read_params(request)
    token = params.pop("access_token", None)
    auth = request.headers.get("Authorization", "")
    if not token and auth.lower().startswith("bearer "):
        token = auth[7:].strip()
    version = params.pop("v", None)
    reply = await api_call(state, request.match_info["name"], params, token, version, _origin(request))
    return _reply(reply.status, reply.body, reply.content_type)


async def _handle_lp(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    fault = state.faults.take(LONGPOLL, top_level=True, transport=True)
    if fault is not None:
        state.counters["faults_fired"] += 1
        if fault.delay:
            await asyncio.sleep(fault.delay)
        broken = fault.transport_reply()
        if broken is not None:
            return _reply(broken.status, broken.body, broken.content_type)
    params = await _read_params(request)
    if params.get("act") != "a_check":
        return web.json_response({"error": "act must be a_check"}, status=400)
    try:
        group_id = int(request.match_info["group_id"])
    except ValueError:
        return web.json_response({"failed": 2})
    return web.json_response(await longpoll.a_check(state, group_id, params))


async def _handle_captcha(request: web.Request) -> web.StreamResponse:
    return web.Response(body=_PNG_1PX, content_type="image/png")


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _outage_gate(request: web.Request, handler: Handler) -> web.StreamResponse:
    """While a ``down`` fault is active, VK's routes fail at the transport level; /_test/* keeps working.

    ``503``: an HTML 503 from the front. ``refused``: the connection is dropped without an answer (the
    listening socket itself is closed by ``VKEmulator``, so new connections are refused). Checked again
    after the handler, so a long poll held when the outage starts fails too.
    """
    if not request.path.startswith(_VK_PREFIXES):
        return await handler(request)
    state = request.app[STATE_KEY]
    if state.faults.outage() is None:
        response = await handler(request)
        if state.faults.outage() is None:
            return response
    down = state.faults.outage()
    state.counters["outage_rejected"] += 1
    if down is not None:
        down.fired += 1
    if down is not None and down.mode == "refused":
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=503)  # never written: the connection is gone
    return _reply(503, "<html><body>503 Service Temporarily Unavailable</body></html>", "text/html")


def create_vk_app(state: VKState | None = None) -> web.Application:
    """Build the aiohttp application (VK API + long poll + /_test/ control endpoints) around ``state``."""
    state = state or VKState()
    app = web.Application(client_max_size=16 * 1024 * 1024, middlewares=[_outage_gate])
    app[STATE_KEY] = state
    app.router.add_route("GET", "/method/{name}", _handle_method)
    app.router.add_route("POST", "/method/{name}", _handle_method)
    app.router.add_route("GET", "/lp/{group_id}", _handle_lp)
    app.router.add_route("POST", "/lp/{group_id}", _handle_lp)
    app.router.add_get("/captcha.php", _handle_captcha)
    control.add_routes(app.router, lambda request: request.app[STATE_KEY])

    async def _on_shutdown(_: web.Application) -> None:
        await state.close()

    app.on_shutdown.append(_on_shutdown)
    return app
