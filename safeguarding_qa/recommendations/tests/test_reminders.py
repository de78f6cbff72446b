"""Reminder e-mails: owners daily, leads' weekly digest with opt-out, command and task."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.recommendations.choices import ActionStatus
from safeguarding_qa.recommendations.services.reminders import (
    digest_preference_set,
    digest_send,
    reminders_send,
)
from safeguarding_qa.recommendations.tasks import send_action_reminders

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def actions(personas, organisations):
    recommendation = make_recommendation(reference="RX-1")
    return {
        "overdue": make_action(
            recommendation,
            organisations["police"],
            owner=personas["auditor_police"],
            due_on=TODAY - timedelta(days=3),
            description="Overdue police action",
        ),
        "soon": make_action(
            recommendation,
            organisations["police"],
            owner=personas["auditor_police"],
            due_on=TODAY + timedelta(days=10),
            description="Soon police action",
        ),
        "later": make_action(
            recommendation,
            organisations["council"],
            owner=personas["lead_council"],
            due_on=TODAY + timedelta(days=60),
            description="Later council action",
        ),
        "done": make_action(
            recommendation,
            organisations["hospital"],
            owner=personas["lead_hospital"],
            due_on=TODAY - timedelta(days=3),
            status=ActionStatus.AWAITING_SIGN_OFF,
            description="Done hospital action",
        ),
    }


def test_owners_get_one_email_about_due_and_overdue_actions(
    actions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = reminders_send()
    assert result.emails == 1 and result.actions == 2
    [message] = mail.outbox
    assert message.to == ["auditor.police@brackenmoor.example"]
    assert "OVERDUE" in message.body and "Soon police action" in message.body
    assert "Later council action" not in message.body
    assert AuditEvent.objects.filter(kind="action.reminders_sent").count() == 1


def test_digest_goes_to_leads_who_have_not_opted_out(
    actions, personas, django_capture_on_commit_callbacks
):
    digest_preference_set(actor=personas["lead_hospital"], weekly_digest=False)
    with django_capture_on_commit_callbacks(execute=True):
        digest_send()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["lead.police@brackenmoor.example"]
    assert "Overdue police action" in mail.outbox[0].body


def test_command_and_task(actions, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders", stdout=out)
    assert "Sent 1 reminder e-mail about 2 actions" in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders", "--digest", stdout=out)
        send_action_reminders.enqueue(digest=False)
    assert len(mail.outbox) >= 3


def test_opt_out_page(client_as, personas):
    from django.urls import reverse

    client = client_as("lead_police")
    assert client.get(reverse("recommendations:reminder-settings")).status_code == 200
    response = client.post(reverse("recommendations:reminder-settings"), {})
    assert response.status_code == 302
    assert personas["lead_police"].register_reminders.weekly_digest is False
