"""Working days in England and Wales, and the statutory timescales (configurable).

Bank holidays come from the ``holidays`` package (offline). Timescales default to current
statutory guidance (Working Together to Safeguard Children) and can be changed with the
``PRACTICE_REVIEW_TIMESCALES`` setting, a dict overriding any of ``DEFAULT_TIMESCALES``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings

DEFAULT_TIMESCALES: dict[str, int] = {
    # Notify the national panel within 5 working days of becoming aware.
    "notification_working_days": 5,
    # Complete the rapid review and send it to the panel within 15 working days.
    "rapid_review_working_days": 15,
    # Complete (publish) a local review within 6 months of deciding to hold one.
    "lcspr_months": 6,
    # Default deadline for agencies' information returns for a rapid review.
    "information_return_working_days": 7,
    # A deadline this many working days away or fewer is amber.
    "amber_working_days": 2,
}


def timescales() -> dict[str, int]:
    overrides: dict[str, Any] = getattr(settings, "PRACTICE_REVIEW_TIMESCALES", {}) or {}
    return {**DEFAULT_TIMESCALES, **{k: int(v) for k, v in overrides.items()}}


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    # Imported here: the package takes tens of milliseconds to load, which every command's
    # start-up would otherwise pay.
    import holidays

    return frozenset(holidays.UK(subdiv="ENG", years=year).keys())


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The date ``count`` working days after ``start`` (``start`` itself is day 0)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_months(start: date, months: int) -> date:
    return start + relativedelta(months=months)
