"""Verdict + author history + community settings → one Decision and its outbox actions.

Pure (no I/O, clock passed in) so the same code decides in enforce and shadow mode and is tested
without a database. The order of rules is the order a moderator would apply them:

1. the community itself and trusted users are never acted on (a would-be delete becomes review);
2. a private message cannot be deleted on VK: a violation there becomes ``review``;
3. an author already on the local blacklist: the comment is deleted, no second ban;
4. otherwise the ladder turns the verdict and the author's prior violations into delete / ban N days.

Shadow mode produces the same decision, marked ``shadow``, with no actions and no blacklist entry
(a shadow community must not put people on the blacklist that enforce communities act on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.config import CommunityConfig, Config
from bot.ladder import TRUSTED_REASON, ban_end_date, escalate, primary_category
from bot.store import BanRequest, BanRow
from bot.types import Action, Comment, Decision
from bot.vk.methods import NotActionable, ban_call, delete_call
from moderation.verdict import CATEGORY_NAMES_RU, Verdict

MESSAGE_REASON = "личное сообщение сообществу: VK не позволяет удалить его, на проверку модератору"
BLACKLIST_REASON = "автор в чёрном списке"
OWN_COMMUNITY_REASON = "комментарий от имени самого сообщества"


@dataclass
class Plan:
    """What to journal for one judged comment, in one transaction."""

    decision: Decision
    actions: list[Action] = field(default_factory=list)
    ban: list[BanRequest] = field(default_factory=list)
    category: str = ""
    mode: str = "enforce"
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One log line's worth: action, labels, ban length."""
        d = self.decision
        bits = [d.action]
        if d.labels:
            bits.append("/".join(d.labels))
        if d.action == "delete_and_ban":
            bits.append("ban forever" if not d.ban_days else f"ban {d.ban_days} d")
        if self.mode == "shadow":
            bits.append("shadow: no action")
        return ", ".join(bits)


def needs_history(comment: Comment, verdict: Verdict, community: CommunityConfig, blacklisted: BanRow | None) -> bool:
    """Whether :func:`plan_decision` will look at ``prior_violations`` (the ladder path only).

    The history query is the most expensive read per comment, so the daemon skips it for the
    ~80 % of comments that are allowed, reviewed, trusted, private messages or already blacklisted.
    """
    if verdict.action not in ("delete", "delete_and_ban") or blacklisted is not None or comment.kind == "message":
        return False
    return not (comment.author_id == -community.group_id or community.is_trusted(comment.author_id))


def plan_decision(
    comment: Comment,
    verdict: Verdict,
    *,
    config: Config,
    community: CommunityConfig,
    prior_violations: int,
    blacklisted: BanRow | None,
    now: float,
) -> Plan:
    """Decide for one comment (see module docstring for the rule order)."""
    labels = list(verdict.labels)
    category = primary_category(labels, verdict.scores) if labels else ""
    mode = "enforce" if community.enforce else "shadow"
    own = comment.author_id == -community.group_id
    trusted = own or community.is_trusted(comment.author_id)
    ground = verdict.ground
    notes: list[str] = []

    if trusted:
        outcome = escalate(verdict.action, prior_violations, config.ladder, trusted=True)
        reason = _join(OWN_COMMUNITY_REASON if own else TRUSTED_REASON, ground) if outcome.action != "allow" else ground
        return Plan(Decision(comment.key, outcome.action, labels, "auto", reason), category=category, mode=mode)

    if comment.kind == "message":
        action = verdict.action
        if action in ("delete", "delete_and_ban") or blacklisted is not None:
            action = "review"
            reason = _join(MESSAGE_REASON, ground or (BLACKLIST_REASON if blacklisted else ""))
        else:
            reason = ground
        return Plan(Decision(comment.key, action, labels, "auto", reason), category=category, mode=mode)

    if blacklisted is not None:
        until = "бессрочно" if blacklisted.until is None else f"до {_date(blacklisted.until)}"
        reason = _join(f"{BLACKLIST_REASON} ({until})", ground)
        decision = Decision(comment.key, "delete", labels, "auto", reason)
        return Plan(decision, _delete_actions(comment, community), category=category or blacklisted.category,
                    mode=mode, notes=["author blacklisted: delete without a second ban"])

    outcome = escalate(verdict.action, prior_violations, config.ladder, trusted=False)
    action = outcome.action
    reason = _join(ground, outcome.reason)
    ban_days = outcome.ban_days if action == "delete_and_ban" else None
    if action == "delete_and_ban" and ban_days is not None:
        length = "бессрочно" if ban_days == 0 else f"на {ban_days} дн."
        reason = _join(reason, f"блокировка {length}" + (f" (шаг {outcome.step} лестницы)" if outcome.step else ""))
    decision = Decision(comment.key, action, labels, "auto", reason, ban_days=ban_days)
    plan = Plan(decision, category=category, mode=mode, notes=notes + list(outcome.notes))
    if action in ("delete", "delete_and_ban"):
        plan.actions = _delete_actions(comment, community)
    if action == "delete_and_ban" and community.enforce:
        end = ban_end_date(now, ban_days)
        for target in config.ban_targets(community):
            if not target.enforce:
                continue
            method, params = ban_call(
                target.group_id, comment.author_id, end_date=end, reason=config.reason_code(category),
                comment=config.ban_comment(category), comment_visible=config.ban.comment_visible,
            )
            plan.actions.append(_action("ban", target, method, params))
        # One local blacklist row per community the ban covers (the organisation's, or just this one).
        plan.ban = [
            BanRequest(platform=comment.platform, author_id=comment.author_id, community_id=target.group_id,
                       until=end, reason=reason, category=category)
            for target in config.ban_targets(community)
        ]
    if not community.enforce:
        plan.actions = []
    return plan


def _delete_actions(comment: Comment, community: CommunityConfig) -> list[Action]:
    if not community.enforce:
        return []
    try:
        method, params = delete_call(comment)
    except NotActionable:
        return []
    return [_action("delete", community, method, params)]


def _action(kind: str, community: CommunityConfig, method: str, params: dict[str, Any]) -> Action:
    return Action(decision_id=0, kind=kind, platform=community.platform, community_id=community.group_id,
                  method=method, params=params)


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _date(ts: int) -> str:
    import datetime as _dt

    return _dt.datetime.fromtimestamp(ts, tz=_dt.UTC).strftime("%d.%m.%Y")


def describe(labels: list[str]) -> str:
    """Russian names of labels, for log lines a moderator reads."""
    return ", ".join(CATEGORY_NAMES_RU.get(label, label) for label in labels)
