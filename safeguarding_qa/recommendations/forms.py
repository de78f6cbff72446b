"""Forms for the register. Plain forms, so the services see the "before" of each edit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.core.forms.widgets import GovukDateField, NameChoiceField, Select

from .choices import (
    ActionStatus,
    EvidenceKind,
    Priority,
    RecommendationKind,
    RecommendationStatus,
    SourceKind,
)
from .selectors import RegisterFilters

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = (
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "png",
    "jpg",
    "jpeg",
    "txt",
    "csv",
)


def _today() -> Any:
    return timezone.localdate()


def _all(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *choices]


class RegisterFilterForm(forms.Form):
    EVIDENCE_CHOICES = [
        ("", "With and without"),
        ("yes", "Has impact evidence"),
        ("no", "No impact evidence"),
    ]

    status = forms.ChoiceField(
        label="Status",
        required=False,
        widget=Select,
        choices=_all("Any status", RecommendationStatus.choices),
    )
    rag = forms.ChoiceField(
        label="RAG", required=False, widget=Select, choices=_all("Any RAG", RAG.choices)
    )
    organisation = NameChoiceField(
        label="Organisation",
        required=False,
        widget=Select,
        queryset=None,
        empty_label="All organisations",
    )
    source_kind = forms.ChoiceField(
        label="Source",
        required=False,
        widget=Select,
        choices=_all("Any source", SourceKind.choices),
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        widget=Select,
        choices=_all("Any kind", RecommendationKind.choices),
    )
    theme = NameChoiceField(
        label="Theme", required=False, widget=Select, queryset=None, empty_label="Any theme"
    )
    evidence = forms.ChoiceField(
        label="Impact evidence", required=False, widget=Select, choices=EVIDENCE_CHOICES
    )
    year = forms.IntegerField(
        label="Year agreed",
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    overdue = forms.BooleanField(label="Only with overdue actions", required=False)

    def __init__(
        self, *args: Any, organisations: QuerySet[Any], themes: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["theme"].queryset = themes  # type: ignore[attr-defined]

    def filters(self) -> RegisterFilters:
        if not self.is_valid():
            return RegisterFilters()
        data = self.cleaned_data
        return RegisterFilters(
            status=data["status"],
            rag=data["rag"],
            organisation_id=data["organisation"].pk if data["organisation"] else None,
            source_kind=data["source_kind"],
            kind=data["kind"],
            theme_id=data["theme"].pk if data["theme"] else None,
            evidence={"yes": True, "no": False}.get(data["evidence"]),
            year=data["year"],
            overdue=bool(data["overdue"]),
        )

    @property
    def filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class ActionFilterForm(forms.Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Organisation", required=False, queryset=None, empty_label="All organisations"
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=_all("Any status", ActionStatus.choices)
    )
    rag = forms.ChoiceField(label="RAG", required=False, choices=_all("Any RAG", RAG.choices))
    overdue = forms.BooleanField(label="Only overdue actions", required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Any] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        organisation = data.get("organisation")
        return {
            "organisation_id": organisation.pk if organisation else None,
            "status": data["status"],
            "rag": data["rag"],
            "overdue": bool(data["overdue"]),
        }

    @property
    def filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class RecommendationForm(forms.Form):
    title = forms.CharField(
        label="Short title", max_length=200, error_messages={"required": "Enter a short title"}
    )
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the recommendation"},
    )
    rationale = forms.CharField(
        label="Rationale (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the partnership agreed it: the finding it answers.",
    )
    kind = forms.ChoiceField(
        label="Kind of recommendation",
        choices=RecommendationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of recommendation"},
    )
    source_kind = forms.ChoiceField(
        label="Where it comes from",
        choices=SourceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the recommendation comes from"},
    )
    source_label = forms.CharField(
        label="Source (optional)",
        max_length=200,
        required=False,
        help_text="For example: Child C (LCSPR), or the audit's title.",
    )
    themes = forms.CharField(
        label="Themes (optional)",
        max_length=500,
        required=False,
        help_text="Separate themes with commas, for example: neglect, voice of the child.",
    )
    lead_organisations: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label="Lead organisations (optional)",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    agreed_on = GovukDateField(
        label="Date agreed",
        initial=_today,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the recommendation was agreed"},
    )

    def __init__(self, *args: Any, organisations: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_organisations"].queryset = organisations  # type: ignore[attr-defined]

    def clean_themes(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["themes"].split(",") if name.strip()]


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} — {obj.organisation}" if obj.organisation else obj.display_name


class ActionForm(forms.Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Organisation",
        queryset=None,
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation that will carry out the action"},
    )
    owner = PersonChoiceField(
        label="Owner (optional)",
        required=False,
        queryset=None,
        empty_label="No owner yet",
        help_text="A person in the organisation chosen above.",
    )
    description = forms.CharField(
        label="What the organisation will do",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the action"},
    )
    due_on = GovukDateField(
        label="Due date",
        help_text="For example, 30 9 2026",
        error_messages={"required": "Enter the date the action is due"},
    )
    priority = forms.ChoiceField(
        label="Priority",
        choices=Priority.choices,
        initial=Priority.MEDIUM,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the priority"},
    )

    def __init__(
        self, *args: Any, organisations: QuerySet[Any], people: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


def _check_file(upload: Any) -> Any:
    if upload is None:
        return None
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            "The file must be a "
            + ", ".join(EVIDENCE_EXTENSIONS[:-1])
            + " or "
            + EVIDENCE_EXTENSIONS[-1]
            + " file"
        )
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError("The file must be smaller than 10 MB")
    return upload


class ProgressForm(forms.Form):
    STATUS_CHOICES = [
        (s.value, s.label)
        for s in (
            ActionStatus.NOT_STARTED,
            ActionStatus.IN_PROGRESS,
            ActionStatus.AWAITING_SIGN_OFF,
        )
    ]

    text = forms.CharField(
        label="Progress made",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe the progress made"},
    )
    status = forms.ChoiceField(
        label="Status of the action now",
        choices=STATUS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status of the action now"},
        help_text=(
            "Choose completed when the work is done: the chair will then review and sign it off."
        ),
    )
    written_on = GovukDateField(
        label="Date of the update",
        initial=_today,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the update"},
    )
    evidence_link = forms.URLField(
        label="Link to evidence (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a link in the right format, like https://intranet.example/policy"
        },
    )
    evidence_file = forms.FileField(
        label="Evidence file (optional)",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, image or text, up to 10 MB.",
    )

    def clean_evidence_file(self) -> Any:
        return _check_file(self.cleaned_data.get("evidence_file"))


class SignOffForm(forms.Form):
    DECISIONS = [
        ("signed_off", "Sign off: the action is achieved"),
        ("closed_not_achieved", "Close it as not achieved"),
    ]

    decision = forms.ChoiceField(
        label="Decision",
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to sign off the action or close it"},
    )
    comment = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a comment on the sign-off"},
        help_text="What the evidence shows, as recorded in the minutes.",
    )


class ImpactEvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of evidence",
        choices=EvidenceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of evidence"},
    )
    summary = forms.CharField(
        label="What it shows",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what the evidence shows"},
    )
    recorded_on = GovukDateField(
        label="Date of the evidence",
        initial=_today,
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the evidence"},
    )
    evidence_link = forms.URLField(
        label="Link (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a link in the right format, like https://intranet.example/report"
        },
    )
    evidence_file = forms.FileField(
        label="File (optional)",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, image or text, up to 10 MB.",
    )

    def clean_evidence_file(self) -> Any:
        return _check_file(self.cleaned_data.get("evidence_file"))


class EmbedForm(forms.Form):
    comment = forms.CharField(
        label="Comment (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
