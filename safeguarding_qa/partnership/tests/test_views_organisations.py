"""Organisation pages: list, filters, detail, forms, confirmations, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding_qa.partnership.choices import Sector
from safeguarding_qa.partnership.models import Membership, Organisation

from .conftest import change_events, events_of

pytestmark = pytest.mark.django_db
LIST = reverse("partnership:organisation-list")
CREATE = reverse("partnership:organisation-create")


def _url(name: str, organisation: Organisation) -> str:
    return reverse(f"partnership:{name}", kwargs={"pk": organisation.pk})


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_list_shows_each_organisation_with_its_active_people(client_as, organisations):
    response = client_as("viewer").get(LIST)

    page = response.content.decode()
    assert response.status_code == 200
    assert "13 organisations" in page
    police = next(o for o in response.context["page_obj"] if o.name == "Fellshire Constabulary")
    assert police.active_people == 3
    assert "Local authority children&#x27;s social care" in page


def test_list_offers_changes_to_administrators_only(client_as, organisations):
    admin_page = client_as("admin").get(LIST).content.decode()
    lead_page = client_as("lead_police").get(LIST).content.decode()

    for link in (CREATE, reverse("partnership:partnership-edit")):
        assert f'href="{link}"' in admin_page
        assert f'href="{link}"' not in lead_page


def test_list_filters_by_sector_and_status(client_as, organisations):
    Organisation.objects.filter(pk=organisations["housing"].pk).update(is_active=False)
    client = client_as("viewer")

    police = client.get(LIST, {"sector": Sector.POLICE})
    inactive = client.get(LIST, {"status": "inactive"})

    assert [o.name for o in police.context["page_obj"]] == ["Fellshire Constabulary"]
    assert [o.name for o in inactive.context["page_obj"]] == ["Brackenmoor Homes"]
    assert "Clear filters" in inactive.content.decode()


def test_list_with_no_match_says_so(client_as, organisations):
    Organisation.objects.filter(sector=Sector.HOUSING).update(is_active=False)

    response = client_as("viewer").get(LIST, {"sector": Sector.HOUSING, "status": "active"})

    assert "No organisations match these filters." in response.content.decode()


def test_list_with_an_unknown_filter_shows_an_error_and_every_organisation(
    client_as, organisations
):
    response = client_as("viewer").get(LIST, {"sector": "nonsense"})

    page = response.content.decode()
    assert "<title>Error: Organisations" in page
    assert "There is a problem" in page
    assert response.context["page_obj"].paginator.count == 13


def test_list_pages_through_many_organisations_with_a_fixed_number_of_queries(
    client_as, organisations, django_assert_num_queries
):
    client = client_as("viewer")
    client.get(LIST)  # caches the partnership's name, as any earlier page would
    with django_assert_num_queries(12):
        client.get(LIST)
    Organisation.objects.bulk_create(
        Organisation(name=f"Agency {number:02}", sector=Sector.VOLUNTARY) for number in range(30)
    )

    with django_assert_num_queries(12):
        first = client.get(LIST)
    second = client.get(LIST, {"page": "2"})

    assert len(first.context["page_obj"]) == 25
    assert len(second.context["page_obj"]) == 18
    assert 'href="?page=2"' in first.content.decode()


def test_detail_shows_people_and_groups(client_as, organisations, group, membership):
    police = organisations["police"]

    response = client_as("lead_hospital").get(_url("organisation-detail", police))

    page = response.content.decode()
    assert response.context["people"].active == 3
    assert f"{reverse('accounts:person-list')}?organisation={police.pk}" in page
    assert response.context["groups"] == [
        {"group_id": group.pk, "group__name": "Test Review Group", "people": 1}
    ]
    assert "Change details" not in page


def test_detail_links_to_people_only_for_those_who_may_see_them(client_as, organisations):
    police = organisations["police"]

    response = client_as("auditor_police").get(_url("organisation-detail", police))

    page = response.content.decode()
    assert reverse("accounts:person-list") not in page
    assert "Nobody from Fellshire Constabulary sits on a group at the moment." in page


def test_create_adds_the_organisation_and_says_so(client_as, organisations):
    response = client_as("admin").post(
        CREATE,
        {"name": "Brackenmoor Youth Justice", "sector": Sector.CHILDRENS_SOCIAL_CARE},
        follow=True,
    )

    created = Organisation.objects.get(name="Brackenmoor Youth Justice")
    assert response.redirect_chain == [(_url("organisation-detail", created), 302)]
    assert _messages(response) == ["Brackenmoor Youth Justice has been added."]
    assert len(events_of("organisation.created")) == 1


def test_create_with_missing_answers_shows_errors_and_adds_nothing(client_as, organisations):
    response = client_as("admin").post(CREATE, {"name": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add an organisation" in page
    assert "Enter the organisation&#x27;s name" in page
    assert "Select the organisation&#x27;s sector" in page
    assert Organisation.objects.count() == 13


def test_create_with_a_duplicate_name_is_a_form_error(client_as, organisations):
    response = client_as("admin").post(
        CREATE, {"name": "Brackenmoor Homes", "sector": Sector.HOUSING}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": ["An organisation called Brackenmoor Homes already exists. Enter another name."]
    }
    assert Organisation.objects.count() == 13
    assert change_events() == []


def test_edit_shows_the_current_details_and_saves_changes(client_as, organisations):
    police = organisations["police"]
    client = client_as("admin")

    form = client.get(_url("organisation-edit", police)).context["form"]
    response = client.post(
        _url("organisation-edit", police),
        {**form.initial, "short_name": "FCP", "is_statutory_partner": "on"},
        follow=True,
    )

    assert form.initial["name"] == "Fellshire Constabulary"
    assert _messages(response) == ["Fellshire Constabulary has been changed."]
    police.refresh_from_db()
    assert police.short_name == "FCP"
    [event] = events_of("organisation.changed")
    assert (event.before, event.after) == ({"short_name": "FC"}, {"short_name": "FCP"})


def test_edit_with_another_organisations_name_changes_nothing(client_as, organisations):
    police = organisations["police"]

    response = client_as("admin").post(
        _url("organisation-edit", police),
        {"name": "Brackenmoor Homes", "sector": Sector.POLICE},
    )

    page = response.content.decode()
    assert "<title>Error: Change Fellshire Constabulary" in page
    assert "An organisation called Brackenmoor Homes already exists." in page
    police.refresh_from_db()
    assert police.name == "Fellshire Constabulary"
    assert change_events() == []


def test_deactivate_warns_how_many_people_are_still_active(client_as, organisations):
    response = client_as("admin").get(_url("organisation-deactivate", organisations["police"]))

    page = response.content.decode()
    assert "Fellshire Constabulary still has 3 active people." in page
    assert Organisation.objects.get(pk=organisations["police"].pk).is_active is True


def test_deactivate_then_reactivate_after_confirmation(client_as, organisations):
    police = organisations["police"]
    client = client_as("admin")

    deactivated = client.post(_url("organisation-deactivate", police), follow=True)
    assert _messages(deactivated) == ["Fellshire Constabulary has been deactivated."]
    assert Organisation.objects.get(pk=police.pk).is_active is False
    reactivated = client.post(_url("organisation-reactivate", police), follow=True)

    assert _messages(reactivated) == ["Fellshire Constabulary has been reactivated."]
    assert Organisation.objects.get(pk=police.pk).is_active is True
    assert change_events() == [
        "organisation.deactivated",
        "organisation.reactivated",
    ]


def test_deactivating_an_inactive_organisation_goes_back_and_changes_nothing(
    client_as, organisations
):
    housing = organisations["housing"]
    Organisation.objects.filter(pk=housing.pk).update(is_active=False)

    response = client_as("admin").post(_url("organisation-deactivate", housing), follow=True)

    assert response.redirect_chain == [(_url("organisation-detail", housing), 302)]
    assert _messages(response) == ["Brackenmoor Homes is already inactive."]
    assert change_events() == []


def test_refused_deactivation_changes_nothing(client_as, organisations):
    response = client_as("lead_police").post(
        _url("organisation-deactivate", organisations["police"])
    )

    assert response.status_code == 403
    assert Organisation.objects.get(pk=organisations["police"].pk).is_active is True
    assert Membership.objects.count() == 0
    assert change_events() == []
