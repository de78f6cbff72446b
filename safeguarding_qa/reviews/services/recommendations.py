"""Writes linking practice reviews to the recommendations register."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.recommendations.services.recommendations import recommendation_create

from .. import events
from ..models import PracticeReview
from ..policies import practice_reviews as review_policy


@transaction.atomic
def review_recommendation_add(
    *,
    access: Access,
    review: PracticeReview,
    title: str,
    text: str,
    kind: str,
    agreed_on: date,
    rationale: str = "",
    themes: Iterable[str] = (),
    lead_organisations: Iterable[Organisation] = (),
) -> Recommendation:
    """Add a recommendation to the register with the review as its source. The person
    needs to manage reviews here and the register there (checked by each policy)."""
    review_policy.require(access, "manage", review)
    recommendation = recommendation_create(
        actor=access.user,
        title=title,
        text=text,
        kind=kind,
        source_kind="practice_review",
        agreed_on=agreed_on,
        source=review,
        rationale=rationale,
        themes=themes,
        lead_organisations=lead_organisations,
    )
    record_event(
        kind=events.REVIEW_RECOMMENDATION_ADDED,
        actor=access.user,
        target=review,
        data={"recommendation": recommendation.pk, "reference": recommendation.reference},
    )
    return recommendation
