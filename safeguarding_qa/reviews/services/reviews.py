"""Writes for the practice reviews register and local review milestones."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot

from .. import events
from ..models import Milestone, PracticeReview
from ..policies import milestones as milestone_policy
from ..policies import practice_reviews as review_policy

REVIEW_FIELDS = [
    "name",
    "kind",
    "notified_on",
    "rapid_review_on",
    "published_on",
    "summary",
    "themes",
    "terms_of_reference",
    "reviewer",
    "commissioned_on",
    "report_url",
]
MILESTONE_FIELDS = ["kind", "due_on", "completed_on", "notes"]


def _require_unique_name(name: str, *, exclude_pk: int | None = None) -> None:
    others = PracticeReview.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(
            {"name": f"A review called {name.strip()} already exists. Enter another name."}
        )


@transaction.atomic
def review_create(*, access: Access, **fields: Any) -> PracticeReview:
    """Add a review to the register (for example "Child C", a serious case review)."""
    review_policy.require(access, "manage")
    _require_unique_name(str(fields.get("name", "")))
    review = PracticeReview(**fields)
    review.full_clean()
    review.save()
    record_event(
        kind=events.REVIEW_CREATED,
        actor=access.user,
        target=review,
        after=snapshot(review, REVIEW_FIELDS),
    )
    return review


@transaction.atomic
def review_update(*, access: Access, review: PracticeReview, **fields: Any) -> PracticeReview:
    """Change a review's details, dates, terms of reference or published report."""
    review_policy.require(access, "manage", review)
    if "name" in fields:
        _require_unique_name(str(fields["name"]), exclude_pk=review.pk)
    changes = save_changes(review, fields, tracked=REVIEW_FIELDS)
    if changes["after"]:
        record_event(kind=events.REVIEW_CHANGED, actor=access.user, target=review, **changes)
    return review


@transaction.atomic
def milestone_add(*, access: Access, review: PracticeReview, **fields: Any) -> Milestone:
    """Add a milestone (practitioner events, draft, sign-off...) to a local review."""
    review_policy.require(access, "manage", review)
    if review.milestones.filter(kind=fields.get("kind")).exists():
        raise ValidationError(
            {"kind": "This review already has that milestone. Change it instead."}
        )
    milestone = Milestone(review=review, **fields)
    milestone.full_clean()
    milestone.save()
    record_event(
        kind=events.MILESTONE_ADDED,
        actor=access.user,
        target=milestone,
        after=snapshot(milestone, MILESTONE_FIELDS),
    )
    return milestone


@transaction.atomic
def milestone_update(*, access: Access, milestone: Milestone, **fields: Any) -> Milestone:
    """Change a milestone's dates or mark it completed."""
    milestone_policy.require(access, "manage", milestone)
    fields.pop("kind", None)
    changes = save_changes(milestone, fields, tracked=MILESTONE_FIELDS)
    if changes["after"]:
        record_event(kind=events.MILESTONE_CHANGED, actor=access.user, target=milestone, **changes)
    return milestone
