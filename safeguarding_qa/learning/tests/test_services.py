"""Briefing lifecycle and dissemination: rules, permissions, audit events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.learning.choices import BriefingStatus, CascadeMethod
from safeguarding_qa.learning.models import Dissemination, LearningBriefing
from safeguarding_qa.learning.selectors import reach_summary
from safeguarding_qa.learning.services.briefings import (
    briefing_approve,
    briefing_create,
    briefing_publish,
    briefing_update,
    briefing_withdraw,
)
from safeguarding_qa.learning.services.dissemination import dissemination_record

from .conftest import make_briefing

pytestmark = pytest.mark.django_db


def _as(personas, key: str) -> Access:
    return Access.for_user(personas[key])


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))


def test_the_full_lifecycle_draft_approve_publish_withdraw(personas, organisations):
    admin, chair = _as(personas, "admin"), _as(personas, "chair")
    briefing = briefing_create(access=admin, title="Working with fathers", background="B")
    assert briefing.slug == "working-with-fathers"
    assert briefing.status == BriefingStatus.DRAFT

    with pytest.raises(ValidationError, match="Missing: Why it matters"):
        briefing_approve(access=chair, briefing=briefing)
    briefing_update(
        access=admin,
        briefing=briefing,
        why_it_matters="W",
        what_we_found="F",
        what_good_looks_like="G",
        what_to_do="D",
        reflection_questions="Q",
        further_reading="R",
    )
    briefing_approve(access=chair, briefing=briefing)
    assert briefing.approved_by == personas["chair"]
    briefing_publish(access=admin, briefing=briefing)
    assert briefing.status == BriefingStatus.PUBLISHED and briefing.published_at
    briefing_withdraw(access=chair, briefing=briefing, reason="Procedures changed.")
    assert briefing.status == BriefingStatus.WITHDRAWN

    assert _kinds() == [
        "briefing.created",
        "briefing.changed",
        "briefing.approved",
        "briefing.published",
        "briefing.withdrawn",
    ]


def test_slugs_are_unique(personas, organisations):
    admin = _as(personas, "admin")
    first = briefing_create(access=admin, title="Neglect")
    second = briefing_create(access=admin, title="Neglect")

    assert (first.slug, second.slug) == ("neglect", "neglect-2")


def test_only_chairs_approve(personas, draft):
    with pytest.raises(PermissionDenied):
        briefing_approve(access=_as(personas, "admin"), briefing=draft)
    draft.refresh_from_db()
    assert draft.status == BriefingStatus.DRAFT
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("key", ["lead_council", "auditor_police", "scrutineer", "viewer"])
def test_others_cannot_draft(personas, key):
    with pytest.raises(PermissionDenied):
        briefing_create(access=_as(personas, key), title="Not allowed")
    assert not LearningBriefing.objects.exists()


def test_a_draft_cannot_be_published_before_approval(personas, draft):
    with pytest.raises(PermissionDenied):
        briefing_publish(access=_as(personas, "chair"), briefing=draft)


def test_a_published_briefing_cannot_be_edited(personas, published):
    with pytest.raises(PermissionDenied):
        briefing_update(access=_as(personas, "admin"), briefing=published, title="Changed")
    published.refresh_from_db()
    assert published.title == "Voice of the child"


def test_editing_an_approved_briefing_returns_it_to_draft(personas):
    approved = make_briefing(personas, BriefingStatus.APPROVED)

    briefing_update(access=_as(personas, "admin"), briefing=approved, what_we_found="New.")

    approved.refresh_from_db()
    assert approved.status == BriefingStatus.DRAFT
    assert approved.approved_by is None
    event = AuditEvent.objects.get()
    assert event.before is not None and event.after is not None
    assert event.before["status"] == "approved" and event.after["status"] == "draft"


def test_saving_an_approved_briefing_unchanged_keeps_its_approval(personas):
    approved = make_briefing(personas, BriefingStatus.APPROVED)

    briefing_update(access=_as(personas, "admin"), briefing=approved, title=approved.title)

    approved.refresh_from_db()
    assert approved.status == BriefingStatus.APPROVED
    assert not AuditEvent.objects.exists()


def _record(personas, key, briefing, organisation, **overrides):
    values: dict[str, Any] = {
        "cascaded_on": date(2025, 5, 1),
        "method": CascadeMethod.TEAM_MEETING,
        "staff_reached": 20,
        "feedback": "Useful.",
    }
    values.update(overrides)
    return dissemination_record(
        access=_as(personas, key), briefing=briefing, organisation=organisation, **values
    )


def test_leads_record_their_own_organisations_dissemination(personas, organisations, published):
    record = _record(personas, "lead_police", published, organisations["police"])

    assert record.recorded_by == personas["lead_police"]
    event = AuditEvent.objects.get()
    assert event.kind == "dissemination.recorded"
    assert event.organisation_id == organisations["police"].pk


def test_leads_cannot_record_for_another_organisation(personas, organisations, published):
    with pytest.raises(PermissionDenied):
        _record(personas, "lead_police", published, organisations["council"])
    assert not Dissemination.objects.exists()


def test_administrators_record_for_any_organisation(personas, organisations, published):
    _record(personas, "admin", published, organisations["hospital"])

    assert Dissemination.objects.get().organisation == organisations["hospital"]


@pytest.mark.parametrize("key", ["chair", "auditor_council", "viewer", "scrutineer"])
def test_others_cannot_record_dissemination(personas, organisations, published, key):
    with pytest.raises(PermissionDenied):
        _record(personas, key, published, organisations["council"])


def test_dissemination_needs_a_published_briefing(personas, organisations, draft):
    with pytest.raises(ValidationError, match="only for a published briefing"):
        _record(personas, "admin", draft, organisations["council"])


@pytest.mark.parametrize(
    "overrides",
    [
        {"cascaded_on": timezone.localdate() + timedelta(days=1)},
        {"staff_reached": 0},
        {"method": "carrier pigeon"},
    ],
)
def test_bad_dissemination_is_refused(personas, organisations, published, overrides):
    with pytest.raises(ValidationError):
        _record(personas, "admin", published, organisations["council"], **overrides)
    assert not Dissemination.objects.exists()
    assert not AuditEvent.objects.exists()


def test_reach_summary_totals_by_organisation(personas, organisations, published):
    _record(personas, "lead_police", published, organisations["police"], staff_reached=30)
    _record(
        personas,
        "lead_police",
        published,
        organisations["police"],
        staff_reached=12,
        cascaded_on=date(2025, 6, 2),
    )
    _record(personas, "lead_council", published, organisations["council"], staff_reached=8)

    reach = reach_summary(briefing=published)

    assert [(r.organisation, r.cascades, r.staff_reached) for r in reach.rows] == [
        ("Brackenmoor Council Children's Services", 1, 8),
        ("Fellshire Constabulary", 2, 42),
    ]
    assert reach.rows[1].latest == date(2025, 6, 2)
    assert reach.staff_reached == 50
    assert reach.organisations_reporting == 2
    assert reach.organisations_active == len(organisations)
    assert "Brackenmoor Hospitals NHS Trust" in reach.not_yet_reported


def test_a_withdrawn_briefing_is_approved_again_to_republish_it(personas):
    withdrawn = make_briefing(personas, BriefingStatus.WITHDRAWN)

    briefing_approve(access=_as(personas, "qa_lead"), briefing=withdrawn)
    briefing_publish(access=_as(personas, "admin"), briefing=withdrawn)

    assert withdrawn.status == BriefingStatus.PUBLISHED
    assert withdrawn.approved_by == personas["qa_lead"]
