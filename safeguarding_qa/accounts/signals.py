"""Sign-in, sign-out, MFA and password events from Django and allauth, into the audit trail.

Signals are the integration point that Django and allauth offer for their own flows; the
handlers only translate each signal into one typed audit event.
"""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver
from django.utils import timezone

from safeguarding_qa.audittrail.services.recording import record_event

from . import events
from .models import User


@receiver(auth_signals.user_logged_in)
def _signed_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session["signed_in_at"] = timezone.now().timestamp()
    record_event(kind=events.SIGN_IN_SUCCEEDED, actor=user, target=user)


@receiver(auth_signals.user_logged_out)
def _signed_out(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record_event(kind=events.SIGNED_OUT, actor=user, target=user)


@receiver(auth_signals.user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    person = User.objects.filter(email__iexact=email).select_related("organisation").first()
    record_event(
        kind=events.SIGN_IN_FAILED,
        target=person,
        organisation=person.organisation if person else None,
        description=str(person) if person else f"Unknown e-mail address {email}",
        data={"email": email, "stage": "password"},
    )


@receiver(mfa_signals.authentication_failed)
def _mfa_failed(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    record_event(
        kind=events.SIGN_IN_FAILED,
        target=user,
        organisation=user.organisation,
        description=str(user),
        data={"email": user.email, "stage": "two-factor code"},
    )


def _authenticator_event(kind: Any, user: User, authenticator: Any) -> None:
    record_event(kind=kind, actor=user, target=user, data={"method": authenticator.type})


@receiver(mfa_signals.authenticator_added)
def _mfa_added(sender: Any, request: Any, user: User, authenticator: Any, **kw: Any) -> None:
    _authenticator_event(events.MFA_ADDED, user, authenticator)


@receiver(mfa_signals.authenticator_removed)
def _mfa_removed(sender: Any, request: Any, user: User, authenticator: Any, **kw: Any) -> None:
    _authenticator_event(events.MFA_REMOVED, user, authenticator)


@receiver(mfa_signals.authenticator_reset)
def _mfa_reset(sender: Any, request: Any, user: User, authenticator: Any, **kw: Any) -> None:
    _authenticator_event(events.MFA_RESET, user, authenticator)


@receiver(account_signals.password_changed)
def _password_changed(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    record_event(kind=events.PASSWORD_CHANGED, actor=user, target=user)


@receiver(account_signals.password_reset)
def _password_reset(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    record_event(kind=events.PASSWORD_RESET, actor=user, target=user)
