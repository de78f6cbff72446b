"""manage.py import_annex_a FILE --as-at DATE: import an Ofsted Annex A workbook."""

from __future__ import annotations

from typing import Any

from ._importing import ImportCommand


class Command(ImportCommand):
    help = "Import an Ofsted Annex A workbook (all or nothing); report errors and warnings."
    source = "annex_a"

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument("--as-at", required=True, help="The inspection date, yyyy-mm-dd.")
