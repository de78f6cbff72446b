"""Each person's own account: their details, role and sign-in security."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.roles import ROLE_DESCRIPTIONS, Role

from ..selectors import person_has_authenticator_app


@require_http_methods(["GET"])
def my_account_view(request: HttpRequest) -> HttpResponse:
    person = request.user
    role = Role(person.role)  # type: ignore[union-attr]
    context = {
        "person": person,
        "role_label": role.label,
        "role_description": ROLE_DESCRIPTIONS[role],
        "has_authenticator_app": person_has_authenticator_app(person=person),  # type: ignore[arg-type]
    }
    return render(request, "accounts/my_account.html", context)


@login_not_required
def not_offered(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    """allauth pages this service does not offer: e-mail addresses are set by the
    administrator (one per person, used to sign in) and there is no sign-in by code."""
    raise Http404
