"""Choices for the indicator catalogue, returns, commentary and challenges."""

from __future__ import annotations

from django.db import models


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"
    NEITHER = "neither", "Neither"


class Frequency(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly"
    MONTHLY = "monthly", "Monthly"


class PeriodKind(models.TextChoices):
    """Reporting periods: financial-year quarters, and the months monthly indicators use."""

    QUARTER = "quarter", "Quarter"
    MONTH = "month", "Month"


class Section(models.TextChoices):
    """Dashboard sections, in the order the dashboard shows them."""

    FRONT_DOOR = "front_door", "Front door"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_PROTECTION = "child_protection", "Child protection"
    CHILDREN_IN_CARE = "children_in_care", "Children in need and in care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PARTNERSHIP = "partnership", "Partnership"


SECTION_ORDER = {value: index for index, value in enumerate(Section.values)}


class ValueSource(models.TextChoices):
    FORM = "form", "Entered in a form"
    UPLOAD = "upload", "Uploaded spreadsheet"
    API = "api", "Sent through the API"
    COMPUTED = "computed", "Computed from case data"


class CommentaryKind(models.TextChoices):
    AGENCY = "agency", "Agency commentary"
    SUBGROUP = "subgroup", "QA subgroup commentary"


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESPONDED = "responded", "Responded"
    CLOSED = "closed", "Closed"

    @property
    def tag_class(self) -> str:
        return {
            "open": "govuk-tag--orange",
            "responded": "govuk-tag--blue",
            "closed": "govuk-tag--grey",
        }[self.value]
