"""The partnership's own details: its name (shown on every page) and live-concern contacts."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import PartnershipForm
from ..policies import partnership as partnership_policy
from ..services.organisations import PARTNERSHIP_FIELDS, partnership_update


@require_http_methods(["GET", "POST"])
def partnership_edit(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    partnership_policy.require(access, "manage")
    current = selectors.partnership_get()
    if current is None:
        initial = {"name": settings.PARTNERSHIP_NAME}
    else:
        initial = {name: getattr(current, name) for name in PARTNERSHIP_FIELDS}
    form = PartnershipForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            partnership_update(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The partnership's details have been saved.")
            return redirect("partnership:organisation-list")
    return render(request, "partnership/partnership_form.html", {"form": form})
