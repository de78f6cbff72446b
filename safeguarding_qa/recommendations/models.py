"""One register of recommendations and actions, tracked until embedded.

A recommendation's source is a generic link (any model instance: an audit, a practice
review, a self-assessment round, a meeting decision) so that the apps built beside this
one can attach recommendations through ``services.recommendations.recommendation_create``
without this app importing them. ``source_kind`` and ``source_label`` say what the source
is even when there is nothing to link to (an inspection, a letter).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel

from .choices import ActionStatus, EvidenceKind, Priority, RecommendationKind, SourceKind

EVIDENCE_DIRECTORY = "private/recommendations"


def evidence_path(instance: Any, filename: str) -> str:
    """A private path no one can guess; files are served only by a permission-checked view."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][-100:] or "evidence"
    return f"{EVIDENCE_DIRECTORY}/{uuid.uuid4().hex}/{name}"


def _both_or_neither(prefix: str) -> Q:
    return Q(**{f"{prefix}_content_type__isnull": True, f"{prefix}_object_id__isnull": True}) | Q(
        **{f"{prefix}_content_type__isnull": False, f"{prefix}_object_id__isnull": False}
    )


class Theme(TimeStampedModel):
    """A theme that recommendations share (neglect, voice of the child...), for filtering."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Recommendation(TimeStampedModel):
    """A recommendation agreed by the partnership, tracked through its actions."""

    reference = models.CharField(max_length=30, unique=True)
    title = models.CharField(max_length=200)
    text = models.TextField()
    rationale = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=RecommendationKind.choices)
    source_kind = models.CharField(max_length=30, choices=SourceKind.choices)
    source_label = models.CharField(
        max_length=200, blank=True, help_text="For example: Child C (LCSPR), or JTAI 2025."
    )
    source_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_content_type", "source_object_id")
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    lead_organisations = models.ManyToManyField(
        "partnership.Organisation", blank=True, related_name="led_recommendations"
    )
    agreed_on = models.DateField()
    embedded_at = models.DateTimeField(null=True, blank=True)
    embedded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    embedded_comment = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[themes, lead_organisations])

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        indexes = [
            models.Index(fields=["source_content_type", "source_object_id"]),
            # The register's order, and its filters on the recommendation's own columns, so
            # a page is read from an index in order instead of sorting the whole register.
            models.Index(fields=["-agreed_on", "-id"], name="recommendation_register_order"),
            models.Index(fields=["source_kind", "-agreed_on"], name="recommendation_by_source"),
            models.Index(fields=["kind", "-agreed_on"], name="recommendation_by_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_both_or_neither("source"), name="recommendation_source_complete"
            ),
            models.CheckConstraint(
                condition=Q(embedded_at__isnull=True) | Q(embedded_by__isnull=False),
                name="recommendation_embedded_by_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def is_embedded(self) -> bool:
        return self.embedded_at is not None


class Action(TimeStampedModel):
    """What one organisation will do towards a recommendation, owned by one of its people."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="actions"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="register_actions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_actions",
    )
    description = models.TextField()
    due_on = models.DateField()
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    status = models.CharField(
        max_length=30, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    # The date of the latest progress update, kept by the progress service so the RAG rule
    # can run as a plain column comparison in lists.
    last_progress_on = models.DateField(null=True, blank=True, editable=False)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"]),
            # The register's derived status and RAG filters test a recommendation's actions
            # by status and due date (EXISTS), one index probe each.
            models.Index(
                fields=["recommendation", "status", "due_on"], name="action_by_recommendation"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["signed_off", "closed_not_achieved"])
                | (Q(signed_off_by__isnull=False) & Q(signed_off_at__isnull=False)),
                name="action_finished_has_sign_off",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} – {self.description[:60]}"

    @property
    def status_choice(self) -> ActionStatus:
        return ActionStatus(self.status)


class ProgressUpdate(TimeStampedModel):
    """A dated note of progress on an action, with optional evidence (a file or a link)."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField()
    text = models.TextField()
    evidence_link = models.URLField(blank=True, max_length=500)
    evidence_file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self) -> str:
        return f"Update of {self.written_on:%d %b %Y}"

    @property
    def file_name(self) -> str:
        return (self.evidence_file.name or "").rsplit("/", 1)[-1] if self.evidence_file else ""


class ImpactEvidence(TimeStampedModel):
    """Evidence that a recommendation's learning is embedded: a re-audit's results on a
    linked aim, an indicator's change, or a signed-off re-audit. The object that shows it is
    a generic link, as the audits and indicators apps are built beside this one."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="impact_evidence"
    )
    kind = models.CharField(max_length=30, choices=EvidenceKind.choices)
    summary = models.TextField()
    evidence_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    evidence_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    evidence_object = GenericForeignKey("evidence_content_type", "evidence_object_id")
    evidence_link = models.URLField(blank=True, max_length=500)
    evidence_file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        verbose_name_plural = "impact evidence"
        constraints = [
            models.CheckConstraint(
                condition=_both_or_neither("evidence"), name="impact_evidence_link_complete"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.recorded_on:%d %b %Y})"

    @property
    def file_name(self) -> str:
        return (self.evidence_file.name or "").rsplit("/", 1)[-1] if self.evidence_file else ""


class ReminderPreference(TimeStampedModel):
    """A person's choice about the weekly digest of their organisation's actions."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="register_reminders"
    )
    weekly_digest = models.BooleanField(default=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Reminder preference of {self.person}"
