"""Server-rendered charts: SVG for pages and PDF, PNG for Word, always with a data table.

Bar charts are written as SVG directly (a few rectangles and labels: milliseconds, where
matplotlib takes a few hundred). matplotlib draws the SPC line charts and the PNG
pictures Word needs; it is imported only then, never at Django's start-up (it costs about
a second and loads fonts), and a chart's PNG is drawn only when a Word file asks for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from .document import Chart, Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)
# GOV.UK blue: readable on white at WCAG AA contrast.
_BAR_COLOUR = "#1d70b8"
_TEXT_COLOUR = "#0b0c0c"
_AXIS_COLOUR = "#505a5f"
# Layout of the hand-written bar chart, in SVG user units (pixels at 100%).
_WIDTH = 700
_ROW = 30
_CHAR = 7.2  # average width of a 13px Arial character, to size the label column


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    value_label: str,
    category_label: str,
    alt: str = "",
) -> Chart:
    """A horizontal bar chart of ``values`` by ``labels`` with its data table."""
    labels, values = list(labels), list(values)
    table = Table(
        caption=f"{title}: the figures",
        header=(category_label, value_label),
        rows=tuple((label, _number(value)) for label, value in zip(labels, values, strict=True)),
        numeric=frozenset({1}),
    )
    return Chart(
        title=title,
        alt=alt or _describe(title, labels, values, value_label),
        svg=_bar_svg(title, labels, values, value_label),
        draw_png=lambda: _bar_png(title, labels, values, value_label),
        table=table,
    )


def _bar_svg(title: str, labels: list[str], values: list[float], value_label: str) -> str:
    """The bar chart as a small, self-contained SVG (no scripts, no external references).

    Deliberately sparse: each bar is labelled with its value, the figure's caption gives
    the title and the data table follows it, so there is no drawn title, axis or grid.
    Every text node costs layout time in the PDF renderer.
    """
    label_width = min(280, max((len(label) for label in labels), default=4) * _CHAR + 16)
    plot_left, plot_right = label_width, _WIDTH - 50
    highest = max(values, default=0) or 1
    scale = (plot_right - plot_left) / highest
    height = _ROW * max(len(labels), 1) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" font-family="Arial, Helvetica, sans-serif" '
        f'font-size="13" fill="{_TEXT_COLOUR}">',
        f"<title>{escape(title)}: {escape(value_label)}</title>",
    ]
    for row, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 4 + row * _ROW
        width = max(0.0, value * scale)
        parts.append(
            f'<text x="{plot_left - 8:.1f}" y="{y + 19}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{plot_left:.1f}" y="{y + 5}" width="{width:.1f}" height="{_ROW - 10}" '
            f'fill="{_BAR_COLOUR}"/>'
            f'<text x="{plot_left + width + 5:.1f}" y="{y + 19}">{_number(value)}</text>'
        )
    parts.append(
        f'<line x1="{plot_left:.1f}" y1="4" x2="{plot_left:.1f}" y2="{height - 4}" '
        f'stroke="{_AXIS_COLOUR}" stroke-width="1"/></svg>'
    )
    return "".join(parts)


def _pyplot() -> Any:
    """matplotlib's pyplot on the non-interactive Agg backend (no display on servers)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return pyplot


def _bar_png(title: str, labels: list[str], values: list[float], value_label: str) -> bytes:
    """The same bar chart drawn by matplotlib as a PNG, for Word."""
    pyplot = _pyplot()
    height = max(1.6, 0.45 * len(labels) + 1.0)
    figure, axes = pyplot.subplots(figsize=(7, height), dpi=100)
    try:
        positions = list(range(len(labels)))
        axes.barh(positions, values, color=_BAR_COLOUR)
        axes.set_yticks(positions, labels=labels)
        axes.invert_yaxis()
        axes.set_xlabel(value_label)
        axes.set_title(title, loc="left")
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        return _render(figure, "png")
    finally:
        pyplot.close(figure)


def _render(figure: Figure, fmt: str) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "safeguarding-qa"}):
        figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:g}"


def _describe(title: str, labels: Sequence[str], values: Sequence[float], value_label: str) -> str:
    if not labels:
        return f"{title}: no data."
    pairs = "; ".join(
        f"{label}: {_number(value)}" for label, value in zip(labels, values, strict=True)
    )
    return f"Bar chart, {title}. {value_label} by category. {pairs}."


def spc_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    value_label: str,
    mean: float | None = None,
    limits: tuple[float, float] | None = None,
    target: float | None = None,
    alt: str = "",
) -> Chart:
    """A run or XmR (statistical process control) chart: the values by period with the
    mean, the process limits and the target as lines, and its data table."""
    spec = (title, list(labels), list(values), value_label, mean, limits, target)
    svg = _spc_render(*spec, fmt="svg").decode()
    table = Table(
        caption=f"{title}: the figures",
        header=("Quarter", value_label),
        rows=tuple((label, _number(value)) for label, value in zip(labels, values, strict=True)),
        numeric=frozenset({1}),
    )
    description = alt or _describe_spc(title, labels, values, mean, limits, target)
    return Chart(
        title=title,
        alt=description,
        svg=_PROLOGUE.sub("", svg, count=1),
        draw_png=lambda: _spc_render(*spec, fmt="png"),
        table=table,
    )


def _spc_render(
    title: str,
    labels: list[str],
    values: list[float],
    value_label: str,
    mean: float | None,
    limits: tuple[float, float] | None,
    target: float | None,
    *,
    fmt: str,
) -> bytes:
    pyplot = _pyplot()
    figure, axes = pyplot.subplots(figsize=(7, 3), dpi=100)
    try:
        positions = list(range(len(labels)))
        axes.plot(positions, values, marker="o", color=_BAR_COLOUR, label=value_label)
        if mean is not None:
            axes.axhline(mean, color=_AXIS_COLOUR, linewidth=1, label="Mean")
        if limits is not None:
            for limit in limits:
                axes.axhline(limit, color=_AXIS_COLOUR, linewidth=1, linestyle="--")
        if target is not None:
            axes.axhline(target, color="#00703c", linewidth=1, linestyle=":", label="Target")
        axes.set_xticks(positions, labels=labels, rotation=45, ha="right")
        axes.set_ylabel(value_label)
        axes.set_title(title, loc="left")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="best", fontsize="small", frameon=False)
        figure.tight_layout()
        return _render(figure, fmt)
    finally:
        pyplot.close(figure)


def _describe_spc(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    mean: float | None,
    limits: tuple[float, float] | None,
    target: float | None,
) -> str:
    if not labels:
        return f"{title}: no data."
    parts = [f"Line chart, {title}, {len(labels)} quarters from {labels[0]} to {labels[-1]}."]
    parts.append(f"Latest value {_number(round(values[-1], 2))}.")
    if mean is not None:
        parts.append(f"Mean {_number(round(mean, 2))}.")
    if limits is not None:
        low, high = sorted(limits)
        parts.append(f"Process limits {_number(round(low, 2))} to {_number(round(high, 2))}.")
    if target is not None:
        parts.append(f"Target {_number(round(target, 2))}.")
    return " ".join(parts)
