"""Fixed lists for the work programme."""

from django.db import models


class ItemKind(models.TextChoices):
    CASE_FILE_AUDIT = "case_file_audit", "Multi-agency case file audit"
    DEEP_DIVE = "deep_dive", "Deep dive"
    THEMATIC_REVIEW = "thematic_review", "Thematic review"
    COMPLIANCE_AUDIT = "compliance_audit", "Practice-review compliance audit"
    DASHBOARD_REVIEW = "dashboard_review", "Quarterly dashboard review"
    SELF_ASSESSMENT = "self_assessment", "Self-assessment round (Section 11, Section 175)"


class ItemStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    SLIPPED = "slipped", "Slipped"

    @property
    def tag_class(self) -> str:
        return {
            "planned": "govuk-tag--blue",
            "in_progress": "govuk-tag--light-blue",
            "done": "govuk-tag--green",
            "slipped": "govuk-tag--orange",
        }[self.value]


class Quarter(models.IntegerChoices):
    Q1 = 1, "Quarter 1 (April to June)"
    Q2 = 2, "Quarter 2 (July to September)"
    Q3 = 3, "Quarter 3 (October to December)"
    Q4 = 4, "Quarter 4 (January to March)"
