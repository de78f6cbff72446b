"""``manage.py verify_audit_trail``: exit 0 when the chain is intact, 1 naming the break."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ...services.verification import audit_trail_verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; name the first altered or missing event."

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_trail_verify()
        if result.first_break is not None:
            fault = result.first_break
            raise CommandError(
                f"Audit trail broken at event #{fault.sequence} (id {fault.event_id}, "
                f"kind {fault.kind}): {fault.reason}. "
                f"{_events(result.events_checked)} before it "
                f"{'is' if result.events_checked == 1 else 'are'} intact."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit trail intact: {_events(result.events_checked)} verified. "
                f"Latest hash: {result.head_hash}"
            )
        )


def _events(count: int) -> str:
    return f"{count} event" if count == 1 else f"{count} events"
