"""What the emulators' ``python -m`` entry points share: serve until Ctrl-C or SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Protocol


class _Stoppable(Protocol):
    async def stop(self) -> None: ...


async def serve_until_signal(emu: _Stoppable) -> None:
    """Wait for SIGINT/SIGTERM (where the loop supports signal handlers), then stop ``emu``."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await emu.stop()
