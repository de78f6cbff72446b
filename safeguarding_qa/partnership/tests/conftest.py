"""Fixtures for the partnership tests: each persona's access, and a small group."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.choices import GroupKind, GroupRole, MeetingFrequency
from safeguarding_qa.partnership.models import Group, Membership


@pytest.fixture
def access_as(personas) -> Callable[[str], Access]:
    """The ``Access`` of the named persona, as a request would carry it."""
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def group(db) -> Group:
    return Group.objects.create(
        name="Test Review Group",
        kind=GroupKind.PRACTICE_REVIEW_GROUP,
        meeting_frequency=MeetingFrequency.AS_REQUIRED,
        purpose="Considers serious incidents.",
    )


@pytest.fixture
def membership(group, personas) -> Membership:
    return Membership.objects.create(
        group=group,
        person=personas["lead_police"],
        role=GroupRole.MEMBER,
        started_on=date(2024, 4, 1),
    )


def events_of(kind: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(kind=kind).order_by("sequence"))


_PARTNERSHIP_KINDS = ("organisation.", "group.", "membership.", "partnership.")


def change_events() -> list[str]:
    """The kinds of partnership change events recorded (sign-in events left out)."""
    kinds = AuditEvent.objects.order_by("sequence").values_list("kind", flat=True)
    return [kind for kind in kinds if kind.startswith(_PARTNERSHIP_KINDS)]
