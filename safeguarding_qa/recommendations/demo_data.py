"""The demo register's recommendations and actions (all invented)."""

from __future__ import annotations

from typing import Any

from .choices import ActionStatus, RecommendationKind, SourceKind

S, M = RecommendationKind.SINGLE_AGENCY, RecommendationKind.MULTI_AGENCY
NS, IP, AW, SO, CL = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.AWAITING_SIGN_OFF,
    ActionStatus.SIGNED_OFF,
    ActionStatus.CLOSED_NOT_ACHIEVED,
)

# (reference, title, kind, source kind, source label, made key, agreed days ago, themes,
#  text, [(organisation key, status, due in days, last update days ago or None, text)])
RECOMMENDATIONS: list[tuple[Any, ...]] = [
    (
        "D2024-001",
        "Hear the child in strategy discussions",
        M,
        SourceKind.PRACTICE_REVIEW,
        "Child C (LCSPR)",
        "practice_reviews",
        700,
        ["Voice of the child"],
        (
            "Strategy discussions record the child's own words and views, and how they shaped"
            " the decision."
        ),
        [
            (
                "council",
                SO,
                -300,
                320,
                "Add a 'child's voice' section to the strategy discussion record.",
            ),
            ("police", SO, -280, 300, "Brief detective sergeants on recording the child's views."),
            (
                "hospital",
                SO,
                -250,
                260,
                "Named nurses attend strategy discussions with notes of the child's views.",
            ),
        ],
    ),
    (
        "D2024-002",
        "Health in every strategy discussion",
        M,
        SourceKind.PRACTICE_REVIEW,
        "Child C (LCSPR)",
        "practice_reviews",
        700,
        ["Strategy discussions", "Information sharing"],
        (
            "Health professionals are invited to, and take part in, every strategy discussion"
            " about a child under five."
        ),
        [
            (
                "council",
                SO,
                -200,
                220,
                "Change the MASH invitation list to include the health hub.",
            ),
            ("icb", SO, -180, 190, "Fund health hub cover for strategy discussions."),
            (
                "community",
                AW,
                -20,
                25,
                "Health visitors join strategy discussions for under-fives.",
            ),
        ],
    ),
    (
        "D2024-003",
        "Think family: adult mental health",
        M,
        SourceKind.PRACTICE_REVIEW,
        "Child C (LCSPR)",
        "practice_reviews",
        690,
        ["Think family", "Parental mental health"],
        "Adult mental health services ask about children in the household at every assessment.",
        [
            (
                "mental_health",
                IP,
                -15,
                40,
                "Add a children-in-household question to the adult assessment.",
            ),
            (
                "gp",
                NS,
                -40,
                None,
                "Remind practices to code parental responsibility on adult records.",
            ),
            ("council", SO, -100, 120, "Offer consultation to adult teams on referrals."),
        ],
    ),
    (
        "D2024-004",
        "Escalation when agencies disagree",
        M,
        SourceKind.AUDIT,
        "Multi-agency audit: neglect",
        "audits",
        600,
        ["Escalation", "Neglect"],
        (
            "Practitioners use the escalation policy when they disagree with a decision, and "
            "managers record the outcome."
        ),
        [
            ("council", SO, -350, 360, "Relaunch the escalation policy at team meetings."),
            (
                "education",
                CL,
                -300,
                330,
                "Designated safeguarding leads log escalations centrally.",
            ),
            ("housing", SO, -320, 330, "Train tenancy officers on the escalation policy."),
        ],
    ),
    (
        "D2024-005",
        "Chronologies in neglect cases",
        S,
        SourceKind.AUDIT,
        "Multi-agency audit: neglect",
        "audits",
        600,
        ["Neglect"],
        (
            "Social workers keep a chronology in every case open for neglect for more than "
            "three months."
        ),
        [("council", AW, -10, 12, "Add a chronology prompt to the case management system.")],
    ),
    (
        "D2025-001",
        "Safety plans for adolescents at risk outside the home",
        M,
        SourceKind.AUDIT,
        "Thematic audit: exploitation",
        "audits",
        400,
        ["Exploitation", "Adolescents"],
        (
            "Every child at risk of exploitation has a multi-agency safety plan reviewed at "
            "least every three months."
        ),
        [
            (
                "council",
                IP,
                20,
                20,
                "Introduce a safety plan template in the exploitation pathway.",
            ),
            (
                "police",
                IP,
                25,
                75,
                "Share intelligence with the exploitation panel within 48 hours.",
            ),
            ("education", NS, 15, None, "Schools attend the exploitation panel for their pupils."),
            ("voluntary", IP, 60, 30, "Detached youth work referrals go to the panel."),
        ],
    ),
    (
        "D2025-002",
        "Return home interviews",
        S,
        SourceKind.AUDIT,
        "Thematic audit: exploitation",
        "audits",
        400,
        ["Exploitation", "Missing children"],
        (
            "Return home interviews are offered within 72 hours and their findings shared "
            "with the allocated worker."
        ),
        [
            (
                "council",
                IP,
                -5,
                50,
                "Report monthly on return home interviews offered within 72 hours.",
            ),
            ("police", SO, -60, 70, "Pass missing episodes to the council the same day."),
        ],
    ),
    (
        "D2025-003",
        "Section 11: safer recruitment checks",
        S,
        SourceKind.SELF_ASSESSMENT_ROUND,
        "Section 11 audit 2024-25",
        "self_assessment_rounds",
        330,
        ["Safer recruitment"],
        (
            "Agencies rated amber on safer recruitment audit a sample of personnel files and "
            "report to the subgroup."
        ),
        [
            ("probation", SO, -90, 100, "Audit ten personnel files for DBS and references."),
            ("housing", IP, 40, 20, "Audit recruitment files of staff visiting family homes."),
            ("voluntary", NS, 45, None, "Adopt the partnership's safer recruitment checklist."),
        ],
    ),
    (
        "D2025-004",
        "Section 11: supervision for safeguarding",
        S,
        SourceKind.SELF_ASSESSMENT_ROUND,
        "Section 11 audit 2024-25",
        "self_assessment_rounds",
        330,
        ["Supervision"],
        "Frontline staff have recorded safeguarding supervision at least quarterly.",
        [
            (
                "hospital",
                IP,
                10,
                70,
                "Introduce group safeguarding supervision on the maternity unit.",
            ),
            ("gp", NS, -3, None, "Offer quarterly safeguarding supervision to practice leads."),
            ("early_help", AW, -1, 3, "Record safeguarding supervision on the case file."),
        ],
    ),
    (
        "D2025-005",
        "Bruising in non-mobile babies",
        M,
        SourceKind.PRACTICE_REVIEW,
        "Baby R (rapid review)",
        "practice_reviews",
        300,
        ["Non-mobile babies", "Physical abuse"],
        (
            "Every professional follows the bruising in non-mobile babies protocol and refers"
            " the same day."
        ),
        [
            (
                "hospital",
                SO,
                -150,
                160,
                "Add the protocol to the emergency department triage system.",
            ),
            ("gp", IP, 30, 10, "Train reception and clinical staff on the protocol."),
            (
                "community",
                IP,
                5,
                65,
                "Health visitors check protocol awareness at the 6-8 week visit.",
            ),
            ("council", SO, -120, 125, "Front door managers audit same-day responses."),
            ("icb", NS, 90, None, "Commission a re-audit of protocol use in primary care."),
        ],
    ),
    (
        "D2025-006",
        "Safe sleep advice",
        M,
        SourceKind.PRACTICE_REVIEW,
        "Baby R (rapid review)",
        "practice_reviews",
        300,
        ["Non-mobile babies"],
        (
            "Safe sleep advice is given and recorded at every contact with families of babies"
            " under one, including fathers."
        ),
        [
            ("community", IP, 50, 15, "Record safe sleep conversations with both parents."),
            (
                "hospital",
                AW,
                -2,
                4,
                "Give safe sleep advice before discharge from the maternity unit.",
            ),
            ("housing", NS, 70, None, "Include safe sleep leaflets in new tenancy packs."),
        ],
    ),
    (
        "D2025-007",
        "Domestic abuse notifications to schools",
        M,
        SourceKind.INSPECTION,
        "Joint targeted area inspection 2025",
        "",
        200,
        ["Domestic abuse", "Information sharing"],
        (
            "Schools hear before the next school day when police attend a domestic abuse "
            "incident in a pupil's home."
        ),
        [
            (
                "police",
                IP,
                12,
                45,
                "Send next-day notifications through the schools notification scheme.",
            ),
            (
                "education",
                IP,
                35,
                20,
                "Designated safeguarding leads record notifications and support given.",
            ),
        ],
    ),
    (
        "D2025-008",
        "Neurodiversity and neglect",
        S,
        SourceKind.MEETING_DECISION,
        "QA subgroup, January meeting",
        "meetings",
        120,
        ["Neglect", "Disability"],
        (
            "Assessments of neglect consider the child's and parents' neurodiversity and "
            "adapt communication."
        ),
        [
            (
                "council",
                NS,
                100,
                None,
                "Add neurodiversity prompts to the neglect assessment tool.",
            ),
            ("mental_health", NS, 120, None, "Offer consultation on adapting communication."),
        ],
    ),
    (
        "D2026-001",
        "Neglect graded care profile",
        M,
        SourceKind.AUDIT,
        "Multi-agency audit: neglect (re-audit)",
        "audits",
        40,
        ["Neglect"],
        (
            "The graded care profile is used in every neglect case before a child protection "
            "conference."
        ),
        [
            ("council", NS, 150, None, "Make the graded care profile mandatory before ICPCs."),
            (
                "early_help",
                NS,
                160,
                None,
                "Train early help practitioners in the graded care profile.",
            ),
            (
                "education",
                NS,
                140,
                None,
                "Designated safeguarding leads contribute to the profile.",
            ),
        ],
    ),
    (
        "D2026-002",
        "Fathers and male carers",
        M,
        SourceKind.OTHER,
        "National panel report on fathers",
        "",
        20,
        ["Think family"],
        (
            "Assessments identify and engage fathers and male carers, including those not "
            "living with the child."
        ),
        [
            ("council", NS, 180, None, "Record fathers' details and views in every assessment."),
            ("probation", NS, 170, None, "Share information about fathers under supervision."),
        ],
    ),
]
