"""Drawing audit samples from cohorts, and linking a sample to an audit."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events
from ..cohorts import COHORTS
from ..models import Sample, SampleMember, Snapshot
from ..policies import samples as sample_policy
from ..rules import sample_size_allowed
from ..sampling import draw
from ..selectors import cohort_children, months_ago, recently_audited


@transaction.atomic
def sample_draw(
    *,
    access: Access,
    snapshot: Snapshot,
    cohort: str,
    size: int,
    seed: int | None = None,
    stratify_by: str = "",
    exclude_months: int = 0,
) -> Sample:
    """Draw ``size`` children from the cohort, stratified, excluding children sent to an
    audit in the last ``exclude_months`` months. The seed is recorded (a random one when
    none is given), so drawing again with the same settings gives the same children."""
    sample_policy.require(access, "draw")
    if cohort not in COHORTS:
        raise ValidationError({"cohort": "Choose a cohort."})
    seed = seed if seed is not None else secrets.randbelow(1_000_000)
    children = cohort_children(snapshot=snapshot, cohort=cohort)
    excluded: set[str] = set()
    if exclude_months:
        excluded = recently_audited(since=months_ago(timezone.localdate(), exclude_months))
    candidates = {c.key: c.stratum(stratify_by) for c in children if c.key not in excluded}
    if not sample_size_allowed(size, len(candidates)):
        raise ValidationError(
            {
                "size": f"The sample must be between 1 and {len(candidates)} children, the "
                "number in the cohort after exclusions."
            }
        )
    sample = Sample.objects.create(
        snapshot=snapshot,
        cohort=cohort,
        size=size,
        seed=seed,
        stratify_by=stratify_by,
        exclude_months=exclude_months,
        cohort_size=len(candidates),
        drawn_by=access.user,
    )
    by_key = {child.key: child for child in children}
    SampleMember.objects.bulk_create(
        SampleMember(
            sample=sample,
            position=position,
            reference=f"S{sample.pk}-{position:02d}",
            child_key=key,
            stratum=stratum[:60],
            age=by_key[key].age,
            sex=by_key[key].sex,
            ethnicity=by_key[key].ethnicity,
            team=by_key[key].team[:100],
        )
        for position, (key, stratum) in enumerate(draw(candidates, size, seed), start=1)
    )
    record_event(
        kind=events.SAMPLE_DRAWN,
        actor=access.user,
        target=sample,
        data={
            "cohort": cohort,
            "size": size,
            "seed": seed,
            "stratify_by": stratify_by,
            "exclude_months": exclude_months,
            "snapshot": snapshot.pk,
        },
    )
    return sample


@transaction.atomic
def sample_link_to_audit(*, access: Access, sample: Sample, audit: models.Model) -> Sample:
    """Record that the sample's children were added to ``audit`` (any model: a generic
    link until the audits app's case service is wired in by the integrator)."""
    sample_policy.require(access, "draw", sample)
    if sample.sent_at is not None:
        raise ValidationError("This sample has already been added to an audit.")
    sample.audit = audit
    sample.sent_at = timezone.now()
    sample.save(update_fields=["audit_type", "audit_id", "sent_at", "updated_at"])
    record_event(
        kind=events.SAMPLE_SENT,
        actor=access.user,
        target=sample,
        data={"audit": f"{audit._meta.label_lower}:{audit.pk}"},
    )
    return sample
