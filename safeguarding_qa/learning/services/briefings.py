"""Writes for learning briefings: draft, edit, approve, publish, withdraw."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot

from .. import events, rules
from ..choices import SECTION_FIELDS, BriefingStatus
from ..models import LearningBriefing
from ..policies import briefings as briefing_policy

EDITABLE_FIELDS = ["title", "summary", *SECTION_FIELDS]
TRACKED_FIELDS = [*EDITABLE_FIELDS, "status", "approved_by", "approved_at", "published_at"]


def _unique_slug(title: str) -> str:
    base = (slugify(title)[:70].strip("-")) or "briefing"
    slug, number = base, 2
    while LearningBriefing.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def briefing_create(
    *, access: Access, source: models.Model | None = None, **fields: Any
) -> LearningBriefing:
    """Draft a briefing, optionally from a source such as an audit or practice review."""
    briefing_policy.require(access, "manage")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown briefing fields: {sorted(unknown)}")
    briefing = LearningBriefing(
        **fields, slug=_unique_slug(str(fields.get("title", ""))), created_by=access.user
    )
    if source is not None:
        briefing.source_type = ContentType.objects.get_for_model(source)
        briefing.source_id = source.pk
        briefing.source_description = str(source)[:300]
    briefing.full_clean()
    briefing.save()
    record_event(
        kind=events.BRIEFING_CREATED,
        actor=access.user,
        target=briefing,
        after=snapshot(briefing, EDITABLE_FIELDS),
    )
    return briefing


@transaction.atomic
def briefing_update(
    *, access: Access, briefing: LearningBriefing, **fields: Any
) -> LearningBriefing:
    """Change a briefing's text. Changing an approved briefing returns it to draft, so the
    chair approves what is published."""
    briefing_policy.require(access, "manage", briefing)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown briefing fields: {sorted(unknown)}")
    text_changed = any(getattr(briefing, name) != value for name, value in fields.items())
    if text_changed and briefing.status in (BriefingStatus.APPROVED, BriefingStatus.WITHDRAWN):
        fields = {
            **fields,
            "status": BriefingStatus.DRAFT,
            "approved_by": None,
            "approved_at": None,
        }
    changes = save_changes(briefing, fields, tracked=TRACKED_FIELDS)
    if changes["after"]:
        record_event(kind=events.BRIEFING_CHANGED, actor=access.user, target=briefing, **changes)
    return briefing


def _transition(
    briefing: LearningBriefing, access: Access, kind: Any, **changes: Any
) -> LearningBriefing:
    result = save_changes(briefing, changes, tracked=TRACKED_FIELDS)
    record_event(kind=kind, actor=access.user, target=briefing, **result)
    return briefing


@transaction.atomic
def briefing_approve(*, access: Access, briefing: LearningBriefing) -> LearningBriefing:
    """The chair approves a complete draft for publication."""
    briefing_policy.require(access, "approve", briefing)
    missing = rules.briefing_missing_sections(briefing)
    if missing:
        raise ValidationError(
            f"Write every section before approving. Missing: {', '.join(missing)}."
        )
    return _transition(
        briefing,
        access,
        events.BRIEFING_APPROVED,
        status=BriefingStatus.APPROVED,
        approved_by=access.user,
        approved_at=timezone.now(),
    )


@transaction.atomic
def briefing_publish(*, access: Access, briefing: LearningBriefing) -> LearningBriefing:
    """Publish an approved briefing: its page and PDF become public, without sign-in."""
    briefing_policy.require(access, "publish", briefing)
    return _transition(
        briefing,
        access,
        events.BRIEFING_PUBLISHED,
        status=BriefingStatus.PUBLISHED,
        published_at=timezone.now(),
        withdrawn_at=None,
    )


@transaction.atomic
def briefing_withdraw(
    *, access: Access, briefing: LearningBriefing, reason: str = ""
) -> LearningBriefing:
    """Take a published briefing off the public page (its dissemination records stay)."""
    briefing_policy.require(access, "withdraw", briefing)
    result = save_changes(
        briefing,
        {"status": BriefingStatus.WITHDRAWN, "withdrawn_at": timezone.now()},
        tracked=TRACKED_FIELDS,
    )
    record_event(
        kind=events.BRIEFING_WITHDRAWN,
        actor=access.user,
        target=briefing,
        data={"reason": reason},
        **result,
    )
    return briefing
