"""Permission-matrix rows for practice reviews, serious incidents and information returns.

The register is partnership-wide: everyone signed in reads it; administrators and chairs
change it. Incidents are need-to-know: the world puts chair and lead_police in a practice
review group (qa_lead is a chair outside it), so only admin, admin_icb, chair and
lead_police reach an incident; everyone else gets a 404, as if it did not exist; among
them only admins and chair may change it. Information requests are seen by the group and
by the agency asked (council: lead_council, qa_lead and admin work there).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.partnership.choices import GroupKind, GroupRole
from safeguarding_qa.partnership.models import Group, Membership
from safeguarding_qa.reviews.choices import MilestoneKind, RapidReviewDecision, ReviewKind
from safeguarding_qa.reviews.models import (
    InformationRequest,
    Milestone,
    PracticeReview,
    SeriousIncident,
)

UNKNOWN = 999_999
MANAGERS = {"admin": 200, "admin_icb": 200, "chair": 200, "qa_lead": 200}
MANAGERS_WRITE = {"admin": 302, "admin_icb": 302, "chair": 302, "qa_lead": 302}
# Incidents: everyone outside the group gets 404; lead_police is in it but cannot manage.
GROUP_VIEW = {"admin": 200, "admin_icb": 200, "chair": 200, "lead_police": 200}
GROUP_MANAGE = {"admin": 200, "admin_icb": 200, "chair": 200, "lead_police": 403}
GROUP_WRITE = {"admin": 302, "admin_icb": 302, "chair": 302, "lead_police": 403}
INCIDENT_CAPABLE = {
    "admin": 200,
    "admin_icb": 200,
    "chair": 200,
    "qa_lead": 200,
    "lead_council": 200,
    "lead_police": 200,
    "lead_hospital": 200,
}


def build(world: World) -> None:
    """A review with a milestone; a practice review group; an incident decided for an
    LCSPR but not yet notified; the council's request open, the hospital's returned."""
    group = Group.objects.create(name="Matrix Reviews Group", kind=GroupKind.PRACTICE_REVIEW_GROUP)
    for key in ("chair", "lead_police"):
        Membership.objects.create(
            group=group,
            person=world.personas[key],
            role=GroupRole.MEMBER,
            started_on=date(2024, 4, 1),
        )
    review = PracticeReview.objects.create(
        name="Matrix Child A", kind=ReviewKind.SERIOUS_CASE_REVIEW, notified_on=date(2024, 5, 1)
    )
    world.objects["review"] = review
    world.objects["milestone"] = Milestone.objects.create(
        review=review, kind=MilestoneKind.DRAFT, due_on=date(2025, 1, 10)
    )
    incident = SeriousIncident.objects.create(
        reference="Matrix Child M",
        aware_on=date(2026, 1, 5),
        death_or_serious_harm=True,
        abuse_or_neglect=True,
        summary="Synthetic incident for the permission matrix.",
        meeting_on=date(2026, 1, 20),
        decision=RapidReviewDecision.LCSPR,
        decision_rationale="Learning for the partnership.",
        decided_on=date(2026, 1, 20),
    )
    world.objects["incident"] = incident
    world.objects["open_request"] = InformationRequest.objects.create(
        incident=incident, organisation=world.organisations["council"], due_on=date(2026, 1, 14)
    )
    returned = InformationRequest(
        incident=incident,
        organisation=world.organisations["hospital"],
        due_on=date(2026, 1, 14),
        chronology="Seen twice in the emergency department.",
        submitted_at=timezone.now(),
        submitted_by=world.personas["lead_hospital"],
    )
    returned.attachment.save("chronology.txt", ContentFile(b"Synthetic chronology."), save=False)
    returned.save()
    world.objects["returned_request"] = returned


def _object(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _unknown(w: World) -> dict[str, Any]:
    return {"pk": UNKNOWN}


def _date(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _review_data(w: World) -> dict[str, Any]:
    return {
        "name": "Matrix Child B",
        "kind": ReviewKind.LCSPR,
        **_date("notified_on", date(2025, 2, 3)),
    }


def _incident_data(w: World) -> dict[str, Any]:
    return {
        "reference": "Matrix Child N",
        "summary": "Synthetic.",
        "death_or_serious_harm": "on",
        "abuse_or_neglect": "on",
        **_date("aware_on", date(2026, 2, 2)),
    }


_REVIEW_ROUTES = [
    RouteCheck("reviews:review-list", expect(200)),
    RouteCheck("reviews:overview", expect(200)),
    RouteCheck("reviews:review-detail", expect(200), kwargs=_object("review")),
    RouteCheck("reviews:review-detail", expect(404), kwargs=_unknown, label="unknown"),
    RouteCheck("reviews:review-create", expect(403, **MANAGERS)),
    RouteCheck(
        "reviews:review-create", expect(403, **MANAGERS_WRITE), method="POST", data=_review_data
    ),
    RouteCheck("reviews:review-edit", expect(403, **MANAGERS), kwargs=_object("review")),
    RouteCheck(
        "reviews:review-edit",
        expect(403, **MANAGERS_WRITE),
        method="POST",
        kwargs=_object("review"),
        data=_review_data,
    ),
    RouteCheck("reviews:review-edit", expect(404), kwargs=_unknown, label="unknown"),
    RouteCheck(
        "reviews:review-recommendation-add", expect(403, **MANAGERS), kwargs=_object("review")
    ),
    RouteCheck(
        "reviews:review-recommendation-add",
        expect(403, **MANAGERS_WRITE),
        method="POST",
        kwargs=_object("review"),
        data=lambda w: {
            "title": "Hear the child",
            "text": "Agencies record the child's own words.",
            "kind": "multi_agency",
            **_date("agreed_on", date(2025, 6, 2)),
        },
    ),
    RouteCheck("reviews:review-recommendation-add", expect(404), kwargs=_unknown, label="unknown"),
    RouteCheck("reviews:milestone-add", expect(403, **MANAGERS), kwargs=_object("review")),
    RouteCheck(
        "reviews:milestone-add",
        expect(403, **MANAGERS_WRITE),
        method="POST",
        kwargs=_object("review"),
        data=lambda w: {"kind": MilestoneKind.SIGN_OFF, **_date("due_on", date(2025, 3, 3))},
    ),
    RouteCheck(
        "reviews:milestone-edit",
        expect(403, **MANAGERS),
        kwargs=lambda w: {"review_pk": w.objects["review"].pk, "pk": w.objects["milestone"].pk},
    ),
    RouteCheck(
        "reviews:milestone-edit",
        expect(403, **MANAGERS_WRITE),
        method="POST",
        kwargs=lambda w: {"review_pk": w.objects["review"].pk, "pk": w.objects["milestone"].pk},
        data=lambda w: {
            **_date("due_on", date(2025, 1, 10)),
            **_date("completed_on", date(2025, 1, 9)),
        },
    ),
    RouteCheck(
        "reviews:milestone-edit",
        expect(404),
        kwargs=lambda w: {"review_pk": UNKNOWN, "pk": w.objects["milestone"].pk},
        label="another review",
    ),
]

_INCIDENT_ROUTES = [
    RouteCheck(
        "reviews:incident-list",
        expect(403, admin=200, admin_icb=200, chair=200, lead_police=200),
    ),
    RouteCheck("reviews:incident-detail", expect(404, **GROUP_VIEW), kwargs=_object("incident")),
    RouteCheck("reviews:incident-detail", expect(404), kwargs=_unknown, label="unknown"),
    RouteCheck("reviews:incident-create", expect(403, admin=200, admin_icb=200, chair=200)),
    RouteCheck(
        "reviews:incident-create",
        expect(403, admin=302, admin_icb=302, chair=302),
        method="POST",
        data=_incident_data,
    ),
    # Revealing needs the case-identifier capability too: the chair's role lacks it.
    RouteCheck(
        "reviews:incident-reveal",
        expect(404, admin=200, admin_icb=200, chair=403, lead_police=200),
        kwargs=_object("incident"),
    ),
    RouteCheck(
        "reviews:incident-reveal",
        expect(404, admin=200, admin_icb=200, chair=403, lead_police=200),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: {"reason": "Checking the child's records before the meeting."},
    ),
    RouteCheck("reviews:incident-edit", expect(404, **GROUP_MANAGE), kwargs=_object("incident")),
    RouteCheck(
        "reviews:incident-edit",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=_incident_data,
    ),
    RouteCheck("reviews:incident-notify", expect(404, **GROUP_MANAGE), kwargs=_object("incident")),
    RouteCheck(
        "reviews:incident-notify",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: _date("notified_on", date(2026, 1, 9)),
    ),
    RouteCheck(
        "reviews:incident-rapid-review", expect(404, **GROUP_MANAGE), kwargs=_object("incident")
    ),
    RouteCheck(
        "reviews:incident-rapid-review",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: {
            **_date("meeting_on", date(2026, 1, 20)),
            "attendance": "Chair; police; council.",
            "decision": RapidReviewDecision.LCSPR,
            "decision_rationale": "Learning for the partnership.",
            **_date("decided_on", date(2026, 1, 20)),
        },
    ),
    RouteCheck("reviews:incident-panel", expect(404, **GROUP_MANAGE), kwargs=_object("incident")),
    RouteCheck(
        "reviews:incident-panel",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: _date("sent_to_panel_on", date(2026, 1, 23)),
    ),
    RouteCheck(
        "reviews:incident-commission", expect(404, **GROUP_MANAGE), kwargs=_object("incident")
    ),
    RouteCheck(
        "reviews:incident-commission",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: {
            "name": "Matrix Child M LCSPR",
            "terms_of_reference": "Synthetic terms.",
            "reviewer": "An independent reviewer",
            **_date("commissioned_on", date(2026, 2, 2)),
        },
    ),
    RouteCheck("reviews:request-create", expect(404, **GROUP_MANAGE), kwargs=_object("incident")),
    RouteCheck(
        "reviews:request-create",
        expect(404, **GROUP_WRITE),
        method="POST",
        kwargs=_object("incident"),
        data=lambda w: {
            "organisations": [w.organisations["housing"].pk],
            **_date("due_on", date(2026, 1, 16)),
        },
    ),
]

_RETURN_ROUTES = [
    RouteCheck("reviews:return-list", expect(403, **INCIDENT_CAPABLE)),
    RouteCheck(
        "reviews:return-detail",
        expect(404, **GROUP_VIEW, lead_council=200, qa_lead=200),
        kwargs=_object("open_request"),
        label="council",
    ),
    RouteCheck(
        "reviews:return-detail",
        expect(404, **GROUP_VIEW, lead_hospital=200),
        kwargs=_object("returned_request"),
        label="hospital",
    ),
    RouteCheck("reviews:return-detail", expect(404), kwargs=_unknown, label="unknown"),
    RouteCheck(
        "reviews:return-attachment",
        expect(404, **GROUP_VIEW, lead_hospital=200),
        kwargs=_object("returned_request"),
    ),
    RouteCheck(
        "reviews:return-attachment",
        expect(404),
        kwargs=_object("open_request"),
        label="no attachment",
    ),
    RouteCheck(
        "reviews:return-submit",
        expect(
            404, admin=200, admin_icb=403, chair=403, lead_police=403, lead_council=200, qa_lead=200
        ),
        kwargs=_object("open_request"),
    ),
    RouteCheck(
        "reviews:return-submit",
        expect(
            404, admin=302, admin_icb=403, chair=403, lead_police=403, lead_council=302, qa_lead=302
        ),
        method="POST",
        kwargs=_object("open_request"),
        data=lambda w: {"chronology": "Known to children's services since 2024."},
    ),
    RouteCheck(
        "reviews:return-submit",
        expect(404, admin=403, admin_icb=403, chair=403, lead_police=403, lead_hospital=403),
        method="POST",
        kwargs=_object("returned_request"),
        data=lambda w: {"chronology": "A second go."},
        label="already returned",
    ),
]

ROUTES = [*_REVIEW_ROUTES, *_INCIDENT_ROUTES, *_RETURN_ROUTES]
