"""Drafting a 7-minute briefing from an audit or a practice review: the seven sections
arrive pre-drafted from the record, and the briefing records its source."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.learning.choices import SECTION_FIELDS, BriefingStatus
from safeguarding_qa.learning.drafting import draft_from_audit, draft_from_review
from safeguarding_qa.learning.models import LearningBriefing
from safeguarding_qa.recommendations.choices import RecommendationKind, SourceKind
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.reports.tests.audit_data import (
    IMPROVEMENTS,
    PANEL_COMMENT,
    STRENGTHS,
    TERMS,
    build_reported_audit,
)
from safeguarding_qa.reviews.choices import ReviewKind
from safeguarding_qa.reviews.models import PracticeReview

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(organisations):
    return build_reported_audit(organisations)


@pytest.fixture
def review():
    review = PracticeReview.objects.create(
        name="Child Q local review",
        kind=ReviewKind.LCSPR,
        published_on=date(2025, 6, 1),
        summary="Agencies did not share what they knew about the new partner.",
        themes="Information sharing, Professional curiosity",
        report_url="https://example.org/child-q",
    )
    Recommendation.objects.create(
        reference="REV-Q-1",
        title="Share concerns about new partners",
        text="Every agency to share concerns about new adults in the household.",
        kind=RecommendationKind.MULTI_AGENCY,
        source_kind=SourceKind.PRACTICE_REVIEW,
        source_content_type=ContentType.objects.get_for_model(PracticeReview),
        source_object_id=review.pk,
        agreed_on=date(2025, 6, 10),
    )
    return review


def test_the_audit_draft_comes_from_the_theme_aims_findings_and_recommendations(audit):
    draft = draft_from_audit(audit)

    assert draft["title"] == "Learning from the Neglect in babies audit"
    assert "neglect" in draft["background"]
    assert "- Was the neglect assessment tool used?" in draft["background"]
    assert draft["why_it_matters"] == TERMS
    for line in (*STRENGTHS.splitlines(), *IMPROVEMENTS.splitlines()):
        assert f"- {line}" in draft["what_we_found"]
    assert "Requires improvement 3" in draft["what_we_found"]
    assert "- Use the neglect tool in every assessment" in draft["what_to_do"]
    assert "- Train all social workers in the neglect tool" in draft["what_to_do"]
    assert "Was the voice of the child heard" in draft["reflection_questions"]
    assert all(draft[name] for name in SECTION_FIELDS)
    # Briefings become public: nothing about a single case, not even its pseudonym.
    text = " ".join(draft.values())
    assert PANEL_COMMENT not in text and "Case A" not in text


def test_the_review_draft_comes_from_the_review_and_its_recommendations(review):
    draft = draft_from_review(review)

    assert draft["title"] == "Learning from Child Q local review"
    assert "June 2025" in draft["background"] and "- Information sharing" in draft["background"]
    assert draft["what_we_found"] == review.summary
    assert "- Share concerns about new partners" in draft["what_to_do"]
    assert "professional curiosity" in draft["reflection_questions"]
    assert "https://example.org/child-q" in draft["further_reading"]


def test_an_administrator_drafts_from_the_audit_page(audit, client_as):
    client = client_as("admin")
    audit_page = client.get(reverse("audits:audit-detail", args=[audit.pk])).content.decode()
    url = reverse("learning:briefing-from-audit", args=[audit.pk])
    assert f'href="{url}"' in audit_page

    form = client.get(url).context["form"]
    assert form.initial["what_to_do"].startswith("- Use the neglect tool")
    data = {**form.initial, "title": "Neglect in babies: 7-minute briefing"}
    response = client.post(url, data)

    briefing = LearningBriefing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:briefing-detail", args=[briefing.pk])
    assert briefing.source == audit
    assert briefing.status == BriefingStatus.DRAFT
    assert briefing.what_we_found == form.initial["what_we_found"].strip()
    assert AuditEvent.objects.filter(kind="briefing.created").count() == 1


def test_an_administrator_drafts_from_a_practice_review(review, client_as):
    client = client_as("chair")
    review_page = client.get(reverse("reviews:review-detail", args=[review.pk])).content.decode()
    url = reverse("learning:briefing-from-review", args=[review.pk])
    assert f'href="{url}"' in review_page

    initial = client.get(url).context["form"].initial
    client.post(url, initial)

    briefing = LearningBriefing.objects.get()
    assert briefing.source == review
    assert briefing.source_description == "Child Q local review"


def test_a_lead_sees_no_drafting_link_and_is_refused_with_nothing_written(audit, review, client_as):
    client = client_as("lead_council")
    url = reverse("learning:briefing-from-audit", args=[audit.pk])
    page = client.get(reverse("audits:audit-detail", args=[audit.pk])).content.decode()
    review_page = client.get(reverse("reviews:review-detail", args=[review.pk])).content.decode()

    assert url not in page
    assert "Draft a learning briefing" not in review_page
    response = client.post(url, {"title": "Not allowed", "background": "Text."})
    assert response.status_code == 403
    assert not LearningBriefing.objects.exists()
    assert not AuditEvent.objects.filter(kind="briefing.created").exists()


def test_a_draft_without_a_title_is_refused_with_a_clear_error(audit, client_as):
    url = reverse("learning:briefing-from-audit", args=[audit.pk])
    response = client_as("admin").post(url, {"title": "", "background": "Some text."})

    assert response.status_code == 200
    assert "Enter the briefing&#x27;s title" in response.content.decode()
    assert not LearningBriefing.objects.exists()
