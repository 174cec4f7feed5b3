"""Helpers for the workspace's tests: a config with two organisations, accounts, seeded
comments (through the real store and decision service) and a small cookie-keeping HTTP client
that fills in the CSRF token the way a browser submitting our forms would."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.adapters import build_platforms
from bot.config import Config, parse_config
from bot.store import CommentRow, Store
from bot.types import Comment
from bot.web.app import Workspace, make_app
from bot.web.auth import add_account
from bot.web.server import WebServer
from moderation.verdict import Evidence, Verdict

PASSWORD = "correct horse battery"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{XSS_SCRIPT} и ещё {XSS_IMG} — дебил"
G_ADMIN, G_HOSPITAL = 1, 2
_ids = itertools.count(1000)


def web_config(
    tmp_path: Path, *, communities: Sequence[dict[str, Any]] | None = None, **extra: Any
) -> Config:
    """Two VK communities of two organisations (enforce mode), tokens not needed."""
    comms = communities or [
        {
            "platform": "vk",
            "group_id": G_ADMIN,
            "name": "Администрация",
            "group_token_env": "G1",
            "user_token_env": "U1",
            "mode": "enforce",
            "organisation": "admin",
        },
        {
            "platform": "vk",
            "group_id": G_HOSPITAL,
            "name": "Больница",
            "group_token_env": "G2",
            "user_token_env": "U2",
            "mode": "enforce",
            "organisation": "hospital",
        },
    ]
    data: dict[str, Any] = {
        "database": str(tmp_path / "web.db"),
        "communities": list(comms),
        "web": {"port": 8080},
    }
    data.update(extra)
    return parse_config(data, {}, secrets=False)


def seed(
    store: Store,
    service: Any,
    *,
    group: int = G_ADMIN,
    author: str = "501",
    text: str = "обычный текст",
    action: str = "review",
    labels: Sequence[str] = (),
    scores: dict[str, float] | None = None,
    evidence: Sequence[Evidence] = (),
    kind: str = "wall",
    now: float | None = None,
) -> CommentRow:
    """One comment stored and judged (``action`` is the judge's) through the store and the
    decision service, as the daemon would."""
    now = time.time() if now is None else now
    cid = str(next(_ids))
    c = Comment(
        platform="vk",
        community_id=group,
        kind=kind,
        comment_id=cid,
        author_id=author,
        text=text,
        created_at=int(now) - 5,
        object_id="1",
        owner_id=str(-group),
        url=f"https://vk.com/wall-{group}_1?reply={cid}",
        received_at=now,
    )
    row = store.save_comment(c)
    sc = scores or {
        "spam": 0.01,
        "obscene": 0.02,
        "insult": 0.55 if action != "allow" else 0.05,
        "threat": 0.01,
        "hate": 0.01,
    }
    verdict = Verdict(
        text,
        action,
        list(labels),
        sc,
        list(evidence),
        ground="оскорбительные выражения",
        model_version="test-model",
    )
    service.decide_auto(row, verdict, now)
    return row


class Client:
    """A browser-like client: keeps cookies, remembers the last page's CSRF token and sends it."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""

    async def close(self) -> None:
        await self.session.close()

    def _remember(self, text: str) -> None:
        m = re.search(r'name="csrf" value="([^"]+)"', text)
        if m:
            self.csrf = m.group(1)

    async def get(
        self, path: str, *, follow: bool = True, headers: dict[str, str] | None = None
    ) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.session.get(self.base + path, allow_redirects=follow, headers=headers) as r:
            text = await r.text()
            self._remember(text)
            return r.status, text, r

    async def post(
        self,
        path: str,
        data: dict[str, Any] | list[tuple[str, Any]] | None = None,
        *,
        csrf: str | None = None,
        follow: bool = True,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, aiohttp.ClientResponse]:
        items = list(data.items()) if isinstance(data, dict) else list(data or [])
        token = self.csrf if csrf is None else csrf
        if token != "-":
            items.append(("csrf", token))
        form = aiohttp.FormData()
        for k, v in items:
            form.add_field(k, str(v))
        async with self.session.post(
            self.base + path, data=form, allow_redirects=follow, headers=headers
        ) as r:
            text = await r.text()
            self._remember(text)
            return r.status, text, r

    async def login(self, name: str, password: str = PASSWORD) -> tuple[int, str, aiohttp.ClientResponse]:
        await self.get("/login")
        return await self.post("/login", {"name": name, "password": password})


@dataclass
class WebEnv:
    config: Config
    store: Store
    workspace: Workspace
    url: str
    clients: list[Client]

    @property
    def service(self) -> Any:
        return self.workspace.service

    async def client(self, name: str | None = None) -> Client:
        c = Client(self.url)
        self.clients.append(c)
        if name is not None:
            status, text, _ = await c.login(name)
            assert status == 200 and "Выйти" in text, f"login as {name} failed: {status}"
        return c


def add_accounts(store: Store) -> None:
    add_account(store, "admin", PASSWORD, role="admin")
    add_account(store, "anna", PASSWORD, role="moderator", organisation="admin")
    add_account(store, "boris", PASSWORD, role="moderator", organisation="hospital")


@pytest.fixture
async def web(tmp_path: Path) -> AsyncIterator[WebEnv]:
    """The workspace on 127.0.0.1 (any free port) over a fresh database with three accounts:
    ``admin``, ``anna`` (organisation admin → community 1), ``boris`` (hospital → community 2)."""
    config = web_config(tmp_path)
    server = WebServer(config, build_platforms(config), host="127.0.0.1", port=0)
    await server.start()
    assert server.store is not None and server.workspace is not None
    add_accounts(server.store)
    env = WebEnv(config, server.store, server.workspace, server.url, [])
    yield env
    for c in env.clients:
        await c.close()
    await server.stop()


__all__ = [
    "HOSTILE",
    "PASSWORD",
    "XSS_IMG",
    "XSS_SCRIPT",
    "Client",
    "WebEnv",
    "add_accounts",
    "make_app",
    "seed",
    "web",
    "web_config",
]
