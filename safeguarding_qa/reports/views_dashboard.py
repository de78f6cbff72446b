"""The quarterly dashboard report: on screen for a quarter, and produced as a file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .builders import dashboard_report_for
from .choices import DocumentKind
from .forms import DashboardReportGenerateForm, DashboardReportPeriodForm
from .policies import documents as document_policy
from .renderers.html import render_body
from .services import document_request


@require_http_methods(["GET"])
def dashboard_report(request: HttpRequest) -> HttpResponse:
    """The dashboard report for a quarter (by default the latest with figures)."""
    access = access_of(request)
    document_policy.require(access, "view")
    form = DashboardReportPeriodForm(request.GET or None)
    period_id = form.chosen_period_id()
    document = dashboard_report_for(period_id)
    context = {
        "form": form,
        "document": document,
        "body": render_body(document),
        "document_period": period_id,
        "can_generate": document_policy.can(access, "generate"),
    }
    return render(request, "reports/dashboard_report.html", context)


@require_http_methods(["GET", "POST"])
def dashboard_report_generate(request: HttpRequest) -> HttpResponse:
    """Produce the dashboard report for a quarter as a PDF or Word file."""
    access = access_of(request)
    document_policy.require(access, "generate")
    initial = {"period": request.GET.get("period")} if request.GET.get("period") else None
    form = DashboardReportGenerateForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            document = document_request(
                access=access,
                kind=DocumentKind.DASHBOARD_REPORT,
                format=form.cleaned_data["format"],
                subject=form.cleaned_data["period"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{document.title} is being produced.")
            return redirect("reports:document-detail", pk=document.pk)
    return render(request, "reports/dashboard_report_generate.html", {"form": form})
