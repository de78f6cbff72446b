"""Data contacts: a lead names people of their own organisation to send its returns; a
contact gets that organisation's returns and nothing else; removal takes access away."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.indicators.choices import ValueSource
from safeguarding_qa.indicators.models import DataContact, IndicatorValue
from safeguarding_qa.indicators.policies import challenges as challenge_policy
from safeguarding_qa.indicators.policies import data_contacts as contact_policy
from safeguarding_qa.indicators.policies import indicators as indicator_policy
from safeguarding_qa.indicators.services.contacts import data_contact_name, data_contact_remove
from safeguarding_qa.indicators.services.returns import ReturnRow, return_submit

pytestmark = pytest.mark.django_db


def _access(personas, key):
    return Access.for_user(personas[key])


def _name(personas, organisations, person="auditor_council", *, by="lead_council", org="council"):
    return data_contact_name(
        access=_access(personas, by),
        organisation=organisations[org],
        person=personas[person],
    )


def _state():
    """Everything a refused action must leave as it was."""
    return (
        list(DataContact.objects.values_list("pk", "organisation_id", "person_id")),
        DataContact.history.count(),
        AuditEvent.objects.count(),
        IndicatorValue.objects.count(),
    )


def _submit(personas, seeded, who, organisation, code="ASSESSMENT_45WD", reason=""):
    return return_submit(
        access=_access(personas, who),
        organisation=organisation,
        period=seeded.latest,
        rows=[ReturnRow(code=code, numerator=Decimal(80), denominator=Decimal(100), reason=reason)],
        source=ValueSource.FORM,
    )


# Naming and removing


def test_a_lead_names_a_colleague_with_history_and_an_audit_event(personas, organisations):
    contact = _name(personas, organisations)
    assert contact.person == personas["auditor_council"]
    assert contact.named_by == personas["lead_council"]
    assert contact.history.count() == 1
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event is not None and event.kind == "indicator_data_contact.named"
    assert event.organisation_id == organisations["council"].pk


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("auditor_police", "is not in Brackenmoor Council"),
        ("lead_council", "already submits"),
        ("admin", "already submits"),
    ],
)
def test_only_people_of_the_same_organisation_who_do_not_already_submit(
    personas, organisations, person, message
):
    before = _state()
    with pytest.raises(ValidationError, match=message):
        _name(personas, organisations, person)
    assert _state() == before


def test_a_deactivated_person_cannot_be_named(personas, organisations):
    person = personas["viewer"]
    person.is_active = False
    person.save()
    before = _state()
    with pytest.raises(ValidationError, match="deactivated"):
        _name(personas, organisations, "viewer")
    assert _state() == before


def test_naming_someone_twice_is_refused(personas, organisations):
    _name(personas, organisations)
    before = _state()
    with pytest.raises(ValidationError, match="already a data contact"):
        _name(personas, organisations)
    assert _state() == before


@pytest.mark.parametrize(
    ("by", "org"),
    [
        ("lead_police", "council"),  # another organisation's lead
        ("admin", "council"),
        ("chair", "council"),
        ("auditor_council", "council"),  # a contact cannot name more contacts
        ("viewer", "council"),
    ],
)
def test_only_the_organisation_lead_names_contacts(personas, organisations, by, org):
    before = _state()
    with pytest.raises(PermissionDenied):
        _name(personas, organisations, "viewer", by=by, org=org)
    assert _state() == before


def test_removing_a_contact_keeps_the_record_in_history_and_the_trail(personas, organisations):
    contact = _name(personas, organisations)
    data_contact_remove(access=_access(personas, "lead_council"), contact=contact)
    assert not DataContact.objects.exists()
    assert [h.history_type for h in DataContact.history.order_by("history_id")] == ["+", "-"]
    event = AuditEvent.objects.order_by("-sequence").first()
    assert event is not None and event.kind == "indicator_data_contact.removed"
    assert (event.before or {}).get("person") == personas["auditor_council"].display_name


@pytest.mark.parametrize("by", ["lead_police", "admin", "auditor_council", "chair"])
def test_only_the_lead_removes_a_contact(personas, organisations, by):
    contact = _name(personas, organisations)
    before = _state()
    with pytest.raises(PermissionDenied):
        data_contact_remove(access=_access(personas, by), contact=contact)
    assert _state() == before


# What a contact may do


def test_a_contact_submits_and_changes_the_organisations_return(personas, seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    organisations = {"council": council}
    _name(personas, organisations)
    assert _submit(personas, seeded, "auditor_council", council)["created"] == 1
    value = IndicatorValue.objects.get()
    assert value.submitted_by == personas["auditor_council"]
    changed = return_submit(
        access=_access(personas, "auditor_council"),
        organisation=council,
        period=seeded.latest,
        rows=[
            ReturnRow(
                code="ASSESSMENT_45WD",
                numerator=Decimal(85),
                denominator=Decimal(100),
                reason="Late recording corrected",
            )
        ],
        source=ValueSource.FORM,
    )
    assert changed["changed"] == 1
    value.refresh_from_db()
    assert value.value == Decimal(85) and value.change_reason == "Late recording corrected"


def test_a_contact_of_one_organisation_cannot_touch_anothers_return(
    personas, seeded, organisations
):
    _name(personas, organisations)
    police = seeded.indicators["STRATEGY_POLICE_PRESENT"].organisation
    access = _access(personas, "auditor_council")
    assert not indicator_policy.may_submit_for(access, police.pk)
    assert list(indicator_policy.returnable_organisations(access)) == [organisations["council"]]
    before = _state()
    with pytest.raises(PermissionDenied):
        _submit(personas, seeded, "auditor_council", police, code="STRATEGY_POLICE_PRESENT")
    assert _state() == before


def test_a_removed_contact_loses_access(personas, seeded, organisations):
    contact = _name(personas, organisations)
    access = _access(personas, "auditor_council")
    assert indicator_policy.may_submit_for(access, organisations["council"].pk)
    data_contact_remove(access=_access(personas, "lead_council"), contact=contact)
    assert not indicator_policy.can(access, "submit")
    assert not indicator_policy.returnable_organisations(access).exists()
    before = _state()
    with pytest.raises(PermissionDenied):
        _submit(personas, seeded, "auditor_council", organisations["council"])
    assert _state() == before


def test_a_contact_who_moves_organisation_loses_access(personas, organisations):
    _name(personas, organisations)
    person = personas["auditor_council"]
    person.organisation = organisations["police"]
    person.save()
    access = Access.for_user(person)
    assert not indicator_policy.may_submit_for(access, organisations["council"].pk)
    assert not indicator_policy.may_submit_for(access, organisations["police"].pk)


def test_a_contact_gets_nothing_else_new(personas, seeded, organisations):
    _name(personas, organisations, "viewer")  # a partnership-wide reader
    access = _access(personas, "viewer")
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    assert indicator_policy.may_submit_for(access, organisations["council"].pk)
    assert not indicator_policy.submits_for_every_organisation(access)
    assert indicator_policy.commentary_kind(access, indicator) is None
    assert not challenge_policy.can(access, "respond")
    assert not contact_policy.can(access, "manage")
    assert not indicator_policy.can(access, "manage")


# The pages


def test_a_lead_names_and_removes_a_contact_through_the_pages(personas, organisations, client_as):
    client = client_as("lead_council")
    returns = client.get(reverse("indicators:returns")).content.decode()
    url = reverse("indicators:data-contacts", args=[organisations["council"].pk])
    assert url in returns
    page = client.get(url).content.decode()
    assert "has no data contacts" in page and personas["viewer"].display_name in page
    response = client.post(url, {"person": personas["auditor_council"].pk})
    assert response.status_code == 302
    contact = DataContact.objects.get()
    remove_url = reverse("indicators:data-contact-remove", args=[contact.pk])
    assert remove_url in client.get(url).content.decode()
    confirmation = client.get(remove_url)
    assert "Remove Priya Velandra as a data contact" in confirmation.content.decode()
    assert DataContact.objects.exists()  # nothing is removed until confirmed
    assert client.post(remove_url).status_code == 302
    assert not DataContact.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select the person to name as a data contact."),
        ({"person": "police"}, "Select a person from the list."),
    ],
)
def test_a_bad_choice_shows_an_error_and_names_nobody(
    personas, organisations, client_as, data, message
):
    if data.get("person") == "police":
        data = {"person": personas["auditor_police"].pk}
    client = client_as("lead_council")
    url = reverse("indicators:data-contacts", args=[organisations["council"].pk])
    before = _state()
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert _state() == before


def test_a_contact_sends_the_return_by_form_and_spreadsheet(
    personas, seeded, organisations, client_as
):
    _name(personas, organisations)
    client = client_as("auditor_council")
    council = organisations["council"]
    returns = client.get(reverse("indicators:returns")).content.decode()
    edit = reverse("indicators:return-edit", args=[seeded.latest.pk, council.pk])
    assert edit in returns
    assert "manage API tokens" not in returns  # tokens stay with the lead
    assert reverse("indicators:data-contacts", args=[council.pk]) not in returns
    template = client.get(
        reverse("indicators:return-template", args=[seeded.latest.pk, council.pk])
    )
    assert template.status_code == 200
    response = client.post(
        edit, {"ASSESSMENT_45WD-numerator": "170", "ASSESSMENT_45WD-denominator": "200"}
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get().value == 85
    home = client.get("/").content.decode()
    assert f"Indicator return for {seeded.latest.label}" in home


def test_the_contacts_page_runs_a_fixed_number_of_queries(personas, organisations, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("lead_council")
    url = reverse("indicators:data-contacts", args=[organisations["council"].pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _name(personas, organisations)
    _name(personas, organisations, "viewer")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
