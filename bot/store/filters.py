"""SQL fragments the queries share: which communities a caller may see, LIKE prefixes, chunks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

#: Which communities a caller may see: ``(platform, community_id)`` pairs, or None for all.
Scope = Sequence[tuple[str, int]] | None

def _scope_sql(scope: Scope, platform_col: str, community_col: str) -> tuple[str, list[Any]]:
    """A WHERE fragment limiting rows to the scope's communities (``"1"`` for everything)."""
    if scope is None:
        return "1", []
    if not scope:
        return "0", []
    marks = ",".join("(?, ?)" for _ in scope)
    params: list[Any] = []
    for platform, community_id in scope:
        params += [platform, int(community_id)]
    return f"({platform_col}, {community_col}) IN (VALUES {marks})", params

def _pages_filter(pages: Sequence[tuple[str, int]] | None, prefix: str = "") -> tuple[str, list[Any]]:
    """SQL restricting rows to ``(platform, community_id)`` pairs (None: every page)."""
    if pages is None:
        return "1", []
    if not pages:
        return "0", []
    clause = " OR ".join(f"({prefix}platform = ? AND {prefix}community_id = ?)" for _ in pages)
    params: list[Any] = []
    for platform, community_id in pages:
        params += [platform, int(community_id)]
    return f"({clause})", params

def _like_prefix(prefix: str) -> str:
    """A LIKE pattern matching strings that start with ``prefix`` literally."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

def _casefold(value: str | None) -> str:
    return value.casefold() if isinstance(value, str) else ""
