"""The report providers against the demo data: each section says what the records say."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from safeguarding_qa.demo import builder
from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.indicators.models import Period
from safeguarding_qa.indicators.selectors import dashboard
from safeguarding_qa.learning.choices import BriefingStatus
from safeguarding_qa.learning.models import LearningBriefing
from safeguarding_qa.meetings.choices import MeetingStatus
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.programme.models import ProgrammeItem
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.recommendations.selectors import with_action_counts
from safeguarding_qa.reports.providers import activity, audits, register
from safeguarding_qa.reports.providers.common import report_access
from safeguarding_qa.reports.providers.dashboard import dashboard_report, dashboard_year_sections
from safeguarding_qa.reports.renderers import Paragraph, Section, Table
from safeguarding_qa.reports.sections import ReportYear

pytestmark = pytest.mark.django_db
TODAY = date(2026, 1, 15)


@pytest.fixture
def demo():
    """The demo partnership's records for the areas the reports read (case data is left
    out: no report reads it). An area whose builder fails is skipped, so a colleague's
    area in progress cannot break these tests; the assertions compare with what exists."""
    organisations = builder.ensure_organisations()
    builder.ensure_partnership()
    cast = builder.ensure_personas(organisations)
    colleagues = builder.ensure_colleagues(organisations, count=6)
    groups = builder.ensure_groups(cast, colleagues)
    context = DemoContext(
        organisations=organisations, cast=cast, colleagues=colleagues, groups=groups
    )
    for dotted in builder.AREA_BUILDERS:
        if "casedata" in dotted:
            continue
        try:
            with transaction.atomic():
                import_string(dotted)(context)
        except Exception:  # noqa: BLE001, S112 - see the docstring
            continue


def _text(sections: list[Section]) -> str:
    parts: list[str] = []
    for section in sections:
        parts.append(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Table):
                parts += [cell for row in block.rows for cell in row]
            elif hasattr(block, "items"):
                parts += list(block.items)
            elif hasattr(block, "text"):
                parts.append(block.text)
    return "\n".join(parts)


def _this_year() -> ReportYear:
    return ReportYear.containing(timezone.localdate())


def test_the_dashboard_report_lists_every_indicator_and_each_exception(demo):
    board = dashboard(access=report_access())
    document = dashboard_report(period_id=None, partnership_name="Brackenmoor", made_on=TODAY)
    text = _text(list(document.sections))

    assert board.period is not None
    assert document.title == f"Quarterly dashboard report {board.period.label}"
    for row in board.rows:
        assert row.indicator.title in text
    exceptions = next(s for s in document.sections if s.title == "Exceptions")
    charts = [b for b in exceptions.blocks if b.kind == "chart"]
    assert len(charts) == len([row for row in board.exceptions if row.series])
    assert f"{len(board.exceptions)} exception" in text


def test_the_dashboard_report_runs_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        dashboard_report(period_id=None, partnership_name="Brackenmoor", made_on=TODAY)


def test_an_empty_dashboard_says_so():
    document = dashboard_report(period_id=None, partnership_name="B", made_on=TODAY)
    assert "No quarter has been set up yet." in _text(list(document.sections))


def test_recommendation_progress_matches_the_register(demo):
    year = _this_year()
    found = list(
        with_action_counts(
            Recommendation.objects.filter(agreed_on__lte=year.ends_on), today=timezone.localdate()
        )
    )
    progress = Counter(
        register.progress_of(r.status, r.rag)  # type: ignore[attr-defined]
        for r in found
    )
    text = _text(register.recommendation_sections(year))

    assert f"{len(found)} recommendation" in text
    for r in found:
        assert r.reference in text
    if progress[register.NOT_ON_TARGET]:
        assert "overdue or not on target" in text
    else:
        assert "All recommendations are completed or in progress and on target." in text


def test_progress_of_follows_the_on_target_rule():
    assert register.progress_of("completed", "") == register.COMPLETED
    assert register.progress_of("embedded", "") == register.COMPLETED
    assert register.progress_of("in_progress", "green") == register.ON_TARGET
    assert register.progress_of("in_progress", "red") == register.NOT_ON_TARGET
    assert register.progress_of("no_actions", "") == register.NOT_ON_TARGET


def test_meetings_section_counts_held_meetings(demo):
    for start_year in (_this_year().start_year, _this_year().start_year - 1):
        year = ReportYear(start_year)
        held = Meeting.objects.filter(
            status=MeetingStatus.HELD,
            starts_at__date__gte=year.starts_on,
            starts_at__date__lte=year.ends_on,
        ).count()
        text = _text(activity.meeting_sections(year))
        assert (f"{held} meeting" in text) or (held == 0 and "No meetings" in text)


def test_learning_section_lists_published_briefings_only(demo):
    text = _text(activity.learning_sections(_this_year()))
    for briefing in LearningBriefing.objects.all():
        if briefing.status == BriefingStatus.PUBLISHED:
            assert briefing.title in text
        else:
            assert briefing.title not in text


def test_programme_and_future_plans(demo):
    year = _this_year()
    text = _text(activity.programme_sections(year))
    for item in ProgrammeItem.objects.filter(programme__year=year.start_year):
        assert item.title in text
    plans = _text(activity.future_plan_sections(year))
    following = ProgrammeItem.objects.filter(programme__year=year.start_year + 1)
    for item in following:
        assert item.title in plans
    if not following:
        assert "has not been agreed yet" in plans


def test_every_annual_section_builds_for_demo_years_with_fixed_queries(
    demo, django_assert_max_num_queries
):
    providers = [
        activity.meeting_sections,
        activity.self_assessment_sections,
        activity.learning_sections,
        activity.programme_sections,
        activity.future_plan_sections,
        audits.audit_sections,
        register.recommendation_sections,
        register.review_sections,
        dashboard_year_sections,
    ]
    for start_year in (_this_year().start_year - 1, _this_year().start_year):
        for provider in providers:
            with django_assert_max_num_queries(8):
                sections = provider(ReportYear(start_year))
            assert sections and all(section.blocks for section in sections)


def test_dashboard_year_summary_names_the_last_quarter(demo):
    year = _this_year()
    last = (
        Period.objects.filter(start__range=(year.starts_on, year.ends_on), values__isnull=False)
        .order_by("-start")
        .first()
    )
    text = _text(dashboard_year_sections(year))
    if last:
        assert last.label in text
    else:
        assert "No indicator figures" in text


def test_the_annual_report_of_a_demo_year_renders_as_pdf_and_word(demo):
    from docx import Document as read_docx

    from safeguarding_qa.reports.builders import annual_report_for
    from safeguarding_qa.reports.renderers.pdf import render_pdf
    from safeguarding_qa.reports.renderers.word import render_docx

    from .pdftext import pdf_text

    document = annual_report_for(_this_year().start_year)
    titles = [section.title for section in document.sections]
    for title in (
        "Meetings and attendance",
        "Audits",
        "Practice reviews",
        "Progress on recommendations",
        "Performance dashboard",
        "Self-assessment",
        "Learning briefings and dissemination",
        "The work programme: planned and done",
        "Areas for improvement and future plans",
    ):
        assert title in titles
    text = " ".join(pdf_text(render_pdf(document)).split())
    assert "Progress on recommendations" in text
    assert "Areas for improvement and future plans" in text
    word = read_docx(io.BytesIO(render_docx(document)))
    headings = [p.text for p in word.paragraphs if p.style and p.style.name.startswith("Heading")]
    assert any(h.endswith("Progress on recommendations") for h in headings)
