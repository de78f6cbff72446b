from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "safeguarding_qa.access"
    label = "access"
    verbose_name = "Access"
