"""The page's own publications (clause 15) and the read-only queries behind the reports."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from .base import StoreBase
from .cleaning import _MAX_TIME, clean_text
from .filters import _pages_filter
from .records import (
    _COMMENT_VERDICT_ACTIONS,
    _VIOLATION_ACTIONS,
    _decision_dict,
    _loads,
)


class ReportsMixin(StoreBase):
    """The page's own publications (clause 15) and the read-only queries behind the reports."""

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
