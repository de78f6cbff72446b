"""Each person's choice about the weekly digest e-mail."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import posted

from ..policies import recommendations_policy
from ..services.reminders import digest_preference_set, digest_wanted


class DigestForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label="Send me the weekly digest of my organisation's actions",
        required=False,
        help_text="Reminders about actions you own are always sent.",
    )


@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    recommendations_policy.require(access, "view")
    form = DigestForm(posted(request), initial={"weekly_digest": digest_wanted(person=access.user)})
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data["weekly_digest"]
        digest_preference_set(actor=access.user, weekly_digest=wanted)
        messages.success(
            request, "You will get the weekly digest." if wanted else "The weekly digest is off."
        )
        return redirect("recommendations:reminder-settings")
    return render(request, "recommendations/reminder_settings.html", {"form": form})
