"""The export service: administrators only, recorded first, never its own record."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.selectors import EventFilters
from safeguarding_qa.audittrail.services.exporting import audit_trail_export

from .factories import latest_sequence, record_events

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["chair", "lead_council", "auditor_police", "lay_member"])
def test_only_administrators_may_export_and_a_refusal_records_nothing(personas, key):
    record_events(2)
    with pytest.raises(PermissionDenied):
        audit_trail_export(access=Access.for_user(personas[key]), filters=EventFilters())
    assert latest_sequence() == 2


def test_an_export_records_who_and_which_events_then_returns_them(personas):
    # Given two events
    record_events(2)
    # When an administrator exports everything
    exported = audit_trail_export(
        access=Access.for_user(personas["admin_icb"]), filters=EventFilters()
    )
    # Then the export is recorded, and the events returned stop before that record
    record = AuditEvent.objects.get(sequence=3)
    assert record.kind == AUDIT_TRAIL_EXPORTED.name
    assert (record.actor_id, record.organisation_name) == (
        personas["admin_icb"].pk,
        str(personas["admin_icb"].organisation),
    )
    assert record.data["up_to_event"] == 2
    assert record.data["filters"]["person_id"] is None
    assert [event.sequence for event in exported] == [2, 1]
