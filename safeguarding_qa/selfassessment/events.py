"""Audit event kinds for self-assessment."""

from safeguarding_qa.audittrail.registry import define

ROUND_CREATED = define("self_assessment.round_created", "Self-assessment round opened")
ROUND_CLOSED = define("self_assessment.round_closed", "Self-assessment round closed")
REMINDERS_SENT = define(
    "self_assessment.reminders_sent", "Reminders sent for outstanding self-assessments"
)
ANSWER_SAVED = define("self_assessment.answer_saved", "Self-assessment answer saved")
RETURN_SUBMITTED = define("self_assessment.return_submitted", "Self-assessment submitted")
ANSWER_MODERATED = define("self_assessment.answer_moderated", "Self-assessment answer moderated")
CHALLENGE_ANSWERED = define(
    "self_assessment.challenge_answered", "Response given to a self-assessment challenge"
)
ROUND_EXPORTED = define("self_assessment.round_exported", "Self-assessment round exported")
ANSWER_TO_REGISTER = define(
    "self_assessment.answer_to_register",
    "Self-assessment planned actions added to the recommendations register",
)
