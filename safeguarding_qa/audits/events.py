"""Audit event kinds for case file audits."""

from safeguarding_qa.audittrail.registry import define

QUESTION_CREATED = define("question.created", "Question added to the bank")
SCALE_CREATED = define("grading_scale.created", "Grading scale added")
AUDIT_CREATED = define("audit.created", "Audit set up")
AUDIT_CHANGED = define("audit.changed", "Audit details changed")
AUDIT_MOVED = define("audit.moved", "Audit moved to its next stage")
AUDIT_AIM_ADDED = define("audit.aim_added", "Aim added to an audit")
AUDIT_CASE_ADDED = define("audit.case_added", "Case added to an audit")
AUDIT_CASE_ASSIGNED = define("audit.case_assigned", "Auditor assigned to a case")
CASE_IDENTIFIERS_REVEALED = define(
    "audit.identifiers_revealed", "A case's protected identifiers were revealed"
)
CASE_IDENTIFIERS_PURGED = define(
    "audit.identifiers_purged", "A case's protected identifiers were purged (retention)"
)
RETURN_SAVED = define("audit_return.saved", "Agency return saved as a draft")
RETURN_SUBMITTED = define("audit_return.submitted", "Agency return submitted")
RETURN_REOPENED = define("audit_return.reopened", "Agency return reopened")
RETURN_REMINDED = define("audit_return.reminded", "Reminder sent about agency returns")
LIVE_CONCERN_RAISED = define("audit.live_concern_raised", "Live safeguarding concern raised")
LIVE_CONCERN_ACKNOWLEDGED = define(
    "audit.live_concern_acknowledged", "Live safeguarding concern acknowledged"
)
PANEL_GRADES_RECORDED = define("audit.panel_grades_recorded", "Panel grades recorded for a case")
PANEL_SUMMARY_RECORDED = define("audit.panel_summary_recorded", "Panel summary recorded")
COLLATION_EXPORTED = define("audit.collation_exported", "Audit collation exported")
ATTACHMENT_DOWNLOADED = define(
    "audit_return.attachment_downloaded", "Agency audit tool attached to a return downloaded"
)
AUDIT_RECOMMENDATION_RECORDED = define(
    "audit.recommendation_recorded", "Panel recommendation recorded in the register"
)
AUDIT_FROM_PROGRAMME = define("audit.created_from_programme", "Audit set up from a programme item")
AUDIT_CASES_FROM_SAMPLE = define("audit.cases_from_sample", "Cases added from a case-data sample")
AUDIT_IMPACT_RECORDED = define(
    "audit.impact_evidence_recorded", "Audit results recorded as impact evidence"
)
