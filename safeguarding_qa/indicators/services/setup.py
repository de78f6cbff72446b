"""Writes that set the dashboard up: the seed catalogue, child population and quarters."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes
from safeguarding_qa.partnership.models import Organisation

from .. import events, rules
from ..catalogue import CATALOGUE, IndicatorSpec
from ..choices import Frequency, PeriodKind
from ..models import ChildPopulation, Indicator, IndicatorValue, Period
from ..policies import indicators as indicator_policy
from ..policies import periods as period_policy


def _spec_fields(spec: IndicatorSpec, position: int) -> dict[str, Any]:
    return {
        "title": spec.title,
        "section": spec.section,
        "position": position,
        "definition": spec.definition or spec.title,
        "numerator_definition": spec.numerator,
        "denominator_definition": spec.denominator,
        "unit": spec.unit,
        "polarity": spec.polarity,
        "data_source": spec.data_source,
        "is_computed": spec.computed,
        "frequency": spec.frequency,
        "target": spec.decimal(spec.target),
        "tolerance": spec.decimal(spec.tolerance),
        "england_value": spec.decimal(spec.england),
        "england_year": spec.england_year,
        "england_source": spec.england_source,
    }


@transaction.atomic
def indicators_seed(*, actor: Any = None, refresh: bool = False) -> dict[str, list[str]]:
    """Add the seed catalogue's indicators that are missing (by code).

    Each indicator goes to the first active organisation of its sector; indicators whose
    sector has no organisation are skipped and listed. ``refresh`` rewrites the
    definitions and England comparators of existing indicators (not targets or owners,
    which the partnership may have changed). Run by ``manage.py seed_indicators`` and the
    demo; not a user-facing page, so the caller (an operator) is trusted.
    """
    owners: dict[str, Organisation] = {}
    for organisation in Organisation.objects.filter(is_active=True).order_by("pk"):
        owners.setdefault(organisation.sector, organisation)
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    result: dict[str, list[str]] = {"created": [], "refreshed": [], "skipped": []}
    for position, spec in enumerate(CATALOGUE, start=1):
        fields = _spec_fields(spec, position)
        indicator = existing.get(spec.code)
        if indicator is None:
            owner = owners.get(spec.sector)
            if owner is None:
                result["skipped"].append(spec.code)
                continue
            created = Indicator(code=spec.code, organisation=owner, **fields)
            created.full_clean()
            created.save()
            result["created"].append(spec.code)
        elif refresh:
            # Frequency is kept too: values already sent belong to quarters or to months.
            for name in ("target", "tolerance", "position", "frequency"):
                fields.pop(name)
            for name, value in fields.items():
                setattr(indicator, name, value)
            indicator.full_clean()
            indicator.save()
            result["refreshed"].append(spec.code)
    if result["created"] or result["refreshed"]:
        record_event(
            kind=events.CATALOGUE_SEEDED,
            actor=actor,
            description="Indicator catalogue seeded",
            data={key: value for key, value in result.items() if value},
        )
    return result


@transaction.atomic
def population_set(
    *, year: int, count: int, source: str = "", actor: Any = None
) -> ChildPopulation:
    """Record the child population (0-17) of a financial year; rates per 10,000 use it."""
    row, _ = ChildPopulation.objects.get_or_create(year=year, defaults={"count": count})
    before = {"count": row.count, "source": row.source}
    row.count, row.source = count, source
    row.full_clean()
    row.save()
    record_event(
        kind=events.POPULATION_SET,
        actor=actor,
        target=row,
        before=before,
        after={"count": count, "source": source},
    )
    return row


@transaction.atomic
def period_ensure(
    *, start: date, actor: Any = None, kind: PeriodKind = PeriodKind.QUARTER
) -> Period:
    """The quarter (or month) starting on or containing ``start``, added with the default
    deadline when missing. Used by the demo, the seed command, case data and the period
    page."""
    monthly = kind == PeriodKind.MONTH
    start = start.replace(day=1) if monthly else rules.quarter_start(start)
    period = Period.every.filter(kind=kind, start=start).first()
    if period is not None:
        return period
    period = Period(start=start, kind=kind, deadline=rules.default_deadline(start, monthly=monthly))
    period.full_clean()
    period.save()
    record_event(kind=events.PERIOD_CREATED, actor=actor, target=period)
    return period


@transaction.atomic
def quarter_ensure_with_months(*, start: date, actor: Any = None) -> Period:
    """The quarter holding ``start`` and its three months, each added when missing, so
    monthly indicators have their periods alongside the quarter's."""
    quarter = period_ensure(start=start, actor=actor)
    for month in rules.quarter_months(quarter.start):
        period_ensure(start=month, actor=actor, kind=PeriodKind.MONTH)
    return quarter


@transaction.atomic
def period_add(*, access: Access, start: date) -> Period:
    """An administrator adds a quarter, and its months."""
    period_policy.require(access, "manage")
    return quarter_ensure_with_months(start=start, actor=access.user)


@transaction.atomic
def period_set_closed(*, access: Access, period: Period, closed: bool) -> Period:
    """Close a quarter to returns (values can no longer be submitted or changed), or reopen
    it."""
    period_policy.require(access, "manage", period)
    if period.is_closed == closed:
        return period
    period.is_closed = closed
    period.save(update_fields=["is_closed", "updated_at"])
    record_event(
        kind=events.PERIOD_CLOSED if closed else events.PERIOD_REOPENED,
        actor=access.user,
        target=period,
        before={"is_closed": not closed},
        after={"is_closed": closed},
    )
    return period


INDICATOR_FIELDS = ["target", "tolerance", "organisation", "data_source", "is_active", "frequency"]


def _check_frequency(indicator: Indicator, frequency: Any) -> None:
    """Values belong to quarters or to months, so the frequency can change only before the
    first value; computed indicators follow the quarterly case-data import."""
    if frequency is None or frequency == indicator.frequency:
        return
    if indicator.is_computed and frequency != Frequency.QUARTERLY:
        raise ValidationError(
            {"frequency": "This indicator is computed from case data each quarter."}
        )
    if IndicatorValue.objects.filter(indicator=indicator).exists():
        raise ValidationError(
            {
                "frequency": "This indicator already has values, so its frequency cannot "
                "change. Add a new indicator instead."
            }
        )


@transaction.atomic
def indicator_update(*, access: Access, indicator: Indicator, **fields: Any) -> Indicator:
    """An administrator changes an indicator's target, tolerance, owner, data source,
    frequency (before any value) or whether it is reported; only changed fields are
    recorded."""
    indicator_policy.require(access, "manage", indicator)
    if not fields.get("frequency"):
        fields.pop("frequency", None)  # not given: unchanged
    _check_frequency(indicator, fields.get("frequency"))
    changes = save_changes(indicator, fields, tracked=INDICATOR_FIELDS)
    if changes["after"]:
        record_event(kind=events.INDICATOR_CHANGED, actor=access.user, target=indicator, **changes)
    return indicator
