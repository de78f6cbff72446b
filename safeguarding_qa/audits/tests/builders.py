"""Quick builders for audit tests and the permission matrix (straight to the ORM)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from safeguarding_qa.audits.choices import (
    AgeBand,
    AnswerType,
    AuditStatus,
    OpenFor,
    ReturnStatus,
    Sex,
)
from safeguarding_qa.audits.models import (
    AgencyReturn,
    AimAnswer,
    Assignment,
    Audit,
    AuditAim,
    AuditCase,
    AuditGrade,
)

OFSTED = (
    ("Outstanding", False),
    ("Good", False),
    ("Requires improvement", True),
    ("Inadequate", True),
)


def make_audit(
    title: str,
    organisations: list[Any],
    *,
    status: str = AuditStatus.PLANNED,
    aims: int = 2,
    returns_due: date | None = date(2026, 3, 1),
) -> Audit:
    audit = Audit.objects.create(
        title=title,
        theme="Neglect",
        status=status,
        returns_due=returns_due,
        scale_name="Ofsted four-point",
        closed_on=date(2026, 1, 1) if status == AuditStatus.CLOSED else None,
    )
    audit.organisations.set(organisations)
    AuditGrade.objects.bulk_create(
        AuditGrade(audit=audit, rank=rank, label=label, needs_evidence=needs)
        for rank, (label, needs) in enumerate(OFSTED, start=1)
    )
    for position in range(1, aims + 1):
        AuditAim.objects.create(
            audit=audit,
            position=position,
            text=f"Aim number {position}",
            answer_type=AnswerType.GRADED if position % 2 else AnswerType.YES_NO,
        )
    return audit


def make_case(audit: Audit, reference: str, **identifiers: str) -> AuditCase:
    return AuditCase.objects.create(
        audit=audit,
        reference=reference,
        age_band=AgeBand.AGE_5_9,
        sex=Sex.FEMALE,
        open_for=OpenFor.MONTHS_3_12,
        **identifiers,
    )


def assign(case: AuditCase, person: Any) -> Assignment:
    return Assignment.objects.create(
        case=case, organisation_id=person.organisation_id, auditor=person
    )


def make_return(
    case: AuditCase, organisation: Any, *, submitted: bool = False, ranks: list[int] | None = None
) -> AgencyReturn:
    """A return; when ``ranks`` is given each graded aim is answered with that rank, and
    each yes/no aim with yes (rank 1 or 2) or no."""
    item = AgencyReturn.objects.create(
        case=case,
        organisation=organisation,
        involved=True,
        status=ReturnStatus.SUBMITTED if submitted else ReturnStatus.DRAFT,
        submitted_at=timezone.now() if submitted else None,
    )
    if ranks is not None:
        grades = {g.rank: g for g in case.audit.grades.all()}
        for aim, rank in zip(case.audit.aims.all(), ranks, strict=False):
            if aim.answer_type == AnswerType.GRADED:
                AimAnswer.objects.create(
                    agency_return=item, aim=aim, grade=grades[rank], evidence="Seen in records."
                )
            else:
                AimAnswer.objects.create(
                    agency_return=item, aim=aim, response="yes" if rank <= 2 else "no"
                )
    return item


def make_programme_item(
    title: str = "Neglect case file audit", kind: str = "case_file_audit"
) -> Any:
    """A planned item in a far-future programme year (so no other builder's year clashes)."""
    from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme

    programme, _ = WorkProgramme.objects.get_or_create(year=2037)
    return ProgrammeItem.objects.create(
        programme=programme, kind=kind, title=title, theme="Neglect"
    )


def make_sample(size: int = 3) -> Any:
    """A drawn sample (without a snapshot) with ``size`` children."""
    from safeguarding_qa.casedata.models import Sample, SampleMember

    sample = Sample.objects.create(cohort="cp_neglect", size=size, seed=7)
    SampleMember.objects.bulk_create(
        SampleMember(
            sample=sample,
            position=position,
            reference=f"S{sample.pk}-{position:02d}",
            child_key=f"key-{sample.pk}-{position}",
            age=[None, 0, 3, 7, 12, 16][position % 6],
            sex="MF"[position % 2],
            ethnicity="WBRI",
        )
        for position in range(1, size + 1)
    )
    return sample
