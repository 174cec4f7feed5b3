"""VK error vocabulary shared by the transport, the batcher and the outbox.

Why a module of its own: the outbox must decide "retry later / give up / wait for a human"
without knowing anything about HTTP, and the client must raise the same exceptions whether a
call went out alone or inside ``execute``. Tokens never appear in messages: see :func:`mask`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

TokenKind = Literal["user", "group", "service"]

#: Worth retrying with backoff: too many requests, flood control, internal error, daily quota.
TRANSIENT_CODES: frozenset[int] = frozenset({6, 9, 10, 29})
#: Captcha: the token must pause until a human answers or the pause expires.
CAPTCHA_CODE = 14
#: Permanent for this call: bad/expired token, access denied, deleted user, wrong token type,
#: bad params, not found, group/comment access denied, "comment has not been deleted".
PERMANENT_CODES: frozenset[int] = frozenset({5, 7, 8, 15, 18, 27, 28, 100, 104, 113, 203, 210, 211, 212, 243})

#: Codes that mean "the thing is already in the wanted state": treat the action as done.
ALREADY_DONE: dict[str, frozenset[int]] = {
    "restore": frozenset({243}),
}


def mask(token: str) -> str:
    """Show enough of a token to tell two apart in a log, never enough to use it."""
    if not token:
        return "<no token>"
    if len(token) <= 10:
        return token[:2] + "…"
    return f"{token[:6]}…{token[-3:]}"


@dataclass(frozen=True)
class Token:
    """An access token with its kind (rate limit and method availability depend on it).

    ``repr``/``str`` are masked so a token dropped into a log line or a traceback leaks nothing.
    """

    value: str
    kind: TokenKind = "user"

    @property
    def masked(self) -> str:
        return f"{self.kind} token {mask(self.value)}"

    def __repr__(self) -> str:
        return f"Token({self.masked})"

    __str__ = __repr__


class VKError(Exception):
    """Base of everything the VK layer raises on purpose."""


class VKAPIError(VKError):
    """VK answered ``{"error": ...}`` (top level, or one inner call of ``execute``)."""

    def __init__(self, code: int, msg: str, method: str = "", *, extra: dict[str, Any] | None = None) -> None:
        self.code = int(code)
        self.msg = msg
        self.method = method
        self.extra = extra or {}
        super().__init__(f"VK error {self.code} in {method or 'call'}: {msg}")

    @property
    def transient(self) -> bool:
        return self.code in TRANSIENT_CODES


class TransportError(VKError):
    """Network failure, HTTP 5xx or a non-JSON body after all retries: always transient."""

    transient = True
    code = 0

    def __init__(self, message: str, method: str = "") -> None:
        self.method = method
        super().__init__(f"{method or 'request'}: {message}")


class TokenPaused(VKError):
    """The token hit a captcha (error 14); its calls are paused until ``until`` (unix seconds).

    The outbox reschedules the action for ``until`` without counting an attempt: nothing is wrong
    with the action itself.
    """

    transient = True
    code = CAPTCHA_CODE

    def __init__(self, token: Token, until: float, captcha_img: str = "", method: str = "") -> None:
        self.token = token
        self.until = until
        self.captcha_img = captcha_img
        self.method = method
        super().__init__(f"{token.masked} paused by captcha until {until:.0f}")


def error_label(exc: BaseException) -> str:
    """Short label for metrics and one-line logs: the VK code, or the exception kind."""
    if isinstance(exc, VKAPIError):
        return str(exc.code)
    if isinstance(exc, TokenPaused):
        return "14"
    if isinstance(exc, TransportError):
        return "transport"
    return type(exc).__name__
