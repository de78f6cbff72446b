"""Reads for audits. Each runs a fixed number of queries, whatever the amount of data.

Other apps may use: ``audit_list``, ``aim_grade_distributions``, ``return_completeness``,
``collation`` and ``open_live_concerns``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

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
    answers = AimAnswer.objects.filter(
        agency_return__case__audit=audit, agency_return__status=ReturnStatus.SUBMITTED
    ).values_list("aim_id", "grade__label", "response")
    return _distributions(aims, list(audit.grades.all()), answers)


def _distributions(
    aims: list[AuditAim], grades: list[Any], answers: Iterable[tuple[int, str | None, str]]
) -> list[Distribution]:
    """Tallies (aim, grade label, response) answers per graded or yes/no aim."""
    tallies: dict[int, Counter[str]] = defaultdict(Counter)
    for aim_id, label, response in answers:
        if label:
            tallies[aim_id][label] += 1
        elif response:
            tallies[aim_id][YesNo(response).label] += 1
    result = []
    for aim in aims:
        if aim.answer_type == AnswerType.TEXT:
            continue
        labels = [g.label for g in grades] if aim.answer_type == AnswerType.GRADED else YesNo.labels
        result.append(Distribution(aim, [(str(lb), tallies[aim.pk][str(lb)]) for lb in labels]))
    return result


@dataclass(frozen=True)
class SubmittedReturn:
    """A submitted return as the matrix links to it: its page and its organisation."""

    pk: int
    organisation_name: str
    url: str


@dataclass(frozen=True)
class Answer:
    """One agency's answer on one aim, as the matrix shows and compares it."""

    label: str
    rank: int | None
    response: str
    grade_label: str | None = None


# The matrix shows each answer's first words; the full text is on the return's page.
CELL_WORDS = 12


@dataclass
class Cell:
    agency_return: SubmittedReturn | None
    answer: Answer | None = None
    aim_id: int = 0

    @property
    def label(self) -> str:
        return "" if self.answer is None else self.answer.label

    @property
    def summary(self) -> str:
        """The label cut to its first words, as the ``truncatewords`` filter would."""
        return Truncator(self.label).words(CELL_WORDS, truncate=" …")

    # The matrix has a cell per case, aim and agency: its content is written here once,
    # escaped by ``format_html``, rather than by a dozen template lookups per cell.
    @property
    def linked_html(self) -> SafeString:
        """The cell for readers who may open returns: the answer links to its evidence."""
        if self.answer is None or self.agency_return is None:
            return self.plain_html
        return format_html(
            '<a class="govuk-link" href="{}#aim-{}">{}<span class="govuk-visually-hidden">'
            ": evidence from {}</span></a>",
            self.agency_return.url,
            self.aim_id,
            self.summary,
            self.agency_return.organisation_name,
        )

    @property
    def plain_html(self) -> SafeString:
        """The cell for readers who may not open returns."""
        if self.answer is not None:
            return format_html("{}", self.summary)
        if self.agency_return is not None:
            return mark_safe("Not answered")  # noqa: S308  (constant text)
        return mark_safe('<span class="govuk-hint">No return</span>')  # noqa: S308


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


def _disagree(aim: AuditAim, answers: list[Answer]) -> bool:
    if aim.answer_type == AnswerType.GRADED:
        return rules.grades_disagree(a.rank for a in answers)
    if aim.answer_type == AnswerType.YES_NO:
        return rules.responses_disagree(a.response for a in answers)
    return False


def _answer_label(grade_label: str | None, response: str, text: str) -> str:
    """What ``AimAnswer`` shows: the grade, else the yes/no response, else the free text."""
    if grade_label is not None:
        return grade_label
    if response:
        return str(YesNo(response).label) if response in YesNo.values else response
    return text


def _submitted_returns(audit: Audit) -> dict[tuple[int, int], SubmittedReturn]:
    """The audit's submitted returns by (case, organisation), each with its page's URL."""
    rows = AgencyReturn.objects.filter(case__audit=audit, status=ReturnStatus.SUBMITTED)
    # Return pages' URLs differ only by the id: reverse one and substitute the rest, rather
    # than reversing per return (or, as the template did, per matrix cell).
    marker = "999999999"
    pattern = reverse("audits:return-detail", args=[int(marker)])
    return {
        (case_id, organisation_id): SubmittedReturn(pk, name, pattern.replace(marker, str(pk)))
        for pk, case_id, organisation_id, name in rows.values_list(
            "pk", "case_id", "organisation_id", "organisation__name"
        )
    }


def _submitted_answers(audit: Audit) -> dict[tuple[int, int, int], Answer]:
    """The submitted answers by (case, organisation, aim), read as plain values: the matrix
    needs a label and what to compare, not model instances."""
    rows = AimAnswer.objects.filter(
        agency_return__case__audit=audit, agency_return__status=ReturnStatus.SUBMITTED
    ).values_list(
        "agency_return__case_id",
        "agency_return__organisation_id",
        "aim_id",
        "grade__label",
        "grade__rank",
        "response",
        "text",
    )
    return {
        (case_id, organisation_id, aim_id): Answer(
            _answer_label(label, response, text), rank, response, label
        )
        for case_id, organisation_id, aim_id, label, rank, response, text in rows
    }


def collation(*, audit: Audit) -> Collation:
    """The case × aim × agency matrix of submitted answers, beside the panel's grades."""
    return collation_and_distributions(audit=audit)[0]


def collation_and_distributions(*, audit: Audit) -> tuple[Collation, list[Distribution]]:
    """``collation`` and ``aim_grade_distributions`` together, for the collation page: both
    read the same aims and submitted answers, so they are read once."""
    aims = list(audit.aims.all())
    answers = _submitted_answers(audit)
    distributions = _distributions(
        aims,
        list(audit.grades.all()),
        ((aim_id, a.grade_label, a.response) for (_, _, aim_id), a in answers.items()),
    )
    return _collation(audit, aims, answers), distributions


def _collation(
    audit: Audit, aims: list[AuditAim], answers: dict[tuple[int, int, int], Answer]
) -> Collation:
    organisations = list(audit.organisations.order_by("name"))
    # Only the pseudonym: the encrypted identifiers are never shown here, so never decrypted.
    cases = list(audit.cases.order_by("reference").only("pk", "audit_id", "reference"))
    returns = _submitted_returns(audit)
    panel = {
        (p.case_id, p.aim_id): p
        for p in PanelGrade.objects.filter(case__audit=audit).select_related("grade")
    }
    # Ids read once: the loop below runs once per case, aim and organisation.
    organisation_ids = [org.pk for org in organisations]
    aim_ids = [(aim, aim.pk) for aim in aims]
    blocks, disagreements = [], 0
    for case in cases:
        case_id, block = case.pk, CaseBlock(case)
        for aim, aim_id in aim_ids:
            cells = [
                Cell(
                    returns.get((case_id, org_id)),
                    answers.get((case_id, org_id, aim_id)),
                    aim_id,
                )
                for org_id in organisation_ids
            ]
            given = [cell.answer for cell in cells if cell.answer is not None]
            disagree = _disagree(aim, given)
            disagreements += int(disagree)
            block.rows.append(AimRow(aim, cells, panel.get((case_id, aim_id)), disagree))
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
