"""The subgroup's work programme for each April–March year.

An item links to the object it became (an audit, a self-assessment round...) generically
(content type + id), so this app imports none of the apps that build those objects.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.meetings.models import Meeting

from .choices import ItemKind, ItemStatus, Quarter


class WorkProgramme(TimeStampedModel):
    """The programme for the year from 1 April ``year`` to 31 March ``year + 1``."""

    year = models.PositiveSmallIntegerField(unique=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="programme_year_sensible"
            ),
        ]

    def __str__(self) -> str:
        return f"Work programme {self.label}"

    @property
    def label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"


class ProgrammeItem(TimeStampedModel):
    """A planned piece of work: its kind, theme, target meeting and status."""

    programme = models.ForeignKey(WorkProgramme, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=30, choices=ItemKind.choices)
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=200, blank=True)
    quarter = models.PositiveSmallIntegerField(choices=Quarter.choices, null=True, blank=True)
    target_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="programme_items"
    )
    status = models.CharField(max_length=20, choices=ItemStatus.choices, default=ItemStatus.PLANNED)
    notes = models.TextField(blank=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    # What the item became (an audit, a self-assessment round...), set by that app's service.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    became = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "quarter", "kind", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=ItemKind.DASHBOARD_REVIEW) | Q(quarter__isnull=False),
                name="programme_dashboard_review_has_quarter",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="programme_item_link_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        url = reverse("programme:programme-detail", kwargs={"year": self.programme.year})
        return f"{url}#item-{self.pk}"
