"""Server-rendered charts: SVG for pages and PDF, PNG for Word, always with a data table."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .document import Chart, Table  # noqa: E402

_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)
# GOV.UK blue: readable on white at WCAG AA contrast.
_BAR_COLOUR = "#1d70b8"


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
    figure = _figure(title, labels, values, value_label)
    try:
        svg = _render(figure, "svg").decode()
        png = _render(figure, "png")
    finally:
        pyplot.close(figure)
    table = Table(
        caption=f"{title}: the figures",
        header=(category_label, value_label),
        rows=tuple((label, _number(value)) for label, value in zip(labels, values, strict=True)),
        numeric=frozenset({1}),
    )
    description = alt or _describe(title, labels, values, value_label)
    return Chart(
        title=title, alt=description, svg=_PROLOGUE.sub("", svg, count=1), png=png, table=table
    )


def _figure(title: str, labels: Sequence[str], values: Sequence[float], value_label: str) -> Figure:
    height = max(1.6, 0.45 * len(labels) + 1.0)
    figure, axes = pyplot.subplots(figsize=(7, height), dpi=100)
    positions = list(range(len(labels)))
    axes.barh(positions, list(values), color=_BAR_COLOUR)
    axes.set_yticks(positions, labels=list(labels))
    axes.invert_yaxis()
    axes.set_xlabel(value_label)
    axes.set_title(title, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def _render(figure: Figure, fmt: str) -> bytes:
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
    figure, axes = pyplot.subplots(figsize=(7, 3), dpi=100)
    try:
        positions = list(range(len(labels)))
        axes.plot(positions, list(values), marker="o", color=_BAR_COLOUR, label=value_label)
        if mean is not None:
            axes.axhline(mean, color="#505a5f", linewidth=1, label="Mean")
        if limits is not None:
            for limit in limits:
                axes.axhline(limit, color="#505a5f", linewidth=1, linestyle="--")
        if target is not None:
            axes.axhline(target, color="#00703c", linewidth=1, linestyle=":", label="Target")
        axes.set_xticks(positions, labels=list(labels), rotation=45, ha="right")
        axes.set_ylabel(value_label)
        axes.set_title(title, loc="left")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="best", fontsize="small", frameon=False)
        figure.tight_layout()
        svg = _render(figure, "svg").decode()
        png = _render(figure, "png")
    finally:
        pyplot.close(figure)
    table = Table(
        caption=f"{title}: the figures",
        header=("Quarter", value_label),
        rows=tuple((label, _number(value)) for label, value in zip(labels, values, strict=True)),
        numeric=frozenset({1}),
    )
    description = alt or _describe_spc(title, labels, values, mean, limits, target)
    return Chart(
        title=title, alt=description, svg=_PROLOGUE.sub("", svg, count=1), png=png, table=table
    )


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
