"""Forms for learning briefings and their dissemination."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from safeguarding_qa.core.forms.widgets import GovukDateField
from safeguarding_qa.partnership.models import Organisation

from .choices import SEVEN_SECTIONS, CascadeMethod


class BriefingForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter the briefing's title"},
    )
    summary = forms.CharField(
        label="Summary (optional)",
        max_length=300,
        required=False,
        help_text="One sentence shown in lists of briefings.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, section in enumerate(SEVEN_SECTIONS, start=1):
            self.fields[section.field] = forms.CharField(
                label=f"{number}. {section.title}",
                help_text=f"{section.hint} Never name or identify a child or family.",
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 5}),
            )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        max_length=300,
        error_messages={"required": "Enter why the briefing is being withdrawn"},
    )


class DisseminationForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"required": "Select the organisation"},
    )
    cascaded_on = GovukDateField(
        label="When was it cascaded?",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date it was cascaded"},
    )
    method = forms.ChoiceField(
        label="How was it cascaded?",
        choices=CascadeMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it was cascaded"},
    )
    staff_reached = forms.IntegerField(
        label="How many staff did it reach?",
        min_value=1,
        max_value=100_000,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": "Enter how many staff it reached",
            "invalid": "Enter the number of staff as a whole number, like 25",
            "min_value": "The number of staff must be 1 or more",
            "max_value": "The number of staff must be 100,000 or fewer",
        },
    )
    feedback = forms.CharField(
        label="Feedback from staff (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What staff said, and any change to practice. Never name a child or family.",
    )

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
