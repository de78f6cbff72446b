"""View mixins: views ask the policy, never the role."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import HttpRequest, HttpResponse

from .context import Access
from .policy import Policy
from .roles import Capability


def access_of(request: HttpRequest) -> Access:
    return request.access  # type: ignore[attr-defined]


class CapabilityRequiredMixin:
    """Refuses (403) people whose role lacks ``capability``."""

    capability: ClassVar[Capability]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access_of(request).require(self.capability)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class PolicyObjectMixin:
    """Fetches ``self.object`` through ``policy`` with ``action``: 404 outside scope."""

    policy: ClassVar[Policy[Any]]
    action: ClassVar[str]
    lookup_kwarg: ClassVar[str] = "pk"
    lookup_field: ClassVar[str] = "pk"

    def get_object(self, queryset: Any = None) -> Any:
        request: HttpRequest = self.request  # type: ignore[attr-defined]
        value = self.kwargs[self.lookup_kwarg]  # type: ignore[attr-defined]
        return self.policy.get_or_404(access_of(request), self.action, **{self.lookup_field: value})
