"""Writes for setting up audits: details, aims, stages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot

from .. import events, rules
from ..choices import AnswerType, AuditStatus
from ..models import (
    AgencyReturn,
    Audit,
    AuditAim,
    AuditGrade,
    GradingScale,
    Question,
    ScaleGrade,
)
from ..policies import audits as audit_policy
from ..policies import questions as question_policy

AUDIT_FIELDS = [
    "title",
    "theme",
    "kind",
    "status",
    "terms_of_reference",
    "organisations",
    "target_cases",
    "returns_due",
    "panel_date",
    "practice_reviews",
    "scale_name",
]


@transaction.atomic
def question_create(*, access: Access, **fields: Any) -> Question:
    """Add a question to the bank."""
    question_policy.require(access, "manage")
    question = Question(**fields)
    question.full_clean()
    question.save()
    record_event(
        kind=events.QUESTION_CREATED,
        actor=access.user,
        target=question,
        after=snapshot(question, ["code", "text", "answer_type", "theme_set"]),
    )
    return question


@transaction.atomic
def scale_create(
    *, access: Access, name: str, description: str, labels: list[str], needing_evidence: int
) -> GradingScale:
    """Add a scale, best grade first; the lowest ``needing_evidence`` grades need evidence."""
    question_policy.require(access, "manage")
    labels = [label.strip() for label in labels if label.strip()]
    if not 2 <= len(labels) <= 8:
        raise ValidationError({"grades": "Enter between 2 and 8 grades, one a line."})
    if len({label.lower() for label in labels}) != len(labels):
        raise ValidationError({"grades": "Each grade must have a different name."})
    if not 0 <= needing_evidence <= len(labels):
        raise ValidationError({"needing_evidence": "Enter a number no larger than the grades."})
    if GradingScale.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "A scale with this name already exists."})
    scale = GradingScale(name=name.strip(), description=description)
    scale.full_clean()
    scale.save()
    first_needing = len(labels) - needing_evidence
    ScaleGrade.objects.bulk_create(
        ScaleGrade(scale=scale, rank=rank, label=label, needs_evidence=rank > first_needing)
        for rank, label in enumerate(labels, start=1)
    )
    record_event(
        kind=events.SCALE_CREATED,
        actor=access.user,
        target=scale,
        after={"name": scale.name, "grades": labels, "needing_evidence": needing_evidence},
    )
    return scale


def _check_dates(fields: dict[str, Any]) -> None:
    due, panel = fields.get("returns_due"), fields.get("panel_date")
    if due and panel and panel < due:
        raise ValidationError(
            {"panel_date": "The panel meeting must be on or after the date returns are due."}
        )


@transaction.atomic
def audit_create(
    *,
    access: Access,
    scale: GradingScale,
    organisations: list[Any],
    practice_reviews: list[Any] | None = None,
    **fields: Any,
) -> Audit:
    """Set up an audit; the chosen scale is copied onto it so later edits never rewrite it."""
    audit_policy.require(access, "manage")
    _check_dates(fields)
    audit = Audit(scale_name=scale.name, created_by=access.user, **fields)
    audit.full_clean()
    audit.save()
    audit.organisations.set(organisations)
    audit.practice_reviews.set(practice_reviews or [])
    AuditGrade.objects.bulk_create(
        AuditGrade(audit=audit, rank=g.rank, label=g.label, needs_evidence=g.needs_evidence)
        for g in scale.grades.all()
    )
    record_event(
        kind=events.AUDIT_CREATED,
        actor=access.user,
        target=audit,
        after=snapshot(audit, AUDIT_FIELDS),
    )
    return audit


@transaction.atomic
def audit_update(
    *,
    access: Access,
    audit: Audit,
    organisations: list[Any],
    practice_reviews: list[Any] | None = None,
    **fields: Any,
) -> Audit:
    """Change an audit's details. Participating organisations are fixed once returns open."""
    audit_policy.require(access, "manage", audit)
    _check_dates(fields)
    before = snapshot(audit, AUDIT_FIELDS)
    changes = save_changes(audit, fields, tracked=AUDIT_FIELDS)
    if practice_reviews is not None:
        audit.practice_reviews.set(practice_reviews)
        after = snapshot(audit, ["practice_reviews"])
        if after["practice_reviews"] != before["practice_reviews"]:
            changes = {
                "before": {**changes["before"], "practice_reviews": before["practice_reviews"]},
                "after": {**changes["after"], "practice_reviews": after["practice_reviews"]},
            }
    current = {org.pk for org in audit.organisations.all()}
    wanted = {org.pk for org in organisations}
    if current != wanted:
        if audit.status not in rules.SETTING_UP:
            raise ValidationError(
                {"organisations": "Participating organisations cannot change once returns open."}
            )
        audit.organisations.set(organisations)
        after = snapshot(audit, AUDIT_FIELDS)
        changes = {
            "before": {**changes["before"], "organisations": before["organisations"]},
            "after": {**changes["after"], "organisations": after["organisations"]},
        }
    if changes["after"]:
        record_event(kind=events.AUDIT_CHANGED, actor=access.user, target=audit, **changes)
    return audit


def _require_setting_up(audit: Audit) -> None:
    if audit.status not in rules.SETTING_UP:
        raise ValidationError("Aims can only change while the audit is planned or scoping.")


def _next_position(audit: Audit) -> int:
    top = audit.aims.aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def audit_add_questions(*, access: Access, audit: Audit, questions: list[Question]) -> int:
    """Copy bank questions onto the audit as aims (skipping ones already there)."""
    audit_policy.require(access, "manage", audit)
    _require_setting_up(audit)
    already = set(audit.aims.values_list("question_id", flat=True))
    position = _next_position(audit)
    added = []
    for question in questions:
        if question.pk in already:
            continue
        added.append(
            AuditAim(
                audit=audit,
                question=question,
                position=position,
                text=question.text,
                guidance=question.guidance,
                answer_type=question.answer_type,
            )
        )
        position += 1
    AuditAim.objects.bulk_create(added)
    if added:
        record_event(
            kind=events.AUDIT_AIM_ADDED,
            actor=access.user,
            target=audit,
            data={"aims": [aim.text for aim in added]},
        )
    return len(added)


@transaction.atomic
def audit_write_aim(
    *, access: Access, audit: Audit, text: str, guidance: str = "", answer_type: str
) -> AuditAim:
    """Add an aim written for this audit only."""
    audit_policy.require(access, "manage", audit)
    _require_setting_up(audit)
    aim = AuditAim(
        audit=audit,
        position=_next_position(audit),
        text=text,
        guidance=guidance,
        answer_type=AnswerType(answer_type),
    )
    aim.full_clean()
    aim.save()
    record_event(
        kind=events.AUDIT_AIM_ADDED, actor=access.user, target=audit, data={"aims": [aim.text]}
    )
    return aim


def create_missing_returns(audit: Audit) -> int:
    """One draft return per case and participating organisation (call inside a service)."""
    org_ids = list(audit.organisations.values_list("pk", flat=True))
    existing = set(
        AgencyReturn.objects.filter(case__audit=audit).values_list("case_id", "organisation_id")
    )
    missing = [
        AgencyReturn(case_id=case_id, organisation_id=org_id)
        for case_id in audit.cases.values_list("pk", flat=True)
        for org_id in org_ids
        if (case_id, org_id) not in existing
    ]
    AgencyReturn.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def audit_move(*, access: Access, audit: Audit, target: str) -> Audit:
    """Move the audit to its next stage, if the named rules allow it."""
    audit_policy.require(access, "manage", audit)
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    problems = rules.transition_problems(audit, target)
    if problems:
        raise ValidationError(problems)
    before = audit.status
    audit.status = AuditStatus(target)
    if target == AuditStatus.CLOSED:
        audit.closed_on = timezone.localdate()
    audit.save()
    if target == AuditStatus.RETURNS_OPEN:
        create_missing_returns(audit)
    record_event(
        kind=events.AUDIT_MOVED,
        actor=access.user,
        target=audit,
        before={"status": before},
        after={"status": audit.status},
    )
    return audit
