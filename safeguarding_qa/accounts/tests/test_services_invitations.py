"""Invitations: sending, single use, expiry, withdrawal and refusals."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import Invitation, User
from safeguarding_qa.accounts.services.invitations import (
    InvitationUnusable,
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_refusal_record,
    invitation_revoke,
)
from safeguarding_qa.audittrail.models import AuditEvent

from .helpers import expire, make_invitation

PASSWORD = "Heather-moorland-2026"


@pytest.fixture
def admin(personas):
    return personas["admin"]


def test_create_sends_an_email_with_a_working_single_use_link(
    admin, organisations, client, django_capture_on_commit_callbacks
):
    # Given an administrator invites someone
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = make_invitation(
            admin, organisations["police"], "New.Person@Brackenmoor.example", role=Role.AGENCY_LEAD
        )
    # Then one e-mail goes to them, with the link
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@brackenmoor.example"]
    assert message.subject == "You have been invited to Safeguarding QA"
    assert f"https://qa.example/accounts/invitation/{token}/" in message.body
    assert "Agency lead for Fellshire Constabulary" in message.body
    assert "Morwenna Ashdale has invited you" in message.body
    # And only the token's hash is stored
    assert token not in invitation.token_hash
    assert invitation.status == "pending"
    # When they accept, their account has the invitation's details
    person = invitation_accept(token=token, password=PASSWORD)
    assert (person.email, person.role, person.organisation) == (
        "new.person@brackenmoor.example",
        Role.AGENCY_LEAD,
        organisations["police"],
    )
    assert person.check_password(PASSWORD)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert invitation.accepted_by == person
    # And the link does not work a second time
    with pytest.raises(InvitationUnusable) as refused:
        invitation_accept(token=token, password="Another-heather-2026")
    assert refused.value.reason == "accepted"
    assert User.objects.filter(email="new.person@brackenmoor.example").count() == 1


def test_create_records_an_audit_event(admin, organisations):
    invitation, _ = make_invitation(admin, organisations["police"], "audited@brackenmoor.example")
    event = AuditEvent.objects.get(kind="invitation.sent")
    assert event.actor_id == admin.pk
    assert event.target_id == str(invitation.pk)
    assert event.after == {
        "email": "audited@brackenmoor.example",
        "full_name": "Invited Person",
        "role": "agency_auditor",
        "organisation": "Fellshire Constabulary",
    }


def test_accepting_records_an_audit_event_and_a_verified_address(admin, organisations):
    from allauth.account.models import EmailAddress

    _, token = make_invitation(admin, organisations["police"], "joiner@brackenmoor.example")
    person = invitation_accept(token=token, password=PASSWORD)
    assert AuditEvent.objects.filter(kind="invitation.accepted", actor_id=person.pk).count() == 1
    assert list(EmailAddress.objects.filter(user=person).values_list("verified", "primary")) == [
        (True, True)
    ]


def test_an_expired_link_is_refused_and_creates_nobody(admin, organisations):
    invitation, token = make_invitation(admin, organisations["police"], "late@brackenmoor.example")
    expire(invitation)
    with pytest.raises(InvitationUnusable) as refused:
        invitation_accept(token=token, password=PASSWORD)
    assert refused.value.reason == "expired"
    assert not User.objects.filter(email="late@brackenmoor.example").exists()


def test_expiry_is_the_configured_number_of_days(admin, organisations, settings):
    settings.INVITATION_VALID_DAYS = 3
    invitation, _ = make_invitation(admin, organisations["police"], "soon@brackenmoor.example")
    expected = invitation.created_at + timedelta(days=3)
    assert abs((invitation.expires_at - expected).total_seconds()) < 5


def test_an_unknown_link_is_refused(db):
    with pytest.raises(InvitationUnusable) as refused:
        invitation_for_token("made-up")
    assert refused.value.reason == "unknown"


def test_a_weak_password_is_refused_and_the_link_still_works(admin, organisations):
    _, token = make_invitation(admin, organisations["police"], "weak@brackenmoor.example")
    with pytest.raises(ValidationError):
        invitation_accept(token=token, password="password")
    assert not User.objects.filter(email="weak@brackenmoor.example").exists()
    assert invitation_for_token(token).status == "pending"


def test_revoke_stops_the_link_and_is_audited(admin, organisations):
    invitation, token = make_invitation(admin, organisations["police"], "gone@brackenmoor.example")
    invitation_revoke(access=Access.for_user(admin), invitation=invitation)
    with pytest.raises(InvitationUnusable) as refused:
        invitation_accept(token=token, password=PASSWORD)
    assert refused.value.reason == "revoked"
    assert AuditEvent.objects.filter(kind="invitation.revoked", actor_id=admin.pk).count() == 1


def test_revoking_an_accepted_invitation_is_refused(admin, organisations):
    invitation, token = make_invitation(admin, organisations["police"], "in@brackenmoor.example")
    invitation_accept(token=token, password=PASSWORD)
    invitation.refresh_from_db()
    with pytest.raises(PermissionDenied):
        invitation_revoke(access=Access.for_user(admin), invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_an_email_that_already_has_an_account_is_refused(admin, personas, organisations):
    before = Invitation.objects.count()
    with pytest.raises(ValidationError) as refused:
        make_invitation(admin, organisations["police"], personas["lead_police"].email.upper())
    assert refused.value.message_dict == {
        "email": ["Someone with this e-mail address already has an account."]
    }
    assert Invitation.objects.count() == before


def test_an_inactive_organisation_is_refused(admin, organisations):
    organisations["housing"].is_active = False
    organisations["housing"].save()
    with pytest.raises(ValidationError) as refused:
        make_invitation(admin, organisations["housing"], "homes@brackenmoor.example")
    assert list(refused.value.message_dict) == ["organisation"]
    assert Invitation.objects.count() == 0


def test_inviting_again_withdraws_the_earlier_link(admin, organisations):
    first, first_token = make_invitation(
        admin, organisations["police"], "twice@brackenmoor.example"
    )
    second, second_token = make_invitation(
        admin, organisations["police"], "twice@brackenmoor.example"
    )
    first.refresh_from_db()
    assert first.status == "revoked"
    assert second.status == "pending"
    with pytest.raises(InvitationUnusable):
        invitation_for_token(first_token)
    assert invitation_for_token(second_token) == second


@pytest.mark.parametrize("persona", ["chair", "lead_police", "auditor_police", "viewer"])
def test_only_administrators_invite(personas, organisations, persona):
    with pytest.raises(PermissionDenied):
        invitation_create(
            access=Access.for_user(personas[persona]),
            email="sneaky@brackenmoor.example",
            full_name="Sneaky",
            job_title="",
            organisation=organisations["police"],
            role=Role.PARTNERSHIP_ADMIN,
            accept_url_for=str,
        )
    assert Invitation.objects.count() == 0
    assert not AuditEvent.objects.filter(kind="invitation.sent").exists()


def test_refusals_are_recorded_with_the_reason(admin, organisations):
    invitation, token = make_invitation(admin, organisations["police"], "r@brackenmoor.example")
    invitation_refusal_record(token=token, reason="expired")
    invitation_refusal_record(token="unknown-token", reason="unknown")
    events = list(AuditEvent.objects.filter(kind="invitation.refused").order_by("sequence"))
    assert [(e.target_id, e.data["reason"]) for e in events] == [
        (str(invitation.pk), "expired"),
        ("", "unknown"),
    ]
    assert events[1].target_description == "Unknown invitation link"


def test_the_email_link_is_the_accept_page(
    admin, organisations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _, token = make_invitation(admin, organisations["police"], "link@brackenmoor.example")
    match = re.search(r"https://\S+", str(mail.outbox[0].body))
    assert match is not None
    link = match.group(0)
    assert link.endswith(f"/accounts/invitation/{token}/")
