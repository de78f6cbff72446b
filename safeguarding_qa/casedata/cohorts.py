"""Named cohort rules for the usual audit themes, as code (reference §6).

Each rule takes a snapshot's events and its as-at date R and returns the hashed keys of
the children in the cohort.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .indicators import _open_at, _wd
from .lazy import LazyModule

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")


DOMESTIC_ABUSE = ("3A", "3B", "3C")
PARENTAL_MENTAL_HEALTH = ("4B",)


@dataclass(frozen=True)
class Cohort:
    code: str
    name: str
    rule: str
    select: Callable[[pl.DataFrame, date], set[str]]


def _keys(frame: pl.DataFrame) -> set[str]:
    return set(frame["child_key"].to_list())


def _kind(events: pl.DataFrame, kind: str) -> pl.DataFrame:
    return events.filter(pl.col("kind") == kind).drop_nulls("started_on")


def cp_neglect(events: pl.DataFrame, as_at: date) -> set[str]:
    plans = _open_at(_kind(events, "protection_plan"), as_at)
    latest = (
        pl.when(pl.col("detail_code") != "").then(pl.col("detail_code")).otherwise(pl.col("code"))
    )
    return _keys(plans.filter(latest == "NEG"))


def open_three_years(events: pl.DataFrame, as_at: date) -> set[str]:
    cutoff = (
        as_at.replace(year=as_at.year - 3)
        if not (as_at.month == 2 and as_at.day == 29)
        else date(as_at.year - 3, 2, 28)
    )
    open_cases = pl.concat(
        [
            _open_at(_kind(events, "cin_episode"), as_at),
            _open_at(_kind(events, "care_period"), as_at),
        ]
    )
    return _keys(open_cases.filter(pl.col("started_on") <= cutoff))


def second_plan(events: pl.DataFrame, as_at: date) -> set[str]:
    plans = _open_at(_kind(events, "protection_plan"), as_at)
    return _keys(plans.filter(pl.col("count").fill_null(0) >= 1))


def repeat_referrals(events: pl.DataFrame, as_at: date) -> set[str]:
    referrals = _kind(events, "referral").filter(pl.col("started_on") <= as_at)
    stated = _keys(referrals.filter(pl.col("count").fill_null(0) >= 2))
    recent = referrals.filter(pl.col("started_on") > pl.lit(as_at) - pl.duration(days=365))
    counted = recent.group_by("child_key").len().filter(pl.col("len") >= 3)
    return stated | _keys(counted)


def enquiry_no_or_late_conference(events: pl.DataFrame, as_at: date) -> set[str]:
    enquiries = _kind(events, "enquiry").filter(pl.col("started_on") <= as_at)
    none_held = enquiries.filter(pl.col("event_on").is_null())
    held = enquiries.drop_nulls("event_on")
    late = held.filter(pl.Series(_wd(held, "started_on", "event_on") > 15)) if held.height else held
    return _keys(none_held) | _keys(late)


def looked_after_three_placements(events: pl.DataFrame, as_at: date) -> set[str]:
    care = _open_at(_kind(events, "care_period"), as_at)
    return _keys(care.filter(pl.col("count").fill_null(0) >= 3))


def abuse_or_mental_health(events: pl.DataFrame, as_at: date) -> set[str]:
    assessments = _kind(events, "assessment").filter(pl.col("started_on") <= as_at)
    codes = assessments["factors"].str.split(",")
    wanted = set(DOMESTIC_ABUSE + PARENTAL_MENTAL_HEALTH)
    mask = [bool(wanted.intersection(factors)) for factors in codes.to_list()]
    return _keys(assessments.filter(pl.Series(mask, dtype=pl.Boolean)))


COHORTS: dict[str, Cohort] = {
    cohort.code: cohort
    for cohort in (
        Cohort(
            "cp_neglect",
            "Child protection plan for neglect",
            "On a plan at the as-at date whose latest category of abuse is neglect.",
            cp_neglect,
        ),
        Cohort(
            "open_3_years",
            "Open to social care three years or more",
            "An open CIN episode or period of care that started three or more years "
            "before the as-at date.",
            open_three_years,
        ),
        Cohort(
            "second_plan",
            "Second or subsequent child protection plan",
            "On a plan at the as-at date with one or more previous plans.",
            second_plan,
        ),
        Cohort(
            "repeat_referrals",
            "Repeat referrals",
            "Two or more referrals in the previous 12 months as recorded, or three or more "
            "referrals dated in the 12 months to the as-at date.",
            repeat_referrals,
        ),
        Cohort(
            "enquiry_no_conference",
            "Enquiry with no conference or a late conference",
            "A section 47 enquiry with no initial conference, or a conference more than "
            "15 working days after the strategy discussion.",
            enquiry_no_or_late_conference,
        ),
        Cohort(
            "cla_3_placements",
            "Looked after with three or more placements",
            "Looked after at the as-at date with three or more placements in the last 12 months.",
            looked_after_three_placements,
        ),
        Cohort(
            "abuse_or_mental_health",
            "Domestic abuse or parental mental health",
            "An assessment identifying domestic abuse (3A, 3B, 3C) or parental mental health (4B).",
            abuse_or_mental_health,
        ),
    )
}
