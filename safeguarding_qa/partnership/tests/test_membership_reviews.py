"""Membership reviews: recorded with their outcome, listed as the group's evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.partnership.choices import ReviewOutcome
from safeguarding_qa.partnership.models import MembershipReview
from safeguarding_qa.partnership.services.reviews import membership_review_record

from .conftest import events_of

pytestmark = pytest.mark.django_db


def test_a_review_is_recorded_with_an_event(access_as, group):
    review = membership_review_record(
        access=access_as("admin"),
        group=group,
        reviewed_on=date(2025, 3, 14),
        outcome=ReviewOutcome.CHANGED,
        changes_made="Probation invited to join.",
    )

    assert review.recorded_by is not None
    assert review.recorded_by.email.startswith("admin")
    assert [e.kind for e in events_of("membership.reviewed")] == ["membership.reviewed"]


def test_changes_must_be_described_and_dates_not_in_the_future(access_as, group):
    access = access_as("admin")
    with pytest.raises(ValidationError):
        membership_review_record(
            access=access, group=group, reviewed_on=date(2025, 3, 14), outcome="changed"
        )
    with pytest.raises(ValidationError):
        membership_review_record(
            access=access,
            group=group,
            reviewed_on=timezone.localdate() + timedelta(days=1),
            outcome=ReviewOutcome.UNCHANGED,
        )
    with pytest.raises(PermissionDenied):
        membership_review_record(
            access=access_as("chair"),
            group=group,
            reviewed_on=date(2025, 3, 14),
            outcome=ReviewOutcome.UNCHANGED,
        )
    assert not MembershipReview.objects.exists()


def test_review_pages_list_and_record(client_as, group, django_assert_num_queries):
    client = client_as("admin")
    url = reverse("partnership:membership-review-add", kwargs={"pk": group.pk})
    response = client.post(
        url,
        {
            "reviewed_on_day": "14",
            "reviewed_on_month": "3",
            "reviewed_on_year": "2025",
            "outcome": ReviewOutcome.UNCHANGED,
        },
    )
    assert response.status_code == 302
    MembershipReview.objects.bulk_create(
        MembershipReview(group=group, reviewed_on=date(2000 + n, 3, 1), outcome="unchanged")
        for n in range(30)
    )
    viewer = client_as("viewer")
    list_url = reverse("partnership:membership-review-list", kwargs={"pk": group.pk})
    viewer.get(list_url)

    with django_assert_num_queries(13):
        page = viewer.get(list_url).content.decode()

    assert "14 March 2025" in page
    assert "Record a membership review" not in page


def test_review_form_shows_errors_and_changes_nothing(client_as, group):
    response = client_as("admin").post(
        reverse("partnership:membership-review-add", kwargs={"pk": group.pk}),
        {"outcome": ReviewOutcome.CHANGED},
    )

    page = response.content.decode()
    assert "Enter the date of the review" in page
    assert "Describe the changes made" in page
    assert not MembershipReview.objects.exists()
