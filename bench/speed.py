"""Single-process judging speed, model load time and peak memory.

    .venv/bin/python bench/speed.py [--data-dir ../shared/data] [--model models/default] [--limit N] [--no-settle]

Judges the 2ch/pikabu comments (the texts, not the labels) in batches, as the daemon does.
Without the data folder it falls back to the project's seed corpus.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from _common import DEFAULT_DATA, ROOT, finish, peak_rss_mb

csv.field_size_limit(1 << 30)


def texts_from(data_dir: Path) -> tuple[list[str], str]:
    path = data_dir / "2ch_pikabu_toxic" / "labeled.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            return [r["comment"].strip() for r in csv.DictReader(fh)], "2ch_pikabu"
    seed = ROOT / "moderation" / "corpus" / "seed.tsv"
    with seed.open(encoding="utf-8") as fh:
        return [r["text"] for r in csv.DictReader(fh, delimiter="\t")], "seed"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--no-settle", action="store_true", help="judge without the daemon's settle_heap() (as before round 19)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from moderation.judge import Judge, settle_heap

    judge = Judge.load(args.model)
    judge.judge("прогрев")
    load_s = time.perf_counter() - t0
    if not args.no_settle:
        settle_heap()  # as the daemon does once its model is loaded

    texts, source = texts_from(args.data_dir)
    if args.limit:
        texts = texts[: args.limit]
    def one_pass() -> tuple[float, dict[str, int]]:
        t1 = time.perf_counter()
        actions: dict[str, int] = {}
        for i in range(0, len(texts), args.batch):
            for v in judge.judge_many(texts[i : i + args.batch]):
                actions[v.action] = actions.get(v.action, 0) + 1
        return time.perf_counter() - t1, actions

    # First pass: per-word caches start cold (a freshly started daemon). Second pass: warm caches,
    # the steady state of a daemon that has seen a few days of comments.
    elapsed, actions = one_pass()
    warm, _ = one_pass()
    chars = sum(len(t) for t in texts)
    print(f"judged {len(texts)} {source} texts ({chars / len(texts):.0f} chars avg) in {elapsed:.1f} s; actions {actions}")
    finish(
        {
            "comments_per_s": round(len(texts) / elapsed, 1),
            "comments_per_s_warm": round(len(texts) / warm, 1),
            "load_s": round(load_s, 2),
            "peak_rss_mb": peak_rss_mb(),
            "texts": len(texts),
            "source": source,
            "model_version": judge.model_version,
            "heap_settled": not args.no_settle,
        }
    )


if __name__ == "__main__":
    main()
