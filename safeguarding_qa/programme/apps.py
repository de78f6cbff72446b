from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "safeguarding_qa.programme"
    label = "programme"
    verbose_name = "Work programme"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import navigation
        from safeguarding_qa.meetings.plugins import register_agenda_provider

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .plugins import register_theme_provider
        from .providers import programme_agenda_suggestions, themes_not_audited_recently

        navigation.register(
            label="Programme",
            url_name="programme:programme-list",
            capability=Capability.PROGRAMME_VIEW,
            order=80,
            section_prefix="/programme/",
        )
        register_theme_provider("programme.not_audited_recently", themes_not_audited_recently)
        register_agenda_provider("programme.planned_items", programme_agenda_suggestions)
