"""The dashboard's fast paths give what the general ones give: an organisation's return
counts for "what needs me" match ``returns_status``, and a dashboard row links to the
indicator's page as ``reverse`` would."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.indicators import selectors
from safeguarding_qa.indicators.selectors import IndicatorRow
from safeguarding_qa.indicators.templatetags.indicators_tags import _detail_url

from .conftest import add_values
from .test_monthly import MONTHLY, _months


@pytest.mark.django_db
def test_return_counts_match_the_returns_status_for_each_period_in_one_query(seeded):
    ehe = seeded.indicators[MONTHLY]
    months = _months(seeded)
    organisation = ehe.organisation
    owned = [i for i in seeded.indicators.values() if i.organisation_id == organisation.pk]
    add_values(ehe, months[-1:], [12])
    for indicator in [i for i in owned if i.frequency == "quarterly"][:1]:
        add_values(indicator, [seeded.latest], [5])
    periods = [seeded.latest, months[-1]]
    with CaptureQueriesContext(connection) as captured:
        counts = selectors.return_counts(periods=periods, organisation_id=organisation.pk)
    assert len(captured.captured_queries) == 1
    expected = []
    for period in periods:
        for status in selectors.returns_status(period=period, organisation_ids=[organisation.pk]):
            expected.append((period, status.expected, status.received, status.late))
    assert [(c.period, c.expected, c.received, c.late) for c in counts] == expected
    assert expected  # the organisation owns indicators, so there is something to compare


@pytest.mark.django_db
def test_return_counts_leave_out_a_frequency_the_organisation_does_not_report(seeded):
    indicators = list(seeded.indicators.values())
    monthly_owners = {i.organisation_id for i in indicators if i.frequency == "monthly"}
    quarterly_only = min({i.organisation_id for i in indicators} - monthly_owners)
    month = _months(seeded)[-1]
    assert selectors.returns_status(period=month, organisation_ids=[quarterly_only]) == []
    assert selectors.return_counts(periods=[month], organisation_id=quarterly_only) == []
    [quarter] = selectors.return_counts(periods=[seeded.latest], organisation_id=quarterly_only)
    assert quarter.expected > 0 and quarter.received == 0
    assert selectors.return_counts(periods=[], organisation_id=quarterly_only) == []


@pytest.mark.django_db
def test_a_dashboard_row_links_as_reverse_would_and_escapes_the_title(seeded):
    indicator = seeded.indicators[MONTHLY]
    indicator.title = "Children <missing> & home educated"
    row = IndicatorRow(indicator=indicator, latest=None, previous=None, year_ago=None, series=[])
    html = Template("{% load indicators_tags %}{% dashboard_row row %}").render(
        Context({"row": row})
    )
    assert f'href="{reverse("indicators:indicator-detail", args=[indicator.code])}"' in html
    assert "Children &lt;missing&gt; &amp; home educated" in html
    assert '<span class="govuk-body-s">No rating</span>' in html
    context = Context()
    for code in ("A B", "ä~:@", "100%"):
        with context.render_context.push():
            assert _detail_url(context, code) == reverse("indicators:indicator-detail", args=[code])
