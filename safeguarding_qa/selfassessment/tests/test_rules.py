from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from safeguarding_qa.selfassessment import rules
from safeguarding_qa.selfassessment.models import Round, SelfAssessment, StandardReturn

ROUND = Round(year=2025, opens_on=date(2025, 4, 1), due_on=date(2025, 6, 30))


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 0, tzinfo=timezone.get_current_timezone())


@pytest.mark.parametrize(
    ("submitted", "today", "late"),
    [
        (None, date(2025, 6, 30), False),
        (None, date(2025, 7, 1), True),
        (date(2025, 6, 30), date(2025, 9, 1), False),
        (date(2025, 7, 2), date(2025, 9, 1), True),
    ],
)
def test_a_return_is_late_after_its_due_date(submitted, today, late):
    sa = SelfAssessment(submitted_at=_at(submitted) if submitted else None)
    assert rules.is_late(sa, ROUND, today) is late


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ("green", "amber", "better"),
        ("red", "amber", "worse"),
        ("amber", "amber", "same"),
        ("", "amber", ""),
        ("green", "", ""),
    ],
)
def test_change_compares_with_the_previous_round(current, previous, expected):
    assert rules.change(current, previous) == expected


def test_the_moderated_rating_counts_over_the_self_rating():
    assert rules.agreed_rating(StandardReturn(self_rating="green")) == "green"
    assert rules.agreed_rating(StandardReturn(self_rating="green", moderated_rating="amber")) == (
        "amber"
    )


def test_missing_ratings_need_both_a_rating_and_evidence():
    answers = [
        StandardReturn(self_rating="green", evidence="Audit"),
        StandardReturn(self_rating="green", evidence="  "),
        StandardReturn(self_rating="", evidence="Audit"),
    ]
    assert rules.missing_ratings(answers) == answers[1:]
