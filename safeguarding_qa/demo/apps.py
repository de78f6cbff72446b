from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "safeguarding_qa.demo"
    label = "demo"
    verbose_name = "Demo partnership"
