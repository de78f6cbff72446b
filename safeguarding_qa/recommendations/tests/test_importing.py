"""Importing a tracker: all rows or none, with an error report naming row, column, value."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from safeguarding_qa.recommendations.choices import ActionStatus
from safeguarding_qa.recommendations.importing import HEADER, template_bytes
from safeguarding_qa.recommendations.models import Action, Recommendation

pytestmark = pytest.mark.django_db


def _row(**values):
    base = {
        "Reference": "T-1",
        "Recommendation title": "Hear the child",
        "Recommendation": "Record the child's views.",
        "Kind": "Multi-agency strategic",
        "Source kind": "Practice review",
        "Source": "Child C (LCSPR)",
        "Themes": "Voice of the child; Neglect",
        "Lead organisations": "FC; BCCS",
        "Agreed on": date(2025, 6, 1),
        "Action": "Brief sergeants",
        "Organisation": "Fellshire Constabulary",
        "Owner e-mail": "lead.police@brackenmoor.example",
        "Due on": "01/12/2025",
        "Priority": "High",
        "Action status": "Signed off",
    }
    base.update(values)
    return [base[name] for name in HEADER]


def _workbook(*rows):
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = "Register"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("tracker.xlsx", buffer.getvalue())


def test_template_downloads_and_has_the_header(client_as):
    response = client_as("admin").get(reverse("recommendations:import-template"))
    assert response.status_code == 200
    assert template_bytes()[:2] == b"PK"


def test_a_good_tracker_is_imported(client_as, personas):
    upload = _workbook(
        _row(),
        _row(
            **{
                "Action": "Brief officers",
                "Organisation": "BCCS",
                "Owner e-mail": "",
                "Action status": "In progress",
            }
        ),
        _row(Reference="T-2", Action="", Organisation="", **{"Due on": ""}),
    )
    response = client_as("chair").post(
        reverse("recommendations:register-import"), {"tracker": upload}
    )
    assert response.status_code == 302
    first = Recommendation.objects.get(reference="T-1")
    assert first.actions.count() == 2
    signed = first.actions.get(status=ActionStatus.SIGNED_OFF)
    assert signed.signed_off_by == personas["chair"] and signed.owner == personas["lead_police"]
    assert Recommendation.objects.get(reference="T-2").actions.count() == 0


def test_one_bad_row_imports_nothing_and_reports_it(client_as):
    upload = _workbook(_row(), _row(Reference="T-2", **{"Due on": "soon", "Kind": "Both"}))
    client = client_as("admin")
    response = client.post(reverse("recommendations:register-import"), {"tracker": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been imported" in page and "soon" in page
    assert not Recommendation.objects.exists() and not Action.objects.exists()
    report = client.get(reverse("recommendations:import-errors"))
    rows = list(csv.reader(io.StringIO(b"".join(report.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Row", "Column", "Value", "What is wrong", "How to fix it"]
    assert rows[1][:2] == ["3", "Kind"]
    assert rows[2][:3] == ["3", "Due on", "soon"]


def test_not_a_workbook(client_as):
    upload = SimpleUploadedFile("tracker.xlsx", b"not a zip")
    response = client_as("admin").post(
        reverse("recommendations:register-import"), {"tracker": upload}
    )
    assert "not an Excel workbook" in response.content.decode()
