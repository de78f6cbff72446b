"""Inviting people: a single-use link that expires; only the token's hash is stored."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import Role
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation

from .. import events
from ..models import Invitation, User
from ..policies import invitations as invitation_policy


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_invitable(email: str, organisation: Organisation) -> None:
    errors = {}
    if User.objects.filter(email__iexact=email).exists():
        errors["email"] = "Someone with this e-mail address already has an account."
    if not organisation.is_active:
        errors["organisation"] = "Choose an organisation that is still active."
    if errors:
        raise ValidationError(errors)


def _replace_pending(email: str, actor: User | None) -> None:
    """Withdraw earlier pending invitations to the same address: only the newest link works."""
    now = timezone.now()
    pending = Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("organisation")
    for earlier in pending:
        earlier.revoked_at = now
        earlier.save(update_fields=["revoked_at", "updated_at"])
        record_event(
            kind=events.INVITATION_REVOKED,
            actor=actor,
            target=earlier,
            organisation=earlier.organisation,
            data={"reason": "Replaced by a new invitation"},
        )


def _new_invitation(
    *,
    email: str,
    full_name: str,
    job_title: str,
    organisation: Organisation,
    role: str,
    invited_by: User | None,
) -> tuple[Invitation, str]:
    """Validate and save an invitation; returns it with the raw token (never stored)."""
    email = email.strip().lower()
    _check_invitable(email, organisation)
    _replace_pending(email, invited_by)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        email=email,
        full_name=full_name.strip(),
        job_title=job_title.strip(),
        organisation=organisation,
        role=role,
        token_hash=_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    record_event(
        kind=events.INVITATION_SENT,
        actor=invited_by,
        target=invitation,
        organisation=organisation,
        after={
            "email": email,
            "full_name": invitation.full_name,
            "role": role,
            "organisation": str(organisation),
        },
    )
    return invitation, token


@transaction.atomic
def invitation_create(
    *,
    access: Access,
    email: str,
    full_name: str,
    job_title: str,
    organisation: Organisation,
    role: str,
    accept_url_for: Callable[[str], str],
) -> Invitation:
    """Invite a person; the e-mail with the link is sent once the transaction commits.

    ``accept_url_for`` turns the raw token into an absolute URL (the view knows the host).
    An earlier pending invitation to the same address is withdrawn. Raises
    ``ValidationError`` when the address already has an account or the organisation is
    inactive.
    """
    invitation_policy.require(access, "create")
    invitation, token = _new_invitation(
        email=email,
        full_name=full_name,
        job_title=job_title,
        organisation=organisation,
        role=role,
        invited_by=access.user,
    )
    url = accept_url_for(token)
    transaction.on_commit(lambda: _send_invitation(invitation, url))
    return invitation


@transaction.atomic
def invitation_create_first_administrator(
    *, email: str, full_name: str, organisation: Organisation
) -> tuple[Invitation, str]:
    """The first partnership administrator's invitation, made from the command line.

    There is nobody to act as inviter yet, so no policy applies: only someone who can run
    management commands on the server can call this. Returns the invitation and its raw
    token, for the operator to pass on; no e-mail is sent.
    """
    return _new_invitation(
        email=email,
        full_name=full_name,
        job_title="",
        organisation=organisation,
        role=Role.PARTNERSHIP_ADMIN,
        invited_by=None,
    )


def _send_invitation(invitation: Invitation, url: str) -> None:
    context = {"invitation": invitation, "url": url, "days": settings.INVITATION_VALID_DAYS}
    send_mail(
        subject="You have been invited to Safeguarding QA",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


class InvitationUnusable(Exception):
    """The link is unknown, expired, already used or withdrawn; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def invitation_for_token(token: str) -> Invitation:
    """The pending invitation for a link, or ``InvitationUnusable`` saying why not."""
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=_hash(token))
        .first()
    )
    if invitation is None:
        raise InvitationUnusable("unknown")
    if invitation.status != "pending":
        raise InvitationUnusable(invitation.status)
    return invitation


@transaction.atomic
def invitation_refusal_record(*, token: str, reason: str) -> None:
    """Record that an unusable link was tried (expired or reused links matter to security)."""
    invitation = Invitation.objects.filter(token_hash=_hash(token)).first()
    record_event(
        kind=events.INVITATION_REFUSED,
        target=invitation,
        organisation=invitation.organisation if invitation else None,
        description=str(invitation) if invitation else "Unknown invitation link",
        data={"reason": reason},
    )


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Create the invited person's account with their chosen password; the link is spent.

    Raises ``InvitationUnusable`` when the link no longer works and ``ValidationError``
    when the password breaks the password rules.
    """
    invitation = invitation_for_token(token)
    # Lock the row so two simultaneous acceptances cannot both succeed.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != "pending":
        raise InvitationUnusable(invitation.status)
    user = User(
        email=invitation.email,
        full_name=invitation.full_name,
        job_title=invitation.job_title,
        organisation=invitation.organisation,
        role=invitation.role,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    # Following the link proves the address is theirs: record it as verified for allauth.
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    record_event(
        kind=events.INVITATION_ACCEPTED,
        actor=user,
        target=invitation,
        organisation=invitation.organisation,
    )
    return user


@transaction.atomic
def invitation_revoke(*, access: Access, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation; its link stops working at once."""
    invitation_policy.require(access, "revoke", invitation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    record_event(
        kind=events.INVITATION_REVOKED,
        actor=access.user,
        target=invitation,
        organisation=invitation.organisation,
    )
    return invitation
