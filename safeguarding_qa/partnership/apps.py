from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "safeguarding_qa.partnership"
    label = "partnership"
    verbose_name = "Partnership"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)

        navigation.register(
            label="Organisations",
            url_name="partnership:organisation-list",
            capability=Capability.ORGANISATIONS_VIEW,
            order=20,
            section_prefix="/partnership/organisations/",
        )
        navigation.register(
            label="Groups",
            url_name="partnership:group-list",
            capability=Capability.GROUPS_VIEW,
            order=30,
            section_prefix="/partnership/groups/",
        )
