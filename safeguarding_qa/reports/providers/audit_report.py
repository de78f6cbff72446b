"""The report of one audit: context, aims, method, findings per aim, strengths, areas for
improvement and the recommendations with their actions.

Pseudonymous throughout: cases appear only by their pseudonym ("Case A") and as counts.
The encrypted identifier fields are never selected (``_CASE_COLUMNS``), so they cannot
be decrypted here even by mistake. A fixed number of queries, whatever the audit's size.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone

from safeguarding_qa.audits.choices import AnswerType
from safeguarding_qa.audits.models import Audit, AuditAim, AuditCase, PanelGrade
from safeguarding_qa.audits.selectors import (
    Completeness,
    Distribution,
    aim_grade_distributions,
    return_completeness,
)
from safeguarding_qa.recommendations.choices import RecommendationKind, RecommendationStatus
from safeguarding_qa.recommendations.models import Action, Recommendation
from safeguarding_qa.recommendations.selectors import with_action_counts

from ..renderers import Block, BulletList, Heading, Paragraph, Section, Table
from ..renderers.charts import bar_chart
from .common import day, plural

# The only case columns read: never the encrypted identifiers.
_CASE_COLUMNS = ("id", "reference", "age_band", "plan_type")


def _text_blocks(text: str, empty: str) -> tuple[Block, ...]:
    """Text written one point a line becomes a list; paragraphs stay paragraphs."""
    lines = [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return (Paragraph(empty),)
    if len(lines) > 1 and "\n\n" not in text.strip():
        return (BulletList(tuple(lines)),)
    return tuple(Paragraph(part.strip()) for part in text.split("\n\n") if part.strip())


def context_section(audit: Audit) -> list[Section]:
    """What was audited, why, when, and by whom."""
    organisations = [org.name for org in audit.organisations.order_by("name")]
    reviews = [str(review) for review in audit.practice_reviews.order_by("pk")]
    when = f"The panel met on {day(audit.panel_date)}." if audit.panel_date else ""
    blocks: list[Block] = [
        Paragraph(
            f"{audit.get_kind_display()} on the theme of {audit.theme.lower()}, "
            f"graded on the {audit.scale_name} scale. {when}".strip()
        ),
        Heading("Terms of reference"),
        *_text_blocks(audit.terms_of_reference, "No terms of reference were recorded."),
        Heading("Participating organisations"),
        BulletList(tuple(organisations) or ("None recorded.",)),
    ]
    if reviews:
        blocks += [Heading("Practice reviews tested"), BulletList(tuple(reviews))]
    return [Section("Context and terms of reference", tuple(blocks), "context")]


def aims_section(aims: list[AuditAim]) -> Section:
    items = tuple(aim.text for aim in aims) or ("No aims were recorded.",)
    return Section("Aims", (BulletList(items, numbered=bool(aims)),), "aims")


def method_section(
    audit: Audit, cases: list[AuditCase], completeness: list[Completeness]
) -> Section:
    """How many cases, which agencies, and the returns received against those expected."""
    expected = sum(line.total for line in completeness)
    received = sum(line.submitted for line in completeness)
    plans = Counter(case.get_plan_type_display() for case in cases)
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(cases), 'case')} {'was' if len(cases) == 1 else 'were'} audited "
            "(the target was "
            f"{audit.target_cases}) by {plural(len(completeness), 'agency', 'agencies')}. "
            f"{received} of {plural(expected, 'agency return')} expected were received."
        ),
        Table(
            caption="Agency returns received and expected",
            header=("Agency", "Received", "Expected"),
            rows=tuple(
                (line.organisation, str(line.submitted), str(line.total)) for line in completeness
            ),
            numeric=frozenset({1, 2}),
        ),
        Table(
            caption="Cases audited by plan at the time of the audit",
            header=("Plan", "Cases"),
            rows=tuple((plan, str(count)) for plan, count in sorted(plans.items())),
            numeric=frozenset({1}),
        ),
    ]
    return Section("Method", tuple(blocks), "method")


def _aim_findings(
    aim: AuditAim, distribution: Distribution | None, panel: list[PanelGrade]
) -> list[Block]:
    blocks: list[Block] = [Heading(f"{aim.position}. {aim.text}")]
    if distribution is not None:
        labels = [label for label, _ in distribution.counts]
        blocks.append(
            Paragraph(
                f"{plural(distribution.total, 'agency answer')} in submitted returns."
                if distribution.total
                else "No submitted return answered this aim."
            )
        )
        blocks.append(
            bar_chart(
                title=f"Aim {aim.position}: agency answers by grade",
                labels=labels,
                values=[count for _, count in distribution.counts],
                value_label="Agency answers",
                category_label="Grade" if aim.answer_type == AnswerType.GRADED else "Answer",
            )
        )
    agreed = Counter(_panel_label(grade) for grade in panel if _panel_label(grade))
    blocks.append(Heading("What the panel said", level=4))
    if agreed:
        summary = "; ".join(f"{label}: {count}" for label, count in agreed.items())
        blocks.append(Paragraph(f"The panel's agreed grades: {summary}."))
    said = tuple(f"{grade.case.reference}: {grade.rationale}" for grade in panel if grade.rationale)
    blocks.append(BulletList(said) if said else Paragraph("The panel recorded no comment."))
    return blocks


def _panel_label(grade: PanelGrade) -> str:
    if grade.grade is not None:
        return grade.grade.label
    return grade.get_response_display() if grade.response else ""


def findings_section(
    aims: list[AuditAim], distributions: list[Distribution], panel: list[PanelGrade]
) -> Section:
    """Per aim: the agencies' grade distribution (table and chart) and the panel's view."""
    by_aim = {item.aim.pk: item for item in distributions}
    panel_by_aim: dict[int, list[PanelGrade]] = defaultdict(list)
    for grade in panel:
        panel_by_aim[grade.aim_id].append(grade)
    blocks: list[Block] = []
    for aim in aims:
        blocks.extend(_aim_findings(aim, by_aim.get(aim.pk), panel_by_aim[aim.pk]))
    return Section("Findings", tuple(blocks) or (Paragraph("No findings."),), "findings")


def _recommendation_blocks(recommendation: Recommendation) -> list[Block]:
    status = RecommendationStatus(recommendation.status).label  # type: ignore[attr-defined]
    blocks: list[Block] = [
        Heading(f"{recommendation.reference}: {recommendation.title}"),
        *_text_blocks(recommendation.text, "No text recorded."),
        Paragraph(f"Agreed {day(recommendation.agreed_on)}. Status: {status}."),
    ]
    actions: list[Action] = list(recommendation.actions.all())
    if actions:
        blocks.append(
            Table(
                caption=f"Actions on {recommendation.reference}",
                header=("Organisation", "Action", "Due", "Status"),
                rows=tuple(
                    (a.organisation.name, a.description, day(a.due_on), a.get_status_display())
                    for a in actions
                ),
            )
        )
    else:
        blocks.append(Paragraph("No actions have been agreed yet."))
    return blocks


def recommendation_sections(audit: Audit) -> list[Section]:
    """The audit's recommendations in the register, single-agency then multi-agency."""
    found = list(
        with_action_counts(
            Recommendation.objects.filter(
                source_content_type=ContentType.objects.get_for_model(Audit),
                source_object_id=audit.pk,
            ),
            today=timezone.localdate(),
        )
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("organisation").order_by("due_on", "pk"),
            )
        )
        .order_by("reference")
    )
    sections = []
    for kind, title, anchor in (
        (RecommendationKind.SINGLE_AGENCY, "Single-agency recommendations", "single-agency"),
        (RecommendationKind.MULTI_AGENCY, "Multi-agency recommendations", "multi-agency"),
    ):
        blocks = [b for r in found if r.kind == kind for b in _recommendation_blocks(r)]
        sections.append(Section(title, tuple(blocks) or (Paragraph("None were made."),), anchor))
    return sections


def audit_report_sections(audit: Audit) -> list[Section]:
    """Every section of the audit report, in order."""
    aims = list(audit.aims.order_by("position"))
    cases = list(AuditCase.objects.filter(audit=audit).only(*_CASE_COLUMNS))
    panel = list(
        PanelGrade.objects.filter(case__audit=audit)
        .select_related("grade")
        .prefetch_related(Prefetch("case", queryset=AuditCase.objects.only(*_CASE_COLUMNS)))
        .order_by("case__reference")
    )
    return [
        *context_section(audit),
        aims_section(aims),
        method_section(audit, cases, return_completeness(audit=audit)),
        findings_section(aims, aim_grade_distributions(audit=audit), panel),
        Section(
            "Strengths",
            _text_blocks(audit.panel_strengths, "The panel recorded no strengths."),
            "strengths",
        ),
        Section(
            "Areas for improvement",
            _text_blocks(audit.panel_improvements, "The panel recorded no areas."),
            "improvement",
        ),
        *recommendation_sections(audit),
    ]
