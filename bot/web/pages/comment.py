"""Комментарий: the full record of one comment — every version of an edited text, every verdict
with its model version, every decision and platform action — and what can be done about it now."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.decisions import UNDOABLE
from moderation.verdict import CATEGORIES

from ..app import render, require_sees, ws
from ..format import highlight, top_scores
from .queue import ban_preset

routes = web.RouteTableDef()


@routes.get("/comment/{id:\\d+}")
async def comment_page(request: web.Request) -> web.Response:
    w = ws(request)
    row_id = int(request.match_info["id"])
    row = await w.db(w.store.get_comment_row, row_id)
    if row is None:
        raise web.HTTPNotFound(text=f"Комментарий #{row_id} не найден")
    v = require_sees(request, row.platform, row.community_id)
    now = w.now()

    def read() -> dict[str, Any]:
        versions = []
        for ver in w.store.comment_versions(row.key):
            verdicts = w.store.verdicts_for(ver.id)
            for vd in verdicts:
                vd["segments"] = highlight(ver.text, vd.get("evidence"))
                vd["top_scores"] = top_scores(vd.get("scores"))
            versions.append({"row": ver, "verdicts": verdicts,
                             "segments": highlight(ver.text, verdicts[-1].get("evidence") if verdicts else None)})
        decisions = w.store.decisions_of_comment(row.key)
        current = w.store.latest_verdict_decision(row.key)
        author = w.store.author_summaries([(row.platform, row.author_id)],
                                          violations_since=w.config.ladder.window_start(now), now=now)
        bans = w.store.active_bans_of(row.platform, row.author_id, row.community_id, now)
        return {"versions": versions, "decisions": decisions, "current": current,
                "author": author.get((row.platform, row.author_id), {}), "bans": bans}

    data = await w.db(read)
    latest = data["versions"][-1]["row"] if data["versions"] else row
    current = data["current"]
    state = current["action"] if current else None
    held_category = (current or {}).get("category") or ""
    if not held_category and current and current.get("scores"):
        held_category = top_scores(current["scores"])[0][0]
    return await render(request, "comment.html", row=row, latest=latest, state=state, undoable=UNDOABLE,
                        ban_preset=ban_preset(int(data["author"].get("violations") or 0), w.config),
                        categories=CATEGORIES, held_category=held_category, viewer_sees=v.sees,
                        platform_wide_ban=any(b.community_id is None for b in data["bans"]), **data)
