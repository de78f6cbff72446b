"""Statistical process control: XmR charts following NHS England's "Making Data Count".

The mean and the average moving range give natural process limits at the mean plus or
minus 2.66 average moving ranges (three sigma). A point is special cause variation when:

* ``beyond_limits``  - it lies outside a process limit;
* ``run``            - it belongs to a run of seven or more points on one side of the mean;
* ``trend``          - it belongs to six or more consecutive points all rising or falling;
* ``near_limit``     - it is one of two out of three consecutive points beyond two sigma on
  the same side of the mean.

Pure functions on floats: no database, so they are property-tested with hypothesis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

LIMIT_FACTOR = 2.66  # 3 / d2, with d2 = 1.128 for moving ranges of two points
MIN_POINTS = 6  # fewer points give limits too unstable to interpret
RUN_LENGTH = 7
TREND_LENGTH = 6

HIGH = "high"
LOW = "low"


class Variation(StrEnum):
    COMMON = "common"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    HIGH = "high"
    LOW = "low"
    UNKNOWN = "unknown"


VARIATION_LABELS = {
    Variation.COMMON: "Common cause variation",
    Variation.IMPROVEMENT: "Special cause variation: improvement",
    Variation.CONCERN: "Special cause variation: concern",
    Variation.HIGH: "Special cause variation: higher (neither better nor worse)",
    Variation.LOW: "Special cause variation: lower (neither better nor worse)",
    Variation.UNKNOWN: "Not enough data for a chart",
}


class Assurance(StrEnum):
    PASSES = "passes"
    FAILS = "fails"
    HIT_AND_MISS = "hit_and_miss"
    NONE = "none"


ASSURANCE_LABELS = {
    Assurance.PASSES: "Consistently passes the target",
    Assurance.FAILS: "Consistently fails the target",
    Assurance.HIT_AND_MISS: "Hit and miss: the target falls within the process limits",
    Assurance.NONE: "No assurance rating (no target or not enough data)",
}


RULE_LABELS = {
    "beyond_limits": "beyond a process limit",
    "run": "run of 7 on one side of the mean",
    "trend": "6 rising or falling",
    "near_limit": "2 of 3 near a limit",
}


@dataclass
class SpcPoint:
    value: float
    rules: set[str] = field(default_factory=set)
    direction: str | None = None

    @property
    def special(self) -> bool:
        return bool(self.rules)

    @property
    def rule_text(self) -> str:
        return "; ".join(RULE_LABELS[rule] for rule in sorted(self.rules))


@dataclass
class XmR:
    mean: float
    average_moving_range: float
    upper_limit: float
    lower_limit: float
    upper_near: float
    lower_near: float
    points: list[SpcPoint]


def xmr(values: list[float]) -> XmR | None:
    """The XmR chart of a series, or None when it has fewer than ``MIN_POINTS`` points."""
    if len(values) < MIN_POINTS:
        return None
    mean = math.fsum(values) / len(values)
    slack = tolerance(values)
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    average_range = math.fsum(ranges) / len(ranges)
    spread = LIMIT_FACTOR * average_range
    chart = XmR(
        mean=mean,
        average_moving_range=average_range,
        upper_limit=mean + spread,
        lower_limit=mean - spread,
        upper_near=mean + spread * 2 / 3,
        lower_near=mean - spread * 2 / 3,
        points=[SpcPoint(value) for value in values],
    )
    found = {
        "beyond_limits": beyond_limits(
            values, chart.upper_limit + slack, chart.lower_limit - slack
        ),
        "run": runs(values, mean, slack=slack),
        "trend": trends(values),
        "near_limit": near_limits(values, chart.upper_near + slack, chart.lower_near - slack),
    }
    for rule, points in found.items():
        _flag(chart, points, rule)
    return chart


def tolerance(values: list[float]) -> float:
    """How close to a line counts as on it: floating-point noise must not turn a flat
    series into special cause."""
    return 1e-9 * max(1.0, max(abs(v) for v in values))


def _flag(chart: XmR, found: dict[int, str], rule: str) -> None:
    for index, direction in found.items():
        point = chart.points[index]
        point.rules.add(rule)
        point.direction = point.direction or direction


def beyond_limits(values: list[float], upper: float, lower: float) -> dict[int, str]:
    """Points outside the natural process limits."""
    found: dict[int, str] = {}
    for index, value in enumerate(values):
        if value > upper:
            found[index] = HIGH
        elif value < lower:
            found[index] = LOW
    return found


def runs(
    values: list[float], mean: float, length: int = RUN_LENGTH, slack: float = 0.0
) -> dict[int, str]:
    """Points in a run of ``length`` or more on the same side of the mean (a point on the
    mean, within ``slack``, breaks the run)."""
    sides = [HIGH if v > mean + slack else LOW if v < mean - slack else None for v in values]
    return _stretches(sides, length)


def trends(values: list[float], length: int = TREND_LENGTH) -> dict[int, str]:
    """Points in ``length`` or more consecutive points each higher (or each lower) than the
    one before (an equal value breaks the trend)."""
    steps: list[str | None] = [None]
    for previous, current in zip(values, values[1:], strict=False):
        steps.append(HIGH if current > previous else LOW if current < previous else None)
    found: dict[int, str] = {}
    start = 1
    while start < len(values):
        end = start
        while end + 1 < len(values) and steps[end + 1] == steps[start] and steps[start]:
            end += 1
        direction = steps[start]
        # a trend of n points contains n - 1 steps; its first point is start - 1
        if direction and end - start + 2 >= length:
            for index in range(start - 1, end + 1):
                found[index] = direction
        start = end + 1
    return found


def near_limits(values: list[float], upper_near: float, lower_near: float) -> dict[int, str]:
    """Two out of three consecutive points beyond two sigma, on the same side: both of the
    points beyond are flagged."""
    found: dict[int, str] = {}
    for start in range(len(values) - 2):
        window = range(start, start + 3)
        for direction, beyond in (
            (HIGH, [i for i in window if values[i] > upper_near]),
            (LOW, [i for i in window if values[i] < lower_near]),
        ):
            if len(beyond) >= 2:
                for index in beyond:
                    found[index] = direction
    return found


def _stretches(labels: list[str | None], length: int) -> dict[int, str]:
    found: dict[int, str] = {}
    start = 0
    while start < len(labels):
        end = start
        while end + 1 < len(labels) and labels[end + 1] == labels[start]:
            end += 1
        label = labels[start]
        if label is not None and end - start + 1 >= length:
            for index in range(start, end + 1):
                found[index] = label
        start = end + 1
    return found


def variation(chart: XmR | None, polarity: str) -> Variation:
    """The latest point's variation icon, judged by the indicator's polarity."""
    if chart is None:
        return Variation.UNKNOWN
    latest = chart.points[-1]
    if not latest.special:
        return Variation.COMMON
    if polarity == "neither":
        return Variation.HIGH if latest.direction == HIGH else Variation.LOW
    better = HIGH if polarity == "higher" else LOW
    return Variation.IMPROVEMENT if latest.direction == better else Variation.CONCERN


def assurance(chart: XmR | None, target: float | None, polarity: str) -> Assurance:
    """Whether the process can be relied on to meet the target: the target beyond a limit
    means it consistently passes or fails; between the limits, hit and miss."""
    if chart is None or target is None or polarity == "neither":
        return Assurance.NONE
    if polarity == "higher":
        if chart.lower_limit >= target:
            return Assurance.PASSES
        if chart.upper_limit < target:
            return Assurance.FAILS
    else:
        if chart.upper_limit <= target:
            return Assurance.PASSES
        if chart.lower_limit > target:
            return Assurance.FAILS
    return Assurance.HIT_AND_MISS
