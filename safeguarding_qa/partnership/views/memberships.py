"""Memberships of a group: add a person, change their role, end their membership."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import MembershipAddForm, MembershipEndForm, MembershipRoleForm
from ..models import Membership
from ..policies import groups as group_policy
from ..policies import memberships as membership_policy
from ..services.groups import membership_add, membership_change_role, membership_end


@require_http_methods(["GET", "POST"])
def membership_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    group = group_policy.get_or_404(access, "manage", pk=pk)
    people = selectors.membership_person_choices(access=access, group=group)
    form = MembershipAddForm(posted(request), people=people)
    if request.method == "POST" and form.is_valid():
        try:
            membership = membership_add(access=access, group=group, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{membership.person} has been added to {group}.")
            return redirect("partnership:group-detail", pk=group.pk)
    return render(request, "partnership/membership_add.html", {"form": form, "group": group})


def _open_membership(access: Access, group_pk: int, pk: int) -> Membership:
    return membership_policy.get_or_404(access, "manage", pk=pk, group_id=group_pk)


def _already_ended(request: HttpRequest, membership: Membership) -> HttpResponse:
    messages.info(request, f"{membership.person}'s membership has already ended.")
    return redirect("partnership:group-detail", pk=membership.group_id)


@require_http_methods(["GET", "POST"])
def membership_change_role_view(request: HttpRequest, group_pk: int, pk: int) -> HttpResponse:
    access = access_of(request)
    membership = _open_membership(access, group_pk, pk)
    if membership.ended_on is not None:
        return _already_ended(request, membership)
    form = MembershipRoleForm(posted(request), initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            membership_change_role(access=access, membership=membership, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"{membership.person} is now {membership.get_role_display().lower()} "
                f"of {membership.group}.",
            )
            return redirect("partnership:group-detail", pk=membership.group_id)
    context = {"form": form, "membership": membership}
    return render(request, "partnership/membership_role.html", context)


@require_http_methods(["GET", "POST"])
def membership_end_view(request: HttpRequest, group_pk: int, pk: int) -> HttpResponse:
    """Confirm the end date and the reason; the membership stays in the group's history."""
    access = access_of(request)
    membership = _open_membership(access, group_pk, pk)
    if membership.ended_on is not None:
        return _already_ended(request, membership)
    form = MembershipEndForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            membership_end(
                access=access,
                membership=membership,
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, f"{membership.person}'s membership of {membership.group} has ended."
            )
            return redirect("partnership:group-detail", pk=membership.group_id)
    context = {"form": form, "membership": membership}
    return render(request, "partnership/membership_end.html", context)
