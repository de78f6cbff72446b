"""Demo data for the work programme: last year's and this year's, built idempotently.

The programme sets the subgroup's meeting dates for each year (bi-monthly), so this builder
also arranges the QA subgroup's meetings; the meetings builder then fills in their agendas,
attendance, minutes and decisions.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.meetings.choices import MeetingStatus
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group

from .choices import ItemKind, ItemStatus, Quarter
from .models import ProgrammeItem, WorkProgramme

# (month, day) of the bi-monthly meetings, in the order of the April–March year.
_MEETING_DAYS = ((5, 14), (7, 9), (9, 17), (11, 12), (1, 21), (3, 18))

_D, _P, _IP, _S = ItemStatus.DONE, ItemStatus.PLANNED, ItemStatus.IN_PROGRESS, ItemStatus.SLIPPED
K = ItemKind
# (kind, title, theme, quarter, meeting index, status) for last year and for this year.
_LAST_YEAR = (
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 1", "", Quarter.Q1, 1, _D),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 2", "", Quarter.Q2, 3, _D),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 3", "", Quarter.Q3, 4, _D),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 4", "", Quarter.Q4, 5, _D),
    (K.CASE_FILE_AUDIT, "Neglect of pre-school children", "Neglect", None, 1, _D),
    (K.DEEP_DIVE, "Exploitation of adolescents", "Child sexual exploitation", None, 3, _D),
    (K.COMPLIANCE_AUDIT, "Child T review recommendations", "Strategy discussions", None, 4, _D),
    (K.CASE_FILE_AUDIT, "Domestic abuse and the front door", "Domestic abuse", None, 5, _S),
    (K.SELF_ASSESSMENT, "Section 11 self-assessment round", "", None, 2, _D),
)
_THIS_YEAR = (
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 1", "", Quarter.Q1, 1, _D),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 2", "", Quarter.Q2, 3, _D),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 3", "", Quarter.Q3, 4, _IP),
    (K.DASHBOARD_REVIEW, "Dashboard review, quarter 4", "", Quarter.Q4, 5, _P),
    (K.CASE_FILE_AUDIT, "Domestic abuse and the front door", "Domestic abuse", None, 1, _D),
    (
        K.DEEP_DIVE,
        "Babies under one: bruising protocol",
        "Pre-birth and babies under one",
        None,
        3,
        _IP,
    ),
    (K.CASE_FILE_AUDIT, "Children missing education", "Children missing education", None, 4, _S),
    (K.THEMATIC_REVIEW, "Harmful sexual behaviour", "Harmful sexual behaviour", None, 5, _P),
    (K.COMPLIANCE_AUDIT, "Child R rapid review actions", "Voice of the child", None, None, _P),
    (K.SELF_ASSESSMENT, "Section 175 self-assessment for schools", "", None, 4, _IP),
)


def _year_now() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def _meetings(group: Group, year: int) -> list[Meeting]:
    """The QA subgroup's six meetings of the year, arranged once."""
    now = timezone.now()
    meetings = []
    for number, (month, day) in enumerate(_MEETING_DAYS, start=1):
        calendar_year = year if month >= 4 else year + 1
        starts = datetime(calendar_year, month, day, 10, 0, tzinfo=timezone.get_current_timezone())
        meeting, _ = Meeting.objects.get_or_create(
            group=group,
            starts_at=starts,
            defaults={
                "title": f"QA subgroup meeting {number} of {year}-{(year + 1) % 100:02d}",
                "location": "Committee Room 2, Brackenmoor Civic Centre",
                "online_link": "https://meet.brackenmoor.example/qa-subgroup",
                "status": MeetingStatus.HELD if starts < now else MeetingStatus.SCHEDULED,
                "duration_minutes": 150,
            },
        )
        meetings.append(meeting)
    return meetings


def _programme(year: int, rows: tuple, meetings: list[Meeting], notes: str) -> WorkProgramme:
    programme, _ = WorkProgramme.objects.get_or_create(year=year, defaults={"notes": notes})
    for kind, title, theme, quarter, meeting_index, status in rows:
        ProgrammeItem.objects.get_or_create(
            programme=programme,
            kind=kind,
            title=title,
            defaults={
                "theme": theme,
                "quarter": quarter,
                "status": status,
                "target_meeting": meetings[meeting_index] if meeting_index is not None else None,
            },
        )
    return programme


def build(context: DemoContext) -> None:
    """Last year's programme (done, one slipped) and this year's (items in every state)."""
    qa = next((g for g in context.groups if g.kind == GroupKind.QA_SUBGROUP), None)
    if qa is None:
        return
    year = _year_now()
    last_meetings = _meetings(qa, year - 1)
    this_meetings = _meetings(qa, year)
    last = _programme(year - 1, _LAST_YEAR, last_meetings, "Agreed by the QA subgroup in March.")
    this = _programme(
        year,
        _THIS_YEAR,
        this_meetings,
        "Copied forward from last year; the slipped domestic abuse audit carried over.",
    )
    context.made["programmes"] = [last, this]
    context.made["meetings"] = [*last_meetings, *this_meetings]
