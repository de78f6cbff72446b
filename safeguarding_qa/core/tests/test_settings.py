"""The framework version and the production settings' safety rails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[3]


def test_django_is_the_52_lts():
    assert django.VERSION[:2] == (5, 2)


CHECK_KEY = "Y2hlY2stZGVwbG95LW9ubHktbm90LWEtcmVhbC1rZXk="


def _import_production(
    secret_key: str, identifier_keys: str = CHECK_KEY
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secret_key,
        "IDENTIFIER_ENCRYPTION_KEYS": identifier_keys,
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            "print(settings.REQUIRE_MFA, settings.SESSION_COOKIE_SECURE, settings.DEMO_MODE)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_a_missing_or_short_secret_key():
    result = _import_production("too-short")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_an_identifier_key():
    result = _import_production("x" * 64, identifier_keys="")
    assert result.returncode != 0
    assert "IDENTIFIER_ENCRYPTION_KEYS must hold at least one Fernet key" in result.stderr


def test_production_requires_mfa_and_secure_cookies_and_is_not_demo():
    result = _import_production("x" * 64)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "False"]


def test_demo_seeding_refuses_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64,
        "IDENTIFIER_ENCRYPTION_KEYS": CHECK_KEY,
        "DATABASE_URL": "sqlite:////tmp/safeguarding-qa-refusal-check.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "refuses to run with production settings" in result.stderr
