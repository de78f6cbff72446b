"""Services: set-up, stages, returns (draft, submit, lock, reopen), concerns, reveals."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audits.choices import AnswerType, AuditStatus, ReturnStatus
from safeguarding_qa.audits.models import AgencyReturn, AuditAim, GradingScale, Question
from safeguarding_qa.audits.services import audits as audit_services
from safeguarding_qa.audits.services import cases as case_services
from safeguarding_qa.audits.services import returns as return_services
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.models import Partnership

pytestmark = pytest.mark.django_db


def _create(access, organisations, **extra):
    scale = GradingScale.objects.get(name="Ofsted four-point")
    fields: dict[str, Any] = {
        "title": "Neglect audit",
        "theme": "Neglect",
        "kind": "case_file",
        "target_cases": 4,
        "returns_due": date(2026, 5, 1),
        "panel_date": date(2026, 5, 20),
        "terms_of_reference": "",
    }
    fields.update(extra)
    return audit_services.audit_create(
        access=access,
        scale=scale,
        organisations=[organisations["council"], organisations["police"]],
        **fields,
    )


def test_scale_is_copied_so_bank_edits_do_not_rewrite_the_audit(access_of_persona, organisations):
    audit = _create(access_of_persona("admin"), organisations)
    scale = GradingScale.objects.get(name="Ofsted four-point")
    scale.grades.filter(rank=1).update(label="Excellent")
    assert [g.label for g in audit.grades.all()][0] == "Outstanding"
    assert AuditEvent.objects.filter(kind="audit.created").exists()


def test_only_administrators_set_up_audits(access_of_persona, organisations):
    with pytest.raises(PermissionDenied):
        _create(access_of_persona("chair"), organisations)


def test_panel_before_returns_due_is_refused(access_of_persona, organisations):
    with pytest.raises(ValidationError):
        _create(access_of_persona("admin"), organisations, panel_date=date(2026, 4, 1))


def test_lifecycle_guards_and_returns_created(access_of_persona, organisations):
    admin = access_of_persona("admin")
    audit = _create(admin, organisations)
    audit_services.audit_move(access=admin, audit=audit, target=AuditStatus.SCOPING)
    with pytest.raises(ValidationError) as error:
        audit_services.audit_move(access=admin, audit=audit, target=AuditStatus.RETURNS_OPEN)
    assert "Add at least one aim first." in error.value.messages
    questions = list(Question.objects.filter(code__in=["info-sharing", "men-fathers"]))
    assert audit_services.audit_add_questions(access=admin, audit=audit, questions=questions) == 2
    assert audit_services.audit_add_questions(access=admin, audit=audit, questions=questions) == 0
    for letter in "AB":
        case_services.case_add(
            access=admin,
            audit=audit,
            reference=f"Case {letter}",
            age_band="5_9",
            sex="female",
            open_for="3_12m",
        )
    audit = audit_services.audit_move(access=admin, audit=audit, target=AuditStatus.RETURNS_OPEN)
    assert AgencyReturn.objects.filter(case__audit=audit).count() == 4
    with pytest.raises(ValidationError):
        audit_services.audit_write_aim(
            access=admin, audit=audit, text="Late aim", answer_type=AnswerType.TEXT
        )
    with pytest.raises(ValidationError):  # skipping a stage
        audit_services.audit_move(access=admin, audit=audit, target=AuditStatus.CLOSED)


def _answers(agency_return, values):
    aims = list(agency_return.case.audit.aims.all())
    grades = {g.rank: str(g.pk) for g in agency_return.case.audit.grades.all()}
    result = {}
    for aim, (value, evidence) in zip(aims, values, strict=False):
        raw = grades[value] if aim.answer_type == AnswerType.GRADED else value
        result[aim.pk] = (raw, evidence)
    return result


def _council_return(audit):
    return AgencyReturn.objects.get(
        case__audit=audit, case__reference="Case A", organisation__name__contains="Council"
    )


def test_submit_requires_every_answer_and_evidence_below_good(access_of_persona, open_audit):
    auditor = access_of_persona("auditor_council")
    item = _council_return(open_audit)
    grade_pk = str(open_audit.grades.get(rank=2).pk)
    with pytest.raises(ValidationError) as error:
        return_services.return_save(
            access=auditor,
            agency_return=item,
            version=1,
            submit=True,
            answers=_answers(item, [(3, ""), ("no", ""), (2, "")]),
            overall_grade=grade_pk,
            involved=True,
        )
    problems = error.value.message_dict
    aims = list(open_audit.aims.all())
    assert f"aim_{aims[0].pk}_evidence" in problems
    assert f"aim_{aims[1].pk}_evidence" in problems
    item.refresh_from_db()
    assert item.status == ReturnStatus.DRAFT and item.version == 1
    saved = return_services.return_save(
        access=auditor,
        agency_return=item,
        version=1,
        submit=True,
        answers=_answers(item, [(3, "No plan"), ("no", "No contact"), (2, "")]),
        overall_grade=grade_pk,
        involved=True,
    )
    assert saved.status == ReturnStatus.SUBMITTED and saved.version == 2
    assert AuditEvent.objects.filter(kind="audit_return.submitted").exists()
    with pytest.raises(PermissionDenied):  # locked once submitted
        return_services.return_save(
            access=auditor, agency_return=saved, version=2, submit=False, answers={}
        )


def test_stale_version_is_refused(access_of_persona, open_audit):
    auditor = access_of_persona("auditor_council")
    item = _council_return(open_audit)
    return_services.return_save(
        access=auditor, agency_return=item, version=1, submit=False, answers={}, strengths="A"
    )
    with pytest.raises(ValidationError, match="Someone else saved"):
        return_services.return_save(
            access=auditor, agency_return=item, version=1, submit=False, answers={}, strengths="B"
        )
    item.refresh_from_db()
    assert item.strengths == "A"


def test_other_agency_cannot_complete_a_return(access_of_persona, open_audit):
    item = _council_return(open_audit)
    with pytest.raises(PermissionDenied):
        return_services.return_save(
            access=access_of_persona("auditor_police"),
            agency_return=item,
            version=1,
            submit=False,
            answers={},
        )


def test_reopen_needs_a_reason_and_unlocks(access_of_persona, open_audit):
    item = _council_return(open_audit)
    item.status = ReturnStatus.SUBMITTED
    item.submitted_at = item.created_at
    item.save()
    admin = access_of_persona("admin")
    with pytest.raises(ValidationError):
        return_services.return_reopen(access=admin, agency_return=item, reason=" ")
    reopened = return_services.return_reopen(access=admin, agency_return=item, reason="Wrong child")
    assert reopened.status == ReturnStatus.REOPENED


def test_live_concern_emails_contacts_and_local_authority_lead(
    access_of_persona, open_audit, django_capture_on_commit_callbacks
):
    partnership = Partnership.objects.get(pk=1)
    partnership.live_concern_contacts = "mash@brackenmoor.example"
    partnership.save()
    case = open_audit.cases.get(reference="Case A")
    with django_capture_on_commit_callbacks(execute=True):
        case_services.live_concern_raise(
            access=access_of_persona("auditor_police"), case=case, details="New incident."
        )
    assert len(mail.outbox) == 1
    recipients = set(mail.outbox[0].to)
    assert "mash@brackenmoor.example" in recipients
    assert "lead.council@brackenmoor.example" in recipients
    assert "Test Child" not in mail.outbox[0].body
    assert AuditEvent.objects.filter(kind="audit.live_concern_raised").exists()


def test_reveal_needs_a_reason_and_is_logged(access_of_persona, open_audit):
    case = open_audit.cases.get(reference="Case A")
    lead = access_of_persona("lead_police")
    with pytest.raises(ValidationError):
        case_services.identifiers_reveal(access=lead, case=case, reason="")
    shown = case_services.identifiers_reveal(access=lead, case=case, reason="Check our record")
    assert shown["child_name"] == "Test Child"
    event = AuditEvent.objects.get(kind="audit.identifiers_revealed")
    assert event.data["reason"] == "Check our record"
    assert "Test Child" not in str(event.data)
    with pytest.raises(PermissionDenied):
        case_services.identifiers_reveal(
            access=access_of_persona("chair"), case=case, reason="Curious"
        )


def test_assign_only_own_organisation(access_of_persona, open_audit, personas):
    case = open_audit.cases.get(reference="Case B")
    with pytest.raises(ValidationError):
        case_services.case_assign(
            access=access_of_persona("lead_police"), case=case, auditor=personas["auditor_council"]
        )
    assignment = case_services.case_assign(
        access=access_of_persona("lead_police"), case=case, auditor=personas["auditor_police"]
    )
    assert assignment.organisation == personas["auditor_police"].organisation


def test_reminders_before_and_after_the_deadline(open_audit):
    due = open_audit.returns_due
    assert return_services.send_return_reminders(today=due - timedelta(days=7)) > 0
    sent_before = len(mail.outbox)
    assert return_services.send_return_reminders(today=due - timedelta(days=3)) == 0
    assert return_services.send_return_reminders(today=due + timedelta(days=1)) > 0
    assert "Overdue" in mail.outbox[-1].subject
    assert sent_before > 0


def test_aims_are_copies(access_of_persona, organisations):
    admin = access_of_persona("admin")
    audit = _create(admin, organisations)
    question = Question.objects.get(code="info-sharing")
    audit_services.audit_add_questions(access=admin, audit=audit, questions=[question])
    Question.objects.filter(pk=question.pk).update(text="Changed later")
    assert AuditAim.objects.get(audit=audit).text != "Changed later"


def test_administrator_defined_scale(access_of_persona):
    admin = access_of_persona("admin")
    scale = audit_services.scale_create(
        access=admin,
        name="Three point",
        description="",
        labels=["Strong", "Adequate", "", "Weak"],
        needing_evidence=1,
    )
    assert [(g.label, g.needs_evidence) for g in scale.grades.all()] == [
        ("Strong", False),
        ("Adequate", False),
        ("Weak", True),
    ]
    with pytest.raises(ValidationError):
        audit_services.scale_create(
            access=admin, name="One", description="", labels=["Only"], needing_evidence=0
        )
    with pytest.raises(PermissionDenied):
        audit_services.scale_create(
            access=access_of_persona("chair"),
            name="Chair's",
            description="",
            labels=["A", "B"],
            needing_evidence=0,
        )
