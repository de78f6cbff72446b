"""Returns: all-or-nothing validation, own organisation only, changes need a reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.indicators.choices import ValueSource
from safeguarding_qa.indicators.models import IndicatorValue
from safeguarding_qa.indicators.services.returns import (
    ReturnInvalid,
    ReturnRow,
    indicator_value_record,
    return_submit,
)

pytestmark = pytest.mark.django_db


def _submit(personas, seeded, rows, *, who="lead_council", organisation=None, period=None):
    organisation = organisation or seeded.indicators["ASSESSMENT_45WD"].organisation
    return return_submit(
        access=Access.for_user(personas[who]),
        organisation=organisation,
        period=period or seeded.latest,
        rows=rows,
        source=ValueSource.FORM,
    )


def row(code, numerator=None, denominator=None, value=None, reason=""):
    d = lambda x: None if x is None else Decimal(str(x))  # noqa: E731
    return ReturnRow(
        code=code, numerator=d(numerator), denominator=d(denominator), value=d(value), reason=reason
    )


def test_a_lead_submits_values_computed_from_numerator_and_denominator(personas, seeded):
    events = AuditEvent.objects.count()
    counts = _submit(
        personas,
        seeded,
        [
            row("ASSESSMENT_45WD", 170, 200),
            row("REFERRAL_RATE", 1200),
            row("OPEN_ASSESSMENTS_45WD", value=14),
        ],
    )
    assert counts == {"created": 3, "changed": 0, "unchanged": 0}
    values = {v.indicator.code: v for v in IndicatorValue.objects.select_related("indicator")}
    assert values["ASSESSMENT_45WD"].value == Decimal("85")
    assert values["REFERRAL_RATE"].value == Decimal("150")  # 1200 / 80,000 x 10,000
    assert values["REFERRAL_RATE"].denominator == Decimal(80_000)
    assert values["OPEN_ASSESSMENTS_45WD"].value == Decimal(14)
    kinds = list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True)[events:])
    assert kinds.count("indicator_value.submitted") == 3
    assert kinds[-1] == "indicator_return.submitted"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (row("ASSESSMENT_45WD", 210, 200), "more than the denominator"),
        (row("ASSESSMENT_45WD", 1, 0), "more than 0"),
        (row("NOT_A_CODE", value=3), "no indicator with code NOT_A_CODE"),
        (row("STRATEGY_POLICE_PRESENT", 1, 2), "Fellshire Constabulary's indicator"),
        (row("OPEN_ASSESSMENTS_45WD"), None),
    ],
)
def test_one_bad_row_saves_nothing(personas, seeded, bad, message):
    rows = [row("CHILD_SEEN_ASSESSMENT", 90, 100), bad]
    if message is None:  # a blank row is skipped, not an error
        _submit(personas, seeded, rows)
        assert IndicatorValue.objects.count() == 1
        return
    with pytest.raises(ReturnInvalid) as caught:
        _submit(personas, seeded, rows)
    assert IndicatorValue.objects.count() == 0
    assert any(message in problem.message for problem in caught.value.problems)


def test_a_closed_quarter_refuses_returns(personas, seeded):
    period = seeded.periods[0]
    period.is_closed = True
    period.save()
    with pytest.raises(ReturnInvalid, match="problem") as caught:
        _submit(personas, seeded, [row("ASSESSMENT_45WD", 1, 2)], period=period)
    assert "closed" in caught.value.problems[0].message


def test_a_lead_cannot_submit_for_another_organisation(personas, seeded):
    police = seeded.indicators["STRATEGY_POLICE_PRESENT"].organisation
    with pytest.raises(PermissionDenied):
        _submit(personas, seeded, [row("STRATEGY_POLICE_PRESENT", 1, 2)], organisation=police)
    with pytest.raises(PermissionDenied):
        _submit(personas, seeded, [row("ASSESSMENT_45WD", 1, 2)], who="chair")
    assert not IndicatorValue.objects.exists()


def test_an_administrator_submits_for_any_organisation(personas, seeded):
    police = seeded.indicators["STRATEGY_POLICE_PRESENT"].organisation
    _submit(
        personas, seeded, [row("STRATEGY_POLICE_PRESENT", 9, 10)], who="admin", organisation=police
    )
    assert IndicatorValue.objects.get().value == Decimal(90)


def test_a_change_needs_a_reason_and_keeps_history(personas, seeded):
    _submit(personas, seeded, [row("ASSESSMENT_45WD", 170, 200)])
    with pytest.raises(ReturnInvalid, match="problem") as caught:
        _submit(personas, seeded, [row("ASSESSMENT_45WD", 160, 200)])
    assert "Give a reason" in caught.value.problems[0].message
    assert _submit(personas, seeded, [row("ASSESSMENT_45WD", 170, 200)])["unchanged"] == 1
    _submit(
        personas, seeded, [row("ASSESSMENT_45WD", 160, 200, reason="Late authorisations found")]
    )
    value = IndicatorValue.objects.get()
    assert value.value == Decimal(80)
    assert value.change_reason == "Late authorisations found"
    assert value.history.count() == 2
    changed = AuditEvent.objects.filter(kind="indicator_value.changed").get()
    assert changed.before is not None
    assert Decimal(str(changed.before["value"])) == Decimal(85)


def test_duplicate_codes_are_refused(personas, seeded):
    with pytest.raises(ReturnInvalid) as caught:
        _submit(personas, seeded, [row("ASSESSMENT_45WD", 1, 2), row("assessment_45wd", 1, 2)])
    assert "more than once" in caught.value.problems[0].message


def test_computed_values_can_be_recorded_by_the_case_data_importer(seeded):
    indicator = seeded.indicators["CPP_RATE"]
    value = indicator_value_record(
        indicator=indicator, period=seeded.latest, numerator=Decimal(320)
    )
    assert value.source == ValueSource.COMPUTED
    assert value.value == Decimal(40)
    again = indicator_value_record(
        indicator=indicator, period=seeded.latest, numerator=Decimal(320)
    )
    assert again.pk == value.pk and value.history.count() == 1
    assert AuditEvent.objects.filter(kind="indicator_value.computed").count() == 1
