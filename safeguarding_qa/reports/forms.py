"""Forms for producing reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding_qa.indicators.models import Period

from .choices import DocumentFormat
from .rules import FIRST_REPORT_YEAR
from .sections import ReportYear


def year_choices() -> list[tuple[int, str]]:
    current = ReportYear.containing(timezone.localdate()).start_year
    return [(year, ReportYear(year).label) for year in range(current, FIRST_REPORT_YEAR - 1, -1)]


class AnnualReportYearForm(forms.Form):
    """Which year's annual report to show (GET)."""

    year = forms.TypedChoiceField(label="Year", coerce=int, choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()  # type: ignore[attr-defined]

    def chosen_year(self) -> int:
        if self.is_bound and self.is_valid():
            return int(self.cleaned_data["year"])
        return ReportYear.containing(timezone.localdate()).start_year


class AnnualReportGenerateForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Year",
        coerce=int,
        choices=(),
        error_messages={"required": "Select the year of the report"},
    )
    format = forms.ChoiceField(
        label="Format",
        choices=DocumentFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select PDF or Word"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()  # type: ignore[attr-defined]


def reported_periods() -> QuerySet[Period]:
    """Quarters with at least one indicator figure, newest first."""
    return Period.objects.filter(values__isnull=False).distinct().order_by("-start")


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class DashboardReportPeriodForm(forms.Form):
    """Which quarter's dashboard report to show (GET)."""

    period = PeriodChoiceField(label="Quarter", queryset=Period.objects.none(), empty_label=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = reported_periods()  # type: ignore[attr-defined]

    def chosen_period_id(self) -> int | None:
        if self.is_bound and self.is_valid():
            return int(self.cleaned_data["period"].pk)
        return None


class DashboardReportGenerateForm(forms.Form):
    period = PeriodChoiceField(
        label="Quarter",
        queryset=Period.objects.none(),
        error_messages={
            "required": "Select the quarter of the report",
            "invalid_choice": "Select a quarter that has figures",
        },
    )
    format = forms.ChoiceField(
        label="Format",
        choices=DocumentFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select PDF or Word"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = reported_periods()  # type: ignore[attr-defined]


class DocumentFormatForm(forms.Form):
    """The format of a report about one object (an audit): its subject is in the URL."""

    format = forms.ChoiceField(
        label="Format",
        choices=DocumentFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select PDF or Word", "invalid_choice": "Select PDF or Word"},
    )


class AnnualNarrativeForm(forms.Form):
    """The words of one year's annual report, written one point a line where it is a list."""

    introduction = forms.CharField(
        label="Introduction",
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the introduction"},
    )
    areas_for_improvement = forms.CharField(
        label="Areas for improvement",
        max_length=10_000,
        help_text="Start a line with a dash (-) to make it a point in a list.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the areas for improvement"},
    )
    future_plans = forms.CharField(
        label="Future plans",
        max_length=10_000,
        help_text="Start a line with a dash (-) to make it a point in a list.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the future plans"},
    )
