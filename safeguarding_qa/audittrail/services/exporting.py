"""Exporting the audit trail: recorded before a single row leaves the building."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from safeguarding_qa.access.context import Access

from ..events import AUDIT_TRAIL_EXPORTED
from ..models import AuditEvent
from ..policies import events as event_policy
from ..selectors import EventFilters, audit_events_filtered
from .recording import record_event


@transaction.atomic
def audit_trail_export(*, access: Access, filters: EventFilters) -> QuerySet[AuditEvent]:
    """Record that this person exported the trail with these filters; return the events.

    The export covers the events up to the latest one at the moment of export (noted in
    the record), so the file is reproducible and never includes its own record. The
    record is written first: if it cannot be written, nothing is exported.
    """
    event_policy.require(access, "export")
    latest = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    up_to = latest or 0
    record_event(
        kind=AUDIT_TRAIL_EXPORTED,
        actor=access.user,
        description=f"Audit trail export: {filters.describe()}",
        data={"filters": filters.as_data(), "up_to_event": up_to},
    )
    return audit_events_filtered(access=access, filters=filters).filter(sequence__lte=up_to)
