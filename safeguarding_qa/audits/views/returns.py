"""Agency returns: read one, complete it (draft or submit), reopen it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.core.pages import attach_errors, posted

from .. import events, selectors
from ..attachments import CONTENT_TYPES
from ..forms import ReasonForm, ReturnForm, return_initial
from ..policies import returns as return_policy
from ..services.returns import NARRATIVE_FIELDS, return_reopen, return_save


@require_http_methods(["GET"])
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    agency_return = return_policy.get_or_404(access, "view", pk=pk)
    context = {
        "agency_return": agency_return,
        "case": agency_return.case,
        "audit": agency_return.case.audit,
        "answers": selectors.return_answers(agency_return=agency_return),
        "can_complete": return_policy.can(access, "complete", agency_return),
        "can_reopen": return_policy.can(access, "reopen", agency_return),
    }
    return render(request, "audits/return_detail.html", context)


@require_http_methods(["GET", "POST"])
def return_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    agency_return = return_policy.get_or_404(access, "complete", pk=pk)
    answers = selectors.return_answers(agency_return=agency_return)
    form = ReturnForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial=return_initial(agency_return, answers),
        agency_return=agency_return,
        aims=[aim for aim, _ in answers],
    )
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            return_save(
                access=access,
                agency_return=agency_return,
                version=form.cleaned_data["version"],
                submit=submit,
                answers=form.answers(),
                overall_grade=form.cleaned_data["overall_grade"],
                attachment=form.cleaned_data["attachment"],
                **{name: form.cleaned_data[name] for name in NARRATIVE_FIELDS},
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            done = "submitted" if submit else "saved as a draft"
            messages.success(request, f"The return has been {done}.")
            if submit:
                return redirect("audits:return-detail", pk=agency_return.pk)
            return redirect("audits:return-edit", pk=agency_return.pk)
    context = {"form": form, "agency_return": agency_return, "case": agency_return.case}
    return render(request, "audits/return_form.html", context)


@require_http_methods(["GET", "POST"])
def return_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    agency_return = return_policy.get_or_404(access, "reopen", pk=pk)
    form = ReasonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            return_reopen(
                access=access, agency_return=agency_return, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The return has been reopened.")
            return redirect("audits:return-detail", pk=agency_return.pk)
    return render(
        request, "audits/return_reopen.html", {"form": form, "agency_return": agency_return}
    )


@require_http_methods(["GET"])
def return_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Download the agency's own audit tool; every download is an audit event."""
    access = access_of(request)
    agency_return = return_policy.get_or_404(access, "view", pk=pk)
    if not agency_return.attachment or agency_return.attachment_kind not in CONTENT_TYPES:
        raise Http404
    with transaction.atomic():
        record_event(
            kind=events.ATTACHMENT_DOWNLOADED,
            actor=access.user,
            target=agency_return,
            organisation=agency_return.organisation,
        )
    kind = agency_return.attachment_kind
    name = f"audit-tool-{agency_return.case.reference}-{agency_return.organisation_id}.{kind}"
    return FileResponse(
        agency_return.attachment.open("rb"),
        as_attachment=True,
        filename=name.replace(" ", "-").lower(),
        content_type=CONTENT_TYPES[kind],
    )
