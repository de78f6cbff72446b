"""Prints, as JSON, a signed-in session cookie and the page mix for each benchmark persona."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from benchmarks.catalogue import FLOOR, PAGES  # noqa: E402
from safeguarding_qa.accounts.models import User  # noqa: E402
from safeguarding_qa.core.testing import sign_in_recently  # noqa: E402
from safeguarding_qa.demo.personas import PERSONAS_BY_KEY  # noqa: E402


def main() -> None:
    by_persona: dict[str, list[str]] = {}
    for page in PAGES:
        by_persona.setdefault(page.persona, []).append(page.url())
    sessions = []
    for persona, paths in by_persona.items():
        client = sign_in_recently(Client(), User.objects.get(email=PERSONAS_BY_KEY[persona].email))
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
        sessions.append({"persona": persona, "cookie": cookie, "paths": paths})
    floor = sign_in_recently(Client(), User.objects.get(email=PERSONAS_BY_KEY[FLOOR.persona].email))
    floor_cookie = (
        f"{settings.SESSION_COOKIE_NAME}={floor.cookies[settings.SESSION_COOKIE_NAME].value}"
    )
    print(  # noqa: T201
        json.dumps({"mix": sessions, "floor": {"cookie": floor_cookie, "paths": [FLOOR.url()]}})
    )


if __name__ == "__main__":
    main()
