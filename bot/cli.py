"""``modbot`` command line: argument parsing only; each command calls one function elsewhere."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path

_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(value: object, indent: int | None = None) -> str:
    """JSON with Cyrillic as is; a lone UTF-16 surrogate (which UTF-8 cannot carry) as its ``\\uXXXX``
    escape, so the line is valid JSON of exactly the text that was judged."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _classify_model(args: argparse.Namespace) -> Path:
    """The model ``classify`` judges with: ``--model``, else the one the daemon runs for the config
    (the registry's promoted version after ``modbot retrain``, else ``model_path``/``$MODBOT_MODEL``,
    else the shipped one) — so a moderator checking a text sees the daemon's verdict."""
    if args.model:
        return Path(args.model)
    from bot.cli_daemon import secretless_config
    from bot.model_registry import model_to_run

    return model_to_run(secretless_config(args))  # MissingConfig (a FileNotFoundError) when named and absent


def _classify(args: argparse.Namespace) -> int:
    from bot.config import ConfigError
    from moderation.judge import Judge, explain

    try:
        judge = Judge.load(_classify_model(args))
    except (FileNotFoundError, ValueError, ConfigError) as exc:
        print(f"modbot: {exc}", file=sys.stderr)
        return 2
    if args.jsonl:
        # Read bytes and decode leniently: invalid UTF-8 must give a verdict (with U+FFFD), not a traceback.
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
        out = sys.stdout
        batch: list[str] = []

        def flush() -> None:
            for v in judge.judge_many(batch):
                out.write(_json(v.to_json()) + "\n")
            out.flush()
            batch.clear()

        for line in stdin:
            batch.append(line.rstrip("\r\n"))
            if len(batch) >= 256:
                flush()
        if batch:
            flush()
        return 0
    texts = args.text or []
    if not texts:
        print("modbot classify: give a text, or use --jsonl to read one text per line from stdin", file=sys.stderr)
        return 2
    for i, text in enumerate(texts):
        if i:
            print()
        v = judge.judge(text)
        print(_json(v.to_json(), indent=2) if args.json else explain(v).encode("utf-8", "replace").decode("utf-8"))
    return 0


def _train(args: argparse.Namespace) -> int:
    from moderation.datasets import DataError
    from moderation.judge import DEFAULT_MODEL_DIR
    from moderation.training import refit_heads, train

    common = {"test_size": args.test_size, "seed": args.seed, "C": args.C, "neutral_weight": args.neutral_weight,
              "version": args.version}
    try:
        if args.keep_lines and args.refit_heads is None:
            raise ValueError("--keep-lines работает только с --refit-heads")
        if args.lines and args.refit_heads is None:
            raise ValueError("--lines работает только с --refit-heads")
        if args.refit_heads is not None:
            heads = tuple(h.strip() for h in args.refit_heads.split(",") if h.strip())
            base = Path(args.base) if args.base else DEFAULT_MODEL_DIR
            lines = dict(_head_lines(spec) for spec in args.lines or [])
            refit_heads(
                base, [Path(p) for p in args.data], heads, Path(args.out), keep_lines=args.keep_lines, lines=lines, **common
            )
        else:
            train([Path(p) for p in args.data], Path(args.out), **common)
    except (DataError, ValueError, OSError) as exc:
        print(f"modbot train: {exc}", file=sys.stderr)
        return 2
    return 0


def _head_lines(spec: str) -> tuple[str, dict[str, float]]:
    """``hate=0.25,0.35,0.57`` → ``("hate", {"review": 0.25, "delete": 0.35, "ban": 0.57})``."""
    head, _, values = spec.partition("=")
    try:
        review, delete, ban = (float(v) for v in values.split(","))
    except ValueError:
        raise ValueError(f"--lines {spec!r}: нужно КАТЕГОРИЯ=ПРОВЕРКА,УДАЛЕНИЕ,БАН, например hate=0.25,0.35,0.57") from None
    if not 0 < review <= delete <= ban <= 1:
        raise ValueError(f"--lines {spec!r}: пороги должны идти по возрастанию в (0, 1]: проверка ≤ удаление ≤ бан")
    return head.strip(), {"review": review, "delete": delete, "ban": ban}


def build_parser() -> argparse.ArgumentParser:
    from bot import cli_daemon, cli_model, cli_report, cli_review, cli_web

    parser = argparse.ArgumentParser(prog="modbot", description="Clause-19 comment moderation for VK and OK pages.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("classify", help="judge texts and explain the verdict in Russian")
    p.add_argument("text", nargs="*", help="text(s) to judge")
    p.add_argument("--jsonl", action="store_true", help="read one text per line on stdin, write one JSON per line")
    p.add_argument("--json", action="store_true", help="print the verdict as JSON instead of the explanation")
    p.add_argument("--model", help="model directory (default: the model the daemon runs for --config)")
    cli_daemon._config_arg(p)
    p.set_defaults(func=_classify)

    p = sub.add_parser("train", help="train a model from labelled data and write it with its model card")
    p.add_argument("--data", nargs="+", required=True, metavar="PATH", help="dataset files or folders (e.g. ../shared/data)")
    p.add_argument("--out", required=True, help="output directory, e.g. models/NAME")
    p.add_argument("--test-size", type=float, default=0.15, help="held-out share for metrics and thresholds (0.15)")
    p.add_argument("--seed", type=int, default=0, help="random seed for the split (0)")
    p.add_argument("--C", type=float, default=0.3, help="inverse regularisation of the linear models (0.3)")
    p.add_argument("--neutral-weight", type=float, default=0.2, help="sample weight of RUSSE neutral rewrites (0.2)")
    p.add_argument("--version", help="model version string (default: NAME-date-hash)")
    p.add_argument("--refit-heads", metavar="CATS",
                   help="refit only these heads (comma-separated, e.g. hate) of --base, keeping its features and other heads")
    p.add_argument("--base", metavar="DIR", help="model whose heads --refit-heads refits (default: the shipped model)")
    p.add_argument("--keep-lines", action="store_true",
                   help="with --refit-heads: keep the base's review/delete/ban lines for the refitted heads")
    p.add_argument("--lines", action="append", metavar="CAT=R,D,B",
                   help="with --refit-heads: set a refitted head's review, delete and ban lines "
                        "(e.g. hate=0.25,0.35,0.57; repeatable)")
    p.set_defaults(func=_train)


    cli_daemon.register(sub)
    cli_review.register(sub)
    cli_web.register(sub)
    cli_report.register(sub)
    cli_model.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
