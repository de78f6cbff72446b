"""The audit report: on screen for one audit, and produced as a PDF or Word file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.policies import audits as audit_policy
from safeguarding_qa.core.pages import attach_errors, posted

from .builders import audit_report_for
from .choices import DocumentKind
from .forms import DocumentFormatForm
from .policies import audit_report_allowed
from .renderers.html import render_body
from .services import document_request


def _reportable_audit(access: Access, pk: int) -> Audit:
    """The audit, fetched through the audits policy (404 outside the person's sight),
    whose report this person may read (403 otherwise, e.g. before the panel)."""
    audit = audit_policy.scope(access).filter(pk=pk).first()
    if audit is None:
        raise Http404
    if not audit_report_allowed(access, audit):
        raise PermissionDenied
    return audit


@require_http_methods(["GET"])
def audit_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report of one audit, on screen, with the way to produce it as a file."""
    audit = _reportable_audit(access_of(request), pk)
    document = audit_report_for(audit)
    context = {"audit": audit, "document": document, "body": render_body(document)}
    return render(request, "reports/audit_report.html", context)


@require_http_methods(["GET", "POST"])
def audit_report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """Produce the audit report as a PDF or Word file (made by a background task)."""
    access = access_of(request)
    audit = _reportable_audit(access, pk)
    form = DocumentFormatForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            document = document_request(
                access=access,
                kind=DocumentKind.AUDIT_REPORT,
                format=form.cleaned_data["format"],
                subject=audit,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{document.title} is being produced.")
            return redirect("reports:document-detail", pk=document.pk)
    return render(request, "reports/audit_report_generate.html", {"form": form, "audit": audit})
