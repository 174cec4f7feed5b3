"""VK adapter: transport (``client``, ``execute``), API schema (``methods``, ``events``) and routing
(``receiver``). The daemon imports from here and sees only :class:`bot.types.Comment` beyond it."""

from .client import API_VERSION, DEFAULT_API_URL, VKClient
from .errors import Token, TokenPaused, TransportError, VKAPIError, VKError, mask
from .events import BlockEvent, CommentEvent, Ignored, Malformed, ParsedEvent, parse_event
from .execute import ExecuteBatcher
from .receiver import Backfiller, CallbackEndpoint, LongPollReceiver

__all__ = [
    "API_VERSION",
    "DEFAULT_API_URL",
    "Backfiller",
    "BlockEvent",
    "CallbackEndpoint",
    "CommentEvent",
    "ExecuteBatcher",
    "Ignored",
    "LongPollReceiver",
    "Malformed",
    "ParsedEvent",
    "Token",
    "TokenPaused",
    "TransportError",
    "VKAPIError",
    "VKClient",
    "VKError",
    "mask",
    "parse_event",
]
