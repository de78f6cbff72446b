"""An organisation's return: its answers, editing, submission, moderation and responses."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import rules, selectors
from ..forms import AnswerForm, ChallengeResponseForm, ModerationForm, RegisterActionForm
from ..policies import answers as answer_policy
from ..policies import self_assessments as return_policy
from ..services.register import planned_actions_to_register
from ..services.returns import (
    answer_moderate,
    answer_save,
    challenge_respond,
    self_assessment_submit,
)


@require_safe
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One organisation's answers to every standard, beside last round's agreed rating."""
    access = access_of(request)
    self_assessment = return_policy.get_or_404(access, "view", pk=pk)
    rows = selectors.return_answers(self_assessment=self_assessment)
    for row in rows:
        row.can_moderate = answer_policy.can(access, "moderate", row.answer)
        row.can_respond = answer_policy.can(access, "respond", row.answer)
        row.can_send = answer_policy.can(access, "to_register", row.answer)
    context = {
        "self_assessment": self_assessment,
        "round": self_assessment.round,
        "rows": rows,
        "late": rules.is_late(self_assessment, self_assessment.round),
        "can_complete": return_policy.can(access, "complete", self_assessment),
        "missing": len(rules.missing_ratings([row.answer for row in rows])),
    }
    return render(request, "selfassessment/return_detail.html", context)


@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    access = access_of(request)
    answer = answer_policy.scope(access).filter(pk=answer_pk, self_assessment_id=pk).first()
    if answer is None:
        raise Http404
    return_policy.require(access, "complete", answer.self_assessment)
    initial = {
        "self_rating": answer.self_rating,
        "evidence": answer.evidence,
        "planned_actions": answer.planned_actions,
    }
    form = AnswerForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            answer_save(access=access, answer=answer, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Your answer to standard {answer.standard} is saved.")
            return redirect("selfassessment:return-detail", pk=answer.self_assessment_id)
    context = {"form": form, "answer": answer, "self_assessment": answer.self_assessment}
    return render(request, "selfassessment/answer_form.html", context)


@require_http_methods(["GET", "POST"])
def return_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then submit the return to the QA subgroup."""
    access = access_of(request)
    self_assessment = return_policy.get_or_404(access, "complete", pk=pk)
    error = ""
    if request.method == "POST":
        try:
            self_assessment_submit(access=access, self_assessment=self_assessment)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{self_assessment.organisation}'s return is submitted.")
            return redirect("selfassessment:return-detail", pk=self_assessment.pk)
    context = {
        "self_assessment": self_assessment,
        "error": error,
        "late": rules.is_late(self_assessment, self_assessment.round),
    }
    return render(request, "selfassessment/return_submit.html", context)


@require_http_methods(["GET", "POST"])
def answer_moderate_view(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    access = access_of(request)
    answer = answer_policy.get_or_404(access, "moderate", pk=answer_pk, self_assessment_id=pk)
    initial = {"moderated_rating": answer.moderated_rating, "note": answer.moderation_note}
    form = ModerationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            answer_moderate(access=access, answer=answer, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"Moderation of {answer.self_assessment.organisation} on standard "
                f"{answer.standard.number} is recorded.",
            )
            return redirect("selfassessment:return-detail", pk=answer.self_assessment_id)
    return render(request, "selfassessment/answer_moderate.html", {"form": form, "answer": answer})


@require_http_methods(["GET", "POST"])
def answer_respond(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    access = access_of(request)
    answer = answer_policy.get_or_404(access, "respond", pk=answer_pk, self_assessment_id=pk)
    initial = {"self_rating": answer.self_rating, "response": answer.challenge_response}
    form = ChallengeResponseForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            challenge_respond(access=access, answer=answer, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "Your response has been sent to the QA subgroup.")
            return redirect("selfassessment:return-detail", pk=answer.self_assessment_id)
    return render(request, "selfassessment/answer_respond.html", {"form": form, "answer": answer})


@require_http_methods(["GET", "POST"])
def answer_to_register(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    """Confirm turning an answer's planned actions into an action in the register."""
    access = access_of(request)
    answer = answer_policy.get_or_404(access, "to_register", pk=answer_pk, self_assessment_id=pk)
    form = RegisterActionForm(posted(request), initial={"description": answer.planned_actions})
    if request.method == "POST" and form.is_valid():
        try:
            action = planned_actions_to_register(access=access, answer=answer, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"The planned actions on standard {answer.standard.number} are now an action "
                f"for {answer.self_assessment.organisation} in the register.",
            )
            return redirect("recommendations:action-detail", pk=action.pk)
    return render(
        request, "selfassessment/answer_to_register.html", {"form": form, "answer": answer}
    )
