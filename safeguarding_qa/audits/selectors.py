"""Reads for audits. Each runs a fixed number of queries, whatever the amount of data.

Other apps may use: ``audit_list``, ``aim_grade_distributions``, ``return_completeness``,
``collation`` and ``open_live_concerns``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.core.choices import RAG
from safeguarding_qa.recommendations.choices import RecommendationStatus
from safeguarding_qa.recommendations.selectors import recommendations_for_source

from . import rules
from .choices import AnswerType, AuditStatus, ReturnStatus, YesNo
from .models import AgencyReturn, AimAnswer, Audit, AuditAim, AuditCase, LiveConcern, PanelGrade
from .policies import audits as audit_policy
from .policies import cases as case_policy
from .policies import returns as return_policy


def _count(queryset: QuerySet[Any], outer: str = "pk") -> Any:
    """A correlated count subquery (no join fan-out)."""
    counted = (
        queryset.filter(**{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def audit_list(*, access: Access, status: str = "") -> QuerySet[Audit]:
    """The audits this person may see, newest first, with counts for the list."""
    audits = audit_policy.scope(access)
    if status in AuditStatus.values:
        audits = audits.filter(status=status)
    return audits.annotate(
        case_count=_count(AuditCase.objects.all(), "audit"),
        open_concerns=_count(
            LiveConcern.objects.filter(acknowledged_at__isnull=True), "case__audit"
        ),
    ).order_by("-created_at", "-pk")


def audit_cases(*, access: Access, audit: Audit) -> QuerySet[AuditCase]:
    """The audit's cases this person may see, with return progress."""
    return (
        case_policy.scope(access)
        .filter(audit=audit)
        .annotate(
            return_count=_count(AgencyReturn.objects.all(), "case"),
            submitted_count=_count(
                AgencyReturn.objects.filter(status=ReturnStatus.SUBMITTED), "case"
            ),
            open_concerns=_count(LiveConcern.objects.filter(acknowledged_at__isnull=True), "case"),
        )
        .order_by("reference")
    )


def case_returns(*, access: Access, case: AuditCase) -> list[AgencyReturn]:
    """The case's returns this person may see, with whether each is late."""
    today = timezone.localdate()
    found = list(return_policy.scope(access).filter(case=case).order_by("organisation__name"))
    for item in found:
        item.late = rules.is_late(  # type: ignore[attr-defined]
            returns_due=case.audit.returns_due, status=item.status, today=today
        )
    return found


@dataclass
class Completeness:
    organisation: str
    organisation_id: int
    total: int
    submitted: int
    late: bool

    @property
    def outstanding(self) -> int:
        return self.total - self.submitted


def return_completeness(*, audit: Audit, today: date | None = None) -> list[Completeness]:
    """Per participating organisation: returns expected, submitted, and whether late."""
    today = today or timezone.localdate()
    rows = (
        AgencyReturn.objects.filter(case__audit=audit)
        .values("organisation_id", "organisation__name")
        .annotate(total=Count("pk"), submitted=Count("pk", filter=Q(status=ReturnStatus.SUBMITTED)))
        .order_by("organisation__name")
    )
    result = []
    for row in rows:
        outstanding = row["total"] - row["submitted"]
        late = outstanding > 0 and rules.is_late(
            returns_due=audit.returns_due, status=ReturnStatus.DRAFT, today=today
        )
        result.append(
            Completeness(
                row["organisation__name"],
                row["organisation_id"],
                row["total"],
                row["submitted"],
                late,
            )
        )
    return result


@dataclass
class Distribution:
    aim: AuditAim
    counts: list[tuple[str, int]]  # (label, number of agency answers), in scale order

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def aim_grade_distributions(*, audit: Audit) -> list[Distribution]:
    """For each graded or yes/no aim: how many submitted agency answers gave each grade."""
    aims = list(audit.aims.exclude(answer_type=AnswerType.TEXT))
    grades = list(audit.grades.all())
    tallies: dict[int, Counter[str]] = defaultdict(Counter)
    answers = AimAnswer.objects.filter(
        agency_return__case__audit=audit, agency_return__status=ReturnStatus.SUBMITTED
    ).values_list("aim_id", "grade__label", "response")
    for aim_id, label, response in answers:
        if label:
            tallies[aim_id][label] += 1
        elif response:
            tallies[aim_id][YesNo(response).label] += 1
    result = []
    for aim in aims:
        labels = [g.label for g in grades] if aim.answer_type == AnswerType.GRADED else YesNo.labels
        result.append(Distribution(aim, [(str(lb), tallies[aim.pk][str(lb)]) for lb in labels]))
    return result


@dataclass
class Cell:
    agency_return: AgencyReturn | None
    answer: AimAnswer | None = None

    @property
    def label(self) -> str:
        if self.answer is None:
            return ""
        if self.answer.grade is not None:
            return self.answer.grade.label
        return self.answer.get_response_display() or self.answer.text


@dataclass
class AimRow:
    aim: AuditAim
    cells: list[Cell]
    panel: PanelGrade | None
    disagree: bool


@dataclass
class CaseBlock:
    case: AuditCase
    rows: list[AimRow] = field(default_factory=list)


@dataclass
class Collation:
    organisations: list[Any]
    cases: list[CaseBlock]
    disagreements: int


def _disagree(aim: AuditAim, answers: list[AimAnswer]) -> bool:
    if aim.answer_type == AnswerType.GRADED:
        return rules.grades_disagree(a.grade.rank if a.grade else None for a in answers)
    if aim.answer_type == AnswerType.YES_NO:
        return rules.responses_disagree(a.response for a in answers)
    return False


def collation(*, audit: Audit) -> Collation:
    """The case × aim × agency matrix of submitted answers, beside the panel's grades."""
    organisations = list(audit.organisations.order_by("name"))
    aims = list(audit.aims.all())
    cases = list(audit.cases.order_by("reference"))
    returns = {
        (r.case_id, r.organisation_id): r
        for r in AgencyReturn.objects.filter(
            case__audit=audit, status=ReturnStatus.SUBMITTED
        ).select_related("organisation")
    }
    answers = {
        (a.agency_return.case_id, a.agency_return.organisation_id, a.aim_id): a
        for a in AimAnswer.objects.filter(
            agency_return__case__audit=audit, agency_return__status=ReturnStatus.SUBMITTED
        ).select_related("grade", "agency_return")
    }
    panel = {
        (p.case_id, p.aim_id): p
        for p in PanelGrade.objects.filter(case__audit=audit).select_related("grade")
    }
    blocks, disagreements = [], 0
    for case in cases:
        block = CaseBlock(case)
        for aim in aims:
            cells = [
                Cell(returns.get((case.pk, org.pk)), answers.get((case.pk, org.pk, aim.pk)))
                for org in organisations
            ]
            given = [cell.answer for cell in cells if cell.answer is not None]
            disagree = _disagree(aim, given)
            disagreements += int(disagree)
            block.rows.append(AimRow(aim, cells, panel.get((case.pk, aim.pk)), disagree))
        blocks.append(block)
    return Collation(organisations, blocks, disagreements)


def return_answers(*, agency_return: AgencyReturn) -> list[tuple[AuditAim, AimAnswer | None]]:
    """Each aim of the return's audit with this return's answer (or None)."""
    answers = {a.aim_id: a for a in agency_return.answers.select_related("grade")}
    return [(aim, answers.get(aim.pk)) for aim in agency_return.case.audit.aims.all()]


def open_live_concerns(*, audit: Audit) -> list[LiveConcern]:
    """Concerns on the audit not yet acknowledged."""
    return list(
        LiveConcern.objects.filter(case__audit=audit, acknowledged_at__isnull=True)
        .select_related("case", "raised_by")
        .order_by("created_at")
    )


def returns_waiting(*, access: Access) -> QuerySet[AgencyReturn]:
    """Returns this person can complete now (for "what needs me"), soonest due first: their
    organisation's for leads, the assigned ones for auditors; administrators are not listed
    every return. A queryset, so the home page can take a few and count the rest."""
    if access.sees_partnership or not return_policy.can(access, "complete"):
        return AgencyReturn.objects.none()
    return (
        return_policy.scope(access)
        .filter(
            organisation=access.organisation_id,
            case__audit__status=AuditStatus.RETURNS_OPEN,
        )
        .exclude(status=ReturnStatus.SUBMITTED)
        .order_by("case__audit__returns_due", "case__reference")
    )


def recommendation_context(access: Access, audit: Audit) -> dict[str, Any]:
    """The audit page's recommendations section: the register's recommendations sourced from
    this audit (in the reader's scope) with status and RAG, from the panel stage on."""
    show = audit.status in rules.COLLATED
    recommendations = (
        list(recommendations_for_source(access=access, source=audit, today=timezone.localdate()))
        if show
        else []
    )
    for recommendation in recommendations:
        annotated: Any = recommendation
        annotated.status_choice = RecommendationStatus(annotated.status)
        annotated.rag_choice = RAG(annotated.rag) if annotated.rag else None
    return {
        "show_recommendations": show,
        "recommendations": recommendations,
        "can_recommend": audit_policy.can(access, "recommend", audit),
    }
