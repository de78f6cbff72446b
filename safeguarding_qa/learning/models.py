"""Learning briefings (7-minute form) and their dissemination by each organisation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Organisation

from .choices import SEVEN_SECTIONS, BriefingStatus, CascadeMethod


class LearningBriefing(TimeStampedModel):
    """A 7-minute briefing: drafted by the business unit, approved by the chair, then
    published as a public page and PDF.

    ``source`` is what it draws on (an audit or a practice review) through a generic
    relation, so this app does not depend on the apps that own those records.
    """

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(
        max_length=300, blank=True, help_text="One sentence shown in lists of briefings."
    )
    background = models.TextField(blank=True)
    why_it_matters = models.TextField(blank=True)
    what_we_found = models.TextField(blank=True)
    what_good_looks_like = models.TextField(blank=True)
    what_to_do = models.TextField(blank=True)
    reflection_questions = models.TextField(blank=True)
    further_reading = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=BriefingStatus.choices, default=BriefingStatus.DRAFT
    )
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_description = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=[BriefingStatus.APPROVED, BriefingStatus.PUBLISHED])
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="briefing_approved_has_approver",
            ),
            models.CheckConstraint(
                condition=~Q(status=BriefingStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="briefing_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="briefing_source_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == BriefingStatus.PUBLISHED

    def sections(self) -> list[tuple[int, str, str]]:
        """The seven numbered sections as (number, title, text)."""
        return [
            (number, section.title, getattr(self, section.field))
            for number, section in enumerate(SEVEN_SECTIONS, start=1)
        ]


class Dissemination(TimeStampedModel):
    """One organisation's cascade of a published briefing to its staff."""

    briefing = models.ForeignKey(
        LearningBriefing, on_delete=models.PROTECT, related_name="disseminations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="briefing_disseminations"
    )
    cascaded_on = models.DateField()
    method = models.CharField(max_length=30, choices=CascadeMethod.choices)
    staff_reached = models.PositiveIntegerField()
    feedback = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "-cascaded_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(staff_reached__gte=1) & Q(staff_reached__lte=100_000),
                name="dissemination_staff_reached_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.briefing} cascaded by {self.organisation} on {self.cascaded_on}"
