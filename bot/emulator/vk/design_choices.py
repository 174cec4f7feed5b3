"""Undocumented VK behaviour and what the emulator does about it, in one place on purpose.

A daemon test that relies on one of these choices can point at its key here
instead of at a line deep inside a handler.
"""

from __future__ import annotations

#: Undocumented VK behaviour and what the emulator does about it (kept in one place on purpose).
DESIGN_CHOICES: dict[str, str] = {
    "double_delete": "deleting an already deleted comment returns response 1, no new event, deleted_at unchanged",
    "restore_window": "restore works for state.restore_window seconds (default 3600) after deletion, later -> 211",
    "restore_not_deleted": "restoring a live comment -> 243 for every kind (photos/market included)",
    "not_found_photos_market": "photos/market delete/restore of an unknown comment -> response 0; other kinds -> 104",
    "not_admin_comments": "comment delete/restore by a non-admin user token (not the author) -> 211 for every kind",
    "not_admin_other": "other group-scoped methods (ban, getBanned, LP/callback config) by a non-admin -> 15",
    "author_may_delete": "a user token may delete/restore comments it authored, like on vk.com",
    "service_token_user_method": "user-only method with a service token -> 28",
    "group_only_method_user_token": "groups.getTokenPermissions with a user token -> 15",
    "missing_v": "request without v -> error 8",
    "delete_event_user_id": "*_delete events carry user_id == deleter_id (schema and vkbottle disagree on the field)",
    "unban_not_banned": "groups.unban of a user who is not banned -> response 1",
    "rate_limit_rejections": "calls rejected with error 6 do not count towards the sliding window",
    "execute_rate_limit": "execute counts once for the rate limit; inner calls are logged with via=execute",
    "execute_faults": "'*' faults match top-level requests only, named faults (and patterns such as 'wall.*') "
    "also hit inner execute calls; 'where' overrides that; inside execute only error kinds apply",
    "token_faults": "a fault with 'token' hits only requests made with that access token (inner execute calls "
    "carry their execute's token); error 5 that way is a revoked token until the fault is removed",
    "outage": "while a down fault is active, /method, /lp and /captcha.php fail (503 or connection refused) "
    "and are neither logged nor counted as calls (counters.outage_rejected); /_test/* still answers in 503 mode",
    "outage_callbacks": "while the API is down no callback is pushed; queued events go out in order after",
    "outage_long_poll": "long polls held when an outage starts are answered at once (503 or dropped); events "
    "written during the outage stay queued and are returned once it ends",
    "lp_defaults": "new groups have Long Poll enabled with every event type on; setLongPollSettings flags "
    "set to 0 stop queueing that type; enabled=0 -> getLongPollServer error 100",
    "lp_ts": "ts is a per-group event counter; a_check returns events with seq > ts; too old -> failed 1 with the "
    "oldest ts still held; ts from the future -> failed 1 with the current ts",
    "lp_failed_3": "failed 3 rotates the key (old key answers failed 3) and drops queued events (information lost)",
    "callback_confirmation": "confirmation POST includes secret when one is set; body compared after strip()",
    "callback_default_events": "servers added via groups.addCallbackServer have no events enabled until "
    "setCallbackSettings; servers configured via /_test/callback receive everything",
    "confirmation_code": "fixed per group (not rotated on addCallbackServer)",
    "deleted_thread_parent": "wall.getComments shows a deleted top-level comment that still has live replies as "
    "a stub with deleted=true and text ''; other deleted comments are hidden",
    "wall_getComment_deleted": "wall.getComment of a deleted comment returns the stub with deleted=true",
    "scopes": "user tokens need scope wall/photos/video/market for delete/restore, groups for ban/unban (-> 15); "
    "group tokens need manage for LP/callback settings (-> 15)",
}
