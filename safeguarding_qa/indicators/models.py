"""The indicator catalogue, periods, child population, values, commentary and challenges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguarding_qa.core.models import TimeStampedModel
from safeguarding_qa.partnership.models import Organisation

from . import rules
from .choices import (
    ChallengeStatus,
    CommentaryKind,
    Frequency,
    PeriodKind,
    Polarity,
    Section,
    Unit,
    ValueSource,
)

code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9_]{1,39}$",
    "Use capital letters, digits and underscores, starting with a letter (e.g. CP_REPEAT).",
)


class ChildPopulation(TimeStampedModel):
    """The partnership area's child population (0-17) in a financial year, for rates."""

    year = models.PositiveSmallIntegerField(
        unique=True, help_text="The financial year's first calendar year: 2025 means 2025-26."
    )
    count = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    source = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [models.CheckConstraint(condition=Q(count__gt=0), name="population_positive")]

    def __str__(self) -> str:
        return f"{rules.financial_year_label(self.year)}: {self.count:,} children"


class Indicator(TimeStampedModel):
    """One measure on the dashboard, owned by the organisation that reports it."""

    code = models.CharField(max_length=40, unique=True, validators=[code_validator])
    title = models.CharField(max_length=200)
    section = models.CharField(max_length=30, choices=Section.choices)
    position = models.PositiveSmallIntegerField(default=0)
    definition = models.TextField()
    numerator_definition = models.CharField(max_length=300, blank=True)
    denominator_definition = models.CharField(max_length=300, blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="indicators"
    )
    data_source = models.CharField(max_length=300, blank=True)
    is_computed = models.BooleanField(
        default=False, help_text="Computed from imported case data rather than entered."
    )
    target = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        default=Decimal("0"),
        help_text="How far from the target is amber rather than red.",
    )
    england_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    england_year = models.CharField(max_length=40, blank=True)
    england_source = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "position", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="indicator_tolerance"),
            models.CheckConstraint(
                condition=~Q(unit=Unit.PERCENTAGE) | ~Q(denominator_definition=""),
                name="indicator_percentage_has_denominator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    @property
    def needs_denominator(self) -> bool:
        return self.unit == Unit.PERCENTAGE

    @property
    def takes_numerator(self) -> bool:
        return self.unit in (Unit.PERCENTAGE, Unit.RATE_10K)


class QuarterManager(models.Manager["Period"]):
    """Quarters only. ``Period.objects`` keeps meaning "the quarters" for every reader that
    predates monthly indicators (dashboard, reports, case data, commentary); the few that
    handle months ask ``Period.every`` instead."""

    def get_queryset(self) -> models.QuerySet[Period]:
        return super().get_queryset().filter(kind=PeriodKind.QUARTER)


class Period(TimeStampedModel):
    """A reporting period: a financial-year quarter (April-March), labelled as partnerships
    write it ("2025-26 Q2"), or a month ("October 2025") for monthly indicators."""

    start = models.DateField()
    kind = models.CharField(max_length=10, choices=PeriodKind.choices, default=PeriodKind.QUARTER)
    deadline = models.DateField(help_text="When agencies' returns for the period are due.")
    is_closed = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = QuarterManager()
    every = models.Manager()

    class Meta:
        ordering = ["start", "-kind"]
        base_manager_name = "every"
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("start")), name="period_deadline_after_start"
            ),
            models.UniqueConstraint(fields=["kind", "start"], name="period_one_per_kind_and_start"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_month(self) -> bool:
        return self.kind == PeriodKind.MONTH

    @property
    def frequency(self) -> Frequency:
        """The frequency of the indicators whose values belong to this period."""
        return Frequency.MONTHLY if self.is_month else Frequency.QUARTERLY

    @property
    def label(self) -> str:
        return rules.month_label(self.start) if self.is_month else rules.period_label(self.start)

    @property
    def end(self) -> date:
        return rules.month_end(self.start) if self.is_month else rules.quarter_end(self.start)

    @property
    def financial_year(self) -> int:
        return rules.financial_year_of(self.start)


class IndicatorValue(TimeStampedModel):
    """An indicator's value for a period, with the numerator and denominator it came from.

    A change after submission needs a reason; simple-history keeps every version."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values")
    numerator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=4)
    source = models.CharField(max_length=10, choices=ValueSource.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    change_reason = models.CharField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="value_one_per_period"),
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | Q(denominator__gt=0),
                name="value_denominator_positive",
            ),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True) | Q(numerator__gte=0),
                name="value_numerator_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period.label}: {self.value}"


class Commentary(TimeStampedModel):
    """What an agency, or the QA subgroup, says about an indicator's figure in a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="comments")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="comments")
    kind = models.CharField(max_length=10, choices=CommentaryKind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=5000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start", "created_at"]
        verbose_name_plural = "commentaries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.indicator.code} {self.period.label}"


class Challenge(TimeStampedModel):
    """A question the QA subgroup (or the scrutineer) puts to an organisation about an
    indicator, the organisation's response, and its closure."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="challenges")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="challenges")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(max_length=5000)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    response = models.TextField(max_length=5000, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    closure_note = models.TextField(max_length=2000, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ChallengeStatus.RESPONDED) | Q(responded_at__isnull=False),
                name="challenge_responded_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=ChallengeStatus.CLOSED) | Q(closed_at__isnull=False),
                name="challenge_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"Challenge to {self.organisation} on {self.indicator.code} ({self.period.label})"

    @property
    def status_choice(self) -> ChallengeStatus:
        return ChallengeStatus(self.status)


class DataContact(TimeStampedModel):
    """A person an organisation's lead has named to send its indicator returns.

    Removing a contact deletes the row; simple-history and the audit trail keep who was a
    contact, when, and who named and removed them."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="indicator_data_contacts"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="indicator_data_contacts"
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="data_contact_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} (data contact for {self.organisation})"
