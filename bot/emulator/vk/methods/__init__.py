"""The emulated VK API methods, one module per area; importing this package fills ``METHODS``."""

from . import comments, execute, groups, users, wall  # noqa: F401  (registration side effect)
from .call import MethodCall, WireParams
from .registry import METHODS, MethodSpec, invoke

__all__ = ["METHODS", "MethodCall", "MethodSpec", "WireParams", "invoke"]
