"""Delete the files of generated reports that have expired (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.reports.services import documents_purge_expired


class Command(BaseCommand):
    help = "Delete the files of generated reports whose expiry date has passed."

    def handle(self, *args: Any, **options: Any) -> None:
        count = documents_purge_expired()
        self.stdout.write(f"Deleted {count} expired report file{'s' if count != 1 else ''}.")
