"""The dashboard, the exceptions page and one indicator's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import IndicatorForm
from ..policies import challenges as challenge_policy
from ..policies import indicators as indicator_policy
from ..policies import periods as period_policy
from ..services.setup import INDICATOR_FIELDS, indicator_update


@require_http_methods(["GET"])
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every indicator for the chosen quarter, by section."""
    access = access_of(request)
    indicator_policy.require(access, "view")
    data = selectors.dashboard(access=access, period_id=request.GET.get("period"))
    context = {
        "data": data,
        "can_submit": indicator_policy.returnable_organisations(access).exists(),
        "can_manage": period_policy.can(access, "manage"),
    }
    return render(request, "indicators/dashboard.html", context)


@require_http_methods(["GET"])
def exceptions(request: HttpRequest) -> HttpResponse:
    """Indicators that are red, worse than last quarter, or showing special cause variation
    of concern; ``?print=1`` gives a plain page for printing."""
    access = access_of(request)
    indicator_policy.require(access, "view")
    data = selectors.dashboard(access=access, period_id=request.GET.get("period"))
    template = (
        "indicators/exceptions_print.html"
        if request.GET.get("print")
        else "indicators/exceptions.html"
    )
    return render(request, template, {"data": data})


@require_http_methods(["GET"])
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The XmR chart, its variation and assurance, the data table, commentary, challenges."""
    access = access_of(request)
    indicator = indicator_policy.get_or_404(access, "view", code=code)
    history = selectors.indicator_history(access=access, indicator=indicator)
    context = {
        "history": history,
        "indicator": indicator,
        "can_comment": indicator_policy.commentary_kind(access, indicator) is not None,
        "can_challenge": challenge_policy.can(access, "raise"),
        "can_submit": indicator_policy.can(access, "submit", indicator),
        "can_manage": indicator_policy.can(access, "manage", indicator),
        "latest_period": history.values[-1].period if history.values else None,
    }
    return render(request, "indicators/indicator_detail.html", context)


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    """An administrator changes the target, tolerance, owner, source or status. Inactive
    indicators are reached here too, so they can be reactivated."""
    access = access_of(request)
    indicator_policy.require(access, "manage")
    indicator = indicator_policy.manageable(access).filter(code=code).first()
    if indicator is None:
        raise Http404
    initial = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    form = IndicatorForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            indicator_update(access=access, indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{indicator.title} has been changed.")
            return redirect("indicators:indicator-detail", code=indicator.code)
    return render(request, "indicators/indicator_form.html", {"form": form, "indicator": indicator})
