"""Модель: the model in use, its model-card figures, the thresholds each community applies, the
ladder, how often moderators undid each model version's automatic actions, the versions in the model
registry and the comparison table of the last ``modbot retrain``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiohttp import web

from moderation.verdict import CATEGORIES

from ..app import NavItem, render, viewer, ws

routes = web.RouteTableDef()
NAV = [NavItem("/model", "Модель", 60)]


def read_meta(config: Any) -> tuple[Path, dict[str, Any] | None, str]:
    """The model directory the daemon runs (the registry's ``current``, else ``model_path``, else
    the shipped model) and its ``meta.json`` (None and a reason if unreadable)."""
    from bot.model_registry import model_to_run

    path = model_to_run(config)
    try:
        return path, json.loads((path / "meta.json").read_text(encoding="utf-8")), ""
    except (OSError, ValueError) as exc:
        return path, None, f"{type(exc).__name__}: {exc}"


def read_registry(config: Any) -> dict[str, Any]:
    """Versions in the model registry, the last retrain's comparison and the journal's last events."""
    from bot.model_registry import ModelRegistry, RegistryError
    from moderation.evaluation import comparison_rows

    try:
        reg = ModelRegistry.for_config(config)
    except RegistryError as exc:
        return {"error": str(exc), "versions": [], "last": None, "journal": []}
    last = reg.last_retrain() or None
    if last and last.get("figures"):
        f = last["figures"]
        last = dict(last, rows=comparison_rows(f.get("current", {}), f.get("candidate", {})))
    return {"error": "", "root": str(reg.root), "current": reg.current_name(),
            "versions": [dict(v.info, name=v.name, current=v.current) for v in reversed(reg.versions())],
            "last": last, "journal": list(reversed(reg.journal(limit=10)))}


@routes.get("/model")
async def model_page(request: web.Request) -> web.Response:
    w = ws(request)
    v = viewer(request)

    def read() -> tuple[Any, ...]:
        return read_meta(w.config), w.store.model_versions(), w.store.label_counts(), read_registry(w.config)

    (path, meta, error), versions, labels, registry = await w.db(read)
    undone = {x["model_version"]: x for x in versions}
    for x in registry["versions"]:
        x["usage"] = undone.get(x["name"])
    running = w.model_version() if w.model_version else None
    base: dict[str, dict[str, float]] = {}
    if meta:
        base = {c: dict(t) for c, t in (meta.get("thresholds") or {}).items() if c in CATEGORIES}
    if not base:
        from moderation.policy import DEFAULT_THRESHOLDS

        base = {c: {"review": t.review, "delete": t.delete, "ban": t.ban} for c, t in DEFAULT_THRESHOLDS.items()}
    own = (meta or {}).get("metrics", {}).get("community_thresholds") or {}
    rows = []
    for c in w.communities_for(v):
        overrides = {cat: dict(t) for cat, t in own.get(f"{c.platform}:{c.group_id}", {}).items()}
        for cat, values in w.config.thresholds_for(c).items():
            overrides.setdefault(cat, {}).update(values)
        eff = {}
        for cat in CATEGORIES:
            values = dict(base.get(cat, {}))
            changed = set(overrides.get(cat, {}))
            values.update(overrides.get(cat, {}))
            eff[cat] = {"values": values, "changed": changed}
        rows.append({"community": c, "thresholds": eff})
    return await render(request, "model.html", meta=meta, model_dir=path, error=error, running=running, base=base,
                        rows=rows, categories=CATEGORIES, versions=versions, labels=labels,
                        ladder=w.config.ladder, registry=registry)
