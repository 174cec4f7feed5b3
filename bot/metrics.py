"""Prometheus metrics and the daemon's small HTTP server (``/healthz``, ``/metrics``, callback).

Each :class:`Metrics` owns its own ``CollectorRegistry`` rather than the process-global one, so
tests (and the demo) can run several daemons in one process without "duplicated timeseries".
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

log = logging.getLogger("modbot.metrics")

#: Event→action latency buckets (seconds): VK allows 3 user-token requests/s, so ~0.3–1 s is normal.
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 30.0, 60.0, 300.0)


class Metrics:
    """All counters the daemon exports; methods are cheap enough for the hot path."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.events = Counter("modbot_events_total", "Platform events received", ["source", "result"], registry=r)
        self.comments_judged = Counter("modbot_comments_judged_total", "Comments judged", ["community", "decision"],
                                       registry=r)
        self.actions = Counter("modbot_actions_total", "Outbox actions by kind and outcome", ["kind", "state"],
                               registry=r)
        self.api_errors = Counter("modbot_api_errors_total", "VK API errors by code (transport = network/5xx)",
                                  ["code"], registry=r)
        self.api_calls = Counter("modbot_api_calls_total", "VK API HTTP requests by method", ["method"], registry=r)
        self.longpoll_failed = Counter("modbot_longpoll_failed_total", "Long poll failed answers", ["failed"],
                                       registry=r)
        self.callback_rejected = Counter("modbot_callback_rejected_total", "Callback requests rejected", ["status"],
                                         registry=r)
        self.queue_depth = Gauge("modbot_queue_depth", "Work waiting, by queue", ["queue"], registry=r)
        self.latency = Histogram("modbot_event_to_action_seconds", "Event received → platform action confirmed",
                                 ["kind"], buckets=LATENCY_BUCKETS, registry=r)
        self.up = Gauge("modbot_up", "1 while the daemon runs", registry=r)
        self.poisoned = Counter("modbot_poison_total", "Items that could not be stored, judged or decided: "
                                "recorded and skipped (held for a moderator where there is a comment)", ["stage"],
                                registry=r)
        self.receiver_restarts = Counter("modbot_receiver_restarts_total", "Receivers restarted after a crash",
                                         ["platform", "community"], registry=r)
        self.actions_failed = Counter("modbot_actions_failed_permanently_total",
                                      "Actions the platform refused for good (shown to moderators)", ["kind"],
                                      registry=r)
        self.healthy = Gauge("modbot_healthy", "1 when /healthz says ok, 0 when degraded", registry=r)
        self.started = time.time()

    def poison(self, stage: str) -> None:
        self.poisoned.labels(stage).inc()

    def receiver_restarted(self, platform: str, community: int | str) -> None:
        self.receiver_restarts.labels(platform, str(community)).inc()

    def event(self, source: str, result: str, n: int = 1) -> None:
        self.events.labels(source, result).inc(n)

    def judged(self, community: int | str, decision: str) -> None:
        self.comments_judged.labels(str(community), decision).inc()

    def action(self, kind: str, state: str) -> None:
        self.actions.labels(kind, state).inc()

    def api_error(self, code: str, method: str = "") -> None:
        self.api_errors.labels(code).inc()

    def api_call(self, method: str, seconds: float) -> None:
        self.api_calls.labels(method).inc()

    def lp_failed(self, failed: int) -> None:
        self.longpoll_failed.labels(str(failed)).inc()

    def rejected(self, status: str) -> None:
        self.callback_rejected.labels(status).inc()

    def queue(self, name: str, depth: int) -> None:
        self.queue_depth.labels(name).set(depth)

    def observe_latency(self, kind: str, seconds: float) -> None:
        self.latency.labels(kind).observe(max(0.0, seconds))

    def render(self) -> bytes:
        return generate_latest(self.registry)


HealthFn = Callable[[], Awaitable[dict[str, Any]]]


def make_app(metrics: Metrics, health: HealthFn) -> web.Application:
    """``/healthz`` (JSON; 503 when not healthy) and ``/metrics`` (Prometheus text format)."""
    app = web.Application(client_max_size=2 * 1024 * 1024)

    async def healthz(_: web.Request) -> web.Response:
        try:
            info = await health()
        except Exception as exc:  # a health probe must answer, not crash
            info = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
        status = 200 if info.get("status") == "ok" else 503
        return web.Response(status=status, text=json.dumps(info, ensure_ascii=False, default=str),
                            content_type="application/json")

    async def prom(_: web.Request) -> web.Response:
        resp = web.Response(body=metrics.render())
        resp.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return resp

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", prom)
    return app


class HttpServer:
    """Run an aiohttp app on host:port (port 0 = pick a free one; ``port`` tells which)."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        if sockets:
            self.port = sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"
