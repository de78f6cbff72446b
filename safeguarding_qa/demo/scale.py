"""``seed_demo --scale N``: N times the demo partnership's history, for ``make bench``.

After the ordinary demo build, every record of the demo's history (audits with their
cases, assignments, returns, answers and panel grades; recommendations with actions and
progress; practice reviews, incidents and information requests; meetings with agendas,
attendance and decisions; retired indicators with their quarterly values and commentary;
and the audit trail) is copied N - 1 times with ``bulk_create`` in batches. Each copy keeps
the demo's shape: foreign keys between copied records point within the same copy, links to
shared records (people, organisations, quarters, the question bank) are kept, and unique
names get a suffix. Copied audit events are appended to the hash chain with their hashes
computed in order, so ``verify_audit_trail`` still passes. A ``demo.scaled`` event marks the
database: running the command again adds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from safeguarding_qa.audits.models import (
    AgencyReturn,
    AimAnswer,
    Assignment,
    Audit,
    AuditAim,
    AuditCase,
    AuditGrade,
    PanelGrade,
)
from safeguarding_qa.audittrail.hashing import compute_hash, normalise_json
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.indicators.models import Commentary, Indicator, IndicatorValue
from safeguarding_qa.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionAction,
    Meeting,
)
from safeguarding_qa.recommendations.models import Action, ProgressUpdate, Recommendation
from safeguarding_qa.reviews.models import (
    InformationRequest,
    Milestone,
    PracticeReview,
    SeriousIncident,
)

from .events import DEMO_SCALED

BATCH = 1000
# Kept for every copy: timestamps are set afresh, files are not shared between copies.
_SKIPPED = {"id", "created_at", "updated_at"}

Tweak = Callable[[dict[str, Any], int], None]


def _suffix(field: str, text: str, *, separator: str = " ") -> Tweak:
    def tweak(values: dict[str, Any], copy: int) -> None:
        values[field] = f"{values[field]}{separator}{text}{copy}"

    return tweak


def _retired_indicator(values: dict[str, Any], copy: int) -> None:
    values["code"] = f"{values['code']}_V{copy}"[:40]
    values["title"] = f"{values['title']} (version {copy}, retired)"
    values["is_active"] = False
    # Retired: nothing computes it from case data any more (its history stays).
    values["is_computed"] = False


def _cycle(values: dict[str, Any], copy: int) -> None:
    values["title"] = f"{values['title']} (cycle {copy})"


def _earlier_meeting(values: dict[str, Any], copy: int) -> None:
    # Never a whole number of days earlier, so no copy lands on a demo meeting's start.
    values["starts_at"] = values["starts_at"] - timedelta(days=copy) + timedelta(minutes=15)


@dataclass(frozen=True)
class Copied:
    """One model copied per copy, in dependency order, with what must differ per copy."""

    model: type[models.Model]
    tweak: Tweak | None = None


def _through(model: type[models.Model], field: str) -> type[models.Model]:
    return model._meta.get_field(field).remote_field.through  # type: ignore[union-attr]


PLAN: tuple[Copied, ...] = (
    Copied(Audit, _cycle),
    Copied(_through(Audit, "organisations")),
    Copied(AuditGrade),
    Copied(AuditAim),
    Copied(AuditCase),
    Copied(Assignment),
    Copied(AgencyReturn),
    Copied(AimAnswer),
    Copied(PanelGrade),
    Copied(PracticeReview, _suffix("name", "cycle ")),
    Copied(Milestone),
    Copied(SeriousIncident, _suffix("reference", "C", separator="-")),
    Copied(_through(SeriousIncident, "agencies")),
    Copied(InformationRequest),
    Copied(Recommendation, _suffix("reference", "C", separator="-")),
    Copied(_through(Recommendation, "themes")),
    Copied(_through(Recommendation, "lead_organisations")),
    Copied(Action),
    Copied(ProgressUpdate),
    Copied(Indicator, _retired_indicator),
    Copied(IndicatorValue),
    Copied(Commentary),
    Copied(Meeting, _earlier_meeting),
    Copied(AgendaItem),
    Copied(Attendance),
    Copied(Decision),
    Copied(DecisionAction),
)


class Cloner:
    """Copies the plan's rows; remembers each copy's new primary keys by model."""

    def __init__(self, copies: int) -> None:
        self.copies = copies
        # keys[copy][model label] = {old pk: new pk}
        self.keys: list[dict[str, dict[Any, Any]]] = [{} for _ in range(copies + 1)]
        self.content_types: dict[int, str] = {
            ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()
        }
        self.counts: dict[str, int] = {}

    def _remap(self, copy: int, label: str, old: Any) -> Any:
        return self.keys[copy].get(label, {}).get(old, old)

    def copy_model(self, item: Copied) -> None:
        model = item.model
        meta = model._meta
        label = meta.label_lower
        fields = [f for f in meta.concrete_fields if not f.primary_key and f.name not in _SKIPPED]
        generic = [
            (f"{g.ct_field}_id", g.fk_field)
            for g in meta.private_fields
            if isinstance(g, GenericForeignKey)
        ]
        originals = list(model._base_manager.order_by("pk"))
        names = [f.attname for f in fields]
        # Copies never share an uploaded file: deleting one must not remove another's.
        files = [f.attname for f in fields if isinstance(f, models.FileField)]
        total = 0
        for copy in range(1, self.copies + 1):
            rows: list[models.Model] = []
            for original in originals:
                values = {name: getattr(original, name) for name in names}
                for f in fields:
                    if f.is_relation and f.related_model is not None:
                        related = f.related_model._meta.label_lower
                        values[f.attname] = self._remap(copy, related, values[f.attname])
                for ct_name, id_name in generic:
                    target = self.content_types.get(values[ct_name])
                    if target is not None and values[id_name] is not None:
                        values[id_name] = self._remap(copy, target, values[id_name])
                for name in files:
                    values[name] = ""
                if item.tweak is not None:
                    item.tweak(values, copy)
                rows.append(model(**values))
            made = model._base_manager.bulk_create(rows, batch_size=BATCH)
            self.keys[copy][label] = {
                old.pk: new.pk for old, new in zip(originals, made, strict=True)
            }
            total += len(made)
        self.counts[label] = total

    def copy_events(self) -> None:
        """The demo's audit trail again per copy, appended to the chain in order."""
        originals = list(AuditEvent.objects.order_by("sequence"))
        last = AuditEvent.objects.order_by("-sequence").values("sequence", "hash").first()
        sequence = last["sequence"] if last else 0
        previous = last["hash"] if last else "0" * 64
        batch: list[AuditEvent] = []
        total = 0
        for copy in range(1, self.copies + 1):
            for original in originals:
                sequence += 1
                fields: dict[str, Any] = {
                    "sequence": sequence,
                    "kind": original.kind,
                    "occurred_at": original.occurred_at,
                    "actor_id": original.actor_id,
                    "actor_name": original.actor_name,
                    "organisation_id": original.organisation_id,
                    "organisation_name": original.organisation_name,
                    "target_type": original.target_type,
                    "target_id": (
                        str(self._remap(copy, original.target_type, _as_int(original.target_id)))
                        if original.target_type and original.target_id
                        else original.target_id
                    ),
                    "target_description": original.target_description,
                    "request_id": original.request_id,
                    "ip_address": original.ip_address,
                    "before": normalise_json(original.before),
                    "after": normalise_json(original.after),
                    "data": normalise_json(original.data or {}),
                    "previous_hash": previous,
                }
                fields["hash"] = previous = compute_hash(fields)
                batch.append(AuditEvent(**fields))
                if len(batch) >= BATCH:
                    AuditEvent.objects.bulk_create(batch)
                    total += len(batch)
                    batch = []
        if batch:
            AuditEvent.objects.bulk_create(batch)
            total += len(batch)
        self.counts["audittrail.auditevent"] = total


def _as_int(text: str) -> Any:
    return int(text) if text.isdigit() else text


def is_scaled() -> bool:
    return AuditEvent.objects.filter(kind=DEMO_SCALED.name).exists()


@transaction.atomic
def scale_demo(scale: int, *, report: Callable[[str], None] | None = None) -> dict[str, int]:
    """Copies the demo's history ``scale - 1`` times; nothing when already scaled."""
    if scale <= 1 or is_scaled():
        return {}
    started = time.perf_counter()
    cloner = Cloner(scale - 1)
    for item in PLAN:
        cloner.copy_model(item)
        if report is not None:
            label = item.model._meta.label_lower
            report(f"  {label}: {cloner.counts[label]}")
    cloner.copy_events()
    if report is not None:
        report(f"  audittrail.auditevent: {cloner.counts['audittrail.auditevent']}")
    record_event(
        kind=DEMO_SCALED,
        description=f"Demo history copied to {scale}× its size",
        data={"scale": scale, "seconds": round(time.perf_counter() - started, 1)},
    )
    return cloner.counts
