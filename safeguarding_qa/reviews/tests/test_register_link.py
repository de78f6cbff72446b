"""A practice review's recommendations in the register: compliance, adding, refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.recommendations.choices import ActionStatus, SourceKind
from safeguarding_qa.recommendations.models import Action, Recommendation
from safeguarding_qa.reviews import rules
from safeguarding_qa.reviews.services.recommendations import review_recommendation_add

pytestmark = pytest.mark.django_db


def _linked(review, n: int, **fields) -> Recommendation:
    return Recommendation.objects.create(
        reference=f"RL-{review.pk}-{n}",
        title=f"Linked {n}",
        text="Hear the child.",
        kind="multi_agency",
        source_kind=SourceKind.PRACTICE_REVIEW,
        agreed_on=date(2025, 5, 1),
        source_content_type=ContentType.objects.get_for_model(review),
        source_object_id=review.pk,
        **fields,
    )


def _action(recommendation, organisation, *, days: int, status=ActionStatus.IN_PROGRESS):
    return Action.objects.create(
        recommendation=recommendation,
        organisation=organisation,
        description="Revise the policy.",
        due_on=timezone.localdate() + timedelta(days=days),
        status=status,
    )


@pytest.mark.parametrize(
    ("status", "rag", "expected"),
    [
        ("completed", "green", True),
        ("embedded", "", True),
        ("in_progress", "green", True),
        ("in_progress", "amber", True),
        ("not_started", "green", True),
        ("in_progress", "red", False),
        ("awaiting_sign_off", "green", True),
        ("no_actions", "", False),
    ],
)
def test_on_target_rule(status, rag, expected):
    assert rules.recommendation_on_target(status, rag) is expected


def test_compliance_needs_recommendations_all_on_target():
    assert not rules.review_compliance([]).compliant
    assert rules.review_compliance([("completed", "green"), ("in_progress", "amber")]).compliant
    summary = rules.review_compliance([("completed", "green"), ("in_progress", "red")])
    assert (summary.total, summary.completed, summary.off_target) == (2, 1, 1)
    assert not summary.compliant


def test_review_page_shows_its_recommendations_and_compliance(
    client_as, review, organisations, personas
):
    on_track = _linked(review, 1)
    _action(on_track, organisations["council"], days=60)
    late = _linked(review, 2)
    _action(late, organisations["police"], days=-3)
    response = client_as("viewer").get(reverse("reviews:review-detail", args=[review.pk]))
    page = response.content.decode()
    assert "Linked 1" in page and "Linked 2" in page
    assert "1 of 2 recommendations is not on target" in page
    assert "Add a recommendation from this review" not in page

    Action.objects.filter(recommendation=late).update(
        status=ActionStatus.SIGNED_OFF,
        signed_off_by=personas["chair"],
        signed_off_at=timezone.now(),
    )
    page = client_as("viewer").get(reverse("reviews:review-detail", args=[review.pk]))
    assert "All recommendations have been completed or are in progress and on target" in (
        page.content.decode()
    )


def test_review_page_runs_a_fixed_number_of_queries(client_as, review, organisations):
    client = client_as("chair")
    url = reverse("reviews:review-detail", args=[review.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(30):
        recommendation = _linked(review, n + 10)
        _action(recommendation, organisations["council"], days=n - 5)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_chair_adds_a_recommendation_from_the_review(client_as, review, organisations):
    url = reverse("reviews:review-recommendation-add", args=[review.pk])
    chair = client_as("chair")
    assert chair.get(url).status_code == 200
    response = chair.post(
        url,
        {
            "title": "Hear the child",
            "text": "Agencies record the child's own words.",
            "kind": "multi_agency",
            "themes": "Voice of the child, Neglect",
            "lead_organisations": [organisations["council"].pk],
            "agreed_on_day": "2",
            "agreed_on_month": "6",
            "agreed_on_year": "2025",
        },
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(title="Hear the child")
    assert recommendation.source == review
    assert recommendation.source_kind == SourceKind.PRACTICE_REVIEW
    assert list(recommendation.lead_organisations.all()) == [organisations["council"]]
    kinds = set(AuditEvent.objects.values_list("kind", flat=True))
    assert {"recommendation.created", "review.recommendation_added"} <= kinds
    page = chair.get(reverse("reviews:review-detail", args=[review.pk])).content.decode()
    assert "Hear the child" in page and "No actions yet" in page


def test_bad_input_changes_nothing(client_as, review):
    url = reverse("reviews:review-recommendation-add", args=[review.pk])
    response = client_as("chair").post(url, {"title": "", "text": "", "kind": "nonsense"})
    assert response.status_code == 200
    assert "Enter a short title for the recommendation" in response.content.decode()
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("key", ["lead_police", "viewer", "scrutineer"])
def test_refused_add_changes_nothing(key, access_as, client_as, review):
    with pytest.raises(PermissionDenied):
        review_recommendation_add(
            access=access_as(key),
            review=review,
            title="No",
            text="No",
            kind="multi_agency",
            agreed_on=date(2025, 6, 2),
        )
    url = reverse("reviews:review-recommendation-add", args=[review.pk])
    assert client_as(key).post(url, {"title": "No"}).status_code == 403
    assert not Recommendation.objects.exists()
    assert not AuditEvent.objects.filter(kind="review.recommendation_added").exists()


def test_demo_links_register_recommendations_to_their_reviews(organisations, personas, client_as):
    from safeguarding_qa.demo.builder import ensure_colleagues, ensure_groups
    from safeguarding_qa.demo.context import DemoContext
    from safeguarding_qa.recommendations import demo as register_demo
    from safeguarding_qa.reviews import demo as reviews_demo
    from safeguarding_qa.reviews.models import PracticeReview

    colleagues = ensure_colleagues(organisations)
    context = DemoContext(
        organisations=organisations,
        cast=personas,
        colleagues=colleagues,
        groups=ensure_groups(personas, colleagues),
    )
    reviews_demo.build(context)
    register_demo.build(context)
    for name in ("Child C", "Baby R"):
        review = PracticeReview.objects.get(name=name)
        linked = Recommendation.objects.filter(
            source_content_type=ContentType.objects.get_for_model(review),
            source_object_id=review.pk,
        )
        assert linked.exists()
        assert all(name in r.source_label for r in linked)
        page = client_as("viewer").get(reverse("reviews:review-detail", args=[review.pk]))
        assert linked[0].title in page.content.decode()
