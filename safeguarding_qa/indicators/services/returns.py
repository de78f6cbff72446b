"""Agencies' returns: validated all together, then written all-or-nothing.

The same service takes returns from the form, the spreadsheet upload and the API, so the
checks are identical whatever the channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation

from .. import events, rules
from ..choices import ValueSource
from ..models import ChildPopulation, Indicator, IndicatorValue, Period
from ..policies import indicators as indicator_policy


@dataclass(frozen=True)
class ReturnRow:
    """One indicator's figures as submitted; ``where`` says where they came from."""

    code: str
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: Decimal | None = None
    reason: str = ""
    where: str = ""

    @property
    def is_blank(self) -> bool:
        return self.numerator is None and self.denominator is None and self.value is None


@dataclass(frozen=True)
class ReturnProblem:
    where: str
    code: str
    message: str


class ReturnInvalid(Exception):
    """The whole return was refused; nothing was saved."""

    def __init__(self, problems: list[ReturnProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the return")
        self.problems = problems


@dataclass(frozen=True)
class _Checked:
    row: ReturnRow
    indicator: Indicator
    value: Decimal


def population_for(period: Period) -> int | None:
    """The child population of the period's financial year (or the latest year before)."""
    return (
        ChildPopulation.objects.filter(year__lte=period.financial_year)
        .order_by("-year")
        .values_list("count", flat=True)
        .first()
    )


def _same(existing: IndicatorValue, row: ReturnRow, value: Decimal) -> bool:
    """Whether a resubmitted row repeats the saved figures (no reason needed then)."""
    indicator = existing.indicator
    if existing.value != value:
        return False
    if indicator.takes_numerator and existing.numerator != row.numerator:
        return False
    return not indicator.needs_denominator or existing.denominator == row.denominator


def _denominator(indicator: Indicator, row: ReturnRow, population: int | None) -> Decimal | None:
    if indicator.unit == "rate_10k":
        return Decimal(population) if population else row.denominator
    return row.denominator if indicator.needs_denominator else None


def validate_return(
    *, organisation: Organisation, period: Period, rows: list[ReturnRow]
) -> list[_Checked]:
    """Every check, on every row, before anything is written. Raises ``ReturnInvalid``."""
    label = period.label
    if period.is_closed:
        raise ReturnInvalid(
            [
                ReturnProblem(
                    "", "", f"{label} is closed to returns. Ask the business unit to reopen it."
                )
            ]
        )
    filled = [row for row in rows if not row.is_blank or row.reason]
    if not filled:
        raise ReturnInvalid(
            [ReturnProblem("", "", "The return has no values. Enter at least one.")]
        )
    codes = {row.code.strip().upper() for row in filled}
    found = {
        i.code: i
        for i in Indicator.objects.filter(code__in=codes, is_active=True).select_related(
            "organisation"
        )
    }
    current = {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(
            period=period, indicator__code__in=codes
        ).select_related("indicator")
    }
    population = population_for(period)
    problems: list[ReturnProblem] = []
    checked: list[_Checked] = []
    seen: set[str] = set()
    for row in filled:
        code = row.code.strip().upper()
        problem = _check_row(row, code, found, seen, organisation, period)
        seen.add(code)
        if problem is None:
            indicator = found[code]
            try:
                value = rules.compute_value(
                    unit=indicator.unit,
                    numerator=row.numerator,
                    denominator=row.denominator,
                    value=row.value,
                    population=population,
                )
            except ValueError as error:
                problem = f"{indicator.title}: {error}"
            else:
                existing = current.get(code)
                if (
                    existing is not None
                    and not _same(existing, row, value)
                    and not row.reason.strip()
                ):
                    problem = (
                        f"{indicator.title} already has a value for {label} "
                        f"({existing.value.normalize():f}). Give a reason for changing it."
                    )
                else:
                    checked.append(_Checked(row, indicator, value))
        if problem is not None:
            problems.append(ReturnProblem(row.where, code, problem))
    if problems:
        raise ReturnInvalid(problems)
    return checked


def _check_row(
    row: ReturnRow,
    code: str,
    found: dict[str, Indicator],
    seen: set[str],
    organisation: Organisation,
    period: Period,
) -> str | None:
    if not code:
        return "Enter the indicator code."
    if code in seen:
        return f"{code} appears more than once. Give each indicator one row."
    indicator = found.get(code)
    if indicator is None:
        return f"There is no indicator with code {code}. Use the codes in the template."
    if indicator.organisation_id != organisation.pk:
        return (
            f"{code} is {indicator.organisation}'s indicator, not {organisation}'s. "
            "Submit only your own organisation's indicators."
        )
    if indicator.frequency != period.frequency:
        where = "a month's return" if indicator.frequency == "monthly" else "a quarter's return"
        return (
            f"{code} is reported {indicator.get_frequency_display().lower()}, not in "
            f"{period.label}'s return. Send it in {where}."
        )
    return None


def _authorise(access: Access | None, token: Any, organisation: Organisation) -> Any:
    """People need the submit permission for the organisation; API tokens reach only their
    own organisation. Returns the acting user (None for a token)."""
    if access is not None:
        if not indicator_policy.may_submit_for(access, organisation.pk):
            raise PermissionDenied
        return access.user
    if token is None or not token.is_active or token.organisation_id != organisation.pk:
        raise PermissionDenied
    return None


@transaction.atomic
def return_submit(
    *,
    organisation: Organisation,
    period: Period,
    rows: list[ReturnRow],
    source: ValueSource,
    access: Access | None = None,
    token: Any = None,
) -> dict[str, int]:
    """Validate a whole return, then save every value or none.

    A value that already exists and is changed needs a reason; unchanged values are left
    alone. Each new or changed value is an audit event, and so is the return.
    """
    actor = _authorise(access, token, organisation)
    checked = validate_return(organisation=organisation, period=period, rows=rows)
    population = population_for(period)
    existing = {
        v.indicator_id: v
        for v in IndicatorValue.objects.filter(
            period=period, indicator__in=[c.indicator for c in checked]
        )
    }
    counts = {"created": 0, "changed": 0, "unchanged": 0}
    now = timezone.now()
    for item in checked:
        current = existing.get(item.indicator.pk)
        fields = {
            "numerator": item.row.numerator if item.indicator.takes_numerator else None,
            "denominator": _denominator(item.indicator, item.row, population),
            "value": item.value,
        }
        if current is not None and all(getattr(current, k) == v for k, v in fields.items()):
            counts["unchanged"] += 1
            continue
        _write(
            item.indicator,
            period,
            current,
            fields,
            item.row.reason.strip(),
            source,
            actor,
            now,
            token,
            organisation,
        )
        counts["changed" if current is not None else "created"] += 1
    record_event(
        kind=events.RETURN_SUBMITTED,
        actor=actor,
        organisation=organisation,
        target=period,
        description=f"{organisation} return for {period.label}",
        data={"source": str(source), **counts, **_token_data(token)},
    )
    return counts


def _token_data(token: Any) -> dict[str, Any]:
    return {"api_token": str(token)} if token is not None else {}


def _write(
    indicator: Indicator,
    period: Period,
    current: IndicatorValue | None,
    fields: dict[str, Any],
    reason: str,
    source: str,
    actor: Any,
    now: Any,
    token: Any,
    organisation: Organisation | None,
) -> IndicatorValue:
    before = None
    if current is None:
        current = IndicatorValue(indicator=indicator, period=period)
    else:
        before = {k: getattr(current, k) for k in fields} | {"source": current.source}
    for name, value in fields.items():
        setattr(current, name, value)
    current.source = source
    current.submitted_by = actor
    current.submitted_at = now
    current.change_reason = reason if before is not None else ""
    current._change_reason = reason  # type: ignore[attr-defined]  # simple-history keeps the reason with the version
    current.full_clean()
    current.save()
    record_event(
        kind=events.VALUE_CHANGED
        if before is not None
        else (events.VALUE_COMPUTED if source == ValueSource.COMPUTED else events.VALUE_SUBMITTED),
        actor=actor,
        organisation=organisation or indicator.organisation,
        target=current,
        before=before,
        after={**fields, "source": source, **({"reason": reason} if before is not None else {})},
        data=_token_data(token),
    )
    return current


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    period: Period,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    value: Decimal | None = None,
    actor: Any = None,
    reason: str = "Recomputed from case data",
) -> IndicatorValue:
    """Record a value computed from case data (source "computed").

    For the case-data importer: the caller has already checked that its user may import
    (``CASEDATA_IMPORT``). Rates per 10,000 take the numerator and use the recorded child
    population; percentages take numerator and denominator; counts and days take
    ``value``. A closed quarter refuses new values.
    """
    if period.is_closed:
        raise ValidationError(f"{period.label} is closed to returns.")
    if indicator.frequency != period.frequency:
        raise ValidationError(f"{indicator.code} is not reported for {period.label}.")
    population = population_for(period)
    try:
        computed = rules.compute_value(
            unit=indicator.unit,
            numerator=numerator,
            denominator=denominator,
            value=value,
            population=population,
        )
    except ValueError as error:
        raise ValidationError(f"{indicator.code}: {error}") from error
    row = ReturnRow(code=indicator.code, numerator=numerator, denominator=denominator, value=value)
    fields = {
        "numerator": numerator if indicator.takes_numerator else None,
        "denominator": _denominator(indicator, row, population),
        "value": computed,
    }
    current = IndicatorValue.objects.filter(indicator=indicator, period=period).first()
    if current is not None and all(getattr(current, k) == v for k, v in fields.items()):
        return current
    return _write(
        indicator,
        period,
        current,
        fields,
        reason,
        ValueSource.COMPUTED,
        actor,
        timezone.now(),
        None,
        None,
    )
