"""What needs a person on their home page, from accounts: MFA set-up and expiring invitations."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe

from .selectors import invitations_expiring_soon, person_has_authenticator_app

EXPIRY_WARNING = timedelta(days=2)


def accounts_needs_me(request: HttpRequest) -> list[NeedsMe]:
    """Two queries at most, however many invitations there are (at most ten are listed)."""
    access = access_of(request)
    if not access.is_authenticated:
        return []
    items = []
    if not person_has_authenticator_app(person=access.user):
        items.append(
            NeedsMe(
                title="Set up two-factor authentication",
                url=reverse("mfa_activate_totp"),
                detail="Protect your account with a code from an authenticator app",
                tag="To do",
                tag_class="govuk-tag--red",
            )
        )
    for invitation in invitations_expiring_soon(access=access, within=EXPIRY_WARNING):
        items.append(
            NeedsMe(
                title=f"Invitation for {invitation.full_name} expires soon",
                url=reverse("accounts:invitation-list") + "?status=pending",
                detail=(
                    f"Not accepted yet by {invitation.email}. The link stops working at "
                    f"{timezone.localtime(invitation.expires_at):%H:%M}"
                ),
                due=timezone.localtime(invitation.expires_at).date(),
                tag="Expiring",
                tag_class="govuk-tag--orange",
            )
        )
    return items
