"""What browser tests do again and again: check a page with axe, sign in and out, read TOTP."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import Page, Response

from safeguarding_qa.demo.personas import DEMO_PASSWORD, PERSONAS_BY_KEY

AXE_URL = "/static/build/axe.min.js"
# WCAG 2.2 AA, as the accessibility statement promises.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(" "),
      html: node.html,
      summary: node.failureSummary,
    })),
  }));
}"""

# Chrome logs a "Failed to load resource" console error for every 403 or 404 document,
# which some tests ask for on purpose; failed static files are caught from responses.
_EXPECTED_CONSOLE = re.compile(r"^Failed to load resource: the server responded with a status")


def watch_for_problems(page: Page) -> list[str]:
    """Record JavaScript errors, CSP refusals and failed static files as the page is used."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))

    def on_console(message: Any) -> None:
        if message.type == "error" and not _EXPECTED_CONSOLE.match(message.text):
            problems.append(f"Console error on {page.url}: {message.text}")

    def on_response(response: Response) -> None:
        if "/static/" in response.url and response.status >= 400:
            problems.append(f"{response.status} for {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    return problems


def format_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe found {len(violations)} WCAG 2.2 AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            lines.append("      " + (node["summary"] or "").replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Run axe-core on the page as it stands and insist on zero WCAG 2.2 AA violations.

    axe is loaded from the service's own static files (a script src from 'self'), so the
    page's Content Security Policy applies to the test exactly as it does to people.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_URL)
        page.wait_for_function("typeof window.axe !== 'undefined'")
    violations = page.evaluate(_AXE_RUN, AXE_TAGS)
    assert violations == [], format_violations(page.url, violations)


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0]


def heading(page: Page) -> str:
    """The text of the page's single <h1>."""
    headings = page.locator("h1")
    assert headings.count() == 1, f"{page.url} has {headings.count()} <h1> elements"
    return " ".join(headings.inner_text().split())


def visit(page: Page, url: str, *, status: int = 200) -> Response:
    response = page.goto(url)
    assert response is not None, f"No response for {url}"
    assert response.status == status, f"{url} answered {response.status}, not {status}"
    return response


def submit(page: Page, form_selector: str = "main form") -> None:
    """Press the submit button of the form and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(form_selector).locator('button[type="submit"]').first.click()
    page.wait_for_load_state("load")


def fill_sign_in_form(page: Page, email: str, password: str) -> None:
    page.locator('input[name="login"]').fill(email)
    page.locator('input[name="password"]').fill(password)
    submit(page, 'main form:has(input[name="password"])')


def sign_in(
    page: Page, persona_key: str, *, password: str = DEMO_PASSWORD, check: bool = False
) -> None:
    """Sign in through the real sign-in form; ``check`` runs axe on the form first."""
    visit(page, "/accounts/login/")
    if check:
        assert_accessible(page)
    fill_sign_in_form(page, PERSONAS_BY_KEY[persona_key].email, password)


def sign_out(page: Page) -> None:
    """Press "Sign out" in the service navigation; you end on the sign-in page."""
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("load")
    assert path_of(page) == "/accounts/login/", page.url
    assert page.get_by_role("button", name="Sign out").count() == 0


def navigation_links(page: Page) -> list[tuple[str, str]]:
    """(label, href) of each link in the service navigation, in order."""
    links = page.locator(".govuk-service-navigation__list a.govuk-service-navigation__link")
    return [
        (" ".join(link.inner_text().split()), link.get_attribute("href") or "")
        for link in links.all()
    ]


# --- Two-factor authentication ----------------------------------------------------------------

_SECRET = re.compile(r"\b((?:[A-Z2-7]{4}[ -]?){7}[A-Z2-7]{4})\b")


def read_totp_secret(page: Page) -> str:
    """The authenticator secret shown for manual entry (allauth's secrets are 32 base32 chars)."""
    main = page.locator("main")
    # As a person would, open "I cannot scan the QR code" and the like to show the key.
    for summary in main.locator("details:not([open]) > summary").all():
        summary.click()
    texts = [main.inner_text()]
    texts += [field.input_value() for field in main.locator("input").all()]
    texts += [image.get_attribute("alt") or "" for image in main.locator("img").all()]
    for text in texts:
        match = _SECRET.search(text)
        if match:
            return re.sub(r"[ -]", "", match.group(1))
    raise AssertionError(f"No authenticator secret shown on {page.url}")


def totp_counter() -> int:
    from allauth.mfa import app_settings

    return int(time.time()) // app_settings.TOTP_PERIOD


def totp_code(secret: str, *, after: int | None = None) -> tuple[str, int]:
    """The current code and its time step, waiting for a later step than ``after`` if given.

    Also waits when fewer than 3 seconds of the step remain, so the code does not expire
    between typing and checking.
    """
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    while True:
        now = time.time()
        counter = int(now) // period
        remaining = period - (now % period)
        if (after is None or counter > after) and remaining >= 3:
            return format_hotp_value(hotp_value(secret, counter)), counter
        time.sleep(remaining + 0.05)
