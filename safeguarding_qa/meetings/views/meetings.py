"""Meetings: the list, one meeting, arranging and changing it, its calendar entry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..forms import MeetingEditForm, MeetingForm, MinutesForm, SuggestionsForm
from ..ics import meeting_ics
from ..policies import meetings as meeting_policy
from ..services.meetings import meeting_create, meeting_record_minutes, meeting_update


@require_http_methods(["GET"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings, or past ones with ``?when=past``."""
    access = access_of(request)
    meeting_policy.require(access, "view")
    past = request.GET.get("when") == "past"
    context = {
        "past": past,
        "can_manage": meeting_policy.can(access, "manage"),
        **paginate(request, selectors.meeting_list(access=access, past=past)),
    }
    return render(request, "meetings/meeting_list.html", context)


@require_http_methods(["GET"])
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "view", pk=pk)
    can_manage = meeting_policy.can(access, "manage", meeting)
    attendance = selectors.meeting_attendance(meeting=meeting)
    suggestions = selectors.open_suggestions(meeting=meeting) if can_manage else []
    context = {
        "meeting": meeting,
        "can_manage": can_manage,
        "agenda": selectors.meeting_agenda(meeting=meeting),
        "papers": selectors.meeting_papers(meeting=meeting),
        "attendance": attendance,
        "quoracy": selectors.meeting_quoracy(meeting=meeting, attendance=attendance)
        if attendance
        else None,
        "decisions": selectors.meeting_decisions(meeting=meeting),
        "suggestions_form": SuggestionsForm(choices=[(s.key, s.title) for s in suggestions])
        if suggestions
        else None,
        "suggestions": suggestions,
        "is_past": meeting.starts_at < timezone.now(),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_http_methods(["GET", "POST"])
def meeting_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    meeting_policy.require(access, "manage")
    form = MeetingForm(posted(request), groups=selectors.meeting_groups(access=access))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_create(access=access, **form.meeting_fields())
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{meeting.title} has been arranged.")
            return redirect("meetings:meeting-detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    local = timezone.localtime(meeting.starts_at)
    initial = {
        "group": meeting.group,
        "title": meeting.title,
        "day": local.date(),
        "start_time": f"{local:%H:%M}",
        "duration_minutes": meeting.duration_minutes,
        "location": meeting.location,
        "online_link": meeting.online_link,
        "status": meeting.status,
    }
    form = MeetingEditForm(
        posted(request), groups=selectors.meeting_groups(access=access), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(access=access, meeting=meeting, **form.meeting_fields())
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{meeting.title} has been changed.")
            return redirect("meetings:meeting-detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    form = MinutesForm(posted(request), initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        meeting_record_minutes(access=access, meeting=meeting, **form.cleaned_data)
        messages.success(request, "The minutes have been saved.")
        return redirect("meetings:meeting-detail", pk=meeting.pk)
    return render(request, "meetings/meeting_minutes.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET"])
def meeting_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file, to add to a calendar."""
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "view", pk=pk)
    response = HttpResponse(
        meeting_ics(meeting, host=request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
