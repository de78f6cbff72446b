from django.apps import AppConfig


class AudittrailConfig(AppConfig):
    name = "safeguarding_qa.audittrail"
    label = "audittrail"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import navigation

        from . import events, policies  # noqa: F401  (registers event kinds and the policy)

        navigation.register(
            label="Audit trail",
            url_name="audittrail:event-list",
            capability=Capability.AUDIT_TRAIL_VIEW,
            order=90,
            section_prefix="/audit-trail/",
        )
