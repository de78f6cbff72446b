"""Programme items: add, change (including status), remove."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import selectors
from ..forms import ItemForm
from ..models import ProgrammeItem, WorkProgramme
from ..policies import items as item_policy
from ..policies import programmes as programme_policy
from ..services.programmes import (
    programme_item_add,
    programme_item_remove,
    programme_item_update,
)

_FIELDS = ("kind", "title", "theme", "quarter", "target_meeting", "status", "notes")


def _back(item: ProgrammeItem) -> HttpResponse:
    return redirect(item.get_absolute_url())


@require_http_methods(["GET", "POST"])
def item_add_view(request: HttpRequest, year: int) -> HttpResponse:
    access = access_of(request)
    programme: WorkProgramme = programme_policy.get_or_404(access, "manage", year=year)
    initial = {"theme": request.GET.get("theme", "")[:200]}
    form = ItemForm(
        posted(request), meetings=selectors.meeting_choices(programme=programme), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = programme_item_add(access=access, programme=programme, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{item.title} has been added to the programme.")
            return _back(item)
    return render(request, "programme/item_form.html", {"form": form, "programme": programme})


@require_http_methods(["GET", "POST"])
def item_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    item: ProgrammeItem = item_policy.get_or_404(access, "manage", pk=pk)
    programme = item.programme
    form = ItemForm(
        posted(request),
        meetings=selectors.meeting_choices(programme=programme),
        initial={name: getattr(item, name) for name in _FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            programme_item_update(access=access, item=item, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{item.title} has been changed.")
            return _back(item)
    context = {"form": form, "programme": programme, "item": item}
    return render(request, "programme/item_form.html", context)


@require_http_methods(["GET", "POST"])
def item_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then remove an item not yet linked to work."""
    access = access_of(request)
    item: ProgrammeItem = item_policy.get_or_404(access, "manage", pk=pk)
    error = ""
    if request.method == "POST":
        try:
            programme_item_remove(access=access, item=item)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{item.title} has been removed from the programme.")
            return redirect("programme:programme-detail", year=item.programme.year)
    return render(
        request,
        "programme/item_remove.html",
        {"item": item, "programme": item.programme, "error": error},
        status=400 if error else 200,
    )
