"""OK behind the platform port (:class:`bot.platform.Platform`): all OK wiring lives here.

What OK's public API allows (../shared/docs/platform-apis.md §5): reading a group's topics and
their comments with a group administrator's token and signed requests; **no** push, **no** ban API
and deletion only through ``discussions.deleteDiscussionComment``, which is missing from today's
public method list (a permission OK grants on request). Hence:

* receiving = one :class:`~bot.ok.poller.GroupPoller` per group (plus the optional Bot API webhook
  for messages to the group);
* a delete is, by default, a **manual** action: held for the moderators («удалить вручную в OK»)
  with a link, and confirmed by :meth:`OKPlatform.verify` once the comment is gone (the outbox asks
  from time to time). With ``delete_enabled = true`` the daemon deletes through the API
  (``block_author`` per the group's ``block_author`` policy); if OK answers that the method is
  unavailable or the permission is missing, the group falls back to the manual path — said once in
  the log and in ``modbot status`` (cursor ``ok:<group>:notice``);
* a ban is enforced by the local blacklist (the author's next comments are deleted or held for
  deletion) and, where the policy says so, by the block that rides on the deletion; OK has no
  way to restore a comment or lift a block through the API, so undo says what to do by hand.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.config import CommunityConfig, Config
from bot.metrics import Metrics
from bot.platform import (
    BanIntent,
    Capabilities,
    CommentEvent,
    Cursors,
    DeleteIntent,
    Done,
    EventSink,
    Failed,
    Intent,
    Manual,
    NotActionable,
    Outcome,
    PlatformEvent,
    PostEvent,
    RestoreIntent,
    Retry,
    UnbanIntent,
)
from bot.types import Action, Comment

from .client import DEFAULT_API_URL, OKClient
from .errors import AUTH, QUOTA, Credentials, OKAPIError, OKError, OKTransportError, describe
from .messages import DEFAULT_GRAPH_URL, MessagesWebhook, subscribe
from .methods import (
    DELETE_METHOD,
    KIND_MESSAGE,
    KIND_TOPIC,
    MANUAL,
    comment_call,
    comment_removed,
    delete_params,
    profile_url,
)
from .poller import GroupPoller

log = logging.getLogger("modbot.ok")

#: Receivers that crash are restarted after this many seconds (a loop, never nested calls).
RESTART_DELAY = 5.0
#: Liveness: this many crash-restarts within RESTART_WINDOW seconds, or no completed poll for
#: ``stall_seconds`` (beyond the poll interval), make a group "degraded" in /healthz and `modbot status`.
RESTARTS_DEGRADED = 5
RESTART_WINDOW = 600.0
STALL_SECONDS = 120.0
MANUAL_DELETE = "удалить вручную в OK"
MANUAL_DELETE_BLOCK = "удалить вручную в OK и заблокировать автора (галочка «заблокировать» при удалении)"
NO_MESSAGE_DELETE = "OK не позволяет удалять сообщения пользователей в чате группы"
NO_RESTORE = ("OK не позволяет вернуть удалённый комментарий через API; если автор был заблокирован при удалении, "
              "разблокируйте его вручную в настройках группы (чёрный список)")


def notice_cursor(group_id: int) -> str:
    """A one-line note about the group that ``modbot status`` prints (``<platform>:<group>:notice``)."""
    return f"ok:{group_id}:notice"


@dataclass
class OKOptions:
    """OK runtime knobs that are not ``modbot.toml`` keys; see :meth:`from_env`."""

    api_url: str = DEFAULT_API_URL
    graph_url: str = DEFAULT_GRAPH_URL
    client_attempts: int = 4
    client_backoff_cap: float = 30.0
    #: a topic is read at least every this many poll cycles, even if its count looks unchanged
    sweep_every: int = 10
    #: no completed poll for this long (beyond the poll interval): the group is "degraded"
    stall_seconds: float = STALL_SECONDS

    @classmethod
    def from_env(cls) -> OKOptions:
        """``MODBOT_OK_API_URL`` (e.g. the emulator's ``…/fb.do``), ``MODBOT_OK_GRAPH_URL``."""
        o = cls()
        o.api_url = os.environ.get("MODBOT_OK_API_URL", o.api_url) or o.api_url
        o.graph_url = os.environ.get("MODBOT_OK_GRAPH_URL", o.graph_url) or o.graph_url
        return o


class OKPlatform:
    """The OK adapter. Built from the config without I/O; :meth:`start` connects."""

    name = "ok"
    # Deletion is per group (``delete_enabled`` and OK's permission); no ban, restore or unban API.
    capabilities = Capabilities(delete=False, ban=False, restore=False, unban=False, verify=True)

    def __init__(self, config: Config, options: OKOptions | None = None, metrics: Metrics | None = None) -> None:
        self.config = config
        self.options = options or OKOptions.from_env()
        self.metrics = metrics or Metrics()
        self._communities = [c for c in config.communities if c.platform == "ok"]
        self._by_id = {c.group_id: c for c in self._communities}
        ok = config.ok
        self.creds: dict[int, Credentials] = {
            c.group_id: Credentials(ok.application_key, ok.application_secret, c.access_token)
            for c in self._communities
        }
        #: group id → why OK refused deletion through the API (the group is on the manual path)
        self.refused: dict[int, str] = {}
        self.client: OKClient | None = None
        self.pollers: dict[int, GroupPoller] = {}
        #: group id → when its poller crashed (recent ones only)
        self.restarts: dict[int, list[float]] = {}
        self.webhooks = [MessagesWebhook(c, lambda: self._sink) for c in self._communities if c.messages]
        self._tasks: list[asyncio.Task[None]] = []
        self._sink: EventSink | None = None
        self._cursors: Cursors | None = None
        self._notes: dict[int, str] = {}
        self._started_at: float | None = None

    # ------------------------------------------------------------------ configuration

    def communities(self) -> Sequence[CommunityConfig]:
        return list(self._communities)

    def routes(self) -> list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]]:
        return [("POST", w.path, w.handle) for w in self.webhooks]

    # ------------------------------------------------------------------ intents → actions

    def plan(self, intent: Intent) -> list[Action]:
        """Pure: what an intent means on OK (see the module docstring)."""
        if isinstance(intent, DeleteIntent):
            return [self._plan_delete(intent.comment, intent.ban)]
        if isinstance(intent, RestoreIntent):
            raise NotActionable(NO_RESTORE)
        if isinstance(intent, BanIntent | UnbanIntent):
            # No ban API: the local blacklist holds the author's next comments for deletion.
            return []
        raise TypeError(f"unknown intent {intent!r}")

    def _plan_delete(self, comment: Comment, ban: BanIntent | None) -> Action:
        if comment.kind == KIND_MESSAGE:
            raise NotActionable(NO_MESSAGE_DELETE)
        if comment.kind != KIND_TOPIC:
            raise NotActionable(f"комментарии вида {comment.kind!r} в OK не поддерживаются")
        community = self._by_id.get(comment.community_id)
        block = ban is not None and _blocks(community, ban)
        params = {**delete_params(comment, block_author=block), "group_id": comment.community_id,
                  "url": comment.url, "author_url": profile_url(comment.author_id)}
        if community is not None and community.delete_enabled and comment.community_id not in self.refused:
            return _action("delete", comment.community_id, DELETE_METHOD, params)
        why = self.refused.get(comment.community_id)
        todo = MANUAL_DELETE_BLOCK if block else MANUAL_DELETE
        return _action("delete", comment.community_id, MANUAL, params, state="manual",
                       error=f"{todo}: {comment.url}" + (f" ({why})" if why else ""))

    # ------------------------------------------------------------------ lifecycle

    async def start(self, sink: EventSink, cursors: Cursors) -> None:
        self._sink, self._cursors = sink, cursors
        self._started_at = time.time()
        self.client = OKClient(self.options.api_url, rate=self.config.ok.requests_per_second,
                               max_attempts=self.options.client_attempts, backoff_cap=self.options.client_backoff_cap,
                               on_error=self.metrics.api_error, on_call=self.metrics.api_call)
        sharing = Counter(cr.access_token for cr in self.creds.values())
        for c in self._communities:
            note = await cursors.get(notice_cursor(c.group_id))
            if note:
                self._notes[c.group_id] = note
                if c.delete_enabled:
                    log.info("ok group %d: %s — trying the API again", c.group_id, note)
            poller = GroupPoller(self.client, self.creds[c.group_id], c, self.config.ok, self._deliver_comments,
                                 cursors, share=sharing[c.access_token], sweep_every=self.options.sweep_every,
                                 deliver_posts=self._deliver_posts)
            self.pollers[c.group_id] = poller
            self._tasks.append(asyncio.create_task(self._keep_polling(c, poller), name=f"ok-poll-{c.group_id}"))
            how = "API deletion (delete_enabled)" if c.delete_enabled else "manual deletion by moderators"
            log.info("community «%s» (ok %d): polling every %g s, topics of the last %g days, %s, %s mode",
                     c.name or c.group_id, c.group_id, self.config.ok.poll_interval, self.config.ok.topic_active_days,
                     how, c.mode)
        for w in self.webhooks:
            self._tasks.append(asyncio.create_task(self._subscribe(w.community), name=f"ok-sub-{w.community.group_id}"))

    async def _keep_polling(self, c: CommunityConfig, poller: GroupPoller) -> None:
        """Run the group's poller; a crash is logged and the poller restarted (a loop)."""
        while True:
            try:
                await poller.run()
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.restarts.setdefault(c.group_id, []).append(time.time())
                log.error("ok poller %d crashed: %s: %s — restarting it in %.0f s", c.group_id, type(exc).__name__,
                          exc, RESTART_DELAY)
                await asyncio.sleep(RESTART_DELAY * (0.75 + random.random() / 2))

    async def _subscribe(self, c: CommunityConfig) -> None:
        """Subscribe the group's webhook; retried with growing pauses until OK accepts it."""
        assert self.client is not None
        delay = 5.0
        while True:
            try:
                await subscribe(self.client.session, self.options.graph_url, c)
                log.info("ok group %d: messages webhook subscribed (%s)", c.group_id, c.messages_url)
                return
            except OKError as exc:
                log.error("ok group %d: cannot subscribe the messages webhook: %s; retry in %.0f s", c.group_id,
                          exc, delay)
            await asyncio.sleep(delay)
            delay = min(900.0, delay * 2)

    async def wait_ready(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(p.ready.is_set() for p in self.pollers.values()):
                return 0
            await asyncio.sleep(0.02)
        return sum(1 for p in self.pollers.values() if not p.ready.is_set())

    async def stop(self) -> None:
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        self._tasks.clear()

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()

    # ------------------------------------------------------------------ events in

    async def _deliver_comments(self, comments: Sequence[Comment], source: str) -> None:
        assert self._sink is not None
        events: list[PlatformEvent] = [CommentEvent(c, "comment_new", "", c.community_id) for c in comments]
        await self._sink(events, source)

    async def _deliver_posts(self, posts: Sequence[PostEvent]) -> None:
        """The group's topics are its publications (clause 15): stored once each by the daemon."""
        assert self._sink is not None
        await self._sink(list(posts), "poll")

    # ------------------------------------------------------------------ actions out

    async def perform(self, actions: Sequence[Action]) -> list[Outcome]:
        return list(await asyncio.gather(*(self._perform_one(a) for a in actions)))

    async def _perform_one(self, action: Action) -> Outcome:
        gid = action.community_id
        if action.method == MANUAL:
            return Manual(action.error or MANUAL_DELETE)
        if action.method != DELETE_METHOD or action.kind != "delete":
            return Failed(f"ok: nothing performs {action.kind} {action.method}")
        url = action.params.get("url", "")
        if gid in self.refused:
            return Manual(f"{MANUAL_DELETE}: {url} ({self.refused[gid]})")
        creds = self.creds.get(gid)
        if creds is None or self.client is None:
            return Retry("OK adapter not started") if creds is not None else \
                Failed(f"no credentials configured for ok group {gid}")
        params = {k: action.params[k] for k in ("discussionId", "discussionType", "comment_id", "block_author")
                  if k in action.params}
        try:
            await self.client.call(DELETE_METHOD, params, creds)
        except OKAPIError as exc:
            if exc.gone:
                await self._api_deletes_again(gid)
                await self._gone(action)
                return Done({"already": exc.code})
            if exc.refused:
                await self._refuse(gid, exc)
                return Manual(f"{MANUAL_DELETE}: {url} ({self.refused[gid]})")
            if exc.code in AUTH:
                return Manual(f"{MANUAL_DELETE}: {url} (токен OK не принят: {describe(exc.code)})")
            if exc.code in (7, 24):  # OK blocked this one action: a person can still do it
                return Manual(f"{MANUAL_DELETE}: {url} (OK отказал: {describe(exc.code)})")
            if exc.code in QUOTA:
                return Retry(str(exc), time.time() + 60.0, count=False)
            if exc.transient:
                return Retry(str(exc))
            return Failed(str(exc))
        except OKTransportError as exc:
            # OK may have deleted it before the answer got lost: the retry checks first.
            return Retry(f"answer lost: {exc}", maybe_sent=True)
        except Exception as exc:  # a bug must not take the outbox down; the action is retried
            log.error("ok: %s failed unexpectedly: %s: %s", action.method, type(exc).__name__, exc)
            return Retry(f"{type(exc).__name__}: {exc}", maybe_sent=True)
        await self._api_deletes_again(gid)
        await self._gone(action)
        return Done(True)

    async def _gone(self, action: Action) -> None:
        poller = self.pollers.get(action.community_id)
        if poller is not None:
            with contextlib.suppress(Exception):  # a bookkeeping hint; never fail the action for it
                await poller.comment_gone(str(action.params.get("discussionId", "")))

    async def _refuse(self, gid: int, exc: OKAPIError) -> None:
        """OK will not delete for this application: the group goes to the manual path, said once."""
        if gid in self.refused:
            return
        self.refused[gid] = f"OK отказал в удалении через API: {describe(exc.code)}"
        c = self._by_id.get(gid)
        log.warning("ok group %d%s: OK refused %s (%s): deletions in this group are now left to the moderators "
                    "(«%s», see `modbot review manual`); ask api-support@ok.ru to grant the application the "
                    "permission, then restart modbot", gid, f" «{c.name}»" if c and c.name else "", DELETE_METHOD,
                    describe(exc.code), MANUAL_DELETE)
        note = f"удаление через API недоступно с {time.strftime('%d.%m.%Y %H:%M')} ({describe(exc.code)}): " \
               f"удаляют модераторы вручную"
        self._notes[gid] = note
        if self._cursors is not None:
            with contextlib.suppress(Exception):
                await self._cursors.set(notice_cursor(gid), note)

    async def _api_deletes_again(self, gid: int) -> None:
        if gid in self._notes and gid not in self.refused:
            del self._notes[gid]
            log.info("ok group %d: OK deletes through the API again", gid)
            if self._cursors is not None:
                with contextlib.suppress(Exception):
                    await self._cursors.set(notice_cursor(gid), "")

    async def verify(self, action: Action) -> bool | None:
        """Is the comment gone? (after a crash, and for deletions left to moderators)."""
        if action.kind != "delete" or self.client is None:
            return None
        creds = self.creds.get(action.community_id)
        topic, cid = action.params.get("discussionId"), action.params.get("comment_id")
        if creds is None or not topic or not cid:
            return None
        try:
            answer = await self.client.call(*comment_call(str(topic), str(cid)), creds, attempts=1)
        except OKAPIError as exc:
            gone: bool | None = True if exc.gone else None
        except OKError:
            return None
        else:
            gone = comment_removed(answer)
        if gone:
            await self._gone(action)
        return gone

    def describe(self, action: Action) -> str:
        p = action.params
        return f"comment {p.get('discussionId')}/{p.get('comment_id')} in ok group {action.community_id}"

    # ------------------------------------------------------------------ health

    def health(self) -> dict[str, Any]:
        """Per group: the poller's figures (topics, backlog, pace), how deletions are done, the
        notice ``modbot status`` prints, and ``problem`` when polling fails or stalls."""
        now = time.time()
        communities = []
        for c in self._communities:
            poller = self.pollers.get(c.group_id)
            recent = [t for t in self.restarts.get(c.group_id, []) if now - t <= RESTART_WINDOW]
            self.restarts[c.group_id] = recent
            deletion = "manual" if not c.delete_enabled else ("manual (OK refused)" if c.group_id in self.refused
                                                              else "api")
            info: dict[str, Any] = {
                "platform": "ok", "group_id": c.group_id, "name": c.name, "mode": c.mode, "receive": "poll",
                "deletion": deletion, "notice": self._notes.get(c.group_id, ""), "restarts_10min": len(recent),
                **(poller.health() if poller else {}),
            }
            last = poller.stats.last_cycle_at if poller else None
            info["last_progress_age_s"] = round(now - last, 1) if last else None
            problems = []
            if poller is not None and poller.stats.failing:
                problems.append(poller.stats.extra.get("problem", "опрос OK не удаётся"))
            if len(recent) >= RESTARTS_DEGRADED:
                problems.append(f"опрос перезапускался {len(recent)} раз за 10 минут")
            since = last or self._started_at
            if since and now - since > self.options.stall_seconds + self.config.ok.poll_interval:
                problems.append(f"опрос OK не завершался {now - since:.0f} с")
            if problems:
                info["problem"] = "; ".join(problems)
            communities.append(info)
        return {"communities": communities, "paused_tokens": {},
                "webhooks": {w.community.group_id: w.received for w in self.webhooks}}


def _blocks(community: CommunityConfig | None, ban: BanIntent) -> bool:
    """Whether the deletion also blocks the author: OK's blocks have no end date, so by default
    only a permanent ban blocks; shorter ones are enforced by the local blacklist."""
    policy = community.block_author if community is not None else "forever"
    return policy == "always" or (policy == "forever" and ban.until is None)


def _action(kind: str, community_id: int, method: str, params: dict[str, Any], *, state: str = "pending",
            error: str = "") -> Action:
    return Action(decision_id=0, kind=kind, platform="ok", community_id=community_id, method=method, params=params,
                  state=state, error=error)


__all__ = ["OKOptions", "OKPlatform", "notice_cursor"]
