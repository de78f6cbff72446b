"""The register's pages: filters, fixed query counts, exports, and the main journey."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from safeguarding_qa.access.context import Access
from safeguarding_qa.core.home import needs_me_for
from safeguarding_qa.core.testing import RequestFactory
from safeguarding_qa.recommendations.choices import ActionStatus, SourceKind

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _many(organisations, count=30):
    for number in range(count):
        recommendation = make_recommendation(
            source_kind=SourceKind.AUDIT if number % 2 else SourceKind.INSPECTION
        )
        make_action(recommendation, organisations["council"], due_on=TODAY - timedelta(days=1))
        make_action(recommendation, organisations["police"])


def test_register_runs_a_fixed_number_of_queries(
    client_as, organisations, django_assert_num_queries
):
    client = client_as("chair")
    url = reverse("recommendations:register")
    filtered = f"{url}?rag=red&organisation={organisations['council'].pk}"
    _many(organisations, 3)
    small, small_filtered = _queries(client, url), _queries(client, filtered)
    _many(organisations, 30)  # more than a page holds
    with django_assert_num_queries(small_filtered):
        client.get(filtered)
    with django_assert_num_queries(small):
        client.get(url, {"page": "2"})


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the session and the cached partnership name
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["recommendations:action-list", "recommendations:summary"])
def test_lists_do_not_grow_with_rows(client_as, organisations, url_name, django_assert_num_queries):
    client = client_as("admin")
    _many(organisations, 3)
    small = _queries(client, reverse(url_name))
    _many(organisations, 30)
    with django_assert_num_queries(small):
        client.get(reverse(url_name))


def test_detail_pages_do_not_grow_with_rows(client_as, organisations, personas):
    client = client_as("chair")
    recommendation = make_recommendation()
    action = make_action(recommendation, organisations["police"], owner=personas["lead_police"])
    urls = [
        reverse("recommendations:recommendation-detail", args=[recommendation.pk]),
        reverse("recommendations:recommendation-history", args=[recommendation.pk]),
        reverse("recommendations:action-detail", args=[action.pk]),
    ]
    small = [_queries(client, url) for url in urls]
    for _ in range(8):
        make_action(recommendation, organisations["council"])
        client_as("lead_police").post(
            reverse("recommendations:action-progress", args=[action.pk]),
            {
                "text": "More",
                "status": "in_progress",
                "written_on_day": TODAY.day,
                "written_on_month": TODAY.month,
                "written_on_year": TODAY.year,
            },
        )
    assert [_queries(client, url) for url in urls] == small


def test_filters(client_as, organisations):
    overdue = make_recommendation(title="Overdue one", source_kind=SourceKind.INSPECTION)
    make_action(overdue, organisations["council"], due_on=TODAY - timedelta(days=3))
    calm = make_recommendation(title="Calm one")
    make_action(calm, organisations["police"])
    client = client_as("scrutineer")
    url = reverse("recommendations:register")
    assert "Overdue one" in client.get(url, {"rag": "red"}).content.decode()
    assert "Calm one" not in client.get(url, {"rag": "red"}).content.decode()
    assert (
        "Calm one" in client.get(url, {"organisation": organisations["police"].pk}).content.decode()
    )
    assert (
        "Overdue one"
        in client.get(url, {"source_kind": "inspection", "overdue": "on"}).content.decode()
    )
    page = client.get(url, {"evidence": "yes"}).content.decode()
    assert "No recommendations match these filters" in page
    assert "Overdue one" in client.get(url, {"status": "not_started"}).content.decode()
    assert client.get(url, {"year": "nonsense"}).status_code == 200


def test_export_neutralises_formulas(client_as, organisations):
    recommendation = make_recommendation(title='=HYPERLINK("http://evil.example")')
    make_action(recommendation, organisations["council"], description="+cmd|' /C calc'!A0")
    client = client_as("viewer")
    response = client.get(reverse("recommendations:register-export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][1].startswith("'=") and rows[1][10].startswith("'+")
    response = client.get(reverse("recommendations:register-export", args=["xlsx"]))
    sheet: Any = load_workbook(io.BytesIO(response.content)).active
    assert str(sheet.cell(row=2, column=2).value).startswith("'=")
    assert sheet.cell(row=2, column=2).data_type == "s"


def test_lead_sees_only_own_organisations_actions(client_as, organisations):
    recommendation = make_recommendation()
    own = make_action(recommendation, organisations["police"], description="Police work")
    make_action(recommendation, organisations["council"], description="Council work")
    client = client_as("lead_police")
    page = client.get(reverse("recommendations:action-list")).content.decode()
    assert "Police work" in page and "Council work" not in page
    assert "My organisation&#x27;s actions" in page or "My organisation's actions" in page
    detail = client.get(reverse("recommendations:recommendation-detail", args=[recommendation.pk]))
    assert "1 more action belongs to other organisations" in detail.content.decode()
    assert own.pk


def test_journey_progress_sign_off_and_embedded(client_as, organisations, personas):
    recommendation = make_recommendation()
    action = make_action(
        recommendation,
        organisations["police"],
        owner=personas["lead_police"],
        due_on=TODAY - timedelta(days=2),
    )
    chair = client_as("chair")
    page = chair.get(reverse("recommendations:action-detail", args=[action.pk])).content.decode()
    assert "Overdue" in page
    lead = client_as("lead_police")
    response = lead.post(
        reverse("recommendations:action-progress", args=[action.pk]),
        {
            "text": "Done",
            "status": ActionStatus.AWAITING_SIGN_OFF,
            "written_on_day": TODAY.day,
            "written_on_month": TODAY.month,
            "written_on_year": TODAY.year,
            "evidence_file": SimpleUploadedFile("note.txt", b"briefing notes"),
        },
    )
    assert response.status_code == 302
    update = action.updates.get()
    download = lead.get(reverse("recommendations:update-file", args=[update.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"briefing notes"
    assert (
        client_as("lead_council")
        .get(reverse("recommendations:update-file", args=[update.pk]))
        .status_code
        == 404
    )
    bad = lead.post(
        reverse("recommendations:action-progress", args=[action.pk]),
        {
            "text": "x",
            "status": "in_progress",
            "written_on_day": "1",
            "written_on_month": "1",
            "written_on_year": "2020",
            "evidence_file": SimpleUploadedFile("run.exe", b"MZ"),
        },
    )
    assert bad.status_code in (200, 403)
    response = chair.post(
        reverse("recommendations:action-sign-off", args=[action.pk]),
        {"decision": "signed_off", "comment": "Seen"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.SIGNED_OFF
    refused = chair.post(
        reverse("recommendations:recommendation-embed", args=[recommendation.pk]), {}
    )
    assert refused.status_code == 200 and "Add impact evidence first" in refused.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.embedded_at is None
    history = chair.get(reverse("recommendations:recommendation-history", args=[recommendation.pk]))
    assert "Signed off" in history.content.decode()


def test_bad_evidence_file_is_refused(client_as, organisations):
    action = make_action(make_recommendation(), organisations["police"])
    response = client_as("lead_police").post(
        reverse("recommendations:action-progress", args=[action.pk]),
        {
            "text": "x",
            "status": "in_progress",
            "written_on_day": TODAY.day,
            "written_on_month": TODAY.month,
            "written_on_year": TODAY.year,
            "evidence_file": SimpleUploadedFile("run.exe", b"MZ"),
        },
    )
    assert response.status_code == 200
    assert "The file must be a" in response.content.decode()
    assert not action.updates.exists()


def test_needs_me(personas, organisations):
    recommendation = make_recommendation()
    make_action(
        recommendation,
        organisations["police"],
        owner=personas["auditor_police"],
        due_on=TODAY - timedelta(days=1),
        description="Overdue police",
    )
    make_action(
        recommendation,
        organisations["council"],
        status=ActionStatus.AWAITING_SIGN_OFF,
        description="Awaiting council",
    )

    def items(key):
        request: Any = RequestFactory().get("/")
        request.access = Access.for_user(personas[key])
        return [item.title for item in needs_me_for(request) if "R" in item.title]

    assert any("action for" in title for title in items("auditor_police"))
    assert any("action for" in title for title in items("lead_police"))
    assert not any("action for" in title for title in items("lead_council"))
    assert any(title.startswith("Sign off") for title in items("chair"))
    assert not any(title.startswith("Sign off") for title in items("scrutineer"))
