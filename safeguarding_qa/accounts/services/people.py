"""Changing, deactivating and reactivating people."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import (
    record_event,
    save_changes,
)

from .. import events
from ..models import User
from ..policies import people as person_policy

PERSON_FIELDS = ["full_name", "email", "job_title", "organisation", "role", "is_active"]


@transaction.atomic
def person_update(*, access: Access, person: User, **fields: Any) -> User:
    """Change a person's name, job title, organisation or role.

    Administrators cannot change their own role, so the partnership is never left without
    one by accident; another administrator must do it.
    """
    person_policy.require(access, "manage", person)
    if person.pk == access.user_id and fields.get("role", person.role) != person.role:
        raise ValidationError(
            {"role": "You cannot change your own role. Ask another administrator to do it."}
        )
    changes = save_changes(person, fields, tracked=PERSON_FIELDS, clean_exclude=["password"])
    if changes["after"]:
        record_event(
            kind=events.PERSON_CHANGED,
            actor=access.user,
            target=person,
            organisation=person.organisation,
            **changes,
        )
    return person


def _end_sessions(person: User) -> int:
    """Delete every session of this person, wherever they are signed in."""
    from allauth.usersessions.models import UserSession

    tracked = list(UserSession.objects.filter(user=person).values_list("session_key", flat=True))
    ended, _ = Session.objects.filter(session_key__in=tracked).delete()
    UserSession.objects.filter(user=person).delete()
    return ended


@transaction.atomic
def person_deactivate(*, access: Access, person: User, reason: str) -> User:
    """Stop a person signing in and end all their sessions now. Nothing is deleted.

    The reason is required: it is kept in the audit trail for membership reviews.
    """
    person_policy.require(access, "deactivate", person)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why you are deactivating this person."})
    person.is_active = False
    person.deactivated_at = timezone.now()
    person.save(update_fields=["is_active", "deactivated_at", "updated_at"])
    sessions_ended = _end_sessions(person)
    record_event(
        kind=events.PERSON_DEACTIVATED,
        actor=access.user,
        target=person,
        organisation=person.organisation,
        before={"is_active": True},
        after={"is_active": False},
        data={"reason": reason, "sessions_ended": sessions_ended},
    )
    return person


@transaction.atomic
def person_reactivate(*, access: Access, person: User) -> User:
    """Let a deactivated person sign in again with their existing password and MFA."""
    person_policy.require(access, "reactivate", person)
    person.is_active = True
    person.deactivated_at = None
    person.save(update_fields=["is_active", "deactivated_at", "updated_at"])
    record_event(
        kind=events.PERSON_REACTIVATED,
        actor=access.user,
        target=person,
        organisation=person.organisation,
        before={"is_active": False},
        after={"is_active": True},
    )
    return person
