"""A closed audit with everything its report shows, for report and briefing tests.

Three cases (whose encrypted identifiers hold identifier-like strings that must never
appear in any report, briefing or export), three aims (graded, yes/no, free text), returns
from the council and the police submitted, the hospital's outstanding, panel grades with
comments, strengths, areas for improvement, and one single-agency and one multi-agency
recommendation with actions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeguarding_qa.audits.choices import AnswerType, AuditStatus, PlanType
from safeguarding_qa.audits.models import Audit, AuditAim, PanelGrade
from safeguarding_qa.audits.tests.builders import make_audit, make_case, make_return
from safeguarding_qa.recommendations.choices import RecommendationKind, SourceKind
from safeguarding_qa.recommendations.models import Action, Recommendation

# Identifier-like strings put into the encrypted case fields.
IDENTIFIERS = {
    "child_name": "Zebedee Quartermain",
    "nhs_number": "NHS 943 476 5919",
    "la_child_id": "LA-ID 123456",
    "date_of_birth": "03/02/2014",
}
FORBIDDEN = (*IDENTIFIERS.values(), "943 476 5919", "9434765919", "123456", "Quartermain")

TERMS = "To test how agencies recognise and respond to neglect in families with babies."
STRENGTHS = "Health visitors knew the families well\nReferrals were made promptly"
IMPROVEMENTS = "Fathers were rarely seen\nThe neglect tool was not used consistently"
PANEL_COMMENT = "Good multi-agency discussion but drift after the strategy meeting."


def _aims(audit: Audit) -> None:
    texts = {
        1: "Was the neglect assessment tool used?",
        2: "Was the voice of the child heard?",
    }
    for aim in audit.aims.all():
        aim.text = texts[aim.position]
        aim.save()
    AuditAim.objects.create(
        audit=audit,
        position=3,
        text="What could have been done differently?",
        answer_type=AnswerType.TEXT,
    )


def _recommendations(audit: Audit, organisations: dict[str, Any]) -> None:
    source = {
        "source_kind": SourceKind.AUDIT,
        "source_content_type": ContentType.objects.get_for_model(Audit),
        "source_object_id": audit.pk,
        "agreed_on": date(2025, 2, 10),
    }
    single = Recommendation.objects.create(
        reference="AUD-NEG-1",
        title="Use the neglect tool in every assessment",
        text="Children's services to use the neglect tool in every assessment of neglect.",
        kind=RecommendationKind.SINGLE_AGENCY,
        **source,
    )
    multi = Recommendation.objects.create(
        reference="AUD-NEG-2",
        title="See and involve fathers",
        text="Every agency to record and involve fathers and male carers.",
        kind=RecommendationKind.MULTI_AGENCY,
        **source,
    )
    Action.objects.create(
        recommendation=single,
        organisation=organisations["council"],
        description="Train all social workers in the neglect tool",
        due_on=date(2025, 9, 30),
    )
    Action.objects.create(
        recommendation=multi,
        organisation=organisations["police"],
        description="Add fathers to the domestic abuse notification form",
        due_on=date(2025, 12, 31),
    )


def build_reported_audit(organisations: dict[str, Any]) -> Audit:
    orgs = [organisations["council"], organisations["police"], organisations["hospital"]]
    audit = make_audit("Neglect in babies audit", orgs, status=AuditStatus.CLOSED, aims=2)
    audit.terms_of_reference = TERMS
    audit.returns_due = date(2025, 1, 6)
    audit.panel_date = date(2025, 1, 20)
    audit.panel_strengths = STRENGTHS
    audit.panel_improvements = IMPROVEMENTS
    audit.save()
    _aims(audit)
    grades = {grade.rank: grade for grade in audit.grades.all()}
    graded_aim = audit.aims.get(position=1)
    for letter, ranks in (("A", (2, 3)), ("B", (3, 3)), ("C", (1, 4))):
        case = make_case(audit, f"Case {letter}", **IDENTIFIERS)
        case.plan_type = PlanType.CHILD_PROTECTION
        case.save()
        make_return(case, organisations["council"], submitted=True, ranks=[ranks[0], 1])
        make_return(case, organisations["police"], submitted=True, ranks=[ranks[1], 3])
        make_return(case, organisations["hospital"])
        PanelGrade.objects.create(
            case=case,
            aim=graded_aim,
            grade=grades[3],
            rationale=PANEL_COMMENT if letter == "A" else "",
        )
    _recommendations(audit, organisations)
    return audit
