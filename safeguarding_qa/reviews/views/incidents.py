"""Serious incidents: list, record, view (logged), change, notify, ask agencies for their
information, the rapid review, the national panel, and commissioning a local review."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.partnership.models import Organisation

from .. import rules, selectors
from ..forms import (
    CommissionForm,
    IncidentCreateForm,
    IncidentForm,
    InformationRequestForm,
    NotifyForm,
    PanelForm,
    RapidReviewForm,
    RevealForm,
)
from ..models import SeriousIncident
from ..policies import incidents as incident_policy
from ..services import incidents as services
from ..services.returns import information_request_create
from ..workingdays import add_working_days, timescales


def _organisations() -> Any:
    return Organisation.objects.filter(is_active=True).order_by("name")


@require_http_methods(["GET"])
def incident_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    incident_policy.require(access, "view")
    context = {
        "rows": selectors.incident_rows(access=access, today=timezone.localdate()),
        "can_manage": incident_policy.can(access, "manage"),
    }
    return render(request, "reviews/incident_list.html", context)


@require_http_methods(["GET"])
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One incident with its deadlines, agencies' returns and decision; the view is logged."""
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "view", pk=pk)
    services.incident_record_view(access=access, incident=incident, page="detail")
    today = timezone.localdate()
    requests = list(selectors.incident_requests(incident=incident))
    context = {
        "incident": incident,
        "stage": rules.incident_stage(incident),
        "deadlines": [(d, d.rag(today)) for d in rules.incident_deadlines(incident)],
        "requests": [(r, rules.return_is_late(r, today)) for r in requests],
        "agencies": list(incident.agencies.all()),
        "meets_criteria": rules.meets_notification_criteria(incident),
        "can_commission": rules.can_commission_lcspr(incident),
        "can_manage": incident_policy.can(access, "manage", incident),
        "can_reveal": incident_policy.can(access, "reveal", incident),
    }
    return render(request, "reviews/incident_detail.html", context)


@require_http_methods(["GET", "POST"])
def incident_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    incident_policy.require(access, "manage")
    form = IncidentCreateForm(posted(request), organisations=_organisations())
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{incident} has been recorded. Its deadlines are below.")
            return redirect("reviews:incident-detail", pk=incident.pk)
    return render(request, "reviews/incident_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "manage", pk=pk)
    names = ["reference", "aware_on", "death_or_serious_harm", "abuse_or_neglect", "summary"]
    initial = {name: getattr(incident, name) for name in names}
    initial["agencies"] = list(incident.agencies.all())
    form = IncidentForm(posted(request), initial=initial, organisations=_organisations())
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(access=access, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{incident} has been changed.")
            return redirect("reviews:incident-detail", pk=incident.pk)
    return render(request, "reviews/incident_form.html", {"form": form, "incident": incident})


@require_http_methods(["GET", "POST"])
def incident_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the identifiers once, after a reason is given; nothing is stored in the page's
    address or the session."""
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "reveal", pk=pk)
    form = RevealForm(posted(request))
    revealed = None
    if request.method == "POST" and form.is_valid():
        try:
            revealed = services.incident_reveal_identifiers(
                access=access, incident=incident, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
    context = {"form": form, "incident": incident, "revealed": revealed}
    return render(request, "reviews/incident_reveal.html", context)


def _incident_step(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    initial: Callable[[SeriousIncident], dict[str, Any]],
    service: Callable[..., Any],
    heading: str,
    done: str,
) -> HttpResponse:
    """A form on one incident that calls one service and returns to the incident."""
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "manage", pk=pk)
    form = form_class(posted(request), initial=initial(incident))
    if request.method == "POST" and form.is_valid():
        try:
            service(access=access, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("reviews:incident-detail", pk=incident.pk)
    context = {"form": form, "incident": incident, "heading": f"{heading}: {incident}"}
    return render(request, "reviews/incident_step.html", context)


@require_http_methods(["GET", "POST"])
def incident_notify_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _incident_step(
        request,
        pk,
        form_class=NotifyForm,
        initial=lambda incident: {"notified_on": timezone.localdate()},
        service=services.incident_notify,
        heading="Record the notification to the national panel",
        done="The notification has been recorded.",
    )


@require_http_methods(["GET", "POST"])
def incident_rapid_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _incident_step(
        request,
        pk,
        form_class=RapidReviewForm,
        initial=lambda i: {name: getattr(i, name) for name in services.RAPID_REVIEW_FIELDS},
        service=services.incident_record_rapid_review,
        heading="Record the rapid review",
        done="The rapid review has been recorded.",
    )


@require_http_methods(["GET", "POST"])
def incident_panel_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _incident_step(
        request,
        pk,
        form_class=PanelForm,
        initial=lambda i: {name: getattr(i, name) for name in services.PANEL_FIELDS},
        service=services.incident_record_panel,
        heading="Record the national panel",
        done="The national panel details have been recorded.",
    )


@require_http_methods(["GET", "POST"])
def incident_commission_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "manage", pk=pk)
    form = CommissionForm(posted(request), initial={"commissioned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = services.incident_commission_lcspr(
                access=access, incident=incident, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{review} has been commissioned. Add its milestones.")
            return redirect("reviews:review-detail", pk=review.pk)
    context = {
        "form": form,
        "incident": incident,
        "heading": f"Commission a local review: {incident}",
        "blocked": not rules.can_commission_lcspr(incident),
    }
    return render(request, "reviews/incident_step.html", context)


@require_http_methods(["GET", "POST"])
def request_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask agencies for their information for the rapid review, by a date."""
    access = access_of(request)
    incident = incident_policy.get_or_404(access, "manage", pk=pk)
    asked = incident.information_requests.values_list("organisation_id", flat=True)
    organisations = _organisations().exclude(pk__in=asked)
    default_due = add_working_days(
        max(incident.aware_on, timezone.localdate()),
        timescales()["information_return_working_days"],
    )
    form = InformationRequestForm(
        posted(request),
        initial={
            "due_on": default_due,
            "organisations": list(incident.agencies.exclude(pk__in=asked)),
        },
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = information_request_create(access=access, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, f"{len(made)} agencies have been asked for their information."
            )
            return redirect("reviews:incident-detail", pk=incident.pk)
    context = {
        "form": form,
        "incident": incident,
        "heading": f"Ask agencies for information: {incident}",
    }
    return render(request, "reviews/incident_step.html", context)
