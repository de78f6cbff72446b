"""Writes for organisations and the partnership's own details."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import changed_fields, record_event, snapshot

from .. import events
from ..models import Organisation, Partnership
from ..policies import organisations as organisation_policy
from ..policies import partnership as partnership_policy
from ..selectors import partnership_name_forget

ORGANISATION_FIELDS = ["name", "short_name", "sector", "is_statutory_partner", "is_active"]
PARTNERSHIP_FIELDS = ["name", "short_name", "local_authority_areas", "live_concern_contacts"]


@transaction.atomic
def organisation_create(*, access: Access, **fields: Any) -> Organisation:
    """Add an organisation to the partnership."""
    organisation_policy.require(access, "manage")
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    record_event(
        kind=events.ORGANISATION_CREATED,
        actor=access.user,
        target=organisation,
        organisation=organisation,
        after=snapshot(organisation, ORGANISATION_FIELDS),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, access: Access, organisation: Organisation, **fields: Any
) -> Organisation:
    """Change an organisation's details; records only the fields that changed."""
    organisation_policy.require(access, "manage", organisation)
    before = snapshot(organisation, ORGANISATION_FIELDS)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    after = snapshot(organisation, ORGANISATION_FIELDS)
    if before == after:
        return organisation
    kind = events.ORGANISATION_CHANGED
    if before["is_active"] != after["is_active"]:
        kind = (
            events.ORGANISATION_REACTIVATED
            if after["is_active"]
            else events.ORGANISATION_DEACTIVATED
        )
    record_event(
        kind=kind,
        actor=access.user,
        target=organisation,
        organisation=organisation,
        **changed_fields(before, after),
    )
    return organisation


@transaction.atomic
def partnership_update(*, access: Access, **fields: Any) -> Partnership:
    """Change the partnership's details (created on first save)."""
    partnership_policy.require(access, "manage")
    partnership = Partnership.objects.filter(pk=1).first() or Partnership(pk=1)
    before = snapshot(partnership, PARTNERSHIP_FIELDS)
    for name, value in fields.items():
        setattr(partnership, name, value)
    partnership.full_clean()
    partnership.save()
    after = snapshot(partnership, PARTNERSHIP_FIELDS)
    if before != after:
        record_event(
            kind=events.PARTNERSHIP_CHANGED,
            actor=access.user,
            target=partnership,
            **changed_fields(before, after),
        )
    transaction.on_commit(partnership_name_forget)
    return partnership
