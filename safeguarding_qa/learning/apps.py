from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "safeguarding_qa.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .needs import briefings_needing_me

        navigation.register(
            label="Learning",
            url_name="learning:briefing-list",
            capability=Capability.REPORTS_VIEW,
            order=100,
            section_prefix="/learning/",
        )
        home.register_provider("learning", briefings_needing_me)
