"""The partnership, its organisations, its groups and their memberships."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel

from .choices import GroupKind, GroupRole, MeetingFrequency, ReviewOutcome, Sector
from .validators import validate_email_lines


class Partnership(TimeStampedModel):
    """The one partnership this deployment serves (a singleton row, pk 1)."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    local_authority_areas = models.CharField(
        max_length=300, blank=True, help_text="The local authority areas the partnership covers."
    )
    live_concern_contacts = models.TextField(
        blank=True,
        help_text="E-mail addresses told at once about a live safeguarding concern, one a line.",
        validators=[validate_email_lines],
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="partnership_singleton")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.pk = 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def live_concern_contact_list(self) -> list[str]:
        return [line.strip() for line in self.live_concern_contacts.splitlines() if line.strip()]


class Organisation(TimeStampedModel):
    """An agency in the partnership: a statutory partner or a relevant agency."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=40, choices=Sector.choices)
    is_statutory_partner = models.BooleanField(
        "Statutory safeguarding partner",
        default=False,
        help_text="The local authority, the integrated care board or the police.",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(TimeStampedModel):
    """A group of the partnership, such as the QA subgroup, with a membership history."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, choices=GroupKind.choices)
    meeting_frequency = models.CharField(
        max_length=20, choices=MeetingFrequency.choices, default=MeetingFrequency.QUARTERLY
    )
    purpose = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: date | None = None) -> MembershipQuerySet:
        on = on or timezone.localdate()
        return self.filter(Q(started_on__lte=on), Q(ended_on__isnull=True) | Q(ended_on__gte=on))


class Membership(TimeStampedModel):
    """A person's place in a group for a period. Ended rows are kept: they are the history
    that evidences membership reviews."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=GroupRole.choices, default=GroupRole.MEMBER)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "ended_on", "person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(ended_on__isnull=True),
                name="membership_one_open_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.group} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.started_on <= today and (self.ended_on is None or self.ended_on >= today)


class MembershipReview(TimeStampedModel):
    """A yearly review of a group's membership and its outcome: the evidence behind "the
    membership of the group has been reviewed" (the changes themselves are the ended and
    added memberships)."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    changes_made = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "-reviewed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="changed") | ~Q(changes_made=""),
                name="membership_review_changes_described",
            ),
        ]

    def __str__(self) -> str:
        return f"Membership review of {self.group} on {self.reviewed_on:%d %B %Y}"
