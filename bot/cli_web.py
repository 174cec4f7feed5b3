"""``modbot web`` and ``modbot moderator add|list|remove|passwd`` — argument parsing and printing.

Accounts live in the database (``--db``, else ``database`` from ``--config``, else
``./blacklist.db``); passwords are read from the terminal without echo (or one line of stdin with
``--password-stdin``, for provisioning scripts) and stored only as Argon2id hashes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from bot.cli_daemon import DEFAULT_CONFIG, db_path


def register(sub: Any) -> None:
    p = sub.add_parser("web", help="serve the moderators' workspace alone (the daemon performs the actions)")
    _config_arg(p)
    p.add_argument("--host", help="bind address (default: [web] host, 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: [web] port; required if the config has none)")
    p.set_defaults(func=cmd_web)

    p = sub.add_parser("moderator", help="moderator accounts of the web workspace")
    mod = p.add_subparsers(dest="moderator_command", required=True)
    q = mod.add_parser("add", help="create an account (asks for the password)")
    q.add_argument("name")
    q.add_argument("--role", choices=("moderator", "admin"), default="moderator",
                   help="moderator: sees and acts on their organisation's communities; admin: everything (moderator)")
    q.add_argument("--organisation", default="", help="sees every community with this `organisation` in the config")
    q.add_argument("--communities", default="",
                   help="and/or these communities, comma-separated: vk:123,ok:456 (a bare number means VK)")
    q.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    _store_args(q)
    q.set_defaults(func=cmd_add)
    q = mod.add_parser("list", help="accounts")
    q.add_argument("--all", action="store_true", help="include removed accounts")
    q.add_argument("--format", choices=("table", "json"), default="table")
    _store_args(q)
    q.set_defaults(func=cmd_list)
    q = mod.add_parser("remove", help="remove an account: it cannot log in any more, its sessions end")
    q.add_argument("name")
    _store_args(q)
    q.set_defaults(func=cmd_remove)
    q = mod.add_parser("passwd", help="set a new password (asks for it); the account's sessions end")
    q.add_argument("name")
    q.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    _store_args(q)
    q.set_defaults(func=cmd_passwd)


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default=os.environ.get("MODBOT_CONFIG", DEFAULT_CONFIG),
                   help="path to modbot.toml (default: $MODBOT_CONFIG or ./modbot.toml)")


def _store_args(p: argparse.ArgumentParser) -> None:
    _config_arg(p)
    p.add_argument("--db", help="database file (default: `database` from --config, else ./blacklist.db)")


def _err(msg: str) -> None:
    print(f"modbot: {msg}", file=sys.stderr)


def _actor() -> str:
    return f"cli:{os.environ.get('USER') or os.environ.get('LOGNAME') or 'root'}"


def _password(args: argparse.Namespace, name: str) -> str | None:
    from bot.web.auth import MIN_PASSWORD, PasswordError, check_new_password

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            _err("no terminal to ask for the password: use --password-stdin")
            return None
        password = getpass.getpass(f"password for {name} (at least {MIN_PASSWORD} characters): ")
        if password != getpass.getpass("again: "):
            _err("the passwords differ")
            return None
    try:
        return check_new_password(password, name)
    except PasswordError as exc:
        _err(f"password refused: {exc}")
        return None


def _store(args: argparse.Namespace, *, must_exist: bool = True) -> Any:
    from bot.store import Store

    path = db_path(args)
    if must_exist and not path.exists():
        _err(f"no database at {path} (use --db or --config)")
        return None
    return Store(path)


def cmd_add(args: argparse.Namespace) -> int:
    from bot.web.auth import AccountError, add_account

    communities = [c.strip() for c in args.communities.split(",") if c.strip()]
    password = _password(args, args.name)
    if password is None:
        return 2
    store = _store(args, must_exist=False)
    with store:
        try:
            created = add_account(store, args.name, password, role=args.role, organisation=args.organisation,
                                  communities=communities)
        except AccountError as exc:
            _err(str(exc))
            return 2
        store.audit(_actor(), "moderator_add", f"{args.name} ({args.role})")
    sees = "everything" if args.role == "admin" else ", ".join(
        ([f"organisation {args.organisation}"] if args.organisation else []) + communities)
    print(f"{'added' if created else 'restored'} {args.role} {args.name}: sees {sees}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from bot.web.format import when

    store = _store(args)
    if store is None:
        return 2
    with store:
        rows = store.moderators(include_disabled=args.all)
    fields = ["name", "role", "organisation", "communities", "created_at", "last_login_at", "disabled_at"]
    if args.format == "json":
        for r in rows:
            print(json.dumps({f: r.get(f) for f in fields}, ensure_ascii=False))
        return 0
    if not rows:
        print("no moderators (add one: modbot moderator add NAME --role admin)")
    for r in rows:
        sees = "everything" if r["role"] == "admin" else ", ".join(
            ([f"organisation {r['organisation']}"] if r["organisation"] else []) + list(r["communities"])) or "nothing"
        state = f", removed {when(r['disabled_at'])}" if r["disabled_at"] else ""
        print(f"{r['name']}: {r['role']}, sees {sees}; last login {when(r['last_login_at'])}{state}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    store = _store(args)
    if store is None:
        return 2
    with store:
        if not store.disable_moderator(args.name):
            _err(f"no active moderator {args.name!r}")
            return 1
        store.audit(_actor(), "moderator_remove", args.name)
    print(f"removed {args.name}: cannot log in any more; decisions keep their name")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from bot.web.auth import hash_password

    store = _store(args)
    if store is None:
        return 2
    with store:
        account = store.get_moderator(args.name)
        if account is None or account["disabled_at"] is not None:
            _err(f"no active moderator {args.name!r}")
            return 1
        password = _password(args, args.name)
        if password is None:
            return 2
        store.set_password(args.name, hash_password(password))
        store.audit(_actor(), "password", f"пароль модератора {args.name}")
    print(f"password of {args.name} changed; their sessions ended")
    return 0


def cmd_web(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import sqlite3

    from bot.adapters import build_platforms
    from bot.config import ConfigError, load_config
    from bot.daemon import stop_event_on_signals
    from bot.web.server import serve

    try:
        config = load_config(args.config, secrets=False)
    except ConfigError as exc:
        _err(str(exc))
        return 2
    port = args.port if args.port is not None else config.web.port
    if not port:
        _err(f"the web workspace is off in {args.config}: set [web] port (or pass --port)")
        return 2
    if not 0 < port < 65536:
        _err(f"--port must be 1..65535, got {port}")
        return 2
    logging.basicConfig(level=getattr(logging, config.log_level), stream=sys.stdout, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def main() -> int:
        return await serve(config, build_platforms(config), stop_event_on_signals(), port=port, host=args.host)

    try:
        return asyncio.run(main())
    except (OSError, sqlite3.Error) as exc:
        _err(f"cannot serve the workspace: {type(exc).__name__}: {exc}")
        return 2
