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
    page_obj: Page[Any] = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "query_without_page": query.urlencode()}


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
