"""GOV.UK widgets that Django lacks: the three-box date input."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms


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
