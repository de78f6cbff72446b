"""allauth's pages in the GOV.UK layout: each renders a valid page (the client checks one <h1>,
the title starting with it, valid HTML, unique ids) with GOV.UK form markup and plain words."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.core.testing import PageCheckingClient
from safeguarding_qa.demo.personas import DEMO_PASSWORD

from .helpers import current_code, give_authenticator_app

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def _h1(response) -> str:
    match = H1.search(response.content.decode())
    assert match is not None
    return " ".join(match.group(1).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "kwargs", "heading"),
    [
        ("account_login", None, "Sign in"),
        ("account_signup", None, "Accounts are by invitation only"),
        ("account_reset_password", None, "Reset your password"),
        ("account_reset_password_done", None, "Check your e-mail"),
        (
            "account_reset_password_from_key",
            {"uidb36": "0", "key": "nope"},
            "This reset link does not work",
        ),
        ("account_reset_password_from_key_done", None, "Your password has been changed"),
        ("account_inactive", None, "Your account has been deactivated"),
    ],
)
def test_public_pages_render(client, organisations, url_name, kwargs, heading):
    response = client.get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 200
    assert _h1(response) == heading


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("account_logout", "Sign out"),
        ("account_reauthenticate", "Confirm it is you"),
        ("account_change_password", "Change your password"),
        ("mfa_index", "Two-factor authentication"),
        ("mfa_activate_totp", "Set up your authenticator app"),
        ("mfa_generate_recovery_codes", "Make new recovery codes"),
        ("usersessions_list", "Where you are signed in"),
        ("accounts:my-account", "Your account"),
    ],
)
def test_signed_in_pages_render(client_as, url_name, heading):
    response = client_as("lead_police").get(reverse(url_name))
    assert response.status_code == 200
    assert _h1(response) == heading


def test_login_page_offers_password_reset_and_no_sign_up(client, organisations):
    page = client.get(reverse("account_login")).content.decode()
    assert f'href="{reverse("account_reset_password")}">Forgotten your password?</a>' in page
    assert reverse("account_signup") not in page
    assert 'class="govuk-label govuk-label--s" for="id_login">E-mail address</label>' in page
    assert 'class="govuk-input" type="password"' not in page  # our renderer, not allauth's
    assert re.search(r'<input type="password" name="password"[^>]*class="govuk-input"', page)
    assert "placeholder" not in page


def test_a_wrong_password_shows_a_govuk_error(client, personas):
    response = client.post(
        reverse("account_login"), {"login": personas["viewer"].email, "password": "wrong-one"}
    )
    page = response.content.decode()
    assert "<title>Error: Sign in" in page
    assert "There is a problem" in page
    assert "The e-mail address or password is not correct." in page


def test_signing_in_with_the_form(client, personas):
    response = client.post(
        reverse("account_login"),
        {"login": personas["viewer"].email, "password": DEMO_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [("/", 302)]
    assert "You are signed in as Ambrose Tollervey." in response.content.decode()


def test_changing_the_password(client_as, personas):
    client = client_as("viewer")
    refused = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEMO_PASSWORD, "password1": "short", "password2": "short"},
    )
    assert "<title>Error: Change your password" in refused.content.decode()
    new = "Granite-tor-walks-2026"
    done = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEMO_PASSWORD, "password1": new, "password2": new},
        follow=True,
    )
    assert "Your password has been changed." in done.content.decode()
    personas["viewer"].refresh_from_db()
    assert personas["viewer"].check_password(new)


def test_resetting_a_forgotten_password_by_email(client, personas):
    person = personas["viewer"]
    response = client.post(reverse("account_reset_password"), {"email": person.email}, follow=True)
    assert _h1(response) == "Check your e-mail"
    assert mail.outbox[0].subject == "Reset your Safeguarding QA password"
    link = re.search(
        r"http://testserver(/accounts/password/reset/key/\S+/)", str(mail.outbox[0].body)
    )
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    assert _h1(form_page) == "Choose a new password"
    new = "Peat-bog-and-heather-9"
    done = client.post(
        form_page.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert _h1(done) == "Your password has been changed"
    person.refresh_from_db()
    assert person.check_password(new)


def test_an_unknown_address_gets_an_email_without_a_sign_up_link(client, organisations):
    client.post(reverse("account_reset_password"), {"email": "stranger@brackenmoor.example"})
    body = mail.outbox[0].body
    assert "There is no account with this address." in body
    assert "/signup/" not in body


def test_setting_up_an_authenticator_app_shows_the_qr_code_and_the_key(
    client_as, personas, django_capture_on_commit_callbacks
):
    client = client_as("lead_police")
    response = client.get(reverse("mfa_activate_totp"))
    page = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    secret = response.context["form"].secret
    assert f'id="authenticator-secret">{secret}</p>' in page
    assert 'for="id_code">Code from your authenticator app</label>' in page
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert "<title>Error: Set up your authenticator app" in wrong.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        activated = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    done = client.get(activated["Location"])
    assert _h1(done) == "Your recovery codes"
    # allauth reports the new authenticator once the transaction commits: audited then.
    events = AuditEvent.objects.filter(kind="mfa.authenticator_added").order_by("sequence")
    assert [(e.actor_id, e.data["method"]) for e in events] == [
        (personas["lead_police"].pk, "totp"),
        (personas["lead_police"].pk, "recovery_codes"),
    ]


def test_recovery_code_pages(client_as, personas):
    give_authenticator_app(personas["lead_police"])
    client = client_as("lead_police")
    view = client.get(reverse("mfa_view_recovery_codes"))
    assert _h1(view) == "Your recovery codes"
    assert view.content.decode().count("<li><code>") == 10
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/plain")
    generate = client.get(reverse("mfa_generate_recovery_codes"))
    assert "Your 10 unused codes will stop working." in generate.content.decode()
    index = client.get(reverse("mfa_index")).content.decode()
    assert "You have 10 unused codes out of 10." in index


def test_turning_off_the_authenticator_app(client_as, personas, django_capture_on_commit_callbacks):
    give_authenticator_app(personas["lead_police"])
    client = client_as("lead_police")
    page = client.get(reverse("mfa_deactivate_totp"))
    assert _h1(page) == "Turn off the authenticator app"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_deactivate_totp"))
    events = AuditEvent.objects.filter(kind="mfa.authenticator_removed")
    assert sorted((e.actor_id, e.data["method"]) for e in events) == [
        (personas["lead_police"].pk, "recovery_codes"),
        (personas["lead_police"].pk, "totp"),
    ]
    index = client.get(reverse("mfa_index")).content.decode()
    assert "You have not set up an authenticator app yet." in index


def test_signing_in_with_a_code(personas):
    person = personas["lead_police"]
    secret = give_authenticator_app(person)
    client = PageCheckingClient()
    first = client.post(
        reverse("account_login"), {"login": person.email, "password": DEMO_PASSWORD}
    )
    assert first["Location"] == reverse("mfa_authenticate")
    page = client.get(reverse("mfa_authenticate"))
    assert _h1(page) == "Enter the code from your authenticator app"
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "<title>Error: Enter the code" in wrong.content.decode()
    done = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert done["Location"] == "/"


def test_reauthenticating_with_a_code(client_as, personas):
    give_authenticator_app(personas["lead_police"])
    response = client_as("lead_police").get(reverse("mfa_reauthenticate"))
    assert _h1(response) == "Confirm it is you"
    assert "Code from your authenticator app" in response.content.decode()


def test_pages_not_offered_are_not_found(client_as):
    client = client_as("viewer")
    for url in ("/accounts/email/", "/accounts/confirm-email/", "/accounts/login/code/confirm/"):
        assert client.get(url).status_code == 404


def test_the_accounts_address_leads_to_your_account(client_as):
    response = client_as("viewer").get("/accounts/")
    assert response["Location"] == reverse("accounts:my-account")


def test_too_many_requests_has_a_govuk_page(client, organisations):
    from allauth.core.internal.ratelimit import handler429
    from django.test import RequestFactory

    from safeguarding_qa.core.testing import check_page_quality

    request = RequestFactory().get("/accounts/password/reset/")
    request.user = AnonymousUser()
    response = handler429(request)
    assert response.status_code == 429
    check_page_quality(response.content.decode())
    assert "Too many attempts" in response.content.decode()
