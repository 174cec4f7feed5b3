"""How the workspace shows things: Moscow time, ages, Russian names, highlighted evidence.

Pure functions used as Jinja filters. Nothing here marks text as safe: templates autoescape
every value, and :func:`highlight` returns plain segments for the template to escape one by one,
so a comment text can never become markup however it is cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from moderation.verdict import CATEGORIES, CATEGORY_NAMES_RU, GROUNDS, TARGET_GROUPS_RU

try:  # Pyatigorsk keeps Moscow time; the zone database may be missing on a minimal system
    from zoneinfo import ZoneInfo

    TZ: dt.tzinfo = ZoneInfo("Europe/Moscow")
except Exception:  # pragma: no cover - depends on the system's tzdata
    TZ = dt.timezone(dt.timedelta(hours=3), "MSK")
TZ_NAME = "МСК"
#: Moscow has kept UTC+3 all year since 2014: the dashboard counts days with this offset.
DAY_OFFSET = 3 * 3600

ACTION_RU = {
    "allow": "оставлен",
    "review": "на проверке",
    "delete": "удалён",
    "delete_and_ban": "удалён, автор заблокирован",
    "restore": "восстановлен (отмена)",
    "ban": "блокировка",
    "unban": "разблокировка",
}
ACTION_KIND_RU = {"delete": "удаление", "ban": "блокировка", "restore": "восстановление", "unban": "разблокировка"}
STATE_RU = {
    "pending": "в очереди",
    "done": "выполнено",
    "failed": "не удалось",
    "manual": "вручную",
    "cancelled": "отменено",
}
ROLE_RU = {"moderator": "модератор", "admin": "администратор"}
KIND_RU = {"wall": "стена", "photo": "фото", "video": "видео", "board": "обсуждение", "market": "товар",
           "message": "сообщение", "ok_topic": "тема ОК", "ok_message": "сообщение ОК"}
AUDIT_RU = {
    "login": "вход",
    "login_failed": "неудачный вход",
    "logout": "выход",
    "password": "смена пароля",
    "moderator_add": "добавлен модератор",
    "moderator_remove": "удалён модератор",
    "retry": "повтор действия",
    "dismiss": "действие отклонено",
    "manual_done": "сделано вручную",
}


def when(ts: float | None) -> str:
    """``31.12.2026 23:59`` in Moscow time; ``—`` for nothing."""
    if ts is None or ts == "":
        return "—"
    try:
        return dt.datetime.fromtimestamp(float(ts), TZ).strftime("%d.%m.%Y %H:%M")
    except (OverflowError, OSError, ValueError):
        return "—"


def date(ts: float | None) -> str:
    if ts is None:
        return "—"
    try:
        return dt.datetime.fromtimestamp(float(ts), TZ).strftime("%d.%m.%Y")
    except (OverflowError, OSError, ValueError):
        return "—"


def iso(ts: float | None) -> str:
    """Machine-readable time for ``<time datetime>`` and CSV."""
    if ts is None:
        return ""
    try:
        return dt.datetime.fromtimestamp(float(ts), TZ).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return ""


def duration(seconds: float | None) -> str:
    """A human length: ``45 с``, ``12 мин``, ``3 ч 5 мин``, ``4 дн``."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} с"
    if s < 3600:
        return f"{s // 60} мин"
    if s < 86400:
        h, m = divmod(s // 60, 60)
        return f"{h} ч {m} мин" if m else f"{h} ч"
    d, h = divmod(s // 3600, 24)
    return f"{d} дн {h} ч" if h and d < 3 else f"{d} дн"


def ban_length(days: int | None) -> str:
    if days is None:
        return "—"
    return "бессрочно" if days == 0 else f"{days} дн."


def ban_until(until: int | None) -> str:
    return "бессрочно" if until is None else f"до {when(until)}"


def pct(part: float, whole: float) -> str:
    if not whole:
        return "—"
    return f"{100.0 * part / whole:.1f} %".replace(".", ",")


def score(value: float | None) -> str:
    return "—" if value is None else f"{float(value):.2f}"


def category_ru(name: str | None) -> str:
    if not name:
        return "—"
    return CATEGORY_NAMES_RU.get(name, name)


def ground(category: str | None) -> str:
    return GROUNDS.get(category or "", "") if category else ""


def target_ru(name: str | None) -> str:
    return TARGET_GROUPS_RU.get(name or "", name or "")


def top_scores(scores: Mapping[str, float] | None, floor: float = 0.05) -> list[tuple[str, float]]:
    """Scores worth showing, highest first (always at least the top one)."""
    items = sorted(((c, float(v)) for c, v in (scores or {}).items() if c in CATEGORIES), key=lambda x: -x[1])
    shown = [x for x in items if x[1] >= floor]
    return shown or items[:1]


def safe_url(url: str | None) -> str:
    """A link we may put in ``href``: http(s) only (never ``javascript:``), else ""."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def highlight(text: str, evidence: Sequence[Mapping[str, Any]] | None) -> list[tuple[str, str | None]]:
    """``text`` cut into ``(piece, category or None)`` segments, evidence spans marked.

    Spans are clipped to the text and overlaps merged (the first span wins), so bad offsets from an
    old model can never raise or duplicate text."""
    spans: list[tuple[int, int, str]] = []
    n = len(text)
    for e in evidence or ():
        try:
            start, end = int(e.get("start", 0)), int(e.get("end", 0))
        except (TypeError, ValueError, AttributeError):
            continue
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end > start:
            spans.append((start, end, str(e.get("category") or "")))
    spans.sort()
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, cat in spans:
        if start < pos:
            start = pos
        if end <= start:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], cat))
        pos = end
    if pos < n:
        out.append((text[pos:], None))
    return out


def excerpt(text: str | None, limit: int = 160) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


FILTERS = {
    "when": when,
    "date": date,
    "iso": iso,
    "duration": duration,
    "ban_length": ban_length,
    "ban_until": ban_until,
    "score": score,
    "category_ru": category_ru,
    "ground": ground,
    "target_ru": target_ru,
    "safe_url": safe_url,
    "excerpt": excerpt,
    "action_ru": lambda a: ACTION_RU.get(a or "", a or "—"),
    "kind_ru": lambda k: ACTION_KIND_RU.get(k or "", k or "—"),
    "state_ru": lambda s: STATE_RU.get(s or "", s or "—"),
    "role_ru": lambda r: ROLE_RU.get(r or "", r or "—"),
    "place_ru": lambda k: KIND_RU.get(k or "", k or "—"),
    "audit_ru": lambda e: AUDIT_RU.get(e or "", e or "—"),
}


def explain_action(action: Mapping[str, Any]) -> str:
    """A plain Russian sentence for an action that needs one (failed, manual, cancelled)."""
    state, kind = action.get("state"), action.get("kind")
    if state == "failed" and kind == "restore":
        return ("Платформа не восстановила комментарий: скорее всего, прошёл срок, в течение которого "
                "удалённый комментарий можно вернуть. Текст сохранён в журнале modbot; блокировка, если была, снята.")
    if state == "failed" and kind == "unban":
        return "Платформа не сняла блокировку: снимите её вручную в настройках сообщества. В чёрном списке modbot она снята."
    if state == "failed" and kind == "ban":
        return "Платформа не приняла блокировку; в чёрном списке modbot автор есть: его новые комментарии удаляются."
    if state == "failed" and kind == "delete":
        return "Платформа не удалила комментарий: проверьте права токена или удалите его вручную."
    if state == "manual":
        return "API платформы этого не умеет: сделайте это вручную на платформе и отметьте здесь."
    if state == "cancelled":
        return "Не отправлялось на платформу: отменено до выполнения."
    return ""


FILTERS["explain_action"] = explain_action
