from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "safeguarding_qa.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .needs_me import meetings_needs_me

        navigation.register(
            label="Meetings",
            url_name="meetings:meeting-list",
            capability=Capability.MEETINGS_VIEW,
            order=85,
            section_prefix="/meetings/",
        )
        home.register_provider("meetings", meetings_needs_me)
