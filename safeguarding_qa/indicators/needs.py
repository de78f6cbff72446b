"""The dashboard's items on people's "what needs me" list: their organisation's
outstanding returns, and challenges waiting for their answer. Three queries at most."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe

from . import selectors
from .choices import ChallengeStatus
from .models import Period
from .policies import challenges as challenge_policy
from .policies import indicators as indicator_policy


def needs_me(request: HttpRequest) -> list[NeedsMe]:
    access = access_of(request)
    if access.sees_partnership or not indicator_policy.may_submit_for(
        access, access.organisation_id
    ):
        return []
    items: list[NeedsMe] = []
    today = timezone.localdate()
    period = Period.objects.filter(is_closed=False, start__lt=today).order_by("-start").first()
    if period is not None and access.organisation_id is not None:
        for status in selectors.returns_status(
            period=period, organisation_ids=[access.organisation_id]
        ):
            if status.received < status.expected:
                items.append(
                    NeedsMe(
                        title=f"Indicator return for {period.label}",
                        url=reverse(
                            "indicators:return-edit", args=[period.pk, access.organisation_id]
                        ),
                        detail=f"{status.received} of {status.expected} values in",
                        due=period.deadline,
                        tag="Late" if status.late else "",
                        tag_class="govuk-tag--red" if status.late else "",
                    )
                )
    if challenge_policy.can(access, "respond"):
        for challenge in challenge_policy.scope(access).filter(status=ChallengeStatus.OPEN)[:10]:
            items.append(
                NeedsMe(
                    title=f"Challenge on {challenge.indicator.title}",
                    url=reverse("indicators:challenge-detail", args=[challenge.pk]),
                    detail=challenge.question[:120],
                )
            )
    return items
