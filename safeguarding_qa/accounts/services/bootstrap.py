"""Setting up a fresh deployment: the first partnership administrator's invitation."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.roles import Role
from safeguarding_qa.audittrail.services.recording import record_event, snapshot
from safeguarding_qa.partnership.events import ORGANISATION_CREATED
from safeguarding_qa.partnership.models import Organisation

from ..models import Invitation, User
from .invitations import invitation_create_first_administrator

ORGANISATION_FIELDS = ["name", "short_name", "sector", "is_statutory_partner", "is_active"]


@dataclass(frozen=True)
class FirstAdministrator:
    invitation: Invitation
    token: str
    organisation: Organisation
    organisation_created: bool


@transaction.atomic
def administrator_bootstrap(
    *, email: str, full_name: str, organisation_name: str, sector: str, force: bool = False
) -> FirstAdministrator:
    """Invite the first partnership administrator, adding their organisation if missing.

    For the command line only (nobody can sign in yet, so no policy applies). Refuses with
    ``ValidationError`` when an active administrator already exists, unless ``force``.
    """
    if not force and User.objects.filter(is_active=True, role=Role.PARTNERSHIP_ADMIN).exists():
        raise ValidationError(
            "An active partnership administrator already exists: invite people from the "
            "People pages instead, or use --force."
        )
    organisation, created = _ensure_organisation(organisation_name, sector)
    invitation, token = invitation_create_first_administrator(
        email=email, full_name=full_name, organisation=organisation
    )
    return FirstAdministrator(invitation, token, organisation, created)


def _ensure_organisation(name: str, sector: str) -> tuple[Organisation, bool]:
    name = name.strip()
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is not None:
        return organisation, False
    organisation = Organisation(name=name, sector=sector)
    organisation.full_clean()
    organisation.save()
    record_event(
        kind=ORGANISATION_CREATED,
        target=organisation,
        organisation=organisation,
        after=snapshot(organisation, ORGANISATION_FIELDS),
        data={"via": "create_administrator command"},
    )
    return organisation, True
