"""Pages anyone can reach before signing in, the skip link, and the sign-in form's errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from safeguarding_qa.demo.personas import DEMO_PASSWORD

from .helpers import (
    assert_accessible,
    fill_sign_in_form,
    heading,
    path_of,
    sign_out,
    submit,
    visit,
)

SIGNED_OUT_PAGES = [
    ("/accounts/login/", 200, "Sign in"),
    ("/accessibility/", 200, "Accessibility statement"),
    ("/privacy/", 200, "Privacy notice"),
    ("/no-such-page/", 404, "Page not found"),
]


@pytest.mark.parametrize(("url", "status", "expected_heading"), SIGNED_OUT_PAGES)
def test_signed_out_page_is_accessible(
    page: Page, url: str, status: int, expected_heading: str
) -> None:
    # Given nobody is signed in
    # When they open the page
    visit(page, url, status=status)

    # Then it is the styled page, titled after its heading, with no axe violations
    assert heading(page).startswith(expected_heading)
    assert page.title().removeprefix("Error: ").startswith(heading(page))
    assert_accessible(page)


@pytest.mark.parametrize("url", ["/accounts/login/", "/accessibility/"])
def test_skip_link_is_first_and_moves_focus_to_main_content(page: Page, url: str) -> None:
    # Given a page just opened
    visit(page, url)

    # When the person presses Tab once
    page.keyboard.press("Tab")

    # Then the skip link has focus, is visible, and following it focuses the main content
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.textContent]"
    )
    assert focused == ["govuk-skip-link", "Skip to main content"]
    assert page.locator(".govuk-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    assert_accessible(page)


def test_wrong_password_shows_error_summary_then_right_password_signs_in(
    page: Page, personas
) -> None:
    # Given the sign-in page
    visit(page, "/accounts/login/")
    email = personas["lead_hospital"].email

    # When the person types a wrong password
    fill_sign_in_form(page, email, "not-the-password-at-all")

    # Then they stay on the sign-in page with a GOV.UK error summary, still signed out
    assert path_of(page) == "/accounts/login/"
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 1
    assert summary.locator(".govuk-error-summary__title").inner_text() == "There is a problem"
    assert page.title().startswith("Error: ")
    assert page.get_by_role("button", name="Sign out").count() == 0
    assert_accessible(page)

    # When they try again with the right password
    fill_sign_in_form(page, email, DEMO_PASSWORD)

    # Then they are signed in on their home page
    assert path_of(page) == "/"
    assert page.get_by_role("button", name="Sign out").count() == 1
    assert_accessible(page)
    sign_out(page)


def test_error_summary_receives_focus_and_links_to_the_field(page: Page) -> None:
    # Given the sign-in page
    visit(page, "/accounts/login/")

    # When the person submits it empty
    submit(page, 'main form:has(input[name="password"])')

    # Then GOV.UK Frontend moves focus to the error summary, which lists each problem
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    links = page.locator(".govuk-error-summary__list a")
    assert links.count() >= 1
    assert_accessible(page)

    # And following its first link puts focus on the field with the problem
    target = (links.first.get_attribute("href") or "").lstrip("#")
    links.first.click()
    assert page.evaluate("document.activeElement.id") == target
