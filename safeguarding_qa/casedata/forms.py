"""Forms for uploads, cohort previews and sample draws."""

from __future__ import annotations

from typing import Any

from django import forms

from safeguarding_qa.core.forms.widgets import GovukDateField

from .cohorts import COHORTS
from .importers.common import MAX_FILE_BYTES
from .models import Source
from .selectors import STRATA

_SUFFIX = {Source.ANNEX_A: (".xlsx",), Source.CIN_CENSUS: (".xml",)}


class UploadForm(forms.Form):
    source = forms.ChoiceField(
        label="What kind of file is it?",
        choices=Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of file"},
    )
    file = forms.FileField(
        label="File",
        help_text="An Annex A workbook (.xlsx) or a CIN census file (.xml), up to 512 MB.",
        error_messages={"required": "Choose the file to import"},
    )
    as_at = GovukDateField(
        label="As-at date (Annex A only)",
        required=False,
        help_text="The date the Annex A lists were produced for, for example 31 3 2025.",
    )
    child_population = forms.IntegerField(
        label="Child population (optional)",
        required=False,
        min_value=1,
        help_text="Children aged 0 to 17 in the area, for rates per 10,000.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source, upload = data.get("source"), data.get("file")
        if source == Source.ANNEX_A and not data.get("as_at") and "as_at" not in self.errors:
            self.add_error("as_at", "Enter the date the Annex A data are as at")
        if upload is not None:
            if upload.size > MAX_FILE_BYTES:
                self.add_error("file", "The file must be smaller than 512 MB")
            elif source in _SUFFIX and not upload.name.lower().endswith(_SUFFIX[source]):
                wanted = " or ".join(_SUFFIX[source])
                self.add_error("file", f"The file must be a {wanted} file")
        return data


class CohortForm(forms.Form):
    cohort = forms.ChoiceField(
        label="Cohort",
        choices=[(code, cohort.name) for code, cohort in COHORTS.items()],
        error_messages={"required": "Select a cohort"},
    )


class SampleForm(forms.Form):
    cohort = forms.ChoiceField(
        label="Cohort",
        choices=[(code, cohort.name) for code, cohort in COHORTS.items()],
        error_messages={"required": "Select a cohort"},
    )
    size = forms.IntegerField(
        label="Number of children",
        min_value=1,
        max_value=500,
        error_messages={"required": "Enter how many children to draw"},
    )
    seed = forms.IntegerField(
        label="Seed (optional)",
        required=False,
        min_value=0,
        max_value=999_999_999,
        help_text="Enter a previous sample's seed to draw the same children again. Leave "
        "blank for a new random seed, which will be recorded.",
    )
    stratify_by = forms.ChoiceField(
        label="Stratify by", choices=list(STRATA.items()), required=False
    )
    exclude_months = forms.IntegerField(
        label="Exclude children added to an audit in the last (months)",
        min_value=0,
        max_value=60,
        initial=12,
        required=False,
    )
