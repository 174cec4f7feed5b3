"""Load and validate ``modbot.toml`` into frozen dataclasses.

Why so strict: the daemon deletes citizens' comments and bans them on an official page, so a typo
(``tresholds``, a string where a number belongs, a missing token) must stop start-up with a clear
message, not silently fall back to a default. Every problem found is reported, one line each, in a
single :class:`ConfigError` so an operator fixes the file in one pass.

Secrets (VK/OK tokens, OK's application key and secret, the callback secret) never live in the file: the file names environment
variables (``group_token_env = "MODBOT_VK_PYATIGORSK_GROUP_TOKEN"``), their values are read once at
load time and kept in fields excluded from ``repr`` so they never reach a log line.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.ladder import DEFAULT_LADDER, Ladder, LadderStep, validate_ladder
from bot.ladder import ban_comment as _fill_ban_comment
from moderation.verdict import CATEGORIES

RECEIVE_MODES = ("longpoll", "callback")
COMMUNITY_MODES = ("enforce", "shadow")
#: OK: when a deletion through the API also blocks the author (OK's blocks have no end date).
BLOCK_AUTHOR = ("forever", "always", "never")
BAN_SCOPES = ("community", "organisation")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
THRESHOLD_KEYS = ("review", "delete", "ban")

DEFAULT_BAN_COMMENT = (
    "Комментарий удалён, автор заблокирован на основании п. 19 постановления администрации "
    "города Пятигорска № 3520 от 21.09.2023: {category}."
)


def env_float(name: str, default: float) -> float:
    """A number from an environment variable (the runtime knobs that are not ``modbot.toml`` keys);
    unset, empty or not a number: ``default``."""
    raw = os.environ.get(name, "")
    try:
        return float(raw) if raw.strip() else default
    except ValueError:
        return default


class ConfigError(Exception):
    """The config is wrong; ``problems`` holds one human-readable line per problem."""

    def __init__(self, problems: list[str], source: str | Path | None = None) -> None:
        self.problems = list(problems)
        self.source = str(source) if source is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" in {self.source}" if self.source else ""
        n = len(self.problems)
        head = f"invalid config{where} ({n} problem{'s' if n != 1 else ''}):"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


@dataclass(frozen=True)
class Listen:
    """A host:port to bind (web UI, metrics). ``port = 0`` disables the listener."""

    host: str = "127.0.0.1"
    port: int = 0

    @property
    def enabled(self) -> bool:
        return self.port != 0


@dataclass(frozen=True)
class WebConfig(Listen):
    """The moderators' workspace (``[web]``). No section or ``port = 0``: no web UI at all, so an
    installation never opens a page with citizens' data that nobody configured.

    ``trust_proxy``: the UI sits behind a reverse proxy on this machine that terminates TLS; its
    ``X-Forwarded-Proto``/``X-Forwarded-For`` are believed (Secure cookies, the client address for
    login rate limiting). ``session_hours``: a login lasts this long."""

    trust_proxy: bool = False
    session_hours: float = 12.0


@dataclass(frozen=True)
class RateLimits:
    """Requests per second per token (VK: user token 3/s, community token 20/s)."""

    user_per_second: float = 3.0
    group_per_second: float = 20.0


@dataclass(frozen=True)
class CallbackConfig:
    """VK Callback API endpoint; the secret comes from the env var ``secret_env``."""

    path: str = "/vk/callback"
    secret_env: str = ""
    secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class OKSettings:
    """``[ok]``: the OK application (its key and secret sign every request) and the poller's pace.

    OK has no push for group comments: every active topic is polled. Defaults keep a group with
    hundreds of topics inside OK's limits (OK publishes none; 5 requests/s per token is ours)."""

    application_key_env: str = ""
    application_secret_env: str = ""
    #: requests per second per access token; halved while OK answers "flood" (error 8)
    requests_per_second: float = 5.0
    #: seconds between two polls of a topic with new comments
    poll_interval: float = 30.0
    #: topics published within this many days are polled
    topic_active_days: float = 7.0
    #: seconds between two look-ups of the group's topics
    discovery_interval: float = 300.0
    application_key: str = field(default="", repr=False)
    application_secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class BanConfig:
    """How bans are issued: scope, the VK reason codes the config overrides, the visible comment.

    ``reason_codes``/``default_reason_code`` hold only what the file says; the VK adapter falls back
    to the category registry's codes for the rest."""

    scope: str = "community"  # community | organisation
    reason_codes: dict[str, int] = field(default_factory=dict)
    default_reason_code: int | None = None
    comment_template: str = DEFAULT_BAN_COMMENT
    comment_visible: bool = True


@dataclass(frozen=True)
class CommunityConfig:
    """One moderated community. Tokens are read from the named env vars and hidden from repr."""

    platform: str  # vk | ok
    group_id: int  # positive
    name: str = ""
    group_token_env: str = ""
    user_token_env: str = ""
    confirmation_env: str = ""  # VK Callback API confirmation string (callback mode only)
    access_token_env: str = ""  # OK: a group administrator's access token (signed requests)
    mode: str = "shadow"  # enforce | shadow
    receive_mode: str = "longpoll"  # inherits the global default
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # overrides over global ones
    trusted_user_ids: frozenset[str] = frozenset()
    organisation: str = ""
    #: OK: delete through the API (a permission OK grants on request); else moderators delete by hand
    delete_enabled: bool = False
    #: OK: block the author with the deletion: on a permanent ban (forever), on every ban, or never
    block_author: str = "forever"
    #: OK Bot API: judge the messages citizens write to the group (held for moderators)
    messages: bool = False
    bot_token_env: str = ""
    #: OK Bot API webhook: the public URL OK posts messages to; its path is served by the daemon
    messages_url: str = ""
    group_token: str = field(default="", repr=False)
    user_token: str = field(default="", repr=False)
    confirmation: str = field(default="", repr=False)
    access_token: str = field(default="", repr=False)
    bot_token: str = field(default="", repr=False)

    @property
    def enforce(self) -> bool:
        """True when actions go to the platform; shadow mode records decisions only."""
        return self.mode == "enforce"

    @property
    def key(self) -> tuple[str, int]:
        """``(platform, group_id)`` — unique across the config."""
        return (self.platform, self.group_id)

    def is_trusted(self, author_id: str | int) -> bool:
        """Trusted authors (staff, officials) are never acted on automatically."""
        return str(author_id) in self.trusted_user_ids


@dataclass(frozen=True)
class RetrainConfig:
    """``[retrain]``: how ``modbot retrain`` learns from the moderators' labels."""

    #: Folders/files of base training data (``modbot train``'s formats). Set: a full retrain on them
    #: plus the labels; empty: a local correction on top of the running model.
    base_data: tuple[Path, ...] = ()
    #: Labelled sets to report on (information only), e.g. ``../shared/data``; None = that default
    #: when it exists.
    eval_data: Path | None = None
    min_labels: int = 30
    holdout: float = 0.2
    #: Weight of a moderator's label against one row of base data in a full retrain.
    label_weight: float = 3.0


@dataclass(frozen=True)
class Config:
    """The whole validated configuration."""

    database: Path = Path("blacklist.db")
    log_level: str = "INFO"
    model_path: Path | None = None
    receive_mode: str = "longpoll"
    web: WebConfig = WebConfig()
    metrics: Listen = Listen("127.0.0.1", 0)
    callback: CallbackConfig = CallbackConfig()
    ladder: Ladder = DEFAULT_LADDER
    ban: BanConfig = BanConfig()
    rate_limits: RateLimits = RateLimits()
    ok: OKSettings = OKSettings()
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)  # global overrides
    communities: tuple[CommunityConfig, ...] = ()
    retrain: RetrainConfig = RetrainConfig()
    source: Path | None = None

    def community(self, platform: str, group_id: int) -> CommunityConfig | None:
        """The configured community with this platform and id, or None."""
        for c in self.communities:
            if c.platform == platform and c.group_id == group_id:
                return c
        return None

    def thresholds_for(self, community: CommunityConfig) -> dict[str, dict[str, float]]:
        """Global overrides with the community's on top; feed to ``Policy.from_mapping(overrides=...)``."""
        merged = {cat: dict(v) for cat, v in self.thresholds.items()}
        for cat, values in community.thresholds.items():
            merged.setdefault(cat, {}).update(values)
        return merged

    def ban_targets(self, community: CommunityConfig) -> list[CommunityConfig]:
        """Communities a ban issued in ``community`` applies to (itself, or its whole organisation
        on the same platform when ``ban.scope == "organisation"``)."""
        if self.ban.scope != "organisation" or not community.organisation:
            return [community]
        return [
            c
            for c in self.communities
            if c.platform == community.platform and c.organisation == community.organisation
        ]

    def ban_comment(self, category: str) -> str:
        """The ban comment for a category, from the template."""
        return _fill_ban_comment(self.ban.comment_template, category)


# --------------------------------------------------------------------------------------------
# validation


_TOP_KEYS = {
    "database", "log_level", "model_path", "receive_mode", "web", "metrics", "callback", "ladder",
    "ban", "rate_limits", "ok", "thresholds", "communities", "retrain",
}  # fmt: skip
_COMMON_COMMUNITY_KEYS = {"platform", "group_id", "name", "mode", "thresholds", "trusted_user_ids", "organisation"}
#: Keys that only mean something on one platform (a VK key on an OK community is a mistake).
_PLATFORM_KEYS = {
    "vk": {"group_token_env", "user_token_env", "confirmation_env", "receive_mode"},
    "ok": {"access_token_env", "delete_enabled", "block_author", "messages", "bot_token_env", "messages_url"},
}
_COMMUNITY_KEYS = _COMMON_COMMUNITY_KEYS | _PLATFORM_KEYS["vk"] | _PLATFORM_KEYS["ok"]
_OK_KEYS = {"application_key_env", "application_secret_env", "requests_per_second", "poll_interval",
            "topic_active_days", "discovery_interval"}


class _Checker:
    """Collects problems instead of raising at the first, so one run lists them all."""

    def __init__(self, env: Mapping[str, str], secrets: bool = True) -> None:
        self.problems: list[str] = []
        self.env = env
        self.secrets = secrets

    def add(self, msg: str) -> None:
        self.problems.append(msg)

    def table(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        v = data.get(key, {})
        if not isinstance(v, Mapping):
            self.add(f"{where}{key}: expected a table, got {_tname(v)}")
            return {}
        return v

    def unknown(self, data: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for k in data:
            if k not in allowed:
                self.add(f"{where}{k}: unknown key (known: {', '.join(sorted(allowed))})")

    def str_(
        self, data: Mapping[str, Any], key: str, where: str, default: str, choices: tuple[str, ...] = ()
    ) -> str:
        v = data.get(key, default)
        if not isinstance(v, str):
            self.add(f"{where}{key}: expected a string, got {_tname(v)}")
            return default
        if choices and v not in choices:
            self.add(f"{where}{key}: must be one of {', '.join(choices)}, got {v!r}")
            return default
        return v

    def int_(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        default: int,
        lo: int | None = None,
        hi: int | None = None,
    ) -> int:
        v = data.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int):
            self.add(f"{where}{key}: expected an integer, got {_tname(v)}")
            return default
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            rng = f"{lo if lo is not None else '-∞'}..{hi if hi is not None else '∞'}"
            self.add(f"{where}{key}: must be in {rng}, got {v}")
            return default
        return v

    def num(
        self, data: Mapping[str, Any], key: str, where: str, default: float, positive: bool = False
    ) -> float:
        v = data.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int | float):
            self.add(f"{where}{key}: expected a number, got {_tname(v)}")
            return default
        if positive and v <= 0:
            self.add(f"{where}{key}: must be > 0, got {v}")
            return default
        return float(v)

    def bool_(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        v = data.get(key, default)
        if not isinstance(v, bool):
            self.add(f"{where}{key}: expected true or false, got {_tname(v)}")
            return default
        return v

    def secret(self, var: str, where: str, required: bool) -> str:
        """The value of env var ``var``; a problem (naming the variable, never a value) if unset."""
        if not var:
            if required:
                self.add(f"{where}: required (the NAME of an environment variable holding the secret)")
            return ""
        value = self.env.get(var, "")
        if not value.strip():
            if self.secrets:
                self.add(f"{where}: environment variable {var} is not set or empty")
            return ""
        return value.strip()

    def listen(self, data: Mapping[str, Any], key: str, default: Listen) -> Listen:
        t = self.table(data, key, "")
        self.unknown(t, {"host", "port"}, f"{key}.")
        return Listen(
            host=self.str_(t, "host", f"{key}.", default.host),
            port=self.int_(t, "port", f"{key}.", default.port, 0, 65535),
        )

    def thresholds(self, data: Any, where: str) -> dict[str, dict[str, float]]:
        """Per-category ``{review, delete, ban}`` overrides; checks the merged order against the
        judge's defaults so ``delete = 0.3`` alone (below the default review 0.4) is caught."""

        if not isinstance(data, Mapping):
            self.add(f"{where}: expected a table of categories, got {_tname(data)}")
            return {}
        out: dict[str, dict[str, float]] = {}
        for cat, values in data.items():
            w = f"{where}.{cat}"
            if cat not in CATEGORIES:
                self.add(f"{w}: unknown category (known: {', '.join(CATEGORIES)})")
                continue
            if not isinstance(values, Mapping):
                self.add(f"{w}: expected a table like {{ delete = 0.7 }}, got {_tname(values)}")
                continue
            got: dict[str, float] = {}
            for k, v in values.items():
                if k not in THRESHOLD_KEYS:
                    self.add(f"{w}.{k}: unknown threshold (known: {', '.join(THRESHOLD_KEYS)})")
                elif isinstance(v, bool) or not isinstance(v, int | float):
                    self.add(f"{w}.{k}: expected a number in [0, 1], got {_tname(v)}")
                elif not 0.0 <= float(v) <= 1.0:
                    self.add(f"{w}.{k}: must be in [0, 1], got {v}")
                else:
                    got[k] = float(v)
            out[cat] = got
        return out

    def check_order(self, merged: Mapping[str, Mapping[str, float]], where: str) -> None:
        from moderation.policy import DEFAULT_THRESHOLDS

        for cat, vals in merged.items():
            base = DEFAULT_THRESHOLDS[cat]
            r, d, b = (vals.get(k, getattr(base, k)) for k in THRESHOLD_KEYS)
            if not r <= d <= b:
                self.add(
                    f"{where}.{cat}: thresholds must satisfy review ≤ delete ≤ ban, "
                    f"got review={r:g} delete={d:g} ban={b:g} (unset ones are the defaults)"
                )


def _tname(v: Any) -> str:
    if isinstance(v, bool):
        return f"boolean {str(v).lower()}"
    if isinstance(v, str):
        return f"string {v!r}"
    if isinstance(v, int | float):
        return f"number {v}"
    if isinstance(v, Mapping):
        return "a table"
    if isinstance(v, list):
        return "an array"
    return type(v).__name__


def _retrain(ck: _Checker, data: Mapping[str, Any], base: Path) -> RetrainConfig:
    t = ck.table(data, "retrain", "")
    ck.unknown(t, {"base_data", "eval_data", "min_labels", "holdout", "label_weight"}, "retrain.")
    d = RetrainConfig()

    def resolve(v: str) -> Path:
        p = Path(v).expanduser()
        return p if p.is_absolute() else base / p

    raw = t.get("base_data", [])
    raw = [raw] if isinstance(raw, str) else raw
    paths: list[Path] = []
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        ck.add(f"retrain.base_data: expected a path or a list of paths, got {_tname(t.get('base_data'))}")
    else:
        paths = [resolve(x) for x in raw]
    eval_data = t.get("eval_data")
    if eval_data is not None and (not isinstance(eval_data, str) or not eval_data.strip()):
        ck.add(f"retrain.eval_data: expected a path, got {_tname(eval_data)}")
        eval_data = None
    holdout = ck.num(t, "holdout", "retrain.", d.holdout, positive=True)
    if not 0.05 <= holdout <= 0.5:
        ck.add(f"retrain.holdout: must be in 0.05..0.5 (the newest share of labels kept for the test), got {holdout}")
        holdout = d.holdout
    return RetrainConfig(
        base_data=tuple(paths),
        eval_data=resolve(eval_data) if eval_data else None,
        min_labels=ck.int_(t, "min_labels", "retrain.", d.min_labels, 1, 100_000),
        holdout=holdout,
        label_weight=ck.num(t, "label_weight", "retrain.", d.label_weight, positive=True),
    )


def _ladder(ck: _Checker, data: Mapping[str, Any]) -> Ladder:
    t = ck.table(data, "ladder", "")
    ck.unknown(t, {"window_days", "steps"}, "ladder.")
    window = ck.int_(t, "window_days", "ladder.", DEFAULT_LADDER.window_days, 1, 3650)
    raw = t.get("steps", None)
    if raw is None:
        return Ladder(DEFAULT_LADDER.steps, window)
    if raw == "delete_only":
        return Ladder((), window, delete_only=True)
    if not isinstance(raw, list):
        ck.add(
            f'ladder.steps: expected an array of {{ after_violations, days }} or "delete_only", got {_tname(raw)}'
        )
        return Ladder(DEFAULT_LADDER.steps, window)
    steps: list[LadderStep] = []
    ok = True
    for i, item in enumerate(raw, start=1):
        w = f"ladder.steps[{i}]."
        if not isinstance(item, Mapping):
            ck.add(f"ladder.steps[{i}]: expected {{ after_violations = N, days = D }}, got {_tname(item)}")
            ok = False
            continue
        ck.unknown(item, {"after_violations", "days"}, w)
        for k in ("after_violations", "days"):
            if k not in item:
                ck.add(f"{w}{k}: missing")
                ok = False
        n_before = len(ck.problems)
        after = ck.int_(item, "after_violations", w, 0)
        days = ck.int_(item, "days", w, 0)
        ok = ok and len(ck.problems) == n_before
        steps.append(LadderStep(after, days))
    if not steps and ok:
        ck.add('ladder.steps: empty; write steps = "delete_only" to never ban')
    ladder = Ladder(tuple(steps), window)
    if ok:
        for p in validate_ladder(ladder):
            if not p.startswith("ladder.window_days"):
                ck.add(p)
    return ladder


def _ban(ck: _Checker, data: Mapping[str, Any]) -> BanConfig:
    t = ck.table(data, "ban", "")
    ck.unknown(t, {"scope", "reason_codes", "comment_template", "comment_visible"}, "ban.")
    codes: dict[str, int] = {}
    default_code: int | None = None
    rc = ck.table(t, "reason_codes", "ban.")
    for cat, v in rc.items():
        w = f"ban.reason_codes.{cat}"
        if cat != "default" and cat not in CATEGORIES:
            ck.add(f"{w}: unknown category (known: {', '.join(CATEGORIES)}, default)")
        elif isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 4:
            ck.add(
                f"{w}: must be a VK reason code 0..4 (0 other, 1 spam, 2 abuse, 3 profanity, 4 flood), got {v!r}"
            )
        elif cat == "default":
            default_code = v
        else:
            codes[cat] = v
    template = ck.str_(t, "comment_template", "ban.", DEFAULT_BAN_COMMENT)
    if not template.strip():
        ck.add("ban.comment_template: must not be empty")
    return BanConfig(
        scope=ck.str_(t, "scope", "ban.", "community", BAN_SCOPES),
        reason_codes=codes,
        default_reason_code=default_code,
        comment_template=template,
        comment_visible=ck.bool_(t, "comment_visible", "ban.", True),
    )


def _community(
    ck: _Checker, i: int, item: Any, receive_mode: str, global_thr: dict
) -> CommunityConfig | None:
    w = f"communities[{i}]"
    if not isinstance(item, Mapping):
        ck.add(f"{w}: expected a table ([[communities]]), got {_tname(item)}")
        return None
    label = f"{w} ({item['name']})" if isinstance(item.get("name"), str) and item.get("name") else w
    wd = f"{label}."
    ck.unknown(item, _COMMUNITY_KEYS, wd)
    for k in ("platform", "group_id"):
        if k not in item:
            ck.add(f"{wd}{k}: missing")
    platform = ck.str_(item, "platform", wd, "vk", ("vk", "ok"))
    other = "ok" if platform == "vk" else "vk"
    for k in sorted(_PLATFORM_KEYS[other] - _PLATFORM_KEYS[platform]):
        if k in item:
            ck.add(f"{wd}{k}: not used for {platform.upper()} communities (a {other.upper()} setting)")
    group_id = ck.int_(item, "group_id", wd, 0, 1) if "group_id" in item else 0
    mode = ck.str_(item, "mode", wd, "shadow", COMMUNITY_MODES)
    rmode = ck.str_(item, "receive_mode", wd, receive_mode, RECEIVE_MODES) if platform == "vk" else "poll"
    gt_env = ck.str_(item, "group_token_env", wd, "")
    ut_env = ck.str_(item, "user_token_env", wd, "")
    cf_env = ck.str_(item, "confirmation_env", wd, "")
    at_env = ck.str_(item, "access_token_env", wd, "")
    bt_env = ck.str_(item, "bot_token_env", wd, "")
    # VK needs the community token to receive and the admin's user token to delete/ban (groups.ban is
    # user-token only); in shadow mode nothing is sent, so the user token may be absent.
    group_token = ck.secret(gt_env, f"{wd}group_token_env", required=platform == "vk")
    user_token = ck.secret(ut_env, f"{wd}user_token_env", required=mode == "enforce" and platform == "vk")
    confirmation = ck.secret(
        cf_env, f"{wd}confirmation_env", required=rmode == "callback" and platform == "vk"
    )
    # OK: every request (reading too) is signed with a group administrator's access token.
    access_token = ck.secret(at_env, f"{wd}access_token_env", required=platform == "ok")
    messages = ck.bool_(item, "messages", wd, False)
    bot_token = ck.secret(bt_env, f"{wd}bot_token_env", required=messages)
    messages_url = ck.str_(item, "messages_url", wd, "")
    if messages and not messages_url.startswith(("https://", "http://")):
        ck.add(f"{wd}messages_url: required with messages = true: the public http(s) URL OK posts messages to "
               f"(its path is served by the daemon's [metrics] listener), got {messages_url!r}")
    thr = ck.thresholds(item.get("thresholds", {}), f"{wd}thresholds")
    merged = {c: dict(v) for c, v in global_thr.items()}
    for c, v in thr.items():
        merged.setdefault(c, {}).update(v)
    ck.check_order({c: v for c, v in merged.items() if c in thr}, f"{wd}thresholds")
    trusted_raw = item.get("trusted_user_ids", [])
    trusted: set[str] = set()
    if not isinstance(trusted_raw, list):
        ck.add(f"{wd}trusted_user_ids: expected an array of user ids, got {_tname(trusted_raw)}")
    else:
        for v in trusted_raw:
            # VK ids are positive numbers; other platforms' ids may be text (OK: "user:123").
            numeric = isinstance(v, int) and not isinstance(v, bool) and v > 0
            text = isinstance(v, str) and bool(v.strip()) and platform != "vk"
            if not (numeric or text):
                ck.add(f"{wd}trusted_user_ids: {v!r} is not a {'positive ' if platform == 'vk' else ''}user id")
            else:
                trusted.add(str(v).strip())
    return CommunityConfig(
        platform=platform,
        group_id=group_id,
        name=ck.str_(item, "name", wd, ""),
        group_token_env=gt_env,
        user_token_env=ut_env,
        confirmation_env=cf_env,
        mode=mode,
        receive_mode=rmode,
        thresholds=thr,
        trusted_user_ids=frozenset(trusted),
        organisation=ck.str_(item, "organisation", wd, ""),
        delete_enabled=ck.bool_(item, "delete_enabled", wd, False),
        block_author=ck.str_(item, "block_author", wd, "forever", BLOCK_AUTHOR),
        messages=messages,
        bot_token_env=bt_env,
        messages_url=messages_url,
        group_token=group_token,
        user_token=user_token,
        confirmation=confirmation,
        access_token_env=at_env,
        access_token=access_token,
        bot_token=bot_token,
    )


def _ok(ck: _Checker, data: Mapping[str, Any], needed: bool) -> OKSettings:
    """``[ok]``: the application's key and secret are required as soon as one OK community exists."""
    t = ck.table(data, "ok", "")
    ck.unknown(t, _OK_KEYS, "ok.")
    key_env = ck.str_(t, "application_key_env", "ok.", "")
    secret_env = ck.str_(t, "application_secret_env", "ok.", "")
    d = OKSettings()
    rps = ck.num(t, "requests_per_second", "ok.", d.requests_per_second, positive=True)
    interval = ck.num(t, "poll_interval", "ok.", d.poll_interval, positive=True)
    days = ck.num(t, "topic_active_days", "ok.", d.topic_active_days, positive=True)
    discovery = ck.num(t, "discovery_interval", "ok.", d.discovery_interval, positive=True)
    return OKSettings(
        application_key_env=key_env,
        application_secret_env=secret_env,
        requests_per_second=rps,
        poll_interval=interval,
        topic_active_days=days,
        discovery_interval=discovery,
        application_key=ck.secret(key_env, "ok.application_key_env", required=needed),
        application_secret=ck.secret(secret_env, "ok.application_secret_env", required=needed),
    )


def _web(ck: _Checker, data: Mapping[str, Any]) -> WebConfig:
    t = ck.table(data, "web", "")
    ck.unknown(t, {"host", "port", "trust_proxy", "session_hours"}, "web.")
    hours = ck.num(t, "session_hours", "web.", 12.0, positive=True)
    if hours > 24 * 30:
        ck.add(f"web.session_hours: at most {24 * 30} (30 days), got {hours:g}")
        hours = 12.0
    return WebConfig(
        host=ck.str_(t, "host", "web.", "127.0.0.1"),
        port=ck.int_(t, "port", "web.", 0, 0, 65535),
        trust_proxy=ck.bool_(t, "trust_proxy", "web.", False),
        session_hours=hours,
    )


def parse_config(
    data: Mapping[str, Any], env: Mapping[str, str] | None = None, base_dir: Path | None = None,
    *, secrets: bool = True,
) -> Config:
    """Validate an already-parsed TOML mapping (see :func:`load_config`)."""
    ck = _Checker(os.environ if env is None else env, secrets)
    base = base_dir or Path.cwd()
    ck.unknown(data, _TOP_KEYS, "")

    def path(key: str, default: str | None) -> Path | None:
        v = data.get(key, default)
        if v is None:
            return None
        if not isinstance(v, str) or not v.strip():
            ck.add(f"{key}: expected a file path string, got {_tname(v)}")
            return Path(default) if default else None
        p = Path(v).expanduser()
        return p if p.is_absolute() else base / p

    database = path("database", "blacklist.db") or base / "blacklist.db"
    model_path = path("model_path", None)
    log_level = ck.str_(data, "log_level", "", "INFO").upper()
    if log_level not in LOG_LEVELS:
        ck.add(f"log_level: must be one of {', '.join(LOG_LEVELS)}, got {data.get('log_level')!r}")
        log_level = "INFO"
    receive_mode = ck.str_(data, "receive_mode", "", "longpoll", RECEIVE_MODES)
    web = _web(ck, data)
    metrics = ck.listen(data, "metrics", Listen("127.0.0.1", 0))

    cb = ck.table(data, "callback", "")
    ck.unknown(cb, {"path", "secret_env"}, "callback.")
    cb_path = ck.str_(cb, "path", "callback.", "/vk/callback")
    if not cb_path.startswith("/"):
        ck.add(f"callback.path: must start with '/', got {cb_path!r}")
    cb_env = ck.str_(cb, "secret_env", "callback.", "")

    rl = ck.table(data, "rate_limits", "")
    ck.unknown(rl, {"user_per_second", "group_per_second"}, "rate_limits.")
    rate_limits = RateLimits(
        user_per_second=ck.num(rl, "user_per_second", "rate_limits.", 3.0, positive=True),
        group_per_second=ck.num(rl, "group_per_second", "rate_limits.", 20.0, positive=True),
    )
    ladder = _ladder(ck, data)
    ban = _ban(ck, data)
    retrain = _retrain(ck, data, base)
    global_thr = ck.thresholds(data.get("thresholds", {}), "thresholds")
    ck.check_order(global_thr, "thresholds")

    raw = data.get("communities", [])
    communities: list[CommunityConfig] = []
    if not isinstance(raw, list):
        ck.add(f"communities: expected [[communities]] tables, got {_tname(raw)}")
        raw = []
    if not raw:
        ck.add("communities: none configured; add at least one [[communities]] table")
    seen: dict[tuple[str, int], int] = {}
    for i, item in enumerate(raw, start=1):
        c = _community(ck, i, item, receive_mode, global_thr)
        if c is None:
            continue
        if not c.group_id or item.get("platform") not in ("vk", "ok"):
            pass  # already reported; a defaulted platform would only produce a misleading duplicate
        elif c.key in seen:
            ck.add(
                f"communities[{i}]: duplicate {c.platform} group_id {c.group_id} (also communities[{seen[c.key]}])"
            )
        else:
            seen[c.key] = i
        communities.append(c)

    needs_callback = any(c.receive_mode == "callback" and c.platform == "vk" for c in communities)
    cb_secret = ck.secret(cb_env, "callback.secret_env", required=needs_callback)
    ok = _ok(ck, data, needed=any(c.platform == "ok" for c in communities))
    paths: dict[str, int] = {}
    for i, c in enumerate(communities, start=1):
        if c.messages and c.messages_url:
            path = urlsplit(c.messages_url).path or "/"
            if path in paths or path == cb_path:
                ck.add(f"communities[{i}].messages_url: path {path} is already served "
                       f"({'the VK callback' if path == cb_path else f'communities[{paths[path]}]'})")
            paths.setdefault(path, i)
    if ban.scope == "organisation":
        for i, c in enumerate(communities, start=1):
            if not c.organisation:
                ck.add(f'communities[{i}].organisation: required when ban.scope = "organisation"')

    if ck.problems:
        raise ConfigError(ck.problems)
    return Config(
        database=database,
        log_level=log_level,
        model_path=model_path,
        receive_mode=receive_mode,
        web=web,
        metrics=metrics,
        callback=CallbackConfig(path=cb_path, secret_env=cb_env, secret=cb_secret),
        ladder=ladder,
        ban=ban,
        rate_limits=rate_limits,
        ok=ok,
        thresholds=global_thr,
        communities=tuple(communities),
        retrain=retrain,
    )


def load_config(path: str | Path, env: Mapping[str, str] | None = None, *, secrets: bool = True) -> Config:
    """Read and validate a TOML file. ``env`` defaults to ``os.environ`` (tests pass a dict).

    ``secrets=False``: environment variables holding tokens may be unset (commands that only plan
    actions into the database — ``modbot review``, ``undo``, the web UI — never call a platform).

    Relative paths in the file (database, model_path) are resolved against the file's directory.
    Raises :class:`ConfigError` listing every problem; a missing or unparsable file is one too.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"config file not found: {p}"], p) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"cannot read config file: {exc}"], p) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"not valid TOML: {exc}"], p) from None
    try:
        cfg = parse_config(data, env, base_dir=p.resolve().parent, secrets=secrets)
    except ConfigError as exc:
        raise ConfigError(exc.problems, p) from None
    return replace(cfg, source=p)
