"""Recording an organisation's dissemination of a published briefing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import DisseminationForm
from ..policies import briefings as briefing_policy
from ..policies import disseminations as dissemination_policy
from ..rules import dissemination_is_recordable
from ..services.dissemination import dissemination_record


@require_http_methods(["GET", "POST"])
def dissemination_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    briefing = briefing_policy.get_or_404(access, "view", pk=pk)
    dissemination_policy.require(access, "record")
    if not dissemination_is_recordable(briefing):
        raise PermissionDenied
    organisations = selectors.organisation_choices(access=access)
    form = DisseminationForm(posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            dissemination_record(access=access, briefing=briefing, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, f"Dissemination by {form.cleaned_data['organisation']} has been recorded."
            )
            return redirect("learning:briefing-detail", pk=briefing.pk)
    return render(request, "learning/dissemination_form.html", {"form": form, "briefing": briefing})
