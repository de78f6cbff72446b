"""Meeting pages: list, detail with its fixed query count, forms, ICS, statistics, papers."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.meetings.choices import AttendanceStatus, MeetingStatus
from safeguarding_qa.meetings.models import AgendaItem, Attendance, Decision, Meeting, Paper
from safeguarding_qa.partnership.models import Membership
from safeguarding_qa.programme.choices import ItemKind
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme

from .conftest import at

pytestmark = pytest.mark.django_db


def _url(name: str, meeting: Meeting) -> str:
    return reverse(f"meetings:{name}", kwargs={"pk": meeting.pk})


def test_list_shows_past_and_upcoming_meetings(client_as, meeting, qa_group):
    Meeting.objects.create(group=qa_group, title="QA – far future", starts_at=at(2099, 1, 5))
    client = client_as("lead_police")

    upcoming = client.get(reverse("meetings:meeting-list")).content.decode()
    past = client.get(reverse("meetings:meeting-list"), {"when": "past"}).content.decode()

    assert "QA – far future" in upcoming and meeting.title not in upcoming
    assert meeting.title in past
    assert "Arrange a meeting" not in upcoming


def test_create_meeting_from_the_form(client_as, qa_group):
    response = client_as("admin").post(
        reverse("meetings:meeting-create"),
        {
            "group": qa_group.pk,
            "title": "QA – September",
            "day_day": "16",
            "day_month": "9",
            "day_year": "2026",
            "start_time": "09:30",
            "duration_minutes": "120",
            "location": "Brackenmoor House",
        },
    )

    meeting = Meeting.objects.get(title="QA – September")
    assert response.status_code == 302
    local = timezone.localtime(meeting.starts_at)
    assert (local.hour, local.minute, local.day) == (9, 30, 16)


def test_create_meeting_with_bad_input_shows_errors_and_changes_nothing(client_as, qa_group):
    response = client_as("admin").post(
        reverse("meetings:meeting-create"),
        {"group": qa_group.pk, "title": "", "start_time": "25:99", "duration_minutes": "2"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the meeting&#x27;s title" in page
    assert "like 09:30" in page
    assert "at least 5 minutes" in page
    assert not Meeting.objects.exists()


def test_detail_suggests_programme_items_and_adds_them(client_as, meeting):
    programme = WorkProgramme.objects.create(year=2025)
    item = ProgrammeItem.objects.create(
        programme=programme,
        kind=ItemKind.CASE_FILE_AUDIT,
        title="Neglect audit",
        theme="Neglect",
        target_meeting=meeting,
    )
    client = client_as("chair")

    page = client.get(_url("meeting-detail", meeting)).content.decode()
    assert "Multi-agency case file audit: Neglect audit" in page

    response = client.post(
        _url("agenda-suggestions-add", meeting), {"suggestions": [f"programme:item:{item.pk}"]}
    )

    assert response.status_code == 302
    agenda_item = AgendaItem.objects.get(meeting=meeting)
    assert agenda_item.linked_object == item
    page = client.get(_url("meeting-detail", meeting)).content.decode()
    assert "Suggested for this meeting" not in page
    assert item.get_absolute_url() in page


def test_detail_runs_a_fixed_number_of_queries(
    client_as, meeting, organisations, django_assert_num_queries
):
    client = client_as("scrutineer")
    client.get(_url("meeting-detail", meeting))
    people = get_user_model().objects.bulk_create(
        get_user_model()(
            email=f"attendee{n}@example.org",
            full_name=f"Attendee {n:02}",
            organisation=organisations["council"],
        )
        for n in range(30)
    )
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            person=p,
            organisation=organisations["council"],
            status=AttendanceStatus.PRESENT,
        )
        for p in people
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=n + 1, title=f"Item {n}", object_id=None)
        for n in range(30)
    )
    Paper.objects.bulk_create(
        Paper(meeting=meeting, title=f"Paper {n}", link="/programme/") for n in range(30)
    )
    Decision.objects.bulk_create(Decision(meeting=meeting, text=f"Decision {n}") for n in range(30))

    with django_assert_num_queries(18):
        response = client.get(_url("meeting-detail", meeting))

    assert response.content.decode().count("Attendee ") == 30


def test_list_runs_a_fixed_number_of_queries(client_as, qa_group, django_assert_num_queries):
    client = client_as("lead_council")
    client.get(reverse("meetings:meeting-list"))
    Meeting.objects.bulk_create(
        Meeting(group=qa_group, title=f"Meeting {n}", starts_at=at(2090, 1, 1 + n))
        for n in range(30)
    )

    with django_assert_num_queries(12):
        response = client.get(reverse("meetings:meeting-list"))

    assert len(response.context["page_obj"]) == 25


def test_calendar_download_is_an_ics_event(client_as, meeting):
    response = client_as("lead_hospital").get(_url("meeting-calendar", meeting))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body
    assert "DTSTART:20250617T090000Z" in body  # 10:00 British Summer Time
    assert "DTEND:20250617T110000Z" in body
    assert "LOCATION:Brackenmoor House\\, Room 2\\, https://meet.example.org/qa-june" in body
    assert body.endswith("END:VCALENDAR\r\n")


def test_attendance_form_records_and_statistics_count_it(client_as, personas, meeting):
    client = client_as("admin")
    response = client.post(
        _url("attendance-record", meeting),
        {
            f"person_{personas['chair'].pk}": "present",
            f"person_{personas['lead_police'].pk}": "apologies",
            f"person_{personas['lead_council'].pk}": "present",
        },
    )
    assert response.status_code == 302

    page = client.get(
        reverse("meetings:attendance-statistics"), {"group": meeting.group_id, "year": "2025"}
    ).content.decode()

    assert "held 1 meeting" in page
    assert "Fellshire Constabulary" in page
    assert Attendance.objects.filter(meeting=meeting).count() == 3


def test_attendance_with_nothing_chosen_changes_nothing(client_as, meeting):
    response = client_as("admin").post(_url("attendance-record", meeting), {})

    assert response.status_code == 200
    assert "at least one person" in response.content.decode()
    assert not Attendance.objects.exists()


def test_statistics_leave_out_cancelled_meetings(client_as, personas, meeting, qa_group):
    cancelled = Meeting.objects.create(
        group=qa_group, title="Cancelled", starts_at=at(2025, 8, 1), status=MeetingStatus.CANCELLED
    )
    Attendance.objects.create(
        meeting=cancelled,
        person=personas["chair"],
        organisation=personas["chair"].organisation,
        status=AttendanceStatus.ABSENT,
    )

    page = (
        client_as("chair")
        .get(reverse("meetings:attendance-statistics"), {"group": qa_group.pk, "year": "2025"})
        .content.decode()
    )

    assert "held 1 meeting" in page
    assert "No attendance was recorded" in page


def test_decision_form_requires_action_details(client_as, meeting):
    response = client_as("chair").post(
        _url("decision-add", meeting), {"text": "Audit neglect next year", "action_needed": "on"}
    )

    page = response.content.decode()
    assert "Choose the organisation that owns the action" in page
    assert "Enter the date the action is due" in page
    assert not Decision.objects.exists()


def test_paper_upload_and_download_is_logged(client_as, meeting):
    client = client_as("admin")
    upload = SimpleUploadedFile("dashboard.txt", b"Synthetic dashboard paper.")
    response = client.post(_url("paper-add", meeting), {"title": "Dashboard Q1", "file": upload})
    assert response.status_code == 302
    paper = Paper.objects.get(meeting=meeting)

    download = client_as("lead_police").get(
        reverse("meetings:paper-download", kwargs={"meeting_pk": meeting.pk, "pk": paper.pk})
    )

    assert b"".join(download.streaming_content) == b"Synthetic dashboard paper."
    assert AuditEvent.objects.filter(kind="meeting.paper_downloaded").count() == 1


def test_paper_needs_exactly_one_of_file_or_link(client_as, meeting):
    response = client_as("admin").post(
        _url("paper-add", meeting), {"title": "Nothing attached", "link": "javascript:alert(1)"}
    )

    page = response.content.decode()
    assert "starting /" in page
    assert not Paper.objects.exists()


def test_attendance_form_lists_the_group_members(client_as, meeting, personas):
    Membership.objects.filter(person=personas["lay_member"]).update(ended_on="2025-01-01")

    page = client_as("admin").get(_url("attendance-record", meeting)).content.decode()

    assert personas["lead_police"].display_name in page
    assert personas["lay_member"].display_name not in page
