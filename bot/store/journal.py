"""The journal: verdicts and decisions (with their actions and ban rows, in one transaction),
what a comment currently is, the review queue, training labels, cursors and the status summary."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from bot.types import ACTION_STATES, Action, Decision
from moderation.verdict import Verdict

from .base import StoreBase
from .records import (
    _COMMENT_VERDICT_ACTIONS,
    COMMENT_STATES,
    DECISION_ACTIONS,
    BanRequest,
    _decision_dict,
    _dumps,
    _loads,
)


class JournalMixin(StoreBase):
    """The journal: verdicts and decisions (with their actions and ban rows, in one transaction),"""

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
