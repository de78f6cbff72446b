"""The audit trail's pages: the filtered list, one event, and the CSV export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.exports import csv_lines

from .forms import NOT_FILTERS, AuditEventFilterForm
from .policies import events as event_policy
from .selectors import (
    EXPORT_HEADER,
    audit_event_changes,
    audit_event_data_items,
    audit_event_export_rows,
    audit_event_page,
    audit_event_rows,
    audit_events_filtered,
)
from .services.exporting import audit_trail_export


def _filter_query(query: QueryDict) -> str:
    """The query string without the paging cursors: for pager and export links."""
    filters = query.copy()
    for name in NOT_FILTERS:
        filters.pop(name, None)
    return filters.urlencode()


def _cursor(query: QueryDict, name: str) -> int | None:
    value = query.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    """Events, newest first, 50 a page, narrowed by the filter form in the query string."""
    access = access_of(request)
    event_policy.require(access, "view")
    form = AuditEventFilterForm(request.GET, access=access)
    page = None
    if form.is_valid():
        events = audit_events_filtered(access=access, filters=form.filters())
        page = audit_event_page(
            events, before=_cursor(request.GET, "before"), after=_cursor(request.GET, "after")
        )
    context = {
        "form": form,
        "page": page,
        "rows": audit_event_rows(page.events) if page else [],
        "filter_query": _filter_query(request.GET),
        "may_export": event_policy.can(access, "export"),
    }
    return render(request, "audittrail/event_list.html", context)


@require_safe
def event_detail(request: HttpRequest, sequence: int) -> HttpResponse:
    """Everything recorded about one event, including its place in the hash chain."""
    access = access_of(request)
    event_policy.require(access, "view")
    event = event_policy.get_or_404(access, "view", sequence=sequence)
    context = {
        "event": event,
        "changes": audit_event_changes(event),
        "data_items": audit_event_data_items(event),
    }
    return render(request, "audittrail/event_detail.html", context)


@require_safe
def event_export(request: HttpRequest) -> HttpResponseBase:
    """The filtered events as a CSV file, streamed; the export itself is recorded first."""
    access = access_of(request)
    event_policy.require(access, "export")
    form = AuditEventFilterForm(request.GET, access=access)
    if not form.is_valid():
        # The list shows what is wrong with the filters.
        return redirect(f"{reverse('audittrail:event-list')}?{_filter_query(request.GET)}")
    events = audit_trail_export(access=access, filters=form.filters())
    response = StreamingHttpResponse(
        csv_lines(EXPORT_HEADER, audit_event_export_rows(events)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
