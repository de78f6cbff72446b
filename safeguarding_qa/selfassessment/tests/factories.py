"""Test builders for self-assessment: rounds with returns in chosen states."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from safeguarding_qa.selfassessment.choices import ModerationStatus, ReturnStatus, RoundStatus
from safeguarding_qa.selfassessment.models import (
    Framework,
    Round,
    SelfAssessment,
    StandardReturn,
)
from safeguarding_qa.selfassessment.seeds import SECTION_11_CODE


def section_11() -> Framework:
    return Framework.objects.get(code=SECTION_11_CODE)


def make_round(
    *,
    organisations: list[Any],
    framework: Framework | None = None,
    year: int = 2025,
    due_on: date = date(2099, 6, 30),
    status: str = RoundStatus.OPEN,
    previous: Round | None = None,
) -> Round:
    """A round with an empty return (one answer per standard) for each organisation."""
    framework = framework or section_11()
    round_ = Round.objects.create(
        framework=framework,
        year=year,
        opens_on=date(2000, 1, 1),
        due_on=due_on,
        status=status,
        previous=previous,
    )
    for organisation in organisations:
        sa = SelfAssessment.objects.create(round=round_, organisation=organisation)
        StandardReturn.objects.bulk_create(
            StandardReturn(self_assessment=sa, standard=standard)
            for standard in framework.standards.all()
        )
    return round_


def fill(
    sa: SelfAssessment, rating: str = "amber", *, submit: bool = False, by: Any = None
) -> None:
    """Give every answer a rating and evidence; optionally submit the return."""
    sa.answers.update(self_rating=rating, evidence="Audit of 20 files in March.")
    if submit:
        sa.status = ReturnStatus.SUBMITTED
        sa.submitted_at = datetime(2025, 6, 1, 10, 0, tzinfo=timezone.get_current_timezone())
        sa.submitted_by = by
        sa.save()


def challenge(answer: StandardReturn, note: str = "What does the audit show?") -> None:
    answer.moderation_status = ModerationStatus.CHALLENGED
    answer.moderation_note = note
    answer.save()
