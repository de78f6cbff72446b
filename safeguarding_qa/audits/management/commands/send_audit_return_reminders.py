"""E-mail reminders about outstanding agency returns (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.audits.services.returns import send_return_reminders


class Command(BaseCommand):
    help = (
        "E-mail agency leads and assigned auditors with returns outstanding, 7 days and 1 day "
        "before the deadline and weekly after it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_return_reminders()
        self.stdout.write(f"Sent {sent} reminder e-mail(s).")
