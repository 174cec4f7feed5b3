"""Pure decision planning: ban scope across an organisation's communities."""

from __future__ import annotations

import time

from bot.adapters import build_platforms
from bot.config import parse_config
from bot.decisions import DecisionService
from bot.store import Store
from bot.types import Comment
from moderation.verdict import Verdict


def _config(scope: str):
    env = {"G": "g", "U": "u"}
    comms = [
        {
            "platform": "vk",
            "group_id": gid,
            "group_token_env": "G",
            "user_token_env": "U",
            "mode": "enforce",
            "organisation": org,
        }
        for gid, org in ((1, "admin"), (2, "admin"), (3, "hospital"))
    ]
    return parse_config({"ban": {"scope": scope}, "communities": comms}, env=env)


def _plan(scope: str, store: Store):
    cfg = _config(scope)
    service = DecisionService(store, cfg, build_platforms(cfg))
    comment = Comment("vk", 1, "wall", 7, 555, "спам", int(time.time()), object_id=3, owner_id=-1)
    verdict = Verdict("спам", "delete_and_ban", ["spam"], {"spam": 0.99}, ground="спам")
    return cfg, service.plan_auto(
        comment, verdict, community=cfg.communities[0], prior_violations=0, blacklisted=None, now=time.time()
    )


def test_organisation_ban_covers_exactly_the_organisation(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        cfg, plan = _plan("organisation", store)
        assert sorted(b.community_id for b in plan.ban) == [1, 2]
        assert sorted(a.community_id for a in plan.actions if a.kind == "ban") == [1, 2]
        row = store.save_comment(Comment("vk", 1, "wall", 7, 555, "спам", 0, object_id=3, owner_id=-1))
        store.save_decision(plan.decision, comment_row=row.id, actions=plan.actions, ban=plan.ban)
        assert store.active_ban("vk", 2, "555") is not None
        assert store.active_ban("vk", 3, "555") is None  # another organisation's page


def test_community_ban_stays_in_its_community(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        _, plan = _plan("community", store)
        assert [b.community_id for b in plan.ban] == [1]
