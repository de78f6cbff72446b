"""Fixed lists for case file audits."""

from django.db import models


class AuditKind(models.TextChoices):
    CASE_FILE = "case_file", "Case file audit"
    THEMATIC = "thematic", "Thematic audit"
    DEEP_DIVE = "deep_dive", "Deep dive"
    REVIEW_COMPLIANCE = "review_compliance", "Practice-review compliance audit"


class AuditStatus(models.TextChoices):
    """The lifecycle, in order; transitions are guarded by ``rules.transition_problems``."""

    PLANNED = "planned", "Planned"
    SCOPING = "scoping", "Scoping"
    RETURNS_OPEN = "returns_open", "Returns open"
    PANEL = "panel", "Panel"
    RECOMMENDATIONS_AGREED = "recommendations_agreed", "Recommendations agreed"
    CLOSED = "closed", "Closed"

    @property
    def tag_class(self) -> str:
        return {
            "planned": "govuk-tag--grey",
            "scoping": "govuk-tag--light-blue",
            "returns_open": "govuk-tag--blue",
            "panel": "govuk-tag--purple",
            "recommendations_agreed": "govuk-tag--turquoise",
            "closed": "govuk-tag--green",
        }[self.value]


class AnswerType(models.TextChoices):
    GRADED = "graded", "Graded on the audit's scale"
    YES_NO = "yes_no", "Yes, partly, no or not applicable"
    TEXT = "text", "Free text"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_APPLICABLE = "na", "Not applicable"


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    REOPENED = "reopened", "Reopened"


class AgeBand(models.TextChoices):
    UNBORN = "unborn", "Unborn"
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_9 = "5_9", "5 to 9"
    AGE_10_15 = "10_15", "10 to 15"
    AGE_16_17 = "16_17", "16 to 17"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Not known or not recorded"


class PlanType(models.TextChoices):
    NONE = "none", "No plan"
    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    LOOKED_AFTER = "looked_after", "Looked after"


class PlanCategory(models.TextChoices):
    NOT_APPLICABLE = "", "Not applicable"
    NEGLECT = "neglect", "Neglect"
    PHYSICAL = "physical", "Physical abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    SEXUAL = "sexual", "Sexual abuse"
    MULTIPLE = "multiple", "Multiple"


class OpenFor(models.TextChoices):
    UNDER_3_MONTHS = "under_3m", "Under 3 months"
    MONTHS_3_12 = "3_12m", "3 to 12 months"
    YEARS_1_2 = "1_2y", "1 to 2 years"
    OVER_2_YEARS = "over_2y", "Over 2 years"
