"""The one place a decision is planned and journalled, whoever decides.

The daemon (automatic verdicts), moderators (``modbot review``, the web UI), undo and manual
bans/unbans all come here. Each call writes the decision, its outbox actions, the blacklist
change and the training label in **one transaction**; the outbox performs the actions afterwards,
so a crash never loses or repeats a click. The module is platform-free: what an intent means on a
platform comes from the adapter's pure :meth:`~bot.platform.Platform.plan`.

All methods are synchronous and meant for the store's thread (the daemon calls them through
:class:`~bot.daemon.db.AsyncStore`; the CLI and the web UI directly). Errors a moderator can cause
raise :class:`DecisionError` (or :class:`Conflict`) with a Russian message fit to show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.config import CommunityConfig, Config
from bot.ladder import MAX_BAN_DAYS, TRUSTED_REASON, ban_end_date, escalate, primary_category
from bot.platform import (
    BanEvent,
    BanIntent,
    DeleteIntent,
    NotActionable,
    PlatformRegistry,
    RestoreIntent,
    UnbanIntent,
)
from bot.store import BanRequest, BanRow, CommentRow, Store
from bot.types import Action, Comment, Decision
from moderation.verdict import CATEGORIES, CATEGORY_NAMES_RU, Verdict

BLACKLIST_REASON = "автор в чёрном списке"
OWN_COMMUNITY_REASON = "комментарий от имени самого сообщества"
#: What a moderator may decide about a held (or any) comment.
MODERATOR_ACTIONS = ("keep", "delete", "delete_and_ban")
#: Decisions that can be undone: they deleted a comment or banned someone.
UNDOABLE = ("delete", "delete_and_ban", "ban")


class DecisionError(ValueError):
    """A decision that cannot be taken; the message is Russian, fit for a moderator."""


class Conflict(DecisionError):
    """Someone else decided first (two moderators on one held comment, an undo done twice)."""


@dataclass
class Plan:
    """What to journal for one decision, in one transaction."""

    decision: Decision
    actions: list[Action] = field(default_factory=list)
    ban: list[BanRequest] = field(default_factory=list)
    category: str = ""
    mode: str = "enforce"
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One log line's worth: action, labels, ban length, actions left to a human."""
        d = self.decision
        bits = [d.action]
        if d.labels:
            bits.append("/".join(d.labels))
        if d.action in ("delete_and_ban", "ban") and d.ban_days is not None:
            bits.append("ban forever" if not d.ban_days else f"ban {d.ban_days} d")
        manual = sum(1 for a in self.actions if a.state == "manual")
        if manual:
            bits.append(f"{manual} manual action(s)")
        if self.mode == "shadow":
            bits.append("shadow: no action")
        return ", ".join(bits)


@dataclass(frozen=True)
class Journalled:
    """What a moderator's call wrote: the decision id, its actions and a Russian summary."""

    decision_id: int
    action: str
    actions: list[Action]
    message: str


# --------------------------------------------------------------------------- the service


class DecisionService:
    """Plans and journals decisions against one store, one config and the platform adapters."""

    def __init__(self, store: Store, config: Config, platforms: PlatformRegistry) -> None:
        self.store = store
        self.config = config
        self.platforms = platforms

    # ------------------------------------------------------------------ automatic

    def decide_auto(self, row: CommentRow, verdict: Verdict, now: float) -> Plan:
        """A judged comment: read the author's standing, decide, journal it all in one transaction.
        An auto decision already written for this row (a replay after a crash) is not repeated."""
        community = self._community(row.platform, row.community_id)
        comment = row.to_comment()
        blacklisted = self.store.active_ban(row.platform, row.community_id, row.author_id, now)
        prior = 0
        if needs_history(comment, verdict, community, blacklisted):
            prior = self.store.violations(row.platform, row.author_id, self.config.ladder.window_start(now))
        plan = self.plan_auto(comment, verdict, community=community, prior_violations=prior,
                              blacklisted=blacklisted, now=now)
        self.store.save_decision(plan.decision, comment_row=row.id, verdict=verdict, category=plan.category,
                                 mode=plan.mode, actions=plan.actions, ban=plan.ban, now=now)
        return plan

    def plan_auto(self, comment: Comment, verdict: Verdict, *, community: CommunityConfig, prior_violations: int,
                  blacklisted: BanRow | None, now: float) -> Plan:
        """Verdict + author history + community settings → one decision and its actions. Pure.

        The order is the order a moderator would apply the rules in:

        1. the community itself and trusted users are never acted on (a would-be delete becomes review);
        2. what nobody can delete on the platform (a private message to a VK community) is held
           for review, with the platform's reason;
        3. an author already on the local blacklist: the comment is deleted, no second ban;
        4. otherwise the ladder turns the verdict and prior violations into delete / ban N days.

        Shadow mode gives the same decision, marked ``shadow``, with no actions and no blacklist
        entry (a shadow community must not put people on the list that enforce communities use).
        """
        labels = list(verdict.labels)
        category = primary_category(labels, verdict.scores) if labels else ""
        mode = "enforce" if community.enforce else "shadow"
        ground = verdict.ground
        own = comment.by_community
        if own or community.is_trusted(comment.author_id):
            outcome = escalate(verdict.action, prior_violations, self.config.ladder, trusted=True)
            reason = _join(OWN_COMMUNITY_REASON if own else TRUSTED_REASON, ground) if outcome.action != "allow" \
                else ground
            return Plan(Decision(comment.key, outcome.action, labels, "auto", reason), category=category, mode=mode)

        wants_delete = verdict.action in ("delete", "delete_and_ban") or blacklisted is not None
        delete_actions: list[Action] = []
        if wants_delete:
            try:
                delete_actions = self._plan(DeleteIntent(comment))
            except NotActionable as exc:
                why = ground or (BLACKLIST_REASON if blacklisted is not None else "")
                return Plan(Decision(comment.key, "review", labels, "auto", _join(str(exc), why)),
                            category=category or (blacklisted.category if blacklisted else ""), mode=mode)

        if blacklisted is not None:
            until = "бессрочно" if blacklisted.until is None else f"до {_date(blacklisted.until)}"
            reason = _join(f"{BLACKLIST_REASON} ({until})", ground)
            decision = Decision(comment.key, "delete", labels, "auto", reason)
            return Plan(decision, delete_actions if community.enforce else [],
                        category=category or blacklisted.category, mode=mode,
                        notes=["author blacklisted: delete without a second ban"])

        outcome = escalate(verdict.action, prior_violations, self.config.ladder, trusted=False)
        action = outcome.action
        reason = _join(ground, outcome.reason)
        ban_days = outcome.ban_days if action == "delete_and_ban" else None
        if action == "delete_and_ban" and ban_days is not None:
            length = "бессрочно" if ban_days == 0 else f"на {ban_days} дн."
            reason = _join(reason, f"блокировка {length}" + (f" (шаг {outcome.step} лестницы)" if outcome.step else ""))
        plan = Plan(Decision(comment.key, action, labels, "auto", reason, ban_days=ban_days), category=category,
                    mode=mode, notes=list(outcome.notes))
        if action == "delete":
            plan.actions = delete_actions
        elif action == "delete_and_ban":
            plan.actions, plan.ban = self._plan_ban(comment.platform, comment.author_id, community, ban_days,
                                                    category, reason, now, comment=comment)
        if not community.enforce:
            plan.actions, plan.ban = [], []
        return plan

    # ------------------------------------------------------------------ moderators

    def moderate(self, comment_row: int, verdict: str, *, by: str, ban_days: int | None = None, reason: str = "",
                 category: str = "", held_only: bool = True, now: float) -> Journalled:
        """A moderator's decision about a comment: ``keep``, ``delete`` or ``delete_and_ban``
        (``ban_days`` 0 = forever). With ``held_only`` the comment must still be held for review
        (two moderators at once: the second gets :class:`Conflict`, nothing is written twice)."""
        if verdict not in MODERATOR_ACTIONS:
            raise DecisionError(f"неизвестное решение {verdict!r}: оставить (keep), удалить (delete) или "
                                f"удалить и заблокировать (delete_and_ban)")
        by = _who(by)
        if verdict == "delete_and_ban":
            ban_days = _check_days(ban_days if ban_days is not None else 0)
        elif ban_days is not None:
            raise DecisionError("срок блокировки задаётся только для решения «удалить и заблокировать»")
        if category and category not in CATEGORIES:
            raise DecisionError(f"неизвестная категория {category!r} (известны: {', '.join(CATEGORIES)})")
        with self.store.transaction():
            row = self.store.get_comment_row(comment_row)
            if row is None:
                raise DecisionError(f"комментарий #{comment_row} не найден")
            latest = self.store.get_comment(row.key)
            if latest is not None and latest.version != row.version:
                raise Conflict(f"комментарий #{comment_row} изменён автором: решайте по новой версии #{latest.id}")
            current = self.store.latest_verdict_decision(row.key)
            if held_only and (current is None or current["action"] != "review"):
                raise Conflict(_already(current, comment_row))
            if current is not None and current["action"] in ("delete", "delete_and_ban"):
                if verdict == "keep":
                    raise DecisionError(f"комментарий #{comment_row} уже удалён решением #{current['id']}: "
                                        "чтобы вернуть его, отмените это решение")
                raise Conflict(_already(current, comment_row))
            community = self._community(row.platform, row.community_id)
            comment = row.to_comment()
            if verdict == "keep":
                decision = Decision(row.key, "allow", [], by, reason or "оставлено модератором")
                self.store.save_decision(decision, comment_row=row.id, mode=_mode(community), now=now)
                self.store.add_label(row.key, row.text, [], by, now, decision_id=decision.id, comment_row=row.id)
                assert decision.id is not None
                return Journalled(decision.id, "allow", [], f"комментарий #{row.id} оставлен")
            community = self._configured(row.platform, row.community_id)
            category = category or _category_of(current)
            if not category:
                raise DecisionError("укажите категорию нарушения (spam, obscene, insult, threat, hate)")
            ground = f"решение модератора: {CATEGORY_NAMES_RU.get(category, category)}"
            text_reason = _join(ground, reason)
            try:
                actions = self._plan(DeleteIntent(comment)) if community.enforce else []
            except NotActionable as exc:
                raise DecisionError(f"удалить нельзя: {exc}") from None
            bans: list[BanRequest] = []
            if verdict == "delete_and_ban" and community.enforce:
                actions, bans = self._plan_ban(row.platform, row.author_id, community, ban_days, category,
                                               text_reason, now, comment=comment)
            decision = Decision(row.key, verdict, [category], by, text_reason,
                                ban_days=ban_days if verdict == "delete_and_ban" else None)
            self.store.save_decision(decision, comment_row=row.id, category=category, mode=_mode(community),
                                     actions=actions, ban=bans, now=now)
            self.store.add_label(row.key, row.text, [category], by, now, decision_id=decision.id, comment_row=row.id)
            assert decision.id is not None
            what = "удалён" if verdict == "delete" else (
                "удалён, автор заблокирован " + ("бессрочно" if not ban_days else f"на {ban_days} дн."))
            return Journalled(decision.id, verdict, actions, f"комментарий #{row.id} {what}" + _manual_note(actions))

    def undo(self, decision_id: int, *, by: str, reason: str = "", now: float) -> Journalled:
        """Undo a deletion or a ban: restore the comment, lift the bans it caused, and say that the
        judgement was wrong (its label is dropped, a *keep* label is written). An action not sent
        yet is cancelled instead of sending both it and its opposite."""
        by = _who(by)
        with self.store.transaction():
            d = self.store.get_decision(decision_id)
            if d is None:
                raise DecisionError(f"решение #{decision_id} не найдено")
            if d["action"] not in UNDOABLE:
                raise DecisionError(f"решение #{decision_id} ({d['action']}) нечего отменять: отменяются удаление "
                                    "и блокировка")
            done_before = self.store.undo_of(decision_id)
            if done_before is not None:
                raise Conflict(f"решение #{decision_id} уже отменено ({done_before['decided_by']}, "
                               f"{_when(done_before['at'])})")
            row = self.store.get_comment_row(d["comment_row"]) if d["comment_row"] is not None else None
            if row is not None:
                current = self.store.latest_verdict_decision(row.key)
                if current is not None and current["id"] != decision_id:
                    raise Conflict(f"после решения #{decision_id} по этому комментарию принято решение "
                                   f"#{current['id']} ({current['decided_by']}): отмените или измените его")
            if d["community_id"] is not None and d["mode"] == "enforce":
                self._configured(d["platform"], d["community_id"])
            undo_reason = _join(f"отмена решения #{decision_id}", reason)
            action = "restore" if row is not None else "unban"
            undo = Decision(d["comment_key"], action, [], by, undo_reason, undoes=decision_id)
            subject = (d["platform"], d["community_id"], d["author_id"])
            self.store.save_decision(undo, comment_row=row.id if row else None, subject=subject,
                                     mode=d["mode"], now=now)
            assert undo.id is not None
            notes: list[str] = []
            actions: list[Action] = []
            for a in self.store.actions_for_decision(decision_id):
                if a.state == "cancelled" or (a.state == "failed" and a.kind in ("delete", "ban")):
                    continue
                assert a.id is not None
                if self.store.cancel_action(a.id, f"отменено решением #{undo.id} до отправки"):
                    notes.append(f"{a.kind}: отменено до отправки")
                    continue
                opposite = self._opposite(a, row, d)
                if opposite is None:
                    continue
                try:
                    planned = self._plan(opposite)
                except NotActionable as exc:
                    notes.append(f"{a.kind}: {exc}")
                    continue
                for p in planned:
                    p.depends_on = a.id
                    p.decision_id = undo.id
                    self.store.enqueue_action(p, now=now)
                    actions.append(p)
            lifted = self.store.lift_bans(self.store.bans_of_decision(decision_id), f"{by} (отмена #{decision_id})",
                                          now)
            if lifted:
                notes.append(f"снято блокировок в чёрном списке: {len(lifted)}")
            self.store.drop_labels_of_decision(decision_id, by, now)
            if row is not None:
                self.store.add_label(row.key, row.text, [], by, now, decision_id=undo.id, comment_row=row.id)
            msg = f"решение #{decision_id} отменено (#{undo.id})"
            if notes:
                msg += ": " + "; ".join(notes)
            return Journalled(undo.id, action, actions, msg + _manual_note(actions))

    def ban_author(self, platform: str, author_id: str, *, community_id: int | None, days: int | None, by: str,
                   reason: str = "", category: str = "", on_platform: bool = False, now: float) -> Journalled:
        """Blacklist an author by hand (``community_id`` None: every community of the platform;
        ``days`` None or 0: forever). ``on_platform`` also bans them on the platform where it can."""
        by = _who(by)
        days = _check_days(days or 0)
        author_id = str(author_id).strip()
        if not author_id:
            raise DecisionError("не указан автор")
        if platform not in self.platforms and on_platform:
            raise DecisionError(f"платформа {platform!r} не подключена")
        if category and category not in CATEGORIES:
            raise DecisionError(f"неизвестная категория {category!r} (известны: {', '.join(CATEGORIES)})")
        targets = self._targets(platform, community_id)
        until = ban_end_date(now, days)
        text_reason = reason or "блокировка вручную"
        with self.store.transaction():
            decision = Decision("", "ban", [category] if category else [], by, text_reason, ban_days=days)
            actions: list[Action] = []
            if on_platform:
                for target in targets:
                    if target.enforce:
                        actions += self._plan(BanIntent(target, author_id, until, category,
                                                        self.config.ban_comment(category)))
            self.store.save_decision(decision, category=category, actions=actions,
                                     subject=(platform, community_id, author_id),
                                     ban=BanRequest(platform, author_id, community_id, until, text_reason, category),
                                     now=now)
            assert decision.id is not None
            scope = f"сообщество {community_id}" if community_id is not None else "все сообщества платформы"
            length = "бессрочно" if until is None else f"до {_date(until)}"
            return Journalled(decision.id, "ban", actions, f"{platform} {author_id} в чёрном списке ({scope}, {length})"
                              + _manual_note(actions))

    def unban_author(self, platform: str, author_id: str, *, community_id: int | None, by: str, reason: str = "",
                     now: float) -> Journalled:
        """Lift the author's active blacklist entries (those of ``community_id`` and platform-wide
        ones, or all when None) and the platform bans our decisions made for them."""
        by = _who(by)
        author_id = str(author_id).strip()
        with self.store.transaction():
            active = self.store.active_bans_of(platform, author_id, community_id, now)
            if not active:
                raise DecisionError(f"у {platform} {author_id} нет действующих блокировок"
                                    + (f" в сообществе {community_id}" if community_id is not None else ""))
            decision = Decision("", "unban", [], by, reason or "разблокировка вручную")
            self.store.save_decision(decision, subject=(platform, community_id, author_id), now=now)
            assert decision.id is not None
            actions: list[Action] = []
            for ban in active:
                if ban.decision_id is None:
                    continue
                for a in self.store.actions_for_decision(ban.decision_id):
                    if a.kind != "ban" or a.state in ("failed", "cancelled") or a.community_id != ban.community_id:
                        continue
                    assert a.id is not None
                    if self.store.cancel_action(a.id, f"отменено решением #{decision.id} до отправки"):
                        continue
                    community = self._community(platform, a.community_id)
                    for p in self._plan(UnbanIntent(community, author_id)):
                        p.depends_on, p.decision_id = a.id, decision.id
                        self.store.enqueue_action(p, now=now)
                        actions.append(p)
            lifted = self.store.lift_bans(active, by, now)
            return Journalled(decision.id, "unban", actions,
                              f"{platform} {author_id}: снято блокировок {len(lifted)}" + _manual_note(actions))

    def mark_manual_done(self, action_id: int, *, by: str, now: float) -> str:
        """A moderator did a ``manual`` action by hand on the platform."""
        by = _who(by)
        a = self.store.get_action(action_id)
        if a is None:
            raise DecisionError(f"действие #{action_id} не найдено")
        if a.state != "manual":
            raise Conflict(f"действие #{action_id} не ждёт ручного выполнения (состояние: {a.state})")
        if not self.store.mark_action_done(action_id, {"manual": by}, now, by=by):
            raise Conflict(f"действие #{action_id} уже отмечено выполненным")
        return f"действие #{action_id} ({a.kind}) отмечено выполненным вручную"

    # ------------------------------------------------------------------ the platform itself

    def sync_platform_ban(self, event: BanEvent, now: float) -> str | None:
        """A ban made or lifted on the platform (by us or a person) → the local blacklist, once.
        Returns a log line when something changed."""
        if not self.store.record_event(event.platform, event.community_id, event.event_id, now):
            return None
        if event.blocked:
            if self.store.active_ban(event.platform, event.community_id, event.author_id, now) is not None:
                return None  # our own ban (written with its decision) or already known
            reason = f"заблокирован на платформе ({event.by})" + (f": {event.note}" if event.note else "")
            with self.store.transaction():
                decision = Decision("", "ban", [], event.by, reason)
                self.store.save_decision(decision, subject=(event.platform, event.community_id, event.author_id),
                                         ban=BanRequest(event.platform, event.author_id, event.community_id,
                                                        event.until, reason), now=now)
            return f"blacklist: {event.platform} user {event.author_id} banned in community {event.community_id} " \
                   f"by {event.by}; added locally"
        active = self.store.active_bans_of(event.platform, event.author_id, event.community_id, now)
        own = [b for b in active if b.community_id == event.community_id]
        if not own:
            return None
        by = f"{event.platform}:expired" if event.expired else event.by
        with self.store.transaction():
            decision = Decision("", "unban", [], by, "разблокирован на платформе")
            self.store.save_decision(decision, subject=(event.platform, event.community_id, event.author_id), now=now)
            self.store.lift_bans(own, by, now)
        return f"blacklist: {event.platform} user {event.author_id} unbanned in community {event.community_id}; " \
               "lifted locally"

    # ------------------------------------------------------------------ helpers

    def _community(self, platform: str, community_id: int | None) -> CommunityConfig:
        c = self.config.community(platform, community_id) if community_id is not None else None
        return c or CommunityConfig(platform=platform, group_id=community_id or 0, mode="shadow")

    def _configured(self, platform: str, community_id: int) -> CommunityConfig:
        """The community's settings; a moderator's decision about a community this process does not
        know would silently act on nothing, so it is refused."""
        c = self.config.community(platform, community_id)
        if c is None:
            raise DecisionError(f"сообщество {platform} {community_id} не описано в конфигурации этого процесса "
                                "(укажите --config с файлом, по которому работает демон)")
        return c

    def _targets(self, platform: str, community_id: int | None) -> list[CommunityConfig]:
        if community_id is None:
            return [c for c in self.config.communities if c.platform == platform]
        return self.config.ban_targets(self._community(platform, community_id))

    def _plan(self, intent: DeleteIntent | RestoreIntent | BanIntent | UnbanIntent) -> list[Action]:
        platform = intent.comment.platform if isinstance(intent, DeleteIntent | RestoreIntent) \
            else intent.community.platform
        if platform not in self.platforms:
            raise NotActionable(f"платформа {platform!r} не подключена к этому процессу")
        return self.platforms.get(platform).plan(intent)

    def _plan_ban(self, platform: str, author_id: str, community: CommunityConfig, ban_days: int | None,
                  category: str, reason: str, now: float, *, comment: Comment | None = None,
                  ) -> tuple[list[Action], list[BanRequest]]:
        """Platform bans for every community the ban covers (itself or its organisation), and one
        local blacklist row per community. With ``comment``, its deletion comes first and carries
        the ban of its own community (the adapter decides whether that is one action or two)."""
        until = ban_end_date(now, ban_days)
        actions: list[Action] = []
        targets = self.config.ban_targets(community)
        own = comment is not None and any(t.key == community.key for t in targets)
        if comment is not None:
            ban = BanIntent(community, author_id, until, category, self.config.ban_comment(category)) \
                if own and community.enforce else None
            try:
                actions += self._plan(DeleteIntent(comment, ban=ban))
            except NotActionable:
                actions += self._plan(DeleteIntent(comment))  # the local blacklist still covers the author
        for target in targets:
            if own and target.key == community.key:
                continue
            if target.enforce:
                try:
                    actions += self._plan(BanIntent(target, author_id, until, category,
                                                    self.config.ban_comment(category)))
                except NotActionable:
                    pass  # the local blacklist still covers the author there
        bans = [BanRequest(platform=platform, author_id=author_id, community_id=t.group_id, until=until,
                           reason=reason, category=category) for t in targets]
        return actions, bans

    def _opposite(self, a: Action, row: CommentRow | None, d: dict) -> RestoreIntent | UnbanIntent | None:
        if a.kind == "delete" and row is not None:
            return RestoreIntent(row.to_comment())
        if a.kind == "ban":
            return UnbanIntent(self._community(a.platform, a.community_id), str(d["author_id"]))
        return None


def needs_history(comment: Comment, verdict: Verdict, community: CommunityConfig, blacklisted: BanRow | None) -> bool:
    """Whether :meth:`DecisionService.plan_auto` will look at the author's prior violations.

    The history query is the most expensive read per comment, so it is skipped for the ~80 % of
    comments that are allowed, reviewed, trusted or already blacklisted."""
    if verdict.action not in ("delete", "delete_and_ban") or blacklisted is not None:
        return False
    return not (comment.by_community or community.is_trusted(comment.author_id))


def _check_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise DecisionError(f"срок блокировки — целое число дней ≥ 0 (0 — бессрочно), получено {days!r}")
    if days > MAX_BAN_DAYS:
        raise DecisionError(f"срок блокировки {days} дн. больше {MAX_BAN_DAYS} (10 лет): для бессрочной укажите 0")
    return days


def _who(by: str) -> str:
    by = (by or "").strip()
    if not by or by == "auto":
        raise DecisionError("не указан модератор (кто принимает решение)")
    return by


def _mode(community: CommunityConfig) -> str:
    return "enforce" if community.enforce else "shadow"


def _category_of(decision: dict | None) -> str:
    """The category a held comment was held for: its decision's, else its highest score."""
    if not decision:
        return ""
    if decision.get("category"):
        return str(decision["category"])
    scores = decision.get("scores") or {}
    best = max((c for c in CATEGORIES if c in scores), key=lambda c: scores[c], default="")
    return best


def _already(current: dict | None, comment_row: int) -> str:
    if current is None:
        return f"комментарий #{comment_row} ещё не рассмотрен судьёй"
    return (f"комментарий #{comment_row} уже не ждёт решения: {current['action']} "
            f"({current['decided_by']}, {_when(current['at'])})")


def _manual_note(actions: Sequence[Action]) -> str:
    manual = [a for a in actions if a.state == "manual"]
    if not manual:
        return ""
    return f"; вручную на платформе: {len(manual)} действие(й) — см. «Требует внимания»"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _date(ts: int) -> str:
    try:
        return dt.datetime.fromtimestamp(ts, tz=dt.UTC).strftime("%d.%m.%Y")
    except (OverflowError, OSError, ValueError):  # an end date no calendar holds (an old row): as good as never
        return "неопределённого срока"


def _when(ts: float) -> str:
    try:
        return dt.datetime.fromtimestamp(ts, tz=dt.UTC).strftime("%d.%m.%Y %H:%M UTC")
    except (OverflowError, OSError, ValueError):
        return str(ts)


__all__ = [
    "BLACKLIST_REASON",
    "Conflict",
    "DecisionError",
    "DecisionService",
    "Journalled",
    "MODERATOR_ACTIONS",
    "OWN_COMMUNITY_REASON",
    "Plan",
    "needs_history",
]
