"""Working days in England and Wales, counted the DfE way.

The DfE counts both the start and the end date (``england_working_days(n)`` is an offset of
n − 1), so an assessment started and authorised on the same working day took one working
day. Bank holidays come from the ``holidays`` package (offline).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .lazy import LazyModule

if TYPE_CHECKING:
    import numpy as np
else:
    np = LazyModule("numpy")


@lru_cache(maxsize=1)
def bank_holidays() -> np.ndarray:
    """England and Wales bank holidays, 2000 to 2040, as numpy dates."""
    import holidays

    days = holidays.country_holidays("GB", subdiv="ENG", years=range(2000, 2041))
    return np.array(sorted(days.keys()), dtype="datetime64[D]")


def working_days_inclusive(start: date, end: date) -> int:
    """Working days from ``start`` to ``end``, both counted; 0 when end is before start."""
    if end < start:
        return 0
    return int(np.busday_count(start, end + timedelta(days=1), holidays=bank_holidays()))


def working_days_array(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``working_days_inclusive`` for arrays of ``datetime64[D]`` (no missing values)."""
    counts = np.busday_count(starts, ends + np.timedelta64(1, "D"), holidays=bank_holidays())
    return np.where(ends < starts, 0, counts)


def within_working_days(start: date, end: date, limit: int) -> bool:
    """Whether ``end`` falls within ``limit`` working days of ``start`` (DfE counting)."""
    return working_days_inclusive(start, end) <= limit
