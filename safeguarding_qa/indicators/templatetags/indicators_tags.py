"""Formatting figures the same way on every dashboard page."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django import template
from django.template import Context
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe

from safeguarding_qa.core.choices import RAG

from ..selectors import IndicatorRow

register = template.Library()


def _plain(value: Decimal | float, places: int) -> str:
    return f"{float(value):,.{places}f}"


@register.filter
def figure(value: Any, unit: str) -> str:
    """85.3%, 519.2, 1,234, 14.5 days; an en dash when there is no figure."""
    if value is None or value == "":
        return "–"
    if unit == "percentage":
        return f"{_plain(value, 1)}%"
    if unit == "count":
        return _plain(value, 0) if float(value) == int(float(value)) else _plain(value, 1)
    if unit == "days":
        return f"{_plain(value, 1)} days"
    return _plain(value, 1)


@register.filter
def change(value: Any, unit: str) -> str:
    """A signed change: +2.1 points for percentages, +12 for counts."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    if unit == "percentage":
        return f"{sign}{_plain(value, 1)} points"
    return f"{sign}{figure(value, unit if unit != 'percentage' else 'rate')}"


# One dashboard row, built here rather than in the template: the dashboard shows every
# active indicator, and resolving some thirty template variables, an include and a URL tag
# per row cost more than the rest of the page. The markup is the same as the template's was.
_DASHBOARD_ROW = (
    '\n    <tr class="govuk-table__row">\n'
    '      <th scope="row" class="govuk-table__header"><a class="govuk-link" href="{url}">'
    '{title}</a><br><span class="govuk-body-s">{organisation} · {polarity}</span></th>\n'
    '      <td class="govuk-table__cell govuk-table__cell--numeric">{latest}{month}</td>\n'
    '      <td class="govuk-table__cell govuk-table__cell--numeric">{target}</td>\n'
    '      <td class="govuk-table__cell">{rag}</td>\n'
    '      <td class="govuk-table__cell govuk-table__cell--numeric">{change_quarter}</td>\n'
    '      <td class="govuk-table__cell govuk-table__cell--numeric">{change_year}</td>\n'
    '      <td class="govuk-table__cell govuk-table__cell--numeric">{england}{england_year}</td>\n'
    '      <td class="govuk-table__cell">{sparkline}</td>\n'
    "    </tr>\n    "
)
_SMALL = '<br><span class="govuk-body-s">{}</span>'


def rag_tag(rag: RAG | None) -> SafeString:
    """The rating as a GOV.UK tag, or "No rating" (as ``includes/rag_tag.html``)."""
    if rag:
        return format_html('<strong class="govuk-tag {}">{}</strong>\n', rag.tag_class, rag.label)
    return mark_safe('<span class="govuk-body-s">No rating</span>\n')  # noqa: S308 (constant)


_CODE = "__code__"
_DETAIL_URL_KEY = "indicators_tags.detail_url"  # kept for one page's render


def _detail_url(context: Context, code: str) -> str:
    """An indicator page's address. ``reverse`` is resolved once per page and the code put
    in its place (quoted as ``reverse`` quotes it): reversing for each of forty rows cost
    a few milliseconds."""
    pattern = context.render_context.get(_DETAIL_URL_KEY)
    if pattern is None:
        pattern = reverse("indicators:indicator-detail", args=[_CODE])
        context.render_context[_DETAIL_URL_KEY] = pattern
    return str(pattern).replace(_CODE, quote(code, safe=RFC3986_SUBDELIMS + "/~:@"))


def _text(value: object) -> str:
    """Escaped as the template (and ``django.utils.html.escape``) escapes text; straight
    from the standard library, as Django's lazy-aware wrapper cost more than the row."""
    return html.escape(str(value))


@register.simple_tag(takes_context=True)
def dashboard_row(context: Context, row: IndicatorRow) -> SafeString:
    """The dashboard's table row for one indicator."""
    indicator = row.indicator
    unit = indicator.unit
    organisation = indicator.organisation
    month = row.latest_period
    markup = _DASHBOARD_ROW.format(
        url=_text(_detail_url(context, indicator.code)),
        title=_text(indicator.title),
        organisation=_text(organisation.short_name or organisation.name),
        polarity=_text(indicator.get_polarity_display()),
        latest=_text(figure(row.latest, unit)),
        month=_SMALL.format(_text(month.label)) if month is not None and month.is_month else "",
        target=_text(figure(indicator.target, unit)),
        rag=rag_tag(row.rag),
        change_quarter=_text(change(row.change_quarter, unit)),
        change_year=_text(change(row.change_year, unit)),
        england=_text(figure(indicator.england_value, unit)),
        england_year=_SMALL.format(_text(indicator.england_year)) if indicator.england_year else "",
        # Already safe: SVG built from numbers and an escaped label.
        sparkline=row.sparkline,
    )
    return mark_safe(markup)  # noqa: S308  (every value above is escaped or already safe)
