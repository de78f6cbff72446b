from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "safeguarding_qa.demo"
    label = "demo"
    verbose_name = "Demo partnership"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the demo's event kinds)
