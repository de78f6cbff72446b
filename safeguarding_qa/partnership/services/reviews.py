"""Writes for membership reviews."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, snapshot

from .. import events
from ..choices import ReviewOutcome
from ..models import Group, MembershipReview
from ..policies import membership_reviews as review_policy

REVIEW_FIELDS = ["group", "reviewed_on", "outcome", "changes_made", "notes"]


@transaction.atomic
def membership_review_record(
    *,
    access: Access,
    group: Group,
    reviewed_on: date,
    outcome: str,
    changes_made: str = "",
    notes: str = "",
) -> MembershipReview:
    """Record that a group's membership was reviewed, with its outcome. A review with
    changes must say what they were; a review cannot be dated in the future."""
    review_policy.require(access, "manage")
    if reviewed_on > timezone.localdate():
        raise ValidationError({"reviewed_on": "The review date must be today or in the past"})
    if outcome == ReviewOutcome.CHANGED and not changes_made.strip():
        raise ValidationError({"changes_made": "Describe the changes made to the membership"})
    review = MembershipReview(
        group=group,
        reviewed_on=reviewed_on,
        outcome=outcome,
        changes_made=changes_made.strip(),
        notes=notes.strip(),
        recorded_by=access.user,
    )
    review.full_clean()
    review.save()
    record_event(
        kind=events.MEMBERSHIP_REVIEWED,
        actor=access.user,
        target=review,
        after=snapshot(review, REVIEW_FIELDS),
    )
    return review
