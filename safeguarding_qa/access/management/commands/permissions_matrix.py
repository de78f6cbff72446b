"""``manage.py permissions_matrix``: write (or with --check, verify) the permissions doc."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...documentation import MATRIX_PATH, render_matrix


class Command(BaseCommand):
    help = "Generate docs/permissions-matrix.md from the roles and policies."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Fail if the file is stale.")

    def handle(self, *args: Any, **options: Any) -> None:
        rendered = render_matrix()
        if options["check"]:
            current = MATRIX_PATH.read_text() if MATRIX_PATH.exists() else ""
            if current != rendered:
                raise CommandError(
                    f"{MATRIX_PATH} is out of date: run `manage.py permissions_matrix`."
                )
            self.stdout.write("The permissions matrix is current.")
            return
        MATRIX_PATH.parent.mkdir(parents=True, exist_ok=True)
        MATRIX_PATH.write_text(rendered)
        self.stdout.write(f"Wrote {MATRIX_PATH}")
