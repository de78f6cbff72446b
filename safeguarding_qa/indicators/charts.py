"""Server-rendered SVG charts: sparklines and XmR charts. Pages always show the data
table beside them, so the SVG is a picture of figures that are also readable as text."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .spc import HIGH, XmR

_GREY, _BLUE, _ORANGE, _PURPLE, _BLACK = "#505a5f", "#1d70b8", "#f47738", "#4c2c92", "#0b0c0c"


def _scale(low: float, high: float, size: float, pad: float) -> tuple[float, float]:
    span = high - low or 1.0
    return low, (size - 2 * pad) / span


def _fmt(number: float) -> str:
    return f"{number:.1f}"


def sparkline(values: list[float], *, label: str, width: int = 120, height: int = 32) -> SafeString:
    """A small line of the recent values; empty when there are fewer than two."""
    if len(values) < 2:
        return mark_safe("")  # noqa: S308  (constant)
    low, factor = _scale(min(values), max(values), height, 4)
    step = (width - 8) / (len(values) - 1)
    points = [(4 + i * step, height - 4 - (v - low) * factor) for i, v in enumerate(values)]
    path = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)
    last_x, last_y = points[-1]
    svg = (
        f'<svg class="sqa-sparkline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}" focusable="false">'
        f'<polyline fill="none" stroke="{_BLUE}" stroke-width="2" points="{path}"/>'
        f'<circle cx="{_fmt(last_x)}" cy="{_fmt(last_y)}" r="3" fill="{_BLACK}"/></svg>'
    )
    return mark_safe(svg)  # noqa: S308  (numbers and an escaped label only)


def xmr_chart(
    chart: XmR,
    labels: list[str],
    *,
    title: str,
    target: float | None,
    better: str | None,
    width: int = 720,
    height: int = 320,
) -> SafeString:
    """An XmR chart: points, mean, process limits, target; special-cause points are larger
    and coloured (blue improvement, orange concern, purple neither)."""
    left, right, top, bottom = 60, 20, 20, 60
    values = [p.value for p in chart.points]
    candidates = (
        values + [chart.upper_limit, chart.lower_limit] + ([target] if target is not None else [])
    )
    low, high = min(candidates), max(candidates)
    margin = (high - low) * 0.05 or 1.0
    low, high = low - margin, high + margin
    plot_h = height - top - bottom
    factor = plot_h / (high - low)
    step = (width - left - right) / max(len(values) - 1, 1)

    def y(v: float) -> float:
        return top + (high - v) * factor

    def x(i: int) -> float:
        return left + i * step

    parts = [
        f'<svg class="sqa-chart" width="100%" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" focusable="false">',
        f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{plot_h}" '
        'fill="#ffffff" stroke="#b1b4b6"/>',
    ]
    for i in range(5):
        tick = low + (high - low) * i / 4
        parts.append(
            f'<text x="{left - 6}" y="{_fmt(y(tick) + 4)}" font-size="11" text-anchor="end" '
            f'fill="{_BLACK}">{_fmt(tick)}</text>'
        )
    lines = [
        (chart.mean, _BLACK, "", "Mean"),
        (chart.upper_limit, _GREY, ' stroke-dasharray="6 4"', "Upper process limit"),
        (chart.lower_limit, _GREY, ' stroke-dasharray="6 4"', "Lower process limit"),
    ]
    if target is not None:
        lines.append((target, "#d4351c", ' stroke-dasharray="2 3"', "Target"))
    for value, colour, dash, name in lines:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_fmt(y(value))}" y2="{_fmt(y(value))}" '
            f'stroke="{colour}" stroke-width="1.5"{dash}><desc>{name}</desc></line>'
        )
    path = " ".join(f"{_fmt(x(i))},{_fmt(y(v))}" for i, v in enumerate(values))
    parts.append(f'<polyline fill="none" stroke="{_GREY}" stroke-width="1.5" points="{path}"/>')
    for i, point in enumerate(chart.points):
        colour, radius = _GREY, 3.5
        if point.special:
            radius = 6
            colour = _PURPLE if better is None else _BLUE if point.direction == better else _ORANGE
        parts.append(
            f'<circle cx="{_fmt(x(i))}" cy="{_fmt(y(point.value))}" r="{radius}" fill="{colour}"/>'
        )
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            parts.append(
                f'<text x="{_fmt(x(i))}" y="{height - bottom + 16}" font-size="11" '
                'text-anchor="middle" '
                f'fill="{_BLACK}">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (numbers and escaped labels only)


def better_direction(polarity: str) -> str | None:
    """Which SPC direction is an improvement for this polarity."""
    return {"higher": HIGH, "lower": "low"}.get(polarity)
