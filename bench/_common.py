"""Shared bits of the benchmarks: where the data is, how to print the reproducing command."""

from __future__ import annotations

import json
import resource
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def finish(figures: dict) -> None:
    """Print the reproducing command, then the figures as the last line (one JSON object)."""
    print("reproduce: " + " ".join(shlex.quote(a) for a in [".venv/bin/python", *sys.argv]))
    print(json.dumps(figures, ensure_ascii=False))
