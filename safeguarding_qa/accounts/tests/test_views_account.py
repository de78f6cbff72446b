"""Your account: details, role and what it means, and the sign-in security links."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import escape

from safeguarding_qa.access.roles import ROLE_DESCRIPTIONS, Role

from .helpers import give_authenticator_app


def test_your_account_shows_details_role_and_links(client_as):
    response = client_as("lead_police").get(reverse("accounts:my-account"))
    page = response.content.decode()
    assert "lead.police@brackenmoor.example" in page
    assert "Fellshire Constabulary" in page
    assert "Agency lead" in page
    assert escape(ROLE_DESCRIPTIONS[Role.AGENCY_LEAD]) in page
    for name in ("account_change_password", "mfa_index", "usersessions_list"):
        assert f'href="{reverse(name)}"' in page
    assert "Not set up" in page


def test_your_account_shows_two_factor_authentication_is_on(client_as, personas):
    give_authenticator_app(personas["viewer"])
    page = client_as("viewer").get(reverse("accounts:my-account")).content.decode()
    assert "</strong> with an authenticator app" in page


def test_every_page_links_to_your_account(client_as):
    page = client_as("viewer").get("/").content.decode()
    assert f'href="{reverse("accounts:my-account")}"' in page


def test_the_people_entry_appears_only_for_those_who_may_see_people(client_as):
    assert 'href="/accounts/people/"' in client_as("lead_police").get("/").content.decode()
    assert 'href="/accounts/people/"' not in client_as("viewer").get("/").content.decode()
