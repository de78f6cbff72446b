"""People pages: list with filters, details, and the administrator's changes."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.demo.personas import DEMO_PASSWORD
from safeguarding_qa.partnership.models import Group, Membership

from .helpers import make_person


def _names(response) -> list[str]:
    return [person.full_name for person in response.context["page_obj"]]


@pytest.fixture
def many_police(organisations):
    return [
        make_person(
            organisations["police"],
            f"officer{n:02}@brackenmoor.example",
            full_name=f"Officer {n:02}",
        )
        for n in range(30)
    ]


def test_the_list_is_paginated_25_a_page_with_a_fixed_number_of_queries(
    client_as, many_police, django_assert_num_queries
):
    client = client_as("admin")
    client.get(reverse("core:home"))  # the first request records the session; not counted
    with django_assert_num_queries(13):
        first = client.get(reverse("accounts:person-list"))
    assert first.status_code == 200
    assert len(first.context["page_obj"]) == 25
    assert first.context["page_obj"].paginator.count == 44  # 14 personas and 30 officers
    with django_assert_num_queries(13):
        second = client.get(reverse("accounts:person-list") + "?page=2")
    assert len(second.context["page_obj"]) == 19
    assert 'aria-label="Pagination"' in second.content.decode()


def test_filters_by_organisation_role_status_and_search(client_as, personas, organisations):
    client = client_as("admin")
    url = reverse("accounts:person-list")
    police = organisations["police"].pk
    assert _names(client.get(url, {"organisation": police})) == [
        "Callum Roskilly",
        "Delphine Arkwright",
        "Gideon Trewartha",
    ]
    assert _names(client.get(url, {"organisation": police, "role": Role.VIEWER})) == [
        "Delphine Arkwright"
    ]
    assert _names(client.get(url, {"search": "trewartha"})) == ["Gideon Trewartha"]
    assert _names(client.get(url, {"search": "lead.police@"})) == ["Gideon Trewartha"]
    User.objects.filter(pk=personas["viewer_police"].pk).update(is_active=False)
    assert _names(client.get(url, {"organisation": police})) == [
        "Callum Roskilly",
        "Gideon Trewartha",
    ]
    assert _names(client.get(url, {"organisation": police, "status": "deactivated"})) == [
        "Delphine Arkwright"
    ]
    assert len(_names(client.get(url, {"organisation": police, "status": "all"}))) == 3


def test_no_match_shows_an_empty_state(client_as):
    response = client_as("admin").get(reverse("accounts:person-list"), {"search": "nobody-here"})
    assert response.status_code == 200
    assert "No people match these filters." in response.content.decode()


def test_agency_leads_see_only_their_own_organisation(client_as, organisations):
    response = client_as("lead_police").get(reverse("accounts:person-list"))
    assert _names(response) == ["Callum Roskilly", "Delphine Arkwright", "Gideon Trewartha"]
    choices = [label for value, label in response.context["form"].fields["organisation"].choices]
    assert choices == ["All organisations", "Fellshire Constabulary"]
    assert "Invite someone" not in response.content.decode()


def test_administrators_are_offered_invitations(client_as):
    page = client_as("admin").get(reverse("accounts:person-list")).content.decode()
    assert reverse("accounts:invitation-create") in page
    assert reverse("accounts:invitation-list") in page


@pytest.mark.parametrize("persona", ["auditor_police", "viewer"])
def test_people_without_the_people_capability_are_refused(client_as, persona):
    assert client_as(persona).get(reverse("accounts:person-list")).status_code == 403


def test_details_show_current_memberships_and_actions(
    client_as, personas, django_assert_num_queries
):
    lead = personas["lead_police"]
    group = Group.objects.create(name="Quality Assurance Subgroup", kind="qa_subgroup")
    Membership.objects.create(group=group, person=lead, role="member", started_on="2024-04-01")
    old = Group.objects.create(name="Old Group", kind="other")
    Membership.objects.create(
        group=old, person=lead, role="member", started_on="2020-01-01", ended_on="2021-01-01"
    )
    client = client_as("admin")
    url = reverse("accounts:person-detail", args=[lead.pk])
    client.get(url)  # the first request records the session; not counted
    with django_assert_num_queries(12):
        response = client.get(url)
    page = response.content.decode()
    assert "Quality Assurance Subgroup" in page
    assert "Old Group" not in page
    assert reverse("accounts:person-edit", args=[lead.pk]) in page
    assert reverse("accounts:person-deactivate", args=[lead.pk]) in page


def test_details_for_yourself_offer_no_deactivation(client_as, personas):
    admin = personas["admin"]
    page = client_as("admin").get(reverse("accounts:person-detail", args=[admin.pk])).content
    assert reverse("accounts:person-deactivate", args=[admin.pk]).encode() not in page


def test_readers_see_details_without_actions(client_as, personas):
    lead = personas["lead_police"]
    page = client_as("chair").get(reverse("accounts:person-detail", args=[lead.pk])).content
    assert reverse("accounts:person-edit", args=[lead.pk]).encode() not in page
    assert b"Actions" not in page


def test_another_organisations_person_is_not_found(client_as, personas):
    url = reverse("accounts:person-detail", args=[personas["lead_council"].pk])
    assert client_as("lead_police").get(url).status_code == 404


def test_edit_saves_and_confirms(client_as, personas, organisations):
    person = personas["auditor_police"]
    response = client_as("admin").post(
        reverse("accounts:person-edit", args=[person.pk]),
        {
            "full_name": "Callum Roskilly",
            "job_title": "Detective inspector",
            "organisation": organisations["police"].pk,
            "role": Role.AGENCY_LEAD,
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("accounts:person-detail", args=[person.pk]), 302)]
    assert "Callum Roskilly&#x27;s details have been saved." in response.content.decode()
    person.refresh_from_db()
    assert (person.job_title, person.role) == ("Detective inspector", Role.AGENCY_LEAD)


def test_edit_with_bad_input_shows_errors_and_changes_nothing(client_as, personas):
    person = personas["auditor_police"]
    response = client_as("admin").post(
        reverse("accounts:person-edit", args=[person.pk]),
        {"full_name": "", "job_title": "", "organisation": "", "role": ""},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Change Callum Roskilly" in page
    assert "There is a problem" in page
    assert "Enter their full name" in page
    assert "Select their organisation" in page
    assert "Select a role" in page
    person.refresh_from_db()
    assert person.job_title == "Detective sergeant"
    assert not AuditEvent.objects.filter(kind="person.changed").exists()


def test_changing_your_own_role_is_refused_on_the_form(client_as, personas, organisations):
    admin = personas["admin"]
    response = client_as("admin").post(
        reverse("accounts:person-edit", args=[admin.pk]),
        {
            "full_name": admin.full_name,
            "job_title": admin.job_title,
            "organisation": organisations["council"].pk,
            "role": Role.VIEWER,
        },
    )
    assert response.status_code == 200
    assert "You cannot change your own role" in response.content.decode()
    admin.refresh_from_db()
    assert admin.role == Role.PARTNERSHIP_ADMIN


def test_sensitive_pages_ask_for_the_password_again(client_as, personas):
    client = client_as("admin")
    session = client.session
    session["account_authentication_methods"] = []
    session.save()
    person = personas["auditor_police"]
    urls = [
        reverse("accounts:person-edit", args=[person.pk]),
        reverse("accounts:person-deactivate", args=[person.pk]),
        reverse("accounts:person-reactivate", args=[person.pk]),
        reverse("accounts:invitation-create"),
        reverse("accounts:invitation-revoke", args=[1]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    # Confirming the password carries on to the page asked for.
    confirmed = client.post(response["Location"], {"password": DEMO_PASSWORD}, follow=True)
    assert confirmed.redirect_chain[-1][0] == reverse("accounts:invitation-revoke", args=[1])


def test_deactivate_asks_for_a_reason_then_deactivates(client_as, personas):
    person = personas["auditor_police"]
    client = client_as("admin")
    url = reverse("accounts:person-deactivate", args=[person.pk])
    page = client.get(url).content.decode()
    assert "Deactivate Callum Roskilly" in page
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert "Enter why you are deactivating this person" in refused.content.decode()
    person.refresh_from_db()
    assert person.is_active is True
    done = client.post(url, {"reason": "Moved to another force"}, follow=True)
    assert "Callum Roskilly has been deactivated and signed out." in done.content.decode()
    person.refresh_from_db()
    assert person.is_active is False


def test_reactivate_confirms_then_reactivates(client_as, personas):
    person = personas["auditor_police"]
    User.objects.filter(pk=person.pk).update(is_active=False)
    client = client_as("admin")
    url = reverse("accounts:person-reactivate", args=[person.pk])
    assert "Reactivate Callum Roskilly" in client.get(url).content.decode()
    done = client.post(url, follow=True)
    assert "Callum Roskilly can sign in again." in done.content.decode()
    person.refresh_from_db()
    assert person.is_active is True


@pytest.mark.parametrize(("seconds_ago", "status"), [(10, 200), (3600, 302)])
def test_a_recent_sign_in_counts_as_recent_authentication(client_as, personas, seconds_ago, status):
    client = client_as("admin")
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time() - seconds_ago, "email": "admin@x.example"}
    ]
    session.save()
    response = client.get(reverse("accounts:person-edit", args=[personas["viewer"].pk]))
    assert response.status_code == status
