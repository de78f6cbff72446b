"""Forms for returns, uploads, commentary, challenges and quarters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from safeguarding_qa.accounts.models import User
from safeguarding_qa.core.forms.widgets import GovukDateField
from safeguarding_qa.partnership.models import Organisation

from .choices import Frequency
from .models import Indicator, IndicatorValue
from .services.returns import ReturnInvalid, ReturnRow
from .spreadsheets import MAX_UPLOAD_BYTES


def _number(label: str, initial: Decimal | None) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        initial=initial,
        required=False,
        min_value=Decimal("0"),
        max_digits=14,
        decimal_places=4,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "invalid": "Enter a number, like 42 or 12.5.",
            "min_value": "Enter a number that is 0 or more.",
        },
    )


class ReturnForm(forms.Form):
    """One group of inputs per indicator: numerator and denominator for percentages, the
    numerator for rates per 10,000, the value for counts and days; a reason for a change."""

    def __init__(
        self, data: Any, *, rows: list[tuple[Indicator, IndicatorValue | None]], **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        self.rows = rows
        for indicator, current in rows:
            code = indicator.code
            if indicator.takes_numerator:
                self.fields[f"{code}-numerator"] = _number(
                    f"Numerator: {indicator.numerator_definition}",
                    current.numerator if current else None,
                )
            if indicator.needs_denominator:
                self.fields[f"{code}-denominator"] = _number(
                    f"Denominator: {indicator.denominator_definition}",
                    current.denominator if current else None,
                )
            if not indicator.takes_numerator:
                self.fields[f"{code}-value"] = _number(
                    f"Value ({indicator.get_unit_display().lower()})",
                    current.value if current else None,
                )
            if current is not None:
                self.fields[f"{code}-reason"] = forms.CharField(
                    label="Reason for a change (needed only if you change the figures)",
                    required=False,
                    max_length=500,
                )

    def groups(self) -> list[dict[str, Any]]:
        """The bound fields of each indicator, for rendering in fieldsets."""
        return [
            {
                "indicator": indicator,
                "current": current,
                "fields": [
                    self[name] for name in self.fields if name.startswith(f"{indicator.code}-")
                ],
            }
            for indicator, current in self.rows
        ]

    def return_rows(self) -> list[ReturnRow]:
        data = self.cleaned_data
        return [
            ReturnRow(
                code=indicator.code,
                numerator=data.get(f"{indicator.code}-numerator"),
                denominator=data.get(f"{indicator.code}-denominator"),
                value=data.get(f"{indicator.code}-value"),
                reason=data.get(f"{indicator.code}-reason", ""),
                where=indicator.code,
            )
            for indicator, _ in self.rows
        ]

    def show_problems(self, error: ReturnInvalid) -> None:
        """Put each refused row's message beside that indicator's first input."""
        for problem in error.problems:
            names = [name for name in self.fields if name.startswith(f"{problem.code}-")]
            self.add_error(names[0] if names else None, problem.message)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the completed template",
        help_text="The .xlsx file downloaded from this page, no larger than 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 2 MB.")
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("The file must be an Excel workbook (.xlsx).")
        return upload


class _PeriodChoiceMixin(forms.Form):
    """A choice of quarter, newest first, defaulting to the latest."""

    def __init__(self, data: Any = None, *, periods: list[Any], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        newest_first = list(reversed(periods))
        self.periods = {str(p.pk): p for p in newest_first}
        self.fields["period"] = forms.ChoiceField(
            label="Quarter",
            choices=[(str(p.pk), p.label) for p in newest_first],
            initial=str(newest_first[0].pk) if newest_first else None,
            error_messages={
                "required": "Select the quarter.",
                "invalid_choice": "Select a quarter from the list.",
            },
        )
        self.order_fields(["period"])

    def chosen_period(self) -> Any:
        return self.periods[self.cleaned_data["period"]]


class CommentaryForm(_PeriodChoiceMixin):
    text = forms.CharField(
        label="Commentary",
        help_text="What explains the figure, and what is being done about it.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the commentary."},
    )


class ChallengeForm(_PeriodChoiceMixin):
    question = forms.CharField(
        label="Question for the organisation",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the question for the organisation."},
    )


class ResponseForm(forms.Form):
    response = forms.CharField(
        label="Your response",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter your response."},
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label="Why is the challenge being closed?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the challenge is being closed."},
    )


class IndicatorForm(forms.Form):
    target = forms.DecimalField(
        label="Target",
        required=False,
        max_digits=14,
        decimal_places=4,
        help_text="Leave blank for no target (no RAG rating).",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )
    tolerance = forms.DecimalField(
        label="Tolerance",
        min_value=Decimal("0"),
        max_digits=14,
        decimal_places=4,
        help_text="How far from the target is amber rather than red.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={"required": "Enter the tolerance (0 for none)."},
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(is_active=True),
        label="Organisation that reports it",
        empty_label=None,
    )
    data_source = forms.CharField(label="Data source", required=False, max_length=300)
    frequency = forms.ChoiceField(
        label="How often it is reported",
        choices=Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Can change only before the indicator has any values.",
        error_messages={"invalid_choice": "Select quarterly or monthly."},
    )
    is_active = forms.BooleanField(label="Reported on the dashboard", required=False)


class PeriodForm(forms.Form):
    start = GovukDateField(
        label="A day in the quarter",
        help_text="Any day in the quarter to add, for example 1 4 2026 for 2026-27 Q1.",
    )


class DataContactForm(forms.Form):
    """Choose one of the organisation's people to name as a data contact."""

    person = forms.ModelChoiceField(
        label="Person",
        queryset=User.objects.none(),
        help_text="Only active people of your organisation who do not already send returns.",
        error_messages={
            "required": "Select the person to name as a data contact.",
            "invalid_choice": "Select a person from the list.",
        },
    )

    def __init__(self, data: Any = None, *, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        field = self.fields["person"]
        field.queryset = people  # type: ignore[attr-defined]
        field.label_from_instance = _person_label  # type: ignore[attr-defined]


def _person_label(person: User) -> str:
    return (
        f"{person.display_name} ({person.job_title})" if person.job_title else person.display_name
    )
