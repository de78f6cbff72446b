"""Case file audits: question bank, scales, audits, cases, agency returns, panel grades."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Organisation

from .choices import (
    AgeBand,
    AnswerType,
    AuditKind,
    AuditStatus,
    OpenFor,
    PlanCategory,
    PlanType,
    ReturnStatus,
    Sex,
    YesNo,
)
from .identifiers import EncryptedTextField

IDENTIFIER_FIELDS = ["child_name", "date_of_birth", "la_child_id", "nhs_number"]


def attachment_path(instance: models.Model, filename: str) -> str:
    """A random name under MEDIA_ROOT (outside the web root); the upload's name is not used."""
    return f"audits/returns/{uuid.uuid4().hex}"


class GradingScale(TimeStampedModel):
    """A reusable scale (Ofsted's four points, or one an administrator defines)."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    is_standard = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_standard", "name"]

    def __str__(self) -> str:
        return self.name


class ScaleGrade(TimeStampedModel):
    """One point of a bank scale; rank 1 is the best."""

    scale = models.ForeignKey(GradingScale, on_delete=models.CASCADE, related_name="grades")
    rank = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=60)
    needs_evidence = models.BooleanField(
        default=False, help_text="Answers at this grade must give evidence (below good)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "rank"], name="scale_grade_rank_unique"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="scale_grade_rank_positive"),
        ]

    def __str__(self) -> str:
        return self.label


class Question(TimeStampedModel):
    """A reusable aim or question in the bank."""

    code = models.SlugField(max_length=60, unique=True)
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    answer_type = models.CharField(max_length=20, choices=AnswerType.choices)
    theme_set = models.CharField(
        max_length=80, help_text="The set it belongs to, e.g. 'Standard multi-agency' or 'Neglect'."
    )
    tags = models.CharField(max_length=200, blank=True, help_text="Comma-separated.")
    sectors = models.CharField(
        max_length=300, blank=True, help_text="Sectors expected to answer; empty means all."
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["theme_set", "code"]

    def __str__(self) -> str:
        return self.text


class Audit(TimeStampedModel):
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=120)
    kind = models.CharField(max_length=30, choices=AuditKind.choices, default=AuditKind.CASE_FILE)
    status = models.CharField(
        max_length=30, choices=AuditStatus.choices, default=AuditStatus.PLANNED
    )
    terms_of_reference = models.TextField(blank=True)
    organisations = models.ManyToManyField(
        Organisation, related_name="audits", verbose_name="Participating organisations"
    )
    target_cases = models.PositiveSmallIntegerField("Target number of cases", default=4)
    returns_due = models.DateField("Agency returns due", null=True, blank=True)
    panel_date = models.DateField("Panel meeting", null=True, blank=True)
    practice_reviews = models.ManyToManyField(
        "reviews.PracticeReview",
        blank=True,
        related_name="audits_testing",
        verbose_name="Practice reviews tested",
        help_text="The reviews whose recommendations this audit tests.",
    )
    scale_name = models.CharField(max_length=100, help_text="Copied from the bank scale.")
    panel_strengths = models.TextField("Strengths the panel found", blank=True)
    panel_improvements = models.TextField("Areas for improvement", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    history = HistoricalRecords(m2m_fields=[organisations])

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(panel_date__isnull=True)
                | Q(returns_due__isnull=True)
                | Q(panel_date__gte=models.F("returns_due")),
                name="audit_panel_after_returns_due",
            ),
            models.CheckConstraint(
                condition=Q(status=AuditStatus.CLOSED, closed_on__isnull=False)
                | (~Q(status=AuditStatus.CLOSED) & Q(closed_on__isnull=True)),
                name="audit_closed_on_iff_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_tag_class(self) -> str:
        return AuditStatus(self.status).tag_class


class AuditGrade(TimeStampedModel):
    """The audit's own copy of its scale: bank edits never rewrite past audits."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="grades")
    rank = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=60)
    needs_evidence = models.BooleanField(default=False)

    class Meta:
        ordering = ["audit", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "rank"], name="audit_grade_rank_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class AuditAim(TimeStampedModel):
    """An ordered copy of a bank question (or a written aim) on one audit."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="aims")
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    answer_type = models.CharField(max_length=20, choices=AnswerType.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "position"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "position"], name="aim_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class AuditCase(TimeStampedModel):
    """A child's case in an audit: a pseudonym, an analysis profile, encrypted identifiers."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(max_length=30, help_text='A pseudonym such as "Case A".')
    age_band = models.CharField(max_length=20, choices=AgeBand.choices)
    sex = models.CharField(max_length=20, choices=Sex.choices)
    ethnicity = models.CharField(max_length=80, blank=True)
    disability = models.BooleanField(default=False)
    plan_type = models.CharField(max_length=30, choices=PlanType.choices, default=PlanType.NONE)
    plan_category = models.CharField(max_length=30, choices=PlanCategory.choices, blank=True)
    open_for = models.CharField("Open for", max_length=20, choices=OpenFor.choices)
    child_name = EncryptedTextField(blank=True)
    date_of_birth = EncryptedTextField(blank=True)
    la_child_id = EncryptedTextField("Local authority child ID", blank=True)
    nhs_number = EncryptedTextField("NHS number", blank=True)
    identifiers_purged_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=IDENTIFIER_FIELDS)

    class Meta:
        ordering = ["audit", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "reference"], name="case_reference_unique"),
        ]

    def __str__(self) -> str:
        return self.reference


class Assignment(TimeStampedModel):
    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_assignments"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "organisation"]
        constraints = [
            models.UniqueConstraint(fields=["case", "auditor"], name="assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.auditor} on {self.case}"


class AgencyReturn(TimeStampedModel):
    """One organisation's return on one case."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="returns")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    involved = models.BooleanField(null=True, blank=True)
    not_involved_reason = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)
    single_agency_learning = models.TextField(blank=True)
    voice_of_child = models.TextField("Voice of the child and family", blank=True)
    overall_grade = models.ForeignKey(
        AuditGrade, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(blank=True)
    attachment = models.FileField(upload_to=attachment_path, blank=True, max_length=200)
    attachment_kind = models.CharField(max_length=10, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="return_unique"),
            models.CheckConstraint(
                condition=~Q(status=ReturnStatus.SUBMITTED) | Q(submitted_at__isnull=False),
                name="return_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} on {self.case}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReturnStatus.SUBMITTED


class AimAnswer(TimeStampedModel):
    agency_return = models.ForeignKey(
        AgencyReturn, on_delete=models.CASCADE, related_name="answers"
    )
    aim = models.ForeignKey(AuditAim, on_delete=models.CASCADE, related_name="answers")
    grade = models.ForeignKey(
        AuditGrade, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    response = models.CharField(max_length=10, choices=YesNo.choices, blank=True)
    text = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency_return", "aim"], name="answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.aim} ({self.agency_return})"


class PanelGrade(TimeStampedModel):
    """The panel's agreed grade on one aim for one case, with its rationale."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="panel_grades")
    aim = models.ForeignKey(AuditAim, on_delete=models.CASCADE, related_name="panel_grades")
    grade = models.ForeignKey(
        AuditGrade, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    response = models.CharField(max_length=10, choices=YesNo.choices, blank=True)
    rationale = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "aim"], name="panel_grade_unique"),
        ]

    def __str__(self) -> str:
        return f"Panel: {self.aim} on {self.case}"


class LiveConcern(TimeStampedModel):
    """A child who may be at current risk, flagged from an audit until acknowledged."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="live_concerns")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    details = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action_taken = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True) | ~Q(action_taken=""),
                name="live_concern_ack_has_action",
            ),
        ]

    def __str__(self) -> str:
        return f"Live concern on {self.case}"
