"""Fault injection: the plan of misbehaviours that tests and the chaos bench schedule.

A fault hits the next ``count`` matching requests, optionally only within a
time window (``after``/``duration``), only for one access token, and only with
a ``probability`` drawn from the plan's own seeded RNG, so a schedule replayed
against the same request sequence fails the same requests. ``kind="down"`` is
different: while its window is open the whole API is unreachable (see
``VKEmulator`` for the ``refused`` mode, the app's middleware for ``503``).
"""

from __future__ import annotations

import asyncio
import fnmatch
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from .protocol import ControlError, HTTPReply, VKErrorReply

FaultKind = Literal["error", "http", "nonjson", "delay", "down"]
FaultWhere = Literal["top", "execute", "both"]
DownMode = Literal["503", "refused"]
#: Pseudo-method name that targets Bots Long Poll ``a_check`` requests (``"*"`` never does).
LONGPOLL = "longpoll"
_TRANSPORT_KINDS = ("http", "nonjson", "delay")


@dataclass(slots=True)
class Fault:
    """One plan entry. Which requests it hits: ``method`` (a VK method name, an fnmatch pattern such as
    ``wall.*``, ``"*"`` or ``"longpoll"``), ``where`` (top-level requests, calls inside ``execute``, or
    both; default ``top`` for ``"*"`` and ``both`` otherwise), ``token``, the time window and
    ``probability``. ``count`` -1 means until the window closes or the fault is removed.
    """

    method: str = "*"
    kind: FaultKind = "error"
    count: int = 1
    error_code: int = 10
    error_msg: str | None = None
    status: int = 502
    body: str | None = None
    delay: float = 0.0
    captcha_key: str | None = None
    token: str | None = None
    where: FaultWhere | None = None
    probability: float = 1.0
    after: float = 0.0
    duration: float | None = None
    mode: DownMode = "503"
    id: int = 0
    fired: int = 0
    starts_at: float = field(default=0.0, repr=False)  # time.monotonic() at which the window opens

    @property
    def ends_at(self) -> float | None:
        return None if self.duration is None else self.starts_at + self.duration

    def active(self, now: float) -> bool:
        if self.count == 0 or now < self.starts_at:
            return False
        end = self.ends_at
        return end is None or now < end

    def spent(self, now: float) -> bool:
        end = self.ends_at
        return self.count == 0 or (end is not None and now >= end)

    def hits_where(self, top_level: bool) -> bool:
        where = self.where or ("top" if self.method == "*" else "both")
        return where == "both" or (where == "top") == top_level

    def hits_method(self, method: str) -> bool:
        if method == LONGPOLL or self.method == LONGPOLL:
            return self.method == method
        return self.method == method or fnmatch.fnmatchcase(method, self.method)

    def transport_reply(self) -> HTTPReply | None:
        """The broken answer of an ``http``/``nonjson`` fault (None for ``delay``: answer normally, late)."""
        if self.kind == "http":
            return HTTPReply(self.status, self.body or f"<html><body>{self.status} Bad Gateway</body></html>",
                             "text/html")
        if self.kind == "nonjson":
            return HTTPReply(200, self.body or "<html><body>Service temporarily unavailable</body></html>",
                             "text/html")
        return None

    def to_dict(self, now: float | None = None) -> dict[str, Any]:
        now = time.monotonic() if now is None else now
        end = self.ends_at
        return {"id": self.id, "method": self.method, "kind": self.kind, "count": self.count,
                "error_code": self.error_code, "error_msg": self.error_msg, "status": self.status, "body": self.body,
                "delay": self.delay, "captcha_key": self.captcha_key, "token": self.token, "where": self.where,
                "probability": self.probability, "after": self.after, "duration": self.duration, "mode": self.mode,
                "fired": self.fired, "active": self.active(now), "spent": self.spent(now),
                "starts_in": round(max(self.starts_at - now, 0.0), 3),
                "ends_in": None if end is None else round(max(end - now, 0.0), 3)}


#: Fields a caller may set (everything else in ``Fault`` is bookkeeping).
FAULT_FIELDS = frozenset({"error_code", "error_msg", "status", "body", "delay", "captcha_key", "token", "where",
                          "probability", "after", "duration", "mode"})
_DOWN_FIELDS = frozenset({"after", "duration", "mode"})
_NUMERIC: dict[str, Callable[[Any], Any]] = {"error_code": int, "status": int, "delay": float, "probability": float,
                                              "after": float, "duration": float}


class FaultPlan:
    """The ordered list of faults plus what they need at run time: the RNG, captcha sids and window timers.

    ``listeners`` are called (synchronously, in the event loop) whenever an outage may have started or
    ended: when the plan changes and when a ``down`` window opens or closes.
    """

    def __init__(self, seed: int = 0) -> None:
        self.entries: list[Fault] = []
        self.listeners: list[Callable[[], None]] = []
        self.seed = seed
        self.rng = random.Random(seed)
        self._captcha: dict[str, str | None] = {}
        self._next_id = 0
        self._timers: list[asyncio.TimerHandle] = []

    # ------------------------------------------------------------------ editing the plan

    def add(self, method: str = "*", kind: FaultKind = "error", count: int = 1, **fields: Any) -> Fault:
        """Append a fault; the whole entry is validated first so a typo is an error, not a silent no-op."""
        if kind not in get_args(FaultKind):
            raise ControlError(400, f"bad fault kind {kind!r}")
        unknown = set(fields) - (_DOWN_FIELDS if kind == "down" else FAULT_FIELDS - {"mode"})
        if unknown:
            raise ControlError(400, f"fields {sorted(unknown)} do not apply to a {kind} fault")
        for name, convert in _NUMERIC.items():
            if fields.get(name) is not None:
                fields[name] = convert(fields[name])
        fault = Fault(method=str(method), kind=kind, count=int(count), **fields)
        _validate(fault)
        now = time.monotonic()
        self._next_id += 1
        fault.id = self._next_id
        fault.starts_at = now + fault.after
        if kind == "down":
            fault.count = -1
        self.entries = [f for f in self.entries if not f.spent(now)]
        self.entries.append(fault)
        self.reschedule()
        return fault

    def remove(self, fault_id: int) -> Fault:
        for i, fault in enumerate(self.entries):
            if fault.id == fault_id:
                del self.entries[i]
                self.reschedule()
                return fault
        raise ControlError(404, f"fault {fault_id} not found")

    def clear(self) -> None:
        self.entries.clear()
        self._captcha.clear()
        self.reschedule()

    def reseed(self, seed: int) -> None:
        """Restart the RNG that ``probability`` draws from (same seed + same requests = same failures)."""
        self.seed = int(seed)
        self.rng = random.Random(self.seed)

    def to_list(self) -> list[dict[str, Any]]:
        now = time.monotonic()
        return [f.to_dict(now) for f in self.entries]

    # ------------------------------------------------------------------ matching requests

    def take(self, method: str, *, top_level: bool, transport: bool, token: str | None = None) -> Fault | None:
        """The first fault that hits this request, with its count consumed; None if the request goes through.

        ``transport`` selects http/nonjson/delay faults (checked before anything else), otherwise error
        faults (checked after auth and the rate limit).
        """
        now = time.monotonic()
        for fault in self.entries:
            if fault.kind == "down" or (fault.kind in _TRANSPORT_KINDS) != transport:
                continue
            if not fault.active(now) or not fault.hits_method(method) or not fault.hits_where(top_level):
                continue
            if fault.token is not None and fault.token != token:
                continue
            if fault.probability < 1.0 and self.rng.random() >= fault.probability:
                continue
            if fault.count > 0:
                fault.count -= 1
            fault.fired += 1
            return fault
        return None

    def outage(self) -> Fault | None:
        """The ``down`` fault whose window is open now, if any."""
        now = time.monotonic()
        for fault in self.entries:
            if fault.kind == "down" and fault.active(now):
                return fault
        return None

    def error_reply(self, fault: Fault, origin: str) -> VKErrorReply:
        """The VK error an ``error`` fault answers with; error 14 gets a captcha sid a retry can answer."""
        extra: dict[str, Any] = {}
        if fault.error_code == 14:
            sid = str(secrets.randbelow(10**12))
            self._captcha[sid] = fault.captcha_key
            extra = {"captcha_sid": sid, "captcha_img": f"{origin}/captcha.php?sid={sid}&s=1"}
        return VKErrorReply(fault.error_code, fault.error_msg, extra)

    def captcha_answered(self, params: dict[str, str]) -> bool:
        """Pop ``captcha_sid``/``captcha_key`` from the params; True if they answer an issued captcha."""
        sid = params.pop("captcha_sid", None)
        key = params.pop("captcha_key", None)
        if not sid or not key or sid not in self._captcha:
            return False
        expected = self._captcha.pop(sid)
        return expected is None or key == expected

    # ------------------------------------------------------------------ outage windows

    def reschedule(self) -> None:
        """Tell the listeners now, and arm timers for every future edge of a ``down`` window."""
        self.cancel_timers()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop yet: VKEmulator.start() calls this again
        now = time.monotonic()
        for fault in self.entries:
            if fault.kind != "down":
                continue
            for edge in (fault.starts_at, fault.ends_at):
                if edge is not None and edge > now:
                    # a hair late, so that the edge has passed by time.monotonic() when the timer fires
                    self._timers.append(loop.call_later(edge - now + 0.001, self._notify))
        self._notify()

    def cancel_timers(self) -> None:
        """Stop following window edges (the emulator is shutting down)."""
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()

    def _notify(self) -> None:
        for listener in list(self.listeners):
            listener()


def _validate(fault: Fault) -> None:
    if fault.count < -1:
        raise ControlError(400, "count must be -1 (until removed) or more")
    if fault.where not in (None, *get_args(FaultWhere)):
        raise ControlError(400, f"where must be one of {get_args(FaultWhere)}")
    if fault.mode not in get_args(DownMode):
        raise ControlError(400, f"mode must be one of {get_args(DownMode)}")
    if not 0.0 <= fault.probability <= 1.0:
        raise ControlError(400, "probability must be within 0..1")
    if fault.delay < 0 or fault.after < 0 or (fault.duration is not None and fault.duration <= 0):
        raise ControlError(400, "delay and after must be >= 0, duration > 0")
    if not 100 <= fault.status <= 599:
        raise ControlError(400, "status must be an HTTP status code")
    if fault.kind == "down":
        if fault.duration is None:
            raise ControlError(400, "a down fault needs duration (seconds)")
        if fault.method != "*" or fault.token is not None:
            raise ControlError(400, "a down fault takes the whole API down: no method or token")
    if fault.method == LONGPOLL and fault.kind == "error":
        raise ControlError(400, "long poll has no error codes: use kind http/nonjson/delay or /_test/lp_fail")
