"""The renderers: one document to HTML, tagged PDF and Word, read back and checked."""

from __future__ import annotations

import io

import pytest
from docx import Document as read_docx

from safeguarding_qa.reports.renderers import (
    BulletList,
    Chart,
    Heading,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)
from safeguarding_qa.reports.renderers.charts import bar_chart
from safeguarding_qa.reports.renderers.fetcher import BASE_URL, RefusedResource, SafeURLFetcher
from safeguarding_qa.reports.renderers.html import render_body, render_print_html
from safeguarding_qa.reports.renderers.pdf import html_to_pdf, render_pdf
from safeguarding_qa.reports.renderers.word import render_docx

from .pdftext import pdf_objects, pdf_text


def _document(*, public: bool = False, sections: int = 4) -> ReportDocument:
    chart = bar_chart(
        title="Returns by agency",
        labels=["Council", "Police"],
        values=[7, 4],
        value_label="Returns",
        category_label="Agency",
    )
    blocks = (
        Heading("What we looked at"),
        Paragraph("Twelve strategy discussions were audited."),
        BulletList(("Attendance was prompt", "Schools were rarely invited")),
        Table(
            caption="Grades by aim",
            header=("Aim", "Good", "Requires improvement"),
            rows=(("Voice of the child", "3", "9"),),
            numeric=frozenset({1, 2}),
        ),
        chart,
    )
    return ReportDocument(
        title="Strategy discussions audit",
        subtitle="Brackenmoor quality assurance subgroup",
        author="Brackenmoor Safeguarding Children Partnership",
        sections=tuple(Section(title=f"Part {n}", blocks=blocks) for n in range(1, sections + 1)),
        public=public,
    )


def test_the_chart_has_svg_png_alt_text_and_a_data_table():
    chart = _document().sections[0].blocks[-1]
    assert isinstance(chart, Chart)

    assert chart.svg.startswith("<svg")
    assert chart.png.startswith(b"\x89PNG")
    assert "Council: 7" in chart.alt and "Police: 4" in chart.alt
    assert chart.table.rows == (("Council", "7"), ("Police", "4"))


def test_html_has_contents_tables_with_captions_and_chart_alt_text():
    html = render_body(_document())

    assert 'href="#section-1"' in html and 'id="section-4"' in html
    assert "<caption" in html and "Grades by aim" in html
    assert 'alt="Bar chart, Returns by agency.' in html
    assert 'scope="col"' in html


def test_short_documents_have_no_contents_list():
    assert "Contents" not in render_body(_document(sections=2))


def test_pdf_is_tagged_marked_numbered_and_says_what_the_document_says():
    pdf = render_pdf(_document())

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "OFFICIAL-SENSITIVE" in text
    assert "Strategy discussions audit" in text
    assert "Contents" in text and "Part 4" in text
    assert "Twelve strategy discussions were audited." in text
    assert "Voice of the child" in text
    assert "Page 1 of" in text
    # PDF/UA: a structure tree, marked content, the document language and title shown.
    raw = pdf_objects(pdf)
    assert b"/StructTreeRoot" in raw and b"/MarkInfo" in raw and b"/Lang" in raw


def test_public_pdf_carries_no_protective_marking():
    text = pdf_text(render_pdf(_document(public=True, sections=1)))

    assert "OFFICIAL-SENSITIVE" not in text
    assert "Strategy discussions audit" in text


def test_print_html_uses_the_projects_stylesheet():
    assert "/static/reports/print.css" in render_print_html(_document())


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/evil.css",
        "https://example.org/static/reports/print.css",
        f"{BASE_URL}media/reports/secret.pdf",
        f"{BASE_URL}static/../config/settings/base.py",
        f"{BASE_URL}static/%2e%2e/manage.py",
        f"{BASE_URL}static/reports/no-such-file.css",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files_and_data(url):
    with pytest.raises(RefusedResource):
        SafeURLFetcher().fetch(url)


def test_the_fetcher_serves_static_files_and_data_uris():
    css = SafeURLFetcher().fetch(f"{BASE_URL}static/reports/print.css")
    data = SafeURLFetcher().fetch("data:text/plain;base64,aGVsbG8=")

    assert b"@page" in css.read() and css.content_type == "text/css"
    assert data.read() == b"hello"


def test_html_pointing_outside_renders_without_fetching_it(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not include me")
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>T</title>"
        f"<link rel='stylesheet' href='file://{secret}'></head>"
        f"<body><h1>Safe</h1><img src='file://{secret}' alt='x'>"
        "<iframe src='http://169.254.169.254/'></iframe></body></html>"
    )
    text = pdf_text(html_to_pdf(html))

    assert "Safe" in text
    assert "do not include me" not in text


def test_word_has_headings_tables_marking_and_pictures_with_alt_text():
    word = read_docx(io.BytesIO(render_docx(_document())))

    headings = [
        (getattr(p.style, "name", ""), p.text)
        for p in word.paragraphs
        if getattr(p.style, "name", "").startswith(("Heading", "Title"))
    ]
    assert ("Title", "Strategy discussions audit") in headings
    assert ("Heading 1", "Part 1") in headings
    assert ("Heading 2", "What we looked at") in headings
    assert word.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    grades = word.tables[0]
    assert [cell.text for cell in grades.rows[0].cells] == ["Aim", "Good", "Requires improvement"]
    assert [cell.text for cell in grades.rows[1].cells] == ["Voice of the child", "3", "9"]
    pictures = word.inline_shapes
    assert len(pictures) == 4
    assert pictures[0]._inline.docPr.get("descr").startswith("Bar chart, Returns by agency.")
    assert word.core_properties.title == "Strategy discussions audit"
    bullets = [p.text for p in word.paragraphs if getattr(p.style, "name", "") == "List Bullet"]
    assert "Schools were rarely invited" in bullets


def test_public_word_document_has_no_marking():
    word = read_docx(io.BytesIO(render_docx(_document(public=True, sections=1))))

    assert word.sections[0].header.paragraphs[0].text == ""


def test_the_bar_chart_svg_is_plain_escaped_xml_without_references():
    from defusedxml import ElementTree

    chart = bar_chart(
        title="Answers <by> grade & aim",
        labels=["Good", "Requires <improvement>"],
        values=[2, 5],
        value_label="Answers",
        category_label="Grade",
    )

    root = ElementTree.fromstring(chart.svg)
    texts = [element.text for element in root.iter() if element.text]
    assert "Requires <improvement>" in texts
    assert (
        "Answers <by> grade & aim: Answers" in root.find("{http://www.w3.org/2000/svg}title").text
    )
    assert "<script" not in chart.svg and "href" not in chart.svg
    widths = [float(rect.get("width")) for rect in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[1] == pytest.approx(widths[0] * 2.5, abs=0.2)


def test_a_charts_png_is_drawn_once_and_only_when_asked_for():
    drawn: list[int] = []

    def draw() -> bytes:
        drawn.append(1)
        return b"\x89PNG"

    chart = Chart(title="T", alt="A", svg="<svg/>", draw_png=draw, table=Table("c", ("a",), ()))
    render_body(ReportDocument(title="T", sections=(Section("S", (chart,)),)))
    assert drawn == []
    assert chart.png == chart.png == b"\x89PNG"
    assert drawn == [1]
