"""Reads for people, invitations and sign-in security, always through the policies."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership.models import Membership, Organisation

from .models import Invitation, User
from .policies import invitations as invitation_policy
from .policies import people as person_policy

PERSON_STATUSES = {"active": "Active", "deactivated": "Deactivated", "all": "All"}
INVITATION_STATUSES = {
    "pending": "Pending",
    "accepted": "Accepted",
    "expired": "Expired",
    "revoked": "Withdrawn",
}


def person_list(
    *,
    access: Access,
    organisation_id: int | None = None,
    role: str = "",
    status: str = "active",
    search: str = "",
) -> QuerySet[User]:
    """The people this person may see, filtered; organisation comes with each (one query)."""
    people = person_policy.scope(access)
    if organisation_id:
        people = people.filter(organisation_id=organisation_id)
    if role:
        people = people.filter(role=role)
    if status == "active":
        people = people.filter(is_active=True)
    elif status == "deactivated":
        people = people.filter(is_active=False)
    for word in search.split():
        people = people.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    return people.order_by("full_name", "pk")


def person_filter_organisations(*, access: Access) -> QuerySet[Organisation]:
    """Organisations to filter people by: only those whose people this person may see."""
    visible = person_policy.scope(access).values("organisation_id")
    return Organisation.objects.filter(pk__in=visible).order_by("name")


def person_current_memberships(*, person: User) -> list[Membership]:
    """The person's group memberships that are current today, with their groups."""
    return list(
        Membership.objects.current()
        .filter(person=person)
        .select_related("group")
        .order_by("group__name")
    )


def _invitation_status_filter(status: str) -> Q:
    now = timezone.now()
    pending = Q(accepted_at__isnull=True, revoked_at__isnull=True)
    return {
        "pending": pending & Q(expires_at__gt=now),
        "accepted": Q(accepted_at__isnull=False),
        "revoked": Q(accepted_at__isnull=True, revoked_at__isnull=False),
        "expired": pending & Q(expires_at__lte=now),
    }.get(status, Q())


def invitation_list(*, access: Access, status: str = "") -> QuerySet[Invitation]:
    """Invitations this person may manage, newest first, optionally by status."""
    invitations = invitation_policy.scope(access).select_related(
        "organisation", "invited_by", "accepted_by"
    )
    return invitations.filter(_invitation_status_filter(status)).order_by("-created_at", "-pk")


def invitations_expiring_soon(*, access: Access, within: timedelta) -> list[Invitation]:
    """Pending invitations whose links stop working within ``within``, soonest first."""
    if not invitation_policy.can(access, "view"):
        return []
    deadline = timezone.now() + within
    return list(
        invitation_list(access=access, status="pending")
        .filter(expires_at__lte=deadline)
        .order_by("expires_at")[:10]
    )


def person_has_authenticator_app(*, person: User) -> bool:
    """Whether the person has set up an authenticator app (TOTP) for two-factor sign-in."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()
