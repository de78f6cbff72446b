"""Changing, deactivating and reactivating people: audited, refused when not allowed."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.services.people import (
    person_deactivate,
    person_reactivate,
    person_update,
)
from safeguarding_qa.audittrail.models import AuditEvent

from .helpers import make_person


@pytest.fixture
def admin_access(personas):
    return Access.for_user(personas["admin"])


@pytest.fixture
def person(organisations):
    return make_person(organisations["police"], "pat.quill@brackenmoor.example", job_title="DC")


def test_update_changes_the_details_and_records_only_what_changed(
    admin_access, person, organisations
):
    person_update(
        access=admin_access,
        person=person,
        full_name="Pat Quill",
        job_title="DS",
        organisation=organisations["hospital"],
        role=Role.AGENCY_LEAD,
    )
    person.refresh_from_db()
    assert (person.job_title, person.organisation, person.role) == (
        "DS",
        organisations["hospital"],
        Role.AGENCY_LEAD,
    )
    event = AuditEvent.objects.get(kind="person.changed")
    assert event.before == {
        "job_title": "DC",
        "organisation": "Fellshire Constabulary",
        "role": "agency_auditor",
    }
    assert event.after == {
        "job_title": "DS",
        "organisation": "Brackenmoor Hospitals NHS Trust",
        "role": "agency_lead",
    }


def test_an_update_that_changes_nothing_records_nothing(admin_access, person):
    person_update(access=admin_access, person=person, job_title="DC")
    assert not AuditEvent.objects.filter(kind="person.changed").exists()


@pytest.mark.parametrize("persona", ["chair", "lead_police", "scrutineer", "viewer"])
def test_only_administrators_change_people(personas, person, persona):
    with pytest.raises(PermissionDenied):
        person_update(access=Access.for_user(personas[persona]), person=person, job_title="X")
    person.refresh_from_db()
    assert person.job_title == "DC"
    assert not AuditEvent.objects.filter(kind="person.changed").exists()


def test_administrators_cannot_change_their_own_role(personas, admin_access):
    admin = personas["admin"]
    with pytest.raises(ValidationError) as refused:
        person_update(access=admin_access, person=admin, role=Role.VIEWER)
    assert list(refused.value.message_dict) == ["role"]
    admin.refresh_from_db()
    assert admin.role == Role.PARTNERSHIP_ADMIN


def test_deactivate_ends_every_session_and_is_audited(admin_access, person, client):
    # Given the person is signed in through the real sign-in form (so the session is tracked)
    response = client.post(
        "/accounts/login/", {"login": person.email, "password": "Unusual-test-pass-2026"}
    )
    assert response.status_code == 302
    assert Session.objects.count() == 1
    # When an administrator deactivates them
    person_deactivate(access=admin_access, person=person, reason="Left the force")
    # Then they are inactive, their session is gone and the event says why
    person.refresh_from_db()
    assert person.is_active is False
    assert person.deactivated_at is not None
    assert Session.objects.count() == 0
    event = AuditEvent.objects.get(kind="person.deactivated")
    assert event.data == {"reason": "Left the force", "sessions_ended": 1}
    assert (event.before, event.after) == ({"is_active": True}, {"is_active": False})


def test_deactivate_needs_a_reason(admin_access, person):
    with pytest.raises(ValidationError) as refused:
        person_deactivate(access=admin_access, person=person, reason="   ")
    assert list(refused.value.message_dict) == ["reason"]
    person.refresh_from_db()
    assert person.is_active is True


def test_nobody_can_deactivate_themselves(personas, admin_access):
    admin = personas["admin"]
    with pytest.raises(PermissionDenied):
        person_deactivate(access=admin_access, person=admin, reason="Oops")
    admin.refresh_from_db()
    assert admin.is_active is True
    assert not AuditEvent.objects.filter(kind="person.deactivated").exists()


def test_reactivate_lets_them_back_and_is_audited(admin_access, person):
    person_deactivate(access=admin_access, person=person, reason="Long leave")
    person_reactivate(access=admin_access, person=person)
    person.refresh_from_db()
    assert (person.is_active, person.deactivated_at) == (True, None)
    assert (
        AuditEvent.objects.filter(kind="person.reactivated", target_id=str(person.pk)).count() == 1
    )


def test_reactivating_an_active_person_is_refused(admin_access, person):
    with pytest.raises(PermissionDenied):
        person_reactivate(access=admin_access, person=person)
    assert not AuditEvent.objects.filter(kind="person.reactivated").exists()
