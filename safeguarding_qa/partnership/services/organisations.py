"""Writes for organisations and the partnership's own details."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import (
    record_event,
    save_changes,
    snapshot,
)

from .. import events
from ..models import Organisation, Partnership
from ..policies import organisations as organisation_policy
from ..policies import partnership as partnership_policy
from ..selectors import partnership_name_forget

ORGANISATION_FIELDS = ["name", "short_name", "sector", "is_statutory_partner", "is_active"]
PARTNERSHIP_FIELDS = ["name", "short_name", "local_authority_areas", "live_concern_contacts"]


def _require_unique_name(name: str, *, exclude_pk: int | None = None) -> None:
    """Two organisations may not share a name, whatever its capitals or spaces."""
    others = Organisation.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(
            {"name": f"An organisation called {name.strip()} already exists. Enter another name."}
        )


@transaction.atomic
def organisation_create(*, access: Access, **fields: Any) -> Organisation:
    """Add an organisation to the partnership."""
    organisation_policy.require(access, "manage")
    _require_unique_name(str(fields.get("name", "")))
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
    if "name" in fields:
        _require_unique_name(str(fields["name"]), exclude_pk=organisation.pk)
    changes = save_changes(organisation, fields, tracked=ORGANISATION_FIELDS)
    if not changes["after"]:
        return organisation
    kind = events.ORGANISATION_CHANGED
    if "is_active" in changes["after"]:
        kind = (
            events.ORGANISATION_REACTIVATED
            if changes["after"]["is_active"]
            else events.ORGANISATION_DEACTIVATED
        )
    record_event(
        kind=kind,
        actor=access.user,
        target=organisation,
        organisation=organisation,
        **changes,
    )
    return organisation


@transaction.atomic
def organisation_deactivate(*, access: Access, organisation: Organisation) -> Organisation:
    """Mark an organisation inactive. Its people keep their accounts: deactivating them is a
    separate, deliberate step, so nobody loses access by surprise."""
    organisation_policy.require(access, "manage", organisation)
    if not organisation.is_active:
        raise ValidationError(f"{organisation} is already inactive.")
    return organisation_update(access=access, organisation=organisation, is_active=False)


@transaction.atomic
def organisation_reactivate(*, access: Access, organisation: Organisation) -> Organisation:
    """Mark an inactive organisation active again."""
    organisation_policy.require(access, "manage", organisation)
    if organisation.is_active:
        raise ValidationError(f"{organisation} is already active.")
    return organisation_update(access=access, organisation=organisation, is_active=True)


@transaction.atomic
def partnership_update(*, access: Access, **fields: Any) -> Partnership:
    """Change the partnership's details (created on first save)."""
    partnership_policy.require(access, "manage")
    partnership = Partnership.objects.filter(pk=1).first() or Partnership(pk=1)
    changes = save_changes(partnership, fields, tracked=PARTNERSHIP_FIELDS)
    if changes["after"]:
        record_event(
            kind=events.PARTNERSHIP_CHANGED, actor=access.user, target=partnership, **changes
        )
    transaction.on_commit(partnership_name_forget)
    return partnership
