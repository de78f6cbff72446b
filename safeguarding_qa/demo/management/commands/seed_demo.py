"""``manage.py seed_demo``: load the fictional demo partnership (idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...builder import build_demo
from ...personas import DEMO_PASSWORD, ORGANISATIONS, PERSONAS


class Command(BaseCommand):
    help = "Load the fictional Brackenmoor demo partnership. Refuses to run in production."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "seed_demo refuses to run with production settings: demo accounts share a "
                "published password."
            )
        summary = build_demo()
        self.stdout.write(
            f"Demo partnership ready: {summary.organisations} organisations, "
            f"{summary.people} people, {summary.groups} groups, "
            f"{summary.memberships} memberships."
        )
        self._print_sign_ins()

    def _print_sign_ins(self) -> None:
        names = {spec.key: spec.short_name for spec in ORGANISATIONS}
        self.stdout.write("\nDemo sign-ins (every account's password: " + DEMO_PASSWORD + ")\n")
        self.stdout.write(f"  {'E-mail':40} {'Role':38} Organisation")
        for persona in PERSONAS:
            role = persona.role.label  # type: ignore[attr-defined]
            self.stdout.write(f"  {persona.email:40} {role:38} {names[persona.organisation_key]}")
        self.stdout.write("")
