"""The moderation daemon: wiring of adapters, store, judge, policy and outbox (see ``core``)."""

from .core import Daemon, DaemonOptions, run_daemon
from .outbox import Outbox
from .policy import Plan, plan_decision

__all__ = ["Daemon", "DaemonOptions", "Outbox", "Plan", "plan_decision", "run_daemon"]
