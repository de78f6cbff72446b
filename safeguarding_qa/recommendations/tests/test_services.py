"""The register's services: permissions, validation, audit events, and the named rules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.recommendations.choices import ActionStatus, EvidenceKind, SourceKind
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.recommendations.services.actions import (
    action_create,
    action_record_progress,
    action_sign_off,
    action_update,
)
from safeguarding_qa.recommendations.services.recommendations import (
    impact_evidence_add,
    recommendation_create,
    recommendation_mark_embedded,
    recommendation_update,
)

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db


def _create(actor, **extra):
    values: dict[str, Any] = {
        "title": "Hear the child",
        "text": "Record the child's views.",
        "kind": "multi_agency",
        "source_kind": SourceKind.PRACTICE_REVIEW,
        "agreed_on": date(2025, 4, 2),
        "themes": ["Voice of the child", "voice of the child ", "Neglect"],
    }
    values.update(extra)
    return recommendation_create(actor=actor, **values)


def test_chair_adds_a_recommendation_linked_to_any_source(personas, organisations):
    source = organisations["police"]  # any saved model instance can be the source
    recommendation = _create(
        personas["chair"], source=source, lead_organisations=[organisations["council"]]
    )
    assert recommendation.reference == "R2025-001"
    assert recommendation.source == source
    assert recommendation.source_label == str(source)
    assert sorted(t.name for t in recommendation.themes.all()) == ["Neglect", "Voice of the child"]
    event = AuditEvent.objects.get(kind="recommendation.created")
    assert event.after and event.after["title"] == "Hear the child"
    assert _create(personas["chair"]).reference == "R2025-002"


def test_agency_lead_cannot_add_a_recommendation(personas):
    with pytest.raises(PermissionDenied):
        _create(personas["lead_police"])
    assert not Recommendation.objects.exists()


def test_update_records_only_changes(personas):
    recommendation = _create(personas["chair"])
    recommendation_update(
        actor=personas["admin"], recommendation=recommendation, title="New", themes=["Neglect"]
    )
    event = AuditEvent.objects.get(kind="recommendation.changed")
    assert set(event.after or {}) == {"title", "themes"}


def test_action_owner_must_belong_to_the_organisation(personas, organisations):
    recommendation = make_recommendation()
    with pytest.raises(ValidationError):
        action_create(
            actor=personas["chair"],
            recommendation=recommendation,
            organisation=organisations["council"],
            owner=personas["lead_police"],
            description="Train staff",
            due_on=date(2026, 9, 1),
        )
    action = action_create(
        actor=personas["chair"],
        recommendation=recommendation,
        organisation=organisations["police"],
        owner=personas["lead_police"],
        description="Train staff",
        due_on=date(2026, 9, 1),
    )
    assert (
        AuditEvent.objects.get(kind="action.created").organisation_id == organisations["police"].pk
    )
    action_update(actor=personas["admin"], action=action, priority="high", status="signed_off")
    action.refresh_from_db()
    assert action.priority == "high" and action.status == ActionStatus.NOT_STARTED


def test_lead_records_progress_on_own_action_only(personas, organisations):
    recommendation = make_recommendation()
    own = make_action(recommendation, organisations["police"])
    other = make_action(recommendation, organisations["council"])
    upload = SimpleUploadedFile("minutes.txt", b"briefing delivered")
    update = action_record_progress(
        actor=personas["lead_police"],
        action=own,
        text="Briefing delivered",
        status=ActionStatus.AWAITING_SIGN_OFF,
        evidence_file=upload,
    )
    own.refresh_from_db()
    assert own.status == ActionStatus.AWAITING_SIGN_OFF
    assert own.last_progress_on == timezone.localdate()
    assert (update.evidence_file.name or "").startswith("private/recommendations/")
    with pytest.raises(PermissionDenied):
        action_record_progress(
            actor=personas["lead_police"], action=other, text="x", status="in_progress"
        )
    with pytest.raises(PermissionDenied):  # finished work is for the chair now
        action_record_progress(
            actor=personas["lead_police"], action=own, text="x", status="in_progress"
        )


def test_progress_cannot_be_dated_in_the_future(personas, organisations):
    action = make_action(make_recommendation(), organisations["police"])
    with pytest.raises(ValidationError):
        action_record_progress(
            actor=personas["lead_police"],
            action=action,
            text="x",
            status="in_progress",
            written_on=timezone.localdate() + timedelta(days=1),
        )
    assert not action.updates.exists()


def test_chair_signs_off_only_completed_actions(personas, organisations):
    action = make_action(make_recommendation(), organisations["police"])
    with pytest.raises(PermissionDenied):
        action_sign_off(actor=personas["chair"], action=action, comment="Seen")
    action.status = ActionStatus.AWAITING_SIGN_OFF
    action.save()
    with pytest.raises(PermissionDenied):
        action_sign_off(actor=personas["lead_police"], action=action, comment="Mine")
    with pytest.raises(ValidationError):
        action_sign_off(actor=personas["chair"], action=action, comment=" ")
    signed = action_sign_off(actor=personas["qa_lead"], action=action, comment="Evidence seen")
    assert signed.status == ActionStatus.SIGNED_OFF
    assert signed.signed_off_by == personas["qa_lead"]
    event = AuditEvent.objects.get(kind="action.signed_off")
    assert event.before == {"status": "awaiting_sign_off"}


def test_embedded_only_with_evidence(personas):
    recommendation = make_recommendation()
    with pytest.raises(ValidationError, match="impact evidence"):
        recommendation_mark_embedded(actor=personas["chair"], recommendation=recommendation)
    recommendation.refresh_from_db()
    assert recommendation.embedded_at is None
    impact_evidence_add(
        actor=personas["chair"],
        recommendation=recommendation,
        kind=EvidenceKind.SIGNED_OFF_RE_AUDIT,
        summary="Re-audit signed off with good grades.",
    )
    recommendation_mark_embedded(
        actor=personas["chair"], recommendation=recommendation, comment="Agreed"
    )
    recommendation.refresh_from_db()
    assert recommendation.is_embedded
    with pytest.raises(ValidationError, match="already"):
        recommendation_mark_embedded(actor=personas["chair"], recommendation=recommendation)
    with pytest.raises(PermissionDenied):
        recommendation_mark_embedded(
            actor=personas["lead_council"], recommendation=make_recommendation()
        )


def test_recommendations_for_source(personas, organisations):
    from safeguarding_qa.access.context import Access
    from safeguarding_qa.recommendations.selectors import recommendations_for_source

    source = organisations["police"]
    linked = _create(personas["chair"], source=source)
    _create(personas["chair"])
    rows = list(
        recommendations_for_source(
            access=Access.for_user(personas["viewer"]), source=source, today=date(2026, 1, 1)
        )
    )
    assert rows == [linked]
    assert rows[0].status == "no_actions"  # type: ignore[attr-defined]
