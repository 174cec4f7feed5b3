"""Speed of ``modbot report`` on a production-sized database.

Reuses the workspace bench's database (``bench/web.py``'s builder: 200,000 comments over 90 days
on 6 communities of 3 organisations, judged and decided through the real store and decision
service, moderators' decisions, undos, outbox outcomes) and adds the pages' own posts (3–5 a
week each). Then it times the report over the whole 90 days — the figures (every query) and each
format — for every page, for one organisation and for one page.

    .venv/bin/python bench/report.py                    # builds bench/.cache/web-200000.db once, reuses it
    .venv/bin/python bench/report.py --comments 20000   # quicker

Prints one row per case (median / max ms over ``--rounds``) and, last, one JSON line. A report is
made once a quarter, so there is no hard bar; the workspace shows it on a page, where a few
seconds is the most a moderator should wait.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from _common import ROOT, finish, peak_rss_mb

sys.path.insert(0, str(ROOT))

from web import COMMUNITIES, build, config_for  # noqa: E402

from bot.reports.build import make_report, render, select_pages  # noqa: E402
from bot.reports.periods import MSK, parse_period  # noqa: E402
from bot.store import Store  # noqa: E402


def add_posts(db: Path, seed: int = 0) -> int:
    """3–5 posts a week per page over the database's span (once)."""
    rng = random.Random(seed)
    with Store(db) as store:
        if store.report_posts(None, 0, 2**40):
            return 0
        comments = store.report_comments(None, 0, 2**40)
        first, last = float(comments[0]["created_at"]), float(comments[-1]["created_at"])
        n = 0
        for group, _, _ in COMMUNITIES:
            t = first
            while t < last:
                for _ in range(rng.randint(3, 5)):
                    n += 1
                    store.save_post("vk", group, str(n), int(t + rng.uniform(0, 7 * 86400)),
                                    url=f"https://vk.com/wall-{group}_{n}", now=last)
                t += 7 * 86400
        return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--comments", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--db", type=Path, help="database to build/reuse (default bench/.cache/web-N.db)")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    db = args.db or ROOT / "bench" / ".cache" / f"web-{args.comments}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    built: dict[str, Any] = {}
    if args.rebuild or not db.exists():
        db.unlink(missing_ok=True)
        print(f"building {db} ({args.comments:,} comments)")
        built = build(db, args.comments)
    posts = add_posts(db)
    config = config_for(db)
    store = Store(db, readonly=True)
    comments = store.report_comments(None, 0, 2**40)
    first = dt.datetime.fromtimestamp(float(comments[0]["created_at"]), MSK).date()
    last = dt.datetime.fromtimestamp(float(comments[-1]["created_at"]), MSK).date()
    period = parse_period(f"{first:%Y-%m-%d}..{last:%Y-%m-%d}")
    cases = {"every page (6)": {}, "one organisation (2)": {"organisation": "health"},
             "one page": {"communities": ["vk:1"]}}
    rows: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    figures: dict[str, Any] = {}
    for name, sel in cases.items():
        pages, scope = select_pages(config, store.report_pages(), **sel)
        times: dict[str, list[float]] = {"figures": [], "html": [], "xlsx": [], "csv": []}
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            report = make_report(store, period, pages, scope=scope, generated_at=time.time())
            times["figures"].append(time.perf_counter() - t0)
            for fmt in ("html", "xlsx", "csv"):
                t0 = time.perf_counter()
                data = render(report, fmt)
                times[fmt].append(time.perf_counter() - t0)
                sizes[f"{name}:{fmt}"] = len(data)
        for k, v in times.items():
            rows[f"{name}: {k}"] = {"median_ms": round(1000 * statistics.median(v), 1), "max_ms": round(1000 * max(v), 1)}
        if name.startswith("every"):
            t = report.total
            figures = {"received": t.received, "removed": t.removed, "held": t.held, "bans": t.bans,
                       "posts": t.posts, "weeks": len(report.weeks), "removal_rows": len(report.removals)}
    store.close()
    print(f"period {period.title_ru}: {len(comments):,} comments on record, {posts:,} posts added")
    print(f"{'case':<36} {'median ms':>10} {'max ms':>10}")
    for k, v in rows.items():
        print(f"{k:<36} {v['median_ms']:>10} {v['max_ms']:>10}")
    finish({"bench": "report", "comments": args.comments, "rounds": args.rounds, **figures,
            "ms": {k: v["median_ms"] for k, v in rows.items()},
            "bytes": sizes, "peak_rss_mb": peak_rss_mb(), **({"build": built} if built else {})})


if __name__ == "__main__":
    main()
