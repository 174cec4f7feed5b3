"""The report's numbers, computed from the moderation record (read-only) for a period and pages.

Every figure is a count over what the journal holds, so the same database and period always give
the same report, on any machine (a copy of the file is enough): nothing here looks at the clock.
Where the record itself ends (``data_until``: the last moment anything was written, the daemon's
heartbeat included) and where it begins for a page (``watched_since``) are read from the
database too, so a week the record does not cover is said to be unknown rather than counted as
a week without posts.

Definitions (also printed in the report's notes):

* **received** — comments (and, separately, messages to the page) by citizens, counted once by the
  time their author wrote them (the platform's date: a comment caught up after an outage belongs
  to its own day; an edit is not a new comment; the page's own replies are left out);
* **removed** — comments whose deletion was decided in the period and still stands: not undone,
  not reversed by a later decision; decisions in *shadow* mode removed nothing and are counted
  apart. ``removed_unconfirmed``: of those, the platform has not (yet) confirmed the deletion;
* **blacklisted** — blacklist entries made in the period (by the ladder, a moderator or mirrored
  from a ban made on the platform), except those an undo lifted;
* **held for review** — comments the judge held for a moderator; the time to a decision runs from
  the hold to the first moderator's decision about the comment (median, 95th percentile by the
  nearest-rank method);
* **automatic actions undone** — automatic removals of the period that a moderator undid;
* **weeks** — ISO weeks whose Thursday is in the period, counted whole (clause 15); a week is
  ``met`` (≥ 3 posts), ``missed``, ``incomplete`` (it ends after the record does) or ``no_data``
  (it ended before the record of that page begins).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from moderation.categories import GROUP_NAMES_RU
from moderation.verdict import CATEGORIES, CATEGORY_NAMES_RU, GROUNDS

from .periods import IsoWeek, Period, msk
from .watch import REQUIRED_PER_WEEK

__all__ = ["Figures", "Page", "PageReport", "Post", "Removal", "Report", "WeekRow", "build_report",
           "category_name", "attribute_name"]

PLATFORM_NAMES = {"vk": "ВКонтакте", "ok": "Одноклассники"}
MESSAGE_KINDS = frozenset({"message", "ok_message"})
NO_CATEGORY = ""
BUSIEST_DAYS = 5
DAY = 86400


def category_name(category: str) -> str:
    """Russian name of a category ("без категории" for a removal that names none)."""
    if not category:
        return "без категории"
    return CATEGORY_NAMES_RU.get(category, category)


def attribute_name(target: str) -> str:
    return GROUP_NAMES_RU.get(target, target)


@dataclass(frozen=True)
class Page:
    """One official page: its platform, community id and the name and organisation from the config."""

    platform: str
    community_id: int
    name: str = ""
    organisation: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.platform, self.community_id)

    @property
    def platform_ru(self) -> str:
        return PLATFORM_NAMES.get(self.platform, self.platform)

    @property
    def title(self) -> str:
        """«Администрация города Пятигорска» (ВКонтакте) — or the id when the config has no name."""
        return f"«{self.short}» ({self.platform_ru})"

    @property
    def short(self) -> str:
        """The configured name, else ``vk:1`` (the id as ``--community`` takes it)."""
        return self.name or f"{self.platform}:{self.community_id}"


@dataclass
class WeekRow:
    week: IsoWeek
    comments: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    posts: int = 0
    #: met | missed | incomplete | no_data ("" in the organisation's total)
    status: str = ""


@dataclass(frozen=True)
class Removal:
    """One row of the removal table."""

    decision_id: int
    at: float
    page: Page
    url: str
    kind: str
    category: str
    ground: str
    decided_by: str
    done_by: str
    confirmed: bool
    text: str | None

    @property
    def who_ru(self) -> str:
        who = "автоматически" if self.decided_by == "auto" else self.decided_by
        if self.done_by:
            who += f"; удалил вручную: {self.done_by}"
        return who


@dataclass(frozen=True)
class Post:
    page: Page
    post_id: str
    created_at: int
    url: str


@dataclass
class Figures:
    """The figures of one page, or of all the report's pages together."""

    received_comments: int = 0
    received_messages: int = 0
    removed: int = 0
    removed_by_category: Counter[str] = field(default_factory=Counter)
    removed_by_attribute: Counter[str] = field(default_factory=Counter)
    removed_unconfirmed: int = 0
    shadow_removals: int = 0
    blacklisted_authors: int = 0
    bans: int = 0
    #: ban length in days (None: forever) → entries
    bans_by_duration: Counter[int | None] = field(default_factory=Counter)
    held: int = 0
    held_decided: int = 0
    held_waiting: int = 0
    held_other: int = 0
    review_delays: list[float] = field(default_factory=list)
    auto_actions: int = 0
    auto_undone: int = 0
    posts: int = 0
    weeks: list[WeekRow] = field(default_factory=list)
    days: Counter[dt.date] = field(default_factory=Counter)
    removal_days: Counter[dt.date] = field(default_factory=Counter)
    watched_since: float | None = None

    @property
    def received(self) -> int:
        return self.received_comments + self.received_messages

    @property
    def per_1000(self) -> float | None:
        """Removals per 1,000 comments and messages received (None when nothing was received)."""
        return None if not self.received else 1000.0 * self.removed / self.received

    @property
    def removed_share(self) -> float | None:
        return None if not self.received else self.removed / self.received

    @property
    def undone_share(self) -> float | None:
        """The judge's visible error rate: automatic removals moderators undid."""
        return None if not self.auto_actions else self.auto_undone / self.auto_actions

    @property
    def review_median(self) -> float | None:
        return statistics.median(self.review_delays) if self.review_delays else None

    @property
    def review_p95(self) -> float | None:
        """95th percentile, nearest rank: the smallest delay that 95 % of decisions were within."""
        if not self.review_delays:
            return None
        ordered = sorted(self.review_delays)
        return ordered[max(1, math.ceil(0.95 * len(ordered))) - 1]

    def weeks_with(self, status: str) -> list[WeekRow]:
        return [w for w in self.weeks if w.status == status]

    @property
    def weeks_met(self) -> int:
        return len(self.weeks_with("met"))

    @property
    def weeks_missed(self) -> int:
        return len(self.weeks_with("missed"))

    @property
    def weeks_counted(self) -> int:
        """Weeks the rule can be judged on (complete and covered by the record)."""
        return self.weeks_met + self.weeks_missed

    @property
    def weeks_share(self) -> float | None:
        return None if not self.weeks_counted else self.weeks_met / self.weeks_counted

    def busiest(self, n: int = BUSIEST_DAYS) -> list[tuple[dt.date, int, int]]:
        """The days with the most comments received: (day, comments, removals), busiest first."""
        top = sorted(self.days.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(day, count, self.removal_days.get(day, 0)) for day, count in top]

    @property
    def empty(self) -> bool:
        return not (self.received or self.removed or self.shadow_removals or self.bans or self.held or self.posts
                    or self.auto_actions)


@dataclass
class PageReport:
    page: Page
    figures: Figures


@dataclass
class Report:
    period: Period
    scope: str
    pages: list[PageReport]
    total: Figures
    removals: list[Removal]
    posts: list[Post]
    categories: list[str]
    weeks: list[IsoWeek]
    generated_at: float
    data_until: float | None
    with_texts: bool = False
    #: page-weeks of the total judged on clause 15 (met, counted)
    page_weeks_met: int = 0
    page_weeks_counted: int = 0

    @property
    def empty(self) -> bool:
        return self.total.empty

    @property
    def page_weeks_share(self) -> float | None:
        return None if not self.page_weeks_counted else self.page_weeks_met / self.page_weeks_counted

    @property
    def attributes(self) -> list[str]:
        """Protected attributes that occur, in the registry's order."""
        known = [t for t in GROUP_NAMES_RU if self.total.removed_by_attribute.get(t)]
        return known + sorted(t for t in self.total.removed_by_attribute if t not in GROUP_NAMES_RU)

    @property
    def durations(self) -> list[int | None]:
        """Ban lengths that occur: shortest first, forever last."""
        keys = self.total.bans_by_duration
        return sorted(k for k in keys if k is not None) + ([None] if None in keys else [])


# --------------------------------------------------------------------------- building


def _ordered_categories(seen: Iterable[str]) -> list[str]:
    seen = set(seen)
    known = [c for c in CATEGORIES if c in seen]
    return known + sorted(c for c in seen if c not in CATEGORIES)


def _targets(row: dict[str, Any], category: str) -> list[str]:
    """Protected attributes of a removal: the targets of the evidence for its category (the
    decision's evidence, else — a moderator's decision — the comment's latest verdict's)."""
    evidence = row.get("evidence") or row.get("verdict_evidence") or []
    out: list[str] = []
    for item in evidence:
        if not isinstance(item, dict):
            continue
        target = item.get("target")
        if target and (item.get("category") == category or not category) and target not in out:
            out.append(str(target))
    return out


def _category(row: dict[str, Any]) -> str:
    if row.get("category"):
        return str(row["category"])
    labels = [c for c in (row.get("labels") or []) if isinstance(c, str)]
    return labels[0] if labels else NO_CATEGORY


@lru_cache(maxsize=65536)
def _day_of_slot(slot: int) -> tuple[dt.date, str]:
    """The Moscow date and ISO week key of a half-hour slot (time zones change on such bounds)."""
    day = msk(slot * 1800).date()
    iso = day.isocalendar()
    return day, f"{iso[0]}-W{iso[1]:02d}"


def day_and_week(ts: float) -> tuple[dt.date, str]:
    """Moscow date and ISO week of a moment — a dictionary lookup for the 200,000 comments of a
    busy quarter instead of a time-zone conversion each."""
    return _day_of_slot(int(ts // 1800))


def _ban_days(row: dict[str, Any]) -> int | None:
    if row["until"] is None:
        return None
    return max(0, round((float(row["until"]) - float(row["created_at"])) / DAY))


def build_report(store: Any, period: Period, pages: Sequence[Page], *, generated_at: float, scope: str = "",
                 with_texts: bool = False) -> Report:
    """All the report's figures for ``pages`` over ``period`` (see the module's definitions)."""
    weeks = period.weeks()
    span_start = min([period.start] + [w.start for w in weeks[:1]])
    span_end = max([period.end] + [w.end for w in weeks[-1:]])
    keys = [p.key for p in pages]
    by_key = {p.key: p for p in pages}
    figs: dict[tuple[str, int], Figures] = {}
    week_index: dict[tuple[str, int], dict[str, WeekRow]] = {}
    for p in pages:
        f = figs[p.key] = Figures()
        f.weeks = [WeekRow(w) for w in weeks]
        week_index[p.key] = {w.week.key: w for w in f.weeks}

    def week_row(key: tuple[str, int], ts: float) -> WeekRow | None:
        return week_index[key].get(day_and_week(ts)[1])

    coverage, data_until = store.report_coverage()
    for p in pages:
        figs[p.key].watched_since = coverage.get(p.key)

    # -- received
    for r in store.report_comments(keys, span_start, span_end):
        key = (r["platform"], int(r["community_id"]))
        f, ts = figs[key], float(r["created_at"])
        w = week_row(key, ts)
        if w is not None:
            w.comments += 1
        if period.holds(ts):
            if r["kind"] in MESSAGE_KINDS:
                f.received_messages += 1
            else:
                f.received_comments += 1
            f.days[day_and_week(ts)[0]] += 1

    # -- removals, automatic actions and their undoing
    undone = store.report_undone()
    removals: list[Removal] = []
    categories_seen: set[str] = set()
    for r in store.report_removals(keys, span_start, span_end):
        key = (r["platform"], int(r["community_id"]))
        f, ts = figs[key], float(r["at"])
        category = _category(r)
        enforced = r["mode"] == "enforce"
        effective = enforced and r["standing"]
        in_period = period.holds(ts)
        if effective:
            w = week_row(key, ts)
            if w is not None:
                w.removals[category] += 1
                categories_seen.add(category)
        if not in_period:
            continue
        if r["decided_by"] == "auto" and enforced:
            f.auto_actions += 1
            if int(r["id"]) in undone:
                f.auto_undone += 1
        if not enforced and r["standing"]:
            f.shadow_removals += 1
        if not effective:
            continue
        categories_seen.add(category)
        f.removed += 1
        f.removed_by_category[category] += 1
        for target in _targets(r, category):
            f.removed_by_attribute[target] += 1
        confirmed = r["delete_state"] == "done"
        if not confirmed:
            f.removed_unconfirmed += 1
        f.removal_days[day_and_week(ts)[0]] += 1
        removals.append(Removal(
            decision_id=int(r["id"]), at=ts, page=by_key[key], url=r["url"] or "", kind=r["kind"] or "",
            category=category, ground=GROUNDS.get(category, r["reason"] or ""), decided_by=str(r["decided_by"]),
            done_by=str(r["done_by"] or ""), confirmed=confirmed, text=(r["text"] or "") if with_texts else None))

    # -- held for review
    for r in store.report_reviews(keys, period.start, period.end):
        key = (r["platform"], int(r["community_id"]))
        f = figs[key]
        f.held += 1
        if r["decided_at"] is not None:
            f.held_decided += 1
            f.review_delays.append(max(0.0, float(r["decided_at"]) - float(r["at"])))
        elif r["superseded"]:
            f.held_other += 1
        else:
            f.held_waiting += 1

    # -- blacklist entries (an organisation-wide or platform-wide ban is one entry per page; the
    #    total counts each decision's ban of an author once)
    seen: dict[tuple[str, int] | None, set[tuple[str, str, str]]] = defaultdict(set)
    total_authors: set[tuple[str, str]] = set()
    total_bans: Counter[int | None] = Counter()
    for r in store.report_bans(keys, period.start, period.end):
        if r["decision_id"] is not None and int(r["decision_id"]) in undone:
            continue
        if r["community_id"] is not None:
            owner: tuple[str, int] | None = (r["platform"], int(r["community_id"]))
        elif r["decision_community"] is not None and (r["platform"], int(r["decision_community"])) in figs:
            owner = (r["platform"], int(r["decision_community"]))
        else:
            owner = None  # every page of the platform: counted in the total only
        entry = (str(r["platform"]), str(r["author_id"]),
                 f"d{r['decision_id']}" if r["decision_id"] is not None else f"b{r['id']}")
        days = _ban_days(r)
        if owner is not None and owner in figs and entry not in seen[owner]:
            seen[owner].add(entry)
            f = figs[owner]
            f.bans += 1
            f.bans_by_duration[days] += 1
        if entry not in seen[None]:
            seen[None].add(entry)
            total_authors.add(entry[:2])
            total_bans[days] += 1
    for key, entries in seen.items():
        if key is not None:
            figs[key].blacklisted_authors = len({e[:2] for e in entries})

    # -- the page's own publications
    posts: list[Post] = []
    for r in store.report_posts(keys, span_start, span_end):
        key = (r["platform"], int(r["community_id"]))
        f, ts = figs[key], int(r["created_at"])
        w = week_row(key, ts)
        if w is not None:
            w.posts += 1
        if period.holds(ts):
            f.posts += 1
            posts.append(Post(by_key[key], str(r["post_id"]), ts, r["url"] or ""))

    for p in pages:
        f = figs[p.key]
        for w in f.weeks:
            if (f.watched_since is None or data_until is None or w.week.end <= f.watched_since
                    or w.week.start >= data_until):
                w.status = "no_data"  # the record of this page does not reach this week
            elif w.week.end > data_until:
                w.status = "incomplete"  # the record ends inside the week
            else:
                w.status = "met" if w.posts >= REQUIRED_PER_WEEK else "missed"

    total = _total([figs[p.key] for p in pages], weeks)
    total.bans, total.bans_by_duration, total.blacklisted_authors = sum(total_bans.values()), total_bans, \
        len(total_authors)
    report = Report(period=period, scope=scope, pages=[PageReport(p, figs[p.key]) for p in pages], total=total,
                    removals=removals, posts=posts, categories=_ordered_categories(categories_seen), weeks=weeks,
                    generated_at=generated_at, data_until=data_until, with_texts=with_texts)
    report.page_weeks_met = sum(figs[p.key].weeks_met for p in pages)
    report.page_weeks_counted = sum(figs[p.key].weeks_counted for p in pages)
    return report


def _total(parts: Sequence[Figures], weeks: Sequence[IsoWeek]) -> Figures:
    """The pages together (blacklist figures are filled by the caller: entries are deduplicated)."""
    t = Figures()
    for f in parts:
        for name in ("received_comments", "received_messages", "removed", "removed_unconfirmed", "shadow_removals",
                     "held", "held_decided", "held_waiting", "held_other", "auto_actions", "auto_undone", "posts"):
            setattr(t, name, getattr(t, name) + getattr(f, name))
        t.removed_by_category.update(f.removed_by_category)
        t.removed_by_attribute.update(f.removed_by_attribute)
        t.review_delays += f.review_delays
        t.days.update(f.days)
        t.removal_days.update(f.removal_days)
        if f.watched_since is not None:
            t.watched_since = f.watched_since if t.watched_since is None else min(t.watched_since, f.watched_since)
    t.weeks = [WeekRow(w) for w in weeks]
    for i, row in enumerate(t.weeks):
        for f in parts:
            row.comments += f.weeks[i].comments
            row.removals.update(f.weeks[i].removals)
            row.posts += f.weeks[i].posts
    return t
