"""Forms for meetings: plain forms, so services see the "before" of every change."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding_qa.core.forms.widgets import GovukDateField

from .choices import AttendanceStatus, MeetingStatus

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class MeetingForm(forms.Form):
    group: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Group",
        queryset=None,
        empty_label="Choose a group",
        error_messages={
            "required": "Choose the group that is meeting",
            "invalid_choice": "Choose a group from the list",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, QA subgroup – June 2026.",
        error_messages={"required": "Enter the meeting's title"},
    )
    day = GovukDateField(
        label="Date",
        help_text="For example, 17 6 2026",
        error_messages={"required": "Enter the date of the meeting"},
    )
    start_time = forms.CharField(
        label="Start time",
        max_length=5,
        help_text="24-hour clock, for example 09:30 or 14:00",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"required": "Enter the start time"},
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=5,
        max_value=1440,
        initial=120,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter how long the meeting lasts, in minutes",
            "invalid": "Enter the length as a whole number of minutes, like 90",
            "min_value": "The meeting must last at least 5 minutes",
            "max_value": "The meeting must last no more than 1440 minutes (a day)",
        },
    )
    location = forms.CharField(
        label="Place (optional)", max_length=300, required=False, help_text="A room and address."
    )
    online_link = forms.URLField(
        label="Online meeting link (optional)",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in full, starting https://"},
    )

    def __init__(self, *args: Any, groups: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]

    def clean_start_time(self) -> time:
        match = _TIME.match(self.cleaned_data["start_time"].strip())
        if not match:
            raise forms.ValidationError("Enter the start time as hours and minutes, like 09:30")
        return time(int(match.group(1)), int(match.group(2)))

    def meeting_fields(self) -> dict[str, Any]:
        """The cleaned values as the service takes them (date and time made one)."""
        data = dict(self.cleaned_data)
        starts = datetime.combine(data.pop("day"), data.pop("start_time"))
        data["starts_at"] = timezone.make_aware(starts)
        return data


class MeetingEditForm(MeetingForm):
    status = forms.ChoiceField(
        label="Status",
        choices=MeetingStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the meeting's status"},
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label="Item", max_length=200, error_messages={"required": "Enter the agenda item"}
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    presenter = forms.CharField(label="Presented by (optional)", max_length=200, required=False)


class SuggestionsForm(forms.Form):
    suggestions = forms.MultipleChoiceField(
        label="Suggested items",
        widget=forms.CheckboxSelectMultiple,
        help_text="Select each item to add to the end of the agenda.",
        error_messages={
            "required": "Select at least one suggested item",
            "invalid_choice": "Select suggested items from the list",
        },
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["suggestions"].choices = choices  # type: ignore[attr-defined]


class PaperForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the paper's title"}
    )
    file = forms.FileField(
        label="Upload a file (optional)",
        required=False,
        help_text="PDF, Word or spreadsheet, up to 10 MB. Or give a link instead.",
    )
    link = forms.CharField(
        label="Or a link (optional)",
        max_length=500,
        required=False,
        help_text="A page in this system, like /audits/12/, or a full address starting https://",
    )
    agenda_item: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="For agenda item (optional)",
        queryset=None,
        required=False,
        empty_label="Not for a particular item",
        error_messages={"invalid_choice": "Choose an item from the agenda"},
    )

    MAX_BYTES = 10 * 1024 * 1024

    def __init__(self, *args: Any, agenda: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = agenda  # type: ignore[attr-defined]

    def clean_link(self) -> str:
        link = self.cleaned_data["link"].strip()
        if link and not (
            (link.startswith("/") and not link.startswith("//")) or link.startswith("https://")
        ):
            raise forms.ValidationError(
                "Enter a link to a page in this system starting /, or an address starting https://"
            )
        return link

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload is not None and upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB")
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "link" in data and "file" in data:
            has_file = data.get("file") is not None
            if has_file == bool(data.get("link")):
                raise forms.ValidationError("Upload a file or give a link, not both")
        return data


class AttendanceForm(forms.Form):
    """One set of radios per person expected at the meeting."""

    def __init__(
        self, *args: Any, people: list[Any], current: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        for person in people:
            organisation = person.organisation or "No organisation"
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=f"{person.display_name} ({organisation})",
                choices=AttendanceStatus.choices,
                required=False,
                initial=current.get(person.pk, ""),
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Select present, apologies or absent"},
            )

    def statuses(self) -> dict[Any, str]:
        """Person -> status for everyone given one."""
        return {
            person: self.cleaned_data[f"person_{person.pk}"]
            for person in self.people
            if self.cleaned_data.get(f"person_{person.pk}")
        }


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label="Minutes",
        required=False,
        help_text="Earlier versions are kept in the meeting's change history.",
        widget=forms.Textarea(attrs={"rows": 16}),
    )


class DecisionForm(forms.Form):
    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the decision"},
    )
    agenda_item: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Agenda item (optional)",
        queryset=None,
        required=False,
        empty_label="Not for a particular item",
        error_messages={"invalid_choice": "Choose an item from the agenda"},
    )
    action_needed = forms.BooleanField(
        label="This decision needs an action in the register",
        required=False,
        help_text="Name the organisation that owns the action and when it is due.",
    )
    action_organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Organisation that owns the action",
        queryset=None,
        required=False,
        empty_label="Choose an organisation",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    action_due = GovukDateField(
        label="Action due by", required=False, help_text="For example, 30 9 2026"
    )

    def __init__(
        self, *args: Any, agenda: QuerySet[Any], organisations: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = agenda  # type: ignore[attr-defined]
        self.fields["action_organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action_needed"):
            if not data.get("action_organisation") and "action_organisation" not in self.errors:
                self.add_error(
                    "action_organisation", "Choose the organisation that owns the action"
                )
            if not data.get("action_due") and "action_due" not in self.errors:
                self.add_error("action_due", "Enter the date the action is due")
        return data


class StatisticsForm(forms.Form):
    group: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Group",
        queryset=None,
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": "Choose a group from the list"},
    )
    year = forms.TypedChoiceField(label="Year (April to March)", coerce=int, required=False)

    def __init__(self, *args: Any, groups: QuerySet[Any], years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["year"].choices = [  # type: ignore[attr-defined]
            (str(y), f"{y} to {y + 1}") for y in years
        ]
