from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """The database cache (shared rate limits) needs its table; creating it is idempotent."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "safeguarding_qa.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import navigation

        navigation.register(
            label="Home", url_name="core:home", capability=None, order=0, section_prefix="/"
        )
        post_migrate.connect(_create_cache_table, sender=self)
