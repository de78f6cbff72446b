"""Fixed lists for practice reviews, serious incidents and local reviews."""

from django.db import models


class ReviewKind(models.TextChoices):
    SERIOUS_CASE_REVIEW = "scr", "Serious case review"
    LCSPR = "lcspr", "Local child safeguarding practice review"
    RAPID_REVIEW = "rapid_review", "Rapid review"
    OTHER_PARTNERSHIP = "other_partnership", "Another partnership's review"
    NATIONAL_PANEL = "national_panel", "National panel report"
    INSPECTION = "inspection", "Inspection (for example a JTAI)"


class RapidReviewDecision(models.TextChoices):
    LCSPR = "lcspr", "Commission a local child safeguarding practice review"
    NO_FURTHER_REVIEW = "no_further_review", "No further review"
    OTHER_ROUTE = "other_route", "Another route (for example a single-agency review)"


class MilestoneKind(models.TextChoices):
    PRACTITIONER_EVENTS = "practitioner_events", "Practitioner events"
    FAMILY_INVOLVEMENT = "family_involvement", "Family involvement"
    DRAFT = "draft", "Draft report"
    FACTUAL_ACCURACY = "factual_accuracy", "Agency factual-accuracy checks"
    SIGN_OFF = "sign_off", "Sign-off by the partnership"
    PUBLICATION = "publication", "Publication"


class Stage(models.TextChoices):
    """Where an incident is in its statutory journey; derived, never stored."""

    NOTIFICATION_DUE = "notification_due", "Notification due"
    RAPID_REVIEW = "rapid_review", "Rapid review"
    LCSPR = "lcspr", "Local review in progress"
    PUBLISHED = "published", "Local review published"
    CLOSED = "closed", "Closed after rapid review"
