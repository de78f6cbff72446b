"""Test helpers for accounts: people, invitations and authenticator apps made directly."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import Invitation, User
from safeguarding_qa.accounts.services.invitations import invitation_create


def make_person(organisation: Any, email: str, **fields: Any) -> User:
    fields.setdefault("full_name", email.split("@")[0].replace(".", " ").title())
    fields.setdefault("role", Role.AGENCY_AUDITOR)
    return User.objects.create_user(
        email, "Unusual-test-pass-2026", organisation=organisation, **fields
    )


def make_invitation(
    admin: User, organisation: Any, email: str, **fields: Any
) -> tuple[Invitation, str]:
    """A pending invitation sent by ``admin``, with its raw token."""
    tokens: list[str] = []

    def accept_url_for(token: str) -> str:
        tokens.append(token)
        return f"https://qa.example/accounts/invitation/{token}/"

    invitation = invitation_create(
        access=Access.for_user(admin),
        email=email,
        full_name=fields.get("full_name", "Invited Person"),
        job_title=fields.get("job_title", ""),
        organisation=organisation,
        role=fields.get("role", Role.AGENCY_AUDITOR),
        accept_url_for=accept_url_for,
    )
    return invitation, tokens[0]


def expire(invitation: Invitation) -> Invitation:
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    invitation.refresh_from_db()
    return invitation


def give_authenticator_app(person: User, *, recovery_codes: bool = True) -> str:
    """Set up an authenticator app (and recovery codes) for ``person``; returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    if recovery_codes:
        RecoveryCodes.activate(person)
    return secret


def current_code(secret: str) -> str:
    """The code an authenticator app would show now."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
