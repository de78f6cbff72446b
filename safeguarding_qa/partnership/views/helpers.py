"""Small helpers the partnership pages share."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, items: Any) -> dict[str, Any]:
    """The requested page of ``items`` and the query string to keep in page links.

    A page number out of range shows the last page rather than an error.
    """
    page_obj: Page[Any] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "query_without_page": query.urlencode()}


def posted(request: HttpRequest) -> Any:
    """The submitted data on a POST (even an empty one, which must show errors), else None."""
    return request.POST if request.method == "POST" else None
