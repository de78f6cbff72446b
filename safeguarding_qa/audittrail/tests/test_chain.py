"""The hash chain: events link, verification passes intact and names the first break."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from safeguarding_qa.audittrail.hashing import GENESIS_HASH, HASHED_FIELDS, compute_hash
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.services.verification import audit_trail_verify

from .factories import allow_tampering, record_events

ON_POSTGRESQL = connection.vendor == "postgresql"
pytestmark = pytest.mark.django_db


def test_each_event_links_to_the_one_before():
    # Given five recorded events
    record_events(5)
    # Then they are numbered without gaps, and each carries its predecessor's hash
    chain = list(AuditEvent.objects.order_by("sequence"))
    assert [event.sequence for event in chain] == [1, 2, 3, 4, 5]
    assert chain[0].previous_hash == GENESIS_HASH
    for earlier, later in zip(chain, chain[1:], strict=False):
        assert later.previous_hash == earlier.hash
    assert len({event.hash for event in chain}) == 5


def test_an_events_hash_covers_its_stored_fields():
    (event,) = record_events(1)
    stored = AuditEvent.objects.values(*HASHED_FIELDS).get(pk=event.pk)
    assert compute_hash(stored) == event.hash
    assert compute_hash({**stored, "actor_name": "Someone else"}) != event.hash


def test_verify_passes_on_an_intact_chain():
    record_events(4)
    result = audit_trail_verify()
    assert result.intact
    assert result.events_checked == 4
    assert result.head_hash == AuditEvent.objects.get(sequence=4).hash


def test_verify_passes_on_an_empty_trail():
    result = audit_trail_verify()
    assert (result.intact, result.events_checked, result.head_hash) == (True, 0, GENESIS_HASH)


def test_the_command_reports_an_intact_chain(capsys):
    record_events(3)
    call_command("verify_audit_trail")
    out = capsys.readouterr().out
    assert "Audit trail intact: 3 events verified." in out
    assert AuditEvent.objects.get(sequence=3).hash in out


def test_the_command_names_an_altered_event():
    # Given five events, the third altered behind the application's back
    record_events(5)
    allow_tampering()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audittrail_auditevent SET actor_name = 'X' WHERE sequence = 3")
    # When the chain is verified, then it fails naming event 3 as altered
    with pytest.raises(CommandError, match=r"broken at event #3 .*altered") as raised:
        call_command("verify_audit_trail")
    assert "2 events before it are intact" in str(raised.value)


def test_the_command_names_the_event_after_a_removed_one():
    # Given five events with the third removed
    record_events(5)
    allow_tampering()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audittrail_auditevent WHERE sequence = 3")
    # Then the break is found at the next one, which now follows a gap
    with pytest.raises(CommandError, match=r"broken at event #4 .*removed"):
        call_command("verify_audit_trail")


def test_removing_the_first_event_is_detected():
    record_events(3)
    allow_tampering()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audittrail_auditevent WHERE sequence = 1")
    with pytest.raises(CommandError, match=r"broken at event #2 "):
        call_command("verify_audit_trail")


def test_an_altered_hash_breaks_the_link_to_the_next_event():
    record_events(3)
    allow_tampering()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audittrail_auditevent SET hash = %s WHERE sequence = 2", ["f" * 64])
    result = audit_trail_verify()
    assert result.first_break is not None
    assert result.first_break.sequence == 2
    assert result.events_checked == 1


def test_the_model_refuses_to_update_or_delete_an_event():
    (event,) = record_events(1)
    event.actor_name = "Someone else"
    with pytest.raises(TypeError, match="never updated"):
        event.save()
    with pytest.raises(TypeError, match="never deleted"):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).actor_name == ""


def test_a_new_instance_cannot_overwrite_an_existing_event():
    (event,) = record_events(1)
    copy = AuditEvent.objects.get(pk=event.pk)
    copy._state.adding = True
    copy.actor_name = "Someone else"
    with pytest.raises(DatabaseError), transaction.atomic():
        copy.save()
    assert AuditEvent.objects.get(pk=event.pk).actor_name == ""


def test_the_queryset_refuses_to_update_or_delete_events():
    record_events(2)
    events = AuditEvent.objects.all()
    with pytest.raises(TypeError, match="never updated"):
        events.update(actor_name="X")
    with pytest.raises(TypeError, match="never updated"), transaction.atomic():
        events.update_or_create(sequence=1, defaults={"actor_name": "X"})
    with pytest.raises(TypeError, match="never updated"), transaction.atomic():
        AuditEvent.objects.bulk_update(list(events), ["actor_name"])
    with pytest.raises(TypeError, match="never deleted"):
        events.delete()
    assert AuditEvent.objects.count() == 2
    assert audit_trail_verify().intact


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the append-only trigger exists on PostgreSQL only")
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audittrail_auditevent SET actor_name = 'X' WHERE sequence = 1",
        "DELETE FROM audittrail_auditevent WHERE sequence = 1",
        "TRUNCATE audittrail_auditevent",
    ],
)
def test_postgresql_refuses_to_change_events(statement):
    record_events(2)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # The test settings allow TRUNCATE so that Django can empty tables between
        # transactional tests; in production nothing sets this.
        cursor.execute("SET LOCAL audittrail.allow_truncate = 'off'")
        cursor.execute(statement)
    assert AuditEvent.objects.count() == 2
    assert audit_trail_verify().intact


def test_django_can_empty_the_table_after_a_transactional_test(transactional_db):
    # Live-server (browser) tests are transactional: Django empties every table after each
    # with TRUNCATE, which the trigger allows only under the test settings. This test's own
    # teardown is the check; here we only make sure there is something to empty.
    record_events(2)
    assert AuditEvent.objects.count() == 2
