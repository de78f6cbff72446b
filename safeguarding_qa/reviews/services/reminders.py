"""Reminder e-mails about statutory deadlines, sent once per deadline per person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.core.choices import RAG

from .. import events, rules
from ..models import InformationRequest, ReminderSent, SeriousIncident
from ..policies import incidents as incident_policy
from ..policies import information_requests as request_policy


@dataclass(frozen=True)
class Reminder:
    key: str
    due_on: date
    recipient: Any
    subject: str
    body: str


def _incident_reminders(today: date, people: list[Any]) -> list[Reminder]:
    managers = [p for p in people if incident_policy.can(Access.for_user(p), "manage")]
    reminders = []
    for incident in SeriousIncident.objects.select_related("practice_review"):
        for deadline in rules.incident_deadlines(incident):
            rag = deadline.rag(today)
            if rag not in (RAG.RED, RAG.AMBER):
                continue
            state = "overdue" if rag == RAG.RED else "due soon"
            for person in managers:
                reminders.append(
                    Reminder(
                        key=f"incident:{incident.pk}:{deadline.key}:{state}",
                        due_on=deadline.due_on,
                        recipient=person,
                        subject=f"{deadline.label} for {incident.reference} is {state}",
                        body=(
                            f"{deadline.label} for serious incident {incident.reference} was "
                            f"due on {deadline.due_on:%d %B %Y}. Sign in to Safeguarding QA "
                            "to record it."
                        ),
                    )
                )
    return reminders


def _request_reminders(today: date, people: list[Any]) -> list[Reminder]:
    reminders = []
    pending = InformationRequest.objects.filter(submitted_at__isnull=True).select_related(
        "incident", "organisation"
    )
    for info in pending:
        rag = rules.deadline_rag(info.due_on, None, today)
        if rag not in (RAG.RED, RAG.AMBER):
            continue
        state = "overdue" if rag == RAG.RED else "due soon"
        for person in people:
            if person.organisation_id != info.organisation_id:
                continue
            if not request_policy.can(Access.for_user(person), "submit", info):
                continue
            reminders.append(
                Reminder(
                    key=f"information:{info.pk}:{state}",
                    due_on=info.due_on,
                    recipient=person,
                    subject=f"Your agency's information for {info.incident.reference} is {state}",
                    body=(
                        f"The practice review group asked {info.organisation} for its "
                        f"information about {info.incident.reference} by "
                        f"{info.due_on:%d %B %Y}. Sign in to Safeguarding QA to return it."
                    ),
                )
            )
    return reminders


def reminders_due(*, today: date) -> list[Reminder]:
    """Every reminder that applies today (amber or red deadlines), sent or not."""
    people = list(User.objects.filter(is_active=True).select_related("organisation"))
    return _incident_reminders(today, people) + _request_reminders(today, people)


def send_reminders(*, today: date) -> int:
    """Send each reminder not already sent for that deadline; returns how many were sent.
    Safe to run as often as cron likes: a deadline reminds each person once per state."""
    sent = 0
    for reminder in reminders_due(today=today):
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    deadline_key=reminder.key,
                    due_on=reminder.due_on,
                    recipient=reminder.recipient,
                )
                record_event(
                    kind=events.REMINDER_SENT,
                    target=reminder.recipient,
                    description=reminder.subject,
                    data={"deadline": reminder.key, "due_on": reminder.due_on.isoformat()},
                )
                send_mail(
                    reminder.subject,
                    reminder.body,
                    settings.DEFAULT_FROM_EMAIL,
                    [reminder.recipient.email],
                )
        except IntegrityError:
            continue  # already sent for this deadline
        sent += 1
    return sent
