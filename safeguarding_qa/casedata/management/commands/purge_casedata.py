"""manage.py purge_casedata: delete snapshots past retention (suitable for cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from safeguarding_qa.casedata.rules import retention_days
from safeguarding_qa.casedata.services.retention import snapshots_purge


class Command(BaseCommand):
    help = "Delete case-level data snapshots older than CASEDATA_RETENTION_DAYS."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args: Any, **options: Any) -> None:
        count = snapshots_purge(access=None, today=timezone.localdate(), dry_run=options["dry_run"])
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{count} snapshots {verb} (retention {retention_days()} days).")
