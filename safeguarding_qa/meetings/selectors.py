"""Reads for meetings. Each runs a fixed number of queries, whatever the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership.models import Group, Membership

from . import rules
from .choices import AttendanceStatus, MeetingStatus
from .models import AgendaItem, Attendance, Decision, Meeting
from .plugins import AgendaSuggestion, agenda_suggestions
from .policies import meetings as meeting_policy


def meeting_list(*, access: Access, past: bool = False) -> QuerySet[Meeting]:
    """Upcoming meetings soonest first, or past meetings latest first, with counts."""
    now = timezone.now()
    meetings = meeting_policy.scope(access)
    if past:
        meetings = meetings.filter(starts_at__lt=now).order_by("-starts_at", "pk")
    else:
        meetings = meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")
    return meetings.annotate(
        agenda_count=Count("agenda_items", distinct=True),
        present_count=Count(
            "attendances",
            filter=Q(attendances__status=AttendanceStatus.PRESENT),
            distinct=True,
        ),
    )


def meeting_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order, with its papers and the objects the items are about."""
    return list(
        meeting.agenda_items.select_related("content_type")
        .prefetch_related("linked_object", "papers")
        .order_by("position")
    )


def meeting_papers(*, meeting: Meeting) -> list[Any]:
    return list(meeting.papers.select_related("agenda_item").order_by("title", "pk"))


def meeting_decisions(*, meeting: Meeting) -> list[Decision]:
    return list(
        meeting.decisions.select_related("agenda_item", "action_organisation")
        .prefetch_related("actions")
        .order_by("created_at", "pk")
    )


def meeting_attendance(*, meeting: Meeting) -> list[Attendance]:
    return list(
        meeting.attendances.select_related("person", "organisation").order_by(
            "organisation__name", "person__full_name", "pk"
        )
    )


def meeting_invitees(*, meeting: Meeting) -> list[Any]:
    """The people expected: members of the group on the day, and anyone already recorded."""
    day = timezone.localtime(meeting.starts_at).date()
    members = Membership.objects.current(on=day).filter(group_id=meeting.group_id)
    recorded = meeting.attendances.values("person_id")
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(Q(pk__in=members.values("person_id")) | Q(pk__in=recorded))
        .select_related("organisation")
        .order_by("organisation__name", "full_name", "pk")
    )


def meeting_quoracy(*, meeting: Meeting, attendance: list[Attendance]) -> rules.Quoracy:
    """Whether the meeting was quorate, by organisation (see ``rules.meeting_quoracy``)."""
    present: dict[int, str] = {
        a.organisation.pk: a.organisation.name
        for a in attendance
        if a.status == AttendanceStatus.PRESENT and a.organisation is not None
    }
    day = timezone.localtime(meeting.starts_at).date()
    statutory = dict(
        Membership.objects.current(on=day)
        .filter(group_id=meeting.group_id, person__organisation__is_statutory_partner=True)
        .values_list("person__organisation_id", "person__organisation__name")
        .distinct()
    )
    return rules.meeting_quoracy(
        present=present, statutory_members=statutory, required=rules.quorum_organisations()
    )


def open_suggestions(*, meeting: Meeting) -> list[AgendaSuggestion]:
    """Suggestions from every provider that are not on the agenda yet."""
    on_agenda = set(
        meeting.agenda_items.exclude(suggestion_key="").values_list("suggestion_key", flat=True)
    )
    return [s for s in agenda_suggestions(meeting) if s.key not in on_agenda]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The April–March year starting in April of ``year``, as aware datetimes."""
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(date(year, 4, 1), time.min, tzinfo=tz),
        datetime.combine(date(year + 1, 4, 1), time.min, tzinfo=tz),
    )


def current_year_start(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


@dataclass(frozen=True)
class OrganisationAttendance:
    organisation: str
    present: int
    apologies: int
    absent: int

    @property
    def recorded(self) -> int:
        return self.present + self.apologies + self.absent

    @property
    def present_percent(self) -> int:
        return round(100 * self.present / self.recorded) if self.recorded else 0


def attendance_statistics(*, group: Group, year: int) -> tuple[int, list[OrganisationAttendance]]:
    """For a group's meetings held in an April–March year: how many were held, and per
    organisation how many attendances were present, apologies and absent."""
    start, end = year_bounds(year)
    meetings = Meeting.objects.filter(group=group, starts_at__gte=start, starts_at__lt=end).exclude(
        status=MeetingStatus.CANCELLED
    )
    rows = (
        Attendance.objects.filter(meeting__in=meetings)
        .values("organisation__name")
        .annotate(
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            apologies=Count("pk", filter=Q(status=AttendanceStatus.APOLOGIES)),
            absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        )
        .order_by("organisation__name")
    )
    stats = [
        OrganisationAttendance(
            organisation=row["organisation__name"] or "No organisation",
            present=row["present"],
            apologies=row["apologies"],
            absent=row["absent"],
        )
        for row in rows
    ]
    return meetings.count(), stats


def meeting_groups(*, access: Access) -> QuerySet[Group]:
    """Groups that meetings can be arranged for: the active ones."""
    return Group.objects.filter(is_active=True).order_by("name")
