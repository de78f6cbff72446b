"""Reads through the policies: scoped people and invitations by status."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.models import Invitation
from safeguarding_qa.accounts.selectors import (
    invitation_list,
    invitations_expiring_soon,
    person_filter_organisations,
    person_list,
)
from safeguarding_qa.accounts.services.invitations import invitation_revoke

from .helpers import expire, make_invitation


def test_people_are_scoped_by_policy(personas, organisations):
    lead = Access.for_user(personas["lead_hospital"])
    assert [p.full_name for p in person_list(access=lead)] == [
        "Elodie Marsh-Quint",
        "Niamh Carbery",
    ]
    assert list(person_filter_organisations(access=lead)) == [organisations["hospital"]]
    assert list(person_list(access=Access.for_user(personas["viewer"]))) == []
    assert person_list(access=Access.for_user(personas["chair"])).count() == 14


def test_a_lead_cannot_filter_their_way_into_another_organisation(personas, organisations):
    lead = Access.for_user(personas["lead_hospital"])
    assert list(person_list(access=lead, organisation_id=organisations["police"].pk)) == []


def test_invitations_by_status(personas, organisations):
    admin = personas["admin"]
    access = Access.for_user(admin)
    pending, _ = make_invitation(admin, organisations["police"], "p@b.example")
    expired, _ = make_invitation(admin, organisations["police"], "e@b.example")
    expire(expired)
    revoked, _ = make_invitation(admin, organisations["police"], "r@b.example")
    invitation_revoke(access=access, invitation=revoked)

    def emails(status: str) -> list[str]:
        return [i.email for i in invitation_list(access=access, status=status)]

    assert emails("pending") == ["p@b.example"]
    assert emails("expired") == ["e@b.example"]
    assert emails("revoked") == ["r@b.example"]
    assert emails("accepted") == []
    assert emails("") == ["r@b.example", "e@b.example", "p@b.example"]
    assert list(invitation_list(access=Access.for_user(personas["chair"]))) == []


def test_expiring_soon_is_pending_and_within_the_window(personas, organisations):
    admin = personas["admin"]
    soon, _ = make_invitation(admin, organisations["police"], "soon@b.example")
    Invitation.objects.filter(pk=soon.pk).update(expires_at=timezone.now() + timedelta(days=1))
    make_invitation(admin, organisations["police"], "later@b.example")
    access = Access.for_user(admin)
    assert [
        i.email for i in invitations_expiring_soon(access=access, within=timedelta(days=2))
    ] == ["soon@b.example"]
