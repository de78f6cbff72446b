"""Writes for audit cases: adding them, assigning auditors, revealing and purging
identifiers, live safeguarding concerns."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.services.recording import record_event, snapshot
from safeguarding_qa.partnership.choices import Sector
from safeguarding_qa.partnership.models import Partnership

from .. import events, rules
from ..choices import AuditStatus
from ..models import IDENTIFIER_FIELDS, Assignment, Audit, AuditCase, LiveConcern
from ..policies import assignable_people, may_assign_for
from ..policies import audits as audit_policy
from ..policies import cases as case_policy
from ..policies import live_concerns as concern_policy
from .audits import create_missing_returns

PROFILE_FIELDS = [
    "reference",
    "age_band",
    "sex",
    "ethnicity",
    "disability",
    "plan_type",
    "plan_category",
    "open_for",
]
DEFAULT_RETENTION_DAYS = 365


@transaction.atomic
def case_add(*, access: Access, audit: Audit, **fields: Any) -> AuditCase:
    """Add a case with its profile and (encrypted) identifiers."""
    audit_policy.require(access, "manage", audit)
    if audit.status not in rules.CASES_OPEN:
        raise ValidationError("Cases can only be added until the panel stage.")
    reference = str(fields.get("reference", "")).strip()
    if audit.cases.filter(reference__iexact=reference).exists():
        raise ValidationError({"reference": f"{reference} is already a case in this audit."})
    case = AuditCase(audit=audit, **fields)
    case.full_clean()
    case.save()
    if audit.status == AuditStatus.RETURNS_OPEN:
        create_missing_returns(audit)
    record_event(
        kind=events.AUDIT_CASE_ADDED,
        actor=access.user,
        target=case,
        after=snapshot(case, PROFILE_FIELDS),
        data={"identifiers_recorded": [n for n in IDENTIFIER_FIELDS if getattr(case, n)]},
    )
    return case


@transaction.atomic
def case_assign(*, access: Access, case: AuditCase, auditor: User) -> Assignment:
    """Assign an auditor of a participating organisation to a case."""
    case_policy.require(access, "assign", case)
    org_id = auditor.organisation_id
    if org_id is None or not may_assign_for(access, org_id):
        raise ValidationError({"auditor": "You can only assign people from your organisation."})
    if not assignable_people([org_id]).filter(pk=auditor.pk).exists():
        raise ValidationError({"auditor": "Choose an active auditor or agency lead."})
    if not case.audit.organisations.filter(pk=org_id).exists():
        raise ValidationError({"auditor": "Their organisation is not taking part in this audit."})
    if case.assignments.filter(auditor=auditor).exists():
        raise ValidationError({"auditor": f"{auditor} is already assigned to {case}."})
    assignment = Assignment.objects.create(case=case, organisation_id=org_id, auditor=auditor)
    record_event(
        kind=events.AUDIT_CASE_ASSIGNED,
        actor=access.user,
        target=case,
        organisation=auditor.organisation,
        data={"auditor": auditor.display_name},
    )
    return assignment


@transaction.atomic
def identifiers_reveal(*, access: Access, case: AuditCase, reason: str) -> dict[str, str]:
    """The case's identifiers, for someone who stated why; the reveal is logged."""
    case_policy.require(access, "reveal", case)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you need to see the identifiers."})
    record_event(
        kind=events.CASE_IDENTIFIERS_REVEALED,
        actor=access.user,
        target=case,
        data={"reason": reason.strip(), "audit": case.audit.title},
    )
    return {name: getattr(case, name) for name in IDENTIFIER_FIELDS}


def retention_days() -> int:
    return int(getattr(settings, "AUDIT_IDENTIFIER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


@transaction.atomic
def identifiers_purge_expired(*, days: int | None = None) -> int:
    """Erase identifiers of cases whose audit closed more than ``days`` ago (a cron job)."""
    days = retention_days() if days is None else days
    cutoff = timezone.localdate() - timedelta(days=days)
    due = AuditCase.objects.filter(
        audit__status=AuditStatus.CLOSED,
        audit__closed_on__lte=cutoff,
        identifiers_purged_at__isnull=True,
    ).select_related("audit")
    purged = 0
    for case in due:
        for name in IDENTIFIER_FIELDS:
            setattr(case, name, "")
        case.identifiers_purged_at = timezone.now()
        case.save(update_fields=[*IDENTIFIER_FIELDS, "identifiers_purged_at", "updated_at"])
        record_event(
            kind=events.CASE_IDENTIFIERS_PURGED,
            target=case,
            data={"audit": case.audit.title, "retention_days": days},
        )
        purged += 1
    return purged


def _concern_recipients(case: AuditCase) -> list[str]:
    partnership = Partnership.objects.filter(pk=1).first()
    contacts = partnership.live_concern_contact_list if partnership else []
    leads = User.objects.filter(
        is_active=True,
        role=Role.AGENCY_LEAD,
        organisation__in=case.audit.organisations.filter(sector=Sector.CHILDRENS_SOCIAL_CARE),
    ).values_list("email", flat=True)
    return sorted({*contacts, *leads})


@transaction.atomic
def live_concern_raise(*, access: Access, case: AuditCase, details: str) -> LiveConcern:
    """Flag that a child may be at current risk; the designated contacts and the local
    authority lead are e-mailed once the flag is saved."""
    case_policy.require(access, "raise_concern", case)
    if not details.strip():
        raise ValidationError({"details": "Describe the concern."})
    concern = LiveConcern.objects.create(case=case, raised_by=access.user, details=details)
    record_event(
        kind=events.LIVE_CONCERN_RAISED,
        actor=access.user,
        target=case,
        data={"audit": case.audit.title, "concern": concern.pk},
    )
    recipients = _concern_recipients(case)
    path = reverse("audits:case-detail", args=[case.pk])
    message = (
        f"{access.user.display_name} has raised a live safeguarding concern on "
        f"{case.reference} in the audit '{case.audit.title}'.\n\n"
        f"Sign in to read the details and record the action taken: {path}\n"
    )
    if recipients:
        transaction.on_commit(
            lambda: send_mail(
                f"Live safeguarding concern: {case.reference}, {case.audit.title}",
                message,
                None,
                recipients,
            )
        )
    return concern


@transaction.atomic
def live_concern_acknowledge(
    *, access: Access, concern: LiveConcern, action_taken: str
) -> LiveConcern:
    """Record the action taken on a live concern, which clears its flag on the audit."""
    concern_policy.require(access, "acknowledge", concern)
    if not action_taken.strip():
        raise ValidationError({"action_taken": "Enter the action taken."})
    concern.acknowledged_by = access.user
    concern.acknowledged_at = timezone.now()
    concern.action_taken = action_taken.strip()
    concern.save()
    record_event(
        kind=events.LIVE_CONCERN_ACKNOWLEDGED,
        actor=access.user,
        target=concern.case,
        data={"concern": concern.pk, "action_taken": concern.action_taken},
    )
    return concern
