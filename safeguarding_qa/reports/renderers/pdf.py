"""PDF with WeasyPrint: tagged (PDF/UA-1), with a fetcher that reaches nothing outside.

WeasyPrint is imported when a PDF is made, not when this module is: importing it costs
about a second and much memory, and most processes (web workers serving pages) never
make a PDF. ``fetcher.SafeURLFetcher`` decides what the renderer may load.
"""

from __future__ import annotations

from .document import ReportDocument
from .html import render_print_html


def html_to_pdf(html: str) -> bytes:
    """Any HTML string to a tagged PDF, fetching only what ``SafeURLFetcher`` serves."""
    from weasyprint import HTML

    from .fetcher import BASE_URL, SafeURLFetcher

    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=SafeURLFetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return bytes(pdf or b"")


def render_pdf(document: ReportDocument) -> bytes:
    """The document as a tagged, accessible PDF with page numbers and, where not public,
    the protective marking on every page."""
    return html_to_pdf(render_print_html(document))
