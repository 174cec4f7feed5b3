"""The workspace's report page: login, organisation scope, escaping, downloads (XLSX/CSV/HTML),
bad periods, the audit of downloads, and the dashboard's posting-rate watch."""

from __future__ import annotations

import io
import time
from urllib.parse import quote

import html5lib
import openpyxl

from bot.reports.periods import msk
from tests.webkit import HOSTILE, XSS_SCRIPT, Client, WebEnv, seed, web

__all__ = ["web"]


def _quarter(now: float) -> str:
    t = msk(now)
    return f"{t.year}Q{(t.month - 1) // 3 + 1}"


def _fill(env: WebEnv) -> None:
    s, svc = env.store, env.service
    now = time.time()
    seed(s, svc, group=1, text="обычный вопрос про дороги", action="allow")
    seed(s, svc, group=1, text=HOSTILE, action="delete", labels=["insult"], author="77")
    seed(
        s,
        svc,
        group=2,
        text="больничный комментарий — дебил",
        action="delete",
        labels=["insult"],
        author="88",
    )
    seed(s, svc, group=2, text="на проверку", action="review")
    s.save_post("vk", 1, "10", int(now) - 60, url="https://vk.com/wall-1_10")
    s.save_post("vk", 2, "11", int(now) - 60, url="https://vk.com/wall-2_11")


async def test_report_page_needs_a_login(web: WebEnv) -> None:
    c = Client(web.url)
    web.clients.append(c)
    for path in ("/report", "/report?period=2026Q4", "/report/download?period=2026Q4&format=xlsx"):
        status, text, resp = await c.get(path, follow=False)
        assert status == 303 and resp.headers["Location"].startswith("/login"), path


async def test_a_moderator_sees_the_report_of_their_organisation_only(web: WebEnv) -> None:
    _fill(web)
    period = _quarter(time.time())
    anna = await web.client("anna")
    status, text, resp = await anna.get(f"/report?period={period}")
    assert status == 200
    assert "Администрация" in text and "Больница" not in text and "организация «admin»" in text
    assert (
        "style=" not in text.split('class="card report-view"', 1)[1]
    )  # the workspace's CSP forbids inline styles
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'")
    doc = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False).parse(text)
    cells = {
        (td.get("data-figure"), td.get("data-page")): td.get("data-value")
        for td in doc.iter("td")
        if td.get("data-figure")
    }
    assert cells[("received_comments", "vk:1")] == "2" and cells[("removed", "vk:1")] == "1"
    assert ("removed", "vk:2") not in cells
    # another organisation's page cannot be chosen, even by hand
    status, text, _ = await anna.get(f"/report?period={period}&community=vk:2")
    assert status == 400 and "недоступно" in text
    status, _, _ = await anna.get(f"/report/download?period={period}&community=vk:2&format=csv")
    assert status == 400


async def test_downloads_are_the_cli_s_files_and_are_audited(web: WebEnv) -> None:
    _fill(web)
    period = _quarter(time.time())
    admin = await web.client("admin")
    status, text, _ = await admin.get(f"/report?period={period}")
    assert status == 200 and "/report/download?" in text
    async with admin.session.get(f"{web.url}/report/download?period={period}&format=xlsx&texts=1") as r:
        assert r.status == 200
        assert r.headers["Content-Type"].startswith("application/vnd.openxmlformats")
        assert r.headers["Content-Disposition"] == f'attachment; filename="modbot-report-{period}.xlsx"'
        wb = openpyxl.load_workbook(io.BytesIO(await r.read()))
    assert wb.sheetnames[0] == "Сводка" and any(
        c.value == HOSTILE for row in wb["Удаления"].iter_rows() for c in row
    )
    async with admin.session.get(f"{web.url}/report/download?period={period}&format=csv") as r:
        body = (await r.read()).decode("utf-8")
        assert r.status == 200 and "[Показатели]" in body and HOSTILE not in body  # no texts asked for
    async with admin.session.get(f"{web.url}/report/download?period={period}&format=pdf") as r:
        assert r.status == 400
    audit = web.store.audit_log(actor="admin")
    assert [a["event"] for a in audit].count("report") == 2 and "с текстами" in audit[-1]["detail"] + audit[
        0
    ]["detail"] + audit[1]["detail"]


async def test_hostile_texts_and_bad_periods_are_shown_escaped(web: WebEnv) -> None:
    _fill(web)
    admin = await web.client("admin")
    status, text, _ = await admin.get(f"/report?period={_quarter(time.time())}&texts=1")
    assert status == 200 and XSS_SCRIPT not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    status, text, _ = await admin.get("/report?period=" + quote("<script>alert(1)</script>"))
    assert status == 400 and XSS_SCRIPT not in text and "неверный период" in text
    status, text, _ = await admin.get("/report?period=2026Q7")
    assert status == 400 and "квартал 7" in text


async def test_dashboard_shows_this_week_s_posts(web: WebEnv) -> None:
    _fill(web)
    anna = await web.client("anna")
    status, text, _ = await anna.get("/dashboard")
    assert status == 200 and "п. 15" in text and 'data-community="vk:1"' in text and "1 из 3" in text
    assert 'data-community="vk:2"' not in text  # another organisation's page
