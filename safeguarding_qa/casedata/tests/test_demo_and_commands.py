"""The demo builder, and the import, purge and generate commands."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.casedata import demo
from safeguarding_qa.casedata.models import Sample, Snapshot
from safeguarding_qa.demo.context import DemoContext

pytestmark = pytest.mark.django_db


def test_demo_build_is_idempotent(personas, organisations):
    context = DemoContext(organisations=organisations, cast=personas, colleagues=[], groups=[])
    demo.build(context)
    demo.build(context)
    assert Snapshot.objects.count() == 2
    assert Sample.objects.count() == 1
    assert context.made["casedata_snapshot"].as_at == date(2025, 3, 31)


def test_import_commands(annex_a_2020, cin_sample, tmp_path):
    out = StringIO()
    call_command("import_annex_a", str(annex_a_2020), "--as-at", "2021-03-31", stdout=out)
    assert "48 children" in out.getvalue() and "2020 template" in out.getvalue()
    call_command("import_cin_census", str(cin_sample), stdout=out)
    assert "332 children" in out.getvalue()
    bad = tmp_path / "bad.xml"
    bad.write_text("<Message><Header>")
    with pytest.raises(CommandError, match="damaged or truncated"):
        call_command("import_cin_census", str(bad), stderr=StringIO())
    with pytest.raises(CommandError, match="yyyy-mm-dd"):
        call_command("import_annex_a", str(annex_a_2020), "--as-at", "March")
    assert Snapshot.objects.count() == 2


def test_a_dry_run_keeps_nothing(cin_sample):
    out = StringIO()
    call_command("import_cin_census", str(cin_sample), "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue() and "332 children" in out.getvalue()
    assert not Snapshot.objects.exists()
    assert not AuditEvent.objects.filter(kind__startswith="casedata.").exists()


def test_generate_and_purge_commands(tmp_path):
    out = StringIO()
    call_command("generate_casedata", "--tier", "S", "--out", str(tmp_path), stdout=out)
    assert (tmp_path / "annex_a_S.xlsx").exists() and (tmp_path / "cin_census_S.xml").exists()
    Snapshot.objects.create(source="annex_a", as_at=date(2001, 3, 31))
    call_command("purge_casedata", stdout=out)
    assert "1 snapshots deleted" in out.getvalue()
    assert not Snapshot.objects.exists()
