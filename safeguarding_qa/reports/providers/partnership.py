"""The reports app's own annual report section: the partnership, its groups and members.

Built from data that already exists (partnership, organisations, groups, memberships);
the audits, register and dashboard apps register their own sections later.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Q

from safeguarding_qa.partnership.models import Membership, Organisation

from ..renderers import Block, BulletList, Heading, Paragraph, Section, Table
from ..renderers.charts import bar_chart
from ..sections import ReportYear


def _members_during(year: ReportYear) -> list[Membership]:
    overlapping = Q(started_on__lte=year.ends_on) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=year.starts_on)
    )
    return list(
        Membership.objects.filter(overlapping)
        .select_related("group", "person__organisation")
        .order_by("group__name", "person__full_name", "started_on")
    )


def membership_sections(year: ReportYear) -> list[Section]:
    """Who the partnership's groups were, and how membership changed, during ``year``."""
    members = _members_during(year)
    organisations = list(Organisation.objects.filter(is_active=True).order_by("name"))
    return [_organisations_section(organisations), _groups_section(year, members)]


def _organisations_section(organisations: list[Organisation]) -> Section:
    statutory = [org.name for org in organisations if org.is_statutory_partner]
    blocks: list[Block] = [
        Paragraph(
            f"The partnership has {len(organisations)} active member organisations, "
            f"{len(statutory)} of them statutory safeguarding partners."
        ),
        Heading("Statutory safeguarding partners"),
        BulletList(tuple(statutory) or ("None recorded.",)),
        Table(
            caption="Member organisations",
            header=("Organisation", "Sector", "Statutory partner"),
            rows=tuple(
                (org.name, org.get_sector_display(), "Yes" if org.is_statutory_partner else "No")
                for org in organisations
            ),
        ),
    ]
    return Section(title="The partnership", blocks=tuple(blocks), anchor="partnership")


def _groups_section(year: ReportYear, members: list[Membership]) -> Section:
    if not members:
        return Section(
            title="Groups and membership",
            blocks=(Paragraph(f"No group had members between {_span(year)}."),),
            anchor="membership",
        )
    per_group = Counter(membership.group.name for membership in members)
    joined = sum(1 for m in members if m.started_on >= year.starts_on)
    left = sum(1 for m in members if m.ended_on is not None and m.ended_on <= year.ends_on)
    blocks: list[Block] = [
        Paragraph(
            f"Between {_span(year)}, {len(per_group)} group{'s' if len(per_group) != 1 else ''} "
            f"had {len(members)} membership{'s' if len(members) != 1 else ''}: "
            f"{joined} began and {left} ended during the year."
        ),
        bar_chart(
            title=f"Members by group, {year.label}",
            labels=list(per_group),
            values=list(per_group.values()),
            value_label="Members during the year",
            category_label="Group",
        ),
    ]
    for group_name in per_group:
        blocks.append(
            Table(
                caption=f"Members of {group_name}",
                header=("Name", "Organisation", "Role in group", "From", "To"),
                rows=tuple(
                    (
                        m.person.display_name,
                        str(m.person.organisation or "No organisation"),
                        m.get_role_display(),
                        f"{m.started_on:%-d %b %Y}",
                        f"{m.ended_on:%-d %b %Y}" if m.ended_on else "Continuing",
                    )
                    for m in members
                    if m.group.name == group_name
                ),
            )
        )
    return Section(title="Groups and membership", blocks=tuple(blocks), anchor="membership")


def _span(year: ReportYear) -> str:
    return f"1 April {year.start_year} and 31 March {year.start_year + 1}"
