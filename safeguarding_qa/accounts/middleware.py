"""Session limits and the MFA requirement, enforced on every request."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.messages.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from safeguarding_qa.audittrail.services.recording import record_event

from . import events


class SessionTimeoutMiddleware:
    """Ends a session SESSION_ABSOLUTE_TIMEOUT seconds after sign-in, however active.

    The idle limit is the session cookie's age, renewed on every request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            signed_in_at = request.session.get("signed_in_at")
            if signed_in_at is None:
                request.session["signed_in_at"] = time.time()
            elif time.time() - float(signed_in_at) > settings.SESSION_ABSOLUTE_TIMEOUT:
                record_event(kind=events.SESSION_EXPIRED, actor=user, target=user)
                logout(request)
                return _signed_out_response(request)
        return self.get_response(request)


def _signed_out_response(request: HttpRequest) -> HttpResponse:
    """To the sign-in page, saying why. The message middleware runs after this one, so the
    message is stored (in a cookie: the session has just been flushed) by hand."""
    storage = default_storage(request)
    hours = settings.SESSION_ABSOLUTE_TIMEOUT // 3600
    storage.add(
        messages.INFO,
        f"For your security you have been signed out, because you signed in more than "
        f"{hours} hours ago. Sign in again to carry on.",
    )
    response = redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
    storage.update(response)
    return response


# Paths a person without MFA may still reach while being asked to set it up.
_MFA_EXEMPT_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/static/",
    "/healthz",
    "/accessibility/",
    "/privacy/",
)


class RequireMFAMiddleware:
    """With REQUIRE_MFA on, a signed-in person must set up an authenticator app first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.REQUIRE_MFA
            and request.user.is_authenticated
            and not request.path.startswith(_MFA_EXEMPT_PREFIXES)
            and not _has_mfa(request)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_mfa(request: HttpRequest) -> bool:
    from allauth.mfa.models import Authenticator

    cached = getattr(request, "_has_mfa", None)
    if cached is None:
        cached = Authenticator.objects.filter(
            user_id=request.user.pk, type=Authenticator.Type.TOTP
        ).exists()
        request._has_mfa = cached  # type: ignore[attr-defined]
    return bool(cached)
