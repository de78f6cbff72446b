"""Audit event kinds for learning."""

from safeguarding_qa.audittrail.registry import define

BRIEFING_CREATED = define("briefing.created", "Learning briefing drafted")
BRIEFING_CHANGED = define("briefing.changed", "Learning briefing changed")
BRIEFING_APPROVED = define("briefing.approved", "Learning briefing approved")
BRIEFING_PUBLISHED = define("briefing.published", "Learning briefing published")
BRIEFING_WITHDRAWN = define("briefing.withdrawn", "Learning briefing withdrawn")
DISSEMINATION_RECORDED = define("dissemination.recorded", "Briefing dissemination recorded")
