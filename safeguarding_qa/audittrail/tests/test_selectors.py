"""Reading the trail: filters, keyset pages, changes and export rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.events import PERSON_CHANGED, SIGN_IN_SUCCEEDED
from safeguarding_qa.audittrail.selectors import (
    EXPORT_HEADER,
    EventFilters,
    audit_event_changes,
    audit_event_data_items,
    audit_event_export_rows,
    audit_event_page,
    audit_events_filtered,
)
from safeguarding_qa.audittrail.services.recording import record_event

from .factories import record_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_access(personas) -> Access:
    return Access.for_user(personas["admin"])


def _sequences(events) -> list[int]:
    return [event.sequence for event in events]


def _at(moment: datetime, monkeypatch, **fields):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return record_event(**fields)


def test_only_administrators_see_any_events(personas, admin_access):
    record_events(3)
    for key in ("chair", "lead_police", "auditor_council", "scrutineer", "viewer"):
        access = Access.for_user(personas[key])
        assert list(audit_events_filtered(access=access, filters=EventFilters())) == []
    everything = audit_events_filtered(access=admin_access, filters=EventFilters())
    assert _sequences(everything) == [3, 2, 1]


def test_filters_by_person_organisation_kind_and_search(personas, organisations, admin_access):
    # Given events by different people, of different kinds, about different things
    lead = personas["lead_police"]
    first = record_event(kind=SIGN_IN_SUCCEEDED, actor=lead, target=lead)
    second = record_event(kind=PERSON_CHANGED, actor=personas["admin"], target=lead)
    third = record_event(
        kind=PERSON_CHANGED,
        actor=personas["admin"],
        organisation=organisations["hospital"],
        description="Niamh Carbery's job title",
    )

    def matching(**filters) -> list[int]:
        found = audit_events_filtered(access=admin_access, filters=EventFilters(**filters))
        return _sequences(found)

    # Then each filter narrows to exactly the matching events, newest first
    assert matching(person=lead) == [first.sequence]
    assert matching(person=personas["admin"]) == [third.sequence, second.sequence]
    assert matching(organisation=organisations["police"]) == [first.sequence]
    assert matching(organisation=organisations["council"]) == [second.sequence]
    assert matching(kind=PERSON_CHANGED.name) == [third.sequence, second.sequence]
    assert matching(search="carbery") == [third.sequence]
    assert matching(search="Gideon") == [second.sequence, first.sequence]
    assert matching(kind=PERSON_CHANGED.name, search="Gideon") == [second.sequence]
    assert matching(person=personas["viewer"]) == []


def test_dates_are_whole_days_in_the_partnerships_time_zone(admin_access, monkeypatch):
    # Given one event just before and one just after midnight in London (summer time)
    late = _at(datetime(2026, 6, 30, 22, 59, tzinfo=UTC), monkeypatch, kind=SIGN_IN_SUCCEEDED)
    early = _at(datetime(2026, 6, 30, 23, 1, tzinfo=UTC), monkeypatch, kind=SIGN_IN_SUCCEEDED)
    monkeypatch.undo()

    def between(date_from, date_to) -> list[int]:
        filters = EventFilters(date_from=date_from, date_to=date_to)
        return _sequences(audit_events_filtered(access=admin_access, filters=filters))

    assert between(date(2026, 6, 30), date(2026, 6, 30)) == [late.sequence]
    assert between(date(2026, 7, 1), None) == [early.sequence]
    assert between(None, date(2026, 7, 1)) == [early.sequence, late.sequence]
    assert between(date(2026, 7, 2), None) == []


def test_keyset_pages_walk_the_whole_trail_both_ways(admin_access):
    # Given 120 events
    record_events(120)
    events = audit_events_filtered(access=admin_access, filters=EventFilters())
    # The first page is the newest 50, with only older events after it
    first = audit_event_page(events)
    assert _sequences(first.events) == list(range(120, 70, -1))
    assert (first.newer_than, first.older_than) == (None, 71)
    # Older pages follow without overlap
    second = audit_event_page(events, before=71)
    assert _sequences(second.events) == list(range(70, 20, -1))
    assert (second.newer_than, second.older_than) == (70, 21)
    last = audit_event_page(events, before=21)
    assert _sequences(last.events) == list(range(20, 0, -1))
    assert (last.newer_than, last.older_than) == (20, None)
    # And going back to newer events returns the same pages
    back = audit_event_page(events, after=70)
    assert _sequences(back.events) == list(range(120, 70, -1))
    assert (back.newer_than, back.older_than) == (None, 71)
    assert _sequences(audit_event_page(events, after=20).events) == list(range(70, 20, -1))


def test_a_page_of_filtered_events_knows_only_about_matching_neighbours(personas, admin_access):
    record_events(3, actor=personas["admin"])
    record_events(2, actor=personas["chair"])
    events = audit_events_filtered(
        access=admin_access, filters=EventFilters(person=personas["chair"])
    )
    page = audit_event_page(events, before=3)
    assert (page.events, page.newer_than, page.older_than) == ([], None, None)


def test_changes_list_every_field_before_and_after(personas):
    event = record_event(
        kind=PERSON_CHANGED,
        actor=personas["admin"],
        before={"job_title": "Nurse", "is_active": True, "team": None},
        after={"job_title": "Named nurse", "is_active": False, "groups": ["QA subgroup"]},
    )
    rows = [(row.field, row.before, row.after) for row in audit_event_changes(event)]
    assert rows == [
        ("Job title", "Nurse", "Named nurse"),
        ("Is active", "Yes", "No"),
        ("Groups", "Not recorded", '["QA subgroup"]'),
        ("Team", "Empty", "Not recorded"),
    ]


def test_an_event_without_changes_has_no_change_rows():
    (event,) = record_events(1, data={"up_to_event": 0, "filters": {"kind": ""}})
    assert audit_event_changes(event) == []
    assert audit_event_data_items(event) == [("Up to event", "0"), ("Filters", '{"kind": ""}')]


def test_export_rows_follow_the_header(personas, admin_access):
    event = record_event(
        kind=PERSON_CHANGED, actor=personas["admin"], before={"a": 1}, after={"a": 2}
    )
    (row,) = audit_event_export_rows(
        audit_events_filtered(access=admin_access, filters=EventFilters())
    )
    as_dict = dict(zip(EXPORT_HEADER, row, strict=True))
    assert as_dict["Event"] == event.sequence
    assert as_dict["Kind"] == "person.changed"
    assert as_dict["What happened"] == PERSON_CHANGED.description
    assert as_dict["Person"] == "Morwenna Ashdale"
    assert as_dict["Before"] == {"a": 1}
    assert as_dict["Hash"] == event.hash
    assert as_dict["When"] == timezone.localtime(event.occurred_at).isoformat(
        timespec="microseconds"
    )


def test_filters_describe_themselves_in_words(personas, organisations):
    filters = EventFilters(
        person=personas["lead_police"],
        organisation=organisations["police"],
        kind=PERSON_CHANGED.name,
        date_from=date(2026, 3, 1),
        date_to=date(2026, 3, 31),
        search="Brackenmoor",
    )
    assert filters.describe() == (
        "Person: Gideon Trewartha; organisation: Fellshire Constabulary; "
        "kind: Person's details, role or organisation changed; from 1 March 2026; "
        "to 31 March 2026; search: “Brackenmoor”"
    )
    assert EventFilters().describe() == "All events"
    assert filters.as_data()["person_id"] == personas["lead_police"].pk
