"""Formatting figures the same way on every dashboard page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


def _plain(value: Decimal | float, places: int) -> str:
    return f"{float(value):,.{places}f}"


@register.filter
def figure(value: Any, unit: str) -> str:
    """85.3%, 519.2, 1,234, 14.5 days; an en dash when there is no figure."""
    if value is None or value == "":
        return "–"
    if unit == "percentage":
        return f"{_plain(value, 1)}%"
    if unit == "count":
        return _plain(value, 0) if float(value) == int(float(value)) else _plain(value, 1)
    if unit == "days":
        return f"{_plain(value, 1)} days"
    return _plain(value, 1)


@register.filter
def change(value: Any, unit: str) -> str:
    """A signed change: +2.1 points for percentages, +12 for counts."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    if unit == "percentage":
        return f"{sign}{_plain(value, 1)} points"
    return f"{sign}{figure(value, unit if unit != 'percentage' else 'rate')}"
