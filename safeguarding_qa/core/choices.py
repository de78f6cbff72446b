"""Choices that carry a GOV.UK tag colour, so lists and badges render the same everywhere."""

from __future__ import annotations

from django.db import models


class RAG(models.TextChoices):
    """Red / amber / green status, always derived by a named rule, never typed by hand."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"

    @property
    def tag_class(self) -> str:
        return {
            "red": "govuk-tag--red",
            "amber": "govuk-tag--orange",
            "green": "govuk-tag--green",
        }[self.value]
