"""What the moderators' workspace reads and writes: accounts, sessions, login failures, the audit
log, and the page queries (journal, authors, blacklist, attention, dashboard, model)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from .base import StoreBase
from .filters import Scope, _casefold, _chunks, _scope_sql
from .records import (
    _COMMENT_VERDICT_ACTIONS,
    BanRow,
    _ban_row,
    _decision_dict,
    _dumps,
    _loads,
)

#: How many of a period's latest deletions the dashboard's median delay is taken over.
DELAY_SAMPLE = 5000


class WorkspaceMixin(StoreBase):
    """What the moderators' workspace reads and writes: accounts, sessions, login failures, the audit"""

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
