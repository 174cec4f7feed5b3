"""Callback API delivery: confirmation handshake, per-community ordered delivery with retries, the delivery log."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from aiohttp import ClientError, ClientSession, ClientTimeout

from .model import CallbackServer, Group
from .protocol import VKErrorReply

if TYPE_CHECKING:
    from .state import VKState

log = logging.getLogger(__name__)

#: VK allows this many callback servers per community (error 2000 beyond).
MAX_SERVERS = 10


def add_callback_server(group: Group, url: str, title: str, secret: str, creator_id: int) -> CallbackServer:
    if len(group.callback_servers) >= MAX_SERVERS:
        raise VKErrorReply(2000)
    sid = group.next_id("callback_server")
    server = CallbackServer(sid, url, title, secret, creator_id)
    group.callback_servers[sid] = server
    return server


class CallbackDelivery:
    """Pushes events to each community's callback servers, one worker task per community.

    Retries, backoff and timeout are read from the state on every attempt, so a
    test may change them while the emulator runs.
    """

    def __init__(self, state: VKState, log_limit: int) -> None:
        self.state = state
        self.log: deque[dict[str, Any]] = deque(maxlen=log_limit)
        self._session: ClientSession | None = None

    def enqueue(self, group: Group, envelope: dict[str, Any]) -> None:
        if group.cb_queue is None:
            group.cb_queue = asyncio.Queue()
        group.cb_queue.put_nowait(envelope)
        self.ensure_worker(group)

    def ensure_worker(self, group: Group) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # started on the next dispatch from inside the loop
        if group.cb_queue is None:
            group.cb_queue = asyncio.Queue()
        if group.cb_task is None or group.cb_task.done():
            group.cb_task = asyncio.create_task(self._worker(group), name=f"vk-emulator-callback-{group.id}")

    async def confirm(self, group: Group, server: CallbackServer) -> bool:
        """Run the confirmation handshake; the server is usable only if it answers the group's code."""
        payload: dict[str, Any] = {"type": "confirmation", "group_id": group.id}
        if server.secret:
            payload["secret"] = server.secret
        status, body = await self._post(server.url, payload)
        ok = status == 200 and body.strip() == group.confirmation_code
        server.status = "ok" if ok else "failed"
        self.log.append({"server_id": server.id, "event_id": None, "type": "confirmation", "attempt": 1,
                         "status": status, "body": body[:500], "ok": ok, "time_ms": time.time() * 1000.0})
        return ok

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _worker(self, group: Group) -> None:
        """Deliver events of one group in order, one server after another (VK delivers per server in order)."""
        assert group.cb_queue is not None
        while True:
            envelope = await group.cb_queue.get()
            await self._wait_out_outage()
            for server in list(group.callback_servers.values()):
                if not server.events.get(envelope["type"], server.all_events):
                    continue
                try:
                    if server.status != "ok" and not await self.confirm(group, server):
                        self.log.append({"server_id": server.id, "event_id": envelope["event_id"],
                                         "type": envelope["type"], "attempt": 0, "status": None, "body": "",
                                         "ok": False, "skipped": "not confirmed", "time_ms": time.time() * 1000.0})
                        continue
                    await self._deliver(server, envelope)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a broken receiver must never kill the worker
                    log.exception("callback delivery crashed")

    async def _wait_out_outage(self) -> None:
        """While the API is down (a ``down`` fault), VK pushes nothing either; delivery resumes after."""
        while (down := self.state.faults.outage()) is not None:
            end = down.ends_at or time.monotonic()
            await asyncio.sleep(min(max(end - time.monotonic(), 0.01), 1.0))

    async def _deliver(self, server: CallbackServer, envelope: dict[str, Any]) -> None:
        payload = dict(envelope)
        if server.secret:
            payload["secret"] = server.secret
        retries = self.state.callback_retries
        for attempt in range(1, retries + 2):
            status, body = await self._post(server.url, payload)
            ok = status == 200 and body == "ok"
            self.log.append({"server_id": server.id, "event_id": envelope["event_id"], "type": envelope["type"],
                             "attempt": attempt, "status": status, "body": body[:500], "ok": ok,
                             "time_ms": time.time() * 1000.0})
            if ok:
                server.delivered += 1
                return
            if attempt <= retries:
                await asyncio.sleep(self.state.callback_backoff * 2 ** (attempt - 1))
        server.failed += 1

    async def _post(self, url: str, payload: dict[str, Any]) -> tuple[int | None, str]:
        if self._session is None or self._session.closed:
            self._session = ClientSession(timeout=ClientTimeout(total=self.state.callback_timeout))
        try:
            async with self._session.post(url, json=payload) as resp:
                return resp.status, await resp.text()
        except (ClientError, TimeoutError) as e:
            return None, f"{type(e).__name__}: {e}"
