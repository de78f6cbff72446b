"""Completion and overdue rates per organisation and per source."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of

from .. import summaries
from ..policies import actions_policy


@require_http_methods(["GET"])
def register_summary(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    actions_policy.require(access, "view")
    today = timezone.localdate()
    context = {
        "by_organisation": summaries.rates_by_organisation(access=access, today=today),
        "by_source": summaries.rates_by_source(access=access, today=today),
        "today": today,
    }
    return render(request, "recommendations/summary.html", context)
