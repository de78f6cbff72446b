"""Reads for the work programme. Each runs a fixed number of queries, whatever the data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.meetings.choices import MeetingStatus
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.selectors import year_bounds

from . import rules
from .choices import ItemStatus
from .models import ProgrammeItem, WorkProgramme
from .policies import programmes as programme_policy


def current_year() -> int:
    """The April–March year we are in (its starting calendar year)."""
    day = timezone.localdate()
    return day.year if day.month >= 4 else day.year - 1


def programme_list(*, access: Access) -> QuerySet[WorkProgramme]:
    """Programmes this person may see, newest year first, with item counts by status."""
    counts = {
        f"{status}_count": Count("items", filter=Q(items__status=status))
        for status in ItemStatus.values
    }
    return (
        programme_policy.scope(access)
        .annotate(item_count=Count("items"), **counts)
        .order_by("-year")
    )


def programme_items(*, programme: WorkProgramme) -> list[ProgrammeItem]:
    """The programme's items by quarter and kind, with their meeting and what they became."""
    return list(
        programme.items.select_related("target_meeting", "content_type")
        .prefetch_related("became")
        .order_by("quarter", "kind", "title", "pk")
    )


@dataclass(frozen=True)
class ProgrammeSummary:
    audits: int
    by_status: dict[str, int]
    warnings: list[str]


def programme_summary(*, items: list[ProgrammeItem]) -> ProgrammeSummary:
    """Counts and the policy warnings (``rules.programme_warnings``) for a list of items."""
    kinds = [item.kind for item in items]
    statuses = Counter(item.status for item in items)
    return ProgrammeSummary(
        audits=sum(1 for kind in kinds if kind in rules.AUDIT_KINDS),
        by_status={label: statuses.get(value, 0) for value, label in ItemStatus.choices},
        warnings=rules.programme_warnings(kinds),
    )


def meeting_choices(*, programme: WorkProgramme) -> QuerySet[Meeting]:
    """Meetings in the programme's year that an item can target (not cancelled ones)."""
    start, end = year_bounds(programme.year)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("group")
        .order_by("starts_at", "pk")
    )
