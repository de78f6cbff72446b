"""Roles as code: capabilities, reach and the per-request Access object."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import ROLE_CAPABILITIES, ROLE_REACH, Capability, Reach, Role
from safeguarding_qa.partnership.policies import organisations as organisation_policy


def test_every_role_has_capabilities_reach_and_a_description():
    assert set(ROLE_CAPABILITIES) == set(Role)
    assert set(ROLE_REACH) == set(Role)


def test_only_administrators_manage_people_or_read_the_audit_trail():
    managers = {
        role for role, caps in ROLE_CAPABILITIES.items() if Capability.PEOPLE_MANAGE in caps
    }
    readers = {
        role for role, caps in ROLE_CAPABILITIES.items() if Capability.AUDIT_TRAIL_VIEW in caps
    }
    assert managers == {Role.PARTNERSHIP_ADMIN}
    assert readers == {Role.PARTNERSHIP_ADMIN}


def test_anonymous_access_can_do_nothing():
    access = Access.for_user(AnonymousUser())
    assert access.is_authenticated is False
    assert access.capabilities == frozenset()
    assert organisation_policy.can(access, "view") is False


@pytest.mark.django_db
def test_a_deactivated_person_has_no_access(personas):
    person = personas["admin"]
    person.is_active = False
    assert Access.for_user(person).capabilities == frozenset()


@pytest.mark.django_db
def test_access_reflects_role_and_organisation(personas, organisations):
    access = Access.for_user(personas["lead_police"])
    assert access.role == Role.AGENCY_LEAD
    assert access.reach == Reach.ORGANISATION
    assert access.in_organisation(organisations["police"].pk) is True
    assert access.in_organisation(organisations["council"].pk) is False
    with pytest.raises(PermissionDenied):
        access.require(Capability.PEOPLE_MANAGE)


@pytest.mark.django_db
def test_get_or_404_hides_objects_outside_scope_and_refuses_actions_inside(personas, organisations):
    viewer = Access.for_user(personas["viewer"])
    police = organisations["police"]
    assert organisation_policy.get_or_404(viewer, "view", pk=police.pk) == police
    with pytest.raises(PermissionDenied):
        organisation_policy.get_or_404(viewer, "manage", pk=police.pk)
    with pytest.raises(Http404):
        organisation_policy.get_or_404(viewer, "view", pk=999_999)


def test_unknown_action_is_a_programming_error():
    access = Access.for_user(AnonymousUser())
    with pytest.raises(ValueError, match="no action"):
        organisation_policy.can(access, "launch")
