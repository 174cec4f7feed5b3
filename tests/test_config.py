"""Config loading: the example file loads; a broken file reports every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config, parse_config
from bot.ladder import LadderStep

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "modbot.example.toml"
TOKENS = {
    "MODBOT_VK_PYATIGORSK_GROUP_TOKEN": "vk1.a.GROUP-SECRET-TOKEN",
    "MODBOT_VK_PYATIGORSK_USER_TOKEN": "vk1.a.USER-SECRET-TOKEN",
    "MODBOT_OK_APP_KEY": "CBAOKAPPKEY",
    "MODBOT_OK_APP_SECRET": "OK-APP-SECRET",
    "MODBOT_OK_PYATIGORSK_TOKEN": "ok-ADMIN-SECRET-TOKEN",
}


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "modbot.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_example_loads_with_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in TOKENS.items():
        monkeypatch.setenv(k, v)
    cfg = load_config(EXAMPLE)
    assert cfg.database == ROOT / "blacklist.db"
    assert cfg.receive_mode == "longpoll"
    assert cfg.ladder.window_days == 30
    assert cfg.ladder.steps == (LadderStep(1, 1), LadderStep(2, 7), LadderStep(3, 0))
    assert cfg.ban.scope == "community"
    assert cfg.ban.reason_codes == {"spam": 1, "insult": 2, "threat": 2, "hate": 2, "obscene": 3}
    assert "п. 19" in cfg.ban_comment("insult") and "оскорбление" in cfg.ban_comment("insult")
    assert cfg.rate_limits.user_per_second == 3 and cfg.rate_limits.group_per_second == 20
    c, okc = cfg.communities
    assert okc.key == ("ok", 53038939046008) and okc.access_token == TOKENS["MODBOT_OK_PYATIGORSK_TOKEN"]
    assert not okc.delete_enabled and okc.block_author == "forever" and cfg.ok.poll_interval == 30
    assert c.key == ("vk", 123456789)
    assert c.mode == "shadow" and not c.enforce
    assert c.group_token == TOKENS["MODBOT_VK_PYATIGORSK_GROUP_TOKEN"]
    assert c.user_token == TOKENS["MODBOT_VK_PYATIGORSK_USER_TOKEN"]
    assert cfg.community("vk", 123456789) is c
    assert cfg.community("ok", 123456789) is None
    assert cfg.thresholds_for(c)["insult"] == {"delete": 0.65, "ban": 0.9}
    assert cfg.ban_targets(c) == [c]


def test_secrets_never_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in TOKENS.items():
        monkeypatch.setenv(k, v)
    cfg = load_config(EXAMPLE)
    text = repr(cfg) + str(cfg) + repr(cfg.communities[0])
    for secret in TOKENS.values():
        assert secret not in text
    assert "MODBOT_VK_PYATIGORSK_GROUP_TOKEN" in text  # the variable's name is fine to show


def test_example_without_env_names_each_missing_variable() -> None:
    with pytest.raises(ConfigError) as ei:
        load_config(EXAMPLE, env={})
    problems = ei.value.problems
    assert len(problems) == 5
    for var in (
        "MODBOT_VK_PYATIGORSK_GROUP_TOKEN",
        "MODBOT_VK_PYATIGORSK_USER_TOKEN",
        "MODBOT_OK_PYATIGORSK_TOKEN",
        "MODBOT_OK_APP_KEY",
        "MODBOT_OK_APP_SECRET",
    ):
        assert any(f"{var} is not set" in p for p in problems), var


BROKEN = """
databse = "x.db"
log_level = "LOUD"
receive_mode = "push"
[web]
port = "8080"
[ladder]
steps = [ { after_violations = 2, days = 7 }, { after_violations = 1, days = 4000 } ]
[ban]
scope = "planet"
[ban.reason_codes]
spam = 9
[thresholds]
insult = { review = 0.9, delete = 0.5 }
sarcasm = { delete = 0.5 }
spam = { delete = 1.5 }
[[communities]]
platform = "vk"
group_id = 1
group_token_env = "NOPE_G"
mode = "enforce"
trusted_user_ids = ["x"]
[[communities]]
platform = "vk"
group_id = 1
group_token_env = "G2"
colour = "red"
"""


def test_broken_config_lists_every_problem(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as ei:
        load_config(_write(tmp_path, BROKEN), env={"G2": "t"})
    problems = ei.value.problems
    expected = [
        "databse: unknown key",
        "log_level: must be one of",
        "receive_mode: must be one of",
        "web.port: expected an integer",
        "ladder.steps[2].after_violations: must be greater",
        "ladder.steps[2].days: must be 0 (forever) or 1..3650",
        "ban.scope: must be one of",
        "ban.reason_codes.spam: must be a VK reason code",
        "thresholds.sarcasm: unknown category",
        "thresholds.spam.delete: must be in [0, 1]",
        "thresholds.insult: thresholds must satisfy review ≤ delete ≤ ban",
        "communities[1].group_token_env: environment variable NOPE_G is not set",
        "communities[1].user_token_env: required",
        "communities[1].trusted_user_ids: 'x' is not a positive user id",
        "communities[2].colour: unknown key",
        "communities[2]: duplicate vk group_id 1",
    ]
    for needle in expected:
        assert sum(needle in p for p in problems) == 1, (needle, problems)
    assert len(problems) == len(expected), problems
    # One line per problem, the whole list in the message.
    msg = str(ei.value)
    assert msg.count("\n") == len(problems)
    assert "modbot.toml" in msg.splitlines()[0]


def test_missing_file_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(_write(tmp_path, "database = [unclosed"))


def test_no_communities_is_a_problem() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config({}, env={})
    assert ei.value.problems == ["communities: none configured; add at least one [[communities]] table"]


def _community(**kw: object) -> dict:
    return {"platform": "vk", "group_id": 10, "group_token_env": "G", **kw}


def test_defaults_and_delete_only(tmp_path: Path) -> None:
    cfg = parse_config(
        {"ladder": {"steps": "delete_only"}, "communities": [_community()]}, env={"G": "t"}, base_dir=tmp_path
    )
    assert cfg.ladder.delete_only and cfg.ladder.steps == ()
    assert cfg.database == tmp_path / "blacklist.db"
    assert cfg.log_level == "INFO" and cfg.web.port == 0 and not cfg.web.enabled and not cfg.metrics.enabled
    c = cfg.communities[0]
    assert c.mode == "shadow" and c.user_token == "" and c.receive_mode == "longpoll"


def test_enforce_needs_user_token_and_callback_needs_secrets() -> None:
    data = {
        "callback": {"secret_env": "CB"},
        "communities": [
            _community(mode="enforce", user_token_env="U", receive_mode="callback", confirmation_env="CONF")
        ],
    }
    with pytest.raises(ConfigError) as ei:
        parse_config(data, env={"G": "t"})
    assert len(ei.value.problems) == 3  # U, CONF and CB unset
    cfg = parse_config(data, env={"G": "t", "U": "u", "CONF": "abc123", "CB": "s3cret"})
    c = cfg.communities[0]
    assert c.enforce and c.user_token == "u" and c.confirmation == "abc123"
    assert cfg.callback.secret == "s3cret" and "s3cret" not in repr(cfg)
    with pytest.raises(ConfigError, match="callback.secret_env: required"):
        parse_config(
            {"communities": [_community(receive_mode="callback", confirmation_env="CONF")]},
            env={"G": "t", "CONF": "x"},
        )


def test_threshold_overrides_merge_and_are_checked_against_defaults() -> None:
    env = {"G": "t"}
    cfg = parse_config(
        {
            "thresholds": {"insult": {"delete": 0.7}},
            "communities": [_community(thresholds={"insult": {"ban": 0.95}, "spam": {"review": 0.5}})],
        },
        env=env,
    )
    merged = cfg.thresholds_for(cfg.communities[0])
    assert merged == {"insult": {"delete": 0.7, "ban": 0.95}, "spam": {"review": 0.5}}
    # Default insult review is 0.4: delete 0.3 alone breaks the order.
    with pytest.raises(ConfigError, match="review ≤ delete ≤ ban"):
        parse_config({"thresholds": {"insult": {"delete": 0.3}}, "communities": [_community()]}, env=env)
    with pytest.raises(ConfigError, match="unknown threshold"):
        parse_config({"communities": [_community(thresholds={"spam": {"block": 0.5}})]}, env=env)


def test_organisation_scope(tmp_path: Path) -> None:
    env = {"G": "t", "OKT": "ok-token", "OKK": "CBAKEY", "OKS": "secret"}
    data = {
        "ban": {"scope": "organisation"},
        "ok": {"application_key_env": "OKK", "application_secret_env": "OKS"},
        "communities": [
            _community(group_id=1, organisation="adm"),
            _community(group_id=2, organisation="adm"),
            _community(group_id=3, organisation="other"),
            {"platform": "ok", "group_id": 4, "access_token_env": "OKT", "organisation": "adm"},
        ],
    }
    cfg = parse_config(data, env=env)
    targets = cfg.ban_targets(cfg.communities[0])
    assert [c.group_id for c in targets] == [1, 2]
    data["communities"].append(_community(group_id=5))
    with pytest.raises(ConfigError, match=r"communities\[5\].organisation: required"):
        parse_config(data, env=env)


def test_wrong_types_are_reported_not_crashed() -> None:
    with pytest.raises(ConfigError) as ei:
        parse_config(
            {
                "web": "localhost",
                "ladder": {"steps": [1, {"days": 2}]},
                "thresholds": {"spam": 0.5},
                "rate_limits": {"user_per_second": 0},
                "communities": [_community(group_id=True, mode="loud", trusted_user_ids=5)],
            },
            env={"G": "t"},
        )
    text = "\n".join(ei.value.problems)
    for needle in (
        "web: expected a table",
        "ladder.steps[1]: expected",
        "ladder.steps[2].after_violations: missing",
        "thresholds.spam: expected a table",
        "rate_limits.user_per_second: must be > 0",
        "group_id: expected an integer",
        "mode: must be one of enforce, shadow",
        "trusted_user_ids: expected an array",
    ):
        assert needle in text, (needle, text)
