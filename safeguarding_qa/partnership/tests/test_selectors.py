"""Reads: annotated counts, scoping, ordering, and the membership history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership import selectors
from safeguarding_qa.partnership.choices import GroupKind, GroupRole, Sector
from safeguarding_qa.partnership.models import Group, Membership, Organisation

pytestmark = pytest.mark.django_db


def test_organisation_list_counts_only_active_people(access_as, personas, organisations):
    personas["viewer_police"].is_active = False
    personas["viewer_police"].save()

    police: Any = selectors.organisation_list(access=access_as("viewer"), sector=Sector.POLICE)

    assert [(o.name, o.active_people) for o in police] == [("Fellshire Constabulary", 2)]


def test_organisation_list_filters_by_status(access_as, organisations):
    Organisation.objects.filter(pk=organisations["housing"].pk).update(is_active=False)

    inactive = selectors.organisation_list(access=access_as("viewer"), active=False)
    active = selectors.organisation_list(access=access_as("viewer"), active=True)

    assert [o.name for o in inactive] == ["Brackenmoor Homes"]
    assert "Brackenmoor Homes" not in [o.name for o in active]
    assert active.count() == 12


def test_organisation_list_is_empty_for_someone_not_signed_in(organisations):
    assert list(selectors.organisation_list(access=Access.for_user(None))) == []


def test_organisation_people_counts_active_and_all(personas, organisations):
    personas["viewer_police"].is_active = False
    personas["viewer_police"].save()

    people = selectors.organisation_people(organisation=organisations["police"])

    assert people == selectors.OrganisationPeople(active=2, total=3)


def test_organisation_groups_counts_current_members_only(group, personas, organisations):
    Membership.objects.create(
        group=group, person=personas["lead_police"], started_on=date(2024, 1, 1)
    )
    Membership.objects.create(
        group=group, person=personas["auditor_police"], started_on=date(2024, 1, 1)
    )
    Membership.objects.create(
        group=group,
        person=personas["viewer_police"],
        started_on=date(2023, 1, 1),
        ended_on=date(2023, 12, 31),
    )

    groups = selectors.organisation_groups(organisation=organisations["police"])

    assert groups == [{"group_id": group.pk, "group__name": "Test Review Group", "people": 2}]


def test_group_list_counts_current_members_and_puts_active_groups_first(access_as, group, personas):
    today = timezone.localdate()
    closed = Group.objects.create(name="A Closed Group", kind=GroupKind.OTHER, is_active=False)
    Membership.objects.create(group=group, person=personas["chair"], started_on=date(2024, 1, 1))
    Membership.objects.create(
        group=group, person=personas["viewer"], started_on=today + timedelta(days=7)
    )
    Membership.objects.create(
        group=group,
        person=personas["scrutineer"],
        started_on=date(2023, 1, 1),
        ended_on=date(2023, 6, 30),
    )

    groups: Any = selectors.group_list(access=access_as("viewer"))

    assert [(g.name, g.current_members) for g in groups] == [
        ("Test Review Group", 1),
        (closed.name, 0),
    ]


def test_group_members_are_current_and_upcoming_chair_first(group, personas):
    today = timezone.localdate()
    Membership.objects.create(
        group=group, person=personas["lead_council"], started_on=date(2024, 1, 1)
    )
    Membership.objects.create(
        group=group, person=personas["chair"], role=GroupRole.CHAIR, started_on=date(2024, 1, 1)
    )
    Membership.objects.create(
        group=group, person=personas["viewer"], started_on=today + timedelta(days=7)
    )
    Membership.objects.create(
        group=group,
        person=personas["scrutineer"],
        started_on=date(2023, 1, 1),
        ended_on=date(2023, 6, 30),
    )

    members = selectors.group_members(group=group)

    assert [m.person.full_name for m in members] == [
        "Dr Imelda Varcoe",
        "Ambrose Tollervey",
        "Saffron Olawale",
    ]


def test_group_history_lists_every_membership_newest_first(group, personas):
    for key, started in [("chair", date(2023, 4, 1)), ("viewer", date(2025, 4, 1))]:
        Membership.objects.create(group=group, person=personas[key], started_on=started)
    Membership.objects.create(
        group=group,
        person=personas["scrutineer"],
        started_on=date(2024, 4, 1),
        ended_on=date(2025, 3, 31),
        end_reason="Term ended.",
    )

    history = selectors.group_history(group=group)

    assert [(m.person.full_name, m.started_on.year, m.end_reason) for m in history] == [
        ("Ambrose Tollervey", 2025, ""),
        ("Bartholomew Kessel", 2024, "Term ended."),
        ("Dr Imelda Varcoe", 2023, ""),
    ]


def test_membership_person_choices_are_active_people_not_already_members(
    access_as, personas, group, membership
):
    personas["viewer"].is_active = False
    personas["viewer"].save()
    Membership.objects.create(
        group=group,
        person=personas["chair"],
        started_on=date(2023, 1, 1),
        ended_on=date(2023, 12, 31),
    )

    people = selectors.membership_person_choices(access=access_as("admin"), group=group)

    assert personas["viewer"] not in people
    assert personas["lead_police"] not in people
    assert personas["chair"] in people
    assert people.count() == len(personas) - 2


def test_can_view_people_follows_the_people_policy(access_as):
    assert selectors.can_view_people(access_as("lead_police")) is True
    assert selectors.can_view_people(access_as("auditor_police")) is False
