from django.apps import AppConfig


class CasedataConfig(AppConfig):
    name = "safeguarding_qa.casedata"
    label = "casedata"
    verbose_name = "Case data"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)

        navigation.register(
            label="Case data",
            url_name="casedata:home",
            capability=Capability.CASEDATA_VIEW,
            order=95,
            section_prefix="/case-data/",
        )
