"""Editing the annual report's narrative for a year before producing the files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.partnership.selectors import partnership_name

from .forms import AnnualNarrativeForm
from .narrative import NARRATIVE_FIELDS, narrative_draft, narrative_for
from .policies import narratives as narrative_policy
from .rules import report_year_is_allowed
from .sections import ReportYear
from .services import annual_narrative_save


@require_http_methods(["GET", "POST"])
def annual_narrative_edit(request: HttpRequest, year: int) -> HttpResponse:
    """The introduction, areas for improvement and future plans of one year's report:
    the saved words, or a first draft from the records when none are saved yet."""
    access = access_of(request)
    narrative_policy.require(access, "edit")
    if not report_year_is_allowed(year):
        raise Http404
    saved = narrative_for(year)
    if saved is not None:
        initial = {name: getattr(saved, name) for name in NARRATIVE_FIELDS}
    else:
        initial = narrative_draft(ReportYear(year), partnership_name=partnership_name())
    form = AnnualNarrativeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            annual_narrative_save(access=access, year=year, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"The annual report for {ReportYear(year).label} is saved.")
            return redirect(f"{reverse('reports:annual-report')}?year={year}")
    context = {"form": form, "year": ReportYear(year), "saved": saved}
    return render(request, "reports/annual_narrative_form.html", context)
