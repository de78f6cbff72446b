"""Checks across rows: overlapping child protection plans."""

from __future__ import annotations

from ..models import EventKind
from .common import Parsed


def check_plan_overlaps(parsed: Parsed) -> None:
    """A child cannot be on two child protection plans at once (DfE rules 8935/8940).

    Worked on columns: each child's plans in order of start date (ties in file order),
    each compared with the one before it. Children are reported in the order their first
    plan appears in the file.
    """
    import polars as pl

    plans = (
        parsed.events_frame()
        .select("kind", "child_key", "started_on", "ended_on")
        .with_row_index("position")
        .filter((pl.col("kind") == EventKind.PROTECTION_PLAN) & pl.col("started_on").is_not_null())
    )
    if plans.height < 2:
        return
    child = pl.col("child_key")
    overlaps = (
        plans.with_columns(first=pl.col("position").min().over(child))
        .sort("first", "started_on", "position")
        .with_columns(
            earlier=pl.col("position").shift(1).over(child),
            earlier_start=pl.col("started_on").shift(1).over(child),
            earlier_end=pl.col("ended_on").shift(1).over(child),
        )
        .filter(
            pl.col("earlier").is_not_null()
            & (pl.col("earlier_end").is_null() | (pl.col("started_on") < pl.col("earlier_end")))
        )
    )
    for key, start, next_start in overlaps.select(
        "child_key", "earlier_start", "started_on"
    ).iter_rows():
        parsed.error(
            "Child protection plans",
            None,
            "Plan start date",
            next_start.strftime("%d/%m/%Y"),
            f"A plan starting {next_start:%d/%m/%Y} overlaps the child's plan that "
            f"started {start:%d/%m/%Y} (child {key[:8]}).",
        )
