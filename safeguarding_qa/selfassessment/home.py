"""The "what needs me" items for self-assessment: returns to complete, challenges to answer."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe

from . import selectors


def self_assessment_needs_me(request: HttpRequest) -> list[NeedsMe]:
    """Two queries at most, whatever the number of rounds."""
    access = access_of(request)
    if not access.is_authenticated:
        return []
    items = []
    for self_assessment in selectors.outstanding_for(access=access):
        submitted = self_assessment.is_submitted
        items.append(
            NeedsMe(
                title=f"{self_assessment.round}: "
                + ("answer the QA subgroup's challenge" if submitted else "complete your return"),
                url=reverse("selfassessment:return-detail", args=[self_assessment.pk]),
                detail="Self-assessment",
                due=None if submitted else self_assessment.round.due_on,
                tag="Challenged" if submitted else "In progress",
                tag_class="govuk-tag--red" if submitted else "govuk-tag--blue",
            )
        )
    return items
