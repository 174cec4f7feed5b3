"""CSV that a spreadsheet cannot run: every CSV modbot writes goes through :class:`SafeDictWriter`.

Comment texts, author names and moderators' reasons are written by strangers. A cell such as
``=HYPERLINK("http://…"&A1,"Жалоба")`` opened in Excel or LibreOffice is a formula that can leak
the sheet or run commands (CSV injection). OWASP's rule: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as
"this is text" and do not display. The full-width forms of the four signs are treated the same,
since some spreadsheets fold them. A cell that is only a number (``-42``, ``+7``, ``0.5``) is left
alone — a number is not a formula, and author ids such as ``-1`` stay machine-readable.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any

#: First characters that make a spreadsheet evaluate a cell (OWASP), plus full-width look-alikes.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet will show it, never run it: text starting like a formula gets ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeDictWriter(csv.DictWriter):
    """:class:`csv.DictWriter` whose every cell (header included) passes through :func:`safe_cell`."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)
