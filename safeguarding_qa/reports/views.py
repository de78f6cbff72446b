"""Report pages: the list of produced files, the annual report, producing and downloading."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from . import selectors
from .builders import annual_report_for
from .choices import FORMAT_CONTENT_TYPES, DocumentKind
from .forms import AnnualReportGenerateForm, AnnualReportYearForm
from .policies import documents as document_policy
from .policies import narratives as narrative_policy
from .renderers.html import render_body
from .services import document_download, document_request


@require_http_methods(["GET"])
def report_list(request: HttpRequest) -> HttpResponse:
    """The report files produced, newest first, with their status."""
    access = access_of(request)
    document_policy.require(access, "view")
    context = {
        "can_generate": document_policy.can(access, "generate"),
        **paginate(request, selectors.document_list(access=access)),
    }
    return render(request, "reports/report_list.html", context)


@require_http_methods(["GET"])
def annual_report(request: HttpRequest) -> HttpResponse:
    """The annual report for a year, on screen, as assembled from the registered sections."""
    access = access_of(request)
    document_policy.require(access, "view")
    form = AnnualReportYearForm(request.GET or None)
    year = form.chosen_year()
    document = annual_report_for(year)
    context = {
        "form": form,
        "year": year,
        "document": document,
        "body": render_body(document),
        "can_generate": document_policy.can(access, "generate"),
        "can_edit_narrative": narrative_policy.can(access, "edit"),
    }
    return render(request, "reports/annual_report.html", context)


@require_http_methods(["GET", "POST"])
def annual_report_generate(request: HttpRequest) -> HttpResponse:
    """Produce the annual report for a year as a PDF or Word file."""
    access = access_of(request)
    document_policy.require(access, "generate")
    initial = {"year": request.GET.get("year")} if request.GET.get("year") else None
    form = AnnualReportGenerateForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            document = document_request(
                access=access,
                kind=DocumentKind.ANNUAL_REPORT,
                format=form.cleaned_data["format"],
                year=form.cleaned_data["year"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{document.title} is being produced.")
            return redirect("reports:document-detail", pk=document.pk)
    return render(request, "reports/annual_report_generate.html", {"form": form})


@require_http_methods(["GET"])
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One produced file: its progress while it is made, then its download link."""
    access = access_of(request)
    document = document_policy.get_or_404(access, "view", pk=pk)
    return render(request, "reports/document_detail.html", {"document": document})


@require_http_methods(["GET"])
def document_download_view(request: HttpRequest, pk: int) -> FileResponse:
    access = access_of(request)
    document = document_policy.get_or_404(access, "download", pk=pk)
    handle = document_download(access=access, document=document)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=FORMAT_CONTENT_TYPES[document.format],  # type: ignore[index]
    )
