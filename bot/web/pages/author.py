"""Автор: one author's history on every page and platform the viewer sees — comments with what
became of them, decisions, blacklist entries — and ban / unban."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from moderation.verdict import CATEGORIES

from ..app import int_param, render, viewer, ws
from .queue import ban_preset

routes = web.RouteTableDef()
PAGE = 50


@routes.get("/author")
async def author_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    platform = request.query.get("platform", "vk")
    if platform not in ("vk", "ok"):
        raise web.HTTPNotFound(text="Неизвестная платформа")
    author_id = (request.query.get("id") or "").strip()[:200]
    if not author_id:
        raise web.HTTPNotFound(text="Не указан автор")
    before = int_param(request, "before", None, 1)
    now = w.now()

    def read() -> dict[str, Any]:
        summary = w.store.author_summaries([(platform, author_id)],
                                           violations_since=w.config.ladder.window_start(now), now=now)
        comments = w.store.author_comments(platform, author_id, communities=v.scope, before=before, limit=PAGE + 1)
        decisions = w.store.journal(communities=v.scope, author=(platform, author_id), hide_auto_allow=True,
                                    limit=100)
        bans = [b for b in w.store.bans_of_author(platform, author_id)
                if v.admin or b.community_id is None or v.sees(b.platform, b.community_id)]
        return {"summary": summary[(platform, author_id)], "comments": comments, "decisions": decisions,
                "bans": bans}

    data = await w.db(read)
    comments = data["comments"]
    more = len(comments) > PAGE
    comments = comments[:PAGE]
    active = [b for b in data["bans"] if b.lifted_at is None and (b.until is None or b.until > now)]
    return await render(request, "author.html", platform=platform, author_id=author_id, comments=comments,
                        more=more, next_before=comments[-1]["id"] if comments else None, summary=data["summary"],
                        decisions=data["decisions"], bans=data["bans"], active=active,
                        communities=[c for c in w.communities_for(v) if c.platform == platform],
                        categories=CATEGORIES, ban_preset=ban_preset(int(data["summary"]["violations"]), w.config),
                        q=request.query)
