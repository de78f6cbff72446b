"""This app's own providers: themes not audited recently, and agenda suggestions for the
meetings that programme items target."""

from __future__ import annotations

from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.plugins import AgendaSuggestion

from .models import ProgrammeItem, WorkProgramme
from .plugins import ThemeSuggestion
from .rules import AUDIT_KINDS

# Themes the seeds' subgroups audit; a starting list the partnership can outgrow.
COMMON_THEMES = (
    "Neglect",
    "Domestic abuse",
    "Child sexual exploitation",
    "Child criminal exploitation",
    "Children with disabilities",
    "Adolescents and contextual safeguarding",
    "Early help",
    "Strategy discussions and section 47 enquiries",
    "Parental mental health",
    "Parental substance misuse",
    "Voice of the child",
    "Pre-birth and babies under one",
    "Children missing education",
    "Harmful sexual behaviour",
)
RECENT_YEARS = 3


def themes_not_audited_recently(programme: WorkProgramme) -> list[ThemeSuggestion]:
    """Common themes with no audit in the programme's previous three years; the year each
    was last audited is given when it ever was."""
    rows = (
        ProgrammeItem.objects.filter(kind__in=AUDIT_KINDS, programme__year__lt=programme.year)
        .exclude(theme="")
        .values_list("theme", "programme__year")
    )
    last: dict[str, int] = {}
    for theme, year in rows:
        key = theme.strip().lower()
        last[key] = max(year, last.get(key, 0))
    suggestions = []
    for theme in COMMON_THEMES:
        last_year = last.get(theme.lower())
        if last_year is not None and last_year >= programme.year - RECENT_YEARS:
            continue
        reason = (
            f"Last audited in {last_year}-{(last_year + 1) % 100:02d}."
            if last_year is not None
            else "Not audited in any recorded programme."
        )
        suggestions.append(ThemeSuggestion(theme=theme, reason=reason, source="Work programme"))
    return suggestions


def programme_agenda_suggestions(meeting: Meeting) -> list[AgendaSuggestion]:
    """The programme items planned for this meeting."""
    items = (
        ProgrammeItem.objects.filter(target_meeting=meeting)
        .select_related("programme")
        .order_by("kind", "title", "pk")
    )
    return [
        AgendaSuggestion(
            key=f"programme:item:{item.pk}",
            title=f"{item.get_kind_display()}: {item.title}",
            description=(f"Theme: {item.theme}. " if item.theme else "")
            + f"Planned in the {item.programme.label} work programme.",
            source="Work programme",
            target=item,
        )
        for item in items
    ]
