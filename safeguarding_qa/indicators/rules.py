"""Named domain rules for the performance dashboard: periods, values and RAG ratings."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from safeguarding_qa.core.choices import RAG

from .choices import Polarity, Unit

FOUR_PLACES = Decimal("0.0001")
DEADLINE_DAYS_AFTER_QUARTER = 30


def financial_year_of(day: date) -> int:
    """The financial year (April-March) a day falls in, by its first calendar year."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(year: int) -> str:
    """2025 -> "2025-26"."""
    return f"{year}-{(year + 1) % 100:02d}"


def quarter_start(day: date) -> date:
    """The first day of the financial-year quarter holding ``day`` (Q1 starts in April)."""
    month = ((day.month - 4) % 12) // 3 * 3 + 4
    month = month if month <= 12 else month - 12
    year = day.year if month <= day.month else day.year - 1
    return date(year, month, 1)


def quarter_number(start: date) -> int:
    """Q1 is April-June, Q4 is January-March."""
    return ((start.month - 4) % 12) // 3 + 1


def quarter_end(start: date) -> date:
    month = start.month + 3
    year = start.year + (1 if month > 12 else 0)
    month = month - 12 if month > 12 else month
    return date(year, month, 1) - timedelta(days=1)


def period_label(start: date) -> str:
    """A quarter as partnerships write it: "2025-26 Q2"."""
    return f"{financial_year_label(financial_year_of(start))} Q{quarter_number(start)}"


def parse_period_label(label: str) -> date | None:
    """ "2025-26 Q2" -> date(2025, 7, 1); None when the label is not a quarter."""
    text = " ".join(label.split()).upper()
    try:
        years, quarter = text.split(" ")
        first, second = years.split("-")
        year, number = int(first), int(quarter.removeprefix("Q"))
    except ValueError:
        return None
    if len(first) != 4 or f"{(year + 1) % 100:02d}" != second or not 1 <= number <= 4:
        return None
    month = 4 + (number - 1) * 3
    return date(year + (1 if month > 12 else 0), month - 12 if month > 12 else month, 1)


def default_deadline(start: date, *, monthly: bool = False) -> date:
    """Returns are due a month after the quarter (or the month) ends."""
    end = month_end(start) if monthly else quarter_end(start)
    return end + timedelta(days=DEADLINE_DAYS_AFTER_QUARTER)


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_end(start: date) -> date:
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - timedelta(days=1)


def months_before(start: date, count: int) -> date:
    """The first day of the month ``count`` months before ``start``'s month."""
    index = start.year * 12 + start.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def quarter_months(start: date) -> list[date]:
    """The first days of the three months of the quarter starting on ``start``."""
    return [months_before(start, -offset) for offset in range(3)]


def month_label(start: date) -> str:
    """A month as people write it: "October 2025"."""
    return f"{MONTH_NAMES[start.month - 1]} {start.year}"


def parse_month_label(label: str) -> date | None:
    """ "October 2025" (any case) -> date(2025, 10, 1); None when the label is not a month."""
    parts = label.split()
    if len(parts) != 2 or not parts[1].isdigit() or len(parts[1]) != 4:
        return None
    names = [name.lower() for name in MONTH_NAMES]
    if parts[0].lower() not in names:
        return None
    return date(int(parts[1]), names.index(parts[0].lower()) + 1, 1)


def compute_value(
    *,
    unit: str,
    numerator: Decimal | None,
    denominator: Decimal | None,
    value: Decimal | None,
    population: int | None,
) -> Decimal:
    """An indicator's value from what was entered.

    Percentages are numerator / denominator x 100 (the numerator may not exceed the
    denominator); rates per 10,000 are numerator / child population x 10,000; counts and
    days are entered as values. Raises ``ValueError`` with a message a person can act on.
    """
    if unit == Unit.PERCENTAGE:
        result = _percentage(numerator, denominator)
    elif unit == Unit.RATE_10K:
        result = _rate(numerator, population)
    else:
        if value is None:
            raise ValueError("Enter a value.")
        if value < 0:
            raise ValueError("The value cannot be negative.")
        result = value
    return result.quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)


def _percentage(numerator: Decimal | None, denominator: Decimal | None) -> Decimal:
    if numerator is None or denominator is None:
        raise ValueError("Enter both the numerator and the denominator.")
    if denominator <= 0:
        raise ValueError("The denominator must be more than 0.")
    if numerator < 0:
        raise ValueError("The numerator cannot be negative.")
    if numerator > denominator:
        raise ValueError("The numerator cannot be more than the denominator (over 100%).")
    return numerator / denominator * 100


def _rate(numerator: Decimal | None, population: int | None) -> Decimal:
    if numerator is None:
        raise ValueError("Enter the numerator (the count of events).")
    if numerator < 0:
        raise ValueError("The numerator cannot be negative.")
    if not population:
        raise ValueError("The child population for this year is not recorded yet.")
    return numerator / Decimal(population) * 10000


def rag_rating(
    *, value: Decimal | None, target: Decimal | None, tolerance: Decimal, polarity: str
) -> RAG | None:
    """Green when the target is met; amber within the tolerance of it; red beyond.

    There is no rating without a value, without a target, or when neither direction is
    better."""
    if value is None or target is None or polarity == Polarity.NEITHER:
        return None
    gap = value - target if polarity == Polarity.HIGHER_IS_BETTER else target - value
    if gap >= 0:
        return RAG.GREEN
    if -gap <= tolerance:
        return RAG.AMBER
    return RAG.RED


def is_deteriorating(*, latest: Decimal | None, previous: Decimal | None, polarity: str) -> bool:
    """Worse than the quarter before, in the indicator's better direction."""
    if latest is None or previous is None or polarity == Polarity.NEITHER:
        return False
    if polarity == Polarity.HIGHER_IS_BETTER:
        return latest < previous
    return latest > previous
