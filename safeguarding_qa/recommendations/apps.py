from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "safeguarding_qa.recommendations"
    label = "recommendations"
    verbose_name = "Recommendations"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation
        from safeguarding_qa.meetings.plugins import (
            register_action_maker,
            register_agenda_provider,
        )
        from safeguarding_qa.programme.plugins import register_theme_provider

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .integrations import action_from_decision, open_review_themes, overdue_actions_agenda
        from .needs_me import register_needs_me

        register_action_maker("recommendations.register", action_from_decision)
        register_agenda_provider("recommendations.overdue_actions", overdue_actions_agenda)
        register_theme_provider("recommendations.open_review_themes", open_review_themes)

        home.register_provider("recommendations", register_needs_me)
        navigation.register(
            label="Register",
            url_name="recommendations:register",
            capability=Capability.REGISTER_VIEW,
            order=50,
            section_prefix="/register/",
        )
