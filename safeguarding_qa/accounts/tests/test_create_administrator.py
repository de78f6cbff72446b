"""manage.py create_administrator: the first administrator of a fresh deployment."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import Invitation, User
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.models import Organisation

pytestmark = pytest.mark.django_db

PASSWORD = "Heather-moorland-2026"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("create_administrator", *args, stdout=out)
    return out.getvalue()


def test_on_an_empty_deployment_it_prints_a_working_one_time_link(client):
    output = _run(
        "--email",
        "First.Admin@Example.org",
        "--name",
        "Firstname Admin",
        "--organisation",
        "Northdale Council Children's Services",
        "--base-url",
        "https://qa.northdale.example/",
    )
    link = re.search(r"https://qa\.northdale\.example(/accounts/invitation/\S+/)", output)
    assert link is not None
    assert (
        "partnership administrator at Northdale Council Children's Services (added just now)"
        in output
    )
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.sector) == (
        "Northdale Council Children's Services",
        "childrens_social_care",
    )
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "first.admin@example.org",
        Role.PARTNERSHIP_ADMIN,
        None,
    )
    assert sorted(AuditEvent.objects.values_list("kind", flat=True)) == [
        "invitation.sent",
        "organisation.created",
    ]
    # The link creates the administrator, once.
    page = client.get(link.group(1)).content.decode()
    assert "You have been invited to join" in page
    client.post(link.group(1), {"password1": PASSWORD, "password2": PASSWORD})
    admin = User.objects.get(email="first.admin@example.org")
    assert admin.role == Role.PARTNERSHIP_ADMIN
    client.post("/accounts/logout/")
    assert client.get(link.group(1)).status_code == 410


def test_an_existing_organisation_is_reused_and_the_sector_option_applies():
    Organisation.objects.create(name="Fellshire Constabulary", sector="police")
    _run("--email", "a@example.org", "--name", "A", "--organisation", "fellshire constabulary")
    assert Organisation.objects.count() == 1
    _run(
        "--email",
        "b@example.org",
        "--name",
        "B",
        "--organisation",
        "Fellshire ICB",
        "--sector",
        "integrated_care_board",
        "--force",
    )
    assert Organisation.objects.get(name="Fellshire ICB").sector == "integrated_care_board"


def test_it_refuses_when_an_administrator_exists(personas):
    with pytest.raises(CommandError, match="An active partnership administrator already exists"):
        _run("--email", "x@example.org", "--name", "X", "--organisation", "New Org")
    assert Invitation.objects.count() == 0
    assert not Organisation.objects.filter(name="New Org").exists()


def test_it_refuses_an_address_that_has_an_account(personas):
    with pytest.raises(CommandError, match="already has an account"):
        _run(
            "--email",
            personas["viewer"].email,
            "--name",
            "X",
            "--organisation",
            "Brackenmoor Council Children's Services",
            "--force",
        )
    assert Invitation.objects.count() == 0


def test_an_unknown_sector_is_refused():
    with pytest.raises(CommandError):
        _run("--email", "x@example.org", "--name", "X", "--organisation", "O", "--sector", "mars")
    assert Organisation.objects.count() == 0
