"""The one place that writes SQL: comments, verdicts, decisions, the action outbox, bans, cursors.

SQLite via sqlite-utils, in WAL mode (readers never block the writer; the web UI and the daemon
share the file), ``synchronous=NORMAL`` (durable across process crashes; a power cut may lose the
last committed transactions but never corrupts) and a busy timeout so short lock waits are absorbed.
Every write that belongs together is one ``BEGIN IMMEDIATE`` transaction.

Schema (version 6; see ``MIGRATIONS`` — later changes are appended, never edited)
-----------------------------------------------------------------------------------

Ids that come from a platform (comment, author, object, owner) are opaque TEXT (migration 3):
VK's are numbers written as text, OK's look like ``mid:…``.

``schema_version(version, applied_at)``
    one row per applied migration.
``comments``
    ``id`` pk, ``key`` (= ``Comment.key``), ``version`` (1, 2, … one per distinct text; an edit with
    new text is a new row and is judged again; no text is ever deleted by moderation), UNIQUE
    ``(key, version)``, ``platform``, ``community_id``, ``kind``, ``object_id``, ``owner_id``,
    ``comment_id``, ``author_id``, ``text``, ``created_at`` (platform clock), ``received_at`` (ours),
    ``url``, ``event_id``, ``state`` ``received`` → ``judged`` → ``acted``, ``by_community``.
``events``
    ``platform``, ``community_id``, ``event_id``, ``at``; pk ``(platform, community_id, event_id)``.
    Dedupe of platform deliveries (long poll replays, callback retries); pruned by age.
``verdicts``
    ``id``, ``comment_row`` → comments.id, ``model_version``, ``action``, ``labels`` JSON,
    ``scores`` JSON, ``evidence`` JSON, ``ground``, ``at``.
``decisions``
    ``id``, ``comment_key``, ``comment_version``, ``comment_row`` → comments.id, ``verdict_id``,
    ``action`` (allow|review|delete|delete_and_ban|restore|unban), ``labels`` JSON, ``ban_days``
    (NULL no ban, 0 forever), ``decided_by`` (``auto`` or a moderator), ``reason``, ``category``,
    ``scores`` JSON, ``evidence`` JSON, ``model_version``, ``mode`` (enforce|shadow), ``at``,
    ``undoes`` (the decision an undo undoes), ``platform``/``community_id``/``author_id`` (whom it is
    about, also for decisions without a comment such as a hand-made ban).
    At most one ``auto`` decision per comment row (partial UNIQUE index): judged exactly once.
    Indexed by ``comment_row`` (migration 2) for the ladder's per-author history.
``actions`` — the outbox
    ``id``, ``decision_id``, ``kind`` (delete|ban|restore|unban), ``platform``, ``community_id``,
    ``method``, ``params`` JSON, ``key`` UNIQUE (idempotency key, e.g. ``delete:<comment key>``,
    ``ban:<platform>:<community>:<author>:<decision id>``), ``state`` pending|done|failed,
    ``attempts``, ``last_error``, ``result`` JSON, ``created_at``, ``done_at``, ``next_attempt_at``,
    ``lease_until`` (leased to the outbox worker: maybe being performed), ``depends_on`` (a restore
    waits for its delete), ``done_by`` (who did a ``manual`` action by hand). States ``pending`` →
    ``done``/``failed``; ``manual`` (a moderator must act on the platform) → ``done``; ``cancelled``.
``bans`` — the local blacklist, shared by all communities
    ``id``, ``platform``, ``community_id`` (NULL = every community of the platform), ``author_id``,
    ``until`` (unix, NULL = forever), ``reason``, ``category``, ``decided_by``, ``decision_id``,
    ``created_at``, ``lifted_at``, ``lifted_by``.
``cursors``
    ``name`` pk → ``value`` text, ``updated_at`` (long-poll ts, last comment id per post, …).
``labels``
    moderator decisions as training examples: ``id``, ``comment_key``, ``text``, ``labels`` JSON
    (empty = keep), ``by``, ``at``, ``decision_id``, ``comment_row``, ``dropped_at``/``dropped_by``
    (the decision was undone: the label no longer teaches).
``moderators`` (``name`` pk, ``password_hash`` (Argon2id), ``role``, ``organisation``,
``communities`` JSON, ``created_at``, ``password_changed_at``, ``last_login_at``, ``disabled_at``),
``sessions`` (``token_hash`` pk — SHA-256 of the cookie token —, ``moderator``, ``csrf``,
``address``, ``created_at``, ``last_seen_at``, ``expires_at``), ``login_failures`` (``account``,
``address``, ``at``, ``forgiven``) and ``audit`` (``at``, ``actor``, ``event``, ``detail``,
``organisation``, ``address``) — for the web workspace (migration 5).
``posts`` (migration 6)
    the page's own publications (clause 15): ``platform``, ``community_id``, ``post_id`` (UNIQUE
    together: each post once, whether pushed or read from the wall), ``created_at`` (the platform's
    publication time), ``url``, ``event_id``, ``received_at``. No text: nothing about a post is judged.
``author_violations`` (view)
    one row per comment whose latest decision is delete/delete_and_ban: ``platform``, ``author_id``,
    ``community_id``, ``comment_key``, ``category``, ``at``. ``violations()`` counts it in a window.

Crash safety: exactly once, though the process may be SIGKILLed at any instant
-----------------------------------------------------------------------------

* A comment is committed (``save_comment``) before it is judged. ``comments_to_judge`` returns rows
  still in state ``received`` — after a restart the daemon judges exactly those. (A redelivered
  event returns the existing row with ``is_new=False``; judge a row iff its ``state`` is
  ``received``.)
* The verdict, the decision, its outbox actions and the local ban row are written in ONE
  transaction (``save_decision(..., verdict=...)``) that also moves the comment to ``judged``. A kill
  before COMMIT leaves the comment ``received`` (judged again, nothing half-written); after COMMIT
  it is never judged again. The partial UNIQUE index on auto decisions makes a duplicate call a no-op.
* Each action has a UNIQUE idempotency key, inserted with ``INSERT OR IGNORE``: the same intent can
  never be queued twice. The worker leases due actions (``claim_actions`` sets ``lease_until``),
  calls the platform and then records the outcome, which clears the lease. A kill between the
  call and the record leaves the action pending *and leased*: after restart the worker first asks
  the platform whether it took effect (the adapter's ``verify``) and repeats it only if not — and
  the adapters map "already so" answers (deleting a deleted comment …) to success. So every
  action takes effect exactly once. ``due_actions`` never returns a leased action, so a slow
  call is not dispatched twice; run one outbox worker per database file.
* Cursors (long-poll ``ts``) are saved after the comments they cover; a kill in between replays
  events, which ``save_comment`` absorbs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.types import ACTION_KINDS, ACTION_STATES, Action, Comment, Decision
from moderation.verdict import Verdict

COMMENT_STATES = ("received", "judged", "acted")
#: Decision actions the journal accepts: the judge's four plus what moderators can do.
DECISION_ACTIONS = ("allow", "review", "delete", "delete_and_ban", "restore", "ban", "unban")
#: Decisions that say something about the comment itself; the latest of these decides whether the
#: comment counts as a violation (a moderator's restore/allow cancels an earlier delete).
_COMMENT_VERDICT_ACTIONS = ("allow", "review", "delete", "delete_and_ban", "restore")
_VIOLATION_ACTIONS = ("delete", "delete_and_ban")


@dataclass(frozen=True)
class CommentRow:
    """A stored comment version. ``is_new`` is True when this ``save_comment`` call inserted it."""

    id: int
    key: str
    version: int
    platform: str
    community_id: int
    kind: str
    object_id: str
    owner_id: str
    comment_id: str
    author_id: str
    text: str
    created_at: int
    received_at: float
    url: str
    event_id: str
    state: str
    by_community: bool = False
    is_new: bool = False

    def to_comment(self) -> Comment:
        """Back to the platform-free :class:`Comment` (for the judge / re-processing)."""
        return Comment(
            platform=self.platform,
            community_id=self.community_id,
            kind=self.kind,
            comment_id=self.comment_id,
            author_id=self.author_id,
            text=self.text,
            created_at=self.created_at,
            object_id=self.object_id,
            owner_id=self.owner_id,
            url=self.url,
            received_at=self.received_at,
            event_id=self.event_id,
            edited=self.version > 1,
            by_community=self.by_community,
        )


@dataclass(frozen=True)
class BanRow:
    """One local blacklist entry. ``community_id`` None = all communities; ``until`` None = forever."""

    id: int
    platform: str
    community_id: int | None
    author_id: str
    until: int | None
    reason: str
    category: str
    decided_by: str
    decision_id: int | None
    created_at: float
    lifted_at: float | None
    lifted_by: str | None
    platform_error: str | None = None


@dataclass(frozen=True)
class BanRequest:
    """A local blacklist entry to write together with a decision (see :meth:`Store.save_decision`)."""

    platform: str
    author_id: str
    community_id: int | None  # None = every community of the platform (organisation scope)
    until: int | None  # None = forever
    reason: str = ""
    category: str = ""


def action_key(action: Action, *, comment_key: str = "", author_id: int | None = None) -> str:
    """Default idempotency key of an action.

    ``delete:<comment key>`` — a comment is deleted at most once whoever asks; ``restore``,
    ``ban`` and ``unban`` include the decision id (``ban:<platform>:<community>:<author>:<decision>``)
    because a moderator may legitimately repeat them after an opposite decision. (The store itself
    suffixes a delete with its decision id when the comment was restored in between.)
    """
    if action.kind not in ACTION_KINDS:
        raise ValueError(f"unknown action kind {action.kind!r} (known: {', '.join(ACTION_KINDS)})")
    if action.kind == "delete":
        if not comment_key:
            raise ValueError("a delete action needs the comment key for its idempotency key")
        return f"delete:{comment_key}"
    if action.kind == "restore":
        if not comment_key:
            raise ValueError("a restore action needs the comment key for its idempotency key")
        return f"restore:{comment_key}:{action.decision_id}"
    if author_id is None:
        raise ValueError(f"a {action.kind} action needs the author id for its idempotency key")
    return f"{action.kind}:{action.platform}:{action.community_id}:{author_id}:{action.decision_id}"


# --------------------------------------------------------------------------------------------
# schema migrations: append only. Each runs inside the same transaction as its schema_version row,
# so a crash mid-migration leaves the previous version intact.

_V1 = [
    """CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        platform TEXT NOT NULL,
        community_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        object_id INTEGER NOT NULL DEFAULT 0,
        owner_id INTEGER NOT NULL DEFAULT 0,
        comment_id INTEGER NOT NULL,
        author_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        received_at REAL NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        event_id TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'received',
        UNIQUE (key, version)
    )""",
    "CREATE INDEX comments_state ON comments(state, id)",
    "CREATE INDEX comments_author ON comments(platform, author_id)",
    "CREATE INDEX comments_community ON comments(platform, community_id, received_at)",
    """CREATE TABLE events (
        platform TEXT NOT NULL,
        community_id INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (platform, community_id, event_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX events_at ON events(at)",
    """CREATE TABLE verdicts (
        id INTEGER PRIMARY KEY,
        comment_row INTEGER NOT NULL REFERENCES comments(id),
        model_version TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '[]',
        scores TEXT NOT NULL DEFAULT '{}',
        evidence TEXT NOT NULL DEFAULT '[]',
        ground TEXT NOT NULL DEFAULT '',
        error TEXT,
        at REAL NOT NULL
    )""",
    "CREATE INDEX verdicts_comment ON verdicts(comment_row)",
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        comment_key TEXT NOT NULL DEFAULT '',
        comment_version INTEGER,
        comment_row INTEGER REFERENCES comments(id),
        verdict_id INTEGER REFERENCES verdicts(id),
        action TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '[]',
        ban_days INTEGER,
        decided_by TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        scores TEXT NOT NULL DEFAULT '{}',
        evidence TEXT NOT NULL DEFAULT '[]',
        model_version TEXT NOT NULL DEFAULT '',
        mode TEXT NOT NULL DEFAULT 'enforce',
        at REAL NOT NULL
    )""",
    # The judge decides a comment version exactly once, even if the daemon is restarted mid-way.
    "CREATE UNIQUE INDEX decisions_auto_once ON decisions(comment_row) WHERE decided_by = 'auto' AND comment_row IS NOT NULL",
    "CREATE INDEX decisions_comment ON decisions(comment_key, id)",
    "CREATE INDEX decisions_at ON decisions(at)",
    """CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decisions(id),
        kind TEXT NOT NULL,
        platform TEXT NOT NULL,
        community_id INTEGER NOT NULL,
        method TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}',
        key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        result TEXT,
        created_at REAL NOT NULL,
        done_at REAL,
        next_attempt_at REAL NOT NULL
    )""",
    "CREATE INDEX actions_due ON actions(state, next_attempt_at, id)",
    "CREATE INDEX actions_decision ON actions(decision_id)",
    """CREATE TABLE bans (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        community_id INTEGER,
        author_id INTEGER NOT NULL,
        until INTEGER,
        reason TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT 'auto',
        decision_id INTEGER REFERENCES decisions(id),
        created_at REAL NOT NULL,
        lifted_at REAL,
        lifted_by TEXT
    )""",
    "CREATE INDEX bans_author ON bans(platform, author_id)",
    """CREATE TABLE cursors (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at REAL NOT NULL
    )""",
    """CREATE TABLE labels (
        id INTEGER PRIMARY KEY,
        comment_key TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '[]',
        by TEXT NOT NULL,
        at REAL NOT NULL
    )""",
    "CREATE INDEX labels_comment ON labels(comment_key)",
    """CREATE TABLE moderators (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'moderator',
        created_at REAL NOT NULL,
        disabled_at REAL
    )""",
    """CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        moderator TEXT NOT NULL REFERENCES moderators(name),
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL
    )""",
]

_VIOLATIONS_VIEW = f"""
    SELECT c.platform AS platform, c.author_id AS author_id, c.community_id AS community_id,
           d.comment_key AS comment_key, d.category AS category, d.at AS at, d.id AS decision_id
    FROM decisions d JOIN comments c ON c.id = d.comment_row
    WHERE d.action IN {_VIOLATION_ACTIONS!r}
      AND d.id = (SELECT max(d2.id) FROM decisions d2
                  WHERE d2.comment_key = d.comment_key AND d2.action IN {_COMMENT_VERDICT_ACTIONS!r})
"""


def _migration_1(db: sqlite_utils.Database) -> None:
    for stmt in _V1:
        db.execute(stmt)
    db.create_view("author_violations", _VIOLATIONS_VIEW)


def _migration_2(db: sqlite_utils.Database) -> None:
    """Index decisions by comment row: the ladder's history lookup joins on it for every comment,
    and the only index there was partial (auto decisions), which SQLite cannot use for the join."""
    db.execute("CREATE INDEX IF NOT EXISTS decisions_row ON decisions(comment_row)")


_V3_COMMENTS = """CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        platform TEXT NOT NULL,
        community_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        object_id TEXT NOT NULL DEFAULT '',
        owner_id TEXT NOT NULL DEFAULT '',
        comment_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        received_at REAL NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        event_id TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'received',
        by_community INTEGER NOT NULL DEFAULT 0,
        UNIQUE (key, version)
    )"""

_V3_BANS = """CREATE TABLE bans (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        community_id INTEGER,
        author_id TEXT NOT NULL,
        until INTEGER,
        reason TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT 'auto',
        decision_id INTEGER REFERENCES decisions(id),
        created_at REAL NOT NULL,
        lifted_at REAL,
        lifted_by TEXT
    )"""


def _migration_3(db: sqlite_utils.Database) -> None:
    """The platform port: ids are opaque text, the outbox lease and dependencies get columns.

    * ``comments`` (comment, author, object, owner ids) and ``bans`` (author id) are rebuilt with
      TEXT columns — OK ids look like ``mid:…`` — keeping every row and its id (foreign keys from
      verdicts/decisions stay valid). ``comments.by_community`` keeps the "posted by the community
      itself" fact that VK encoded as a negative author id.
    * ``actions.lease_until`` replaces the "in flight" note in ``last_error``; ``depends_on`` makes
      a restore wait for its delete; states gain ``manual`` and ``cancelled``.
    * ``decisions.undoes`` links an undo to what it undoes; ``labels`` gain the decision that made
      them and a ``dropped_at`` mark for labels whose decision was undone.
    """
    db.execute("DROP VIEW IF EXISTS author_violations")
    # SQLite's own recipe for changing column types (create new, copy, drop old, rename new): the
    # other tables' foreign keys keep naming ``comments``/``bans``. ``Store._migrate`` turns
    # foreign-key enforcement off around migrations and checks the keys before it commits.
    db.execute(_V3_COMMENTS.replace("CREATE TABLE comments", "CREATE TABLE comments_v3", 1))
    db.execute(
        """INSERT INTO comments_v3 (id, key, version, platform, community_id, kind, object_id, owner_id, comment_id,
               author_id, text, created_at, received_at, url, event_id, state, by_community)
           SELECT id, key, version, platform, community_id, kind, CAST(object_id AS TEXT),
                  CASE WHEN owner_id = 0 THEN '' ELSE CAST(owner_id AS TEXT) END, CAST(comment_id AS TEXT),
                  CAST(author_id AS TEXT), text, created_at, received_at, url, event_id, state,
                  (platform = 'vk' AND author_id = -community_id)
           FROM comments"""
    )
    db.execute("DROP TABLE comments")
    db.execute("ALTER TABLE comments_v3 RENAME TO comments")
    for stmt in (
        "CREATE INDEX comments_state ON comments(state, id)",
        "CREATE INDEX comments_author ON comments(platform, author_id)",
        "CREATE INDEX comments_community ON comments(platform, community_id, received_at)",
    ):
        db.execute(stmt)
    db.execute(_V3_BANS.replace("CREATE TABLE bans", "CREATE TABLE bans_v3", 1))
    db.execute(
        """INSERT INTO bans_v3 (id, platform, community_id, author_id, until, reason, category, decided_by,
               decision_id, created_at, lifted_at, lifted_by)
           SELECT id, platform, community_id, CAST(author_id AS TEXT), until, reason, category, decided_by,
                  decision_id, created_at, lifted_at, lifted_by FROM bans"""
    )
    db.execute("DROP TABLE bans")
    db.execute("ALTER TABLE bans_v3 RENAME TO bans")
    db.execute("CREATE INDEX bans_author ON bans(platform, author_id)")
    db.execute("CREATE INDEX bans_decision ON bans(decision_id)")
    db.execute("ALTER TABLE actions ADD COLUMN lease_until REAL")
    db.execute("ALTER TABLE actions ADD COLUMN depends_on INTEGER REFERENCES actions(id)")
    db.execute("ALTER TABLE actions ADD COLUMN done_by TEXT")
    db.execute(
        "UPDATE actions SET lease_until = next_attempt_at, last_error = '' "
        "WHERE state = 'pending' AND last_error LIKE 'in flight%'"
    )
    db.execute("CREATE INDEX actions_depends ON actions(depends_on) WHERE depends_on IS NOT NULL")
    db.execute("ALTER TABLE decisions ADD COLUMN undoes INTEGER REFERENCES decisions(id)")
    # The decision's subject, also for decisions about an author rather than a comment (a manual
    # ban): the journal filters on them without joining comments.
    db.execute("ALTER TABLE decisions ADD COLUMN platform TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE decisions ADD COLUMN community_id INTEGER")
    db.execute("ALTER TABLE decisions ADD COLUMN author_id TEXT NOT NULL DEFAULT ''")
    db.execute(
        """UPDATE decisions SET
               platform = coalesce((SELECT c.platform FROM comments c WHERE c.id = decisions.comment_row), ''),
               community_id = (SELECT c.community_id FROM comments c WHERE c.id = decisions.comment_row),
               author_id = coalesce((SELECT c.author_id FROM comments c WHERE c.id = decisions.comment_row), '')"""
    )
    db.execute(
        """UPDATE decisions SET platform = b.platform, community_id = b.community_id, author_id = b.author_id
           FROM (SELECT decision_id, platform, community_id, author_id FROM bans) b
           WHERE b.decision_id = decisions.id AND decisions.comment_row IS NULL"""
    )
    db.execute("CREATE INDEX decisions_author ON decisions(platform, author_id)")
    db.execute("CREATE INDEX decisions_community ON decisions(platform, community_id, at)")
    db.execute("ALTER TABLE labels ADD COLUMN decision_id INTEGER REFERENCES decisions(id)")
    db.execute("ALTER TABLE labels ADD COLUMN comment_row INTEGER REFERENCES comments(id)")
    db.execute("ALTER TABLE labels ADD COLUMN dropped_at REAL")
    db.execute("ALTER TABLE labels ADD COLUMN dropped_by TEXT")
    db.execute("CREATE INDEX labels_decision ON labels(decision_id)")
    db.create_view("author_violations", _VIOLATIONS_VIEW)


def _migration_4(db: sqlite_utils.Database) -> None:
    """Hardening: nothing a platform sends can stop moderation.

    * ``comments.text_original``: when a text held what SQLite cannot store (a lone UTF-16
      surrogate), ``text`` keeps a cleaned copy and this column the exact original as an ASCII JSON
      string literal (NULL otherwise).
    * ``poison``: events and comments that could not be stored or decided, recorded once with the
      error and skipped, so one bad item never stalls a page.
    * ``bans.platform_error``: the platform refused the ban that goes with this blacklist entry.
    """
    db.execute("ALTER TABLE comments ADD COLUMN text_original TEXT")
    db.execute(
        """CREATE TABLE poison (
            id INTEGER PRIMARY KEY,
            stage TEXT NOT NULL,
            platform TEXT NOT NULL DEFAULT '',
            community_id INTEGER,
            event_id TEXT NOT NULL DEFAULT '',
            comment_row INTEGER,
            error TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL
        )"""
    )
    db.execute("CREATE INDEX poison_at ON poison(at)")
    db.execute("ALTER TABLE bans ADD COLUMN platform_error TEXT")
    db.execute("CREATE INDEX decisions_action ON decisions(action, at)")


def _migration_5(db: sqlite_utils.Database) -> None:
    """The moderators' workspace (``bot/web``).

    * ``moderators`` gain the organisation and the explicit communities (JSON ``["vk:1", …]``) they
      may see and act on, and when their password changed / they last logged in.
    * ``sessions`` keep their CSRF token, the client address and when they were last used.
    * ``login_failures``: failed logins by account and by address, for rate limiting (kept in the
      database so a restart does not forgive an attacker, and ``modbot web`` + ``modbot run`` share it).
    * ``audit``: logins, logouts and every moderator action that is not a decision (retry or dismiss
      a failed action, «удалено вручную», accounts) — decisions are journalled in ``decisions``.
    * Indexes for the workspace's pages (undo lookups, journal by who, the dashboard).
    """
    db.execute("ALTER TABLE moderators ADD COLUMN organisation TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE moderators ADD COLUMN communities TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE moderators ADD COLUMN password_changed_at REAL")
    db.execute("ALTER TABLE moderators ADD COLUMN last_login_at REAL")
    db.execute("ALTER TABLE sessions ADD COLUMN csrf TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE sessions ADD COLUMN last_seen_at REAL")
    db.execute("ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX sessions_moderator ON sessions(moderator)")
    db.execute(
        """CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL,
            address TEXT NOT NULL,
            at REAL NOT NULL,
            forgiven INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX login_failures_account ON login_failures(account, at)")
    db.execute("CREATE INDEX login_failures_address ON login_failures(address, at)")
    db.execute(
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            platform TEXT,
            community_id INTEGER
        )"""
    )
    db.execute("CREATE INDEX audit_at ON audit(at)")
    db.execute("CREATE INDEX decisions_undoes ON decisions(undoes) WHERE undoes IS NOT NULL")
    db.execute("CREATE INDEX decisions_undone_at ON decisions(at, undoes) WHERE undoes IS NOT NULL")
    db.execute("CREATE INDEX decisions_by ON decisions(decided_by, id)")
    # Covering indexes for the dashboard and the model page: with 200,000 comments they turn
    # table scans into index-only scans of what the figures need (the judge's "allow", ~80 % of
    # all decisions, is left out of the decisions one).
    db.execute("CREATE INDEX comments_first_seen ON comments(platform, community_id, received_at) WHERE version = 1")
    db.execute(
        """CREATE INDEX decisions_dashboard ON decisions(at, action, platform, community_id, category, decided_by,
               mode, model_version) WHERE undoes IS NULL AND action != 'allow'"""
    )
    db.execute("CREATE INDEX actions_done ON actions(kind, state, done_at)")
    db.execute("CREATE INDEX verdicts_model ON verdicts(model_version, at)")


def _migration_6(db: sqlite_utils.Database) -> None:
    """Reports for the regional centre (clause 15): the page's own publications, each stored once
    (a pushed event and a wall read of the same post are one row)."""
    db.execute(
        """CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            community_id INTEGER NOT NULL,
            post_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            event_id TEXT NOT NULL DEFAULT '',
            received_at REAL NOT NULL,
            UNIQUE (platform, community_id, post_id)
        )"""
    )
    db.execute("CREATE INDEX posts_created ON posts(platform, community_id, created_at)")
    # reports count comments by when they were written (a comment backfilled after an outage
    # belongs to the day its author wrote it, not to the day modbot caught up)
    db.execute("CREATE INDEX comments_created ON comments(platform, community_id, created_at)")


#: Ordered migrations; index + 1 is the schema version. Only ever append.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6,
]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=False)


def _dumps_lenient(value: Any) -> str:
    """JSON of a platform result; something unserialisable is kept as its ``str`` rather than lost."""
    try:
        return _dumps(value)
    except (TypeError, ValueError):
        return json.dumps(str(value), ensure_ascii=False)


def _json_default(o: Any) -> Any:
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    if isinstance(o, set | frozenset | tuple):
        return list(o)
    if isinstance(o, Path):
        return str(o)
    if hasattr(o, "item"):  # numpy scalars from the model
        return o.item()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def _loads(value: str | None, default: Any) -> Any:
    if value is None or value == "":
        return default
    return json.loads(value)


_COMMENT_FIELDS = [f.name for f in fields(CommentRow) if f.name != "is_new"]
_BAN_FIELDS = [f.name for f in fields(BanRow)]


def _comment_row(r: Mapping[str, Any], is_new: bool = False) -> CommentRow:
    values = {k: r[k] for k in _COMMENT_FIELDS}
    values["by_community"] = bool(values["by_community"])
    return CommentRow(**values, is_new=is_new)


def _ban_row(r: Mapping[str, Any]) -> BanRow:
    return BanRow(**{k: r[k] for k in _BAN_FIELDS})


def _action(r: Mapping[str, Any]) -> Action:
    return Action(
        decision_id=r["decision_id"],
        kind=r["kind"],
        platform=r["platform"],
        community_id=r["community_id"],
        method=r["method"],
        params=_loads(r["params"], {}),
        state=r["state"],
        attempts=r["attempts"],
        error=r["last_error"],
        id=r["id"],
        depends_on=r["depends_on"],
        lease_until=r["lease_until"],
        key=r["key"],
    )


def _decision_dict(r: Mapping[str, Any]) -> dict[str, Any]:
    d = dict(r)
    for k, default in (("labels", []), ("scores", {}), ("evidence", [])):
        if k in d:
            d[k] = _loads(d[k], default)
    return d


def _create_private(path: Path) -> None:
    """Create the database file readable by its owner only (comments and authors are personal data)."""
    if path.exists() or str(path) == ":memory:":
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


#: The daemon writes its health (JSON) into this cursor every HEARTBEAT_SECONDS; ``modbot status``
#: reads it without reaching the daemon.
HEARTBEAT_CURSOR = "daemon:health"
HEARTBEAT_SECONDS = 15.0

_SURROGATE = re.compile("[\ud800-\udfff]")
#: SQLite INTEGER is 64-bit; platform dates beyond this are nonsense and are clamped.
_MAX_TIME = 2**53


def _fits(value: int | None) -> bool:
    return isinstance(value, int) and -(2**63) <= value < 2**63


def clean_text(value: str) -> str:
    """Text SQLite can hold (valid UTF-8): surrogate pairs joined, lone surrogates → U+FFFD."""
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def original_if_changed(value: str) -> str | None:
    """The exact original as an ASCII JSON string literal, when :func:`clean_text` changed it."""
    return json.dumps(value) if clean_text(value) != value else None


class Store:
    """All persistent state. Sync and thread-safe (one connection guarded by a lock); each call is
    short, so the asyncio daemon may call it directly or through ``asyncio.to_thread``."""

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
            if self.schema_version != len(MIGRATIONS):
                raise RuntimeError(f"{self.path} has schema version {self.schema_version}, this modbot reads "
                                   f"{len(MIGRATIONS)}: start the daemon (or any writing command) once to upgrade it")
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
                if current > len(MIGRATIONS):
                    raise RuntimeError(
                        f"{self.path} has schema version {current}, newer than this modbot ({len(MIGRATIONS)}); "
                        "upgrade modbot instead of downgrading"
                    )
                for version in range(current + 1, len(MIGRATIONS) + 1):
                    MIGRATIONS[version - 1](self.db)
                    conn.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, time.time())
                    )
                if current < len(MIGRATIONS):
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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- intake ------------------------------------------------------------------------------
    def record_event(self, platform: str, community_id: int, event_id: str, now: float | None = None) -> bool:
        """Remember a platform event id; False if it was already seen (a redelivery to skip).

        ``save_comment`` records the comment's own ``event_id`` in its transaction, so use this only
        for events that carry no comment (bans, deletes by others) or as a cheap early filter.
        An empty ``event_id`` cannot be deduplicated and always returns True."""
        if not event_id:
            return True
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO events (platform, community_id, event_id, at) VALUES (?, ?, ?, ?)",
                (platform, community_id, clean_text(event_id), time.time() if now is None else now),
            )
            return cur.rowcount == 1

    def event_seen(self, platform: str, community_id: int, event_id: str) -> bool:
        """True if the event id was recorded (read-only check)."""
        if not event_id:
            return False
        return (
            self._one(
                "SELECT 1 AS x FROM events WHERE platform = ? AND community_id = ? AND event_id = ?",
                (platform, community_id, clean_text(event_id)),
            )
            is not None
        )

    def prune_events(self, older_than: float) -> int:
        """Forget event ids recorded before ``older_than`` (unix); returns rows removed."""
        with self._tx() as conn:
            return conn.execute("DELETE FROM events WHERE at < ?", (older_than,)).rowcount

    def record_poison(
        self,
        stage: str,
        error: str,
        *,
        platform: str = "",
        community_id: int | None = None,
        event_id: str = "",
        comment_row: int | None = None,
        payload: Any = None,
        now: float | None = None,
    ) -> int:
        """Something that could not be stored (``stage`` "store") or decided ("decide"): recorded
        once with its error and an ASCII copy of what it was, then skipped. Its event id is
        remembered, so a redelivery is skipped too. Returns the record's id."""
        now = time.time() if now is None else now
        try:
            body = json.dumps(payload, default=repr)[:65536] if payload is not None else ""
        except (TypeError, ValueError, RecursionError):
            body = repr(payload)[:65536].encode("ascii", "backslashreplace").decode("ascii")
        with self._tx() as conn:
            cur = conn.execute(
                """INSERT INTO poison (stage, platform, community_id, event_id, comment_row, error, payload, at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (stage, clean_text(platform), community_id if _fits(community_id) else None,
                 clean_text(event_id)[:200], comment_row, clean_text(error)[:2000], body, now),
            )
            if event_id and platform and _fits(community_id):
                conn.execute(
                    "INSERT OR IGNORE INTO events (platform, community_id, event_id, at) VALUES (?, ?, ?, ?)",
                    (clean_text(platform), community_id, clean_text(event_id)[:200], now),
                )
            return int(cur.lastrowid or 0)

    def poison(self, limit: int = 50) -> list[dict[str, Any]]:
        """The newest poison records (for ``modbot status`` and the moderators' attention page)."""
        return self._rows("SELECT * FROM poison ORDER BY id DESC LIMIT ?", (int(limit),))

    def save_comment(self, c: Comment) -> CommentRow:
        """Store a comment before anything else happens to it. Idempotent: the same key with the
        same text as its latest version returns that row (``is_new=False``); a different text is an
        edit and becomes a new version (``is_new=True``, state ``received``).

        A redelivered event (its ``event_id`` already recorded) returns the version with that text
        even if the comment was edited since, so a replayed "new comment" never resurrects old text
        as a fresh version. The event id is recorded in the same transaction."""
        original = original_if_changed(c.text)
        if original is not None or any(_SURROGATE.search(v) for v in (c.comment_id, c.author_id, c.object_id,
                                                                       c.owner_id, c.url, c.event_id)):
            c = dataclasses.replace(c, text=clean_text(c.text), comment_id=clean_text(c.comment_id),
                                    author_id=clean_text(c.author_id), object_id=clean_text(c.object_id),
                                    owner_id=clean_text(c.owner_id), url=clean_text(c.url),
                                    event_id=clean_text(c.event_id))
        key = c.key
        now = time.time()
        with self._tx() as conn:
            latest = self._one("SELECT * FROM comments WHERE key = ? ORDER BY version DESC LIMIT 1", (key,))
            if latest is not None and latest["text"] == c.text:
                self._record_event_in_tx(conn, c, now)
                return _comment_row(latest)
            if latest is not None and c.event_id and self.event_seen(c.platform, c.community_id, c.event_id):
                same = self._one(
                    "SELECT * FROM comments WHERE key = ? AND text = ? ORDER BY version DESC LIMIT 1",
                    (key, c.text),
                )
                if same is not None:
                    return _comment_row(same)
            version = 1 if latest is None else int(latest["version"]) + 1
            cur = conn.execute(
                """INSERT INTO comments (key, version, platform, community_id, kind, object_id, owner_id,
                       comment_id, author_id, text, created_at, received_at, url, event_id, state, by_community,
                       text_original)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)""",
                (
                    key,
                    version,
                    c.platform,
                    c.community_id,
                    c.kind,
                    c.object_id,
                    c.owner_id,
                    c.comment_id,
                    c.author_id,
                    c.text,
                    min(max(int(c.created_at), -_MAX_TIME), _MAX_TIME),
                    c.received_at or now,
                    c.url,
                    c.event_id,
                    int(bool(c.by_community)),
                    original,
                ),
            )
            self._record_event_in_tx(conn, c, now)
            row = self._one("SELECT * FROM comments WHERE id = ?", (cur.lastrowid,))
            assert row is not None
            return _comment_row(row, is_new=True)

    @staticmethod
    def _record_event_in_tx(conn: sqlite3.Connection, c: Comment, now: float) -> None:
        if c.event_id:
            conn.execute(
                "INSERT OR IGNORE INTO events (platform, community_id, event_id, at) VALUES (?, ?, ?, ?)",
                (c.platform, c.community_id, c.event_id, now),
            )

    def get_comment(self, key: str, version: int | None = None) -> CommentRow | None:
        """A comment by key: the given version, or the latest."""
        if version is None:
            row = self._one("SELECT * FROM comments WHERE key = ? ORDER BY version DESC LIMIT 1", (key,))
        else:
            row = self._one("SELECT * FROM comments WHERE key = ? AND version = ?", (key, version))
        return _comment_row(row) if row else None

    def get_comment_row(self, row_id: int) -> CommentRow | None:
        """A comment version by its row id."""
        row = self._one("SELECT * FROM comments WHERE id = ?", (row_id,))
        return _comment_row(row) if row else None

    def comment_versions(self, key: str) -> list[CommentRow]:
        """Every stored version of a comment, oldest first (the UI shows the edit history)."""
        return [
            _comment_row(r)
            for r in self._rows("SELECT * FROM comments WHERE key = ? ORDER BY version", (key,))
        ]

    def comments_to_judge(self, limit: int | None = None) -> list[CommentRow]:
        """Stored but not yet judged (state ``received``), oldest first — crash recovery."""
        sql = "SELECT * FROM comments WHERE state = 'received' ORDER BY id"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (int(limit),)
        return [_comment_row(r) for r in self._rows(sql, params)]

    # -- judgement ---------------------------------------------------------------------------
    def _insert_verdict(
        self, conn: sqlite3.Connection, comment_row: int, verdict: Verdict, now: float
    ) -> int:
        cur = conn.execute(
            """INSERT INTO verdicts (comment_row, model_version, action, labels, scores, evidence, ground, error, at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                comment_row,
                verdict.model_version,
                verdict.action,
                _dumps(list(verdict.labels)),
                _dumps({k: float(v) for k, v in verdict.scores.items()}),
                _dumps(verdict.evidence),
                verdict.ground,
                verdict.error,
                now,
            ),
        )
        conn.execute(
            "UPDATE comments SET state = 'judged' WHERE id = ? AND state = 'received'", (comment_row,)
        )
        return int(cur.lastrowid or 0)

    def save_verdict(self, comment_row: int, verdict: Verdict, now: float | None = None) -> int:
        """Store a verdict alone and mark the comment ``judged``; returns the verdict id.

        For outcomes with no decision to journal. When there is one, pass the verdict to
        :meth:`save_decision` instead so both commit together. Judged exactly once: if the comment
        is already past ``received`` and has a verdict, that verdict's id is returned unchanged."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            row = self._one("SELECT state FROM comments WHERE id = ?", (comment_row,))
            if row is None:
                raise ValueError(f"no stored comment with row id {comment_row}")
            if row["state"] != "received":
                prev = self._one("SELECT max(id) AS id FROM verdicts WHERE comment_row = ?", (comment_row,))
                if prev and prev["id"] is not None:
                    return int(prev["id"])
            return self._insert_verdict(conn, comment_row, verdict, now)

    def save_decision(
        self,
        decision: Decision,
        *,
        comment_row: int | None = None,
        verdict: Verdict | None = None,
        category: str = "",
        scores: dict[str, float] | None = None,
        evidence: list[Any] | None = None,
        model_version: str = "",
        mode: str = "enforce",
        actions: Sequence[Action] = (),
        ban: BanRequest | Sequence[BanRequest] | None = None,
        subject: tuple[str, int | None, str] | None = None,
        now: float | None = None,
    ) -> int:
        """Journal a decision with everything that follows from it, in ONE transaction.

        ``ban`` may be several requests: an organisation-wide ban is one row per community.

        Writes the verdict (if given; its scores/evidence/model version fill the blanks), the
        decision, each action into the outbox (``decision_id`` filled in, default idempotency keys
        from :func:`action_key`, duplicates ignored), the local ban row, and moves the comment to
        ``judged``. ``comment_row`` defaults to the latest version of ``decision.comment_key``
        (a decision with an empty key, e.g. a moderator's unban from the blacklist page, has none;
        ``subject`` = ``(platform, community_id, author_id)`` then names whom it is about).
        An ``auto`` decision for a comment row that already has one returns the existing id and
        writes nothing (judged exactly once). Sets ``decision.id`` and returns it."""
        if decision.action not in DECISION_ACTIONS:
            raise ValueError(
                f"unknown decision action {decision.action!r} (known: {', '.join(DECISION_ACTIONS)})"
            )
        if mode not in ("enforce", "shadow"):
            raise ValueError(f"mode must be enforce or shadow, got {mode!r}")
        now = time.time() if now is None else now
        with self._tx() as conn:
            row: dict[str, Any] | None = None
            if comment_row is not None:
                row = self._one("SELECT * FROM comments WHERE id = ?", (comment_row,))
                if row is None:
                    raise ValueError(f"no stored comment with row id {comment_row}")
                if decision.comment_key and row["key"] != decision.comment_key:
                    raise ValueError(f"comment row {comment_row} is {row['key']}, not {decision.comment_key}")
            elif decision.comment_key:
                row = self._one(
                    "SELECT * FROM comments WHERE key = ? ORDER BY version DESC LIMIT 1",
                    (decision.comment_key,),
                )
                if row is None:
                    raise ValueError(f"no stored comment with key {decision.comment_key!r}")
            if row is not None and decision.decided_by == "auto":
                prev = self._one(
                    "SELECT id FROM decisions WHERE comment_row = ? AND decided_by = 'auto'", (row["id"],)
                )
                if prev is not None:
                    decision.id = int(prev["id"])
                    return decision.id
            verdict_id = None
            if verdict is not None:
                if row is None:
                    raise ValueError("a verdict needs a stored comment")
                verdict_id = self._insert_verdict(conn, row["id"], verdict, now)
                scores = verdict.scores if scores is None else scores
                evidence = verdict.evidence if evidence is None else evidence
                model_version = model_version or verdict.model_version
            if row is not None:
                subject = (row["platform"], row["community_id"], row["author_id"])
            platform, community_id, author_id = subject or ("", None, "")
            cur = conn.execute(
                """INSERT INTO decisions (comment_key, comment_version, comment_row, verdict_id, action, labels,
                       ban_days, decided_by, reason, category, scores, evidence, model_version, mode, at,
                       undoes, platform, community_id, author_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    decision.comment_key,
                    row["version"] if row else None,
                    row["id"] if row else None,
                    verdict_id,
                    decision.action,
                    _dumps(list(decision.labels)),
                    decision.ban_days,
                    decision.decided_by,
                    decision.reason,
                    category or (decision.labels[0] if decision.labels else ""),
                    _dumps({k: float(v) for k, v in (scores or {}).items()}),
                    _dumps(evidence or []),
                    model_version,
                    mode,
                    now,
                    decision.undoes,
                    platform,
                    community_id,
                    str(author_id),
                ),
            )
            decision_id = int(cur.lastrowid or 0)
            if row is not None:
                conn.execute(
                    "UPDATE comments SET state = 'judged' WHERE id = ? AND state = 'received'", (row["id"],)
                )
            for a in actions:
                a.decision_id = decision_id
                self.enqueue_action(a, now=now)
            for req in [ban] if isinstance(ban, BanRequest) else list(ban or ()):
                self.ban(
                    req.platform,
                    req.author_id,
                    community_id=req.community_id,
                    until=req.until,
                    reason=req.reason or decision.reason,
                    category=req.category or category,
                    decided_by=decision.decided_by,
                    decision_id=decision_id,
                    now=now,
                )
            decision.id = decision_id
            return decision_id

    def get_decision(self, decision_id: int) -> dict[str, Any] | None:
        """One decision row (JSON columns decoded)."""
        row = self._one("SELECT * FROM decisions WHERE id = ?", (decision_id,))
        return _decision_dict(row) if row else None

    def undo_of(self, decision_id: int) -> dict[str, Any] | None:
        """The decision that undid ``decision_id``, if any."""
        row = self._one("SELECT * FROM decisions WHERE undoes = ? ORDER BY id LIMIT 1", (decision_id,))
        return _decision_dict(row) if row else None

    def verdicts_for(self, comment_row: int) -> list[dict[str, Any]]:
        """Verdicts stored for a comment version, oldest first (JSON columns decoded)."""
        return [
            _decision_dict(r)
            for r in self._rows("SELECT * FROM verdicts WHERE comment_row = ? ORDER BY id", (comment_row,))
        ]

    # -- outbox ------------------------------------------------------------------------------
    def enqueue_action(
        self, action: Action, *, key: str | None = None, now: float | None = None
    ) -> int | None:
        """Queue one action (INSERT OR IGNORE on its idempotency key). Returns the new id, or None
        if an action with that key already exists — never two identical actions.

        The key is ``key``, else ``action.key``, else :func:`action_key` from the decision's comment.
        An action may be queued as ``manual`` (a moderator must perform it by hand); its
        ``error`` then says what to do, in Russian, and is kept as ``last_error``."""
        if action.kind not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {action.kind!r} (known: {', '.join(ACTION_KINDS)})")
        if action.state not in ("pending", "manual"):
            raise ValueError(f"a new action is pending or manual, not {action.state!r}")
        now = time.time() if now is None else now
        with self._tx() as conn:
            d = self._one(
                """SELECT d.comment_key AS comment_key, coalesce(c.author_id, nullif(d.author_id, '')) AS author_id
                   FROM decisions d LEFT JOIN comments c ON c.id = d.comment_row WHERE d.id = ?""",
                (action.decision_id,),
            )
            if d is None:
                raise ValueError(f"action refers to unknown decision {action.decision_id}")
            key = key or action.key
            if not key:
                key = action_key(action, comment_key=d["comment_key"], author_id=d["author_id"])
                if action.kind == "delete":
                    # deleted, then restored by a moderator, now deleted again: a new intent.
                    restored = self._one(
                        "SELECT count(*) AS n FROM actions WHERE kind = 'restore' AND key LIKE ? ESCAPE '\\'",
                        (_like_prefix(f"restore:{d['comment_key']}:"),),
                    )
                    if restored and restored["n"]:
                        key = f"{key}:{action.decision_id}"
            cur = conn.execute(
                """INSERT OR IGNORE INTO actions (decision_id, kind, platform, community_id, method, params, key,
                       state, attempts, last_error, created_at, next_attempt_at, depends_on)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""",
                (
                    action.decision_id,
                    action.kind,
                    action.platform,
                    action.community_id,
                    action.method,
                    _dumps(action.params),
                    key,
                    action.state,
                    action.error if action.state == "manual" else "",
                    now,
                    now,
                    action.depends_on,
                ),
            )
            if cur.rowcount != 1:
                return None
            action.id = int(cur.lastrowid or 0)
            action.key = key
            action.attempts, action.lease_until = 0, None
            if action.state != "manual":
                action.error = ""
            return action.id

    def due_actions(self, now: float | None = None, limit: int = 50) -> list[Action]:
        """Pending actions whose time has come, in creation order (a decision's delete before its
        ban), with ``Action.id`` set: not leased to a worker (or the lease ran out) and not waiting
        for an action they depend on. Reading does not claim: :meth:`claim_actions` does."""
        now = time.time() if now is None else now
        rows = self._rows(
            """SELECT * FROM actions a
               WHERE a.state = 'pending' AND a.next_attempt_at <= ?
                 AND (a.lease_until IS NULL OR a.lease_until <= ?)
                 AND (a.depends_on IS NULL
                      OR NOT EXISTS (SELECT 1 FROM actions p WHERE p.id = a.depends_on AND p.state = 'pending'))
               ORDER BY a.id LIMIT ?""",
            (now, now, int(limit)),
        )
        return [_action(r) for r in rows]

    def manual_actions(self, limit: int = 1000) -> list[Action]:
        """Actions waiting for a moderator's hand, oldest first (the outbox asks the platform from
        time to time whether someone already did them there)."""
        rows = self._rows("SELECT * FROM actions WHERE state = 'manual' ORDER BY id LIMIT ?", (int(limit),))
        return [_action(r) for r in rows]

    def unfinished_actions(self) -> list[Action]:
        """Every pending action, leased ones included, oldest first (the outbox's resume at start)."""
        return [_action(r) for r in self._rows("SELECT * FROM actions WHERE state = 'pending' ORDER BY id")]

    def next_action_at(self) -> float | None:
        """When the earliest pending action becomes due (None if the outbox is empty) — lets the
        worker sleep exactly as long as needed."""
        row = self._one(
            "SELECT min(max(next_attempt_at, coalesce(lease_until, 0))) AS t FROM actions WHERE state = 'pending'"
        )
        return None if row is None or row["t"] is None else float(row["t"])

    def claim_actions(self, ids: Sequence[int], lease_until: float, now: float | None = None) -> int:
        """Lease pending actions to the outbox worker until ``lease_until`` (attempts unchanged), in
        one transaction.

        A leased action is invisible to ``due_actions`` until the lease ends, so a slow call is not
        dispatched twice. The lease stays set until the outcome is recorded: an action found leased
        after a crash *may* have been performed, and the worker asks the platform before repeating
        it. Returns how many were leased (actions no longer pending are skipped)."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            n = 0
            for action_id in ids:
                n += conn.execute(
                    "UPDATE actions SET lease_until = ? WHERE id = ? AND state = 'pending'",
                    (lease_until, action_id),
                ).rowcount
            return n

    def get_action(self, action_id: int) -> Action | None:
        """One action by id."""
        row = self._one("SELECT * FROM actions WHERE id = ?", (action_id,))
        return _action(row) if row else None

    def action_key_of(self, action_id: int) -> str | None:
        """The idempotency key stored for an action (for logs and the UI)."""
        row = self._one("SELECT key FROM actions WHERE id = ?", (action_id,))
        return row["key"] if row else None

    def actions_for_decision(self, decision_id: int) -> list[Action]:
        """The outbox rows a decision produced."""
        return [
            _action(r)
            for r in self._rows("SELECT * FROM actions WHERE decision_id = ? ORDER BY id", (decision_id,))
        ]

    def _finish_comment_in_tx(self, conn: sqlite3.Connection, action_id: int) -> None:
        """The comment becomes ``acted`` once none of its actions is pending any more."""
        row = self._one(
            "SELECT d.comment_row AS r FROM actions a JOIN decisions d ON d.id = a.decision_id WHERE a.id = ?",
            (action_id,),
        )
        if row and row["r"] is not None:
            pending = self._one(
                """SELECT count(*) AS n FROM actions a JOIN decisions d ON d.id = a.decision_id
                   WHERE d.comment_row = ? AND a.state = 'pending'""",
                (row["r"],),
            )
            if pending and not pending["n"]:
                conn.execute("UPDATE comments SET state = 'acted' WHERE id = ? AND state != 'received'", (row["r"],))

    def mark_action_done(
        self, action_id: int, result: Any = None, now: float | None = None, *, by: str = ""
    ) -> bool:
        """The platform confirmed it (or, for a ``manual`` action, a moderator ``by`` did it by hand):
        state ``done``. Marking a done action again changes nothing and returns False."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """UPDATE actions SET state = 'done', attempts = attempts + (state = 'pending'), done_at = ?,
                          result = ?, last_error = '', lease_until = NULL, done_by = ?
                   WHERE id = ? AND state IN ('pending', 'manual', 'failed')""",
                (now, _dumps_lenient(result), by or None, action_id),
            )
            if cur.rowcount != 1:
                if self._one("SELECT 1 AS x FROM actions WHERE id = ?", (action_id,)) is None:
                    raise KeyError(f"no action {action_id}")
                return False
            self._finish_comment_in_tx(conn, action_id)
            return True

    def mark_action_failed(
        self,
        action_id: int,
        error: str,
        retry_at: float | None = None,
        now: float | None = None,
        *,
        maybe_sent: bool = False,
        count: bool = True,
    ) -> None:
        """Record a failed attempt. ``retry_at`` given: stay ``pending`` until then (transient error:
        rate limit, 5xx); ``maybe_sent`` keeps the lease so the retry first asks the platform
        whether the call took effect (the answer was lost); ``count=False`` (a paused token) does not
        count an attempt. None: give up, state ``failed`` (permanent: access denied, bad params),
        and a restore waiting for this action is cancelled — there is nothing to restore."""
        with self._tx() as conn:
            if retry_at is None:
                cur = conn.execute(
                    """UPDATE actions SET state = 'failed', attempts = attempts + ?, last_error = ?, lease_until = NULL
                       WHERE id = ? AND state = 'pending'""",
                    (int(count), error, action_id),
                )
                if cur.rowcount == 1:
                    self._cancel_dependents_in_tx(conn, action_id, "the action it undoes failed: nothing to undo")
                    # The blacklist entry stays (the daemon still removes the author's comments), but it
                    # says that the platform refused the ban itself.
                    conn.execute(
                        """UPDATE bans SET platform_error = ?
                           WHERE (decision_id, community_id) IN
                                 (SELECT decision_id, community_id FROM actions WHERE id = ? AND kind = 'ban')""",
                        (f"бан на платформе не выполнен: {error}", action_id),
                    )
            else:
                cur = conn.execute(
                    """UPDATE actions SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?,
                              lease_until = CASE WHEN ? THEN ? ELSE NULL END
                       WHERE id = ? AND state = 'pending'""",
                    (int(count), error, retry_at, int(maybe_sent), retry_at, action_id),
                )
            if (
                cur.rowcount != 1
                and self._one("SELECT 1 AS x FROM actions WHERE id = ?", (action_id,)) is None
            ):
                raise KeyError(f"no action {action_id}")

    def mark_action_manual(self, action_id: int, reason: str, now: float | None = None) -> bool:
        """The platform cannot do it through its API (found out at run time, e.g. a permission OK
        withholds): a moderator must do it by hand. Only a pending action can become manual."""
        with self._tx() as conn:
            cur = conn.execute(
                """UPDATE actions SET state = 'manual', last_error = ?, lease_until = NULL
                   WHERE id = ? AND state = 'pending'""",
                (reason, action_id),
            )
            return cur.rowcount == 1

    def _cancel_dependents_in_tx(self, conn: sqlite3.Connection, action_id: int, why: str) -> None:
        conn.execute(
            """UPDATE actions SET state = 'cancelled', last_error = ?, lease_until = NULL
               WHERE depends_on = ? AND state IN ('pending', 'manual')""",
            (why, action_id),
        )

    def cancel_action(self, action_id: int, why: str, now: float | None = None) -> bool:
        """Cancel an action that was never sent (pending and not leased, or manual and not done):
        an undo before the outbox got to it. False if it may already have been performed."""
        with self._tx() as conn:
            cur = conn.execute(
                """UPDATE actions SET state = 'cancelled', last_error = ?
                   WHERE id = ? AND ((state = 'pending' AND lease_until IS NULL)
                                     OR state = 'manual')""",
                (why, action_id),
            )
            if cur.rowcount == 1:
                self._cancel_dependents_in_tx(conn, action_id, why)
                self._finish_comment_in_tx(conn, action_id)
            return cur.rowcount == 1

    def requeue_action(self, action_id: int, now: float | None = None) -> bool:
        """Put a ``failed`` action back to ``pending`` (a moderator fixed the token, say). False if
        it was not failed."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """UPDATE actions SET state = 'pending', next_attempt_at = ?, lease_until = NULL
                   WHERE id = ? AND state = 'failed'""",
                (now, action_id),
            )
            if cur.rowcount == 1:
                conn.execute(
                    """UPDATE bans SET platform_error = NULL
                       WHERE (decision_id, community_id) IN
                             (SELECT decision_id, community_id FROM actions WHERE id = ? AND kind = 'ban')""",
                    (action_id,),
                )
            return cur.rowcount == 1

    def bring_forward(self, platform: str, community_id: int, now: float | None = None) -> int:
        """Make the community's pending actions that wait for a later retry due now (its token
        works again). Leased ones are left alone. Returns how many."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            return conn.execute(
                """UPDATE actions SET next_attempt_at = ?
                   WHERE state = 'pending' AND next_attempt_at > ? AND lease_until IS NULL
                     AND platform = ? AND community_id = ?""",
                (now, now, platform, community_id),
            ).rowcount

    def failed_actions(self) -> list[int]:
        """Ids of every action that failed for good (``modbot actions retry --failed``)."""
        return [r["id"] for r in self._rows("SELECT id FROM actions WHERE state = 'failed' ORDER BY id")]

    def actions(
        self, states: Sequence[str] = ("manual",), limit: int = 200, *, communities: Scope = None
    ) -> list[dict[str, Any]]:
        """Actions in the given states with their comment (for the moderators' attention list:
        manual actions waiting for a hand, failed ones waiting for a retry), oldest first.
        ``communities`` limits them to those ``(platform, community_id)`` pairs."""
        marks = ",".join("?" for _ in states)
        scope, scope_params = _scope_sql(communities, "a.platform", "a.community_id")
        rows = self._rows(
            f"""SELECT a.*, d.comment_key AS comment_key, d.decided_by AS decided_by, c.url AS url,
                       c.text AS text, coalesce(c.author_id, d.author_id) AS author_id, c.id AS comment_row,
                       d.action AS decision_action, d.category AS category, d.undoes AS undoes
                FROM actions a JOIN decisions d ON d.id = a.decision_id
                LEFT JOIN comments c ON c.id = d.comment_row
                WHERE a.state IN ({marks}) AND {scope} ORDER BY a.id LIMIT ?""",
            (*states, *scope_params, int(limit)),
        )
        for r in rows:
            r["params"] = _loads(r["params"], {})
        return rows

    # -- bans --------------------------------------------------------------------------------
    def ban(
        self,
        platform: str,
        author_id: str,
        *,
        community_id: int | None,
        until: int | None,
        reason: str = "",
        category: str = "",
        decided_by: str = "auto",
        decision_id: int | None = None,
        now: float | None = None,
    ) -> int:
        """Add a local blacklist entry (``community_id`` None = all communities, ``until`` None =
        forever). Returns its id."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """INSERT INTO bans (platform, community_id, author_id, until, reason, category, decided_by,
                       decision_id, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (platform, community_id, str(author_id), until, reason, category, decided_by, decision_id, now),
            )
            return int(cur.lastrowid or 0)

    def unban(
        self,
        platform: str,
        author_id: str,
        *,
        community_id: int | None = None,
        lifted_by: str,
        now: float | None = None,
    ) -> int:
        """Lift active bans of the author: those of ``community_id`` and the platform-wide ones, or
        all of the platform when ``community_id`` is None. Returns the number lifted."""
        return len(self.lift_bans(self.active_bans_of(platform, author_id, community_id, now), lifted_by, now))

    def active_bans_of(
        self, platform: str, author_id: str, community_id: int | None = None, now: float | None = None
    ) -> list[BanRow]:
        """The author's active entries: in ``community_id`` (its own and platform-wide ones), or
        everywhere on the platform when ``community_id`` is None."""
        now = time.time() if now is None else now
        rows = self._rows(
            """SELECT * FROM bans
               WHERE platform = ? AND author_id = ? AND lifted_at IS NULL AND (until IS NULL OR until > ?)
                 AND (? IS NULL OR community_id IS NULL OR community_id = ?)
               ORDER BY id""",
            (platform, str(author_id), now, community_id, community_id),
        )
        return [_ban_row(r) for r in rows]

    def bans_of_decision(self, decision_id: int) -> list[BanRow]:
        """The blacklist entries a decision wrote (lifted or not)."""
        return [_ban_row(r) for r in self._rows("SELECT * FROM bans WHERE decision_id = ? ORDER BY id", (decision_id,))]

    def lift_bans(self, bans: Sequence[BanRow | int], lifted_by: str, now: float | None = None) -> list[int]:
        """Lift the given entries (those not lifted yet); returns the ids lifted."""
        now = time.time() if now is None else now
        lifted: list[int] = []
        with self._tx() as conn:
            for b in bans:
                ban_id = b if isinstance(b, int) else b.id
                cur = conn.execute(
                    "UPDATE bans SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
                    (now, lifted_by, ban_id),
                )
                if cur.rowcount:
                    lifted.append(ban_id)
        return lifted

    def active_ban(
        self, platform: str, community_id: int, author_id: str, now: float | None = None
    ) -> BanRow | None:
        """The ban that applies to the author in this community now (own or platform-wide), the
        longest-lasting first; None if free."""
        now = time.time() if now is None else now
        row = self._one(
            """SELECT * FROM bans
               WHERE platform = ? AND author_id = ? AND (community_id IS NULL OR community_id = ?)
                 AND lifted_at IS NULL AND (until IS NULL OR until > ?)
               ORDER BY (until IS NULL) DESC, until DESC, id DESC LIMIT 1""",
            (platform, str(author_id), community_id, now),
        )
        return _ban_row(row) if row else None

    def bans(self, *, active_only: bool = True, now: float | None = None) -> list[BanRow]:
        """Blacklist entries for the UI / export, newest first."""
        now = time.time() if now is None else now
        if active_only:
            rows = self._rows(
                """SELECT * FROM bans WHERE lifted_at IS NULL AND (until IS NULL OR until > ?)
                   ORDER BY created_at DESC, id DESC""",
                (now,),
            )
        else:
            rows = self._rows("SELECT * FROM bans ORDER BY created_at DESC, id DESC")
        return [_ban_row(r) for r in rows]

    def violations(self, platform: str, author_id: str, since: float) -> int:
        """Comments of the author on the platform deleted (latest decision delete/delete_and_ban)
        at or after ``since`` — the ladder input. Counts shadow-mode decisions too, so shadow
        figures predict enforce mode; a moderator's allow/restore cancels the violation."""
        row = self._one(
            f"""SELECT count(*) AS n FROM (
                   SELECT d.comment_key, max(d.id) AS last_id
                   FROM decisions d JOIN comments c ON c.id = d.comment_row
                   WHERE c.platform = ? AND c.author_id = ? AND d.action IN {_COMMENT_VERDICT_ACTIONS!r}
                   GROUP BY d.comment_key) x
               JOIN decisions dl ON dl.id = x.last_id
               WHERE dl.action IN {_VIOLATION_ACTIONS!r} AND dl.at >= ?""",
            (platform, str(author_id), since),
        )
        return int(row["n"]) if row else 0

    def author_stats(self, platform: str, since: float, limit: int = 100) -> list[dict[str, Any]]:
        """Authors with the most violations since ``since`` (``author_id``, ``violations``,
        ``last_at``), for the UI's repeat-offender list."""
        return self._rows(
            """SELECT author_id, count(DISTINCT comment_key) AS violations, max(at) AS last_at
               FROM author_violations WHERE platform = ? AND at >= ?
               GROUP BY author_id ORDER BY violations DESC, last_at DESC LIMIT ?""",
            (platform, since, int(limit)),
        )

    # -- cursors -----------------------------------------------------------------------------
    def get_cursor(self, name: str, default: str | None = None) -> str | None:
        """A saved position (long-poll ts, last comment id per post, …)."""
        row = self._one("SELECT value FROM cursors WHERE name = ?", (name,))
        return default if row is None else str(row["value"])

    def set_cursor(self, name: str, value: str | int, now: float | None = None) -> None:
        """Save a position (upsert). Save it after the comments it covers: a crash in between only
        replays events, which ``save_comment`` absorbs."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            conn.execute(
                """INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""",
                (name, str(value), now),
            )

    # -- journal, status, labels -------------------------------------------------------------
    def decisions(self, since: float, until: float | None = None) -> list[dict[str, Any]]:
        """Decisions in ``[since, until)`` joined with their comment, oldest first (CSV/JSON export).

        Each dict has the decision columns (labels/scores/evidence decoded) plus ``platform``,
        ``community_id``, ``kind``, ``author_id``, ``text``, ``url``, ``comment_created_at`` and
        ``actions`` (e.g. ``"delete:done ban:pending"``)."""
        rows = self._rows(
            """SELECT d.*, coalesce(c.platform, d.platform) AS platform,
                      coalesce(c.community_id, d.community_id) AS community_id, c.kind AS kind,
                      coalesce(c.author_id, d.author_id) AS author_id, c.text AS text, c.url AS url,
                      c.created_at AS comment_created_at,
                      (SELECT group_concat(a.kind || ':' || a.state, ' ') FROM actions a WHERE a.decision_id = d.id)
                        AS actions
               FROM decisions d LEFT JOIN comments c ON c.id = d.comment_row
               WHERE d.at >= ? AND (? IS NULL OR d.at < ?)
               ORDER BY d.at, d.id""",
            (since, until, until),
        )
        out = []
        for r in rows:
            d = _decision_dict(r)
            d["actions"] = d["actions"] or ""
            out.append(d)
        return out

    def status(self, now: float | None = None) -> dict[str, Any]:
        """Counts per comment/action state, outbox depth and due count, last errors, active bans,
        last comment time per community — for ``modbot status`` and health checks."""
        now = time.time() if now is None else now
        with self._lock:
            comments = {s: 0 for s in COMMENT_STATES}
            for r in self._rows("SELECT state, count(*) AS n FROM comments GROUP BY state"):
                comments[r["state"]] = r["n"]
            actions = {state: 0 for state in ACTION_STATES}
            for r in self._rows("SELECT state, count(*) AS n FROM actions GROUP BY state"):
                actions[r["state"]] = r["n"]
            q = self._one(
                """SELECT count(*) AS depth, sum(next_attempt_at <= ?) AS due, min(created_at) AS oldest
                   FROM actions WHERE state = 'pending'""",
                (now,),
            ) or {"depth": 0, "due": 0, "oldest": None}
            last_errors = self._rows(
                """SELECT id, kind, method, platform, community_id, state, attempts, last_error AS error,
                          next_attempt_at
                   FROM actions WHERE last_error != '' AND state IN ('pending', 'failed')
                   ORDER BY id DESC LIMIT 10"""
            )
            in_flight = self._one(
                "SELECT count(*) AS n FROM actions WHERE state = 'pending' AND lease_until > ?", (now,)
            )
            communities = self._rows(
                """SELECT platform, community_id, count(*) AS comments, max(received_at) AS last_comment_at
                   FROM comments GROUP BY platform, community_id ORDER BY platform, community_id"""
            )
            bans_active = self._one(
                "SELECT count(*) AS n FROM bans WHERE lifted_at IS NULL AND (until IS NULL OR until > ?)",
                (now,),
            )
            decisions = {
                r["action"]: r["n"]
                for r in self._rows("SELECT action, count(*) AS n FROM decisions GROUP BY action")
            }
            return {
                "schema_version": self.schema_version,
                "comments": comments,
                "to_judge": comments["received"],
                "decisions": decisions,
                "actions": actions,
                "queue_depth": int(q["depth"] or 0),
                "queue_due": int(q["due"] or 0),
                "oldest_pending_age": None if q["oldest"] is None else max(0.0, now - q["oldest"]),
                "in_flight": int(in_flight["n"]) if in_flight else 0,
                "last_errors": last_errors,
                "bans_active": int(bans_active["n"]) if bans_active else 0,
                "communities": communities,
            }

    def add_label(
        self,
        comment_key: str,
        text: str,
        labels: Sequence[str],
        by: str,
        now: float | None = None,
        *,
        decision_id: int | None = None,
        comment_row: int | None = None,
    ) -> int:
        """Record a moderator's judgement of a text as a training example (``labels`` empty = keep,
        else the violated categories), linked to the decision that made it; returns its id."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """INSERT INTO labels (comment_key, text, labels, by, at, decision_id, comment_row)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (comment_key, text, _dumps(list(labels)), by, now, decision_id, comment_row),
            )
            return int(cur.lastrowid or 0)

    def drop_labels_of_decision(self, decision_id: int, dropped_by: str, now: float | None = None) -> int:
        """The decision was undone: its labels no longer teach anything (kept, marked dropped)."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            return conn.execute(
                "UPDATE labels SET dropped_at = ?, dropped_by = ? WHERE decision_id = ? AND dropped_at IS NULL",
                (now, dropped_by, decision_id),
            ).rowcount

    def labels(self, *, include_dropped: bool = False) -> list[dict[str, Any]]:
        """Training labels, oldest first (without those whose decision was undone, by default)."""
        sql = "SELECT * FROM labels" + ("" if include_dropped else " WHERE dropped_at IS NULL") + " ORDER BY id"
        out = []
        for r in self._rows(sql):
            r["labels"] = _loads(r["labels"], [])
            out.append(r)
        return out

    def training_labels(self) -> list[dict[str, Any]]:
        """Every label (dropped ones too, with ``dropped_at``), oldest first, with the platform,
        community and version of the comment it is about (``modbot retrain`` reads this)."""
        out = []
        for r in self._rows(
            """SELECT l.*, c.platform AS platform, c.community_id AS community_id, c.version AS version,
                      c.key AS key
               FROM labels l LEFT JOIN comments c ON c.id = l.comment_row ORDER BY l.at, l.id"""
        ):
            r["labels"] = _loads(r["labels"], [])
            out.append(r)
        return out

    def auto_actions_undone(self) -> list[dict[str, Any]]:
        """Per model version: automatic deletions (``auto_actions``) and how many of them a moderator
        undid (``undone``) — the visible error rate of each version."""
        return self._rows(
            """SELECT d.model_version AS model_version, count(*) AS auto_actions,
                      coalesce(sum(EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)), 0) AS undone
               FROM decisions d WHERE d.decided_by = 'auto' AND d.action IN ('delete', 'delete_and_ban')
               GROUP BY d.model_version"""
        )

    # -- the page's own publications (clause 15) ---------------------------------------------
    def save_post(self, platform: str, community_id: int, post_id: str, created_at: int, *, url: str = "",
                  event_id: str = "", now: float | None = None) -> bool:
        """Record a publication of the page itself once; False if it was already known (a pushed
        event and a wall read of the same post, a redelivery)."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """INSERT OR IGNORE INTO posts (platform, community_id, post_id, created_at, url, event_id, received_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (clean_text(platform), int(community_id), clean_text(str(post_id)),
                 min(max(int(created_at), -_MAX_TIME), _MAX_TIME), clean_text(url), clean_text(event_id), now),
            )
            return cur.rowcount == 1

    def count_posts(self, platform: str, community_id: int, since: float, until: float) -> int:
        """The page's publications with ``since <= created_at < until`` (the posting-rate watch)."""
        row = self._one(
            """SELECT count(*) AS n FROM posts
               WHERE platform = ? AND community_id = ? AND created_at >= ? AND created_at < ?""",
            (platform, int(community_id), since, until),
        )
        return int(row["n"]) if row else 0

    # -- reports for the regional centre (read-only; bot/reports computes the figures) --------
    def report_pages(self) -> list[tuple[str, int]]:
        """Every page the record knows (comments, decisions or posts), sorted."""
        rows = self._rows(
            """SELECT platform, community_id FROM comments
               UNION SELECT platform, community_id FROM posts
               UNION SELECT platform, community_id FROM decisions WHERE community_id IS NOT NULL AND platform != ''"""
        )
        return sorted({(str(r["platform"]), int(r["community_id"])) for r in rows})

    def report_comments(self, pages: Sequence[tuple[str, int]] | None, since: float,
                        until: float) -> list[dict[str, Any]]:
        """Comments and messages written in ``[since, until)`` by the platform's clock (first
        versions: an edit is not a new comment; the page's own replies left out): ``platform``,
        ``community_id``, ``kind``, ``created_at``."""
        where, params = _pages_filter(pages)
        return self._rows(
            f"""SELECT platform, community_id, kind, created_at FROM comments
                WHERE version = 1 AND by_community = 0 AND created_at >= ? AND created_at < ? AND {where}
                ORDER BY created_at, id""",
            (since, until, *params),
        )

    def report_removals(self, pages: Sequence[tuple[str, int]] | None, since: float,
                        until: float) -> list[dict[str, Any]]:
        """Decisions to delete a comment made in ``[since, until)``, oldest first, each with its
        comment (url, kind, text), whether it still stands (no later decision about the comment
        changed it), the state of its delete action and who did it by hand, and the evidence of
        the comment's latest verdict (a moderator's decision has none of its own)."""
        where, params = _pages_filter(pages, "d.")
        rows = self._rows(
            f"""SELECT d.id, d.at, d.platform, d.community_id, d.author_id, d.action, d.decided_by, d.category,
                       d.labels, d.reason, d.mode, d.evidence, d.comment_key, d.comment_row,
                       c.url AS url, c.kind AS kind, c.text AS text,
                       d.id = (SELECT max(d2.id) FROM decisions d2 INDEXED BY decisions_comment
                               WHERE d2.comment_key = d.comment_key
                               AND d2.action IN {_COMMENT_VERDICT_ACTIONS!r}) AS standing,
                       (SELECT a.state FROM actions a WHERE a.decision_id = d.id AND a.kind = 'delete'
                        ORDER BY a.id LIMIT 1) AS delete_state,
                       (SELECT a.done_by FROM actions a WHERE a.decision_id = d.id AND a.kind = 'delete'
                        ORDER BY a.id LIMIT 1) AS done_by,
                       (SELECT v.evidence FROM verdicts v WHERE v.comment_row = d.comment_row
                        ORDER BY v.id DESC LIMIT 1) AS verdict_evidence
                FROM decisions d LEFT JOIN comments c ON c.id = d.comment_row
                WHERE d.action IN {_VIOLATION_ACTIONS!r} AND d.comment_row IS NOT NULL
                  AND d.at >= ? AND d.at < ? AND {where}
                ORDER BY d.at, d.id""",
            (since, until, *params),
        )
        out = []
        for r in rows:
            r = _decision_dict(r)
            r["verdict_evidence"] = _loads(r["verdict_evidence"], [])
            r["standing"] = bool(r["standing"])
            out.append(r)
        return out

    def report_reviews(self, pages: Sequence[tuple[str, int]] | None, since: float,
                       until: float) -> list[dict[str, Any]]:
        """Comments held for a moderator in ``[since, until)``: ``id``, ``at``, ``platform``,
        ``community_id``, and the first decision a moderator took about the comment afterwards
        (``decided_at``, ``decided_by``, ``decided_action``; None while it waits), and whether a
        later automatic decision replaced the hold (``superseded``: the author edited the text)."""
        where, params = _pages_filter(pages, "d.")
        # One lookup in (comment_key, id) per column. INDEXED BY: left to itself the planner picks
        # the (decided_by, id) or (action, at) index and scans most of the journal for every hold.
        first = ("FROM decisions m INDEXED BY decisions_comment WHERE m.comment_key = d.comment_key AND m.id > d.id AND m.decided_by != 'auto' "
                 "AND m.action IN ('allow', 'delete', 'delete_and_ban') ORDER BY m.id LIMIT 1")
        return self._rows(
            f"""SELECT d.id, d.at, d.platform, d.community_id, (SELECT m.at {first}) AS decided_at,
                       (SELECT m.decided_by {first}) AS decided_by, (SELECT m.action {first}) AS decided_action,
                       EXISTS (SELECT 1 FROM decisions s INDEXED BY decisions_comment
                               WHERE s.comment_key = d.comment_key AND s.id > d.id AND s.decided_by = 'auto')
                         AS superseded
                FROM decisions d
                WHERE d.action = 'review' AND d.decided_by = 'auto' AND d.comment_row IS NOT NULL
                  AND d.at >= ? AND d.at < ? AND {where}
                ORDER BY d.at, d.id""",
            (since, until, *params),
        )

    def report_undone(self) -> dict[int, dict[str, Any]]:
        """Decision id → the undo that undid it (``id``, ``at``, ``decided_by``). Undos are few."""
        rows = self._rows("SELECT id, at, decided_by, undoes FROM decisions WHERE undoes IS NOT NULL ORDER BY id")
        out: dict[int, dict[str, Any]] = {}
        for r in rows:
            out.setdefault(int(r["undoes"]), r)
        return out

    def report_bans(self, pages: Sequence[tuple[str, int]] | None, since: float,
                    until: float) -> list[dict[str, Any]]:
        """Blacklist entries made in ``[since, until)`` for these pages (and the platform-wide ones
        of their platforms): the ban row plus ``decision_community`` (where the decision was)."""
        where, params = _pages_filter(pages, "b.")
        platforms = sorted({p for p, _ in pages}) if pages is not None else None
        wide = "b.community_id IS NULL" + (
            "" if platforms is None else f" AND b.platform IN ({', '.join('?' for _ in platforms)})")
        return self._rows(
            f"""SELECT b.*, d.community_id AS decision_community FROM bans b
                LEFT JOIN decisions d ON d.id = b.decision_id
                WHERE b.created_at >= ? AND b.created_at < ? AND ({where} OR ({wide}))
                ORDER BY b.created_at, b.id""",
            (since, until, *params, *(platforms or [])),
        )

    def report_posts(self, pages: Sequence[tuple[str, int]] | None, since: float,
                     until: float) -> list[dict[str, Any]]:
        """The pages' own publications with ``since <= created_at < until``, oldest first."""
        where, params = _pages_filter(pages)
        return self._rows(
            f"""SELECT platform, community_id, post_id, created_at, url, event_id, received_at FROM posts
                WHERE created_at >= ? AND created_at < ? AND {where} ORDER BY created_at, id""",
            (since, until, *params),
        )

    def report_coverage(self) -> tuple[dict[tuple[str, int], float], float | None]:
        """Since when the record covers each page (its first comment received, post received or
        post published) and until when the record reaches (the latest moment anything was written:
        a comment, a decision, a post, a cursor such as the daemon's heartbeat)."""
        since: dict[tuple[str, int], float] = {}
        for r in self._rows(
            """SELECT platform, community_id, min(t) AS t FROM (
                   SELECT platform, community_id, min(received_at) AS t FROM comments GROUP BY 1, 2
                   UNION ALL SELECT platform, community_id, min(min(received_at), min(created_at)) FROM posts
                   GROUP BY 1, 2)
               GROUP BY 1, 2"""
        ):
            since[(str(r["platform"]), int(r["community_id"]))] = float(r["t"])
        row = self._one(
            """SELECT max(t) AS t FROM (
                   SELECT max(received_at) AS t FROM comments UNION ALL SELECT max(at) FROM decisions
                   UNION ALL SELECT max(received_at) FROM posts UNION ALL SELECT max(updated_at) FROM cursors)"""
        )
        until = float(row["t"]) if row and row["t"] is not None else None
        return since, until

    # -- what moderators look at --------------------------------------------------------------
    def latest_verdict_decision(self, comment_key: str) -> dict[str, Any] | None:
        """The decision that says what the comment currently is (the latest allow/review/delete/
        delete_and_ban/restore of any of its versions), or None."""
        row = self._one(
            f"""SELECT * FROM decisions WHERE comment_key = ? AND action IN {_COMMENT_VERDICT_ACTIONS!r}
                ORDER BY id DESC LIMIT 1""",
            (comment_key,),
        )
        return _decision_dict(row) if row else None

    def review_queue(
        self,
        *,
        communities: Sequence[tuple[str, int]] | None = None,
        category: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Comments held for a human, oldest first: the latest version of each comment whose
        latest verdict-decision is ``review``. Each dict is the comment row (``id``, ``key``,
        ``text``, ``author_id``, …) plus ``decision_id``, ``labels``, ``category``, ``reason``,
        ``scores``, ``evidence``, ``model_version``, ``held_at``. ``communities`` limits the
        result to those ``(platform, community_id)`` pairs (a moderator's organisation)."""
        where, params = self._queue_filter(communities, category)
        rows = self._rows(
            f"""SELECT c.*, d.id AS decision_id, d.labels AS labels, d.category AS category, d.reason AS reason,
                       d.scores AS scores, d.evidence AS evidence, d.model_version AS model_version,
                       d.at AS held_at
                FROM decisions d JOIN comments c ON c.id = d.comment_row
                WHERE d.action = 'review' AND {where}
                ORDER BY d.at, d.id LIMIT ? OFFSET ?""",
            (*params, int(limit), int(offset)),
        )
        out = []
        for r in rows:
            r = _decision_dict(r)
            r["by_community"] = bool(r["by_community"])
            out.append(r)
        return out

    def review_queue_size(
        self, *, communities: Sequence[tuple[str, int]] | None = None, category: str | None = None
    ) -> tuple[int, float | None]:
        """How many comments are held and since when the oldest waits (unix time, None if empty)."""
        where, params = self._queue_filter(communities, category)
        row = self._one(
            f"""SELECT count(*) AS n, min(d.at) AS oldest
                FROM decisions d JOIN comments c ON c.id = d.comment_row
                WHERE d.action = 'review' AND {where}""",
            params,
        )
        return (int(row["n"]), row["oldest"]) if row else (0, None)

    @staticmethod
    def _queue_filter(
        communities: Sequence[tuple[str, int]] | None, category: str | None
    ) -> tuple[str, list[Any]]:
        # "Still held": no later verdict-decision on the comment, and this is its latest version.
        where = [
            f"""NOT EXISTS (SELECT 1 FROM decisions d2 WHERE d2.comment_key = d.comment_key AND d2.id > d.id
                            AND d2.action IN {_COMMENT_VERDICT_ACTIONS!r})""",
            "c.version = (SELECT max(c2.version) FROM comments c2 WHERE c2.key = c.key)",
        ]
        params: list[Any] = []
        if communities is not None:
            if not communities:
                return "0", []
            where.append("(" + " OR ".join("(c.platform = ? AND c.community_id = ?)" for _ in communities) + ")")
            for platform, community_id in communities:
                params += [platform, community_id]
        if category:
            where.append("d.category = ?")
            params.append(category)
        return " AND ".join(where), params

    # -- the moderators' workspace: accounts, sessions, login failures, audit -------------------
    def add_moderator(
        self,
        name: str,
        password_hash: str,
        *,
        role: str,
        organisation: str = "",
        communities: Sequence[str] = (),
        now: float | None = None,
    ) -> bool:
        """Create a moderator account, or bring back a removed one with new settings. Returns True
        if it was created, False if a removed account was restored; raises ValueError if an active
        account has that name."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            row = self._one("SELECT disabled_at FROM moderators WHERE name = ?", (name,))
            if row is not None and row["disabled_at"] is None:
                raise ValueError(f"moderator {name!r} already exists")
            values = (password_hash, role, organisation, _dumps(list(communities)), now)
            if row is None:
                conn.execute(
                    """INSERT INTO moderators (password_hash, role, organisation, communities, password_changed_at,
                           name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (*values, name, now),
                )
                return True
            conn.execute(
                """UPDATE moderators SET password_hash = ?, role = ?, organisation = ?, communities = ?,
                       password_changed_at = ?, disabled_at = NULL WHERE name = ?""",
                (*values, name),
            )
            return False

    def get_moderator(self, name: str) -> dict[str, Any] | None:
        """One account (``communities`` decoded), removed ones included."""
        row = self._one("SELECT * FROM moderators WHERE name = ?", (name,))
        if row is not None:
            row["communities"] = _loads(row["communities"], [])
        return row

    def moderators(self, *, include_disabled: bool = False) -> list[dict[str, Any]]:
        """Accounts by name (``communities`` decoded)."""
        where = "" if include_disabled else " WHERE disabled_at IS NULL"
        rows = self._rows(f"SELECT * FROM moderators{where} ORDER BY name")
        for r in rows:
            r["communities"] = _loads(r["communities"], [])
        return rows

    def set_password(self, name: str, password_hash: str, now: float | None = None) -> bool:
        """A new password hash for an active account; its sessions end (logged out everywhere)."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            n = conn.execute(
                "UPDATE moderators SET password_hash = ?, password_changed_at = ? WHERE name = ? AND disabled_at IS NULL",
                (password_hash, now, name),
            ).rowcount
            if n:
                conn.execute("DELETE FROM sessions WHERE moderator = ?", (name,))
            return bool(n)

    def disable_moderator(self, name: str, now: float | None = None) -> bool:
        """Remove an account: it can no longer log in and its sessions end. The row stays, because
        decisions name their moderator and the journal must keep saying who it was."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            n = conn.execute(
                "UPDATE moderators SET disabled_at = ?, password_hash = '' WHERE name = ? AND disabled_at IS NULL",
                (now, name),
            ).rowcount
            conn.execute("DELETE FROM sessions WHERE moderator = ?", (name,))
            return bool(n)

    def create_session(
        self, token_hash: str, moderator: str, *, csrf: str, expires_at: float, address: str = "",
        now: float | None = None,
    ) -> None:
        """A login: the session (by the hash of its cookie token, never the token) and its CSRF token."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            conn.execute(
                """INSERT INTO sessions (token_hash, moderator, created_at, expires_at, csrf, last_seen_at, address)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (token_hash, moderator, now, expires_at, csrf, now, address),
            )
            conn.execute("UPDATE moderators SET last_login_at = ? WHERE name = ?", (now, moderator))
            conn.execute("DELETE FROM sessions WHERE expires_at <= ?", (now,))

    def session(self, token_hash: str, now: float | None = None) -> dict[str, Any] | None:
        """The live session with its moderator's role, organisation and communities, or None
        (unknown, expired, or the account was removed)."""
        now = time.time() if now is None else now
        row = self._one(
            """SELECT s.token_hash, s.moderator AS name, s.csrf, s.created_at, s.expires_at, s.last_seen_at,
                      m.role, m.organisation, m.communities
               FROM sessions s JOIN moderators m ON m.name = s.moderator
               WHERE s.token_hash = ? AND s.expires_at > ? AND m.disabled_at IS NULL""",
            (token_hash, now),
        )
        if row is not None:
            row["communities"] = _loads(row["communities"], [])
        return row

    def touch_session(self, token_hash: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        with self._tx() as conn:
            conn.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", (now, token_hash))

    def end_session(self, token_hash: str) -> bool:
        with self._tx() as conn:
            return bool(conn.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,)).rowcount)

    def record_login_failure(self, account: str, address: str, now: float | None = None) -> None:
        """A wrong password (or unknown account) from ``address``; rows older than a day are pruned."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO login_failures (account, address, at) VALUES (?, ?, ?)", (account, address, now)
            )
            conn.execute("DELETE FROM login_failures WHERE at < ?", (now - 86400,))

    def login_failures(self, account: str, address: str, since: float) -> dict[str, Any]:
        """Failures since ``since`` for the account and for the address, and the latest of either."""
        a = self._one(
            "SELECT count(*) AS n, max(at) AS last FROM login_failures WHERE account = ? AND at >= ? AND NOT forgiven",
            (account, since),
        ) or {"n": 0, "last": None}
        b = self._one(
            "SELECT count(*) AS n, max(at) AS last FROM login_failures WHERE address = ? AND at >= ?",
            (address, since),
        ) or {"n": 0, "last": None}
        last = max((x for x in (a["last"], b["last"]) if x is not None), default=None)
        return {"account": int(a["n"]), "address": int(b["n"]), "last_at": last}

    def clear_login_failures(self, account: str) -> None:
        """A successful login forgives the account's failures (they still count for the address)."""
        with self._tx() as conn:
            conn.execute("UPDATE login_failures SET forgiven = 1 WHERE account = ?", (account,))

    def audit(
        self,
        actor: str,
        event: str,
        detail: str = "",
        *,
        organisation: str = "",
        address: str = "",
        platform: str | None = None,
        community_id: int | None = None,
        now: float | None = None,
    ) -> int:
        """Journal a moderator's action that is not a decision (login, logout, retry, dismiss …)."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """INSERT INTO audit (at, actor, event, detail, organisation, address, platform, community_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (now, actor, event, detail, organisation, address, platform, community_id),
            )
            return int(cur.lastrowid or 0)

    def audit_log(
        self,
        *,
        organisation: str | None = None,
        actor: str | None = None,
        since: float | None = None,
        until: float | None = None,
        before: int | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Audit rows newest first; ``organisation`` limits them to that organisation's moderators."""
        where, params = ["1"], []
        for cond, value in (("organisation = ?", organisation), ("actor = ?", actor), ("at >= ?", since),
                            ("at < ?", until), ("id < ?", before)):
            if value is not None:
                where.append(cond)
                params.append(value)
        return self._rows(
            f"SELECT * FROM audit WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ?", (*params, int(limit))
        )

    # -- the moderators' workspace: pages ---------------------------------------------------------
    def journal(
        self,
        *,
        communities: Scope = None,
        community: tuple[str, int] | None = None,
        category: str | None = None,
        actions: Sequence[str] | None = None,
        hide_auto_allow: bool = False,
        undone: bool | None = None,
        who: str | None = None,
        author: tuple[str | None, str] | None = None,
        since: float | None = None,
        until: float | None = None,
        text: str | None = None,
        before: int | None = None,
        limit: int = 50,
        full_text: bool = False,
    ) -> list[dict[str, Any]]:
        """Decisions newest first with their comment and actions, filtered (the journal page and its
        CSV export). ``who``: ``auto``, ``moderators`` (anyone but auto) or a name; ``text``: a
        case-insensitive substring of the comment; ``author``: ``(platform or None, author_id)``;
        ``before``: keyset paging by decision id.

        Each dict: the decision (labels/scores/evidence decoded), ``text`` (first 400 characters
        unless ``full_text``), ``url``, ``kind``, ``actions`` ("delete:done ban:failed"),
        ``undone_by`` (the id of the decision that undid it, or None)."""
        where, params = self._journal_filter(
            communities=communities, community=community, category=category, actions=actions,
            hide_auto_allow=hide_auto_allow, undone=undone, who=who, author=author, since=since, until=until,
            text=text, before=before,
        )
        text_col = "c.text" if full_text else "substr(c.text, 1, 400)"
        rows = self._rows(
            f"""SELECT d.*, {text_col} AS text, c.url AS url, c.kind AS kind, c.version AS version,
                       (SELECT group_concat(a.kind || ':' || a.state, ' ') FROM actions a WHERE a.decision_id = d.id)
                         AS actions,
                       (SELECT min(u.id) FROM decisions u WHERE u.undoes = d.id) AS undone_by
                FROM decisions d LEFT JOIN comments c ON c.id = d.comment_row
                WHERE {where}
                ORDER BY d.id DESC LIMIT ?""",
            (*params, int(limit)),
        )
        out = []
        for r in rows:
            d = _decision_dict(r)
            d["actions"] = d["actions"] or ""
            out.append(d)
        return out

    def _journal_filter(self, **f: Any) -> tuple[str, list[Any]]:
        where, params = _scope_sql(f["communities"], "d.platform", "d.community_id")
        conds, ps = [where], list(params)

        def add(cond: str, *values: Any) -> None:
            conds.append(cond)
            ps.extend(values)

        if f["community"] is not None:
            add("d.platform = ? AND d.community_id = ?", f["community"][0], int(f["community"][1]))
        if f["category"]:
            add("d.category = ?", f["category"])
        if f["actions"]:
            add(f"d.action IN ({','.join('?' for _ in f['actions'])})", *f["actions"])
        if f["hide_auto_allow"]:
            conds.append("NOT (d.action = 'allow' AND d.decided_by = 'auto')")
        if f["undone"] is not None:  # through the small partial index of undo decisions
            conds.append("d.id " + ("" if f["undone"] else "NOT ")
                         + "IN (SELECT u.undoes FROM decisions u WHERE u.undoes IS NOT NULL)")
        who = f["who"]
        if who == "moderators":
            conds.append("d.decided_by != 'auto'")
        elif who:
            add("d.decided_by = ?", who)
        if f["author"] is not None:
            platform, author_id = f["author"]
            add("d.author_id = ?", str(author_id))
            if platform:
                add("d.platform = ?", platform)
        # The id range of the period lets SQLite walk only those rows (ids grow with time; the
        # bounds are exact whatever the order: the smallest id at or after ``since`` …).
        if f["since"] is not None:
            add("d.at >= ? AND d.id >= coalesce((SELECT min(id) FROM decisions WHERE at >= ?), 0)",
                f["since"], f["since"])
        if f["until"] is not None:
            add("d.at < ? AND d.id <= coalesce((SELECT max(id) FROM decisions WHERE at < ?), 0)",
                f["until"], f["until"])
        if f["before"] is not None:
            add("d.id < ?", int(f["before"]))
        if f["text"]:
            self._ensure_casefold()
            add("instr(modbot_fold(c.text), ?) > 0", f["text"].casefold())
        return " AND ".join(conds), ps

    def _ensure_casefold(self) -> None:
        # SQLite's lower()/LIKE fold ASCII only; Russian text needs Python's casefold.
        if not getattr(self, "_casefold_ready", False):
            with self._lock:
                self._conn.create_function("modbot_fold", 1, _casefold, deterministic=True)
                self._casefold_ready = True

    def decisions_of_comment(self, comment_key: str) -> list[dict[str, Any]]:
        """Every decision about a comment (all versions), oldest first, each with its ``actions``
        (list of dicts) and ``undone_by``."""
        rows = [
            _decision_dict(r)
            for r in self._rows(
                """SELECT d.*, (SELECT min(u.id) FROM decisions u WHERE u.undoes = d.id) AS undone_by
                   FROM decisions d WHERE d.comment_key = ? ORDER BY d.id""",
                (comment_key,),
            )
        ]
        self._attach_actions(rows)
        return rows

    def _attach_actions(self, rows: list[dict[str, Any]]) -> None:
        ids = [r["id"] for r in rows]
        by_decision: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" for _ in chunk)
            for a in self._rows(
                f"""SELECT id, decision_id, kind, platform, community_id, method, state, attempts, last_error,
                           created_at, done_at, done_by
                    FROM actions WHERE decision_id IN ({marks}) ORDER BY id""",
                chunk,
            ):
                by_decision[a["decision_id"]].append(a)
        for r in rows:
            r["action_rows"] = by_decision.get(r["id"], [])

    def author_summaries(
        self, authors: Sequence[tuple[str, str]], *, violations_since: float, now: float | None = None
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """One line of history per ``(platform, author_id)``: comments stored, violations since
        ``violations_since`` (what the ladder counts), and the active ban that ends last."""
        now = time.time() if now is None else now
        out: dict[tuple[str, str], dict[str, Any]] = {
            (p, str(a)): {"comments": 0, "violations": 0, "banned": False, "ban_until": None} for p, a in authors
        }
        for platform, author_id in out:
            o = out[(platform, author_id)]
            row = self._one(
                "SELECT count(DISTINCT key) AS n FROM comments WHERE platform = ? AND author_id = ?",
                (platform, author_id),
            )
            o["comments"] = int(row["n"]) if row else 0
            o["violations"] = self.violations(platform, author_id, violations_since)
            ban = self._one(
                """SELECT max(until IS NULL) AS forever, max(until) AS until, count(*) AS n FROM bans
                   WHERE platform = ? AND author_id = ? AND lifted_at IS NULL AND (until IS NULL OR until > ?)""",
                (platform, author_id, now),
            )
            if ban and ban["n"]:
                o["banned"] = True
                o["ban_until"] = None if ban["forever"] else ban["until"]
        return out

    def author_comments(
        self, platform: str, author_id: str, *, communities: Scope = None, before: int | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """The author's comments (latest version of each), newest first, each with the decision
        that says what it is now (``state_action``, ``state_by``, ``state_decision``)."""
        scope, scope_params = _scope_sql(communities, "c.platform", "c.community_id")
        rows = self._rows(
            f"""SELECT c.*, (SELECT d.id FROM decisions d WHERE d.comment_key = c.key
                                AND d.action IN {_COMMENT_VERDICT_ACTIONS!r} ORDER BY d.id DESC LIMIT 1) AS state_decision
                FROM comments c
                WHERE c.platform = ? AND c.author_id = ? AND {scope} AND (? IS NULL OR c.id < ?)
                  AND c.version = (SELECT max(c2.version) FROM comments c2 WHERE c2.key = c.key)
                ORDER BY c.id DESC LIMIT ?""",
            (platform, str(author_id), *scope_params, before, before, int(limit)),
        )
        ids = [r["state_decision"] for r in rows if r["state_decision"] is not None]
        states: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" for _ in chunk)
            for d in self._rows(
                f"SELECT id, action, decided_by, category, at FROM decisions WHERE id IN ({marks})", chunk
            ):
                states[d["id"]] = d
        for r in rows:
            st = states.get(r["state_decision"]) or {}
            r["by_community"] = bool(r["by_community"])
            r["state_action"] = st.get("action")
            r["state_by"] = st.get("decided_by")
            r["state_category"] = st.get("category")
        return rows

    def bans_of_author(self, platform: str, author_id: str) -> list[BanRow]:
        """Every blacklist entry of the author (lifted and expired too), newest first."""
        rows = self._rows(
            "SELECT * FROM bans WHERE platform = ? AND author_id = ? ORDER BY id DESC", (platform, str(author_id))
        )
        return [_ban_row(r) for r in rows]

    def get_ban(self, ban_id: int) -> BanRow | None:
        row = self._one("SELECT * FROM bans WHERE id = ?", (ban_id,))
        return _ban_row(row) if row else None

    def ban_list(
        self,
        *,
        communities: Scope = None,
        include_platform_wide: bool = True,
        active_only: bool = True,
        author: str | None = None,
        before: int | None = None,
        limit: int = 100,
        now: float | None = None,
    ) -> list[BanRow]:
        """Blacklist entries newest first (the blacklist page), limited to the scope's communities
        (plus entries for every community of a platform, unless ``include_platform_wide`` is off)."""
        now = time.time() if now is None else now
        scope, params = _scope_sql(communities, "platform", "community_id")
        conds = [f"({scope}" + (" OR community_id IS NULL)" if include_platform_wide else ")")]
        if active_only:
            conds.append("lifted_at IS NULL AND (until IS NULL OR until > ?)")
            params.append(now)
        if author:
            conds.append("author_id = ?")
            params.append(author)
        if before is not None:
            conds.append("id < ?")
            params.append(int(before))
        rows = self._rows(
            f"SELECT * FROM bans WHERE {' AND '.join(conds)} ORDER BY id DESC LIMIT ?", (*params, int(limit))
        )
        return [_ban_row(r) for r in rows]

    def dismiss_action(self, action_id: int, by: str, now: float | None = None) -> bool:
        """A moderator decided a failed action should not be retried: ``cancelled``, with who and
        why kept in ``last_error``/``done_by``. False if it was not failed."""
        now = time.time() if now is None else now
        with self._tx() as conn:
            cur = conn.execute(
                """UPDATE actions SET state = 'cancelled', done_at = ?, done_by = ?,
                          last_error = 'отклонено модератором ' || ? || ': ' || last_error
                   WHERE id = ? AND state = 'failed'""",
                (now, by, by, action_id),
            )
            if cur.rowcount == 1:
                self._cancel_dependents_in_tx(conn, action_id, f"отклонено модератором {by}")
                self._finish_comment_in_tx(conn, action_id)
            return cur.rowcount == 1

    def attention_counts(self, *, communities: Scope = None) -> dict[str, int]:
        """How many actions are failed and how many wait for a human (the menu's badge)."""
        scope, params = _scope_sql(communities, "platform", "community_id")
        counts = {"failed": 0, "manual": 0}
        for r in self._rows(
            f"SELECT state, count(*) AS n FROM actions WHERE state IN ('failed', 'manual') AND {scope} GROUP BY state",
            params,
        ):
            counts[r["state"]] = r["n"]
        return counts

    def dashboard(self, since: float, *, communities: Scope = None, day_offset: float = 0.0,
                  extra_communities: Sequence[tuple[str, int]] = ()) -> dict[str, Any]:
        """Per-day figures since ``since`` for the dashboard. Days are ``floor((t + day_offset) / 86400)``
        (``day_offset`` = the UTC offset of the zone days are counted in). ``extra_communities``:
        communities to count comments of even without a decision in the period (the configured ones).

        Returns ``comments`` (day, platform, community_id, n: first versions received),
        ``decisions`` (day, platform, community_id, action, category, auto, n: everything but allow
        and undo decisions), ``undone`` (day, platform, community_id, category, auto, n: by the undo's
        day and the undone decision's subject), ``auto_undone`` (category, n, undone: automatic
        enforce deletions and bans decided since ``since`` and how many were undone), ``delays``
        (auto: seconds from comment to confirmed deletion; moderator: the same for comments a
        moderator decided; the latest :data:`DELAY_SAMPLE` deletions of the period — a median
        needs no more, and the page stays fast on a big database)."""
        off = float(day_offset)
        d_scope, d_params = _scope_sql(communities, "d.platform", "d.community_id")
        # Grouping 200,000 rows by a computed day costs SQLite a temporary B-tree over all of them;
        # a query per day over an index range (and, for comments, a count per community) is
        # several times faster.
        first_day = int((since + off) // 86400)
        last_day = int((time.time() + off) // 86400)
        decisions: list[dict[str, Any]] = []
        pairs: set[tuple[str, int]] = set(communities or ())
        for day in range(first_day, last_day + 1):
            for platform, community_id, action, category, auto, n in self._conn_rows(
                f"""SELECT d.platform, d.community_id, d.action, d.category, d.decided_by = 'auto', count(*)
                    FROM decisions d INDEXED BY decisions_dashboard
                    WHERE d.at >= ? AND d.at < ? AND d.undoes IS NULL AND d.action != 'allow' AND {d_scope}
                    GROUP BY 1, 2, 3, 4, 5""",
                (max(since, day * 86400 - off), (day + 1) * 86400 - off, *d_params),
            ):
                decisions.append({"day": day, "platform": platform, "community_id": community_id, "action": action,
                                  "category": category, "auto": auto, "n": n})
                if community_id is not None:
                    pairs.add((platform, community_id))
        if communities is None:
            pairs |= set(extra_communities)
        comments: list[dict[str, Any]] = []
        for platform, community_id in sorted(pairs):
            for day, n in self._conn_rows(
                """WITH RECURSIVE days(d) AS (SELECT ? UNION ALL SELECT d + 1 FROM days WHERE d < ?)
                   SELECT d, (SELECT count(*) FROM comments INDEXED BY comments_first_seen
                              WHERE platform = ? AND community_id = ? AND version = 1
                                AND received_at >= max(?, d * 86400 - ?) AND received_at < (d + 1) * 86400 - ?)
                   FROM days""",
                (first_day, last_day, platform, community_id, since, off, off),
            ):
                if n:
                    comments.append({"day": day, "platform": platform, "community_id": community_id, "n": n})
        undone = self._rows(
            f"""SELECT CAST((u.at + ?) / 86400 AS INTEGER) AS day, d.platform, d.community_id, d.category,
                       (d.decided_by = 'auto') AS auto, count(*) AS n
                FROM decisions u INDEXED BY decisions_undone_at JOIN decisions d ON d.id = u.undoes
                WHERE u.undoes IS NOT NULL AND u.at >= ? AND {d_scope}
                GROUP BY day, d.platform, d.community_id, d.category, auto""",
            (off, since, *d_params),
        )
        auto_undone = self._rows(
            f"""SELECT d.category, count(*) AS n,
                       sum(EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)) AS undone
                FROM decisions d INDEXED BY decisions_dashboard
                WHERE d.at >= ? AND d.undoes IS NULL AND d.action != 'allow' AND d.action IN ('delete', 'delete_and_ban')
                  AND d.decided_by = 'auto' AND d.mode = 'enforce' AND {d_scope}
                GROUP BY d.category ORDER BY n DESC""",
            (since, *d_params),
        )
        delays: dict[str, list[float]] = {"auto": [], "moderator": []}
        for r in self._rows(
            f"""SELECT (d.decided_by = 'auto') AS auto, a.done_at - c.created_at AS delay
                FROM actions a INDEXED BY actions_done
                JOIN decisions d ON d.id = a.decision_id JOIN comments c ON c.id = d.comment_row
                WHERE a.kind = 'delete' AND a.state = 'done' AND a.done_at >= ? AND {d_scope}
                ORDER BY a.done_at DESC LIMIT ?""",
            (since, *d_params, DELAY_SAMPLE),
        ):
            if r["delay"] is not None:
                delays["auto" if r["auto"] else "moderator"].append(max(0.0, float(r["delay"])))
        return {"comments": comments, "decisions": decisions, "undone": undone, "auto_undone": auto_undone,
                "delays": delays}

    def model_versions(self) -> list[dict[str, Any]]:
        """Per model version: verdicts given, first/last use, automatic deletions and bans, and how
        many of those moderators undid (the judge's visible error rate per version)."""
        versions = {
            r["model_version"]: dict(r, auto_actions=0, undone=0)
            for r in self._rows(
                """SELECT model_version, count(*) AS verdicts, min(at) AS first_at, max(at) AS last_at
                   FROM verdicts INDEXED BY verdicts_model GROUP BY model_version"""
            )
        }
        for r in self._rows(
            """SELECT d.model_version, count(*) AS n,
                      sum(EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)) AS undone
               FROM decisions d INDEXED BY decisions_dashboard
               WHERE d.at >= 0 AND d.undoes IS NULL AND d.action != 'allow' AND d.action IN ('delete', 'delete_and_ban')
                 AND d.decided_by = 'auto'
               GROUP BY d.model_version"""
        ):
            v = versions.setdefault(r["model_version"], {"model_version": r["model_version"], "verdicts": 0,
                                                         "first_at": None, "last_at": None})
            v["auto_actions"], v["undone"] = r["n"], r["undone"] or 0
        return sorted(versions.values(), key=lambda v: v.get("last_at") or 0, reverse=True)

    def label_counts(self) -> dict[str, int]:
        """Training labels kept and dropped (their decision was undone)."""
        row = self._one(
            "SELECT sum(dropped_at IS NULL) AS kept, sum(dropped_at IS NOT NULL) AS dropped FROM labels"
        ) or {}
        return {"kept": int(row.get("kept") or 0), "dropped": int(row.get("dropped") or 0)}


#: How many of a period's latest deletions the dashboard's median delay is taken over.
DELAY_SAMPLE = 5000

#: Which communities a caller may see: ``(platform, community_id)`` pairs, or None for all.
Scope = Sequence[tuple[str, int]] | None


def _scope_sql(scope: Scope, platform_col: str, community_col: str) -> tuple[str, list[Any]]:
    """A WHERE fragment limiting rows to the scope's communities (``"1"`` for everything)."""
    if scope is None:
        return "1", []
    if not scope:
        return "0", []
    marks = ",".join("(?, ?)" for _ in scope)
    params: list[Any] = []
    for platform, community_id in scope:
        params += [platform, int(community_id)]
    return f"({platform_col}, {community_col}) IN (VALUES {marks})", params


def _casefold(value: str | None) -> str:
    return value.casefold() if isinstance(value, str) else ""


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _pages_filter(pages: Sequence[tuple[str, int]] | None, prefix: str = "") -> tuple[str, list[Any]]:
    """SQL restricting rows to ``(platform, community_id)`` pairs (None: every page)."""
    if pages is None:
        return "1", []
    if not pages:
        return "0", []
    clause = " OR ".join(f"({prefix}platform = ? AND {prefix}community_id = ?)" for _ in pages)
    params: list[Any] = []
    for platform, community_id in pages:
        params += [platform, int(community_id)]
    return f"({clause})", params


def _like_prefix(prefix: str) -> str:
    """A LIKE pattern matching strings that start with ``prefix`` literally."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
