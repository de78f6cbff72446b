"""Named domain rules for case file audits: lifecycle, evidence, disagreement, lateness."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .choices import AgeBand, AnswerType, AuditStatus, ReturnStatus, Sex, YesNo

LIFECYCLE: tuple[AuditStatus, ...] = tuple(AuditStatus)
# Statuses at or after which returns are collated and shown across agencies.
COLLATED = frozenset({AuditStatus.PANEL, AuditStatus.RECOMMENDATIONS_AGREED, AuditStatus.CLOSED})
# Statuses in which the set-up (aims, cases, organisations) may still change.
SETTING_UP = frozenset({AuditStatus.PLANNED, AuditStatus.SCOPING})
# Statuses in which cases may still be added.
CASES_OPEN = SETTING_UP | {AuditStatus.RETURNS_OPEN}


def next_status(status: str) -> AuditStatus | None:
    """The one status an audit may move to next, or None once closed."""
    position = LIFECYCLE.index(AuditStatus(status))
    return LIFECYCLE[position + 1] if position + 1 < len(LIFECYCLE) else None


def transition_problems(audit: Any, target: str) -> list[str]:
    """Why the audit cannot move to ``target`` (empty when it can).

    An audit moves one step at a time: planned → scoping (needs participating
    organisations) → returns open (needs aims, cases and a deadline) → panel (needs at least
    one submitted return) → recommendations agreed (needs the panel's summary) → closed
    (needs the panel's recommendations, see ``closing_problems``).
    """
    if next_status(audit.status) != target:
        return [f"An audit that is {audit.get_status_display().lower()} cannot move to that stage."]
    problems = []
    if target == AuditStatus.SCOPING and not audit.organisations.exists():
        problems.append("Choose the participating organisations first.")
    if target == AuditStatus.RETURNS_OPEN:
        problems.extend(_opening_problems(audit))
    if (
        target == AuditStatus.PANEL
        and not audit.cases.filter(returns__status=ReturnStatus.SUBMITTED).exists()
    ):
        problems.append("At least one agency return must be submitted before the panel.")
    if target == AuditStatus.CLOSED:
        problems.extend(closing_problems(recommendation_action_counts(audit)))
    if target == AuditStatus.RECOMMENDATIONS_AGREED and not (
        audit.panel_strengths.strip() and audit.panel_improvements.strip()
    ):
        problems.append("Record the panel's strengths and areas for improvement first.")
    return problems


def _opening_problems(audit: Any) -> list[str]:
    problems = []
    if not audit.organisations.exists():
        problems.append("Choose the participating organisations first.")
    if not audit.aims.exists():
        problems.append("Add at least one aim first.")
    if not audit.cases.exists():
        problems.append("Add at least one case first.")
    if audit.returns_due is None:
        problems.append("Set the date agency returns are due first.")
    return problems


def evidence_required(
    answer_type: str, *, grade_needs_evidence: bool = False, response: str = ""
) -> bool:
    """Evidence is required for a grade below "good" (the grade says so) or a "no"."""
    if answer_type == AnswerType.GRADED:
        return grade_needs_evidence
    if answer_type == AnswerType.YES_NO:
        return response == YesNo.NO
    return False


def grades_disagree(ranks: Iterable[int | None]) -> bool:
    """Agencies disagree on a graded aim when two grades are two or more steps apart."""
    given = [rank for rank in ranks if rank is not None]
    return bool(given) and max(given) - min(given) >= 2


def responses_disagree(responses: Iterable[str]) -> bool:
    """Agencies disagree on a yes/no aim when one says yes and another says no."""
    given = set(responses)
    return YesNo.YES in given and YesNo.NO in given


def is_late(*, returns_due: date | None, status: str, today: date) -> bool:
    """A return is late when the deadline has passed and it is not submitted."""
    return returns_due is not None and today > returns_due and status != ReturnStatus.SUBMITTED


def recommendation_action_counts(audit: Any) -> list[int]:
    """How many actions each recommendation recorded from this audit has (one query)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count

    from safeguarding_qa.recommendations.models import Recommendation

    linked = Recommendation.objects.filter(
        source_content_type=ContentType.objects.get_for_model(audit), source_object_id=audit.pk
    )
    return list(linked.annotate(n=Count("actions")).values_list("n", flat=True))


def closing_problems(action_counts: list[int]) -> list[str]:
    """Rule "audit closes with its recommendations": an audit cannot be closed while the
    panel has recorded no recommendation in the register, or while any of its
    recommendations has no action (someone must own the change it asks for)."""
    if not action_counts:
        return ["Record the panel's recommendations in the register first."]
    if any(count == 0 for count in action_counts):
        return ["Every recommendation from the audit needs at least one action first."]
    return []


def age_band_for(age: int | None) -> str:
    """A sampled child's age in years (None when unborn) as the audit's age band."""
    if age is None:
        return AgeBand.UNBORN
    if age < 1:
        return AgeBand.UNDER_1
    if age < 5:
        return AgeBand.AGE_1_4
    if age < 10:
        return AgeBand.AGE_5_9
    if age < 16:
        return AgeBand.AGE_10_15
    return AgeBand.AGE_16_17


SEX_FROM_CASEDATA = {"F": Sex.FEMALE, "M": Sex.MALE}
