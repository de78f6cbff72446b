"""Data contacts: the people an agency lead names to send the organisation's indicator
returns in their place."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation

from .. import events
from ..models import DataContact
from ..policies import data_contacts as contact_policy


def _refusal(person: Any, organisation: Organisation) -> str | None:
    """Why ``person`` cannot be named for ``organisation``, or None when they can."""
    name = person.display_name
    if person.organisation_id != organisation.pk:
        return f"{name} is not in {organisation}. Name someone from your own organisation."
    if not person.is_active:
        return f"{name}'s account is deactivated. Name someone who can sign in."
    if person.role in contact_policy.submitting_roles():
        return (
            f"{name} already submits {organisation}'s returns as "
            f"{person.get_role_display().lower()}. Name someone else."
        )
    if DataContact.objects.filter(organisation=organisation, person=person).exists():
        return f"{name} is already a data contact for {organisation}."
    return None


@transaction.atomic
def data_contact_name(*, access: Access, organisation: Organisation, person: Any) -> DataContact:
    """The organisation's lead names one of its active people as a data contact, who may
    then enter, upload, submit and change the organisation's indicator returns."""
    contact_policy.require(access, "manage")
    if not access.in_organisation(organisation.pk):
        raise PermissionDenied
    problem = _refusal(person, organisation)
    if problem is not None:
        raise ValidationError({"person": problem})
    contact = DataContact(organisation=organisation, person=person, named_by=access.user)
    contact.full_clean()
    contact.save()
    record_event(
        kind=events.DATA_CONTACT_NAMED,
        actor=access.user,
        organisation=organisation,
        target=contact,
        after={"person": person.display_name, "person_id": person.pk},
    )
    return contact


@transaction.atomic
def data_contact_remove(*, access: Access, contact: DataContact) -> None:
    """The organisation's lead removes a data contact, who loses access to its returns at
    once. The history and the audit trail keep the record."""
    contact_policy.require(access, "manage", contact)
    person = contact.person
    record_event(
        kind=events.DATA_CONTACT_REMOVED,
        actor=access.user,
        organisation=contact.organisation,
        target=contact,
        before={
            "person": person.display_name,
            "person_id": person.pk,
            "named_by": contact.named_by.display_name,
            "named_at": contact.created_at.isoformat(),
        },
    )
    contact.delete()
