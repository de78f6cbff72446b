"""API token pages: list, create (the key is shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted
from safeguarding_qa.indicators.policies import indicators as indicator_policy

from .forms import TokenForm
from .policies import tokens as token_policy
from .services import token_create, token_revoke


@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """The tokens this person may manage, and the form for a new one."""
    access = access_of(request)
    token_policy.require(access, "manage")
    organisations = indicator_policy.returnable_organisations(access).filter(is_active=True)
    form = TokenForm(posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = token_create(
                access=access,
                organisation=form.cleaned_data["organisation"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            response = render(request, "api/token_created.html", {"token": token, "key": key})
            response["Cache-Control"] = "no-store"
            return response
    tokens = token_policy.scope(access).order_by("revoked_at", "-created_at")
    context = {"form": form, **paginate(request, tokens)}
    return render(request, "api/token_list.html", context)


@require_http_methods(["GET", "POST"])
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then revoke."""
    access = access_of(request)
    token_policy.require(access, "manage")
    token = token_policy.get_or_404(access, "manage", pk=pk)
    if not token.is_active:
        messages.info(request, f"{token} has already been revoked.")
        return redirect("api-token-list")
    if request.method == "POST":
        token_revoke(access=access, token=token)
        messages.success(request, f"{token} has been revoked. It no longer works.")
        return redirect("api-token-list")
    return render(request, "api/token_revoke.html", {"token": token})
