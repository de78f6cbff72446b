"""Reads for self-assessment: lists, progress, the heat-map, collation and export rows.

Every function runs a fixed number of queries, whatever the number of organisations,
standards or rounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from safeguarding_qa.access.context import Access

from . import rules
from .choices import ModerationStatus, ReturnStatus, RoundStatus
from .models import Framework, Round, SelfAssessment, Standard, StandardReturn
from .policies import frameworks as framework_policy
from .policies import rounds as round_policy
from .policies import self_assessments as return_policy


def framework_list(*, access: Access) -> QuerySet[Framework]:
    """Frameworks with how many standards each holds."""
    return framework_policy.scope(access).annotate(standard_count=Count("standards"))


def round_list(*, access: Access) -> QuerySet[Round]:
    """Rounds, newest first, with how many organisations take part and have submitted."""
    return (
        round_policy.scope(access)
        .order_by("-year", "framework__name")
        .annotate(
            participant_count=Count("self_assessments", distinct=True),
            submitted_count=Count(
                "self_assessments",
                filter=Q(self_assessments__status=ReturnStatus.SUBMITTED),
                distinct=True,
            ),
        )
    )


@dataclass
class ReturnRow:
    """One organisation's return in a round's progress table."""

    self_assessment: SelfAssessment
    late: bool
    answered: int
    total: int
    challenged: int
    visible: bool


def round_progress(*, access: Access, round_: Round, today: date | None = None) -> list[ReturnRow]:
    """Every participating organisation's return status (partnership-wide), with a link
    only where this person may open the return."""
    visible = set(return_policy.scope(access).filter(round=round_).values_list("pk", flat=True))
    returns = (
        SelfAssessment.objects.filter(round=round_)
        .select_related("organisation")
        .annotate(
            answered=Count("answers", filter=~Q(answers__self_rating="")),
            total=Count("answers"),
            challenged=Count(
                "answers", filter=Q(answers__moderation_status=ModerationStatus.CHALLENGED)
            ),
        )
        .order_by("organisation__name")
    )
    return [
        ReturnRow(
            self_assessment=sa,
            late=rules.is_late(sa, round_, today),
            answered=sa.answered,
            total=sa.total,
            challenged=sa.challenged,
            visible=sa.pk in visible,
        )
        for sa in returns
    ]


@dataclass
class Cell:
    rating: str = ""
    previous: str = ""
    change: str = ""
    challenged: bool = False


@dataclass
class HeatmapRow:
    organisation: Any
    submitted: bool
    late: bool
    cells: list[Cell] = field(default_factory=list)


@dataclass
class StandardSummary:
    standard: Standard
    counts: dict[str, int]
    previous_counts: dict[str, int]


@dataclass
class Heatmap:
    standards: list[Standard]
    rows: list[HeatmapRow]
    summaries: list[StandardSummary]
    has_previous: bool


def _agreed(round_: Round | None) -> dict[tuple[int, int], StandardReturn]:
    """Submitted answers of a round keyed by (organisation, standard)."""
    if round_ is None:
        return {}
    answers = StandardReturn.objects.filter(
        self_assessment__round=round_, self_assessment__status=ReturnStatus.SUBMITTED
    ).select_related("self_assessment")
    return {(a.self_assessment.organisation_id, a.standard_id): a for a in answers}


def _counts(ratings: list[str]) -> dict[str, int]:
    return {name: ratings.count(name) for name in ("red", "amber", "green")}


def heatmap(*, round_: Round, today: date | None = None) -> Heatmap:
    """Organisations × standards: each submitted return's agreed rating, and the change
    from the same organisation's agreed rating in the previous round."""
    standards = list(Standard.objects.filter(framework_id=round_.framework_id))
    returns = list(
        SelfAssessment.objects.filter(round=round_)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    current, previous = _agreed(round_), _agreed(round_.previous)
    rows = []
    for sa in returns:
        row = HeatmapRow(sa.organisation, sa.is_submitted, rules.is_late(sa, round_, today))
        for standard in standards:
            answer = current.get((sa.organisation_id, standard.pk)) if sa.is_submitted else None
            earlier = previous.get((sa.organisation_id, standard.pk))
            rating = rules.agreed_rating(answer) if answer else ""
            before = rules.agreed_rating(earlier) if earlier else ""
            row.cells.append(
                Cell(
                    rating=rating,
                    previous=before,
                    change=rules.change(rating, before),
                    challenged=bool(
                        answer and answer.moderation_status == ModerationStatus.CHALLENGED
                    ),
                )
            )
        rows.append(row)
    summaries = []
    for index, standard in enumerate(standards):
        ratings = [row.cells[index].rating for row in rows]
        earlier_ratings = [
            rules.agreed_rating(a) for (_, sid), a in previous.items() if sid == standard.pk
        ]
        summaries.append(StandardSummary(standard, _counts(ratings), _counts(earlier_ratings)))
    return Heatmap(standards, rows, summaries, round_.previous_id is not None)


@dataclass
class AnswerRow:
    answer: StandardReturn
    agreed: str
    previous: str
    change: str
    can_moderate: bool = False
    can_respond: bool = False
    can_send: bool = False


def _with_previous(answers: list[StandardReturn], previous_round: Round | None) -> list[AnswerRow]:
    earlier = _agreed(previous_round)
    rows = []
    for answer in answers:
        key = (answer.self_assessment.organisation_id, answer.standard_id)
        before = rules.agreed_rating(earlier[key]) if key in earlier else ""
        agreed = rules.agreed_rating(answer)
        rows.append(AnswerRow(answer, agreed, before, rules.change(agreed, before)))
    return rows


def return_answers(*, self_assessment: SelfAssessment) -> list[AnswerRow]:
    """One organisation's answers, in standard order, beside last round's agreed rating."""
    answers = list(
        self_assessment.answers.select_related("standard", "moderated_by").order_by(
            "standard__order", "standard__number"
        )
    )
    for answer in answers:
        answer.self_assessment = self_assessment  # the parent is already loaded
    return _with_previous(answers, self_assessment.round.previous)


def standard_collation(*, access: Access, round_: Round, standard: Standard) -> list[AnswerRow]:
    """Every organisation's answer to one standard that this person may read."""
    answers = list(
        StandardReturn.objects.filter(
            standard=standard,
            self_assessment__in=return_policy.scope(access).filter(round=round_).values("pk"),
        )
        .select_related("standard", "self_assessment", "self_assessment__organisation")
        .order_by("self_assessment__organisation__name")
    )
    return _with_previous(answers, round_.previous)


EXPORT_HEADER = [
    "Organisation",
    "Return status",
    "Submitted at",
    "Standard",
    "Standard title",
    "Self-rating",
    "Moderated rating",
    "Agreed rating",
    "Previous agreed rating",
    "Evidence",
    "Planned actions",
    "Moderation",
    "Moderation note",
    "Response to challenge",
]


def export_rows(*, access: Access, round_: Round) -> list[list[Any]]:
    """One row per answer this person may read, for the CSV download."""
    return [
        [
            str(row.answer.self_assessment.organisation),
            row.answer.self_assessment.get_status_display(),
            row.answer.self_assessment.submitted_at,
            row.answer.standard.number,
            row.answer.standard.title,
            row.answer.get_self_rating_display(),
            row.answer.get_moderated_rating_display(),
            row.agreed.title(),
            row.previous.title(),
            row.answer.evidence,
            row.answer.planned_actions,
            row.answer.get_moderation_status_display(),
            row.answer.moderation_note,
            row.answer.challenge_response,
        ]
        for row in _with_previous(
            list(
                StandardReturn.objects.filter(
                    self_assessment__in=return_policy.scope(access)
                    .filter(round=round_)
                    .values("pk")
                )
                .select_related("standard", "self_assessment", "self_assessment__organisation")
                .order_by(
                    "self_assessment__organisation__name", "standard__order", "standard__number"
                )
            ),
            round_.previous,
        )
    ]


def outstanding_for(*, access: Access) -> list[SelfAssessment]:
    """Open rounds' returns of this person's own organisation that need them: in progress,
    or with a challenge to answer ("what needs me")."""
    if not return_policy.can(access, "complete") or access.organisation_id is None:
        return []
    # Only what the list shows (status, the round's name and due date): loading whole
    # returns, rounds and frameworks cost more than the query itself.
    return list(
        SelfAssessment.objects.filter(
            organisation_id=access.organisation_id, round__status=RoundStatus.OPEN
        )
        .filter(
            Q(status=ReturnStatus.DRAFT) | Q(answers__moderation_status=ModerationStatus.CHALLENGED)
        )
        .select_related("round__framework")
        .only("pk", "status", "round__year", "round__due_on", "round__framework__name")
        .distinct()
        .order_by("round__due_on")
    )
