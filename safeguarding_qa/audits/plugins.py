"""What audits offer other areas' pages: agenda suggestions for meetings and theme
suggestions for the work programme. Registered in ``apps.py``."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce, TruncDate

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.plugins import AgendaSuggestion
from safeguarding_qa.programme.models import WorkProgramme
from safeguarding_qa.programme.plugins import ThemeSuggestion

from .choices import AuditStatus, ReturnStatus
from .models import Audit

# A theme last audited longer ago than this is suggested again.
RECENT_YEARS = 3


def audit_agenda(meeting: Meeting) -> list[AgendaSuggestion]:
    """Audits at the panel stage, and audits whose agency returns are overdue at the
    meeting's date (two queries)."""
    on = meeting.starts_at.date()
    suggestions = [
        AgendaSuggestion(
            key=f"audits:panel:{audit.pk}",
            title=f"Audit panel: {audit.title}",
            description="Returns collated; panel grades and recommendations to agree.",
            source="Audits",
            target=audit,
        )
        for audit in Audit.objects.filter(status=AuditStatus.PANEL).order_by("title")
    ]
    overdue = (
        Audit.objects.filter(status=AuditStatus.RETURNS_OPEN, returns_due__lt=on)
        .annotate(
            n_late=Count("cases__returns", filter=~Q(cases__returns__status=ReturnStatus.SUBMITTED))
        )
        .filter(n_late__gt=0)
        .order_by("returns_due", "title")
    )
    suggestions += [
        AgendaSuggestion(
            key=f"audits:overdue:{audit.pk}",
            title=f"Overdue audit returns: {audit.title}",
            description=f"{audit.n_late} agency return{'s' if audit.n_late != 1 else ''} "
            f"not submitted; due {audit.returns_due:%d %B %Y}.",
            source="Audits",
            target=audit,
        )
        for audit in overdue
    ]
    return suggestions


def audited_themes(programme: WorkProgramme) -> list[ThemeSuggestion]:
    """Themes audited before but not in the ``RECENT_YEARS`` years before the programme
    year starts (one query). Themes never audited come from the programme's own list."""
    start = date(programme.year, 4, 1)
    since = start - timedelta(days=365 * RECENT_YEARS)
    last = (
        Audit.objects.annotate(on=Coalesce("closed_on", TruncDate("created_at")))
        .values("theme")
        .annotate(last=Max("on"))
        .filter(last__lt=since)
        .order_by("last", "theme")
    )
    return [
        ThemeSuggestion(
            theme=row["theme"],
            reason=f"Last audited {row['last']:%B %Y}: not in the last {RECENT_YEARS} years",
            source="Audits",
        )
        for row in last
    ]
