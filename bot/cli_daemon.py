"""``modbot run | status | blacklist | decisions | demo`` — argument parsing and printing only.

Each command calls one function elsewhere (the daemon, the store, the decision service, the demo).
Commands that work on the database (status, blacklist, decisions) do not need the tokens: they
take the database path from ``--db``, else from the ``database`` key of ``--config`` (a named
config that does not exist is an error), else ``./blacklist.db``. Blacklist changes are decisions
like any other: they go through :class:`bot.decisions.DecisionService` and are journalled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import os
import sqlite3
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from bot.csv_export import SafeDictWriter

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
    q = bl.add_parser("add", help="blacklist an author: their next comments are deleted (no platform ban is issued)")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("author_id", help="the author's id on the platform (VK: a number; OK: as OK gives it)")
    q.add_argument("--platform", choices=("vk", "ok"), default="vk")
    q.add_argument("--community", type=int, help="only in this community (default: every community)")
    q.add_argument("--days", type=int, default=0, help="length in days, 0..3650 (0 = forever, the default)")
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
    q.add_argument("--reason", default="", help="why (shown in the journal)")
    q.set_defaults(func=cmd_blacklist_remove)

    p = sub.add_parser("actions", help="the outbox: list actions by state, put failed ones back in the queue")
    ac = p.add_subparsers(dest="actions_command", required=True)
    q = ac.add_parser("list", help="actions in a state (default: failed), oldest first")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("--state", action="append", choices=("failed", "manual", "pending", "cancelled", "done"),
                   help="repeatable (default: failed)")
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.add_argument("--limit", type=int, default=200)
    q.set_defaults(func=cmd_actions_list, state=None)
    q = ac.add_parser("retry", help="requeue failed actions (the daemon's outbox sends them again)")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("ids", nargs="*", type=int, help="action ids (modbot actions list)")
    q.add_argument("--failed", action="store_true", help="every failed action")
    q.set_defaults(func=cmd_actions_retry)

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
    p.add_argument("--web-port", type=int, default=8080,
                   help="port of the moderators' workspace (default 8080, or a free one if taken)")
    p.set_defaults(func=cmd_demo)


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default=None, help="path to modbot.toml (default: $MODBOT_CONFIG or ./modbot.toml)")


def config_file(args: argparse.Namespace) -> tuple[Path, bool]:
    """The config path and whether the user named it (``--config`` or ``$MODBOT_CONFIG``): a named
    file that does not exist is an error, the implicit ``./modbot.toml`` is optional."""
    named = getattr(args, "config", None) or os.environ.get("MODBOT_CONFIG", "")
    if named:
        return Path(named), True
    return Path(DEFAULT_CONFIG), False


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
        config = load_config(config_file(args)[0])
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


class MissingConfig(FileNotFoundError):
    def __str__(self) -> str:
        return f"config file not found: {self.args[0]}"


def db_path(args: argparse.Namespace) -> Path:
    """``--db``, else ``database`` from the config file (relative to it), else ./blacklist.db.
    Raises :class:`MissingConfig` when a config was named but does not exist."""
    if getattr(args, "db", None):
        return Path(args.db)
    cfg, explicit = config_file(args)
    if cfg.is_file():
        try:
            data = tomllib.loads(cfg.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            data = {}
        value = data.get("database")
        if isinstance(value, str) and value.strip():
            p = Path(value).expanduser()
            return p if p.is_absolute() else cfg.resolve().parent / p
    elif explicit:
        raise MissingConfig(str(cfg))
    return Path("blacklist.db")


def secretless_config(args: argparse.Namespace) -> Any:
    """The config of ``--config``/``$MODBOT_CONFIG``/``./modbot.toml`` read without its tokens (defaults
    when the implicit file is absent), with the database of :func:`db_path`. Raises
    :class:`MissingConfig` when a named config does not exist, ``ConfigError`` when it is invalid."""
    from dataclasses import replace

    from bot.config import Config, load_config

    named, _ = config_file(args)
    config = load_config(named, secrets=False) if named.is_file() else Config()
    return replace(config, database=db_path(args))


def _open_store(args: argparse.Namespace) -> Any:
    """The database for a command that only reads: opened read-only, so it never waits for (or
    blocks) the daemon's writes. None (after one line on stderr) when it cannot be opened."""
    from bot.store import Store

    try:
        path = db_path(args)
    except MissingConfig as exc:
        _err(str(exc))
        return None
    if not path.exists():
        _err(f"no database at {path} (use --db or --config)")
        return None
    try:
        return Store(path, readonly=True)
    except (RuntimeError, sqlite3.Error) as exc:
        _err(f"cannot read {path}: {exc}")
        return None


def _fmt_time(ts: float | None) -> str:
    """Local time; a value no calendar can show (a row written by an older release) is shown raw."""
    if ts is None:
        return "-"
    try:
        return dt.datetime.fromtimestamp(float(ts)).strftime("%Y-%m-%d %H:%M:%S")
    except (OverflowError, OSError, ValueError):
        return f"@{ts} (out of range)"


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
    cfg, _ = config_file(args)
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
    from bot.store import HEARTBEAT_CURSOR, HEARTBEAT_SECONDS

    store = _open_store(args)
    if store is None:
        return 2
    with store:
        st = store.status()
        cursors, notices = {}, {}
        for c in st.get("communities", []):
            cursors[(c["platform"], c["community_id"])] = store.get_cursor(f"{c['platform']}:{c['community_id']}:lp_ts")
            # An adapter's one-line note about a community (e.g. OK refused deletion through its API).
            note = store.get_cursor(f"{c['platform']}:{c['community_id']}:notice")
            if note:
                notices[(c["platform"], c["community_id"])] = note
        st["notices"] = {f"{p}:{g}": n for (p, g), n in notices.items()}
        beat_raw = store.get_cursor(HEARTBEAT_CURSOR)
        failed = store.actions(("failed",), limit=20)
        manual = store.actions(("manual",), limit=1000)
        poison = store.poison(limit=5)
        held, oldest_held = store.review_queue_size()
        now = time.time()
        posting = _posting_watch(args, store, now)
    now = time.time()
    live = _health(args)
    beat = _loads_or_none(beat_raw)
    health = live if live is not None and "problems" in live else beat
    if health is not None and health is beat and now - float(beat.get("at") or 0) > 3 * HEARTBEAT_SECONDS:
        health = dict(beat, status="not running (last heartbeat " + _fmt_age(now - float(beat.get("at") or 0))
                      + " ago)")
    if args.json:
        print(json.dumps({"status": st, "daemon": health, "failed_actions": failed, "manual_actions": len(manual),
                          "poison": poison, "held": held, "posting": [p.to_json() for p in posting]},
                         ensure_ascii=False, indent=2, default=str))
        return 0
    out = [f"database {db_path(args)} (schema v{st.get('schema_version')})"]
    if health is not None:
        out.append(f"daemon: {health.get('status')}" + (
            f", model {health.get('model_version')}" if health.get("model_version") else ""))
        for problem in health.get("problems") or []:
            out.append(f"  problem: {problem}")
        paused = health.get("paused_tokens") or {}
        for tok, until in paused.items():
            out.append(f"  captcha pause: {tok} until {_fmt_time(until)}")
    elif live is not None:
        out.append(f"daemon: {live.get('status')}")
    out.append("communities:")
    progress = {(c.get("platform"), c.get("group_id")): c for c in (health or {}).get("communities", [])}
    for c in st.get("communities", []):
        lag = None if c.get("last_comment_at") is None else now - float(c["last_comment_at"])
        ts = cursors.get((c["platform"], c["community_id"]))
        p = progress.get((c["platform"], c["community_id"]), {})
        extra = f", receiver answered {_fmt_age(p['last_progress_age_s'])} ago" if p.get("last_progress_age_s") \
            is not None else ""
        out.append(f"  {c['platform']} {c['community_id']}: {c['comments']} comments, last {_fmt_age(lag)} ago"
                   + (f", long-poll ts {ts}" if ts else "") + extra)
        note = notices.get((c["platform"], c["community_id"]))
        if note:
            out.append(f"    ! {note}")
    if not st.get("communities"):
        out.append("  (no comments stored yet)")
    cm = st.get("comments", {})
    out.append(f"comments: {cm.get('received', 0)} to judge, {cm.get('judged', 0)} judged, {cm.get('acted', 0)} acted on")
    out.append(f"held for a moderator: {held}" + (f" (oldest since {_fmt_time(oldest_held)})" if oldest_held else ""))
    dec = st.get("decisions", {})
    if dec:
        out.append("decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(dec.items())))
    ac = st.get("actions", {})
    out.append(f"outbox: {st.get('queue_depth', 0)} pending ({st.get('queue_due', 0)} due, "
               f"{st.get('in_flight', 0)} in flight, oldest {_fmt_age(st.get('oldest_pending_age'))}); "
               f"{ac.get('done', 0)} done, {ac.get('failed', 0)} failed, {ac.get('manual', 0)} to do by hand, "
               f"{ac.get('cancelled', 0)} cancelled")
    out.append(f"blacklist: {st.get('bans_active', 0)} active")
    if posting:
        week = posting[0].week
        out.append(f"posting rate (clause 15: at least 3 posts a week), week {week.key} ({week.dates_ru}):")
        for p in posting:
            out.append(f"  {p.platform} {p.community_id}: {p.posts} post(s)" + (f" — AT RISK: {p.message}"
                                                                                 if p.at_risk else ""))
    if failed:
        out.append("needs attention — actions the platform refused (retry: modbot actions retry ID|--failed):")
        for a in failed:
            out.append(f"  #{a['id']} {a['kind']} {a['platform']} {a['community_id']} {a['method']} "
                       f"({a['attempts']} attempts): {a['last_error']}")
    if manual:
        out.append(f"to do by hand on the platform: {len(manual)} (modbot review list; then modbot review done ID)")
    if poison:
        out.append("could not be stored or decided (recorded and skipped):")
        for p in poison:
            out.append(f"  {_fmt_time(p['at'])} {p['stage']} {p['platform']} {p['community_id'] or ''} "
                       f"{p['event_id'] or ''}: {p['error'][:160]}")
    errors = [e for e in st.get("last_errors") or [] if e["state"] == "pending"]
    if errors:
        out.append("retrying:")
        for e in errors:
            out.append(f"  #{e['id']} {e['method']} ({e['attempts']} attempts): {e['error']}")
    print("\n".join(out))
    return 0


def _posting_watch(args: argparse.Namespace, store: Any, now: float) -> list[Any]:
    """Clause 15 this week, per page: the config's pages (names from it), else every page the
    database has posts or comments of."""
    from bot.config import ConfigError, load_config
    from bot.reports.watch import posting_watch

    pages: list[tuple[str, int, str]] = []
    cfg, _ = config_file(args)
    if cfg.is_file():
        try:
            pages = [(c.platform, c.group_id, c.name) for c in load_config(cfg, secrets=False).communities]
        except ConfigError:
            pages = []
    if not pages:
        pages = [(p, g, "") for p, g in store.report_pages()]
    return posting_watch(store, pages, now)


def _loads_or_none(raw: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def cmd_actions_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return 2
    with store:
        rows = store.actions(tuple(args.state or ["failed"]), limit=args.limit)
    if args.format == "json":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
        return 0
    if not rows:
        print(f"no {'/'.join(args.state or ['failed'])} actions")
    for r in rows:
        print(f"#{r['id']} {r['state']} {r['kind']} {r['platform']} {r['community_id']} {r['method']} "
              f"decision #{r['decision_id']} ({r['decided_by']}), {r['attempts']} attempts"
              + (f": {r['last_error']}" if r["last_error"] else "") + (f"  {r['url']}" if r.get("url") else ""))
    return 0


def cmd_actions_retry(args: argparse.Namespace) -> int:
    """Failed actions back to the outbox (a moderator fixed the token or the rights, say)."""
    from bot.store import Store

    if not args.ids and not args.failed:
        _err("give action ids, or --failed for every failed action")
        return 2
    try:
        path = db_path(args)
    except MissingConfig as exc:
        _err(str(exc))
        return 2
    if not path.exists():
        _err(f"no database at {path} (use --db or --config)")
        return 2
    with Store(path) as store:
        ids = store.failed_actions() if args.failed else args.ids
        done = [i for i in ids if store.requeue_action(i)]
    skipped = [i for i in ids if i not in done]
    print(f"requeued {len(done)} action(s)" + (f": {', '.join(f'#{i}' for i in done)}" if done else "")
          + (f"; not failed (left alone): {', '.join(f'#{i}' for i in skipped)}" if skipped else ""))
    return 0 if done or not ids else 1


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
        w = SafeDictWriter(sys.stdout, fieldnames=fields)
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


def cmd_blacklist_add(args: argparse.Namespace) -> int:
    from bot.cli_review import decide

    def body(ctx: Any) -> int:
        done = ctx.service.ban_author(args.platform, args.author_id, community_id=args.community, days=args.days,
                                      by=args.by, reason=args.reason, now=time.time())
        print(f"blacklisted: {done.message} (decision #{done.decision_id})")
        return 0

    return decide(args, body, create=True)


def cmd_blacklist_remove(args: argparse.Namespace) -> int:
    from bot.cli_review import decide

    def body(ctx: Any) -> int:
        done = ctx.service.unban_author(args.platform, args.author_id, community_id=args.community, by=args.by,
                                        reason=args.reason, now=time.time())
        print(f"lifted: {done.message} (decision #{done.decision_id})")
        return 0

    return decide(args, body, nothing_to_do=1)


def parse_when(value: str, *, now: float | None = None) -> float:
    """``N`` (days back, may be fractional) or an ISO date/time (local time unless it has an offset)."""
    now = time.time() if now is None else now
    v = value.strip()
    try:
        days = float(v)
    except ValueError:
        pass
    else:
        if not math.isfinite(days) or days < 0 or days > 365 * 200:
            raise ValueError(f"days must be a number from 0 to 73000, got {value!r}")
        return now - days * 86400
    try:
        when = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
        return when.timestamp()
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"not a date/time or number of days: {value!r} (e.g. 2024-05-01 or 7)") from None


def _iso(ts: float | None) -> str:
    """Local time with its offset — the same zone ``--since`` reads dates in."""
    if ts is None:
        return ""
    try:
        return dt.datetime.fromtimestamp(float(ts)).astimezone().isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return str(ts)


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
    w = SafeDictWriter(buf, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        rec = dict(r)
        rec["at"] = _iso(rec.get("at"))
        for k in ("labels", "scores", "evidence"):
            if not isinstance(rec.get(k), str):
                rec[k] = json.dumps(rec.get(k), ensure_ascii=False, default=str)
        w.writerow(rec)
    sys.stdout.write(buf.getvalue())
    return 0


# --------------------------------------------------------------------------- demo


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.demo.run import main

    return main(args.seconds, args.rate, args.port, args.web_port)
