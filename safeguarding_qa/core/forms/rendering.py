"""GOV.UK Design System markup for every Django form, including third-party forms.

The renderer sets a bound-field class (Django 5.2's ``BaseRenderer.bound_field_class``)
that adds GOV.UK classes and ``aria-describedby`` to each widget, and templates that wrap
fields in GOV.UK form groups with labels, hints and inline errors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

# widget_type -> the GOV.UK class for the input element itself.
_INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "nullbooleanselect": "govuk-select",
    "radioselect": "govuk-radios__input",
    "checkboxselectmultiple": "govuk-checkboxes__input",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
_ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}
# Widgets rendered inside a <fieldset> with a <legend> instead of a <label>.
FIELDSET_WIDGETS = frozenset({"radioselect", "checkboxselectmultiple", "govukdate"})


class GovukBoundField(forms.BoundField):
    """A bound field whose widget carries GOV.UK classes and accessible descriptions."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def uses_fieldset(self) -> bool:
        return self.widget_type in FIELDSET_WIDGETS

    @property
    def error_anchor(self) -> str:
        """The id the error summary links to: the first input of the field."""
        if self.widget_type == "govukdate":
            return f"{self.auto_id}_day"
        if self.widget_type in {"radioselect", "checkboxselectmultiple"}:
            return f"{self.auto_id}_0"
        return str(self.auto_id)

    def described_by(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget_type = self.widget_type
        css = _INPUT_CLASSES.get(widget_type, "govuk-input")
        if widget_type in {"radioselect", "checkboxselectmultiple", "govukdate"}:
            # The fieldset carries the description; options must not repeat it.
            attrs.pop("aria-describedby", None)
        else:
            described_by = self.described_by()
            if described_by:
                attrs["aria-describedby"] = described_by
            else:
                attrs.pop("aria-describedby", None)
        if self.errors and css in _ERROR_CLASSES:
            css = f"{css} {_ERROR_CLASSES[css]}"
        existing = attrs.get("class", "")
        attrs["class"] = f"{css} {existing}".strip()
        return attrs


class GovukFormRenderer(TemplatesSetting):
    """Renders forms and fields with the GOV.UK templates in ``templates/govuk/forms``."""

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField
