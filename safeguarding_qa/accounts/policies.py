"""Who may see and manage people and invitations."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability, Reach

from .models import Invitation, User


class PersonPolicy(Policy[User]):
    model = User
    actions = {
        "view": (
            "Partnership-wide roles with the people capability see everyone; agency leads "
            "see their own organisation's people."
        ),
        "manage": "Partnership administrators change a person's role, organisation and title.",
        "deactivate": "Partnership administrators deactivate anyone but themselves.",
        "reactivate": "Partnership administrators reactivate a deactivated person.",
    }

    def scope(self, access: Access) -> QuerySet[User]:
        people = User.objects.select_related("organisation")
        if not access.can(Capability.PEOPLE_VIEW):
            return people.none()
        if access.reach == Reach.PARTNERSHIP:
            return people
        if access.organisation_id is None:
            return people.none()
        return people.filter(organisation_id=access.organisation_id)

    def allows(self, access: Access, action: str, obj: User | None) -> bool:
        if action == "view":
            return access.can(Capability.PEOPLE_VIEW)
        if not access.can(Capability.PEOPLE_MANAGE):
            return False
        if obj is None:
            return True
        if action == "deactivate":
            return obj.is_active and obj.pk != access.user_id
        if action == "reactivate":
            return not obj.is_active
        return True


class InvitationPolicy(Policy[Invitation]):
    model = Invitation
    actions = {
        "view": "Partnership administrators see invitations.",
        "create": "Partnership administrators invite people.",
        "revoke": "Partnership administrators withdraw pending invitations.",
    }

    def scope(self, access: Access) -> QuerySet[Invitation]:
        if access.can(Capability.PEOPLE_MANAGE):
            return Invitation.objects.select_related("organisation", "invited_by")
        return Invitation.objects.none()

    def allows(self, access: Access, action: str, obj: Invitation | None) -> bool:
        if not access.can(Capability.PEOPLE_MANAGE):
            return False
        if action == "revoke" and obj is not None:
            return obj.is_usable
        return True


people = register(PersonPolicy())
invitations = register(InvitationPolicy())
