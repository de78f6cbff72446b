"""The programme and meetings demo builders: realistic, and idempotent."""

from __future__ import annotations

import pytest

from safeguarding_qa.demo.builder import ensure_colleagues, ensure_groups
from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.meetings import demo as meetings_demo
from safeguarding_qa.meetings.models import AgendaItem, Attendance, Decision, Meeting
from safeguarding_qa.partnership.models import MembershipReview
from safeguarding_qa.programme import demo as programme_demo
from safeguarding_qa.programme.choices import ItemStatus
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme

pytestmark = pytest.mark.django_db


def _counts() -> list[int]:
    models = (WorkProgramme, ProgrammeItem, Meeting, AgendaItem, Attendance, Decision)
    return [model.objects.count() for model in (*models, MembershipReview)]


def test_demo_builds_two_years_and_running_again_changes_nothing(organisations, personas):
    colleagues = ensure_colleagues(organisations)
    context = DemoContext(
        organisations=organisations,
        cast=personas,
        colleagues=colleagues,
        groups=ensure_groups(personas, colleagues),
    )
    programme_demo.build(context)
    meetings_demo.build(context)
    first = _counts()

    programme_demo.build(context)
    meetings_demo.build(context)

    assert _counts() == first
    assert WorkProgramme.objects.count() == 2
    this_year = WorkProgramme.objects.order_by("-year")[0]
    assert set(this_year.items.values_list("status", flat=True)) == set(ItemStatus.values)
    assert Meeting.objects.count() == 12
    assert Attendance.objects.exists() and Decision.objects.filter(action_needed=True).exists()
    assert AgendaItem.objects.exclude(suggestion_key="").exists()
    assert MembershipReview.objects.count() == 2
