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

Layout: the ``Store`` class is composed of one part per concern — ``base`` (connection,
transactions, migrations), ``intake`` (events, poison, comments), ``journal`` (verdicts,
decisions, labels, the queue, cursors, status), ``outbox`` (actions), ``blacklist`` (bans, the
ladder's history), ``reports`` (posts and report queries), ``workspace`` (accounts, sessions, audit,
the web pages' queries) — over ``schema`` (migrations), ``records`` (typed rows), ``cleaning`` and
``filters``. Everything that writes SQL is in this package.
"""

from __future__ import annotations

from .base import StoreBase
from .blacklist import BlacklistMixin
from .cleaning import clean_text, original_if_changed
from .filters import Scope
from .intake import IntakeMixin
from .journal import JournalMixin
from .outbox import OutboxMixin
from .records import (
    COMMENT_STATES,
    DECISION_ACTIONS,
    HEARTBEAT_CURSOR,
    HEARTBEAT_SECONDS,
    BanRequest,
    BanRow,
    CommentRow,
    action_key,
)
from .reports import ReportsMixin
from .schema import MIGRATIONS
from .workspace import WorkspaceMixin


class Store(IntakeMixin, JournalMixin, OutboxMixin, BlacklistMixin, ReportsMixin, WorkspaceMixin, StoreBase):
    """All persistent state. Sync and thread-safe (one connection guarded by a lock); each call is
short, so the asyncio daemon may call it directly or through ``asyncio.to_thread``."""


__all__ = [
    "COMMENT_STATES",
    "DECISION_ACTIONS",
    "HEARTBEAT_CURSOR",
    "HEARTBEAT_SECONDS",
    "MIGRATIONS",
    "BanRequest",
    "BanRow",
    "CommentRow",
    "Scope",
    "Store",
    "action_key",
    "clean_text",
    "original_if_changed",
]
