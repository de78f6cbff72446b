"""Recording audit events: the only code path that creates an ``AuditEvent``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from ..context import current_request, normalise_ip
from ..hashing import GENESIS_HASH, compute_hash, normalise_json, without_nul
from ..models import AuditEvent
from ..registry import EventKind

# Any constant works; it only has to be the same for every writer of the chain.
_CHAIN_LOCK_KEY = 7_311_944_201


def _lock_chain() -> None:
    """Serialise appends so two writers never extend the chain from the same event.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: transactions are IMMEDIATE
    (see settings), so the write lock is already held.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def _describe(target: models.Model | None, description: str) -> tuple[str, str, str]:
    if target is None:
        return "", "", without_nul(description)[:300]
    return (
        target._meta.label_lower,
        str(target.pk),
        without_nul(description or str(target))[:300],
    )


def record_event(
    *,
    kind: EventKind,
    actor: Any = None,
    target: models.Model | None = None,
    organisation: Any = None,
    description: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    ``organisation`` defaults to the actor's organisation. Call it in the same transaction
    as the change it records, so both happen or neither does.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if organisation is None and actor is not None:
        organisation = actor.organisation
    metadata = current_request.get()
    target_type, target_id, target_description = _describe(target, description)
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
        fields: dict[str, Any] = {
            "sequence": (last["sequence"] + 1) if last else 1,
            "kind": kind.name,
            "occurred_at": timezone.now(),
            "actor_id": actor.pk if actor is not None else None,
            "actor_name": without_nul(actor.display_name if actor is not None else "")[:200],
            "organisation_id": organisation.pk if organisation is not None else None,
            "organisation_name": without_nul(str(organisation or ""))[:200],
            "target_type": target_type,
            "target_id": target_id,
            "target_description": target_description,
            "request_id": metadata.request_id,
            "ip_address": normalise_ip(metadata.ip_address),
            "before": normalise_json(before),
            "after": normalise_json(after),
            "data": normalise_json(data or {}),
            "previous_hash": last["hash"] if last else GENESIS_HASH,
        }
        fields["hash"] = compute_hash(fields)
        return AuditEvent.objects.create(**fields)


def snapshot(instance: models.Model, field_names: list[str]) -> dict[str, Any]:
    """The named fields of a record, for an event's before/after."""
    values: dict[str, Any] = {}
    for name in field_names:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(item) for item in getattr(instance, name).all())
        elif field.is_relation:
            related = getattr(instance, name)
            values[name] = str(related) if related is not None else None
        else:
            values[name] = getattr(instance, name)
    return normalise_json(values)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Only the fields whose value changed, as {"before": {...}, "after": {...}}."""
    names = [name for name in after if before.get(name) != after.get(name)]
    return {
        "before": {name: before.get(name) for name in names},
        "after": {name: after[name] for name in names},
    }


def save_changes(
    instance: models.Model,
    changes: dict[str, Any],
    *,
    tracked: list[str],
    clean_exclude: list[str] | None = None,
) -> dict[str, Any]:
    """Apply ``changes``, validate and save; return what changed among ``tracked`` fields.

    The result is ``{"before": {...}, "after": {...}}`` (both empty when nothing changed),
    ready to pass to ``record_event(**result)``. Call it inside the service's transaction.
    When validation fails, the instance keeps its original values and the error is raised.
    """
    before = snapshot(instance, tracked)
    originals = {name: getattr(instance, name) for name in changes}
    for name, value in changes.items():
        setattr(instance, name, value)
    try:
        instance.full_clean(exclude=clean_exclude)
    except ValidationError:
        # Refused input must not linger on the caller's object (a page would show it).
        for name, value in originals.items():
            setattr(instance, name, value)
        raise
    instance.save()
    return changed_fields(before, snapshot(instance, tracked))
