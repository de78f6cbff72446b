"""Invitation pages: the list, sending, withdrawing, and accepting a link."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import Invitation, User
from safeguarding_qa.audittrail.models import AuditEvent

from .helpers import expire, make_invitation

PASSWORD = "Heather-moorland-2026"


@pytest.fixture
def admin(personas):
    return personas["admin"]


@pytest.fixture
def pending(admin, organisations):
    return make_invitation(
        admin, organisations["police"], "new.officer@brackenmoor.example", full_name="Nell Officer"
    )


def test_the_list_shows_each_status_with_a_fixed_number_of_queries(
    client_as, admin, organisations, django_assert_num_queries
):
    for number in range(27):
        make_invitation(admin, organisations["police"], f"invitee{number}@brackenmoor.example")
    expired, _ = make_invitation(admin, organisations["police"], "late@brackenmoor.example")
    expire(expired)
    client = client_as("admin")
    client.get(reverse("core:home"))  # the first request records the session; not counted
    with django_assert_num_queries(12):
        response = client.get(reverse("accounts:invitation-list"))
    assert response.context["page_obj"].paginator.count == 28
    assert len(response.context["page_obj"]) == 25
    page = response.content.decode()
    assert 'govuk-tag--orange">Expired' in page
    assert 'govuk-tag--blue">Pending' in page
    expired_only = client.get(reverse("accounts:invitation-list"), {"status": "expired"})
    assert [i.email for i in expired_only.context["page_obj"]] == ["late@brackenmoor.example"]


def test_an_empty_list_says_so(client_as):
    page = client_as("admin").get(reverse("accounts:invitation-list")).content.decode()
    assert "Nobody has been invited yet." in page


def test_sending_an_invitation(client_as, organisations, django_capture_on_commit_callbacks):
    client = client_as("admin")
    form = client.get(reverse("accounts:invitation-create"))
    organisation_choices = [str(o) for o in form.context["form"].fields["organisation"].queryset]
    assert "Fellshire Constabulary" in organisation_choices
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:invitation-create"),
            {
                "full_name": "Ada Newcombe",
                "email": "ada.newcombe@brackenmoor.example",
                "job_title": "Named GP",
                "organisation": organisations["gp"].pk,
                "role": Role.AGENCY_LEAD,
            },
            follow=True,
        )
    assert response.redirect_chain == [(reverse("accounts:invitation-list"), 302)]
    assert "Invitation sent to ada.newcombe@brackenmoor.example." in response.content.decode()
    assert mail.outbox[0].to == ["ada.newcombe@brackenmoor.example"]
    link = re.search(r"http://testserver/accounts/invitation/\S+/", str(mail.outbox[0].body))
    assert link is not None


def test_inactive_organisations_are_not_offered(client_as, organisations):
    organisations["housing"].is_active = False
    organisations["housing"].save()
    form = client_as("admin").get(reverse("accounts:invitation-create")).context["form"]
    assert organisations["housing"] not in form.fields["organisation"].queryset


def test_a_duplicate_address_is_shown_as_an_error(client_as, personas, organisations):
    response = client_as("admin").post(
        reverse("accounts:invitation-create"),
        {
            "full_name": "Someone",
            "email": personas["viewer"].email,
            "organisation": organisations["gp"].pk,
            "role": Role.VIEWER,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Invite someone" in page
    assert "Someone with this e-mail address already has an account." in page
    assert Invitation.objects.count() == 0


def test_withdrawing_asks_first(client_as, pending):
    invitation, token = pending
    client = client_as("admin")
    url = reverse("accounts:invitation-revoke", args=[invitation.pk])
    assert "Withdraw the invitation for Nell Officer" in client.get(url).content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "pending"
    done = client.post(url, follow=True)
    assert "has been withdrawn" in done.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "revoked"


def test_withdrawing_an_accepted_invitation_explains_instead(client_as, pending, client):
    invitation, token = pending
    client.post(
        reverse("accounts:invitation-accept", args=[token]),
        {"password1": PASSWORD, "password2": PASSWORD},
    )
    response = client_as("admin").post(
        reverse("accounts:invitation-revoke", args=[invitation.pk]), follow=True
    )
    assert "is no longer pending" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "accepted"


def test_accepting_shows_who_invited_them_then_signs_them_in(client, pending):
    invitation, token = pending
    url = reverse("accounts:invitation-accept", args=[token])
    page = client.get(url).content.decode()
    assert "Morwenna Ashdale has invited you" in page
    assert "Agency auditor" in page
    response = client.post(url, {"password1": PASSWORD, "password2": PASSWORD}, follow=True)
    assert response.redirect_chain == [(reverse("core:home"), 302)]
    assert "Your account has been created and you are signed in." in response.content.decode()
    assert response.context["user"].email == "new.officer@brackenmoor.example"


def test_with_mfa_required_a_new_person_is_sent_to_set_it_up(client, pending, settings):
    settings.REQUIRE_MFA = True
    _, token = pending
    response = client.post(
        reverse("accounts:invitation-accept", args=[token]),
        {"password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[:2] == [
        (reverse("core:home"), 302),
        (reverse("mfa_activate_totp"), 302),
    ]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short-1", "This password is too short. It must contain at least 12 characters."),
        ("qwerty123456", "This password is too common."),
        ("9081726354657483", "This password is entirely numeric."),
        ("new.officer.brackenmoor", "The password is too similar to the"),
    ],
)
def test_weak_passwords_are_explained_and_create_nobody(client, pending, password, message):
    _, token = pending
    response = client.post(
        reverse("accounts:invitation-accept", args=[token]),
        {"password1": password, "password2": password},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Create your account" in page
    assert message in page.replace("&#x27;", "'")
    assert not User.objects.filter(email="new.officer@brackenmoor.example").exists()


def test_passwords_that_differ_are_refused(client, pending):
    _, token = pending
    response = client.post(
        reverse("accounts:invitation-accept", args=[token]),
        {"password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "The passwords do not match" in response.content.decode()
    assert not User.objects.filter(email="new.officer@brackenmoor.example").exists()


@pytest.mark.parametrize(
    ("spoil", "status", "heading"),
    [
        ("expire", 410, "This invitation has expired"),
        ("use", 410, "This invitation has already been used"),
        ("withdraw", 410, "This invitation has been withdrawn"),
    ],
)
def test_unusable_links_explain_and_are_recorded(
    client, client_as, pending, spoil, status, heading
):
    invitation, token = pending
    url = reverse("accounts:invitation-accept", args=[token])
    if spoil == "expire":
        expire(invitation)
    elif spoil == "use":
        client.post(url, {"password1": PASSWORD, "password2": PASSWORD})
        client.post(reverse("account_logout"))
    else:
        client_as("admin").post(reverse("accounts:invitation-revoke", args=[invitation.pk]))
    response = client.get(url)
    assert response.status_code == status
    page = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert "ask your partnership administrator to send you a new invitation" in page
    assert AuditEvent.objects.filter(kind="invitation.refused").count() == 1


def test_an_unknown_link_is_not_found_and_recorded(client, organisations):
    response = client.get(reverse("accounts:invitation-accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()
    event = AuditEvent.objects.get(kind="invitation.refused")
    assert event.data == {"reason": "unknown"}


def test_signed_in_people_are_told_to_sign_out_first(client_as, pending):
    _, token = pending
    client = client_as("viewer")
    response = client.post(
        reverse("accounts:invitation-accept", args=[token]),
        {"password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "You are already signed in" in response.content.decode()
    assert not User.objects.filter(email="new.officer@brackenmoor.example").exists()
