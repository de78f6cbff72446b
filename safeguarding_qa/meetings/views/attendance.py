"""Attendance, decisions and attendance statistics."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.partnership.models import Group, Organisation

from .. import selectors
from ..forms import AttendanceForm, DecisionForm, StatisticsForm
from ..models import Meeting
from ..policies import meetings as meeting_policy
from ..services.attendance import attendance_record, decision_record


@require_http_methods(["GET", "POST"])
def attendance_record_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    people = selectors.meeting_invitees(meeting=meeting)
    current = {a.person_id: a.status for a in meeting.attendances.all()}
    form = AttendanceForm(posted(request), people=people, current=current)
    if request.method == "POST" and form.is_valid():
        statuses = form.statuses()
        if not statuses:
            form.add_error(None, "Select present, apologies or absent for at least one person")
        else:
            attendance_record(access=access, meeting=meeting, statuses=statuses)
            messages.success(request, "Attendance has been recorded.")
            response = redirect("meetings:meeting-detail", pk=meeting.pk)
            response["Location"] += "#attendance"
            return response
    context = {"form": form, "meeting": meeting, "people": people}
    return render(request, "meetings/attendance_form.html", context)


@require_http_methods(["GET", "POST"])
def decision_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    meeting: Meeting = meeting_policy.get_or_404(access, "manage", pk=pk)
    form = DecisionForm(
        posted(request),
        agenda=meeting.agenda_items.order_by("position"),
        organisations=Organisation.objects.filter(is_active=True).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision_record(access=access, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The decision has been recorded.")
            response = redirect("meetings:meeting-detail", pk=meeting.pk)
            response["Location"] += "#decisions"
            return response
    return render(request, "meetings/decision_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET"])
def attendance_statistics(request: HttpRequest) -> HttpResponse:
    """Per organisation, how often its people were present at a group's meetings in a year."""
    access = access_of(request)
    meeting_policy.require(access, "view")
    groups = Group.objects.filter(meetings__isnull=False).distinct().order_by("name")
    this_year = selectors.current_year_start()
    years = list(range(this_year, this_year - 5, -1))
    form = StatisticsForm(request.GET or None, groups=groups, years=years)
    group = groups.first()
    year = this_year
    if form.is_bound and form.is_valid():
        group = form.cleaned_data["group"] or group
        year = form.cleaned_data["year"] or year
    elif not form.is_bound:
        form = StatisticsForm(
            groups=groups, years=years, initial={"group": group, "year": str(year)}
        )
    held, rows = (
        (0, []) if group is None else selectors.attendance_statistics(group=group, year=year)
    )
    context = {"form": form, "group": group, "year": year, "held": held, "rows": rows}
    return render(request, "meetings/attendance_statistics.html", context)
