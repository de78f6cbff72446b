"""A faster ``<select>`` for filter forms with long lists of choices.

Django renders each ``<option>`` by including a template (and its attributes template), which
costs more than the rest of a list page when a filter offers a few hundred choices (the
audit trail's kinds of event and people). This widget writes the same markup in Python.

It is named ``Select`` so that its ``widget_type`` stays "select" and the GOV.UK renderer
(``core.forms.rendering``) gives it the same classes and descriptions as Django's. It belongs
in ``core.forms.widgets``; it lives here until that module adopts it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe


def _text(value: Any) -> str:
    """As the template language would print it: escaped unless already safe."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def _option(option: dict[str, Any]) -> str:
    selected = " selected" if option["selected"] else ""
    value, label = _text(str(option["value"])), _text(option["label"])
    return f'<option value="{value}"{selected}>{label}</option>'


class Select(forms.Select):
    """Django's ``forms.Select`` with its options written without a template per option."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{_text(group_name)}">')
            parts.extend(_option(option) for option in options)
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        # Every value and label above is escaped by ``_text``; ``flatatt`` escapes the attributes.
        return mark_safe("".join(parts))  # noqa: S308
