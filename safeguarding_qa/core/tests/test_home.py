"""The home page's "what needs me" list is bounded: each kind offers a few items and a
count, the page lists the soonest ``LIST_LIMIT`` and says how many more, kind by kind."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.core import home
from safeguarding_qa.core.home import LIST_LIMIT, PROVIDER_LIMIT, NeedsMe, NeedsMeList
from safeguarding_qa.core.testing import RequestFactory
from safeguarding_qa.recommendations.choices import ActionStatus
from safeguarding_qa.recommendations.tests.factories import make_action, make_recommendation

START = date(2026, 1, 1)


def _items(prefix: str, count: int, offset: int = 0) -> list[NeedsMe]:
    return [
        NeedsMe(title=f"{prefix} {n}", url=f"/{prefix}/{n}/", due=START + timedelta(days=n))
        for n in range(offset, offset + count)
    ]


def _returns_and_actions(request: object) -> list[NeedsMe]:
    needs = NeedsMeList()
    needs.add(_items("return", 8), total=12, more_url="/returns/", more_label="returns")
    needs.add(_items("action", 3, offset=1), total=3, more_url="/actions/", more_label="actions")
    needs.add([], total=0, more_url="/none/", more_label="nothing")
    return needs


def _one_plain(request: object) -> list[NeedsMe]:
    return [NeedsMe(title="Set up two-factor authentication", url="/2fa/")]


def _reviews(request: object) -> list[NeedsMe]:
    needs = NeedsMeList()
    needs.add(_items("review", 5, offset=2), total=20, more_url="/reviews/", more_label="reviews")
    return needs


@pytest.fixture
def providers(monkeypatch):
    monkeypatch.setattr(home, "_providers", {"batches": _returns_and_actions, "plain": _one_plain})


def test_each_kind_offers_at_most_its_limit():
    needs = _returns_and_actions(None)
    assert isinstance(needs, NeedsMeList)
    assert [len(batch.items) for batch in needs.batches] == [PROVIDER_LIMIT, 3]
    assert len(needs) == PROVIDER_LIMIT + 3  # still a list of the kept items


def test_a_long_list_is_cut_to_its_limit(providers, monkeypatch):
    monkeypatch.setitem(home._providers, "reviews", _reviews)
    summary = home.needs_me_for(RequestFactory().get("/"))
    assert len(summary) == LIST_LIMIT
    listed = len(summary) - 1  # all but the plain item come from batches
    assert listed + summary.more_count == 12 + 3 + 20
    assert {more.url for more in summary.more} >= {"/returns/", "/reviews/"}


def test_the_list_is_bounded_and_counts_the_rest(providers):
    summary = home.needs_me_for(RequestFactory().get("/"))
    # 5 returns offered of 12, the 3 actions and the plain item: 9, within the limit.
    assert len(summary) == PROVIDER_LIMIT + 3 + 1 <= LIST_LIMIT
    assert "Set up two-factor authentication" in [item.title for item in summary]
    listed_returns = sum(item.title.startswith("return") for item in summary)
    assert [(more.label, more.count, more.url) for more in summary.more] == [
        ("returns", 12 - listed_returns, "/returns/")
    ]
    assert summary.more_count == 12 - listed_returns
    dues = [item.due for item in summary if item.due]
    assert dues == sorted(dues)


def test_nothing_waiting_is_empty(monkeypatch):
    monkeypatch.setattr(home, "_providers", {"none": lambda request: NeedsMeList()})
    summary = home.needs_me_for(RequestFactory().get("/"))
    assert not summary
    assert summary.more == []


def _awaiting_sign_off(organisations, count):
    from safeguarding_qa.accounts.models import User

    signer = User.objects.get(email__startswith="chair")
    for _ in range(count):
        make_action(
            make_recommendation(),
            organisations["police"],
            status=ActionStatus.AWAITING_SIGN_OFF,
            due_on=timezone.localdate() + timedelta(days=40),
            owner=signer,
        )


def _home(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_home_page_says_how_many_more_with_the_same_queries(client_as, organisations):
    client = client_as("chair")
    _awaiting_sign_off(organisations, 2)
    client.get(reverse("core:home"))  # warm the session and cached names
    few, page = _home(client)
    assert "more actions awaiting sign-off" not in page
    _awaiting_sign_off(organisations, 10)
    many, page = _home(client)
    assert many == few
    assert f"{12 - PROVIDER_LIMIT} more actions awaiting sign-off" in page
    assert page.count("Sign off RT-") == PROVIDER_LIMIT


@pytest.mark.django_db
def test_first_and_total_reads_plain_values_and_skips_a_queryset_known_to_be_empty(
    personas, organisations
):
    from safeguarding_qa.recommendations.models import Action

    _awaiting_sign_off(organisations, PROVIDER_LIMIT + 2)
    rows = Action.objects.order_by("due_on", "pk")
    with CaptureQueriesContext(connection) as captured:
        first, total = home.first_and_total(rows.values("pk", "description"))
    assert len(captured) == 1
    assert total == PROVIDER_LIMIT + 2
    assert [row["pk"] for row in first] == list(rows.values_list("pk", flat=True)[:PROVIDER_LIMIT])
    with CaptureQueriesContext(connection) as captured:
        assert home.first_and_total(rows.none()) == ([], 0)
    assert len(captured) == 0


# The task-list loop the home template had before its rows were built in Python.
_TEMPLATE_ROWS = (
    "{% for item in items %}\n"
    '  <li class="govuk-task-list__item govuk-task-list__item--with-link">\n'
    '    <div class="govuk-task-list__name-and-hint">\n'
    '      <a class="govuk-link govuk-task-list__link" href="{{ item.url }}"'
    ' aria-describedby="needs-me-{{ forloop.counter }}-status">{{ item.title }}</a>\n'
    '      {% if item.detail or item.due %}<div class="govuk-task-list__hint">'
    "{{ item.detail }}{% if item.due %}{% if item.detail %}. {% endif %}"
    'Due {{ item.due|date:"j F Y" }}{% endif %}</div>{% endif %}\n'
    "    </div>\n"
    '    <div class="govuk-task-list__status" id="needs-me-{{ forloop.counter }}-status">\n'
    '      {% if item.tag %}<strong class="govuk-tag {{ item.tag_class }}">'
    "{{ item.tag }}</strong>{% endif %}\n"
    "    </div>\n"
    "  </li>\n"
    "  {% endfor %}"
)


def test_rows_are_the_template_markup_byte_for_byte():
    from django.template import Context, Template

    items = [
        NeedsMe(
            title="Return <on> A&B",
            url="/a/?x=1&y=2",
            detail="Audit's",
            due=START,
            tag="Late",
            tag_class="govuk-tag--red",
        ),
        NeedsMe(title="No detail", url="/b/", due=START + timedelta(days=40)),
        NeedsMe(title="Detail only", url="/c/", detail="Self-assessment", tag="In progress"),
        NeedsMe(title="Bare", url="/d/"),
    ]
    expected = Template(_TEMPLATE_ROWS).render(Context({"items": items}))
    assert "".join(home.NeedsMeSummary(items=items).rows) == expected
    assert "Return &lt;on&gt; A&amp;B" in expected and "1 January 2026" in expected
