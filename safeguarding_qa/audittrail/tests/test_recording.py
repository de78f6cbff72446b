"""Recording events: request metadata, trusted proxies, and values that survive the database."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory, override_settings

from safeguarding_qa.audittrail.context import RequestMetadata, current_request, normalise_ip
from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED
from safeguarding_qa.audittrail.middleware import client_ip
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.services.recording import changed_fields, record_event
from safeguarding_qa.audittrail.services.verification import audit_trail_verify

EXPORT_URL = "/audit-trail/export.csv"


def _latest_export() -> AuditEvent:
    return AuditEvent.objects.filter(kind=AUDIT_TRAIL_EXPORTED.name).latest("sequence")


@pytest.mark.django_db
def test_an_event_recorded_during_a_request_carries_its_id_and_address(client_as):
    # Given an administrator whose browser sends a request id
    client = client_as("admin")
    # When a request records an event
    response = client.get(
        EXPORT_URL, HTTP_X_REQUEST_ID="trace-0123456789", REMOTE_ADDR="203.0.113.7"
    )
    # Then the event has the request's id and client address
    assert response.status_code == 200
    assert response["X-Request-ID"] == "trace-0123456789"
    event = _latest_export()
    assert (event.request_id, event.ip_address) == ("trace-0123456789", "203.0.113.7")
    assert audit_trail_verify().intact


@pytest.mark.django_db
def test_an_unusable_request_id_is_replaced_by_a_new_one(client_as):
    response = client_as("admin").get(EXPORT_URL, HTTP_X_REQUEST_ID="bad id; drop")
    event = _latest_export()
    assert event.request_id == response["X-Request-ID"]
    assert len(event.request_id) == 32
    assert event.request_id != "bad id; drop"


@pytest.mark.django_db
def test_an_event_recorded_outside_a_request_has_no_request_id_or_address():
    event = record_event(kind=AUDIT_TRAIL_EXPORTED, description="From a command")
    assert (event.request_id, event.ip_address, event.actor_id) == ("", None, None)


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=0)
def test_x_forwarded_for_is_ignored_without_trusted_proxies(client_as):
    client_as("admin").get(
        EXPORT_URL, HTTP_X_FORWARDED_FOR="198.51.100.66", REMOTE_ADDR="203.0.113.7"
    )
    assert _latest_export().ip_address == "203.0.113.7"


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_x_forwarded_for_gives_the_address_a_trusted_proxy_saw(client_as):
    # The first entry was written by the client and is forged; the proxy appended the last
    client_as("admin").get(
        EXPORT_URL,
        HTTP_X_FORWARDED_FOR="198.51.100.66, 192.0.2.44",
        REMOTE_ADDR="10.0.0.2",
    )
    assert _latest_export().ip_address == "192.0.2.44"


def _request(forwarded: str, remote: str = "10.0.0.2"):
    return RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.66", "10.0.0.2"),
        (1, "198.51.100.66", "198.51.100.66"),
        (1, "forged, 198.51.100.66", "198.51.100.66"),
        (2, "forged, 198.51.100.66, 10.0.0.9", "198.51.100.66"),
        (2, "198.51.100.66", "10.0.0.2"),  # fewer hops than proxies: the header is not used
        (1, "198.51.100.66:4431", "198.51.100.66"),
        (1, "[2001:DB8::1]:443", "2001:db8::1"),
        (1, "not-an-address", None),
    ],
)
def test_client_ip_trusts_only_the_configured_number_of_proxies(proxies, forwarded, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(_request(forwarded)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("192.0.2.1", "192.0.2.1"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        ("fe80::1%eth0", None),
        ("192.0.2.999", None),
        ("", None),
        (None, None),
    ],
)
def test_addresses_are_stored_in_the_databases_own_form(value, expected):
    assert normalise_ip(value) == expected


@pytest.mark.django_db
def test_an_uncompressed_ipv6_address_still_verifies():
    token = current_request.set(RequestMetadata("trace-0123456789", "2001:DB8:0:0:0:0:0:1"))
    try:
        event = record_event(kind=AUDIT_TRAIL_EXPORTED)
    finally:
        current_request.reset(token)
    assert AuditEvent.objects.get(pk=event.pk).ip_address == "2001:db8::1"
    assert audit_trail_verify().intact


@pytest.mark.django_db
def test_before_and_after_round_trip_dates_and_numbers_through_the_database():
    # Given values that JSON has no type for, or that databases write back differently
    before = {
        "due_on": date(2026, 3, 27),
        "seen_at": datetime(2026, 3, 27, 9, 30, 15, 123456, tzinfo=UTC),
        "cost": Decimal("12.50"),
        "score": 2.0,
        "big": 1e16,
        "ratio": 0.1,
        "note": "a\x00b",
    }
    # When they are recorded
    event = record_event(kind=AUDIT_TRAIL_EXPORTED, before=before, after={"due_on": None})
    # Then they come back from the database exactly as recorded, and the chain holds
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.before == {
        "due_on": "2026-03-27",
        "seen_at": "2026-03-27T09:30:15.123Z",
        "cost": "12.50",
        "score": 2,
        "big": 10000000000000000,
        "ratio": 0.1,
        "note": "a\ufffdb",
    }
    assert stored.before == event.before
    assert stored.after == {"due_on": None}
    assert audit_trail_verify().intact


@pytest.mark.django_db
def test_values_json_cannot_hold_are_refused_and_nothing_is_recorded():
    with pytest.raises(ValueError, match="not JSON compliant"):
        record_event(kind=AUDIT_TRAIL_EXPORTED, data={"score": math.nan})
    assert AuditEvent.objects.count() == 0


def test_changed_fields_keeps_only_what_changed():
    before = {"name": "Old", "sector": "police", "is_active": True}
    after = {"name": "New", "sector": "police", "is_active": False}
    assert changed_fields(before, after) == {
        "before": {"name": "Old", "is_active": True},
        "after": {"name": "New", "is_active": False},
    }


@pytest.mark.django_db
def test_save_changes_leaves_the_object_as_it_was_when_validation_fails(organisations):
    from django.core.exceptions import ValidationError

    from safeguarding_qa.audittrail.services.recording import save_changes

    police = organisations["police"]
    with pytest.raises(ValidationError):
        save_changes(police, {"name": "", "sector": "not-a-sector"}, tracked=["name", "sector"])
    assert police.name == "Fellshire Constabulary"
    assert police.sector == "police"
