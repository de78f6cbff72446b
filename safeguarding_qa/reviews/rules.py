"""Named domain rules for serious incidents, their statutory deadlines and RAG.

Deadlines are derived from the incident's dates every time they are needed, never stored,
so a change of timescale or a corrected date changes them everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safeguarding_qa.core.choices import RAG

from .choices import RapidReviewDecision, Stage
from .models import InformationRequest, SeriousIncident
from .workingdays import add_months, add_working_days, timescales, working_days_between

NOTIFICATION = "notification"
RAPID_REVIEW = "rapid_review"
LCSPR = "lcspr"


@dataclass(frozen=True)
class Deadline:
    """One statutory deadline of an incident: when it is due and when it was met, if yet."""

    key: str
    label: str
    due_on: date
    done_on: date | None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def met(self) -> bool | None:
        """True when done on time, False when done late, None while still open."""
        return None if self.done_on is None else self.done_on <= self.due_on

    @property
    def working_days_late(self) -> int:
        """How many working days after the due date it was done (0 when on time or open)."""
        if self.done_on is None or self.done_on <= self.due_on:
            return 0
        return working_days_between(self.due_on, self.done_on)

    def rag(self, today: date) -> RAG | None:
        return deadline_rag(self.due_on, self.done_on, today)


def deadline_rag(due_on: date, done_on: date | None, today: date) -> RAG | None:
    """Rule: an open deadline is red once passed, amber when it falls within the amber
    window (``amber_working_days`` working days, default 2), otherwise green. A deadline
    that has been met has no RAG: it is shown as met or late instead."""
    if done_on is not None:
        return None
    if today > due_on:
        return RAG.RED
    if working_days_between(today, due_on) <= timescales()["amber_working_days"]:
        return RAG.AMBER
    return RAG.GREEN


def incident_deadlines(incident: SeriousIncident) -> list[Deadline]:
    """Rule: notification within 5 working days and the rapid review sent to the panel
    within 15 working days of the local authority becoming aware; where an LCSPR is
    decided, publication within 6 months of the decision (all configurable)."""
    scales = timescales()
    deadlines = [
        Deadline(
            NOTIFICATION,
            "Notify the national panel",
            add_working_days(incident.aware_on, scales["notification_working_days"]),
            incident.notified_on,
        ),
        Deadline(
            RAPID_REVIEW,
            "Send the rapid review to the national panel",
            add_working_days(incident.aware_on, scales["rapid_review_working_days"]),
            incident.sent_to_panel_on,
        ),
    ]
    if incident.decision == RapidReviewDecision.LCSPR and incident.decided_on:
        review = incident.practice_review
        deadlines.append(
            Deadline(
                LCSPR,
                "Complete and publish the local review",
                add_months(incident.decided_on, scales["lcspr_months"]),
                review.published_on if review else None,
            )
        )
    return deadlines


def next_deadline(incident: SeriousIncident) -> Deadline | None:
    """The earliest deadline not yet met, if any."""
    open_ = [deadline for deadline in incident_deadlines(incident) if not deadline.is_done]
    return min(open_, key=lambda deadline: deadline.due_on) if open_ else None


def incident_stage(incident: SeriousIncident) -> Stage:
    """Rule: notification comes first; then the rapid review until a decision; after an
    LCSPR decision the incident is in its local review until the review is published."""
    if incident.notified_on is None:
        return Stage.NOTIFICATION_DUE
    if not incident.decision or incident.sent_to_panel_on is None:
        return Stage.RAPID_REVIEW
    if incident.decision == RapidReviewDecision.LCSPR:
        review = incident.practice_review
        return Stage.PUBLISHED if review and review.published_on else Stage.LCSPR
    return Stage.CLOSED


def meets_notification_criteria(incident: SeriousIncident) -> bool:
    """Rule: a serious incident is notifiable when abuse or neglect is known or suspected
    and the child has died or been seriously harmed."""
    return incident.abuse_or_neglect and incident.death_or_serious_harm


def return_is_late(request: InformationRequest, today: date) -> bool:
    """Rule: an information return is late when it was (or is still not) submitted after
    its due date."""
    if request.submitted_at is not None:
        return request.submitted_at.date() > request.due_on
    return today > request.due_on


def can_commission_lcspr(incident: SeriousIncident) -> bool:
    """Rule: a local review is commissioned only after the rapid review decided on one,
    and only once."""
    return incident.decision == RapidReviewDecision.LCSPR and incident.practice_review_id is None


# Recommendation states (as the register derives them) that count towards compliance.
_DONE_STATES = frozenset({"completed", "embedded"})
_UNDERWAY_STATES = frozenset({"not_started", "in_progress", "awaiting_sign_off"})


def recommendation_on_target(status: str, rag: str | None) -> bool:
    """Rule "on target": a review's recommendation is completed (or embedded), or has
    actions under way of which none is red (overdue or closed not achieved). A
    recommendation with no actions yet is not on target: nothing has been planned."""
    if status in _DONE_STATES:
        return True
    return status in _UNDERWAY_STATES and rag != RAG.RED


@dataclass(frozen=True)
class Compliance:
    """A practice review's recommendations against the rule "on target"."""

    total: int
    completed: int
    on_target: int

    @property
    def off_target(self) -> int:
        return self.total - self.on_target

    @property
    def compliant(self) -> bool:
        """Rule "review compliance": the review has recommendations and all of them are
        completed or in progress and on target."""
        return self.total > 0 and self.off_target == 0


def review_compliance(states: list[tuple[str, str | None]]) -> Compliance:
    """Summarise (status, RAG) pairs of a review's recommendations."""
    return Compliance(
        total=len(states),
        completed=sum(1 for status, _ in states if status in _DONE_STATES),
        on_target=sum(1 for status, rag in states if recommendation_on_target(status, rag)),
    )
