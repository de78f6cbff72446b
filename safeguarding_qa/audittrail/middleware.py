"""Gives each request an id and records its client address for audit events."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .context import RequestMetadata, current_request, normalise_ip

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# "[2001:db8::1]:443" -> "2001:db8::1"
_PORT_V6 = re.compile(r"^\[([0-9A-Fa-f:.]+)\](?::\d+)?$")


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address a trusted proxy reports (``TRUSTED_PROXY_COUNT``).

    Each proxy appends the address it was reached from to X-Forwarded-For, so with N
    trusted proxies the client is the N-th entry from the end; anything before it was
    written by the client and could be forged. Without trusted proxies the header is
    ignored altogether.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return _address(hops[-proxies])
    return _address(request.META.get("REMOTE_ADDR", ""))


def _address(value: str) -> str | None:
    """A valid IP address from a header value, without any port some proxies add."""
    if _PORT_V6.match(value):
        value = _PORT_V6.sub(r"\1", value)
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    return normalise_ip(value)


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request.set(RequestMetadata(request_id, client_ip(request)))
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response["X-Request-ID"] = request_id
        return response
