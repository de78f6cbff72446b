"""Roles as code: what each role may do, and how far across the partnership it sees.

This module is the single source of truth for authorisation. Policies combine a role's
capabilities with relationships (organisation, assignment, group membership) to decide
about individual objects. ``docs/permissions-matrix.md`` is generated from here.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    PARTNERSHIP_ADMIN = "partnership_admin", "Partnership administrator"
    CHAIR = "chair", "Chair / QA lead"
    AGENCY_LEAD = "agency_lead", "Agency lead"
    AGENCY_AUDITOR = "agency_auditor", "Agency auditor"
    SCRUTINEER = "scrutineer", "Independent scrutineer / lay member"
    VIEWER = "viewer", "Viewer"


class Reach(StrEnum):
    """How far a role's sight extends over organisation-owned records."""

    PARTNERSHIP = "partnership"  # every organisation's records
    ORGANISATION = "organisation"  # only the person's own organisation's records
    ASSIGNED = "assigned"  # only what has been assigned to the person


class Capability(StrEnum):
    """Things a role may do at all; policies then decide about each object."""

    PEOPLE_VIEW = "people.view"
    PEOPLE_MANAGE = "people.manage"
    ORGANISATIONS_VIEW = "organisations.view"
    ORGANISATIONS_MANAGE = "organisations.manage"
    GROUPS_VIEW = "groups.view"
    GROUPS_MANAGE = "groups.manage"
    PARTNERSHIP_MANAGE = "partnership.manage"
    AUDIT_TRAIL_VIEW = "audit_trail.view"


CAPABILITY_DESCRIPTIONS: dict[Capability, str] = {
    Capability.PEOPLE_VIEW: "See people (partnership-wide or in their own organisation)",
    Capability.PEOPLE_MANAGE: "Invite, change and deactivate people",
    Capability.ORGANISATIONS_VIEW: "See the partnership's organisations",
    Capability.ORGANISATIONS_MANAGE: "Add, change and deactivate organisations",
    Capability.GROUPS_VIEW: "See groups and their membership history",
    Capability.GROUPS_MANAGE: "Add groups, memberships and membership changes",
    Capability.PARTNERSHIP_MANAGE: "Change the partnership's details",
    Capability.AUDIT_TRAIL_VIEW: "Read and export the audit trail",
}

_EVERYONE = frozenset({Capability.ORGANISATIONS_VIEW, Capability.GROUPS_VIEW})

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.PARTNERSHIP_ADMIN: frozenset(Capability),
    Role.CHAIR: _EVERYONE | {Capability.PEOPLE_VIEW},
    Role.AGENCY_LEAD: _EVERYONE | {Capability.PEOPLE_VIEW},
    Role.AGENCY_AUDITOR: _EVERYONE,
    Role.SCRUTINEER: _EVERYONE | {Capability.PEOPLE_VIEW},
    Role.VIEWER: _EVERYONE,
}

ROLE_REACH: dict[Role, Reach] = {
    Role.PARTNERSHIP_ADMIN: Reach.PARTNERSHIP,
    Role.CHAIR: Reach.PARTNERSHIP,
    Role.AGENCY_LEAD: Reach.ORGANISATION,
    Role.AGENCY_AUDITOR: Reach.ASSIGNED,
    Role.SCRUTINEER: Reach.PARTNERSHIP,
    Role.VIEWER: Reach.PARTNERSHIP,
}

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.PARTNERSHIP_ADMIN: (
        "Business unit officer: sets up people, programme, audits and indicators; sees "
        "everything except revealed case identifiers (reveals are logged)."
    ),
    Role.CHAIR: "Chair of the QA subgroup: sees everything; agrees grades and signs off.",
    Role.AGENCY_LEAD: (
        "An agency's member of the subgroup: partnership-wide outcomes, and their own "
        "agency's returns, actions and data."
    ),
    Role.AGENCY_AUDITOR: "Completes their agency's returns on the cases assigned to them.",
    Role.SCRUTINEER: "Independent member: reads and challenges; never case identifiers.",
    Role.VIEWER: "Steering group member or manager: reads published reports and dashboards.",
}


def capabilities_of(role: str | None) -> frozenset[Capability]:
    if role is None:
        return frozenset()
    return ROLE_CAPABILITIES.get(Role(role), frozenset())


def reach_of(role: str | None) -> Reach | None:
    return None if role is None else ROLE_REACH[Role(role)]
