"""``modbot report`` — the clause-19 / clause-15 report for the regional centre, from a terminal.

Argument parsing and printing only: the figures come from :mod:`bot.reports` over the database
opened read-only (a report never waits for the daemon, and works on a copy of the file on another
machine). The config, when given, only names the pages and their organisations; the tokens'
environment variables need not be set.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.cli_daemon import MissingConfig, _config_arg, _db_arg, _err, config_file, db_path

SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv"}


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="report for the regional centre: clause 19 (moderation) and clause 15 "
                                      "(posts per week), as HTML, XLSX or CSV")
    p.add_argument("--period", required=True,
                   help="2026Q4 (a quarter), 2026 (a year), 2026-11 (a month) or FROM..TO with both days "
                        "included (2026-10-01..2026-11-15 or 01.10.2026..15.11.2026); Moscow time")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--community", action="append", default=[], metavar="ID",
                     help="only this page: vk:ID, ok:ID or a bare ID (repeatable; default: every page)")
    who.add_argument("--organisation", metavar="NAME",
                     help="every page of this organisation (the communities' `organisation` in --config)")
    p.add_argument("--format", choices=("html", "xlsx", "csv"),
                   help="file format (default: from the --out suffix, else html)")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the report (- for stdout)")
    p.add_argument("--with-texts", action="store_true",
                   help="include the texts of removed comments (personal data: only where the recipient may see them)")
    _config_arg(p)
    _db_arg(p)
    p.set_defaults(func=cmd_report)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return SUFFIXES.get(Path(args.out).suffix.lower(), "html")


def _write(out: str, data: bytes) -> None:
    """Write all or nothing: a temporary file in the same folder, renamed over ``out``."""
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(out)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o640)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_report(args: argparse.Namespace) -> int:
    from bot.config import Config, ConfigError, load_config
    from bot.reports.build import SelectionError, make_report, render, select_pages
    from bot.reports.periods import PeriodError, parse_period
    from bot.store import Store

    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        _err(f"report: {exc}")
        return 2
    fmt = _format(args)
    config: Config | None = None
    named, explicit = config_file(args)
    try:
        if named.is_file():
            config = load_config(named, secrets=False)
        elif explicit:
            raise MissingConfig(str(named))
        path = db_path(args)
    except (ConfigError, MissingConfig) as exc:
        _err(str(exc))
        return 2
    if not path.exists():
        _err(f"no database at {path} (use --db or --config)")
        return 2
    try:
        store = Store(path, readonly=True)
    except (RuntimeError, sqlite3.Error) as exc:
        _err(f"cannot read {path}: {exc}")
        return 2
    with store:
        try:
            pages, scope = select_pages(config, store.report_pages(), communities=args.community,
                                        organisation=args.organisation)
        except SelectionError as exc:
            _err(f"report: {exc}")
            return 2
        report = make_report(store, period, pages, scope=scope, with_texts=args.with_texts, generated_at=time.time())
    data = render(report, fmt)
    try:
        _write(args.out, data)
    except OSError as exc:
        _err(f"cannot write {args.out}: {exc}")
        return 2
    t = report.total
    if args.out != "-":
        what = "no data in this period" if report.empty else (
            f"{t.received} comments and messages, {t.removed} removed, {t.posts} posts")
        print(f"report for {period.title_ru} ({period.first:%d.%m.%Y}–{period.last:%d.%m.%Y}), "
              f"{len(pages)} page(s): {what} → {args.out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0
