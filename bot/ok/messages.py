"""Messages citizens write to an OK group (OK Bot API, optional, off by default).

OK's Bot API (../shared/docs/platform-apis.md §5.3) covers the group's private chats only: a
webhook is subscribed with ``POST /graph/me/subscribe`` and OK then POSTs each message as
``{sender: {user_id}, recipient: {chat_id}, message: {text, mid, seq}, timestamp}``; the answer must
be 200 within 5 s or OK retries (and drops the webhook after 8 h of failures). We store the message
(the sink returns once it is stored) before answering 200, so a crash makes OK redeliver instead of
losing it; the ``mid`` dedupes redeliveries. OK offers no way to delete a user's message, so a
violating one is held for the moderators.

The group's Bot API token travels in the subscribe URL's query as OK documents; it is never
logged. The webhook path comes from ``messages_url``; put a long random segment in it, since OK
signs nothing.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from bot.config import CommunityConfig
from bot.platform import CommentEvent, Malformed, PlatformEvent
from bot.types import Comment

from .errors import OKTransportError, mask
from .methods import KIND_MESSAGE, group_url

log = logging.getLogger("modbot.ok")

DEFAULT_GRAPH_URL = "https://api.ok.ru/graph"
#: What a webhook body may weigh (OK messages are short; attachments are not downloaded).
MAX_BODY = 256 * 1024

Sink = Callable[[Sequence[PlatformEvent], str], Awaitable[None]]


def webhook_path(community: CommunityConfig) -> str:
    return urlsplit(community.messages_url).path or "/"


def parse_message(group_id: int, body: Any, received_at: float) -> PlatformEvent:
    """A webhook body → a message as a :class:`Comment` (kind ``ok_message``), or Malformed."""
    if not isinstance(body, dict):
        return Malformed(f"ok group {group_id}: webhook body is not a JSON object", "", group_id)
    sender, recipient, message = body.get("sender"), body.get("recipient"), body.get("message")
    if not (isinstance(sender, dict) and isinstance(recipient, dict) and isinstance(message, dict)):
        return Malformed(f"ok group {group_id}: webhook without sender/recipient/message", "", group_id)
    mid, user, chat = message.get("mid"), sender.get("user_id"), recipient.get("chat_id")
    text = message.get("text", "")
    if not all(isinstance(v, str) and v for v in (mid, user, chat)) or not isinstance(text, str):
        return Malformed(f"ok group {group_id}: webhook message without mid/user_id/chat_id/text", "", group_id)
    ts = body.get("timestamp")
    created = int(ts // 1000) if isinstance(ts, int | float) and not isinstance(ts, bool) and ts > 0 else 0
    comment = Comment(platform="ok", community_id=group_id, kind=KIND_MESSAGE, comment_id=mid, author_id=user,
                      text=text, created_at=created or int(received_at), object_id=chat,
                      url=f"{group_url(group_id)}/messages", received_at=received_at, event_id=mid,
                      raw={k: body[k] for k in ("sender", "recipient", "message", "timestamp") if k in body})
    return CommentEvent(comment, "message_new", mid, group_id)


class MessagesWebhook:
    """The daemon's route for one group's Bot API webhook."""

    def __init__(self, community: CommunityConfig, sink: Callable[[], Sink | None]) -> None:
        self.community = community
        self.path = webhook_path(community)
        self._sink = sink
        self.received = 0

    async def handle(self, request: web.Request) -> web.Response:
        sink = self._sink()
        if sink is None:
            return web.Response(status=503, text="not started")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.Response(status=413, text="too large")
        try:
            body = json.loads(await request.text())
        except (ValueError, UnicodeDecodeError):
            body = None
        event = parse_message(self.community.group_id, body, time.time())
        try:
            await sink([event], "ok_webhook")
        except Exception as exc:  # not stored: let OK redeliver
            log.error("ok group %d: message not stored (%s: %s); OK will redeliver", self.community.group_id,
                      type(exc).__name__, exc)
            return web.Response(status=500, text="retry")
        self.received += 1
        return web.json_response({"success": True})


async def subscribe(session: aiohttp.ClientSession, graph_url: str, community: CommunityConfig) -> None:
    """Ask OK to POST the group's messages to ``messages_url`` (idempotent on OK's side)."""
    url = graph_url.rstrip("/") + "/me/subscribe"
    try:
        async with session.post(url, params={"access_token": community.bot_token},
                                json={"url": community.messages_url},
                                headers={"Content-Type": "application/json;charset=utf-8"},
                                timeout=aiohttp.ClientTimeout(total=20)) as resp:
            text = await resp.text(errors="replace")
            status = resp.status
    except (aiohttp.ClientError, TimeoutError, OSError) as exc:
        raise OKTransportError(f"network error: {type(exc).__name__}", "graph/me/subscribe") from None
    try:
        answer = json.loads(text)
    except ValueError:
        answer = None
    if status != 200 or not isinstance(answer, dict) or not answer.get("success"):
        detail = answer.get("error_msg") or answer.get("error") if isinstance(answer, dict) else text[:80]
        raise OKTransportError(f"HTTP {status}: {detail!r} (bot token {mask(community.bot_token)})",
                               "graph/me/subscribe")


__all__ = ["DEFAULT_GRAPH_URL", "MessagesWebhook", "parse_message", "subscribe", "webhook_path"]
