"""The OK (Odnoklassniki) adapter behind the platform port (``adapter.OKPlatform``): transport
(``client``: signed requests, ``ratelimit``: pacing slowed on flood), API schema (``methods``,
``errors``) and receiving (``poller``: topics and their comments; ``messages``: the Bot API
webhook). Only the composition root (:mod:`bot.adapters`) imports it.
"""

from .adapter import OKOptions, OKPlatform
from .client import DEFAULT_API_URL, OKClient, sign, signature
from .errors import Credentials, OKAPIError, OKError, OKTransportError

__all__ = [
    "DEFAULT_API_URL",
    "Credentials",
    "OKAPIError",
    "OKClient",
    "OKError",
    "OKOptions",
    "OKPlatform",
    "OKTransportError",
    "sign",
    "signature",
]
