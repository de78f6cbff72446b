"""The audit trail's filter form (read from the query string, for the list and the export)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import registered_policies
from safeguarding_qa.core.forms.widgets import GovukDateField, NameChoiceField, Select

from .selectors import EventFilters, audit_event_kinds

EARLIEST_YEAR = 2000
# Query-string keys that are not filters: the list's paging cursors.
NOT_FILTERS = ("before", "after")


def _scoped(access: Access, model_label: str) -> QuerySet[Any]:
    """The objects of a model this person may see, through that model's own policy.

    Looked up by model label, so the audit trail need not import the apps that own them.
    """
    policy = registered_policies().get(model_label)
    if policy is None:
        raise LookupError(f"No access policy is registered for {model_label}.")
    return policy.scope(access)


def _person_label(name: str, organisation: str | None, active: bool) -> str:
    label = f"{name}, {organisation}" if organisation else name
    return label if active else f"{label} (deactivated)"


class PersonChoices(ModelChoiceIterator):
    """The people as (id, label) from four columns, not a person and an organisation
    instance each: the list offers everyone in the partnership on every page."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.values_list(
            "pk", "full_name", "email", "organisation__name", "is_active"
        )
        for pk, full_name, email, organisation, active in rows:
            yield (pk, _person_label(full_name or email, organisation, active))


class PersonChoiceField(forms.ModelChoiceField):
    iterator = PersonChoices

    def label_from_instance(self, obj: Any) -> str:
        organisation = str(obj.organisation) if obj.organisation_id else None
        return _person_label(obj.display_name, organisation, obj.is_active)


class AuditEventFilterForm(forms.Form):
    person = PersonChoiceField(
        queryset=None,
        required=False,
        widget=Select,
        empty_label="Anyone",
        help_text="Events done by this person.",
    )
    organisation = NameChoiceField(
        queryset=None,
        required=False,
        widget=Select,
        empty_label="Any organisation",
        help_text="Events recorded against this organisation.",
    )
    kind = forms.ChoiceField(label="What happened", required=False, widget=Select)
    date_from = GovukDateField(label="From", required=False, help_text="For example, 27 3 2026")
    date_to = GovukDateField(label="To", required=False, help_text="For example, 31 3 2026")
    search = forms.CharField(
        label="What the event was about",
        required=False,
        max_length=200,
        help_text="Part of a name or title, for example an organisation's or a person's name.",
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = _scoped(access, settings.AUTH_USER_MODEL)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = people.select_related("organisation").order_by("full_name", "pk")
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = _scoped(access, "partnership.Organisation").order_by("name")
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", "Anything")] + [
            (item.name, item.description) for item in audit_event_kinds()
        ]

    def _clean_day(self, name: str) -> date | None:
        day: date | None = self.cleaned_data.get(name)
        if day is not None and day.year < EARLIEST_YEAR:
            raise forms.ValidationError(f"Enter a date in {EARLIEST_YEAR} or later")
        return day

    def clean_date_from(self) -> date | None:
        return self._clean_day("date_from")

    def clean_date_to(self) -> date | None:
        return self._clean_day("date_to")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return cleaned

    @property
    def is_filtering(self) -> bool:
        """Whether any filter was given (valid or not), to open the filter panel."""
        return any(self.data.get(name) for name in self.data if name not in NOT_FILTERS)

    def filters(self) -> EventFilters:
        """The cleaned filters; only call after ``is_valid()``."""
        data = self.cleaned_data
        return EventFilters(
            person=data.get("person"),
            organisation=data.get("organisation"),
            kind=data.get("kind") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            search=(data.get("search") or "").strip(),
        )
