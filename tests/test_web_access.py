"""The workspace's doors: login everywhere, passwords, cookies, CSRF, origin, rate limiting, CSP,
and who may see what (a moderator sees only their organisation; admin pages are admins')."""

from __future__ import annotations

import re

from bot.adapters import build_platforms
from bot.web.app import CSP, Workspace, make_app
from bot.web.server import WebServer
from tests.webkit import PASSWORD, Client, WebEnv, add_accounts, seed, web, web_config

__all__ = ["web"]  # the fixture


def _route_paths() -> list[tuple[str, str]]:
    """Every route of the app with its placeholders filled, except the public ones."""
    from pathlib import Path
    from tempfile import mkdtemp

    from bot.store import Store

    cfg = web_config(Path(mkdtemp()))
    store = Store(cfg.database)
    app = make_app(Workspace(store, cfg, build_platforms(cfg)))
    out = []
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or ""
        if (
            not path
            or path in ("/login", "/favicon.ico")
            or path.startswith("/static")
            or route.method == "HEAD"
        ):
            continue
        path = re.sub(r"\{id[^}]*\}", "1", path).replace("{name}", "someone")
        out.append((route.method, path))
    store.close()
    return out


async def test_every_page_and_action_needs_login(web: WebEnv) -> None:
    routes = _route_paths()
    assert len(routes) >= 25
    c = await web.client()
    for method, path in routes:
        if method == "GET":
            status, _, r = await c.get(path, follow=False)
            assert status == 303 and r.headers["Location"].startswith("/login"), (method, path, status)
        else:
            status, text, _ = await c.post(path, {"id": "1", "action": "keep"}, csrf="-")
            assert status == 403, (method, path, status)
    # nothing was decided by an anonymous request
    assert web.store.status()["decisions"] == {}


async def test_wrong_password_unknown_account_and_removed_account(web: WebEnv) -> None:
    c = await web.client()
    status, text, r = await c.login("anna", "wrong password!")
    assert status == 401 and "Неверное имя или пароль" in text
    assert "modbot_session" not in {m.key for m in c.session.cookie_jar}
    status, text, _ = await c.login("nobody", PASSWORD)
    assert status == 401 and "Неверное имя или пароль" in text
    web.store.disable_moderator("boris")
    status, _, _ = await c.login("boris", PASSWORD)
    assert status == 401
    events = [a["event"] for a in web.store.audit_log()]
    assert events.count("login_failed") == 3


async def test_session_cookie_flags_and_security_headers(web: WebEnv) -> None:
    c = await web.client()
    await c.get("/login")
    status, _, r = await c.post("/login", {"name": "anna", "password": PASSWORD}, follow=False)
    assert status == 303
    cookie = [v for k, v in r.headers.items() if k.lower() == "set-cookie" and "modbot_session=" in v][0]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http on localhost: a Secure cookie would never come back
    status, text, r = await c.get("/queue")
    assert status == 200
    assert (
        r.headers["Content-Security-Policy"] == CSP
        and "script-src 'self'" in CSP
        and "unsafe-inline" not in CSP
    )
    assert r.headers["X-Frame-Options"] == "DENY" and r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"


async def test_secure_cookie_behind_a_tls_proxy(tmp_path) -> None:
    config = web_config(tmp_path, web={"port": 8080, "trust_proxy": True})
    server = WebServer(config, build_platforms(config), host="127.0.0.1", port=0)
    await server.start()
    add_accounts(server.store)
    c = Client(server.url)
    try:
        await c.get("/login")
        status, _, r = await c.post(
            "/login",
            {"name": "anna", "password": PASSWORD},
            follow=False,
            headers={"X-Forwarded-Proto": "https"},
        )
        cookie = [v for k, v in r.headers.items() if k.lower() == "set-cookie" and "modbot_session=" in v][0]
        assert status == 303 and "Secure" in cookie
    finally:
        await c.close()
        await server.stop()


async def test_no_page_has_inline_script(web: WebEnv) -> None:
    row = seed(web.store, web.service)
    c = await web.client("admin")
    for path in (
        "/queue",
        "/journal",
        "/journal?view=audit",
        f"/comment/{row.id}",
        "/author?platform=vk&id=501",
        "/blacklist",
        "/dashboard",
        "/attention",
        "/model",
        "/moderators",
        "/account",
        "/login",
    ):
        status, text, _ = await c.get(path)
        assert status == 200, path
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), path  # no inline event handlers
        assert "style=" not in text, path


async def test_csrf_missing_or_wrong_is_403(web: WebEnv) -> None:
    row = seed(web.store, web.service)
    c = await web.client("anna")
    for token in ("-", "wrong-token"):
        status, text, _ = await c.post(
            "/decide", {"id": row.id, "action": "delete", "category": "insult"}, csrf=token
        )
        assert status == 403 and "CSRF" in text
        status, _, _ = await c.post("/logout", csrf=token)
        assert status == 403
        status, _, _ = await c.post("/bans/add", {"author_id": "7", "community": "vk:1"}, csrf=token)
        assert status == 403
    assert web.store.latest_verdict_decision(row.key)["action"] == "review"
    assert web.store.bans(active_only=True) == []
    # a token from another session is wrong too
    other = await web.client("admin")
    status, _, _ = await c.post("/decide", {"id": row.id, "action": "keep"}, csrf=other.csrf)
    assert status == 403
    # the right one works
    status, text, _ = await c.post("/decide", {"id": row.id, "action": "keep"})
    assert status == 200 and "оставлен" in text


async def test_login_form_needs_its_csrf_cookie_and_cross_site_posts_are_refused(web: WebEnv) -> None:
    c = await web.client()
    await c.get("/login")
    c.session.cookie_jar.clear()
    status, text, _ = await c.post("/login", {"name": "anna", "password": PASSWORD})
    assert status == 403
    c2 = await web.client("anna")
    status, text, _ = await c2.post("/logout", headers={"Origin": "https://evil.example"})
    assert status == 403 and "чужого сайта" in text
    status, _, _ = await c2.post("/logout", headers={"Sec-Fetch-Site": "cross-site"})
    assert status == 403
    status, _, _ = await c2.get("/queue")
    assert status == 200  # still logged in


async def test_login_rate_limit_per_account_and_per_address(web: WebEnv) -> None:
    now = [1_800_000_000.0]
    web.workspace.clock = lambda: now[0]
    c = await web.client()
    for _ in range(5):
        status, _, _ = await c.login("anna", "not the password")
        assert status == 401
        now[0] += 1
    status, text, _ = await c.login("anna", PASSWORD)  # right password, but too soon
    assert status == 429 and "Слишком много" in text
    now[0] += 3
    status, text, _ = await c.login("anna", PASSWORD)
    assert status == 200 and "Выйти" in text
    # the address is still marked: another account from it waits after a new failure
    c2 = await web.client()
    status, _, _ = await c2.login("boris", "wrong again")
    assert status == 401
    status, _, _ = await c2.login("boris", PASSWORD)
    assert status == 429
    # the delay grows: 2, 4, 8 … seconds after the last failure
    from bot.web.auth import login_delay

    assert [login_delay(n, 0.0, 0.0) for n in (4, 5, 6, 7)] == [0.0, 2.0, 4.0, 8.0]
    assert login_delay(40, 0.0, 0.0) == 15 * 60


async def test_logout_ends_the_session(web: WebEnv) -> None:
    c = await web.client("anna")
    token = [m.value for m in c.session.cookie_jar if m.key == "modbot_session"][0]
    status, _, _ = await c.post("/logout")
    assert status == 200
    c2 = await web.client()
    c2.session.cookie_jar.update_cookies({"modbot_session": token})
    status, _, r = await c2.get("/queue", follow=False)
    assert status == 303
    assert [a["event"] for a in web.store.audit_log()][:2] == ["logout", "login"]


async def test_moderator_sees_and_acts_only_on_their_organisation(web: WebEnv) -> None:
    mine = seed(web.store, web.service, group=1, text="комментарий администрации")
    theirs = seed(web.store, web.service, group=2, text="комментарий больницы", author="777")
    c = await web.client("anna")
    status, text, _ = await c.get("/queue")
    assert "комментарий администрации" in text and "комментарий больницы" not in text
    status, text, _ = await c.get(f"/comment/{theirs.id}")
    assert status == 403
    status, text, _ = await c.post("/decide", {"id": theirs.id, "action": "delete", "category": "insult"})
    assert "не из сообществ вашей организации" in text
    assert web.store.latest_verdict_decision(theirs.key)["action"] == "review"
    status, text, _ = await c.get("/journal?action=all")
    assert "комментарий больницы" not in text and "комментарий администрации" in text
    status, text, _ = await c.get("/journal.csv?action=all")
    assert "комментарий больницы" not in text
    status, text, _ = await c.get("/author?platform=vk&id=777")
    assert "комментарий больницы" not in text
    status, text, _ = await c.get("/dashboard?community=vk:2")
    assert status == 200 and "Больница" not in text.split("<h2>По сообществам</h2>")[1]
    status, _, _ = await c.post("/bans/add", {"author_id": "777", "community": "vk:2", "days": "1"})
    assert web.store.bans() == []
    status, _, _ = await c.post("/bans/add", {"author_id": "777", "community": "vk:*", "days": "1"})
    assert web.store.bans() == []
    for path in ("/moderators",):
        status, text, _ = await c.get(path)
        assert status == 403, path
    status, _, _ = await c.post(
        "/moderators/add", {"name": "eve", "role": "admin", "password": PASSWORD, "password2": PASSWORD}
    )
    assert status == 403 and web.store.get_moderator("eve") is None
    assert f"/comment/{mine.id}" in (await c.get("/queue"))[1]


async def test_admin_manages_moderators(web: WebEnv) -> None:
    c = await web.client("admin")
    status, text, _ = await c.post(
        "/moderators/add",
        {
            "name": "vera",
            "role": "moderator",
            "organisation": "hospital",
            "password": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert "Модератор vera добавлен" in text
    v = await web.client("vera")
    assert "Больница" in (await v.get("/account"))[1]
    status, text, _ = await c.post("/moderators/vera/password", {"password": "short"})
    assert "не изменён" in text
    status, text, _ = await c.post("/moderators/vera/remove")
    assert "удалён" in text
    status, _, r = await v.get("/queue", follow=False)
    assert status == 303  # her session ended
    status, _, _ = await (await web.client()).login("vera")
    assert status == 401
    events = [a["event"] for a in web.store.audit_log()]
    assert "moderator_add" in events and "moderator_remove" in events
