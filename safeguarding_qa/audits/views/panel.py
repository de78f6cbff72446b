"""The panel: the collation matrix, its chart and export, agreed grades and the summary."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.core.exports import cell_value
from safeguarding_qa.core.pages import attach_errors, posted

from .. import events, rules, selectors
from ..forms import PanelGradesForm, PanelSummaryForm
from ..models import Audit
from ..policies import audits as audit_policy
from ..policies import cases as case_policy
from ..services.panel import panel_grades_record, panel_summary_record

# Best grade first; colours with enough contrast against white text in the legend table.
PALETTE = ("#00703c", "#1d70b8", "#f47738", "#d4351c", "#505a5f", "#6f72af")
CHART_WIDTH = 600
BAR_HEIGHT = 24
LABEL_WIDTH = 80


def chart_rows(distributions: list[selectors.Distribution]) -> list[dict[str, Any]]:
    """Stacked horizontal bars, one per aim, as coordinates for the SVG template."""
    rows = []
    usable = CHART_WIDTH - LABEL_WIDTH
    for index, item in enumerate(distributions):
        x, segments = float(LABEL_WIDTH), []
        for position, (label, count) in enumerate(item.counts):
            if not item.total or not count:
                continue
            width = usable * count / item.total
            segments.append(
                {
                    "x": round(x, 1),
                    "width": round(width, 1),
                    "label": label,
                    "count": count,
                    "colour": PALETTE[position % len(PALETTE)],
                }
            )
            x += width
        rows.append({"y": index * (BAR_HEIGHT + 8), "aim": item.aim, "segments": segments})
    return rows


@require_http_methods(["GET"])
def audit_collation(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "collation", pk=pk)
    collation, distributions = selectors.collation_and_distributions(audit=audit)
    rows = chart_rows(distributions)
    legend = [
        {"label": label, "colour": PALETTE[i % len(PALETTE)]}
        for i, label in enumerate(
            dict.fromkeys(label for d in distributions for label, _ in d.counts)
        )
    ]
    context = {
        "audit": audit,
        "collation": collation,
        "distributions": distributions,
        "chart_rows": rows,
        "chart_height": max(len(rows), 1) * (BAR_HEIGHT + 8),
        "chart_width": CHART_WIDTH,
        "legend": legend,
        "completeness": selectors.return_completeness(audit=audit),
        "can_panel": audit_policy.can(access, "panel", audit),
        "can_impact": audit.status in rules.COLLATED and audit_policy.can(access, "impact", audit),
        "sees_returns": case_policy.can(access, "view"),
    }
    return render(request, "audits/collation.html", context)


def _workbook(audit: Audit) -> bytes:
    from openpyxl import Workbook

    data = selectors.collation(audit=audit)
    book = Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet("Collation")
    orgs = [str(org) for org in data.organisations]
    sheet.append(
        [cell_value(v) for v in ["Case", "Aim", *orgs, "Panel", "Rationale", "Disagreement"]]
    )
    for block in data.cases:
        for row in block.rows:
            panel = row.panel
            panel_label = "" if panel is None else str(panel.grade or panel.get_response_display())
            values = [
                block.case.reference,
                f"{row.aim.position}. {row.aim.text}",
                *[cell.label for cell in row.cells],
                panel_label,
                panel.rationale if panel else "",
                row.disagree,
            ]
            sheet.append([cell_value(v) for v in values])
    dist = book.create_sheet("Distribution")
    dist.append(["Aim", "Grade", "Agency answers"])
    for item in selectors.aim_grade_distributions(audit=audit):
        for label, count in item.counts:
            dist.append(
                [cell_value(f"{item.aim.position}. {item.aim.text}"), cell_value(label), count]
            )
    done = book.create_sheet("Completeness")
    done.append(["Organisation", "Returns expected", "Submitted", "Late"])
    for line in selectors.return_completeness(audit=audit):
        done.append(
            [cell_value(line.organisation), line.total, line.submitted, cell_value(line.late)]
        )
    summary = book.create_sheet("Panel summary")
    summary.append(["Strengths", cell_value(audit.panel_strengths)])
    summary.append(["Areas for improvement", cell_value(audit.panel_improvements)])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@require_http_methods(["GET"])
def audit_collation_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The collation as XLSX (no identifiers; text cells escaped against formulas)."""
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "collation", pk=pk)
    content = _workbook(audit)
    with transaction.atomic():
        record_event(kind=events.COLLATION_EXPORTED, actor=access.user, target=audit)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-collation.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def panel_case(request: HttpRequest, pk: int) -> HttpResponse:
    """The panel's agreed grades for one case, beside each agency's own."""
    access = access_of(request)
    case = case_policy.get_or_404(access, "view", pk=pk)
    audit = case.audit
    audit_policy.require(access, "panel", audit)
    aims = list(audit.aims.all())
    initial = {}
    for grade in case.panel_grades.all():
        initial[f"aim_{grade.aim_id}_answer"] = str(grade.grade_id or grade.response)
        initial[f"aim_{grade.aim_id}_rationale"] = grade.rationale
    form = PanelGradesForm(
        posted(request), initial=initial, aims=aims, grades=list(audit.grades.all())
    )
    if request.method == "POST" and form.is_valid():
        try:
            panel_grades_record(access=access, case=case, grades=form.grades())
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"The panel's grades for {case} have been recorded.")
            return redirect("audits:audit-collation", pk=audit.pk)
    collation = selectors.collation(audit=audit)
    block = next((b for b in collation.cases if b.case.pk == case.pk), None)
    context = {
        "form": form,
        "case": case,
        "audit": audit,
        "block": block,
        "collation": collation,
    }
    return render(request, "audits/panel_case.html", context)


@require_http_methods(["GET", "POST"])
def panel_summary(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "panel", pk=pk)
    initial = {
        "panel_strengths": audit.panel_strengths,
        "panel_improvements": audit.panel_improvements,
    }
    form = PanelSummaryForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            panel_summary_record(access=access, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The panel's summary has been recorded.")
            return redirect("audits:audit-collation", pk=audit.pk)
    return render(request, "audits/panel_summary.html", {"form": form, "audit": audit})
