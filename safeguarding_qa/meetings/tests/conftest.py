"""Fixtures for meeting tests: a group with members from several organisations, a meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.partnership.choices import GroupKind, GroupRole
from safeguarding_qa.partnership.models import Group, Membership


@pytest.fixture
def access_as(personas) -> Callable[[str], Access]:
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def qa_group(personas) -> Group:
    group = Group.objects.create(name="Test QA Subgroup", kind=GroupKind.QA_SUBGROUP)
    for key, role in [
        ("chair", GroupRole.CHAIR),
        ("qa_lead", GroupRole.VICE_CHAIR),
        ("lead_council", GroupRole.MEMBER),
        ("lead_police", GroupRole.MEMBER),
        ("lead_hospital", GroupRole.MEMBER),
        ("lay_member", GroupRole.LAY_MEMBER),
    ]:
        Membership.objects.create(
            group=group, person=personas[key], role=role, started_on=date(2024, 4, 1)
        )
    return group


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def meeting(qa_group) -> Meeting:
    return Meeting.objects.create(
        group=qa_group,
        title="QA subgroup – June 2025",
        starts_at=at(2025, 6, 17),
        location="Brackenmoor House, Room 2",
        online_link="https://meet.example.org/qa-june",
    )
