"""The pages as a new user meets them: upload, progress, report, cohort, sample, redraw."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.casedata.models import ImportJob, ImportState, Sample, Snapshot, Source

pytestmark = pytest.mark.django_db


def _upload(client, path, *, source="annex_a", as_at=True, name=None):
    data = {"source": source, "file": SimpleUploadedFile(name or path.name, path.read_bytes())}
    if as_at:
        data.update(as_at_day="31", as_at_month="3", as_at_year="2021")
    return client.post(reverse("casedata:import-start"), data)


def test_upload_runs_the_import_as_a_task(
    client_as, annex_a_2024, django_capture_on_commit_callbacks
):
    client = client_as("admin")
    assert client.get(reverse("casedata:import-start")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, annex_a_2024)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{job.pk}/")
    assert job.state == ImportState.SUCCEEDED and job.progress == 100
    assert not job.file  # the upload is deleted once imported
    page = client.get(reverse("casedata:import-detail", args=[job.pk]))
    assert b"http-equiv" not in page.content and b"48 children" in page.content
    detail = client.get(reverse("casedata:snapshot-detail", args=[job.snapshot_id]))
    assert b"Computed indicators" in detail.content and b"ICPC_15WD" in detail.content


def test_progress_page_refreshes_while_the_import_runs(client_as):
    job = ImportJob.objects.create(
        source=Source.ANNEX_A,
        file_name="big.xlsx",
        state=ImportState.RUNNING,
        progress=40,
        message="Read list 4",
    )
    page = client_as("admin").get(reverse("casedata:import-detail", args=[job.pk]))
    assert b'<meta http-equiv="refresh" content="2">' in page.content
    assert b'value="40"' in page.content


def test_a_damaged_upload_imports_nothing_and_offers_the_report(
    client_as, annex_a_2024, tmp_path, django_capture_on_commit_callbacks
):
    workbook = openpyxl.load_workbook(annex_a_2024, data_only=True)
    workbook["List 5"]["G2"] = "yesterday"
    damaged = tmp_path / "damaged.xlsx"
    workbook.save(damaged)
    client = client_as("admin")
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, damaged)
    job = ImportJob.objects.get()
    assert job.state == ImportState.FAILED and not Snapshot.objects.exists()
    page = client.get(reverse("casedata:import-detail", args=[job.pk]))
    assert b"Nothing has been imported" in page.content
    report = client.get(reverse("casedata:import-report", args=[job.pk]))
    rows = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig"))))
    assert rows[0] == ["List or section", "Row", "Column", "Value", "What is wrong"]
    assert rows[1][:2] == ["List 5", "2"] and rows[1][3] == "yesterday"


def test_upload_form_errors(client_as, annex_a_2024):
    client = client_as("admin")
    empty = client.post(reverse("casedata:import-start"), {})
    assert b"Select the kind of file" in empty.content
    assert b"Choose the file to import" in empty.content
    response = _upload(client, annex_a_2024, as_at=False)
    assert b"Enter the date the Annex A data are as at" in response.content
    response = _upload(client, annex_a_2024, source="cin_census", name="wrong.xlsx")
    assert b"must be a .xml file" in response.content
    assert not ImportJob.objects.exists()


@pytest.fixture
def snapshot(client_as, tmp_path, django_capture_on_commit_callbacks) -> Snapshot:
    from safeguarding_qa.casedata.synthetic import write_annex_a

    path = tmp_path / "annex_a_S.xlsx"
    write_annex_a(str(path), tier="S", as_at=date(2025, 3, 31), seed=8)
    client = client_as("admin")
    data = {
        "source": "annex_a",
        "file": SimpleUploadedFile(path.name, path.read_bytes()),
        "as_at_day": "31",
        "as_at_month": "3",
        "as_at_year": "2025",
        "child_population": "80000",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("casedata:import-start"), data)
    return Snapshot.objects.get()


def test_preview_the_neglect_cohort_and_draw_the_same_four_twice(client_as, snapshot):
    client = client_as("admin")
    preview = client.get(
        reverse("casedata:cohort-preview", args=[snapshot.pk]), {"cohort": "cp_neglect"}
    )
    assert b"Child protection plan for neglect:" in preview.content
    assert b"By age band" in preview.content
    url = reverse("casedata:sample-draw", args=[snapshot.pk])
    data = {
        "cohort": "cp_neglect",
        "size": "4",
        "seed": "2026",
        "stratify_by": "sex",
        "exclude_months": "12",
    }
    first = client.post(url, data)
    second = client.post(url, data)
    samples = list(Sample.objects.order_by("pk"))
    assert first.status_code == second.status_code == 302
    refs = []
    for sample in samples:
        page = client.get(reverse("casedata:sample-detail", args=[sample.pk]))
        assert b"Draw again with the same seed" in page.content
        refs.append([m.child_key for m in sample.members.all()])
    assert refs[0] == refs[1] and len(refs[0]) == 4
    export = client.get(reverse("casedata:sample-export", args=[samples[0].pk]))
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert f"S{samples[0].pk}-01" in text and "BRK" not in text


def test_sample_form_errors(client_as, snapshot):
    url = reverse("casedata:sample-draw", args=[snapshot.pk])
    response = client_as("admin").post(url, {"cohort": "cp_neglect", "size": "400"})
    assert b"The sample must be between 1 and" in response.content
    assert not Sample.objects.exists()


def test_home_and_detail_use_a_fixed_number_of_queries(client_as, snapshot):
    client = client_as("chair")
    url = reverse("casedata:home")
    client.get(url)  # warm up: sign-in bookkeeping writes on the first requests
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    Snapshot.objects.bulk_create(
        Snapshot(source=Source.CIN_CENSUS, as_at=date(2024, 3, 31)) for _ in range(30)
    )
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
    assert re.search(rb"31 snapshots", page.content)
    with CaptureQueriesContext(connection) as detail:
        client.get(reverse("casedata:snapshot-detail", args=[snapshot.pk]))
    assert len(detail) <= 12
