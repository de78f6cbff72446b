"""Forms for people, invitations and accepting an invitation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.roles import ROLE_DESCRIPTIONS, Role
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.partnership.policies import organisations as organisation_policy

from .models import User
from .selectors import INVITATION_STATUSES, PERSON_STATUSES, person_filter_organisations

# A hint shown beside new-password fields (not a password).
PASSWORD_RULES = "Use at least 12 characters. Do not use a common password, only numbers, or anything like your name or e-mail address."  # noqa: E501, S105


def _role_field(label: str = "Role") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text="The role decides what they can see and do.",
        error_messages={"required": "Select a role"},
    )


def _organisations_for(access: Access, current: Organisation | None = None) -> Any:
    """Active organisations the person may see, plus the current one if it is inactive."""
    condition = Q(is_active=True)
    if current is not None:
        condition |= Q(pk=current.pk)
    return organisation_policy.scope(access).filter(condition).order_by("name")


class PersonFilterForm(forms.Form):
    """The filters above the list of people (submitted by GET)."""

    search = forms.CharField(label="Name or e-mail address", required=False, max_length=100)
    organisation = forms.TypedChoiceField(
        label="Organisation", required=False, coerce=int, empty_value=None
    )
    role = forms.ChoiceField(
        label="Role", required=False, choices=[("", "All roles"), *Role.choices]
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=list(PERSON_STATUSES.items())
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = person_filter_organisations(access=access)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", "All organisations"),
            *((str(organisation.pk), organisation.name) for organisation in organisations),
        ]

    def filters(self) -> dict[str, Any]:
        """The filters to apply; invalid values are ignored rather than failing the page."""
        if not self.is_valid():
            return {"status": "active"}
        data = self.cleaned_data
        return {
            "search": data["search"] or "",
            "organisation_id": data["organisation"],
            "role": data["role"] or "",
            "status": data["status"] or "active",
        }


class InvitationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All invitations"), *INVITATION_STATUSES.items()],
    )


class PersonForm(forms.ModelForm):
    """A person's name, job title, organisation and role (their e-mail address is fixed)."""

    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation", "role"]
        labels = {"full_name": "Full name", "job_title": "Job title (optional)"}
        error_messages = {
            "full_name": {"required": "Enter their full name"},
            "organisation": {"required": "Select their organisation"},
        }

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = self.instance.organisation if self.instance.organisation_id else None
        organisation = self.fields["organisation"]
        organisation.queryset = _organisations_for(access, current)  # type: ignore[attr-defined]
        organisation.required = True
        organisation.empty_label = "Choose an organisation"  # type: ignore[attr-defined]
        self.fields["role"] = _role_field()
        self.fields["full_name"].widget.attrs["autocomplete"] = "off"


class DeactivateForm(forms.Form):
    reason = forms.CharField(
        label="Why are you deactivating them?",
        help_text="For example, they have left the organisation. This is kept in the audit trail.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are deactivating this person"},
    )


class InvitationForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter their full name"}
    )
    email = forms.EmailField(
        label="E-mail address",
        help_text="The invitation is sent here. They will sign in with this address.",
        error_messages={
            "required": "Enter their e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.com",
        },
    )
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label="Choose an organisation",
        error_messages={"required": "Select their organisation"},
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations_for(access)  # type: ignore[attr-defined]
        self.fields["role"] = _role_field()
        self.fields["email"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class AcceptInvitationForm(forms.Form):
    password1 = forms.CharField(
        label="Create a password",
        help_text=PASSWORD_RULES,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your password again"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match")
        return data


def role_descriptions() -> list[dict[str, str]]:
    """Each role with what it means, for pages that explain roles."""
    return [{"label": role.label, "description": ROLE_DESCRIPTIONS[role]} for role in Role]
