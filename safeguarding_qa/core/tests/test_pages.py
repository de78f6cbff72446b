"""Paging: a fixed number of page links however long the list, other filters kept."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.test import RequestFactory

from safeguarding_qa.core.pages import paginate


def _paged(query: str) -> dict:
    return paginate(RequestFactory().get(f"/list/?{query}"), list(range(1000)), per_page=10)


def test_a_long_list_links_the_ends_and_two_pages_either_side_of_this_one() -> None:
    paged = _paged("page=50&status=open")

    assert paged["page_obj"].number == 50
    assert paged["page_numbers"] == [1, None, 48, 49, 50, 51, 52, None, 100]
    assert paged["query_without_page"] == "status=open"


def test_the_first_page_of_a_short_list_links_every_page() -> None:
    paged = paginate(RequestFactory().get("/list/"), list(range(30)), per_page=10)

    assert paged["page_numbers"] == [1, 2, 3]


def test_the_pagination_include_marks_the_current_page_and_the_gaps() -> None:
    html = render_to_string("includes/pagination.html", _paged("page=50&status=open"))

    assert html.count('class="govuk-pagination__item govuk-pagination__item--ellipses"') == 2
    assert 'aria-current="page">50</a>' in html
    assert "?status=open&amp;page=100" in html
    assert "page=20" not in html
