"""The posting-rate watch (clause 15: at least 3 publications by the page each week).

Platform-free and pure apart from one store read: the daemon asks it every few minutes, ``modbot
status`` and the workspace's dashboard ask it when they are shown. A page is **on course to miss**
the week's 3 posts when it is behind these milestones (Moscow time):

* Thursday 18:00 — fewer than 2 posts (the decree's week is half gone with most of it to do);
* Saturday 12:00 — fewer than 3 posts (a day and a half left).

Earlier in the week nothing is said: 3 posts in the remaining days are still ordinary work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .periods import MSK, IsoWeek, msk, week_of

REQUIRED_PER_WEEK = 3
#: (weekday 0=Monday, hour) from which at least N posts are expected.
MILESTONES: tuple[tuple[int, int, int, str], ...] = (
    (3, 18, 2, "к вечеру четверга (18:00)"),
    (5, 12, 3, "к полудню субботы"),
)

__all__ = ["MILESTONES", "REQUIRED_PER_WEEK", "WatchItem", "posting_watch", "watch_page"]


@dataclass(frozen=True)
class WatchItem:
    """One page's week so far: ``posts`` of ``REQUIRED_PER_WEEK``; ``at_risk`` with ``message``."""

    platform: str
    community_id: int
    name: str
    week: IsoWeek
    posts: int
    at_risk: bool
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"platform": self.platform, "community_id": self.community_id, "name": self.name,
                "week": self.week.key, "dates": self.week.dates_ru, "posts": self.posts,
                "required": REQUIRED_PER_WEEK, "at_risk": self.at_risk, "message": self.message}


def expected_by(now: float) -> tuple[int, str]:
    """How many posts the week should have by ``now`` and the milestone's wording (0, "" before
    the first milestone)."""
    t = msk(now)
    monday = dt.datetime(t.year, t.month, t.day, tzinfo=MSK) - dt.timedelta(days=t.weekday())
    need, when = 0, ""
    for weekday, hour, n, words in MILESTONES:
        if t >= monday + dt.timedelta(days=weekday, hours=hour):
            need, when = n, words
    return need, when


def watch_page(platform: str, community_id: int, name: str, posts: int, now: float) -> WatchItem:
    """Judge one page's week from the number of its posts since Monday 00:00 Moscow time."""
    week = week_of(msk(now).date())
    need, when = expected_by(now)
    page = f"«{name}»" if name else f"{platform} {community_id}"
    if posts >= REQUIRED_PER_WEEK:
        return WatchItem(platform, community_id, name, week, posts, False,
                         f"{page}: норма недели выполнена ({posts} публ.)")
    if posts < need:
        return WatchItem(platform, community_id, name, week, posts, True,
                         f"{page}: {when} опубликовано {posts} из {REQUIRED_PER_WEEK} обязательных публикаций "
                         f"недели ({week.dates_ru}, п. 15) — норма под угрозой")
    return WatchItem(platform, community_id, name, week, posts, False,
                     f"{page}: {posts} из {REQUIRED_PER_WEEK} публикаций за неделю ({week.dates_ru})")


def posting_watch(store: Any, pages: Sequence[tuple[str, int, str]], now: float) -> list[WatchItem]:
    """Every page's week so far (``pages``: platform, community id, name)."""
    week = week_of(msk(now).date())
    return [watch_page(platform, gid, name, store.count_posts(platform, gid, week.start, week.end), now)
            for platform, gid, name in pages]
