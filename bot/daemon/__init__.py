"""The moderation daemon: wiring of adapters, store, judge, decision service and outbox (see ``core``)."""

from .core import Daemon, DaemonOptions, run_daemon, stop_event_on_signals
from .outbox import Outbox

__all__ = ["Daemon", "DaemonOptions", "Outbox", "run_daemon", "stop_event_on_signals"]
