"""The append-only, hash-chained audit trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from . import registry

_NEVER_UPDATED = "Audit events are append-only: they are never updated."
_NEVER_DELETED = "Audit events are append-only: they are never deleted."


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    # The private variants too: Model.save() updates through _update() and cascading
    # deletes go through _raw_delete(), so closing only the public doors would not do.
    def update(self, **kwargs: object) -> int:
        raise TypeError(_NEVER_UPDATED)

    def _update(self, values: object) -> int:
        raise TypeError(_NEVER_UPDATED)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError(_NEVER_DELETED)

    def _raw_delete(self, using: object) -> int:
        raise TypeError(_NEVER_DELETED)


class AuditEvent(models.Model):
    """One thing that happened or was seen: who, what, to which record, when, from where.

    ``sequence`` numbers the chain without gaps; ``hash`` covers every field and the
    previous event's hash, so altering or removing any event breaks the chain after it.
    Names and descriptions are frozen at the time, so the trail reads true after renames.
    """

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    kind = models.CharField(max_length=80, db_index=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    actor_name = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "partnership.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_description = models.CharField(max_length=300, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]
        indexes = [
            models.Index(fields=["actor", "-sequence"], name="auditevent_actor_seq"),
            models.Index(fields=["organisation", "-sequence"], name="auditevent_org_seq"),
            models.Index(fields=["target_type", "target_id"], name="auditevent_target"),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.kind} by {self.actor_name or 'the system'}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Only the recording service creates events; nothing may rewrite one. Always an
        # INSERT: a new instance given an existing primary key must fail, not overwrite.
        if not self._state.adding or kwargs.get("force_update") or kwargs.get("update_fields"):
            raise TypeError(_NEVER_UPDATED)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise TypeError(_NEVER_DELETED)

    @property
    def kind_description(self) -> str:
        """What happened, in words; the bare name for a kind no longer defined."""
        kind = registry.find(self.kind)
        return kind.description if kind is not None else self.kind
