"""HTML for screen and print from one template of the document body."""

from __future__ import annotations

from django.template.loader import render_to_string

from .document import ReportDocument

BODY_TEMPLATE = "reports/includes/document_body.html"
PRINT_TEMPLATE = "reports/print.html"


def render_body(document: ReportDocument, *, screen: bool = True) -> str:
    """The document's contents list and sections, for inclusion in a page."""
    return render_to_string(BODY_TEMPLATE, {"document": document, "screen": screen})


def render_print_html(document: ReportDocument) -> str:
    """A standalone HTML document with the print stylesheet, for WeasyPrint."""
    return render_to_string(
        PRINT_TEMPLATE,
        {"document": document, "body": render_body(document, screen=False)},
    )
