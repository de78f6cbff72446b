from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safeguarding_qa.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from . import events, policies  # noqa: F401  (registers event kinds and policies)
