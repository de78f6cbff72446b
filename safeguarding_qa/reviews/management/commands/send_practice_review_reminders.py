"""Send reminder e-mails about serious incident deadlines and agencies' information.

Suitable for cron (daily); running it twice sends nothing new.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from safeguarding_qa.reviews.services.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail reminders about practice review deadlines (once per deadline per person)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders(today=timezone.localdate())
        self.stdout.write(f"Sent {sent} practice review reminder{'s' if sent != 1 else ''}.")
