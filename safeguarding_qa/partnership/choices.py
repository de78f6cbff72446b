"""Fixed lists for the partnership: sectors, kinds of group, roles within a group."""

from django.db import models


class Sector(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Local authority children's social care"
    EDUCATION = "education", "Education"
    POLICE = "police", "Police"
    INTEGRATED_CARE_BOARD = "integrated_care_board", "Integrated care board"
    ACUTE_HEALTH = "acute_health", "Acute health trust"
    COMMUNITY_HEALTH = "community_health", "Community health"
    MENTAL_HEALTH = "mental_health", "Mental health"
    PRIMARY_CARE = "primary_care", "Primary care / GP"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    EARLY_HELP = "early_help", "Early help"
    VOLUNTARY = "voluntary", "Voluntary sector"
    INDEPENDENT = "independent", "Independent"


class GroupKind(models.TextChoices):
    QA_SUBGROUP = "qa_subgroup", "Quality assurance subgroup"
    STEERING_GROUP = "steering_group", "Steering group"
    PRACTICE_REVIEW_GROUP = "practice_review_group", "Practice review group"
    OTHER = "other", "Other group"


class MeetingFrequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    BI_MONTHLY = "bi_monthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    AS_REQUIRED = "as_required", "As required"


class GroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    LAY_MEMBER = "lay_member", "Lay member"
    ADVISER = "adviser", "Adviser"
    BUSINESS_SUPPORT = "business_support", "Business support"


class ReviewOutcome(models.TextChoices):
    UNCHANGED = "unchanged", "Membership confirmed, no changes"
    CHANGED = "changed", "Changes made to the membership"
    FURTHER_WORK = "further_work", "Gaps found, further work needed"
