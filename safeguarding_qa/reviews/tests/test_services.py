"""Services: permission re-checked, audit events written, bad input changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.core.identifiers import decrypt_text, encrypt_text
from safeguarding_qa.reviews.choices import MilestoneKind, RapidReviewDecision, ReviewKind
from safeguarding_qa.reviews.models import InformationRequest, PracticeReview, SeriousIncident
from safeguarding_qa.reviews.services import incidents as incident_services
from safeguarding_qa.reviews.services.returns import (
    information_request_create,
    information_return_submit,
)
from safeguarding_qa.reviews.services.reviews import (
    milestone_add,
    milestone_update,
    review_create,
    review_update,
)

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))


def test_review_create_and_update_record_events(access_as):
    review = review_create(
        access=access_as("chair"), name="Child C", kind=ReviewKind.SERIOUS_CASE_REVIEW
    )
    review_update(access=access_as("admin"), review=review, published_on=date(2019, 5, 20))
    events = AuditEvent.objects.filter(kind__startswith="review.").order_by("sequence")
    assert [e.kind for e in events] == ["review.created", "review.changed"]
    assert events[1].after == {"published_on": "2019-05-20"}


def test_a_duplicate_review_name_is_refused(access_as, review):
    with pytest.raises(ValidationError):
        review_create(access=access_as("chair"), name="child c", kind=ReviewKind.LCSPR)
    assert PracticeReview.objects.count() == 1


def test_viewers_cannot_add_reviews(access_as):
    with pytest.raises(PermissionDenied):
        review_create(access=access_as("lead_police"), name="Child X", kind=ReviewKind.LCSPR)
    assert not PracticeReview.objects.exists()


def test_milestones_are_added_once_per_kind_and_completed(access_as, review):
    chair = access_as("chair")
    milestone = milestone_add(
        access=chair, review=review, kind=MilestoneKind.DRAFT, due_on=date(2025, 1, 1)
    )
    with pytest.raises(ValidationError):
        milestone_add(
            access=chair, review=review, kind=MilestoneKind.DRAFT, due_on=date(2025, 2, 1)
        )
    milestone_update(access=chair, milestone=milestone, completed_on=date(2025, 1, 3))
    milestone.refresh_from_db()
    assert milestone.completed_on == date(2025, 1, 3)


def test_incident_identifiers_are_encrypted_and_never_logged(access_as, review_group):
    incident = incident_services.incident_create(
        access=access_as("chair"),
        reference="Child Q",
        aware_on=date(2026, 3, 2),
        death_or_serious_harm=True,
        abuse_or_neglect=True,
        summary="Synthetic.",
        identifiers_text="Synthetic Name, 01/01/2015",
    )
    assert "Synthetic Name" not in incident.identifiers_encrypted
    assert decrypt_text(incident.identifiers_encrypted) == "Synthetic Name, 01/01/2015"
    event = AuditEvent.objects.get(kind="incident.created")
    assert "Synthetic Name" not in str(event.after) + str(event.data)


def test_chairs_outside_the_review_group_cannot_record_incidents(access_as, review_group):
    with pytest.raises(PermissionDenied):
        incident_services.incident_create(
            access=access_as("qa_lead"),
            reference="Child Q",
            aware_on=date(2026, 3, 2),
            death_or_serious_harm=True,
            abuse_or_neglect=True,
            summary="Synthetic.",
        )
    assert not SeriousIncident.objects.exists()


def test_notify_records_who_and_whether_on_time(access_as, personas, incident):
    incident_services.incident_notify(
        access=access_as("chair"), incident=incident, notified_on=date(2026, 3, 10)
    )
    incident.refresh_from_db()
    assert incident.notified_by == personas["chair"]
    event = AuditEvent.objects.get(kind="incident.notified")
    assert event.data == {"due_on": "2026-03-09", "on_time": False}
    with pytest.raises(ValidationError):
        incident_services.incident_notify(
            access=access_as("chair"), incident=incident, notified_on=date(2026, 3, 11)
        )


def test_notification_before_awareness_is_refused(access_as, incident):
    with pytest.raises(ValidationError):
        incident_services.incident_notify(
            access=access_as("admin"), incident=incident, notified_on=date(2026, 2, 1)
        )
    incident.refresh_from_db()
    assert incident.notified_on is None


def _decide(access, incident, decision=RapidReviewDecision.LCSPR):
    return incident_services.incident_record_rapid_review(
        access=access,
        incident=incident,
        meeting_on=date(2026, 3, 18),
        attendance="Chair, police, council.",
        discussion="",
        learning="Step-down.",
        decision=decision,
        decision_rationale="Learning for the partnership.",
        decided_on=date(2026, 3, 18),
    )


def test_commissioning_needs_an_lcspr_decision_and_happens_once(access_as, incident):
    chair = access_as("chair")
    fields = {
        "name": "Child Q",
        "terms_of_reference": "Terms.",
        "reviewer": "Independent reviewer",
        "commissioned_on": date(2026, 4, 1),
        "themes": "neglect",
    }
    with pytest.raises(ValidationError):
        incident_services.incident_commission_lcspr(access=chair, incident=incident, **fields)
    _decide(chair, incident)
    review = incident_services.incident_commission_lcspr(access=chair, incident=incident, **fields)
    assert review.kind == ReviewKind.LCSPR
    assert incident.practice_review == review
    with pytest.raises(ValidationError):
        incident_services.incident_commission_lcspr(
            access=chair, incident=incident, **{**fields, "name": "Child Q2"}
        )
    with pytest.raises(ValidationError):
        _decide(chair, incident, RapidReviewDecision.NO_FURTHER_REVIEW)


def test_panel_reply_before_sending_is_refused(access_as, incident):
    with pytest.raises(ValidationError):
        incident_services.incident_record_panel(
            access=access_as("chair"),
            incident=incident,
            sent_to_panel_on=date(2026, 3, 20),
            panel_response_on=date(2026, 3, 19),
            panel_response="",
        )
    incident.refresh_from_db()
    assert incident.sent_to_panel_on is None


def test_agencies_are_asked_once_each(access_as, incident, organisations):
    chair = access_as("chair")
    made = information_request_create(
        access=chair,
        incident=incident,
        organisations=[organisations["council"], organisations["hospital"]],
        due_on=date(2026, 3, 9),
    )
    assert len(made) == 2
    assert organisations["hospital"] in incident.agencies.all()
    with pytest.raises(ValidationError):
        information_request_create(
            access=chair,
            incident=incident,
            organisations=[organisations["council"], organisations["housing"]],
            due_on=date(2026, 3, 9),
        )
    assert InformationRequest.objects.count() == 2


def test_only_the_agency_returns_its_information_once(access_as, council_request):
    with pytest.raises(PermissionDenied):
        information_return_submit(
            access=access_as("lead_police"), request=council_request, chronology="x"
        )
    with pytest.raises(ValidationError):
        information_return_submit(access=access_as("lead_council"), request=council_request)
    upload = SimpleUploadedFile("chronology.txt", b"Synthetic chronology.")
    information_return_submit(
        access=access_as("lead_council"),
        request=council_request,
        attachment=upload,
        chronology="Known since 2024.",
    )
    council_request.refresh_from_db()
    assert council_request.submitted_at is not None
    assert council_request.attachment
    with pytest.raises(PermissionDenied):
        information_return_submit(
            access=access_as("lead_council"), request=council_request, chronology="again"
        )
    assert "incident.information_returned" in _kinds()


def test_identifiers_are_revealed_only_with_a_reason_and_logged(access_as, incident):
    incident.identifiers_encrypted = encrypt_text("Synthetic Name")
    incident.save()
    with pytest.raises(ValidationError):
        incident_services.incident_reveal_identifiers(
            access=access_as("lead_police"), incident=incident, reason=""
        )
    assert not AuditEvent.objects.filter(kind="incident.identifiers_revealed").exists()
    with pytest.raises(PermissionDenied):
        incident_services.incident_reveal_identifiers(
            access=access_as("chair"), incident=incident, reason="Checking before the meeting."
        )
    shown = incident_services.incident_reveal_identifiers(
        access=access_as("lead_police"), incident=incident, reason="Checking before the meeting."
    )
    assert shown == "Synthetic Name"
    event = AuditEvent.objects.get(kind="incident.identifiers_revealed")
    assert event.data == {"reason": "Checking before the meeting."}
    assert "Synthetic Name" not in str(event.after) + str(event.data)
