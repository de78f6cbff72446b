"""Forms for the links to other areas: recommendations, impact evidence, case-data samples."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.casedata.models import Sample, SampleMember
from safeguarding_qa.casedata.policies import samples as sample_policy
from safeguarding_qa.core.forms.widgets import GovukDateField
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.recommendations.choices import RecommendationKind
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.recommendations.policies import recommendations_policy

from .choices import OpenFor, PlanCategory, PlanType
from .models import Audit, AuditAim


class AuditRecommendationForm(forms.Form):
    title = forms.CharField(
        label="Recommendation",
        max_length=200,
        error_messages={"required": "Enter the recommendation"},
    )
    text = forms.CharField(
        label="What it asks for",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the recommendation asks for"},
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=RecommendationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select single-agency or multi-agency"},
    )
    organisations = forms.ModelMultipleChoiceField(
        label="Organisations to act",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each gets an action in the register.",
        error_messages={"required": "Select the organisations to act"},
    )
    action = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the action"},
    )
    due_on = GovukDateField(label="Action due")
    agreed_on = GovukDateField(label="Date agreed")

    def __init__(self, *args: Any, audit: Audit, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"agreed_on": audit.panel_date or timezone.localdate()})
        super().__init__(*args, **kwargs)
        orgs = self.fields["organisations"]
        orgs.queryset = audit.organisations.order_by("name")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        orgs = data.get("organisations")
        if (
            data.get("kind") == RecommendationKind.SINGLE_AGENCY
            and orgs is not None
            and len(orgs) != 1
        ):
            self.add_error("organisations", "Select one organisation for a single-agency one")
        return data


class ImpactForm(forms.Form):
    recommendation = forms.ModelChoiceField(
        label="Earlier recommendation",
        queryset=Recommendation.objects.none(),
        error_messages={"required": "Select the recommendation"},
    )
    aim = forms.ModelChoiceField(
        label="Aim whose results show the impact",
        queryset=AuditAim.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the aim"},
    )
    summary = forms.CharField(
        label="What the results show",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the results show"},
    )

    def __init__(self, *args: Any, access: Access, audit: Audit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recommendation = self.fields["recommendation"]
        recommendation.queryset = recommendations_policy.scope(access).order_by(  # type: ignore[attr-defined]
            "reference"
        )
        recommendation.label_from_instance = lambda r: f"{r.reference}: {r.title}"  # type: ignore[attr-defined]
        self.fields["aim"].queryset = audit.aims.all()  # type: ignore[attr-defined]


def unsent_samples(access: Access) -> Any:
    """Drawn samples this person may add to an audit (not yet sent to one)."""
    return sample_policy.scope(access).filter(sent_at__isnull=True)


class SampleCasesForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label="Children to add as cases",
        queryset=SampleMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one child"},
    )
    plan_type = forms.ChoiceField(
        label="Plan type (for every case added)", choices=PlanType.choices
    )
    plan_category = forms.ChoiceField(
        label="Plan category (optional)", choices=PlanCategory.choices, required=False
    )
    open_for = forms.ChoiceField(
        label="How long the cases have been open",
        choices=OpenFor.choices,
        error_messages={"required": "Select how long the cases have been open"},
    )

    def __init__(self, *args: Any, sample: Sample, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        members.queryset = sample.members.all()  # type: ignore[attr-defined]
        members.label_from_instance = _member_label  # type: ignore[attr-defined]


def _member_label(member: SampleMember) -> str:
    age = "unborn" if member.age is None else f"aged {member.age}"
    details = ", ".join(
        part for part in (age, member.sex, member.ethnicity, member.stratum) if part
    )
    return f"{member.reference} ({details})"
