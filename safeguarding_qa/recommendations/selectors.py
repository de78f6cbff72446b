"""Reads for the register. Each runs a fixed number of queries, whatever the data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Model, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import SafeString

from safeguarding_qa.access.context import Access
from safeguarding_qa.core.choices import RAG

from . import rules
from .choices import FINISHED_STATUSES, ActionStatus, RecommendationStatus
from .models import Action, ImpactEvidence, ProgressUpdate, Recommendation, Theme
from .policies import actions_policy, evidence_policy, recommendations_policy, updates_policy


@dataclass(frozen=True)
class RegisterFilters:
    """What the register list is filtered by; empty values filter nothing."""

    status: str = ""
    rag: str = ""
    organisation_id: int | None = None
    source_kind: str = ""
    kind: str = ""
    theme_id: int | None = None
    evidence: bool | None = None
    overdue: bool = False
    year: int | None = None
    search: str = ""


def with_action_counts(
    recommendations: QuerySet[Recommendation], *, today: date
) -> QuerySet[Recommendation]:
    """Annotates each recommendation with its actions' counts, derived status and RAG."""

    def count(condition: Q | None = None) -> Count:
        return Count("actions", filter=condition, distinct=True)

    annotated = recommendations.annotate(
        n_actions=count(),
        n_finished=count(Q(actions__status__in=FINISHED_STATUSES)),
        n_finished_or_awaiting=count(
            Q(actions__status__in=[*FINISHED_STATUSES, ActionStatus.AWAITING_SIGN_OFF])
        ),
        n_not_started=count(Q(actions__status=ActionStatus.NOT_STARTED)),
        n_red=count(rules.rag_q(RAG.RED, today=today, prefix="actions__")),
        n_amber=count(rules.rag_q(RAG.AMBER, today=today, prefix="actions__")),
        n_overdue=count(rules.overdue_q(today, prefix="actions__")),
        has_evidence=Exists(ImpactEvidence.objects.filter(recommendation=OuterRef("pk"))),
    )
    return annotated.annotate(
        status=rules.recommendation_status_expression(),
        rag=rules.recommendation_rag_expression(),
    )


def register_list(
    *, access: Access, filters: RegisterFilters, today: date
) -> QuerySet[Recommendation]:
    """The recommendations this person may see, filtered, newest agreed first.

    Plain rows, for paging: the derived filters (status, RAG, evidence, overdue) are EXISTS
    tests in the WHERE clause, so nothing is counted for the whole register. The figures a
    row shows are worked out for one page at a time by ``register_rows``.
    """
    recommendations = _filter_columns(recommendations_policy.scope(access), filters)
    if filters.status:
        recommendations = recommendations.filter(rules.recommendation_status_q(filters.status))
    if filters.rag:
        recommendations = recommendations.alias(
            derived_rag=rules.recommendation_rag_exists_expression(today=today)
        ).filter(derived_rag=filters.rag)
    if filters.evidence is not None:
        evidence = Exists(ImpactEvidence.objects.filter(recommendation=OuterRef("pk")))
        recommendations = recommendations.filter(evidence if filters.evidence else ~evidence)
    if filters.overdue:
        recommendations = recommendations.filter(rules.has_overdue_action_q(today))
    return recommendations.order_by("-agreed_on", "-pk")


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register page, with what it shows worked out once in Python."""

    recommendation: Recommendation
    url: str
    status: RecommendationStatus
    rag: RAG | None
    themes: str
    actions: int
    overdue: int
    has_evidence: bool

    # The register shows a page of rows: each is written here once, escaped by
    # ``format_html``, rather than by some thirty template lookups and filters per row.
    @property
    def html(self) -> SafeString:
        """The row's ``<tr>``, as the register table shows it."""
        recommendation = self.recommendation
        themes = format_html(" · {}", self.themes) if self.themes else ""
        source_label = (
            format_html(
                '<br><span class="govuk-!-font-size-16">{}</span>', recommendation.source_label
            )
            if recommendation.source_label
            else ""
        )
        rag = (
            format_html(
                '<strong class="govuk-tag {}">{}</strong>', self.rag.tag_class, self.rag.label
            )
            if self.rag
            else '<span class="govuk-hint govuk-!-margin-0">None</span>'
        )
        return format_html(
            ROW_HTML,
            url=self.url,
            reference=recommendation.reference,
            title=recommendation.title,
            kind=recommendation.get_kind_display(),
            themes=themes,
            source_kind=recommendation.get_source_kind_display(),
            source_label=source_label,
            agreed_on=format_date(recommendation.agreed_on, "j M Y"),
            status_class=self.status.tag_class,
            status=self.status.label,
            rag=rag,
            actions=self.actions,
            overdue=self.overdue,
            evidence="Yes" if self.has_evidence else "No",
        )


ROW_HTML = """<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">
        <a class="govuk-link" href="{url}">{reference}: {title}</a>
        <span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">{kind}{themes}</span>
      </th>
      <td class="govuk-table__cell">{source_kind}{source_label}</td>
      <td class="govuk-table__cell">{agreed_on}</td>
      <td class="govuk-table__cell"><strong class="govuk-tag {status_class}">{status}</strong></td>
      <td class="govuk-table__cell">{rag}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{actions}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{overdue}</td>
      <td class="govuk-table__cell">{evidence}</td>
    </tr>"""

# The columns a register row shows: the page does not read each recommendation's text.
REGISTER_ROW_COLUMNS = (
    "reference",
    "title",
    "kind",
    "source_kind",
    "source_label",
    "agreed_on",
    "embedded_at",
)


def register_rows(*, recommendations: Sequence[Recommendation], today: date) -> list[RegisterRow]:
    """One page of the register, in order, with each recommendation's action counts,
    derived status and RAG, evidence and themes.

    Three queries whatever the page or the register's size. Only the page's actions are
    read, and the rules' Python forms (which the property tests hold equal to their
    database forms) work out status and RAG: cheaper than aggregating in SQL for 25 rows.
    """
    ids = [recommendation.pk for recommendation in recommendations]
    actions: dict[int, list[tuple[str, date, date | None]]] = {pk: [] for pk in ids}
    for recommendation_id, status, due_on, last_progress_on in Action.objects.filter(
        recommendation_id__in=ids
    ).values_list("recommendation_id", "status", "due_on", "last_progress_on"):
        actions[recommendation_id].append((status, due_on, last_progress_on))
    with_evidence = set(
        ImpactEvidence.objects.filter(recommendation_id__in=ids).values_list(
            "recommendation_id", flat=True
        )
    )
    themes: dict[int, list[str]] = {pk: [] for pk in ids}
    for recommendation_id, name in (
        Recommendation.themes.through.objects.filter(recommendation_id__in=ids)
        .order_by("theme__name")
        .values_list("recommendation_id", "theme__name")
    ):
        themes[recommendation_id].append(name)
    return [
        _register_row(
            recommendation,
            actions=actions[recommendation.pk],
            has_evidence=recommendation.pk in with_evidence,
            themes=themes[recommendation.pk],
            today=today,
        )
        for recommendation in recommendations
    ]


def _register_row(
    recommendation: Recommendation,
    *,
    actions: list[tuple[str, date, date | None]],
    has_evidence: bool,
    themes: list[str],
    today: date,
) -> RegisterRow:
    rags = [
        rules.action_rag(status=status, due_on=due_on, last_update_on=updated, today=today).rag
        for status, due_on, updated in actions
    ]
    return RegisterRow(
        recommendation=recommendation,
        url=reverse("recommendations:recommendation-detail", args=[recommendation.pk]),
        status=rules.recommendation_status(
            statuses=[status for status, _, _ in actions], embedded=recommendation.is_embedded
        ),
        rag=rules.rag_of_recommendation(rags),
        themes=", ".join(themes),
        actions=len(actions),
        overdue=sum(
            rules.is_overdue(status=status, due_on=due_on, today=today)
            for status, due_on, _ in actions
        ),
        has_evidence=has_evidence,
    )


def register_export_list(
    *, access: Access, filters: RegisterFilters, today: date
) -> QuerySet[Recommendation]:
    """The filtered register with every row's derived status and evidence, for the export."""
    return with_action_counts(
        register_list(access=access, filters=filters, today=today), today=today
    ).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name")), "lead_organisations"
    )


def _filter_columns(
    recommendations: QuerySet[Recommendation], filters: RegisterFilters
) -> QuerySet[Recommendation]:
    """The filters on the recommendation's own columns and links (before annotation)."""
    if filters.organisation_id:
        # Two index lookups (its actions, its lead organisations) rather than one join with
        # an OR, which would read every recommendation's actions and leads.
        with_action = Action.objects.filter(organisation_id=filters.organisation_id)
        led = Recommendation.lead_organisations.through.objects.filter(
            organisation_id=filters.organisation_id
        )
        recommendations = recommendations.filter(
            Q(pk__in=with_action.values("recommendation_id"))
            | Q(pk__in=led.values("recommendation_id"))
        )
    if filters.theme_id:
        recommendations = recommendations.filter(
            pk__in=Recommendation.themes.through.objects.filter(theme_id=filters.theme_id).values(
                "recommendation_id"
            )
        )
    if filters.source_kind:
        recommendations = recommendations.filter(source_kind=filters.source_kind)
    if filters.kind:
        recommendations = recommendations.filter(kind=filters.kind)
    if filters.year:
        recommendations = recommendations.filter(agreed_on__year=filters.year)
    if filters.search:
        recommendations = recommendations.filter(
            Q(reference__icontains=filters.search)
            | Q(title__icontains=filters.search)
            | Q(source_label__icontains=filters.search)
        )
    return recommendations


def recommendations_for_source(
    *, access: Access, source: Model, today: date
) -> QuerySet[Recommendation]:
    """The recommendations linked to one source object (a practice review, an audit...),
    with derived status, RAG and action counts: for another app's compliance view."""
    linked = recommendations_policy.scope(access).filter(
        source_content_type=ContentType.objects.get_for_model(source),
        source_object_id=source.pk,
    )
    return with_action_counts(linked, today=today).order_by("reference")


def actions_in_scope(*, access: Access, today: date) -> QuerySet[Action]:
    """Actions this person may see, with their RAG and what a list shows beside them."""
    return (
        actions_policy.scope(access)
        .select_related("recommendation", "organisation", "owner", "signed_off_by")
        .annotate(rag=rules.action_rag_expression(today=today))
    )


def action_list(
    *,
    access: Access,
    today: date,
    organisation_id: int | None = None,
    status: str = "",
    rag: str = "",
    overdue: bool = False,
    owner_id: int | None = None,
) -> QuerySet[Action]:
    """Actions in scope, filtered; soonest due first."""
    actions = actions_in_scope(access=access, today=today)
    if organisation_id:
        actions = actions.filter(organisation_id=organisation_id)
    if status:
        actions = actions.filter(status=status)
    if rag:
        actions = actions.filter(rules.rag_q(rag, today=today))
    if overdue:
        actions = actions.filter(rules.overdue_q(today))
    if owner_id:
        actions = actions.filter(owner_id=owner_id)
    return actions.order_by("due_on", "pk")


def recommendation_actions(
    *, access: Access, recommendation: Recommendation, today: date
) -> QuerySet[Action]:
    """The recommendation's actions this person may see."""
    return actions_in_scope(access=access, today=today).filter(recommendation=recommendation)


def recommendation_summary(*, recommendation: Recommendation, today: date) -> Recommendation:
    """The recommendation again, annotated with counts, derived status and RAG."""
    return with_action_counts(
        Recommendation.objects.filter(pk=recommendation.pk), today=today
    ).get()


def recommendation_evidence(
    *, access: Access, recommendation: Recommendation
) -> QuerySet[ImpactEvidence]:
    return (
        evidence_policy.scope(access)
        .filter(recommendation=recommendation)
        .select_related("recorded_by", "evidence_content_type")
    )


def action_updates(*, access: Access, action: Action) -> QuerySet[ProgressUpdate]:
    return updates_policy.scope(access).filter(action=action).select_related("author")


def export_rows(
    *, access: Access, recommendations: QuerySet[Recommendation], today: date
) -> list[list[Any]]:
    """One row per action in scope (a recommendation without one gets a row of its own),
    for the CSV and XLSX exports. Four queries, whatever the number of rows."""
    actions = Prefetch(
        "actions",
        queryset=actions_in_scope(access=access, today=today).order_by("due_on", "pk"),
        to_attr="visible_actions",
    )
    rows: list[list[Any]] = []
    for recommendation in recommendations.prefetch_related(actions):
        base = [
            recommendation.reference,
            recommendation.title,
            recommendation.get_kind_display(),
            recommendation.get_source_kind_display(),
            recommendation.source_label,
            ", ".join(theme.name for theme in recommendation.themes.all()),
            ", ".join(str(org) for org in recommendation.lead_organisations.all()),
            recommendation.agreed_on,
            _status_label(recommendation.status),  # type: ignore[attr-defined]
            recommendation.has_evidence,  # type: ignore[attr-defined]
        ]
        visible = recommendation.visible_actions
        if not visible:
            rows.append(base + [""] * len(ACTION_EXPORT_HEADER))
        for action in visible:
            rows.append(base + _action_cells(action))
    return rows


REGISTER_EXPORT_HEADER = [
    "Reference",
    "Recommendation",
    "Kind",
    "Source kind",
    "Source",
    "Themes",
    "Lead organisations",
    "Agreed on",
    "Recommendation status",
    "Impact evidence",
]
ACTION_EXPORT_HEADER = [
    "Action",
    "Organisation",
    "Owner",
    "Due on",
    "Priority",
    "Action status",
    "RAG",
    "Last progress update",
    "Signed off by",
    "Signed off at",
]


def _status_label(value: str) -> str:
    return str(RecommendationStatus(value).label)


def _action_cells(action: Action) -> list[Any]:
    return [
        action.description,
        action.organisation.name,
        action.owner.display_name if action.owner else "",
        action.due_on,
        action.get_priority_display(),
        action.get_status_display(),
        RAG(action.rag).label,  # type: ignore[attr-defined]
        action.last_progress_on,
        action.signed_off_by.display_name if action.signed_off_by else "",
        action.signed_off_at,
    ]


def theme_choices() -> QuerySet[Theme]:
    return Theme.objects.order_by("name")
