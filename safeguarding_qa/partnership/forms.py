"""Forms for organisations, groups, memberships and the partnership's details.

Plain forms rather than model forms: model forms write their values onto the instance while
validating, which would hide the "before" of an edit from the service's audit event.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding_qa.core.forms.widgets import GovukDateField

from .choices import GroupKind, GroupRole, MeetingFrequency, ReviewOutcome, Sector
from .validators import validate_email_lines


class OrganisationFilterForm(forms.Form):
    STATUS_CHOICES = [("", "Active and inactive"), ("active", "Active"), ("inactive", "Inactive")]

    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "All sectors"), *Sector.choices]
    )
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)

    def filters(self) -> dict[str, Any]:
        """The filters to apply; none when the form is not valid."""
        if not self.is_valid():
            return {"sector": "", "active": None}
        status = self.cleaned_data["status"]
        return {
            "sector": self.cleaned_data["sector"],
            "active": {"active": True, "inactive": False}.get(status),
        }


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the organisation's name"},
    )
    short_name = forms.CharField(
        label="Short name (optional)",
        max_length=40,
        required=False,
        help_text="An abbreviation used in tables, for example BHT.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    sector = forms.ChoiceField(
        label="Sector",
        choices=Sector.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the organisation's sector"},
    )
    is_statutory_partner = forms.BooleanField(
        label="Statutory safeguarding partner",
        required=False,
        help_text="The local authority, the integrated care board or the police.",
    )


class GroupForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the group's name"}
    )
    kind = forms.ChoiceField(
        label="Kind of group",
        choices=GroupKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of group"},
    )
    meeting_frequency = forms.ChoiceField(
        label="How often it meets",
        choices=MeetingFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often the group meets"},
    )
    purpose = forms.CharField(
        label="Purpose (optional)",
        required=False,
        help_text="What the group is for, as in its terms of reference.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class GroupEditForm(GroupForm):
    is_active = forms.BooleanField(
        label="The group still meets",
        required=False,
        help_text="Untick when the group has stopped meeting. Its history is kept.",
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        organisation = obj.organisation
        return f"{obj.display_name} — {organisation}" if organisation else obj.display_name


def _today() -> Any:
    return timezone.localdate()


class MembershipAddForm(forms.Form):
    person = PersonChoiceField(
        label="Person",
        queryset=None,
        empty_label="Choose a person",
        help_text="Active people who are not already members of the group.",
        error_messages={
            "required": "Choose the person to add",
            "invalid_choice": "Choose a person from the list",
        },
    )
    role = forms.ChoiceField(
        label="Role in the group",
        choices=GroupRole.choices,
        initial=GroupRole.MEMBER,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their role in the group"},
    )
    started_on = GovukDateField(
        label="Date they joined",
        initial=_today,
        help_text="For example, 1 4 2026",
        error_messages={"required": "Enter the date they joined"},
    )

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their role in the group"},
    )


class MembershipEndForm(forms.Form):
    ended_on = GovukDateField(
        label="Date the membership ended",
        initial=_today,
        help_text="For example, 31 3 2026",
        error_messages={"required": "Enter the date the membership ended"},
    )
    reason = forms.CharField(
        label="Reason",
        max_length=300,
        help_text="For example, left the organisation, or replaced at the membership review.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason the membership ended"},
    )


class PartnershipForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="Shown at the top of every page.",
        error_messages={"required": "Enter the partnership's name"},
    )
    short_name = forms.CharField(
        label="Short name (optional)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    local_authority_areas = forms.CharField(
        label="Local authority areas (optional)",
        max_length=300,
        required=False,
        help_text="The local authority areas the partnership covers.",
    )
    live_concern_contacts = forms.CharField(
        label="Live-concern contacts (optional)",
        required=False,
        help_text=(
            "E-mail addresses told at once about a live safeguarding concern. "
            "Put one address on each line."
        ),
        validators=[validate_email_lines],
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_live_concern_contacts(self) -> str:
        # Stored tidily: one address a line, no blank lines or stray spaces.
        value = self.cleaned_data["live_concern_contacts"]
        return "\n".join(line.strip() for line in value.splitlines() if line.strip())


class MembershipReviewForm(forms.Form):
    reviewed_on = GovukDateField(
        label="Date of the review",
        initial=_today,
        help_text="For example, 14 3 2026",
        error_messages={"required": "Enter the date of the review"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the review"},
    )
    changes_made = forms.CharField(
        label="Changes made (needed when the membership changed)",
        required=False,
        help_text="For example, housing and probation invited; a second lay member sought.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("outcome") == ReviewOutcome.CHANGED
            and not data.get("changes_made", "").strip()
        ):
            self.add_error("changes_made", "Describe the changes made to the membership")
        return data
