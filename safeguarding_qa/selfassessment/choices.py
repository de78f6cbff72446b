"""Fixed lists for self-assessment: kinds of framework, statuses of returns and answers."""

from django.db import models


class FrameworkKind(models.TextChoices):
    SECTION_11 = "section_11", "Section 11 (agencies)"
    SECTION_175 = "section_175", "Section 175 (schools and colleges)"
    NATIONAL_AUDIT = "national_audit", "Other national audit"


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "Not moderated"
    AGREED = "agreed", "Agreed"
    CHALLENGED = "challenged", "Challenged"
    RESPONDED = "responded", "Response given"

    @property
    def tag_class(self) -> str:
        return {
            "pending": "govuk-tag--grey",
            "agreed": "govuk-tag--green",
            "challenged": "govuk-tag--red",
            "responded": "govuk-tag--yellow",
        }[self.value]


class ModerationDecision(models.TextChoices):
    AGREE = "agree", "Agree the rating"
    CHALLENGE = "challenge", "Challenge the rating"
