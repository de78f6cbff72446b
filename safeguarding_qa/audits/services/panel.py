"""Writes for the panel: agreed grades per case and aim, and the panel's summary."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes

from .. import events
from ..choices import AnswerType, YesNo
from ..models import Audit, AuditCase, PanelGrade
from ..policies import audits as audit_policy


@transaction.atomic
def panel_grades_record(
    *, access: Access, case: AuditCase, grades: dict[int, tuple[str, str]]
) -> int:
    """Record the panel's agreed grade and rationale for each aim of one case.

    ``grades`` maps an aim's id to (grade id or yes/no answer, rationale). Blank answers
    leave the aim without a panel grade. Returns how many aims have a panel grade.
    """
    audit = case.audit
    audit_policy.require(access, "panel", audit)
    scale = {str(g.pk): g for g in audit.grades.all()}
    existing = {p.aim_id: p for p in case.panel_grades.all()}
    recorded: dict[str, str] = {}
    for aim in audit.aims.exclude(answer_type=AnswerType.TEXT):
        raw, rationale = grades.get(aim.pk, ("", ""))
        row = existing.get(aim.pk) or PanelGrade(case=case, aim=aim)
        row.grade = scale.get(raw) if aim.answer_type == AnswerType.GRADED else None
        row.response = raw if aim.answer_type == AnswerType.YES_NO and raw in YesNo.values else ""
        row.rationale = rationale.strip()
        if row.grade is None and not row.response:
            if row.pk:
                row.delete()
            if rationale.strip():
                raise ValidationError(
                    {f"aim_{aim.pk}_answer": f"Choose the agreed grade for aim {aim.position}."}
                )
            continue
        row.save()
        recorded[aim.text] = str(row.grade or row.get_response_display())
    record_event(
        kind=events.PANEL_GRADES_RECORDED,
        actor=access.user,
        target=case,
        data={"grades": recorded},
    )
    return len(recorded)


@transaction.atomic
def panel_summary_record(
    *, access: Access, audit: Audit, panel_strengths: str, panel_improvements: str
) -> Audit:
    """Record the panel's summary of strengths and areas for improvement."""
    audit_policy.require(access, "panel", audit)
    changes = save_changes(
        audit,
        {"panel_strengths": panel_strengths, "panel_improvements": panel_improvements},
        tracked=["panel_strengths", "panel_improvements"],
    )
    if changes["after"]:
        record_event(kind=events.PANEL_SUMMARY_RECORDED, actor=access.user, target=audit, **changes)
    return audit
