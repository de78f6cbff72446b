"""Erase case identifiers a set time after their audit closed (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safeguarding_qa.audits.services.cases import identifiers_purge_expired, retention_days


class Command(BaseCommand):
    help = (
        "Erase the protected identifiers of cases whose audit closed more than the retention "
        "period ago (AUDIT_IDENTIFIER_RETENTION_DAYS, default 365). Each purge is logged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Override the retention days.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else retention_days()
        purged = identifiers_purge_expired(days=days)
        self.stdout.write(f"Purged the identifiers of {purged} case(s) (retention {days} days).")
