"""Two-factor authentication: set up an authenticator app, then sign in with a code."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import Page

from .helpers import (
    assert_accessible,
    heading,
    path_of,
    read_totp_secret,
    sign_in,
    sign_out,
    submit,
    totp_code,
)

ACTIVATE = "/accounts/2fa/totp/activate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"
CODE_FORM = 'main form:has(input[name="code"])'


@pytest.fixture
def mfa_required(settings) -> None:
    # The live server runs in this process, so it reads the same settings object.
    settings.REQUIRE_MFA = True


def _enter_code(page: Page, code: str) -> None:
    page.locator('input[name="code"]').fill(code)
    submit(page, CODE_FORM)


def _password_then_code_page(page: Page, persona_key: str) -> None:
    sign_in(page, persona_key)
    assert path_of(page) == AUTHENTICATE
    assert page.get_by_role("button", name="Sign out").count() == 0
    assert_accessible(page)


def _set_up_authenticator(page: Page, persona_key: str) -> tuple[str, int]:
    """Sign in with no authenticator, be sent to set one up, and do so; (secret, time step)."""
    sign_in(page, persona_key)
    # Having just typed their password, they are not asked for it again.
    assert path_of(page) == ACTIVATE
    assert heading(page) == "Set up your authenticator app"
    assert_accessible(page)

    # A wrong code is refused with an error, and nothing is set up.
    _enter_code(page, "000000" if totp_code(read_totp_secret(page))[0] != "000000" else "111111")
    assert path_of(page) == ACTIVATE
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    secret = read_totp_secret(page)
    code, step = totp_code(secret)
    _enter_code(page, code)
    return secret, step


def test_setting_up_an_authenticator_app_then_signing_in_with_a_code(
    page: Page, personas, mfa_required
) -> None:
    person = personas["lead_hospital"]
    assert not Authenticator.objects.filter(user=person).exists()

    # Given a person without an authenticator app, when MFA is required and they sign in,
    # then they must set one up; with a correct code they are shown their recovery codes
    secret, step = _set_up_authenticator(page, "lead_hospital")
    assert path_of(page) == "/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).count() == 1
    assert_accessible(page)
    sign_out(page)

    # When they sign in again, the password leads to the code page; a code gets them home
    _password_then_code_page(page, "lead_hospital")
    code, step = totp_code(secret)
    _enter_code(page, code)
    assert path_of(page) == "/"
    assert page.get_by_role("button", name="Sign out").count() == 1
    assert_accessible(page)
    sign_out(page)

    # And a code already used is refused, with an error summary
    _password_then_code_page(page, "lead_hospital")
    _enter_code(page, code)
    assert path_of(page) == AUTHENTICATE
    assert page.locator(".govuk-error-summary").count() == 1
    assert page.title().startswith("Error: ")
    assert page.get_by_role("button", name="Sign out").count() == 0
    assert_accessible(page)

    # And the next code from the app signs them in
    fresh_code, _ = totp_code(secret, after=step)
    _enter_code(page, fresh_code)
    assert path_of(page) == "/"
    assert_accessible(page)
    sign_out(page)
