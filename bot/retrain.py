"""``modbot retrain``: build a candidate model from the moderators' labels, measure it against the
running one, and promote it only if it is not worse.

How the candidate is built
--------------------------
* **Local correction** (the default; needs nothing but the installed package and the database):
  the running model's own trained classifier stays, and each category with enough labels gets a
  small logistic correction over that model's score and features (``moderation/correction.py``).
  The moderators' labels are a few hundred to a few thousand texts: too few to train a text model,
  enough to say where the shipped model is wrong on this page (a local insult it misses, a kind of
  civic complaint it over-deletes). Communities with enough labels of their own also get their own
  delete thresholds. A new correction always starts again from the trained model underneath (it
  replaces an earlier correction, never stacks on it) and learns from all labels so far.
* **Full retrain**, when ``[retrain] base_data`` (or ``--base-data``) names the base data: the
  shipped training recipe on that data plus the labels (``label_weight`` each).

What protects the running service
---------------------------------
The newest labels (``holdout``, 20 %) are never trained on; candidate and current model are judged
on them, on the regression set shipped with the package and on ``../shared/data`` when present
(``moderation/evaluation.py``), and the candidate goes live only if no headline figure got worse.
Writing is atomic: the candidate is written to a temporary folder and renamed into the registry;
the ``current`` pointer is switched with one rename, after everything else succeeded. Any error —
a corrupt model, a full disk — leaves the pointer, and so the running daemon, as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.model_registry import (
    PROBE_TEXT,
    ModelRegistry,
    RegistryError,
    is_disk_full,
    model_to_run,
    safe_name,
)
from bot.training_labels import Label, LabelSet, read_labels
from moderation import evaluation
from moderation.categories import CATEGORY_NAMES_RU
from moderation.classifier import ModelArtifact
from moderation.correction import community_thresholds, corrected_artifact, fit_correction
from moderation.datasets import Example
from moderation.judge import Judge

#: The held-out labels must hold at least this many violations and as many keeps.
MIN_TEST_EACH = 10
#: ``../shared/data`` sets judged for information, at most this many rows each (fixed sample).
EVAL_ROWS = 2000
DEFAULT_EVAL_DATA = Path("../shared/data")

EXIT_PROMOTED, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


_OUTCOME_RU = {"promoted": "принят", "forced": "принят принудительно", "refused": "отклонён"}


class RetrainError(RuntimeError):
    """Retraining cannot go on; the message (Russian) says why and what to do. Nothing was changed."""


@dataclass
class RetrainOptions:
    force: bool = False
    dry_run: bool = False
    by: str = ""
    base_data: Sequence[Path] | None = None  # None: from the config
    eval_data: Path | None = None  # None: config, else ../shared/data when present
    no_eval_data: bool = False
    min_labels: int | None = None
    holdout: float | None = None
    progress: bool = True
    seed: int = 0


@dataclass
class RetrainResult:
    outcome: str  # promoted | forced | refused | dry_run | unchanged (no new labels since the last retrain)
    current: str
    candidate: str
    kind: str
    table: str
    worse: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def promoted(self) -> bool:
        return self.outcome in ("promoted", "forced")

    @property
    def exit_code(self) -> int:
        if self.outcome == "unchanged":
            return EXIT_PROMOTED
        if self.outcome == "dry_run":
            return EXIT_PROMOTED if not self.worse else EXIT_REFUSED
        return EXIT_PROMOTED if self.promoted else EXIT_REFUSED


# --------------------------------------------------------------------------- progress


def bar(items: Iterable, desc: str, total: int | None = None, *, enabled: bool = True) -> Iterable:
    """A tqdm bar on stderr (off when not a terminal, or when ``enabled`` is False)."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, total=total, leave=False, file=sys.stderr, mininterval=0.5, disable=None,
                dynamic_ncols=True)


@contextlib.contextmanager
def step(desc: str, *, enabled: bool = True) -> Iterator[None]:
    """A bar for one long call that cannot report progress itself: elapsed time, ticking."""
    if not enabled:
        yield
        return
    from tqdm import tqdm

    t = tqdm(total=1, desc=desc, leave=False, file=sys.stderr, disable=None, bar_format="{desc}: {elapsed}")
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(0.5):
            t.refresh()

    th = threading.Thread(target=tick, daemon=True)
    th.start()
    try:
        yield
    finally:
        stop.set()
        th.join()
        t.update(1)
        t.close()


# --------------------------------------------------------------------------- the command


def retrain(config: Any, db_path: Path, options: RetrainOptions | None = None,
            say: Callable[[str], None] = print) -> RetrainResult:
    """Build, measure and (maybe) promote a candidate. Raises :class:`RetrainError` when it cannot
    go on; nothing has been changed then."""
    o = options or RetrainOptions()
    t0 = time.monotonic()
    rc = config.retrain
    holdout = o.holdout if o.holdout is not None else rc.holdout
    min_labels = o.min_labels if o.min_labels is not None else rc.min_labels
    base_data = list(o.base_data if o.base_data is not None else rc.base_data)
    try:
        registry = ModelRegistry.for_config(config)
    except RegistryError as exc:
        raise RetrainError(str(exc)) from None
    try:
        registry.root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RetrainError(f"не создать каталог реестра моделей {registry.root}: {exc}") from None
    with _guard(registry.lock(".retrain.lock", wait=False)):
        pointer_at_start = registry.current_name()
        current_dir = model_to_run(config)
        current = _load_current(current_dir, o.progress)
        say(f"Текущая модель: {current.version} ({current_dir})")

        labels = _read(db_path)
        say(_labels_line(labels))
        for c in labels.contradictions[:10]:
            say(f"  противоречие (исключено из обучения): «{_short(c.text)}» — {_verdicts(c.verdicts)}")
        if len(labels.contradictions) > 10:
            say(f"  … и ещё {len(labels.contradictions) - 10} противоречивых текстов")
        for c in labels.category_conflicts[:5]:
            say(f"  разные категории (берётся последняя): «{_short(c.text)}» — {_verdicts(c.verdicts)}")
        newest = labels.labels[-1].at
        last = registry.last_retrain()
        if not o.force and not o.dry_run and last.get("labels_until") is not None \
                and newest <= float(last["labels_until"]) \
                and current.version in (last.get("current"), last.get("candidate")):
            say(f"Новых меток с прошлого дообучения ({last.get('at')}, кандидат {last.get('candidate')}: "
                f"{_OUTCOME_RU.get(last.get('outcome', ''), last.get('outcome'))}) нет — нечего делать. "
                "Повторить всё равно: --force")
            return RetrainResult("unchanged", current.version, "", "", "", seconds=round(time.monotonic() - t0, 1))
        train, test = labels.split(holdout)
        _check_test(test, holdout)
        counts = labels.counts(train)
        trainable = [c for c, n in counts.items() if c != "keep" and n >= min_labels]
        below = {c: n for c, n in counts.items() if c != "keep" and 0 < n < min_labels}
        if below:
            say("Ниже минимума (" + str(min_labels) + " меток) — не обучаются: "
                + ", ".join(f"{CATEGORY_NAMES_RU.get(c, c)} {n}" for c, n in below.items()))
        if not base_data and (not trainable or counts["keep"] < min_labels):
            raise RetrainError(
                f"мало меток для обучения: нужно хотя бы {min_labels} меток «оставить» и столько же одной из "
                f"категорий нарушений в обучающей части (старые {100 - round(holdout * 100)} %), сейчас "
                + ", ".join(f"{_ru(c)} {n}" for c, n in counts.items())
                + ". Порог задаётся [retrain] min_labels или --min-labels")

        kind = "full" if base_data else "local"
        name = registry.free_name(safe_name(f"{kind}-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}"))
        if kind == "local":
            candidate, details = _local(current, train, name, min_labels, o)
            say("Способ: локальная коррекция поверх обученной модели "
                f"({details['base']}); исправлены: "
                + (", ".join(_ru(c) for c in details["corrected"]) or "ничего")
                + (f"; свои пороги у сообществ: {', '.join(details['community_thresholds'])}"
                   if details["community_thresholds"] else ""))
        else:
            candidate, details = _full(registry, base_data, train, name, rc.label_weight, o)
            say(f"Способ: полное переобучение на {', '.join(str(p) for p in base_data)} и метках модераторов")

        figures_cur, figures_cand = _evaluate(config, current, candidate, test, o)
        decision = evaluation.decide(figures_cur, figures_cand)
        table = evaluation.text_table(figures_cur, figures_cand, current.version, candidate.version)
        ci = evaluation.f1_change_interval([lab.violation for lab in test], figures_cur.pop("_held_out_actions"),
                                           figures_cand.pop("_held_out_actions"))
        if ci is not None:
            figures_cand["held_out"]["f1_change_95"] = list(ci)
            table += (f"\n\nИзменение F1 на {len(test)} отложенных метках: 95 % интервал {ci[0]:+.3f} … {ci[1]:+.3f} "
                      "(бутстреп). Пока он широк, решение о небольших изменениях отчасти случайно; с ростом числа "
                      "меток он сужается.")
        say("")
        say(table)
        say("")
        result = RetrainResult("refused", current.version, candidate.version, kind, table, list(decision.worse),
                               {"current": _public(figures_cur), "candidate": _public(figures_cand),
                                "rules": decision.checked},
                               labels.summary())
        if o.dry_run:
            result.outcome = "dry_run"
            say("Проба (--dry-run): ничего не записано. " + (
                "Кандидат был бы принят." if decision.promote else
                "Кандидат был бы отклонён: " + "; ".join(decision.worse)))
            result.seconds = round(time.monotonic() - t0, 1)
            return result
        outcome = "promoted" if decision.promote else ("forced" if o.force else "refused")
        result.outcome = outcome
        _write(registry, pointer_at_start, current, current_dir, candidate, result, details, labels, train, test,
               o, decision, figures_cur, figures_cand)
        if outcome == "promoted":
            say(f"Кандидат принят: current → {candidate.version}. Служба переключится на него в течение минуты "
                "(или сразу: systemctl reload modbot). Откат: modbot model use " + current.version)
        elif outcome == "forced":
            say(f"Кандидат хуже по: {'; '.join(decision.worse)}.\nПРИНЯТ ПРИНУДИТЕЛЬНО (--force), записано в журнал "
                f"реестра: current → {candidate.version}. Откат: modbot model use {current.version}")
        else:
            say("Кандидат НЕ принят — хуже стало:\n" + "\n".join(f"  - {w}" for w in decision.worse)
                + f"\nОн сохранён как отклонённый: modbot model show {candidate.version}. Принять всё равно: "
                  "modbot retrain --force (или modbot model use --force ВЕРСИЯ); это записывается в журнал.")
        result.seconds = round(time.monotonic() - t0, 1)
        return result


@contextlib.contextmanager
def _guard(lock: Any) -> Iterator[None]:
    try:
        with lock:
            yield
    except RegistryError as exc:
        raise RetrainError(str(exc)) from None


def _load_current(path: Path, progress: bool) -> ModelArtifact:
    try:
        with step("загрузка текущей модели", enabled=progress):
            art = ModelArtifact.load(path)
            Judge(art).judge_many([PROBE_TEXT])
    except Exception as exc:  # a corrupt pickle raises anything
        raise RetrainError(
            f"текущая модель {path} не загружается ({type(exc).__name__}: {exc}). Ничего не изменено; работающая "
            "служба держит свою модель в памяти. Верните рабочую версию: modbot model list, modbot model use "
            "ВЕРСИЯ") from None
    return art


def _read(db_path: Path) -> LabelSet:
    from bot.store import Store

    if not Path(db_path).exists():
        raise RetrainError(f"нет базы данных {db_path} (укажите --db или --config)")
    try:
        store = Store(db_path, readonly=True)
    except Exception as exc:
        raise RetrainError(f"не открыть базу {db_path}: {exc}") from None
    try:
        labels = read_labels(store)
    finally:
        store.close()
    if not labels.labels:
        more = ""
        if labels.total:
            more = (f" (в таблице {labels.total} меток, но все исключены: отменены {labels.dropped_undone}, "
                    f"противоречат друг другу {labels.contradicting_labels})")
        raise RetrainError(
            "в базе нет меток модераторов, учиться не на чем" + more + ". Метки появляются, когда модераторы "
            "решают: оставить или удалить комментарий на проверке (modbot review keep/delete, рабочее место), "
            "отменить решение судьи (modbot undo).")
    return labels


def _check_test(test: list[Label], holdout: float) -> None:
    bad = sum(1 for lab in test if lab.violation)
    good = len(test) - bad
    if bad < MIN_TEST_EACH or good < MIN_TEST_EACH:
        raise RetrainError(
            f"мало меток для честной проверки: среди новейших {round(holdout * 100)} % меток (отложенных для проверки) "
            f"нарушений {bad} и «оставить» {good}, нужно хотя бы по {MIN_TEST_EACH}. Наберите ещё меток "
            "(или увеличьте [retrain] holdout / --holdout)")


def _labels_line(ls: LabelSet) -> str:
    c = ls.counts()
    parts = [f"Метки модераторов: в базе {ls.total}, используются {len(ls.labels)}"]
    extra = []
    if ls.dropped_undone:
        extra.append(f"отменены {ls.dropped_undone}")
    if ls.superseded:
        extra.append(f"заменены более новыми {ls.superseded}")
    if ls.contradicting_labels:
        extra.append(f"противоречат друг другу {ls.contradicting_labels} (текстов {len(ls.contradictions)})")
    if ls.unknown_category:
        extra.append(f"неизвестная категория {ls.unknown_category}")
    if extra:
        parts.append(" (" + ", ".join(extra) + ")")
    parts.append(": " + ", ".join(f"{_ru(k)} {v}" for k, v in c.items() if v))
    return "".join(parts)


def _ru(c: str) -> str:
    return "оставить" if c == "keep" else CATEGORY_NAMES_RU.get(c, c)


def _verdicts(v: dict[str, int]) -> str:
    return ", ".join(f"{_ru(k) if k != 'оставить' else k}: {n}" for k, n in v.items())


def _short(text: str, n: int = 70) -> str:
    t = " ".join(text.split())
    return t[:n] + ("…" if len(t) > n else "")


# --------------------------------------------------------------------------- building


def _prepare(artifact: ModelArtifact, texts: list[str], enabled: bool) -> list[Any]:
    prep = artifact.pipeline.named_steps["prepare"]
    return [prep.prepare_one(t) for t in bar(texts, "подготовка текстов", len(texts), enabled=enabled)]


def _local(current: ModelArtifact, train: list[Label], name: str, min_labels: int,
           o: RetrainOptions) -> tuple[ModelArtifact, dict[str, Any]]:
    prepared = _prepare(current, [lab.text for lab in train], o.progress)
    clf, report = fit_correction(
        current, prepared, [lab.categories for lab in train], communities=[lab.community for lab in train],
        min_labels=min_labels, seed=o.seed,
        progress=lambda items, desc, total: bar(items, desc, total, enabled=o.progress))
    base_version = current.metrics.get("retrain", {}).get("base_version", current.version) \
        if "correction" in current.metrics else current.version
    data = [{"source": "moderators", "title": "решения модераторов этой установки (modbot retrain)",
             "licence": "собственные данные", "rows": len(train)}]
    base_data = [d for d in current.data if d.get("source") != "moderators"]
    base = ModelArtifact(current.pipeline, current.version, current.thresholds, current.metrics, base_data,
                         current.created)
    art = corrected_artifact(base, clf, report, version=name, data=data,
                             metrics={"retrain": {"kind": "local", "base_version": base_version,
                                                  "skipped": report.skipped, "seconds": report.seconds}})
    details = {"base": base_version, "corrected": list(report.corrected), "skipped": report.skipped,
               "community_thresholds": sorted(report.community_thresholds), "correction": report.corrected}
    return art, details


def _full(registry: ModelRegistry, paths: list[Path], train: list[Label], name: str, weight: float,
          o: RetrainOptions) -> tuple[ModelArtifact, dict[str, Any]]:
    from moderation.datasets import DataError
    from moderation.training import train as train_recipe

    extra = [Example(lab.text, "moderators", labels=lab.categories, weight=weight) for lab in train]
    with tempfile.TemporaryDirectory(prefix=".train-", dir=registry.root) as tmp:
        out = Path(tmp) / name
        lines: list[str] = []
        try:
            with step("полное переобучение (рецепт modbot train)", enabled=o.progress):
                art = train_recipe(list(paths), out, progress=lines.append, version=name, extra=extra)
        except DataError as exc:
            raise RetrainError(f"базовые данные не подходят: {exc}") from None
        except OSError as exc:
            raise RetrainError(_write_error(registry, exc)) from None
    art.metrics["retrain"] = {"kind": "full", "base_data": [str(p) for p in paths], "label_weight": weight,
                              "log": lines[-3:]}
    return art, {"base": "", "corrected": [], "skipped": {}, "community_thresholds": [], "log": lines}


# --------------------------------------------------------------------------- measuring


def _judge_all(judge: Judge, texts: list[str], desc: str, enabled: bool) -> list[str]:
    out: list[str] = []
    batches = [texts[i:i + 128] for i in range(0, len(texts), 128)]
    it = bar(batches, desc, len(batches), enabled=enabled)
    for b in it:
        out += [v.action for v in judge.judge_many(b)]
    return out


def community_judge(config: Any, judge: Judge, community: str) -> Judge:
    """The judge as the daemon runs it for one community: the model's own thresholds for it, then
    the config's overrides on top."""
    merged: dict[str, dict[str, float]] = {c: dict(t) for c, t in community_thresholds(judge.artifact, community).items()}
    c = None
    if community and ":" in community:
        platform, _, gid = community.partition(":")
        with contextlib.suppress(ValueError):
            c = config.community(platform, int(gid))
    overrides = config.thresholds_for(c) if c is not None else {k: dict(v) for k, v in config.thresholds.items()}
    for cat, values in overrides.items():
        merged.setdefault(cat, {}).update(values)
    return judge.with_overrides(merged) if merged else judge


def _evaluate(config: Any, current: ModelArtifact, candidate: ModelArtifact, test: list[Label],
              o: RetrainOptions) -> tuple[dict[str, Any], dict[str, Any]]:
    regression = evaluation.regression_set()
    sets = _eval_sets(config, o)
    out = []
    for who, art in (("текущая", current), ("кандидат", candidate)):
        judge = Judge(art)
        figs: dict[str, Any] = {}
        by_comm: dict[str, list[int]] = {}
        for i, lab in enumerate(test):
            by_comm.setdefault(lab.community, []).append(i)
        actions = [""] * len(test)
        for comm, idx in by_comm.items():
            j = community_judge(config, judge, comm)
            for i, a in zip(idx, _judge_all(j, [test[i].text for i in idx], f"{who}: отложенные метки", o.progress),
                            strict=True):
                actions[i] = a
        figs["held_out"] = evaluation.label_figures([lab.violation for lab in test], actions)
        figs["_held_out_actions"] = actions
        g = community_judge(config, judge, "")
        reg = _judge_all(g, [it.text for it in regression], f"{who}: регрессионный набор", o.progress)
        figs["regression"] = evaluation.regression_figures(regression, reg)
        for key, title, texts, flags in sets:
            acts = _judge_all(g, texts, f"{who}: {title}", o.progress)
            f = evaluation.label_figures(flags, acts)
            f["title"] = title
            figs[key] = f
        out.append(figs)
    return out[0], out[1]


def _eval_sets(config: Any, o: RetrainOptions) -> list[tuple[str, str, list[str], list[bool]]]:
    """Labelled sets in ``../shared/data`` (or ``[retrain] eval_data``), when present: information only."""
    if o.no_eval_data:
        return []
    root = o.eval_data or config.retrain.eval_data or DEFAULT_EVAL_DATA
    if not Path(root).is_dir():
        return []
    import numpy as np

    from moderation.datasets import read_2ch, read_russe, read_tg_spam, read_vk_distorted

    found: list[tuple[str, str, list[str], list[bool]]] = []

    def sample(rows: list[tuple[str, bool]]) -> tuple[list[str], list[bool]]:
        if len(rows) > EVAL_ROWS:
            idx = np.random.default_rng(0).choice(len(rows), EVAL_ROWS, replace=False)
            rows = [rows[i] for i in sorted(idx)]
        return [t for t, _ in rows], [f for _, f in rows]

    root = Path(root)
    candidates = [
        ("vk_distorted", "VK (vk_distorted), токсичные", root / "vk_distorted_toxicity" / "russian_distorted_toxicity.tsv",
         lambda p: [(e.text, bool(e.toxic)) for e in read_vk_distorted(p)]),
        ("2ch_pikabu", "2ch/pikabu, токсичные", root / "2ch_pikabu_toxic" / "labeled.csv",
         lambda p: [(e.text, bool(e.toxic)) for e in read_2ch(p)]),
        ("russe_test", "RUSSE-2022 test, токсичные", root / "russe_detox_2022" / "test.tsv",
         lambda p: [(e.text, True) for e in read_russe(p) if e.toxic]),
        ("tg_spam", "tg-spam, спам", root / "spam_telegram_tg-spam",
         lambda p: [(e.text, bool(e.spam)) for f in ("spam-samples.txt", "ham-samples.txt")
                    for e in read_tg_spam(p / f)]),
    ]
    for key, title, path, reader in candidates:
        if not path.exists():
            continue
        try:
            texts, flags = sample(reader(path))
        except Exception:  # a set that cannot be read is information we do without
            continue
        if texts:
            found.append((key, title, texts, flags))
    return found


def _public(figs: dict[str, Any]) -> dict[str, Any]:
    return {k: {kk: vv for kk, vv in v.items() if kk != "deleted_clean_texts"} for k, v in figs.items()}


# --------------------------------------------------------------------------- writing


def _write_error(registry: ModelRegistry, exc: BaseException) -> str:
    why = "нет места на диске" if is_disk_full(exc) else "ошибка записи"
    return (f"не удалось записать модель в {registry.root} ({why}: {exc}). Текущая модель не изменена, служба "
            "работает на ней; освободите место и повторите")


def _write(registry: ModelRegistry, pointer_at_start: str | None, current: ModelArtifact, current_dir: Path,
           candidate: ModelArtifact, result: RetrainResult, details: dict[str, Any], labels: LabelSet,
           train: list[Label], test: list[Label], o: RetrainOptions, decision: evaluation.Decision,
           figs_cur: dict[str, Any], figs_cand: dict[str, Any]) -> None:
    by = o.by or os.environ.get("USER", "") or "modbot"
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    md_table = evaluation.markdown_table(figs_cur, figs_cand, current.version, candidate.version)
    training = {
        "labels": labels.summary(),
        "train": {"n": len(train), "by_category": labels.counts(train),
                  "from": _iso(train[0].at) if train else None, "to": _iso(train[-1].at) if train else None},
        "test": {"n": len(test), "by_category": labels.counts(test),
                 "from": _iso(test[0].at) if test else None, "to": _iso(test[-1].at) if test else None},
        "contradictions": [{"text": c.text, "verdicts": c.verdicts} for c in labels.contradictions],
        "method": result.kind, "details": {k: v for k, v in details.items() if k != "log"},
        "data": candidate.data,
    }
    metrics = {"measured_against": current.version, "current": result.figures["current"],
               "candidate": result.figures["candidate"], "rules": decision.checked, "worse": decision.worse,
               "deleted_clean_regression": figs_cand["regression"].get("deleted_clean_texts", [])}
    info = {"kind": result.kind, "status": result.outcome, "created": now, "by": by,
            "base_version": details.get("base") or "", "measured_against": current.version,
            "labels_used": len(train), "headline": _headline(figs_cand), "worse": decision.worse}

    def write(tmp: Path) -> None:
        candidate.save(tmp)
        (tmp / "MODEL_CARD.md").write_text(_card(candidate, current, result, md_table, training, details),
                                           encoding="utf-8")
        for fname, data in (("metrics.json", metrics), ("training.json", training)):
            (tmp / fname).write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")

    try:
        with _guard(registry.lock()), step("запись в реестр моделей", enabled=o.progress):
            if registry.current_name() != pointer_at_start:
                raise RetrainError(
                    f"пока шло дообучение, текущую модель переключили ({pointer_at_start} → "
                    f"{registry.current_name()}): кандидат измерен не против неё и не записан; запустите снова")
            if result.promoted:
                registry.keep_running_model(current_dir, current.version,
                                            {"created": now, "by": by, "headline": _headline(figs_cur)})
            registry.add_version(candidate.version, write, info)
            entry = {"version": candidate.version, "previous": registry.current_name() or safe_name(current.version),
                     "by": by, "kind": result.kind, "headline": info["headline"]}
            # The journal first, the pointer last: until the rename, nothing the daemon reads changed.
            if result.promoted:
                registry.record("force" if result.outcome == "forced" else "promote", **entry,
                                **({"worse": decision.worse} if result.outcome == "forced" else {}))
                try:
                    registry.switch(candidate.version)
                except BaseException as exc:
                    with contextlib.suppress(OSError):
                        registry.record("switch_failed", version=candidate.version, by=by, error=str(exc))
                    raise
            else:
                registry.record("refuse", **entry, worse=decision.worse)
                registry.prune_refused()
            try:  # the pointer has moved by now: a failure here must not say "nothing changed"
                registry.write_last_retrain({
                    "labels_until": labels.labels[-1].at if labels.labels else None,
                    "at": now, "by": by, "outcome": result.outcome, "current": current.version,
                    "candidate": candidate.version, "kind": result.kind, "table": md_table,
                    "text_table": result.table, "worse": decision.worse, "figures": result.figures,
                    "labels": labels.summary()})
            except OSError as exc:
                print(f"modbot: retrain: last_retrain.json not written ({exc}); the registry itself is complete",
                      file=sys.stderr)
    except OSError as exc:
        raise RetrainError(_write_error(registry, exc)) from None


def _headline(figs: dict[str, Any]) -> dict[str, Any]:
    h, r = figs.get("held_out", {}), figs.get("regression", {})
    return {"held_out_f1": h.get("f1"), "held_out_caught": h.get("caught"),
            "regression_clean_deleted": r.get("clean_deleted"), "regression_violations_removed": r.get("violations_removed")}


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _card(candidate: ModelArtifact, current: ModelArtifact, result: RetrainResult, md_table: str,
          training: dict[str, Any], details: dict[str, Any]) -> str:
    status = {"promoted": "принята (стала текущей)", "forced": "принята ПРИНУДИТЕЛЬНО (--force)",
              "refused": "отклонена"}.get(result.outcome, result.outcome)
    tr, te = training["train"], training["test"]
    lines = [
        f"# Model card: {candidate.version}",
        "",
        f"Made by `modbot retrain` on {candidate.created} from the moderators' labels "
        f"({'local correction on top of `' + details['base'] + '`' if result.kind == 'local' else 'full retrain on the base data plus the labels'}).",
        f"Decision: **{status}**" + (": " + "; ".join(result.worse) if result.worse else "") + ".",
        "",
        "## Comparison with the model running at the time",
        "",
        md_table,
        "",
        *(["F1 change on the held-out labels, 95 % paired bootstrap interval: "
           f"{ci[0]:+.3f} … {ci[1]:+.3f}.", ""]
          if (ci := result.figures.get("candidate", {}).get("held_out", {}).get("f1_change_95")) else []),
        "Promotion rules: clean comments deleted on the regression set must not rise at all; violations caught on",
        "held-out moderator labels may not drop by more than 0.02; F1 on held-out labels by more than 0.01;",
        "violations removed on the regression set by more than 0.02.",
        "",
        "## Training data",
        "",
        f"- moderators' labels for training: {tr['n']} ({_counts(tr['by_category'])}), {tr['from']} — {tr['to']}",
        f"- held out for the test (the newest): {te['n']} ({_counts(te['by_category'])}), {te['from']} — {te['to']}",
        f"- labels dropped because their decision was undone: {training['labels']['dropped_undone']}; "
        f"contradicting texts left out: {training['labels']['contradicting_texts']}",
    ]
    if details.get("correction"):
        lines += ["", "## Correction per category", "", "| category | positives | keeps | penalty | a | b |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {c} | {v['positives']} | {v['keeps']} | {v['penalty']} | {v['a']} | {v['b']} |"
                  for c, v in details["correction"].items()]
    if details.get("skipped"):
        lines += ["", "Not corrected (too few labels): " + "; ".join(f"{c}: {why}" for c, why in details["skipped"].items())]
    lines += ["", "## Thresholds (review / delete / ban)", ""]
    lines += [f"- {c}: {t['review']} / {t['delete']} / {t['ban']}" for c, t in candidate.thresholds.items()]
    ct = candidate.metrics.get("community_thresholds") or {}
    for comm, t in ct.items():
        lines.append(f"- community {comm}: " + ", ".join(f"{c} delete {v['delete']}" for c, v in t.items()))
    lines += ["", "## Base data", "", "| source | rows | licence |", "|---|---|---|"]
    lines += [f"| {d.get('title', d.get('source'))} | {d.get('rows')} | {d.get('licence', '')} |" for d in candidate.data]
    lines.append("")
    return "\n".join(lines)


def _counts(c: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in c.items() if v)
