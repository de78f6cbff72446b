"""Who may see, produce and download reports."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import GeneratedDocument


class GeneratedDocumentPolicy(Policy[GeneratedDocument]):
    model = GeneratedDocument
    actions = {
        "view": "Everyone with report access sees the reports produced and their status.",
        "download": "Everyone with report access downloads a ready, unexpired report file.",
        "generate": "Partnership administrators and chairs produce reports.",
    }

    def scope(self, access: Access) -> QuerySet[GeneratedDocument]:
        if access.can(Capability.REPORTS_VIEW):
            return GeneratedDocument.objects.select_related("requested_by")
        return GeneratedDocument.objects.none()

    def allows(self, access: Access, action: str, obj: GeneratedDocument | None) -> bool:
        if action == "generate":
            return access.can(Capability.REPORTS_GENERATE)
        if not access.can(Capability.REPORTS_VIEW):
            return False
        if action == "download" and obj is not None:
            return obj.is_downloadable
        return True


documents = register(GeneratedDocumentPolicy())
