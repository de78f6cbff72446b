"""Pages: the end-to-end journey, fixed query counts, the export, demo data."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding_qa.audits.choices import AuditStatus, ReturnStatus
from safeguarding_qa.audits.models import AgencyReturn, Audit, PanelGrade
from safeguarding_qa.audittrail.models import AuditEvent

from .builders import assign, make_audit, make_case, make_return

pytestmark = pytest.mark.django_db


def _date(prefix, day, month, year):
    return {f"{prefix}_day": day, f"{prefix}_month": month, f"{prefix}_year": year}


def test_journey_from_set_up_to_panel(client_as, organisations, personas):
    admin = client_as("admin")
    orgs = [organisations[key].pk for key in ("council", "police", "hospital")]
    response = admin.post(
        reverse("audits:audit-create"),
        {
            "title": "Neglect audit 2026",
            "theme": "Neglect",
            "kind": "case_file",
            "organisations": orgs,
            "target_cases": "4",
            "scale": Audit._meta.apps.get_model("audits", "GradingScale")
            .objects.get(name="Ofsted four-point")
            .pk,
            **_date("returns_due", "1", "3", "2026"),
            **_date("panel_date", "20", "3", "2026"),
        },
    )
    audit = Audit.objects.get(title="Neglect audit 2026")
    assert response.status_code == 302
    admin.post(
        reverse("audits:aim-write", args=[audit.pk]), {"text": "Info", "answer_type": "graded"}
    )
    admin.post(
        reverse("audits:aim-write", args=[audit.pk]), {"text": "Dad", "answer_type": "yes_no"}
    )
    for letter in "ABCD":
        admin.post(
            reverse("audits:case-add", args=[audit.pk]),
            {
                "reference": f"Case {letter}",
                "age_band": "5_9",
                "sex": "female",
                "plan_type": "child_in_need",
                "open_for": "3_12m",
                "child_name": "Piran Uren",
            },
        )
    admin.post(reverse("audits:audit-move", args=[audit.pk]))
    admin.post(reverse("audits:audit-move", args=[audit.pk]))
    audit.refresh_from_db()
    assert audit.status == AuditStatus.RETURNS_OPEN
    assert AgencyReturn.objects.filter(case__audit=audit).count() == 12
    assert (
        "Piran Uren"
        not in admin.get(reverse("audits:audit-detail", args=[audit.pk])).content.decode()
    )

    case_a = audit.cases.get(reference="Case A")
    for key in ("lead_council", "lead_police"):
        lead = client_as(key)
        auditor = personas[key.replace("lead", "auditor")]
        lead.post(reverse("audits:case-assign", args=[case_a.pk]), {"auditor": auditor.pk})
    aims = list(audit.aims.all())
    grades = {g.rank: g.pk for g in audit.grades.all()}
    for key, rank, response in (("auditor_council", 1, "yes"), ("auditor_police", 3, "no")):
        auditor = client_as(key)
        item = AgencyReturn.objects.get(case=case_a, organisation=personas[key].organisation)
        page = auditor.post(
            reverse("audits:return-edit", args=[item.pk]),
            {
                "version": "1",
                "involved": "yes",
                f"aim_{aims[0].pk}_answer": grades[rank],
                f"aim_{aims[0].pk}_evidence": "Evidence here",
                f"aim_{aims[1].pk}_answer": response,
                f"aim_{aims[1].pk}_evidence": '=HYPERLINK("x")',
                "overall_grade": grades[2],
                "submit": "1",
            },
        )
        assert page.status_code == 302, page.content.decode()[:2000]
    # The hospital auditor cannot see Case A's council return before the panel.
    council_return = AgencyReturn.objects.get(case=case_a, organisation=organisations["council"])
    assert (
        client_as("auditor_police")
        .get(reverse("audits:return-detail", args=[council_return.pk]))
        .status_code
        == 404
    )
    admin.post(reverse("audits:audit-move", args=[audit.pk]))
    audit.refresh_from_db()
    assert audit.status == AuditStatus.PANEL

    chair = client_as("chair")
    page = chair.get(reverse("audits:audit-collation", args=[audit.pk])).content.decode()
    assert "Agencies disagree" in page and "Late" in page
    chair.post(
        reverse("audits:panel-case", args=[case_a.pk]),
        {f"aim_{aims[0].pk}_answer": grades[2], f"aim_{aims[0].pk}_rationale": "Agreed"},
    )
    agreed = PanelGrade.objects.get(case=case_a, aim=aims[0]).grade
    assert agreed is not None and agreed.rank == 2
    chair.post(
        reverse("audits:panel-summary", args=[audit.pk]),
        {"panel_strengths": "Timely sharing.", "panel_improvements": "Fathers."},
    )
    export = chair.get(reverse("audits:audit-collation-export", args=[audit.pk]))
    book = load_workbook(BytesIO(export.content))
    cells = [c.value for row in book["Collation"].iter_rows() for c in row]
    assert "Piran Uren" not in str(cells)
    assert all(not str(v).startswith("=") for v in cells if v is not None)
    assert AuditEvent.objects.filter(kind="audit.collation_exported").exists()
    # The organisation that was not invited cannot reach the audit.
    assert (
        client_as("lead_hospital").get(reverse("audits:audit-detail", args=[audit.pk])).status_code
        == 200
    )
    outsider = client_as("auditor_hospital")
    assert outsider.get(reverse("audits:audit-detail", args=[audit.pk])).status_code == 404


def test_uninvited_organisation_gets_404(client_as, organisations):
    audit = make_audit("Hospital only", [organisations["hospital"]])
    assert (
        client_as("lead_police").get(reverse("audits:audit-detail", args=[audit.pk])).status_code
        == 404
    )


def test_reveal_page_asks_for_a_reason_then_shows_and_logs(client_as, open_audit):
    case = open_audit.cases.get(reference="Case A")
    client = client_as("auditor_council")
    url = reverse("audits:case-reveal", args=[case.pk])
    page = client.post(url, {"reason": ""})
    assert "Test Child" not in page.content.decode()
    page = client.post(url, {"reason": "Matching our records"})
    assert "Test Child" in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(kind="audit.identifiers_revealed").count() == 1


def _big_audit(organisations, personas, cases=30):
    orgs = [organisations[k] for k in ("council", "police", "hospital", "education")]
    audit = make_audit("Big", orgs, status=AuditStatus.PANEL, aims=4)
    for number in range(cases):
        case = make_case(audit, f"Case {number}")
        for index, org in enumerate(orgs):
            make_return(case, org, submitted=True, ranks=[1 + (index + number) % 4] * 4)
    return audit


def test_collation_runs_a_fixed_number_of_queries(
    client_as, organisations, personas, django_assert_max_num_queries
):
    small = _big_audit(organisations, personas, cases=2)
    client = client_as("chair")
    client.get(reverse("audits:audit-collation", args=[small.pk]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("audits:audit-collation", args=[small.pk]))
    big = _big_audit(organisations, personas, cases=30)
    big.title = "Bigger"
    big.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("audits:audit-collation", args=[big.pk]))
    assert response.status_code == 200


def _add_rows(audit, organisations, personas, start, stop):
    orgs = [organisations["council"], organisations["police"]]
    for number in range(start, stop):
        extra = make_audit(f"Counted {number}", orgs, status=AuditStatus.RETURNS_OPEN)
        assign(make_case(extra, "Case 0"), personas["auditor_police"])
        item = make_case(audit, f"Case {number}")
        assign(item, personas["auditor_police"])
        make_return(item, organisations["police"])


@pytest.mark.parametrize("key", ["admin", "lead_police", "auditor_police"])
def test_list_and_detail_run_fixed_queries(client_as, organisations, personas, key):
    """More rows than a page holds, then many more: the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(key)

    def count(path):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    orgs = [organisations["council"], organisations["police"]]
    audit = make_audit("Counted", orgs, status=AuditStatus.RETURNS_OPEN)
    _add_rows(audit, organisations, personas, 0, 27)
    detail = reverse("audits:audit-detail", args=[audit.pk])
    listing = reverse("audits:audit-list")
    count(listing)  # the first request of a session records it: not part of the page
    before = (count(listing), count(detail))
    _add_rows(audit, organisations, personas, 27, 60)
    assert (count(listing), count(detail)) == before


def test_demo_build_is_idempotent(organisations, personas):
    from safeguarding_qa.audits.demo import build
    from safeguarding_qa.demo.context import DemoContext

    context = DemoContext(organisations=organisations, cast=personas, colleagues=[], groups=[])
    build(context)
    counts = (Audit.objects.count(), AgencyReturn.objects.count())
    build(context)
    assert (Audit.objects.count(), AgencyReturn.objects.count()) == counts
    assert {a.status for a in Audit.objects.all()} == set(AuditStatus.values)
    assert AgencyReturn.objects.filter(status=ReturnStatus.SUBMITTED).exists()


def test_what_needs_me_lists_returns_to_complete(client_as, open_audit):
    from django.test import RequestFactory

    from safeguarding_qa.access.context import Access
    from safeguarding_qa.audits.needs import needs_me

    request = RequestFactory().get("/")
    user = (
        open_audit.cases.get(reference="Case A")
        .assignments.get(auditor__email__startswith="auditor.council")
        .auditor
    )
    request.access = Access.for_user(user)  # type: ignore[attr-defined]
    items = needs_me(request)
    assert any("Case A" in item.title for item in items)
