"""Модель: the model in use, its model-card figures, the thresholds each community applies, the
ladder, and how often moderators undid each model version's automatic actions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiohttp import web

from moderation.verdict import CATEGORIES

from ..app import NavItem, render, viewer, ws

routes = web.RouteTableDef()
NAV = [NavItem("/model", "Модель", 60)]


def read_meta(model_path: Path | None) -> tuple[Path, dict[str, Any] | None, str]:
    """The model directory in use and its ``meta.json`` (None and a reason if unreadable)."""
    from moderation.judge import default_model_dir

    path = Path(model_path) if model_path else default_model_dir()
    try:
        return path, json.loads((path / "meta.json").read_text(encoding="utf-8")), ""
    except (OSError, ValueError) as exc:
        return path, None, f"{type(exc).__name__}: {exc}"


@routes.get("/model")
async def model_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)

    def read() -> tuple[Any, ...]:
        return read_meta(w.config.model_path), w.store.model_versions(), w.store.label_counts()

    (path, meta, error), versions, labels = await w.db(read)
    running = w.model_version() if w.model_version else None
    base: dict[str, dict[str, float]] = {}
    if meta:
        base = {c: dict(t) for c, t in (meta.get("thresholds") or {}).items() if c in CATEGORIES}
    if not base:
        from moderation.policy import DEFAULT_THRESHOLDS

        base = {c: {"review": t.review, "delete": t.delete, "ban": t.ban} for c, t in DEFAULT_THRESHOLDS.items()}
    rows = []
    for c in w.communities_for(v):
        overrides = w.config.thresholds_for(c)
        eff = {}
        for cat in CATEGORIES:
            values = dict(base.get(cat, {}))
            changed = set(overrides.get(cat, {}))
            values.update(overrides.get(cat, {}))
            eff[cat] = {"values": values, "changed": changed}
        rows.append({"community": c, "thresholds": eff})
    return await render(request, "model.html", meta=meta, model_dir=path, error=error, running=running, base=base,
                        rows=rows, categories=CATEGORIES, versions=versions, labels=labels,
                        ladder=w.config.ladder)
