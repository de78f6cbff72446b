"""Validation rules for the partnership's details, shared by the model and its forms."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email


def validate_email_lines(value: str) -> None:
    """Each non-blank line must be one e-mail address (the live-concern contacts).

    Names the offending lines, so a long list can be corrected without guessing.
    """
    errors = []
    for number, line in enumerate(value.splitlines(), start=1):
        address = line.strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            errors.append(
                ValidationError(
                    "Line %(number)s, “%(address)s”, is not an e-mail address. Enter one "
                    "e-mail address on each line, like name@example.org",
                    code="invalid_email_line",
                    params={"number": number, "address": address[:80]},
                )
            )
    if errors:
        raise ValidationError(errors)
