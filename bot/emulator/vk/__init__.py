"""In-process VK API emulator: a real aiohttp server that behaves like api.vk.ru for our daemon.

Why it exists: project rules say platform APIs are reached over real HTTP in
tests, and nobody may hammer the real VK from CI. The emulator therefore
reproduces what the daemon depends on (see ``../shared/docs/platform-apis.md``
§7.1, relative to the repository): request/response envelopes, error codes and
their exact shapes, the split between user/community/service tokens (error 27
etc.), comment delete/restore semantics and their events, bans, per-token rate
limits, fault injection, Bots Long Poll (``failed`` 1/2/3, redelivery) and
Callback API delivery (confirmation, secret, retries).

It is also the backend of ``make demo`` and of the 200 comments/s benchmark,
so every per-request path is O(1) or O(items in one post/thread): comments are
indexed by ``(kind, id)`` per group, long-poll queues are lists with a base
offset (no scans to find ``ts``), and the call log is a bounded deque with a
per-method index.

Where VK behaviour is undocumented the choice made is written next to the code
and summarised in ``DESIGN_CHOICES``, so a daemon test that relies on it can
point at one place. The modules are listed in ``bot/emulator/README.md``.

Never imported by production code.
"""

from .app import create_vk_app
from .design_choices import DESIGN_CHOICES
from .emulator import VKEmulator
from .faults import Fault, FaultPlan
from .protocol import ControlError, VKErrorReply
from .state import VKState

__all__ = ["DESIGN_CHOICES", "ControlError", "Fault", "FaultPlan", "VKEmulator", "VKErrorReply", "VKState",
           "create_vk_app"]
