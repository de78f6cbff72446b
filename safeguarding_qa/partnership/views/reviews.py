"""Membership reviews of a group: the list, and recording one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..forms import MembershipReviewForm
from ..policies import groups as group_policy
from ..policies import membership_reviews as review_policy
from ..services.reviews import membership_review_record


@require_http_methods(["GET"])
def membership_review_list(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    group = group_policy.get_or_404(access, "view", pk=pk)
    context = {
        "group": group,
        "can_manage": review_policy.can(access, "manage"),
        **paginate(request, selectors.group_reviews(group=group)),
    }
    return render(request, "partnership/membership_review_list.html", context)


@require_http_methods(["GET", "POST"])
def membership_review_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    group = group_policy.get_or_404(access, "view", pk=pk)
    review_policy.require(access, "manage")
    form = MembershipReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            membership_review_record(access=access, group=group, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"The review of {group}'s membership has been recorded.")
            return redirect("partnership:membership-review-list", pk=group.pk)
    return render(
        request, "partnership/membership_review_form.html", {"form": form, "group": group}
    )
