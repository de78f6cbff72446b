"""Group and membership services: typed audit events, refusals, validation."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.choices import GroupKind, GroupRole, MeetingFrequency
from safeguarding_qa.partnership.models import Group, Membership
from safeguarding_qa.partnership.services.groups import (
    group_create,
    group_update,
    membership_add,
    membership_change_role,
    membership_end,
)

from .conftest import events_of

pytestmark = pytest.mark.django_db
NON_ADMINS = ["chair", "qa_lead", "lead_police", "auditor_council", "scrutineer", "viewer"]


def test_group_create_records_its_details(access_as, personas):
    group = group_create(
        access=access_as("admin"),
        name="Neglect Task Group",
        kind=GroupKind.OTHER,
        meeting_frequency=MeetingFrequency.MONTHLY,
        purpose="Leads the neglect strategy.",
    )

    [event] = events_of("group.created")
    assert event.target_id == str(group.pk)
    assert event.actor_id == personas["admin"].pk
    assert event.after == {
        "name": "Neglect Task Group",
        "kind": "other",
        "meeting_frequency": "monthly",
        "purpose": "Leads the neglect strategy.",
        "is_active": True,
    }


def test_group_create_refuses_a_name_already_taken(access_as, group):
    with pytest.raises(ValidationError) as error:
        group_create(access=access_as("admin"), name="TEST REVIEW GROUP", kind=GroupKind.OTHER)

    assert error.value.message_dict == {
        "name": ["A group called TEST REVIEW GROUP already exists. Enter another name."]
    }
    assert Group.objects.count() == 1
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("key", NON_ADMINS)
def test_group_create_is_refused_for_everyone_but_administrators(access_as, key):
    with pytest.raises(PermissionDenied):
        group_create(access=access_as(key), name="Refused Group", kind=GroupKind.OTHER)

    assert Group.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_group_update_records_before_and_after(access_as, group):
    group_update(
        access=access_as("admin"),
        group=group,
        meeting_frequency=MeetingFrequency.QUARTERLY,
        is_active=False,
    )

    [event] = events_of("group.changed")
    assert event.before == {"meeting_frequency": "as_required", "is_active": True}
    assert event.after == {"meeting_frequency": "quarterly", "is_active": False}


@pytest.mark.parametrize("key", NON_ADMINS)
def test_group_update_is_refused_for_everyone_but_administrators(access_as, group, key):
    with pytest.raises(PermissionDenied):
        group_update(access=access_as(key), group=group, name="Renamed")

    assert Group.objects.get().name == "Test Review Group"
    assert AuditEvent.objects.count() == 0


def test_membership_add_records_the_new_membership(access_as, group, personas):
    membership = membership_add(
        access=access_as("admin"),
        group=group,
        person=personas["lead_hospital"],
        role=GroupRole.VICE_CHAIR,
        started_on=date(2025, 4, 1),
    )

    assert membership.ended_on is None
    [event] = events_of("membership.added")
    assert event.organisation_id == personas["lead_hospital"].organisation_id
    assert event.after == {
        "group": "Test Review Group",
        "person": "Niamh Carbery",
        "role": "vice_chair",
        "started_on": "2025-04-01",
        "ended_on": None,
        "end_reason": "",
    }


def test_membership_add_refuses_someone_already_a_member(access_as, group, membership, personas):
    with pytest.raises(ValidationError) as error:
        membership_add(
            access=access_as("admin"),
            group=group,
            person=personas["lead_police"],
            role=GroupRole.CHAIR,
            started_on=date(2025, 4, 1),
        )

    assert error.value.message_dict == {
        "person": [
            "Gideon Trewartha is already a member of Test Review Group. End that membership first."
        ]
    }
    assert Membership.objects.count() == 1
    assert AuditEvent.objects.count() == 0


def test_membership_add_refuses_a_deactivated_person(access_as, group, personas):
    person = personas["viewer"]
    person.is_active = False
    person.save()

    with pytest.raises(ValidationError) as error:
        membership_add(
            access=access_as("admin"),
            group=group,
            person=person,
            role=GroupRole.MEMBER,
            started_on=date(2025, 4, 1),
        )

    assert list(error.value.message_dict) == ["person"]
    assert Membership.objects.count() == 0


@pytest.mark.parametrize("key", NON_ADMINS)
def test_membership_add_is_refused_for_everyone_but_administrators(access_as, group, personas, key):
    with pytest.raises(PermissionDenied):
        membership_add(
            access=access_as(key),
            group=group,
            person=personas[key],
            role=GroupRole.MEMBER,
            started_on=date(2025, 4, 1),
        )

    assert Membership.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_membership_change_role_records_before_and_after(access_as, membership):
    membership_change_role(access=access_as("admin"), membership=membership, role=GroupRole.CHAIR)

    membership.refresh_from_db()
    assert membership.role == GroupRole.CHAIR
    [event] = events_of("membership.changed")
    assert (event.before, event.after) == ({"role": "member"}, {"role": "chair"})


@pytest.mark.parametrize("key", NON_ADMINS)
def test_membership_change_role_is_refused_for_everyone_but_administrators(
    access_as, membership, key
):
    with pytest.raises(PermissionDenied):
        membership_change_role(access=access_as(key), membership=membership, role=GroupRole.CHAIR)

    assert Membership.objects.get().role == GroupRole.MEMBER
    assert AuditEvent.objects.count() == 0


def test_membership_end_keeps_the_row_with_its_date_and_reason(access_as, membership):
    membership_end(
        access=access_as("admin"),
        membership=membership,
        ended_on=date(2025, 3, 31),
        reason="Replaced at the membership review.",
    )

    membership.refresh_from_db()
    assert (membership.ended_on, membership.end_reason) == (
        date(2025, 3, 31),
        "Replaced at the membership review.",
    )
    [event] = events_of("membership.ended")
    assert event.before == {"ended_on": None, "end_reason": ""}
    assert event.after == {
        "ended_on": "2025-03-31",
        "end_reason": "Replaced at the membership review.",
    }


def test_membership_end_refuses_a_date_before_it_started(access_as, membership):
    with pytest.raises(ValidationError) as error:
        membership_end(access=access_as("admin"), membership=membership, ended_on=date(2024, 3, 31))

    assert error.value.message_dict == {
        "ended_on": ["The end date must be on or after the date the membership started."]
    }
    assert Membership.objects.get().ended_on is None
    assert AuditEvent.objects.count() == 0


def test_membership_end_refuses_an_ended_membership_and_role_changes_to_it(access_as, membership):
    membership_end(access=access_as("admin"), membership=membership, ended_on=date(2025, 1, 1))

    with pytest.raises(ValidationError, match="already ended"):
        membership_end(access=access_as("admin"), membership=membership, ended_on=date(2025, 2, 1))
    with pytest.raises(ValidationError, match="cannot be changed"):
        membership_change_role(
            access=access_as("admin"), membership=membership, role=GroupRole.CHAIR
        )

    assert Membership.objects.get().ended_on == date(2025, 1, 1)
    assert len(events_of("membership.ended")) == 1
    assert events_of("membership.changed") == []


@pytest.mark.parametrize("key", NON_ADMINS)
def test_membership_end_is_refused_for_everyone_but_administrators(access_as, membership, key):
    with pytest.raises(PermissionDenied):
        membership_end(access=access_as(key), membership=membership, ended_on=date(2025, 1, 1))

    assert Membership.objects.get().ended_on is None
    assert AuditEvent.objects.count() == 0
