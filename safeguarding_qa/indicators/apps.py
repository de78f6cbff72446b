from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "safeguarding_qa.indicators"
    label = "indicators"
    verbose_name = "Indicators"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .needs import needs_me

        navigation.register(
            label="Dashboard",
            url_name="indicators:dashboard",
            capability=Capability.DASHBOARD_VIEW,
            order=60,
            section_prefix="/dashboard/",
        )
        home.register_provider("indicators", needs_me)
