"""GOV.UK widgets that Django lacks (the three-box date input), and a faster ``<select>``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html import escape
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


class GovukDateInput(forms.Widget):
    """Day, month and year boxes. Submits "YYYY-MM-DD" (or the raw parts when incomplete,
    so the date field reports a clear error instead of silently dropping the value)."""

    template_name = "govuk/widgets/date_input.html"
    input_type = "govukdate"
    parts = ("day", "month", "year")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["parts"] = self._split(value)
        return context

    @staticmethod
    def _split(value: Any) -> dict[str, str]:
        if isinstance(value, date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return {"day": day, "month": month, "year": year}
        return {"day": "", "month": "", "year": ""}

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        parts = [str(data.get(f"{name}_{part}", "")).strip() for part in self.parts]
        if not any(parts):
            return None
        day, month, year = parts
        return f"{year}-{month}-{day}"

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}_{part}" in data for part in self.parts)

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day"


class GovukDateField(forms.DateField):
    """A date entered in three boxes, with GOV.UK's error wording."""

    widget = GovukDateInput
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": "Enter a real date, for example 27 3 2026"}


def _text(value: Any) -> str:
    """As the template language would print it: escaped unless already safe."""
    return str(value.__html__()) if hasattr(value, "__html__") else escape(str(value))


class Select(forms.Select):
    """Django's ``forms.Select`` written in Python, for filter forms with long lists.

    Django renders each ``<option>`` by including a template (and its attributes template)
    and builds a dictionary per option first, which costs more than the rest of a list page
    when a filter offers a few hundred choices (the audit trail's kinds of event and people).
    This writes the same markup straight from the choices.

    It is named ``Select`` so that its ``widget_type`` stays "select" and the GOV.UK renderer
    (``core.forms.rendering``) gives it the same classes and descriptions as Django's.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        chosen = set(self.format_value(value))
        parts = [f'<select name="{_text(name)}"{flatatt(attrs)}>']
        has_selected = False
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                parts.append(f'<optgroup label="{_text(option_value)}">')
                options, group = option_label, True
            else:
                options, group = (
                    [("" if option_value is None else option_value, option_label)],
                    False,
                )
            for value_, label in options:
                # Only the first match is selected, as Django's ``optgroups`` decides.
                selected = (not has_selected or self.allow_multiple_selected) and str(
                    value_
                ) in chosen
                has_selected |= selected
                mark = " selected" if selected else ""
                parts.append(f'<option value="{_text(str(value_))}"{mark}>{_text(label)}</option>')
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        # Every name, value and label above is escaped by ``_text``; ``flatatt`` escapes the
        # attributes.
        return mark_safe("".join(parts))  # noqa: S308


class NameChoices(ModelChoiceIterator):
    """Options as (id, name) read from two columns, without a model instance per option:
    the filter forms offer every organisation or theme on every page."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class NameChoiceField(forms.ModelChoiceField):
    """A model choice labelled by its ``name`` column (organisations, themes), for filters;
    the chosen value is still checked against the queryset."""

    iterator = NameChoices
