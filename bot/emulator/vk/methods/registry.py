"""The table of emulated VK methods and which token kinds may call each (27/28/15 otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..protocol import VKErrorReply
from .call import MethodCall

if TYPE_CHECKING:
    from ..state import VKState

Handler = Callable[["VKState", MethodCall], Any]


@dataclass(slots=True, frozen=True)
class MethodSpec:
    handler: Handler
    kinds: frozenset[str]


METHODS: dict[str, MethodSpec] = {}


def vk_method(name: str, *kinds: str) -> Callable[[Handler], Handler]:
    """Register a handler as VK method ``name``, callable with tokens of ``kinds``."""

    def deco(fn: Handler) -> Handler:
        METHODS[name] = MethodSpec(fn, frozenset(kinds))
        return fn

    return deco


def invoke(state: VKState, method: str, call: MethodCall) -> Any:
    """Run a registered method after the token-kind check (the caller has checked that it exists)."""
    spec = METHODS[method]
    kind = call.tok.kind
    if kind not in spec.kinds:
        if kind == "group":
            raise VKErrorReply(27)
        if kind == "service":
            raise VKErrorReply(28)
        raise VKErrorReply(15, "Access denied: method is available only with group auth")
    return spec.handler(state, call)
