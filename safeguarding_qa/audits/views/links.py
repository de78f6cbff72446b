"""Pages linking audits to the register, the work programme and case-data samples."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.programme.policies import items as item_policy

from .. import rules
from ..forms import AuditForm
from ..link_forms import AuditRecommendationForm, ImpactForm, SampleCasesForm, unsent_samples
from ..policies import audits as audit_policy
from ..services.links import (
    PROGRAMME_KINDS,
    audit_cases_from_sample,
    audit_create_from_programme_item,
    audit_impact_record,
    audit_recommendation_record,
)
from .audits import _audit_data


@require_http_methods(["GET", "POST"])
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "recommend", pk=pk)
    form = AuditRecommendationForm(posted(request), audit=audit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recommendation = audit_recommendation_record(
                access=access,
                audit=audit,
                title=data["title"],
                text=data["text"],
                kind=data["kind"],
                organisations=list(data["organisations"]),
                action=data["action"],
                due_on=data["due_on"],
                agreed_on=data["agreed_on"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{recommendation.reference} is in the register.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/recommendation_form.html", {"form": form, "audit": audit})


@require_http_methods(["GET", "POST"])
def impact_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "impact", pk=pk)
    if audit.status not in rules.COLLATED:
        raise Http404
    form = ImpactForm(posted(request), access=access, audit=audit)
    if request.method == "POST" and form.is_valid():
        try:
            audit_impact_record(access=access, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The results have been recorded as impact evidence.")
            return redirect("audits:audit-collation", pk=audit.pk)
    return render(request, "audits/impact_form.html", {"form": form, "audit": audit})


def _programme_items(access: Any) -> Any:
    return (
        item_policy.scope(access)
        .filter(kind__in=PROGRAMME_KINDS, object_id__isnull=True, status="planned")
        .order_by("-programme__year", "quarter", "title")
    )


@require_http_methods(["GET"])
def programme_items(request: HttpRequest) -> HttpResponse:
    """Planned audits in the work programme that have not been set up yet."""
    access = access_of(request)
    audit_policy.require(access, "manage")
    context = {"items": list(_programme_items(access))}
    return render(request, "audits/programme_items.html", context)


@require_http_methods(["GET", "POST"])
def audit_from_programme(request: HttpRequest, item_pk: int) -> HttpResponse:
    access = access_of(request)
    audit_policy.require(access, "manage")
    item = _programme_items(access).select_related("target_meeting").filter(pk=item_pk).first()
    if item is None:
        raise Http404
    meeting = item.target_meeting
    initial = {
        "title": item.title,
        "theme": item.theme,
        "kind": PROGRAMME_KINDS[item.kind],
        "target_cases": 4,
        "panel_date": meeting.starts_at.date() if meeting else None,
        "terms_of_reference": item.notes,
    }
    form = AuditForm(posted(request), initial=initial, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            audit = audit_create_from_programme_item(
                access=access, item=item, scale=form.cleaned_data["scale"], **_audit_data(form)
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{audit} has been set up from the work programme.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/audit_from_programme.html", {"form": form, "item": item})


@require_http_methods(["GET", "POST"])
def cases_from_sample(request: HttpRequest, pk: int) -> HttpResponse:
    """Pick a drawn sample (GET ?sample=), then the children to add as cases."""
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    if audit.status not in rules.SETTING_UP:
        raise Http404
    samples = unsent_samples(access)
    sample_id = request.GET.get("sample") or request.POST.get("sample", "")
    sample = samples.filter(pk=sample_id).first() if sample_id.isdigit() else None
    if sample is None:
        context = {"audit": audit, "samples": list(samples), "chosen": sample_id}
        return render(request, "audits/sample_choose.html", context)
    form = SampleCasesForm(posted(request), sample=sample)
    if request.method == "POST" and form.is_valid():
        try:
            cases = audit_cases_from_sample(
                access=access,
                audit=audit,
                sample=sample,
                members=list(form.cleaned_data["members"]),
                plan_type=form.cleaned_data["plan_type"],
                plan_category=form.cleaned_data["plan_category"],
                open_for=form.cleaned_data["open_for"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{len(cases)} cases added from the sample.")
            return redirect("audits:audit-detail", pk=audit.pk)
    context = {
        "audit": audit,
        "sample": sample,
        "form": form,
        "heading": f"Add cases from {sample}",
    }
    return render(request, "audits/sample_cases_form.html", context)
