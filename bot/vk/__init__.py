"""The VK adapter behind the platform port (``adapter.VKPlatform``), in aiogram's layers:
transport (``client``, ``execute``, ``ratelimit``), API schema (``methods``, ``events``, ``errors``)
and routing (``receiver``: long poll, callback, backfill). Only the composition root
(:mod:`bot.adapters`) imports it; the daemon sees the port's types and :class:`bot.types.Comment`.
"""

from .adapter import VKOptions, VKPlatform
from .client import API_VERSION, DEFAULT_API_URL, VKClient
from .errors import Token, TokenPaused, TransportError, VKAPIError, VKError, mask
from .events import ParsedEvent, parse_event

__all__ = [
    "API_VERSION",
    "DEFAULT_API_URL",
    "ParsedEvent",
    "Token",
    "TokenPaused",
    "TransportError",
    "VKAPIError",
    "VKClient",
    "VKError",
    "VKOptions",
    "VKPlatform",
    "mask",
    "parse_event",
]
