"""Signing in and out: audit events, and lockout after too many failures with a retry time."""

from __future__ import annotations

from datetime import date, datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.demo.personas import DEMO_PASSWORD


def _sign_in(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))


def test_signing_in_and_out_is_audited(client, personas):
    person = personas["viewer"]
    assert _sign_in(client, person.email, DEMO_PASSWORD).status_code == 302
    client.post(reverse("account_logout"))
    assert _kinds() == ["sign_in.succeeded", "sign_in.signed_out"]
    events = AuditEvent.objects.order_by("sequence")
    assert {event.actor_id for event in events} == {person.pk}


def test_a_failed_sign_in_is_audited_with_the_address_tried(client, personas):
    _sign_in(client, personas["viewer"].email, "wrong-password")
    _sign_in(client, "nobody@brackenmoor.example", "wrong-password")
    events = list(AuditEvent.objects.filter(kind="sign_in.failed").order_by("sequence"))
    assert [(e.target_id, e.data["email"]) for e in events] == [
        (str(personas["viewer"].pk), "viewer@brackenmoor.example"),
        ("", "nobody@brackenmoor.example"),
    ]
    assert events[1].target_description == "Unknown e-mail address nobody@brackenmoor.example"


def test_after_five_failures_the_person_is_told_when_to_try_again(client, personas):
    person = personas["viewer"]
    # 14:20:30 on a fixed day; the limit is 5 failures per address in 15 minutes.
    start = datetime(2026, 3, 10, 14, 20, 30, tzinfo=timezone.get_current_timezone())
    with mock.patch("time.time", return_value=start.timestamp()):
        for _ in range(5):
            response = _sign_in(client, person.email, "wrong-password")
            assert "The e-mail address or password is not correct." in response.content.decode()
        with mock.patch("django.utils.timezone.localdate", return_value=start.date()):
            locked = _sign_in(client, person.email, DEMO_PASSWORD)
    page = locked.content.decode()
    assert locked.status_code == 200
    assert "You have tried to sign in too many times. You can try again after 14:36." in page
    assert "<title>Error: Sign in" in page
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind="sign_in.locked_out")
    assert event.target_id == str(person.pk)
    assert event.data["email"] == person.email
    assert event.data["retry_after"].startswith("2026-03-10T14:35:30")
    # A failure that was locked out is not also recorded as a failed password.
    assert AuditEvent.objects.filter(kind="sign_in.failed").count() == 5


def test_the_lock_lifts_after_the_time_given(client, personas):
    person = personas["viewer"]
    start = datetime(2026, 3, 10, 14, 20, 30, tzinfo=timezone.get_current_timezone())
    with mock.patch("time.time", return_value=start.timestamp()):
        for _ in range(5):
            _sign_in(client, person.email, "wrong-password")
    later = start.timestamp() + 15 * 60 + 1
    with mock.patch("time.time", return_value=later):
        response = _sign_in(client, person.email, DEMO_PASSWORD)
    assert response.status_code == 302


def test_the_lock_is_per_address(client, personas):
    for _ in range(5):
        _sign_in(client, personas["viewer"].email, "wrong-password")
    response = _sign_in(client, personas["viewer_police"].email, DEMO_PASSWORD)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ((2026, 3, 10, 14, 35, 0), "14:35"),
        ((2026, 3, 10, 14, 35, 1), "14:36"),
        ((2026, 7, 1, 9, 5, 0), "09:05 on 1 July 2026"),
    ],
)
def test_retry_times_are_whole_minutes_in_local_time(moment, expected):
    from safeguarding_qa.accounts.adapters import _clock

    year, month, day, hour, minute, second = moment
    local = datetime(year, month, day, hour, minute, second, tzinfo=timezone.get_current_timezone())
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 3, 10)):
        assert _clock(local) == expected
