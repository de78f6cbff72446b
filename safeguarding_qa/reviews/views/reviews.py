"""The practice reviews register: list, detail, add, change, milestones and the overview."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.recommendations.policies import recommendations_policy

from .. import selectors
from ..forms import (
    MilestoneEditForm,
    MilestoneForm,
    ReviewFilterForm,
    ReviewForm,
    ReviewRecommendationForm,
)
from ..policies import incidents as incident_policy
from ..policies import information_requests as request_policy
from ..policies import milestones as milestone_policy
from ..policies import practice_reviews as review_policy
from ..services.recommendations import review_recommendation_add
from ..services.reviews import (
    REVIEW_FIELDS,
    milestone_add,
    milestone_update,
    review_create,
    review_update,
)


@require_http_methods(["GET"])
def review_list(request: HttpRequest) -> HttpResponse:
    """The register of practice reviews, filtered by kind and year, 25 to a page."""
    access = access_of(request)
    review_policy.require(access, "view")
    form = ReviewFilterForm(request.GET or None, years=selectors.review_years())
    reviews = selectors.review_list(access=access, **form.filters())
    context = {
        "form": form,
        "can_manage": review_policy.can(access, "manage"),
        "can_see_incidents": incident_policy.can(access, "view"),
        "can_see_requests": request_policy.can(access, "view"),
        **paginate(request, reviews),
    }
    return render(request, "reviews/review_list.html", context)


@require_http_methods(["GET"])
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    review = review_policy.get_or_404(access, "view", pk=pk)
    today = timezone.localdate()
    recommendations, compliance = selectors.review_recommendations(
        access=access, review=review, today=today
    )
    can_manage = review_policy.can(access, "manage", review)
    context = {
        "review": review,
        "milestones": list(review.milestones.all()),
        "incident": selectors.incident_for_review(access=access, review=review),
        "today": today,
        "can_manage": can_manage,
        "recommendations": recommendations,
        "compliance": compliance,
        "can_add_recommendation": can_manage and recommendations_policy.can(access, "manage"),
    }
    return render(request, "reviews/review_detail.html", context)


@require_http_methods(["GET", "POST"])
def review_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    review_policy.require(access, "manage")
    form = ReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            review = review_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{review} has been added to the register.")
            return redirect("reviews:review-detail", pk=review.pk)
    return render(request, "reviews/review_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    review = review_policy.get_or_404(access, "manage", pk=pk)
    form = ReviewForm(
        posted(request), initial={name: getattr(review, name) for name in REVIEW_FIELDS}
    )
    if request.method == "POST" and form.is_valid():
        try:
            review_update(access=access, review=review, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{review} has been changed.")
            return redirect("reviews:review-detail", pk=review.pk)
    return render(request, "reviews/review_form.html", {"form": form, "review": review})


@require_http_methods(["GET", "POST"])
def review_recommendation_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a recommendation to the register with this review as its source."""
    access = access_of(request)
    review = review_policy.get_or_404(access, "manage", pk=pk)
    recommendations_policy.require(access, "manage")
    form = ReviewRecommendationForm(
        posted(request),
        organisations=Organisation.objects.filter(is_active=True).order_by("name"),
        initial={"themes": review.themes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = review_recommendation_add(
                access=access, review=review, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"Recommendation {recommendation.reference} has been added to the register. "
                "Add each organisation's actions from its page in the register.",
            )
            return redirect("reviews:review-detail", pk=review.pk)
    context = {"form": form, "review": review}
    return render(request, "reviews/review_recommendation_form.html", context)


@require_http_methods(["GET", "POST"])
def milestone_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    review = review_policy.get_or_404(access, "manage", pk=pk)
    form = MilestoneForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            milestone = milestone_add(access=access, review=review, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{milestone.get_kind_display()} has been added.")
            return redirect("reviews:review-detail", pk=review.pk)
    return render(request, "reviews/milestone_form.html", {"form": form, "review": review})


@require_http_methods(["GET", "POST"])
def milestone_edit_view(request: HttpRequest, review_pk: int, pk: int) -> HttpResponse:
    access = access_of(request)
    milestone = milestone_policy.get_or_404(access, "manage", pk=pk, review_id=review_pk)
    initial = {
        "due_on": milestone.due_on,
        "completed_on": milestone.completed_on,
        "notes": milestone.notes,
    }
    form = MilestoneEditForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            milestone_update(access=access, milestone=milestone, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{milestone.get_kind_display()} has been changed.")
            return redirect("reviews:review-detail", pk=milestone.review_id)
    context = {"form": form, "review": milestone.review, "milestone": milestone}
    return render(request, "reviews/milestone_form.html", context)


@require_http_methods(["GET"])
def overview(request: HttpRequest) -> HttpResponse:
    """Incidents this year and last, their stages and timeliness, and review themes."""
    access = access_of(request)
    review_policy.require(access, "view")
    context = selectors.overview(today=timezone.localdate())
    return render(request, "reviews/overview.html", context)
