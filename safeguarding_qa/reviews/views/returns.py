"""Agencies' information returns: each agency sees and returns only its own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import rules, selectors
from ..forms import ReturnForm
from ..policies import information_requests as request_policy
from ..services.returns import information_record_view, information_return_submit


@require_http_methods(["GET"])
def return_list(request: HttpRequest) -> HttpResponse:
    """The information requests put to this person's agency (all of them for the group)."""
    access = access_of(request)
    request_policy.require(access, "view")
    context = {
        "today": timezone.localdate(),
        **paginate(request, selectors.my_requests(access=access)),
    }
    return render(request, "reviews/return_list.html", context)


@require_http_methods(["GET"])
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    info = request_policy.get_or_404(access, "view", pk=pk)
    information_record_view(access=access, request=info, page="detail")
    context = {
        "info": info,
        "late": rules.return_is_late(info, timezone.localdate()),
        "can_submit": request_policy.can(access, "submit", info),
    }
    return render(request, "reviews/return_detail.html", context)


@require_http_methods(["GET", "POST"])
def return_submit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    info = request_policy.get_or_404(access, "submit", pk=pk)
    form = ReturnForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            information_return_submit(access=access, request=info, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your agency's information has been returned.")
            return redirect("reviews:return-detail", pk=info.pk)
    return render(request, "reviews/return_form.html", {"form": form, "info": info})


@require_http_methods(["GET"])
def return_attachment(request: HttpRequest, pk: int) -> FileResponse:
    access = access_of(request)
    info = request_policy.get_or_404(access, "view", pk=pk)
    if not info.attachment:
        raise Http404
    information_record_view(access=access, request=info, page="attachment")
    name = (info.attachment.name or "attachment").rsplit("/", 1)[-1]
    return FileResponse(info.attachment.open("rb"), as_attachment=True, filename=name)
