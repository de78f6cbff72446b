"""Organisation and partnership services: typed audit events, refusals, validation."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.choices import Sector
from safeguarding_qa.partnership.models import Organisation, Partnership
from safeguarding_qa.partnership.selectors import partnership_name
from safeguarding_qa.partnership.services.organisations import (
    organisation_create,
    organisation_deactivate,
    organisation_reactivate,
    organisation_update,
    partnership_update,
)

from .conftest import events_of

pytestmark = pytest.mark.django_db
NON_ADMINS = ["chair", "qa_lead", "lead_police", "auditor_council", "scrutineer", "viewer"]


def test_create_adds_the_organisation_and_records_its_details(access_as, personas):
    organisation = organisation_create(
        access=access_as("admin"),
        name="Brackenmoor Youth Justice Service",
        short_name="BYJS",
        sector=Sector.CHILDRENS_SOCIAL_CARE,
        is_statutory_partner=False,
    )

    [event] = events_of("organisation.created")
    assert event.actor_id == personas["admin"].pk
    assert event.target_id == str(organisation.pk)
    assert event.organisation_id == organisation.pk
    assert event.after == {
        "name": "Brackenmoor Youth Justice Service",
        "short_name": "BYJS",
        "sector": "childrens_social_care",
        "is_statutory_partner": False,
        "is_active": True,
    }


@pytest.mark.parametrize("key", NON_ADMINS)
def test_create_is_refused_for_everyone_but_administrators(access_as, key):
    count = Organisation.objects.count()

    with pytest.raises(PermissionDenied):
        organisation_create(access=access_as(key), name="Refused Agency", sector=Sector.HOUSING)

    assert Organisation.objects.count() == count
    assert AuditEvent.objects.count() == 0


def test_create_refuses_a_name_already_taken_whatever_its_capitals(access_as, organisations):
    count = Organisation.objects.count()

    with pytest.raises(ValidationError) as error:
        organisation_create(
            access=access_as("admin"), name="fellshire constabulary ", sector=Sector.POLICE
        )

    assert error.value.message_dict == {
        "name": [
            "An organisation called fellshire constabulary already exists. Enter another name."
        ]
    }
    assert Organisation.objects.count() == count
    assert events_of("organisation.created") == []


def test_update_records_only_the_fields_that_changed(access_as, organisations):
    police = organisations["police"]

    organisation_update(
        access=access_as("admin_icb"),
        organisation=police,
        name="Fellshire Police",
        short_name="FC",
        sector=Sector.POLICE,
        is_statutory_partner=True,
    )

    police.refresh_from_db()
    assert police.name == "Fellshire Police"
    [event] = events_of("organisation.changed")
    assert event.before == {"name": "Fellshire Constabulary"}
    assert event.after == {"name": "Fellshire Police"}


def test_update_keeping_its_own_name_is_not_a_duplicate(access_as, organisations):
    police = organisations["police"]

    organisation_update(access=access_as("admin"), organisation=police, name=police.name)

    assert events_of("organisation.changed") == []


def test_update_refuses_another_organisations_name(access_as, organisations):
    police = organisations["police"]

    with pytest.raises(ValidationError) as error:
        organisation_update(
            access=access_as("admin"), organisation=police, name="Brackenmoor Homes"
        )

    assert list(error.value.message_dict) == ["name"]
    police.refresh_from_db()
    assert police.name == "Fellshire Constabulary"
    assert AuditEvent.objects.count() == 0


def test_update_is_refused_for_an_agency_lead_of_that_organisation(access_as, organisations):
    police = organisations["police"]

    with pytest.raises(PermissionDenied):
        organisation_update(access=access_as("lead_police"), organisation=police, name="Renamed")

    police.refresh_from_db()
    assert police.name == "Fellshire Constabulary"


def test_deactivate_then_reactivate_records_each_as_its_own_event(access_as, organisations):
    housing = organisations["housing"]

    organisation_deactivate(access=access_as("admin"), organisation=housing)
    housing.refresh_from_db()
    assert housing.is_active is False
    organisation_reactivate(access=access_as("admin"), organisation=housing)

    housing.refresh_from_db()
    assert housing.is_active is True
    [deactivated] = events_of("organisation.deactivated")
    assert (deactivated.before, deactivated.after) == ({"is_active": True}, {"is_active": False})
    [reactivated] = events_of("organisation.reactivated")
    assert (reactivated.before, reactivated.after) == ({"is_active": False}, {"is_active": True})


def test_deactivating_an_inactive_organisation_is_refused(access_as, organisations):
    housing = organisations["housing"]
    organisation_deactivate(access=access_as("admin"), organisation=housing)

    with pytest.raises(ValidationError) as error:
        organisation_deactivate(access=access_as("admin"), organisation=housing)

    assert error.value.messages == ["Brackenmoor Homes is already inactive."]
    assert len(events_of("organisation.deactivated")) == 1


def test_reactivating_an_active_organisation_is_refused(access_as, organisations):
    with pytest.raises(ValidationError):
        organisation_reactivate(access=access_as("admin"), organisation=organisations["gp"])

    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("key", NON_ADMINS)
def test_deactivate_is_refused_for_everyone_but_administrators(access_as, organisations, key):
    with pytest.raises(PermissionDenied):
        organisation_deactivate(access=access_as(key), organisation=organisations["housing"])

    assert Organisation.objects.get(pk=organisations["housing"].pk).is_active is True
    assert AuditEvent.objects.count() == 0


def test_partnership_update_records_the_change_and_renames_every_page(
    access_as, organisations, django_capture_on_commit_callbacks
):
    assert partnership_name() == "Brackenmoor Safeguarding Children Partnership"

    with django_capture_on_commit_callbacks(execute=True):
        partnership_update(access=access_as("admin"), name="Fellshire and Brackenmoor SCP")

    assert partnership_name() == "Fellshire and Brackenmoor SCP"
    [event] = events_of("partnership.changed")
    assert event.before == {"name": "Brackenmoor Safeguarding Children Partnership"}
    assert event.after == {"name": "Fellshire and Brackenmoor SCP"}


def test_partnership_update_refuses_a_contact_that_is_not_an_email_address(
    access_as, organisations
):
    before = Partnership.objects.get().live_concern_contacts

    with pytest.raises(ValidationError) as error:
        partnership_update(
            access=access_as("admin"), live_concern_contacts="mash@example.org\nnot an address"
        )

    assert error.value.message_dict == {
        "live_concern_contacts": [
            "Line 2, “not an address”, is not an e-mail address. Enter one e-mail address on "
            "each line, like name@example.org"
        ]
    }
    assert Partnership.objects.get().live_concern_contacts == before
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("key", NON_ADMINS)
def test_partnership_update_is_refused_for_everyone_but_administrators(
    access_as, organisations, key
):
    with pytest.raises(PermissionDenied):
        partnership_update(access=access_as(key), name="Taken over")

    assert Partnership.objects.get().name == "Brackenmoor Safeguarding Children Partnership"
    assert AuditEvent.objects.count() == 0
