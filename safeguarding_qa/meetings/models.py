"""Meetings: agenda, papers, attendance, minutes, decisions.

Links to objects of other apps (an audit at panel stage, an indicator, an action created by a
decision) are generic (content type + id), so this app imports none of them.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Group, Organisation

from .choices import AttendanceStatus, MeetingStatus


class Meeting(TimeStampedModel):
    """One meeting of a group: when and where, its agenda, attendance, minutes and decisions."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=120)
    location = models.CharField(max_length=300, blank=True)
    online_link = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=1440),
                name="meeting_duration_sensible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%d %B %Y})"


class AgendaItem(TimeStampedModel):
    """An ordered item on a meeting's agenda, optionally about an object in the system."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    presenter = models.CharField(max_length=200, blank=True)
    # The suggestion it came from ("programme:item:12"), so a suggestion is offered once.
    suggestion_key = models.CharField(max_length=100, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    linked_object = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="agenda_item_unique_position"
            ),
            models.UniqueConstraint(
                fields=["meeting", "suggestion_key"],
                condition=~Q(suggestion_key=""),
                name="agenda_item_suggestion_once",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="agenda_item_link_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def _paper_path(instance: Paper, filename: str) -> str:
    return f"meetings/{instance.meeting_id}/papers/{filename}"


class Paper(TimeStampedModel):
    """A paper for a meeting: an uploaded file or a link (to a page in the system or not)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="papers"
    )
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=_paper_path, blank=True, max_length=300)
    link = models.CharField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="paper_has_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Attendance(TimeStampedModel):
    """Whether a person was present at a meeting, sent apologies, or was absent.

    The organisation is copied at the time, so statistics stay right when people move.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.meeting}: {self.get_status_display()}"


class Decision(TimeStampedModel):
    """A decision the meeting made; it may call for an action in the register."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    text = models.TextField()
    action_needed = models.BooleanField(default=False)
    action_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action_due = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action_needed=False)
                | Q(action_organisation__isnull=False, action_due__isnull=False),
                name="decision_action_has_owner_and_due",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class DecisionAction(models.Model):
    """An action (in the recommendations register) that a decision created: a generic link,
    so this app does not import the register."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="actions")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    action = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "content_type", "object_id"], name="decision_action_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.object_id} from decision {self.decision_id}"
