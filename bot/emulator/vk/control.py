"""The ``/_test/*`` control endpoints (not VK): JSON in, JSON out, 400/404 ``{"error", ...}`` on misuse.

Each one calls the same ``VKState`` operation a Python test would, so tests,
the demo and benches in another process can drive the emulator alike.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import web

from .protocol import PARENT_PARAM, ControlError
from .state import VKState

ControlFn = Callable[[VKState, dict[str, Any], web.Request], Any]


async def _json_body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        data = await request.json()
    except ValueError:
        raise ControlError(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise ControlError(400, "body must be a JSON object")
    return data


def _need(data: dict[str, Any], *names: str) -> list[Any]:
    missing = [n for n in names if data.get(n) is None]
    if missing:
        raise ControlError(400, f"missing fields: {', '.join(missing)}")
    return [data[n] for n in names]


def _wrap(fn: ControlFn, get_state: Callable[[web.Request], VKState]) -> Callable[[web.Request], Any]:
    """JSON in, JSON out; ControlError -> 4xx with a reason, bad types -> 400."""

    async def handler(request: web.Request) -> web.StreamResponse:
        state = get_state(request)
        try:
            data = await _json_body(request) if request.method == "POST" else {}
            result = fn(state, data, request)
            if asyncio.iscoroutine(result):
                result = await result
        except ControlError as e:
            return web.json_response({"error": e.error, **e.extra}, status=e.status)
        except (TypeError, ValueError) as e:
            return web.json_response({"error": f"bad request: {e}"}, status=400)
        return web.json_response(result)

    return handler


def _group(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id = data.get("group_id")
    return state.add_group(
        int(group_id) if group_id is not None else None, data.get("name"),
        admin_user_id=int(data.get("admin_user_id", 100)), group_token=data.get("group_token"),
        user_token=data.get("user_token"), screen_name=data.get("screen_name"),
        confirmation_code=data.get("confirmation_code"),
    )


def _token(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    (kind,) = _need(data, "kind")
    token = state.add_token(kind, token=data.get("token"), user_id=data.get("user_id"), group_id=data.get("group_id"),
                            admin_of=data.get("admin_of", ()), scopes=data.get("scopes"),
                            rate_limit=data.get("rate_limit"))
    return state.tokens[token].public()


def _user(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    user_id, first, last = _need(data, "user_id", "first_name", "last_name")
    state.add_user(int(user_id), str(first), str(last))
    return {"user_id": int(user_id)}


def _post(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    (group_id,) = _need(data, "group_id")
    return state.add_post(int(group_id), str(data.get("text", "")), from_id=data.get("from_id"),
                          post_type=str(data.get("post_type", "post")))


def _comment(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, from_id = _need(data, "group_id", "from_id")
    kind = data.get("kind", "wall")
    parent = data.get(PARENT_PARAM.get(kind, ""), data.get("parent_id"))
    reply_to = data.get("reply_to")
    return state.post_comment(int(group_id), int(from_id), str(data.get("text", "")), kind,
                              parent_id=int(parent) if parent is not None else None,
                              reply_to=int(reply_to) if reply_to is not None else None)


def _edit(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, comment_id, text = _need(data, "group_id", "comment_id", "text")
    return state.edit_comment(int(group_id), data.get("kind", "wall"), int(comment_id), str(text))


def _faults(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    """In this order: ``clear``, ``remove`` (an id or a list), ``seed``, then the new faults.

    Faults posted in one request are added together, so their ``after`` offsets form one schedule.
    """
    if data.get("clear"):
        state.clear_faults()
    remove = data.get("remove")
    for fault_id in remove if isinstance(remove, list) else [remove] if remove is not None else []:
        state.remove_fault(int(fault_id))
    if data.get("seed") is not None:
        state.faults.reseed(int(data["seed"]))
    entries = data.get("faults")
    if entries is None and ("kind" in data or "method" in data or "error_code" in data):
        entries = [{k: v for k, v in data.items() if k not in ("clear", "remove", "seed")}]
    added = []
    for entry in entries or []:
        if not isinstance(entry, dict):
            raise ControlError(400, "each fault must be a JSON object")
        entry = {k: v for k, v in entry.items() if k not in ("id", "fired", "active", "spent", "starts_in",
                                                         "ends_in")}
        added.append(state.add_fault(entry.pop("method", "*"), entry.pop("kind", "error"),
                                     int(entry.pop("count", 1)), **entry).id)
    return {"faults": state.faults.to_list(), "added": added, "seed": state.faults.seed}


def _get_faults(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    return {"faults": state.faults.to_list(), "seed": state.faults.seed}


def _lp_fail(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, failed = _need(data, "group_id", "failed")
    return state.lp_fail(int(group_id), int(failed))


def _redeliver(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, event_id = _need(data, "group_id", "event_id")
    return state.redeliver(int(group_id), str(event_id))


async def _callback(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    group_id, url = _need(data, "group_id", "url")
    return await state.configure_callback(int(group_id), str(url), str(data.get("secret", "")), data.get("code"))


def _callback_log(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    return {"deliveries": list(state.callback_log)}


def _state(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    q = request.query
    group_id = int(q["group_id"]) if q.get("group_id") else None
    return state.snapshot(group_id, comments=q.get("comments", "1") != "0", deleted_only=q.get("deleted") == "1")


def _calls(state: VKState, data: dict[str, Any], request: web.Request) -> Any:
    q = request.query
    calls = state.calls(q.get("method") or None, int(q.get("since", 0) or 0))
    return {"calls": calls, "last_seq": state.call_log.last_seq}


def _set_config(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    return state.set_config(**data)


def _get_config(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    return state.config()


def _reset(state: VKState, data: dict[str, Any], _: web.Request) -> Any:
    state.reset()
    return {"ok": True}


_POST: dict[str, ControlFn] = {
    "/_test/group": _group, "/_test/token": _token, "/_test/user": _user, "/_test/post": _post,
    "/_test/comment": _comment, "/_test/edit": _edit, "/_test/faults": _faults, "/_test/lp_fail": _lp_fail,
    "/_test/redeliver": _redeliver, "/_test/callback": _callback, "/_test/config": _set_config,
    "/_test/reset": _reset,
}
_GET: dict[str, ControlFn] = {
    "/_test/state": _state, "/_test/calls": _calls, "/_test/faults": _get_faults,
    "/_test/callback_log": _callback_log, "/_test/config": _get_config,
}


def add_routes(router: web.UrlDispatcher, get_state: Callable[[web.Request], VKState]) -> None:
    for path, fn in _POST.items():
        router.add_post(path, _wrap(fn, get_state))
    for path, fn in _GET.items():
        router.add_get(path, _wrap(fn, get_state))
