"""Run the OK emulator standalone: ``python -m bot.emulator.ok --port 8082 --topics 5``.

Prints one JSON line with the URLs, then one per created group (ids, tokens, application key and
secret) so scripts can pick them up from stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from ..standalone import serve_until_signal
from .emulator import OKEmulator
from .state import DELETION_MODES, OKState


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bot.emulator.ok", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8082)
    ap.add_argument("--groups", type=int, default=1, help="groups to create (ids first-group-id..)")
    ap.add_argument("--first-group-id", type=int, default=53038939046008)
    ap.add_argument("--admin-user-id", default="575662066926", help="administrator of every created group")
    ap.add_argument("--topics", type=int, default=3, help="topics per group")
    ap.add_argument("--deletion", choices=DELETION_MODES, default="method",
                    help="discussions.deleteDiscussionComment: method (error 3), permission (10) or enabled")
    ap.add_argument("--rate-limit", type=float, default=0, help="requests/s per token before error 8 (0 = off)")
    return ap.parse_args(argv)


async def _main(args: argparse.Namespace) -> None:
    state = OKState(deletion=args.deletion, rate_limit=args.rate_limit or None)
    emu = OKEmulator(state, host=args.host, port=args.port)
    await emu.start()
    print(json.dumps({"url": emu.url, "api_url": emu.api_url, "graph_url": emu.graph_url}), flush=True)
    for i in range(args.groups):
        info = emu.add_group(args.first_group_id + i, admin_user_id=args.admin_user_id)
        info["topics"] = [emu.add_topic(info["group_id"], f"Новость {n + 1}") for n in range(args.topics)]
        print(json.dumps(info, ensure_ascii=False), flush=True)
    await serve_until_signal(emu)


def main(argv: list[str] | None = None) -> int:
    asyncio.run(_main(_parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
