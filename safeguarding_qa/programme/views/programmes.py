"""Work programme pages: the years, one year's programme, starting and copying forward."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import attach_errors, paginate, posted

from .. import selectors
from ..forms import ProgrammeForm
from ..models import WorkProgramme
from ..plugins import theme_suggestions
from ..policies import programmes as programme_policy
from ..services.programmes import programme_copy_forward, programme_create


@require_http_methods(["GET"])
def programme_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    programme_policy.require(access, "view")
    context = {
        "can_manage": programme_policy.can(access, "manage"),
        "current_year": selectors.current_year(),
        **paginate(request, selectors.programme_list(access=access)),
    }
    return render(request, "programme/programme_list.html", context)


@require_http_methods(["GET"])
def programme_detail(request: HttpRequest, year: int) -> HttpResponse:
    """A year's items with the policy warnings and theme suggestions."""
    access = access_of(request)
    programme: WorkProgramme = programme_policy.get_or_404(access, "view", year=year)
    items = selectors.programme_items(programme=programme)
    can_manage = programme_policy.can(access, "manage", programme)
    context = {
        "programme": programme,
        "items": items,
        "summary": selectors.programme_summary(items=items),
        "suggestions": theme_suggestions(programme),
        "can_manage": can_manage,
        "can_copy_forward": can_manage
        and not WorkProgramme.objects.filter(year=programme.year + 1).exists(),
    }
    return render(request, "programme/programme_detail.html", context)


@require_http_methods(["GET", "POST"])
def programme_create_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    programme_policy.require(access, "manage")
    this_year = selectors.current_year()
    years = list(range(this_year - 1, this_year + 3))
    form = ProgrammeForm(posted(request), years=years, initial={"year": str(this_year)})
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_create(access=access, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"The {programme.label} work programme has been started.")
            return redirect("programme:programme-detail", year=programme.year)
    return render(request, "programme/programme_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def programme_copy_forward_view(request: HttpRequest, year: int) -> HttpResponse:
    """Confirm, then start next year's programme from this one."""
    access = access_of(request)
    programme: WorkProgramme = programme_policy.get_or_404(access, "manage", year=year)
    error = ""
    if request.method == "POST":
        try:
            following = programme_copy_forward(access=access, programme=programme)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request, f"The {following.label} work programme has been started from this one."
            )
            return redirect("programme:programme-detail", year=following.year)
    context = {"programme": programme, "next_year": programme.year + 1, "error": error}
    return render(
        request,
        "programme/programme_copy_forward.html",
        context,
        status=400 if error else 200,
    )
