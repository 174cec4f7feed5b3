"""Сводка: what moderation did, drawn from our own journal — comments, deletions, held and undone
per day, per category and per community; the queue; how fast comments are acted on; and the share
of the judge's automatic actions that moderators undid (its visible error rate)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from typing import Any

from aiohttp import web

from bot.reports.watch import posting_watch
from moderation.verdict import CATEGORIES

from ..app import NavItem, int_param, render, viewer, ws
from ..charts import Series, bars, lines
from ..format import DAY_OFFSET, category_ru
from .queue import parse_community

routes = web.RouteTableDef()
NAV = [NavItem("/dashboard", "Сводка", 30)]
PERIODS = (7, 30, 90)
DELETIONS = ("delete", "delete_and_ban")


def _label(day: int) -> str:
    return dt.date.fromordinal(dt.date(1970, 1, 1).toordinal() + day).strftime("%d.%m")


@routes.get("/dashboard")
async def dashboard_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)
    days = int_param(request, "days", 30, 1, 366) or 30
    community = parse_community(request.query.get("community"), v)
    scope = [community] if community else v.scope
    now = w.now()
    today = int((now + DAY_OFFSET) // 86400)
    first = today - days + 1
    since = first * 86400 - DAY_OFFSET

    data = await w.db(w.store.dashboard, since, communities=scope, day_offset=DAY_OFFSET,
                      extra_communities=[c.key for c in w.config.communities])
    queue_size, oldest = await w.queue_size(scope)
    # clause 15: this week's posts of each page (a page on course to miss 3 is highlighted)
    posting = await w.db(posting_watch, w.store, [(c.platform, c.group_id, c.name) for c in w.communities_for(v)
                                                  if community is None or c.key == community], now)
    day_list = list(range(first, today + 1))
    index = {d: i for i, d in enumerate(day_list)}
    labels = [_label(d) for d in day_list]
    n = len(day_list)

    comments_by_comm: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0] * n)
    for r in data["comments"]:
        if r["day"] in index:
            comments_by_comm[(r["platform"], r["community_id"])][index[r["day"]]] += r["n"]
    deleted_by_cat: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    held, undone = [0.0] * n, [0.0] * n
    per_comm: dict[tuple[str, Any], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_cat: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, vals in comments_by_comm.items():
        per_comm[key]["comments"] += int(sum(vals))
    for r in data["decisions"]:
        i = index.get(r["day"])
        if i is None:
            continue
        key = (r["platform"], r["community_id"])
        cat = r["category"] or ""
        if r["action"] in DELETIONS:
            deleted_by_cat[cat][i] += r["n"]
            per_comm[key]["deleted"] += r["n"]
            per_cat[cat]["deleted"] += r["n"]
            per_cat[cat]["auto" if r["auto"] else "moderator"] += r["n"]
        if r["action"] == "delete_and_ban" or r["action"] == "ban":
            per_comm[key]["bans"] += r["n"]
        if r["action"] == "review":
            held[i] += r["n"]
            per_comm[key]["held"] += r["n"]
            per_cat[cat]["held"] += r["n"]
    for r in data["undone"]:
        i = index.get(r["day"])
        if i is None:
            continue
        undone[i] += r["n"]
        per_comm[(r["platform"], r["community_id"])]["undone"] += r["n"]
        per_cat[r["category"] or ""]["undone"] += r["n"]

    names = {key: w.community_name(*key) for key in comments_by_comm}
    ranked = sorted(comments_by_comm, key=lambda k: -sum(comments_by_comm[k]))
    comm_series = [Series(names[k], comments_by_comm[k], i) for i, k in enumerate(ranked[:7])]
    if len(ranked) > 7:
        rest = [sum(comments_by_comm[k][i] for k in ranked[7:]) for i in range(n)]
        comm_series.append(Series("другие", rest, 7))
    cat_order = [c for c in CATEGORIES if c in deleted_by_cat] + [c for c in deleted_by_cat if c not in CATEGORIES]
    cat_series = [Series(category_ru(c) if c else "без категории", deleted_by_cat[c], CATEGORIES.index(c)
                         if c in CATEGORIES else 7) for c in cat_order]
    charts = {
        "comments": bars(labels, comm_series, title="Комментарии по дням"),
        "deleted": bars(labels, cat_series, title="Удалено по дням и категориям"),
        "held": lines(labels, [Series("на проверку", held, 0), Series("отменено модераторами", undone, 3)],
                      title="Отправлено на проверку и отменено по дням"),
    }
    auto_total = sum(int(r["n"]) for r in data["auto_undone"])
    auto_undone = sum(int(r["undone"] or 0) for r in data["auto_undone"])
    delays = data["delays"]
    communities = sorted(per_comm.items(), key=lambda kv: -kv[1].get("comments", 0))
    return await render(
        request, "dashboard.html", days=days, periods=PERIODS, community=community,
        communities=w.communities_for(v), charts=charts, comm_legend=comm_series, cat_legend=cat_series,
        queue_size=queue_size, oldest=oldest, per_comm=communities, per_cat=sorted(per_cat.items()),
        auto_undone_rows=data["auto_undone"], auto_total=auto_total, auto_undone=auto_undone,
        median_auto=statistics.median(delays["auto"]) if delays["auto"] else None,
        median_moderator=statistics.median(delays["moderator"]) if delays["moderator"] else None,
        total_comments=sum(v.get("comments", 0) for _, v in communities),
        total_deleted=sum(v.get("deleted", 0) for _, v in communities),
        total_held=int(sum(held)), total_undone=int(sum(undone)), posting=posting,
    )
