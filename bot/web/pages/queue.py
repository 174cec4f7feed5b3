"""Очередь: comments held for a human, oldest first, and the decisions taken on them.

``POST /decide`` serves the queue (one comment or a bulk selection), the comment page and the
keyboard shortcuts alike: each comment is one call of the decision service, so two moderators on
one held comment give one decision and a clear message to the second."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.decisions import MODERATOR_ACTIONS, DecisionError
from bot.ladder import escalate
from moderation.verdict import CATEGORIES

from .. import auth
from ..app import NavItem, attempt, done, form, int_param, render, viewer, ws
from ..format import highlight, top_scores

routes = web.RouteTableDef()
NAV = [NavItem("/queue", "Очередь", 10, badge="queue")]
PAGE = 25


def parse_community(raw: str | None, v: auth.Viewer) -> tuple[str, int] | None:
    """A ``vk:1`` filter value the viewer may use, else None (no filter)."""
    if not raw:
        return None
    try:
        ref = auth.parse_community_ref(raw)
    except ValueError:
        return None
    return ref if v.sees(*ref) else None


def ban_preset(violations: int, config: Any) -> int:
    """The ban length the ladder would give this author now (days; 0 = forever); 1 day when the
    ladder never bans (a moderator's explicit choice still needs a length)."""
    outcome = escalate("delete_and_ban", violations, config.ladder)
    return outcome.ban_days if outcome.ban_days is not None else 1


@routes.get("/queue")
async def queue_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    community = parse_community(request.query.get("community"), v)
    category = request.query.get("category") if request.query.get("category") in CATEGORIES else None
    page = int_param(request, "page", 1, 1, 100_000) or 1
    scope = [community] if community else v.scope
    now = w.now()

    def read() -> tuple[list[dict[str, Any]], dict[Any, dict[str, Any]]]:
        items = w.store.review_queue(communities=scope, category=category, limit=PAGE, offset=(page - 1) * PAGE)
        authors = w.store.author_summaries([(i["platform"], i["author_id"]) for i in items],
                                           violations_since=w.config.ladder.window_start(now), now=now)
        return items, authors

    items, authors = await w.db(read)
    if category:
        size, oldest = await w.db(w.store.review_queue_size, communities=scope, category=category)
    else:
        size, oldest = await w.queue_size(scope)
    for item in items:
        item["segments"] = highlight(item["text"], item.get("evidence"))
        item["top_scores"] = top_scores(item.get("scores"))
        a = authors.get((item["platform"], item["author_id"]), {})
        item["author"] = a
        item["ban_preset"] = ban_preset(int(a.get("violations") or 0), w.config)
        item["held_category"] = item.get("category") or (item["top_scores"][0][0] if item["top_scores"] else "")
    return await render(request, "queue.html", items=items, size=size, oldest=oldest, page=page,
                        pages=max(1, -(-size // PAGE)), community=community, category=category or "",
                        communities=w.communities_for(v), categories=CATEGORIES,
                        window_days=w.config.ladder.window_days)


@routes.post("/decide")
async def decide(request: web.Request) -> web.StreamResponse:
    """Keep / delete / delete and ban one or several comments (``id`` repeated for a bulk)."""
    w = ws(request)
    v = viewer(request)
    data = await form(request)
    action = str(data.get("action") or "")
    if action not in MODERATOR_ACTIONS:
        return done(request, False, "Неизвестное решение", default="/queue")
    ids: list[int] = []
    for raw in data.getall("id", []):
        try:
            ids.append(int(str(raw)))
        except ValueError:
            continue
    ids = list(dict.fromkeys(ids))[:200]
    if not ids:
        return done(request, False, "Не выбран ни один комментарий", default="/queue")
    held_only = str(data.get("held") or "1") != "0"
    reason = str(data.get("reason") or "").strip()[:500]
    category = str(data.get("category") or "").strip()
    if category and category not in CATEGORIES:
        return done(request, False, "Неизвестная категория", default="/queue")
    days_raw = str(data.get("ban_days") or "").strip()
    days: int | None = None
    if action == "delete_and_ban" and days_raw:
        try:
            days = int(days_raw)
        except ValueError:
            return done(request, False, "Срок блокировки — целое число дней (0 — бессрочно)", default="/queue")
    now = w.now()

    def one(comment_id: int) -> str:
        row = w.store.get_comment_row(comment_id)
        if row is None:
            raise DecisionError(f"комментарий #{comment_id} не найден")
        if not v.sees(row.platform, row.community_id):
            raise DecisionError(f"комментарий #{comment_id} — не из сообществ вашей организации")
        ban_days = days
        if action == "delete_and_ban" and ban_days is None:
            ban_days = ban_preset(w.store.violations(row.platform, row.author_id, w.config.ladder.window_start(now)),
                                  w.config)
        result = w.service.moderate(comment_id, action, by=v.name, ban_days=ban_days if action == "delete_and_ban"
                                    else None, reason=reason, category=category, held_only=held_only, now=now)
        return result.message

    oks: list[str] = []
    errors: list[str] = []
    results = []
    for comment_id in ids:
        ok, msg = await attempt(request, one, comment_id)
        results.append({"id": comment_id, "ok": ok, "message": msg})
        (oks if ok else errors).append(msg)
    if len(ids) == 1:
        return done(request, not errors, (oks or errors)[0], default="/queue", data=results)
    message = f"Готово: {len(oks)} из {len(ids)}."
    if errors:
        message += " Не получилось: " + "; ".join(errors[:5]) + (" …" if len(errors) > 5 else "")
    return done(request, not errors, message, default="/queue", data=results)

