"""Encrypted model field for protected identifiers (see ``core.identifiers``).

An encrypted field must be left out of simple-history
(``HistoricalRecords(excluded_fields=[...])``) so a purge really removes the value.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from safeguarding_qa.core.identifiers import decrypt_text, encrypt_text, rotate_text

__all__ = ["EncryptedTextField", "decrypt_text", "encrypt_text", "rotate_text"]


class EncryptedTextField(models.TextField):
    """Text stored encrypted; Python code sees plain text. Not searchable or orderable."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return value if value is None else decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return value if value is None else encrypt_text(str(value))
