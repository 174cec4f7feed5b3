"""Escalation policy: verdict action + the author's recent history → delete only / ban N days / forever.

Pure (no I/O, no clock): the daemon asks the store for ``violations(platform, author, since)`` and
passes the count in, so the same function serves enforce mode, shadow mode and the tests.

Semantics (documented in ``modbot.example.toml`` too):

* ``prior`` is the number of the author's violations inside the window *before* this comment
  (the store counts decided comments only, so the comment being decided is never counted).
* A step ``{after_violations = N, days = D}`` applies once the author already has ``N`` prior
  violations; the strongest step whose ``N`` is reached wins. ``days = 0`` means forever.
* Verdict ``delete``: step for ``prior`` (none reached → delete only, a first offence is not banned).
* Verdict ``delete_and_ban`` (the text alone warrants a ban, e.g. a threat): step for ``prior + 1``,
  i.e. one rung higher, so even a first offence gets the first step.
* A ``delete_only`` ladder never bans: ``delete_and_ban`` degrades to ``delete``.
* Trusted authors are never acted on: a delete/ban becomes ``review`` ("доверенный пользователь").
* ``allow`` and ``review`` pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from moderation import categories
from moderation.verdict import CATEGORIES, CATEGORY_NAMES_RU, GROUNDS

DAY = 86400
#: The longest timed ban a ladder step or a moderator may give (ten years); longer is "forever"
#: (``days = 0``). A platform with a shorter limit clamps its own ban; the local blacklist keeps
#: the full length, so the author's comments are still removed after the platform ban ends.
MAX_BAN_DAYS = 3650
TRUSTED_REASON = "доверенный пользователь"



@dataclass(frozen=True)
class LadderStep:
    """Ban for ``days`` (0 = forever) once the author has ``after_violations`` prior violations."""

    after_violations: int
    days: int


@dataclass(frozen=True)
class Ladder:
    """The escalation ladder. ``steps`` empty (or ``delete_only``) means never ban."""

    steps: tuple[LadderStep, ...] = (LadderStep(1, 1), LadderStep(2, 7), LadderStep(3, 0))
    window_days: int = 30
    delete_only: bool = False

    def window_start(self, now: float) -> float:
        """Unix time from which violations count (``now - window_days``)."""
        return now - self.window_days * DAY

    def step_for(self, violations: int) -> tuple[int, LadderStep] | None:
        """The strongest step reached with ``violations`` (1-based index, step), or None."""
        if self.delete_only:
            return None
        best: tuple[int, LadderStep] | None = None
        for i, step in enumerate(self.steps, start=1):
            if violations >= step.after_violations:
                best = (i, step)
        return best


DEFAULT_LADDER = Ladder()


@dataclass(frozen=True)
class Outcome:
    """What the ladder decided. ``ban_days``: None = no ban, 0 = forever, N = N days."""

    action: str  # allow | review | delete | delete_and_ban
    ban_days: int | None = None
    step: int | None = None  # 1-based index of the ladder step applied, None if no ban
    reason: str = ""  # extra Russian reason (e.g. "доверенный пользователь"), "" if none
    notes: list[str] = field(default_factory=list)


def validate_ladder(ladder: Ladder) -> list[str]:
    """Problems with a ladder, one line each (empty if fine). Used by the config loader.

    Steps must be reached in order (``after_violations`` strictly increasing, ≥ 1) and never get
    milder (days non-decreasing, 0 = forever only as the last step): a ladder that bans a repeat
    offender for less than a first one is a typo, not a policy."""
    problems: list[str] = []
    if ladder.window_days < 1:
        problems.append(f"ladder.window_days: must be ≥ 1, got {ladder.window_days}")
    prev_after = 0
    prev_days = 0
    for i, step in enumerate(ladder.steps, start=1):
        where = f"ladder.steps[{i}]"
        if step.after_violations < 1:
            problems.append(f"{where}.after_violations: must be ≥ 1, got {step.after_violations}")
        elif step.after_violations <= prev_after:
            problems.append(
                f"{where}.after_violations: must be greater than the previous step's ({prev_after}), "
                f"got {step.after_violations}"
            )
        if step.days < 0 or step.days > MAX_BAN_DAYS:
            problems.append(
                f"{where}.days: must be 0 (forever) or 1..{MAX_BAN_DAYS}, got {step.days}"
            )
        elif prev_days == 0 and i > 1:
            problems.append(f"{where}: follows a forever ban (days = 0); a forever step must be the last")
        elif step.days and step.days < prev_days:
            problems.append(f"{where}.days: {step.days} is shorter than the previous step's {prev_days}")
        prev_after = max(prev_after, step.after_violations)
        prev_days = step.days
    return problems


def escalate(
    verdict_action: str, prior_violations: int, ladder: Ladder = DEFAULT_LADDER, *, trusted: bool = False
) -> Outcome:
    """Turn the judge's action into the decision-level action and ban length (see module docstring)."""
    if verdict_action not in ("allow", "review", "delete", "delete_and_ban"):
        raise ValueError(f"unknown verdict action {verdict_action!r}")
    if prior_violations < 0:
        raise ValueError(f"prior_violations must be ≥ 0, got {prior_violations}")
    if verdict_action in ("allow", "review"):
        return Outcome(verdict_action)
    if trusted:
        return Outcome(
            "review", reason=TRUSTED_REASON, notes=[f"judge said {verdict_action}; author is trusted"]
        )
    if ladder.delete_only or not ladder.steps:
        notes = ["ladder is delete_only"] if verdict_action == "delete_and_ban" else []
        return Outcome("delete", notes=notes)
    count = prior_violations + (1 if verdict_action == "delete_and_ban" else 0)
    reached = ladder.step_for(count)
    if reached is None:
        return Outcome("delete", notes=[f"{prior_violations} prior violation(s): below the first step"])
    index, step = reached
    return Outcome(
        "delete_and_ban",
        ban_days=step.days,
        step=index,
        notes=[f"{prior_violations} prior violation(s) in {ladder.window_days} days → step {index}"],
    )


def ban_end_date(now: float, days: int | None) -> int | None:
    """Unix end of a ban starting at ``now``; None for forever (``days`` 0 or None)."""
    if not days:
        return None
    if days < 0:
        raise ValueError(f"ban days must be ≥ 0, got {days}")
    return int(now) + min(days, MAX_BAN_DAYS) * DAY


def primary_category(labels: Iterable[str], scores: Mapping[str, float] | None = None) -> str:
    """The one category that names a ban: gravest label first; "" if no label.

    Gravity, not score, decides: a threat that also swears is banned "for a threat" even when the
    мат score is higher, because that is what the citizen must be told. Unknown labels come last,
    ordered by score."""
    labels = list(dict.fromkeys(labels))
    if not labels:
        return ""
    sc = scores or {}
    rank = {c: i for i, c in enumerate(categories.by_priority())}
    return min(labels, key=lambda c: (rank.get(c, len(rank)), -float(sc.get(c, 0.0))))


def ban_comment(template: str, category: str) -> str:
    """Fill the ban comment template's ``{category}`` (and ``{ground}``) with Russian wording.

    Only those two placeholders exist; other braces are left as written so an operator's text
    cannot crash the daemon at ban time."""
    name = CATEGORY_NAMES_RU.get(category, category or "нарушение правил")
    ground = GROUNDS.get(category, "п. 19 постановления № 3520 от 21.09.2023")
    return template.replace("{category}", name).replace("{ground}", ground)


__all__ = [
    "CATEGORIES",
    "CATEGORY_NAMES_RU",
    "DAY",
    "DEFAULT_LADDER",
    "Ladder",
    "LadderStep",
    "MAX_BAN_DAYS",
    "Outcome",
    "TRUSTED_REASON",
    "ban_comment",
    "ban_end_date",
    "escalate",
    "primary_category",
    "validate_ladder",
]
