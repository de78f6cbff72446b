"""Who may see and change audits, their cases, returns and live concerns.

Reach: partnership administrators and chairs see every audit; scrutineers see audits and,
from the panel stage, their collated outcomes (never cases); agency leads see audits their
organisation takes part in, their own organisation's returns and, from the panel stage,
every participating agency's returns; auditors see only the cases assigned to them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability, Reach, Role

from . import rules
from .choices import AuditStatus
from .models import AgencyReturn, Audit, AuditCase, LiveConcern, Question


def _oversees(access: Access) -> bool:
    """Administrators and chairs: every case and return."""
    return access.sees_partnership and access.can(Capability.AUDITS_PANEL)


class QuestionPolicy(Policy[Question]):
    model = Question
    actions = {
        "view": "Everyone who sees audits reads the question bank.",
        "manage": "Partnership administrators add questions to the bank.",
    }

    def scope(self, access: Access) -> QuerySet[Question]:
        if access.can(Capability.AUDITS_VIEW):
            return Question.objects.all()
        return Question.objects.none()

    def allows(self, access: Access, action: str, obj: Question | None) -> bool:
        if action == "view":
            return access.can(Capability.AUDITS_VIEW)
        return access.can(Capability.QUESTION_BANK_MANAGE)


class AuditPolicy(Policy[Audit]):
    model = Audit
    actions = {
        "view": "Administrators, chairs and scrutineers see every audit; leads their "
        "organisation's audits; auditors the audits with cases assigned to them.",
        "manage": "Partnership administrators set up audits and move them through stages.",
        "collation": "Administrators and chairs always; leads and scrutineers from the panel.",
        "panel": "Administrators and chairs record panel grades at the panel stage.",
        "recommend": "Those who record panel grades and manage the register record the "
        "panel's recommendations once the audit is at recommendations agreed.",
        "impact": "Those who manage the register and sign off actions record a later audit's "
        "results as impact evidence, from the collation.",
    }

    def scope(self, access: Access) -> QuerySet[Audit]:
        if not access.can(Capability.AUDITS_VIEW):
            return Audit.objects.none()
        if access.sees_partnership:
            return Audit.objects.all()
        if access.reach == Reach.ORGANISATION:
            return Audit.objects.filter(organisations=access.organisation_id)
        return Audit.objects.filter(cases__assignments__auditor=access.user_id).distinct()

    def allows(self, access: Access, action: str, obj: Audit | None) -> bool:
        if action == "view":
            return access.can(Capability.AUDITS_VIEW)
        if action == "manage":
            return access.can(Capability.AUDITS_MANAGE)
        if action == "collation":
            if access.can(Capability.AUDITS_PANEL):
                return True
            if access.reach == Reach.ASSIGNED or not access.can(Capability.AUDITS_VIEW):
                return False
            return obj is None or obj.status in rules.COLLATED
        if action == "panel":
            return access.can(Capability.AUDITS_PANEL) and (
                obj is None or obj.status == AuditStatus.PANEL
            )
        if action == "recommend":
            return (
                access.can(Capability.AUDITS_PANEL)
                and access.can(Capability.REGISTER_MANAGE)
                and (obj is None or obj.status == AuditStatus.RECOMMENDATIONS_AGREED)
            )
        if action == "impact":
            return (
                access.can(Capability.REGISTER_MANAGE)
                and access.can(Capability.ACTIONS_SIGN_OFF)
                and self.allows(access, "collation", obj)
            )
        return False


class AuditCasePolicy(Policy[AuditCase]):
    model = AuditCase
    actions = {
        "view": "Administrators and chairs see every case; leads the cases of audits their "
        "organisation takes part in; auditors the cases assigned to them.",
        "assign": "Leads assign their organisation's auditors (administrators any).",
        "reveal": "Administrators, and leads and assigned auditors of participating "
        "organisations, reveal identifiers with a reason (logged).",
        "raise_concern": "Anyone who sees the case, except scrutineers and viewers.",
    }

    def scope(self, access: Access) -> QuerySet[AuditCase]:
        cases = AuditCase.objects.select_related("audit")
        if not access.can(Capability.AUDITS_VIEW):
            return cases.none()
        if _oversees(access):
            return cases.all()
        if access.reach == Reach.ORGANISATION:
            return cases.filter(audit__organisations=access.organisation_id)
        if access.reach == Reach.ASSIGNED:
            return cases.filter(assignments__auditor=access.user_id).distinct()
        return cases.none()

    def allows(self, access: Access, action: str, obj: AuditCase | None) -> bool:
        if action == "view":
            return access.can(Capability.AUDITS_VIEW) and (
                _oversees(access) or access.reach != Reach.PARTNERSHIP
            )
        if action == "assign":
            return access.can(Capability.AUDITS_ASSIGN) and (
                obj is None or obj.audit.status in rules.CASES_OPEN
            )
        if action == "reveal":
            return access.can(Capability.CASE_IDENTIFIERS_REVEAL) and (
                obj is None or obj.identifiers_purged_at is None
            )
        if action == "raise_concern":
            return access.can(Capability.LIVE_CONCERNS_RAISE)
        return False


class AgencyReturnPolicy(Policy[AgencyReturn]):
    model = AgencyReturn
    actions = {
        "view": "Administrators and chairs see every return; leads their organisation's "
        "returns and, from the panel stage, all returns of the audit; auditors their "
        "organisation's returns on cases assigned to them.",
        "complete": "Leads and assigned auditors of the return's organisation, while returns "
        "are open and the return is not submitted.",
        "reopen": "Partnership administrators reopen a submitted return with a reason.",
    }

    def scope(self, access: Access) -> QuerySet[AgencyReturn]:
        returns = AgencyReturn.objects.select_related("case__audit", "organisation")
        if not access.can(Capability.AUDITS_VIEW):
            return returns.none()
        if _oversees(access):
            return returns.all()
        if access.reach == Reach.ORGANISATION:
            return returns.filter(
                Q(organisation=access.organisation_id)
                | Q(
                    case__audit__organisations=access.organisation_id,
                    case__audit__status__in=rules.COLLATED,
                )
            ).distinct()
        if access.reach == Reach.ASSIGNED:
            return returns.filter(
                organisation=access.organisation_id, case__assignments__auditor=access.user_id
            ).distinct()
        return returns.none()

    def allows(self, access: Access, action: str, obj: AgencyReturn | None) -> bool:
        if action == "view":
            return access.can(Capability.AUDITS_VIEW)
        if action == "complete":
            if not access.can(Capability.AUDIT_RETURNS_COMPLETE):
                return False
            if obj is None:
                return True
            return (
                access.in_organisation(obj.organisation_id)
                and not obj.is_locked
                and obj.case.audit.status == AuditStatus.RETURNS_OPEN
            )
        if action == "reopen":
            return access.can(Capability.AUDITS_MANAGE) and (obj is None or obj.is_locked)
        return False


class LiveConcernPolicy(Policy[LiveConcern]):
    model = LiveConcern
    actions = {
        "acknowledge": "Administrators and chairs acknowledge a concern with the action taken.",
    }

    def scope(self, access: Access) -> QuerySet[LiveConcern]:
        if _oversees(access):
            return LiveConcern.objects.select_related("case__audit")
        return LiveConcern.objects.none()

    def allows(self, access: Access, action: str, obj: LiveConcern | None) -> bool:
        return _oversees(access) and (obj is None or obj.acknowledged_at is None)


questions = register(QuestionPolicy())
audits = register(AuditPolicy())
cases = register(AuditCasePolicy())
returns = register(AgencyReturnPolicy())
live_concerns = register(LiveConcernPolicy())


def may_assign_for(access: Access, organisation_id: int | None) -> bool:
    """Administrators assign any participating organisation's auditors; leads only their own."""
    if access.can(Capability.AUDITS_MANAGE):
        return True
    return access.can(Capability.AUDITS_ASSIGN) and access.in_organisation(organisation_id)


# Roles that can be assigned to complete returns on a case.
ASSIGNABLE_ROLES = (Role.AGENCY_AUDITOR, Role.AGENCY_LEAD)


def assignable_people(organisation_ids: list[int]) -> QuerySet[Any]:
    """Active auditors and leads of the given organisations, who can be assigned to a case."""
    return get_user_model().objects.filter(
        is_active=True, organisation__in=organisation_ids, role__in=ASSIGNABLE_ROLES
    )
