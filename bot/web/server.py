"""Serving the workspace: inside ``modbot run`` (next to the daemon), alone with ``modbot web``
(same database; the daemon's outbox performs the actions), and in ``modbot demo``."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from bot.config import Config
from bot.metrics import HttpServer
from bot.platform import PlatformRegistry
from bot.store import Store

from .app import HealthFn, Workspace, make_app

log = logging.getLogger("modbot.web")


def remote_health(config: Config) -> HealthFn | None:
    """The running daemon's ``/healthz`` (for ``modbot web`` alone), if ``[metrics]`` has a port;
    cached for 5 s so a busy page does not hammer it."""
    if not config.metrics.enabled:
        return None
    host = "127.0.0.1" if config.metrics.host in ("0.0.0.0", "::", "") else config.metrics.host
    url = f"http://{host}:{config.metrics.port}/healthz"
    cache: dict[str, Any] = {"at": 0.0, "value": None}

    async def fetch() -> dict[str, Any] | None:
        if time.monotonic() - cache["at"] < 5.0:
            return cache["value"]
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=1.0)) as session, \
                    session.get(url) as resp:
                value = await resp.json(content_type=None)
        except Exception as exc:
            value = {"status": f"служба не отвечает на {url} ({type(exc).__name__})"}
        cache.update(at=time.monotonic(), value=value)
        return value

    return fetch


class WebServer:
    """The workspace on ``[web] host:port`` (port 0 here means "any free port", for tests)."""

    def __init__(self, config: Config, platforms: PlatformRegistry, *, health: HealthFn | None = None,
                 model_version: Callable[[], str | None] | None = None, clock: Callable[[], float] = time.time,
                 host: str | None = None, port: int | None = None) -> None:
        self.config = config
        self.platforms = platforms
        self.health = health
        self.model_version = model_version
        self.clock = clock
        self.host = host if host is not None else config.web.host
        self.port = port if port is not None else config.web.port
        self.store: Store | None = None
        self.workspace: Workspace | None = None
        self.http: HttpServer | None = None

    async def start(self) -> None:
        self.store = await asyncio.to_thread(Store, self.config.database)
        self.workspace = Workspace(self.store, self.config, self.platforms, clock=self.clock, health=self.health,
                                   model_version=self.model_version)
        self.http = HttpServer(make_app(self.workspace), self.host, self.port)
        try:
            await self.http.start()
        except BaseException:
            self.store.close()
            raise
        self.port = self.http.port
        log.info("web: moderators' workspace at %s/", self.url)

    async def stop(self) -> None:
        if self.http is not None:
            await self.http.stop()  # runs the app's cleanup (the workspace's database thread)
            self.http = None
        if self.store is not None:
            self.store.close()
            self.store = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


async def serve(config: Config, platforms: PlatformRegistry, stop: asyncio.Event, *, port: int | None = None,
                host: str | None = None) -> int:
    """``modbot web``: the workspace alone until ``stop`` is set."""
    server = WebServer(config, platforms, health=remote_health(config), host=host, port=port)
    await server.start()
    print(f"web: {server.url}/  (database {config.database}; Ctrl-C stops)", flush=True)
    try:
        await stop.wait()
    finally:
        await server.stop()
    return 0


__all__ = ["WebServer", "remote_health", "serve"]
