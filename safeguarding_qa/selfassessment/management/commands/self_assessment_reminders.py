"""Remind agency leads of self-assessment returns that are due soon or overdue.

Run it daily (cron or a scheduler). Each open round due within ``--within-days`` days, or
already overdue, gets one e-mail per agency lead of each organisation still to submit; a
round whose returns were reminded in the last seven days is skipped.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from safeguarding_qa.selfassessment.services.rounds import send_due_reminders


class Command(BaseCommand):
    help = "E-mail reminders for self-assessment returns due soon or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--within-days",
            type=int,
            default=14,
            help="Remind for rounds due within this many days (default 14).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["within_days"] < 0:
            self.stderr.write("--within-days must be 0 or more.")
            return
        sent = send_due_reminders(today=timezone.localdate(), within_days=options["within_days"])
        if not sent:
            self.stdout.write("No reminders were due.")
        for round_, count in sent:
            self.stdout.write(f"{round_}: reminded {count} outstanding return(s).")
