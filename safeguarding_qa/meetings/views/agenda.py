"""A meeting's agenda and papers: add, add suggested items, move, remove, download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.core.pages import attach_errors, posted

from .. import events, selectors
from ..forms import AgendaItemForm, PaperForm, SuggestionsForm
from ..models import AgendaItem, Meeting, Paper
from ..policies import meetings as meeting_policy
from ..services.agenda import (
    agenda_add_suggestions,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    paper_add,
    paper_remove,
)


def _back(meeting: Meeting, anchor: str = "") -> HttpResponseRedirect:
    response = redirect("meetings:meeting-detail", pk=meeting.pk)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


def _item(access: Access, meeting_pk: int, pk: int) -> AgendaItem:
    meeting = meeting_policy.get_or_404(access, "manage", pk=meeting_pk)
    item = meeting.agenda_items.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


@require_http_methods(["GET", "POST"])
def agenda_item_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    form = AgendaItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            item = agenda_item_add(access=access, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{item.title} has been added to the agenda.")
            return _back(meeting, "agenda")
    return render(request, "meetings/agenda_item_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["POST"])
def agenda_suggestions_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the ticked suggestions; with none ticked, show the choice again with an error."""
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    suggestions = {s.key: s for s in selectors.open_suggestions(meeting=meeting)}
    form = SuggestionsForm(request.POST, choices=[(k, s.title) for k, s in suggestions.items()])
    if form.is_valid():
        chosen = [suggestions[key] for key in form.cleaned_data["suggestions"]]
        added = agenda_add_suggestions(access=access, meeting=meeting, suggestions=chosen)
        messages.success(request, f"{len(added)} suggested items have been added to the agenda.")
        return _back(meeting, "agenda")
    context = {"form": form, "meeting": meeting, "suggestions": list(suggestions.values())}
    return render(request, "meetings/agenda_suggestions.html", context)


@require_http_methods(["POST"])
def agenda_item_move_view(request: HttpRequest, meeting_pk: int, pk: int) -> HttpResponse:
    access = access_of(request)
    item = _item(access, meeting_pk, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Choose whether to move the item up or down.")
        return _back(item.meeting, "agenda")
    agenda_item_move(access=access, item=item, up=direction == "up")
    return _back(item.meeting, "agenda")


@require_http_methods(["GET", "POST"])
def agenda_item_remove_view(request: HttpRequest, meeting_pk: int, pk: int) -> HttpResponse:
    """Confirm, then take the item off the agenda."""
    access = access_of(request)
    item = _item(access, meeting_pk, pk)
    meeting = item.meeting
    if request.method == "POST":
        agenda_item_remove(access=access, item=item)
        messages.success(request, f"{item.title} has been taken off the agenda.")
        return _back(meeting, "agenda")
    return render(request, "meetings/agenda_item_remove.html", {"item": item, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def paper_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    form = PaperForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        agenda=meeting.agenda_items.order_by("position"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            paper = paper_add(access=access, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{paper.title} has been added to the papers.")
            return _back(meeting, "papers")
    return render(request, "meetings/paper_form.html", {"form": form, "meeting": meeting})


def _paper(access: Access, meeting_pk: int, pk: int, action: str) -> Paper:
    meeting = meeting_policy.get_or_404(access, action, pk=meeting_pk)
    paper = meeting.papers.filter(pk=pk).first()
    if paper is None:
        raise Http404
    return paper


@require_http_methods(["GET", "POST"])
def paper_remove_view(request: HttpRequest, meeting_pk: int, pk: int) -> HttpResponse:
    access = access_of(request)
    paper = _paper(access, meeting_pk, pk, "manage")
    meeting = paper.meeting
    if request.method == "POST":
        paper_remove(access=access, paper=paper)
        messages.success(request, f"{paper.title} has been removed from the papers.")
        return _back(meeting, "papers")
    return render(request, "meetings/paper_remove.html", {"paper": paper, "meeting": meeting})


@require_http_methods(["GET"])
def paper_download(request: HttpRequest, meeting_pk: int, pk: int) -> HttpResponse:
    """An uploaded paper, served only to people who may see the meeting (logged)."""
    access = access_of(request)
    paper = _paper(access, meeting_pk, pk, "view")
    if not paper.file:
        raise Http404
    record_event(kind=events.PAPER_DOWNLOADED, actor=access.user, target=paper)
    name = (paper.file.name or "paper").rsplit("/", 1)[-1]
    response: HttpResponse = FileResponse(  # type: ignore[assignment]
        paper.file.open("rb"), as_attachment=True, filename=name
    )
    return response
