"""Commentary and the challenge log."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..choices import ChallengeStatus
from ..forms import ChallengeForm, CloseForm, CommentaryForm, ResponseForm
from ..models import Period
from ..policies import challenges as challenge_policy
from ..policies import indicators as indicator_policy
from ..services.discussion import (
    challenge_close,
    challenge_raise,
    challenge_respond,
    commentary_add,
)


@require_http_methods(["GET", "POST"])
def commentary_add_view(request: HttpRequest, code: str) -> HttpResponse:
    access = access_of(request)
    indicator = indicator_policy.get_or_404(access, "view", code=code)
    kind = indicator_policy.commentary_kind(access, indicator)
    if kind is None:
        raise PermissionDenied
    form = CommentaryForm(posted(request), periods=list(Period.objects.all()))
    if request.method == "POST" and form.is_valid():
        try:
            commentary_add(
                access=access,
                indicator=indicator,
                period=form.chosen_period(),
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your commentary has been added.")
            return redirect("indicators:indicator-detail", code=indicator.code)
    context = {"form": form, "indicator": indicator, "kind": kind}
    return render(request, "indicators/commentary_form.html", context)


@require_http_methods(["GET", "POST"])
def challenge_raise_view(request: HttpRequest, code: str) -> HttpResponse:
    access = access_of(request)
    indicator = indicator_policy.get_or_404(access, "view", code=code)
    challenge_policy.require(access, "raise")
    form = ChallengeForm(posted(request), periods=list(Period.objects.all()))
    if request.method == "POST" and form.is_valid():
        try:
            challenge = challenge_raise(
                access=access,
                indicator=indicator,
                period=form.chosen_period(),
                question=form.cleaned_data["question"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Your challenge has been put to {challenge.organisation}.")
            return redirect("indicators:challenge-detail", pk=challenge.pk)
    return render(request, "indicators/challenge_form.html", {"form": form, "indicator": indicator})


@require_http_methods(["GET"])
def challenge_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    challenge_policy.require(access, "view")
    status = request.GET.get("status", "")
    status = status if status in ChallengeStatus.values else ""
    context = {
        "status": status,
        "statuses": ChallengeStatus.choices,
        **paginate(request, selectors.challenge_list(access=access, status=status)),
    }
    return render(request, "indicators/challenge_list.html", context)


@require_http_methods(["GET"])
def challenge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    challenge = challenge_policy.get_or_404(access, "view", pk=pk)
    context = {
        "challenge": challenge,
        "can_respond": challenge_policy.can(access, "respond", challenge),
        "can_close": challenge_policy.can(access, "close", challenge),
    }
    return render(request, "indicators/challenge_detail.html", context)


@require_http_methods(["GET", "POST"])
def challenge_respond_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    challenge = challenge_policy.get_or_404(access, "respond", pk=pk)
    form = ResponseForm(posted(request), initial={"response": challenge.response})
    if request.method == "POST" and form.is_valid():
        try:
            challenge_respond(
                access=access, challenge=challenge, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your response has been saved.")
            return redirect("indicators:challenge-detail", pk=challenge.pk)
    return render(
        request, "indicators/challenge_respond.html", {"form": form, "challenge": challenge}
    )


@require_http_methods(["GET", "POST"])
def challenge_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    challenge = challenge_policy.get_or_404(access, "close", pk=pk)
    form = CloseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            challenge_close(access=access, challenge=challenge, note=form.cleaned_data["note"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The challenge has been closed.")
            return redirect("indicators:challenge-detail", pk=challenge.pk)
    return render(
        request, "indicators/challenge_close.html", {"form": form, "challenge": challenge}
    )
