"""The OK emulator's aiohttp app: ``/fb.do`` (REST), ``/graph/me/*`` (Bot API) and ``/_test/*``.

Request pipeline of ``/fb.do`` (OK's own order is undocumented; this one makes each check
observable on its own): http/nonjson/delay faults → ``method`` known (3) → ``application_key`` (101)
→ ``access_token`` present (103), known (103), not expired (102) → ``sig`` (104) → per-token rate
(8) → error faults → application quota (11) → the method (100, 106, 141, 50, 10 …). Errors are HTTP
200 with header ``invocation-error: <code>`` and ``{"error_code", "error_msg", "error_data": null}``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from typing import Any

from aiohttp import web

from .methods import METHODS
from .state import ControlError, OKErrorReply, OKState

UNSIGNED = frozenset({"access_token", "session_key", "sig"})


def expected_sig(params: dict[str, str], token: str, app_secret: str) -> str:
    """OK's signature (§5.1), computed independently of the client's code."""
    secret = hashlib.md5(f"{token}{app_secret}".encode()).hexdigest()
    concat = "".join(f"{k}={v}" for k, v in sorted(params.items()) if k not in UNSIGNED)
    return hashlib.md5(f"{concat}{secret}".encode()).hexdigest()


def _error(exc: OKErrorReply) -> web.Response:
    return web.Response(text=json.dumps(exc.body()), content_type="application/json",
                        headers={"invocation-error": str(exc.code)})


async def _params(request: web.Request) -> dict[str, str]:
    params = {k: v for k, v in request.query.items()}
    if request.method == "POST" and request.can_read_body:
        form = await request.post()
        params.update({k: str(v) for k, v in form.items()})
    return params


def create_ok_app(state: OKState) -> web.Application:
    app = web.Application(client_max_size=4 * 1024 * 1024)

    async def fbdo(request: web.Request) -> web.StreamResponse:
        started = time.time()
        params = await _params(request)
        method = params.get("method", "")
        fault = state.next_fault(method, ("http", "nonjson", "delay"))
        if fault is not None:
            if fault.kind == "delay":
                await asyncio.sleep(fault.delay)
            elif fault.kind == "http":
                return web.Response(status=fault.status, text="Bad Gateway")
            else:
                return web.Response(text="<html>oops</html>", content_type="text/html")
        user: str | None = None
        try:
            if method not in METHODS:
                raise OKErrorReply(3, f"Method {method or '<none>'} does not exist")
            key = params.get("application_key", "")
            if key not in state.apps:
                raise OKErrorReply(101, "Invalid application key")
            token = state.tokens.get(params.get("access_token", ""))
            if token is None:
                raise OKErrorReply(103, "Invalid session key")
            if token.expired:
                raise OKErrorReply(102, "Session expired")
            if params.get("sig", "").lower() != expected_sig(params, token.value, state.apps[key]):
                raise OKErrorReply(104, "Invalid signature")
            user = token.user_id
            if state.over_rate(token):
                raise OKErrorReply(8, "Too many requests")
            err = state.next_fault(method, ("error",))
            if err is not None:
                raise OKErrorReply(err.code, "injected fault")
            if state.over_quota(key):
                raise OKErrorReply(11, "Daily limit reached")
            result = METHODS[method](state, params, token.user_id)
        except OKErrorReply as exc:
            state.log_call(method, params, user, exc.code, None, started)
            return _error(exc)
        state.log_call(method, params, user, None, result, started)
        return web.json_response(result)

    # ------------------------------------------------------------------ Bot API

    def _bot(request: web.Request) -> int:
        gid = state.bot_tokens.get(request.query.get("access_token", ""))
        if gid is None:
            raise web.HTTPUnauthorized(text=json.dumps({"error_code": 102, "error_msg": "invalid access_token"}),
                                       content_type="application/json")
        return gid

    async def subscribe(request: web.Request) -> web.Response:
        _bot(request)
        try:
            body = await request.json()
        except ValueError:
            body = {}
        url = body.get("url") if isinstance(body, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return web.json_response({"error_code": 100, "error_msg": "url required"}, status=400)
        urls = state.subscriptions.setdefault(request.query["access_token"], [])
        if url not in urls:
            urls.append(url)
        return web.json_response({"success": True})

    async def subscriptions(request: web.Request) -> web.Response:
        _bot(request)
        urls = state.subscriptions.get(request.query["access_token"], [])
        return web.json_response({"subscriptions": [{"url": u, "time": 0} for u in urls]})

    async def unsubscribe(request: web.Request) -> web.Response:
        _bot(request)
        try:
            body = await request.json()
        except ValueError:
            body = {}
        urls = state.subscriptions.get(request.query["access_token"], [])
        if isinstance(body, dict) and body.get("url") in urls:
            urls.remove(body["url"])
        return web.json_response({"success": True})

    # ------------------------------------------------------------------ test control

    async def control(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        try:
            body = await request.json() if request.method == "POST" and request.can_read_body else {}
        except ValueError:
            return web.json_response({"error": "body is not JSON"}, status=400)
        if not isinstance(body, dict):
            return web.json_response({"error": "body must be an object"}, status=400)
        try:
            return web.json_response(await _control(state, name, body, dict(request.query)))
        except ControlError as exc:
            return web.json_response({"error": exc.error, **exc.extra}, status=exc.status)
        except (KeyError, TypeError, ValueError) as exc:
            return web.json_response({"error": f"bad request: {type(exc).__name__}: {exc}"}, status=400)

    app.router.add_route("*", "/fb.do", fbdo)
    app.router.add_post("/graph/me/subscribe", subscribe)
    app.router.add_get("/graph/me/subscriptions", subscriptions)
    app.router.add_post("/graph/me/unsubscribe", unsubscribe)
    app.router.add_route("*", "/_test/{name}", control)
    return app


async def _control(state: OKState, name: str, body: dict[str, Any], query: dict[str, str]) -> Any:
    if name == "group":
        return state.add_group(int(body["group_id"]), body.get("name", ""),
                               admin_user_id=str(body.get("admin_user_id", "9000")))
    if name == "topic":
        return state.add_topic(int(body["group_id"]), body.get("text", "Новость"))
    if name == "comment":
        return state.post_comment(int(body["group_id"]), str(body["topic_id"]), str(body["author_id"]),
                                  str(body["text"]))
    if name == "remove":
        return state.remove_comment(str(body["comment_id"]), str(body.get("by", "moderator")))
    if name == "token":
        if body.get("expired") is not None:
            state.expire_token(str(body["token"]), bool(body["expired"]))
            return {"ok": True}
        return {"access_token": state.add_token(str(body["user_id"]), body.get("token"))}
    if name == "deletion":
        gid = body.get("group_id")
        state.set_deletion(str(body["mode"]), int(gid) if gid is not None else None)
        return {"ok": True}
    if name == "faults":
        if body.get("clear"):
            state.faults.clear()
        elif body:
            state.add_fault(**body)
        return {"faults": [f.__dict__ for f in state.faults if f.count != 0]}
    if name == "config":
        for key in ("rate_limit", "quota"):
            if key in body:
                setattr(state, key, body[key])
        return {"rate_limit": state.rate_limit, "quota": state.quota, "deletion": state.deletion}
    if name == "state":
        gid = query.get("group_id")
        return state.snapshot(int(gid) if gid else None)
    if name == "calls":
        return {"calls": state.calls(query.get("method"), int(query.get("since", 0)))}
    raise ControlError(f"unknown control endpoint {name!r}", 404)


__all__ = ["create_ok_app", "expected_sig"]
