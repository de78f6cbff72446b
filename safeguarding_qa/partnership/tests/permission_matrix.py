"""Permission-matrix rows for the partnership: organisations, groups, memberships, details.

Everyone signed in reads organisations and groups; only partnership administrators (admin,
admin_icb) open the forms and change anything. Organisations and groups are partnership-wide
records, so the policy does not tell own organisation from another; rows for both are kept
so that a future change of policy shows up here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.partnership.choices import (
    GroupKind,
    GroupRole,
    MeetingFrequency,
    ReviewOutcome,
    Sector,
)
from safeguarding_qa.partnership.models import Group, Membership, Organisation

UNKNOWN = 999_999
ADMINS_ONLY = {"admin": 200, "admin_icb": 200}
ADMINS_WRITE = {"admin": 302, "admin_icb": 302}


def build(world: World) -> None:
    """A group with an open and an ended membership, and an inactive organisation."""
    group = Group.objects.create(
        name="Matrix Review Group",
        kind=GroupKind.PRACTICE_REVIEW_GROUP,
        meeting_frequency=MeetingFrequency.AS_REQUIRED,
    )
    other_group = Group.objects.create(name="Matrix Other Group", kind=GroupKind.OTHER)
    world.objects["group"] = group
    world.objects["other_group"] = other_group
    world.objects["membership"] = Membership.objects.create(
        group=group, person=world.personas["lead_police"], started_on=date(2024, 4, 1)
    )
    world.objects["ended_membership"] = Membership.objects.create(
        group=group,
        person=world.personas["lead_hospital"],
        started_on=date(2023, 4, 1),
        ended_on=date(2024, 3, 31),
        end_reason="Moved to another post.",
    )
    world.objects["inactive_organisation"] = Organisation.objects.create(
        name="Matrix Closed Agency", sector=Sector.VOLUNTARY, is_active=False
    )


def _organisation(key: str) -> Any:
    return lambda w: {"pk": w.organisations[key].pk}


def _object(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _membership(key: str, group_key: str = "group") -> Any:
    return lambda w: {"group_pk": w.objects[group_key].pk, "pk": w.objects[key].pk}


def _organisation_data(w: World) -> dict[str, Any]:
    return {"name": "Matrix New Agency", "sector": Sector.HOUSING, "short_name": "MNA"}


def _group_data(w: World) -> dict[str, Any]:
    return {
        "name": "Matrix New Group",
        "kind": GroupKind.OTHER,
        "meeting_frequency": MeetingFrequency.QUARTERLY,
        "is_active": "on",
    }


def _membership_add_data(w: World) -> dict[str, Any]:
    return {
        "person": w.personas["viewer"].pk,
        "role": GroupRole.MEMBER,
        "started_on_day": "1",
        "started_on_month": "5",
        "started_on_year": "2025",
    }


def _membership_end_data(w: World) -> dict[str, Any]:
    return {
        "ended_on_day": "30",
        "ended_on_month": "4",
        "ended_on_year": "2025",
        "reason": "Replaced at the membership review.",
    }


def _partnership_data(w: World) -> dict[str, Any]:
    return {"name": "Matrix Partnership", "live_concern_contacts": "mash@example.org"}


_ORGANISATION_ROUTES = [
    RouteCheck("partnership:organisation-list", expect(200)),
    RouteCheck(
        "partnership:organisation-detail",
        expect(200),
        kwargs=_organisation("council"),
        label="council",
    ),
    RouteCheck(
        "partnership:organisation-detail",
        expect(200),
        kwargs=_organisation("police"),
        label="police",
    ),
    RouteCheck(
        "partnership:organisation-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("partnership:organisation-create", expect(403, **ADMINS_ONLY)),
    RouteCheck(
        "partnership:organisation-create",
        expect(403, **ADMINS_WRITE),
        method="POST",
        data=_organisation_data,
    ),
    RouteCheck(
        "partnership:organisation-edit",
        expect(403, **ADMINS_ONLY),
        kwargs=_organisation("police"),
    ),
    RouteCheck(
        "partnership:organisation-edit",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_organisation("police"),
        data=lambda w: {"name": "Fellshire Police", "sector": Sector.POLICE},
    ),
    RouteCheck(
        "partnership:organisation-edit",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "partnership:organisation-deactivate",
        expect(403, **ADMINS_ONLY),
        kwargs=_organisation("housing"),
    ),
    RouteCheck(
        "partnership:organisation-deactivate",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_organisation("housing"),
    ),
    RouteCheck(
        "partnership:organisation-deactivate",
        expect(404),
        method="POST",
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "partnership:organisation-reactivate",
        expect(403, **ADMINS_ONLY),
        kwargs=_object("inactive_organisation"),
    ),
    RouteCheck(
        "partnership:organisation-reactivate",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("inactive_organisation"),
    ),
    RouteCheck(
        "partnership:organisation-reactivate",
        expect(403, **ADMINS_WRITE),
        kwargs=_organisation("housing"),
        label="already active",
    ),
]

_GROUP_ROUTES = [
    RouteCheck("partnership:group-list", expect(200)),
    RouteCheck("partnership:group-detail", expect(200), kwargs=_object("group")),
    RouteCheck(
        "partnership:group-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("partnership:group-history", expect(200), kwargs=_object("group")),
    RouteCheck(
        "partnership:group-history",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("partnership:group-create", expect(403, **ADMINS_ONLY)),
    RouteCheck(
        "partnership:group-create",
        expect(403, **ADMINS_WRITE),
        method="POST",
        data=_group_data,
    ),
    RouteCheck("partnership:group-edit", expect(403, **ADMINS_ONLY), kwargs=_object("group")),
    RouteCheck(
        "partnership:group-edit",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("group"),
        data=_group_data,
    ),
    RouteCheck(
        "partnership:group-edit",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
]

_MEMBERSHIP_ROUTES = [
    RouteCheck("partnership:membership-add", expect(403, **ADMINS_ONLY), kwargs=_object("group")),
    RouteCheck(
        "partnership:membership-add",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("group"),
        data=_membership_add_data,
    ),
    RouteCheck(
        "partnership:membership-add",
        expect(404),
        method="POST",
        kwargs=lambda w: {"pk": UNKNOWN},
        data=_membership_add_data,
        label="unknown",
    ),
    RouteCheck(
        "partnership:membership-change-role",
        expect(403, **ADMINS_ONLY),
        kwargs=_membership("membership"),
    ),
    RouteCheck(
        "partnership:membership-change-role",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_membership("membership"),
        data=lambda w: {"role": GroupRole.VICE_CHAIR},
    ),
    RouteCheck(
        "partnership:membership-change-role",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_membership("ended_membership"),
        data=lambda w: {"role": GroupRole.VICE_CHAIR},
        label="ended",
    ),
    RouteCheck(
        "partnership:membership-change-role",
        expect(404),
        kwargs=_membership("membership", group_key="other_group"),
        label="another group",
    ),
    RouteCheck(
        "partnership:membership-end",
        expect(403, **ADMINS_ONLY),
        kwargs=_membership("membership"),
    ),
    RouteCheck(
        "partnership:membership-end",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_membership("membership"),
        data=_membership_end_data,
    ),
    RouteCheck(
        "partnership:membership-end",
        expect(404),
        method="POST",
        kwargs=lambda w: {"group_pk": w.objects["group"].pk, "pk": UNKNOWN},
        data=_membership_end_data,
        label="unknown",
    ),
]

_REVIEW_ROUTES = [
    RouteCheck("partnership:membership-review-list", expect(200), kwargs=_object("group")),
    RouteCheck(
        "partnership:membership-review-list",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "partnership:membership-review-add", expect(403, **ADMINS_ONLY), kwargs=_object("group")
    ),
    RouteCheck(
        "partnership:membership-review-add",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("group"),
        data=lambda w: {
            "reviewed_on_day": "14",
            "reviewed_on_month": "3",
            "reviewed_on_year": "2025",
            "outcome": ReviewOutcome.UNCHANGED,
        },
    ),
    RouteCheck(
        "partnership:membership-review-add",
        expect(403, **ADMINS_ONLY),
        method="POST",
        kwargs=_object("group"),
        data=lambda w: {"outcome": ReviewOutcome.CHANGED},
        label="invalid",
    ),
    RouteCheck(
        "partnership:membership-review-add",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
]

_DETAILS_ROUTES = [
    RouteCheck("partnership:partnership-edit", expect(403, **ADMINS_ONLY)),
    RouteCheck(
        "partnership:partnership-edit",
        expect(403, **ADMINS_WRITE),
        method="POST",
        data=_partnership_data,
    ),
]

ROUTES = [
    *_ORGANISATION_ROUTES,
    *_GROUP_ROUTES,
    *_MEMBERSHIP_ROUTES,
    *_REVIEW_ROUTES,
    *_DETAILS_ROUTES,
]
