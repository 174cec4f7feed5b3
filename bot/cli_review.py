"""``modbot review …`` and ``modbot undo …``: the decision service from a terminal (over SSH).

Argument parsing and printing only: every decision goes through :class:`bot.decisions.DecisionService`
(one transaction per call), and the running daemon's outbox performs the actions it queues. These
commands never call a platform, so the tokens' environment variables need not be set.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from typing import Any

from bot.cli_daemon import MissingConfig, _config_arg, _db_arg, _err, _fmt_time, config_file, db_path

DEFAULT_BY = os.environ.get("USER", "") or "cli"


def register(sub: Any) -> None:
    """Add ``review`` and ``undo`` to ``modbot``'s subparsers."""
    p = sub.add_parser("review", help="comments held for a moderator: list, show, keep, delete; manual actions done")
    rv = p.add_subparsers(dest="review_command", required=True)

    q = rv.add_parser("list", help="held comments, oldest first")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.add_argument("--platform", help="only this platform (vk, ok)")
    q.add_argument("--community", type=int, help="only this community id")
    q.add_argument("--category", help="only comments held for this category")
    q.add_argument("--limit", type=int, default=50, help="how many (50)")
    q.set_defaults(func=cmd_review_list)

    q = rv.add_parser("show", help="one held comment: text, evidence, scores, ground, link")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("id", type=int, help="the id `review list --format json` gives")
    q.set_defaults(func=cmd_review_show)

    q = rv.add_parser("keep", help="leave the comment up (it was fine)")
    _decide_args(q)
    q.set_defaults(func=cmd_review_keep)

    q = rv.add_parser("delete", help="delete the comment; with --ban-days also ban its author")
    _decide_args(q)
    q.add_argument("--ban-days", type=int, help="also ban the author for N days (0 = forever); omit: no ban")
    q.add_argument("--category", help="the violated category (default: the one it was held for)")
    q.set_defaults(func=cmd_review_delete)

    q = rv.add_parser("done", help="mark a manual action (delete by hand on a platform without an API for it) done")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("id", type=int, help="the action id (`review list` shows manual actions)")
    q.add_argument("--by", default=DEFAULT_BY, help="who did it (default: $USER)")
    q.set_defaults(func=cmd_review_done)

    p = sub.add_parser("undo", help="undo a deletion or ban: restore the comment, lift the ban it caused")
    _config_arg(p)
    _db_arg(p)
    p.add_argument("decision_id", type=int, help="the decision to undo (`modbot decisions` lists ids)")
    p.add_argument("--by", required=True, help="who undoes it")
    p.add_argument("--reason", default="", help="why (journalled)")
    p.set_defaults(func=cmd_undo)


def _decide_args(q: argparse.ArgumentParser) -> None:
    _config_arg(q)
    _db_arg(q)
    q.add_argument("id", type=int, help="the id `review list --format json` gives")
    q.add_argument("--by", default=DEFAULT_BY, help="who decides (default: $USER)")
    q.add_argument("--reason", default="", help="a note for the journal")


# --------------------------------------------------------------------------- context


class _Context:
    """The store, the config (if any) and the decision service of one command."""

    def __init__(self, args: argparse.Namespace, *, create: bool = False, readonly: bool = False) -> None:
        from bot.adapters import build_platforms
        from bot.config import Config, load_config
        from bot.decisions import DecisionService
        from bot.store import Store

        config = Config()
        named, _ = config_file(args)
        if named.is_file():
            config = load_config(named, secrets=False)
        path = db_path(args)  # MissingConfig when a named config does not exist
        if not path.exists() and not create:
            raise FileNotFoundError(f"no database at {path} (use --db or --config)")
        self.config = config
        self.store = Store(path, readonly=readonly)
        self.service = DecisionService(self.store, config, build_platforms(config))

    def close(self) -> None:
        self.store.close()


def decide(args: argparse.Namespace, body: Any, *, create: bool = False, nothing_to_do: int = 2,
           readonly: bool = False) -> int:
    """Run ``body(ctx)`` with a store and decision service; decision errors become one line and an
    exit code (1 conflict, ``nothing_to_do`` for other refusals, 2 bad config/database)."""
    from bot.config import ConfigError
    from bot.decisions import Conflict, DecisionError

    try:
        ctx = _Context(args, create=create, readonly=readonly)
    except (ConfigError, MissingConfig, FileNotFoundError, RuntimeError) as exc:
        _err(str(exc))
        return 2
    try:
        return int(body(ctx) or 0)
    except Conflict as exc:
        _err(str(exc))
        return 1
    except DecisionError as exc:
        _err(str(exc))
        return nothing_to_do
    finally:
        ctx.close()


# --------------------------------------------------------------------------- commands


def _held(ctx: _Context, args: argparse.Namespace) -> list[dict[str, Any]]:
    communities = None
    if args.platform or args.community is not None:
        known = {(r["platform"], r["community_id"]) for r in ctx.store.status()["communities"]}
        communities = [(p, c) for p, c in known
                       if (not args.platform or p == args.platform)
                       and (args.community is None or c == args.community)]
    return ctx.store.review_queue(communities=communities, category=args.category, limit=max(1, args.limit))


def _item(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"], "key": r["key"], "platform": r["platform"], "community_id": r["community_id"],
        "author_id": r["author_id"], "text": r["text"], "url": r["url"], "held_at": r["held_at"],
        "category": r["category"], "labels": r["labels"], "reason": r["reason"], "scores": r["scores"],
        "evidence": r["evidence"], "model_version": r["model_version"], "decision_id": r["decision_id"],
    }


def cmd_review_list(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        rows = _held(ctx, args)
        manual = ctx.store.actions(("manual",))
        if args.format == "json":
            for r in rows:
                print(json.dumps(_item(r), ensure_ascii=False))
            for a in manual:
                print(json.dumps({"manual_action": a["id"], "kind": a["kind"], "platform": a["platform"],
                                  "community_id": a["community_id"], "url": a["url"], "reason": a["last_error"]},
                                 ensure_ascii=False))
            return 0
        total, oldest = ctx.store.review_queue_size()
        print(f"held for review: {total}" + (f", oldest since {_fmt_time(oldest)}" if oldest else ""))
        for r in rows:
            text = " ".join(r["text"].split())
            print(f"#{r['id']}  {r['platform']} {r['community_id']}  author {r['author_id']}  "
                  f"{r['category'] or '-'}  {_fmt_time(r['held_at'])}\n    «{text[:100]}{'…' if len(text) > 100 else ''}»")
        if manual:
            print(f"to do by hand on the platform: {len(manual)} (mark with `modbot review done ID`)")
            for a in manual:
                print(f"  action #{a['id']} {a['kind']} {a['platform']} {a['community_id']} {a['url'] or ''}"
                      f"  {a['last_error']}")
        return 0

    return decide(args, body, readonly=True)


def cmd_review_show(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        row = ctx.store.get_comment_row(args.id)
        if row is None:
            _err(f"no comment #{args.id}")
            return 2
        current = ctx.store.latest_verdict_decision(row.key)
        print(f"comment #{row.id} ({row.key}, version {row.version}) by {row.author_id} on {row.platform} "
              f"{row.community_id}, {_fmt_time(row.created_at)}")
        if row.url:
            print(f"link: {row.url}")
        print(f"text: {row.text}")
        if current is not None:
            print(f"now: {current['action']} by {current['decided_by']} (decision #{current['id']}, "
                  f"{_fmt_time(current['at'])})")
            print(f"ground: {current['reason']}")
            scores = ", ".join(f"{k} {float(v):.2f}" for k, v in (current.get("scores") or {}).items())
            if scores:
                print(f"scores: {scores}")
            for e in current.get("evidence") or []:
                print(f"  evidence [{e.get('start')}:{e.get('end')}] «{e.get('quote')}» → {e.get('category')}"
                      + (f" ({e.get('target')})" if e.get("target") else ""))
        return 0

    return decide(args, body, readonly=True)


def cmd_review_keep(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        done = ctx.service.moderate(args.id, "keep", by=args.by, reason=args.reason, now=time.time())
        print(f"{done.message} (decision #{done.decision_id})")
        return 0

    return decide(args, body)


def cmd_review_delete(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        verdict = "delete" if args.ban_days is None else "delete_and_ban"
        done = ctx.service.moderate(args.id, verdict, by=args.by, ban_days=args.ban_days, reason=args.reason,
                                    category=args.category or "", now=time.time())
        print(f"{done.message} (decision #{done.decision_id}; the daemon's outbox performs "
              f"{len(done.actions)} action(s))")
        return 0

    return decide(args, body)


def cmd_review_done(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        print(ctx.service.mark_manual_done(args.id, by=args.by, now=time.time()))
        return 0

    return decide(args, body)


def cmd_undo(args: argparse.Namespace) -> int:
    def body(ctx: _Context) -> int:
        done = ctx.service.undo(args.decision_id, by=args.by, reason=args.reason, now=time.time())
        print(f"{done.message}; the daemon's outbox performs {len(done.actions)} action(s)")
        return 0

    return decide(args, body)

