"""Each persona signs in, follows every link in the service navigation, and signs out.

The navigation each role sees is written out below: when an app adds an entry, add it here
for the roles that should see it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from safeguarding_qa.access.roles import Role
from safeguarding_qa.demo.personas import PERSONAS

from .helpers import (
    assert_accessible,
    heading,
    navigation_links,
    path_of,
    sign_in,
    sign_out,
    visit,
)

_BASE = ["Home", "People", "Organisations", "Groups"]
_AREAS = ["Audits", "Register", "Dashboard", "Practice reviews", "Programme", "Meetings"]
_OUTPUTS = ["Learning", "Reports", "Your account"]

EXPECTED_NAVIGATION: dict[str, list[str]] = {
    Role.PARTNERSHIP_ADMIN: _BASE
    + _AREAS
    + ["Audit trail", "Self-assessment", "Case data"]
    + _OUTPUTS,
    Role.CHAIR: _BASE + _AREAS + ["Self-assessment", "Case data"] + _OUTPUTS,
    Role.AGENCY_LEAD: _BASE + _AREAS + ["Self-assessment"] + _OUTPUTS,
    Role.SCRUTINEER: _BASE + _AREAS + ["Self-assessment"] + _OUTPUTS,
    Role.AGENCY_AUDITOR: ["Home", "Organisations", "Groups"] + _AREAS[:5] + _OUTPUTS,
    Role.VIEWER: ["Home", "Organisations", "Groups"]
    + ["Register", "Dashboard", "Practice reviews", "Programme"]
    + _OUTPUTS,
}

# Links in the navigation that are not sections, so never marked as the current page.
_NOT_SECTIONS = {"Your account"}


def _visit_navigation_link(page: Page, label: str, href: str) -> None:
    visit(page, href)
    assert heading(page), f"{label} ({href}) has an empty <h1>"
    assert page.title().startswith(heading(page))
    if label not in _NOT_SECTIONS:
        current = page.locator(".govuk-service-navigation__list [aria-current='page']")
        assert [" ".join(text.split()) for text in current.all_inner_texts()] == [label]
    assert_accessible(page)


def _check_refused_outside_role(page: Page, role: str) -> None:
    if role == Role.PARTNERSHIP_ADMIN:
        # Nothing is outside an administrator's role; an unknown record is simply not found.
        visit(page, "/partnership/organisations/987654/", status=404)
        assert heading(page) == "Page not found"
    else:
        visit(page, "/audit-trail/", status=403)
        assert heading(page) == "You do not have permission to do this"
    assert page.get_by_role("button", name="Sign out").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda persona: persona.key)
def test_persona_walks_the_service_navigation(page: Page, personas, persona) -> None:
    # Given a persona signs in through the sign-in form
    sign_in(page, persona.key)
    assert path_of(page) == "/"
    assert_accessible(page)

    # When they read the service navigation
    links = navigation_links(page)

    # Then they see exactly the entries their role allows
    assert [label for label, _ in links] == EXPECTED_NAVIGATION[persona.role]

    # And every page it leads to is accessible
    for label, href in links:
        _visit_navigation_link(page, label, href)

    # And a page outside their role is refused with the styled error page
    _check_refused_outside_role(page, persona.role)

    # And "Sign out" signs them out
    sign_out(page)
    assert_accessible(page)
