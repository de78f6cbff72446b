"""Writes for attendance and decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events, plugins, rules
from ..choices import AttendanceStatus
from ..models import AgendaItem, Attendance, Decision, DecisionAction, Meeting
from ..policies import meetings as meeting_policy


@transaction.atomic
def attendance_record(
    *, access: Access, meeting: Meeting, statuses: dict[Any, str]
) -> list[Attendance]:
    """Record who was present, sent apologies or was absent (person -> status).

    Earlier records for the same people are replaced; people not named are left as they were.
    """
    meeting_policy.require(access, "manage", meeting)
    unknown = {status for status in statuses.values() if status not in AttendanceStatus.values}
    if unknown:
        raise ValidationError(f"Unknown attendance: {', '.join(sorted(unknown))}")
    existing = {a.person_id: a for a in meeting.attendances.all()}
    before = {str(pk): a.status for pk, a in existing.items()}
    saved = []
    for person, status in statuses.items():
        attendance = existing.get(person.pk) or Attendance(meeting=meeting, person=person)
        attendance.status = status
        if attendance.pk is None:
            attendance.organisation = person.organisation
        attendance.save()
        saved.append(attendance)
    after = {**before, **{str(a.person_id): a.status for a in saved}}
    record_event(
        kind=events.ATTENDANCE_RECORDED,
        actor=access.user,
        target=meeting,
        before=before,
        after=after,
    )
    return saved


@transaction.atomic
def decision_record(
    *,
    access: Access,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
    action_needed: bool = False,
    action_organisation: Organisation | None = None,
    action_due: date | None = None,
) -> Decision:
    """Record a decision. When it calls for an action, the registered action maker (the
    recommendations register) creates the action in the same transaction, and the decision
    keeps a link to it."""
    meeting_policy.require(access, "manage", meeting)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda"})
    if not rules.decision_needs_action_details(
        action_needed=action_needed, organisation=action_organisation, due=action_due
    ):
        raise ValidationError(
            "A decision that needs an action must name the organisation and the due date"
        )
    decision = Decision(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text,
        action_needed=action_needed,
        action_organisation=action_organisation if action_needed else None,
        action_due=action_due if action_needed else None,
    )
    decision.full_clean()
    decision.save()
    action = plugins.make_action(access=access, decision=decision) if action_needed else None
    if action is not None:
        DecisionAction.objects.create(
            decision=decision,
            content_type=ContentType.objects.get_for_model(action),
            object_id=action.pk,
        )
    record_event(
        kind=events.DECISION_RECORDED,
        actor=access.user,
        target=decision,
        after=snapshot(decision, ["text", "action_needed", "action_organisation", "action_due"]),
        data={"meeting": meeting.pk, "action": action.pk if action is not None else None},
    )
    return decision
