"""Audits: the list, set-up, aims, stages, and the question bank."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.casedata.policies import samples as sample_policy
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import rules, selectors
from ..choices import AuditStatus
from ..forms import (
    AddQuestionsForm,
    AuditForm,
    CaseForm,
    QuestionForm,
    ScaleForm,
    WriteAimForm,
)
from ..models import GradingScale
from ..policies import audits as audit_policy
from ..policies import cases as case_policy
from ..policies import live_concerns as concern_policy
from ..policies import questions as question_policy
from ..selectors import recommendation_context
from ..services.audits import (
    audit_add_questions,
    audit_create,
    audit_move,
    audit_update,
    audit_write_aim,
    question_create,
    scale_create,
)
from ..services.cases import case_add

_AUDIT_FIELDS = (
    "title",
    "theme",
    "kind",
    "target_cases",
    "returns_due",
    "panel_date",
    "terms_of_reference",
)


@require_http_methods(["GET"])
def audit_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    audit_policy.require(access, "view")
    status = request.GET.get("status", "")
    context = {
        "can_manage": audit_policy.can(access, "manage"),
        "statuses": AuditStatus.choices,
        "status": status,
        **paginate(request, selectors.audit_list(access=access, status=status)),
    }
    return render(request, "audits/audit_list.html", context)


@require_http_methods(["GET"])
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "view", pk=pk)
    can_collate = audit_policy.can(access, "collation", audit)
    context = {
        "audit": audit,
        "aims": list(audit.aims.all()),
        "organisations": list(audit.organisations.order_by("name")),
        "cases": list(selectors.audit_cases(access=access, audit=audit)),
        "can_manage": audit_policy.can(access, "manage", audit),
        "can_collate": can_collate,
        "can_panel": audit_policy.can(access, "panel", audit),
        "can_acknowledge": concern_policy.can(access, "acknowledge"),
        "concerns": selectors.open_live_concerns(audit=audit),
        "completeness": selectors.return_completeness(audit=audit) if can_collate else [],
        "next_status": rules.next_status(audit.status),
        "setting_up": audit.status in rules.SETTING_UP,
        "cases_open": audit.status in rules.CASES_OPEN,
        "sees_cases": case_policy.can(access, "view"),
        "practice_reviews": list(audit.practice_reviews.order_by("name")),
        "can_use_samples": sample_policy.can(access, "draw"),
        **recommendation_context(access, audit),
    }
    return render(request, "audits/audit_detail.html", context)


def _audit_data(form: AuditForm) -> dict[str, Any]:
    data = {name: form.cleaned_data[name] for name in _AUDIT_FIELDS}
    data["organisations"] = list(form.cleaned_data["organisations"])
    data["practice_reviews"] = list(form.cleaned_data["practice_reviews"])
    return data


@require_http_methods(["GET", "POST"])
def audit_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    audit_policy.require(access, "manage")
    form = AuditForm(posted(request), initial={"target_cases": 4}, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            audit = audit_create(
                access=access, scale=form.cleaned_data["scale"], **_audit_data(form)
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{audit} has been set up. Add its aims and cases next.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/audit_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def audit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    initial: dict[str, Any] = {name: getattr(audit, name) for name in _AUDIT_FIELDS}
    initial["organisations"] = list(audit.organisations.all())
    initial["practice_reviews"] = list(audit.practice_reviews.all())
    form = AuditForm(posted(request), initial=initial, audit=audit, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            audit_update(access=access, audit=audit, **_audit_data(form))
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{audit} has been changed.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/audit_form.html", {"form": form, "audit": audit})


@require_http_methods(["GET", "POST"])
def audit_add_questions_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    form = AddQuestionsForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            added = audit_add_questions(
                access=access, audit=audit, questions=list(form.cleaned_data["questions"])
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{added} aim{'s' if added != 1 else ''} added.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/aim_bank_form.html", {"form": form, "audit": audit})


@require_http_methods(["GET", "POST"])
def audit_write_aim_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    form = WriteAimForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            audit_write_aim(access=access, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The aim has been added.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/aim_write_form.html", {"form": form, "audit": audit})


@require_http_methods(["GET", "POST"])
def audit_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then move the audit to its next stage."""
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    target = rules.next_status(audit.status)
    if target is None:
        raise Http404
    problems = rules.transition_problems(audit, target)
    if request.method == "POST" and not problems:
        try:
            audit_move(access=access, audit=audit, target=target)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, f"{audit} is now at the {target.label.lower()} stage.")
            return redirect("audits:audit-detail", pk=audit.pk)
    context = {"audit": audit, "target": target, "problems": problems}
    return render(request, "audits/audit_move.html", context, status=200)


@require_http_methods(["GET", "POST"])
def case_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "manage", pk=pk)
    form = CaseForm(
        posted(request), initial={"reference": f"Case {chr(65 + audit.cases.count() % 26)}"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            case = case_add(access=access, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{case} has been added.")
            return redirect("audits:audit-detail", pk=audit.pk)
    return render(request, "audits/case_form.html", {"form": form, "audit": audit})


@require_http_methods(["GET"])
def question_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    question_policy.require(access, "view")
    questions = question_policy.scope(access).filter(is_active=True)
    context = {
        "can_manage": question_policy.can(access, "manage"),
        **paginate(request, questions, per_page=50),
    }
    return render(request, "audits/question_list.html", context)


@require_http_methods(["GET", "POST"])
def question_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    question_policy.require(access, "manage")
    form = QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            question_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The question has been added to the bank.")
            return redirect("audits:question-list")
    return render(request, "audits/question_form.html", {"form": form})


@require_http_methods(["GET"])
def scale_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    question_policy.require(access, "view")
    context = {
        "scales": list(GradingScale.objects.prefetch_related("grades")),
        "can_manage": question_policy.can(access, "manage"),
    }
    return render(request, "audits/scale_list.html", context)


@require_http_methods(["GET", "POST"])
def scale_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    question_policy.require(access, "manage")
    form = ScaleForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scale_create(
                access=access,
                name=data["name"],
                description=data["description"],
                labels=str(data["grades"]).splitlines(),
                needing_evidence=data["needing_evidence"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The grading scale has been added.")
            return redirect("audits:scale-list")
    return render(request, "audits/scale_form.html", {"form": form})
