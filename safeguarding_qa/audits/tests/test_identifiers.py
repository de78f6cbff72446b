"""Identifiers are encrypted at rest, readable with any configured key, and purgeable."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.audits.identifiers import decrypt_text, encrypt_text, rotate_text
from safeguarding_qa.audits.models import AuditCase
from safeguarding_qa.audittrail.models import AuditEvent

from .builders import make_audit, make_case


def test_round_trip_and_empty():
    token = encrypt_text("Lowen Tregenza")
    assert token != "Lowen Tregenza"
    assert decrypt_text(token) == "Lowen Tregenza"
    assert encrypt_text("") == "" and decrypt_text("") == ""


def test_old_keys_still_decrypt_and_rotation_uses_the_new_key(settings):
    old_key = settings.IDENTIFIER_ENCRYPTION_KEYS[0]
    token = encrypt_text("BRK123456")
    new_key = Fernet.generate_key().decode()
    settings.IDENTIFIER_ENCRYPTION_KEYS = [new_key, old_key]
    assert decrypt_text(token) == "BRK123456"
    rotated = rotate_text(token)
    settings.IDENTIFIER_ENCRYPTION_KEYS = [new_key]
    assert decrypt_text(rotated) == "BRK123456"
    with pytest.raises(ValueError):
        decrypt_text(token)


@pytest.mark.django_db
def test_stored_encrypted_and_kept_out_of_history(organisations):
    audit = make_audit("Enc", [organisations["council"]])
    case = make_case(audit, "Case A", child_name="Senara Bosanko", nhs_number="4857773456")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT child_name, nhs_number FROM audits_auditcase WHERE id = %s", [case.pk]
        )
        raw_name, raw_nhs = cursor.fetchone()
    assert "Senara" not in raw_name and "4857773456" not in raw_nhs
    assert AuditCase.objects.get(pk=case.pk).child_name == "Senara Bosanko"
    historical = case.history.model
    assert "child_name" not in {field.name for field in historical._meta.fields}


@pytest.mark.django_db
def test_purge_command_erases_identifiers_after_retention(organisations):
    closed = make_audit("Closed", [organisations["council"]], status=AuditStatus.CLOSED)
    recent = make_audit("Recent", [organisations["council"]], status=AuditStatus.CLOSED)
    recent.closed_on = timezone.localdate()
    recent.save()
    old_case = make_case(closed, "Case A", child_name="Jory Kitto")
    new_case = make_case(recent, "Case A", child_name="Wenna Eddy")
    call_command("purge_case_identifiers", days=30)
    old_case.refresh_from_db()
    new_case.refresh_from_db()
    assert old_case.child_name == "" and old_case.identifiers_purged_at is not None
    assert new_case.child_name == "Wenna Eddy"
    assert AuditEvent.objects.filter(kind="audit.identifiers_purged").count() == 1
