"""Cron entry point: ``manage.py send_action_reminders`` daily, ``--digest`` weekly."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.recommendations.services.reminders import digest_send, reminders_send


class Command(BaseCommand):
    help = (
        "E-mail action owners about actions due within 14 days or overdue; with --digest, "
        "send agency leads their weekly digest instead."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--digest", action="store_true", help="Send the weekly digest to agency leads."
        )
        parser.add_argument(
            "--queue", action="store_true", help="Enqueue as a background task instead."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["queue"]:
            from safeguarding_qa.recommendations.tasks import send_action_reminders

            send_action_reminders.enqueue(digest=options["digest"])
            self.stdout.write("Reminders queued.")
            return
        result = digest_send() if options["digest"] else reminders_send()
        kind = "digest" if options["digest"] else "reminder"
        self.stdout.write(
            f"Sent {result.emails} {kind} e-mail{'s' if result.emails != 1 else ''} "
            f"about {result.actions} action{'s' if result.actions != 1 else ''}."
        )
