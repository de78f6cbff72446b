"""Forms for audits. Plain forms: services, not forms, write to the database."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding_qa.access.context import Access
from safeguarding_qa.accounts.models import User
from safeguarding_qa.core.forms.widgets import GovukDateField
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.reviews.models import PracticeReview
from safeguarding_qa.reviews.policies import practice_reviews as review_policy

from .attachments import validate_attachment
from .choices import AgeBand, AnswerType, AuditKind, OpenFor, PlanCategory, PlanType, Sex, YesNo
from .models import AgencyReturn, Audit, AuditCase, GradingScale, Question
from .policies import assignable_people
from .services.returns import answer_field, evidence_field

_WIDE = {"class": "govuk-!-width-two-thirds"}


def _text(label: str, required: str | None = None, **kwargs: Any) -> forms.CharField:
    messages = {"required": required} if required else {}
    return forms.CharField(
        label=label, required=required is not None, error_messages=messages, **kwargs
    )


def _area(label: str, required: str | None = None, rows: int = 4, **kwargs: Any) -> forms.CharField:
    return _text(label, required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class QuestionForm(forms.Form):
    code = forms.SlugField(
        label="Code",
        max_length=60,
        help_text="A short unique name, letters, numbers and hyphens, e.g. neglect-tool.",
        error_messages={"required": "Enter a code for the question"},
    )
    text = _text("Question or aim", "Enter the question", max_length=300)
    guidance = _area("Guidance for auditors (optional)")
    answer_type = forms.ChoiceField(
        label="How it is answered",
        choices=AnswerType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the question is answered"},
    )
    theme_set = _text(
        "Theme set", "Enter the theme set", max_length=80, help_text="For example Neglect."
    )
    tags = _text("Tags (optional)", max_length=200, help_text="Separate tags with commas.")
    sectors = _text(
        "Sectors expected to answer (optional)",
        max_length=300,
        help_text="Leave empty for all sectors.",
    )

    def clean_code(self) -> str:
        code = str(self.cleaned_data["code"])
        if Question.objects.filter(code=code).exists():
            raise forms.ValidationError("A question with this code already exists")
        return code


class ScaleForm(forms.Form):
    name = _text("Name", "Enter the scale's name", max_length=100)
    description = _text("Description (optional)", max_length=300)
    grades = _area(
        "Grades",
        "Enter the grades",
        rows=6,
        help_text="One a line, best first, for example Strong, Adequate, Weak.",
    )
    needing_evidence = forms.IntegerField(
        label="How many of the lowest grades need evidence",
        min_value=0,
        max_value=8,
        initial=0,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
        error_messages={"required": "Enter how many grades need evidence"},
    )


class AuditForm(forms.Form):
    title = _text("Title", "Enter the audit's title", max_length=200)
    theme = _text("Theme", "Enter the audit's theme", max_length=120)
    kind = forms.ChoiceField(
        label="Kind of audit",
        choices=AuditKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of audit"},
    )
    organisations = forms.ModelMultipleChoiceField(
        label="Participating organisations",
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the organisations taking part"},
    )
    target_cases = forms.IntegerField(
        label="Target number of cases",
        min_value=1,
        max_value=200,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"required": "Enter the target number of cases"},
    )
    returns_due = GovukDateField(label="Agency returns due (optional)", required=False)
    panel_date = GovukDateField(label="Panel meeting (optional)", required=False)
    practice_reviews = forms.ModelMultipleChoiceField(
        label="Practice reviews whose recommendations it tests (optional)",
        queryset=PracticeReview.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    terms_of_reference = _area("Terms of reference (optional)", rows=6)
    scale = forms.ModelChoiceField(
        label="Grading scale",
        queryset=GradingScale.objects.all(),
        empty_label=None,
        help_text="Copied onto the audit: later changes to the scale do not affect it.",
    )

    def __init__(
        self, *args: Any, access: Access, audit: Audit | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        reviews = self.fields["practice_reviews"]
        reviews.queryset = review_policy.scope(access).order_by("name")  # type: ignore[attr-defined]
        if audit is not None:
            del self.fields["scale"]


class AddQuestionsForm(forms.Form):
    questions = forms.ModelMultipleChoiceField(
        label="Questions from the bank",
        queryset=Question.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one question"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["questions"]
        field.label_from_instance = lambda q: f"{q.theme_set}: {q.text}"  # type: ignore[attr-defined]


class WriteAimForm(forms.Form):
    text = _text("Aim", "Enter the aim", max_length=300)
    guidance = _area("Guidance for auditors (optional)", rows=3)
    answer_type = forms.ChoiceField(
        label="How it is answered",
        choices=AnswerType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the aim is answered"},
    )


class CaseForm(forms.Form):
    reference = _text(
        "Pseudonymous reference",
        "Enter a reference such as Case A",
        max_length=30,
        help_text="Never use the child's name or initials.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    age_band = forms.ChoiceField(label="Age band", choices=AgeBand.choices)
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices)
    ethnicity = _text("Ethnicity (optional)", max_length=80)
    disability = forms.BooleanField(label="The child has a disability", required=False)
    plan_type = forms.ChoiceField(label="Plan type", choices=PlanType.choices)
    plan_category = forms.ChoiceField(
        label="Plan category", choices=PlanCategory.choices, required=False
    )
    open_for = forms.ChoiceField(label="How long the case has been open", choices=OpenFor.choices)
    child_name = _text(
        "Child's name (optional, protected)",
        max_length=200,
        help_text="Encrypted; shown only on a logged reveal.",
    )
    date_of_birth = GovukDateField(label="Date of birth (optional, protected)", required=False)
    la_child_id = _text("Local authority child ID (optional, protected)", max_length=40)
    nhs_number = forms.RegexField(
        label="NHS number (optional, protected)",
        regex=r"^\d{3} ?\d{3} ?\d{4}$",
        required=False,
        error_messages={"invalid": "Enter an NHS number of 10 digits, like 485 777 3456"},
    )

    def clean_date_of_birth(self) -> str:
        value = self.cleaned_data.get("date_of_birth")
        return value.isoformat() if value else ""

    def clean_nhs_number(self) -> str:
        return str(self.cleaned_data.get("nhs_number") or "").replace(" ", "")


class AssignForm(forms.Form):
    auditor = forms.ModelChoiceField(
        label="Auditor",
        queryset=User.objects.none(),
        error_messages={"required": "Select the auditor"},
    )

    def __init__(self, *args: Any, case: AuditCase, organisation_ids: list[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        taken = case.assignments.values("auditor")
        self.fields["auditor"].queryset = (  # type: ignore[attr-defined]
            assignable_people(organisation_ids)
            .exclude(pk__in=taken)
            .select_related("organisation")
            .order_by("organisation__name", "full_name")
        )
        self.fields["auditor"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.display_name} ({u.organisation})"
        )


class ReasonForm(forms.Form):
    reason = _area("Reason", "Enter the reason", rows=3)


class RevealForm(forms.Form):
    reason = _area(
        "Why do you need to see this child's identifiers?",
        "Enter why you need to see the identifiers",
        rows=3,
        help_text="Your name, the time and this reason are recorded in the audit trail.",
    )


class LiveConcernForm(forms.Form):
    details = _area(
        "Describe the concern",
        "Describe the concern",
        help_text="What you found and why you think the child may be at risk now.",
    )


class AcknowledgeForm(forms.Form):
    action_taken = _area("Action taken", "Enter the action taken")


class PanelSummaryForm(forms.Form):
    panel_strengths = _area("Strengths the panel found", "Enter the strengths", rows=6)
    panel_improvements = _area("Areas for improvement", "Enter the areas for improvement", rows=6)


def _answer_choices(aim: Any, grades: list[Any]) -> list[tuple[str, str]]:
    if aim.answer_type == AnswerType.GRADED:
        return [("", "Not answered"), *((str(g.pk), g.label) for g in grades)]
    return [("", "Not answered"), *YesNo.choices]


class ReturnForm(forms.Form):
    """An agency return: involvement, one answer and evidence per aim, the narrative."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    involved = forms.TypedChoiceField(
        label="Was your agency involved with the child in the period audited?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        required=False,
        empty_value=None,
    )
    not_involved_reason = _area("If not, why not", rows=2)

    def __init__(self, *args: Any, agency_return: AgencyReturn, aims: list[Any], **kw: Any):
        super().__init__(*args, **kw)
        grades = list(agency_return.case.audit.grades.all())
        self.aims = aims
        for aim in aims:
            label = f"Aim {aim.position}: {aim.text}"
            if aim.answer_type == AnswerType.TEXT:
                self.fields[answer_field(aim.pk)] = _area(label, help_text=aim.guidance, rows=3)
            else:
                self.fields[answer_field(aim.pk)] = forms.ChoiceField(
                    label=label,
                    choices=_answer_choices(aim, grades),
                    required=False,
                    help_text=aim.guidance,
                )
                self.fields[evidence_field(aim.pk)] = _area(
                    f"Evidence for aim {aim.position}",
                    rows=3,
                    help_text="Required when the answer is below good, or no.",
                )
        self.fields["strengths"] = _area("Strengths")
        self.fields["areas_for_development"] = _area("Areas for development")
        self.fields["single_agency_learning"] = _area("Single-agency learning")
        self.fields["voice_of_child"] = _area("The voice of the child and family, as recorded")
        self.fields["attachment"] = forms.FileField(
            label="Your agency's own audit tool (optional)",
            required=False,
            help_text="A PDF, Word or Excel file, smaller than 10 MB. A new file replaces "
            "the one attached before.",
        )
        self.fields["overall_grade"] = forms.ChoiceField(
            label="Overall grade",
            choices=[("", "Not chosen"), *((str(g.pk), g.label) for g in grades)],
            required=False,
        )

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_attachment(upload)
        return upload or None

    def answers(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            aim.pk: (
                str(data.get(answer_field(aim.pk)) or ""),
                str(data.get(evidence_field(aim.pk)) or ""),
            )
            for aim in self.aims
        }


def return_initial(agency_return: AgencyReturn, answers: list[tuple[Any, Any]]) -> dict[str, Any]:
    """The form's starting values from the saved return."""
    involved = "" if agency_return.involved is None else ("yes" if agency_return.involved else "no")
    initial: dict[str, Any] = {
        "version": agency_return.version,
        "involved": involved,
        "not_involved_reason": agency_return.not_involved_reason,
        "strengths": agency_return.strengths,
        "areas_for_development": agency_return.areas_for_development,
        "single_agency_learning": agency_return.single_agency_learning,
        "voice_of_child": agency_return.voice_of_child,
        "overall_grade": str(agency_return.overall_grade_id or ""),
    }
    for aim, answer in answers:
        if answer is None:
            continue
        value = answer.grade_id or answer.response or answer.text
        initial[answer_field(aim.pk)] = str(value or "")
        initial[evidence_field(aim.pk)] = answer.evidence
    return initial


class PanelGradesForm(forms.Form):
    """The panel's agreed grade and rationale for each graded or yes/no aim of one case."""

    def __init__(self, *args: Any, aims: list[Any], grades: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.aims = [aim for aim in aims if aim.answer_type != AnswerType.TEXT]
        for aim in self.aims:
            self.fields[answer_field(aim.pk)] = forms.ChoiceField(
                label=f"Agreed grade for aim {aim.position}: {aim.text}",
                choices=_answer_choices(aim, grades),
                required=False,
            )
            self.fields[f"aim_{aim.pk}_rationale"] = _area(
                f"Rationale for aim {aim.position}", rows=2
            )

    def grades(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            aim.pk: (
                str(data.get(answer_field(aim.pk)) or ""),
                str(data.get(f"aim_{aim.pk}_rationale") or ""),
            )
            for aim in self.aims
        }
