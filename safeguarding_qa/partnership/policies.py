"""Who may see and change organisations, groups, memberships and the partnership."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import Group, Membership, MembershipReview, Organisation, Partnership


class OrganisationPolicy(Policy[Organisation]):
    model = Organisation
    actions = {
        "view": "Everyone signed in sees the partnership's organisations.",
        "manage": "Partnership administrators add, change and deactivate organisations.",
    }

    def scope(self, access: Access) -> QuerySet[Organisation]:
        if access.can(Capability.ORGANISATIONS_VIEW):
            return Organisation.objects.all()
        return Organisation.objects.none()

    def allows(self, access: Access, action: str, obj: Organisation | None) -> bool:
        if action == "view":
            return access.can(Capability.ORGANISATIONS_VIEW)
        return access.can(Capability.ORGANISATIONS_MANAGE)


class GroupPolicy(Policy[Group]):
    model = Group
    actions = {
        "view": "Everyone signed in sees groups and their membership history.",
        "manage": "Partnership administrators add groups and change their membership.",
    }

    def scope(self, access: Access) -> QuerySet[Group]:
        if access.can(Capability.GROUPS_VIEW):
            return Group.objects.all()
        return Group.objects.none()

    def allows(self, access: Access, action: str, obj: Group | None) -> bool:
        if action == "view":
            return access.can(Capability.GROUPS_VIEW)
        return access.can(Capability.GROUPS_MANAGE)


class MembershipPolicy(Policy[Membership]):
    model = Membership
    actions = {
        "manage": "Partnership administrators change and end memberships.",
    }

    def scope(self, access: Access) -> QuerySet[Membership]:
        if access.can(Capability.GROUPS_VIEW):
            return Membership.objects.select_related("group", "person")
        return Membership.objects.none()

    def allows(self, access: Access, action: str, obj: Membership | None) -> bool:
        return access.can(Capability.GROUPS_MANAGE)


class PartnershipPolicy(Policy[Partnership]):
    model = Partnership
    actions = {"manage": "Partnership administrators change the partnership's details."}

    def scope(self, access: Access) -> QuerySet[Partnership]:
        if access.can(Capability.PARTNERSHIP_MANAGE):
            return Partnership.objects.all()
        return Partnership.objects.none()

    def allows(self, access: Access, action: str, obj: Partnership | None) -> bool:
        return access.can(Capability.PARTNERSHIP_MANAGE)


class MembershipReviewPolicy(Policy[MembershipReview]):
    model = MembershipReview
    actions = {
        "view": "Everyone signed in sees groups' membership reviews.",
        "manage": "Partnership administrators record membership reviews.",
    }

    def scope(self, access: Access) -> QuerySet[MembershipReview]:
        if access.can(Capability.GROUPS_VIEW):
            return MembershipReview.objects.select_related("group")
        return MembershipReview.objects.none()

    def allows(self, access: Access, action: str, obj: MembershipReview | None) -> bool:
        if action == "view":
            return access.can(Capability.GROUPS_VIEW)
        return access.can(Capability.GROUPS_MANAGE)


organisations = register(OrganisationPolicy())
groups = register(GroupPolicy())
memberships = register(MembershipPolicy())
partnership = register(PartnershipPolicy())
membership_reviews = register(MembershipReviewPolicy())
