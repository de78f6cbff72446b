"""Meeting services: agenda, attendance and quoracy, decisions and their actions."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.meetings import plugins
from safeguarding_qa.meetings.choices import AttendanceStatus
from safeguarding_qa.meetings.models import AgendaItem, Attendance, Decision, DecisionAction
from safeguarding_qa.meetings.plugins import AgendaSuggestion
from safeguarding_qa.meetings.selectors import meeting_attendance, meeting_quoracy
from safeguarding_qa.meetings.services.agenda import (
    agenda_add_suggestions,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
)
from safeguarding_qa.meetings.services.attendance import attendance_record, decision_record
from safeguarding_qa.meetings.services.meetings import meeting_create, meeting_record_minutes

from .conftest import at

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(
        AuditEvent.objects.filter(kind__startswith="meeting.")
        .order_by("sequence")
        .values_list("kind", flat=True)
    )


def test_meeting_create_records_an_event(access_as, qa_group):
    meeting = meeting_create(
        access=access_as("admin"), group=qa_group, title="QA – July", starts_at=at(2025, 7, 1)
    )

    assert meeting.pk
    assert _kinds() == ["meeting.created"]


def test_only_oversight_arranges_meetings(access_as, qa_group):
    with pytest.raises(PermissionDenied):
        meeting_create(
            access=access_as("lead_police"), group=qa_group, title="X", starts_at=at(2025, 7, 1)
        )
    assert _kinds() == []


def test_agenda_items_are_numbered_moved_and_renumbered(access_as, meeting):
    access = access_as("chair")
    first = agenda_item_add(access=access, meeting=meeting, title="Apologies")
    second = agenda_item_add(access=access, meeting=meeting, title="Dashboard")
    third = agenda_item_add(access=access, meeting=meeting, title="Any other business")

    agenda_item_move(access=access, item=third, up=True)
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Apologies",
        "Any other business",
        "Dashboard",
    ]
    agenda_item_move(access=access, item=first, up=True)  # already first: nothing happens
    agenda_item_remove(access=access, item=first)

    assert list(meeting.agenda_items.values_list("position", "title")) == [
        (1, "Any other business"),
        (2, "Dashboard"),
    ]
    assert second.pk in meeting.agenda_items.values_list("pk", flat=True)
    assert _kinds().count("meeting.agenda_item_added") == 3
    assert "meeting.agenda_item_removed" in _kinds()


def test_a_suggestion_is_added_once_and_links_its_object(access_as, meeting, qa_group):
    suggestion = AgendaSuggestion(key="test:group", title="Group business", target=qa_group)
    access = access_as("admin")

    agenda_add_suggestions(access=access, meeting=meeting, suggestions=[suggestion])
    again = agenda_add_suggestions(access=access, meeting=meeting, suggestions=[suggestion])

    item = AgendaItem.objects.get(meeting=meeting)
    assert again == []
    assert item.linked_object == qa_group
    with pytest.raises(ValidationError):
        agenda_add_suggestions(access=access, meeting=meeting, suggestions=[])


def test_attendance_is_replaced_and_quoracy_follows_organisations(access_as, personas, meeting):
    access = access_as("admin")
    attendance_record(
        access=access,
        meeting=meeting,
        statuses={
            personas["chair"]: AttendanceStatus.PRESENT,  # integrated care board
            personas["lead_council"]: AttendanceStatus.PRESENT,
            personas["lead_police"]: AttendanceStatus.APOLOGIES,
            personas["lead_hospital"]: AttendanceStatus.PRESENT,
        },
    )
    quoracy = meeting_quoracy(meeting=meeting, attendance=meeting_attendance(meeting=meeting))
    assert not quoracy.is_quorate
    assert quoracy.missing_statutory_partners == ["Fellshire Constabulary"]

    attendance_record(
        access=access, meeting=meeting, statuses={personas["lead_police"]: AttendanceStatus.PRESENT}
    )

    quoracy = meeting_quoracy(meeting=meeting, attendance=meeting_attendance(meeting=meeting))
    assert quoracy.is_quorate
    assert len(quoracy.organisations_present) == 4
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    assert _kinds().count("meeting.attendance_recorded") == 2


def test_attendance_refuses_an_unknown_status(access_as, personas, meeting):
    with pytest.raises(ValidationError):
        attendance_record(
            access=access_as("admin"), meeting=meeting, statuses={personas["chair"]: "asleep"}
        )
    assert not Attendance.objects.exists()


def test_a_decision_needing_an_action_must_name_owner_and_due(access_as, meeting):
    with pytest.raises(ValidationError):
        decision_record(
            access=access_as("chair"), meeting=meeting, text="Audit neglect", action_needed=True
        )
    assert not Decision.objects.exists()


def test_a_decision_creates_its_action_through_the_registered_maker(
    access_as, meeting, organisations, monkeypatch
):
    made = []

    def maker(*, access, decision, organisation, due, description):
        made.append((organisation, due, description))
        return organisation  # any saved object stands in for the register's action

    monkeypatch.setattr(plugins, "_action_makers", {"test": maker})
    decision = decision_record(
        access=access_as("chair"),
        meeting=meeting,
        text="Police to review strategy discussion attendance.",
        action_needed=True,
        action_organisation=organisations["police"],
        action_due=date(2025, 9, 30),
    )

    link = DecisionAction.objects.get(decision=decision)
    assert link.action == organisations["police"]
    assert made == [
        (organisations["police"], date(2025, 9, 30), decision.text),
    ]
    assert _kinds() == ["meeting.decision_recorded"]


def test_a_decision_without_a_maker_waits_for_the_register(
    access_as, meeting, organisations, monkeypatch
):
    monkeypatch.setattr(plugins, "_action_makers", {})
    decision = decision_record(
        access=access_as("chair"),
        meeting=meeting,
        text="Health to report on training.",
        action_needed=True,
        action_organisation=organisations["hospital"],
        action_due=date(2025, 12, 1),
    )

    assert decision.action_needed
    assert not decision.actions.exists()


def test_minutes_are_recorded_with_history(access_as, meeting):
    meeting_record_minutes(access=access_as("admin"), meeting=meeting, minutes="First draft")
    meeting_record_minutes(access=access_as("admin"), meeting=meeting, minutes="Agreed text")

    assert meeting.history.count() == 3
    assert _kinds() == ["meeting.minutes_changed", "meeting.minutes_changed"]


def test_home_page_asks_chairs_for_missing_minutes(rf, personas, qa_group):
    from datetime import timedelta

    from django.utils import timezone

    from safeguarding_qa.access.context import Access
    from safeguarding_qa.meetings.models import Meeting
    from safeguarding_qa.meetings.needs_me import meetings_needs_me

    Meeting.objects.create(
        group=qa_group, title="Last week", starts_at=timezone.now() - timedelta(days=7)
    )
    request = rf.get("/")
    request.access = Access.for_user(personas["chair"])
    lead_request = rf.get("/")
    lead_request.access = Access.for_user(personas["lead_police"])

    assert [item.title for item in meetings_needs_me(request)] == ["Write the minutes of Last week"]
    assert meetings_needs_me(lead_request) == []
