"""Intake: platform events already seen, poison records, and comments stored before anything is
done to them (one row per version of an edited text)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from typing import Any

from bot.types import Comment

from .base import StoreBase
from .cleaning import _MAX_TIME, _SURROGATE, _fits, clean_text, original_if_changed
from .records import (
    CommentRow,
    _comment_row,
)


class IntakeMixin(StoreBase):
    """Intake: platform events already seen, poison records, and comments stored before anything is"""

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
