"""allauth adapter: no open sign-up (people join by invitation); lockouts say when to retry."""

from __future__ import annotations

import math
import time
from datetime import datetime
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context as allauth_context
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from safeguarding_qa.audittrail.services.recording import record_event

from . import events
from .models import User

_LOGIN_FAILED = {"app": "allauth.account", "action": "login_failed"}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "The e-mail address or password is not correct.",
        "account_inactive": (
            "Your account has been deactivated. Ask your partnership administrator if you "
            "still need access."
        ),
        "too_many_login_attempts": (
            "You have tried to sign in too many times. You can try again in 15 minutes."
        ),
        "incorrect_password": "The password is not correct.",
        "enter_current_password": "Enter your current password.",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def format_email_subject(self, subject: str) -> str:
        # The subjects already name the service; allauth would prefix the host name.
        return str(subject).strip()

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Someone who signed in within the re-authentication window is not asked again.

        allauth counts only explicit re-authentications as recent, so a person who has just
        typed their password (for example, straight after accepting an invitation) would be
        asked for it again before setting up two-factor authentication.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = allauth_context.request
        if request is None or not request.user.is_authenticated:
            return True
        window = account_settings.REAUTHENTICATION_TIMEOUT
        records = get_authentication_records(request, request.user)
        return not any(time.time() - record.get("at", 0) < window for record in records)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Refuse a locked-out sign-in, telling the person the time they can try again."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            retry_at = login_retry_time(
                request, self._get_login_attempts_cache_key(request, **credentials)
            )
            _record_lockout(credentials, retry_at)
            raise ValidationError(
                "You have tried to sign in too many times. "
                f"You can try again after {_clock(retry_at)}.",
                code="too_many_login_attempts",
            ) from None


def login_retry_time(request: HttpRequest, key: str) -> datetime:
    """When the failed sign-in limits that are full will next let an attempt through.

    allauth keeps, per limit, the times of recent failures (newest first) in the cache; a
    limit of N per period lets a new attempt through once its N-th newest failure is older
    than the period.
    """
    now = time.time()
    retry = now
    for rate in ratelimit.get_rates(**_LOGIN_FAILED):
        cache_key = ratelimit.get_cache_key(request, rate=rate, key=key, **_LOGIN_FAILED)
        history = [at for at in cache.get(cache_key, []) if at > now - rate.duration]
        if len(history) >= rate.amount:
            retry = max(retry, history[rate.amount - 1] + rate.duration)
    return datetime.fromtimestamp(retry, tz=timezone.get_current_timezone())


def _clock(moment: datetime) -> str:
    """The next whole minute, so "after 14:35" is true whatever the seconds were."""
    rounded = datetime.fromtimestamp(
        math.ceil(moment.timestamp() / 60) * 60, tz=timezone.get_current_timezone()
    )
    if rounded.date() == timezone.localdate():
        return rounded.strftime("%H:%M")
    return f"{rounded.strftime('%H:%M')} on {rounded.day} {rounded.strftime('%B %Y')}"


def _record_lockout(credentials: dict[str, Any], retry_at: datetime) -> None:
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    person = User.objects.filter(email__iexact=email).select_related("organisation").first()
    record_event(
        kind=events.SIGN_IN_LOCKED_OUT,
        target=person,
        organisation=person.organisation if person else None,
        description=str(person) if person else f"Unknown e-mail address {email}",
        data={"email": email, "retry_after": retry_at.isoformat()},
    )
