"""Who may read the audit trail."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import AuditEvent


class AuditEventPolicy(Policy[AuditEvent]):
    model = AuditEvent
    actions = {
        "view": "Partnership administrators read the audit trail.",
        "export": "Partnership administrators export the audit trail as CSV.",
    }

    def scope(self, access: Access) -> QuerySet[AuditEvent]:
        if access.can(Capability.AUDIT_TRAIL_VIEW):
            return AuditEvent.objects.all()
        return AuditEvent.objects.none()

    def allows(self, access: Access, action: str, obj: AuditEvent | None) -> bool:
        return access.can(Capability.AUDIT_TRAIL_VIEW)


events = register(AuditEventPolicy())
