"""The pages, as people use them: returns by form and spreadsheet, the dashboard,
exceptions, an indicator's SPC chart, commentary and challenge."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding_qa.indicators import spreadsheets
from safeguarding_qa.indicators.choices import ChallengeStatus, CommentaryKind
from safeguarding_qa.indicators.models import Challenge, Commentary, IndicatorValue

from .conftest import add_values

pytestmark = pytest.mark.django_db


def _council(seeded):
    return seeded.indicators["ASSESSMENT_45WD"].organisation


def _return_url(name, seeded, organisation):
    return reverse(f"indicators:{name}", args=[seeded.latest.pk, organisation.pk])


def test_a_lead_fills_in_the_quarter_by_form(seeded, client_as):
    client = client_as("lead_council")
    url = _return_url("return-edit", seeded, _council(seeded))
    response = client.post(
        url, {"ASSESSMENT_45WD-numerator": "170", "ASSESSMENT_45WD-denominator": "200"}
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get().value == 85
    page = client.get(reverse("indicators:returns") + f"?period={seeded.latest.pk}")
    assert "1 of" in page.content.decode()


def test_a_bad_form_shows_the_problem_and_saves_nothing(seeded, client_as):
    client = client_as("lead_council")
    url = _return_url("return-edit", seeded, _council(seeded))
    response = client.post(
        url,
        {
            "CHILD_SEEN_ASSESSMENT-numerator": "90",
            "CHILD_SEEN_ASSESSMENT-denominator": "100",
            "ASSESSMENT_45WD-numerator": "250",
            "ASSESSMENT_45WD-denominator": "200",
        },
    )
    assert response.status_code == 200
    assert "cannot be more than the denominator" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def _filled_template(client, seeded, organisation, values):
    data = client.get(_return_url("return-template", seeded, organisation)).content
    book = load_workbook(io.BytesIO(data))
    for cells in book["Return"].iter_rows(min_row=spreadsheets.HEADER_ROW + 1):
        if cells[0].value in values:
            for cell, value in zip(cells[3:7], values[cells[0].value], strict=False):
                cell.value = value
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("return.xlsx", out.getvalue())


def test_an_upload_with_one_bad_cell_saves_nothing_and_says_where(seeded, client_as):
    client = client_as("lead_council")
    council = _council(seeded)
    upload = _filled_template(
        client,
        seeded,
        council,
        {"ASSESSMENT_45WD": (170, 200), "CHILD_SEEN_ASSESSMENT": ("ninety", 100)},
    )
    response = client.post(_return_url("return-upload", seeded, council), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing has been saved" in body and "column D (Numerator)" in body
    assert not IndicatorValue.objects.exists()
    good = _filled_template(client, seeded, council, {"ASSESSMENT_45WD": (170, 200)})
    response = client.post(_return_url("return-upload", seeded, council), {"file": good})
    assert response.status_code == 302
    assert IndicatorValue.objects.get().source == "upload"


def _fill_history(seeded, start, stop):
    """Indicators ``start`` to ``stop`` with nine quarters each."""
    for index, indicator in enumerate(list(seeded.indicators.values())[start:stop]):
        add_values(indicator, seeded.periods, [50 + (index + i) % 5 for i in range(9)])


def _challenge(seeded, personas, indicator):
    Challenge.objects.create(
        indicator=indicator,
        period=seeded.latest,
        organisation=indicator.organisation,
        question="Why?",
        raised_by=personas["chair"],
    )


def _queries(client, url):
    client.get(url)  # the session's first request does its own bookkeeping
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["dashboard", "exceptions", "challenge-list", "returns"])
def test_list_pages_run_a_fixed_number_of_queries(seeded, client_as, personas, name):
    client = client_as("chair")
    url = reverse(f"indicators:{name}")
    _fill_history(seeded, 0, 2)
    _challenge(seeded, personas, seeded.indicators["ASSESSMENT_45WD"])
    few = _queries(client, url)
    _fill_history(seeded, 2, len(seeded.indicators))
    for indicator in list(seeded.indicators.values())[:30]:
        _challenge(seeded, personas, indicator)
    many = _queries(client, url)
    assert many == few


def test_indicator_page_runs_a_fixed_number_of_queries(seeded, client_as, personas):
    client = client_as("chair")
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    url = reverse("indicators:indicator-detail", args=[indicator.code])
    add_values(indicator, seeded.periods[:3], [80, 81, 82])
    few = _queries(client, url)
    IndicatorValue.objects.all().delete()
    add_values(indicator, seeded.periods, [85, 86, 84, 87, 85, 86, 84, 70, 60])
    for period in seeded.periods:
        Commentary.objects.create(
            indicator=indicator,
            period=period,
            kind=CommentaryKind.SUBGROUP,
            author=personas["chair"],
            text="Noted.",
        )
        Challenge.objects.create(
            indicator=indicator,
            period=period,
            organisation=indicator.organisation,
            question="Why?",
            raised_by=personas["chair"],
        )
    assert _queries(client, url) == few


def test_the_chair_finds_exceptions_and_reads_the_spc_chart(seeded, client_as):
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    add_values(indicator, seeded.periods, [85, 86, 84, 87, 85, 86, 84, 86, 60])
    client = client_as("chair")
    dashboard = client.get(reverse("indicators:dashboard")).content.decode()
    assert "Assessments completed within 45 working days" in dashboard and "<svg" in dashboard
    exceptions = client.get(reverse("indicators:exceptions")).content.decode()
    assert "Red against target" in exceptions and "Special cause variation of concern" in exceptions
    printable = client.get(reverse("indicators:exceptions") + "?print=1").content.decode()
    assert "Exceptions report" in printable
    detail = client.get(
        reverse("indicators:indicator-detail", args=[indicator.code])
    ).content.decode()
    assert "Special cause variation: concern" in detail
    assert "beyond a process limit" in detail
    assert 'class="sqa-chart"' in detail and "Values by quarter" in detail


def test_commentary_and_a_challenge_that_the_agency_answers(seeded, client_as):
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    chair = client_as("chair")
    period = str(seeded.latest.pk)
    url = reverse("indicators:commentary-add", args=[indicator.code])
    assert chair.post(url, {"period": period, "text": "Asked for a plan."}).status_code == 302
    assert Commentary.objects.get().kind == CommentaryKind.SUBGROUP
    lead = client_as("lead_council")
    assert lead.post(url, {"period": period, "text": "Vacancies."}).status_code == 302
    assert Commentary.objects.filter(kind=CommentaryKind.AGENCY).count() == 1
    empty = chair.post(
        reverse("indicators:challenge-raise", args=[indicator.code]), {"period": period}
    )
    assert "Enter the question" in empty.content.decode()
    chair.post(
        reverse("indicators:challenge-raise", args=[indicator.code]),
        {"period": period, "question": "Plan?"},
    )
    challenge = Challenge.objects.get()
    assert challenge.organisation == indicator.organisation
    assert (
        lead.post(
            reverse("indicators:challenge-respond", args=[challenge.pk]), {"response": "Here."}
        ).status_code
        == 302
    )
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.RESPONDED
    scrutineer = client_as("scrutineer")
    assert (
        scrutineer.post(
            reverse("indicators:challenge-close", args=[challenge.pk]), {"note": "Done."}
        ).status_code
        == 302
    )
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.CLOSED
    assert lead.get(reverse("indicators:challenge-respond", args=[challenge.pk])).status_code == 403


def test_missing_returns_are_shown_late_after_the_deadline(seeded, client_as):
    period = seeded.periods[0]  # long past its deadline
    body = (
        client_as("viewer")
        .get(reverse("indicators:returns") + f"?period={period.pk}")
        .content.decode()
    )
    assert "Missing, late" in body


def test_a_lead_sees_the_outstanding_return_and_open_challenges_on_the_home_page(
    seeded, client_as, personas
):
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    _challenge(seeded, personas, indicator)
    body = client_as("lead_council").get("/").content.decode()
    assert f"Indicator return for {seeded.latest.label}" in body
    assert "Challenge on Assessments completed within 45 working days" in body


def test_an_administrator_changes_a_target_and_the_rating_follows(seeded, client_as):
    indicator = seeded.indicators["ASSESSMENT_45WD"]
    add_values(indicator, seeded.periods, [80] * 9)
    client = client_as("admin")
    url = reverse("indicators:indicator-edit", args=[indicator.code])
    assert client.get(url).status_code == 200
    bad = client.post(
        url, {"target": "75", "tolerance": "-1", "organisation": indicator.organisation_id}
    )
    assert bad.status_code == 200
    indicator.refresh_from_db()
    assert indicator.target == 85
    data = {
        "target": "75",
        "tolerance": "2",
        "organisation": indicator.organisation_id,
        "is_active": "on",
    }
    assert client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.target == 75
    assert indicator.history.count() == 2
    body = client.get(
        reverse("indicators:indicator-detail", args=[indicator.code])
    ).content.decode()
    assert "govuk-tag--green" in body
