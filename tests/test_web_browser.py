"""Real-browser tests of the workspace: Debian's Chromium (headless) driven by Playwright against
the real daemon, the VK emulator and the web server, all on 127.0.0.1.

They log in, find a held comment in the queue, delete and ban it (keyboard), undo it from the
journal, and check the emulator after each step; they check that injected HTML/JS never runs; they
save screenshots of the queue and the dashboard, wide and 360 px, under the test's directory.
Without ``/usr/bin/chromium`` they are skipped — except under ``CI=true``, where that fails."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import VKEmulator
from bot.web.server import WebServer
from tests.conftest import G1, G2, VIOLATING, DaemonFactory, community, settle, wait_for
from tests.webkit import PASSWORD, add_accounts

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--headless",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TRUSTED = 7777  # a trusted author's violations are held for a human
INJECTIONS = [
    '<script>window.__pwned = 1; alert("xss")</script> когда починят свет?',
    '"><img src=x onerror="window.__pwned=2;alert(2)"> ' + VIOLATING,
]


def _require_browser() -> Any:
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        async_playwright = None
    if CHROMIUM.exists() and async_playwright is not None:
        return async_playwright
    why = "Playwright is not installed" if async_playwright is None else f"{CHROMIUM} is missing"
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {why} (.ci/run installs chromium with apt-get)")
    pytest.skip(f"{why}: apt-get install -y chromium (and pip install playwright) to run the browser tests")


@pytest.fixture
async def stack(make_daemon: DaemonFactory) -> AsyncIterator[tuple[Any, WebServer]]:
    d = await make_daemon(
        [
            community(G1, organisation="admin", trusted_user_ids=[TRUSTED]),
            community(G2, organisation="hospital"),
        ]
    )
    server = WebServer(
        d.config,
        d.platforms,
        health=d.health,
        host="127.0.0.1",
        port=0,
        model_version=lambda: d.judge.model_version,
    )
    await server.start()
    assert server.store is not None
    add_accounts(server.store)
    yield d, server
    await server.stop()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async_playwright = _require_browser()
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        await b.close()


async def _page(browser: Any, server: WebServer, width: int = 1280, name: str = "anna") -> Any:
    page = await browser.new_page(viewport={"width": width, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())  # our own confirmations
    await page.goto(server.url + "/")
    await page.fill("input[name=name]", name)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url(re.compile(r"/queue"))
    return page


def _comment(emu: VKEmulator, group: int, comment_id: int) -> dict[str, Any]:
    return {(c["group_id"], c["id"]): c for c in emu.snapshot()["comments"]}[(group, comment_id)]


def _banned(emu: VKEmulator, group: int, user: int) -> bool:
    return any(b["group_id"] == group and int(b["owner_id"]) == user for b in emu.snapshot()["bans"])


async def test_delete_and_ban_from_the_queue_then_undo_from_the_journal(
    vk_emu: VKEmulator, stack: tuple[Any, WebServer], browser: Any
) -> None:
    d, server = stack
    held = vk_emu.post_comment(G1, TRUSTED, VIOLATING)
    await settle(d, judged=1)
    page = await _page(browser, server)
    item = page.locator("li.item").first
    await item.wait_for()
    assert VIOLATING in await item.inner_text()
    assert not _comment(vk_emu, G1, held["comment_id"])["deleted"]
    # keyboard: j selects the first held comment, b deletes it and bans the author (ladder's preset)
    await page.keyboard.press("j")
    await page.keyboard.press("b")
    await page.wait_for_selector("#live:not(.hidden)")
    assert "заблокирован" in await page.inner_text("#live")
    await settle(d)
    assert _comment(vk_emu, G1, held["comment_id"])["deleted"] and _banned(vk_emu, G1, TRUSTED)
    await page.reload()
    assert await page.locator("li.item").count() == 0

    await page.goto(server.url + "/journal?who=anna")
    await page.click("details.undo summary")
    await page.fill("details.undo input[name=reason]", "проверка отмены")
    await page.click("details.undo button.undo-btn")
    await page.wait_for_selector(".flash.ok")
    assert "отменено" in await page.inner_text(".flash.ok")
    await settle(d)
    assert not _comment(vk_emu, G1, held["comment_id"])["deleted"]
    assert not _banned(vk_emu, G1, TRUSTED)
    await page.close()


async def test_injected_html_and_script_never_run(
    vk_emu: VKEmulator, stack: tuple[Any, WebServer], browser: Any
) -> None:
    d, server = stack
    for text in INJECTIONS:
        vk_emu.post_comment(G1, TRUSTED, text)  # held for a moderator
    vk_emu.post_comment(G1, 5005, INJECTIONS[0])  # and an ordinary one that the judge lets through
    await settle(d, judged=3)
    page = await _page(browser, server)
    dialogs: list[str] = []
    page.on("dialog", lambda dlg: dialogs.append(dlg.message))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    for path in ("/queue", "/journal?action=all", "/author?platform=vk&id=7777", "/dashboard"):
        await page.goto(server.url + path)
        await page.wait_for_load_state("load")
        assert await page.evaluate("window.__pwned === undefined"), path
        assert (
            await page.evaluate("document.querySelectorAll('img[src=x], script:not([src])').length") == 0
        ), path
    await page.goto(server.url + "/queue")
    texts = await page.locator(".ctext").all_inner_texts()
    assert any("onerror=" in t for t in texts)  # shown as text
    row_id = await page.locator("li.item").first.get_attribute("data-id")
    await page.goto(server.url + "/journal?action=all")
    texts = await page.locator("td.textcell").all_inner_texts()
    assert any("<script>window.__pwned" in t for t in texts)
    await page.goto(server.url + f"/comment/{row_id}")
    assert await page.evaluate("window.__pwned === undefined")
    assert dialogs == [] and errors == []
    await page.close()


async def test_screenshots_of_the_queue_and_the_dashboard(
    vk_emu: VKEmulator, stack: tuple[Any, WebServer], browser: Any, tmp_path: Path
) -> None:
    d, server = stack
    vk_emu.post_comment(G1, TRUSTED, VIOLATING)
    vk_emu.post_comment(G1, TRUSTED, INJECTIONS[1])
    vk_emu.post_comment(G1, 5006, VIOLATING)
    vk_emu.post_comment(G2, 5007, "подскажите, когда откроют каток?")
    await settle(d, judged=4)
    shots = []
    for width in (1280, 360):
        page = await _page(browser, server, width, name="admin")
        for path in ("/queue", "/dashboard"):
            await page.goto(server.url + path)
            await page.wait_for_load_state("load")
            # usable on a phone: nothing wider than the screen
            overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} at {width} px overflows by {overflow} px"
            shot = tmp_path / f"{path.strip('/')}-{width}.png"
            await page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)
        await page.close()
    assert all(s.stat().st_size > 5000 for s in shots)
    await wait_for(lambda: True)
