"""Writes linking audits to other areas: the recommendations register, the work programme
and case-data samples. Each calls the other app's service in this transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.casedata.models import Sample, SampleMember
from safeguarding_qa.casedata.services.samples import sample_link_to_audit
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.programme.models import ProgrammeItem
from safeguarding_qa.programme.services.programmes import programme_item_link
from safeguarding_qa.recommendations.models import ImpactEvidence, Recommendation
from safeguarding_qa.recommendations.services.actions import action_create
from safeguarding_qa.recommendations.services.recommendations import (
    impact_evidence_add,
    recommendation_create,
)

from .. import events, rules
from ..choices import AuditKind, PlanType
from ..models import Audit, AuditAim, AuditCase, GradingScale
from ..policies import audits as audit_policy
from .audits import audit_create

# Which programme item kinds an audit can be created from, and the audit kind each becomes.
PROGRAMME_KINDS = {
    "case_file_audit": AuditKind.CASE_FILE,
    "deep_dive": AuditKind.DEEP_DIVE,
    "compliance_audit": AuditKind.REVIEW_COMPLIANCE,
}


@transaction.atomic
def audit_recommendation_record(
    *,
    access: Access,
    audit: Audit,
    title: str,
    text: str,
    kind: str,
    organisations: list[Organisation],
    action: str,
    due_on: date,
    agreed_on: date,
    themes: list[str] | None = None,
) -> Recommendation:
    """Record one of the panel's recommendations in the register, with the audit as its
    source and one action for each organisation that is to act on it."""
    audit_policy.require(access, "recommend", audit)
    if not organisations:
        raise ValidationError({"organisations": "Choose at least one organisation to act."})
    participating = set(audit.organisations.values_list("pk", flat=True))
    if any(org.pk not in participating for org in organisations):
        raise ValidationError({"organisations": "Choose organisations taking part in the audit."})
    recommendation = recommendation_create(
        actor=access.user,
        title=title,
        text=text,
        kind=kind,
        source_kind="audit",
        agreed_on=agreed_on,
        source=audit,
        themes=themes if themes is not None else [audit.theme],
        lead_organisations=organisations,
    )
    for organisation in organisations:
        action_create(
            actor=access.user,
            recommendation=recommendation,
            organisation=organisation,
            description=action,
            due_on=due_on,
        )
    record_event(
        kind=events.AUDIT_RECOMMENDATION_RECORDED,
        actor=access.user,
        target=audit,
        data={
            "recommendation": recommendation.reference,
            "kind": kind,
            "organisations": sorted(org.name for org in organisations),
        },
    )
    return recommendation


@transaction.atomic
def audit_impact_record(
    *, access: Access, audit: Audit, aim: AuditAim, recommendation: Recommendation, summary: str
) -> ImpactEvidence:
    """Record this audit's results on one aim as evidence that an earlier recommendation's
    learning is embedded (a re-audit result), linked to the aim."""
    audit_policy.require(access, "impact", audit)
    if audit.status not in rules.COLLATED:
        raise ValidationError("Results can be recorded as evidence from the panel stage.")
    if aim.audit_id != audit.pk:
        raise ValidationError({"aim": "Choose one of this audit's aims."})
    evidence = impact_evidence_add(
        actor=access.user,
        recommendation=recommendation,
        kind="re_audit_result",
        summary=summary,
        evidence_object=aim,
    )
    record_event(
        kind=events.AUDIT_IMPACT_RECORDED,
        actor=access.user,
        target=audit,
        data={"recommendation": recommendation.reference, "aim": aim.text},
    )
    return evidence


@transaction.atomic
def audit_create_from_programme_item(
    *,
    access: Access,
    item: ProgrammeItem,
    scale: GradingScale,
    organisations: list[Any],
    **fields: Any,
) -> Audit:
    """Set up an audit from a planned programme item; the item records what it became."""
    audit_policy.require(access, "manage")
    if item.kind not in PROGRAMME_KINDS:
        raise ValidationError("Only audits and deep dives in the programme become audits.")
    if item.object_id is not None:
        raise ValidationError("This programme item has already been set up.")
    audit = audit_create(access=access, scale=scale, organisations=organisations, **fields)
    programme_item_link(access=access, item=item, target=audit)
    record_event(
        kind=events.AUDIT_FROM_PROGRAMME,
        actor=access.user,
        target=audit,
        data={"programme_item": item.pk, "item": item.title},
    )
    return audit


def _case_from_member(audit: Audit, member: SampleMember, **profile: Any) -> AuditCase:
    return AuditCase(
        audit=audit,
        reference=member.reference,
        age_band=rules.age_band_for(member.age),
        sex=rules.SEX_FROM_CASEDATA.get(member.sex, "unknown"),
        ethnicity=member.ethnicity,
        **profile,
    )


@transaction.atomic
def audit_cases_from_sample(
    *,
    access: Access,
    audit: Audit,
    sample: Sample,
    members: list[SampleMember],
    plan_type: str = PlanType.NONE,
    plan_category: str = "",
    open_for: str,
) -> list[AuditCase]:
    """Add one case per chosen child of a drawn sample, under the sample's pseudonymous
    reference and profile, then mark the sample as sent to this audit. Identifiers are not
    carried over (case data holds only keyed hashes): auditors type them later."""
    audit_policy.require(access, "manage", audit)
    if audit.status not in rules.SETTING_UP:
        raise ValidationError("Cases come from a sample only while the audit is being set up.")
    if not members:
        raise ValidationError({"members": "Choose at least one child from the sample."})
    if any(member.sample_id != sample.pk for member in members):
        raise ValidationError({"members": "Choose children from this sample."})
    taken = {ref.lower() for ref in audit.cases.values_list("reference", flat=True)}
    clashes = [m.reference for m in members if m.reference.lower() in taken]
    if clashes:
        raise ValidationError({"members": f"Already cases in this audit: {', '.join(clashes)}."})
    cases = [
        _case_from_member(
            audit, member, plan_type=plan_type, plan_category=plan_category, open_for=open_for
        )
        for member in members
    ]
    for case in cases:
        case.full_clean(exclude=["audit"])
    AuditCase.objects.bulk_create(cases)
    sample_link_to_audit(access=access, sample=sample, audit=audit)
    record_event(
        kind=events.AUDIT_CASES_FROM_SAMPLE,
        actor=access.user,
        target=audit,
        data={"sample": sample.pk, "cases": [case.reference for case in cases]},
    )
    return cases
