"""The composition root of the platform port: which adapters this installation runs.

The one module (with the CLI and the demo that call it) allowed to name concrete adapters; the
daemon, the outbox, the decision service and the web UI only ever see the
:class:`~bot.platform.PlatformRegistry` it returns.
"""

from __future__ import annotations

from bot.config import Config
from bot.metrics import Metrics
from bot.ok.adapter import OKOptions, OKPlatform
from bot.platform import PlatformRegistry
from bot.vk.adapter import VKOptions, VKPlatform


def build_platforms(config: Config, *, metrics: Metrics | None = None, vk: VKOptions | None = None,
                    ok: OKOptions | None = None) -> PlatformRegistry:
    """Every adapter, configured from ``config`` (an adapter with no community is harmless: it
    starts nothing and still plans actions for what is already in the database)."""
    return PlatformRegistry([VKPlatform(config, vk, metrics), OKPlatform(config, ok, metrics)])


__all__ = ["build_platforms"]
