"""Section 11 / Section 175 self-assessment: frameworks, rounds, returns and answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Organisation

from .choices import FrameworkKind, ModerationStatus, ReturnStatus, RoundStatus

_RATINGS = [value for value, _ in RAG.choices]


class Framework(TimeStampedModel):
    """A set of standards agencies rate themselves against, e.g. Section 11."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=FrameworkKind.choices)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Standard(TimeStampedModel):
    """One standard of a framework, in the partnership's own words."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="standards")
    number = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="selfassessment_standard_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Round(TimeStampedModel):
    """One year's collation of a framework from the participating organisations."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="rounds")
    year = models.PositiveSmallIntegerField(help_text="The year the round starts in (April).")
    opens_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The earlier round of the same framework that answers are compared with.",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "framework__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "year"], name="selfassessment_round_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("opens_on")),
                name="selfassessment_round_due_after_open",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="selfassessment_round_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework.name} {self.year_label}"

    @property
    def year_label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class SelfAssessment(TimeStampedModel):
    """One organisation's return to a round: its answers to every standard."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="self_assessments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="self_assessments"
    )
    status = models.CharField(
        max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="selfassessment_one_return_per_round"
            ),
            models.CheckConstraint(
                condition=Q(status=ReturnStatus.DRAFT, submitted_at__isnull=True)
                | Q(status=ReturnStatus.SUBMITTED, submitted_at__isnull=False),
                name="selfassessment_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}'s return to {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReturnStatus.SUBMITTED


class StandardReturn(TimeStampedModel):
    """An organisation's self-rating, evidence and planned actions on one standard, and the
    QA subgroup's moderation of it."""

    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    self_rating = models.CharField(max_length=10, choices=RAG.choices, blank=True)
    evidence = models.TextField(blank=True)
    # Text the organisation writes; a moderator turns it into an action in the register.
    planned_actions = models.TextField(blank=True)
    register_action = models.ForeignKey(
        "recommendations.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The register action the planned actions became.",
    )
    carried_forward = models.BooleanField(
        default=False, help_text="Started from the previous round's answer and not yet changed."
    )
    moderation_status = models.CharField(
        max_length=20, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    moderated_rating = models.CharField(max_length=10, choices=RAG.choices, blank=True)
    moderation_note = models.TextField(blank=True)
    challenge_response = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["self_assessment", "standard__order", "standard__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["self_assessment", "standard"],
                name="selfassessment_one_answer_per_standard",
            ),
            models.CheckConstraint(
                condition=Q(self_rating="") | Q(self_rating__in=_RATINGS),
                name="selfassessment_self_rating_valid",
            ),
            models.CheckConstraint(
                condition=Q(moderated_rating="") | Q(moderated_rating__in=_RATINGS),
                name="selfassessment_moderated_rating_valid",
            ),
            models.CheckConstraint(
                condition=Q(moderation_status=ModerationStatus.PENDING)
                | ~Q(moderation_note="")
                | Q(moderation_status=ModerationStatus.AGREED),
                name="selfassessment_challenge_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.self_assessment.organisation} on standard {self.standard}"
