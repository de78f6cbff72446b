"""Writes for agency returns: draft, submit (which locks), reopen, reminders."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events, rules
from ..attachments import validate_attachment
from ..choices import AnswerType, AuditStatus, ReturnStatus, YesNo
from ..models import AgencyReturn, AimAnswer, Assignment, Audit, AuditGrade, attachment_path
from ..policies import returns as return_policy

NARRATIVE_FIELDS = [
    "involved",
    "not_involved_reason",
    "strengths",
    "areas_for_development",
    "single_agency_learning",
    "voice_of_child",
]
# Reminders go this many days before the deadline, and on these days after it.
REMIND_BEFORE = frozenset({7, 1})


def answer_field(aim_pk: int) -> str:
    return f"aim_{aim_pk}_answer"


def evidence_field(aim_pk: int) -> str:
    return f"aim_{aim_pk}_evidence"


def _apply_answers(
    agency_return: AgencyReturn,
    answers: dict[int, tuple[str, str]],
    grades: dict[str, AuditGrade],
    *,
    complete: bool,
) -> dict[str, str]:
    """Save each aim's answer; return the problems that would stop a submission."""
    problems: dict[str, str] = {}
    existing = {a.aim_id: a for a in agency_return.answers.all()}
    for aim in agency_return.case.audit.aims.all():
        raw, evidence = answers.get(aim.pk, ("", ""))
        row = existing.get(aim.pk) or AimAnswer(agency_return=agency_return, aim=aim)
        row.grade, row.response, row.text, row.evidence = None, "", "", evidence.strip()
        needs_evidence = False
        if aim.answer_type == AnswerType.GRADED:
            row.grade = grades.get(raw)
            needs_evidence = rules.evidence_required(
                aim.answer_type, grade_needs_evidence=bool(row.grade and row.grade.needs_evidence)
            )
            given = row.grade is not None
        elif aim.answer_type == AnswerType.YES_NO:
            row.response = raw if raw in YesNo.values else ""
            needs_evidence = rules.evidence_required(aim.answer_type, response=row.response)
            given = bool(row.response)
        else:
            row.text = raw.strip()
            given = bool(row.text)
        row.save()
        if complete and not given:
            problems[answer_field(aim.pk)] = f"Answer aim {aim.position}."
        if complete and needs_evidence and not row.evidence:
            problems[evidence_field(aim.pk)] = (
                f"Give the evidence for your answer to aim {aim.position}."
            )
    return problems


def _submission_problems(agency_return: AgencyReturn) -> dict[str, str]:
    """What stops a return being submitted, apart from the aims' answers."""
    if agency_return.involved is None:
        return {"involved": "Say whether your agency was involved with the child."}
    if agency_return.involved is False and not agency_return.not_involved_reason.strip():
        return {"not_involved_reason": "Say why your agency was not involved."}
    if agency_return.involved and agency_return.overall_grade is None:
        return {"overall_grade": "Choose an overall grade."}
    return {}


@transaction.atomic
def return_save(
    *,
    access: Access,
    agency_return: AgencyReturn,
    version: int,
    submit: bool,
    answers: dict[int, tuple[str, str]],
    overall_grade: str = "",
    attachment: Any = None,
    **narrative: Any,
) -> AgencyReturn:
    """Save a return as a draft or submit it. ``version`` is the one the form was opened
    at: if someone saved since, nothing is saved and the person is asked to reload."""
    return_policy.require(access, "complete", agency_return)
    locked = AgencyReturn.objects.select_for_update().get(pk=agency_return.pk)
    if locked.version != version:
        raise ValidationError(
            "Someone else saved this return after you opened it. "
            "Open it again to see their changes, then make yours."
        )
    grades = {str(g.pk): g for g in agency_return.case.audit.grades.all()}
    for name in NARRATIVE_FIELDS:
        if name in narrative:
            setattr(agency_return, name, narrative[name])
    agency_return.overall_grade = grades.get(overall_grade)
    involved = agency_return.involved
    problems = _apply_answers(agency_return, answers, grades, complete=submit and involved is True)
    if submit:
        problems.update(_submission_problems(agency_return))
    if problems:
        raise ValidationError(problems)
    if attachment is not None:
        agency_return.attachment_kind = validate_attachment(attachment)
        agency_return.attachment.save(attachment_path(agency_return, ""), attachment, save=False)
    agency_return.version = version + 1
    if submit:
        agency_return.status = ReturnStatus.SUBMITTED
        agency_return.submitted_at = timezone.now()
        agency_return.submitted_by = access.user
    agency_return.full_clean(exclude=["case", "organisation"])
    agency_return.save()
    record_event(
        kind=events.RETURN_SUBMITTED if submit else events.RETURN_SAVED,
        actor=access.user,
        target=agency_return,
        organisation=agency_return.organisation,
        data={"version": agency_return.version, "attachment": agency_return.attachment_kind},
    )
    return agency_return


@transaction.atomic
def return_reopen(*, access: Access, agency_return: AgencyReturn, reason: str) -> AgencyReturn:
    """Unlock a submitted return so its organisation can change it."""
    return_policy.require(access, "reopen", agency_return)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the return is being reopened."})
    agency_return.status = ReturnStatus.REOPENED
    agency_return.reopen_reason = reason.strip()
    agency_return.version += 1
    agency_return.save()
    record_event(
        kind=events.RETURN_REOPENED,
        actor=access.user,
        target=agency_return,
        organisation=agency_return.organisation,
        data={"reason": agency_return.reopen_reason},
    )
    return agency_return


def _reminder_due(returns_due: date, today: date) -> bool:
    days = (returns_due - today).days
    return days in REMIND_BEFORE or (days < 0 and (-days) % 7 == 1)


@transaction.atomic
def send_return_reminders(*, today: date | None = None) -> int:
    """E-mail leads and assigned auditors whose returns are outstanding, 7 days and 1 day
    before the deadline and weekly after it. Returns the number of e-mails sent."""
    today = today or timezone.localdate()
    audits = [
        audit
        for audit in Audit.objects.filter(
            status=AuditStatus.RETURNS_OPEN, returns_due__isnull=False
        )
        if audit.returns_due is not None and _reminder_due(audit.returns_due, today)
    ]
    outstanding = AgencyReturn.objects.filter(case__audit__in=audits).exclude(
        status=ReturnStatus.SUBMITTED
    )
    pending: dict[int, set[int]] = defaultdict(set)  # audit -> organisations
    for audit_id, org_id in outstanding.values_list("case__audit_id", "organisation_id"):
        pending[audit_id].add(org_id)
    leads = User.objects.filter(is_active=True, role=Role.AGENCY_LEAD)
    assigned = Assignment.objects.filter(case__audit__in=audits, auditor__is_active=True)
    sent = 0
    for audit in audits:
        orgs = pending.get(audit.pk, set())
        if not orgs:
            continue
        emails = set(leads.filter(organisation__in=orgs).values_list("email", flat=True))
        emails |= set(
            assigned.filter(case__audit=audit, organisation__in=orgs).values_list(
                "auditor__email", flat=True
            )
        )
        late = rules.is_late(returns_due=audit.returns_due, status="", today=today)
        when = "were due" if late else "are due"
        due_text = audit.returns_due.strftime("%d %B %Y") if audit.returns_due else ""
        body = (
            f"Agency returns for the audit '{audit.title}' {when} on {due_text}. "
            "Your organisation has returns still to submit. Sign in to complete them."
        )
        subject = f"{'Overdue' if late else 'Reminder'}: returns for {audit.title}"
        for email in sorted(emails):
            send_mail(subject, body, None, [email])
            sent += 1
        record_event(
            kind=events.RETURN_REMINDED,
            target=audit,
            data={"recipients": len(emails), "late": late},
        )
    return sent
