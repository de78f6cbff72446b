"""Organisations: the list, one organisation, and the administrator's changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Organisation
from ..policies import organisations as organisation_policy
from ..policies import partnership as partnership_policy
from ..services.organisations import (
    organisation_create,
    organisation_deactivate,
    organisation_reactivate,
    organisation_update,
)

_FORM_FIELDS = ("name", "short_name", "sector", "is_statutory_partner")


@require_http_methods(["GET"])
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation in the partnership, filtered by sector and status."""
    access = access_of(request)
    organisation_policy.require(access, "view")
    form = OrganisationFilterForm(request.GET)
    organisations = selectors.organisation_list(access=access, **form.filters())
    context = {
        "form": form,
        "filtered": bool(form.is_valid() and any(form.cleaned_data.values())),
        "can_manage": organisation_policy.can(access, "manage"),
        "can_manage_partnership": partnership_policy.can(access, "manage"),
        **paginate(request, organisations),
    }
    return render(request, "partnership/organisation_list.html", context)


@require_http_methods(["GET"])
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    organisation = organisation_policy.get_or_404(access, "view", pk=pk)
    context = {
        "organisation": organisation,
        "people": selectors.organisation_people(organisation=organisation),
        "groups": selectors.organisation_groups(organisation=organisation),
        "can_view_people": selectors.can_view_people(access),
        "can_manage": organisation_policy.can(access, "manage", organisation),
    }
    return render(request, "partnership/organisation_detail.html", context)


@require_http_methods(["GET", "POST"])
def organisation_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    organisation_policy.require(access, "manage")
    form = OrganisationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{organisation} has been added.")
            return redirect("partnership:organisation-detail", pk=organisation.pk)
    return render(request, "partnership/organisation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    organisation = organisation_policy.get_or_404(access, "manage", pk=pk)
    initial = {name: getattr(organisation, name) for name in _FORM_FIELDS}
    form = OrganisationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_update(access=access, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{organisation} has been changed.")
            return redirect("partnership:organisation-detail", pk=organisation.pk)
    context = {"form": form, "organisation": organisation}
    return render(request, "partnership/organisation_form.html", context)


@require_http_methods(["GET", "POST"])
def organisation_deactivate_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(request, pk, deactivate=True)


@require_http_methods(["GET", "POST"])
def organisation_reactivate_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(request, pk, deactivate=False)


def _change_status(request: HttpRequest, pk: int, *, deactivate: bool) -> HttpResponse:
    """A confirmation page, then the change. Already in that state: back to the page."""
    access = access_of(request)
    organisation: Organisation = organisation_policy.get_or_404(access, "manage", pk=pk)
    if organisation.is_active != deactivate:
        state = "inactive" if deactivate else "active"
        messages.info(request, f"{organisation} is already {state}.")
        return redirect("partnership:organisation-detail", pk=organisation.pk)
    if request.method == "POST":
        service = organisation_deactivate if deactivate else organisation_reactivate
        service(access=access, organisation=organisation)
        done = "deactivated" if deactivate else "reactivated"
        messages.success(request, f"{organisation} has been {done}.")
        return redirect("partnership:organisation-detail", pk=organisation.pk)
    context = {
        "organisation": organisation,
        "deactivate": deactivate,
        "people": selectors.organisation_people(organisation=organisation),
    }
    return render(request, "partnership/organisation_status.html", context)
