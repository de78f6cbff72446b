"""Demo data for indicators, built idempotently: three years of quarterly values (monthly
values for monthly indicators) with realistic variation and a few special causes, some
commentary and challenges, and a data contact."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from safeguarding_qa.access.context import Access
from safeguarding_qa.demo.context import DemoContext

from . import rules
from .choices import ChallengeStatus, CommentaryKind, Frequency, PeriodKind, Unit, ValueSource
from .models import (
    Challenge,
    ChildPopulation,
    Commentary,
    DataContact,
    Indicator,
    IndicatorValue,
    Period,
)
from .services.contacts import data_contact_name
from .services.setup import indicators_seed, quarter_ensure_with_months

QUARTERS = 12
POPULATION = {2023: 81_200, 2024: 81_650, 2025: 82_100, 2026: 82_400}
# Flow rates are counted in a quarter, so about a quarter of the annual England rate.
FLOW_RATES = {"CONTACTS_RATE", "REFERRAL_RATE", "EH_ASSESSMENT_RATE", "S47_RATE"}
# Typical quarterly denominators and values where the catalogue gives no figure to start from.
DENOMINATORS = {"CONTACT_CONVERSION": 4200, "ASSESSMENT_45WD": 900, "CP_VISITS_ON_TIME": 330}
BASELINES = {
    "OPEN_ASSESSMENTS_45WD": 18,
    "DA_CHILDREN_PRESENT": 610,
    "AE_SELF_HARM": 58,
    "PERMANENT_EXCLUSIONS": 6,
    "ICPC_DAYS_MEDIAN": 14,
    "MARAC_REPEAT": 31,
    "EHE_COUNT": 180,  # monthly: children on the elective home education register
}
# A few special causes, as (code, kind): a drop in the latest quarters, a sustained shift,
# a steady improvement, a one-off spike.
SPECIAL = {
    "ASSESSMENT_45WD": "drop",
    "RE_REFERRAL": "shift_up",
    "ICPC_15WD": "improving",
    "AE_SELF_HARM": "spike",
    "CLA_3_PLACEMENTS": "shift_up",
}
LEADS = {"council": "lead_council", "police": "lead_police", "hospital": "lead_hospital"}
# The council's lead names its practice manager as a data contact, who can then send the
# council's returns too: (organisation, lead persona, contact persona).
DATA_CONTACT = ("council", "lead_council", "auditor_council")
# Late returns for the latest complete quarter, so the returns page shows gaps.
MISSING_LATEST = {"HEALTH_ASSESSMENTS_CLA", "NEW_BIRTH_VISITS", "SCHOOL_AT_ICPC"}


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    actor = context.cast.get("admin")
    indicators_seed(actor=actor)
    for year, count in POPULATION.items():
        ChildPopulation.objects.get_or_create(
            year=year, defaults={"count": count, "source": "Demo: ONS mid-year estimate"}
        )
    current = rules.quarter_start(timezone.localdate())
    starts = [current]
    for _ in range(QUARTERS):
        starts.insert(0, rules.quarter_start(starts[0] - timedelta(days=1)))
    periods = [quarter_ensure_with_months(start=start, actor=actor) for start in starts]
    # Months of the quarters with values, for monthly indicators (three years of months).
    months = list(
        Period.every.filter(
            kind=PeriodKind.MONTH, start__gte=periods[0].start, start__lt=periods[-1].start
        ).order_by("start")
    )
    closed_before = periods[-3].start
    for period in periods[:-3] + [m for m in months if m.start < closed_before]:
        if not period.is_closed:
            period.is_closed = True
            period.save(update_fields=["is_closed", "updated_at"])
    indicators = list(Indicator.objects.select_related("organisation"))
    monthly = [i for i in indicators if i.frequency == Frequency.MONTHLY]
    _values(context, [i for i in indicators if i not in monthly], periods[:-1])
    _values(context, monthly, months)
    _discussion(context, {i.code: i for i in indicators}, periods[-2])
    _data_contact(context)
    context.made["indicators"] = {i.code: i for i in indicators}
    context.made["indicator_periods"] = periods


def _submitter(context: DemoContext, indicator: Indicator) -> Any:
    for key, organisation in context.organisations.items():
        if organisation.pk == indicator.organisation_id and key in LEADS:
            return context.cast.get(LEADS[key])
    return context.cast.get("admin")


def _values(context: DemoContext, indicators: list[Indicator], periods: list[Period]) -> None:
    existing = set(IndicatorValue.objects.values_list("indicator_id", "period_id"))
    made = []
    for indicator in indicators:
        series = _series(indicator, len(periods))
        for index, (period, figure) in enumerate(zip(periods, series, strict=True)):
            if (indicator.pk, period.pk) in existing:
                continue
            if index == len(periods) - 1 and indicator.code in MISSING_LATEST:
                continue
            made.append(_value(context, indicator, period, figure))
    bulk_create_with_history(made, IndicatorValue, batch_size=200)


def _series(indicator: Indicator, length: int) -> list[float]:
    """A noisy series around a baseline, with the indicator's special cause if it has one."""
    generator = random.Random(indicator.code)  # noqa: S311  (demo data, not security)
    base = _baseline(indicator)
    spread = 2.5 if indicator.unit == Unit.PERCENTAGE else base * 0.06
    values = [generator.gauss(base, spread) for _ in range(length)]
    kind = SPECIAL.get(indicator.code)
    if kind == "drop":
        for i in range(length - 3, length):
            values[i] -= spread * (3 + i - (length - 3))
    elif kind == "shift_up":
        for i in range(length - 7, length):
            values[i] += spread * 1.6
    elif kind == "improving":
        values = [base - spread * 3 + i * spread * 0.6 for i in range(length)]
    elif kind == "spike":
        values[length - 2] += spread * 5
    top = 99.5 if indicator.unit == Unit.PERCENTAGE else float("inf")
    return [min(max(v, 0.5), top) for v in values]


def _baseline(indicator: Indicator) -> float:
    if indicator.code in BASELINES:
        return float(BASELINES[indicator.code])
    if indicator.england_value is not None:
        base = float(indicator.england_value)
        return base / 4 if indicator.code in FLOW_RATES else base
    if indicator.target is not None:
        return (
            float(indicator.target) - 1.5
            if indicator.polarity == "higher"
            else float(indicator.target) + 1
        )
    return 50.0


def _value(
    context: DemoContext, indicator: Indicator, period: Period, figure: float
) -> IndicatorValue:
    population = POPULATION.get(period.financial_year, 82_000)
    numerator = denominator = None
    if indicator.unit == Unit.PERCENTAGE:
        size = DENOMINATORS.get(indicator.code, 120 + len(indicator.code) * 9)
        denominator = Decimal(size)
        numerator = Decimal(round(size * figure / 100))
        value = numerator / denominator * 100
    elif indicator.unit == Unit.RATE_10K:
        numerator = Decimal(round(figure * population / 10000))
        denominator = Decimal(population)
        value = numerator / denominator * 10000
    else:
        value = Decimal(round(figure)) if indicator.unit == Unit.COUNT else Decimal(f"{figure:.1f}")
    return IndicatorValue(
        indicator=indicator,
        period=period,
        numerator=numerator,
        denominator=denominator,
        value=value.quantize(rules.FOUR_PLACES),
        source=ValueSource.COMPUTED if indicator.is_computed else ValueSource.FORM,
        submitted_by=_submitter(context, indicator),
        submitted_at=timezone.now(),
    )


def _discussion(context: DemoContext, indicators: dict[str, Indicator], period: Period) -> None:
    chair, lead_council, lead_police = (
        context.cast.get(k) for k in ("chair", "lead_council", "lead_police")
    )
    scrutineer = context.cast.get("scrutineer")
    if not (chair and lead_council and lead_police and scrutineer) or Challenge.objects.exists():
        return
    assessments = indicators.get("ASSESSMENT_45WD")
    strategy = indicators.get("STRATEGY_POLICE_PRESENT")
    if assessments is None or strategy is None:
        return
    now = timezone.now()
    Commentary.objects.create(
        indicator=assessments,
        period=period,
        kind=CommentaryKind.AGENCY,
        organisation=assessments.organisation,
        author=lead_council,
        text="Two assessment teams carried vacancies through the quarter; agency social workers "
        "start next month and a weekly timeliness huddle is in place.",
    )
    Commentary.objects.create(
        indicator=assessments,
        period=period,
        kind=CommentaryKind.SUBGROUP,
        author=chair,
        text="Third quarter of decline and now special cause variation of concern. The subgroup "
        "asked for a recovery plan and a dip-sample audit of late assessments.",
    )
    Challenge.objects.create(
        indicator=assessments,
        period=period,
        organisation=assessments.organisation,
        question="What is the recovery trajectory for assessment timeliness, and are children "
        "waiting longer being seen within the statutory visit timescales?",
        raised_by=chair,
    )
    Challenge.objects.create(
        indicator=strategy,
        period=period,
        organisation=strategy.organisation,
        question="Police attendance at out-of-hours strategy discussions looks lower. Is this "
        "a rota issue?",
        raised_by=scrutineer,
        status=ChallengeStatus.RESPONDED,
        response="Yes: the out-of-hours rota had gaps in August. A second on-call detective "
        "sergeant has been added from October.",
        responded_by=lead_police,
        responded_at=now,
    )


def _data_contact(context: DemoContext) -> None:
    organisation_key, lead_key, contact_key = DATA_CONTACT
    organisation = context.organisations.get(organisation_key)
    lead, person = context.cast.get(lead_key), context.cast.get(contact_key)
    if organisation is None or lead is None or person is None:
        return
    if DataContact.objects.filter(organisation=organisation, person=person).exists():
        return
    data_contact_name(access=Access.for_user(lead), organisation=organisation, person=person)
