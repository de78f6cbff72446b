"""E-mail reminders: owners about actions due within 14 days or overdue (daily), and a
weekly digest for agency leads of their organisation's actions, which anyone may turn off.

Run by ``manage.py send_action_reminders [--digest]`` from cron, or by the task in
``tasks.py``. Each run is one audit event; queries do not grow with the number of actions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.audittrail.services.recording import record_event

from .. import events, rules
from ..choices import OPEN_STATUSES, ActionStatus
from ..models import Action, ReminderPreference
from ..policies import digest_recipient_roles


@dataclass(frozen=True)
class ReminderResult:
    emails: int
    actions: int


def _link(action: Action) -> str:
    base = str(getattr(settings, "SITE_URL", "")).rstrip("/")
    return f"{base}{reverse('recommendations:action-detail', args=[action.pk])}"


def _line(action: Action, today: date) -> str:
    state = "OVERDUE" if action.due_on < today else "due"
    return (
        f"- {action.recommendation.reference} ({action.organisation}): "
        f"{action.description[:150]}\n  {state} {action.due_on:%d %B %Y} - {_link(action)}"
    )


def _send(messages: list[EmailMessage]) -> None:
    if messages:
        get_connection().send_messages(messages)


def _owners_actions(today: date) -> dict[Any, list[Action]]:
    actions = (
        Action.objects.filter(
            status__in=OPEN_STATUSES,
            due_on__lte=today + rules.REMINDER_WINDOW,
            owner__is_active=True,
        )
        .select_related("owner", "organisation", "recommendation")
        .order_by("due_on", "pk")
    )
    by_owner: dict[Any, list[Action]] = defaultdict(list)
    for action in actions:
        by_owner[action.owner].append(action)
    return by_owner


@transaction.atomic
def reminders_send(*, today: date | None = None) -> ReminderResult:
    """E-mail each owner a list of their open actions overdue or due within 14 days."""
    today = today or timezone.localdate()
    messages = []
    by_owner = _owners_actions(today)
    for owner, actions in by_owner.items():
        overdue = sum(1 for action in actions if action.due_on < today)
        body = (
            f"Dear {owner.display_name},\n\nThese actions you own in the recommendations "
            f"register are overdue or due within {rules.REMINDER_WINDOW.days} days "
            f"({overdue} overdue):\n\n"
            + "\n".join(_line(action, today) for action in actions)
            + "\n\nPlease record your progress in the register.\n"
        )
        subject = f"{len(actions)} action{'s' if len(actions) != 1 else ''} due or overdue"
        messages.append(EmailMessage(subject, body, to=[owner.email]))
    total = sum(len(actions) for actions in by_owner.values())
    record_event(
        kind=events.ACTION_REMINDED,
        description="Action reminders",
        data={"emails": len(messages), "actions": total, "on": today.isoformat()},
    )
    transaction.on_commit(lambda: _send(messages))
    return ReminderResult(emails=len(messages), actions=total)


@transaction.atomic
def digest_send(*, today: date | None = None) -> ReminderResult:
    """E-mail each agency lead (unless they opted out) their organisation's open actions
    that are overdue or due within 30 days, and those awaiting sign-off."""
    today = today or timezone.localdate()
    opted_out = ReminderPreference.objects.filter(weekly_digest=False).values("person_id")
    leads = (
        get_user_model()
        .objects.filter(is_active=True, role__in=digest_recipient_roles())
        .exclude(organisation__isnull=True)
        .exclude(pk__in=opted_out)
    )
    lead_list = list(leads)
    actions = (
        Action.objects.filter(organisation_id__in={lead.organisation_id for lead in lead_list})
        .filter(
            Q(status__in=OPEN_STATUSES, due_on__lte=today + rules.DUE_SOON)
            | Q(status=ActionStatus.AWAITING_SIGN_OFF)
        )
        .select_related("organisation", "recommendation")
        .order_by("due_on", "pk")
    )
    by_organisation: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        by_organisation[action.organisation_id].append(action)
    messages = []
    for lead in lead_list:
        mine = by_organisation.get(lead.organisation_id or 0, [])
        if not mine:
            continue
        body = (
            f"Dear {lead.display_name},\n\nYour organisation's actions in the "
            "recommendations register that need attention this week:\n\n"
            + "\n".join(
                _line(action, today)
                + (
                    " (awaiting sign-off)"
                    if action.status == ActionStatus.AWAITING_SIGN_OFF
                    else ""
                )
                for action in mine
            )
            + "\n\nYou can stop this weekly digest on the register's reminders page.\n"
        )
        messages.append(
            EmailMessage("Weekly digest: your organisation's actions", body, to=[lead.email])
        )
    record_event(
        kind=events.DIGEST_SENT,
        description="Weekly digest of actions",
        data={"emails": len(messages), "on": today.isoformat()},
    )
    transaction.on_commit(lambda: _send(messages))
    return ReminderResult(
        emails=len(messages), actions=sum(len(v) for v in by_organisation.values())
    )


@transaction.atomic
def digest_preference_set(*, actor: Any, weekly_digest: bool) -> ReminderPreference:
    """Turn the weekly digest on or off for oneself."""
    preference, _ = ReminderPreference.objects.get_or_create(person=actor)
    if preference.weekly_digest != weekly_digest:
        before = {"weekly_digest": preference.weekly_digest}
        preference.weekly_digest = weekly_digest
        preference.save()
        record_event(
            kind=events.DIGEST_PREFERENCE_CHANGED,
            actor=actor,
            target=preference,
            before=before,
            after={"weekly_digest": weekly_digest},
        )
    return preference


def digest_wanted(*, person: Any) -> bool:
    preference = ReminderPreference.objects.filter(person=person).first()
    return preference is None or preference.weekly_digest
