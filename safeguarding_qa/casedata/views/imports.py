"""Uploading a file, watching its import, and downloading its error report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors

from ..forms import UploadForm
from ..models import ImportJob
from ..policies import imports as import_policy
from ..policies import snapshots as snapshot_policy
from ..services.imports import import_job_create, import_report_download

REFRESH_SECONDS = 2


@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    snapshot_policy.require(access, "import")
    # An empty POST must still show errors, so bind whenever the method is POST.
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = import_job_create(
                access=access,
                source=data["source"],
                upload=data["file"],
                as_at=data.get("as_at"),
                child_population=data.get("child_population"),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{job.file_name} has been uploaded.")
            return redirect("casedata:import-detail", pk=job.pk)
    return render(request, "casedata/import_form.html", {"form": form})


@require_http_methods(["GET"])
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The status row; the page refreshes itself (no JavaScript) until the import ends."""
    access = access_of(request)
    import_policy.require(access, "view")
    job: ImportJob = import_policy.get_or_404(access, "view", pk=pk)
    context = {"job": job, "refresh": None if job.finished else REFRESH_SECONDS}
    return render(request, "casedata/import_detail.html", context)


@require_http_methods(["GET"])
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The error report (or ``?kind=warnings``) as a CSV download."""
    access = access_of(request)
    import_policy.require(access, "view")
    job: ImportJob = import_policy.get_or_404(access, "view", pk=pk)
    warnings = request.GET.get("kind") == "warnings"
    text = import_report_download(access=access, job=job, warnings=warnings)
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    name = "warnings" if warnings else "errors"
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-{name}.csv"'
    return response
