"""Self-assessment rounds on meeting agendas."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group
from safeguarding_qa.selfassessment.agenda import self_assessment_agenda
from safeguarding_qa.selfassessment.choices import RoundStatus

from .factories import fill, make_round

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


def test_open_rounds_are_suggested_with_returns_counted(returns, personas, open_round):
    fill(returns["police"], submit=True, by=personas["lead_police"])
    [suggestion] = self_assessment_agenda(_meeting(date(2026, 5, 12)))
    assert suggestion.key == f"selfassessment:round:{open_round.pk}"
    assert suggestion.target == open_round
    assert "1 of 3 organisations have returned" in suggestion.description


def test_rounds_closed_long_ago_are_not(organisations):
    closed = make_round(organisations=[organisations["council"]], status=RoundStatus.CLOSED)
    closed.closed_at = datetime(2025, 1, 10, tzinfo=timezone.get_current_timezone())
    closed.save()
    assert self_assessment_agenda(_meeting(date(2025, 2, 1)))[0].target == closed
    assert self_assessment_agenda(_meeting(date(2025, 6, 1))) == []
