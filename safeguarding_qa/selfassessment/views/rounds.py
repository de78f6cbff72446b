"""Rounds: the list, opening one, its progress, heat-map, collation, export, reminders, close."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.exports import csv_lines
from safeguarding_qa.core.pages import attach_errors, paginate, posted
from safeguarding_qa.partnership.models import Organisation

from .. import selectors
from ..forms import RoundForm
from ..models import Standard
from ..policies import frameworks as framework_policy
from ..policies import rounds as round_policy
from ..services.rounds import round_close, round_create, round_export, round_send_reminders


@require_safe
def round_list(request: HttpRequest) -> HttpResponse:
    """Every round, newest first, and the frameworks the partnership collates."""
    access = access_of(request)
    round_policy.require(access, "view")
    context = {
        "can_manage": round_policy.can(access, "manage"),
        "frameworks": selectors.framework_list(access=access),
        **paginate(request, selectors.round_list(access=access)),
    }
    return render(request, "selfassessment/round_list.html", context)


@require_safe
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    framework = framework_policy.get_or_404(access, "view", pk=pk)
    context = {"framework": framework, "standards": list(framework.standards.all())}
    return render(request, "selfassessment/framework_detail.html", context)


@require_http_methods(["GET", "POST"])
def round_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    round_policy.require(access, "manage")
    form = RoundForm(
        posted(request),
        frameworks=framework_policy.scope(access),
        organisations=Organisation.objects.filter(is_active=True).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = round_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{round_} is open for returns.")
            return redirect("selfassessment:round-detail", pk=round_.pk)
    return render(request, "selfassessment/round_form.html", {"form": form})


@require_safe
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The round's returns: who has submitted, who is late, challenges waiting."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "view", pk=pk)
    rows = selectors.round_progress(access=access, round_=round_)
    context = {
        "round": round_,
        "rows": rows,
        "submitted": sum(1 for row in rows if row.self_assessment.is_submitted),
        "late": sum(1 for row in rows if row.late and not row.self_assessment.is_submitted),
        "standards": list(Standard.objects.filter(framework_id=round_.framework_id)),
        "can_remind": round_policy.can(access, "remind", round_),
        "can_close": round_policy.can(access, "close", round_),
    }
    return render(request, "selfassessment/round_detail.html", context)


@require_safe
def round_heatmap(request: HttpRequest, pk: int) -> HttpResponse:
    """Organisations × standards, partnership-wide, with the change from the last round."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "view", pk=pk)
    context = {"round": round_, "heatmap": selectors.heatmap(round_=round_)}
    return render(request, "selfassessment/round_heatmap.html", context)


@require_safe
def round_standard(request: HttpRequest, pk: int, standard_pk: int) -> HttpResponse:
    """Every organisation's answer to one standard that this person may read."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "view", pk=pk)
    standard = Standard.objects.filter(pk=standard_pk, framework_id=round_.framework_id).first()
    if standard is None:
        raise Http404
    rows = selectors.standard_collation(access=access, round_=round_, standard=standard)
    context = {"round": round_, "standard": standard, "rows": rows}
    return render(request, "selfassessment/round_standard.html", context)


@require_safe
def round_export_view(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The answers this person may read, as CSV; the download is recorded first."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "view", pk=pk)
    rows = round_export(
        access=access, round_=round_, rows=selectors.export_rows(access=access, round_=round_)
    )
    response = StreamingHttpResponse(
        csv_lines(selectors.EXPORT_HEADER, rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"{round_.framework.code}-{round_.year_label}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def round_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then e-mail the agency leads of every organisation still to submit."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "remind", pk=pk)
    rows = selectors.round_progress(access=access, round_=round_)
    outstanding = [row for row in rows if not row.self_assessment.is_submitted]
    if request.method == "POST":
        count = round_send_reminders(access=access, round_=round_)
        if count:
            messages.success(
                request, f"Reminders sent for {count} return{'s' if count != 1 else ''}."
            )
        else:
            messages.info(request, "Every organisation has submitted: no reminders were sent.")
        return redirect("selfassessment:round-detail", pk=round_.pk)
    context = {"round": round_, "outstanding": outstanding}
    return render(request, "selfassessment/round_remind.html", context)


@require_http_methods(["GET", "POST"])
def round_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then close the round; refused while challenges are unsettled."""
    access = access_of(request)
    round_ = round_policy.get_or_404(access, "close", pk=pk)
    error = ""
    if request.method == "POST":
        try:
            round_close(access=access, round_=round_)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{round_} has been closed.")
            return redirect("selfassessment:round-detail", pk=round_.pk)
    rows = selectors.round_progress(access=access, round_=round_)
    context = {
        "round": round_,
        "error": error,
        "not_submitted": [row for row in rows if not row.self_assessment.is_submitted],
    }
    return render(request, "selfassessment/round_close.html", context)
