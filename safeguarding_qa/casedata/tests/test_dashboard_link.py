"""Computed indicators recorded on the dashboard: one mapping, idempotent, revisions, rights."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.casedata import events
from safeguarding_qa.casedata.indicators import DASHBOARD_CODES, INDICATORS, RATES, SNAPSHOT_ONLY
from safeguarding_qa.casedata.models import CaseEvent, EventKind, Source
from safeguarding_qa.casedata.selectors import computed_indicators
from safeguarding_qa.casedata.services.dashboard import snapshot_indicators_record
from safeguarding_qa.casedata.services.imports import casedata_import
from safeguarding_qa.indicators.catalogue import CATALOGUE
from safeguarding_qa.indicators.choices import Unit, ValueSource
from safeguarding_qa.indicators.models import IndicatorValue, Period
from safeguarding_qa.indicators.services.setup import indicators_seed, population_set

AS_AT = date(2021, 3, 31)


def test_every_dashboard_code_is_a_computed_catalogue_indicator():
    specs = {spec.code: spec for spec in CATALOGUE}
    assert set(INDICATORS) - SNAPSHOT_ONLY == DASHBOARD_CODES
    for code in DASHBOARD_CODES:
        assert code in specs, code
        assert specs[code].computed, code
        assert specs[code].unit == (Unit.RATE_10K if code in RATES else Unit.PERCENTAGE), code
    assert not SNAPSHOT_ONLY & set(specs)


@pytest.fixture
def admin(personas) -> Access:
    return Access.for_user(personas["admin"])


@pytest.fixture
def dashboard(organisations) -> None:
    indicators_seed()
    population_set(year=2020, count=80_000)


@pytest.fixture
def imported(admin, dashboard, annex_a_2024):
    outcome = casedata_import(
        access=admin,
        source=Source.ANNEX_A,
        file=str(annex_a_2024),
        file_name=annex_a_2024.name,
        as_at=AS_AT,
    )
    assert outcome.snapshot is not None
    return outcome


@pytest.mark.django_db
def test_import_records_computed_values_for_the_quarters_it_covers(imported):
    recorded = imported.indicators
    assert recorded is not None and recorded.recorded
    assert set(recorded.computed) == {"2020-21 Q3", "2020-21 Q4"}
    # Computed straight from the import's rows: the same as from the stored rows.
    assert recorded.computed == computed_indicators(snapshot=imported.snapshot)
    assert set(Period.objects.values_list("start", flat=True)) >= {
        date(2020, 10, 1),
        date(2021, 1, 1),
    }
    values = IndicatorValue.objects.select_related("indicator", "period")
    assert values.count() == len(recorded.recorded)
    for value in values:
        assert value.source == ValueSource.COMPUTED
        numerator, denominator = recorded.computed[value.period.label][value.indicator.code]
        assert value.numerator == numerator
        if value.indicator.code not in RATES:
            assert value.denominator == denominator
    rate = values.get(indicator__code="CPP_RATE", period__start=date(2021, 1, 1))
    assert rate.denominator == 80_000
    assert AuditEvent.objects.filter(kind=events.INDICATORS_RECORDED).count() == 1


@pytest.mark.django_db
def test_running_again_with_the_same_data_changes_nothing(admin, imported):
    snapshot = imported.snapshot
    history = IndicatorValue.history.count()
    audit = AuditEvent.objects.count()
    again = snapshot_indicators_record(access=admin, snapshot=snapshot)
    assert again.recorded == [] and again.unchanged == len(imported.indicators.recorded)
    assert IndicatorValue.history.count() == history
    assert AuditEvent.objects.count() == audit


@pytest.mark.django_db
def test_changed_data_records_a_revision_naming_the_snapshot(admin, imported):
    snapshot = imported.snapshot
    CaseEvent.objects.filter(snapshot=snapshot, kind=EventKind.PROTECTION_PLAN).delete()
    outcome = snapshot_indicators_record(access=admin, snapshot=snapshot)
    assert any(line.startswith("CPP_RATE") for line in outcome.recorded)
    value = IndicatorValue.objects.get(indicator__code="CPP_RATE", period__start=date(2021, 1, 1))
    assert value.numerator == 0
    assert value.change_reason.startswith(f"Recomputed from {snapshot}")
    assert value.history.count() == 2
    assert AuditEvent.objects.filter(kind=events.INDICATORS_RECORDED).count() == 2


@pytest.mark.django_db
def test_closed_quarters_are_left_alone(admin, imported):
    Period.objects.filter(start=date(2021, 1, 1)).update(is_closed=True)
    CaseEvent.objects.filter(snapshot=imported.snapshot).delete()
    outcome = snapshot_indicators_record(access=admin, snapshot=imported.snapshot)
    assert "2020-21 Q4 is closed to returns." in outcome.skipped
    assert not any("2020-21 Q4" in line for line in outcome.recorded)


@pytest.mark.django_db
def test_only_importers_may_record(personas, imported):
    for persona in ("chair", "lead_council", "viewer"):
        with pytest.raises(PermissionDenied):
            snapshot_indicators_record(
                access=Access.for_user(personas[persona]), snapshot=imported.snapshot
            )


@pytest.mark.django_db
def test_without_a_catalogue_nothing_is_recorded(admin, organisations, annex_a_2024):
    outcome = casedata_import(
        access=admin,
        source=Source.ANNEX_A,
        file=str(annex_a_2024),
        file_name=annex_a_2024.name,
        as_at=AS_AT,
    )
    assert outcome.indicators is not None and outcome.indicators.recorded == []
    assert not IndicatorValue.objects.exists() and not Period.objects.exists()


@pytest.mark.django_db
def test_command_and_button(client_as, imported):
    snapshot = imported.snapshot
    CaseEvent.objects.filter(snapshot=snapshot, kind=EventKind.CARE_PERIOD).delete()
    out = StringIO()
    call_command("compute_indicators", str(snapshot.pk), stdout=out)
    assert "Recorded CLA_RATE" in out.getvalue()
    client = client_as("admin")
    page = client.get(reverse("casedata:snapshot-detail", args=[snapshot.pk]))
    assert b"Record these indicators on the dashboard" in page.content
    response = client.post(reverse("casedata:snapshot-indicators-record", args=[snapshot.pk]))
    assert response.status_code == 302
    shown = client.get(response["Location"])
    assert b"0 dashboard values recorded" in shown.content
    chair = client_as("chair").get(reverse("casedata:snapshot-detail", args=[snapshot.pk]))
    assert b"Record these indicators on the dashboard" not in chair.content
