"""The outbox: actions queued with their decision, leased, and recorded done / failed / manual /
cancelled — each exactly once."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from bot.types import ACTION_KINDS, Action

from .base import StoreBase
from .filters import Scope, _like_prefix, _scope_sql
from .records import (
    _action,
    _dumps,
    _dumps_lenient,
    _loads,
    action_key,
)


class OutboxMixin(StoreBase):
    """The outbox: actions queued with their decision, leased, and recorded done / failed / manual /"""

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
