"""Text and numbers a platform may send that SQLite cannot hold, made storable without losing
the original."""

from __future__ import annotations

import json
import re

_SURROGATE = re.compile("[\ud800-\udfff]")

#: SQLite INTEGER is 64-bit; platform dates beyond this are nonsense and are clamped.
_MAX_TIME = 2**53

def _fits(value: int | None) -> bool:
    return isinstance(value, int) and -(2**63) <= value < 2**63

def clean_text(value: str) -> str:
    """Text SQLite can hold (valid UTF-8): surrogate pairs joined, lone surrogates → U+FFFD."""
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")

def original_if_changed(value: str) -> str | None:
    """The exact original as an ASCII JSON string literal, when :func:`clean_text` changed it."""
    return json.dumps(value) if clean_text(value) != value else None
