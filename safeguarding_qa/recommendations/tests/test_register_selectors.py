"""The register's list: paging on plain rows, figures for one page, fixed query counts.

The register filters on derived status and RAG with EXISTS tests and works out each page's
figures in Python; both must agree with the aggregate form (``with_action_counts``) that the
reports and the export use.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_qa.access.context import Access
from safeguarding_qa.core.choices import RAG
from safeguarding_qa.recommendations import rules, selectors
from safeguarding_qa.recommendations.choices import ActionStatus, RecommendationStatus
from safeguarding_qa.recommendations.models import Recommendation, Theme

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 15)
FINISHED = (ActionStatus.SIGNED_OFF, ActionStatus.CLOSED_NOT_ACHIEVED)


def _signer():
    user_model = get_user_model()
    return user_model.objects.create(
        email=f"signer{user_model.objects.count()}@example.test", full_name="Signer"
    )


def _action(recommendation, organisation, status, due_in, **extra):
    if status in FINISHED:
        extra |= {"signed_off_by": _signer(), "signed_off_at": "2026-01-01T00:00Z"}
    return make_action(
        recommendation,
        organisation,
        status=status,
        due_on=TODAY + timedelta(days=due_in),
        **extra,
    )


def _register(organisations, count):
    """``count`` recommendations, each with two actions (one overdue) and a theme."""
    theme, _ = Theme.objects.get_or_create(name="Neglect")
    for number in range(count):
        recommendation = make_recommendation(agreed_on=date(2025, 1, 1) + timedelta(days=number))
        recommendation.themes.add(theme)
        _action(recommendation, organisations["council"], ActionStatus.IN_PROGRESS, -1)
        _action(recommendation, organisations["police"], ActionStatus.NOT_STARTED, 90)


def _page_queries(access, filters):
    with CaptureQueriesContext(connection) as captured:
        recommendations = selectors.register_list(access=access, filters=filters, today=TODAY)
        recommendations.count()
        page = list(recommendations[:25])
        rows = selectors.register_rows(recommendations=page, today=TODAY)
    return len(captured), rows


@pytest.mark.parametrize(
    "filters",
    [
        selectors.RegisterFilters(),
        selectors.RegisterFilters(status=RecommendationStatus.IN_PROGRESS, rag=RAG.RED),
        selectors.RegisterFilters(evidence=False, overdue=True),
    ],
)
def test_a_page_runs_the_same_queries_with_3_and_30_recommendations(
    organisations, personas, filters
):
    access = Access.for_user(personas["chair"])
    _register(organisations, 3)
    few, few_rows = _page_queries(access, filters)
    _register(organisations, 27)
    many, many_rows = _page_queries(access, filters)
    assert (len(few_rows), len(many_rows)) == (3, 25)
    assert few == many


def test_page_rows_agree_with_the_aggregate_form(organisations, personas):
    _register(organisations, 2)
    mixed = make_recommendation(reference="RT-MIXED")
    _action(mixed, organisations["council"], ActionStatus.AWAITING_SIGN_OFF, 5)
    _action(mixed, organisations["police"], ActionStatus.SIGNED_OFF, -10)
    make_recommendation(reference="RT-EMPTY")
    access = Access.for_user(personas["chair"])
    listed = list(
        selectors.register_list(access=access, filters=selectors.RegisterFilters(), today=TODAY)
    )
    rows = selectors.register_rows(recommendations=listed, today=TODAY)
    aggregated: dict[int, Any] = {
        item.pk: item
        for item in selectors.with_action_counts(Recommendation.objects.all(), today=TODAY)
    }
    assert [row.recommendation.pk for row in rows] == [item.pk for item in listed]
    for row in rows:
        expected = aggregated[row.recommendation.pk]
        assert row.status == expected.status
        assert (row.rag or "") == expected.rag
        assert (row.actions, row.overdue) == (expected.n_actions, expected.n_overdue)
        assert row.has_evidence == expected.has_evidence
    by_reference = {row.recommendation.reference: row for row in rows}
    assert by_reference["RT-MIXED"].status == RecommendationStatus.AWAITING_SIGN_OFF
    assert by_reference["RT-EMPTY"].status == RecommendationStatus.NO_ACTIONS
    assert by_reference["RT-EMPTY"].rag is None


def test_the_register_is_newest_first(organisations, personas):
    older = make_recommendation(agreed_on=date(2024, 1, 1))
    newer = make_recommendation(agreed_on=date(2025, 1, 1))
    access = Access.for_user(personas["chair"])
    listed = selectors.register_list(
        access=access, filters=selectors.RegisterFilters(), today=TODAY
    )
    assert list(listed) == [newer, older]


def test_organisation_filter_finds_actions_and_lead_organisations(organisations, personas):
    with_action = make_recommendation()
    _action(with_action, organisations["police"], ActionStatus.NOT_STARTED, 40)
    led = make_recommendation()
    led.lead_organisations.add(organisations["police"])
    elsewhere = make_recommendation()
    _action(elsewhere, organisations["council"], ActionStatus.NOT_STARTED, 40)
    access = Access.for_user(personas["chair"])
    filters = selectors.RegisterFilters(organisation_id=organisations["police"].pk)
    listed = set(selectors.register_list(access=access, filters=filters, today=TODAY))
    assert listed == {with_action, led}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    actions=st.lists(
        st.tuples(st.sampled_from(ActionStatus.values), st.integers(min_value=-5, max_value=40)),
        max_size=4,
    ),
    embedded=st.booleans(),
)
def test_exists_forms_agree_with_the_count_forms(organisations, actions, embedded):
    extra = {"embedded_at": "2026-02-01T00:00Z", "embedded_by": _signer()} if embedded else {}
    recommendation = make_recommendation(**extra)
    for status, due_in in actions:
        _action(recommendation, organisations["council"], status, due_in)
    counted: Any = selectors.with_action_counts(
        Recommendation.objects.filter(pk=recommendation.pk), today=TODAY
    ).get()
    tested: Any = (
        Recommendation.objects.filter(pk=recommendation.pk)
        .annotate(
            status=rules.recommendation_status_exists_expression(),
            rag=rules.recommendation_rag_exists_expression(today=TODAY),
        )
        .get()
    )
    assert (tested.status, tested.rag) == (counted.status, counted.rag)
    # The direct condition for each status matches exactly the status the counts derive.
    matching = [
        status
        for status in RecommendationStatus.values
        if Recommendation.objects.filter(
            rules.recommendation_status_q(status), pk=recommendation.pk
        ).exists()
    ]
    assert matching == [counted.status]
    has_overdue = Recommendation.objects.filter(
        rules.has_overdue_action_q(TODAY), pk=recommendation.pk
    ).exists()
    assert has_overdue == (counted.n_overdue > 0)


def test_a_row_is_written_escaped_with_its_figures(organisations):
    recommendation = make_recommendation(
        reference="RT-ESC", title="Hear <b>the child</b>", source_label="Audit & review"
    )
    _action(recommendation, organisations["council"], ActionStatus.IN_PROGRESS, -3)
    [row] = selectors.register_rows(recommendations=[recommendation], today=TODAY)
    html = str(row.html)
    assert "RT-ESC: Hear &lt;b&gt;the child&lt;/b&gt;</a>" in html
    assert '<span class="govuk-!-font-size-16">Audit &amp; review</span>' in html
    assert "1 May 2025" in html
    assert f'<strong class="govuk-tag {row.status.tag_class}">{row.status.label}</strong>' in html
    assert html.endswith('<td class="govuk-table__cell">No</td>\n    </tr>')
