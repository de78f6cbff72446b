"""Values every page needs: the service name, the phase, the navigation."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from . import navigation


def service(request: HttpRequest) -> dict[str, object]:
    return {
        "service_name": settings.SERVICE_NAME,
        "phase": settings.PHASE,
        "navigation": navigation.entries_for(request),
    }
