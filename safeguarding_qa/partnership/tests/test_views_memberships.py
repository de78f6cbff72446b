"""Membership pages: add a person, change their role, end their membership."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from safeguarding_qa.partnership.choices import GroupRole
from safeguarding_qa.partnership.models import Group, Membership

from .conftest import change_events, events_of

pytestmark = pytest.mark.django_db


def _add_url(group) -> str:
    return reverse("partnership:membership-add", kwargs={"pk": group.pk})


def _url(name: str, membership: Membership) -> str:
    return reverse(
        f"partnership:{name}", kwargs={"group_pk": membership.group_id, "pk": membership.pk}
    )


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _date(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}_day": str(day), f"{prefix}_month": str(month), f"{prefix}_year": str(year)}


def test_add_page_lists_active_people_with_their_organisations(client_as, group, personas):
    personas["viewer"].is_active = False
    personas["viewer"].save()

    response = client_as("admin").get(_add_url(group))

    page = response.content.decode()
    assert "Gideon Trewartha — Fellshire Constabulary" in page
    assert "Ambrose Tollervey" not in page
    assert 'name="started_on_day"' in page


def test_add_puts_the_person_in_the_group(client_as, group, personas):
    response = client_as("admin").post(
        _add_url(group),
        {
            "person": personas["lead_hospital"].pk,
            "role": GroupRole.VICE_CHAIR,
            **_date("started_on", 1, 4, 2025),
        },
        follow=True,
    )

    membership = Membership.objects.get()
    assert (membership.person, membership.role, membership.started_on) == (
        personas["lead_hospital"],
        "vice_chair",
        date(2025, 4, 1),
    )
    assert response.redirect_chain == [
        (reverse("partnership:group-detail", kwargs={"pk": group.pk}), 302)
    ]
    assert _messages(response) == ["Niamh Carbery has been added to Test Review Group."]


def test_add_with_an_impossible_date_shows_an_error_and_adds_nothing(client_as, group, personas):
    response = client_as("admin").post(
        _add_url(group),
        {"person": personas["chair"].pk, "role": "member", **_date("started_on", 31, 2, 2025)},
    )

    page = response.content.decode()
    assert "<title>Error: Add a member to Test Review Group" in page
    assert "Enter a real date, for example 27 3 2026" in page
    assert Membership.objects.count() == 0


def test_add_with_nothing_chosen_shows_every_error(client_as, group):
    response = client_as("admin").post(_add_url(group), {})

    assert response.context["form"].errors == {
        "person": ["Choose the person to add"],
        "role": ["Select their role in the group"],
        "started_on": ["Enter the date they joined"],
    }
    assert Membership.objects.count() == 0


def test_add_someone_already_a_member_is_a_form_error(client_as, group, membership, personas):
    client = client_as("admin")
    page = client.get(_add_url(group)).content.decode()

    response = client.post(
        _add_url(group),
        {"person": personas["lead_police"].pk, "role": "chair", **_date("started_on", 1, 5, 2025)},
    )

    assert "Gideon Trewartha" not in page
    assert response.context["form"].errors == {"person": ["Choose a person from the list"]}
    assert Membership.objects.count() == 1
    assert change_events() == []


def test_change_role_saves_the_new_role(client_as, membership):
    client = client_as("admin")
    form = client.get(_url("membership-change-role", membership)).context["form"]

    response = client.post(
        _url("membership-change-role", membership), {"role": GroupRole.CHAIR}, follow=True
    )

    assert form.initial == {"role": "member"}
    membership.refresh_from_db()
    assert membership.role == GroupRole.CHAIR
    assert _messages(response) == ["Gideon Trewartha is now chair of Test Review Group."]
    assert len(events_of("membership.changed")) == 1


def test_change_role_to_nonsense_shows_an_error_and_changes_nothing(client_as, membership):
    response = client_as("admin").post(_url("membership-change-role", membership), {"role": "king"})

    assert "<title>Error: Change Gideon Trewartha" in response.content.decode()
    assert Membership.objects.get().role == GroupRole.MEMBER


def test_end_records_the_date_and_reason(client_as, membership):
    response = client_as("admin").post(
        _url("membership-end", membership),
        {**_date("ended_on", 31, 3, 2025), "reason": "Left the organisation."},
        follow=True,
    )

    membership.refresh_from_db()
    assert (membership.ended_on, membership.end_reason) == (
        date(2025, 3, 31),
        "Left the organisation.",
    )
    assert _messages(response) == ["Gideon Trewartha's membership of Test Review Group has ended."]
    assert change_events() == ["membership.ended"]


def test_end_before_it_started_is_a_form_error_and_changes_nothing(client_as, membership):
    response = client_as("admin").post(
        _url("membership-end", membership),
        {**_date("ended_on", 1, 1, 2024), "reason": "Mistake."},
    )

    assert response.context["form"].errors == {
        "ended_on": ["The end date must be on or after the date the membership started."]
    }
    assert "<title>Error: End Gideon Trewartha" in response.content.decode()
    assert Membership.objects.get().ended_on is None
    assert change_events() == []


def test_end_without_a_reason_asks_for_one(client_as, membership):
    response = client_as("admin").post(
        _url("membership-end", membership), _date("ended_on", 31, 3, 2025)
    )

    assert response.context["form"].errors == {"reason": ["Enter the reason the membership ended"]}
    assert Membership.objects.get().ended_on is None


def test_an_ended_membership_cannot_be_ended_or_changed_again(client_as, membership):
    Membership.objects.filter(pk=membership.pk).update(ended_on=date(2025, 1, 1))
    client = client_as("admin")

    ended = client.post(_url("membership-end", membership), _date("ended_on", 2, 2, 2025))
    changed = client.post(_url("membership-change-role", membership), {"role": "chair"})

    assert ended.status_code == changed.status_code == 302
    membership.refresh_from_db()
    assert (membership.ended_on, membership.role) == (date(2025, 1, 1), "member")
    assert change_events() == []


def test_a_membership_is_found_only_through_its_own_group(client_as, membership, group):
    other = Group.objects.create(name="Other Group", kind="other")

    response = client_as("admin").get(
        reverse("partnership:membership-end", kwargs={"group_pk": other.pk, "pk": membership.pk})
    )

    assert response.status_code == 404


def test_refused_end_changes_nothing(client_as, membership):
    response = client_as("chair").post(
        _url("membership-end", membership),
        {**_date("ended_on", 31, 3, 2025), "reason": "Not allowed."},
    )

    assert response.status_code == 403
    assert Membership.objects.get().ended_on is None
    assert change_events() == []
