"""Platform-free clause-19 judge for Russian comments.

Nothing here touches the network or a database: the daemon (``bot/``) feeds text in
and gets a :class:`moderation.verdict.Verdict` back.
"""

from moderation.verdict import CATEGORIES, Evidence, Verdict

__all__ = ["CATEGORIES", "Evidence", "Verdict"]
