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
    # Case file audits
    AUDITS_VIEW = "audits.view"
    AUDITS_MANAGE = "audits.manage"
    QUESTION_BANK_MANAGE = "question_bank.manage"
    AUDITS_ASSIGN = "audits.assign"
    AUDIT_RETURNS_COMPLETE = "audit_returns.complete"
    AUDITS_PANEL = "audits.panel"
    CASE_IDENTIFIERS_REVEAL = "case_identifiers.reveal"
    LIVE_CONCERNS_RAISE = "live_concerns.raise"
    # The register of recommendations and actions; practice reviews
    REGISTER_VIEW = "register.view"
    REGISTER_MANAGE = "register.manage"
    ACTIONS_UPDATE = "actions.update"
    ACTIONS_SIGN_OFF = "actions.sign_off"
    REVIEWS_VIEW = "reviews.view"
    REVIEWS_MANAGE = "reviews.manage"
    INCIDENTS_VIEW = "incidents.view"
    INCIDENTS_MANAGE = "incidents.manage"
    # The performance dashboard and case-level data
    DASHBOARD_VIEW = "dashboard.view"
    INDICATORS_MANAGE = "indicators.manage"
    INDICATOR_RETURNS_SUBMIT = "indicator_returns.submit"
    INDICATOR_DATA_CONTACTS_MANAGE = "indicator_data_contacts.manage"
    COMMENTARY_WRITE = "commentary.write"
    CHALLENGES_RAISE = "challenges.raise"
    CHALLENGES_RESPOND = "challenges.respond"
    CASEDATA_VIEW = "casedata.view"
    CASEDATA_IMPORT = "casedata.import"
    SAMPLES_DRAW = "samples.draw"
    # The subgroup's year
    PROGRAMME_VIEW = "programme.view"
    PROGRAMME_MANAGE = "programme.manage"
    MEETINGS_VIEW = "meetings.view"
    MEETINGS_MANAGE = "meetings.manage"
    SELF_ASSESSMENT_VIEW = "self_assessment.view"
    SELF_ASSESSMENT_MANAGE = "self_assessment.manage"
    SELF_ASSESSMENT_SUBMIT = "self_assessment.submit"
    SELF_ASSESSMENT_MODERATE = "self_assessment.moderate"
    # Reports and learning
    REPORTS_VIEW = "reports.view"
    REPORTS_GENERATE = "reports.generate"
    BRIEFINGS_MANAGE = "briefings.manage"
    BRIEFINGS_APPROVE = "briefings.approve"
    DISSEMINATION_RECORD = "dissemination.record"


CAPABILITY_DESCRIPTIONS: dict[Capability, str] = {
    Capability.PEOPLE_VIEW: "See people (partnership-wide or in their own organisation)",
    Capability.PEOPLE_MANAGE: "Invite, change and deactivate people",
    Capability.ORGANISATIONS_VIEW: "See the partnership's organisations",
    Capability.ORGANISATIONS_MANAGE: "Add, change and deactivate organisations",
    Capability.GROUPS_VIEW: "See groups and their membership history",
    Capability.GROUPS_MANAGE: "Add groups, memberships and membership changes",
    Capability.PARTNERSHIP_MANAGE: "Change the partnership's details",
    Capability.AUDIT_TRAIL_VIEW: "Read and export the audit trail",
    Capability.AUDITS_VIEW: "See case file audits within their reach",
    Capability.AUDITS_MANAGE: "Set up audits, their aims, cases and scales",
    Capability.QUESTION_BANK_MANAGE: "Change the question bank and grading scales",
    Capability.AUDITS_ASSIGN: "Assign their agency's auditors to audit cases",
    Capability.AUDIT_RETURNS_COMPLETE: "Complete their agency's returns on audit cases",
    Capability.AUDITS_PANEL: "Collate returns and agree panel grades",
    Capability.CASE_IDENTIFIERS_REVEAL: "Reveal a case's protected identifiers (logged)",
    Capability.LIVE_CONCERNS_RAISE: "Raise a live safeguarding concern found in audit",
    Capability.REGISTER_VIEW: "See recommendations and actions within their reach",
    Capability.REGISTER_MANAGE: "Add and change recommendations and actions",
    Capability.ACTIONS_UPDATE: "Record progress and evidence on their agency's actions",
    Capability.ACTIONS_SIGN_OFF: "Sign off actions and mark recommendations embedded",
    Capability.REVIEWS_VIEW: "See the practice reviews register",
    Capability.REVIEWS_MANAGE: "Add and change practice reviews",
    Capability.INCIDENTS_VIEW: "See serious incidents and rapid reviews (group members)",
    Capability.INCIDENTS_MANAGE: "Record serious incidents, notifications and decisions",
    Capability.DASHBOARD_VIEW: "See the performance dashboard",
    Capability.INDICATORS_MANAGE: "Change the indicator catalogue and periods",
    Capability.INDICATOR_RETURNS_SUBMIT: "Submit their agency's indicator values",
    Capability.INDICATOR_DATA_CONTACTS_MANAGE: (
        "Name and remove their agency's data contacts for indicator returns"
    ),
    Capability.COMMENTARY_WRITE: "Write commentary on indicators",
    Capability.CHALLENGES_RAISE: "Raise a challenge on an indicator",
    Capability.CHALLENGES_RESPOND: "Respond to challenges put to their agency",
    Capability.CASEDATA_VIEW: "See imported case-level data summaries",
    Capability.CASEDATA_IMPORT: "Import Annex A and CIN census files",
    Capability.SAMPLES_DRAW: "Define cohorts and draw audit samples",
    Capability.PROGRAMME_VIEW: "See the work programme",
    Capability.PROGRAMME_MANAGE: "Plan and change the work programme",
    Capability.MEETINGS_VIEW: "See meetings, agendas and minutes",
    Capability.MEETINGS_MANAGE: "Arrange meetings, record attendance, minutes and decisions",
    Capability.SELF_ASSESSMENT_VIEW: "See self-assessment rounds within their reach",
    Capability.SELF_ASSESSMENT_MANAGE: "Set up self-assessment frameworks and rounds",
    Capability.SELF_ASSESSMENT_SUBMIT: "Complete their agency's self-assessment",
    Capability.SELF_ASSESSMENT_MODERATE: "Moderate agencies' self-assessments",
    Capability.REPORTS_VIEW: "See and download reports",
    Capability.REPORTS_GENERATE: "Generate audit, dashboard and annual reports",
    Capability.BRIEFINGS_MANAGE: "Draft and edit learning briefings",
    Capability.BRIEFINGS_APPROVE: "Approve and publish learning briefings",
    Capability.DISSEMINATION_RECORD: "Record their agency's dissemination of briefings",
}

_ALL = frozenset(Role)
_OVERSIGHT = frozenset({Role.PARTNERSHIP_ADMIN, Role.CHAIR})
_MEMBERS = _OVERSIGHT | {Role.AGENCY_LEAD, Role.SCRUTINEER}
_LEADS = frozenset({Role.PARTNERSHIP_ADMIN, Role.AGENCY_LEAD})
_ADMIN = frozenset({Role.PARTNERSHIP_ADMIN})

# Who holds each capability: one line per capability, so that a change to one area's
# permissions is one reviewable line.
CAPABILITY_ROLES: dict[Capability, frozenset[Role]] = {
    Capability.PEOPLE_VIEW: _MEMBERS,
    Capability.PEOPLE_MANAGE: _ADMIN,
    Capability.ORGANISATIONS_VIEW: _ALL,
    Capability.ORGANISATIONS_MANAGE: _ADMIN,
    Capability.GROUPS_VIEW: _ALL,
    Capability.GROUPS_MANAGE: _ADMIN,
    Capability.PARTNERSHIP_MANAGE: _ADMIN,
    Capability.AUDIT_TRAIL_VIEW: _ADMIN,
    Capability.AUDITS_VIEW: _ALL - {Role.VIEWER},
    Capability.AUDITS_MANAGE: _ADMIN,
    Capability.QUESTION_BANK_MANAGE: _ADMIN,
    Capability.AUDITS_ASSIGN: _LEADS,
    Capability.AUDIT_RETURNS_COMPLETE: _LEADS | {Role.AGENCY_AUDITOR},
    Capability.AUDITS_PANEL: _OVERSIGHT,
    Capability.CASE_IDENTIFIERS_REVEAL: _LEADS | {Role.AGENCY_AUDITOR},
    Capability.LIVE_CONCERNS_RAISE: _OVERSIGHT | {Role.AGENCY_LEAD, Role.AGENCY_AUDITOR},
    Capability.REGISTER_VIEW: _ALL,
    Capability.REGISTER_MANAGE: _OVERSIGHT,
    Capability.ACTIONS_UPDATE: _LEADS,
    Capability.ACTIONS_SIGN_OFF: _OVERSIGHT,
    Capability.REVIEWS_VIEW: _ALL,
    Capability.REVIEWS_MANAGE: _OVERSIGHT,
    Capability.INCIDENTS_VIEW: _OVERSIGHT | {Role.AGENCY_LEAD},
    Capability.INCIDENTS_MANAGE: _OVERSIGHT,
    Capability.DASHBOARD_VIEW: _ALL,
    Capability.INDICATORS_MANAGE: _ADMIN,
    Capability.INDICATOR_RETURNS_SUBMIT: _LEADS,
    Capability.INDICATOR_DATA_CONTACTS_MANAGE: frozenset({Role.AGENCY_LEAD}),
    Capability.COMMENTARY_WRITE: _OVERSIGHT | {Role.AGENCY_LEAD},
    Capability.CHALLENGES_RAISE: _MEMBERS,
    Capability.CHALLENGES_RESPOND: _LEADS,
    Capability.CASEDATA_VIEW: _OVERSIGHT,
    Capability.CASEDATA_IMPORT: _ADMIN,
    Capability.SAMPLES_DRAW: _ADMIN,
    Capability.PROGRAMME_VIEW: _ALL,
    Capability.PROGRAMME_MANAGE: _OVERSIGHT,
    Capability.MEETINGS_VIEW: _MEMBERS,
    Capability.MEETINGS_MANAGE: _OVERSIGHT,
    Capability.SELF_ASSESSMENT_VIEW: _MEMBERS,
    Capability.SELF_ASSESSMENT_MANAGE: _ADMIN,
    Capability.SELF_ASSESSMENT_SUBMIT: _LEADS,
    Capability.SELF_ASSESSMENT_MODERATE: _OVERSIGHT,
    Capability.REPORTS_VIEW: _ALL,
    Capability.REPORTS_GENERATE: _OVERSIGHT,
    Capability.BRIEFINGS_MANAGE: _OVERSIGHT,
    Capability.BRIEFINGS_APPROVE: frozenset({Role.CHAIR}),
    Capability.DISSEMINATION_RECORD: _LEADS,
}

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    role: frozenset(cap for cap, roles in CAPABILITY_ROLES.items() if role in roles)
    for role in Role
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
