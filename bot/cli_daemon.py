"""``modbot run | status | blacklist | review | decisions | demo`` — argument parsing and printing only.

Each command calls one function elsewhere (the daemon, the store, the demo). Commands that only
read the database (status, blacklist, decisions) do not need the tokens: they take the database
path from ``--db``, else from the ``database`` key of ``--config``, else ``./blacklist.db``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sqlite3
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

DEFAULT_CONFIG = "modbot.toml"


def register(sub: Any) -> None:
    """Add the daemon's commands to ``modbot``'s subparsers."""
    p = sub.add_parser("run", help="run the moderation daemon (long poll / callback → judge → VK actions)")
    _config_arg(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("status", help="communities, lag, outbox queue and last errors from the database")
    _config_arg(p)
    _db_arg(p)
    p.add_argument("--json", action="store_true", help="print the raw status as JSON")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("blacklist", help="list, add or remove entries of the local blacklist")
    bl = p.add_subparsers(dest="blacklist_command", required=True)
    q = bl.add_parser("list", help="active entries (newest first)")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("--all", action="store_true", help="include lifted and expired entries")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=cmd_blacklist_list)
    q = bl.add_parser("add", help="blacklist an author: their next comments are deleted (no VK ban is issued)")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("author_id", help="the author's id on the platform (VK: a number; OK: as OK gives it)")
    q.add_argument("--platform", choices=("vk", "ok"), default="vk")
    q.add_argument("--community", type=int, help="only in this community (default: every community)")
    q.add_argument("--days", type=int, default=0, help="length in days (0 = forever, the default)")
    q.add_argument("--reason", default="", help="why (shown in the journal)")
    q.add_argument("--by", default=os.environ.get("USER", "cli"), help="who decided (default: $USER)")
    q.set_defaults(func=cmd_blacklist_add)
    q = bl.add_parser("remove", help="lift an author's active entries")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("author_id")
    q.add_argument("--platform", choices=("vk", "ok"), default="vk")
    q.add_argument("--community", type=int, help="only this community's entries (and platform-wide ones)")
    q.add_argument("--by", default=os.environ.get("USER", "cli"))
    q.set_defaults(func=cmd_blacklist_remove)

    p = sub.add_parser("review", help="actions a moderator must do by hand on the platform (OK deletions)")
    rv = p.add_subparsers(dest="review_command", required=True)
    q = rv.add_parser("manual", help="actions waiting for a moderator's hand, oldest first, with their links")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_review_manual)
    q = rv.add_parser("done", help="mark a manual action done: the moderator did it on the platform")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("action_id", type=int, help="the id `modbot review manual` shows")
    q.add_argument("--by", default=os.environ.get("USER", ""), help="who did it (default: $USER)")
    q.set_defaults(func=cmd_review_done)

    p = sub.add_parser("decisions", help="export the decision journal (CSV or JSON lines)")
    _config_arg(p)
    _db_arg(p)
    p.add_argument("--since", required=True, help="ISO date/time (2024-05-01, 2024-05-01T12:00) or N days back")
    p.add_argument("--until", help="ISO date/time or N days back (default: now)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(func=cmd_decisions)

    p = sub.add_parser("demo", help="emulator + two communities + realistic traffic + the daemon (enforce)")
    p.add_argument("--seconds", type=float, default=0.0, help="stop after N seconds (default: run until Ctrl-C)")
    p.add_argument("--rate", type=float, default=5.0, help="comments per second (default 5)")
    p.add_argument("--port", type=int, default=9108, help="port of the daemon's /metrics and /healthz (default 9108)")
    p.set_defaults(func=cmd_demo)


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default=os.environ.get("MODBOT_CONFIG", DEFAULT_CONFIG),
                   help="path to modbot.toml (default: $MODBOT_CONFIG or ./modbot.toml)")


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database file (default: `database` from --config, else ./blacklist.db)")


def _err(msg: str) -> None:
    print(f"modbot: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- run


def cmd_run(args: argparse.Namespace) -> int:
    import asyncio
    import logging

    from bot.adapters import build_platforms
    from bot.config import ConfigError, load_config
    from bot.daemon import DaemonOptions, run_daemon
    from bot.metrics import Metrics

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        _err(str(exc))
        return 2
    logging.basicConfig(level=getattr(logging, config.log_level), stream=sys.stdout, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("pymorphy3", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    metrics = Metrics()
    try:
        return asyncio.run(run_daemon(config, build_platforms(config, metrics=metrics), DaemonOptions.from_env(),
                                      metrics))
    except (FileNotFoundError, RuntimeError) as exc:  # the model directory or a broken model, typically
        _err(str(exc))
        return 2
    except (OSError, sqlite3.Error) as exc:  # database path not writable, port taken, …
        _err(f"cannot start: {type(exc).__name__}: {exc} (database {config.database})")
        return 2


# --------------------------------------------------------------------------- database commands


def db_path(args: argparse.Namespace) -> Path:
    """``--db``, else ``database`` from the config file (relative to it), else ./blacklist.db."""
    if getattr(args, "db", None):
        return Path(args.db)
    cfg = Path(getattr(args, "config", "") or DEFAULT_CONFIG)
    if cfg.is_file():
        try:
            data = tomllib.loads(cfg.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            data = {}
        value = data.get("database")
        if isinstance(value, str) and value.strip():
            p = Path(value).expanduser()
            return p if p.is_absolute() else cfg.resolve().parent / p
    return Path("blacklist.db")


def _open_store(args: argparse.Namespace, *, must_exist: bool = True) -> Any:
    from bot.store import Store

    path = db_path(args)
    if must_exist and not path.exists():
        _err(f"no database at {path} (use --db or --config)")
        return None
    return Store(path)


def _fmt_time(ts: float | None) -> str:
    if ts is None:
        return "-"
    return dt.datetime.fromtimestamp(float(ts)).strftime("%Y-%m-%d %H:%M:%S")


def _fmt_age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = int(seconds)
    if s < 120:
        return f"{s} s"
    if s < 7200:
        return f"{s // 60} min"
    return f"{s // 3600} h"


def _health(args: argparse.Namespace) -> dict[str, Any] | None:
    """The running daemon's /healthz, if the config names a metrics port (1 s timeout)."""
    cfg = Path(getattr(args, "config", "") or DEFAULT_CONFIG)
    if not cfg.is_file():
        return None
    try:
        data = tomllib.loads(cfg.read_text(encoding="utf-8"))
        m = data.get("metrics") or {}
        host, port = str(m.get("host", "127.0.0.1")), int(m.get("port", 0))
    except (OSError, tomllib.TOMLDecodeError, TypeError, ValueError):
        return None
    if not port:
        return None
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=1.0) as resp:  # noqa: S310
            return json.loads(resp.read().decode("utf-8"))
    except Exception as exc:
        return {"status": f"not reachable ({type(exc).__name__})"}


def cmd_status(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        st = store.status()
        cursors, notices = {}, {}
        for c in st.get("communities", []):
            key = (c["platform"], c["community_id"])
            cursors[key] = store.get_cursor(f"{c['platform']}:{c['community_id']}:lp_ts")
            # An adapter's one-line note about a community (e.g. OK refused deletion through the API).
            notices[key] = store.get_cursor(f"{c['platform']}:{c['community_id']}:notice")
        st["notices"] = {f"{p}:{g}": n for (p, g), n in notices.items() if n}
    health = _health(args)
    if args.json:
        print(json.dumps({"status": st, "daemon": health}, ensure_ascii=False, indent=2, default=str))
        return 0
    now = time.time()
    out = [f"database {db_path(args)} (schema v{st.get('schema_version')})"]
    if health is not None:
        out.append(f"daemon: {health.get('status')}" + (
            f", model {health.get('model_version')}" if health.get("model_version") else ""))
        paused = health.get("paused_tokens") or {}
        for tok, until in paused.items():
            out.append(f"  captcha pause: {tok} until {_fmt_time(until)}")
    out.append("communities:")
    for c in st.get("communities", []):
        lag = None if c.get("last_comment_at") is None else now - float(c["last_comment_at"])
        ts = cursors.get((c["platform"], c["community_id"]))
        out.append(f"  {c['platform']} {c['community_id']}: {c['comments']} comments, last {_fmt_age(lag)} ago"
                   + (f", long-poll ts {ts}" if ts else ""))
        note = notices.get((c["platform"], c["community_id"]))
        if note:
            out.append(f"    ! {note}")
    for h in (health or {}).get("communities") or []:
        if h.get("failing"):
            out.append(f"  ! {h.get('platform')} {h.get('group_id')}: {h['failing']}")
    if not st.get("communities"):
        out.append("  (no comments stored yet)")
    cm = st.get("comments", {})
    out.append(f"comments: {cm.get('received', 0)} to judge, {cm.get('judged', 0)} judged, {cm.get('acted', 0)} acted on")
    dec = st.get("decisions", {})
    if dec:
        out.append("decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(dec.items())))
    ac = st.get("actions", {})
    out.append(f"outbox: {st.get('queue_depth', 0)} pending ({st.get('queue_due', 0)} due, "
               f"{st.get('in_flight', 0)} in flight, oldest {_fmt_age(st.get('oldest_pending_age'))}); "
               f"{ac.get('done', 0)} done, {ac.get('failed', 0)} failed"
               + (f", {ac['manual']} waiting for a moderator's hand (modbot review manual)" if ac.get("manual") else ""))
    out.append(f"blacklist: {st.get('bans_active', 0)} active")
    errors = st.get("last_errors") or []
    if errors:
        out.append("last errors:")
        for e in errors:
            out.append(f"  #{e['id']} {e['method']} ({e['state']}, {e['attempts']} attempts): {e['error']}")
    print("\n".join(out))
    return 0


def cmd_blacklist_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        rows = store.bans(active_only=not args.all)
    fields = ["id", "platform", "community_id", "author_id", "until", "category", "reason", "decided_by",
              "created_at", "lifted_at", "lifted_by"]
    recs = [{f: getattr(r, f) for f in fields} for r in rows]
    if args.format == "json":
        for r in recs:
            print(json.dumps(r, ensure_ascii=False))
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        w.writerows(recs)
    else:
        if not recs:
            print("blacklist is empty" if not args.all else "no entries")
        for r in recs:
            scope = "all communities" if r["community_id"] is None else f"community {r['community_id']}"
            until = "forever" if r["until"] is None else f"until {_fmt_time(r['until'])}"
            lifted = f", lifted {_fmt_time(r['lifted_at'])} by {r['lifted_by']}" if r["lifted_at"] else ""
            print(f"{r['platform']} {r['author_id']}: {scope}, {until}, by {r['decided_by']}"
                  f"{' — ' + r['reason'] if r['reason'] else ''}{lifted}")
    return 0


def _author(args: argparse.Namespace) -> str | None:
    """The author id as the store keeps it (text); VK ids are positive numbers."""
    author = str(args.author_id).strip()
    if not author or (args.platform == "vk" and not author.isdigit()):
        _err(f"{args.platform} author id {args.author_id!r} is not valid"
             + (" (VK user ids are positive numbers)" if args.platform == "vk" else ""))
        return None
    return author


def cmd_blacklist_add(args: argparse.Namespace) -> int:
    if args.days < 0:
        _err("--days must be ≥ 0 (0 = forever)")
        return 2
    author = _author(args)
    if author is None:
        return 2
    args.author_id = author
    store = _open_store(args, must_exist=False)
    with store:
        until = int(time.time() + args.days * 86400) if args.days else None
        ban_id = store.ban(args.platform, args.author_id, community_id=args.community, until=until,
                           reason=args.reason, decided_by=args.by)
    scope = f"community {args.community}" if args.community else "every community"
    print(f"blacklisted {args.platform} {args.author_id} in {scope} "
          f"{'forever' if until is None else 'until ' + _fmt_time(until)} (entry #{ban_id})")
    return 0


def cmd_blacklist_remove(args: argparse.Namespace) -> int:
    author = _author(args)
    if author is None:
        return 2
    args.author_id = author
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        n = store.unban(args.platform, args.author_id, community_id=args.community, lifted_by=args.by)
    print(f"lifted {n} entr{'y' if n == 1 else 'ies'} for {args.platform} {args.author_id}")
    return 0 if n else 1


def cmd_review_manual(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        rows = store.actions(("manual",), limit=1000)
    if args.format == "json":
        for r in rows:
            print(json.dumps({k: r.get(k) for k in ("id", "kind", "platform", "community_id", "author_id", "url",
                                                    "text", "last_error", "created_at", "decision_id", "params")},
                             ensure_ascii=False, default=str))
        return 0
    if not rows:
        print("nothing waits for a moderator's hand")
    for r in rows:
        text = (r.get("text") or "").replace("\n", " ")
        print(f"#{r['id']} {r['platform']} {r['community_id']} {r['kind']} (author {r.get('author_id') or '-'}, "
              f"since {_fmt_time(r.get('created_at'))}): {r.get('last_error') or ''}")
        if text:
            print(f"    «{text[:100]}{'…' if len(text) > 100 else ''}»")
    return 0


def cmd_review_done(args: argparse.Namespace) -> int:
    from bot.config import Config
    from bot.decisions import DecisionError, DecisionService
    from bot.platform import PlatformRegistry

    store = _open_store(args)
    if store is None:
        return 2
    with store:
        # Marking a manual action done touches only the journal: no platform, no tokens needed.
        service = DecisionService(store, Config(), PlatformRegistry())
        try:
            print(service.mark_manual_done(args.action_id, by=args.by, now=time.time()))
        except DecisionError as exc:
            _err(str(exc))
            return 1
    return 0


def parse_when(value: str, *, now: float | None = None) -> float:
    """``N`` (days back, may be fractional) or an ISO date/time (local time unless it has an offset)."""
    now = time.time() if now is None else now
    v = value.strip()
    try:
        days = float(v)
    except ValueError:
        pass
    else:
        if days < 0:
            raise ValueError(f"days must be ≥ 0, got {value!r}")
        return now - days * 86400
    try:
        when = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date/time or number of days: {value!r} (e.g. 2024-05-01 or 7)") from None
    return when.timestamp()


def cmd_decisions(args: argparse.Namespace) -> int:
    try:
        since = parse_when(args.since)
        until = parse_when(args.until) if args.until else None
    except ValueError as exc:
        _err(str(exc))
        return 2
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        rows = store.decisions(since, until)
    if args.format == "json":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
        return 0
    fields = ["id", "at", "platform", "community_id", "kind", "comment_key", "comment_version", "author_id",
              "action", "labels", "category", "ban_days", "decided_by", "mode", "reason", "model_version",
              "actions", "url", "text", "scores", "evidence"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        rec = dict(r)
        rec["at"] = dt.datetime.fromtimestamp(float(rec["at"]), tz=dt.UTC).isoformat() if rec.get("at") else ""
        for k in ("labels", "scores", "evidence"):
            if not isinstance(rec.get(k), str):
                rec[k] = json.dumps(rec.get(k), ensure_ascii=False, default=str)
        w.writerow(rec)
    sys.stdout.write(buf.getvalue())
    return 0


# --------------------------------------------------------------------------- demo


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.demo.run import main

    return main(args.seconds, args.rate, args.port)
