"""Session limits (idle and absolute), the MFA requirement, and deactivation ending sessions."""

from __future__ import annotations

import time
from unittest import mock

from django.conf import settings
from django.urls import reverse

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.services.people import person_deactivate
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.demo.personas import DEMO_PASSWORD

from .helpers import give_authenticator_app


def _sign_in(client, person):
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_the_idle_timeout_is_the_session_cookie_age_renewed_on_every_request():
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 10 * 60 * 60


def test_an_idle_session_expires(client, personas):
    _sign_in(client, personas["viewer"])
    assert client.get("/").status_code == 200
    later = time.time() + settings.SESSION_IDLE_TIMEOUT + 5
    with mock.patch("django.utils.timezone.now") as now:
        from datetime import UTC, datetime

        now.return_value = datetime.fromtimestamp(later, tz=UTC)
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_activity_renews_the_idle_timeout(client, personas):
    from datetime import UTC, datetime

    _sign_in(client, personas["viewer"])
    start = time.time()
    with mock.patch("django.utils.timezone.now") as now:
        # A request every 20 minutes keeps the session alive past the 30-minute idle limit.
        for minutes in (20, 40, 60):
            now.return_value = datetime.fromtimestamp(start + minutes * 60, tz=UTC)
            assert client.get("/").status_code == 200


def test_the_absolute_timeout_signs_people_out_however_active(client, personas):
    person = personas["viewer"]
    _sign_in(client, person)
    session = client.session
    session["signed_in_at"] = time.time() - settings.SESSION_ABSOLUTE_TIMEOUT - 1
    session.save()
    response = client.get(reverse("accounts:my-account"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Faccounts%2Fme%2F"
    login_page = client.get(response["Location"]).content.decode()
    assert "because you signed in more than 10 hours ago" in login_page
    assert (
        AuditEvent.objects.filter(kind="sign_in.session_expired", actor_id=person.pk).count() == 1
    )
    assert client.get("/").status_code == 302


def test_a_session_within_the_absolute_limit_carries_on(client, personas):
    _sign_in(client, personas["viewer"])
    session = client.session
    session["signed_in_at"] = time.time() - settings.SESSION_ABSOLUTE_TIMEOUT + 60
    session.save()
    assert client.get("/").status_code == 200


def test_signing_in_records_the_time_for_the_absolute_limit(client, personas):
    before = time.time()
    _sign_in(client, personas["viewer"])
    assert before <= client.session["signed_in_at"] <= time.time()


def test_a_deactivated_persons_session_stops_working_at_once(client, personas):
    # Given they signed in through the real form, so allauth tracks the session
    person = personas["lead_police"]
    _sign_in(client, person)
    assert client.get("/").status_code == 200
    # When an administrator deactivates them
    person_deactivate(access=Access.for_user(personas["admin"]), person=person, reason="Left")
    # Then their next request is sent to sign in
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_deactivated_person_cannot_sign_in_again(client, personas):
    person = personas["lead_police"]
    person_deactivate(access=Access.for_user(personas["admin"]), person=person, reason="Left")
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": DEMO_PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert (response.status_code, response["Location"]) == (302, reverse("account_inactive"))


def test_with_mfa_required_people_without_it_are_sent_to_set_it_up(client_as, settings):
    settings.REQUIRE_MFA = True
    client = client_as("viewer")
    response = client.get(reverse("accounts:person-list"))
    assert response["Location"] == reverse("mfa_activate_totp")
    # The set-up pages, signing out and the statements stay reachable.
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.get(reverse("core:accessibility")).status_code == 200


def test_with_mfa_required_people_with_it_carry_on(client_as, personas, settings):
    settings.REQUIRE_MFA = True
    give_authenticator_app(personas["viewer"])
    assert client_as("viewer").get("/").status_code == 200


def test_without_mfa_required_nobody_is_redirected(client_as, settings):
    settings.REQUIRE_MFA = False
    assert client_as("viewer").get("/").status_code == 200
