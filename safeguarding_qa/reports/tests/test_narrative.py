"""The annual report's narrative: pre-filled from the records, edited, kept with its
history and audit events, and used in the page, the PDF and the Word file."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document as read_docx

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme
from safeguarding_qa.reports import services
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind
from safeguarding_qa.reports.models import AnnualReportNarrative

from .audit_data import build_reported_audit
from .pdftext import pdf_text

pytestmark = pytest.mark.django_db
EDIT = reverse("reports:annual-narrative-edit", args=[2024])
WORDS = {
    "introduction": "Our year of learning about neglect in babies.",
    "areas_for_improvement": "- Seeing fathers\n- Using the neglect tool",
    "future_plans": "- Audit of strategy discussions in the spring",
}


@pytest.fixture
def records(organisations):
    """An audit whose panel met in 2024-25, and next year's work programme."""
    build_reported_audit(organisations)
    programme = WorkProgramme.objects.create(year=2025)
    ProgrammeItem.objects.create(
        programme=programme, kind="case_file_audit", title="Exploitation audit", quarter=2
    )


def _produce(personas, callbacks, fmt) -> bytes:
    with callbacks(execute=True):
        document = services.document_request(
            access=Access.for_user(personas["admin"]),
            kind=DocumentKind.ANNUAL_REPORT,
            format=fmt,
            year=2024,
        )
    document.refresh_from_db()
    return bytes(document.file.read())


def test_the_form_is_pre_filled_from_the_records(records, client_as):
    initial = client_as("admin").get(EDIT).context["form"].initial

    assert "2024 to 2025" in initial["introduction"]
    assert "Neglect in babies audit: Fathers were rarely seen" in initial["areas_for_improvement"]
    assert "Q2: Exploitation audit (multi-agency case file audit)" in initial["future_plans"]


def test_saved_words_are_kept_with_history_and_an_audit_event(records, client_as, personas):
    client = client_as("admin")
    response = client.post(EDIT, WORDS)
    assert response.status_code == 302

    narrative = AnnualReportNarrative.objects.get(year=2024)
    assert narrative.introduction == WORDS["introduction"]
    assert narrative.updated_by == personas["admin"]
    client.post(EDIT, {**WORDS, "introduction": "A changed introduction."})

    narrative.refresh_from_db()
    assert narrative.history.count() == 3  # created, first words, the change
    events = list(AuditEvent.objects.filter(kind="report.narrative_changed").order_by("sequence"))
    assert [(e.after or {}).get("introduction") for e in events] == [
        WORDS["introduction"],
        "A changed introduction.",
    ]
    assert events[-1].before == {"introduction": WORDS["introduction"]}
    assert client.get(EDIT).context["form"].initial["introduction"] == "A changed introduction."


def test_the_pdf_uses_the_saved_words(records, personas, django_capture_on_commit_callbacks):
    services.annual_narrative_save(access=Access.for_user(personas["chair"]), year=2024, **WORDS)

    text = pdf_text(_produce(personas, django_capture_on_commit_callbacks, DocumentFormat.PDF))

    assert "1. Introduction" in text
    assert WORDS["introduction"] in text
    assert "Seeing fathers" in text and "Using the neglect tool" in text
    assert "Audit of strategy discussions in the spring" in text
    assert "Exploitation audit" in text  # next year's programme table stays


def test_the_word_file_uses_the_saved_words(records, personas, django_capture_on_commit_callbacks):
    services.annual_narrative_save(access=Access.for_user(personas["chair"]), year=2024, **WORDS)

    content = _produce(personas, django_capture_on_commit_callbacks, DocumentFormat.DOCX)

    word = read_docx(io.BytesIO(content))
    paragraphs = [p.text for p in word.paragraphs]
    assert "1. Introduction" in paragraphs
    assert WORDS["introduction"] in paragraphs
    assert "Seeing fathers" in paragraphs
    assert "Audit of strategy discussions in the spring" in paragraphs
    assert "Areas for improvement" in paragraphs and "Future plans" in paragraphs


def test_the_page_shows_the_saved_words_and_the_edit_link(records, client_as, personas):
    services.annual_narrative_save(access=Access.for_user(personas["chair"]), year=2024, **WORDS)

    page = client_as("admin").get(reverse("reports:annual-report"), {"year": 2024})
    content = page.content.decode()
    assert WORDS["introduction"] in content
    assert f'href="{EDIT}"' in content
    assert (
        f'href="{EDIT}"'
        not in client_as("viewer")
        .get(reverse("reports:annual-report"), {"year": 2024})
        .content.decode()
    )


def test_missing_words_are_refused_and_nothing_is_saved(records, client_as):
    response = client_as("admin").post(EDIT, {**WORDS, "introduction": ""})

    assert response.status_code == 200
    assert "Enter the introduction" in response.content.decode()
    assert not AnnualReportNarrative.objects.exists()
    assert not AuditEvent.objects.filter(kind="report.narrative_changed").exists()


def test_a_viewer_cannot_save_and_nothing_changes(records, client_as):
    response = client_as("viewer").post(EDIT, WORDS)

    assert response.status_code == 403
    assert not AnnualReportNarrative.objects.exists()


def test_a_year_that_has_not_begun_is_not_found(client_as):
    response = client_as("admin").get(reverse("reports:annual-narrative-edit", args=[2999]))
    assert response.status_code == 404
    assert not AnnualReportNarrative.objects.exists()
