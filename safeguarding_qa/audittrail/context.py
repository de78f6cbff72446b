"""Request metadata (request id, client address) for events recorded during a request.

Services take the acting person explicitly; only this metadata travels implicitly, set by
the middleware, so events recorded outside a request (commands, tasks) simply lack it.
"""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar
from dataclasses import dataclass

from django.utils.ipv6 import clean_ipv6_address


@dataclass(frozen=True)
class RequestMetadata:
    request_id: str = ""
    ip_address: str | None = None


current_request: ContextVar[RequestMetadata] = ContextVar(
    "audit_request_metadata",
    default=RequestMetadata(),  # noqa: B039  (frozen dataclass)
)


def normalise_ip(value: str | None) -> str | None:
    """The address as the database stores it, or None when it is not an IP address.

    The hash covers the address, so it must be in the form the database gives back:
    Django writes IPv6 addresses compressed (and PostgreSQL's inet would too), and an
    invalid value would make PostgreSQL refuse the whole event.
    """
    if not value:
        return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        return None
    return clean_ipv6_address(str(address)) if address.version == 6 else str(address)
