"""The first partnership administrator of a fresh deployment: prints a one-time link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from safeguarding_qa.accounts.services.bootstrap import administrator_bootstrap
from safeguarding_qa.partnership.choices import Sector


class Command(BaseCommand):
    help = (
        "Invite the first partnership administrator (for a new deployment where nobody can "
        "sign in yet). Creates their organisation if it is missing and prints a one-time "
        "invitation link to pass to them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="The administrator's e-mail address")
        parser.add_argument("--name", required=True, help="The administrator's full name")
        parser.add_argument(
            "--organisation", required=True, help="Their organisation's name (added if new)"
        )
        parser.add_argument(
            "--sector",
            default=Sector.CHILDRENS_SOCIAL_CARE.value,
            choices=Sector.values,
            help="The sector of a new organisation (default: %(default)s)",
        )
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="The service's address, used to build the link (default: %(default)s)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Invite even though an active partnership administrator already exists",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = administrator_bootstrap(
                email=options["email"],
                full_name=options["name"],
                organisation_name=options["organisation"],
                sector=options["sector"],
                force=options["force"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        link = options["base_url"].rstrip("/") + reverse(
            "accounts:invitation-accept", args=[result.token]
        )
        added = " (added just now)" if result.organisation_created else ""
        self.stdout.write(
            f"Invitation for {result.invitation.full_name} <{result.invitation.email}>, "
            f"partnership administrator at {result.organisation.name}{added}.\n"
            f"It works once and expires in {settings.INVITATION_VALID_DAYS} days. "
            f"Give them this link privately:\n\n{link}\n"
        )
