"""Helpers that record synthetic events for the audit trail's tests."""

from __future__ import annotations

from typing import Any

from django.db import connection

from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.registry import EventKind
from safeguarding_qa.audittrail.services.recording import record_event


def record_events(count: int, *, kind: EventKind = AUDIT_TRAIL_EXPORTED, **fields: Any) -> list:
    """``count`` events of one kind, described "Synthetic event 1", "Synthetic event 2"..."""
    return [
        record_event(kind=kind, description=f"Synthetic event {number}", **fields)
        for number in range(1, count + 1)
    ]


def allow_tampering() -> None:
    """On PostgreSQL, switch off the append-only trigger for the rest of this transaction.

    Tests run inside a transaction that is rolled back, so the trigger comes back after.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE audittrail_auditevent DISABLE TRIGGER USER")


def latest_sequence() -> int:
    return AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0
