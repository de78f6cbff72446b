"""People: the list, one person's details, and the administrator's changes to them."""

from __future__ import annotations

import copy

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate

from ..forms import DeactivateForm, PersonFilterForm, PersonForm, role_descriptions
from ..policies import invitations as invitation_policy
from ..policies import people as person_policy
from ..selectors import person_current_memberships, person_list
from ..services.people import person_deactivate, person_reactivate, person_update


@require_http_methods(["GET"])
def person_list_view(request: HttpRequest) -> HttpResponse:
    """Everyone this person may see, filtered and 25 to a page."""
    access = access_of(request)
    person_policy.require(access, "view")
    form = PersonFilterForm(request.GET or None, access=access)
    filters = form.filters() if request.GET else {"status": "active"}
    context = {
        "form": form,
        "filtered": any(value for key, value in filters.items() if key != "status")
        or filters["status"] != "active",
        "can_invite": invitation_policy.can(access, "create"),
        **paginate(request, person_list(access=access, **filters)),
    }
    return render(request, "accounts/person_list.html", context)


@require_http_methods(["GET"])
def person_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    person = person_policy.get_or_404(access, "view", pk=pk)
    context = {
        "person": person,
        "memberships": person_current_memberships(person=person),
        "can_manage": person_policy.can(access, "manage", person),
        "can_deactivate": person_policy.can(access, "deactivate", person),
        "can_reactivate": person_policy.can(access, "reactivate", person),
    }
    return render(request, "accounts/person_detail.html", context)


@reauthentication_required
@require_http_methods(["GET", "POST"])
def person_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    person = person_policy.get_or_404(access, "manage", pk=pk)
    # The form changes its own copy, so the service sees the stored values as "before".
    form = PersonForm(request.POST or None, instance=copy.copy(person), access=access)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PersonForm.Meta.fields}
        try:
            person_update(access=access, person=person, **fields)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{person.display_name}'s details have been saved.")
            return redirect("accounts:person-detail", pk=pk)
    context = {"person": person, "form": form, "roles": role_descriptions()}
    return render(request, "accounts/person_form.html", context)


@reauthentication_required
@require_http_methods(["GET", "POST"])
def person_deactivate_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    person = person_policy.get_or_404(access, "deactivate", pk=pk)
    form = DeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person_deactivate(access=access, person=person, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{person.display_name} has been deactivated and signed out.")
            return redirect("accounts:person-detail", pk=pk)
    return render(request, "accounts/person_deactivate.html", {"person": person, "form": form})


@reauthentication_required
@require_http_methods(["GET", "POST"])
def person_reactivate_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    person = person_policy.get_or_404(access, "reactivate", pk=pk)
    if request.method == "POST":
        person_reactivate(access=access, person=person)
        messages.success(request, f"{person.display_name} can sign in again.")
        return redirect("accounts:person-detail", pk=pk)
    return render(request, "accounts/person_reactivate.html", {"person": person})
