"""First drafts of a 7-minute briefing from what it draws on: an audit or a practice review.

The draft is text for the administrator to edit, never published as it stands (the chair
approves every briefing). Briefings become public, so a draft is built only from the
partnership-level record: theme, aims, terms of reference, the panel's strengths and
areas for improvement, grade counts and recommendations. It never reads a case: no
pseudonym, no panel comment about a case, and never an identifier.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.selectors import aim_grade_distributions
from safeguarding_qa.partnership.selectors import partnership_name
from safeguarding_qa.recommendations.models import Recommendation
from safeguarding_qa.reviews.models import PracticeReview

from .choices import SECTION_FIELDS

SECTION_LIMIT = 5000  # the form's limit on each section
TITLE_LIMIT = 200


def _lines(items: Iterable[str]) -> str:
    return "\n".join(f"- {item.strip()}" for item in items if item.strip())


def _points(text: str) -> list[str]:
    return [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip()]


def _fit(draft: dict[str, str]) -> dict[str, str]:
    """Every section within the form's limits, so the draft can be saved as it stands."""
    fitted = {name: draft.get(name, "")[:SECTION_LIMIT].strip() for name in SECTION_FIELDS}
    fitted["title"] = draft["title"][:TITLE_LIMIT]
    fitted["summary"] = draft.get("summary", "")[:300]
    return fitted


def _recommendations(source: Model) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(
            source_content_type=ContentType.objects.get_for_model(source),
            source_object_id=source.pk,
        )
        .prefetch_related("actions")
        .order_by("reference")
    )


def _what_to_do(recommendations: list[Recommendation], fallback: str) -> str:
    points = [r.title for r in recommendations] + [
        action.description for r in recommendations for action in r.actions.all()
    ]
    return _lines(points) if points else fallback


def _contacts() -> str:
    return f"Contact the {partnership_name()} business unit for support and training."


def _found_by_aim(audit: Audit) -> list[str]:
    """One line per graded aim: how many agency answers were at each grade."""
    found = []
    for item in aim_grade_distributions(audit=audit):
        if not item.total:
            continue
        counts = ", ".join(f"{label} {count}" for label, count in item.counts if count)
        found.append(f"{item.aim.text}: {counts} (of {item.total} agency answers).")
    return found


def draft_from_audit(audit: Audit) -> dict[str, str]:
    """The seven sections pre-drafted from an audit's theme, aims, findings and
    recommendations."""
    aims = [aim.text for aim in audit.aims.order_by("position")]
    organisations = [org.name for org in audit.organisations.order_by("name")]
    when = audit.panel_date or audit.closed_on
    cases = audit.cases.count()
    background = (
        f"The partnership's quality assurance subgroup carried out a "
        f"{audit.get_kind_display().lower()} on {audit.theme.lower()}"
        f"{f', with the panel meeting in {when:%B %Y}' if when else ''}. "
        f"{cases} {'child' if cases == 1 else 'children'}'s case{'' if cases == 1 else 's'} "
        f"{'was' if cases == 1 else 'were'} looked at by "
        f"{', '.join(organisations) or 'the participating agencies'}.\n\nThe audit asked:\n"
        f"{_lines(aims)}"
    )
    strengths = _points(audit.panel_strengths)
    improvements = _points(audit.panel_improvements)
    found = ["What worked well:", _lines(strengths) or "- Not recorded."]
    found += ["", "What needs to improve:", _lines(improvements) or "- Not recorded."]
    by_aim = _found_by_aim(audit)
    if by_aim:
        found += ["", "Grades given by agencies:", _lines(by_aim)]
    recommendations = _recommendations(audit)
    reviews = [str(review) for review in audit.practice_reviews.order_by("pk")]
    return _fit(
        {
            "title": f"Learning from the {audit.title}",
            "summary": f"What the multi-agency audit on {audit.theme.lower()} found and what "
            "it means for practice.",
            "background": background,
            "why_it_matters": audit.terms_of_reference
            or f"Multi-agency audits test how well agencies work together to keep children "
            f"safe. This audit looked at {audit.theme.lower()}.",
            "what_we_found": "\n".join(found),
            "what_good_looks_like": _lines(strengths)
            or "Describe the good practice the audit found.",
            "what_to_do": _what_to_do(
                recommendations, "Write what practitioners should do differently."
            ),
            "reflection_questions": _lines(
                f"How does your team make sure of this: {aim.rstrip('?.')}?" for aim in aims
            ),
            "further_reading": _lines([*reviews, _contacts()]),
        }
    )


def draft_from_review(review: PracticeReview) -> dict[str, str]:
    """The seven sections pre-drafted from a practice review and its recommendations."""
    themes = [theme.strip() for theme in review.themes.split(",") if theme.strip()]
    published = f", published in {review.published_on:%B %Y}" if review.published_on else ""
    recommendations = _recommendations(review)
    reading = [f"The published review: {review.report_url}"] if review.report_url else []
    return _fit(
        {
            "title": f"Learning from {review.name}",
            "summary": f"What the {review.get_kind_display().lower()} found and what it means "
            "for practice.",
            "background": f"{review.name} is a {review.get_kind_display().lower()}{published}."
            + (f"\n\nThemes:\n{_lines(themes)}" if themes else ""),
            "why_it_matters": review.terms_of_reference
            or "Practice reviews show where the system can learn to keep children safer.",
            "what_we_found": review.summary or "Summarise what the review found.",
            "what_good_looks_like": "Describe the practice the review would want to see.",
            "what_to_do": _what_to_do(
                recommendations, "Write what practitioners should do differently."
            ),
            "reflection_questions": _lines(
                f"How does your team's practice reflect the theme of {theme.lower()}?"
                for theme in themes
            )
            or "- What would you do differently after reading this review?",
            "further_reading": _lines([*reading, _contacts()]),
        }
    )
