"""Agenda suggestions for meetings (registered in ``apps.py``): what is due in practice
review case work around the meeting's date. Numbers only, never a child's reference or
identifiers, because a meeting's agenda is seen by everyone who sees the meeting."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.plugins import AgendaSuggestion

from . import rules
from .models import InformationRequest, Milestone, SeriousIncident

# Deadlines falling within this many days after the meeting are "coming up".
LOOK_AHEAD_DAYS = 30


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def deadline_counts(meeting_day: date) -> dict[str, int]:
    """Open incidents' next statutory deadlines passed by the meeting day or falling in
    the following 30 days; unreturned information requests past due; local review
    milestones past due. Three queries."""
    incidents = SeriousIncident.objects.select_related("practice_review")
    overdue = coming = 0
    for incident in incidents:
        deadline = rules.next_deadline(incident)
        if deadline is None:
            continue
        if deadline.due_on < meeting_day:
            overdue += 1
        elif deadline.due_on <= meeting_day + timedelta(days=LOOK_AHEAD_DAYS):
            coming += 1
    return {
        "overdue": overdue,
        "coming": coming,
        "requests": InformationRequest.objects.filter(
            submitted_at__isnull=True, due_on__lt=meeting_day
        ).count(),
        "milestones": Milestone.objects.filter(
            completed_on__isnull=True, due_on__lt=meeting_day
        ).count(),
    }


def practice_review_agenda(meeting: Meeting) -> list[AgendaSuggestion]:
    """One suggestion when any practice review deadline is passed or coming up."""
    meeting_day = timezone.localtime(meeting.starts_at).date()
    counts = deadline_counts(meeting_day)
    if not any(counts.values()):
        return []
    parts = [
        f"{_plural(counts['overdue'], 'serious incident')} with a statutory deadline passed",
        f"{_plural(counts['coming'], 'serious incident')} with a deadline in the "
        f"{LOOK_AHEAD_DAYS} days after the meeting",
        f"{_plural(counts['requests'], 'agency information request')} overdue",
        f"{_plural(counts['milestones'], 'local review milestone')} overdue",
    ]
    return [
        AgendaSuggestion(
            key="reviews:deadlines",
            title="Practice review deadlines",
            description="; ".join(parts) + ". Details are with the practice review group.",
            source="Practice reviews",
        )
    ]
