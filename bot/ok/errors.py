"""OK's error vocabulary: codes, what each means for us, and the exceptions the client raises.

Why a table: the client, the poller and the adapter must agree on which answers are worth a retry
(OK is busy, flood control), which wait for an operator (expired token, bad signature — retrying
cannot help and must not become a hot loop), which mean "OK will not let this application do it"
(deletion is a permission OK grants on request: fall back to moderators' hands), and which mean
"the thing is gone already". Codes from ../shared/docs/platform-apis.md §5.1 (apiok.ru/en/dev/errors).
Nothing here ever holds a token or a secret in a message: see :func:`mask`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: code → (OK's name, Russian meaning for operators and moderators)
CODES: dict[int, tuple[str, str]] = {
    1: ("UNKNOWN", "неизвестная ошибка OK"),
    2: ("SERVICE", "сервис OK временно недоступен"),
    3: ("METHOD", "метод API недоступен"),
    4: ("REQUEST", "неверный запрос"),
    7: ("ACTION_BLOCKED", "действие заблокировано OK"),
    8: ("FLOOD_BLOCKED", "слишком много запросов (flood)"),
    9: ("IP_BLOCKED", "IP-адрес заблокирован OK"),
    10: ("PERMISSION_DENIED", "нет разрешения у приложения"),
    11: ("LIMIT_REACHED", "исчерпан лимит запросов"),
    24: ("NOT_OWNER", "не владелец объекта"),
    50: ("NOT_ADMIN", "владелец токена не администратор группы"),
    100: ("PARAM", "неверный параметр"),
    101: ("PARAM_API_KEY", "неверный ключ приложения"),
    102: ("PARAM_SESSION_EXPIRED", "токен доступа истёк"),
    103: ("PARAM_SESSION_KEY", "неверный токен доступа"),
    104: ("PARAM_SIGNATURE", "неверная подпись запроса (секретный ключ приложения)"),
    106: ("PARAM_ENTITY_ID", "обсуждение не найдено"),
    110: ("PARAM_USER_ID", "неверный пользователь"),
    141: ("PARAM_COMMENT_ID", "комментарий не найден"),
}

#: OK is busy or the answer was an internal error: the same request may well work in a moment.
TRANSIENT: frozenset[int] = frozenset({1, 2})
#: Flood control: slow the token down, then retry.
FLOOD = 8
#: Quota / IP block: retrying soon cannot help; wait minutes.
QUOTA: frozenset[int] = frozenset({9, 11})
#: The credentials are wrong or expired: nothing works until an operator fixes the config.
AUTH: frozenset[int] = frozenset({101, 102, 103, 104})
#: This application or this token may not do this (deletion without OK's extra permission).
REFUSED: frozenset[int] = frozenset({3, 10, 50})
#: The comment or its discussion no longer exists.
GONE: frozenset[int] = frozenset({106, 141})


def describe(code: int) -> str:
    name, ru = CODES.get(code, ("?", "ошибка OK"))
    return f"{code} {name} ({ru})"


def mask(secret: str) -> str:
    """Enough of a token to tell two apart in a log, never enough to use it."""
    if not secret:
        return "<none>"
    if len(secret) <= 10:
        return secret[:2] + "…"
    return f"{secret[:4]}…{secret[-3:]}"


@dataclass(frozen=True)
class Credentials:
    """What signs a request: the application's key and secret and a group admin's access token.
    ``repr``/``str`` are masked so a credential in a log line or traceback leaks nothing."""

    application_key: str
    application_secret: str
    access_token: str

    @property
    def masked(self) -> str:
        return f"OK token {mask(self.access_token)}"

    def __repr__(self) -> str:
        return f"Credentials({self.masked})"

    __str__ = __repr__


class OKError(Exception):
    """Base of everything the OK layer raises on purpose."""

    code = 0
    transient = True


class OKAPIError(OKError):
    """OK answered with ``error_code`` (HTTP 200, header ``invocation-error``)."""

    def __init__(self, code: int, msg: str, method: str = "") -> None:
        self.code = int(code)
        self.msg = msg
        self.method = method
        super().__init__(f"OK error {describe(self.code)} in {method or 'call'}: {msg}")

    @property
    def transient(self) -> bool:  # type: ignore[override]
        return self.code in TRANSIENT or self.code == FLOOD or self.code in QUOTA

    @property
    def auth(self) -> bool:
        return self.code in AUTH

    @property
    def refused(self) -> bool:
        return self.code in REFUSED

    @property
    def gone(self) -> bool:
        return self.code in GONE


class OKTransportError(OKError):
    """Network failure, HTTP 5xx or a body that is not OK's JSON: always transient."""

    def __init__(self, message: str, method: str = "") -> None:
        self.method = method
        super().__init__(f"{method or 'request'}: {message}")


def error_label(exc: BaseException) -> str:
    """Short label for metrics: the OK code, or the exception kind."""
    if isinstance(exc, OKAPIError):
        return f"ok:{exc.code}"
    if isinstance(exc, OKTransportError):
        return "ok:transport"
    return type(exc).__name__


__all__ = [
    "AUTH",
    "CODES",
    "FLOOD",
    "GONE",
    "QUOTA",
    "REFUSED",
    "TRANSIENT",
    "Credentials",
    "OKAPIError",
    "OKError",
    "OKTransportError",
    "describe",
    "error_label",
    "mask",
]
