"""Children's social care indicators computed from a snapshot, per quarter (reference §5).

Each measure is ``(numerator, denominator)``; the integrator writes them into the
dashboard's values as a computed source. Working days follow the DfE convention
(``workingdays``); rates per 10,000 need the snapshot's child population.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .codes import CATEGORY_CODES
from .lazy import LazyModule
from .workingdays import working_days_array

if TYPE_CHECKING:
    import numpy as np
    import polars as pl
else:
    np = LazyModule("numpy")
    pl = LazyModule("polars")

Measure = tuple[int, int]

# What each indicator measures (numerator / denominator), keyed by the dashboard
# catalogue's codes (``safeguarding_qa.indicators.catalogue``): this is the one mapping
# between case data and the dashboard. Codes in ``SNAPSHOT_ONLY`` (none today) would have
# no dashboard indicator and be shown on the snapshot page only.
INDICATORS: dict[str, str] = {
    "RE_REFERRAL": "Referrals in the quarter with a previous referral of the same "
    "child in the 12 months before / referrals in the quarter",
    "ASSESSMENT_45WD": "Assessments authorised in the quarter within 45 working days / "
    "assessments authorised in the quarter",
    "ICPC_15WD": "ICPCs in the quarter held within 15 working days of the strategy "
    "discussion / ICPCs in the quarter",
    "CPP_2_YEARS": "Plans ending in the quarter that lasted 2 years or more / plans ending",
    "CPP_REPEAT": "Plans starting in the quarter that are a second or subsequent plan / "
    "plans starting",
    **{
        f"CPP_CATEGORY_{code}": f"Plans open at quarter end, latest category {code} / plans open"
        for code in sorted(CATEGORY_CODES)
    },
    "CLA_3_PLACEMENTS": "Children looked after at quarter end with 3 or more placements "
    "in the last 12 months / children looked after",
    # Rates: the denominator is the child population; the rate is 10,000 × num ÷ den.
    "CPP_RATE": "Children on a plan at quarter end / child population (per 10,000)",
    "CLA_RATE": "Children looked after at quarter end / child population (per 10,000)",
    "CIN_RATE": "Children in need at quarter end / child population (per 10,000)",
}
# Rates per 10,000: the numerator is a count of children; the dashboard applies its own
# recorded child population, the snapshot page the population given at import (if any).
RATES = frozenset({"CPP_RATE", "CLA_RATE", "CIN_RATE"})
SNAPSHOT_ONLY: frozenset[str] = frozenset()
DASHBOARD_CODES = frozenset(INDICATORS) - SNAPSHOT_ONLY


@dataclass(frozen=True)
class Quarter:
    start: date
    end: date

    @property
    def label(self) -> str:
        """Financial-year quarters, e.g. ``2024-25 Q3``."""
        year = self.start.year if self.start.month >= 4 else self.start.year - 1
        number = ((self.start.month - 4) % 12) // 3 + 1
        return f"{year}-{str(year + 1)[2:]} Q{number}"


def quarter_of(day: date) -> Quarter:
    first_month = ((day.month - 1) // 3) * 3 + 1
    start = date(day.year, first_month, 1)
    next_start = date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return Quarter(start, next_start - timedelta(days=1))


def quarters_covered(as_at: date, count: int = 2) -> list[Quarter]:
    """The quarters a snapshot describes: the one holding its as-at date and the one before
    (Annex A covers six months); the latest quarter may be partial."""
    quarters = [quarter_of(as_at)]
    while len(quarters) < count:
        quarters.insert(0, quarter_of(quarters[0].start - timedelta(days=1)))
    return quarters


def _open_at(frame: pl.DataFrame, day: date) -> pl.DataFrame:
    return frame.filter(
        (pl.col("started_on") <= day) & (pl.col("ended_on").is_null() | (pl.col("ended_on") > day))
    )


def _within(frame: pl.DataFrame, column: str, quarter: Quarter) -> pl.DataFrame:
    return frame.filter(pl.col(column).is_between(quarter.start, quarter.end))


def _wd(frame: pl.DataFrame, start: str, end: str) -> np.ndarray:
    starts = frame[start].to_numpy().astype("datetime64[D]")
    ends = frame[end].to_numpy().astype("datetime64[D]")
    return working_days_array(starts, ends)


def _rereferrals(referrals: pl.DataFrame, quarter: Quarter) -> Measure:
    current = _within(referrals, "started_on", quarter)
    if current.is_empty():
        return (0, 0)
    history = referrals.select(pl.col("child_key"), pl.col("started_on").alias("before"))
    joined = (
        current.with_row_index("row")
        .join(history, on="child_key")
        .filter(
            (pl.col("before") < pl.col("started_on"))
            & (pl.col("before") >= pl.col("started_on") - pl.duration(days=365))
        )
    )
    recomputed = set(joined["row"].to_list())
    stated = current.with_row_index("row").filter(pl.col("count").fill_null(0) > 0)["row"]
    repeated = recomputed | set(stated.to_list())
    return (len(repeated), current.height)


def compute_quarter(
    events: pl.DataFrame, quarter: Quarter, population: int | None
) -> dict[str, Measure]:
    """Every indicator for one quarter from one snapshot's events."""
    kind = pl.col("kind")
    result: dict[str, Measure] = {}
    result["RE_REFERRAL"] = _rereferrals(events.filter(kind == "referral"), quarter)
    assessed = _within(
        events.filter(kind == "assessment").drop_nulls("started_on"), "ended_on", quarter
    )
    within = int((_wd(assessed, "started_on", "ended_on") <= 45).sum()) if assessed.height else 0
    result["ASSESSMENT_45WD"] = (within, assessed.height)
    conferences = _within(
        events.filter(kind == "enquiry").drop_nulls("started_on"), "event_on", quarter
    )
    timely = (
        int((_wd(conferences, "started_on", "event_on") <= 15).sum()) if conferences.height else 0
    )
    result["ICPC_15WD"] = (timely, conferences.height)
    plans = events.filter(kind == "protection_plan").drop_nulls("started_on")
    ended = _within(plans, "ended_on", quarter)
    long_plans = ended.filter(pl.col("ended_on") >= pl.col("started_on").dt.offset_by("2y")).height
    result["CPP_2_YEARS"] = (long_plans, ended.height)
    started = _within(plans, "started_on", quarter)
    result["CPP_REPEAT"] = (
        started.filter(pl.col("count").fill_null(0) >= 1).height,
        started.height,
    )
    open_plans = _open_at(plans, quarter.end)
    latest = open_plans.select(
        pl.when(pl.col("detail_code") != "").then(pl.col("detail_code")).otherwise(pl.col("code"))
    ).to_series()
    for code in sorted(CATEGORY_CODES):
        result[f"CPP_CATEGORY_{code}"] = (
            int((latest == code).sum()),
            open_plans.height,
        )
    care = _open_at(events.filter(kind == "care_period").drop_nulls("started_on"), quarter.end)
    result["CLA_3_PLACEMENTS"] = (
        care.filter(pl.col("count").fill_null(0) >= 3).height,
        care.height,
    )
    # Rates: the count of children, over the population when one was given (else 0).
    cin = _open_at(events.filter(kind == "cin_episode").drop_nulls("started_on"), quarter.end)
    result["CPP_RATE"] = (open_plans["child_key"].n_unique(), population or 0)
    result["CLA_RATE"] = (care["child_key"].n_unique(), population or 0)
    result["CIN_RATE"] = (cin["child_key"].n_unique(), population or 0)
    return result
