"""Annex A and CIN census snapshots, their minimised records, imports and audit samples.

Record tables hold minimised data only: a keyed hash of the child's ID, sex, ethnicity,
the month of birth and the dates and codes the indicators and cohorts need. Names,
workers, postcodes and raw IDs are never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel


class Source(models.TextChoices):
    ANNEX_A = "annex_a", "Ofsted Annex A"
    CIN_CENSUS = "cin_census", "DfE CIN census"


class EventKind(models.TextChoices):
    CONTACT = "contact", "Contact"
    EARLY_HELP = "early_help", "Early help assessment"
    REFERRAL = "referral", "Referral"
    ASSESSMENT = "assessment", "Assessment"
    ENQUIRY = "enquiry", "Section 47 enquiry"
    CIN_EPISODE = "cin_episode", "Child in need episode"
    PROTECTION_PLAN = "protection_plan", "Child protection plan"
    CARE_PERIOD = "care_period", "Period of care"
    CARE_LEAVER = "care_leaver", "Care leaver"
    ADOPTION = "adoption", "Adoption"


class Snapshot(TimeStampedModel):
    """One imported file: its source, as-at date and counts. Deleted after retention."""

    source = models.CharField(max_length=20, choices=Source.choices)
    as_at = models.DateField(help_text="The date the data describe (the inspection date).")
    template_version = models.CharField(max_length=40, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    child_population = models.PositiveIntegerField(
        null=True, blank=True, help_text="Children aged 0 to 17 in the area, for rates."
    )
    children = models.PositiveIntegerField(default=0)
    records = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    list_counts = models.JSONField(default=dict, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} as at {self.as_at:%d %B %Y}"


class ChildRecord(models.Model):
    """One child in one snapshot: characteristics only, keyed by the hashed ID."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="child_records")
    child_key = models.CharField(max_length=64)
    sex = models.CharField(max_length=1, blank=True)
    ethnicity = models.CharField(max_length=4, blank=True)
    birth_month = models.DateField(null=True, blank=True)
    disabled = models.BooleanField(null=True)
    team = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "child_key"], name="casedata_child_once"),
        ]

    def __str__(self) -> str:
        return f"Child {self.child_key[:8]}"


class CaseEvent(models.Model):
    """One episode or event of one child (see docs/case-data.md for each kind's fields).

    ``code``/``detail_code``: referral or contact source; initial/latest category of abuse;
    primary need/closure reason; legal status/placement type. ``count``: referrals in the
    last 12 months, previous CP plans or placements in the last 12 months. ``flag``:
    referral NFA, S47 led to a plan, child seen. ``event_on``: the ICPC date.
    """

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    child_key = models.CharField(max_length=64)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    event_on = models.DateField(null=True, blank=True)
    code = models.CharField(max_length=8, blank=True)
    detail_code = models.CharField(max_length=8, blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    flag = models.BooleanField(null=True)
    factors = models.CharField(max_length=200, blank=True)
    team = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["snapshot", "kind"], name="casedata_event_kind")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="casedata_event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of child {self.child_key[:8]}"


class ImportState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    SUCCEEDED = "succeeded", "Imported"
    FAILED = "failed", "Not imported"


class ImportJob(TimeStampedModel):
    """An upload and its progress: the status row the upload page shows and refreshes."""

    source = models.CharField(max_length=20, choices=Source.choices)
    file = models.FileField(upload_to="casedata/uploads/", blank=True)
    file_name = models.CharField(max_length=200)
    as_at = models.DateField(null=True, blank=True)
    child_population = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=ImportState.choices, default=ImportState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    error_report = models.TextField(blank=True)
    warning_report = models.TextField(blank=True)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="casedata_progress_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"Import of {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.state in {ImportState.SUCCEEDED, ImportState.FAILED}


class Sample(TimeStampedModel):
    """A reproducible draw from a cohort: same snapshot, rule, seed and settings, same
    children. ``audit`` is a nullable generic link to the audit the sample was sent to."""

    # Kept (without the snapshot) after retention, so recent audits can still be excluded.
    snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="samples"
    )
    cohort = models.CharField(max_length=40)
    size = models.PositiveSmallIntegerField()
    seed = models.PositiveIntegerField()
    stratify_by = models.CharField(max_length=20, blank=True)
    exclude_months = models.PositiveSmallIntegerField(default=0)
    cohort_size = models.PositiveIntegerField(default=0)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    audit_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    audit_id = models.PositiveBigIntegerField(null=True, blank=True)
    audit = GenericForeignKey("audit_type", "audit_id")
    sent_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gte=1), name="casedata_sample_size"),
        ]

    def __str__(self) -> str:
        return f"Sample {self.pk}"


class SampleMember(models.Model):
    """One child drawn into a sample, under a pseudonymous reference (``S12-03``)."""

    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="members")
    position = models.PositiveSmallIntegerField()
    reference = models.CharField(max_length=20)
    child_key = models.CharField(max_length=64)
    stratum = models.CharField(max_length=60, blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=1, blank=True)
    ethnicity = models.CharField(max_length=4, blank=True)
    team = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["sample", "position"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "child_key"], name="casedata_member_once"),
            models.UniqueConstraint(fields=["sample", "position"], name="casedata_member_position"),
        ]

    def __str__(self) -> str:
        return self.reference
