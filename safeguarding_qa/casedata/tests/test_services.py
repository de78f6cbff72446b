"""Imports all-or-nothing, audit events, retention, and reproducible samples."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.casedata.models import CaseEvent, ChildRecord, Snapshot, Source
from safeguarding_qa.casedata.privacy import child_key, child_key_matches
from safeguarding_qa.casedata.services.imports import casedata_import
from safeguarding_qa.casedata.services.retention import snapshots_purge
from safeguarding_qa.casedata.services.samples import sample_draw, sample_link_to_audit
from safeguarding_qa.casedata.synthetic import write_annex_a

pytestmark = pytest.mark.django_db
AS_AT = date(2021, 3, 31)


@pytest.fixture
def admin(personas) -> Access:
    return Access.for_user(personas["admin"])


def _import(access, path: Path, source=Source.ANNEX_A, as_at=AS_AT):
    return casedata_import(
        access=access, source=source, file=str(path), file_name=path.name, as_at=as_at
    )


def test_import_stores_minimised_rows_and_an_audit_event(admin, annex_a_2024):
    outcome = _import(admin, annex_a_2024)
    snapshot = outcome.snapshot
    assert snapshot is not None and snapshot.children == 48
    assert ChildRecord.objects.filter(snapshot=snapshot).count() == 48
    assert CaseEvent.objects.filter(snapshot=snapshot).count() == snapshot.records
    record = ChildRecord.objects.get(snapshot=snapshot, child_key=child_key("9212044"))
    assert record.birth_month == date(2015, 1, 1)
    assert child_key_matches("9212044", record.child_key)
    assert AuditEvent.objects.filter(kind="casedata.imported", target_id=str(snapshot.pk)).exists()


def test_cin_census_import(admin, cin_sample):
    outcome = _import(admin, cin_sample, source=Source.CIN_CENSUS, as_at=None)
    assert outcome.snapshot is not None
    assert outcome.snapshot.as_at == date(2022, 7, 21)
    assert outcome.snapshot.children == 332


def test_a_damaged_file_writes_nothing_and_reports_every_problem(admin, annex_a_2024, tmp_path):
    workbook = openpyxl.load_workbook(annex_a_2024, data_only=True)
    workbook["List 1"]["F2"] = "32/13/2020"
    workbook["List 7"]["H3"] = "Shouting"
    damaged = tmp_path / "damaged.xlsx"
    workbook.save(damaged)
    outcome = _import(admin, damaged)
    assert outcome.snapshot is None
    assert outcome.error_count == 2
    assert "32/13/2020" in outcome.error_report and "Shouting" in outcome.error_report
    assert outcome.error_report.startswith("List or section,Row,Column,Value,What is wrong")
    assert not Snapshot.objects.exists() and not CaseEvent.objects.exists()
    assert AuditEvent.objects.filter(kind="casedata.import_refused").count() == 1


def test_only_importers_may_import(personas, annex_a_2024):
    with pytest.raises(PermissionDenied):
        _import(Access.for_user(personas["chair"]), annex_a_2024)
    assert not Snapshot.objects.exists()


@override_settings(CASEDATA_RETENTION_DAYS=365)
def test_purge_deletes_snapshots_past_retention(admin):
    old = Snapshot.objects.create(source=Source.ANNEX_A, as_at=date(2020, 3, 31))
    CaseEvent.objects.create(snapshot=old, kind="referral", child_key="a" * 64)
    recent = Snapshot.objects.create(source=Source.ANNEX_A, as_at=date(2025, 3, 31))
    today = date(2025, 6, 1)
    assert snapshots_purge(access=None, today=today, dry_run=True) == 1
    assert Snapshot.objects.count() == 2
    assert snapshots_purge(access=None, today=today) == 1
    assert list(Snapshot.objects.all()) == [recent]
    assert not CaseEvent.objects.exists()
    assert AuditEvent.objects.filter(kind="casedata.purged").count() == 1


@pytest.fixture
def generated(admin, tmp_path) -> Snapshot:
    path = tmp_path / "s.xlsx"
    write_annex_a(str(path), tier="S", as_at=date(2025, 3, 31), seed=5)
    outcome = _import(admin, path, as_at=date(2025, 3, 31))
    assert outcome.snapshot is not None, outcome.error_report
    return outcome.snapshot


def test_the_same_seed_draws_the_same_children(admin, generated):
    first = sample_draw(
        access=admin, snapshot=generated, cohort="cp_neglect", size=4, seed=99, stratify_by="age"
    )
    again = sample_draw(
        access=admin, snapshot=generated, cohort="cp_neglect", size=4, seed=99, stratify_by="age"
    )
    other = sample_draw(
        access=admin, snapshot=generated, cohort="cp_neglect", size=4, seed=100, stratify_by="age"
    )
    keys = [m.child_key for m in first.members.all()]
    assert len(keys) == 4
    assert keys == [m.child_key for m in again.members.all()]
    assert keys != [m.child_key for m in other.members.all()]
    assert [m.reference for m in first.members.all()][0] == f"S{first.pk}-01"
    assert AuditEvent.objects.filter(kind="casedata.sample_drawn").count() == 3


def test_children_sent_to_an_audit_recently_are_excluded(admin, generated, organisations):
    first = sample_draw(access=admin, snapshot=generated, cohort="cp_neglect", size=5, seed=1)
    # Any model stands in for the audit until the audits app is wired in.
    sample_link_to_audit(access=admin, sample=first, audit=organisations["council"])
    sent = {m.child_key for m in first.members.all()}
    later = sample_draw(
        access=admin, snapshot=generated, cohort="cp_neglect", size=5, seed=1, exclude_months=12
    )
    assert sent.isdisjoint({m.child_key for m in later.members.all()})
    assert later.cohort_size == first.cohort_size - 5
    with pytest.raises(ValidationError):
        sample_link_to_audit(access=admin, sample=first, audit=organisations["council"])


def test_a_sample_larger_than_the_cohort_is_refused(admin, generated):
    with pytest.raises(ValidationError):
        sample_draw(access=admin, snapshot=generated, cohort="cp_neglect", size=500, seed=1)


def test_sampling_needs_the_capability(personas, generated):
    with pytest.raises(PermissionDenied):
        sample_draw(
            access=Access.for_user(personas["chair"]),
            snapshot=generated,
            cohort="cp_neglect",
            size=1,
            seed=1,
        )


def test_purge_keeps_samples_without_their_snapshot(admin, generated):
    sample = sample_draw(access=admin, snapshot=generated, cohort="cp_neglect", size=2, seed=3)
    snapshots_purge(access=admin, today=date(2025, 3, 31) + timedelta(days=5000))
    sample.refresh_from_db()
    assert sample.snapshot is None and sample.members.count() == 2
