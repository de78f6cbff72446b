"""Returns: who has sent what, the return form, the spreadsheet template and upload, and
the administrator's quarters."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.access.roles import Capability
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.partnership.models import Organisation

from .. import selectors, spreadsheets
from ..choices import ValueSource
from ..forms import PeriodForm, ReturnForm, UploadForm
from ..models import Period
from ..policies import data_contacts as contact_policy
from ..policies import indicators as indicator_policy
from ..policies import periods as period_policy
from ..services.returns import ReturnInvalid, return_submit
from ..services.setup import period_add, period_set_closed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period_and_organisation(
    request: HttpRequest, period: int, organisation: int
) -> tuple[Access, Period, Organisation]:
    """The quarter (404 if unknown) and the organisation, through the submit scope: a lead
    asking for another organisation's return gets a 404."""
    access = access_of(request)
    indicator_policy.require(access, "submit")
    chosen_period = period_policy.get_or_404(access, "view", pk=period)
    chosen = indicator_policy.returnable_organisations(access).filter(pk=organisation).first()
    if chosen is None:
        raise Http404
    return access, chosen_period, chosen


@require_http_methods(["GET"])
def returns_overview(request: HttpRequest) -> HttpResponse:
    """Each organisation's return for a quarter (or a month, for monthly indicators):
    complete, partial, missing, late."""
    access = access_of(request)
    period_policy.require(access, "view")
    periods = list(period_policy.scope(access))
    chosen = next((p for p in periods if str(p.pk) == request.GET.get("period")), None)
    # By default the latest open quarter; months are chosen from the list.
    quarters = [p for p in periods if not p.is_month]
    chosen = chosen or next((p for p in reversed(quarters) if not p.is_closed), None)
    chosen = chosen or next(reversed(quarters or periods), None)
    returnable = set(indicator_policy.returnable_organisations(access).values_list("pk", flat=True))
    context = {
        "periods": list(reversed(periods)),
        "period": chosen,
        "statuses": selectors.returns_status(period=chosen) if chosen else [],
        "returnable": returnable,
        "can_manage": period_policy.can(access, "manage"),
        # Data contacts send returns but do not manage API tokens (leads and admins do).
        "manages_tokens": bool(returnable) and access.can(Capability.INDICATOR_RETURNS_SUBMIT),
        "contacts_organisation_id": (
            access.organisation_id if contact_policy.can(access, "manage") else None
        ),
    }
    return render(request, "indicators/returns.html", context)


@require_http_methods(["GET", "POST"])
def return_edit(request: HttpRequest, period: int, organisation: int) -> HttpResponse:
    access, chosen_period, chosen = _period_and_organisation(request, period, organisation)
    rows = selectors.return_indicators(organisation_id=chosen.pk, period=chosen_period)
    form = ReturnForm(posted(request), rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            counts = return_submit(
                access=access,
                organisation=chosen,
                period=chosen_period,
                rows=form.return_rows(),
                source=ValueSource.FORM,
            )
        except ReturnInvalid as error:
            form.show_problems(error)
        else:
            messages.success(request, _saved_message(counts, chosen_period))
            return redirect(f"{_overview_url()}?period={chosen_period.pk}")
    context = {"form": form, "period": chosen_period, "organisation": chosen}
    return render(request, "indicators/return_form.html", context)


def _overview_url() -> str:
    return reverse("indicators:returns")


def _saved_message(counts: dict[str, int], period: Period) -> str:
    return (
        f"The return for {period.label} has been saved: {counts['created']} new, "
        f"{counts['changed']} changed, {counts['unchanged']} unchanged."
    )


@require_http_methods(["GET"])
def return_template(request: HttpRequest, period: int, organisation: int) -> HttpResponse:
    """The XLSX template, pre-filled with the organisation's indicators and any values."""
    _, chosen_period, chosen = _period_and_organisation(request, period, organisation)
    rows = selectors.return_indicators(organisation_id=chosen.pk, period=chosen_period)
    data = spreadsheets.template_bytes(organisation=chosen, period=chosen_period, rows=rows)
    response = HttpResponse(data, content_type=XLSX)
    name = f"return-{chosen.short_name or chosen.pk}-{chosen_period.label.replace(' ', '-')}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def return_upload(request: HttpRequest, period: int, organisation: int) -> HttpResponse:
    """Upload the completed template: every row is checked, and nothing is saved unless
    all of it is right."""
    access, chosen_period, chosen = _period_and_organisation(request, period, organisation)
    form = UploadForm(posted(request), request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = spreadsheets.read_return(form.cleaned_data["file"], period=chosen_period)
            counts = return_submit(
                access=access,
                organisation=chosen,
                period=chosen_period,
                rows=rows,
                source=ValueSource.UPLOAD,
            )
        except ReturnInvalid as error:
            problems = error.problems
            form.add_error(
                "file",
                f"The file has {len(problems)} problem{'s' if len(problems) != 1 else ''}, "
                "listed below. Nothing has been saved. Correct the file and upload it again.",
            )
        else:
            messages.success(request, _saved_message(counts, chosen_period))
            return redirect(f"{_overview_url()}?period={chosen_period.pk}")
    context = {"form": form, "period": chosen_period, "organisation": chosen, "problems": problems}
    return render(request, "indicators/return_upload.html", context)


@require_http_methods(["GET", "POST"])
def period_list(request: HttpRequest) -> HttpResponse:
    """The reporting quarters; administrators add one here."""
    access = access_of(request)
    period_policy.require(access, "manage")
    form = PeriodForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            period = period_add(access=access, start=form.cleaned_data["start"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{period.label} and its months are ready for returns.")
            return redirect("indicators:period-list")
    periods = list(period_policy.scope(access))[::-1]
    return render(request, "indicators/period_list.html", {"form": form, "periods": periods})


@require_http_methods(["GET", "POST"])
def period_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then close the quarter to returns (or reopen it)."""
    access = access_of(request)
    period = period_policy.get_or_404(access, "manage", pk=pk)
    if request.method == "POST":
        period_set_closed(access=access, period=period, closed=not period.is_closed)
        done = "closed to returns" if period.is_closed else "reopened"
        messages.success(request, f"{period.label} has been {done}.")
        return redirect("indicators:period-list")
    return render(request, "indicators/period_toggle.html", {"period": period})
