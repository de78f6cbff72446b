"""Practice reviews register, serious incidents, information returns and LCSPR milestones."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Organisation

from .choices import MilestoneKind, RapidReviewDecision, ReviewKind


class PracticeReview(TimeStampedModel):
    """A review in the register: an SCR, an LCSPR, another partnership's review, a national
    panel report or an inspection. An LCSPR commissioned from an incident links back to it."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=ReviewKind.choices)
    notified_on = models.DateField("Notification date", null=True, blank=True)
    rapid_review_on = models.DateField("Rapid review date", null=True, blank=True)
    published_on = models.DateField("Publication date", null=True, blank=True)
    summary = models.TextField(blank=True)
    themes = models.CharField(max_length=300, blank=True, help_text="Separated by commas.")
    terms_of_reference = models.TextField(blank=True)
    reviewer = models.CharField("Reviewer commissioned", max_length=200, blank=True)
    commissioned_on = models.DateField(null=True, blank=True)
    report_url = models.URLField("Published report", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-notified_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rapid_review_on__isnull=True)
                | Q(notified_on__isnull=True)
                | Q(rapid_review_on__gte=F("notified_on")),
                name="review_rapid_review_after_notification",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(notified_on__isnull=True)
                | Q(published_on__gte=F("notified_on")),
                name="review_published_after_notification",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def theme_list(self) -> list[str]:
        return [theme.strip() for theme in self.themes.split(",") if theme.strip()]


class Milestone(TimeStampedModel):
    """A step of a local review (practitioner events, draft, sign-off, publication...)."""

    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=30, choices=MilestoneKind.choices)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    notes = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "kind"], name="milestone_one_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.review}"


class SeriousIncident(TimeStampedModel):
    """A serious incident notification and its rapid review. Need-to-know: only the
    practice review group and the administrator see it (see ``policies``)."""

    reference = models.CharField(
        "Pseudonymous reference", max_length=40, unique=True, help_text="For example, Child R."
    )
    identifiers_encrypted = models.TextField(blank=True, editable=False)
    aware_on = models.DateField("Date the local authority became aware")
    death_or_serious_harm = models.BooleanField("The child died or was seriously harmed")
    abuse_or_neglect = models.BooleanField("Abuse or neglect is known or suspected")
    summary = models.TextField()
    agencies = models.ManyToManyField(Organisation, related_name="serious_incidents", blank=True)
    notified_on = models.DateField("Date notified to the national panel", null=True, blank=True)
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting_on = models.DateField("Rapid review meeting", null=True, blank=True)
    attendance = models.TextField(blank=True)
    discussion = models.TextField(blank=True)
    learning = models.TextField("Learning identified", blank=True)
    decision = models.CharField(max_length=30, choices=RapidReviewDecision.choices, blank=True)
    decision_rationale = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    sent_to_panel_on = models.DateField(
        "Rapid review sent to the national panel", null=True, blank=True
    )
    panel_response_on = models.DateField(null=True, blank=True)
    panel_response = models.TextField(blank=True)
    practice_review = models.OneToOneField(
        PracticeReview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incident",
    )
    history = HistoricalRecords(excluded_fields=["identifiers_encrypted"])

    class Meta:
        ordering = ["-aware_on", "reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(notified_on__isnull=True) | Q(notified_on__gte=F("aware_on")),
                name="incident_notified_after_awareness",
            ),
            models.CheckConstraint(
                condition=Q(sent_to_panel_on__isnull=True) | Q(sent_to_panel_on__gte=F("aware_on")),
                name="incident_sent_after_awareness",
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_on__isnull=False),
                name="incident_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


def _return_upload_to(instance: InformationRequest, filename: str) -> str:
    return f"reviews/returns/{instance.incident_id}/{instance.organisation_id}/{filename}"


class InformationRequest(TimeStampedModel):
    """An agency's information for a rapid review: asked for by a date, returned once."""

    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.CASCADE, related_name="information_requests"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    chronology = models.TextField("Chronology of involvement", blank=True)
    analysis = models.TextField(blank=True)
    immediate_learning = models.TextField(blank=True)
    actions_taken = models.TextField(blank=True)
    attachment = models.FileField(upload_to=_return_upload_to, blank=True, max_length=300)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "organisation"], name="information_request_one_per_agency"
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(submitted_by__isnull=False),
                name="information_request_submitted_by_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}'s information for {self.incident}"


class ReminderSent(models.Model):
    """One reminder e-mail about one deadline to one person: makes reminders idempotent.
    Append-only, so no change history."""

    deadline_key = models.CharField(max_length=100)
    due_on = models.DateField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline_key", "due_on", "recipient"], name="reminder_once_per_deadline"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deadline_key} due {self.due_on} to {self.recipient_id}"
