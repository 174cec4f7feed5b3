"""Getting VK events in: Bots Long Poll per community, the Callback API endpoint, and backfill.

Routing only: envelopes go to an :data:`EventSink` (the daemon), which stores them before it
returns. The long-poll cursor (``ts``) is saved only after that, so a crash at any instant either
replays a batch (deduplicated downstream by comment key / event id) or continues after it —
never skips one.

Why our own long-poll loop instead of vkbottle's ``BotPolling``: BotPolling keeps ``ts`` in its
own JSON file (relative to the cwd) and saves it before our handlers have stored the events, and
it does not tell us when history was lost (``failed: 1``), which is exactly when we must backfill.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web

from bot.platform import Cursors
from bot.types import Comment

from .client import VKClient
from .errors import Token, TokenPaused, TransportError, VKAPIError, VKError
from .events import wall_comment_from_api

log = logging.getLogger("modbot.vk")

#: ``await sink(group_id, envelopes, source)``: parse and store; return only when stored.
EventSink = Callable[[int, Sequence[Any], str], Awaitable[None]]
#: ``await comment_sink(comments)``: store backfilled comments (no envelope, no event id).
CommentSink = Callable[[Sequence[Comment]], Awaitable[None]]


def ts_cursor(group_id: int) -> str:
    return f"vk:{group_id}:lp_ts"


def last_comment_cursor(group_id: int) -> str:
    return f"vk:{group_id}:wall_last_comment"


class Backfiller:
    """Re-read recent wall comments newer than the last one seen (after lost long-poll history).

    A request is persisted (cursor ``vk:<G>:backfill_since``) *before* the long-poll loop moves on,
    with the last-seen comment id of that moment: new events arriving meanwhile advance the
    last-seen cursor but not the request, and a crash or shutdown mid-backfill leaves the request
    in place for :meth:`resume` at the next start. Re-reading a comment twice is harmless
    (``save_comment`` is idempotent).

    Only wall comments can be re-read (``wall.getComments`` with the admin's user token); photo,
    video, board and market comments lost with the history are not recoverable this way.
    """

    def __init__(self, client: VKClient, group_id: int, user_token: Token | None, cursors: Cursors,
                 sink: CommentSink, *, posts: int = 20, max_pages: int = 50) -> None:
        self.client = client
        self.group_id = group_id
        self.user_token = user_token
        self.cursors = cursors
        self.sink = sink
        self.posts = posts
        self.max_pages = max_pages
        self.runs = 0
        self.found = 0
        self._again = False
        self._task: asyncio.Task[None] | None = None

    @property
    def request_cursor(self) -> str:
        return f"vk:{self.group_id}:backfill_since"

    async def request(self, reason: str) -> None:
        """Record that comments after the last one seen may be lost, and start re-reading them."""
        if self.user_token is None:
            log.warning("vk group %d: %s, but no user token is configured: comments in the gap cannot be "
                        "re-read (wall.getComments needs a user token)", self.group_id, reason)
            return
        raw = await self.cursors.get(last_comment_cursor(self.group_id))
        since = int(raw) if raw and raw.isdigit() else 0
        pending = await self.cursors.get(self.request_cursor)
        if pending and pending.isdigit():
            since = min(since, int(pending))
        await self.cursors.set(self.request_cursor, str(since))
        log.info("vk group %d: %s; backfilling wall comments newer than #%d", self.group_id, reason, since)
        self._again = True
        self._start()

    async def resume(self) -> None:
        """At start: finish a backfill that a crash or shutdown interrupted."""
        pending = await self.cursors.get(self.request_cursor)
        if pending and pending.isdigit() and self.user_token is not None:
            log.info("vk group %d: resuming an unfinished backfill (comments newer than #%s)", self.group_id,
                     pending)
            self._again = True
            self._start()

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(), name=f"vk-backfill-{self.group_id}")

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    async def _loop(self) -> None:
        while self._again:
            self._again = False
            raw = await self.cursors.get(self.request_cursor)
            if not raw or not raw.isdigit():
                return
            n = await self.run(int(raw))
            self.found += n
            if not self._again:  # no new loss while we were reading: the request is satisfied
                await self.cursors.set(self.request_cursor, "")

    async def run(self, since: int) -> int:
        """Read wall comments newer than ``since`` into the sink; returns how many. Retries VK errors."""
        self.runs += 1
        while True:
            try:
                found = await self._collect(since)
                break
            except TokenPaused as exc:
                await asyncio.sleep(max(1.0, exc.until - time.time()))
            except VKError as exc:
                log.error("vk group %d: backfill failed (%s); retrying in 5 s", self.group_id, exc)
                await asyncio.sleep(5)
        if found:
            found.sort(key=lambda c: int(c.comment_id))
            await self.sink(found)
        log.info("vk group %d: backfill found %d comment(s) missed by long poll", self.group_id, len(found))
        return len(found)

    async def _collect(self, since: int) -> list[Comment]:
        assert self.user_token is not None
        owner = -self.group_id
        posts = await self.client.call("wall.get", {"owner_id": owner, "count": self.posts}, self.user_token)
        found: dict[int, Comment] = {}
        now = time.time()

        def take(obj: dict[str, Any], post_id: int) -> None:
            cid = obj.get("id")
            if isinstance(cid, int) and cid > since and cid not in found:
                c = wall_comment_from_api(self.group_id, post_id, obj, received_at=now)
                if c is not None:
                    found[cid] = c

        for post in posts.get("items", []):
            post_id = post.get("id")
            if not isinstance(post_id, int) or not post.get("comments", {}).get("count", 1):
                continue
            offset = 0
            for _ in range(self.max_pages):
                page = await self.client.call("wall.getComments", {
                    "owner_id": owner, "post_id": post_id, "sort": "desc", "count": 100, "offset": offset,
                    "thread_items_count": 10}, self.user_token)
                items = page.get("items", [])
                for root in items:
                    take(root, post_id)
                    thread = root.get("thread") or {}
                    titems = thread.get("items") or []
                    for reply in titems:
                        take(reply, post_id)
                    if thread.get("count", 0) > len(titems):
                        await self._thread(owner, post_id, root.get("id"), since, take)
                offset += len(items)
                if not items or len(items) < 100 or min(i.get("id", 0) for i in items) <= since:
                    break
        return list(found.values())

    async def _thread(self, owner: int, post_id: int, root_id: Any, since: int,
                      take: Callable[[dict[str, Any], int], None]) -> None:
        assert self.user_token is not None
        offset = 0
        for _ in range(self.max_pages):
            page = await self.client.call("wall.getComments", {
                "owner_id": owner, "post_id": post_id, "comment_id": root_id, "sort": "desc", "count": 100,
                "offset": offset}, self.user_token)
            items = page.get("items", [])
            for reply in items:
                take(reply, post_id)
            offset += len(items)
            if not items or len(items) < 100 or min(i.get("id", 0) for i in items) <= since:
                return


class LongPollReceiver:
    """Bots Long Poll for one community: ``failed`` 1/2/3 handled as VK documents (§1.4)."""

    def __init__(self, client: VKClient, group_id: int, group_token: Token, sink: EventSink, cursors: Cursors,
                 backfiller: Backfiller | None = None, *, wait: int = 25) -> None:
        self.client = client
        self.group_id = group_id
        self.token = group_token
        self.sink = sink
        self.cursors = cursors
        self.backfiller = backfiller
        self.wait = wait
        self.server = ""
        self.key = ""
        self.ts = ""
        self.last_event_at = 0.0
        #: when VK last answered a long poll (events or not): the receiver's progress, for liveness
        self.last_answer_at = 0.0
        self.failures: dict[int, int] = {1: 0, 2: 0, 3: 0}
        self.on_failed: Callable[[int], None] | None = None
        #: Set once the receiver knows its ts: events from then on will be received.
        self.ready = asyncio.Event()

    async def _server(self) -> tuple[str, str, str]:
        """``groups.getLongPollServer`` until it answers (transient errors back off, forever)."""
        attempt = 0
        while True:
            attempt += 1
            try:
                r = await self.client.call("groups.getLongPollServer", {"group_id": self.group_id}, self.token)
                return str(r["server"]), str(r["key"]), str(r["ts"])
            except (VKError, KeyError, TypeError) as exc:
                delay = min(60.0, 0.5 * 2 ** min(attempt, 7)) * (0.5 + random.random() / 2)
                log.error("vk group %d: cannot get a long-poll server (%s); retrying in %.0f s",
                          self.group_id, exc, delay)
                await asyncio.sleep(delay)

    async def _request_backfill(self, reason: str) -> None:
        if self.backfiller is None:
            log.warning("vk group %d: %s and no backfill is configured: events in the gap are lost",
                        self.group_id, reason)
            return
        await self.backfiller.request(reason)

    async def run(self) -> None:
        """Poll until cancelled. Cancellation between batches never loses a stored event."""
        self.server, self.key, server_ts = await self._server()
        if self.backfiller is not None:
            await self.backfiller.resume()
        stored = await self.cursors.get(ts_cursor(self.group_id))
        if stored:
            self.ts = stored
            log.info("vk group %d: long poll resumes from stored ts %s (server is at %s)",
                     self.group_id, stored, server_ts)
        else:
            self.ts = server_ts
            await self.cursors.set(ts_cursor(self.group_id), self.ts)
            log.info("vk group %d: long poll starts at ts %s", self.group_id, self.ts)
        self.ready.set()
        self.last_answer_at = time.time()
        attempt = 0
        while True:
            try:
                body = await self.client.long_poll(self.server, self.key, self.ts, self.wait)
            except TransportError as exc:
                attempt += 1
                delay = min(30.0, 0.5 * 2 ** min(attempt, 6)) * (0.5 + random.random() / 2)
                log.warning("vk group %d: %s; retrying in %.1f s (ts kept)", self.group_id, exc, delay)
                await asyncio.sleep(delay)
                continue
            attempt = 0
            self.last_answer_at = time.time()
            failed = body.get("failed")
            if failed is not None:
                await self._failed(failed, body)
                continue
            updates = body.get("updates")
            new_ts = body.get("ts")
            if not isinstance(updates, list) or new_ts is None:
                log.error("vk group %d: long poll answered without ts/updates: %s", self.group_id,
                          json.dumps(body, ensure_ascii=False)[:120])
                await asyncio.sleep(1)
                continue
            if updates:
                self.last_event_at = time.time()
                await self.sink(self.group_id, updates, "longpoll")
            self.ts = str(new_ts)
            await self.cursors.set(ts_cursor(self.group_id), self.ts)

    async def _failed(self, failed: Any, body: dict[str, Any]) -> None:
        try:
            code = int(failed)
        except (TypeError, ValueError):
            code = 0
        if code in self.failures:
            self.failures[code] += 1
        if self.on_failed is not None:
            self.on_failed(code)
        if code == 1:
            new_ts = body.get("ts")
            log.warning("vk group %d: long poll failed 1 (history lost), continuing at ts %s", self.group_id, new_ts)
            # The backfill request is stored before the ts moves past the gap (crash-safe order).
            await self._request_backfill("long poll history was lost (failed 1)")
            if new_ts is not None:
                self.ts = str(new_ts)
                await self.cursors.set(ts_cursor(self.group_id), self.ts)
        elif code == 2:
            log.info("vk group %d: long poll key expired (failed 2), new key, ts %s kept", self.group_id, self.ts)
            self.server, self.key, _ = await self._server()
        elif code == 3:
            await self._request_backfill("long poll information was lost (failed 3)")
            self.server, self.key, self.ts = await self._server()
            await self.cursors.set(ts_cursor(self.group_id), self.ts)
            log.warning("vk group %d: long poll information lost (failed 3), new key and ts %s", self.group_id,
                        self.ts)
        else:
            log.error("vk group %d: long poll failed %r; asking for a new server", self.group_id, failed)
            await asyncio.sleep(1)
            self.server, self.key, self.ts = await self._server()

    def cancel_backfill(self) -> None:
        """Shutdown: stop a running backfill; its stored request is resumed at the next start."""
        task = self.backfiller.task if self.backfiller else None
        if task is not None and not task.done():
            task.cancel()

    async def wait_backfill(self) -> None:
        """For shutdown and tests: let a running backfill finish."""
        task = self.backfiller.task if self.backfiller else None
        if task is not None:
            with contextlib.suppress(Exception):
                await task


# --------------------------------------------------------------------------- Callback API


class CallbackEndpoint:
    """aiohttp handler for VK's Callback API (one URL serves every configured community).

    * ``{"type":"confirmation"}`` → the community's confirmation code as plain text;
    * wrong or missing ``secret`` (when one is configured) → 403;
    * a body that is not a JSON object, or lacks ``type``/``group_id`` → 400 with a one-line reason;
    * otherwise the envelope goes to the sink (stored before we answer) and VK gets ``ok``.
      Dedupe by ``event_id`` happens downstream; a storage failure answers 500 so VK redelivers.
    """

    def __init__(self, sink: EventSink, *, secret: str, confirmations: dict[int, str],
                 confirm_lookup: Callable[[int], Awaitable[str | None]] | None = None,
                 on_reject: Callable[[str], None] | None = None) -> None:
        self.sink = sink
        self.secret = secret
        self.confirmations = dict(confirmations)
        self.confirm_lookup = confirm_lookup
        self.on_reject = on_reject
        self.received = 0

    def _reject(self, status: int, why: str) -> web.Response:
        log.warning("callback rejected (%d): %s", status, why)
        if self.on_reject is not None:
            self.on_reject(str(status))
        return web.Response(status=status, text=why + "\n", content_type="text/plain")

    async def handle(self, request: web.Request) -> web.StreamResponse:
        try:
            raw = await request.read()
        except Exception as exc:  # client went away mid-body
            return self._reject(400, f"cannot read body: {type(exc).__name__}")
        try:
            data = json.loads(raw.decode("utf-8", errors="replace")) if raw else None
        except ValueError:
            return self._reject(400, f"body is not JSON ({len(raw)} bytes)")
        except RecursionError:  # e.g. 100,000 nested arrays: refused before anything else looks at it
            return self._reject(400, f"body is nested too deeply ({len(raw)} bytes)")
        if not isinstance(data, dict):
            return self._reject(400, "body is not a JSON object")
        etype = data.get("type")
        group_id = data.get("group_id")
        if not isinstance(etype, str) or isinstance(group_id, bool) or not isinstance(group_id, int):
            return self._reject(400, "body lacks type or group_id")
        if group_id not in self.confirmations:
            return self._reject(403, f"community {group_id} is not configured here")
        # The confirmation request may come without the secret (it predates it on VK's side), and
        # the code it returns only proves we own this URL, so it is answered without the check.
        if etype != "confirmation" and self.secret and data.get("secret") != self.secret:
            return self._reject(403, f"secret mismatch for community {group_id}")
        if etype == "confirmation":
            code = self.confirmations.get(group_id) or ""
            if not code and self.confirm_lookup is not None:
                code = await self.confirm_lookup(group_id) or ""
                if code:
                    self.confirmations[group_id] = code
            if not code:
                return self._reject(500, f"no confirmation code known for community {group_id}")
            log.info("callback: confirmation handshake for community %d answered", group_id)
            return web.Response(text=code, content_type="text/plain")
        envelope = {k: v for k, v in data.items() if k != "secret"}
        try:
            await self.sink(group_id, [envelope], "callback")
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("callback: could not store event %s: %s: %s", str(data.get("event_id"))[:16],
                      type(exc).__name__, exc)
            return web.Response(status=500, text="not stored\n", content_type="text/plain")
        self.received += 1
        return web.Response(text="ok", content_type="text/plain")


async def confirmation_code(client: VKClient, group_id: int, token: Token) -> str | None:
    """``groups.getCallbackConfirmationCode`` — when the config does not carry the code."""
    try:
        r = await client.call("groups.getCallbackConfirmationCode", {"group_id": group_id}, token)
    except VKAPIError as exc:
        log.error("vk group %d: cannot fetch the callback confirmation code: %s", group_id, exc)
        return None
    return str(r.get("code", "")) if isinstance(r, dict) else None
