from django.apps import AppConfig


class SelfassessmentConfig(AppConfig):
    name = "safeguarding_qa.selfassessment"
    label = "selfassessment"
    verbose_name = "Self-assessment"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation
        from safeguarding_qa.meetings.plugins import register_agenda_provider

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .agenda import self_assessment_agenda
        from .home import self_assessment_needs_me

        register_agenda_provider("selfassessment.rounds", self_assessment_agenda)

        navigation.register(
            label="Self-assessment",
            url_name="selfassessment:round-list",
            capability=Capability.SELF_ASSESSMENT_VIEW,
            order=90,
            section_prefix="/self-assessment/",
        )
        home.register_provider("selfassessment", self_assessment_needs_me)
