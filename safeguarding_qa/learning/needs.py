""" "What needs me" items for learning: approvals for chairs, cascades for agency leads."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.access.roles import Capability
from safeguarding_qa.core.home import NeedsMe

from .choices import BriefingStatus
from .models import LearningBriefing


def briefings_needing_me(request: HttpRequest) -> list[NeedsMe]:
    """Drafts for approvers; published briefings not yet cascaded by the lead's agency.
    At most one query per kind of item."""
    access = access_of(request)
    items: list[NeedsMe] = []
    if access.can(Capability.BRIEFINGS_APPROVE):
        drafts = LearningBriefing.objects.filter(status=BriefingStatus.DRAFT).count()
        if drafts:
            items.append(
                NeedsMe(
                    title=f"{drafts} learning briefing{'s' if drafts != 1 else ''} in draft",
                    url=reverse("learning:briefing-list"),
                    detail="Approve each complete draft so it can be published.",
                    tag="Approve",
                    tag_class="govuk-tag--blue",
                )
            )
    organisation_id = access.organisation_id
    if (
        access.can(Capability.DISSEMINATION_RECORD)
        and organisation_id
        and not access.sees_partnership
    ):
        waiting = list(
            LearningBriefing.objects.filter(status=BriefingStatus.PUBLISHED)
            .exclude(disseminations__organisation_id=organisation_id)
            # Only what the item shows: a briefing's long texts are not needed here.
            .only("pk", "title")
            .order_by("-published_at")[:5]
        )
        items.extend(
            NeedsMe(
                title=f"Cascade {briefing.title}",
                url=reverse("learning:dissemination-add", args=[briefing.pk]),
                detail="Record when your organisation shared it, and with how many staff.",
                tag="Dissemination",
                tag_class="govuk-tag--yellow",
            )
            for briefing in waiting
        )
    return items
