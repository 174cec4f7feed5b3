"""The store's plumbing: opening the file (privately, read-only when asked), one write
transaction at a time, queries, and applying the migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import sqlite_utils

from . import schema


def _create_private(path: Path) -> None:
    """Create the database file readable by its owner only (comments and authors are personal data)."""
    if path.exists() or str(path) == ":memory:":
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


class StoreBase:
    """The connection, transactions and migrations every part of the store shares."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 10_000, readonly: bool = False) -> None:
        """Open (creating if needed, mode 0600: it holds personal data) the database and apply
        pending migrations. ``readonly``: for commands that only read (``status``, exports) — no
        write lock is ever taken, so they work while the daemon or anything else writes."""
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path}")
            self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=busy_timeout_ms / 1000, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self.db = sqlite_utils.Database(self._conn)
            if self.schema_version != len(schema.MIGRATIONS):
                raise RuntimeError(f"{self.path} has schema version {self.schema_version}, this modbot reads "
                                   f"{len(schema.MIGRATIONS)}: start the daemon (or any writing command) once to upgrade it")
            return
        _create_private(self.path)
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so the sqlite3 module never opens
        # a deferred transaction behind our back (a deferred reader that later writes can fail with
        # "database is locked" without waiting; IMMEDIATE takes the write lock up front and waits).
        self._conn = sqlite3.connect(
            str(self.path), timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
        self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise RuntimeError(f"could not switch {self.path} to WAL journal mode (got {mode!r})")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self.db = sqlite_utils.Database(self._conn)
        self._migrate()
        for side in ("-wal", "-shm"):  # SQLite creates them with the process umask
            with contextlib.suppress(OSError):
                os.chmod(f"{self.path}{side}", 0o600)

    # -- plumbing ----------------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); nested use joins the outer one."""
        with self._lock:
            if self._conn.in_transaction:
                yield self._conn
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make several store calls one transaction (all or nothing): the decision service writes a
        decision, its actions, ban changes and labels this way. Calls inside join it."""
        with self._tx():
            yield

    def _rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.db.query(sql, params))

    def _conn_rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Plain tuples, for the few queries that return many rows to aggregate."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _migrate(self) -> None:
        # Table rebuilds (migration 3) need foreign-key enforcement off, which SQLite only allows
        # outside a transaction; the keys are checked before the migration commits.
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._tx() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at REAL NOT NULL)"
                )
                current = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
                if current > len(schema.MIGRATIONS):
                    raise RuntimeError(
                        f"{self.path} has schema version {current}, newer than this modbot ({len(schema.MIGRATIONS)}); "
                        "upgrade modbot instead of downgrading"
                    )
                for version in range(current + 1, len(schema.MIGRATIONS) + 1):
                    schema.MIGRATIONS[version - 1](self.db)
                    conn.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, time.time())
                    )
                if current < len(schema.MIGRATIONS):
                    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left {len(broken)} dangling reference(s), e.g. {broken[0]}")
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        """Highest applied migration."""
        row = self._one("SELECT coalesce(max(version), 0) AS v FROM schema_version")
        return int(row["v"]) if row else 0

    def close(self) -> None:
        """Close the connection (checkpointing WAL is SQLite's business)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
