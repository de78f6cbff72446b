"""Practice review deadlines on meeting agendas: counts only, never references."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group
from safeguarding_qa.reviews.agenda import deadline_counts, practice_review_agenda
from safeguarding_qa.reviews.models import InformationRequest, Milestone

pytestmark = pytest.mark.django_db


def _meeting(day: date) -> Meeting:
    group, _ = Group.objects.get_or_create(
        name="Agenda QA Subgroup", defaults={"kind": GroupKind.QA_SUBGROUP}
    )
    return Meeting.objects.create(
        group=group,
        title="QA subgroup",
        starts_at=datetime(
            day.year, day.month, day.day, 10, tzinfo=timezone.get_current_timezone()
        ),
    )


def test_no_suggestion_without_deadlines(db):
    assert practice_review_agenda(_meeting(date(2026, 3, 20))) == []


def test_deadlines_are_counted_without_naming_the_child(incident, council_request, review):
    # incident: aware 2 March 2026; notification due 9 March; request due 9 March.
    Milestone.objects.create(review=review, kind="draft", due_on=date(2026, 3, 1))
    counts = deadline_counts(date(2026, 3, 20))
    assert counts == {"overdue": 1, "coming": 0, "requests": 1, "milestones": 1}
    assert deadline_counts(date(2026, 3, 3))["coming"] == 1
    [suggestion] = practice_review_agenda(_meeting(date(2026, 3, 20)))
    assert "1 serious incident with a statutory deadline passed" in suggestion.description
    assert "1 agency information request overdue" in suggestion.description
    assert incident.reference not in suggestion.title + suggestion.description
    assert suggestion.target is None


def test_returned_requests_are_not_counted(incident, council_request, personas):
    InformationRequest.objects.filter(pk=council_request.pk).update(
        submitted_at=timezone.now(), submitted_by=personas["lead_council"]
    )
    assert deadline_counts(date(2026, 3, 20))["requests"] == 0
