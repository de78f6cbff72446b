"""The section provider registry and the annual report built from it."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding_qa.partnership.choices import GroupKind, GroupRole
from safeguarding_qa.partnership.models import Group, Membership
from safeguarding_qa.reports import sections
from safeguarding_qa.reports.builders import annual_report_for
from safeguarding_qa.reports.providers import membership_sections
from safeguarding_qa.reports.renderers import Chart, Paragraph, Section, Table
from safeguarding_qa.reports.sections import ReportYear


def test_report_years_run_april_to_march():
    year = ReportYear(2025)

    assert (year.starts_on, year.ends_on, year.label) == (
        date(2025, 4, 1),
        date(2026, 3, 31),
        "2025 to 2026",
    )
    assert ReportYear.containing(date(2026, 3, 31)) == year
    assert ReportYear.containing(date(2026, 4, 1)) == ReportYear(2026)


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(sections, "_annual", {})
    monkeypatch.setattr(sections, "_per_object", {})
    return sections


def test_annual_providers_are_assembled_in_order(registry):
    def later(year: ReportYear) -> list[Section]:
        return [Section(title="Future plans", blocks=(Paragraph(f"After {year.label}"),))]

    def first(year: ReportYear) -> list[Section]:
        return [Section(title="Audits", blocks=())]

    registry.register_annual("plans", later, order=90)
    registry.register_annual("audits", first, order=20)

    document = registry.annual_report(
        ReportYear(2024), partnership_name="P", made_on=date(2026, 1, 1)
    )
    assert [s.title for s in document.sections] == ["Audits", "Future plans"]
    assert registry.annual_providers() == ["audits", "plans"]


def test_a_provider_name_cannot_be_taken_twice(registry):
    registry.register_annual("audits", lambda year: [], order=1)

    with pytest.raises(ValueError, match="already exists"):
        registry.register_annual("audits", lambda year: [], order=2)


def test_object_providers_are_kept_per_kind(registry):
    registry.register_for(
        "audit", "findings", lambda obj: [Section(title=f"On {obj}", blocks=())], order=1
    )

    assert [s.title for s in registry.sections_for("audit", "A1")] == ["On A1"]
    assert registry.sections_for("dashboard", "Q1") == []


def test_the_partnership_provider_is_registered():
    assert "partnership" in sections.annual_providers()


@pytest.mark.django_db
def test_membership_section_lists_who_was_a_member_during_the_year(personas):
    group = Group.objects.create(name="Quality Assurance Subgroup", kind=GroupKind.QA_SUBGROUP)
    Membership.objects.create(
        group=group, person=personas["chair"], role=GroupRole.CHAIR, started_on=date(2023, 4, 1)
    )
    Membership.objects.create(
        group=group,
        person=personas["lead_police"],
        started_on=date(2024, 9, 1),
        ended_on=date(2025, 2, 28),
    )
    Membership.objects.create(  # left before the year began: not listed
        group=group,
        person=personas["lead_hospital"],
        started_on=date(2022, 4, 1),
        ended_on=date(2024, 3, 31),
    )

    partnership, membership = membership_sections(ReportYear(2024))

    assert partnership.title == "The partnership"
    summary, chart, members = membership.blocks
    assert isinstance(summary, Paragraph) and "2 memberships: 1 began and 1 ended" in summary.text
    assert isinstance(chart, Chart) and chart.table.rows == (("Quality Assurance Subgroup", "2"),)
    assert isinstance(members, Table)
    assert [row[0] for row in members.rows] == ["Dr Imelda Varcoe", "Gideon Trewartha"]
    assert members.rows[1][4] == "28 Feb 2025"


@pytest.mark.django_db
def test_annual_report_for_a_year_without_members_says_so(organisations):
    document = annual_report_for(2019)

    assert document.title == "Quality assurance annual report 2019 to 2020"
    texts = [b.text for s in document.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert any("No group had members" in text for text in texts)


@pytest.mark.django_db
def test_annual_report_runs_a_fixed_number_of_queries(personas, django_assert_num_queries):
    group = Group.objects.create(name="Steering Group", kind=GroupKind.STEERING_GROUP)
    for person in list(personas.values())[:3]:
        Membership.objects.create(group=group, person=person, started_on=date(2024, 5, 1))
    annual_report_for(2024)  # warms the partnership name and content type caches
    with CaptureQueriesContext(connection) as first:
        annual_report_for(2024)
    for person in list(personas.values())[3:10]:
        Membership.objects.create(group=group, person=person, started_on=date(2024, 6, 1))
    # Every registered provider's queries; the same however many members there are.
    with django_assert_num_queries(len(first.captured_queries)):
        annual_report_for(2024)
