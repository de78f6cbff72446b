"""Forms for practice reviews, incidents, rapid reviews and information returns.

Plain forms, not model forms, so the "before" of an edit stays for the audit event.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from safeguarding_qa.core.forms.widgets import GovukDateField

from .choices import MilestoneKind, RapidReviewDecision, ReviewKind

_TEXTAREA = {"rows": 4}


def _date(label: str, *, required: bool = False, hint: str = "For example, 27 3 2026") -> Any:
    return GovukDateField(
        label=label if required else f"{label} (optional)",
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"},
    )


def _text(label: str, *, required: bool = False, hint: str = "", rows: int = 4) -> Any:
    return forms.CharField(
        label=label if required else f"{label} (optional)",
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}"},
    )


class ReviewFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *ReviewKind.choices]
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All years"), *[(y, str(y)) for y in years]]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {"kind": "", "year": None}
        return {"kind": self.cleaned_data["kind"], "year": self.cleaned_data["year"]}


class ReviewForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="The name the review is known by, for example Child C.",
        error_messages={"required": "Enter the review's name"},
    )
    kind = forms.ChoiceField(
        label="Kind of review",
        choices=ReviewKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of review"},
    )
    notified_on = _date("Notification date")
    rapid_review_on = _date("Rapid review date")
    published_on = _date("Publication date")
    summary = _text("Summary")
    themes = forms.CharField(
        label="Themes (optional)",
        max_length=300,
        required=False,
        help_text="Separate themes with commas, for example neglect, domestic abuse.",
    )
    terms_of_reference = _text("Terms of reference")
    reviewer = forms.CharField(
        label="Reviewer commissioned (optional)", max_length=200, required=False
    )
    commissioned_on = _date("Date commissioned")
    report_url = forms.URLField(
        label="Link to the published report (optional)",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, for example https://example.org/report"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        notified, published = data.get("notified_on"), data.get("published_on")
        rapid = data.get("rapid_review_on")
        if notified and rapid and rapid < notified:
            self.add_error("rapid_review_on", "The rapid review must be on or after notification.")
        if notified and published and published < notified:
            self.add_error("published_on", "Publication must be on or after notification.")
        return data


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(
        label="Milestone",
        choices=MilestoneKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the milestone"},
    )
    due_on = _date("Date planned", required=True)
    completed_on = _date("Date completed", hint="Leave blank until it is done.")
    notes = forms.CharField(label="Notes (optional)", max_length=300, required=False)


class MilestoneEditForm(MilestoneForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["kind"]


class IncidentForm(forms.Form):
    reference = forms.CharField(
        label="Pseudonymous reference",
        max_length=40,
        help_text="Never the child's name. For example, Child R.",
        error_messages={"required": "Enter a pseudonymous reference"},
    )
    aware_on = _date("Date the local authority became aware", required=True)
    death_or_serious_harm = forms.BooleanField(
        label="The child died or was seriously harmed", required=False
    )
    abuse_or_neglect = forms.BooleanField(
        label="Abuse or neglect is known or suspected", required=False
    )
    summary = _text("Summary", required=True, hint="What happened, without identifying anyone.")
    agencies: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Agencies involved",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = organisations  # type: ignore[attr-defined]


class IncidentCreateForm(IncidentForm):
    identifiers_text = forms.CharField(
        label="Identifiers (optional)",
        required=False,
        max_length=2000,
        help_text=(
            "The child's name, date of birth and case numbers. Stored encrypted and never "
            "shown in lists, exports or the audit trail."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )


class RevealForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to see the identifiers?",
        max_length=500,
        help_text="Your reason is recorded in the audit trail with your name.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you need to see the identifiers"},
    )


class NotifyForm(forms.Form):
    notified_on = _date("Date the notification was sent", required=True)


class InformationRequestForm(forms.Form):
    organisations: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Agencies to ask",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one agency to ask"},
    )
    due_on = _date("Date the information is due", required=True)

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations  # type: ignore[attr-defined]


class RapidReviewForm(forms.Form):
    meeting_on = _date("Date of the rapid review meeting", required=True)
    attendance = _text("Attendance", required=True, hint="Who attended, from which agencies.")
    discussion = _text("Discussion")
    learning = _text("Learning identified")
    decision = forms.ChoiceField(
        label="Decision (optional)",
        choices=RapidReviewDecision.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Leave unselected if the group has not decided yet.",
    )
    decision_rationale = _text("Rationale for the decision")
    decided_on = _date("Date of the decision")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision"):
            if not data.get("decision_rationale", "").strip():
                self.add_error("decision_rationale", "Enter the rationale for the decision")
            if not data.get("decided_on"):
                self.add_error("decided_on", "Enter the date of the decision")
        elif data.get("decided_on"):
            self.add_error("decision", "Select the decision, or leave its date blank")
        return data


class PanelForm(forms.Form):
    sent_to_panel_on = _date("Date the rapid review was sent to the national panel")
    panel_response_on = _date("Date of the panel's response")
    panel_response = _text("The panel's response")


class CommissionForm(forms.Form):
    name = forms.CharField(
        label="Name of the review",
        max_length=200,
        help_text="The name it will be published under, for example Child R.",
        error_messages={"required": "Enter the review's name"},
    )
    terms_of_reference = _text("Terms of reference", required=True, rows=6)
    reviewer = forms.CharField(
        label="Reviewer commissioned",
        max_length=200,
        error_messages={"required": "Enter who was commissioned to carry out the review"},
    )
    commissioned_on = _date("Date commissioned", required=True)
    themes = forms.CharField(label="Themes (optional)", max_length=300, required=False)


class ReturnForm(forms.Form):
    chronology = _text("Chronology of involvement", rows=8)
    analysis = _text("Analysis", rows=6)
    immediate_learning = _text("Immediate learning")
    actions_taken = _text("Actions already taken")
    attachment = forms.FileField(
        label="Attachment (optional)",
        required=False,
        help_text="For example your agency's own chronology. Up to 10 MB.",
    )


class ReviewRecommendationForm(forms.Form):
    """A recommendation for the register, with the review as its source."""

    title = forms.CharField(
        label="Short title",
        max_length=200,
        error_messages={"required": "Enter a short title for the recommendation"},
    )
    text = _text("Recommendation", required=True, rows=5)
    kind = forms.ChoiceField(
        label="Kind of recommendation",
        choices=[
            ("multi_agency", "Multi-agency strategic"),
            ("single_agency", "Single-agency practice"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of recommendation"},
    )
    rationale = _text("Rationale")
    themes = forms.CharField(
        label="Themes (optional)",
        max_length=300,
        required=False,
        help_text="Separate themes with commas, for example neglect, voice of the child.",
    )
    lead_organisations: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Lead organisations (optional)",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    agreed_on = _date("Date agreed", required=True)

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_organisations"].queryset = organisations  # type: ignore[attr-defined]

    def clean_themes(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["themes"].split(",") if name.strip()]
