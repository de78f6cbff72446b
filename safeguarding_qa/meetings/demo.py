"""Demo data for meetings: agendas, papers, attendance, minutes, decisions, and the QA
subgroup's two membership reviews. Built idempotently on the meetings the programme builder
arranged (or, without it, on whatever QA subgroup meetings exist)."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.partnership.choices import GroupKind, ReviewOutcome
from safeguarding_qa.partnership.models import Group, Membership, MembershipReview

from .choices import AttendanceStatus
from .models import AgendaItem, Attendance, Decision, Meeting, Paper
from .plugins import agenda_suggestions
from .services.attendance import decision_record

_STANDING = (
    ("Welcome, introductions and apologies", "Chair"),
    ("Minutes and actions of the last meeting", "Chair"),
)
_CLOSING = (("Any other business", "Chair"),)
_MINUTES = (
    "Present and apologies as recorded.\n\n"
    "1. The minutes of the last meeting were agreed as accurate. Actions were reviewed; two "
    "are complete and one is carried forward.\n\n"
    "2. The business unit presented the items planned for this meeting. Members discussed the "
    "findings and agreed the decisions below.\n\n"
    "3. No other business. The next meeting is in two months."
)


def _agenda(meeting: Meeting) -> None:
    if meeting.agenda_items.exists():
        return
    rows: list[tuple[str, str, str, object]] = [(t, "", p, None) for t, p in _STANDING]
    rows += [(s.title, s.description, "", s) for s in agenda_suggestions(meeting)]
    rows += [(t, "", p, None) for t, p in _CLOSING]
    for position, (title, description, presenter, suggestion) in enumerate(rows, start=1):
        item = AgendaItem(
            meeting=meeting,
            position=position,
            title=title[:200],
            description=description,
            presenter=presenter,
        )
        target = getattr(suggestion, "target", None)
        if suggestion is not None:
            item.suggestion_key = suggestion.key[:100]  # type: ignore[attr-defined]
        if target is not None:
            item.content_type = ContentType.objects.get_for_model(target)
            item.object_id = target.pk
        item.save()
    Paper.objects.get_or_create(
        meeting=meeting, title="Action log", defaults={"link": "/meetings/"}
    )


def _attendance(meeting: Meeting, number: int) -> None:
    if meeting.attendances.exists():
        return
    day = timezone.localtime(meeting.starts_at).date()
    members = (
        Membership.objects.current(on=day)
        .filter(group=meeting.group)
        .select_related("person__organisation")
        .order_by("person__full_name")
    )
    for index, membership in enumerate(members):
        # A realistic pattern: most present, a rotating apology, an occasional absence.
        turn = (index + number) % 7
        status = (
            AttendanceStatus.APOLOGIES
            if turn == 0
            else AttendanceStatus.ABSENT
            if turn == 3 and number % 2
            else AttendanceStatus.PRESENT
        )
        Attendance.objects.create(
            meeting=meeting,
            person=membership.person,
            organisation=membership.person.organisation,
            status=status,
        )


def _decisions(meeting: Meeting, context: DemoContext) -> None:
    if meeting.decisions.exists():
        return
    items = list(meeting.agenda_items.exclude(suggestion_key="").order_by("position"))
    for item in items[:2]:
        Decision.objects.create(
            meeting=meeting,
            agenda_item=item,
            text=f"The group noted the report on {item.title.split(': ', 1)[-1]} and agreed "
            "its recommendations.",
        )
    if items:
        # Through the service, so the registered action maker (the recommendations
        # register) adds the decision's action to the register, as in real use.
        decision_record(
            access=Access.for_user(context.cast["chair"]),
            meeting=meeting,
            agenda_item=items[0],
            text="The local authority to present a revised front-door audit tool.",
            action_needed=True,
            action_organisation=context.organisations["council"],
            action_due=(timezone.localtime(meeting.starts_at) + timedelta(days=90)).date(),
        )


def _reviews(qa: Group, context: DemoContext) -> None:
    """The two reviews behind "the membership of the group has been reviewed twice"."""
    for reviewed_on, outcome, changes in (
        (
            date(2024, 9, 20),
            ReviewOutcome.CHANGED,
            "Education and a lay member invited to join from October 2024.",
        ),
        (
            date(2025, 3, 14),
            ReviewOutcome.CHANGED,
            "A member who left the organisation replaced from April 2025.",
        ),
    ):
        MembershipReview.objects.get_or_create(
            group=qa,
            reviewed_on=reviewed_on,
            defaults={
                "outcome": outcome,
                "changes_made": changes,
                "recorded_by": context.cast["admin"],
            },
        )


def build(context: DemoContext) -> None:
    """Past meetings get agendas, attendance, minutes and decisions; upcoming ones an agenda."""
    qa = next((g for g in context.groups if g.kind == GroupKind.QA_SUBGROUP), None)
    if qa is None:
        return
    _reviews(qa, context)
    meetings = context.made.get("meetings") or list(Meeting.objects.filter(group=qa))
    now = timezone.now()
    for number, meeting in enumerate(sorted(meetings, key=lambda m: m.starts_at), start=1):
        _agenda(meeting)
        if meeting.starts_at >= now:
            continue
        _attendance(meeting, number)
        if not meeting.minutes:
            meeting.minutes = _MINUTES
            meeting.save(update_fields=["minutes", "updated_at"])
        _decisions(meeting, context)
