"""One recommendation: add, see, change, its history, impact evidence, marking embedded."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, posted

from .. import history, rules, selectors
from ..forms import EmbedForm, ImpactEvidenceForm, RecommendationForm
from ..models import Recommendation
from ..policies import actions_policy, recommendations_policy
from ..services.recommendations import (
    impact_evidence_add,
    recommendation_create,
    recommendation_mark_embedded,
    recommendation_update,
)
from .common import organisation_choices

_FIELDS = ("title", "text", "rationale", "kind", "source_kind", "source_label", "agreed_on")


@require_http_methods(["GET"])
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    recommendation = recommendations_policy.get_or_404(access, "view", pk=pk)
    today = timezone.localdate()
    summary = selectors.recommendation_summary(recommendation=recommendation, today=today)
    actions = list(
        selectors.recommendation_actions(access=access, recommendation=recommendation, today=today)
    )
    evidence = list(selectors.recommendation_evidence(access=access, recommendation=recommendation))
    context = {
        "recommendation": summary,
        "themes": list(recommendation.themes.all()),
        "leads": list(recommendation.lead_organisations.all()),
        "actions": actions,
        "hidden_actions": summary.n_actions - len(actions),  # type: ignore[attr-defined]
        "evidence": evidence,
        "can_manage": recommendations_policy.can(access, "manage", recommendation),
        "can_embed": recommendations_policy.can(access, "embed", recommendation)
        and not recommendation.is_embedded,
        "can_add_action": actions_policy.can(access, "manage"),
    }
    return render(request, "recommendations/recommendation_detail.html", context)


@require_http_methods(["GET", "POST"])
def recommendation_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    recommendations_policy.require(access, "manage")
    form = RecommendationForm(posted(request), organisations=organisation_choices(access))
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = recommendation_create(actor=access.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Recommendation {recommendation.reference} has been added.")
            return redirect("recommendations:recommendation-detail", pk=recommendation.pk)
    return render(request, "recommendations/recommendation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    recommendation: Recommendation = recommendations_policy.get_or_404(access, "manage", pk=pk)
    initial = {name: getattr(recommendation, name) for name in _FIELDS}
    initial["themes"] = ", ".join(theme.name for theme in recommendation.themes.all())
    initial["lead_organisations"] = list(recommendation.lead_organisations.all())
    form = RecommendationForm(
        posted(request), initial=initial, organisations=organisation_choices(access)
    )
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_update(
                actor=access.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, f"Recommendation {recommendation.reference} has been changed."
            )
            return redirect("recommendations:recommendation-detail", pk=recommendation.pk)
    context = {"form": form, "recommendation": recommendation}
    return render(request, "recommendations/recommendation_form.html", context)


@require_http_methods(["GET"])
def recommendation_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every recorded change to the recommendation, its actions, progress and evidence."""
    access = access_of(request)
    recommendation = recommendations_policy.get_or_404(access, "view", pk=pk)
    entries = history.recommendation_history(access=access, recommendation=recommendation)
    context = {"recommendation": recommendation, "entries": entries}
    return render(request, "recommendations/recommendation_history.html", context)


@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    recommendation: Recommendation = recommendations_policy.get_or_404(access, "manage", pk=pk)
    form = ImpactEvidenceForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            impact_evidence_add(
                actor=access.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, "The impact evidence has been added.")
            return redirect("recommendations:recommendation-detail", pk=recommendation.pk)
    context = {"form": form, "recommendation": recommendation}
    return render(request, "recommendations/evidence_form.html", context)


@require_http_methods(["GET", "POST"])
def recommendation_embed(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the mark; refused with a clear reason without evidence."""
    access = access_of(request)
    recommendation: Recommendation = recommendations_policy.get_or_404(access, "embed", pk=pk)
    problem = rules.can_mark_embedded(
        evidence_count=recommendation.impact_evidence.count(),
        already_embedded=recommendation.is_embedded,
    )
    form = EmbedForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_mark_embedded(
                actor=access.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{recommendation.reference} is marked as embedded.")
            return redirect("recommendations:recommendation-detail", pk=recommendation.pk)
    context = {"form": form, "recommendation": recommendation, "problem": problem}
    return render(request, "recommendations/recommendation_embed.html", context)
