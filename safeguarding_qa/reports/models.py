"""Generated report files: what was made, for whom, from what, and until when."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel

from .choices import DocumentFormat, DocumentKind, DocumentStatus


class GeneratedDocument(TimeStampedModel):
    """One rendered file (PDF or Word) of a report, stored privately until it expires.

    ``subject`` is the object the report is about (an audit, later) through a generic
    relation, so report kinds can be added without this app depending on theirs; the
    annual report is about a ``year`` instead.
    """

    kind = models.CharField(max_length=40, choices=DocumentKind.choices)
    format = models.CharField(max_length=10, choices=DocumentFormat.choices)
    status = models.CharField(
        max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED
    )
    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    file = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    size = models.PositiveIntegerField(default=0)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    made_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["progress"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_max"),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.READY)
                | (~Q(file="") & Q(made_at__isnull=False)),
                name="report_ready_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(kind=DocumentKind.ANNUAL_REPORT) | Q(year__isnull=False),
                name="report_annual_has_year",
            ),
            models.CheckConstraint(
                condition=Q(subject_type__isnull=True, subject_id__isnull=True)
                | Q(subject_type__isnull=False, subject_id__isnull=False),
                name="report_subject_complete",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()})"

    @property
    def is_downloadable(self) -> bool:
        return (
            self.status == DocumentStatus.READY
            and bool(self.file)
            and (self.expires_at is None or self.expires_at > timezone.now())
        )

    @property
    def is_in_progress(self) -> bool:
        return self.status in (DocumentStatus.QUEUED, DocumentStatus.RENDERING)

    @property
    def filename(self) -> str:
        stem = "".join(ch if ch.isalnum() else "-" for ch in self.title.lower()).strip("-")
        return f"{'-'.join(part for part in stem.split('-') if part)}.{self.format}"


class AnnualReportNarrative(TimeStampedModel):
    """The words the subgroup writes into one year's annual report: an introduction, the
    areas for improvement and the future plans. Pre-filled from the records, edited by
    an administrator, and used in the page, the PDF and the Word file of that year."""

    year = models.PositiveSmallIntegerField(
        unique=True, help_text="The partnership year, named by the April it starts in."
    )
    introduction = models.TextField(blank=True)
    areas_for_improvement = models.TextField(blank=True)
    future_plans = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Annual report narrative {self.year} to {self.year + 1}"
