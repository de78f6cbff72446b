"""What every provider shares: a read-only partnership-wide access and number formats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Capability, Reach


def report_access() -> Access:
    """Read-only, partnership-wide sight used to assemble partnership reports.

    Reports are documents of the whole partnership (their readers are checked by the
    reports policy); providers read other apps' selectors through this access, which
    holds only the capabilities to view, never to change anything."""
    return Access(
        user=None,
        role=None,
        organisation_id=None,
        capabilities=frozenset(
            {
                Capability.DASHBOARD_VIEW,
                Capability.REGISTER_VIEW,
                Capability.AUDITS_VIEW,
            }
        ),
        reach=Reach.PARTNERSHIP,
    )


def figure(value: Decimal | float | None, unit: str) -> str:
    """85.3%, 519.2, 1,234, 14.5 days; an en dash when there is no figure."""
    if value is None:
        return "–"
    number = float(value)
    if unit == "percentage":
        return f"{number:,.1f}%"
    if unit == "count":
        return f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
    if unit == "days":
        return f"{number:,.1f} days"
    return f"{number:,.1f}"


def change(value: Decimal | float | None, unit: str) -> str:
    """A signed change: +2.1 points for percentages."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    if unit == "percentage":
        return f"{sign}{float(value):,.1f} points"
    return f"{sign}{figure(value, unit if unit != 'percentage' else 'rate')}"


def day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "–"


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
