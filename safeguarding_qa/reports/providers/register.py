"""Annual report sections from the recommendations register and the practice reviews.

"All recommendations completed or in progress and on target" is computed with the
register's derived status and RAG and the reviews app's rule "on target".
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeguarding_qa.recommendations.choices import RecommendationStatus, SourceKind
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.recommendations.selectors import with_action_counts
from safeguarding_qa.reviews.models import PracticeReview
from safeguarding_qa.reviews.rules import recommendation_on_target

from ..renderers import Block, BulletList, Heading, Paragraph, Section, Table
from ..renderers.charts import bar_chart
from ..sections import ReportYear
from .common import day, plural

COMPLETED = "Completed"
ON_TARGET = "In progress, on target"
NOT_ON_TARGET = "Overdue or not on target"
_DONE = {RecommendationStatus.COMPLETED, RecommendationStatus.EMBEDDED}


def progress_of(status: str, rag: str) -> str:
    """Where a recommendation stands for the annual report: completed (or embedded), in
    progress and on target (the reviews rule "on target"), or not."""
    if status in _DONE:
        return COMPLETED
    return ON_TARGET if recommendation_on_target(status, rag or None) else NOT_ON_TARGET


def _recommendations(year: ReportYear) -> QuerySet[Recommendation]:
    """Recommendations agreed by the end of the year and not completed before it began."""
    return with_action_counts(
        Recommendation.objects.filter(agreed_on__lte=year.ends_on), today=timezone.localdate()
    ).order_by("reference")


def recommendation_sections(year: ReportYear) -> list[Section]:
    """The status of every recommendation agreed by the end of the year."""
    found = list(_recommendations(year))
    title = "Progress on recommendations"
    if not found:
        return [Section(title, (Paragraph("No recommendations had been agreed."),), "register")]
    progress = Counter(progress_of(r.status, r.rag) for r in found)  # type: ignore[attr-defined]
    off = progress[NOT_ON_TARGET]
    verdict = (
        "All recommendations are completed or in progress and on target."
        if off == 0
        else f"{plural(off, 'recommendation is', 'recommendations are')} overdue or not on "
        "target; the rest are completed or in progress and on target."
    )
    new = sum(1 for r in found if r.agreed_on >= year.starts_on)
    labels = [COMPLETED, ON_TARGET, NOT_ON_TARGET]
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(found), 'recommendation')} had been agreed by 31 March "
            f"{year.start_year + 1}, {new} of them during the year. Status as at "
            f"{day(timezone.localdate())}: {verdict}"
        ),
        bar_chart(
            title="Recommendations by progress",
            labels=labels,
            values=[progress[label] for label in labels],
            value_label="Recommendations",
            category_label="Progress",
        ),
        Table(
            caption="Every recommendation and its status",
            header=("Reference", "Recommendation", "Source", "Status", "Progress"),
            rows=tuple(
                (
                    r.reference,
                    r.title,
                    r.source_label or r.get_source_kind_display(),
                    RecommendationStatus(r.status).label,  # type: ignore[attr-defined]
                    progress_of(r.status, r.rag),  # type: ignore[attr-defined]
                )
                for r in found
            ),
        ),
    ]
    return [Section(title=title, blocks=tuple(blocks), anchor="register")]


def review_sections(year: ReportYear) -> list[Section]:
    """Practice reviews active in the year and the compliance of their recommendations."""
    during = Q(published_on__range=(year.starts_on, year.ends_on)) | Q(
        notified_on__range=(year.starts_on, year.ends_on)
    )
    reviews = list(
        PracticeReview.objects.filter(during | Q(published_on__isnull=True)).order_by("name")
    )
    title = "Practice reviews"
    if not reviews:
        return [Section(title, (Paragraph("No practice review was under way."),), "reviews")]
    review_type = ContentType.objects.get_for_model(PracticeReview)
    linked = with_action_counts(
        Recommendation.objects.filter(
            source_kind=SourceKind.PRACTICE_REVIEW,
            source_content_type=review_type,
            source_object_id__in=[r.pk for r in reviews],
        ),
        today=timezone.localdate(),
    )
    tallies: dict[int | None, Counter[str]] = defaultdict(Counter)
    for item in linked:
        progress = progress_of(item.status, item.rag)  # type: ignore[attr-defined]
        tallies[item.source_object_id][progress] += 1
    rows = []
    for review in reviews:
        tally = tallies[review.pk]
        total = sum(tally.values())
        compliant = total > 0 and tally[NOT_ON_TARGET] == 0
        rows.append(
            (
                review.name,
                review.get_kind_display(),
                day(review.published_on) if review.published_on else "Not yet published",
                str(total),
                str(tally[COMPLETED]),
                "Yes" if compliant else ("No recommendations yet" if total == 0 else "No"),
            )
        )
    compliant_count = sum(1 for row in rows if row[5] == "Yes")
    blocks: list[Block] = [
        Paragraph(
            f"{plural(len(reviews), 'practice review')} were published, notified or under way. "
            f"{compliant_count} had all their recommendations completed or in progress and "
            "on target."
        ),
        Table(
            caption="Practice reviews and the compliance of their recommendations",
            header=(
                "Review",
                "Kind",
                "Published",
                "Recommendations",
                "Completed",
                "All on target",
            ),
            rows=tuple(rows),
            numeric=frozenset({3, 4}),
        ),
    ]
    themes = sorted({t.strip().capitalize() for r in reviews for t in r.themes.split(",") if t})
    if themes:
        blocks += [Heading("Themes"), BulletList(tuple(themes))]
    return [Section(title=title, blocks=tuple(blocks), anchor="reviews")]
