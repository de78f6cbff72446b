"""Cohort previews, drawing samples, a sample's children and its export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.exports import csv_lines
from safeguarding_qa.core.pages import attach_errors

from .. import selectors
from ..codes import SEX_LABELS
from ..cohorts import COHORTS
from ..forms import CohortForm, SampleForm
from ..models import Sample
from ..policies import samples as sample_policy
from ..policies import snapshots as snapshot_policy
from ..services.access_log import records_viewed, sample_exported
from ..services.samples import sample_draw


@require_http_methods(["GET"])
def cohort_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How many children a cohort rule selects, broken down by age, sex, ethnicity, team."""
    access = access_of(request)
    snapshot_policy.require(access, "records")
    snapshot = snapshot_policy.get_or_404(access, "records", pk=pk)
    form = CohortForm(request.GET if "cohort" in request.GET else None)
    context: dict[str, object] = {"snapshot": snapshot, "form": form, "cohorts": COHORTS}
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["cohort"]
        children = selectors.cohort_children(snapshot=snapshot, cohort=code)
        records_viewed(access=access, target=snapshot, what="cohort preview", cohort=code)
        context.update(
            cohort=COHORTS[code],
            count=len(children),
            breakdown=selectors.cohort_breakdown(children),
        )
    return render(request, "casedata/cohort_preview.html", context)


@require_http_methods(["GET", "POST"])
def sample_draw_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    snapshot_policy.require(access, "records")
    snapshot = snapshot_policy.get_or_404(access, "records", pk=pk)
    sample_policy.require(access, "draw")
    if request.method == "POST":
        form = SampleForm(request.POST)
    else:
        form = SampleForm(
            initial={k: v for k, v in request.GET.items() if k in SampleForm.base_fields}
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sample = sample_draw(
                access=access,
                snapshot=snapshot,
                cohort=data["cohort"],
                size=data["size"],
                seed=data.get("seed"),
                stratify_by=data.get("stratify_by") or "",
                exclude_months=data.get("exclude_months") or 0,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{sample.size} children drawn with seed {sample.seed}.")
            return redirect("casedata:sample-detail", pk=sample.pk)
    return render(request, "casedata/sample_form.html", {"form": form, "snapshot": snapshot})


@require_http_methods(["GET"])
def sample_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    sample_policy.require(access, "view")
    sample: Sample = sample_policy.get_or_404(access, "view", pk=pk)
    records_viewed(access=access, target=sample, what="sample")
    context = {
        "sample": sample,
        "cohort": COHORTS.get(sample.cohort),
        "members": selectors.sample_members(sample=sample),
        "sex_labels": SEX_LABELS,
        "strata": selectors.STRATA,
    }
    return render(request, "casedata/sample_detail.html", context)


@require_http_methods(["GET"])
def sample_export(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The sample's pseudonymous references and characteristics as CSV (no IDs)."""
    access = access_of(request)
    sample_policy.require(access, "view")
    sample: Sample = sample_policy.get_or_404(access, "view", pk=pk)
    sample_exported(access=access, target=sample)
    rows = (
        (m.reference, m.stratum, m.age, SEX_LABELS.get(m.sex, ""), m.ethnicity, m.team)
        for m in selectors.sample_members(sample=sample)
    )
    response = StreamingHttpResponse(
        csv_lines(["Reference", "Stratum", "Age", "Sex", "Ethnicity", "Team"], rows),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="sample-{sample.pk}.csv"'
    return response
