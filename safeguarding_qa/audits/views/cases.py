"""Cases: one case with its returns, assignment, reveal of identifiers, live concerns."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import AcknowledgeForm, AssignForm, LiveConcernForm, RevealForm
from ..models import AuditCase
from ..policies import cases as case_policy
from ..policies import live_concerns as concern_policy
from ..policies import may_assign_for
from ..services.cases import (
    case_assign,
    identifiers_reveal,
    live_concern_acknowledge,
    live_concern_raise,
)


@require_http_methods(["GET"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    case = case_policy.get_or_404(access, "view", pk=pk)
    context = {
        "case": case,
        "audit": case.audit,
        "returns": selectors.case_returns(access=access, case=case),
        "assignments": list(case.assignments.select_related("auditor", "organisation")),
        "concerns": list(case.live_concerns.select_related("raised_by", "acknowledged_by")),
        "can_assign": case_policy.can(access, "assign", case),
        "can_reveal": case_policy.can(access, "reveal", case),
        "can_raise": case_policy.can(access, "raise_concern", case),
        "can_acknowledge": concern_policy.can(access, "acknowledge"),
    }
    return render(request, "audits/case_detail.html", context)


def _assignable_organisations(request: HttpRequest, case: AuditCase) -> list[int]:
    access = access_of(request)
    return [
        org_id
        for org_id in case.audit.organisations.values_list("pk", flat=True)
        if may_assign_for(access, org_id)
    ]


@require_http_methods(["GET", "POST"])
def case_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    case = case_policy.get_or_404(access, "assign", pk=pk)
    form = AssignForm(
        posted(request), case=case, organisation_ids=_assignable_organisations(request, case)
    )
    if request.method == "POST" and form.is_valid():
        try:
            assignment = case_assign(access=access, case=case, auditor=form.cleaned_data["auditor"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{assignment.auditor} has been assigned to {case}.")
            return redirect("audits:case-detail", pk=case.pk)
    return render(request, "audits/case_assign.html", {"form": form, "case": case})


@require_http_methods(["GET", "POST"])
def case_reveal_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for a reason; on a valid one, show the identifiers once (and log the reveal)."""
    access = access_of(request)
    case = case_policy.get_or_404(access, "reveal", pk=pk)
    form = RevealForm(posted(request))
    identifiers = None
    if request.method == "POST" and form.is_valid():
        try:
            identifiers = identifiers_reveal(
                access=access, case=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach_errors(form, error)
    response = render(
        request,
        "audits/case_reveal.html",
        {"form": form, "case": case, "identifiers": identifiers},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def live_concern_raise_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    case = case_policy.get_or_404(access, "raise_concern", pk=pk)
    form = LiveConcernForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            live_concern_raise(access=access, case=case, details=form.cleaned_data["details"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, "The live concern has been raised and the designated contacts told."
            )
            return redirect("audits:case-detail", pk=case.pk)
    return render(request, "audits/live_concern_form.html", {"form": form, "case": case})


@require_http_methods(["GET", "POST"])
def live_concern_acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    concern = concern_policy.get_or_404(access, "acknowledge", pk=pk)
    form = AcknowledgeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            live_concern_acknowledge(
                access=access, concern=concern, action_taken=form.cleaned_data["action_taken"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The concern has been acknowledged.")
            return redirect("audits:audit-detail", pk=concern.case.audit_id)
    return render(
        request, "audits/live_concern_acknowledge.html", {"form": form, "concern": concern}
    )
