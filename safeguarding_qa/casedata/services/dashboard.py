"""Writing a snapshot's computed indicators into the dashboard's values (source "computed").

The codes of ``casedata.indicators.INDICATORS`` are the dashboard catalogue's codes, so a
computed measure goes to the ``Indicator`` with the same code (and ``is_computed``). The
quarter is created when missing (with its default deadline); a closed quarter is left alone.
Re-running with the same data changes nothing; changed data records a revision whose reason
names the snapshot (simple-history keeps the earlier version).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.indicators.models import Indicator, IndicatorValue
from safeguarding_qa.indicators.rules import parse_period_label
from safeguarding_qa.indicators.services.returns import indicator_value_record, population_for
from safeguarding_qa.indicators.services.setup import period_ensure

from .. import events
from ..indicators import DASHBOARD_CODES, RATES, Measure
from ..models import Snapshot
from ..policies import snapshots as snapshot_policy
from ..selectors import computed_indicators


@dataclass
class RecordOutcome:
    """What recording did: values written (new or changed), values already up to date, and
    measures not recorded with the reason."""

    recorded: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    computed: dict[str, dict[str, Measure]] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        text = (
            f"{len(self.recorded)} dashboard values recorded, {self.unchanged} already up to date"
        )
        return text + (f", {len(self.skipped)} not recorded." if self.skipped else ".")


def _check(access: Access | None, snapshot: Snapshot) -> Any:
    """A signed-in person (checked by the policy) or the command line (None)."""
    if access is None:
        return None
    snapshot_policy.require(access, "compute", snapshot)
    return access.user


def _figures(indicator: Indicator, measure: Measure) -> dict[str, Decimal | None] | str:
    """The figures to record, or why the measure is not recorded."""
    numerator, denominator = measure
    if indicator.code in RATES:
        return {"numerator": Decimal(numerator), "denominator": None}
    if denominator <= 0:
        return "no cases in the quarter"
    return {"numerator": Decimal(numerator), "denominator": Decimal(denominator)}


@transaction.atomic
def snapshot_indicators_record(
    *,
    access: Access | None,
    snapshot: Snapshot,
    computed: dict[str, dict[str, Measure]] | None = None,
) -> RecordOutcome:
    """Record the snapshot's computed indicators for the quarters it covers.

    ``computed`` (from ``selectors.computed_indicators``) saves computing them again.
    Idempotent: one ``casedata.indicators_recorded`` event only when a value changed.
    """
    actor = _check(access, snapshot)
    outcome = RecordOutcome(computed=computed or computed_indicators(snapshot=snapshot))
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(code__in=DASHBOARD_CODES, is_computed=True)
    }
    if not indicators:
        outcome.skipped.append("The dashboard has no computed indicators (seed_indicators).")
        return outcome
    reason = f"Recomputed from {snapshot} (snapshot {snapshot.pk})"
    for label, measures in outcome.computed.items():
        _record_quarter(outcome, indicators, label, measures, actor, reason)
    if outcome.recorded:
        record_event(
            kind=events.INDICATORS_RECORDED,
            actor=actor,
            target=snapshot,
            data={"recorded": outcome.recorded, "skipped": outcome.skipped[:50]},
        )
    return outcome


def _record_quarter(
    outcome: RecordOutcome,
    indicators: dict[str, Indicator],
    label: str,
    measures: dict[str, Measure],
    actor: Any,
    reason: str,
) -> None:
    """One quarter's values: the period made if missing; a closed one left alone."""
    start = parse_period_label(label)
    if start is None:  # pragma: no cover - labels come from casedata.indicators
        return
    period = period_ensure(start=start, actor=actor)
    if period.is_closed:
        outcome.skipped.append(f"{label} is closed to returns.")
        return
    population = population_for(period)
    before = set(
        IndicatorValue.objects.filter(period=period, indicator__in=indicators.values()).values_list(
            "pk", "numerator", "denominator", "value", "source"
        )
    )
    for code, measure in sorted(measures.items()):
        indicator = indicators.get(code)
        if indicator is None:
            continue
        figures = _figures(indicator, measure)
        if isinstance(figures, str) or (code in RATES and not population):
            why = figures if isinstance(figures, str) else "no child population recorded"
            outcome.skipped.append(f"{code} {label}: {why}.")
            continue
        try:
            value = indicator_value_record(
                indicator=indicator, period=period, actor=actor, reason=reason, **figures
            )
        except ValidationError as error:
            outcome.skipped.append(f"{code} {label}: {'; '.join(error.messages)}")
            continue
        key = (value.pk, value.numerator, value.denominator, value.value, value.source)
        if key in before:
            outcome.unchanged += 1
        else:
            outcome.recorded.append(f"{code} {label}")
