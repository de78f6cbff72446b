"""Invitations: the administrator's list, sending and withdrawing, and accepting a link."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.access.roles import ROLE_DESCRIPTIONS, Role
from safeguarding_qa.core.pages import attach_errors, paginate

from ..forms import AcceptInvitationForm, InvitationFilterForm, InvitationForm, role_descriptions
from ..policies import invitations as invitation_policy
from ..selectors import INVITATION_STATUSES, invitation_list
from ..services.invitations import (
    InvitationUnusable,
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_refusal_record,
    invitation_revoke,
)

SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@require_http_methods(["GET"])
def invitation_list_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    invitation_policy.require(access, "view")
    form = InvitationFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    context = {
        "form": form,
        "status": status,
        "status_label": INVITATION_STATUSES.get(status, ""),
        **paginate(request, invitation_list(access=access, status=status)),
    }
    return render(request, "accounts/invitation_list.html", context)


@reauthentication_required
@require_http_methods(["GET", "POST"])
def invitation_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    invitation_policy.require(access, "create")
    form = InvitationForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitation_create(
                access=access,
                **form.cleaned_data,
                accept_url_for=lambda token: request.build_absolute_uri(
                    reverse("accounts:invitation-accept", args=[token])
                ),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("accounts:invitation-list")
    context = {"form": form, "roles": role_descriptions(), "days": settings.INVITATION_VALID_DAYS}
    return render(request, "accounts/invitation_form.html", context)


@reauthentication_required
@require_http_methods(["GET", "POST"])
def invitation_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    invitation = invitation_policy.get_or_404(access, "view", pk=pk)
    if not invitation_policy.can(access, "revoke", invitation):
        messages.info(request, f"The invitation for {invitation.email} is no longer pending.")
        return redirect("accounts:invitation-list")
    if request.method == "POST":
        invitation_revoke(access=access, invitation=invitation)
        messages.success(request, f"The invitation for {invitation.email} has been withdrawn.")
        return redirect("accounts:invitation-list")
    return render(request, "accounts/invitation_revoke.html", {"invitation": invitation})


# Why a link no longer works, in words for the person holding it; and the status code.
_UNUSABLE = {
    "unknown": (404, "This invitation link is not valid", "We could not find this invitation."),
    "expired": (410, "This invitation has expired", "Invitation links work for a few days only."),
    "accepted": (
        410,
        "This invitation has already been used",
        "Each invitation link works once. If you have already set a password, sign in.",
    ),
    "revoked": (
        410,
        "This invitation has been withdrawn",
        "The partnership administrator withdrew this invitation.",
    ),
}


def _unusable(request: HttpRequest, token: str, reason: str) -> HttpResponse:
    invitation_refusal_record(token=token, reason=reason)
    status, heading, explanation = _UNUSABLE[reason]
    context = {"heading": heading, "explanation": explanation, "reason": reason}
    return render(request, "accounts/invitation_unusable.html", context, status=status)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the invited person chooses a password, and is signed in."""
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_signed_in.html")
    try:
        invitation = invitation_for_token(token)
    except InvitationUnusable as unusable:
        return _unusable(request, token, unusable.reason)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = invitation_accept(token=token, password=form.cleaned_data["password1"])
        except InvitationUnusable as unusable:
            return _unusable(request, token, unusable.reason)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                attach_errors(form, error)
            else:
                # The password rules' messages belong beside the password.
                form.add_error("password1", error)
        else:
            login(request, person, backend=SIGN_IN_BACKEND)
            messages.success(request, "Your account has been created and you are signed in.")
            return redirect("core:home")
    context = {
        "invitation": invitation,
        "token": token,
        "form": form,
        "role_description": ROLE_DESCRIPTIONS[Role(invitation.role)],
    }
    return render(request, "accounts/invitation_accept.html", context)
