"""Charts drawn from our own data as inline SVG: no chart library, no CDN, no script.

Every label that reaches the SVG (community names come from the config, day labels from us, but
treat them all as text) is escaped; colours come from CSS classes (``s0``…``s7``), so the CSP's
``style-src 'self'`` holds. Each bar and point carries a ``<title>`` tooltip with its figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

W, H = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 28


@dataclass(frozen=True)
class Series:
    """One series: its legend name, its CSS colour class index and a value per x label."""

    name: str
    values: Sequence[float]
    colour: int = 0


def nice_max(value: float) -> tuple[float, float]:
    """A round axis maximum ≥ value and its tick step (1, 2, 2.5, 5 × 10ⁿ)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        step = m * mag
        if step >= raw:
            break
    if step >= 1:
        step = float(math.ceil(step))
    return step * math.ceil(value / step), step


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}".replace(".", ",")


def _frame(labels: Sequence[str], top: float, step: float, title: str) -> list[str]:
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    out = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(title)}" '
           'xmlns="http://www.w3.org/2000/svg">', f"<title>{escape(title)}</title>"]
    ticks = int(round(top / step)) if step else 0
    for i in range(ticks + 1):
        v = step * i
        y = TOP + plot_h - plot_h * v / top
        out.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{_fmt(v)}</text>')
    n = max(1, len(labels))
    every = max(1, math.ceil(n / 10))
    for i, label in enumerate(labels):
        if i % every and i != n - 1:
            continue
        x = LEFT + plot_w * (i + 0.5) / n
        out.append(f'<text class="tick" x="{x:.1f}" y="{H - 8}" text-anchor="middle">{escape(label)}</text>')
    return out


def bars(labels: Sequence[str], series: Sequence[Series], *, title: str, stacked: bool = True) -> Markup:
    """Stacked (or grouped) bars, one group per label."""
    n = len(labels)
    if stacked:
        peak = max((sum(s.values[i] for s in series) for i in range(n)), default=0)
    else:
        peak = max((v for s in series for v in s.values), default=0)
    top, step = nice_max(float(peak))
    out = _frame(labels, top, step, title)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    slot = plot_w / max(1, n)
    bar_w = max(1.0, slot * 0.72)
    for i, label in enumerate(labels):
        x0 = LEFT + slot * i + (slot - bar_w) / 2
        base = 0.0
        for k, s in enumerate(series):
            v = float(s.values[i])
            if v <= 0:
                continue
            h = plot_h * v / top
            if stacked:
                y = TOP + plot_h - plot_h * base / top - h
                x, w = x0, bar_w
                base += v
            else:
                w = bar_w / max(1, len(series))
                x, y = x0 + w * k, TOP + plot_h - h
            out.append(f'<rect class="s{s.colour % 8}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}">'
                       f"<title>{escape(label)}: {escape(s.name)} — {_fmt(v)}</title></rect>")
    out.append("</svg>")
    return Markup("".join(out))


def lines(labels: Sequence[str], series: Sequence[Series], *, title: str) -> Markup:
    """One polyline per series with a dot (and tooltip) per point."""
    n = len(labels)
    peak = max((v for s in series for v in s.values), default=0)
    top, step = nice_max(float(peak))
    out = _frame(labels, top, step, title)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    for s in series:
        pts = []
        for i, v in enumerate(s.values):
            x = LEFT + plot_w * (i + 0.5) / max(1, n)
            y = TOP + plot_h - plot_h * float(v) / top
            pts.append((x, y, v, labels[i]))
        if pts:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in pts)
            out.append(f'<polyline class="line s{s.colour % 8}" points="{path}"/>')
            for x, y, v, label in pts:
                out.append(f'<circle class="dot s{s.colour % 8}" cx="{x:.1f}" cy="{y:.1f}" r="2.5">'
                           f"<title>{escape(label)}: {escape(s.name)} — {_fmt(float(v))}</title></circle>")
    out.append("</svg>")
    return Markup("".join(out))


__all__ = ["Series", "bars", "lines", "nice_max"]
