"""Drafting a briefing from an audit or a practice review: the form arrives pre-filled
with a first draft of the seven sections, and the briefing records what it draws on."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audits.policies import audits as audit_policy
from safeguarding_qa.core.pages import attach_errors, posted
from safeguarding_qa.reviews.policies import practice_reviews as review_policy

from ..drafting import draft_from_audit, draft_from_review
from ..forms import BriefingForm
from ..policies import briefings as briefing_policy
from ..services.briefings import briefing_create


def _draft_page(
    request: HttpRequest, source: Model, draft: dict[str, str], action: str, back: str
) -> HttpResponse:
    access = access_of(request)
    form = BriefingForm(posted(request), initial=draft)
    if request.method == "POST" and form.is_valid():
        try:
            briefing = briefing_create(access=access, source=source, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{briefing} has been drafted.")
            return redirect("learning:briefing-detail", pk=briefing.pk)
    context: dict[str, Any] = {
        "form": form,
        "source": source,
        "form_action": action,
        "back_url": back,
    }
    return render(request, "learning/briefing_form.html", context)


@require_http_methods(["GET", "POST"])
def briefing_from_audit(request: HttpRequest, audit_id: int) -> HttpResponse:
    """Draft a briefing from an audit's collated outcomes (404 outside the person's
    sight; 403 for those who do not draft briefings or see the audit's outcomes)."""
    access = access_of(request)
    audit = audit_policy.get_or_404(access, "collation", pk=audit_id)
    briefing_policy.require(access, "manage")
    draft = {} if request.method == "POST" else draft_from_audit(audit)
    action = reverse("learning:briefing-from-audit", args=[audit.pk])
    return _draft_page(
        request, audit, draft, action, reverse("audits:audit-detail", args=[audit.pk])
    )


@require_http_methods(["GET", "POST"])
def briefing_from_review(request: HttpRequest, review_id: int) -> HttpResponse:
    """Draft a briefing from a practice review and its recommendations."""
    access = access_of(request)
    review = review_policy.get_or_404(access, "view", pk=review_id)
    briefing_policy.require(access, "manage")
    draft = {} if request.method == "POST" else draft_from_review(review)
    action = reverse("learning:briefing-from-review", args=[review.pk])
    back = reverse("reviews:review-detail", args=[review.pk])
    return _draft_page(request, review, draft, action, back)
