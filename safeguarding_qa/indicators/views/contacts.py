"""Data contacts: the lead names and removes the people who send the organisation's
returns."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import DataContactForm
from ..policies import data_contacts as contact_policy
from ..services.contacts import data_contact_name, data_contact_remove


@require_http_methods(["GET", "POST"])
def data_contact_list(request: HttpRequest, organisation: int) -> HttpResponse:
    """The organisation's data contacts, and the form to name another."""
    access = access_of(request)
    contact_policy.require(access, "manage")
    chosen = contact_policy.organisations(access).filter(pk=organisation).first()
    if chosen is None:
        raise Http404
    people = selectors.nameable_people(organisation_id=chosen.pk)
    form = DataContactForm(posted(request), people=people)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            data_contact_name(access=access, organisation=chosen, person=person)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"{person.display_name} is now a data contact for {chosen}: they can enter, "
                "upload and change its indicator returns.",
            )
            return redirect("indicators:data-contacts", organisation=chosen.pk)
    context = {
        "organisation": chosen,
        "contacts": selectors.data_contacts(access=access, organisation_id=chosen.pk),
        "form": form,
        "has_people": people.exists(),
    }
    return render(request, "indicators/data_contacts.html", context)


@require_http_methods(["GET", "POST"])
def data_contact_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then remove the contact."""
    access = access_of(request)
    contact_policy.require(access, "manage")
    contact = contact_policy.get_or_404(access, "manage", pk=pk)
    if request.method == "POST":
        organisation_id = contact.organisation_id
        name = contact.person.display_name
        data_contact_remove(access=access, contact=contact)
        messages.success(
            request, f"{name} is no longer a data contact and can no longer send returns."
        )
        return redirect("indicators:data-contacts", organisation=organisation_id)
    return render(request, "indicators/data_contact_remove.html", {"contact": contact})
