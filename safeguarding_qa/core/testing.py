"""Test helpers shared by every app: page-quality checks run on every HTML page rendered."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

import html5lib
from django.test import Client
from django.test.client import RequestFactory  # noqa: F401  (re-exported for tests)

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_ID = re.compile(r"\sid=\"([^\"]+)\"")
_TAGS = re.compile(r"<[^>]+>")


class PageQualityError(AssertionError):
    pass


def _text(fragment: str) -> str:
    return " ".join(_TAGS.sub(" ", fragment).split())


def check_page_quality(html: str) -> None:
    """Valid HTML5, exactly one <h1>, the <title> starts with it, unique ids, forms act."""
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        raise PageQualityError(f"HTML does not parse: {error}") from error
    headings = _H1.findall(html)
    if len(headings) != 1:
        raise PageQualityError(f"Expected exactly one <h1>, found {len(headings)}.")
    title = _TITLE.search(html)
    heading = _text(headings[0])
    title_text = _text(title.group(1)) if title else ""
    if not title_text.removeprefix("Error: ").startswith(heading):
        raise PageQualityError(f"<title> {title_text!r} does not start with <h1> {heading!r}.")
    duplicates = [value for value, count in Counter(_ID.findall(html)).items() if count > 1]
    if duplicates:
        raise PageQualityError(f"Duplicate ids: {duplicates}")
    if "govuk-template" not in html:
        raise PageQualityError("The page does not use the GOV.UK template.")
    for form in re.findall(r"<form\b[^>]*>", html):
        if "action=" not in form and 'method="post"' in form.lower():
            raise PageQualityError(f"A POST form has no action: {form}")


class PageCheckingClient(Client):
    """A test client that checks the quality of every successful HTML page it receives."""

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        content_type = response.get("Content-Type", "")
        streaming = getattr(response, "streaming", False)
        if (
            response.status_code in (200, 403, 404)
            and "text/html" in content_type
            and not streaming
        ):
            check_page_quality(response.content.decode())
        return response


def sign_in_recently(client: Client, person: Any) -> Client:
    """Sign ``client`` in as ``person`` as if they had just typed their password, so
    re-authentication prompts (allauth's session records) do not hide the real answer."""
    client.force_login(person)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": person.email, "reauthenticated": True}
    ]
    session["account_authentication_methods_user"] = str(person.pk)
    session.save()
    return client
