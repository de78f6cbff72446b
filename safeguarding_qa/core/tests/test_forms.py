"""Every field type renders GOV.UK markup: labels, hints, inline errors, error summary."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.core.forms.widgets import GovukDateField
from safeguarding_qa.core.testing import check_page_quality

CHOICES = [("red", "Red"), ("amber", "Amber"), ("green", "Green")]


class EveryField(forms.Form):
    name = forms.CharField(help_text="Your full name")
    email = forms.EmailField()
    notes = forms.CharField(widget=forms.Textarea, required=False)
    rating = forms.ChoiceField(choices=CHOICES)
    grade = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    themes = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField(label="I agree")
    due = GovukDateField(help_text="For example, 27 3 2026")
    count = forms.IntegerField()
    attachment = forms.FileField(required=False)


def _page(form: forms.Form) -> str:
    return (
        '<!DOCTYPE html><html lang="en" class="govuk-template"><head><title>Form</title></head>'
        f'<body><h1>Form</h1><form method="post" action="/">{form}</form></body></html>'
    )


def test_every_field_renders_valid_govuk_markup():
    html = str(EveryField())
    check_page_quality(_page(EveryField()))
    assert '<label class="govuk-label govuk-label--s" for="id_name">' in html
    assert 'id="id_name-hint" class="govuk-hint"' in html
    assert 'aria-describedby="id_name-hint"' in html
    assert 'class="govuk-textarea"' in html
    assert 'class="govuk-select"' in html
    assert 'class="govuk-radios"' in html and "govuk-radios__input" in html
    assert "govuk-checkboxes__input" in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Grade</legend>' in html
    assert 'class="govuk-date-input"' in html and 'name="due_day"' in html
    assert 'class="govuk-file-upload"' in html
    assert "govuk-error-summary" not in html


def test_errors_render_a_summary_linking_to_each_field_and_inline_messages():
    form = EveryField(
        data={
            "email": "not-an-email",
            "due_day": "31",
            "due_month": "2",
            "due_year": "2026",
            "count": "x",
        }
    )
    assert form.is_valid() is False
    html = str(form)
    check_page_quality(_page(form))
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_name">This field is required.</a>' in html
    assert '<a href="#id_due_day">Enter a real date, for example 27 3 2026</a>' in html
    assert '<a href="#id_grade_0">' in html
    assert "govuk-form-group govuk-form-group--error" in html
    assert 'id="id_email-error" class="govuk-error-message"' in html
    assert "govuk-input govuk-input--error" in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_date_input_round_trips_a_real_date_and_keeps_what_was_typed():
    form = EveryField(data={"due_day": "7", "due_month": "11", "due_year": "2026"})
    form.is_valid()
    assert form.cleaned_data["due"] == date(2026, 11, 7)
    bad = EveryField(data={"due_day": "7", "due_month": "", "due_year": "2026"})
    bad.is_valid()
    assert "due" in bad.errors
    assert 'value="7"' in str(bad["due"])


@pytest.mark.parametrize("parts", [("", "", ""), ("1", "13", "2026"), ("x", "1", "2026")])
def test_incomplete_or_impossible_dates_are_errors(parts):
    day, month, year = parts
    form = EveryField(data={"due_day": day, "due_month": month, "due_year": year})
    form.is_valid()
    assert "due" in form.errors


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_real_date_typed_into_the_three_boxes_is_read_back(value):
    form = DateOnly(
        data={"due_day": str(value.day), "due_month": str(value.month), "due_year": str(value.year)}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due"] == value


@given(st.text(max_size=4), st.text(max_size=4), st.text(max_size=6))
def test_any_typed_input_is_either_a_date_or_a_clear_error(day, month, year):
    form = DateOnly(data={"due_day": day, "due_month": month, "due_year": year})
    if form.is_valid():
        assert isinstance(form.cleaned_data["due"], date)
    else:
        assert form.errors["due"] in (
            ["Enter a real date, for example 27 3 2026"],
            ["This field is required."],
        )


class DateOnly(forms.Form):
    due = GovukDateField()
