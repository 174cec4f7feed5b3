"""``modbot retrain`` and ``modbot model list|show|use`` — argument parsing and printing only.

The work is in :mod:`bot.retrain` (build, measure, promote) and :mod:`bot.model_registry` (versions
and the ``current`` pointer). Neither needs the platform tokens: the config is read without secrets.
Exit codes: 0 done (promoted / switched), 1 refused (the candidate is worse; a refused version
without ``--force``), 2 cannot (no labels, bad config, corrupt model, disk full).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from bot.cli_daemon import MissingConfig, _config_arg, _db_arg, _err, secretless_config

DEFAULT_BY = os.environ.get("USER", "") or "cli"
KINDS = {"local": "коррекция", "full": "полное", "base": "исходная"}
STATUSES = {"promoted": "принята", "forced": "принята (--force)", "refused": "отклонена", "base": "исходная"}


def register(sub: Any) -> None:
    p = sub.add_parser("retrain", help="learn from the moderators' labels; promote the new model only if it is not worse")
    _config_arg(p)
    _db_arg(p)
    p.add_argument("--force", action="store_true",
                   help="promote the candidate even if a headline figure got worse (journalled)")
    p.add_argument("--dry-run", action="store_true", help="build and measure, write nothing")
    p.add_argument("--by", default=DEFAULT_BY, help="who retrains, for the journal (default: $USER)")
    p.add_argument("--base-data", nargs="+", metavar="PATH",
                   help="full retrain on this base data plus the labels (default: [retrain] base_data; "
                        "none: a local correction on top of the running model)")
    p.add_argument("--eval-data", metavar="DIR",
                   help="labelled sets to report on (default: [retrain] eval_data, else ../shared/data if present)")
    p.add_argument("--no-eval-data", action="store_true", help="do not report on labelled sets")
    p.add_argument("--min-labels", type=int, help="labels a category needs to be trained on ([retrain] min_labels, 30)")
    p.add_argument("--holdout", type=float,
                   help="newest share of the labels kept for the test ([retrain] holdout, 0.2)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_retrain)

    p = sub.add_parser("model", help="model versions: list, show one, switch (roll back or forward)")
    md = p.add_subparsers(dest="model_command", required=True)
    q = md.add_parser("list", help="versions in the registry, the current one marked, with their figures")
    _config_arg(q)
    _db_arg(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_model_list)
    q = md.add_parser("show", help="one version: its model card (comparison table, data) and status")
    _config_arg(q)
    q.add_argument("version")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_model_show)
    q = md.add_parser("use", help="make VERSION current (atomically); the daemon switches within a minute")
    _config_arg(q)
    q.add_argument("version")
    q.add_argument("--force", action="store_true", help="also a version whose retrain was refused (journalled)")
    q.add_argument("--by", default=DEFAULT_BY, help="who switches, for the journal (default: $USER)")
    q.add_argument("--reason", default="", help="why, for the journal")
    q.set_defaults(func=cmd_model_use)


def _open(args: argparse.Namespace) -> tuple[Any, Any] | None:
    from bot.config import ConfigError
    from bot.model_registry import ModelRegistry, RegistryError

    try:
        config = secretless_config(args)
        return config, ModelRegistry.for_config(config)
    except (ConfigError, MissingConfig, RegistryError) as exc:
        _err(str(exc))
        return None


def _open_version(args: argparse.Namespace) -> tuple[Any, Any, Any] | None:
    """Config, registry and the version ``args.version`` names; None after saying what was wrong."""
    from bot.model_registry import RegistryError

    opened = _open(args)
    if opened is None:
        return None
    config, reg = opened
    try:
        return config, reg, reg.get(args.version)
    except RegistryError as exc:
        _err(str(exc))
        return None


# --------------------------------------------------------------------------- retrain


def cmd_retrain(args: argparse.Namespace) -> int:
    from bot.config import ConfigError
    from bot.retrain import EXIT_ERROR, RetrainError, RetrainOptions, retrain

    try:
        config = secretless_config(args)
    except (ConfigError, MissingConfig) as exc:
        _err(str(exc))
        return EXIT_ERROR
    if args.holdout is not None and not 0.05 <= args.holdout <= 0.5:
        _err("--holdout: от 0.05 до 0.5 (доля новейших меток для проверки)")
        return EXIT_ERROR
    if args.min_labels is not None and args.min_labels < 1:
        _err("--min-labels: целое число ≥ 1")
        return EXIT_ERROR
    opts = RetrainOptions(
        force=args.force, dry_run=args.dry_run, by=args.by,
        base_data=[Path(p) for p in args.base_data] if args.base_data else None,
        eval_data=Path(args.eval_data) if args.eval_data else None, no_eval_data=args.no_eval_data,
        min_labels=args.min_labels, holdout=args.holdout, progress=not args.quiet,
    )
    try:
        result = retrain(config, config.database, opts, say=lambda s: print(s, flush=True))
    except RetrainError as exc:
        _err(f"retrain: {exc}")
        return EXIT_ERROR
    print(f"({result.seconds:.0f} с)")
    return result.exit_code


# --------------------------------------------------------------------------- model


def _undone_by_version(config: Any) -> dict[str, dict[str, int]]:
    """Automatic deletions per model version and how many moderators undid (empty without a database)."""
    from bot.store import Store

    path = Path(config.database)
    if not path.exists():
        return {}
    try:
        store = Store(path, readonly=True)
    except Exception:
        return {}
    try:
        rows = store.auto_actions_undone()
    except Exception:
        rows = []
    finally:
        store.close()
    return {r["model_version"]: r for r in rows}


def _pct(r: dict[str, int] | None) -> str:
    if not r or not r.get("auto_actions"):
        return "—"
    return f"{100.0 * r['undone'] / r['auto_actions']:.1f} % из {r['auto_actions']}"


def cmd_model_list(args: argparse.Namespace) -> int:
    try:
        return _model_list(args)
    except OSError as exc:
        _err(f"реестр моделей не читается: {exc}")
        return 2


def _model_list(args: argparse.Namespace) -> int:
    opened = _open(args)
    if opened is None:
        return 2
    config, reg = opened
    from bot.model_registry import model_to_run

    versions = reg.versions()
    undone = _undone_by_version(config)
    running = model_to_run(config)
    if args.format == "json":
        out = {"registry": str(reg.root), "current": reg.current_name(), "model_to_run": str(running),
               "versions": [{"version": v.name, "current": v.current, **v.info,
                             "auto_actions_undone": undone.get(v.name)} for v in versions],
               "journal": reg.journal(limit=20)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"Реестр: {reg.root}")
    if reg.current_name() is None:
        print(f"Указателя current ещё нет: служба работает на {running}")
    if not versions:
        print("Версий пока нет: они появятся после первого modbot retrain.")
        return 0
    head = ["", "версия", "вид", "статус", "создана", "F1", "полнота", "чистых удалено", "отменено модераторами"]
    rows = [head]
    kinds, statuses = KINDS, STATUSES
    for v in versions:
        h = v.info.get("headline") or {}
        rows.append(["*" if v.current else "", v.name, kinds.get(v.info.get("kind", ""), v.info.get("kind", "?")),
                     statuses.get(v.status, v.status), str(v.info.get("created", ""))[:16],
                     _f(h.get("held_out_f1")), _f(h.get("held_out_caught")),
                     str(h.get("regression_clean_deleted", "—")), _pct(undone.get(v.name))])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for r in rows:
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    print("\n* — текущая. F1, полнота — на отложенных метках модераторов в момент дообучения; «отменено "
          "модераторами» — доля автоматических удалений этой версии, которые модераторы отменили.")
    events = reg.journal(limit=5)
    if events:
        print("\nПоследние события:")
        for e in events:
            extra = f" ({'; '.join(e['worse'])})" if e.get("worse") else ""
            print(f"  {e.get('at')} {e.get('event')} {e.get('version')} ← {e.get('previous', '')} "
                  f"[{e.get('by', '')}]{extra}")
    return 0


def _f(v: Any) -> str:
    return f"{v:.3f}" if isinstance(v, int | float) else "—"


def cmd_model_show(args: argparse.Namespace) -> int:
    try:
        return _model_show(args)
    except OSError as exc:
        _err(f"реестр моделей не читается: {exc}")
        return 2


def _model_show(args: argparse.Namespace) -> int:
    found = _open_version(args)
    if found is None:
        return 2
    _, _, v = found
    if args.format == "json":
        data = {"version": v.name, "current": v.current, "path": str(v.path), **v.info}
        for f in ("metrics.json", "training.json"):
            try:
                data[f.removesuffix(".json")] = json.loads((v.path / f).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Версия {v.name}{' (текущая)' if v.current else ''}: {STATUSES.get(v.status, v.status)}, "
          f"{KINDS.get(v.info.get('kind', ''), v.info.get('kind', '?'))}, создана {v.info.get('created', '?')} "
          f"({v.info.get('by', '?')}); каталог {v.path}")
    try:
        print()
        print((v.path / "MODEL_CARD.md").read_text(encoding="utf-8"))
    except OSError:
        print("(карточки модели нет)")
    return 0


def cmd_model_use(args: argparse.Namespace) -> int:
    from bot.model_registry import PROBE_TEXT, RegistryError
    from moderation.judge import Judge

    found = _open_version(args)
    if found is None:
        return 2
    config, reg, v = found
    if v.current:
        print(f"{v.name} уже текущая")
        return 0
    if v.status == "refused" and not args.force:
        _err(f"версия {v.name} была отклонена при дообучении ({'; '.join(v.info.get('worse', [])) or 'хуже текущей'}); "
             "чтобы включить её всё равно, добавьте --force (будет записано в журнал)")
        return 1
    try:
        Judge.load(v.path).judge_many([PROBE_TEXT])
    except Exception as exc:
        _err(f"версия {v.name} не загружается ({type(exc).__name__}: {exc}); текущая модель не изменена")
        return 2
    try:
        with reg.lock():
            if reg.current_name() is None:  # the running model is outside the registry: keep it reachable
                from bot.model_registry import model_to_run
                from moderation.classifier import ModelArtifact

                running = model_to_run(config)
                reg.keep_running_model(running, ModelArtifact.load(running).version,
                                       {"created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "by": args.by})
            previous = reg.switch(v.name)
            reg.record("force_use" if v.status == "refused" else "use", version=v.name, previous=previous,
                       by=args.by, reason=args.reason)
    except (RegistryError, OSError, ValueError) as exc:
        _err(f"не удалось переключить: {exc}; текущая модель не изменена")
        return 2
    print(f"current → {v.name} (было: {previous or 'модель вне реестра'}). Служба переключится в течение минуты "
          f"(сразу: systemctl reload modbot). {time.strftime('%H:%M:%S')}")
    return 0

