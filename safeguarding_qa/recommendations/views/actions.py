"""Actions: the list ("my organisation's actions" for agency leads), one action, adding and
changing it, recording progress, and sign-off."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.access.roles import Reach
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import rules, selectors
from ..forms import ActionFilterForm, ActionForm, ProgressForm, SignOffForm
from ..models import Action, Recommendation
from ..policies import actions_policy, recommendations_policy
from ..services.actions import (
    action_create,
    action_record_progress,
    action_sign_off,
    action_update,
)
from .common import organisation_choices, people_choices

_FIELDS = ("organisation", "owner", "description", "due_on", "priority")


@require_http_methods(["GET"])
def action_list(request: HttpRequest) -> HttpResponse:
    """Partnership-wide roles see every action; agency leads their own organisation's."""
    access = access_of(request)
    actions_policy.require(access, "view")
    partnership_wide = access.reach == Reach.PARTNERSHIP
    form = ActionFilterForm(
        request.GET or None,
        organisations=organisation_choices(access) if partnership_wide else None,
    )
    today = timezone.localdate()
    actions = selectors.action_list(access=access, today=today, **form.filters())
    context = {
        "form": form,
        "filtered": form.filtered,
        "partnership_wide": partnership_wide,
        "organisation": access.user.organisation if not partnership_wide else None,
        "today": today,
        **paginate(request, actions),
    }
    return render(request, "recommendations/action_list.html", context)


@require_http_methods(["GET"])
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    action: Action = actions_policy.get_or_404(access, "view", pk=pk)
    today = timezone.localdate()
    context = {
        "action": action,
        "rag": rules.action_rag(
            status=action.status,
            due_on=action.due_on,
            last_update_on=action.last_progress_on,
            today=today,
        ),
        "overdue": rules.is_overdue(status=action.status, due_on=action.due_on, today=today),
        "updates": list(selectors.action_updates(access=access, action=action)),
        "can_view_recommendation": recommendations_policy.can(access, "view"),
        "can_manage": actions_policy.can(access, "manage", action),
        "can_update": actions_policy.can(access, "update", action),
        "can_sign_off": actions_policy.can(access, "sign_off", action),
    }
    return render(request, "recommendations/action_detail.html", context)


def _action_form(request: HttpRequest, **kwargs: Any) -> ActionForm:
    access = access_of(request)
    return ActionForm(
        posted(request),
        organisations=organisation_choices(access),
        people=people_choices(),
        **kwargs,
    )


@require_http_methods(["GET", "POST"])
def action_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    actions_policy.require(access, "manage")
    recommendation: Recommendation = recommendations_policy.get_or_404(access, "manage", pk=pk)
    form = _action_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            action = action_create(
                actor=access.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"The action for {action.organisation} has been added.")
            return redirect("recommendations:recommendation-detail", pk=recommendation.pk)
    context = {"form": form, "recommendation": recommendation}
    return render(request, "recommendations/action_form.html", context)


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    action: Action = actions_policy.get_or_404(access, "manage", pk=pk)
    form = _action_form(request, initial={name: getattr(action, name) for name in _FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            action_update(actor=access.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The action has been changed.")
            return redirect("recommendations:action-detail", pk=action.pk)
    context = {"form": form, "recommendation": action.recommendation, "action": action}
    return render(request, "recommendations/action_form.html", context)


@require_http_methods(["GET", "POST"])
def action_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Record progress on one of the agency's open actions, with evidence."""
    access = access_of(request)
    action: Action = actions_policy.get_or_404(access, "update", pk=pk)
    form = ProgressForm(posted(request), request.FILES or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            action_record_progress(actor=access.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your progress update has been recorded.")
            return redirect("recommendations:action-detail", pk=action.pk)
    return render(request, "recommendations/action_progress.html", {"form": form, "action": action})


@require_http_methods(["GET", "POST"])
def action_sign_off_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign off a completed action, or close it as not achieved, with a comment."""
    access = access_of(request)
    action: Action = actions_policy.get_or_404(access, "sign_off", pk=pk)
    form = SignOffForm(posted(request))
    if request.method == "POST" and form.is_valid():
        achieved = form.cleaned_data["decision"] == "signed_off"
        try:
            action_sign_off(
                actor=access.user,
                action=action,
                comment=form.cleaned_data["comment"],
                achieved=achieved,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            done = "signed off" if achieved else "closed as not achieved"
            messages.success(request, f"The action has been {done}.")
            return redirect("recommendations:action-detail", pk=action.pk)
    context = {
        "form": form,
        "action": action,
        "updates": list(selectors.action_updates(access=access, action=action)[:5]),
    }
    return render(request, "recommendations/action_sign_off.html", context)
