"""The audit trail's pages: list with filters and pages, one event, and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils.html import escape

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.events import PERSON_CHANGED, SIGN_IN_SUCCEEDED
from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.audittrail.services.verification import audit_trail_verify
from safeguarding_qa.audittrail.views import event_list
from safeguarding_qa.core.exports import UTF8_BOM
from safeguarding_qa.core.testing import check_page_quality

from .factories import latest_sequence, record_events

pytestmark = pytest.mark.django_db

LIST_URL = "/audit-trail/"
EXPORT_URL = "/audit-trail/export.csv"
# GOV.UK date inputs: three boxes per date.
TO_BEFORE_FROM = {
    "date_from_day": "3",
    "date_from_month": "4",
    "date_from_year": "2026",
    "date_to_day": "1",
    "date_to_month": "4",
    "date_to_year": "2026",
}


def _rows(response) -> int:
    return response.content.decode().count('<tr class="govuk-table__row">') - 1


def _table(response) -> str:
    """The events table's body, without the filter panel's choices."""
    page = response.content.decode()
    return page[page.index("<tbody") : page.index("</tbody>")]


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith(UTF8_BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(UTF8_BOM))))


# --- The list ----------------------------------------------------------------------------


def test_administrators_see_the_newest_events_first(client_as, personas):
    # Given two events about a person
    lead = personas["lead_police"]
    record_event(kind=SIGN_IN_SUCCEEDED, actor=lead, target=lead)
    changed = record_event(kind=PERSON_CHANGED, actor=personas["admin"], target=lead)
    # When an administrator opens the audit trail
    response = client_as("admin").get(LIST_URL)
    # Then the table lists them, newest first, with who, where and what in words
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Audit trail</h1>' in page
    assert page.index(escape(PERSON_CHANGED.description)) < page.index(">Signed in<")
    assert f'href="/audit-trail/{changed.sequence}/"' in page
    assert "Morwenna Ashdale" in page
    assert "Fellshire Constabulary" in page
    assert "Export these events as CSV" in page


def test_the_navigation_offers_the_audit_trail_to_administrators_only(client_as):
    assert 'href="/audit-trail/"' in client_as("admin").get("/").content.decode()
    assert 'href="/audit-trail/"' not in client_as("chair").get("/").content.decode()


@pytest.mark.parametrize("key", ["chair", "lead_police", "auditor_hospital", "viewer"])
def test_everyone_else_is_refused(client_as, key):
    record_events(2)
    for url in (LIST_URL, "/audit-trail/1/", EXPORT_URL):
        assert client_as(key).get(url).status_code == 403


def test_filters_narrow_the_list(client_as, personas, organisations):
    record_event(kind=SIGN_IN_SUCCEEDED, actor=personas["lead_hospital"])
    record_event(kind=PERSON_CHANGED, actor=personas["admin"], description="Gideon's title")
    client = client_as("admin")
    hospital = organisations["hospital"].pk
    by_organisation = _table(client.get(LIST_URL, {"organisation": hospital}))
    assert "Niamh Carbery" in by_organisation
    assert "Gideon&#x27;s title" not in by_organisation
    searched = client.get(LIST_URL, {"search": "gideon"})
    by_search = _table(searched)
    assert "Gideon&#x27;s title" in by_search
    assert "Niamh Carbery" not in by_search
    by_kind = client.get(LIST_URL, {"kind": PERSON_CHANGED.name})
    assert _rows(by_kind) == 1
    by_person = client.get(LIST_URL, {"person": personas["lead_hospital"].pk})
    assert _rows(by_person) == 1
    # and the filter panel is open, and the export link keeps the filters
    assert '<details class="govuk-details" open>' in searched.content.decode()
    assert f'href="{EXPORT_URL}?search=gideon"' in searched.content.decode()


def test_no_matching_events_says_so(client_as):
    response = client_as("admin").get(LIST_URL, {"search": "no such thing"})
    page = response.content.decode()
    assert "No events match these filters." in page
    assert "<table" not in page


def test_a_to_date_before_the_from_date_is_a_clear_error(client_as):
    response = client_as("admin").get(LIST_URL, TO_BEFORE_FROM)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Audit trail" in page
    assert "govuk-error-summary" in page
    assert "The ‘to’ date must be the same as or after the ‘from’ date" in page
    assert "Correct the filters to see events." in page
    assert "<table" not in page


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2026", "Enter a real date, for example 27 3 2026"),
        ("1", "1", "1999", "Enter a date in 2000 or later"),
    ],
)
def test_an_impossible_date_is_a_clear_error(client_as, day, month, year, message):
    query = {"date_from_day": day, "date_from_month": month, "date_from_year": year}
    page = client_as("admin").get(LIST_URL, query).content.decode()
    assert message in page
    assert "<title>Error: Audit trail" in page


def test_an_unknown_person_or_kind_is_a_clear_error(client_as):
    page = client_as("admin").get(LIST_URL, {"person": "999999", "kind": "no.such"})
    assert page.content.decode().count("Select a valid choice") == 4  # summary and inline


def test_pages_of_50_link_to_older_and_newer_events_keeping_the_filters(client_as, personas):
    # Given 60 events by one person (and a sign-in event from signing in)
    record_events(60, actor=personas["lead_police"])
    client = client_as("admin")
    person = personas["lead_police"].pk
    # The first page shows 50 and links only to older events
    first = client.get(LIST_URL, {"person": person})
    assert _rows(first) == 50
    page = first.content.decode()
    assert f'href="?person={person}&amp;before=11"' in page
    assert "Newer events" not in page
    # The older page shows the other 10 and links back
    older = client.get(LIST_URL, {"person": person, "before": "11"})
    assert _rows(older) == 10
    assert f'href="?person={person}&amp;after=10"' in older.content.decode()
    assert "Older events" not in older.content.decode()
    # A nonsense cursor is ignored
    assert _rows(client.get(LIST_URL, {"person": person, "before": "x"})) == 50
    assert _rows(client.get(LIST_URL, {"person": person, "before": "²"})) == 50


@pytest.mark.parametrize("count", [60, 160])
def test_the_list_takes_the_same_queries_whatever_the_number_of_events(
    client_as, personas, django_assert_num_queries, count
):
    record_events(count, actor=personas["lead_police"])
    client = client_as("admin")
    client.get(LIST_URL)  # the first request of a session does one-off work
    with django_assert_num_queries(13):
        assert _rows(client.get(LIST_URL)) == 50
    with django_assert_num_queries(14):
        assert _rows(client.get(LIST_URL, {"before": "40"})) == 39
    person = personas["lead_police"].pk
    # one more: the chosen person is looked up
    with django_assert_num_queries(15):
        assert _rows(client.get(LIST_URL, {"person": person, "after": "3"})) == 50


# --- One event ---------------------------------------------------------------------------


def test_the_event_page_shows_everything_recorded(client_as, personas):
    client = client_as("admin")
    client.get(EXPORT_URL, HTTP_X_REQUEST_ID="trace-0123456789", REMOTE_ADDR="203.0.113.7")
    exported = AuditEvent.objects.get(kind=AUDIT_TRAIL_EXPORTED.name)
    changed = record_event(
        kind=PERSON_CHANGED,
        actor=personas["admin"],
        target=personas["lead_police"],
        before={"job_title": "Detective sergeant"},
        after={"job_title": "Detective inspector"},
    )
    page = client.get(f"/audit-trail/{changed.sequence}/").content.decode()
    assert f"Event #{changed.sequence}: {escape(PERSON_CHANGED.description)}" in page
    assert "person.changed" in page
    assert "Morwenna Ashdale (person ID" in page
    assert "accounts.user" in page
    assert (
        '<th scope="row" class="govuk-table__header">Job title</th>\n'
        '      <td class="govuk-table__cell govuk-!-text-break-word">Detective sergeant</td>\n'
        '      <td class="govuk-table__cell govuk-!-text-break-word">Detective inspector</td>'
    ) in page
    assert changed.hash in page
    assert changed.previous_hash in page
    exported_page = client.get(f"/audit-trail/{exported.sequence}/").content.decode()
    assert "trace-0123456789" in exported_page
    assert "203.0.113.7" in exported_page
    assert "Up to event" in exported_page
    assert "This event changed no recorded fields." in exported_page


def test_an_unknown_event_is_not_found(client_as):
    assert client_as("admin").get("/audit-trail/999999/").status_code == 404
    assert client_as("admin").get("/audit-trail/99999999999999999999999/").status_code == 404


def test_the_event_page_takes_a_fixed_number_of_queries(client_as, django_assert_num_queries):
    events = record_events(3, before={"a": 1}, after={"a": 2})
    client = client_as("admin")
    client.get(LIST_URL)
    with django_assert_num_queries(11):
        assert client.get(f"/audit-trail/{events[1].sequence}/").status_code == 200


# --- The export --------------------------------------------------------------------------


def test_the_export_is_an_escaped_csv_of_the_filtered_events(client_as, personas):
    # Given an event whose description a spreadsheet would run as a formula
    record_event(kind=PERSON_CHANGED, actor=personas["admin"], description="=HYPERLINK(1)")
    record_event(kind=SIGN_IN_SUCCEEDED, actor=personas["lead_police"], description="@home")
    # When the administrator exports one kind of event
    response = client_as("admin").get(EXPORT_URL, {"kind": PERSON_CHANGED.name})
    # Then the file has that event only, with the formula made harmless
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-trail-')
    assert response["Cache-Control"] == "no-store"
    header, *rows = _csv(response)
    assert header[:4] == ["Event", "When", "Kind", "What happened"]
    assert len(rows) == 1
    assert rows[0][2] == "person.changed"
    assert rows[0][header.index("Target description")] == "'=HYPERLINK(1)"


def test_the_export_is_recorded_with_its_filters_before_any_row_is_sent(client_as, personas):
    record_events(3)
    response = client_as("admin").get(EXPORT_URL, {"search": "Synthetic"})
    # The record exists before the streamed body is read
    exported = AuditEvent.objects.get(kind=AUDIT_TRAIL_EXPORTED.name, actor=personas["admin"])
    assert exported.data["filters"]["search"] == "Synthetic"
    assert exported.data["up_to_event"] == exported.sequence - 1
    assert exported.target_description == "Audit trail export: Search: “Synthetic”"
    # and the file does not include its own record
    _, *rows = _csv(response)
    assert [row[0] for row in rows] == ["3", "2", "1"]
    assert audit_trail_verify().intact


def test_an_export_with_bad_filters_goes_back_to_the_list_and_records_nothing(client_as):
    client = client_as("admin")
    before = latest_sequence()
    response = client.get(EXPORT_URL, TO_BEFORE_FROM)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LIST_URL}?date_from_day=3")
    assert latest_sequence() == before


def test_a_refused_export_records_nothing(client_as):
    client = client_as("chair")
    before = latest_sequence()
    assert client.get(EXPORT_URL).status_code == 403
    assert latest_sequence() == before


def test_an_empty_trail_says_so(personas, rf):
    # Signing in through the test client records an event, so call the view directly
    request = rf.get(LIST_URL)
    request.user = personas["admin"]
    request.access = Access.for_user(personas["admin"])
    response = event_list(request)
    page = response.content.decode()
    check_page_quality(page)
    assert "No events have been recorded yet." in page
    assert "Export these events as CSV" not in page
