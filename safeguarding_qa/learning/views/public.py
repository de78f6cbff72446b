"""Public briefing pages: no sign-in, published briefings only, nothing else."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.core.pages import paginate

from .. import selectors
from ..documents import briefing_pdf
from ..models import LearningBriefing


def _published_or_404(slug: str) -> LearningBriefing:
    briefing = selectors.published_briefing(slug=slug)
    if briefing is None:
        raise Http404
    return briefing


@login_not_required
@require_http_methods(["GET"])
def public_list(request: HttpRequest) -> HttpResponse:
    context = paginate(request, selectors.published_briefings())
    return render(request, "learning/public_list.html", context)


@login_not_required
@require_http_methods(["GET"])
def public_detail(request: HttpRequest, slug: str) -> HttpResponse:
    briefing = _published_or_404(slug)
    return render(request, "learning/public_detail.html", {"briefing": briefing})


@login_not_required
@require_http_methods(["GET"])
def public_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    briefing = _published_or_404(slug)
    response = HttpResponse(briefing_pdf(briefing), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{briefing.slug}.pdf"'
    return response
