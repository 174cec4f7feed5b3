"""The running daemon follows the model registry: ``modbot model use`` switches (and rolls back) the
model within the watch interval, with no restart and no event lost; a model that breaks on disk
leaves the running one in place. Against the VK emulator, over real HTTP."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.cli import main
from bot.emulator import VKEmulator
from bot.model_registry import ModelRegistry
from moderation.classifier import ModelArtifact
from tests.conftest import CLEAN, G1, G2, VIOLATING, DaemonFactory, settle, wait_for


def _registry(tmp_path: Path, model_dir: Path) -> ModelRegistry:
    """Two versions of the same model under different names (what matters here is which one runs)."""
    reg = ModelRegistry(tmp_path / "models")
    art = ModelArtifact.load(model_dir)
    for name in ("v-a", "v-b"):
        art.version = name
        reg.add_version(name, art.save, {"kind": "base", "status": "base"})
    reg.switch("v-a")
    return reg


def _config(tmp_path: Path) -> str:
    path = tmp_path / "modbot.toml"
    path.write_text(
        f'database = "{tmp_path / "daemon.db"}"\nmodel_path = "{tmp_path / "models" / "current"}"\n'
        + "".join(
            f'[[communities]]\nplatform = "vk"\ngroup_id = {g}\ngroup_token_env = "G{g}"\n'
            f'user_token_env = "U{g}"\n'
            for g in (G1, G2)
        ),
        encoding="utf-8",
    )
    return str(path)


async def test_model_use_switches_the_daemon_and_rolls_back_without_losing_an_event(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, model_dir: Path, tmp_path: Path
) -> None:
    reg = _registry(tmp_path, model_dir)
    cfg = _config(tmp_path)
    d = await make_daemon(
        model_path=str(tmp_path / "models" / "current"),
        db=tmp_path / "daemon.db",
        options={"model_watch_interval": 0.2},
    )
    assert await d.reload_model() and d.judge.model_version == "v-a"
    posted = 0
    stop = asyncio.Event()

    async def traffic() -> None:
        nonlocal posted
        while not stop.is_set():
            group = G1 if posted % 2 else G2
            text = (VIOLATING if posted % 3 == 0 else CLEAN) + f" #{posted}"
            vk_emu.post_comment(group, 7000 + posted, text)
            posted += 1
            await asyncio.sleep(0.03)

    task = asyncio.create_task(traffic())
    try:
        await wait_for(lambda: d.counts["judged"] >= 10, 20, what="first comments judged by v-a")
        assert await asyncio.to_thread(main, ["model", "use", "v-b", "--config", cfg, "--by", "test"]) == 0
        await wait_for(lambda: d.judge.model_version == "v-b", 20, what="daemon on v-b")
        mark = d.counts["judged"]
        await wait_for(lambda: d.counts["judged"] >= mark + 10, 20, what="comments judged by v-b")
        # Roll back in one command.
        assert await asyncio.to_thread(main, ["model", "use", "v-a", "--config", cfg, "--by", "test"]) == 0
        await wait_for(lambda: d.judge.model_version == "v-a", 20, what="daemon back on v-a")
        mark = d.counts["judged"]
        await wait_for(lambda: d.counts["judged"] >= mark + 10, 20, what="comments judged after the rollback")
        # A model file broken on disk (a failed copy, a full disk): the daemon notices the change, the
        # new file does not load, the running judge stays.
        (reg.versions_dir / "v-a" / "model.pkl").write_bytes(b"\x80\x05 broken")
        await asyncio.sleep(1.0)
        assert d.judge.model_version == "v-a"
        mark = d.counts["judged"]
        await wait_for(
            lambda: d.counts["judged"] >= mark + 10, 20, what="still judging with the broken file on disk"
        )
    finally:
        stop.set()
        await task
    await settle(d, judged=posted, timeout=30)

    comments = d.store.db.execute("SELECT count(*) FROM comments").fetchone()[0]
    assert comments == posted
    rows = d.store.db.execute(
        "SELECT model_version, count(*) FROM verdicts GROUP BY model_version"
    ).fetchall()
    by_version = dict(rows)
    assert sum(by_version.values()) == posted  # every comment judged exactly once
    assert set(by_version) == {"v-a", "v-b"}
    auto = d.store.db.execute("SELECT count(*) FROM decisions WHERE decided_by = 'auto'").fetchone()[0]
    assert auto == posted
    left = d.store.db.execute("SELECT count(*) FROM comments WHERE state = 'received'").fetchone()[0]
    assert left == 0
    assert [e["event"] for e in reg.journal()] == ["use", "use"]
