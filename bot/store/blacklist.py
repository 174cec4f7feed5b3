"""The local blacklist shared by all communities, and the author history the ladder counts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from .base import StoreBase
from .records import (
    _COMMENT_VERDICT_ACTIONS,
    _VIOLATION_ACTIONS,
    BanRow,
    _ban_row,
)


class BlacklistMixin(StoreBase):
    """The local blacklist shared by all communities, and the author history the ladder counts."""

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
