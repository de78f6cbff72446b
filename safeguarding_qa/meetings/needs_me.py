"""What needs a person on their home page, from meetings: minutes still to write."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe, NeedsMeList, first_and_total

from .choices import MeetingStatus
from .policies import meetings as meeting_policy

RECENT = timedelta(days=90)


def meetings_needs_me(request: HttpRequest) -> NeedsMeList:
    """For people who minute meetings: recent past meetings without minutes (the first few
    and a count, in one query)."""
    access = access_of(request)
    needs = NeedsMeList()
    if not meeting_policy.can(access, "manage"):
        return needs
    now = timezone.now()
    waiting, total = first_and_total(
        meeting_policy.scope(access)
        .filter(starts_at__lt=now, starts_at__gte=now - RECENT, minutes="")
        .exclude(status=MeetingStatus.CANCELLED)
        # Plain values: only these four are shown, and whole meetings cost more to load.
        .values("pk", "title", "starts_at", "group__name")
        .order_by("starts_at", "pk")
    )
    items = [
        NeedsMe(
            title=f"Write the minutes of {meeting['title']}",
            url=reverse("meetings:meeting-minutes", kwargs={"pk": meeting["pk"]}),
            detail=(
                f"{meeting['group__name']}, met on "
                f"{timezone.localtime(meeting['starts_at']):%d %B %Y}"
            ),
            tag="Minutes",
            tag_class="govuk-tag--yellow",
        )
        for meeting in waiting
    ]
    needs.add(
        items,
        total=total,
        more_url=reverse("meetings:meeting-list"),
        more_label="meetings to write the minutes of",
    )
    return needs
