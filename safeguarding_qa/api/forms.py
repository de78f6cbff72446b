"""The form for a new API token."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from safeguarding_qa.partnership.models import Organisation


class TokenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Organisation",
        empty_label=None,
        error_messages={"invalid_choice": "Select an organisation from the list."},
    )
    name = forms.CharField(
        label="What will use the token?",
        help_text="For example, 'Force data warehouse nightly job'.",
        max_length=100,
        error_messages={"required": "Enter what will use the token."},
    )

    def __init__(self, data: Any = None, *, organisations: QuerySet[Organisation]) -> None:
        super().__init__(data)
        field = self.fields["organisation"]
        field.queryset = organisations  # type: ignore[attr-defined]
