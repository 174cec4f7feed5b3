"""``execute``: the VKScript subset the daemon sends, its inner calls logged and faulted one by one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import vkscript
from ..protocol import VKErrorReply
from .call import MethodCall, WireParams
from .registry import METHODS, invoke, vk_method

if TYPE_CHECKING:
    from ..state import VKState


@vk_method("execute", "user", "group", "service")
def execute(state: VKState, call: MethodCall) -> Any:
    try:
        tree, script_calls = vkscript.parse(call.p.str("code"))
    except vkscript.ScriptError as e:
        raise VKErrorReply(e.code, e.message) from None
    results: dict[int, Any] = {}
    errors: list[dict[str, Any]] = []
    for sc in script_calls:
        params = {k: w for k, v in sc.params.items() if (w := vkscript.to_wire(v)) is not None}
        ok, value = _inner_call(state, sc.method, params, call)
        if ok:
            results[id(sc)] = value
        else:
            results[id(sc)] = False
            errors.append({"method": sc.method, "error_code": value.code, "error_msg": value.msg})
    if errors:
        call.extra["execute_errors"] = errors
    return vkscript.substitute(tree, results)


def _inner_call(state: VKState, method: str, params: dict[str, str], parent: MethodCall) -> tuple[bool, Any]:
    """One API call inside the script: logged with via=execute; only error faults apply here."""
    rec = state.call_log.record(method, params, parent.tok.token, "execute", parent.rec["seq"])
    state.counters["calls"] += 1
    rec["token_kind"] = parent.tok.kind
    try:
        if method not in METHODS or method == "execute":
            raise VKErrorReply(3)
        fault = state.faults.take(method, top_level=False, transport=False, token=parent.tok.token)
        if fault is not None:
            state.counters["faults_fired"] += 1
            raise state.faults.error_reply(fault, parent.origin)
        result = invoke(state, method, MethodCall(parent.tok, WireParams(params), parent.origin, rec))
    except VKErrorReply as e:
        rec["error_code"] = e.code
        return False, e
    rec["response"] = result
    return True, result
