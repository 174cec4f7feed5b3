"""In-process OK API emulator: a real aiohttp server that behaves like api.ok.ru for our daemon.

What it reproduces comes from ../shared/docs/platform-apis.md §7.2: ``/fb.do`` with OK's request
signature checked (104), application key (101), expired (102) or unknown (103) tokens, group
administrators (50), permissions (10), flood control per token (8), an application quota (11),
unknown methods (3) and missing parameters (100); a group's topics (``group.getStatTopics``,
``mediatopic.getByIds``) and their discussions with anchor paging and ``includeRemoved``
(``discussions.getComments``/``getComment``); ``discussions.deleteDiscussionComment`` (and
``markCommentAsSpam``) **disabled by default** (error 3, or 10 in ``permission`` mode) and enabled
by a switch (then ``block_author`` puts the author on the group's black list, whose comments are
refused); and the Bot API webhook (``/graph/me/subscribe``, messages POSTed to subscribers).
Answer shapes follow the assumptions listed in :data:`bot.ok.methods.ASSUMPTIONS`.

Never imported by production code. See ``README.md`` here for the test-control endpoints.
"""

from .app import create_ok_app, expected_sig
from .emulator import OKEmulator
from .state import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, DELETION_MODES, ControlError, OKErrorReply, OKState

__all__ = ["DEFAULT_APP_KEY", "DEFAULT_APP_SECRET", "DELETION_MODES", "ControlError", "OKEmulator", "OKErrorReply",
           "OKState", "create_ok_app", "expected_sig"]
