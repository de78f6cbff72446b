"""Word documents with python-docx: real headings, tables and pictures with alt text.

python-docx (and lxml's large schema set) is imported when a file is made, not at
Django's start-up; the type is imported for the type checker only.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from .document import Block, Chart, Heading, ReportDocument, Table

if TYPE_CHECKING:
    from docx.document import Document

_WORD_STYLES = {"paragraph": "Normal"}


def render_docx(document: ReportDocument) -> bytes:
    """The document as a .docx: title, contents of headings, tables, charts as pictures."""
    from docx import Document as new_document

    word = new_document()
    word.core_properties.title = document.title
    word.core_properties.author = document.author or ""
    word.core_properties.subject = document.subtitle
    word.core_properties.language = "en-GB"
    if document.marking:
        _mark(word, document.marking)
    word.add_heading(document.title, level=0)
    if document.subtitle:
        word.add_paragraph(document.subtitle)
    if document.made_on:
        word.add_paragraph(f"{document.author}, {document.made_on:%-d %B %Y}".lstrip(", "))
    for number, section in enumerate(document.sections, start=1):
        prefix = f"{number}. " if document.numbered_sections else ""
        word.add_heading(f"{prefix}{section.title}", level=1)
        for block in section.blocks:
            _add_block(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _mark(word: Document, marking: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = word.sections[0]
    for part in (section.header, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.text = marking
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _add_block(word: Document, block: Block) -> None:
    if isinstance(block, Heading):
        word.add_heading(block.text, level=min(max(block.level - 1, 2), 3))
    elif block.kind == "paragraph":
        word.add_paragraph(block.text)  # type: ignore[union-attr]
    elif block.kind == "list":
        style = "List Number" if block.numbered else "List Bullet"  # type: ignore[union-attr]
        for item in block.items:  # type: ignore[union-attr]
            word.add_paragraph(item, style=style)
    elif isinstance(block, Table):
        _add_table(word, block)
    elif isinstance(block, Chart):
        _add_chart(word, block)


def _add_table(word: Document, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word.add_paragraph(table.caption, style="Caption")
    grid = word.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    for index, name in enumerate(table.header):
        cell = grid.rows[0].cells[index]
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(grid.rows[0])
    for row in table.rows:
        cells = grid.add_row().cells
        for index, value in enumerate(row):
            cells[index].text = value
            if table.is_numeric(index):
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row: object) -> None:
    """Mark the header row as a header (repeats on each page; read as headers)."""
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _add_chart(word: Document, chart: Chart) -> None:
    from docx.shared import Inches

    word.add_picture(io.BytesIO(chart.png), width=Inches(6))
    picture = word.inline_shapes[-1]
    properties = picture._inline.docPr
    properties.set("descr", chart.alt)
    properties.set("title", chart.title)
    _add_table(word, chart.table)
