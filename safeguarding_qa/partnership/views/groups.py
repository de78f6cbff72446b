"""Groups: the list, one group with its current members, its history, and changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..forms import GroupEditForm, GroupForm
from ..policies import groups as group_policy
from ..services.groups import group_create, group_update

_FORM_FIELDS = ("name", "kind", "meeting_frequency", "purpose", "is_active")


@require_http_methods(["GET"])
def group_list(request: HttpRequest) -> HttpResponse:
    """The partnership's groups, active ones first, with their number of current members."""
    access = access_of(request)
    group_policy.require(access, "view")
    context = {
        "can_manage": group_policy.can(access, "manage"),
        **paginate(request, selectors.group_list(access=access)),
    }
    return render(request, "partnership/group_list.html", context)


@require_http_methods(["GET"])
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    group = group_policy.get_or_404(access, "view", pk=pk)
    context = {
        "group": group,
        "members": selectors.group_members(group=group),
        "today": timezone.localdate(),
        "can_manage": group_policy.can(access, "manage", group),
    }
    return render(request, "partnership/group_detail.html", context)


@require_http_methods(["GET"])
def group_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every membership the group has had, grouped by the year it started."""
    access = access_of(request)
    group = group_policy.get_or_404(access, "view", pk=pk)
    context = {"group": group, **paginate(request, selectors.group_history(group=group))}
    return render(request, "partnership/group_history.html", context)


@require_http_methods(["GET", "POST"])
def group_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    group_policy.require(access, "manage")
    form = GroupForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            group = group_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{group} has been added.")
            return redirect("partnership:group-detail", pk=group.pk)
    return render(request, "partnership/group_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    group = group_policy.get_or_404(access, "manage", pk=pk)
    initial = {name: getattr(group, name) for name in _FORM_FIELDS}
    form = GroupEditForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            group_update(access=access, group=group, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{group} has been changed.")
            return redirect("partnership:group-detail", pk=group.pk)
    return render(request, "partnership/group_form.html", {"form": form, "group": group})
