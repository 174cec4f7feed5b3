"""What every method handler works with: the call, its typed wire parameters, and VK's access checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Group, TokenInfo
from ..protocol import VKErrorReply, param_error

if TYPE_CHECKING:
    from ..state import VKState


class WireParams:
    """Typed access to wire parameters (all strings), raising VK's error 100 on missing/invalid ones."""

    __slots__ = ("raw",)

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = raw

    def has(self, name: str) -> bool:
        return self.raw.get(name, "") != ""

    def int(self, name: str, default: int | None = None) -> int:
        value = self.raw.get(name, "")
        if value == "":
            if default is None:
                raise param_error(name)
            return default
        try:
            return int(value)
        except ValueError:
            raise param_error(name, "not integer") from None

    def opt_int(self, name: str) -> int | None:
        return self.int(name) if self.has(name) else None

    def str(self, name: str, default: str | None = None) -> str:
        value = self.raw.get(name)
        if value is None or value == "":
            if default is None:
                raise param_error(name)
            return default
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.raw.get(name, "")
        if value == "":
            return default
        return value.lower() not in ("0", "false", "")

    def ints(self, name: str) -> list[int]:
        out: list[int] = []
        for part in self.raw.get(name, "").split(","):
            part = part.strip()
            if part:
                try:
                    out.append(int(part))
                except ValueError:
                    raise param_error(name, "not integer") from None
        return out

    def list(self, name: str) -> list[str]:
        """A comma-separated list such as ``fields``, blanks dropped."""
        return [f.strip() for f in self.raw.get(name, "").split(",") if f.strip()]


@dataclass(slots=True)
class MethodCall:
    """One (possibly inner ``execute``) API call as its handler sees it.

    ``rec`` is its call-log entry; ``extra`` holds top-level fields added next
    to ``response`` (``execute_errors``).
    """

    tok: TokenInfo
    p: WireParams
    origin: str
    rec: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


def owner_group(state: VKState, owner_id: int, name: str = "owner_id") -> Group:
    """The community behind a negative ``owner_id`` (user walls are not emulated)."""
    group = state.groups.get(-owner_id) if owner_id < 0 else None
    if group is None:
        raise param_error(name, "is invalid (only community walls are emulated)")
    return group


def id_group(state: VKState, group_id: int) -> Group:
    group = state.groups.get(group_id)
    if group is None:
        raise param_error("group_id", "is invalid")
    return group


def require_admin(tok: TokenInfo, group: Group, *, code: int = 15, scope: str | None = None,
                  group_scope: str | None = None) -> None:
    """VK's checks for acting on a community: its own community token, or an admin's user token with scope.

    ``code`` is what a non-admin user gets (211 for comments, 15 otherwise; see DESIGN_CHOICES).
    """
    if tok.kind == "group":
        if tok.group_id != group.id:
            raise VKErrorReply(15, "Access denied: token of another community")
        if group_scope and group_scope not in tok.scopes:
            raise VKErrorReply(15, f"Access denied: no access to call this method (community token needs {group_scope})")
        return
    if tok.kind != "user" or tok.user_id not in group.admins:
        raise VKErrorReply(code)
    if scope and scope not in tok.scopes:
        raise VKErrorReply(15, "Access denied: no access to call this method")
