"""Checks across rows: overlapping child protection plans."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..models import EventKind
from .common import Parsed


def check_plan_overlaps(parsed: Parsed) -> None:
    """A child cannot be on two child protection plans at once (DfE rules 8935/8940)."""
    plans: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for event in parsed.events:
        if event[0] == EventKind.PROTECTION_PLAN and event[2] is not None:
            plans[event[1]].append((event[2], event[3]))
    where = "Child protection plans"
    for key, spans in plans.items():
        if len(spans) < 2:
            continue
        spans.sort(key=lambda span: span[0])
        for (start, end), (next_start, _) in zip(spans, spans[1:], strict=False):
            if end is None or next_start < end:
                parsed.error(
                    where,
                    None,
                    "Plan start date",
                    next_start.strftime("%d/%m/%Y"),
                    f"A plan starting {next_start:%d/%m/%Y} overlaps the child's plan that "
                    f"started {start:%d/%m/%Y} (child {key[:8]}).",
                )
