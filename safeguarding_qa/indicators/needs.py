"""The dashboard's items on people's "what needs me" list: their organisation's
outstanding returns (for leads and data contacts), and challenges waiting for their
answer. Seven queries at most."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe

from . import selectors
from .choices import ChallengeStatus, PeriodKind
from .models import Period
from .policies import challenges as challenge_policy
from .policies import indicators as indicator_policy


def needs_me(request: HttpRequest) -> list[NeedsMe]:
    access = access_of(request)
    items: list[NeedsMe] = []
    # Administrators submit for everyone, so a per-organisation reminder would mislead them;
    # leads and the data contacts they name see their own organisation's return.
    submits = not indicator_policy.submits_for_every_organisation(
        access
    ) and indicator_policy.may_submit_for(access, access.organisation_id)
    today = timezone.localdate()
    if submits and access.organisation_id is not None:
        # The latest open quarter that has begun, and the latest open month for monthly
        # indicators (an organisation without any gets no month item); both periods'
        # counts come in one query.
        periods = []
        for kind in (PeriodKind.QUARTER, PeriodKind.MONTH):
            period = (
                Period.every.filter(kind=kind, is_closed=False, start__lt=today)
                .only("pk", "kind", "start", "deadline")
                .order_by("-start")
                .first()
            )
            if period is not None:
                periods.append(period)
        items.extend(_outstanding(periods, access.organisation_id))
    if not access.sees_partnership and challenge_policy.can(access, "respond"):
        # Only the indicator's title is shown: the scope's joins to three people and the
        # period are left out, as loading them was most of this list's cost.
        open_challenges = (
            challenge_policy.scope(access)
            .filter(status=ChallengeStatus.OPEN)
            .select_related(None)
            .select_related("indicator")
            .only("pk", "question", "indicator__title")
        )
        for challenge in open_challenges[:10]:
            items.append(
                NeedsMe(
                    title=f"Challenge on {challenge.indicator.title}",
                    url=reverse("indicators:challenge-detail", args=[challenge.pk]),
                    detail=challenge.question[:120],
                )
            )
    return items


def _outstanding(periods: list[Period], organisation_id: int) -> list[NeedsMe]:
    return [
        NeedsMe(
            title=f"Indicator return for {status.period.label}",
            url=reverse("indicators:return-edit", args=[status.period.pk, organisation_id]),
            detail=f"{status.received} of {status.expected} values in",
            due=status.period.deadline,
            tag="Late" if status.late else "",
            tag_class="govuk-tag--red" if status.late else "",
        )
        for status in selectors.return_counts(periods=periods, organisation_id=organisation_id)
        if status.received < status.expected
    ]
