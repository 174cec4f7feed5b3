"""The wheel is the product: ``pip install .`` must give a modbot that works outside the checkout.

The wheel is built from a copy of the tracked files (so nothing untracked or left in ``build/``
leaks in), offline (``--no-build-isolation --no-index``), installed with ``pip install --target``
into a temporary folder that comes first on ``PYTHONPATH``, and run from another working
directory without ``MODBOT_MODEL``: it must find its shipped model and data by itself.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from bot.emulator import VKEmulator
from tests.conftest import G1, ROOT, VIOLATING, ok_calls, token_env, wait_for

pytestmark = pytest.mark.slow

#: Folders whose every tracked non-Python file is data the installed code reads.
SHIPPED = ("bot/", "moderation/", "models/default/")
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "runtime",
    "bench",
    ".pytest_cache",
    ".ruff_cache",
    "*.db",
    "*.db-*",
)

CONFIG = """
database = "{db}"
log_level = "INFO"

[web]
host = "127.0.0.1"
port = {web_port}

[[communities]]
platform = "vk"
group_id = {g1}
name = "Администрация"
group_token_env = "G{g1}"
user_token_env = "U{g1}"
mode = "enforce"
"""


def _tracked() -> list[str]:
    """Files git tracks (the checkout's own view of the product); empty outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [p for p in out.decode().split("\0") if p and (ROOT / p).is_file()]


class Installed:
    def __init__(self, wheel: Path, target: Path, tracked: list[str]) -> None:
        self.wheel, self.target, self.tracked = wheel, target, tracked

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MODBOT_") and k != "PYTHONPATH"}
        env.update(PYTHONPATH=str(self.target), PYTHONNOUSERSITE="1", PYTHONUNBUFFERED="1", **extra)
        return env

    @property
    def modbot(self) -> list[str]:
        script = self.target / "bin" / "modbot"
        return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    src, dist, target = base / "src", base / "dist", base / "site"
    tracked = _tracked()
    if tracked:
        for rel in tracked:
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    else:
        shutil.copytree(ROOT, src, ignore=IGNORED)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(src)],
        check=True,
        cwd=base,
        timeout=300,
    )
    [wheel] = dist.glob("modbot-*.whl")
    subprocess.run(
        [*pip, "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        cwd=base,
        timeout=300,
    )
    yield Installed(wheel, target, tracked)


def test_wheel_ships_model_and_every_data_file(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for must in (
        "models/default/model.pkl",
        "models/default/meta.json",
        "models/default/MODEL_CARD.md",
        "moderation/lexicons/obscene.txt",
        "moderation/lexicons/spam/phrases.txt",
        "moderation/lexicons/spam/hosts.txt",
        "moderation/corpus/seed.tsv",
        "bot/demo/traffic.tsv",
    ):
        assert must in names, must
    if installed.tracked:
        data = [p for p in installed.tracked if p.startswith(SHIPPED) and not p.endswith(".py")]
        assert not [p for p in data if p not in names], "tracked data files missing from the wheel"
        code = [p for p in installed.tracked if p.startswith(("bot/", "moderation/")) and p.endswith(".py")]
        assert not [p for p in code if p not in names], "modules missing from the wheel"


def test_installed_code_is_the_wheel_and_finds_its_model(installed: Installed, tmp_path: Path) -> None:
    probe = (
        "import bot, moderation, moderation.judge as j; "
        "print(bot.__file__); print(moderation.__file__); print(j.default_model_dir())"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split("\n")
    for line in out[:3]:
        assert Path(line).resolve().is_relative_to(installed.target.resolve()), out
    assert (Path(out[2]) / "model.pkl").is_file()


def test_installed_classify_without_model_env(installed: Installed, tmp_path: Path) -> None:
    r = subprocess.run(
        [*installed.modbot, "classify", "ты дебил"],
        cwd=tmp_path,
        env=installed.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Решение: удалить" in r.stdout and "оскорбление" in r.stdout, r.stdout
    assert not list(tmp_path.iterdir()), "classify must not write into the working directory"


async def test_installed_daemon_judges_deletes_and_serves_the_workspace(
    installed: Installed, vk_emu: VKEmulator, tmp_path: Path
) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    cfg = work / "modbot.toml"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        web_port = sock.getsockname()[1]
    cfg.write_text(CONFIG.format(db=work / "modbot.db", g1=G1, web_port=web_port), encoding="utf-8")
    log = work / "daemon.log"
    env = installed.env(**token_env(vk_emu), MODBOT_VK_API_URL=vk_emu.api_url, MODBOT_LONGPOLL_WAIT="1")
    with log.open("ab") as fh:
        proc = await asyncio.create_subprocess_exec(
            *installed.modbot,
            "run",
            "--config",
            str(cfg),
            cwd=str(work),
            env=env,
            stdout=fh,
            stderr=asyncio.subprocess.STDOUT,
        )
    try:
        await wait_for(
            lambda: "long poll starts" in log.read_text(errors="replace") or proc.returncode is not None,
            90,
            what="daemon up",
        )
        assert proc.returncode is None, log.read_text(errors="replace")[-3000:]
        posted = vk_emu.post_comment(G1, 4242, VIOLATING)
        await wait_for(
            lambda: any(
                str(c["params"].get("comment_id")) == str(posted["comment_id"])
                for c in ok_calls(vk_emu, "wall.deleteComment")
            ),
            60,
            what="the comment deleted",
        )
        # the workspace's templates and static files come from the wheel too; the web listener starts
        # after the daemon's pollers, so a busy box can delete the comment before it is up
        await wait_for(
            lambda: "modbot is running" in log.read_text(errors="replace"), 60, what="the workspace up"
        )
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{web_port}/login") as r:
                assert r.status == 200 and "<form" in await r.text()
            async with http.get(f"http://127.0.0.1:{web_port}/static/app.css") as r:
                assert r.status == 200 and len(await r.read()) > 100
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    text = log.read_text(errors="replace")
    assert "no model" not in text and "Traceback" not in text, text[-3000:]
