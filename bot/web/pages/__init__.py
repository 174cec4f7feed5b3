"""The workspace's pages, one module each; every module has ``routes`` and may have ``NAV``.

A later page (reports, the model registry) is one more module added to :data:`MODULES`."""

from __future__ import annotations

from . import (
    account,
    attention,
    author,
    blacklist,
    comment,
    dashboard,
    journal,
    login,
    model,
    moderators,
    queue,
    report,
)

MODULES = [login, queue, journal, comment, author, blacklist, dashboard, report, attention, model, moderators,
           account]

__all__ = ["MODULES"]
