"""manage.py import_cin_census FILE: import a DfE CIN census XML file."""

from __future__ import annotations

from ._importing import ImportCommand


class Command(ImportCommand):
    help = "Import a DfE CIN census XML file (all or nothing); report errors and warnings."
    source = "cin_census"
