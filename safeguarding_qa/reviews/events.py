"""Audit event kinds for practice reviews, serious incidents and information returns."""

from safeguarding_qa.audittrail.registry import define

REVIEW_CREATED = define("review.created", "Practice review added")
REVIEW_CHANGED = define("review.changed", "Practice review changed")
MILESTONE_ADDED = define("review.milestone_added", "Local review milestone added")
MILESTONE_CHANGED = define("review.milestone_changed", "Local review milestone changed")
INCIDENT_CREATED = define("incident.created", "Serious incident recorded")
INCIDENT_VIEWED = define("incident.viewed", "Serious incident viewed")
INCIDENT_REVEALED = define("incident.identifiers_revealed", "Serious incident identifiers revealed")
INCIDENT_CHANGED = define("incident.changed", "Serious incident changed")
INCIDENT_NOTIFIED = define("incident.notified", "Serious incident notified to the national panel")
INCIDENT_RAPID_REVIEW = define(
    "incident.rapid_review", "Rapid review meeting and decision recorded"
)
INCIDENT_PANEL = define("incident.panel", "Rapid review sent to the national panel, or its reply")
INCIDENT_LCSPR_COMMISSIONED = define("incident.lcspr_commissioned", "Local review commissioned")
INFORMATION_REQUESTED = define("incident.information_requested", "Agency asked for information")
INFORMATION_VIEWED = define("incident.information_viewed", "Agency information viewed")
INFORMATION_RETURNED = define("incident.information_returned", "Agency information returned")
INFORMATION_DOWNLOADED = define(
    "incident.information_downloaded", "Agency information attachment downloaded"
)
REMINDER_SENT = define("incident.reminder_sent", "Practice review deadline reminder sent")
REVIEW_RECOMMENDATION_ADDED = define(
    "review.recommendation_added", "Recommendation added to the register from a practice review"
)
