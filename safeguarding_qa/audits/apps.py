from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "safeguarding_qa.audits"
    label = "audits"
    verbose_name = "Audits"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .needs import needs_me

        navigation.register(
            label="Audits",
            url_name="audits:audit-list",
            capability=Capability.AUDITS_VIEW,
            order=40,
            section_prefix="/audits/",
        )
        home.register_provider("audits", needs_me)

        from safeguarding_qa.meetings.plugins import register_agenda_provider
        from safeguarding_qa.programme.plugins import register_theme_provider

        from .plugins import audit_agenda, audited_themes

        register_agenda_provider("audits.at_panel", audit_agenda)
        register_theme_provider("audits.not_audited_recently", audited_themes)
