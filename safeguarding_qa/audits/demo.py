"""Demo data for audits, built idempotently: six audits across themes, years and stages,
with cases, assignments, agency returns, panel grades and one open live concern."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, NamedTuple

from django.utils import timezone

from safeguarding_qa.demo.context import DemoContext

from .choices import (
    AgeBand,
    AnswerType,
    AuditKind,
    AuditStatus,
    OpenFor,
    PlanCategory,
    PlanType,
    ReturnStatus,
    Sex,
    YesNo,
)
from .models import (
    AgencyReturn,
    AimAnswer,
    Assignment,
    Audit,
    AuditAim,
    AuditCase,
    AuditGrade,
    GradingScale,
    LiveConcern,
    PanelGrade,
    Question,
    ScaleGrade,
)
from .seed import seed_question_bank

# (title, theme, kind, status, organisation keys, aim codes, returns due offset in days)
_ROWS: Any = (
    (
        "Neglect multi-agency case file audit 2024-25",
        "Neglect",
        AuditKind.CASE_FILE,
        AuditStatus.CLOSED,
        ("council", "police", "hospital", "education"),
        ("info-sharing", "voice-of-child", "men-fathers", "neglect-tool", "neglect-drift"),
        -420,
    ),
    (
        "Domestic abuse and the voice of the child 2025",
        "Domestic abuse",
        AuditKind.THEMATIC,
        AuditStatus.RECOMMENDATIONS_AGREED,
        ("council", "police", "hospital", "community"),
        ("da-risk", "da-child-impact", "voice-of-child", "multi-agency-plan"),
        -200,
    ),
    (
        "Child sexual exploitation deep dive 2025-26",
        "Child sexual exploitation",
        AuditKind.DEEP_DIVE,
        AuditStatus.PANEL,
        ("council", "police", "hospital"),
        ("cse-screening", "cse-disruption", "info-sharing", "management-oversight"),
        -20,
    ),
    (
        "Pre-birth assessments thematic audit 2025-26",
        "Pre-birth assessments",
        AuditKind.THEMATIC,
        AuditStatus.RETURNS_OPEN,
        ("council", "police", "hospital"),
        ("prebirth-timely", "info-sharing", "men-fathers", "contingency"),
        21,
    ),
    (
        "Strategy discussions: review-compliance audit 2026",
        "Strategy discussions",
        AuditKind.REVIEW_COMPLIANCE,
        AuditStatus.SCOPING,
        ("council", "police", "hospital"),
        ("strategy-discussion", "conference-invites", "risk-before-closure"),
        60,
    ),
    (
        "Private fostering audit 2026-27",
        "Private fostering",
        AuditKind.CASE_FILE,
        AuditStatus.PLANNED,
        ("council", "education"),
        ("private-fostering",),
        150,
    ),
)


class Spec(NamedTuple):
    title: str
    theme: str
    kind: str
    status: str
    organisations: tuple[str, ...]
    aim_codes: tuple[str, ...]
    due_in_days: int


AUDITS: tuple[Spec, ...] = tuple(Spec(*row) for row in _ROWS)
NAMES = ("Lowen", "Senara", "Jory", "Kerensa", "Piran", "Wenna", "Elowen", "Tegen")
SURNAMES = ("Tregenza", "Nankervis", "Bosanko", "Chegwidden", "Liddicoat", "Polkinghorne")
STRENGTHS = (
    "Records show the child was seen alone at every visit and their wishes were written down "
    "in their own words.",
    "Referrals were made the same day and the agency followed up when it heard nothing back.",
    "The agency attended every core group and its actions were completed on time.",
)
DEVELOPMENT = (
    "The father was not contacted, although he had weekly contact with the child.",
    "The chronology stopped being updated after the case was stepped down to early help.",
    "Supervision notes record discussion but no decision or timescale.",
)
VOICE = (
    "The child said she liked school because 'there is always breakfast'.",
    "The young person told the nurse he did not feel safe going home after 9pm.",
    "The mother's account of daily routines is recorded; the child's own view is not.",
)


def _profile(rng: random.Random, today: date) -> dict[str, object]:
    plan = rng.choice([PlanType.CHILD_IN_NEED, PlanType.CHILD_PROTECTION, PlanType.EARLY_HELP])
    return {
        "age_band": rng.choice(
            [AgeBand.UNDER_1, AgeBand.AGE_1_4, AgeBand.AGE_5_9, AgeBand.AGE_10_15]
        ),
        "sex": rng.choice([Sex.FEMALE, Sex.MALE]),
        "ethnicity": rng.choice(["White British", "Mixed White and Black Caribbean", "Pakistani"]),
        "disability": rng.random() < 0.2,
        "plan_type": plan,
        "plan_category": PlanCategory.NEGLECT if plan == PlanType.CHILD_PROTECTION else "",
        "open_for": rng.choice(list(OpenFor)),
        "child_name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
        "date_of_birth": (today - timedelta(days=rng.randint(200, 5000))).isoformat(),
        "la_child_id": f"BRK{rng.randint(100000, 999999)}",
        "nhs_number": "".join(str(rng.randint(0, 9)) for _ in range(10)),
    }


def _answer(
    rng: random.Random, agency_return: AgencyReturn, aim: AuditAim, grades: list[AuditGrade]
) -> None:
    if aim.answer_type == AnswerType.GRADED:
        grade = rng.choices(grades, weights=[1, 5, 4, 1][: len(grades)])[0]
        AimAnswer.objects.create(
            agency_return=agency_return,
            aim=aim,
            grade=grade,
            evidence=rng.choice(DEVELOPMENT) if grade.needs_evidence else rng.choice(STRENGTHS),
        )
    elif aim.answer_type == AnswerType.YES_NO:
        response = rng.choices([YesNo.YES, YesNo.PARTLY, YesNo.NO], weights=[5, 3, 2])[0]
        AimAnswer.objects.create(
            agency_return=agency_return,
            aim=aim,
            response=response,
            evidence=rng.choice(DEVELOPMENT) if response == YesNo.NO else "",
        )


def _returns(rng: random.Random, audit: Audit, case: AuditCase, context: DemoContext) -> None:
    aims = list(audit.aims.all())
    grades = list(audit.grades.all())
    collated = audit.status in (
        AuditStatus.PANEL,
        AuditStatus.RECOMMENDATIONS_AGREED,
        AuditStatus.CLOSED,
    )
    for org in audit.organisations.all():
        # One agency is late at the panel stage; at returns open about half are drafts.
        late = audit.status == AuditStatus.PANEL and org.pk == context.organisations["hospital"].pk
        submitted = (collated and not (late and case.reference == "Case D")) or (
            audit.status == AuditStatus.RETURNS_OPEN and rng.random() < 0.4
        )
        item = AgencyReturn.objects.create(
            case=case,
            organisation=org,
            involved=True,
            status=ReturnStatus.SUBMITTED if submitted else ReturnStatus.DRAFT,
            submitted_at=timezone.now() if submitted else None,
            strengths=rng.choice(STRENGTHS),
            areas_for_development=rng.choice(DEVELOPMENT),
            single_agency_learning="Share the learning at the next team meeting.",
            voice_of_child=rng.choice(VOICE),
            overall_grade=grades[1] if submitted else None,
        )
        for aim in aims:
            _answer(rng, item, aim, grades)


def _panel(rng: random.Random, audit: Audit, case: AuditCase) -> None:
    grades = list(audit.grades.all())
    for aim in audit.aims.exclude(answer_type=AnswerType.TEXT):
        graded = aim.answer_type == AnswerType.GRADED
        PanelGrade.objects.create(
            case=case,
            aim=aim,
            grade=rng.choice(grades[1:3]) if graded else None,
            response="" if graded else rng.choice([YesNo.YES, YesNo.PARTLY]),
            rationale="Agreed after discussion of each agency's evidence.",
        )


def _cases(rng: random.Random, audit: Audit, context: DemoContext) -> None:
    status = audit.status
    for letter in "ABCD":
        case = AuditCase.objects.create(
            audit=audit, reference=f"Case {letter}", **_profile(rng, audit.created_at.date())
        )
        for key in ("auditor_council", "auditor_police", "auditor_hospital"):
            person = context.cast[key]
            org = person.organisation
            if org is not None and audit.organisations.filter(pk=org.pk).exists():
                Assignment.objects.create(case=case, organisation=org, auditor=person)
        _returns(rng, audit, case, context)
        if status in (AuditStatus.RECOMMENDATIONS_AGREED, AuditStatus.CLOSED) or (
            status == AuditStatus.PANEL and letter in "AB"
        ):
            _panel(rng, audit, case)


def _audit(context: DemoContext, rng: random.Random, spec: Spec, today: date) -> Audit:
    title, theme, kind, status, org_keys, codes, due = spec
    scale = GradingScale.objects.get(name="Ofsted four-point")
    returns_due = today + timedelta(days=due)
    audit = Audit.objects.create(
        title=title,
        theme=theme,
        kind=kind,
        status=status,
        scale_name=scale.name,
        returns_due=returns_due,
        panel_date=returns_due + timedelta(days=21),
        target_cases=4,
        created_by=context.cast["admin"],
        terms_of_reference=(
            f"To test how well agencies in Brackenmoor work together on {theme.lower()}, "
            "using four children's records from the last twelve months."
        ),
        closed_on=returns_due + timedelta(days=60) if status == AuditStatus.CLOSED else None,
    )
    audit.organisations.set([context.organisations[key] for key in org_keys])
    for grade in scale.grades.all():
        AuditGrade.objects.create(
            audit=audit, rank=grade.rank, label=grade.label, needs_evidence=grade.needs_evidence
        )
    questions = {q.code: q for q in Question.objects.all()}
    for position, code in enumerate(codes, start=1):
        question = questions[code]
        AuditAim.objects.create(
            audit=audit,
            question=question,
            position=position,
            text=question.text,
            guidance=question.guidance,
            answer_type=question.answer_type,
        )
    if status in (AuditStatus.PLANNED, AuditStatus.SCOPING):
        return audit
    _cases(rng, audit, context)
    if status in (AuditStatus.RECOMMENDATIONS_AGREED, AuditStatus.CLOSED):
        audit.panel_strengths = (
            "Information sharing between police and children's social care was timely in "
            "every case. Children were seen and their experiences recorded."
        )
        audit.panel_improvements = (
            "Fathers and men in the household were rarely engaged. Contingency plans were "
            "missing from two of four plans."
        )
        audit.save()
    if status == AuditStatus.RETURNS_OPEN:
        LiveConcern.objects.create(
            case=audit.cases.get(reference="Case B"),
            raised_by=context.cast["auditor_police"],
            details="A police log from last week records a new incident at the address; no "
            "referral was found on the children's social care record.",
        )
    return audit


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    seed_question_bank(Question, GradingScale, ScaleGrade)
    rng = random.Random(20260403)  # noqa: S311  (repeatable synthetic data, not security)
    today = timezone.localdate()
    made = []
    for spec in AUDITS:
        existing = Audit.objects.filter(title=spec.title).first()
        made.append(existing or _audit(context, rng, spec, today))
    context.made["audits"] = made
