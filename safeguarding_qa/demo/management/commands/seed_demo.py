"""``manage.py seed_demo``: load the fictional demo partnership (idempotent)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...builder import build_demo
from ...personas import DEMO_PASSWORD, ORGANISATIONS, PERSONAS
from ...scale import is_scaled, scale_demo


class Command(BaseCommand):
    help = "Load the fictional Brackenmoor demo partnership. Refuses to run in production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Copy the demo's history to N times its size, for benchmarks (once only).",
        )

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
        if options["scale"] > 1:
            self._scale(options["scale"])
        self._print_sign_ins()

    def _scale(self, scale: int) -> None:
        if is_scaled():
            self.stdout.write("The demo history has already been scaled; nothing added.")
            return
        started = time.perf_counter()
        counts = scale_demo(scale, report=self.stdout.write)
        self.stdout.write(
            f"Demo history copied to {scale}x: {sum(counts.values())} records "
            f"in {time.perf_counter() - started:.1f} s."
        )

    def _print_sign_ins(self) -> None:
        names = {spec.key: spec.short_name for spec in ORGANISATIONS}
        self.stdout.write("\nDemo sign-ins (every account's password: " + DEMO_PASSWORD + ")\n")
        self.stdout.write(f"  {'E-mail':40} {'Role':38} Organisation")
        for persona in PERSONAS:
            role = persona.role.label  # type: ignore[attr-defined]
            self.stdout.write(f"  {persona.email:40} {role:38} {names[persona.organisation_key]}")
        self.stdout.write("")
