"""Demo data is idempotent; the home page lists what needs each person."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding_qa.demo.builder import build_demo
from safeguarding_qa.reviews.models import InformationRequest, PracticeReview, SeriousIncident

pytestmark = pytest.mark.django_db


def test_demo_builds_reviews_and_two_incidents_once(personas):
    build_demo()
    counts = (PracticeReview.objects.count(), SeriousIncident.objects.count())
    build_demo()
    assert (PracticeReview.objects.count(), SeriousIncident.objects.count()) == counts
    assert counts[1] == 2
    assert PracticeReview.objects.values("kind").distinct().count() >= 5


def test_home_lists_an_agency_information_request(client_as, council_request):
    page = client_as("lead_council").get(reverse("core:home")).content.decode()
    assert "Return your agency&#x27;s information for Child Q" in page or (
        "Return your agency's information for Child Q" in page
    )


def test_home_lists_incident_deadlines_for_the_group(client_as, incident):
    page = client_as("chair").get(reverse("core:home")).content.decode()
    assert "Notify the national panel: Child Q" in page
    assert InformationRequest.objects.count() == 0
