"""The only resources WeasyPrint may fetch: the project's static files and ``data:`` URIs.

WeasyPrint would otherwise follow any URL in the HTML (``file:``, ``http:``...), so text
typed by a user could make the server read local files or call other machines.

This module imports WeasyPrint, so only ``pdf.html_to_pdf`` imports it, when a PDF is
made: Django's start-up must not load WeasyPrint.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that cannot be reached: relative and root-relative links resolve against it
# and are then answered by ``SafeURLFetcher`` alone.
BASE_URL = "https://reports.safeguarding-qa.invalid/"
_ORIGIN = urlsplit(BASE_URL).netloc


class RefusedResource(ValueError):
    """A resource outside the project's static files and data URIs."""


class SafeURLFetcher(URLFetcher):
    """Serves ``data:`` URIs and the project's static files; refuses everything else."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        relative = _static_path(url)
        found = finders.find(str(relative))
        if not found or isinstance(found, list):
            raise RefusedResource(f"No static file {relative}.")
        mime_type, _ = mimetypes.guess_type(str(relative))
        with open(found, "rb") as handle:
            body = handle.read()
        content_type = mime_type or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def _static_path(url: str) -> PurePosixPath:
    """The static file a URL names, or ``RefusedResource`` for anything else."""
    parts = urlsplit(url)
    static_prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
    path = unquote(parts.path)
    if parts.scheme != "https" or parts.netloc != _ORIGIN or not path.startswith(static_prefix):
        raise RefusedResource(f"Reports may not fetch {url!r}.")
    relative = PurePosixPath(path.removeprefix(static_prefix))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise RefusedResource(f"Reports may not fetch {url!r}.")
    return relative
