"""Readers for the labelled data the training command accepts, with their licences.

Each reader recognises one format by file name and header, so ``modbot train --data DIR`` can be
pointed at a folder laid out like ``../shared/data`` and picks what it knows. Sets whose licence
forbids shipping a model trained on them (CC BY-NC-SA, no licence for derived work) are refused
for training with a clear message; ``bench/`` reads them for evaluation only.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from moderation.verdict import CATEGORIES, TARGET_GROUPS_RU

csv.field_size_limit(sys.maxsize)

SEED_CORPUS = Path(__file__).resolve().parent / "corpus" / "seed.tsv"
#: City-page sentences labelled by category, each violation with clean ones in the same words (issue 9).
CITY_CORPUS = Path(__file__).resolve().parent / "corpus" / "city.tsv"
#: city-page sentences that teach the threat head only (issue 9, round 36)
CITY_THREATS_CORPUS = Path(__file__).resolve().parent / "corpus" / "city_threats.tsv"
#: city-page group statements and calm mentions that teach the hate head only (issue 9, round 37)
CITY_GROUPS_CORPUS = Path(__file__).resolve().parent / "corpus" / "city_groups.tsv"
#: city-page sentences about one person, labelled by category, that teach the insult head (issue 9, round 42) and the threat head (round 43)
CITY_PERSONS_CORPUS = Path(__file__).resolve().parent / "corpus" / "city_persons.tsv"
#: The city-page corpora every training run adds, by their source's name (the heads each teaches:
#: ``training.SOURCE_HEADS``).
CITY_CORPORA: dict[str, Path] = {
    "city": CITY_CORPUS,
    "city_threats": CITY_THREATS_CORPUS,
    "city_groups": CITY_GROUPS_CORPUS,
    "city_persons": CITY_PERSONS_CORPUS,
}


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    licence: str
    trainable: bool


SOURCES: dict[str, Source] = {
    "2ch_pikabu": Source(
        "2ch_pikabu",
        "Russian Language Toxic Comments (2ch + Pikabu, Kaggle; Smetanin 2020)",
        "not stated by the uploader (Kaggle) — used as permitted by the project's data policy",
        True,
    ),
    "russe_detox": Source(
        "russe_detox",
        "RUSSE-2022 detoxification (RuParaDetox), toxic sentences + neutral rewrites",
        "OpenRAIL++",
        True,
    ),
    "vk_distorted": Source(
        "vk_distorted",
        "Russian Distorted Toxicity (3,000 VK comments; Gorbunova 2022)",
        "MIT (data statement)",
        True,
    ),
    "tg_spam": Source("tg_spam", "tg-spam spam/ham samples (umputun/tg-spam)", "MIT", True),
    "seed": Source(
        "seed", "modbot seed corpus (civic comments written by the project)", "MIT (project)", True
    ),
    "city": Source(
        "city",
        "modbot city-page sentences (violations by category and clean ones in the same words, written for the project)",
        "MIT (project)",
        True,
    ),
    "city_threats": Source(
        "city_threats",
        "modbot city-page sentences for the threat head (threats of every shape and lawful ultimatums, written for the project)",
        "MIT (project)",
        True,
    ),
    "city_groups": Source(
        "city_groups",
        "modbot city-page group statements for the hate head (generalisations and calm mentions in the same words, written for the project)",
        "MIT (project)",
        True,
    ),
    "city_persons": Source(
        "city_persons",
        "modbot city-page sentences about one person for the insult and threat heads (insults, defamation, mockery and threats against harsh criticism, written for the project)",
        "MIT (project)",
        True,
    ),
    "counterfactual": Source(
        "counterfactual",
        "modbot counterfactual group sentences (project templates)",
        "MIT (project)",
        True,
    ),
    "skoltech": Source(
        "skoltech",
        "Skoltech sensitive topics / inappropriateness",
        "CC BY-NC-SA 4.0 — evaluation only",
        False,
    ),
    "hate_manual": Source(
        "hate_manual",
        "hate_speech_groups_manual (student annotation)",
        "none stated — evaluation only",
        False,
    ),
}
#: Not a file format: the labels ``modbot retrain`` reads from the database (a full retrain adds them).
SOURCES["moderators"] = Source(
    "moderators", "moderators' decisions on this installation's pages (modbot retrain)", "own data", True
)


@dataclass(frozen=True)
class Example:
    """One labelled text. ``labels`` is set when the source names categories; else only ``toxic``."""

    text: str
    source: str
    toxic: int | None = None
    labels: frozenset[str] | None = None
    target: str | None = None
    spam: int | None = None
    weight: float = 1.0
    group: str = ""  # rows sharing a group (a toxic text and its rewrites) never straddle a split


class DataError(ValueError):
    """A data path the trainer cannot use; the message says why and what to do."""


def _rows(path: Path, delimiter: str) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def read_2ch(path: Path) -> list[Example]:
    return [
        Example(r["comment"].strip(), "2ch_pikabu", toxic=int(float(r["toxic"])))
        for r in _rows(path, ",")
        if r.get("comment", "").strip()
    ]


def read_russe(path: Path, neutral_weight: float = 1.0) -> list[Example]:
    out = []
    for i, r in enumerate(_rows(path, "\t")):
        tox = (r.get("toxic_comment") or "").strip()
        if not tox:
            continue
        group = f"russe:{path.stem}:{i}"
        out.append(Example(tox, "russe_detox", toxic=1, group=group))
        for k in ("neutral_comment1", "neutral_comment2", "neutral_comment3"):
            neutral = (r.get(k) or "").strip()
            if neutral:
                out.append(Example(neutral, "russe_detox", toxic=0, weight=neutral_weight, group=group))
    return out


def read_vk_distorted(path: Path) -> list[Example]:
    return [
        Example(r["comments"].strip(), "vk_distorted", toxic=int(r["toxicity"]))
        for r in _rows(path, "\t")
        if (r.get("comments") or "").strip()
    ]


def read_tg_spam(path: Path) -> list[Example]:
    spam = 1 if "spam-samples" in path.name else 0
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [Example(t.strip(), "tg_spam", spam=spam) for t in lines if t.strip()]


def read_city_corpora() -> dict[str, list[Example]]:
    """The rows of each of :data:`CITY_CORPORA` present, by source (a wheel may ship without them)."""
    return {name: read_seed(path, name) for name, path in CITY_CORPORA.items() if path.exists()}


def read_seed(path: Path, source: str = "seed") -> list[Example]:
    """A corpus in the seed format (``text``, ``labels``, ``target``); ``source`` names whose it is."""
    out = []
    for n, r in enumerate(_rows(path, "\t"), start=2):
        text = (r.get("text") or "").strip()
        if not text:
            continue
        labels = frozenset(x.strip() for x in (r.get("labels") or "").split(",") if x.strip())
        bad = labels - set(CATEGORIES)
        if bad:
            raise DataError(f"{path}:{n}: unknown labels {sorted(bad)}; known: {', '.join(CATEGORIES)}")
        target = (r.get("target") or "").strip() or None
        if target and target not in TARGET_GROUPS_RU:
            raise DataError(f"{path}:{n}: unknown target {target!r}; known: {', '.join(TARGET_GROUPS_RU)}")
        out.append(Example(text, source, labels=labels, target=target))
    return out


def detect(path: Path) -> str | None:
    """Name the source a file belongs to, from its name and header; None if unknown."""
    name = path.name.lower()
    if name in ("spam-samples.txt", "ham-samples.txt"):
        return "tg_spam"
    if path.suffix.lower() not in (".csv", ".tsv"):
        return None
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            header = fh.readline().strip().lower()
    except OSError:
        return None
    if header.startswith("comment,toxic"):
        return "2ch_pikabu"
    if "toxic_comment" in header:
        return "russe_detox"
    if "comments" in header and "toxicity" in header:
        return "vk_distorted"
    if header.split("\t")[:2] == ["text", "labels"]:
        return "seed"
    if "inappropriate" in header or "racism" in header or "topic" in header:
        return "skoltech"
    if header.startswith("tweet,a,h"):
        return "hate_manual"
    return None


READERS = {
    "2ch_pikabu": read_2ch,
    "russe_detox": read_russe,
    "vk_distorted": read_vk_distorted,
    "tg_spam": read_tg_spam,
    "seed": read_seed,
}


def load(
    paths: list[Path], *, neutral_weight: float = 1.0, skip_russe_eval: bool = True
) -> dict[str, list[Example]]:
    """Read every known file under ``paths``. Unknown files are skipped; refused sets raise."""
    found: dict[str, list[Example]] = {}
    for root in paths:
        if not root.exists():
            raise DataError(f"{root}: no such file or directory")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for f in files:
            kind = detect(f)
            if kind is None:
                continue
            src = SOURCES[kind]
            if not src.trainable:
                if root.is_dir():
                    continue  # silently skip eval-only sets inside a data folder
                raise DataError(f"{f}: {src.title} is licensed {src.licence}; it cannot be used for training")
            if kind == "russe_detox" and skip_russe_eval and f.stem in ("dev", "test"):
                continue  # dev/test splits stay unseen: bench/quality.py measures neutral rewrites on dev
            reader = READERS[kind]
            rows = reader(f, neutral_weight) if kind == "russe_detox" else reader(f)
            found.setdefault(kind, []).extend(rows)
    if not found:
        raise DataError("no known dataset found under: " + ", ".join(str(p) for p in paths))
    return found
