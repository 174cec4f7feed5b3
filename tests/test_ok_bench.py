"""``bench/e2e.py --platform ok`` end to end (a short run): an OK group of 300 active topics, the
daemon as a subprocess, comments posted → judged → deleted; nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_e2e_bench_ok_loses_nothing(tmp_path: Path, model_dir: Path) -> None:
    env = {**os.environ, "MODBOT_MODEL": str(model_dir)}
    proc = subprocess.run(
        [
            sys.executable,
            "bench/e2e.py",
            "--platform",
            "ok",
            "--seconds",
            "6",
            "--ok-rate",
            "3",
            "--ok-poll-interval",
            "1",
            "--ok-rps",
            "20",
            "--drain",
            "60",
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures["platform"] == "ok" and figures["topics"] == 300 and figures["posted"] >= 15
    assert figures["lost"] == 0 and figures["duplicate_actions"] == 0 and figures["duplicate_decisions"] == 0
    assert figures["judged"] == figures["posted"] and figures["actions_pending"] == 0
