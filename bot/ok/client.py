"""OK REST transport: signed requests over one aiohttp session, per-token pacing, retries.

The only module that speaks HTTP to ``fb.do``. It knows nothing about groups or comments (that is
:mod:`bot.ok.methods`). Why our own client: the OK libraries on PyPI are synchronous or built on
httpx, none maps errors or paces requests (../shared/docs/platform-apis.md §6).

Signature (§5.1): ``secret = md5(access_token + application_secret_key)`` in lowercase hex; every
parameter except ``access_token``/``session_key``/``sig``, sorted by name, concatenated as
``name=value`` with no separator; ``sig = md5(concat + secret)`` in lowercase hex.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import aiohttp

from .errors import FLOOD, QUOTA, TRANSIENT, Credentials, OKAPIError, OKTransportError, error_label
from .ratelimit import AdaptiveLimiter

log = logging.getLogger("modbot.ok")

DEFAULT_API_URL = "https://api.ok.ru/fb.do"
UNSIGNED = frozenset({"access_token", "session_key", "sig"})
#: How long a quota (11) or IP block (9) holds every request of the token, seconds.
QUOTA_PAUSE = 60.0
#: Shortest pause of every request of the token after a flood answer, seconds.
FLOOD_HOLD = 0.5

ErrorHook = Callable[[str, str], None]  # (error label, method)
CallHook = Callable[[str, float], None]  # (method, seconds)


def wire_value(value: Any) -> str:
    """OK wire format: booleans as true/false, lists comma-joined, objects as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def encode(params: Mapping[str, Any]) -> dict[str, str]:
    return {k: wire_value(v) for k, v in params.items() if v is not None}


def session_secret(access_token: str, application_secret: str) -> str:
    return hashlib.md5((access_token + application_secret).encode("utf-8")).hexdigest().lower()


def signature(params: Mapping[str, str], secret: str) -> str:
    """``sig`` of already-encoded ``params`` (unsigned keys are skipped) with ``secret``."""
    concat = "".join(f"{k}={params[k]}" for k in sorted(params) if k not in UNSIGNED)
    return hashlib.md5((concat + secret).encode("utf-8")).hexdigest().lower()


def sign(method: str, params: Mapping[str, Any], creds: Credentials) -> dict[str, str]:
    """The full request body: parameters, ``application_key``, ``method``, ``format``, ``sig``, token."""
    wire = encode(params)
    wire.update({"application_key": creds.application_key, "method": method, "format": "json"})
    wire["sig"] = signature(wire, session_secret(creds.access_token, creds.application_secret))
    wire["access_token"] = creds.access_token
    return wire


def backoff(attempt: int, *, first: float = 0.5, cap: float = 30.0) -> float:
    top = min(cap, first * 2 ** max(0, attempt - 1))
    return top / 2 + random.random() * top / 2


class OKClient:
    """Calls OK REST methods for any number of tokens over one session.

    ``call`` returns OK's answer (any JSON value) or raises :class:`OKAPIError` (at once when
    retrying cannot help, else after ``max_attempts``) or :class:`OKTransportError`.
    """

    def __init__(
        self,
        api_url: str = DEFAULT_API_URL,
        *,
        rate: float = 5.0,
        max_attempts: int = 4,
        backoff_cap: float = 30.0,
        timeout: float = 30.0,
        on_error: ErrorHook | None = None,
        on_call: CallHook | None = None,
    ) -> None:
        self.api_url = api_url
        self.rate = rate
        self.max_attempts = max(1, max_attempts)
        self.backoff_cap = backoff_cap
        self.timeout = timeout
        self.on_error = on_error
        self.on_call = on_call
        self._session: aiohttp.ClientSession | None = None
        self._limiters: dict[str, AdaptiveLimiter] = {}

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=32, ttl_dns_cache=300))
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def limiter(self, creds: Credentials) -> AdaptiveLimiter:
        lim = self._limiters.get(creds.access_token)
        if lim is None:
            lim = self._limiters[creds.access_token] = AdaptiveLimiter(self.rate)
        return lim

    def pace(self, creds: Credentials) -> float:
        """Requests per second the token may use now (lower after flood answers)."""
        return self.limiter(creds).rate

    async def call(self, method: str, params: Mapping[str, Any] | None, creds: Credentials, *,
                   attempts: int | None = None) -> Any:
        """One method call, paced and retried where a retry can help (OK busy, flood, network)."""
        limiter = self.limiter(creds)
        body = sign(method, params or {}, creds)
        tries = max(1, attempts or self.max_attempts)
        attempt = 0
        while True:
            attempt += 1
            await limiter.acquire()
            started = time.monotonic()
            try:
                return await self._post(method, body)
            except OKTransportError as exc:
                self._hook(exc, method)
                if attempt >= tries:
                    raise
                delay = backoff(attempt, cap=self.backoff_cap)
                log.info("ok: %s; retry %d in %.1f s", exc, attempt, delay)
            except OKAPIError as exc:
                self._hook(exc, method)
                if exc.code == FLOOD:
                    rate = limiter.flood(hold=max(FLOOD_HOLD, backoff(attempt, first=1.0, cap=self.backoff_cap)))
                    log.warning("ok: flood control (error 8) on %s for %s: slowing to %.2f requests/s",
                                method, creds.masked, rate)
                elif exc.code in QUOTA:
                    limiter.pause(QUOTA_PAUSE)
                    raise
                if exc.code not in TRANSIENT and exc.code != FLOOD:
                    raise
                if attempt >= tries:
                    raise
                delay = 0.0 if exc.code == FLOOD else backoff(attempt, cap=self.backoff_cap)
                if exc.code != FLOOD:
                    log.info("ok: %s; retry %d in %.1f s", exc, attempt, delay)
            finally:
                if self.on_call is not None:
                    self.on_call(method, time.monotonic() - started)
            if delay:
                await asyncio.sleep(delay)

    async def _post(self, method: str, body: dict[str, str]) -> Any:
        """One round trip. Everything travels in the form body, never in a URL that might be logged."""
        try:
            async with self.session.post(self.api_url, data=body,
                                         timeout=aiohttp.ClientTimeout(total=self.timeout)) as resp:
                text = await resp.text(errors="replace")
                status = resp.status
                header = resp.headers.get("invocation-error", "")
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise OKTransportError(f"network error: {type(exc).__name__}: {exc}", method) from None
        if status != 200:
            raise OKTransportError(f"HTTP {status}", method)
        try:
            value = json.loads(text) if text.strip() else None
        except ValueError:
            raise OKTransportError(f"not JSON: {text[:60]!r}", method) from None
        if header or (isinstance(value, dict) and "error_code" in value):
            code, msg = _error_fields(value, header)
            raise OKAPIError(code, msg, method)
        return value

    def _hook(self, exc: BaseException, method: str) -> None:
        if self.on_error is not None:
            self.on_error(error_label(exc), method)


def _error_fields(value: Any, header: str) -> tuple[int, str]:
    code, msg = 1, ""
    if isinstance(value, dict):
        try:
            code = int(value.get("error_code", header or 1))
        except (TypeError, ValueError):
            code = 1
        msg = str(value.get("error_msg") or "")
    elif header.strip().isdigit():
        code = int(header)
    return code, msg[:200]


__all__ = ["DEFAULT_API_URL", "OKClient", "encode", "session_secret", "sign", "signature", "wire_value"]
