"""What needs a person, from accounts: setting up MFA and invitations about to expire."""

from __future__ import annotations

from datetime import timedelta

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.models import Invitation
from safeguarding_qa.accounts.needs_me import accounts_needs_me

from .helpers import give_authenticator_app, make_invitation


def _items(person):
    request = RequestFactory().get("/")
    request.user = person
    request.access = Access.for_user(person)  # type: ignore[attr-defined]
    return accounts_needs_me(request)


def test_people_without_an_authenticator_app_are_asked_to_set_one_up(personas):
    items = _items(personas["viewer"])
    assert [(item.title, item.url) for item in items] == [
        ("Set up two-factor authentication", reverse("mfa_activate_totp"))
    ]


def test_people_with_an_authenticator_app_are_not_asked(personas):
    give_authenticator_app(personas["viewer"])
    assert _items(personas["viewer"]) == []


def test_administrators_see_invitations_expiring_within_two_days_with_fixed_queries(
    personas, organisations, django_assert_num_queries
):
    admin = personas["admin"]
    give_authenticator_app(admin)
    for number in range(3):
        invitation, _ = make_invitation(admin, organisations["police"], f"s{number}@b.example")
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() + timedelta(hours=20 + number)
        )
    make_invitation(admin, organisations["police"], "later@b.example")  # 7 days left
    with django_assert_num_queries(2):
        items = _items(admin)
    assert [item.title for item in items] == [
        "Invitation for Invited Person expires soon",
    ] * 3
    assert items[0].url == reverse("accounts:invitation-list") + "?status=pending"
    for number in range(15):
        invitation, _ = make_invitation(admin, organisations["police"], f"m{number}@b.example")
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() + timedelta(hours=1)
        )
    with django_assert_num_queries(2):
        assert len(_items(admin)) == 10


def test_others_do_not_see_invitations(personas, organisations):
    invitation, _ = make_invitation(personas["admin"], organisations["police"], "s@b.example")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(hours=2)
    )
    give_authenticator_app(personas["chair"])
    assert _items(personas["chair"]) == []


def test_the_home_page_lists_them(client_as):
    page = client_as("viewer").get("/").content.decode()
    assert "Set up two-factor authentication" in page
