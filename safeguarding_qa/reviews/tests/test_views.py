"""Pages: the journey a new user takes, bad input, logging of views, fixed query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.reviews.choices import RapidReviewDecision, Stage
from safeguarding_qa.reviews.models import InformationRequest, PracticeReview, SeriousIncident
from safeguarding_qa.reviews.rules import incident_stage

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _queries(client, url: str) -> int:
    client.get(url)  # warm up: the first request of a session does some one-off work
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_statutory_journey_from_incident_to_published_review(
    client_as, review_group, organisations
):
    chair = client_as("chair")
    response = chair.post(
        reverse("reviews:incident-create"),
        {
            "reference": "Child V",
            "summary": "Synthetic.",
            "death_or_serious_harm": "on",
            "abuse_or_neglect": "on",
            "identifiers_text": "Synthetic identifiers",
            **_date("aware_on", date(2026, 3, 2)),
        },
    )
    incident = SeriousIncident.objects.get(reference="Child V")
    assert response.url == reverse("reviews:incident-detail", args=[incident.pk])
    page = chair.get(response.url).content.decode()
    assert "9 Mar 2026" in page and "23 Mar 2026" in page
    assert "Synthetic identifiers" not in page
    chair.post(
        reverse("reviews:incident-notify", args=[incident.pk]),
        _date("notified_on", date(2026, 3, 4)),
    )
    chair.post(
        reverse("reviews:request-create", args=[incident.pk]),
        {
            "organisations": [organisations[k].pk for k in ("council", "police", "hospital")],
            **_date("due_on", date(2026, 3, 9)),
        },
    )
    assert InformationRequest.objects.filter(incident=incident).count() == 3
    council = InformationRequest.objects.get(
        incident=incident, organisation=organisations["council"]
    )
    response = client_as("lead_council").post(
        reverse("reviews:return-submit", args=[council.pk]), {"chronology": "Known since 2024."}
    )
    assert response.status_code == 302
    chair.post(
        reverse("reviews:incident-rapid-review", args=[incident.pk]),
        {
            **_date("meeting_on", date(2026, 3, 16)),
            "attendance": "Chair, police, council, hospital.",
            "decision": RapidReviewDecision.LCSPR,
            "decision_rationale": "Learning for the partnership.",
            **_date("decided_on", date(2026, 3, 16)),
        },
    )
    chair.post(
        reverse("reviews:incident-panel", args=[incident.pk]),
        _date("sent_to_panel_on", date(2026, 3, 20)),
    )
    response = chair.post(
        reverse("reviews:incident-commission", args=[incident.pk]),
        {
            "name": "Child V",
            "terms_of_reference": "Terms.",
            "reviewer": "Independent reviewer",
            **_date("commissioned_on", date(2026, 4, 1)),
        },
    )
    review = PracticeReview.objects.get(name="Child V")
    assert response.url == reverse("reviews:review-detail", args=[review.pk])
    chair.post(
        reverse("reviews:milestone-add", args=[review.pk]),
        {"kind": "publication", **_date("due_on", date(2026, 9, 1))},
    )
    response = chair.post(
        reverse("reviews:review-edit", args=[review.pk]),
        {
            "name": "Child V",
            "kind": "lcspr",
            **_date("notified_on", date(2026, 3, 4)),
            **_date("published_on", date(2026, 9, 1)),
            "report_url": "https://brackenmoor.example/child-v",
        },
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident_stage(incident) == Stage.PUBLISHED


def test_every_view_of_an_incident_is_logged(client_as, incident):
    client_as("lead_police").get(reverse("reviews:incident-detail", args=[incident.pk]))
    event = AuditEvent.objects.get(kind="incident.viewed")
    assert event.target_id == str(incident.pk)


def test_an_agency_lead_outside_the_group_reaches_nothing(client_as, incident):
    lead = client_as("lead_council")
    assert lead.get(reverse("reviews:incident-list")).status_code == 403
    for name in ("incident-detail", "incident-edit", "incident-notify", "request-create"):
        assert lead.get(reverse(f"reviews:{name}", args=[incident.pk])).status_code == 404
    assert "Serious incidents" not in lead.get(reverse("reviews:review-list")).content.decode()


def test_bad_input_shows_errors_and_changes_nothing(client_as, review_group):
    response = client_as("chair").post(
        reverse("reviews:incident-create"),
        {"reference": "", "aware_on_day": "30", "aware_on_month": "2", "aware_on_year": "2026"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a pseudonymous reference" in page
    assert "Enter a real date" in page
    assert not SeriousIncident.objects.exists()


def test_a_decision_needs_its_rationale(client_as, incident):
    response = client_as("chair").post(
        reverse("reviews:incident-rapid-review", args=[incident.pk]),
        {
            **_date("meeting_on", date(2026, 3, 16)),
            "attendance": "Chair.",
            "decision": RapidReviewDecision.LCSPR,
        },
    )
    assert "Enter the rationale for the decision" in response.content.decode()
    incident.refresh_from_db()
    assert incident.decision == ""


def test_review_list_filters_by_kind(client_as, review):
    PracticeReview.objects.create(name="JTAI", kind="inspection", published_on=date(2025, 6, 30))
    page = (
        client_as("viewer")
        .get(reverse("reviews:review-list") + "?kind=inspection")
        .content.decode()
    )
    assert "JTAI" in page and "Child C" not in page


def test_review_list_runs_a_fixed_number_of_queries(client_as):
    viewer = client_as("viewer")
    url = reverse("reviews:review-list")
    PracticeReview.objects.create(name="Review 0", kind="lcspr", notified_on=date(2020, 1, 1))
    few = _queries(viewer, url)
    for number in range(1, 40):
        PracticeReview.objects.create(
            name=f"Review {number}",
            kind="lcspr",
            notified_on=date(2020, 1, 1) + timedelta(days=40 * number),
        )
    assert _queries(viewer, url) == few


def _make_incidents(count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        SeriousIncident.objects.create(
            reference=f"Child {number}",
            aware_on=date(2026, 1, 5) + timedelta(days=number),
            death_or_serious_harm=True,
            abuse_or_neglect=True,
            summary="Synthetic.",
        )


def test_incident_list_and_overview_run_a_fixed_number_of_queries(client_as, review_group):
    chair = client_as("chair")
    _make_incidents(1)
    few = (
        _queries(chair, reverse("reviews:incident-list")),
        _queries(chair, reverse("reviews:overview")),
    )
    _make_incidents(30, start=1)
    many = (
        _queries(chair, reverse("reviews:incident-list")),
        _queries(chair, reverse("reviews:overview")),
    )
    assert many == few


def test_incident_detail_runs_a_fixed_number_of_queries(client_as, incident, organisations):
    chair = client_as("chair")
    url = reverse("reviews:incident-detail", args=[incident.pk])
    InformationRequest.objects.create(
        incident=incident, organisation=organisations["council"], due_on=date(2026, 3, 9)
    )
    few = _queries(chair, url)
    for key in ("police", "hospital", "housing", "gp", "probation"):
        InformationRequest.objects.create(
            incident=incident, organisation=organisations[key], due_on=date(2026, 3, 9)
        )
    assert _queries(chair, url) == few


def test_every_page_is_valid_govuk_html(client_as, incident, council_request, review, personas):
    from safeguarding_qa.reviews.models import Milestone

    milestone = Milestone.objects.create(review=review, kind="draft", due_on=date(2025, 1, 1))
    incident.identifiers_encrypted = "x"
    incident.save()
    admin = client_as("admin")  # PageCheckingClient checks each page's HTML, h1 and title
    pages = [
        reverse("reviews:review-list"),
        reverse("reviews:review-create"),
        reverse("reviews:overview"),
        reverse("reviews:review-detail", args=[review.pk]),
        reverse("reviews:review-edit", args=[review.pk]),
        reverse("reviews:milestone-add", args=[review.pk]),
        reverse("reviews:milestone-edit", args=[review.pk, milestone.pk]),
        reverse("reviews:incident-list"),
        reverse("reviews:incident-create"),
        reverse("reviews:return-list"),
        reverse("reviews:return-detail", args=[council_request.pk]),
        reverse("reviews:return-submit", args=[council_request.pk]),
    ]
    for name in (
        "incident-detail",
        "incident-edit",
        "incident-reveal",
        "incident-notify",
        "incident-rapid-review",
        "incident-panel",
        "incident-commission",
        "request-create",
    ):
        pages.append(reverse(f"reviews:{name}", args=[incident.pk]))
    for url in pages:
        assert admin.get(url).status_code == 200, url
