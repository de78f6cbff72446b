"""The frameworks the partnership collates, seeded as data (migration 0002 and the demo).

The standards are the partnership's own short paraphrases of the statutory duties (Section 11
of the Children Act 2004 for agencies; Section 175 of the Education Act 2002 for schools and
colleges). They are written for this product, not copied from any guidance.
"""

from __future__ import annotations

from typing import Any

SECTION_11_CODE = "section-11"
SECTION_175_CODE = "section-175"

FRAMEWORKS: tuple[dict[str, Any], ...] = (
    {
        "code": SECTION_11_CODE,
        "name": "Section 11 self-assessment",
        "kind": "section_11",
        "description": (
            "How well each agency makes sure that its functions, and the services it "
            "commissions, are carried out with regard to keeping children safe."
        ),
        "standards": (
            (
                "1",
                "Leadership and accountability",
                "A named senior leader answers for safeguarding children, and the board or "
                "governing body checks regularly that arrangements work.",
            ),
            (
                "2",
                "Policies and procedures",
                "Staff can find up-to-date safeguarding policies that match the partnership's "
                "procedures, and know how to use them.",
            ),
            (
                "3",
                "Listening to children",
                "Children's wishes, feelings and experiences are sought and shape both "
                "individual plans and how services are designed.",
            ),
            (
                "4",
                "Raising concerns and escalation",
                "Staff know how to raise a worry about a child or about a colleague, and how to "
                "escalate when another agency's response seems wrong.",
            ),
            (
                "5",
                "Sharing information",
                "Information is shared promptly and lawfully with the agencies that need it to "
                "protect a child, and decisions about sharing are recorded.",
            ),
            (
                "6",
                "Designated safeguarding professionals",
                "Named or designated safeguarding leads exist, have time and support for the "
                "role, and are known to staff.",
            ),
            (
                "7",
                "Safer recruitment and allegations",
                "Checks are made before people start work with children, and allegations "
                "against staff go to the designated officer without delay.",
            ),
            (
                "8",
                "Training and supervision",
                "Staff receive safeguarding training suited to their role, refresh it on time, "
                "and have supervision that challenges their practice.",
            ),
            (
                "9",
                "Working together",
                "The agency takes a full part in multi-agency meetings, plans and audits, and "
                "acts on the learning from reviews.",
            ),
        ),
    },
    {
        "code": SECTION_175_CODE,
        "name": "Section 175 self-assessment",
        "kind": "section_175",
        "description": (
            "How well each school or college, and the local authority's education service, "
            "carries out its duty to keep pupils safe and promote their welfare."
        ),
        "standards": (
            (
                "1",
                "Governance and leadership",
                "Governors or trustees oversee safeguarding, receive regular reports and hold "
                "leaders to account for weaknesses.",
            ),
            (
                "2",
                "Designated safeguarding lead",
                "A senior member of staff leads safeguarding, with trained deputies, protected "
                "time and cover when they are away.",
            ),
            (
                "3",
                "Child protection policy",
                "The setting's child protection policy is reviewed each year, published, and "
                "reflects local arrangements.",
            ),
            (
                "4",
                "Staff training and induction",
                "Every member of staff and volunteer is trained at induction and updated "
                "during the year, and records show it.",
            ),
            (
                "5",
                "Safer recruitment",
                "Pre-appointment checks are complete and recorded in a single central record "
                "before anyone starts work.",
            ),
            (
                "6",
                "Online safety",
                "Filtering, monitoring and teaching help pupils stay safe online, and concerns "
                "raised online are acted on.",
            ),
            (
                "7",
                "Early help and referrals",
                "Pupils who need extra help are identified early and referred to the right "
                "service, with the school following referrals up.",
            ),
            (
                "8",
                "Attendance and children missing education",
                "Absence patterns that may signal harm are noticed, and children missing from "
                "education are reported to the local authority.",
            ),
            (
                "9",
                "Safeguarding in the curriculum",
                "Pupils learn, at a level suited to their age, about healthy relationships, "
                "consent and how to ask for help.",
            ),
        ),
    },
)


def ensure_frameworks(framework_model: Any, standard_model: Any) -> None:
    """Create any missing framework or standard; existing rows are left as they are.

    Takes the model classes so that the data migration can pass its historical models.
    """
    for spec in FRAMEWORKS:
        framework, _ = framework_model.objects.get_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "description": spec["description"],
            },
        )
        for order, (number, title, description) in enumerate(spec["standards"], start=1):
            standard_model.objects.get_or_create(
                framework=framework,
                number=number,
                defaults={"title": title, "description": description, "order": order},
            )
