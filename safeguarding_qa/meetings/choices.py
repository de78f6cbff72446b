"""Fixed lists for meetings."""

from django.db import models


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"

    @property
    def tag_class(self) -> str:
        return {
            "present": "govuk-tag--green",
            "apologies": "govuk-tag--yellow",
            "absent": "govuk-tag--red",
        }[self.value]


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
