"""The platform port: two platforms side by side, platform-free modules, one-entry categories."""

from __future__ import annotations

import ast
import dataclasses
import time
from pathlib import Path
from typing import Any

from bot.config import CommunityConfig, parse_config
from bot.daemon import Daemon, DaemonOptions
from bot.decisions import DecisionService
from bot.emulator import VKEmulator
from bot.ladder import primary_category
from bot.metrics import Metrics
from bot.platform import PlatformRegistry
from bot.store import Store
from bot.types import Comment
from bot.vk.adapter import VKOptions, VKPlatform
from moderation import categories
from moderation.categories import Category, Thresholds
from moderation.policy import Policy
from moderation.verdict import Verdict
from tests.conftest import G1, ROOT, VIOLATING, community, ok_calls, settle, token_env, wait_for
from tests.fake_platform import FakebookPlatform, FakebookServer

#: Modules that must stay platform-free (issue 6: nothing here reaches VK code, however indirectly).
PLATFORM_FREE = [
    "bot/daemon",
    "bot/store",
    "bot/decisions.py",
    "bot/ladder.py",
    "bot/platform.py",
    "bot/types.py",
    "bot/config.py",
    "bot/metrics.py",
]


def test_platform_free_modules_never_name_an_adapter() -> None:
    files = [
        p for entry in PLATFORM_FREE for p in sorted((ROOT / entry).rglob("*.py")) if (ROOT / entry).is_dir()
    ] + [ROOT / e for e in PLATFORM_FREE if e.endswith(".py")]
    assert len(files) >= 8
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [node.value] if node.value.startswith(("bot.vk", "bot.ok")) else []
            else:
                continue
            for name in names:
                assert not name.startswith(("bot.vk", "bot.ok", "..vk", "..ok", "bot.adapters")), (path, name)


async def test_two_platforms_with_the_same_community_number_do_not_mix(
    vk_emu: VKEmulator, judge: Any, tmp_path: Path
) -> None:
    fb_tokens = {G1: "fakebook-secret-1"}
    async with FakebookServer(fb_tokens) as fb:
        env = token_env(vk_emu)
        config = parse_config({"database": str(tmp_path / "two.db"), "communities": [community(G1)]}, env)
        fake = CommunityConfig(platform="fakebook", group_id=G1, name="Fakebook 1", mode="enforce")
        config = dataclasses.replace(config, communities=(*config.communities, fake))
        metrics = Metrics()
        vk = VKPlatform(config, VKOptions(api_url=vk_emu.api_url, longpoll_wait=1), metrics)
        registry = PlatformRegistry([vk, FakebookPlatform([fake], fb.url, fb_tokens)])
        d = Daemon(
            config,
            platforms=registry,
            judge=judge,
            metrics=metrics,
            options=DaemonOptions(outbox_poll=0.02, http=("127.0.0.1", 0), retry_base=0.2),
        )
        await d.start()
        try:
            vk_post = vk_emu.post_comment(G1, 5001, VIOLATING)
            fb_id = fb.post(G1, "user:5001", VIOLATING)  # same community number, same-looking author
            await wait_for(lambda: d.counts["judged"] >= 2, what="both comments judged")
            await settle(d)
            decisions = {r["platform"]: r for r in d.store.decisions(0)}
            assert set(decisions) == {"vk", "fakebook"}
            assert decisions["fakebook"]["comment_key"] == f"fakebook:{G1}:wall:feed:{fb_id}"
            assert decisions["fakebook"]["author_id"] == "user:5001"
            # VK deleted and banned through its API; Fakebook's deletion waits for a moderator's hand
            assert [c["params"]["comment_id"] for c in ok_calls(vk_emu, "wall.deleteComment")] == [
                str(vk_post["comment_id"])
            ]
            (manual,) = d.store.actions(("manual",))
            assert manual["platform"] == "fakebook" and manual["url"].endswith(fb_id)
            # bans: one on VK, the Fakebook author only on the local blacklist (no API), never mixed
            assert d.store.active_ban("vk", G1, "5001") is not None
            assert d.store.active_ban("fakebook", G1, "user:5001") is not None
            assert d.store.active_ban("vk", G1, "user:5001") is None
            assert len(ok_calls(vk_emu, "groups.ban")) == 1
            # tokens: each platform used only its own
            vk_tokens = {c["token"] for c in vk_emu.calls()}
            assert "fakebook-secret-1" not in vk_tokens
            assert {t for _, t in fb.requests} == {"fakebook-secret-1"}
            # cursors: one per platform and community
            assert d.store.get_cursor(f"fakebook:{G1}:anchor") == "1"
            assert d.store.get_cursor(f"vk:{G1}:lp_ts") is not None
            # limiters: VK's are per VK token; Fakebook has none of VK's
            assert all(k.startswith("vk1.") for k in vk.client._limiters)
            # the moderator marks the manual deletion done
            msg = d.decisions.mark_manual_done(manual["id"], by="Иванова", now=time.time())
            assert "вручную" in msg and d.store.actions(("manual",)) == []
            health = await d.health()
            assert {(c["platform"], c["group_id"]) for c in health["communities"]} == {
                ("vk", G1),
                ("fakebook", G1),
            }
        finally:
            await d.stop()


def test_a_new_category_flows_through_policy_verdict_ladder_and_journal(tmp_path: Path) -> None:
    extremism = Category(
        "extremism",
        "экстремизм",
        "призывы к экстремистской деятельности — п. 19",
        Thresholds(0.3, 0.5, 0.7),
        priority=0,
        ban_reason="abuse",
    )
    with categories.registered(extremism):
        scores = {"insult": 0.9, "extremism": 0.8}
        action, labels = Policy().decide(scores)
        assert action == "delete_and_ban" and labels == ["insult", "extremism"]
        verdict = Verdict("текст", action, labels, scores, ground="призывы")
        assert primary_category(labels, scores) == "extremism"  # priority 0: the gravest
        config = parse_config({"communities": [community(G1)]}, {"G1": "g", "U1": "u"})
        with Store(tmp_path / "db.sqlite") as store:
            platforms = PlatformRegistry([VKPlatform(config)])
            service = DecisionService(store, config, platforms)
            row = store.save_comment(Comment("vk", G1, "wall", "5", "77", "текст", 0, object_id="3"))
            plan = service.decide_auto(row, verdict, time.time())
            assert plan.category == "extremism"
            (ban,) = [a for a in plan.actions if a.kind == "ban"]
            assert ban.params["reason"] == 0  # no VK code registered for it: "other"
            assert "экстремизм" in ban.params["comment"]
            (journal,) = store.decisions(0)
            assert journal["category"] == "extremism" and journal["labels"] == ["insult", "extremism"]
            assert store.active_ban("vk", G1, "77").category == "extremism"
