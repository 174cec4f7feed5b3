"""The ``/method/<name>`` pipeline: call log, transport faults, auth, rate limit, error faults, dispatch.

The order is VK's as far as it can be observed: a broken front (5xx, non-JSON,
slowness) answers before anything is checked; then ``v``, the method name, the
token, the per-token rate limit; only an authenticated, admitted call can hit
an ``error`` fault or reach its handler.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from .methods import METHODS, MethodCall, WireParams, invoke
from .model import TokenInfo
from .protocol import HTTPReply, VKErrorReply

if TYPE_CHECKING:
    from .state import VKState


class CallLog:
    """Every API call (inner ``execute`` calls included) in arrival order, bounded, with a per-method index."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.entries: deque[dict[str, Any]] = deque(maxlen=limit)
        self.by_method: dict[str, deque[dict[str, Any]]] = {}
        self.last_seq = 0

    def record(self, method: str, params: dict[str, str], token: str | None, via: str,
               parent: int | None = None) -> dict[str, Any]:
        """Open a log entry; the pipeline fills in the outcome (error_code, response, ...) as it goes."""
        self.last_seq += 1
        rec: dict[str, Any] = {"seq": self.last_seq, "time_ms": time.time() * 1000.0, "method": method,
                               "params": dict(params), "token": token, "token_kind": None, "via": via, "parent": parent,
                               "error_code": None, "response": None, "http_status": 200, "duration_ms": None}
        self.entries.append(rec)
        per = self.by_method.get(method)
        if per is None:
            per = self.by_method[method] = deque(maxlen=self.limit)
        per.append(rec)
        return rec

    def select(self, method: str | None = None, since: int = 0) -> list[dict[str, Any]]:
        """Entries (optionally of one method) with seq > since."""
        source = self.entries if method is None else self.by_method.get(method, ())
        if since:
            return [c for c in source if c["seq"] > since]
        return list(source)


class RateWindows:
    """VK's per-token limit: a sliding one-second window per token; rejected calls are not counted."""

    def __init__(self) -> None:
        self._windows: dict[str, deque[float]] = {}

    def admit(self, tok: TokenInfo, limit: int | None) -> bool:
        if not limit:
            return True
        now = time.monotonic()
        window = self._windows.get(tok.token)
        if window is None:
            window = self._windows[tok.token] = deque()
        horizon = now - 1.0
        while window and window[0] <= horizon:
            window.popleft()
        if len(window) >= limit:
            return False
        window.append(now)
        return True

    def clear(self) -> None:
        self._windows.clear()


def authenticate(state: VKState, token: str | None) -> TokenInfo:
    if not token:
        raise VKErrorReply(5, "User authorization failed: no access_token passed.")
    tok = state.tokens.get(token)
    if tok is None:
        raise VKErrorReply(5)
    return tok


async def api_call(state: VKState, method: str, params: dict[str, str], token: str | None, version: str | None,
                   origin: str) -> HTTPReply:
    """Handle one ``/method/<name>`` request end to end."""
    started = time.monotonic()
    rec = state.call_log.record(method, params, token, "http")
    state.counters["calls"] += 1
    fault = state.faults.take(method, top_level=True, transport=True, token=token)
    if fault is not None:
        state.counters["faults_fired"] += 1
        if fault.delay:
            await asyncio.sleep(fault.delay)
        reply = fault.transport_reply()
        if reply is not None:
            rec["http_status"] = reply.status
            rec["duration_ms"] = (time.monotonic() - started) * 1000.0
            return reply
    body: dict[str, Any]
    try:
        if not version:
            raise VKErrorReply(8)
        if method not in METHODS:
            raise VKErrorReply(3)
        tok = authenticate(state, token)
        rec["token_kind"] = tok.kind
        limit = tok.rate_limit if tok.rate_limit is not None else state.rate_limits.get(tok.kind)
        if not state.rate_windows.admit(tok, limit):
            state.counters["rate_limited"] += 1
            raise VKErrorReply(6)
        if not state.faults.captcha_answered(params):
            err_fault = state.faults.take(method, top_level=True, transport=False, token=tok.token)
            if err_fault is not None:
                state.counters["faults_fired"] += 1
                if err_fault.delay:
                    await asyncio.sleep(err_fault.delay)
                raise state.faults.error_reply(err_fault, origin)
        call = MethodCall(tok, WireParams(params), origin, rec)
        result = invoke(state, method, call)
        body = {"response": result, **call.extra}
        rec["response"] = result
    except VKErrorReply as e:
        state.counters["errors"] += 1
        rec["error_code"] = e.code
        request_params = [{"key": "oauth", "value": "1"}, {"key": "method", "value": method}]
        if version:
            request_params.append({"key": "v", "value": version})
        request_params.extend({"key": k, "value": v} for k, v in params.items())
        body = {"error": {"error_code": e.code, "error_msg": e.msg, "request_params": request_params, **e.extra}}
    rec["duration_ms"] = (time.monotonic() - started) * 1000.0
    return HTTPReply(200, _dumps(body))


def _dumps(body: Any) -> str:
    """JSON as VK sends it (UTF-8 text); a stored lone surrogate, which UTF-8 cannot carry, goes out as
    a ``\\udXXX`` escape instead of breaking the whole reply."""
    text = json.dumps(body, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(body)
    return text
