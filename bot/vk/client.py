"""VK transport: one aiohttp session, per-token rate limits, retries, captcha pauses.

This is the only module that speaks HTTP to ``/method/``. It knows nothing about comments or
moderation; the API schema (which method, which params) lives in :mod:`bot.vk.methods` and
batching in :mod:`bot.vk.execute`.

Why our own client rather than vkbottle's ``API``: vkbottle has no rate limiting, raises on
6/9 instead of retrying, blocks for 5·n s on a non-JSON body and shares one process-wide
session; the daemon needs all four under its control (see docs/platform-apis.md §4).
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import aiohttp

from .errors import (
    CAPTCHA_CODE,
    Token,
    TokenPaused,
    TransportError,
    VKAPIError,
    mask,
)
from .ratelimit import RateLimiter

log = logging.getLogger("modbot.vk")

DEFAULT_API_URL = "https://api.vk.ru/method/"
API_VERSION = "5.199"
#: VK's documented limits per token kind (requests per second).
DEFAULT_RATES: dict[str, float] = {"user": 3, "group": 20, "service": 20}
#: First backoff step per transient code, seconds; doubled per attempt, with jitter.
BACKOFF_BASE: dict[int, float] = {6: 0.4, 9: 1.0, 10: 0.5, 29: 5.0, 0: 0.5}

ErrorHook = Callable[[str, str], None]  # (error label, method)
CallHook = Callable[[str, float], None]  # (method, seconds)


def encode_params(params: Mapping[str, Any]) -> dict[str, str]:
    """VK wire format: bools as 1/0, lists comma-joined, dicts as JSON, None dropped."""
    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = "1" if value else "0"
        elif isinstance(value, (list, tuple)):
            out[key] = ",".join(str(v) for v in value)
        elif isinstance(value, dict):
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = str(value)
    return out


def backoff_delay(attempt: int, code: int = 0, *, cap: float = 30.0, base: float | None = None) -> float:
    """Exponential backoff with full jitter on the upper half: spreads retries of a storm apart."""
    first = BACKOFF_BASE.get(code, 0.5) if base is None else base
    top = min(cap, first * (2 ** max(0, attempt - 1)))
    return top / 2 + random.random() * top / 2


class VKClient:
    """Calls VK methods for any number of tokens over one session.

    ``call`` returns the ``response`` value or raises :class:`VKAPIError` (permanent, or
    transient after ``max_attempts``), :class:`TransportError` or :class:`TokenPaused`.
    """

    def __init__(
        self,
        api_url: str = DEFAULT_API_URL,
        *,
        version: str = API_VERSION,
        rates: Mapping[str, float] | None = None,
        max_attempts: int = 5,
        backoff_cap: float = 30.0,
        timeout: float = 30.0,
        captcha_pause: float = 60.0,
        captcha_pause_max: float = 3600.0,
        on_error: ErrorHook | None = None,
        on_call: CallHook | None = None,
    ) -> None:
        self.api_url = api_url if api_url.endswith("/") else api_url + "/"
        self.version = version
        self.rates = dict(DEFAULT_RATES)
        self.rates.update(rates or {})
        self.max_attempts = max(1, max_attempts)
        self.backoff_cap = backoff_cap
        self.timeout = timeout
        self.captcha_pause = captcha_pause
        self.captcha_pause_max = captcha_pause_max
        self.on_error = on_error
        self.on_call = on_call
        self._session: aiohttp.ClientSession | None = None
        self._limiters: dict[str, RateLimiter] = {}
        #: token value -> (paused until, current pause length, captcha image URL)
        self._paused: dict[str, tuple[float, float, str]] = {}

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=64, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector)
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def __aenter__(self) -> VKClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- rate limits and captcha pauses -------------------------------------------------

    def limiter(self, token: Token) -> RateLimiter:
        lim = self._limiters.get(token.value)
        if lim is None:
            lim = self._limiters[token.value] = RateLimiter(self.rates.get(token.kind, 3))
        return lim

    def paused_until(self, token: Token) -> float | None:
        """Unix time the token's captcha pause ends, or None if it may call now."""
        entry = self._paused.get(token.value)
        if entry is None or entry[0] <= time.time():
            return None
        return entry[0]

    def paused_tokens(self) -> dict[str, float]:
        """Masked token -> pause end, for ``/healthz`` and ``modbot status``."""
        now = time.time()
        return {mask(t): until for t, (until, _, _) in self._paused.items() if until > now}

    def _pause(self, token: Token, method: str, img: str) -> TokenPaused:
        prev = self._paused.get(token.value)
        if prev is not None and prev[0] > time.time():
            # Already paused: several captchas of one execute batch (or of calls already on the wire)
            # are one captcha, not a reason to double the pause for each of them.
            return TokenPaused(token, prev[0], prev[2] or img, method)
        length = self.captcha_pause if prev is None else min(self.captcha_pause_max, prev[1] * 2)
        until = time.time() + length
        self._paused[token.value] = (until, length, img)
        log.warning(
            "captcha required for %s (method %s): its actions are paused for %.0f s and retried after that; "
            "judging and queueing go on%s",
            token.masked, method, length, f"; captcha image {img}" if img else "",
        )
        return TokenPaused(token, until, img, method)

    def _check_paused(self, token: Token, method: str) -> None:
        entry = self._paused.get(token.value)
        if entry is not None and entry[0] > time.time():
            raise TokenPaused(token, entry[0], entry[2], method)

    def _resumed(self, token: Token) -> None:
        if self._paused.pop(token.value, None) is not None:
            log.info("%s works again after the captcha pause; paused actions resume", token.masked)

    # -- calls -------------------------------------------------------------------------

    async def call(self, method: str, params: Mapping[str, Any] | None, token: Token | str, *,
                   slot_taken: bool = False) -> Any:
        """Call one method and return its ``response`` value (a bare string token counts as a user token)."""
        if isinstance(token, str):
            token = Token(token, "user")
        body = await self.call_raw(method, params or {}, token, slot_taken=slot_taken)
        return body["response"]

    async def call_raw(self, method: str, params: Mapping[str, Any], token: Token, *,
                       slot_taken: bool = False) -> dict[str, Any]:
        """Like :meth:`call` but return the whole body (``execute`` needs ``execute_errors``).

        ``slot_taken``: the caller already acquired a rate-limit slot for the first attempt
        (the batcher does, so it can fill a batch while waiting for the slot).
        """
        wire = encode_params(params)
        limiter = self.limiter(token)
        attempt = 0
        while True:
            attempt += 1
            self._check_paused(token, method)
            if not (slot_taken and attempt == 1):
                await limiter.acquire()
            started = time.monotonic()
            try:
                body = await self._post(method, wire, token)
            except TransportError as exc:
                self._hook_error("transport", method)
                if attempt >= self.max_attempts:
                    raise
                delay = backoff_delay(attempt, 0, cap=self.backoff_cap)
                log.info("%s failed (%s); retry %d in %.1f s", method, exc, attempt, delay)
                await asyncio.sleep(delay)
                continue
            finally:
                if self.on_call is not None:
                    self.on_call(method, time.monotonic() - started)
            err = body.get("error")
            if err is None:
                self._resumed(token)
                return body
            code, msg = _error_fields(err)
            self._hook_error(str(code), method)
            if code == CAPTCHA_CODE:
                raise self._pause(token, method, str(err.get("captcha_img", "")) if isinstance(err, dict) else "")
            exc = VKAPIError(code, msg, method, extra=err if isinstance(err, dict) else None)
            if not exc.transient or attempt >= self.max_attempts:
                raise exc
            if code == 6:
                limiter.penalize(0.5)
            delay = backoff_delay(attempt, code, cap=self.backoff_cap)
            log.debug("%s: VK error %d, retry %d in %.2f s", method, code, attempt, delay)
            await asyncio.sleep(delay)

    async def _post(self, method: str, wire: dict[str, str], token: Token) -> dict[str, Any]:
        """One HTTP round trip. Token and version go in the form body, never in a logged URL."""
        data = dict(wire)
        data["access_token"] = token.value
        data["v"] = self.version
        try:
            async with self.session.post(
                self.api_url + method, data=data, timeout=aiohttp.ClientTimeout(total=self.timeout)
            ) as resp:
                text = await resp.text(errors="replace")
                status = resp.status
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise TransportError(f"network error: {type(exc).__name__}: {exc}", method) from None
        if status >= 500:
            raise TransportError(f"HTTP {status}", method)
        if status != 200:
            raise TransportError(f"HTTP {status}: {text[:80]!r}", method)
        try:
            body = json.loads(text)
        except ValueError:
            raise TransportError(f"non-JSON body: {text[:60]!r}", method) from None
        if not isinstance(body, dict) or ("response" not in body and "error" not in body):
            raise TransportError(f"unexpected body: {text[:60]!r}", method)
        return body

    def _hook_error(self, label: str, method: str) -> None:
        if self.on_error is not None:
            self.on_error(label, method)

    async def execute(
        self, calls: Sequence[tuple[str, Mapping[str, Any]]], token: Token, *, slot_taken: bool = False
    ) -> list[Any | VKAPIError | TokenPaused]:
        """Run up to 25 calls in one ``execute``; one result (value or error) per call, in order.

        VK reports a failed inner call as ``false`` in ``response`` and lists the errors, in
        order of the failed calls, in ``execute_errors``; we pair them up positionally.
        """
        if not calls:
            return []
        if len(calls) > 25:
            raise ValueError("execute takes at most 25 calls")
        code = build_execute_code(calls)
        body = await self.call_raw("execute", {"code": code}, token, slot_taken=slot_taken)
        response = body.get("response")
        errors = list(body.get("execute_errors") or [])
        if not isinstance(response, list) or len(response) != len(calls):
            raise TransportError(f"execute returned {type(response).__name__}, expected a list of {len(calls)}",
                                 "execute")
        out: list[Any | VKAPIError | TokenPaused] = []
        for (method, _), value in zip(calls, response, strict=True):
            if value is False:
                err = errors.pop(0) if errors else {"error_code": 1, "error_msg": "execute: call failed"}
                code_i, msg = _error_fields(err)
                self._hook_error(str(code_i), method)
                if code_i == CAPTCHA_CODE:
                    out.append(self._pause(token, method, ""))
                else:
                    out.append(VKAPIError(code_i, msg, str(err.get("method") or method)))
            else:
                out.append(value)
        return out

    # -- long poll ---------------------------------------------------------------------

    async def long_poll(self, server: str, key: str, ts: str, wait: int) -> dict[str, Any]:
        """One Bots Long Poll ``a_check``; returns the decoded body or raises TransportError."""
        params = {"act": "a_check", "key": key, "ts": ts, "wait": str(wait)}
        try:
            async with self.session.get(
                server, params=params, timeout=aiohttp.ClientTimeout(total=wait + 10)
            ) as resp:
                text = await resp.text(errors="replace")
                status = resp.status
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise TransportError(f"long poll network error: {type(exc).__name__}: {exc}", "a_check") from None
        if status != 200:
            raise TransportError(f"long poll HTTP {status}", "a_check")
        try:
            body = json.loads(text)
        except ValueError:
            raise TransportError(f"long poll non-JSON body: {text[:60]!r}", "a_check") from None
        if not isinstance(body, dict):
            raise TransportError("long poll body is not an object", "a_check")
        return body


def _error_fields(err: Any) -> tuple[int, str]:
    if isinstance(err, dict):
        try:
            code = int(err.get("error_code", 1))
        except (TypeError, ValueError):
            code = 1
        return code, str(err.get("error_msg", ""))
    return 1, str(err)


def build_execute_code(calls: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    """``return [API.m1({...}), API.m2({...})];`` with JSON parameter objects."""
    parts = []
    for method, params in calls:
        clean = {k: (int(v) if isinstance(v, bool) else v) for k, v in params.items() if v is not None}
        parts.append(f"API.{method}({json.dumps(clean, ensure_ascii=False)})")
    return "return [" + ", ".join(parts) + "];"
