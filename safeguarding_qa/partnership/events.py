"""Audit event kinds for the partnership, its organisations, groups and memberships."""

from safeguarding_qa.audittrail.registry import define

PARTNERSHIP_CHANGED = define("partnership.changed", "Partnership details changed")
ORGANISATION_CREATED = define("organisation.created", "Organisation added")
ORGANISATION_CHANGED = define("organisation.changed", "Organisation changed")
ORGANISATION_DEACTIVATED = define("organisation.deactivated", "Organisation deactivated")
ORGANISATION_REACTIVATED = define("organisation.reactivated", "Organisation reactivated")
GROUP_CREATED = define("group.created", "Group added")
GROUP_CHANGED = define("group.changed", "Group changed")
MEMBERSHIP_ADDED = define("membership.added", "Person added to a group")
MEMBERSHIP_CHANGED = define("membership.changed", "Membership changed")
MEMBERSHIP_ENDED = define("membership.ended", "Membership ended")
MEMBERSHIP_REVIEWED = define("membership.reviewed", "Group membership reviewed")
