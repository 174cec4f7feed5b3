"""Accounts, sessions, CSRF and login rate limiting for the moderators' workspace.

Why each piece looks the way it does:

* **Passwords** are hashed with Argon2id (argon2-cffi, the maintained reference binding; OWASP's
  parameters), never
  stored or logged in clear. An unknown account still costs one hash verification, so response
  time does not tell which names exist.
* **Sessions**: the cookie holds a random 256-bit token; the database keeps only its SHA-256, so a
  copy of the database does not log anyone in. The cookie is HttpOnly, SameSite=Strict, and Secure
  whenever the request came over TLS (directly or, with ``[web] trust_proxy``, via the proxy).
* **CSRF**: every state-changing request carries the session's random token in a form field or
  the ``X-CSRF-Token`` header; the login form, which has no session yet, uses a double-submit
  cookie. SameSite=Strict alone would already stop most cross-site posts; the token is the rule.
* **Rate limiting**: after 5 failures for an account *or* an address within 15 minutes, each
  further attempt must wait 2, 4, 8 … seconds (at most 15 minutes) after the last failure; an
  attempt during the wait is refused without checking the password and is not counted.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from bot.config import Config

ROLES = ("moderator", "admin")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
#: Login throttling: failures counted in this window (seconds) …
FAILURE_WINDOW = 15 * 60
#: … above this many, a growing delay applies …
FREE_FAILURES = 5
#: … capped at this (seconds).
MAX_DELAY = 15 * 60

#: Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~50 ms per login here,
#: little memory per concurrent attempt; old hashes with other parameters still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Verified against when the account does not exist, so timing does not reveal valid names.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class PasswordError(ValueError):
    """A password that may not be set; the message is Russian."""


def check_new_password(password: str, name: str = "") -> str:
    if len(password) < MIN_PASSWORD:
        raise PasswordError(f"пароль короче {MIN_PASSWORD} символов")
    if len(password) > MAX_PASSWORD:
        raise PasswordError(f"пароль длиннее {MAX_PASSWORD} символов")
    if name and password.casefold() == name.casefold():
        raise PasswordError("пароль не должен совпадать с именем")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if ``password`` matches; an empty/unknown hash (removed or unknown account) is checked
    against a dummy so the answer takes as long as a real one."""
    try:
        if not stored_hash:
            _hasher.verify(_DUMMY_HASH, password + "\0")
            return False
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False if either is missing)."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def login_delay(failures: int, last_failure: float | None, now: float) -> float:
    """Seconds the next attempt must still wait (0: go ahead)."""
    if failures < FREE_FAILURES or last_failure is None:
        return 0.0
    delay = min(float(2 ** (failures - FREE_FAILURES + 1)), float(MAX_DELAY))
    return max(0.0, last_failure + delay - now)


# --------------------------------------------------------------------------- who is looking


@dataclass(frozen=True)
class Viewer:
    """The logged-in moderator of a request, with what they may see.

    ``scope``: the ``(platform, community_id)`` pairs they see and act on — the configured
    communities of their organisation plus those named on their account; ``None`` for an admin
    (everything, including communities no longer configured)."""

    name: str
    role: str
    organisation: str
    communities: tuple[str, ...]
    csrf: str
    session: str
    scope: tuple[tuple[str, int], ...] | None

    @property
    def admin(self) -> bool:
        return self.role == "admin"

    def sees(self, platform: str | None, community_id: int | None) -> bool:
        """May this viewer see something about that community? (``community_id`` None: a
        platform-wide entry, which only an admin manages.)"""
        if self.scope is None:
            return True
        if platform is None or community_id is None:
            return False
        return (platform, int(community_id)) in self.scope


def parse_community_ref(ref: str) -> tuple[str, int]:
    """``vk:123`` (or a bare ``123``, meaning VK) → ``("vk", 123)``; ValueError if malformed."""
    ref = ref.strip()
    platform, sep, number = ref.partition(":")
    if not sep:
        platform, number = "vk", ref
    platform = platform.strip().lower()
    if platform not in ("vk", "ok") or not number.strip().isdigit() or int(number) <= 0:
        raise ValueError(f"не сообщество: {ref!r} (пишите vk:123 или ok:456)")
    return platform, int(number)


def scope_of(config: Config, role: str, organisation: str, communities: list[str] | tuple[str, ...]) -> \
        tuple[tuple[str, int], ...] | None:
    """What an account sees: everything for an admin; otherwise the organisation's configured
    communities and the ones named on the account."""
    if role == "admin":
        return None
    pairs: set[tuple[str, int]] = set()
    if organisation:
        pairs |= {c.key for c in config.communities if c.organisation == organisation}
    for ref in communities:
        try:
            pairs.add(parse_community_ref(ref))
        except ValueError:
            continue
    return tuple(sorted(pairs))


def viewer_from_session(config: Config, row: dict) -> Viewer:
    comms = tuple(str(c) for c in row.get("communities") or ())
    return Viewer(name=row["name"], role=row["role"], organisation=row.get("organisation") or "",
                  communities=comms, csrf=row["csrf"], session=row["token_hash"],
                  scope=scope_of(config, row["role"], row.get("organisation") or "", comms))




# --------------------------------------------------------------------------- accounts

NAME_RE = r"[\w.@-]{1,64}"


class AccountError(ValueError):
    """An account that cannot be created or changed; the message is Russian."""


def add_account(store: Any, name: str, password: str, *, role: str, organisation: str = "",
                communities: list[str] | tuple[str, ...] = (), now: float | None = None) -> bool:
    """Create (or bring back) a moderator account; the one path for ``modbot moderator add`` and
    the admins' page. Returns True if created, False if a removed account was restored."""
    import re

    name = name.strip()
    if not re.fullmatch(NAME_RE, name):
        raise AccountError("имя: от 1 до 64 букв, цифр или знаков . _ - @, без пробелов")
    if role not in ROLES:
        raise AccountError(f"роль: {' или '.join(ROLES)}")
    organisation = organisation.strip()
    refs = []
    for ref in communities:
        if ref.strip():
            try:
                platform, number = parse_community_ref(ref)
            except ValueError as exc:
                raise AccountError(str(exc)) from None
            refs.append(f"{platform}:{number}")
    if role == "moderator" and not organisation and not refs:
        raise AccountError("модератору нужна организация или список сообществ: без них он ничего не увидит")
    try:
        check_new_password(password, name)
    except PasswordError as exc:
        raise AccountError(str(exc)) from None
    try:
        return bool(store.add_moderator(name, hash_password(password), role=role, organisation=organisation,
                                        communities=refs, now=now))
    except ValueError:
        raise AccountError(f"модератор {name!r} уже есть") from None


def organisations(config: Config) -> list[str]:
    return sorted({c.organisation for c in config.communities if c.organisation})


__all__ = [
    "AccountError",
    "FAILURE_WINDOW",
    "MIN_PASSWORD",
    "ROLES",
    "PasswordError",
    "Viewer",
    "add_account",
    "check_new_password",
    "hash_password",
    "login_delay",
    "new_token",
    "organisations",
    "parse_community_ref",
    "same",
    "scope_of",
    "token_hash",
    "verify_password",
    "viewer_from_session",
]
