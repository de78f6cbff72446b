"""Writes for recommendations: add, change, impact evidence, and marking embedded."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events, rules
from ..models import ImpactEvidence, Recommendation, Theme
from ..policies import recommendations_policy

RECOMMENDATION_FIELDS = [
    "reference",
    "title",
    "text",
    "rationale",
    "kind",
    "source_kind",
    "source_label",
    "agreed_on",
    "themes",
    "lead_organisations",
]
EVIDENCE_FIELDS = ["kind", "summary", "evidence_link", "recorded_on"]


def _themes(names: Iterable[str]) -> list[Theme]:
    """The themes named, added to the list when new (names compared without case)."""
    themes: dict[str, Theme] = {}
    for raw in names:
        name = " ".join(str(raw).split())[:100]
        if not name or name.lower() in themes:
            continue
        theme = Theme.objects.filter(name__iexact=name).first() or Theme.objects.create(name=name)
        themes[name.lower()] = theme
    return list(themes.values())


def next_reference(agreed_on: date) -> str:
    """The next free reference for the year agreed, e.g. R2025-007."""
    prefix = f"R{agreed_on.year}-"
    taken = Recommendation.objects.filter(reference__startswith=prefix).count()
    number = taken + 1
    while Recommendation.objects.filter(reference=f"{prefix}{number:03d}").exists():
        number += 1
    return f"{prefix}{number:03d}"


def _set_source(recommendation: Recommendation, source: models.Model | None) -> None:
    if source is None:
        recommendation.source_content_type = None
        recommendation.source_object_id = None
        return
    if source.pk is None:
        raise ValidationError("Save the source before linking recommendations to it.")
    recommendation.source_content_type = ContentType.objects.get_for_model(source)
    recommendation.source_object_id = source.pk
    if not recommendation.source_label:
        recommendation.source_label = str(source)[:200]


@transaction.atomic
def recommendation_create(
    *,
    actor: Any,
    title: str,
    text: str,
    kind: str,
    source_kind: str,
    agreed_on: date,
    source: models.Model | None = None,
    source_label: str = "",
    rationale: str = "",
    themes: Iterable[str] = (),
    lead_organisations: Iterable[Organisation] = (),
    reference: str = "",
) -> Recommendation:
    """Add a recommendation to the register, optionally linked to the object it came from
    (an audit, a practice review, a self-assessment round, a meeting decision...)."""
    recommendations_policy.require(Access.for_user(actor), "manage")
    recommendation = Recommendation(
        reference=reference.strip() or next_reference(agreed_on),
        title=title,
        text=text,
        rationale=rationale,
        kind=kind,
        source_kind=source_kind,
        source_label=source_label,
        agreed_on=agreed_on,
    )
    _set_source(recommendation, source)
    recommendation.full_clean()
    recommendation.save()
    recommendation.themes.set(_themes(themes))
    recommendation.lead_organisations.set(list(lead_organisations))
    record_event(
        kind=events.RECOMMENDATION_CREATED,
        actor=actor,
        target=recommendation,
        after=snapshot(recommendation, RECOMMENDATION_FIELDS),
    )
    return recommendation


@transaction.atomic
def recommendation_update(
    *, actor: Any, recommendation: Recommendation, **fields: Any
) -> Recommendation:
    """Change a recommendation's details; records only what changed."""
    recommendations_policy.require(Access.for_user(actor), "manage", recommendation)
    themes = fields.pop("themes", None)
    leads = fields.pop("lead_organisations", None)
    before = snapshot(recommendation, RECOMMENDATION_FIELDS)
    save_changes(recommendation, fields, tracked=RECOMMENDATION_FIELDS)
    if themes is not None:
        recommendation.themes.set(_themes(themes))
    if leads is not None:
        recommendation.lead_organisations.set(list(leads))
    after = snapshot(recommendation, RECOMMENDATION_FIELDS)
    changed = [name for name in after if before.get(name) != after[name]]
    if changed:
        record_event(
            kind=events.RECOMMENDATION_CHANGED,
            actor=actor,
            target=recommendation,
            before={name: before.get(name) for name in changed},
            after={name: after[name] for name in changed},
        )
    return recommendation


@transaction.atomic
def impact_evidence_add(
    *,
    actor: Any,
    recommendation: Recommendation,
    kind: str,
    summary: str,
    evidence_object: models.Model | None = None,
    evidence_link: str = "",
    evidence_file: UploadedFile | None = None,
    recorded_on: date | None = None,
) -> ImpactEvidence:
    """Attach evidence that a recommendation's learning is embedded (a re-audit's results on
    a linked aim, an indicator's change, a signed-off re-audit), optionally linked to the
    object that shows it."""
    recommendations_policy.require(Access.for_user(actor), "manage", recommendation)
    evidence = ImpactEvidence(
        recommendation=recommendation,
        kind=kind,
        summary=summary,
        evidence_link=evidence_link,
        recorded_by=actor,
        recorded_on=recorded_on or timezone.localdate(),
    )
    if evidence_object is not None:
        evidence.evidence_content_type = ContentType.objects.get_for_model(evidence_object)
        evidence.evidence_object_id = evidence_object.pk
    if evidence_file is not None:
        evidence.evidence_file = evidence_file
    evidence.full_clean()
    evidence.save()
    record_event(
        kind=events.EVIDENCE_ADDED,
        actor=actor,
        target=recommendation,
        after={**snapshot(evidence, EVIDENCE_FIELDS), "file": evidence.file_name},
    )
    return evidence


@transaction.atomic
def recommendation_mark_embedded(
    *, actor: Any, recommendation: Recommendation, comment: str = ""
) -> Recommendation:
    """Mark a recommendation's learning as embedded; refused without impact evidence."""
    recommendations_policy.require(Access.for_user(actor), "embed", recommendation)
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    problem = rules.can_mark_embedded(
        evidence_count=locked.impact_evidence.count(), already_embedded=locked.is_embedded
    )
    if problem:
        raise ValidationError(problem)
    locked.embedded_at = timezone.now()
    locked.embedded_by = actor
    locked.embedded_comment = comment
    locked.save(update_fields=["embedded_at", "embedded_by", "embedded_comment", "updated_at"])
    record_event(
        kind=events.RECOMMENDATION_EMBEDDED,
        actor=actor,
        target=locked,
        before={"embedded": False},
        after={"embedded": True, "comment": comment},
    )
    recommendation.refresh_from_db()
    return recommendation
