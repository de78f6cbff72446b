"""The register: every recommendation with its derived status and RAG, and its export."""

from __future__ import annotations

from io import BytesIO

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from openpyxl import Workbook

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.core.exports import cell_value, csv_lines
from safeguarding_qa.core.pages import paginate

from .. import events, selectors
from ..forms import RegisterFilterForm
from ..policies import actions_policy, recommendations_policy
from .common import organisation_choices

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filter_form(request: HttpRequest) -> RegisterFilterForm:
    return RegisterFilterForm(
        request.GET or None,
        organisations=organisation_choices(access_of(request)),
        themes=selectors.theme_choices(),
    )


@require_http_methods(["GET"])
def register(request: HttpRequest) -> HttpResponse:
    """The recommendations register, filtered, a page at a time."""
    access = access_of(request)
    recommendations_policy.require(access, "view")
    form = _filter_form(request)
    today = timezone.localdate()
    recommendations = selectors.register_list(
        access=access, filters=form.filters(), today=today
    ).only(*selectors.REGISTER_ROW_COLUMNS)
    # Only the page's rows get their figures worked out.
    paged = paginate(request, recommendations)
    page_obj = paged["page_obj"]
    page_obj.object_list = selectors.register_rows(
        recommendations=list(page_obj.object_list), today=today
    )
    context = {
        "form": form,
        "filtered": form.filtered,
        "export_query": paged["query_without_page"],
        "can_manage": recommendations_policy.can(access, "manage"),
        "can_see_actions": actions_policy.can(access, "view"),
        **paged,
    }
    return render(request, "recommendations/register.html", context)


@require_http_methods(["GET"])
def register_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The filtered register as CSV or XLSX: one row per action, every cell escaped."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    access = access_of(request)
    recommendations_policy.require(access, "view")
    today = timezone.localdate()
    filters = _filter_form(request).filters()
    recommendations = selectors.register_export_list(access=access, filters=filters, today=today)
    rows = selectors.export_rows(access=access, recommendations=recommendations, today=today)
    header = selectors.REGISTER_EXPORT_HEADER + selectors.ACTION_EXPORT_HEADER
    record_event(
        kind=events.REGISTER_EXPORTED,
        actor=access.user,
        description="Recommendations register",
        data={"format": fmt, "rows": len(rows), "filters": request.GET.dict()},
    )
    filename = f"recommendations-register-{today:%Y-%m-%d}.{fmt}"
    response: HttpResponseBase
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(_xlsx(header, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append([cell_value(name) for name in header])
    for row in rows:
        sheet.append([cell_value(value) for value in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
