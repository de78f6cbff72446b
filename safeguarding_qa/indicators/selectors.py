"""Reads for the dashboard: a fixed number of queries, whatever the number of indicators,
quarters and organisations. Charts and SPC are computed in Python from one values query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.models import User
from safeguarding_qa.core.choices import RAG

from . import charts, rules, spc
from .choices import SECTION_ORDER, Frequency, Section
from .models import Challenge, Commentary, DataContact, Indicator, IndicatorValue, Period
from .policies import challenges as challenge_policy
from .policies import data_contacts as contact_policy
from .policies import indicators as indicator_policy


@dataclass
class IndicatorRow:
    """One indicator's line on the dashboard for the chosen quarter."""

    indicator: Indicator
    latest: Decimal | None
    previous: Decimal | None
    year_ago: Decimal | None
    series: list[tuple[Period, Decimal]]
    rag: RAG | None = None
    variation: spc.Variation = spc.Variation.UNKNOWN
    deteriorating: bool = False
    sparkline: SafeString = field(default_factory=lambda: SafeString(""))
    # The period the latest value belongs to: the quarter, or a monthly indicator's month.
    latest_period: Period | None = None

    @property
    def change_quarter(self) -> Decimal | None:
        return None if self.latest is None or self.previous is None else self.latest - self.previous

    @property
    def change_year(self) -> Decimal | None:
        return None if self.latest is None or self.year_ago is None else self.latest - self.year_ago

    @property
    def variation_label(self) -> str:
        return spc.VARIATION_LABELS[self.variation]

    @property
    def exception_reasons(self) -> list[str]:
        reasons = []
        if self.rag == RAG.RED:
            reasons.append("Red against target")
        if self.deteriorating:
            reasons.append("Worse than last quarter")
        if self.variation == spc.Variation.CONCERN:
            reasons.append("Special cause variation of concern")
        return reasons


@dataclass
class Dashboard:
    period: Period | None
    periods: list[Period]
    sections: list[tuple[str, list[IndicatorRow]]]

    @property
    def rows(self) -> list[IndicatorRow]:
        return [row for _, rows in self.sections for row in rows]

    @property
    def exceptions(self) -> list[IndicatorRow]:
        return [row for row in self.rows if row.exception_reasons]


def _as_float(values: list[Decimal]) -> list[float]:
    return [float(v) for v in values]


def _points(
    indicator: Indicator, series: list[tuple[Period, Decimal]], period: Period
) -> tuple[
    Period | None, Decimal | None, Decimal | None, Decimal | None, list[tuple[Period, Decimal]]
]:
    """The latest point in the chosen quarter, the values a quarter and a year before it,
    and the series up to it. A monthly indicator's latest point is its latest month in the
    quarter, compared with the month three and twelve months earlier."""
    by_start = {p.start: v for p, v in series}
    if indicator.frequency == Frequency.MONTHLY:
        upto = [(p, v) for p, v in series if p.start <= period.end]
        last = upto[-1][0] if upto and upto[-1][0].start >= period.start else None
        anchor = last.start if last else period.start
        previous_start = rules.months_before(anchor, 3)
        year_ago_start = rules.months_before(anchor, 12)
    else:
        upto = [(p, v) for p, v in series if p.start <= period.start]
        last = period if period.start in by_start else None
        previous_start = rules.quarter_start(period.start.replace(day=1) - _ONE_DAY)
        year_ago_start = period.start.replace(year=period.start.year - 1)
    latest = by_start.get(last.start) if last else None
    return last, latest, by_start.get(previous_start), by_start.get(year_ago_start), upto


def _row(
    indicator: Indicator, series: list[tuple[Period, Decimal]], period: Period
) -> IndicatorRow:
    # ``series`` holds only periods of the indicator's own frequency (quarters or months):
    # ``dashboard`` leaves the others out as it reads the values.
    last, latest, previous, year_ago, upto = _points(indicator, series, period)
    row = IndicatorRow(
        indicator=indicator,
        latest=latest,
        previous=previous,
        year_ago=year_ago,
        series=upto,
        latest_period=last,
    )
    row.rag = rules.rag_rating(
        value=latest,
        target=indicator.target,
        tolerance=indicator.tolerance,
        polarity=indicator.polarity,
    )
    row.deteriorating = rules.is_deteriorating(
        latest=latest, previous=row.previous, polarity=indicator.polarity
    )
    if latest is not None:
        chart = spc.xmr(_as_float([v for _, v in upto]))
        row.variation = spc.variation(chart, indicator.polarity)
    monthly = indicator.frequency == Frequency.MONTHLY
    recent = _as_float([v for _, v in upto[-12 if monthly else -8 :]])
    row.sparkline = charts.sparkline(
        recent,
        label=f"{indicator.title}: the last {len(recent)} {'months' if monthly else 'quarters'}",
    )
    return row


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
_STAMPS = ("created_at", "updated_at")
_ORGANISATION_STAMPS = ("organisation__created_at", "organisation__updated_at")


def dashboard(*, access: Access, period_id: Any = None) -> Dashboard:
    """Every active indicator with its figures for a quarter (by default the latest with
    any value; a monthly indicator shows its latest month in the quarter): three queries
    in all."""
    # Record-keeping timestamps are never shown here; converting them for every period,
    # indicator and organisation was a measurable part of the dashboard's time.
    indicators = list(indicator_policy.scope(access).defer(*_STAMPS, *_ORGANISATION_STAMPS))
    every = list(Period.every.defer(*_STAMPS))
    periods = [p for p in every if not p.is_month]
    quarter_pks = {p.start: p.pk for p in periods}
    values: dict[int, list[tuple[Period, Decimal]]] = defaultdict(list)
    by_pk = {p.pk: p for p in every}
    rows = IndicatorValue.objects.filter(indicator__in=[i.pk for i in indicators]).order_by(
        "period__start"
    )
    used: set[int] = set()
    frequency_of = {i.pk: i.frequency for i in indicators}
    for indicator_id, period_pk, value in rows.values_list("indicator_id", "period_id", "value"):
        point = by_pk[period_pk]
        used.add(period_pk)
        # Only the periods of the indicator's own frequency count (quarters or months).
        if point.frequency == frequency_of[indicator_id]:
            values[indicator_id].append((point, value))
    # The quarters with any value, worked out once per period rather than once per value.
    quarters = (quarter_pks.get(rules.quarter_start(by_pk[pk].start)) for pk in used)
    filled = {quarter for quarter in quarters if quarter is not None}
    chosen = _choose_period(periods, filled, period_id)
    sections: dict[str, list[IndicatorRow]] = defaultdict(list)
    if chosen is not None:
        for indicator in indicators:
            sections[indicator.section].append(_row(indicator, values[indicator.pk], chosen))
    ordered = sorted(sections.items(), key=lambda item: SECTION_ORDER[item[0]])
    return Dashboard(
        period=chosen,
        periods=[p for p in periods if p.pk in filled] or periods,
        sections=[(Section(key).label, items) for key, items in ordered],
    )


def _choose_period(periods: list[Period], filled: set[int], period_id: Any) -> Period | None:
    if period_id:
        for period in periods:
            if str(period.pk) == str(period_id):
                return period
    with_values = [p for p in periods if p.pk in filled]
    if with_values:
        return with_values[-1]
    return periods[-1] if periods else None


@dataclass
class IndicatorHistory:
    indicator: Indicator
    values: list[IndicatorValue]
    chart: spc.XmR | None
    chart_svg: SafeString
    variation: spc.Variation
    assurance: spc.Assurance
    comments: list[Commentary]
    challenges: list[Challenge]
    rag: RAG | None

    @property
    def variation_label(self) -> str:
        return spc.VARIATION_LABELS[self.variation]

    @property
    def assurance_label(self) -> str:
        return spc.ASSURANCE_LABELS[self.assurance]

    @property
    def table(self) -> list[dict[str, Any]]:
        points = self.chart.points if self.chart else [None] * len(self.values)
        return [{"value": v, "point": p} for v, p in zip(self.values, points, strict=True)]


def indicator_history(*, access: Access, indicator: Indicator) -> IndicatorHistory:
    """An indicator's values in order, its XmR chart, commentary and challenges (three
    queries)."""
    values = list(
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("period", "submitted_by")
        .order_by("period__start")
    )
    numbers = [float(v.value) for v in values]
    chart = spc.xmr(numbers)
    target = float(indicator.target) if indicator.target is not None else None
    svg = SafeString("")
    if chart is not None:
        svg = charts.xmr_chart(
            chart,
            [v.period.label for v in values],
            title=f"XmR chart of {indicator.title}",
            target=target,
            better=charts.better_direction(indicator.polarity),
        )
    comments = list(
        Commentary.objects.filter(indicator=indicator).select_related(
            "period", "author", "organisation"
        )
    )
    challenges = list(challenge_policy.scope(access).filter(indicator=indicator))
    latest = values[-1].value if values else None
    return IndicatorHistory(
        indicator=indicator,
        values=values,
        chart=chart,
        chart_svg=svg,
        variation=spc.variation(chart, indicator.polarity),
        assurance=spc.assurance(chart, target, indicator.polarity),
        comments=comments,
        challenges=challenges,
        rag=rules.rag_rating(
            value=latest,
            target=indicator.target,
            tolerance=indicator.tolerance,
            polarity=indicator.polarity,
        ),
    )


@dataclass
class ReturnStatus:
    organisation: Any
    expected: int
    received: int
    last_received: Any
    late: bool

    @property
    def state(self) -> str:
        if self.received >= self.expected:
            return "Complete"
        return "Partial" if self.received else "Missing"


def returns_status(
    *, period: Period, organisation_ids: list[int] | None = None
) -> list[ReturnStatus]:
    """For each organisation owning indicators of the period's frequency (quarterly for a
    quarter, monthly for a month): how many of its values are in for the period, and
    whether the return is late (past the deadline and not complete). Two queries."""
    indicators = Indicator.objects.filter(
        is_active=True, frequency=period.frequency
    ).select_related("organisation")
    if organisation_ids is not None:
        indicators = indicators.filter(organisation_id__in=organisation_ids)
    expected: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        expected[indicator.organisation_id].append(indicator)
    received: dict[int, list[Any]] = defaultdict(list)
    for organisation_id, submitted_at in IndicatorValue.objects.filter(
        period=period, indicator__is_active=True
    ).values_list("indicator__organisation_id", "submitted_at"):
        received[organisation_id].append(submitted_at)
    today = timezone.localdate()
    statuses = []
    for organisation_id, items in expected.items():
        times = received.get(organisation_id, [])
        complete = len(times) >= len(items)
        statuses.append(
            ReturnStatus(
                organisation=items[0].organisation,
                expected=len(items),
                received=len(times),
                last_received=max(times) if times else None,
                late=today > period.deadline and not complete,
            )
        )
    return sorted(statuses, key=lambda s: s.organisation.name)


@dataclass(frozen=True)
class ReturnCount:
    """How many of one organisation's values are in for a period, of how many expected."""

    period: Period
    expected: int
    received: int
    late: bool


def return_counts(*, periods: list[Period], organisation_id: int) -> list[ReturnCount]:
    """``returns_status`` for one organisation, as counts only, for a few periods in one
    query (for "what needs me", where loading every indicator and its organisation cost
    more than the rest of the home page). A period of a frequency the organisation owns no
    indicator of is left out."""
    if not periods:
        return []
    counts = Indicator.objects.filter(organisation_id=organisation_id, is_active=True).aggregate(
        **{
            f"expected_{period.pk}": Count(
                "pk", filter=Q(frequency=period.frequency), distinct=True
            )
            for period in periods
        },
        **{
            f"received_{period.pk}": Count("values", filter=Q(values__period=period))
            for period in periods
        },
    )
    today = timezone.localdate()
    statuses = []
    for period in periods:
        expected, received = counts[f"expected_{period.pk}"], counts[f"received_{period.pk}"]
        if expected:
            late = today > period.deadline and received < expected
            statuses.append(ReturnCount(period, expected, received, late))
    return statuses


def return_indicators(
    *, organisation_id: int, period: Period
) -> list[tuple[Indicator, IndicatorValue | None]]:
    """An organisation's active indicators of the period's frequency, with the period's
    value where there is one."""
    indicators = list(
        Indicator.objects.filter(
            organisation_id=organisation_id, is_active=True, frequency=period.frequency
        ).order_by("section", "position")
    )
    current = {
        v.indicator_id: v
        for v in IndicatorValue.objects.filter(period=period, indicator__in=indicators)
    }
    return [(indicator, current.get(indicator.pk)) for indicator in indicators]


def challenge_list(*, access: Access, status: str = "") -> QuerySet[Challenge]:
    challenges = challenge_policy.scope(access)
    if status:
        challenges = challenges.filter(status=status)
    return challenges.order_by("status", "-created_at")


def data_contacts(*, access: Access, organisation_id: int) -> list[DataContact]:
    """The organisation's data contacts, as the lead managing them sees them (one query)."""
    return list(
        contact_policy.scope(access)
        .filter(organisation_id=organisation_id)
        .order_by("person__full_name")
    )


def nameable_people(*, organisation_id: int) -> QuerySet[User]:
    """Active people of the organisation who could be named a data contact: not already
    one, and not already submitting its returns through their role."""
    return (
        User.objects.filter(organisation_id=organisation_id, is_active=True)
        .exclude(role__in=contact_policy.submitting_roles())
        .exclude(indicator_data_contacts__organisation_id=organisation_id)
        .order_by("full_name")
    )
