"""Serving the workspace: inside ``modbot run`` (next to the daemon, whose health it shows live),
alone with ``modbot web`` (same database; the daemon's outbox performs the actions and its
heartbeat in the database tells the attention page how it is), and in ``modbot demo``."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from bot.config import Config
from bot.metrics import HttpServer
from bot.platform import PlatformRegistry
from bot.store import HEARTBEAT_CURSOR, HEARTBEAT_SECONDS, Store

from .app import HealthFn, Workspace, make_app

log = logging.getLogger("modbot.web")


def heartbeat_health(store: Store) -> HealthFn:
    """The daemon's health as it last wrote it into the database (for ``modbot web`` alone: no
    network, no metrics port needed); older than three heartbeats means the daemon is not running."""

    async def read() -> dict[str, Any] | None:
        raw = await asyncio.to_thread(store.get_cursor, HEARTBEAT_CURSOR)
        if not raw:
            return {"status": "служба ни разу не запускалась с этой базой"}
        try:
            beat = json.loads(raw)
        except ValueError:
            return None
        age = time.time() - float(beat.get("at") or 0)
        if age > 3 * HEARTBEAT_SECONDS:
            beat["status"] = f"служба не работает (последний сигнал {int(age)} с назад)"
        return beat

    return read


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
        if self.health is None:
            self.health = heartbeat_health(self.store)
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
    server = WebServer(config, platforms, host=host, port=port)
    await server.start()
    print(f"web: {server.url}/  (database {config.database}; Ctrl-C stops)", flush=True)
    try:
        await stop.wait()
    finally:
        await server.stop()
    return 0


__all__ = ["WebServer", "heartbeat_health", "serve"]
