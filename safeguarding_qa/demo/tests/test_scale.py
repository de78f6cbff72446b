"""``seed_demo --scale N``: N times the demo's history, once, with the audit trail intact."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from safeguarding_qa.audits.models import AgencyReturn, AimAnswer, Audit, AuditCase
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.audittrail.services.verification import audit_trail_verify
from safeguarding_qa.indicators.models import Indicator, IndicatorValue
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.recommendations.models import Action, Recommendation

SCALED = (Audit, AuditCase, AgencyReturn, AimAnswer, Recommendation, Action, IndicatorValue)


@pytest.mark.django_db
def test_scale_copies_the_history_once_and_keeps_the_chain():
    call_command("seed_demo", stdout=StringIO())
    before = {model: model.objects.count() for model in SCALED}
    active = Indicator.objects.filter(is_active=True).count()
    meetings = Meeting.objects.count()

    call_command("seed_demo", "--scale", "3", stdout=StringIO())
    for model, count in before.items():
        assert model.objects.count() == 3 * count, model.__name__
    # Copies of indicators are retired ones: the dashboard's active set does not grow.
    assert Indicator.objects.filter(is_active=True).count() == active
    assert Meeting.objects.count() == 3 * meetings
    # Copied answers point at their own copy's return, case and audit.
    answer = AimAnswer.objects.order_by("-pk").first()
    assert answer is not None
    assert answer.aim.audit_id == answer.agency_return.case.audit_id
    assert "(cycle 2)" in answer.aim.audit.title
    assert audit_trail_verify().intact
    assert AuditEvent.objects.filter(kind="demo.scaled").count() == 1

    # Running it again adds nothing: the demo.scaled event marks the database. (The
    # indicators' demo build, which runs first every time, may top up the current quarter
    # of the retired copies, so indicator values are not compared.)
    compared = [model for model in SCALED if model is not IndicatorValue]
    after = {model: model.objects.count() for model in compared}
    call_command("seed_demo", "--scale", "3", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    assert {model: model.objects.count() for model in compared} == after
    assert AuditEvent.objects.filter(kind="demo.scaled").count() == 1
    assert audit_trail_verify().intact
