"""Bar charts drawn locally as SVG, inline in the HTML report (no CDN, no script).

Only presentation attributes (``fill=``, ``stroke=``), never ``style=``: the moderators' workspace
shows the same charts under a Content-Security-Policy that forbids inline styles. Every label is
escaped (page names come from the config, category names from the registry — still escaped).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

__all__ = ["CATEGORY_COLOURS", "bar_chart", "colour_of"]

#: One colour per category in the registry's order, then a grey for the rest.
CATEGORY_COLOURS = ("#8c6d31", "#d62728", "#ff7f0e", "#9467bd", "#1f77b4", "#17becf", "#e377c2", "#7f7f7f")
OK_COLOUR, SHORT_COLOUR, UNKNOWN_COLOUR, LINE_COLOUR = "#2ca02c", "#d62728", "#c7c7c7", "#333333"


def colour_of(index: int) -> str:
    return CATEGORY_COLOURS[min(index, len(CATEGORY_COLOURS) - 1)]


def _a(value: object) -> str:
    return escape(str(value), quote=True)


def _nice_max(value: float) -> tuple[float, float]:
    """An axis top ≥ value and a tick step: 1, 2 or 5 times a power of ten, about 4–6 ticks."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)
    return math.ceil(value / step) * step, step


def bar_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], *,
              stacked: bool = True, line: float | None = None, line_label: str = "",
              bar_colours: Sequence[str] | None = None, height: int = 260) -> str:
    """An SVG bar chart: one bar per label, ``series`` (name, values, colour) stacked (or side by
    side); ``line`` draws a dashed reference line (the clause-15 minimum) labelled ``line_label``;
    ``bar_colours`` colours a single series bar by bar (weeks under the line in red)."""
    n = max(1, len(labels))
    left, right, top, bottom = 44, 12, 34, 58
    slot = max(18, min(56, 640 // n))
    width = left + right + slot * n
    plot_h = height - top - bottom
    totals = [sum(s[1][i] for s in series) if stacked else max((s[1][i] for s in series), default=0)
              for i in range(len(labels))]
    # headroom above the tallest bar (its value label) and above the reference line (its label)
    top_value, step = _nice_max(max([*(t * 1.12 for t in totals), (line + 0.8) if line else 0, 0]))
    scale = plot_h / top_value

    def y(v: float) -> float:
        return top + plot_h - v * scale

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{_a(title)}">', f"<title>{_a(title)}</title>",
           f'<text x="{left}" y="16" font-size="13" font-weight="bold" fill="#222">{_a(title)}</text>']
    tick = 0.0
    while tick <= top_value + 1e-9:
        yy = y(tick)
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" font-size="10" text-anchor="end" fill="#555">'
                   f"{int(tick)}</text>")
        tick += step
    bar_w = slot * (0.7 if stacked or len(series) == 1 else 0.8 / len(series))
    for i, label in enumerate(labels):
        x0 = left + i * slot + (slot - (bar_w if stacked else bar_w * len(series))) / 2
        base = 0.0
        for j, (name, values, colour) in enumerate(series):
            v = float(values[i])
            fill = bar_colours[i] if bar_colours is not None and len(series) == 1 else colour
            if v > 0:
                x = x0 if stacked else x0 + j * bar_w
                y_top, y_bottom = (y(base + v), y(base)) if stacked else (y(v), y(0))
                out.append(f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{bar_w:.1f}" height="{y_bottom - y_top:.1f}" '
                           f'fill="{_a(fill)}"><title>{_a(label)}: {_a(name)} — {_fmt(v)}</title></rect>')
            if stacked:
                base += v
        if stacked and totals[i] > 0:
            out.append(f'<text x="{x0 + bar_w / 2:.1f}" y="{y(totals[i]) - 3:.1f}" font-size="9" text-anchor="middle" '
                       f'fill="#333">{_fmt(totals[i])}</text>')
        cx = left + i * slot + slot / 2
        out.append(f'<text x="{cx:.1f}" y="{top + plot_h + 12}" font-size="9" text-anchor="end" fill="#333" '
                   f'transform="rotate(-45 {cx:.1f} {top + plot_h + 12})">{_a(label)}</text>')
    out.append(f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#999"/>')
    if line is not None:
        out.append(f'<line x1="{left}" y1="{y(line):.1f}" x2="{width - right}" y2="{y(line):.1f}" '
                   f'stroke="{LINE_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3"/>')
        if line_label:
            out.append(f'<text x="{width - right}" y="{y(line) - 4:.1f}" font-size="10" text-anchor="end" '
                       f'fill="{LINE_COLOUR}">{_a(line_label)}</text>')
    legend_x = left
    for name, _, colour in series if len(series) > 1 else []:
        out.append(f'<rect x="{legend_x}" y="22" width="9" height="9" fill="{_a(colour)}"/>')
        out.append(f'<text x="{legend_x + 12}" y="30" font-size="10" fill="#333">{_a(name)}</text>')
        legend_x += 18 + 6 * len(name)
    out.append("</svg>")
    return "".join(out)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"
