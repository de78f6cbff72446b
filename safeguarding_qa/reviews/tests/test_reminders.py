"""Reminder e-mails: due and overdue deadlines reach the right people, once each."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from safeguarding_qa.reviews.services.reminders import send_reminders

pytestmark = pytest.mark.django_db


def test_overdue_deadlines_reach_the_group_once(incident, council_request):
    sent = send_reminders(today=date(2026, 3, 10))
    notified = {m.to[0] for m in mail.outbox if m.subject.startswith("Notify the national")}
    # Notification overdue: administrators and the chair in the group (not qa_lead, outside).
    assert notified == {
        "admin@brackenmoor.example",
        "admin.icb@brackenmoor.example",
        "chair@brackenmoor.example",
    }
    # The council's information is overdue: the council's people who may return it are told.
    asked = {m.to[0] for m in mail.outbox if m.subject.startswith("Your agency's")}
    assert "lead.council@brackenmoor.example" in asked
    assert "lead.police@brackenmoor.example" not in asked
    assert sent == len(mail.outbox)
    assert send_reminders(today=date(2026, 3, 10)) == 0
    assert len(mail.outbox) == sent


def test_nothing_is_sent_while_deadlines_are_far_off(incident):
    assert send_reminders(today=date(2026, 2, 1)) == 0
    assert mail.outbox == []


def test_the_command_reports_what_it_sent(incident, capsys):
    call_command("send_practice_review_reminders")
    assert "practice review reminder" in capsys.readouterr().out
