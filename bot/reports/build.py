"""From a choice of pages and a period to a report file: what ``modbot report`` and the workspace's
report page both call (so the two produce the same file for the same choice)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.config import Config

from .as_csv import render_csv
from .as_html import render_html
from .as_xlsx import render_xlsx
from .figures import Page, Report, build_report
from .periods import Period

__all__ = ["CONTENT_TYPES", "FORMATS", "SelectionError", "file_name", "make_report", "render", "select_pages"]

FORMATS = ("html", "xlsx", "csv")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_RENDERERS: dict[str, Callable[[Report], bytes]] = {"html": render_html, "xlsx": render_xlsx, "csv": render_csv}


class SelectionError(ValueError):
    """The pages asked for do not exist; the message (Russian) names what does."""


def _all_pages(config: Config | None, known: Sequence[tuple[str, int]]) -> list[Page]:
    pages: dict[tuple[str, int], Page] = {}
    for c in config.communities if config is not None else ():
        pages[c.key] = Page(c.platform, c.group_id, c.name, c.organisation)
    for platform, gid in known:
        pages.setdefault((platform, gid), Page(platform, gid))
    return [pages[k] for k in sorted(pages)]


def select_pages(config: Config | None, known: Sequence[tuple[str, int]], *, communities: Sequence[str] = (),
                 organisation: str | None = None,
                 allowed: Sequence[tuple[str, int]] | None = None) -> tuple[list[Page], str]:
    """The report's pages and how to name them together.

    ``known``: pages the database has records of (a page removed from the config still has its
    history); ``communities``: ``vk:1``, ``ok:57`` or a bare id when it is unambiguous;
    ``organisation``: every configured page of that organisation; neither: every page.
    ``allowed`` limits the choice (a moderator sees only the pages of their organisation)."""
    pages = _all_pages(config, known)
    if allowed is not None:
        keep = set(allowed)
        pages = [p for p in pages if p.key in keep]
    if communities and organisation:
        raise SelectionError("укажите либо страницы (--community), либо организацию (--organisation), не то и другое")
    if organisation is not None:
        org = organisation.strip()
        chosen = [p for p in pages if p.organisation == org]
        if not chosen:
            orgs = sorted({p.organisation for p in pages if p.organisation})
            raise SelectionError(f"организация «{org}» не найдена в конфигурации"
                                 + (f"; есть: {', '.join(orgs)}" if orgs else " (у страниц не указана organisation; "
                                    "нужен --config с файлом демона)"))
        return chosen, f"организация «{org}»"
    if communities:
        chosen = []
        for raw in communities:
            value = str(raw).strip()
            platform, _, gid = value.rpartition(":")
            match = [p for p in pages if str(p.community_id) == gid and (not platform or p.platform == platform)]
            if len(match) != 1:
                names = ", ".join(f"{p.platform}:{p.community_id}" for p in pages) or "нет ни одной"
                why = "неоднозначна (укажите платформу: vk:ID или ok:ID)" if match else "не найдена"
                raise SelectionError(f"страница «{value}» {why}; известны: {names}")
            if match[0] not in chosen:
                chosen.append(match[0])
        return sorted(chosen, key=lambda p: p.key), ""
    return pages, "все страницы" if len(pages) > 1 else ""


def make_report(store: Any, period: Period, pages: Sequence[Page], *, scope: str = "", with_texts: bool = False,
                generated_at: float) -> Report:
    return build_report(store, period, pages, generated_at=generated_at, scope=scope, with_texts=with_texts)


def render(report: Report, fmt: str) -> bytes:
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return _RENDERERS[fmt](report)


def file_name(period: Period, fmt: str) -> str:
    """``modbot-report-2026Q4.xlsx``."""
    return f"modbot-report-{period.slug}.{fmt}"
