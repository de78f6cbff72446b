"""The quarterly dashboard report and the dashboard's annual report section.

Read from ``indicators.selectors.dashboard`` (three queries) plus one query each for the
commentary and the challenges of the exceptions: a fixed number, whatever the number of
indicators and quarters.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from safeguarding_qa.indicators import spc
from safeguarding_qa.indicators.choices import ChallengeStatus, Frequency
from safeguarding_qa.indicators.models import Challenge, Commentary, Period
from safeguarding_qa.indicators.selectors import Dashboard, IndicatorRow, dashboard

from ..renderers import Block, BulletList, Heading, Paragraph, ReportDocument, Section, Table
from ..renderers.charts import spc_chart
from ..sections import ReportYear
from .common import change, figure, plural, report_access

RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}


def _rag(row: IndicatorRow) -> str:
    return RAG_LABELS.get(str(row.rag), "No target") if row.rag else "No target"


def _indicator_table(caption: str, rows: list[IndicatorRow]) -> Table:
    return Table(
        caption=caption,
        header=("Indicator", "Value", "Target", "RAG", "Change on quarter", "SPC"),
        rows=tuple(
            (
                row.indicator.title,
                figure(row.latest, row.indicator.unit),
                figure(row.indicator.target, row.indicator.unit),
                _rag(row),
                change(row.change_quarter, row.indicator.unit),
                row.variation_label,
            )
            for row in rows
        ),
        numeric=frozenset({1, 2}),
    )


def _period_word(row: IndicatorRow) -> str:
    return "month" if row.indicator.frequency == Frequency.MONTHLY else "quarter"


def _chart(row: IndicatorRow) -> Block:
    values = [float(value) for _, value in row.series]
    labels = [period.label for period, _ in row.series]
    xmr = spc.xmr(values)
    target = float(row.indicator.target) if row.indicator.target is not None else None
    return spc_chart(
        title=f"{row.indicator.title} by {_period_word(row)}",
        labels=labels,
        values=values,
        value_label=row.indicator.get_unit_display(),
        mean=xmr.mean if xmr else None,
        limits=(xmr.lower_limit, xmr.upper_limit) if xmr else None,
        target=target,
    )


def _exception_blocks(
    row: IndicatorRow, comments: list[Commentary], challenges: list[Challenge]
) -> list[Block]:
    unit = row.indicator.unit
    blocks: list[Block] = [
        Heading(row.indicator.title),
        Paragraph(
            f"Value {figure(row.latest, unit)} against a target of "
            f"{figure(row.indicator.target, unit)} ({_rag(row)}); "
            f"change on the quarter {change(row.change_quarter, unit)}. "
            f"{row.variation_label}."
        ),
        BulletList(tuple(row.exception_reasons)),
    ]
    if row.series:
        blocks.append(_chart(row))
    blocks.append(Heading("Commentary", level=4))
    blocks.append(
        BulletList(
            tuple(
                f"{c.organisation.name if c.organisation else 'QA subgroup'}: {c.text}"
                for c in comments
            )
        )
        if comments
        else Paragraph("No commentary has been recorded for this quarter.")
    )
    blocks.append(Heading("Challenge", level=4))
    if challenges:
        blocks.append(
            Table(
                caption=f"Challenges on {row.indicator.title}",
                header=("Organisation", "Quarter", "Question", "Response", "Status"),
                rows=tuple(
                    (
                        ch.organisation.name,
                        ch.period.label,
                        ch.question,
                        ch.response or "Not yet answered",
                        ch.get_status_display(),
                    )
                    for ch in challenges
                ),
            )
        )
    else:
        blocks.append(Paragraph("No open challenge."))
    return blocks


def _exception_section(board: Dashboard, period: Period) -> Section:
    exceptions = board.exceptions
    if not exceptions:
        return Section(
            title="Exceptions",
            blocks=(Paragraph("No indicator is red, worsening or showing a concern."),),
            anchor="exceptions",
        )
    ids = [row.indicator.pk for row in exceptions]
    comments = list(
        Commentary.objects.filter(indicator_id__in=ids, period=period)
        .select_related("organisation")
        .order_by("kind", "created_at")
    )
    challenges = list(
        Challenge.objects.filter(indicator_id__in=ids)
        .filter(Q(period=period) | ~Q(status=ChallengeStatus.CLOSED))
        .select_related("organisation", "period")
        .order_by("created_at")
    )
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(exceptions), 'indicator')} need attention this quarter: red against "
            "target, worse than last quarter, or showing special cause variation of concern."
        )
    ]
    for row in exceptions:
        pk = row.indicator.pk
        blocks.extend(
            _exception_blocks(
                row,
                [c for c in comments if c.indicator_id == pk],
                [c for c in challenges if c.indicator_id == pk],
            )
        )
    return Section(title="Exceptions", blocks=tuple(blocks), anchor="exceptions")


def _summary_section(board: Dashboard, period: Period) -> Section:
    rows = board.rows
    counts = {label: sum(1 for row in rows if _rag(row) == label) for label in RAG_LABELS.values()}
    return Section(
        title="Summary",
        blocks=(
            Paragraph(
                f"The dashboard for {period.label} ({period.start:%-d %B %Y} to "
                f"{period.end:%-d %B %Y}) has {plural(len(rows), 'indicator')}: "
                f"{counts['Red']} red, {counts['Amber']} amber and {counts['Green']} green "
                f"against target; {plural(len(board.exceptions), 'exception')}."
            ),
        ),
        anchor="summary",
    )


def dashboard_report(
    *, period_id: int | None, partnership_name: str, made_on: date
) -> ReportDocument:
    """The quarterly dashboard report: a summary, every indicator by section, and the
    exceptions with their SPC chart, commentary and open challenges."""
    board = dashboard(access=report_access(), period_id=period_id)
    period = board.period
    if period is None:
        return ReportDocument(
            title="Quarterly dashboard report",
            author=partnership_name,
            made_on=made_on,
            sections=(Section("Summary", (Paragraph("No quarter has been set up yet."),)),),
        )
    sections = [_summary_section(board, period), _exception_section(board, period)]
    for name, rows in board.sections:
        sections.append(
            Section(
                title=name,
                blocks=(_indicator_table(f"{name} indicators, {period.label}", rows),),
            )
        )
    return ReportDocument(
        title=f"Quarterly dashboard report {period.label}",
        subtitle=f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}",
        author=partnership_name,
        made_on=made_on,
        sections=tuple(sections),
        numbered_sections=True,
    )


def dashboard_year_sections(year: ReportYear) -> list[Section]:
    """Dashboard highlights for the year: every indicator at the year's last reported
    quarter, with the red ones and the challenges raised during the year."""
    periods = list(
        Period.objects.filter(start__gte=year.starts_on, start__lte=year.ends_on)
        .filter(values__isnull=False)
        .distinct()
        .order_by("-start")[:1]
    )
    if not periods:
        return [
            Section(
                title="Performance dashboard",
                blocks=(Paragraph("No indicator figures were recorded for this year."),),
                anchor="dashboard",
            )
        ]
    period = periods[0]
    board = dashboard(access=report_access(), period_id=period.pk)
    raised = Challenge.objects.filter(
        period__start__gte=year.starts_on, period__start__lte=year.ends_on
    ).count()
    red = [row.indicator.title for row in board.rows if _rag(row) == "Red"]
    improving = [
        row.indicator.title for row in board.rows if row.variation == spc.Variation.IMPROVEMENT
    ]
    blocks: list[Block] = [
        Paragraph(
            f"At {period.label}, the last quarter of the year with figures, the dashboard "
            f"had {plural(len(board.rows), 'indicator')}, {len(red)} red against target and "
            f"{plural(len(board.exceptions), 'exception')}. The subgroup raised "
            f"{plural(raised, 'challenge')} on indicators during the year."
        ),
        Heading("Red against target"),
        BulletList(tuple(red) or ("None.",)),
        Heading("Showing improvement"),
        BulletList(tuple(improving) or ("None shown by the SPC charts.",)),
        _indicator_table(f"Indicators at {period.label}", board.rows),
    ]
    return [Section(title="Performance dashboard", blocks=tuple(blocks), anchor="dashboard")]
