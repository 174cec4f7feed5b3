"""The schema, as append-only migrations: index + 1 is the schema version; a migration, once
released, is never edited (later changes are new migrations)."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from .records import _COMMENT_VERDICT_ACTIONS, _VIOLATION_ACTIONS

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
