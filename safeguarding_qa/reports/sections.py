"""The registry of report section providers: how other apps plug into the reports.

An app registers a function that returns report sections for a reporting year (the annual
report) or for one object of a kind (for example ``"audit"`` for an audit report). The
reports app assembles documents from whatever is registered, so the audits, register and
dashboard apps add their sections without the reports app importing them::

    from safeguarding_qa.reports.sections import register_annual

    def audits_this_year(year: ReportYear) -> list[Section]: ...

    register_annual("audits", audits_this_year, order=30)   # in your AppConfig.ready()

Providers must run a fixed number of queries and must never include case identifiers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .renderers import ReportDocument, Section


@dataclass(frozen=True)
class ReportYear:
    """A partnership year, April to March, named by the year it starts in."""

    start_year: int

    @property
    def starts_on(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def ends_on(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year} to {self.start_year + 1}"

    @classmethod
    def containing(cls, day: date) -> ReportYear:
        return cls(day.year if day.month >= 4 else day.year - 1)


AnnualProvider = Callable[[ReportYear], list[Section]]
ObjectProvider = Callable[[Any], list[Section]]


@dataclass(frozen=True)
class _Registered:
    name: str
    order: int
    provider: Callable[[Any], list[Section]]


_annual: dict[str, _Registered] = {}
_per_object: dict[str, dict[str, _Registered]] = {}


def register_annual(name: str, provider: AnnualProvider, *, order: int) -> None:
    """Add a provider of annual report sections; names are unique."""
    if name in _annual and _annual[name].provider is not provider:
        raise ValueError(f"An annual report provider named {name!r} already exists.")
    _annual[name] = _Registered(name, order, provider)


def register_for(kind: str, name: str, provider: ObjectProvider, *, order: int) -> None:
    """Add a provider of sections for reports on one object of ``kind`` (e.g. "audit")."""
    providers = _per_object.setdefault(kind, {})
    if name in providers and providers[name].provider is not provider:
        raise ValueError(f"A {kind} report provider named {name!r} already exists.")
    providers[name] = _Registered(name, order, provider)


def annual_providers() -> list[str]:
    return [item.name for item in sorted(_annual.values(), key=lambda item: item.order)]


def annual_sections(year: ReportYear) -> list[Section]:
    """Every registered provider's sections for ``year``, in provider order."""
    sections: list[Section] = []
    for item in sorted(_annual.values(), key=lambda item: item.order):
        sections.extend(item.provider(year))
    return sections


def sections_for(kind: str, obj: Any) -> list[Section]:
    """Every registered provider's sections about ``obj``, in provider order."""
    providers = sorted(_per_object.get(kind, {}).values(), key=lambda item: item.order)
    return [section for item in providers for section in item.provider(obj)]


def annual_report(year: ReportYear, *, partnership_name: str, made_on: date) -> ReportDocument:
    """The annual report document of the quality assurance subgroup for ``year``."""
    return ReportDocument(
        title=f"Quality assurance annual report {year.label}",
        subtitle=f"1 April {year.start_year} to 31 March {year.start_year + 1}",
        author=partnership_name,
        made_on=made_on,
        sections=tuple(annual_sections(year)),
        numbered_sections=True,
    )
