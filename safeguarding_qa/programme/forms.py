"""Forms for the work programme: plain forms, so services see the "before" of each change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from .choices import ItemKind, ItemStatus, Quarter


class ProgrammeForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Year",
        coerce=int,
        help_text="Programmes run from 1 April to 31 March.",
        error_messages={
            "required": "Choose the programme's year",
            "invalid_choice": "Choose a year from the list",
        },
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [  # type: ignore[attr-defined]
            (str(year), f"April {year} to March {year + 1}") for year in years
        ]


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} – {obj.group.name}, {obj.starts_at:%d %B %Y}"


class ItemForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of work",
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of work"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Neglect in pre-school children.",
        error_messages={"required": "Enter the item's title"},
    )
    theme = forms.CharField(
        label="Theme (optional)",
        max_length=200,
        required=False,
        help_text="For audits and reviews, for example Neglect or Domestic abuse.",
    )
    quarter = forms.TypedChoiceField(
        label="Quarter (optional, needed for a dashboard review)",
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "Not set"), *Quarter.choices],
        error_messages={"invalid_choice": "Choose a quarter from the list"},
    )
    target_meeting = MeetingChoiceField(
        label="Target meeting (optional)",
        queryset=None,
        required=False,
        empty_label="Not decided yet",
        help_text="The meeting that will consider the work.",
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=ItemStatus.choices,
        initial=ItemStatus.PLANNED,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the item's status"},
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, meetings: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target_meeting"].queryset = meetings  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        needs_quarter = data.get("kind") == ItemKind.DASHBOARD_REVIEW
        if needs_quarter and not data.get("quarter") and "quarter" not in self.errors:
            self.add_error("quarter", "Choose the quarter the dashboard review covers")
        return data
