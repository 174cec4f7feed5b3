"""``OKEmulator``: the OK server on 127.0.0.1 that tests, the demo and the benchmark start."""

from __future__ import annotations

import time
from typing import Any

import aiohttp
from aiohttp import web

from bot.metrics import HttpServer

from .app import create_ok_app
from .state import Fault, OKState


class OKEmulator:
    """``async with OKEmulator() as emu:`` — then point the daemon at ``emu.api_url``
    (``MODBOT_OK_API_URL``) and ``emu.graph_url`` (``MODBOT_OK_GRAPH_URL``). The helpers call the
    same :class:`OKState` code as the ``/_test/`` endpoints."""

    def __init__(self, state: OKState | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 **state_kwargs: Any) -> None:
        self.state = state or OKState(**state_kwargs)
        self.app: web.Application = create_ok_app(self.state)
        self._server = HttpServer(self.app, host, port)
        self._session: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def api_url(self) -> str:
        return f"{self.url}/fb.do"

    @property
    def graph_url(self) -> str:
        return f"{self.url}/graph"

    async def start(self) -> OKEmulator:
        await self._server.start()
        return self

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        await self._server.stop()

    async def __aenter__(self) -> OKEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ helpers (same code as /_test/)

    def add_group(self, group_id: int, name: str = "", **kw: Any) -> dict[str, Any]:
        return self.state.add_group(group_id, name, **kw)

    def add_topic(self, group_id: int, text: str = "Новость", **kw: Any) -> str:
        return str(self.state.add_topic(group_id, text, **kw)["topic_id"])

    def post_comment(self, group_id: int, topic_id: str, author_id: str | int, text: str) -> dict[str, Any]:
        return self.state.post_comment(group_id, topic_id, str(author_id), text)

    def remove_comment(self, comment_id: str, by: str = "moderator") -> dict[str, Any]:
        return self.state.remove_comment(comment_id, by)

    def add_fault(self, method: str = "*", kind: str = "error", **kw: Any) -> Fault:
        return self.state.add_fault(method, kind, **kw)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        return self.state.calls(method)

    def comment(self, comment_id: str) -> dict[str, Any]:
        c = self.state.comments[comment_id]
        return {**c.to_api(), "deleted": c.deleted, "deleted_by": c.deleted_by, "topic_id": c.topic_id}

    async def post_message(self, group_id: int, user_id: str, text: str, *, chat_id: str | None = None,
                           attempts: int = 3) -> dict[str, Any]:
        """A citizen writes to the group: OK POSTs the message to every subscribed webhook of the
        group's bot token, retrying (up to ``attempts``) while the answer is not 200."""
        self.state.counters["messages"] += 1
        n = self.state.counters["messages"]
        chat = chat_id or f"chat:C{group_id:x}{abs(hash(user_id)) % 10**6:x}"
        payload = {"sender": {"user_id": user_id, "name": f"Пользователь {user_id}"},
                   "recipient": {"chat_id": chat},
                   "message": {"text": text, "seq": 10**17 + n, "mid": f"mid:{group_id:x}.{n:012x}"},
                   "timestamp": int(time.time() * 1000)}
        tokens = [t for t, g in self.state.bot_tokens.items() if g == group_id]
        deliveries = []
        if self._session is None:
            self._session = aiohttp.ClientSession()
        for token in tokens:
            for url in self.state.subscriptions.get(token, []):
                status = 0
                for attempt in range(1, attempts + 1):
                    try:
                        async with self._session.post(url, json=payload,
                                                      timeout=aiohttp.ClientTimeout(total=5)) as resp:
                            status = resp.status
                    except (aiohttp.ClientError, TimeoutError, OSError):
                        status = 0
                    deliveries.append({"url": url, "attempt": attempt, "status": status})
                    if status == 200:
                        break
        self.state.message_log.append({"payload": payload, "deliveries": deliveries})
        return {"mid": payload["message"]["mid"], "chat_id": chat, "deliveries": deliveries}


__all__ = ["OKEmulator"]
