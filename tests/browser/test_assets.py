"""The compiled GOV.UK styles and scripts really reach the browser, and pages work without."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from safeguarding_qa.demo.personas import DEMO_PASSWORD

from .helpers import assert_accessible, fill_sign_in_form, path_of, sign_in, visit


def test_compiled_css_loads_with_arial_not_gds_transport(page: Page) -> None:
    # Given the sign-in page
    response = visit(page, "/accounts/login/")

    # When the browser has applied the stylesheet
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    body_margin = page.evaluate("getComputedStyle(document.body).margin")

    # Then the heading is in Arial, never the GOV.UK-only GDS Transport, and the template
    # styles apply (the browser's default body margin is 8px)
    assert "arial" in font.lower()
    assert "gds transport" not in font.lower()
    assert body_margin == "0px"
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
    assert_accessible(page)


def test_govuk_frontend_javascript_initialises_components(page: Page, personas) -> None:
    # Given a signed-in person on their home page
    sign_in(page, "lead_police")
    assert path_of(page) == "/"

    # When GOV.UK Frontend's module script has run
    body_classes = page.evaluate("Array.from(document.body.classList)")
    navigation = page.locator('[data-module="govuk-service-navigation"]')
    skip_link = page.locator('[data-module="govuk-skip-link"]')

    # Then the body says JavaScript is on and supported, and components are initialised
    assert "js-enabled" in body_classes
    assert "govuk-frontend-supported" in body_classes
    assert navigation.get_attribute("data-govuk-service-navigation-init") == ""
    assert skip_link.get_attribute("data-govuk-skip-link-init") == ""
    uninitialised = page.evaluate(
        """Array.from(document.querySelectorAll('[data-module]'))
            .filter((element) => !element.hasAttribute(`data-${element.dataset.module}-init`))
            .map((element) => element.dataset.module)"""
    )
    assert uninitialised == []
    assert_accessible(page)


def test_signing_in_works_without_javascript(browser: Browser, live_server, personas) -> None:
    # Given a browser with JavaScript switched off
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        # When a person signs in through the form
        visit(page, "/accounts/login/")
        fill_sign_in_form(page, personas["viewer"].email, DEMO_PASSWORD)

        # Then they reach their home page, and the page knows JavaScript did not run
        assert path_of(page) == "/"
        assert page.get_by_role("button", name="Sign out").count() == 1
        assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    finally:
        context.close()
