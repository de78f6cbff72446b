"""The demo partnership: idempotent, complete, fictional."""

from __future__ import annotations

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command

from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.demo.personas import DEMO_PASSWORD, PERSONAS
from safeguarding_qa.partnership.choices import Sector
from safeguarding_qa.partnership.models import Group, Membership, Organisation


def test_personas_cover_every_role_in_at_least_two_organisations():
    organisations_by_role = defaultdict(set)
    for persona in PERSONAS:
        organisations_by_role[persona.role].add(persona.organisation_key)
    assert set(organisations_by_role) == set(Role)
    assert all(len(keys) >= 2 for keys in organisations_by_role.values())


@pytest.mark.django_db
def test_seed_demo_builds_the_partnership_and_prints_the_sign_ins():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert 12 <= Organisation.objects.count() <= 14
    assert {org.sector for org in Organisation.objects.all()} == set(Sector)
    assert 38 <= User.objects.count() <= 45
    assert Group.objects.count() == 3
    assert Membership.objects.filter(ended_on__isnull=False).exists()
    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    for persona in PERSONAS:
        assert persona.email in printed
    assert User.objects.get(email=PERSONAS[0].email).check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    counts = (User.objects.count(), Membership.objects.count(), AuditEvent.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (User.objects.count(), Membership.objects.count(), AuditEvent.objects.count()) == counts
