"""``VKEmulator``: the server on 127.0.0.1 that tests, the demo and benches start, with convenience wrappers."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterable
from typing import Any

from aiohttp import web

from .app import create_vk_app
from .faults import Fault, FaultKind
from .state import VKState

log = logging.getLogger(__name__)


class VKEmulator:
    """Run the emulator on 127.0.0.1 (free port by default) for tests, the demo and the benchmark.

    ``async with VKEmulator() as emu:`` — then point the VK client at ``emu.api_url``.
    Convenience methods call the same ``VKState`` code as the /_test/ endpoints,
    so a test can mix them freely.

    It owns the listening socket, which is what a ``down`` fault in ``refused`` mode needs: the socket
    is closed (new connections are refused, open ones dropped) while the outage lasts, then bound
    again on the same port.
    """

    def __init__(self, state: VKState | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 **state_kwargs: Any) -> None:
        self.state = state or VKState(**state_kwargs)
        self.host = host
        self.port = port
        self.app = create_vk_app(self.state)
        self._runner: web.AppRunner | None = None
        self._server: asyncio.Server | None = None
        self._listening = False
        self._relisten: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:34567`` (valid after start)."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        """Value for ``vkbottle.API.API_URL`` (ends with ``/method/``)."""
        return f"{self.url}/method/"

    async def start(self) -> VKEmulator:
        sock = self._bind()
        self.port = sock.getsockname()[1]
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        self._listening = True
        await self._serve(sock)
        self.state.faults.listeners.append(self._follow_outage)
        self.state.faults.reschedule()  # faults added before start get their timers now
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            if self._follow_outage in self.state.faults.listeners:
                self.state.faults.listeners.remove(self._follow_outage)
            self._listening = False
            if self._server is not None:
                self._server.close()
                self._server = None
            await self.state.close()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> VKEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # listening socket -----------------------------------------------------------------

    def _bind(self) -> socket.socket:
        """Bind and listen synchronously, so that connections queue (not fail) until serving starts."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(128)
        return sock

    async def _serve(self, sock: socket.socket) -> None:
        if self._runner is None or self._runner.server is None:  # stopped before this got to run
            sock.close()
            return
        server = await asyncio.get_running_loop().create_server(self._runner.server, sock=sock)
        if not self._listening:  # an outage began while this was starting
            server.close()
            return
        self._server = server

    def _follow_outage(self) -> None:
        """Close or reopen the listening socket when a ``refused`` outage starts or ends."""
        if self._runner is None or self._runner.server is None:
            return
        down = self.state.faults.outage()
        refuse = down is not None and down.mode == "refused"
        if refuse and self._listening:
            self._listening = False
            if self._server is not None:
                self._server.close()
                self._server = None
            for conn in self._runner.server.connections:
                conn.force_close()  # keep-alive and held (long-poll) connections are dropped, as by a dead host
        elif not refuse and not self._listening:
            try:
                sock = self._bind()
            except OSError:
                log.exception("could not listen on %s again after the outage", self.url)
                return
            self._listening = True
            self._relisten = asyncio.get_running_loop().create_task(self._serve(sock), name="vk-emulator-relisten")

    # convenience wrappers -------------------------------------------------------------

    def add_group(self, group_id: int | None = None, name: str | None = None, **kwargs: Any) -> tuple[str, str]:
        """Create a community; returns ``(group_token, user_token)`` (user = admin, default user id 100)."""
        info = self.state.add_group(group_id, name, **kwargs)
        return info["group_token"], info["user_token"]

    def add_user_token(self, user_id: int, admin_of: Iterable[int] = (), scopes: Iterable[str] | None = None,
                       token: str | None = None) -> str:
        return self.state.add_token("user", token=token, user_id=user_id, admin_of=admin_of, scopes=scopes)

    def add_service_token(self, token: str | None = None) -> str:
        return self.state.add_token("service", token=token)

    def add_post(self, group_id: int, text: str = "", **kwargs: Any) -> dict[str, Any]:
        return self.state.add_post(group_id, text, **kwargs)

    def post_comment(self, group_id: int, from_id: int, text: str, kind: str = "wall", *,
                     parent_id: int | None = None, reply_to: int | None = None) -> dict[str, Any]:
        """Same as POST /_test/comment; returns ``{comment_id, event_id, date, time_ms, ...}``."""
        return self.state.post_comment(group_id, from_id, text, kind, parent_id=parent_id, reply_to=reply_to)

    def edit_comment(self, group_id: int, comment_id: int, text: str, kind: str = "wall") -> dict[str, Any]:
        return self.state.edit_comment(group_id, kind, comment_id, text)

    def add_fault(self, method: str = "*", kind: FaultKind = "error", count: int = 1, **fields: Any) -> Fault:
        """Same as POST /_test/faults with one fault; see the emulator README for the fields."""
        return self.state.add_fault(method, kind, count, **fields)

    def remove_fault(self, fault: Fault | int) -> Fault:
        return self.state.remove_fault(fault)

    def clear_faults(self) -> None:
        self.state.clear_faults()

    def lp_fail(self, group_id: int, failed: int) -> dict[str, Any]:
        return self.state.lp_fail(group_id, failed)

    def redeliver(self, group_id: int, event_id: str) -> dict[str, Any]:
        return self.state.redeliver(group_id, event_id)

    async def configure_callback(self, group_id: int, url: str, secret: str = "",
                                 code: str | None = None) -> dict[str, Any]:
        return await self.state.configure_callback(group_id, url, secret, code)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        return self.state.calls(method)

    def snapshot(self, group_id: int | None = None) -> dict[str, Any]:
        return self.state.snapshot(group_id)

    def reset(self) -> None:
        self.state.reset()
