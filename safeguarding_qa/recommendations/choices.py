"""Fixed lists for the register: where a recommendation comes from, kinds and states."""

from __future__ import annotations

from django.db import models


class SourceKind(models.TextChoices):
    AUDIT = "audit", "Audit"
    PRACTICE_REVIEW = "practice_review", "Practice review"
    SELF_ASSESSMENT_ROUND = "self_assessment_round", "Self-assessment round"
    INSPECTION = "inspection", "Inspection"
    MEETING_DECISION = "meeting_decision", "Meeting decision"
    OTHER = "other", "Other"


class RecommendationKind(models.TextChoices):
    SINGLE_AGENCY = "single_agency", "Single-agency practice"
    MULTI_AGENCY = "multi_agency", "Multi-agency strategic"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Completed, awaiting sign-off"
    SIGNED_OFF = "signed_off", "Signed off"
    CLOSED_NOT_ACHIEVED = "closed_not_achieved", "Closed, not achieved"

    @property
    def tag_class(self) -> str:
        return {
            "not_started": "govuk-tag--grey",
            "in_progress": "govuk-tag--blue",
            "awaiting_sign_off": "govuk-tag--yellow",
            "signed_off": "govuk-tag--green",
            "closed_not_achieved": "govuk-tag--red",
        }[self.value]


OPEN_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
FINISHED_STATUSES = (ActionStatus.SIGNED_OFF, ActionStatus.CLOSED_NOT_ACHIEVED)


class RecommendationStatus(models.TextChoices):
    """Derived from the actions (see ``rules.recommendation_status``); never stored."""

    NO_ACTIONS = "no_actions", "No actions yet"
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Awaiting sign-off"
    COMPLETED = "completed", "Completed"
    EMBEDDED = "embedded", "Embedded"

    @property
    def tag_class(self) -> str:
        return {
            "no_actions": "govuk-tag--grey",
            "not_started": "govuk-tag--grey",
            "in_progress": "govuk-tag--blue",
            "awaiting_sign_off": "govuk-tag--yellow",
            "completed": "govuk-tag--green",
            "embedded": "govuk-tag--purple",
        }[self.value]


class EvidenceKind(models.TextChoices):
    RE_AUDIT_RESULT = "re_audit_result", "A later audit's results on a linked aim"
    INDICATOR_CHANGE = "indicator_change", "A change in an indicator"
    SIGNED_OFF_RE_AUDIT = "signed_off_re_audit", "A signed-off re-audit"
