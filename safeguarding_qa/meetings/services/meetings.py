"""Writes for meetings themselves: arrange, change, minute."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot
from safeguarding_qa.partnership.models import Group

from .. import events
from ..models import Meeting
from ..policies import meetings as meeting_policy

MEETING_FIELDS = [
    "group",
    "title",
    "starts_at",
    "duration_minutes",
    "location",
    "online_link",
    "status",
]


@transaction.atomic
def meeting_create(
    *,
    access: Access,
    group: Group,
    title: str,
    starts_at: datetime,
    duration_minutes: int = 120,
    location: str = "",
    online_link: str = "",
) -> Meeting:
    """Arrange a meeting of a group."""
    meeting_policy.require(access, "manage")
    meeting = Meeting(
        group=group,
        title=title,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location,
        online_link=online_link,
    )
    meeting.full_clean()
    meeting.save()
    record_event(
        kind=events.MEETING_CREATED,
        actor=access.user,
        target=meeting,
        after=snapshot(meeting, MEETING_FIELDS),
    )
    return meeting


@transaction.atomic
def meeting_update(*, access: Access, meeting: Meeting, **fields: Any) -> Meeting:
    """Change a meeting's details (time, place, status); records only what changed."""
    meeting_policy.require(access, "manage", meeting)
    changes = save_changes(meeting, fields, tracked=MEETING_FIELDS)
    if changes["after"]:
        record_event(kind=events.MEETING_CHANGED, actor=access.user, target=meeting, **changes)
    return meeting


@transaction.atomic
def meeting_record_minutes(*, access: Access, meeting: Meeting, minutes: str) -> Meeting:
    """Record (or correct) the minutes. The change history keeps every earlier version."""
    meeting_policy.require(access, "manage", meeting)
    changes = save_changes(meeting, {"minutes": minutes}, tracked=["minutes"])
    if changes["after"]:
        record_event(
            kind=events.MEETING_MINUTES_CHANGED,
            actor=access.user,
            target=meeting,
            data={"length": len(minutes)},
        )
    return meeting
