"""A second platform for the port's tests: a real one, not VK renamed.

"Fakebook" is an aiohttp server on 127.0.0.1 that holds comments with **text ids** and answers a
token-checked ``GET /comments?after=N``; its adapter **polls** it (no push), keeps an anchor in
the daemon's cursors, and **cannot ban or delete** through its API: deletions are manual actions
a moderator performs by hand. Nothing here imports the VK adapter.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from typing import Any

import aiohttp
from aiohttp import web

from bot.config import CommunityConfig
from bot.platform import (
    BanIntent,
    Capabilities,
    CommentEvent,
    Cursors,
    DeleteIntent,
    EventSink,
    Intent,
    Manual,
    NotActionable,
    Outcome,
    RestoreIntent,
    UnbanIntent,
)
from bot.types import Action, Comment


class FakebookServer:
    """The platform's side: comments per community, each request must carry the community's token."""

    def __init__(self, tokens: dict[int, str]) -> None:
        self.tokens = tokens
        self.comments: dict[int, list[dict[str, Any]]] = {g: [] for g in tokens}
        self.requests: list[tuple[int, str]] = []  # (community, token used)
        self._runner: web.AppRunner | None = None
        self.url = ""

    def post(self, community: int, author: str, text: str) -> str:
        items = self.comments[community]
        cid = f"fb-{community}-{len(items) + 1}"
        items.append(
            {"seq": len(items) + 1, "id": cid, "author": author, "text": text, "date": int(time.time())}
        )
        return cid

    async def _comments(self, request: web.Request) -> web.Response:
        community = int(request.match_info["community"])
        token = request.headers.get("X-Fakebook-Token", "")
        self.requests.append((community, token))
        if token != self.tokens.get(community):
            return web.json_response({"error": "bad token"}, status=403)
        after = int(request.query.get("after", "0"))
        return web.json_response({"items": [c for c in self.comments[community] if c["seq"] > after]})

    async def __aenter__(self) -> FakebookServer:
        app = web.Application()
        app.router.add_get("/communities/{community}/comments", self._comments)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


class FakebookPlatform:
    """The adapter: polls, text ids, no API to delete or ban (manual deletions, local blacklist)."""

    name = "fakebook"
    capabilities = Capabilities(delete=False, ban=False, restore=False, unban=False, verify=False)

    def __init__(
        self,
        communities: Sequence[CommunityConfig],
        server_url: str,
        tokens: dict[int, str],
        interval: float = 0.05,
    ) -> None:
        self._communities = list(communities)
        self.url = server_url
        self.tokens = tokens
        self.interval = interval
        self._tasks: list[asyncio.Task[None]] = []
        self._session: aiohttp.ClientSession | None = None
        self.ready = 0

    def communities(self) -> Sequence[CommunityConfig]:
        return list(self._communities)

    def plan(self, intent: Intent) -> list[Action]:
        if isinstance(intent, DeleteIntent):
            c = intent.comment
            return [
                Action(
                    0,
                    "delete",
                    self.name,
                    c.community_id,
                    "manual",
                    {"url": c.url, "id": c.comment_id},
                    state="manual",
                )
            ]
        if isinstance(intent, BanIntent | UnbanIntent):
            raise NotActionable("Fakebook не даёт блокировать авторов")
        if isinstance(intent, RestoreIntent):
            raise NotActionable("Fakebook не даёт восстановить комментарий")
        raise TypeError(intent)

    def routes(self) -> list[Any]:
        return []

    async def start(self, sink: EventSink, cursors: Cursors) -> None:
        self._session = aiohttp.ClientSession()
        for c in self._communities:
            self._tasks.append(asyncio.create_task(self._poll(c, sink, cursors)))

    async def _poll(self, c: CommunityConfig, sink: EventSink, cursors: Cursors) -> None:
        assert self._session is not None
        name = f"{self.name}:{c.group_id}:anchor"
        first = True
        while True:
            after = await cursors.get(name) or "0"
            async with self._session.get(
                f"{self.url}/communities/{c.group_id}/comments",
                params={"after": after},
                headers={"X-Fakebook-Token": self.tokens[c.group_id]},
            ) as r:
                body = await r.json()
            items = body.get("items", [])
            if items:
                events = [
                    CommentEvent(
                        Comment(
                            self.name,
                            c.group_id,
                            "wall",
                            i["id"],
                            i["author"],
                            i["text"],
                            i["date"],
                            object_id="feed",
                            url=f"{self.url}/c/{i['id']}",
                        ),
                        "poll",
                        "",
                        c.group_id,
                    )
                    for i in items
                ]
                await sink(events, "poll")
                await cursors.set(name, str(items[-1]["seq"]))
            if first:
                self.ready += 1
                first = False
            await asyncio.sleep(self.interval)

    async def wait_ready(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.ready < len(self._communities) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return len(self._communities) - self.ready

    async def stop(self) -> None:
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def perform(self, actions: Sequence[Action]) -> list[Outcome]:
        return [Manual("Fakebook: только вручную") for _ in actions]

    async def verify(self, action: Action) -> bool | None:
        return None

    def describe(self, action: Action) -> str:
        return f"comment {action.params.get('id')}"

    def health(self) -> dict[str, Any]:
        return {
            "communities": [
                {"platform": self.name, "group_id": c.group_id, "receive": "poll"} for c in self._communities
            ]
        }
