"""Run the VK emulator standalone: ``python -m bot.emulator --port 8081 --groups 3``.

For manual poking with curl and for scripts: prints one JSON line with the URLs,
then one per created community (ids and tokens), so they can be read from stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from .standalone import serve_until_signal
from .vk import VKEmulator, VKState


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bot.emulator", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8081)
    ap.add_argument("--groups", type=int, default=1, help="communities to create (ids first-group-id..)")
    ap.add_argument("--first-group-id", type=int, default=1)
    ap.add_argument("--admin-user-id", type=int, default=100, help="admin of every created community")
    ap.add_argument("--user-rps", type=int, default=3, help="user-token limit, 0 = unlimited")
    ap.add_argument("--group-rps", type=int, default=20, help="community-token limit, 0 = unlimited")
    ap.add_argument("--restore-window", type=float, default=3600.0, help="seconds a deleted comment can be restored")
    return ap.parse_args(argv)


async def _main(args: argparse.Namespace) -> None:
    state = VKState(rate_limits={"user": args.user_rps or None, "group": args.group_rps or None},
                    restore_window=args.restore_window)
    emu = VKEmulator(state, host=args.host, port=args.port)
    await emu.start()
    print(json.dumps({"url": emu.url, "api_url": emu.api_url}), flush=True)
    for i in range(args.groups):
        info = state.add_group(args.first_group_id + i, admin_user_id=args.admin_user_id)
        state.add_post(info["group_id"], "Welcome post")
        print(json.dumps(info, ensure_ascii=False), flush=True)
    await serve_until_signal(emu)


def main(argv: list[str] | None = None) -> int:
    asyncio.run(_main(_parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
