"""Reads for practice reviews and serious incidents; each runs a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from safeguarding_qa.access.context import Access

from . import rules
from .models import InformationRequest, PracticeReview, SeriousIncident
from .policies import incidents as incident_policy
from .policies import information_requests as request_policy
from .policies import practice_reviews as review_policy


def review_list(*, access: Access, kind: str = "", year: int | None = None) -> QuerySet[Any]:
    """The register, newest first, optionally one kind or one year (of notification, or of
    publication when there was no notification)."""
    reviews = review_policy.scope(access).annotate(milestone_count=Count("milestones"))
    if kind:
        reviews = reviews.filter(kind=kind)
    if year:
        reviews = reviews.filter(Q(notified_on__year=year) | Q(published_on__year=year))
    return reviews.order_by("-notified_on", "-published_on", "name")


def review_years() -> list[int]:
    years: set[int] = set()
    for notified, published in PracticeReview.objects.values_list("notified_on", "published_on"):
        years.update(day.year for day in (notified, published) if day)
    return sorted(years, reverse=True)


def incident_for_review(*, access: Access, review: PracticeReview) -> SeriousIncident | None:
    """The incident the review came from, when this person may see incidents."""
    return incident_policy.scope(access).filter(practice_review=review).first()


@dataclass
class IncidentRow:
    incident: SeriousIncident
    stage: str
    next_deadline: rules.Deadline | None
    rag: Any


def incident_rows(*, access: Access, today: date) -> list[IncidentRow]:
    """Every incident this person may see, with its stage and next deadline (2 queries)."""
    rows = []
    for incident in incident_policy.scope(access).order_by("-aware_on", "reference"):
        deadline = rules.next_deadline(incident)
        rows.append(
            IncidentRow(
                incident=incident,
                stage=rules.incident_stage(incident).label,
                next_deadline=deadline,
                rag=deadline.rag(today) if deadline else None,
            )
        )
    return rows


def incident_requests(*, incident: SeriousIncident) -> QuerySet[InformationRequest]:
    return incident.information_requests.select_related("organisation", "submitted_by")


def my_requests(*, access: Access) -> QuerySet[InformationRequest]:
    """Information requests this person may see: their agency's, or all for the group."""
    return request_policy.scope(access).order_by("submitted_at", "due_on", "organisation__name")


def financial_year_of(day: date) -> int:
    """The April-March year a date falls in, named by its starting year."""
    return day.year if day.month >= 4 else day.year - 1


@dataclass
class Timeliness:
    label: str
    met: int = 0
    late: int = 0
    open: int = 0
    late_days: list[int] = field(default_factory=list)

    @property
    def average_days_late(self) -> float | None:
        return sum(self.late_days) / len(self.late_days) if self.late_days else None

    @property
    def longest_days_late(self) -> int | None:
        return max(self.late_days) if self.late_days else None


@dataclass
class YearOverview:
    year: int
    incidents: int = 0
    stages: Counter[str] = field(default_factory=Counter)
    timeliness: dict[str, Timeliness] = field(default_factory=dict)

    @property
    def stage_rows(self) -> list[tuple[str, int]]:
        return sorted(self.stages.items())

    @property
    def timeliness_rows(self) -> list[Timeliness]:
        return list(self.timeliness.values())

    @property
    def label(self) -> str:
        return f"{self.year}-{str(self.year + 1)[-2:]}"


_DEADLINE_LABELS = {
    rules.NOTIFICATION: "Notification within 5 working days",
    rules.RAPID_REVIEW: "Rapid review within 15 working days",
    rules.LCSPR: "Local review within 6 months",
}


def overview(*, today: date) -> dict[str, Any]:
    """Incidents this financial year and last: stages and timeliness against each
    statutory deadline (met, late and by how much); themes across all reviews. Numbers
    only, never references or identifiers, so it can feed the annual report. 2 queries."""
    this_year = financial_year_of(today)
    years = {year: YearOverview(year=year) for year in (this_year, this_year - 1)}
    for key in years.values():
        key.timeliness = {k: Timeliness(label) for k, label in _DEADLINE_LABELS.items()}
    incidents = SeriousIncident.objects.select_related("practice_review").filter(
        aware_on__gte=date(this_year - 1, 4, 1)
    )
    for incident in incidents:
        summary = years.get(financial_year_of(incident.aware_on))
        if summary is None:
            continue
        summary.incidents += 1
        summary.stages[rules.incident_stage(incident).label] += 1
        for deadline in rules.incident_deadlines(incident):
            tally = summary.timeliness[deadline.key]
            if deadline.met is None:
                tally.open += 1
            elif deadline.met:
                tally.met += 1
            else:
                tally.late += 1
                tally.late_days.append(deadline.working_days_late)
    themes: Counter[str] = Counter()
    for review_themes in PracticeReview.objects.values_list("themes", flat=True):
        themes.update(t.strip().capitalize() for t in review_themes.split(",") if t.strip())
    return {"years": list(years.values()), "themes": themes.most_common()}


def review_recommendations(
    *, access: Access, review: PracticeReview, today: date
) -> tuple[list[Any], rules.Compliance]:
    """The review's recommendations in the register (in the reader's scope), each with its
    derived status and RAG, and the compliance summary; one query."""
    from safeguarding_qa.recommendations.selectors import recommendations_for_source

    linked: Any = recommendations_for_source(access=access, source=review, today=today)
    recommendations = list(linked)
    compliance = rules.review_compliance([(r.status, r.rag) for r in recommendations])
    return recommendations, compliance
