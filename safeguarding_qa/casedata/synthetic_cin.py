"""Synthetic DfE CIN census files: referrals, assessments, S47s and CP plans.

Only synthetic data (``BRK`` IDs of the fictional Brackenmoor partnership).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .synthetic import ETHNICITIES


def write_cin_census(
    path: str,
    *,
    children: int,
    year: int,
    seed: int = 1,
    sex_schema: bool = True,
    id_prefix: str = "BRK",
) -> int:
    """Write a CIN census XML file with referrals, assessments, S47s and CP plans."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    end = date(year, 3, 31)
    start = date(year - 1, 4, 1)
    factors = ["3A", "3B", "4B", "2B", "1B", "16A", "17A", "21", "5B", "11A", "24A"]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            "<Message><Header><CollectionDetails><Collection>CIN</Collection>"
            f"<Year>{year}</Year><ReferenceDate>{end.isoformat()}</ReferenceDate>"
            "</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA>"
            "</Source></Header><Children>\n"
        )
        for i in range(children):
            out.write(_cin_child(i, rng, start, end, factors, sex_schema, id_prefix))
        out.write("</Children></Message>\n")
    return children


def _d(value: date) -> str:
    return value.isoformat()


def _cin_child(
    i: int,
    rng: random.Random,
    start: date,
    end: date,
    factors: list[str],
    sex_schema: bool,
    prefix: str,
) -> str:
    born = end - timedelta(days=rng.randint(60, 17 * 365))
    sex = rng.choice("MMMMFFFFU") if sex_schema else rng.choice("1111222209")
    sex_tag = "Sex" if sex_schema else "GenderCurrent"
    eth = rng.choice(ETHNICITIES).split(") ")[1]
    referral = start + timedelta(days=rng.randint(0, 330))
    parts = [
        f"<Child><ChildIdentifiers><LAchildID>{prefix}{i:08d}</LAchildID>"
        f"<PersonBirthDate>{_d(born)}</PersonBirthDate><{sex_tag}>{sex}</{sex_tag}>"
        f"</ChildIdentifiers><ChildCharacteristics><Ethnicity>{eth}</Ethnicity>"
        "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>",
        f"<CINdetails><CINreferralDate>{_d(referral)}</CINreferralDate>"
        f"<ReferralSource>{rng.choice(['6', '2A', '3A', '1A', '5A', '8'])}</ReferralSource>"
        f"<PrimaryNeedCode>N{rng.choice('111123458')}</PrimaryNeedCode>",
    ]
    closed = rng.random() < 0.5
    closure = referral + timedelta(days=rng.randint(20, 200))
    if closed and closure <= end:
        parts.append(
            f"<CINclosureDate>{_d(closure)}</CINclosureDate>"
            "<ReasonForClosure>RC8</ReasonForClosure>"
        )
    else:
        closure = end
    parts.append(f"<ReferralNFA>{'true' if rng.random() < 0.065 else 'false'}</ReferralNFA>")
    a_start = referral + timedelta(days=rng.randint(0, 5))
    a_end = a_start + timedelta(days=rng.randint(8, 60) if rng.random() < 0.86 else 80)
    chosen = rng.sample(factors[:7], rng.randint(1, 3))
    parts.append(
        f"<Assessments><AssessmentActualStartDate>{_d(a_start)}</AssessmentActualStartDate>"
        + (
            f"<AssessmentAuthorisationDate>{_d(a_end)}</AssessmentAuthorisationDate>"
            if a_end <= closure
            else ""
        )
        + "<FactorsIdentifiedAtAssessment>"
        + "".join(f"<AssessmentFactors>{f}</AssessmentFactors>" for f in chosen)
        + "</FactorsIdentifiedAtAssessment></Assessments>"
    )
    if rng.random() < 0.3:
        s47 = a_start + timedelta(days=rng.randint(0, 10))
        icpc = s47 + timedelta(days=rng.randint(10, 22) if rng.random() < 0.81 else 30)
        held = rng.random() < 0.35 and icpc <= closure
        parts.append(
            f"<Section47><S47ActualStartDate>{_d(s47)}</S47ActualStartDate>"
            + (f"<DateOfInitialCPC>{_d(icpc)}</DateOfInitialCPC>" if held else "")
            + f"<ICPCnotRequired>{'false' if held else 'true'}</ICPCnotRequired></Section47>"
        )
        if held:
            category = rng.choice(
                ["NEG"] * 50 + ["EMO"] * 36 + ["PHY"] * 7 + ["SAB"] * 4 + ["MUL"] * 3
            )
            plan_end = icpc + timedelta(days=rng.randint(60, 500))
            parts.append(
                f"<ChildProtectionPlans><CPPstartDate>{_d(icpc)}</CPPstartDate>"
                + (f"<CPPendDate>{_d(plan_end)}</CPPendDate>" if plan_end <= closure else "")
                + f"<InitialCategoryOfAbuse>{category}</InitialCategoryOfAbuse>"
                f"<LatestCategoryOfAbuse>{category}</LatestCategoryOfAbuse>"
                f"<NumberOfPreviousCPP>{rng.choice([0, 0, 0, 1])}</NumberOfPreviousCPP>"
                "</ChildProtectionPlans>"
            )
    parts.append("</CINdetails></Child>\n")
    return "".join(parts)
