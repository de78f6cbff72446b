"""Forms for rounds, answers, moderation and challenge responses.

Plain forms rather than model forms, so that the services see the "before" of each change.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.core.forms.widgets import GovukDateField

from .choices import ModerationDecision

_RATING_REQUIRED = {"required": "Select a rating: red, amber or green"}


class FrameworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class OrganisationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class RoundForm(forms.Form):
    framework = FrameworkChoiceField(
        label="Framework",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the framework",
            "invalid_choice": "Select a framework from the list",
        },
    )
    year = forms.IntegerField(
        label="Year the round starts",
        min_value=2000,
        max_value=2100,
        help_text="For example 2026 for the 2026-27 round.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the year the round starts",
            "invalid": "Enter the year as four digits, for example 2026",
            "min_value": "Enter a year between 2000 and 2100",
            "max_value": "Enter a year between 2000 and 2100",
        },
    )
    opens_on = GovukDateField(
        label="Opens on", error_messages={"required": "Enter the date the round opens"}
    )
    due_on = GovukDateField(
        label="Returns due on", error_messages={"required": "Enter the date returns are due"}
    )
    organisations = OrganisationChoiceField(
        label="Participating organisations",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one organisation",
            "invalid_choice": "Select organisations from the list",
        },
    )
    carry_forward = forms.BooleanField(
        label="Start each answer from the organisation's answer in the previous round",
        required=False,
        initial=True,
    )

    def __init__(
        self, *args: Any, frameworks: QuerySet[Any], organisations: QuerySet[Any], **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {"year": timezone.localdate().year, "carry_forward": True})
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks  # type: ignore[attr-defined]
        self.fields["organisations"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens_on, due_on = data.get("opens_on"), data.get("due_on")
        if opens_on and due_on and due_on < opens_on:
            self.add_error("due_on", "The due date must be on or after the date the round opens")
        return data


class AnswerForm(forms.Form):
    self_rating = forms.ChoiceField(
        label="Self-rating",
        choices=RAG.choices,
        widget=forms.RadioSelect,
        help_text="Green: met and evidenced. Amber: partly met. Red: not met.",
        error_messages=_RATING_REQUIRED,
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="What shows the standard is met: audits, policies, training figures.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the evidence for your rating"},
    )
    planned_actions = forms.CharField(
        label="Planned actions (optional)",
        required=False,
        help_text="What your organisation will do to improve, with dates and owners.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=ModerationDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree or challenge the rating"},
    )
    moderated_rating = forms.ChoiceField(
        label="The subgroup's rating (optional)",
        required=False,
        choices=[("", "Keep the organisation's rating"), *RAG.choices],
        help_text="Set only when the subgroup agrees a different rating from the evidence.",
    )
    note = forms.CharField(
        label="Note to the organisation",
        required=False,
        help_text="Needed for a challenge: what the organisation should respond to.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == ModerationDecision.CHALLENGE and not data.get("note", ""):
            self.add_error("note", "Enter what the organisation should respond to")
        return data


class ChallengeResponseForm(forms.Form):
    response = forms.CharField(
        label="Your response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter your response to the challenge"},
    )
    self_rating = forms.ChoiceField(
        label="Self-rating",
        choices=RAG.choices,
        widget=forms.RadioSelect,
        help_text="Change it if the challenge has persuaded you.",
        error_messages=_RATING_REQUIRED,
    )


class RegisterActionForm(forms.Form):
    """Confirm a planned action going into the recommendations register."""

    description = forms.CharField(
        label="Action",
        help_text="Starts as the organisation's planned actions; edit it to one clear action.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the action"},
    )
    due_on = GovukDateField(
        label="Due date",
        help_text="For example, 31 3 2027",
        error_messages={"required": "Enter the due date"},
    )
    priority = forms.ChoiceField(
        label="Priority",
        choices=[("high", "High"), ("medium", "Medium"), ("low", "Low")],
        initial="medium",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the priority"},
    )
