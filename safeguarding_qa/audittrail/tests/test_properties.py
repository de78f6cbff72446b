"""Property tests: any recorded trail verifies; any single altered field is detected."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import models, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_qa.audittrail.hashing import HASHED_FIELDS
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.registry import all_kinds
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.audittrail.services.verification import audit_trail_verify

from .factories import allow_tampering

# No lone surrogates: they are not text any database could store.
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.dates()
    | TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(TEXT.filter(bool), children, max_size=3)
    ),
    max_leaves=8,
)
JSON_OBJECTS = st.dictionaries(TEXT.filter(bool), JSON_VALUES, max_size=4)
EVENTS = st.lists(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(all_kinds()),
            "actor": st.sampled_from([None, "admin", "lead_police", "auditor_hospital"]),
            "description": TEXT,
            "before": st.none() | JSON_OBJECTS,
            "after": st.none() | JSON_OBJECTS,
            "data": JSON_OBJECTS,
        }
    ),
    min_size=1,
    max_size=6,
)
# Every column an attacker might change: the hashed fields, and the hash itself.
TAMPERABLE = (*HASHED_FIELDS, "hash")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _record(specs: list[dict[str, Any]], personas: dict[str, Any]) -> list[AuditEvent]:
    return [
        record_event(**{**spec, "actor": personas[spec["actor"]] if spec["actor"] else None})
        for spec in specs
    ]


def _different(field: str, value: Any) -> Any:
    """A value for ``field`` that is not ``value`` and that the column can hold."""
    if field in {"sequence", "actor_id", "organisation_id"}:
        return (value or 0) + 1000
    if field == "occurred_at":
        return value + timedelta(microseconds=1)
    if field == "ip_address":
        return "192.0.2.1" if value != "192.0.2.1" else "192.0.2.2"
    if field in {"before", "after", "data"}:
        return {"tampered": True} if value != {"tampered": True} else {}
    if field in {"hash", "previous_hash"}:
        return "f" * 64 if value != "f" * 64 else "e" * 64
    return (value[:-1] + ("y" if value.endswith("x") else "x")) if value else "x"


@pytest.mark.django_db
@FUZZ
@given(specs=EVENTS)
def test_any_recorded_trail_verifies(personas, specs):
    with transaction.atomic():
        events = _record(specs, personas)
        result = audit_trail_verify()
        assert result.intact, result.first_break
        assert result.events_checked == len(events)
        transaction.set_rollback(True)


@pytest.mark.django_db
@FUZZ
@given(specs=EVENTS, data=st.data())
def test_altering_any_hashed_field_of_any_event_is_detected(personas, specs, data):
    with transaction.atomic():
        # Given a recorded trail
        events = _record(specs, personas)
        position = data.draw(st.integers(0, len(events) - 1), label="event")
        field = data.draw(st.sampled_from(TAMPERABLE), label="field")
        target = events[position]
        # When one field of one event is changed behind the application's back
        allow_tampering()
        altered = AuditEvent.objects.filter(pk=target.pk)
        value = _different(field, altered.values_list(field, flat=True).get())
        models.QuerySet.update(altered, **{field: value})  # the model's own update refuses
        # Then verification fails at that event or, when it moved away, at the next one
        result = audit_trail_verify()
        assert result.first_break is not None
        following = events[position + 1].pk if position + 1 < len(events) else target.pk
        assert result.first_break.event_id in {target.pk, following}
        transaction.set_rollback(True)
