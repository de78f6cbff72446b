"""Audit event kinds for recommendations, actions, progress and impact evidence."""

from safeguarding_qa.audittrail.registry import define

RECOMMENDATION_CREATED = define("recommendation.created", "Recommendation added")
RECOMMENDATION_CHANGED = define("recommendation.changed", "Recommendation changed")
RECOMMENDATION_EMBEDDED = define("recommendation.embedded", "Recommendation marked embedded")
ACTION_CREATED = define("action.created", "Action added")
ACTION_CHANGED = define("action.changed", "Action changed")
ACTION_PROGRESS_RECORDED = define("action.progress_recorded", "Progress recorded on an action")
ACTION_SIGNED_OFF = define("action.signed_off", "Action signed off")
ACTION_CLOSED = define("action.closed_not_achieved", "Action closed as not achieved")
ACTION_REMINDED = define("action.reminders_sent", "Action reminders e-mailed")
EVIDENCE_ADDED = define("impact_evidence.added", "Impact evidence added to a recommendation")
EVIDENCE_DOWNLOADED = define("register_evidence.downloaded", "Register evidence file downloaded")
REGISTER_EXPORTED = define("register.exported", "Recommendations register exported")
DIGEST_SENT = define("action.digest_sent", "Weekly digest of actions e-mailed")
DIGEST_PREFERENCE_CHANGED = define("action.digest_preference", "Weekly digest choice changed")
REGISTER_IMPORTED = define("register.imported", "Tracker spreadsheet imported into the register")
