"""The register's plug-ins for other apps (registered in ``apps.py``):

* the meetings' action maker: a decision that needs an action becomes a recommendation
  (source kind "meeting decision", linked to the decision) with one action;
* a meetings agenda provider: how many actions are overdue, per organisation (counts only);
* a work-programme theme provider: the themes of open practice-review recommendations.

The register imports the plug-in modules of meetings and programme, never the reverse.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Count
from django.utils import timezone

from safeguarding_qa.meetings.plugins import AgendaSuggestion
from safeguarding_qa.programme.plugins import ThemeSuggestion

from . import rules
from .choices import RecommendationKind, RecommendationStatus, SourceKind
from .models import Action, Recommendation, Theme
from .selectors import with_action_counts
from .services.actions import action_create
from .services.recommendations import recommendation_create

if TYPE_CHECKING:
    from safeguarding_qa.access.context import Access
    from safeguarding_qa.meetings.models import Decision, Meeting
    from safeguarding_qa.partnership.models import Organisation
    from safeguarding_qa.programme.models import WorkProgramme

TITLE_LENGTH = 80


def _title(text: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else "Meeting decision"
    if len(first_line) <= TITLE_LENGTH:
        return first_line
    return first_line[: TITLE_LENGTH - 1].rstrip() + "…"


def action_from_decision(
    *,
    access: Access,
    decision: Decision,
    organisation: Organisation,
    due: date,
    description: str,
) -> Action:
    """The meetings' action maker: adds a single-agency recommendation whose source is the
    decision, led by the organisation, with that organisation's action. Runs inside the
    decision's transaction; the register's policies check the person (REGISTER_MANAGE)."""
    meeting = decision.meeting
    recommendation = recommendation_create(
        actor=access.user,
        title=_title(description),
        text=description,
        kind=RecommendationKind.SINGLE_AGENCY,
        source_kind=SourceKind.MEETING_DECISION,
        agreed_on=timezone.localtime(meeting.starts_at).date(),
        source=decision,
        source_label=f"{meeting.title}, {timezone.localtime(meeting.starts_at):%d %b %Y}"[:200],
        lead_organisations=[organisation],
    )
    return action_create(
        actor=access.user,
        recommendation=recommendation,
        organisation=organisation,
        description=description,
        due_on=due,
    )


def overdue_actions_agenda(meeting: Meeting) -> list[AgendaSuggestion]:
    """One agenda suggestion when actions in the register are overdue today: how many, and
    how many for each organisation (no action or person is named). One query."""
    rows = (
        Action.objects.filter(rules.overdue_q(timezone.localdate()))
        .values("organisation__name")
        .annotate(n=Count("pk"))
        .order_by("organisation__name")
    )
    counts = Counter({row["organisation__name"]: row["n"] for row in rows})
    total = sum(counts.values())
    if not total:
        return []
    per_organisation = "; ".join(f"{name}: {n}" for name, n in sorted(counts.items()))
    return [
        AgendaSuggestion(
            key="register:overdue-actions",
            title=f"Overdue actions in the recommendations register ({total})",
            description=f"Actions past their due date by organisation — {per_organisation}.",
            source="Recommendations register",
        )
    ]


def open_review_themes(programme: WorkProgramme) -> list[ThemeSuggestion]:
    """Themes of practice-review recommendations not yet completed or embedded, most
    recommendations first. One query."""
    finished = (RecommendationStatus.COMPLETED, RecommendationStatus.EMBEDDED)
    annotated: Any = with_action_counts(
        Recommendation.objects.filter(source_kind=SourceKind.PRACTICE_REVIEW),
        today=timezone.localdate(),
    )
    open_ids = annotated.exclude(status__in=finished).values_list("pk", flat=True)
    themes = (
        Theme.objects.filter(recommendations__in=open_ids)
        .annotate(n=Count("recommendations", distinct=True))
        .order_by("-n", "name")
    )
    return [
        ThemeSuggestion(
            theme=theme.name,
            reason=f"{theme.n} open practice-review recommendation{'s' if theme.n != 1 else ''} "
            "on this theme.",
            source="Recommendations register",
        )
        for theme in themes
    ]
