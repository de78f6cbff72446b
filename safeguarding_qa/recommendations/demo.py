"""Demo data for the register, built idempotently: about fifteen recommendations from
audits, two practice reviews, a self-assessment round and an inspection, with some forty
actions across the agencies in every state, progress updates, evidence links, and one
recommendation embedded on impact evidence. Every name is invented.

Dates are relative to the day the demo is built, so the RAG mix stays realistic.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from safeguarding_qa.demo.context import DemoContext

from .choices import EvidenceKind
from .demo_data import AW, CL, RECOMMENDATIONS, SO, M
from .models import Action, ImpactEvidence, ProgressUpdate, Recommendation, Theme

EMBEDDED = "D2024-001"


def _made(context: DemoContext, key: str, label: str = "") -> Any:
    """The source object: the one built earlier whose name starts the label ("Child C" for
    "Child C (LCSPR)"), else the first one; a practice review is linked only by name, so
    a review's compliance view never shows another review's recommendations."""
    made = context.made.get(key) if key else None
    if isinstance(made, dict):
        made = list(made.values())
    if not made:
        return None
    name = label.split(" (", 1)[0].strip().lower()
    for candidate in made:
        if str(getattr(candidate, "name", candidate)).strip().lower() == name:
            return candidate
    return None if key == "practice_reviews" else made[0]


def _owner(context: DemoContext, organisation_key: str) -> Any:
    for persona in ("lead_council", "lead_police", "lead_hospital"):
        person = context.cast[persona]
        if person.organisation_id == context.organisations[organisation_key].pk:
            return person
    for person in context.colleagues:
        if person.organisation_id == context.organisations[organisation_key].pk:
            return person
    return None


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    today = timezone.localdate()
    chair = context.cast["chair"]
    made: list[Recommendation] = []
    for row in RECOMMENDATIONS:
        reference, title, kind, source_kind, label, made_key, ago, themes, text, actions = row
        existing = Recommendation.objects.filter(reference=reference).first()
        if existing is not None:
            made.append(existing)
            continue
        recommendation = _recommendation(context, row, today)
        for number, spec in enumerate(actions):
            _action(context, recommendation, spec, number, today, chair)
        made.append(recommendation)
    _embed(made, chair, today)
    context.made["recommendations"] = made


def _recommendation(context: DemoContext, row: tuple[Any, ...], today: date) -> Recommendation:
    reference, title, kind, source_kind, label, made_key, ago, themes, text, actions = row
    recommendation = Recommendation(
        reference=reference,
        title=title,
        text=text,
        rationale="Agreed by the QA subgroup on the findings summarised in the source.",
        kind=kind,
        source_kind=source_kind,
        source_label=label,
        agreed_on=today - timedelta(days=ago),
    )
    source = _made(context, made_key, label)
    if source is not None and getattr(source, "pk", None):
        recommendation.source_content_type = ContentType.objects.get_for_model(source)
        recommendation.source_object_id = source.pk
    recommendation.save()
    recommendation.themes.set([Theme.objects.get_or_create(name=name)[0] for name in themes])
    leads = {context.organisations[spec[0]] for spec in actions[:2]} if kind == M else set()
    recommendation.lead_organisations.set(leads or [context.organisations[actions[0][0]]])
    return recommendation


def _action(
    context: DemoContext,
    recommendation: Recommendation,
    spec: tuple[Any, ...],
    number: int,
    today: date,
    chair: Any,
) -> None:
    organisation_key, status, due_in, updated_ago, description = spec
    owner = _owner(context, organisation_key)
    finished = status in (SO, CL)
    action = Action.objects.create(
        recommendation=recommendation,
        organisation=context.organisations[organisation_key],
        owner=owner,
        description=description,
        due_on=today + timedelta(days=due_in),
        priority=("high", "medium", "low")[number % 3],
        status=status,
        last_progress_on=None if updated_ago is None else today - timedelta(days=updated_ago),
        signed_off_by=chair if finished else None,
        signed_off_at=timezone.now() - timedelta(days=max((updated_ago or 0) - 10, 1))
        if finished
        else None,
        sign_off_comment=(
            "Evidence reviewed at the subgroup; the change is in place."
            if status == SO
            else "Closed: superseded by the new partnership escalation procedure."
            if status == CL
            else ""
        ),
    )
    if updated_ago is None or owner is None:
        return
    ProgressUpdate.objects.create(
        action=action,
        author=owner,
        written_on=today - timedelta(days=updated_ago + 45),
        text="Plan agreed with managers; work started.",
    )
    ProgressUpdate.objects.create(
        action=action,
        author=owner,
        written_on=today - timedelta(days=updated_ago),
        text=(
            "Completed: the change is live and staff have been briefed."
            if status in (AW, SO)
            else "Work continuing; first results reported to the management team."
        ),
        evidence_link="https://intranet.brackenmoor.example/safeguarding/briefing"
        if number % 2 == 0
        else "",
    )


def _embed(made: list[Recommendation], chair: Any, today: date) -> None:
    with_evidence = next((item for item in made if item.reference == "D2025-005"), None)
    if with_evidence is not None and not with_evidence.impact_evidence.exists():
        ImpactEvidence.objects.create(
            recommendation=with_evidence,
            kind=EvidenceKind.INDICATOR_CHANGE,
            summary="Same-day referrals for bruised non-mobile babies rose from 70% to 92%.",
            recorded_by=chair,
            recorded_on=today - timedelta(days=20),
        )
    recommendation = next((item for item in made if item.reference == EMBEDDED), None)
    if recommendation is None or recommendation.embedded_at is not None:
        return
    ImpactEvidence.objects.create(
        recommendation=recommendation,
        kind=EvidenceKind.RE_AUDIT_RESULT,
        summary=(
            "The re-audit of twelve strategy discussions found the child's views recorded "
            "and used in eleven, against four of twelve in the original audit."
        ),
        evidence_link="https://intranet.brackenmoor.example/qa/re-audit-voice-of-the-child",
        recorded_by=chair,
        recorded_on=today - timedelta(days=60),
    )
    recommendation.embedded_at = timezone.now() - timedelta(days=50)
    recommendation.embedded_by = chair
    recommendation.embedded_comment = "Agreed at the subgroup on the re-audit's results."
    recommendation.save()
