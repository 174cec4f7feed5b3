"""A realistic stream of citizen comments for the demo and the end-to-end benchmark.

Built from ``bot/demo/traffic.tsv`` (text, labels, target, kind). The mix mirrors what the
administration's pages see: mostly ordinary questions and criticism (which must stay), some of
every violation kind, spam bursts where one text is pushed across many posts and both pages within
seconds, and a repeat offender who comes back after each deletion (so the ladder escalates).

Pure and deterministic for a seed: it yields :class:`Post` specs; the caller posts them (through
the emulator's ``post_comment``) and decides what to do with a banned author's rejection.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

TRAFFIC_TSV = Path(__file__).resolve().parent / "traffic.tsv"

#: Share of each row kind in the stream (the rest of the weight goes to spam bursts).
MIX: dict[str, float] = {
    "ordinary": 0.56,
    "criticism": 0.22,
    "spam": 0.035,
    "obscene": 0.03,
    "disguised": 0.025,
    "insult": 0.03,
    "threat": 0.01,
    "hate": 0.02,
    "repeat_offender": 0.02,
}
#: Where comments land on VK when ``all_kinds`` is on: mostly the wall.
VK_KINDS: tuple[tuple[str, float], ...] = (("wall", 0.86), ("photo", 0.04), ("video", 0.03), ("board", 0.03),
                                           ("market", 0.02), ("message", 0.02))
REPEAT_OFFENDER_ID = 777_000
CITIZEN_IDS = (10_000, 60_000)


@dataclass(frozen=True)
class Row:
    text: str
    labels: tuple[str, ...]
    target: str
    kind: str

    @property
    def violating(self) -> bool:
        return bool(self.labels)


@dataclass(frozen=True)
class Post:
    """One comment to post: where, by whom, what, and what we expect (``row.labels``)."""

    group_id: int
    author_id: int
    text: str
    row: Row
    vk_kind: str = "wall"
    burst: bool = False


def load_rows(path: Path = TRAFFIC_TSV) -> list[Row]:
    """Read the corpus; rows without text are skipped."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = (rec.get("text") or "").strip()
            if not text:
                continue
            labels = tuple(x for x in (rec.get("labels") or "").split(",") if x)
            rows.append(Row(text, labels, rec.get("target") or "", rec.get("kind") or "ordinary"))
    return rows


class TrafficMix:
    """Endless deterministic comment stream over ``groups``.

    ``burst_every``: every that many comments a spam burst of ``burst_size`` copies of one spam
    text goes out across both pages (different bot accounts, as real spam rings do).
    """

    def __init__(self, rows: Sequence[Row], groups: Sequence[int], *, seed: int = 0, all_kinds: bool = True,
                 burst_every: int = 400, burst_size: int = 8) -> None:
        self.rng = random.Random(seed)
        self.groups = list(groups)
        self.all_kinds = all_kinds
        self.burst_every = burst_every
        self.burst_size = burst_size
        self.by_kind: dict[str, list[Row]] = {}
        for r in rows:
            self.by_kind.setdefault(r.kind, []).append(r)
        self.kinds = [k for k in MIX if self.by_kind.get(k)]
        self.weights = [MIX[k] for k in self.kinds]
        self.count = 0
        self._next_author = self.rng.randint(*CITIZEN_IDS)
        self._spam_author = 900_000

    def _author(self, kind: str) -> int:
        if kind == "repeat_offender":
            return REPEAT_OFFENDER_ID
        # A fresh citizen most of the time; now and then a regular who comments again.
        if self.rng.random() < 0.2:
            return self.rng.randint(*CITIZEN_IDS)
        self._next_author += self.rng.randint(1, 7)
        return self._next_author

    def _vk_kind(self) -> str:
        if not self.all_kinds:
            return "wall"
        x = self.rng.random()
        for kind, share in VK_KINDS:
            if x < share:
                return kind
            x -= share
        return "wall"

    def __iter__(self) -> Iterator[Post]:
        while True:
            self.count += 1
            if self.burst_every and self.count % self.burst_every == 0 and self.by_kind.get("spam"):
                row = self.rng.choice(self.by_kind["spam"])
                for i in range(self.burst_size):
                    self._spam_author += 1
                    yield Post(self.groups[i % len(self.groups)], self._spam_author, row.text, row, "wall", True)
                continue
            kind = self.rng.choices(self.kinds, self.weights)[0]
            row = self.rng.choice(self.by_kind[kind])
            yield Post(self.rng.choice(self.groups), self._author(kind), row.text, row, self._vk_kind())

    def new_author(self) -> int:
        """A fresh id (to re-post as someone else when the chosen author is banned)."""
        self._next_author += 1
        return self._next_author
