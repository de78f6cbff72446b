"""Request metadata (request id, client address) for events recorded during a request.

Services take the acting person explicitly; only this metadata travels implicitly, set by
the middleware, so events recorded outside a request (commands, tasks) simply lack it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestMetadata:
    request_id: str = ""
    ip_address: str | None = None


current_request: ContextVar[RequestMetadata] = ContextVar(
    "audit_request_metadata",
    default=RequestMetadata(),  # noqa: B039  (frozen dataclass)
)
