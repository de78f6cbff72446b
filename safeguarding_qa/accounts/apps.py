from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safeguarding_qa.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation

        from . import events, policies, signals  # noqa: F401  (event kinds, policies, handlers)
        from .needs_me import accounts_needs_me

        home.register_provider("accounts", accounts_needs_me)

        navigation.register(
            label="People",
            url_name="accounts:person-list",
            capability=Capability.PEOPLE_VIEW,
            order=10,
            section_prefix="/accounts/people/",
        )
