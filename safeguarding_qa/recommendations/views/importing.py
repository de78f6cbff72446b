"""Importing a tracker: the template, the upload, and the downloadable error report."""

from __future__ import annotations

from dataclasses import asdict

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.exports import csv_lines
from safeguarding_qa.core.pages import posted

from ..importing import read_tracker, template_bytes
from ..policies import recommendations_policy
from ..services.importing import register_import
from .register import XLSX

_SESSION_KEY = "register_import_problems"
REPORT_HEADER = ["Row", "Column", "Value", "What is wrong", "How to fix it"]


class ImportForm(forms.Form):
    tracker = forms.FileField(
        label="Tracker spreadsheet",
        help_text="An .xlsx file made from the template, up to 5 MB.",
        error_messages={"required": "Choose the tracker spreadsheet to import"},
    )


@require_http_methods(["GET"])
def import_template(request: HttpRequest) -> HttpResponse:
    recommendations_policy.require(access_of(request), "manage")
    response = HttpResponse(template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="register-import-template.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def register_import_view(request: HttpRequest) -> HttpResponse:
    """Upload a tracker: every row is checked first; nothing is imported unless all are right."""
    access = access_of(request)
    recommendations_policy.require(access, "manage")
    form = ImportForm(posted(request), request.FILES or None)
    problems: list[dict[str, object]] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["tracker"]
        result = read_tracker(upload, upload.size)
        if result.problems:
            problems = [asdict(problem) for problem in result.problems]
            request.session[_SESSION_KEY] = problems
        else:
            made = register_import(actor=access.user, rows=result.rows)
            request.session.pop(_SESSION_KEY, None)
            messages.success(request, f"{len(made)} recommendations have been imported.")
            return redirect("recommendations:register")
    context = {"form": form, "problems": problems[:200], "problem_count": len(problems)}
    return render(request, "recommendations/import.html", context)


@require_http_methods(["GET"])
def import_errors(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The last refused import's problems, as CSV: row, column, value, what, how to fix."""
    recommendations_policy.require(access_of(request), "manage")
    problems = request.session.get(_SESSION_KEY)
    if not problems:
        messages.info(request, "There is no error report: the last import had no problems.")
        return redirect("recommendations:register-import")
    rows = [[p["row"], p["column"], p["value"], p["problem"], p["fix"]] for p in problems]
    response = StreamingHttpResponse(
        csv_lines(REPORT_HEADER, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="register-import-errors.csv"'
    return response
