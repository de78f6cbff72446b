"""Annual report sections on the subgroup's activity: meetings and attendance,
self-assessment rounds, learning briefings and their reach, and the work programme
(planned against done this year; next year's programme as the future plans).

Each provider runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Q, Sum

from safeguarding_qa.learning.choices import BriefingStatus
from safeguarding_qa.learning.models import Dissemination, LearningBriefing
from safeguarding_qa.meetings.choices import AttendanceStatus, MeetingStatus
from safeguarding_qa.meetings.models import Attendance, Meeting
from safeguarding_qa.meetings.selectors import year_bounds
from safeguarding_qa.programme.choices import ItemStatus
from safeguarding_qa.programme.models import ProgrammeItem
from safeguarding_qa.selfassessment.choices import ReturnStatus
from safeguarding_qa.selfassessment.models import Round

from ..renderers import Block, BulletList, Paragraph, Section, Table
from ..sections import ReportYear
from .common import day, plural


def meeting_sections(year: ReportYear) -> list[Section]:
    """Meetings held in the year and attendance by organisation."""
    start, end = year_bounds(year.start_year)
    meetings = list(
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("group")
        .annotate(
            present=Count("attendances", filter=Q(attendances__status=AttendanceStatus.PRESENT))
        )
        .order_by("starts_at")
    )
    title = "Meetings and attendance"
    if not meetings:
        return [Section(title, (Paragraph("No meetings were held."),), "meetings")]
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    for organisation, status in Attendance.objects.filter(
        meeting__in=[m.pk for m in meetings]
    ).values_list("organisation__name", "status"):
        tallies[organisation or "No organisation"][status] += 1
    held = [m for m in meetings if m.status == MeetingStatus.HELD]
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(held), 'meeting was', 'meetings were')} held "
            f"(of {len(meetings)} scheduled and not cancelled)."
        ),
        Table(
            caption="Meetings in the year",
            header=("Date", "Group", "Meeting", "Status", "Present"),
            rows=tuple(
                (
                    day(m.starts_at.date()),
                    m.group.name,
                    m.title,
                    m.get_status_display(),
                    str(m.present),
                )
                for m in meetings
            ),
            numeric=frozenset({4}),
        ),
    ]
    if tallies:
        rows = []
        for organisation in sorted(tallies):
            tally = tallies[organisation]
            recorded = sum(tally.values())
            present = tally[AttendanceStatus.PRESENT]
            rows.append(
                (
                    organisation,
                    str(present),
                    str(tally[AttendanceStatus.APOLOGIES]),
                    str(tally[AttendanceStatus.ABSENT]),
                    f"{round(100 * present / recorded)}%",
                )
            )
        blocks.append(
            Table(
                caption="Attendance by organisation",
                header=("Organisation", "Present", "Apologies", "Absent", "Attendance rate"),
                rows=tuple(rows),
                numeric=frozenset({1, 2, 3, 4}),
            )
        )
    return [Section(title=title, blocks=tuple(blocks), anchor="meetings")]


def self_assessment_sections(year: ReportYear) -> list[Section]:
    """The self-assessment rounds of the year and how many returns were submitted."""
    rounds = list(
        Round.objects.filter(year=year.start_year)
        .select_related("framework")
        .annotate(
            expected=Count("self_assessments"),
            submitted=Count(
                "self_assessments", filter=Q(self_assessments__status=ReturnStatus.SUBMITTED)
            ),
        )
        .order_by("framework__name")
    )
    title = "Self-assessment"
    if not rounds:
        return [Section(title, (Paragraph("No self-assessment round ran."),), "self-assessment")]
    blocks: list[Block] = [
        Paragraph(f"{plural(len(rounds), 'self-assessment round')} ran this year."),
        Table(
            caption="Self-assessment rounds",
            header=("Framework", "Due", "Status", "Returns submitted", "Organisations asked"),
            rows=tuple(
                (
                    r.framework.name,
                    day(r.due_on),
                    r.get_status_display(),
                    str(r.submitted),
                    str(r.expected),
                )
                for r in rounds
            ),
            numeric=frozenset({3, 4}),
        ),
    ]
    return [Section(title=title, blocks=tuple(blocks), anchor="self-assessment")]


def learning_sections(year: ReportYear) -> list[Section]:
    """Briefings published in the year and their reach (cascades in the year)."""
    briefings = list(
        LearningBriefing.objects.filter(
            status=BriefingStatus.PUBLISHED,
            published_at__date__lte=year.ends_on,
        ).order_by("title")
    )
    title = "Learning briefings and dissemination"
    if not briefings:
        return [Section(title, (Paragraph("No learning briefing was published."),), "learning")]
    reach: dict[int, Any] = {
        row["briefing_id"]: row
        for row in Dissemination.objects.filter(
            briefing__in=[b.pk for b in briefings],
            cascaded_on__range=(year.starts_on, year.ends_on),
        )
        .values("briefing_id")
        .annotate(organisations=Count("organisation", distinct=True), staff=Sum("staff_reached"))
    }
    new = [b for b in briefings if b.published_at and b.published_at.date() >= year.starts_on]
    total_staff = sum(row["staff"] or 0 for row in reach.values())
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(new), 'briefing was', 'briefings were')} published this year. "
            f"Organisations recorded cascading briefings to {total_staff:,} staff in all."
        ),
        Table(
            caption="Learning briefings and their reach in the year",
            header=("Briefing", "Published", "Organisations cascading", "Staff reached"),
            rows=tuple(
                (
                    b.title,
                    day(b.published_at.date() if b.published_at else None),
                    str(reach.get(b.pk, {}).get("organisations", 0)),
                    f"{reach.get(b.pk, {}).get('staff') or 0:,}",
                )
                for b in briefings
            ),
            numeric=frozenset({2, 3}),
        ),
    ]
    return [Section(title=title, blocks=tuple(blocks), anchor="learning")]


def _items(start_year: int) -> list[ProgrammeItem]:
    return list(
        ProgrammeItem.objects.filter(programme__year=start_year).order_by(
            "quarter", "kind", "title"
        )
    )


def programme_sections(year: ReportYear) -> list[Section]:
    """The year's work programme: what was planned, and what was done."""
    items = _items(year.start_year)
    title = "The work programme: planned and done"
    if not items:
        return [Section(title, (Paragraph("No work programme was recorded."),), "programme")]
    done = sum(1 for item in items if item.status == ItemStatus.DONE)
    slipped = [item.title for item in items if item.status == ItemStatus.SLIPPED]
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(items), 'piece')} of work were planned; {done} done, "
            f"{len(slipped)} slipped."
        ),
        Table(
            caption="Work programme items",
            header=("Quarter", "Work", "Kind", "Status"),
            rows=tuple(
                (
                    f"Q{item.quarter}" if item.quarter else "Not set",
                    item.title,
                    item.get_kind_display(),
                    item.get_status_display(),
                )
                for item in items
            ),
        ),
    ]
    return [Section(title=title, blocks=tuple(blocks), anchor="programme")]


def future_plan_sections(year: ReportYear) -> list[Section]:
    """Areas for improvement and future plans: next year's work programme, and this
    year's work that slipped."""
    following = _items(year.start_year + 1)
    slipped = [item.title for item in _items(year.start_year) if item.status == ItemStatus.SLIPPED]
    blocks: list[Block] = []
    if slipped:
        blocks += [Paragraph("Work that slipped this year:"), BulletList(tuple(slipped))]
    if following:
        blocks.append(
            Table(
                caption=f"Work programme {year.start_year + 1} to {year.start_year + 2}",
                header=("Quarter", "Work", "Kind"),
                rows=tuple(
                    (
                        f"Q{item.quarter}" if item.quarter else "Not set",
                        item.title,
                        item.get_kind_display(),
                    )
                    for item in following
                ),
            )
        )
    else:
        blocks.append(Paragraph("Next year's work programme has not been agreed yet."))
    return [
        Section(
            title="Areas for improvement and future plans", blocks=tuple(blocks), anchor="plans"
        )
    ]
