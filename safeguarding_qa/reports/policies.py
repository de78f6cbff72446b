"""Who may see, produce and download reports.

An audit report holds the audit's collated outcomes, so it follows the audits policy:
it can be seen, produced and downloaded only by people who may see that audit's
collation (administrators and chairs; agency leads of participating organisations and
scrutineers once the audit reaches its panel), and only from the panel stage on.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability
from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.policies import audits as audit_policy
from safeguarding_qa.audits.rules import COLLATED

from .choices import DocumentKind
from .models import AnnualReportNarrative, GeneratedDocument


def reportable_audits(access: Access) -> QuerySet[Audit]:
    """The audits whose report this person may read and produce."""
    if not access.can(Capability.REPORTS_VIEW) or not audit_policy.can(access, "collation"):
        return Audit.objects.none()
    return audit_policy.scope(access).filter(status__in=COLLATED)


def audit_report_allowed(access: Access, audit: Audit) -> bool:
    """May this person read and produce the report of this audit?"""
    return (
        access.can(Capability.REPORTS_VIEW)
        and audit.status in COLLATED
        and audit_policy.can(access, "collation", audit)
    )


class GeneratedDocumentPolicy(Policy[GeneratedDocument]):
    model = GeneratedDocument
    actions = {
        "view": "Everyone with report access sees the reports produced and their status; "
        "audit reports only those who may see the audit's collated outcomes.",
        "download": "Everyone who sees a report downloads it while it is ready and unexpired.",
        "generate": "Partnership administrators and chairs produce reports; audit reports "
        "are produced by whoever may read them.",
    }

    def scope(self, access: Access) -> QuerySet[GeneratedDocument]:
        if not access.can(Capability.REPORTS_VIEW):
            return GeneratedDocument.objects.none()
        hidden_audit_reports = Q(kind=DocumentKind.AUDIT_REPORT) & ~Q(
            subject_id__in=reportable_audits(access).values("pk")
        )
        return GeneratedDocument.objects.select_related("requested_by").exclude(
            hidden_audit_reports
        )

    def allows(self, access: Access, action: str, obj: GeneratedDocument | None) -> bool:
        if action == "generate":
            return access.can(Capability.REPORTS_GENERATE)
        if not access.can(Capability.REPORTS_VIEW):
            return False
        if action == "download" and obj is not None:
            return obj.is_downloadable
        return True


class AnnualReportNarrativePolicy(Policy[AnnualReportNarrative]):
    model = AnnualReportNarrative
    actions = {
        "edit": "Partnership administrators and chairs write the annual report's "
        "introduction, areas for improvement and future plans before producing it.",
    }

    def scope(self, access: Access) -> QuerySet[AnnualReportNarrative]:
        if access.can(Capability.REPORTS_VIEW):
            return AnnualReportNarrative.objects.all()
        return AnnualReportNarrative.objects.none()

    def allows(self, access: Access, action: str, obj: AnnualReportNarrative | None) -> bool:
        return access.can(Capability.REPORTS_GENERATE)


documents = register(GeneratedDocumentPolicy())
narratives = register(AnnualReportNarrativePolicy())
