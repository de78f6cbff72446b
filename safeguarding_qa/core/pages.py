"""Helpers every app's views share: pagination, posted data, service errors on forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, items: Any, *, per_page: int = PAGE_SIZE) -> dict[str, Any]:
    """The requested page of ``items`` and the query string to keep in page links
    (``includes/pagination.html``). A page number out of range shows the last page."""
    paginator: Paginator[Any] = Paginator(items, per_page)
    page_obj: Page[Any] = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    # The first and last pages, two either side of this one, and gaps as None: a fixed
    # number of links however many pages there are (the template never walks them all).
    page_numbers = [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {
        "page_obj": page_obj,
        "page_numbers": page_numbers,
        "query_without_page": query.urlencode(),
    }


def posted(request: HttpRequest) -> Any:
    """The submitted data on a POST (even an empty one, which must show errors), else None."""
    return request.POST if request.method == "POST" else None


def attach_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form, beside the field it names when the
    form has that field, otherwise at the top of the error summary."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, ValidationError(errors))
    else:
        form.add_error(None, error)
