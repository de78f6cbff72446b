"""One structured report source, rendered to HTML (screen and print), PDF and Word."""

from .document import (
    Block,
    BulletList,
    Chart,
    Heading,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)

__all__ = [
    "Block",
    "BulletList",
    "Chart",
    "Heading",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Table",
]
