"""The machine-to-machine API: an organisation's system submits its indicator returns.

Bearer tokens (``Authorization: Bearer sqa_…``) are scoped to one organisation; the
OpenAPI description is at ``/api/openapi.json`` and described for people at ``/api/docs``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest
from ninja import Field, NinjaAPI, Schema
from ninja.security import HttpBearer

from safeguarding_qa.indicators import rules
from safeguarding_qa.indicators.choices import PeriodKind, ValueSource
from safeguarding_qa.indicators.models import Indicator, Period
from safeguarding_qa.indicators.services.returns import ReturnInvalid, ReturnRow, return_submit

from .docs import GovukDocs
from .models import ApiToken
from .services import token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return token_authenticate(key=token, method=request.method or "", path=request.path)


api = NinjaAPI(
    title="Safeguarding QA indicator returns",
    version="1",
    description=(
        "Submit an organisation's quarterly indicator values. Each token reaches only its "
        "own organisation's indicators; every call is logged."
    ),
    urls_namespace="api",
    auth=TokenAuth(),
    docs=GovukDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    docs_decorator=login_not_required,
)


class IndicatorOut(Schema):
    code: str
    title: str
    unit: str
    polarity: str
    frequency: str = Field(
        description="quarterly: send it for a quarter; monthly: send it for each month."
    )
    numerator_definition: str
    denominator_definition: str
    send: list[str] = Field(description="Which figures to send for this indicator.")


class PeriodOut(Schema):
    label: str = Field(examples=["2025-26 Q2", "October 2025"])
    kind: str = Field(examples=["quarter", "month"])
    start: date
    end: date
    deadline: date
    is_closed: bool


class ValueIn(Schema):
    code: str = Field(max_length=40, examples=["STRATEGY_POLICE_PRESENT"])
    numerator: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=4)
    denominator: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=4)
    value: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=4)
    reason: str = Field("", max_length=500, description="Needed when changing a sent value.")


class ReturnIn(Schema):
    period: str = Field(examples=["2025-26 Q2", "October 2025"], max_length=20)
    values: list[ValueIn] = Field(min_length=1, max_length=500)


class ReturnOut(Schema):
    period: str
    created: int
    changed: int
    unchanged: int


class ProblemOut(Schema):
    where: str
    code: str
    message: str


class RefusedOut(Schema):
    detail: str
    problems: list[ProblemOut]


def _token(request: HttpRequest) -> ApiToken:
    return request.auth  # type: ignore[attr-defined]


def _send(indicator: Indicator) -> list[str]:
    if indicator.needs_denominator:
        return ["numerator", "denominator"]
    return ["numerator"] if indicator.takes_numerator else ["value"]


@api.get("/indicators", response=list[IndicatorOut], summary="Your organisation's indicators")
def list_indicators(request: HttpRequest) -> list[dict[str, Any]]:
    """The active indicators this token's organisation reports, and what to send for each."""
    indicators = Indicator.objects.filter(organisation=_token(request).organisation, is_active=True)
    return [
        {
            "code": i.code,
            "title": i.title,
            "unit": i.unit,
            "frequency": i.frequency,
            "polarity": i.polarity,
            "numerator_definition": i.numerator_definition,
            "denominator_definition": i.denominator_definition,
            "send": _send(i),
        }
        for i in indicators.order_by("section", "position")
    ]


def _period_of(label: str) -> Period | None:
    """The quarter ("2025-26 Q2") or month ("October 2025") a label names, if it exists."""
    quarter = rules.parse_period_label(label)
    if quarter is not None:
        return Period.every.filter(kind=PeriodKind.QUARTER, start=quarter).first()
    month = rules.parse_month_label(label)
    if month is not None:
        return Period.every.filter(kind=PeriodKind.MONTH, start=month).first()
    return None


@api.get("/periods", response=list[PeriodOut], summary="Reporting quarters and months")
def list_periods(request: HttpRequest) -> list[dict[str, Any]]:
    """Every reporting quarter and month, its deadline and whether it is closed to returns.
    Quarterly indicators are sent for quarters, monthly indicators for months."""
    return [
        {
            "label": p.label,
            "kind": p.kind,
            "start": p.start,
            "end": p.end,
            "deadline": p.deadline,
            "is_closed": p.is_closed,
        }
        for p in Period.every.order_by("start", "-kind")
    ]


@api.post(
    "/returns",
    response={200: ReturnOut, 422: RefusedOut},
    summary="Submit a return",
)
def submit_return(request: HttpRequest, payload: ReturnIn) -> tuple[int, dict[str, Any]]:
    """Submit values for one quarter. All are checked first; if any is wrong nothing is
    saved and every problem is listed (422). A value already sent may be changed only with
    a ``reason``."""
    token = _token(request)
    period = _period_of(payload.period)
    if period is None:
        message = (
            f"There is no quarter or month {payload.period!r}. Use a label like "
            "'2025-26 Q2' (quarterly indicators) or 'October 2025' (monthly indicators)."
        )
        return 422, {"detail": "The return was refused.", "problems": [_problem("period", message)]}
    rows = [
        ReturnRow(
            code=item.code,
            numerator=item.numerator,
            denominator=item.denominator,
            value=item.value,
            reason=item.reason,
            where=f"values[{index}]",
        )
        for index, item in enumerate(payload.values)
    ]
    try:
        counts = return_submit(
            organisation=token.organisation,
            period=period,
            rows=rows,
            source=ValueSource.API,
            token=token,
        )
    except ReturnInvalid as error:
        problems = [
            {"where": p.where, "code": p.code, "message": p.message} for p in error.problems
        ]
        return 422, {"detail": "The return was refused; nothing was saved.", "problems": problems}
    return 200, {"period": period.label, **counts}


def _problem(where: str, message: str) -> dict[str, str]:
    return {"where": where, "code": "", "message": message}
