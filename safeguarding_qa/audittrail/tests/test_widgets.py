"""The Python-written ``Select`` and name-column choices print what Django's own would."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.test.html import parse_html

from safeguarding_qa.core.forms.widgets import NameChoiceField, Select
from safeguarding_qa.partnership.models import Organisation


def _options(field: Any) -> list[tuple[str, Any]]:
    return [(str(value), label) for value, label in field.choices]


CHOICES = [
    ("", "Anything"),
    ("a", "Alpha & <b>"),
    (None, "Nothing"),
    ('Group "one"', [("g1", "In group"), ("a", "Alpha again")]),
    (3, "Three"),
]


@pytest.mark.parametrize("value", [None, "", "a", "g1", 3, "3", "missing"])
def test_select_writes_the_same_markup_as_djangos(value):
    attrs = {"id": "id_kind", "class": "govuk-select", "aria-describedby": "kind-hint"}
    ours = Select(choices=CHOICES).render("kind", value, attrs)
    djangos = forms.Select(choices=CHOICES).render("kind", value, attrs)
    # The same elements, attributes and text; attribute order and spacing are not markup.
    assert parse_html(ours) == parse_html(djangos)
    assert "\n" not in ours


def test_name_choices_offer_each_name_and_still_check_the_value(organisations):
    organisations = Organisation.objects.order_by("name")
    field = NameChoiceField(queryset=organisations, required=False, empty_label="Any")
    plain: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=organisations, required=False, empty_label="Any"
    )
    assert _options(field) == _options(plain)
    assert len(_options(field)) > 1
    chosen = organisations.first()
    assert chosen is not None
    assert field.clean(str(chosen.pk)) == chosen
    with pytest.raises(forms.ValidationError):
        field.clean("999999")


def test_people_are_labelled_as_the_field_labels_a_person(personas):
    from django.contrib.auth import get_user_model

    from safeguarding_qa.audittrail.forms import PersonChoiceField

    people = get_user_model().objects.select_related("organisation").order_by("full_name", "pk")
    people.filter(pk=personas["viewer"].pk).update(is_active=False)
    field = PersonChoiceField(queryset=people, required=False, empty_label="Anyone")
    expected = [("", "Anyone")] + [(str(p.pk), field.label_from_instance(p)) for p in people]
    assert _options(field) == expected
    assert any(label.endswith("(deactivated)") for _, label in expected)
