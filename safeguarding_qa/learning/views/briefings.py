"""Internal briefing pages: list, detail with reach, draft, edit, approve, publish, withdraw."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..choices import SECTION_FIELDS
from ..forms import BriefingForm, WithdrawForm
from ..models import LearningBriefing
from ..policies import briefings as briefing_policy
from ..policies import disseminations as dissemination_policy
from ..rules import dissemination_is_recordable
from ..services.briefings import (
    briefing_approve,
    briefing_create,
    briefing_publish,
    briefing_update,
    briefing_withdraw,
)

_FORM_FIELDS = ("title", "summary", *SECTION_FIELDS)


@require_http_methods(["GET"])
def briefing_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    briefing_policy.require(access, "view")
    context = {
        "can_manage": briefing_policy.can(access, "manage"),
        **paginate(request, selectors.briefing_list(access=access)),
    }
    return render(request, "learning/briefing_list.html", context)


@require_http_methods(["GET"])
def briefing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    briefing = briefing_policy.get_or_404(access, "view", pk=pk)
    context = {
        "briefing": briefing,
        "reach": selectors.reach_summary(briefing=briefing),
        "disseminations": selectors.briefing_disseminations(briefing=briefing)[:50],
        "can_manage": briefing_policy.can(access, "manage", briefing),
        "can_approve": briefing_policy.can(access, "approve", briefing),
        "can_publish": briefing_policy.can(access, "publish", briefing),
        "can_withdraw": briefing_policy.can(access, "withdraw", briefing),
        "can_record": dissemination_policy.can(access, "record")
        and dissemination_is_recordable(briefing),
    }
    return render(request, "learning/briefing_detail.html", context)


@require_http_methods(["GET", "POST"])
def briefing_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    briefing_policy.require(access, "manage")
    form = BriefingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            briefing = briefing_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{briefing} has been drafted.")
            return redirect("learning:briefing-detail", pk=briefing.pk)
    return render(request, "learning/briefing_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def briefing_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    briefing = briefing_policy.get_or_404(access, "manage", pk=pk)
    initial = {name: getattr(briefing, name) for name in _FORM_FIELDS}
    form = BriefingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            briefing_update(access=access, briefing=briefing, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{briefing} has been changed.")
            return redirect("learning:briefing-detail", pk=briefing.pk)
    return render(request, "learning/briefing_form.html", {"form": form, "briefing": briefing})


def _confirm(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The confirmation page and POST for approve and publish."""
    access = access_of(request)
    briefing: LearningBriefing = briefing_policy.get_or_404(access, action, pk=pk)
    service = {"approve": briefing_approve, "publish": briefing_publish}[action]
    error = None
    if request.method == "POST":
        try:
            service(access=access, briefing=briefing)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            done = {"approve": "approved", "publish": "published"}[action]
            messages.success(request, f"{briefing} has been {done}.")
            return redirect("learning:briefing-detail", pk=briefing.pk)
    context = {"briefing": briefing, "action": action, "error": error}
    return render(request, "learning/briefing_confirm.html", context)


@require_http_methods(["GET", "POST"])
def briefing_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _confirm(request, pk, "approve")


@require_http_methods(["GET", "POST"])
def briefing_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _confirm(request, pk, "publish")


@require_http_methods(["GET", "POST"])
def briefing_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    briefing = briefing_policy.get_or_404(access, "withdraw", pk=pk)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        briefing_withdraw(access=access, briefing=briefing, reason=form.cleaned_data["reason"])
        messages.success(request, f"{briefing} has been withdrawn from the public page.")
        return redirect("learning:briefing-detail", pk=briefing.pk)
    return render(request, "learning/briefing_withdraw.html", {"form": form, "briefing": briefing})
