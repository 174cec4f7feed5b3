"""The group-statement analyser and the judge on the held-out sentences of issue 9 (evaluation only).

    .venv/bin/python bench/heldout.py [--model models/default]

``bench/heldout/group_statements.tsv`` was written before the analyser and never used to develop
it (see its README). Figures: for the violations, the share the judge removes or holds
(``violations_flagged``), removes (``violations_deleted``), and the share where the evidence names
the expected kind (``kind_found``) and, for group statements, the expected attribute
(``attribute_found``); for the clean sentences, the share removed (``clean_deleted``) and held or
removed (``clean_flagged``); per kind and attribute in the printout.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from _common import ROOT, finish

REMOVED = ("delete", "delete_and_ban")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--file", type=Path, default=ROOT / "bench" / "heldout" / "group_statements.tsv")
    args = ap.parse_args()
    from moderation.judge import Judge

    judge = Judge.load(args.model)
    with args.file.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    verdicts = judge.judge_many([r["text"] for r in rows])
    by: dict[tuple[str, str], list[float]] = defaultdict(list)
    viol = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["expect"] == "violation"]
    clean = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["expect"] == "clean"]
    kind_ok = attr_ok = attr_n = 0
    for r, v in viol:
        flagged = v.action != "allow"
        by[("violation", r["kind"])].append(flagged)
        if r["attribute"]:
            by[("violation:" + r["attribute"], "")].append(flagged)
        kind_ok += any(e.kind == r["kind"] for e in v.evidence)
        if r["attribute"]:
            attr_n += 1
            attr_ok += r["attribute"] in v.targets or any(e.target == r["attribute"] for e in v.evidence)
    for r, v in clean:
        by[("clean", r["kind"])].append(v.action in REMOVED)
    for (what, kind), xs in sorted(by.items()):
        label = "flagged" if what.startswith("violation") else "deleted"
        print(f"{what:24s} {kind:22s} n={len(xs):3d}  {label} {sum(xs) / len(xs):.2f}")
    for r, v in clean:
        if v.action in REMOVED:
            print(f"  clean deleted: {r['text']!r} -> {v.labels}")
    finish(
        {
            "heldout_sentences": len(rows),
            "violations_flagged": round(sum(v.action != "allow" for _, v in viol) / len(viol), 4),
            "violations_deleted": round(sum(v.action in REMOVED for _, v in viol) / len(viol), 4),
            "kind_found": round(kind_ok / len(viol), 4),
            "attribute_found": round(attr_ok / max(attr_n, 1), 4),
            "clean_deleted": round(sum(v.action in REMOVED for _, v in clean) / len(clean), 4),
            "clean_flagged": round(sum(v.action != "allow" for _, v in clean) / len(clean), 4),
            "model_version": judge.model_version,
        }
    )


if __name__ == "__main__":
    main()
