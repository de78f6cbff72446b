"""Agenda suggestions for meetings (registered in ``apps.py``): self-assessment rounds
open at the meeting's date, or closed in the 60 days before it, with how many
organisations have returned."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.plugins import AgendaSuggestion

from .choices import ReturnStatus, RoundStatus
from .models import Round

RECENTLY_CLOSED_DAYS = 60


def self_assessment_agenda(meeting: Meeting) -> list[AgendaSuggestion]:
    """One suggestion per round open on the meeting's date or closed shortly before it.
    One query."""
    moment = meeting.starts_at
    day = timezone.localtime(moment).date()
    rounds = (
        Round.objects.filter(
            Q(status=RoundStatus.OPEN, opens_on__lte=day + timedelta(days=RECENTLY_CLOSED_DAYS))
            | Q(
                status=RoundStatus.CLOSED,
                closed_at__gte=moment - timedelta(days=RECENTLY_CLOSED_DAYS),
                closed_at__lte=moment,
            )
        )
        .select_related("framework")
        .annotate(
            n_returns=Count("self_assessments", distinct=True),
            n_submitted=Count(
                "self_assessments",
                filter=Q(self_assessments__status=ReturnStatus.SUBMITTED),
                distinct=True,
            ),
        )
        .order_by("due_on", "pk")
    )
    suggestions = []
    for round_ in rounds:
        if round_.is_open:
            state = (
                f"Open; returns due {round_.due_on:%-d %B %Y}"
                if round_.due_on >= day
                else f"Returns were due {round_.due_on:%-d %B %Y}"
            )
        else:
            state = "Closed; the heat-map and moderation are ready to discuss"
        suggestions.append(
            AgendaSuggestion(
                key=f"selfassessment:round:{round_.pk}",
                title=f"Self-assessment: {round_}",
                description=f"{state}. {round_.n_submitted} of {round_.n_returns} "
                "organisations have returned.",
                source="Self-assessment",
                target=round_,
            )
        )
    return suggestions
