"""Password hashing (Argon2) and the password rules."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from config.settings import base
from safeguarding_qa.accounts.models import User


def test_the_base_settings_hash_with_argon2():
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        hashed = make_password("Granite-tor-walks-2026")
    assert hashed.startswith("argon2$argon2id$")


def _problems(password: str, **person) -> list[str]:
    user = User(
        email=person.get("email", "gideon.trewartha@brackenmoor.example"),
        full_name="Gideon Trewartha",
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        return [str(e.code) for e in error.error_list]
    return []


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("Short-pw-1", ["password_too_short"]),
        ("qwerty123456", ["password_too_common"]),
        ("908172635465", ["password_entirely_numeric"]),
        ("gideon.trewartha", ["password_too_similar"]),
        ("Granite-tor-walks-2026", []),
    ],
)
def test_password_rules(password, codes):
    assert _problems(password) == codes
